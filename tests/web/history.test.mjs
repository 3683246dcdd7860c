// Tests for web/history.js: recording per-epoch metrics, replacing a re-recorded epoch, tracking
// the best validation epoch, and the early-stopping rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHistory, record, recordLayers, recordSettings, shouldStop, latest } from '../../web/history.js';

const metrics = (train, test, validation, count = 10) => ({
  train: { loss: train, accuracy: 0.5, count: 100 },
  test: { loss: test, accuracy: 0.6, count: 100 },
  validation: { loss: validation, accuracy: NaN, count },
});

test('records one entry per epoch in order', () => {
  const h = createHistory();
  record(h, 0, metrics(1, 2, 3));
  record(h, 1, metrics(0.5, 1, 2));
  assert.deepEqual(h.epochs, [0, 1]);
  assert.deepEqual(h.train, [1, 0.5]);
  assert.deepEqual(h.test, [2, 1]);
  assert.deepEqual(latest(h), { epoch: 1, train: 0.5, test: 1, validation: 2, trainAccuracy: 0.5, testAccuracy: 0.6 });
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
  assert.deepEqual(h.layers, { epochs: [2], norms: [[1], [2], [3]] });
});

test('the settings a run trained under are noted from their epoch on; a change before any training replaces the last', () => {
  const h = createHistory();
  recordSettings(h, 0, { optimizer: 'sgd' });
  recordSettings(h, 0, { optimizer: 'adam' });
  recordSettings(h, 12.5, { optimizer: 'sgd' });
  assert.deepEqual(h.settings, [{ epoch: 0, state: { optimizer: 'adam' } }, { epoch: 12.5, state: { optimizer: 'sgd' } }]);
});
