// A lab's heavy computation (training several networks, hundreds of epochs) in slices, as the
// playground trains: a control change must never hold the page for longer than a frame's budget.
// A lab writes its computation once, as a generator that yields between small units of work (an
// epoch) its progress so far, a fraction from 0 to 1, and returns its numbers: finish() runs it at
// once (the Node tests), a runner runs it a slice per animation frame while the numbers shown stay
// those of the last settings, marked busy, until the new ones are ready.
import { FRAME_BUDGET_MS } from '../playground/frame-budget.js';
import { labListeners } from './lab-wiring.js';
import { t } from '../i18n/i18n.js';

/**
 * Runs `steps` to its end at once and returns what it returns.
 * @template T
 * @param {Generator<number, T>} steps
 * @returns {T}
 */
export function finish(steps) {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs `steps` as a part of a larger computation: its progress mapped onto [from, to] of the whole.
 * @template T
 * @param {Generator<number, T>} steps
 * @returns {Generator<number, T>}
 */
export function* within(steps, from, to) {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield from + (to - from) * /** @type {number} */ (next.value);
  }
}

/**
 * One computation at a time for the lab `section`: start() abandons the one in progress (its
 * settings are stale) and runs the new one in slices of FRAME_BUDGET_MS, one per animation frame.
 * While it runs the section is aria-busy (the e2e tests wait on it), its numbers stay the last
 * settings' and a progress bar after `after` shows how far it is.
 * @param {HTMLElement} section
 * @param {Element} after where the progress bar goes
 */
export function slicedRunner(section, after) {
  const bar = document.createElement('progress');
  bar.className = 'lab-progress';
  bar.max = 1;
  bar.setAttribute('aria-label', t('Computing the lab\'s numbers'));
  after.after(bar);
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    section.removeAttribute('aria-busy');
  };
  return {
    /**
     * @template T
     * @param {Generator<number, T>} steps
     * @param {(value: T) => void} done called with what `steps` returns
     * @param {(error: unknown) => void} failed called with what `steps` throws
     */
    start(steps, done, failed) {
      stop();
      section.setAttribute('aria-busy', 'true');
      bar.value = 0;
      const slice = () => {
        const end = performance.now() + FRAME_BUDGET_MS;
        try {
          for (;;) {
            const next = steps.next();
            if (next.done) {
              // Drawn in a frame of its own: a slice and the drawing of many numbers together
              // would make one long task again.
              frame = requestAnimationFrame(() => {
                stop();
                done(next.value);
              });
              return;
            }
            if (performance.now() >= end) {
              bar.value = /** @type {number} */ (next.value);
              frame = requestAnimationFrame(slice);
              return;
            }
          }
        } catch (e) {
          stop();
          failed(e);
        }
      };
      frame = requestAnimationFrame(slice);
    },
    /** Abandons the computation in progress (the lab is leaving). */
    cancel: stop,
  };
}

/**
 * A sliced lab's controls: a change of any of `fields` with valid settings (`valid()`, null when a
 * field is refused) saves the lab's link at once, not when the numbers come (a reload or another
 * chapter meanwhile keeps it), and computes `steps(settings)` on `runner`; an invalid one abandons
 * the computation in progress. The first drawing is computed the same way, as the lab mounts.
 * @template S, T
 * @param {{ fields: Record<string, HTMLElement>, runner: ReturnType<typeof slicedRunner>,
 *   valid: () => S | null, save: () => void, steps: (settings: S) => Generator<number, T>,
 *   show: (numbers: T) => void, refused: (error: unknown) => void }} lab
 * @returns {() => void} stops listening and abandons a computation in progress
 */
export function wireSlicedLab({ fields, runner, valid, save, steps, show, refused }) {
  const listening = labListeners();
  for (const el of Object.values(fields)) {
    listening.on(el, 'change', () => {
      const settings = valid();
      if (settings === null) return runner.cancel();
      save();
      runner.start(steps(settings), show, refused);
    });
  }
  // The first drawing in slices too (a link can open a lab at its limits): the shell keeps a link's
  // target in view and a re-mounted lab's height until the numbers land (course/first-numbers.js).
  const first = valid();
  if (first !== null) runner.start(steps(first), show, refused);
  return () => {
    runner.cancel();
    listening.off();
  };
}
