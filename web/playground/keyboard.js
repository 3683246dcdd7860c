// Keyboard shortcuts of the playground: space plays or pauses, s steps, r resets, n draws new weights.
import { $ } from './page.js';

const KEYS = { ' ': 'play', s: 'step', r: 'reset', n: 'rerun' };  // n: as the New weights button's tooltip says
// Elements that Space itself activates (a button, the Chapters menu's summary, a link, a switch):
// Space on them is theirs, not Play's.
const SPACE_ACTIVATES = 'button, summary, a[href], [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="tab"], [role="menuitem"], [role="option"]';

// A shortcut presses its button only where the learner can see it: not on a chapter that hides the
// playground, nor past a button a link hid.
const shown = (el) => el.getClientRects().length > 0;
// A modal dialog (Share / embed) makes the page behind it inert: its keys are the dialog's, and a
// shortcut would change the run, and the link the dialog shows, out of sight.
const modalOpen = () => document.querySelector('dialog:modal') !== null;

/** Listens for the shortcuts on the document. */
export function wireKeyboard() {
  document.addEventListener('keydown', (e) => {
    // Keys an element already handled (a unit or a bar of the step panel) are not shortcuts too.
    const target = /** @type {Element} */ (e.target);
    if (e.defaultPrevented || target.closest('input, select, textarea, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!Object.hasOwn(KEYS, e.key) || (e.key === ' ' && target.closest(SPACE_ACTIVATES)) || modalOpen()) return;
    const button = $(KEYS[e.key]);
    if (!shown(button)) return;
    if (e.key === ' ') e.preventDefault();  // not a scroll of the page as well
    button.click();
  });
}
