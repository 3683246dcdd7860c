// web/training-health.js: each warning (exploding weights, a rising loss, saturated outputs) fires
// on the numbers that mean it and not on a healthy run's, and accuracy is not shown for NaN
// weights. The rule against real runs of the engine: tests/wasm/training-health.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { trainingWarning, accuracyText, MAX_HEALTHY_WEIGHT, LOSS_RISE, SATURATED_SLOPE } from '../../web/training-health.js';

const healthy = {
  epoch: 50, learningRate: 0.03, startLoss: 0.5, train: { loss: 0.1, accuracy: 0.95 },
  params: [0.5, -2, 3], outputActivation: 'tanh', outputSlope: () => 0.3,
};
const warn = (change) => trainingWarning({ ...healthy, ...change });

test('a healthy run gets no warning', () => {
  assert.equal(warn({}), null);
  assert.equal(warn({ epoch: 0, train: { loss: 0.5, accuracy: 0.5 } }), null);
  // Confident and right: saturated outputs are fine when the data is classified.
  assert.equal(warn({ outputSlope: () => 1e-6, train: { loss: 0.001, accuracy: 1 } }), null);
});

test('exploding weights', () => {
  assert.equal(MAX_HEALTHY_WEIGHT, 1000);
  assert.equal(warn({ params: [1, -1000] }), null);
  assert.equal(warn({ params: [1, -1001], epoch: 1, learningRate: 100 }),
    'The weights are exploding: the largest is 1.00e+3 (a healthy network here stays well below 1000). ' +
    'The learning rate (100) is probably too large: lower it, then reset.');
  // NaN weights are divergence, which the engine reports itself.
  assert.equal(warn({ params: [NaN, 5000] }), null);
});

test('a loss too large to compute while the weights are still finite', () => {
  assert.equal(warn({ train: { loss: Infinity, accuracy: NaN }, params: [1, -1.2e21], epoch: 1, learningRate: 100 }),
    'The loss is too large to compute (it overflowed), though the weights are still numbers (the largest is 1.20e+21): ' +
    'training is diverging. The learning rate (100) is probably too large: lower it, then reset.');
  assert.match(warn({ train: { loss: NaN, accuracy: NaN }, params: [5000] }), /^The loss is too large to compute/);
});

test('a training loss well above the start of the run', () => {
  assert.equal(LOSS_RISE, 1.5);
  assert.equal(warn({ train: { loss: 0.75, accuracy: 0.5 } }), null);
  assert.equal(warn({ train: { loss: 33.8, accuracy: 0.4 }, learningRate: 100 }),
    'Training is going the wrong way: the training loss is 67.6× what it was at the start (0.500 → 33.8). ' +
    'The learning rate (100) is probably too large: lower it, then reset.');
  assert.equal(warn({ epoch: 4, train: { loss: 33.8, accuracy: 0.4 } }), null, 'judged after 5 epochs');
  assert.match(warn({ epoch: 5, train: { loss: 33.8, accuracy: 0.4 } }), /^Training is going the wrong way/, 'judged from epoch 5');
  // A run that started at a loss of 0 has no ratio to rise by.
  assert.equal(warn({ startLoss: 0, train: { loss: 0.1, accuracy: 0.95 } }), null);
});

test('saturated outputs while points are misclassified (tanh and sigmoid outputs)', () => {
  assert.equal(SATURATED_SLOPE, 0.01);
  let calls = 0;
  const slope = (v) => () => { calls += 1; return v; };
  assert.match(warn({ train: { loss: 0.6, accuracy: 0.56 }, outputSlope: slope(2.9e-5), learningRate: 100 }),
    /^The output tanh is saturated: its mean slope f′\(z\) is 2\.9e-5 \(at most 1\), so almost no gradient flows back while 44% of the training points are misclassified\. The learning rate \(100\)/);
  assert.equal(warn({ train: { loss: 0.6, accuracy: 0.56 }, outputSlope: slope(0.011) }), null);
  assert.match(warn({ outputActivation: 'sigmoid', train: { loss: 0.6, accuracy: 0.5 }, outputSlope: slope(0.002) }), /at most 0\.25/);
  assert.equal(warn({ outputActivation: 'sigmoid', train: { loss: 0.6, accuracy: 0.5 }, outputSlope: slope(0.003) }), null);
  // Not asked when it cannot matter (layerStats is a pass over the data).
  calls = 0;
  warn({ outputActivation: 'linear', train: { loss: 0.4, accuracy: 0.5 }, outputSlope: slope(0) });
  warn({ outputActivation: 'softmax', train: { loss: 0.4, accuracy: 0.5 }, outputSlope: slope(0) });
  warn({ train: { loss: 0.1, accuracy: 0.95 }, outputSlope: slope(0) });
  assert.equal(calls, 0);
});

test('accuracy is shown only for finite weights', () => {
  assert.equal(accuracyText(0.505, false), '50.5%');
  assert.equal(accuracyText(0.505, true), '–');
  assert.equal(accuracyText(NaN, false), '–');
});
