// Chapter 7's lab (web/chapters/regularisation/reg-lab.js) on the wasm engine the page runs: the five
// runs start from the same weights and each differs from the unregularised one only by its own
// setting; the penalties shrink the weights as the core defines them (L1 to zero); early stopping
// is the unregularised run stopped by the playground's rule, its weights those of the kept epoch;
// the cache trains again only the run a control changes; the tasks are met and missed where they should.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine } from './load-engine.mjs';
import { labNumbers, earlyStopping, weightHistogram, regTasks, DEFAULT_SETTINGS, LAB_SETUP, NEAR_ZERO, BINS, VARIANTS }
  from '../../web/chapters/regularisation/reg-lab.js';
import { evaluate } from '../../web/course/tasks.js';

let module;
before(async () => { module = await loadModule(); });

const withEngine = (f) => {
  const engine = new Engine(module);
  try { return f(engine); } finally { engine.dispose(); }
};
const lab = (settings = {}, cache) => withEngine((engine) => labNumbers(engine, { ...DEFAULT_SETTINGS, ...settings }, cache));
const run = (numbers, id) => numbers.runs.find((r) => r.id === id);
const task = (id) => regTasks.find((t) => t.id === id);
const weightsOf = (engine) => engine.layers().flatMap((l) => Array.from(l.W));

// The numbers of one run trained alone on a fresh engine, as the lab says it trains it.
const alone = (extra, epochs) => withEngine((engine) => {
  engine.configure({ ...LAB_SETUP, ...extra });
  engine.trainEpochs(epochs);
  return { metrics: engine.metrics(), weights: weightsOf(engine) };
});

test('the runs: the same initial weights, each one the set-up with its own setting, in the order shown', () => {
  const numbers = lab();
  assert.deepEqual(numbers.runs.map((r) => r.id), VARIANTS);
  const first = Array.from(numbers.runs[0].initial);
  assert.equal(first.length, 7 * 8 + 8 * 8 + 8 * 8 + 8, 'every weight of 7-[8, 8, 8]-1, no bias');
  for (const r of numbers.runs) assert.deepEqual(Array.from(r.initial), first, `${r.id} starts from the same weights`);
  // Each run is its setting alone on the set-up, trained from the seed, number for number.
  for (const [id, extra] of [['none', {}], ['l2', { l2: 0.03 }], ['l1', { l1: 0.003 }], ['dropout', { dropout: 0.3 }]]) {
    const own = alone(extra, 300);
    assert.deepEqual(run(numbers, id).metrics, own.metrics, `${id}: the metrics of that run`);
    assert.deepEqual(Array.from(run(numbers, id).weights), own.weights, `${id}: its weights`);
    assert.equal(run(numbers, id).perEpoch.length, 301, 'a record per epoch, epoch 0 first');
  }
  // The validation split exists (early stopping reads it) and the test keeps half the points.
  const m = run(numbers, 'none').metrics;
  assert.deepEqual([m.train.count, m.validation.count, m.test.count], [30, 30, 60]);
});

test('the penalties shrink the weights: L1 puts many at zero, L2 shrinks their squares; none of it at epoch 0', () => {
  const numbers = lab({ l1: 0.03, l2: 0.1 });
  const none = run(numbers, 'none').stats, l1 = run(numbers, 'l1').stats, l2 = run(numbers, 'l2').stats;
  assert.ok(l1.nearZero > 5 * none.nearZero && l1.nearZero / l1.count > 0.9, `near zero: L1 ${l1.nearZero}, none ${none.nearZero}`);
  assert.ok(l1.sumAbs < none.sumAbs / 5, `Σ|w|: L1 ${l1.sumAbs}, none ${none.sumAbs}`);
  assert.ok(l2.halfSumSq < none.halfSumSq / 5, `½Σw²: L2 ${l2.halfSumSq}, none ${none.halfSumSq}`);
  // The stats are of the run's weights: Σ|w|, ½Σw² and the count below NEAR_ZERO.
  const w = Array.from(run(numbers, 'l2').weights);
  assert.ok(Math.abs(l2.sumAbs - w.reduce((a, v) => a + Math.abs(v), 0)) < 1e-9);
  assert.ok(Math.abs(l2.halfSumSq - w.reduce((a, v) => a + v * v, 0) / 2) < 1e-9);
  assert.equal(l2.nearZero, w.filter((v) => Math.abs(v) < NEAR_ZERO).length);
  // One range for every histogram: the largest |w| of all runs; each histogram sums to 1.
  assert.equal(numbers.range, Math.max(...numbers.runs.flatMap((r) => Array.from(r.weights, Math.abs))));
  for (const r of numbers.runs) {
    assert.equal(r.histogram.length, BINS);
    assert.ok(Math.abs(r.histogram.reduce((a, f) => a + f, 0) - 1) < 1e-12, r.id);
  }
  assert.ok(run(numbers, 'l1').histogram[(BINS - 1) / 2] > 0.9, 'L1\'s weights pile up in the middle bin, at 0');
  assert.ok(run(numbers, 'none').histogram[(BINS - 1) / 2] < 0.2, 'unregularised, they spread');
  // Before any training every run is the same network.
  const untrained = lab({ epochs: 0 });
  for (const r of untrained.runs) assert.deepEqual(r.metrics, untrained.runs[0].metrics, r.id);
});

test('weightHistogram: equal bins over ±range, 0 in the middle one, the tails in the end bins', () => {
  const h = weightHistogram(Float64Array.from([0, 0.001, -0.001, 1, -1, 5, -5, 0.5]), 1);
  assert.equal(h[(BINS - 1) / 2] * 8, 3);
  assert.equal(h[0] * 8, 2, '−1 and −5');
  assert.equal(h[BINS - 1] * 8, 2, '1 (the upper edge) and 5');
  assert.equal(h[Math.floor(1.5 / 2 * BINS)] * 8, 1, '0.5');
});

test('early stopping: the unregularised run stopped by the playground\'s rule, with the kept epoch\'s weights', () => {
  const numbers = lab({ patience: 20 });
  const { early } = numbers;
  const none = run(numbers, 'none');
  assert.deepEqual(early, { stopped: true, stopEpoch: 23, kept: 3, keptWithLess: 3 });
  assert.equal(early.stopEpoch - early.kept, 20, 'it stops the patience after its best epoch');
  const validation = none.perEpoch.map((m) => m.validation.loss);
  assert.equal(Math.min(...validation.slice(0, early.stopEpoch + 1)), validation[early.kept], 'the lowest validation loss up to the stop');
  const stopped = run(numbers, 'early');
  assert.equal(stopped.epochs, early.stopEpoch);
  assert.deepEqual(stopped.metrics, none.perEpoch[early.kept], 'its numbers are those of the kept epoch');
  // Its weights are those of a run trained `kept` epochs from the same start: not the stop's, not one epoch off.
  assert.deepEqual(Array.from(stopped.weights), alone({}, early.kept).weights);
  assert.deepEqual(stopped.metrics, alone({}, early.kept).metrics);
  // Too little patience: it stops on the first rises of the validation loss and keeps epoch 0.
  assert.deepEqual(lab({ patience: 2 }).early, { stopped: true, stopEpoch: 2, kept: 0, keptWithLess: 0 });
  assert.deepEqual(lab({ patience: 3 }).early, { stopped: true, stopEpoch: 6, kept: 3, keptWithLess: 0 });
  // Not stopped within the epochs: the last epoch's weights, the unregularised run's.
  const short = lab({ epochs: 10 });
  assert.deepEqual(short.early, { stopped: false, stopEpoch: 10, kept: 10, keptWithLess: 10 });
  assert.deepEqual(Array.from(run(short, 'early').weights), Array.from(run(short, 'none').weights));
  for (const s of [{ epochs: 0 }, { epochs: 1, patience: 1 }, { epochs: 1000, patience: 1000 }]) {
    const e = lab(s).early;
    assert.ok(e.kept <= e.stopEpoch && e.stopEpoch <= s.epochs, JSON.stringify([s, e]));
  }
});

test('earlyStopping: the rule on a made-up validation curve', () => {
  const curve = [0.5, 0.6, 0.4, 0.45, 0.41, 0.42, 0.39, 0.5].map((v) => ({ train: { loss: 0 }, test: { loss: 0 }, validation: { loss: v, count: 1 } }));
  assert.deepEqual(earlyStopping(curve, 1), { stopped: true, stopEpoch: 1, kept: 0 });
  assert.deepEqual(earlyStopping(curve, 3), { stopped: true, stopEpoch: 5, kept: 2 });
  assert.deepEqual(earlyStopping(curve, 4), { stopped: false, stopEpoch: 7, kept: 7 });
});

test('a change of one control trains again only its run; the others come from the cache', () => {
  const cache = new Map();
  withEngine((engine) => {
    const before = labNumbers(engine, { ...DEFAULT_SETTINGS }, cache);
    const after = labNumbers(engine, { ...DEFAULT_SETTINGS, l2: 0.2 }, cache);
    for (const id of ['none', 'l1', 'dropout']) assert.equal(run(after, id).perEpoch, run(before, id).perEpoch, `${id} reused`);
    assert.notDeepEqual(run(after, 'l2').metrics, run(before, 'l2').metrics);
    assert.deepEqual(run(after, 'l2').metrics, alone({ l2: 0.2 }, 300).metrics, 'the new L2 run, not the cached one');
    // Back to the first rate: the first numbers again.
    assert.deepEqual(run(labNumbers(engine, { ...DEFAULT_SETTINGS }, cache), 'l2').metrics, run(before, 'l2').metrics);
    // More epochs: every run again, to the new length.
    const longer = labNumbers(engine, { ...DEFAULT_SETTINGS, epochs: 400 }, cache);
    for (const r of longer.runs.filter((r) => r.id !== 'early')) assert.equal(r.perEpoch.length, 401, r.id);
  });
});

test('the tasks: none met at the defaults; each met by the setting it asks for and missed just short of it', () => {
  const defaults = lab();
  for (const t of regTasks) assert.equal(evaluate(t, defaults).met, false, t.id);
  assert.match(evaluate(task('sparse-l1'), defaults).missing.join('; '), /^90% of the weights near zero \(now 17\.2%, 33 of 192\); test accuracy of at least 80% \(now 66\.7%\)$/);
  assert.equal(evaluate(task('sparse-l1'), lab({ l1: 0.03 })).met, true);
  assert.equal(evaluate(task('sparse-l1'), lab({ l1: 0.01 })).met, false, '59% near zero');
  assert.match(evaluate(task('l2-beats-overfitting'), defaults).missing.join(), /^a test loss below 0\.3 with L2 \(now 0\.41\)$/);
  assert.equal(evaluate(task('l2-beats-overfitting'), lab({ l2: 0.2 })).met, true);
  assert.equal(evaluate(task('l2-beats-overfitting'), lab({ l2: 0.1 })).met, false, '0.311 at 300 epochs');
  assert.match(evaluate(task('l2-beats-overfitting'), lab({ l2: 0.2, epochs: 200 })).missing.join(), /^train at least 300 epochs \(now 200\)$/);
  assert.match(evaluate(task('patience'), defaults).missing.join(), /^a patience of 19 would also keep trained weights$/);
  assert.match(evaluate(task('patience'), lab({ patience: 2 })).missing.join(), /^with a patience of 2 epochs it keeps epoch 0, the untrained weights$/);
  assert.equal(evaluate(task('patience'), lab({ patience: 3 })).met, true);
  assert.match(evaluate(task('patience'), lab({ patience: 3, epochs: 5 })).missing.join(), /^early stopping does not stop within 5 epochs$/);
});
