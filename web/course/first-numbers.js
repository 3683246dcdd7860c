// A sliced lab (course/sliced.js) computes its first numbers over frames after its chapter mounts,
// aria-busy meanwhile, so the chapter grows when they land. These keep what the reader was brought
// to, or was reading, where it was.

const busy = (container) => container.querySelector('[aria-busy="true"]') !== null;

/** Calls `then` once no lab in `container` is busy; returns what stops waiting. */
function whenSettled(container, then) {
  const watching = new MutationObserver(() => {
    if (busy(container)) return;
    watching.disconnect();
    then();
  });
  watching.observe(container, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  return () => watching.disconnect();
}

// What a learner scrolls with: after any of them the page is theirs to move, not the link's.
const SCROLLING = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

/**
 * Brings `target` (a link's task or lab, just scrolled to) into view again once the labs in
 * `container` have their first numbers, unless the learner scrolled meanwhile: numbers landing
 * above it would push it out of the window.
 * @param {Element} container
 * @param {Element} target
 * @param {ScrollLogicalPosition} block as it was scrolled to
 * @returns {() => void} stops keeping it (another route)
 */
export function keepInView(container, target, block) {
  if (!busy(container)) return () => {};
  const stop = () => {
    settled();
    for (const type of SCROLLING) removeEventListener(type, stop, true);
  };
  for (const type of SCROLLING) addEventListener(type, stop, { capture: true, passive: true });
  const settled = whenSettled(container, () => {
    stop();
    target.scrollIntoView({ block });
  });
  return stop;
}

/**
 * The heights of the labs in `container`, before it is mounted again (in another language): the
 * returned function, called after the mount, holds each busy lab at its old height until the labs
 * have their numbers, so what the reader was reading below them stays where it was.
 * @param {Element} container
 * @returns {() => void}
 */
export function holdLabHeights(container) {
  const heights = [...container.querySelectorAll(':scope > .widget[id]')].map((w) => [w.id, w.getBoundingClientRect().height]);
  return () => {
    const held = [];
    for (const [id, height] of heights) {
      /** @type {HTMLElement | null} */
      const lab = container.querySelector(`:scope > [id="${id}"]`);
      if (lab?.getAttribute('aria-busy') !== 'true') continue;
      lab.style.minHeight = `${height}px`;  // border-box: the height measured
      held.push(lab);
    }
    if (held.length) whenSettled(container, () => { for (const lab of held) lab.style.minHeight = ''; });
  };
}
