// The training record the chart draws and early stopping reads: loss and accuracy per epoch for
// each split, and the best validation epoch. Pure bookkeeping of numbers the engine computed;
// no DOM, no engine.

/** @returns a fresh, empty history */
export function createHistory() {
  return {
    epochs: [],
    train: [], test: [], validation: [],
    trainAccuracy: [], testAccuracy: [],
    best: null,  // { epoch, loss, params } lowest validation loss so far
    layers: { epochs: [], norms: [] },  // |dJ/dW| per weight layer, when the layer view sampled it
    /** @type {{ epoch: number, state: object }[]} the settings the run trained under, each from its epoch on */
    settings: [],
  };
}

/**
 * Notes the settings the run trains under from `epoch` on: at its start, and after each change that
 * kept the weights (the learning rate, the optimiser), so a task can tell a goal reached under the
 * settings it asks for from one reached on the way through others. A change before any training
 * under the last settings replaces them.
 */
export function recordSettings(history, epoch, state) {
  if (history.settings.length > 0 && history.settings.at(-1).epoch >= epoch) history.settings.pop();
  history.settings.push({ epoch, state });
}

/**
 * Appends one sample of the per-layer gradient norms (engine.layerStats()). Re-sampling the last
 * epoch replaces it; a different layer count (a new network) starts the record afresh.
 */
export function recordLayers(history, epoch, stats) {
  const rec = history.layers;
  if (rec.norms.length !== stats.length) {
    rec.epochs = [];
    rec.norms = stats.map(() => []);
  }
  const n = rec.epochs.length;
  const i = n > 0 && rec.epochs[n - 1] >= epoch ? n - 1 : n;
  if (i < n && rec.epochs[i] > epoch) return;  // out of order: ignore
  rec.epochs[i] = epoch;
  stats.forEach((s, l) => { rec.norms[l][i] = s.gradientNorm; });
}

/**
 * Appends one record. Re-recording the last epoch replaces it (a step of less than one epoch,
 * a weight edit), so epochs stay strictly increasing for the chart.
 * @param history from createHistory()
 * @param {number} epoch fractional epochs are allowed (mini-batch and example steps)
 * @param metrics engine.metrics(): { train, validation, test } each { loss, accuracy, count }
 * @param {Function} [paramsNow] returns the current params, called only for a new best
 */
export function record(history, epoch, metrics, paramsNow) {
  const n = history.epochs.length;
  const i = n > 0 && history.epochs[n - 1] >= epoch ? n - 1 : n;
  if (i < n && history.epochs[i] > epoch) return;  // out of order: ignore
  history.epochs[i] = epoch;
  history.train[i] = metrics.train.loss;
  history.test[i] = metrics.test.loss;
  history.validation[i] = metrics.validation.loss;
  history.trainAccuracy[i] = metrics.train.accuracy;
  history.testAccuracy[i] = metrics.test.accuracy;
  const v = metrics.validation.loss;
  if (metrics.validation.count > 0 && Number.isFinite(v) && (!history.best || v < history.best.loss)) {
    history.best = { epoch, loss: v, params: paramsNow ? paramsNow() : null };
  }
}

/**
 * Early stopping: true once the validation loss has not improved for `patience` epochs.
 */
export function shouldStop(history, patience) {
  if (!history.best) return false;
  const last = history.epochs[history.epochs.length - 1];
  return last - history.best.epoch >= patience;
}

/** The latest record, or null. */
export function latest(history) {
  const n = history.epochs.length;
  if (n === 0) return null;
  return {
    epoch: history.epochs[n - 1],
    train: history.train[n - 1], test: history.test[n - 1], validation: history.validation[n - 1],
    trainAccuracy: history.trainAccuracy[n - 1], testAccuracy: history.testAccuracy[n - 1],
  };
}
