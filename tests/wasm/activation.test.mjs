// The activation lab's functions through engine.js in the wasm build: f and f' by hand (the same
// values as the Catch2 suite, so wasm and native agree), the properties table (largest slopes 0.25
// and 1, ranges, saturation), softmax of the lecture's logits, the chain rule's products for the
// lecture's vanishing-gradient example, and every bad argument refused with an EngineError.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, assertEngineError } from './load-engine.mjs';
import { activationNames, activationProperties, activationCurve, softmax, chainProducts } from '../../web/engine.js';

let module;
before(async () => { module = await loadModule(); });

const close = (got, want, tol = 1e-6) => {
  assert.equal(got.length, want.length);
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= tol, `component ${i}: ${got[i]} vs ${w}`));
};
const byName = (table) => Object.fromEntries(table.map((r) => [r.name, r]));

test('the names: every activation of the core, softmax last', () => {
  assert.deepEqual(activationNames(module), ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus',
    'abs', 'gelu', 'swish', 'prelu', 'maxout', 'softmax']);
});

test('f and f\' by hand: sigmoid, tanh, ReLU, leaky ReLU, ELU, softplus, step, linear', () => {
  const c = (name, zs, params) => activationCurve(module, name, zs, params);
  let r = c('sigmoid', [-2, 0, 1]);
  assert.ok(r.f instanceof Float64Array && r.df instanceof Float64Array);
  close(r.f, [0.11920292, 0.5, 0.73105858]);
  close(r.df, [0.10499359, 0.25, 0.19661193]);
  r = c('tanh', [0, 0.5, -2]);
  close(r.f, [0, 0.46211716, -0.96402758]);
  close(r.df, [1, 0.78644773, 0.07065082]);
  r = c('relu', [-3, 0, 2.5]);
  assert.deepEqual([...r.f, ...r.df], [0, 0, 2.5, 0, 0, 1]);
  r = c('leaky_relu', [-3, 2], { leakySlope: 0.1 });
  close(r.f, [-0.3, 2]);
  close(r.df, [0.1, 1]);
  assert.ok(Math.abs(c('leaky_relu', [-3]).f[0] + 0.03) < 1e-7, 'the default slope is the playground\'s 0.01');
  r = c('elu', [-2, 1], { eluAlpha: 2 });
  close(r.f, [2 * -0.86466472, 1]);
  close(r.df, [2 * 0.13533528, 1]);
  r = c('softplus', [0, 1, -1]);
  close(r.f, [0.69314718, 1.31326169, 0.31326169]);
  close(r.df, [0.5, 0.73105858, 0.26894142]);
  assert.deepEqual([...c('step', [-1, 0, 0.5]).f], [0, 0, 1]);
  assert.deepEqual([...c('linear', [-4, 3]).df], [1, 1]);
});

test('the properties: largest slopes 0.25 and 1, ranges with their open ends, saturating sides, smoothness', () => {
  const t = byName(activationProperties(module));
  assert.deepEqual(Object.keys(t), ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus',
    'abs', 'gelu', 'swish', 'prelu']);
  assert.equal(t.sigmoid.maxSlope, 0.25);
  assert.deepEqual([t.sigmoid.maxSlopeAt, t.linear.maxSlopeAt, t.relu.maxSlopeAt], [0, 0, 1 / 256]);
  assert.equal(t.tanh.maxSlope, 1);
  assert.equal(t.relu.maxSlope, 1);
  assert.equal(t.step.maxSlope, 0);
  assert.deepEqual([t.sigmoid.low, t.sigmoid.high, t.sigmoid.lowOpen, t.sigmoid.highOpen], [0, 1, true, true]);
  assert.deepEqual([t.tanh.low, t.tanh.high, t.tanh.zeroCentred], [-1, 1, true]);
  assert.deepEqual([t.relu.low, t.relu.high, t.relu.lowOpen, t.relu.saturatesLow, t.relu.saturatesHigh], [0, Infinity, false, true, false]);
  assert.deepEqual([t.linear.low, t.linear.high], [-Infinity, Infinity]);
  assert.equal(t.step.twoValued, true);
  assert.deepEqual(['sigmoid', 'tanh', 'softplus', 'elu', 'linear'].map((n) => t[n].smooth), [true, true, true, true, true]);
  assert.deepEqual(['step', 'relu', 'leaky_relu'].map((n) => t[n].smooth), [false, false, false]);
  assert.deepEqual([t.sigmoid.cost, t.relu.cost, t.softplus.cost, t.linear.cost], ['exp', 'comparison', 'exp + log', 'none']);
  assert.match(t.sigmoid.formula, /1 \/ \(1 \+ e\^−z\)/);
  // ELU with α = 2: its range starts at −2, its slope reaches 2 at 0 and jumps to 1 there.
  const elu = byName(activationProperties(module, { eluAlpha: 2 })).elu;
  assert.deepEqual([elu.low, elu.maxSlope, elu.smooth], [-2, 2, false]);
});

test('softmax of the lecture\'s logits [1.60, 0.55, 0.98] is [0.530, 0.185, 0.285], not the slide\'s [0.51, 0.18, 0.31]', () => {
  const p = softmax(module, [1.60, 0.55, 0.98]);
  assert.ok(p instanceof Float64Array);
  close(p, [0.5296941, 0.1853600, 0.2849460]);
  assert.deepEqual([...p].map((v) => v.toFixed(3)), ['0.530', '0.185', '0.285']);
  assert.ok(Math.abs(p[0] - 0.51) > 0.015);
  close(softmax(module, new Float64Array([1000, 0])), [1, 0]);
});

test('the chain rule: the lecture\'s 0.4 × 0.2 × 0.08 × 0.9 + 0.4 × 0.6 × 0.3 × 0.9 ≈ 0.07 against 0.4 × 0.5 = 0.2', () => {
  const deep = chainProducts(module, [[0.4, 0.2, 0.08, 0.9], [0.4, 0.6, 0.3, 0.9]]);
  close(deep.running[0], [0.4, 0.08, 0.0064, 0.00576], 1e-15);
  close(deep.running[1], [0.4, 0.24, 0.072, 0.0648], 1e-15);
  assert.ok(Math.abs(deep.total - 0.07056) < 1e-15);
  assert.ok(Math.abs(chainProducts(module, [[0.4, 0.5]]).total - 0.2) < 1e-15);
  // Sigmoid at its steepest in every layer: below 10⁻³ after 5 layers, not after 4.
  const slopes = activationCurve(module, 'sigmoid', new Array(5).fill(0)).df;
  const chain = chainProducts(module, [slopes]).running[0];
  assert.ok(chain[3] > 1e-3 && chain[4] < 1e-3, `${chain}`);
});

test('bad names, non-finite values, too many values and bad parameters are refused, naming what is wrong', () => {
  assertEngineError(() => activationCurve(module, 'mish', [0]), /^unknown activation 'mish'$/);
  assertEngineError(() => activationCurve(module, 'softmax', [0]), /softmax is not elementwise/);
  assertEngineError(() => activationCurve(module, 7, [0]), /the activation must be a name \(got 7\)/);
  assertEngineError(() => activationCurve(module, 'tanh', [0, NaN]), /^z\[1\] must be a finite number \(got NaN\)$/);
  assertEngineError(() => activationCurve(module, 'tanh', [Infinity]), /z\[0\] must be a finite number \(got Infinity\)/);
  assertEngineError(() => activationCurve(module, 'tanh', [0, '1']), /z\[1\] must be a number \(got '1'\)/);
  assertEngineError(() => activationCurve(module, 'tanh', []), /z must have at least one number/);
  assertEngineError(() => activationCurve(module, 'tanh', new Float64Array(10001)), /z has 10001 numbers \(at most 10000\)/);
  assertEngineError(() => activationCurve(module, 'tanh', [1e300]), /z\[0\] must be a finite number within the core's float range \(got 1e\+300\)/);
  assertEngineError(() => activationCurve(module, 'tanh', 'zs'), /z must be an array of numbers/);
  assertEngineError(() => activationCurve(module, 'leaky_relu', [0], { leakySlope: 1 }), /leaky ReLU slope must be in \[0, 1\) \(got 1\)/);
  assertEngineError(() => activationCurve(module, 'elu', [0], { eluAlpha: NaN }), /eluAlpha must be a finite number \(got NaN\)/);
  assertEngineError(() => activationCurve(module, 'elu', [0], { alpha: 2 }), /unknown activation parameter 'alpha'/);
  assertEngineError(() => activationProperties(module, { eluAlpha: 11 }), /ELU alpha must be in \(0, 10\] \(got 11\)/);
  assertEngineError(() => activationProperties(module, 3), /params must be an object/);
  assertEngineError(() => softmax(module, []), /logits must have at least one number/);
  assertEngineError(() => softmax(module, new Array(101).fill(0)), /logits has 101 numbers \(at most 100\)/);
  assertEngineError(() => softmax(module, [1, -Infinity]), /logits\[1\] must be a finite number \(got -Infinity\)/);
  assertEngineError(() => chainProducts(module, []), /paths must be an array of 1 to 16 arrays of numbers \(got 0\)/);
  assertEngineError(() => chainProducts(module, [[0.5], [NaN]]), /paths\[1\]\[0\] must be a finite number/);
  assertEngineError(() => chainProducts(module, [new Array(101).fill(1)]), /paths\[0\] has 101 numbers \(at most 100\)/);
  assertEngineError(() => chainProducts(module, new Array(17).fill([1])), /got 17/);
});
