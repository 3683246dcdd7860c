// Tests for web/history.js: recording per-epoch metrics, replacing a re-recorded epoch, tracking
// the best validation epoch, and the early-stopping rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHistory, record, recordLayers, recordSettings, shouldStop, HISTORY_CAPACITY } from '../../web/history.js';

const metrics = (train, test, validation, count = 10, [trainAccuracy, testAccuracy] = [0.5, 0.6]) => ({
  train: { loss: train, accuracy: trainAccuracy, count: 100 },
  test: { loss: test, accuracy: testAccuracy, count: 100 },
  validation: { loss: validation, accuracy: NaN, count },
});

test('records one entry per epoch in order', () => {
  const h = createHistory();
  record(h, 0, metrics(1, 2, 3));
  record(h, 1, metrics(0.5, 1, 2, 10, [0.7, 0.8]));
  assert.deepEqual(h.epochs, [0, 1]);
  assert.deepEqual(h.train, [1, 0.5]);
  assert.deepEqual(h.test, [2, 1]);
  assert.deepEqual(h.trainAccuracy, [0.5, 0.7]);
  assert.deepEqual(h.testAccuracy, [0.6, 0.8]);
});

test('re-recording the latest epoch replaces it; an older epoch is ignored', () => {
  const h = createHistory();
  record(h, 0, metrics(1, 1, 1));
  record(h, 2, metrics(0.8, 0.8, 0.8));
  record(h, 2, metrics(0.7, 0.7, 0.7));  // a weight edit at the same epoch
  record(h, 1, metrics(9, 9, 9));        // out of order
  assert.deepEqual(h.epochs, [0, 2]);
  assert.deepEqual(h.train, [1, 0.7]);
});

test('fractional epochs (mini-batch steps) are kept', () => {
  const h = createHistory();
  record(h, 0, metrics(1, 1, 1));
  record(h, 0.25, metrics(0.9, 0.9, 0.9));
  assert.deepEqual(h.epochs, [0, 0.25]);
});

test('the best validation epoch is tracked with its params, only when there is validation data', () => {
  const h = createHistory();
  let calls = 0;
  const params = () => { calls += 1; return new Float32Array([calls]); };
  record(h, 0, metrics(1, 1, 0.9), params);
  record(h, 1, metrics(1, 1, 0.5), params);
  record(h, 2, metrics(1, 1, 0.7), params);  // worse: params not taken
  assert.equal(h.best.epoch, 1);
  assert.equal(h.best.loss, 0.5);
  assert.deepEqual(Array.from(h.best.params), [2]);
  assert.equal(calls, 2);

  const none = createHistory();
  record(none, 0, metrics(1, 1, NaN, 0));
  assert.equal(none.best, null);
  assert.equal(shouldStop(none, 1), false);
});

test('early stopping fires once the validation loss has not improved for `patience` epochs', () => {
  const h = createHistory();
  record(h, 0, metrics(1, 1, 0.5));
  for (let e = 1; e < 5; ++e) {
    record(h, e, metrics(1, 1, 0.6));
    assert.equal(shouldStop(h, 5), false, `epoch ${e}`);
  }
  record(h, 5, metrics(1, 1, 0.6));
  assert.equal(shouldStop(h, 5), true);
  record(h, 6, metrics(1, 1, 0.4));  // improvement resets the count
  assert.equal(shouldStop(h, 5), false);
  // A validation loss that only equals the best is no improvement: the count goes on.
  for (let e = 7; e <= 11; ++e) record(h, e, metrics(1, 1, 0.4));
  assert.equal(h.best.epoch, 6);
  assert.equal(shouldStop(h, 5), true);
});

test('layer gradient samples: one per epoch, the latest replaced, a new layer count starts afresh', () => {
  const h = createHistory();
  const stats = (...norms) => norms.map((gradientNorm) => ({ gradientNorm }));
  recordLayers(h, 0, stats(1e-4, 1e-2));
  recordLayers(h, 1.5, stats(2e-4, 2e-2));
  recordLayers(h, 1.5, stats(3e-4, 3e-2));  // same epoch: replaced
  recordLayers(h, 1, stats(9, 9));          // older: ignored
  assert.deepEqual(h.layers.epochs, [0, 1.5]);
  assert.deepEqual(h.layers.norms, [[1e-4, 3e-4], [1e-2, 3e-2]]);
  recordLayers(h, 2, stats(1, 2, 3));       // the network grew a layer
  assert.deepEqual({ epochs: h.layers.epochs, norms: h.layers.norms }, { epochs: [2], norms: [[1], [2], [3]] });
});

test('a long run keeps at most HISTORY_CAPACITY layer samples, the first and the newest among them', () => {
  const h = createHistory();
  let most = 0;
  for (let e = 0; e <= 100_000; ++e) {
    recordLayers(h, e, [{ gradientNorm: e }, { gradientNorm: -e }]);
    most = Math.max(most, h.layers.epochs.length);
  }
  assert.ok(most <= HISTORY_CAPACITY, `at most ${most} samples`);
  assert.equal(h.layers.epochs[0], 0);
  assert.equal(h.layers.epochs.at(-1), 100_000);
  assert.deepEqual(h.layers.norms, [h.layers.epochs, h.layers.epochs.map((e) => -e)]);
});

test('the settings a run trained under are noted from their epoch on; a change before any training replaces the last', () => {
  const h = createHistory();
  recordSettings(h, 0, { optimizer: 'sgd' });
  recordSettings(h, 0, { optimizer: 'adam' });
  recordSettings(h, 12.5, { optimizer: 'sgd' });
  assert.deepEqual(h.settings, [{ epoch: 0, state: { optimizer: 'adam' } }, { epoch: 12.5, state: { optimizer: 'sgd' } }]);
});

test('a long run keeps at most HISTORY_CAPACITY records, evenly spread, with the first, the newest and each first reach of a loss or accuracy', () => {
  const h = createHistory();
  const epochs = 1_000_000;
  // A loss falling from 1 by 1e-6 an epoch (below 0.1 first at epoch 900,001: off every stride),
  // a noisy test accuracy, a validation loss at its lowest at epoch 123,457.
  const loss = (e) => 1 - e * 1e-6 + 1e-7;
  const accuracy = (e) => (e === 777_777 ? 0.99 : 0.5 + 0.4 * (e / epochs));
  const validation = (e) => (e === 123_457 ? 0.01 : 0.5);
  let most = 0;
  for (let e = 0; e <= epochs; ++e) {
    record(h, e, { train: { loss: loss(e), accuracy: 0.5, count: 100 }, test: { loss: 1, accuracy: accuracy(e), count: 100 },
      validation: { loss: validation(e), accuracy: NaN, count: 10 } });
    most = Math.max(most, h.epochs.length);
  }
  assert.ok(most <= HISTORY_CAPACITY + 200, `at most ${most} records`);
  assert.ok(h.epochs.length >= HISTORY_CAPACITY / 2 - 1, `${h.epochs.length} records`);
  for (const key of ['train', 'test', 'validation', 'trainAccuracy', 'testAccuracy']) assert.equal(h[key].length, h.epochs.length);
  assert.equal(h.epochs[0], 0);
  assert.equal(h.epochs.at(-1), epochs);
  assert.ok(h.epochs.every((e, i) => i === 0 || e > h.epochs[i - 1]), 'epochs strictly increasing');
  h.epochs.forEach((e, i) => {
    assert.equal(h.train[i], loss(e), `train loss at epoch ${e}`);
    assert.equal(h.testAccuracy[i], accuracy(e), `test accuracy at epoch ${e}`);
  });
  // Evenly spread: no gap much wider than the stride.
  const gaps = h.epochs.slice(1).map((e, i) => e - h.epochs[i]);
  assert.ok(Math.max(...gaps) <= 2 * epochs / (HISTORY_CAPACITY / 2), `widest gap ${Math.max(...gaps)}`);
  // A task's "first below 0.1", "first at 99%": the exact epochs.
  assert.equal(h.epochs[h.train.findIndex((v) => v < 0.1)], 900_001);
  assert.equal(h.epochs[h.train.findIndex((v) => v < 0.05)], 950_001);
  assert.equal(h.epochs[h.testAccuracy.findIndex((v) => v >= 0.99)], 777_777);
  assert.equal(h.epochs[h.validation.findIndex((v) => v < 0.1)], 123_457);
  assert.equal(h.best.epoch, 123_457);  // early stopping's best epoch, exact
});

test('a run shorter than HISTORY_CAPACITY keeps every record', () => {
  const h = createHistory();
  for (let e = 0; e < HISTORY_CAPACITY; ++e) record(h, e / 4, metrics(1 / (e + 1), 1, 1));
  assert.equal(h.epochs.length, HISTORY_CAPACITY);
  assert.deepEqual(h.epochs, Array.from({ length: HISTORY_CAPACITY }, (_, e) => e / 4));
});

test('a re-recorded newest epoch that no longer reaches a level is not kept as a first reach', () => {
  const h = createHistory();
  for (let e = 0; e <= 2 * HISTORY_CAPACITY; ++e) {
    // Epoch 5001 dips below 0.1, then a weight edit at the same epoch puts it back above.
    record(h, e, metrics(e === 5001 ? 0.09 : 0.5, 1, 1));
    if (e === 5001) record(h, e, metrics(0.5, 1, 1));
  }
  assert.equal(h.train.findIndex((v) => v < 0.1), -1);
  assert.ok(!h.epochs.includes(5001), 'off the stride and no first reach: dropped');
});
