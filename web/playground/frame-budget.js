// How much training one animation frame may do: `speed` epochs within a fixed time budget, or, at
// "as fast as possible", as many epochs as fit before the next frame is due, less the time the last
// render took, so the display keeps 60 frames per second while training takes the rest.
// Pure: no DOM, no engine.

/** The most time any frame spends training, so the page stays responsive. */
export const FRAME_BUDGET_MS = 10;
const FRAME_MS = 1000 / 60;
const SLACK_MS = 3;  // style, layout and paint after the frame's script
const MIN_TRAINING_MS = 2;  // a render slower than a frame still leaves training some time

/**
 * Epochs this frame may train, and the time (in `start`'s clock) after which it stops.
 * @param {number|'max'} speed epochs per frame, or 'max'
 * @param {number} start now, in ms
 * @param {number} renderMs how long the last render took
 */
export function frameAllowance(speed, start, renderMs) {
  if (speed !== 'max') return { epochs: speed, deadline: start + FRAME_BUDGET_MS };
  const budget = Math.min(FRAME_BUDGET_MS, Math.max(MIN_TRAINING_MS, FRAME_MS - SLACK_MS - renderMs));
  return { epochs: Infinity, deadline: start + budget };
}
