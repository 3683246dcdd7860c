// Keyboard shortcuts of the playground: space plays or pauses, s steps, r resets, n draws new weights.
import { $ } from './page.js';

/** Listens for the shortcuts on the document. */
export function wireKeyboard() {
  document.addEventListener('keydown', (e) => {
    // Keys an element already handled (a unit or a bar of the step panel) are not shortcuts too.
    const target = /** @type {Element} */ (e.target);
    if (e.defaultPrevented || target.closest('input, select, textarea, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && !target.closest('button, [role="switch"], [role="button"]')) { e.preventDefault(); $('play').click(); }
    else if (e.key === 's') $('step').click();
    else if (e.key === 'r') $('reset').click();
    else if (e.key === 'n') $('rerun').click();  // as the New weights button's tooltip says
  });
}
