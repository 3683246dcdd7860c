// Tests for web/rules.js: the page offers only output/loss pairs the core accepts, and moves to a
// sensible pair when the problem changes. The engine's own check is tested in tests/wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputActivations, losses, defaultPair, coherent, datasetProblem } from '../../web/rules.js';

test('softmax is offered for multi-class only, with softmax cross-entropy only', () => {
  assert.ok(outputActivations('multiclass').includes('softmax'));
  assert.ok(!outputActivations('binary').includes('softmax'));
  assert.ok(!outputActivations('regression').includes('softmax'));
  assert.deepEqual(losses('multiclass', 'softmax'), ['softmax_ce']);
});

test('binary cross-entropy needs a sigmoid output; regression takes squared error only', () => {
  assert.deepEqual(losses('binary', 'sigmoid'), ['bce', 'mse']);
  assert.deepEqual(losses('binary', 'tanh'), ['mse']);
  assert.deepEqual(losses('regression', 'sigmoid'), ['mse']);
});

test('each problem starts from its usual pair', () => {
  assert.deepEqual(defaultPair('binary'), { outputActivation: 'tanh', loss: 'mse' });
  assert.deepEqual(defaultPair('multiclass'), { outputActivation: 'softmax', loss: 'softmax_ce' });
  assert.deepEqual(defaultPair('regression'), { outputActivation: 'linear', loss: 'mse' });
});

test('coherent() keeps a valid pair and repairs an invalid one', () => {
  const s = { outputActivation: 'sigmoid', loss: 'bce', other: 1 };
  assert.equal(coherent(s, 'binary'), s);
  assert.equal(coherent(s, 'multiclass'), s);  // one-vs-rest sigmoid outputs with BCE
  assert.deepEqual(coherent(s, 'regression'), { outputActivation: 'sigmoid', loss: 'mse', other: 1 });
  assert.deepEqual(coherent({ outputActivation: 'softmax', loss: 'softmax_ce' }, 'binary'), { outputActivation: 'tanh', loss: 'mse' });
  assert.deepEqual(coherent({ outputActivation: 'tanh', loss: 'softmax_ce' }, 'binary'), { outputActivation: 'tanh', loss: 'mse' });
});

test('generated datasets pose the expected problem', () => {
  for (const d of ['xor', 'circles', 'gaussians', 'spiral', 'moons']) assert.equal(datasetProblem(d), 'binary');
  for (const d of ['blobs', 'multi_spiral']) assert.equal(datasetProblem(d), 'multiclass');
  for (const d of ['plane', 'multi_gaussian']) assert.equal(datasetProblem(d), 'regression');
});
