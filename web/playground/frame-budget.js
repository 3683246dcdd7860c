// How much training one slice may do. Training runs in a task of its own after each frame is drawn:
// `speed` epochs within a fixed time budget, or, at "as fast as possible", as many epochs as fit
// before the next frame is due, less the time the last render took, so the display keeps 60 frames
// per second while training takes the rest. An epoch too long for one task (a large data set, a wide
// network) goes in runs of batches instead, so no task holds the page for long.
// Pure: no DOM, no engine.

/** The most time any slice spends training whole epochs, so the page stays responsive. */
export const FRAME_BUDGET_MS = 10;
/**
 * The longest a training slice may take: half the 50 ms at which a browser counts a task as long
 * (the frame's drawing is a task of its own).
 */
export const TASK_LIMIT_MS = 25;
const FRAME_MS = 1000 / 60;
const SLACK_MS = 3;  // style, layout and paint after the frame's script
const MIN_TRAINING_MS = 2;  // a render slower than a frame still leaves training some time

/**
 * Epochs this slice may train, and the time (in `start`'s clock) after which it stops.
 * @param {number|'max'} speed epochs per frame, or 'max'
 * @param {number} start now, in ms
 * @param {number} renderMs how long the last render took
 */
export function frameAllowance(speed, start, renderMs) {
  if (speed !== 'max') return { epochs: speed, deadline: start + FRAME_BUDGET_MS };
  const budget = Math.min(FRAME_BUDGET_MS, Math.max(MIN_TRAINING_MS, FRAME_MS - SLACK_MS - renderMs));
  return { epochs: Infinity, deadline: start + budget };
}

/**
 * Batches this slice trains instead of whole epochs: 0 while an epoch (its batches, then the record
 * of the numbers after it) fits in TASK_LIMIT_MS, or while its cost is not known yet; else as many
 * batches as fit in that time with the one record after them, at least one.
 * @param {{ batchMs: number, recordMs: number, batchesPerEpoch: number }} cost the last slice's
 *   measured time per batch and per record, and the batches an epoch has
 */
export function sliceBatches({ batchMs, recordMs, batchesPerEpoch }) {
  if (!(batchMs * batchesPerEpoch + recordMs > TASK_LIMIT_MS)) return 0;
  return Math.max(1, Math.min(batchesPerEpoch, Math.floor((TASK_LIMIT_MS - recordMs) / batchMs)));
}
