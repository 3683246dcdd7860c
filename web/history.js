// The training record the chart draws and early stopping reads: loss and accuracy per epoch for
// each split, and the best validation epoch. Pure bookkeeping of numbers the engine computed;
// no DOM, no engine.

/**
 * The most records a history holds. "As fast as possible" records some 10,000 epochs a second and
 * the chart walks every record each frame, so an unbounded record would slow a long run down and
 * keep growing. When full, every other record is dropped and from then on only every other new one
 * is kept (the stride doubles, as the core's Trajectory does): a run of any length stays evenly
 * spread over 2,048 to 4,096 records, several per pixel column of the chart. Shorter runs keep
 * every record. Always kept: the first and the newest record, and each first reach of a level
 * (below), so a task asking when a goal was first met reads the exact epoch.
 */
export const HISTORY_CAPACITY = 4096;

// The levels whose first reach survives thinning, per series, as a number that grows as the run
// improves: a loss below each one-digit value (0.1, 0.05, 3×10⁻⁴; value j is d×10^k for
// j = 9k + d − 1, so 1 is value 0), an accuracy at each whole percent. NaN: no level.
const oneDigits = new Map();  // j → its value, parsed once from decimal text (exact: 0.3, not 3 × 0.1)
function oneDigit(j) {
  if (!oneDigits.has(j)) oneDigits.set(j, Number(`${j - 9 * Math.floor(j / 9) + 1}e${Math.floor(j / 9)}`));
  return oneDigits.get(j);
}
function lossLevel(v) {
  if (v === 0) return Infinity;
  if (!(v > 0) || v === Infinity) return NaN;
  const k = Math.floor(Math.log10(v));
  let j = 9 * k + Math.floor(v / 10 ** k);  // the first value above v, up to rounding
  while (oneDigit(j - 1) > v) j -= 1;
  while (oneDigit(j) <= v) j += 1;
  return -j;
}
const percentLevel = (v) => (Number.isFinite(v) ? Math.floor(v * 100 + 1e-9) : NaN);
const LEVELS = { train: lossLevel, test: lossLevel, validation: lossLevel, trainAccuracy: percentLevel, testAccuracy: percentLevel };
const SERIES = Object.keys(LEVELS);

/** @returns a fresh, empty history */
export function createHistory() {
  return {
    epochs: [],
    train: [], test: [], validation: [],
    trainAccuracy: [], testAccuracy: [],
    best: null,  // { epoch, loss, params } lowest validation loss so far
    ...thinning(),
    reached: SERIES.map(() => -Infinity),  // each series' best level over the records before the newest
    layers: { epochs: [], norms: [], ...thinning() },  // |dJ/dW| per weight layer, when the layer view sampled it
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
 * epoch replaces it; a different layer count (a new network) starts the record afresh. Thinned
 * like the history, past HISTORY_CAPACITY samples.
 */
export function recordLayers(history, epoch, stats) {
  const rec = history.layers;
  if (rec.norms.length !== stats.length) Object.assign(rec, { epochs: [], norms: stats.map(() => []), ...thinning() });
  const n = rec.epochs.length;
  let i = n > 0 && rec.epochs[n - 1] >= epoch ? n - 1 : n;
  if (i < n && rec.epochs[i] > epoch) return;  // out of order: ignore
  if (i === n) i = makeRoom(rec, [rec.sequence, rec.epochs, ...rec.norms]);
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
  let i = n > 0 && history.epochs[n - 1] >= epoch ? n - 1 : n;
  if (i < n && history.epochs[i] > epoch) return;  // out of order: ignore
  if (i === n) {
    const levels = SERIES.map((key) => ({ values: history[key], level: LEVELS[key] }));
    i = makeRoom(history, [history.sequence, history.epochs, ...levels.map((l) => l.values)], history.reached, levels);
  }
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

// What thinning a record (the history's, the layers') keeps beside its arrays.
const thinning = () => ({
  sequence: [],  // which new record (from 0) each record was: the stride keeps multiples of it
  added: 0, stride: 1,  // new records so far; the stride kept beyond the newest
});

/**
 * Where a new record of `rec` goes: over the newest if that one was kept only as the newest, else
 * after it, once every other record is dropped if `rec` is full. Its sequence number is set.
 * @param rec epochs and thinning()
 * @param {number[][]} columns all of rec's arrays, sequence and epochs included
 * @param {number[]} [reached] the best of each level over the records before the newest
 * @param {{ values: number[], level: (v: number) => number }[]} [levels] the series whose levels' first reaches stay
 */
function makeRoom(rec, columns, reached = [], levels = []) {
  const n = rec.epochs.length;
  const call = rec.added++;
  if (n > 0) {
    const firstReach = reach(reached, n - 1, levels);
    if (rec.sequence[n - 1] % rec.stride !== 0 && !firstReach) {
      rec.sequence[n - 1] = call;
      return n - 1;
    }
    if (n >= HISTORY_CAPACITY) thin(rec, columns, levels);
  }
  rec.sequence.push(call);
  return rec.epochs.length;
}

// Keeps the records on twice the stride (the first among them) and each first reach of a level (all
// of them are still here, so the first reach among those left is the run's).
function thin(rec, columns, levels) {
  const stride = 2 * rec.stride;
  const reached = levels.map(() => -Infinity);
  let kept = 0;
  for (let i = 0; i < rec.epochs.length; ++i) {
    if (!reach(reached, i, levels) && rec.sequence[i] % stride !== 0) continue;
    for (const column of columns) column[kept] = column[i];
    kept += 1;
  }
  for (const column of columns) column.length = kept;
  rec.stride = stride;
}

// Folds record i's levels into `reached`: true if it reached one beyond them (a first reach).
function reach(reached, i, levels) {
  let first = false;
  levels.forEach(({ values, level }, s) => {
    const l = level(values[i]);
    if (l > reached[s]) { reached[s] = l; first = true; }
  });
  return first;
}

/**
 * Early stopping: true once the validation loss has not improved for `patience` epochs.
 */
export function shouldStop(history, patience) {
  if (!history.best) return false;
  const last = history.epochs[history.epochs.length - 1];
  return last - history.best.epoch >= patience;
}
