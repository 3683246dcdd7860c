// The classic single units through engine.js in the wasm build: the McCulloch–Pitts truth tables,
// the perceptron and Adaline rules against the updates worked by hand in the Catch2 suite (so the
// wasm and native builds agree on them), the batch form, the history, and every bad argument
// refused with an EngineError that changes nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, assertEngineError } from './load-engine.mjs';
import { ClassicUnit, mcCullochPittsTable } from '../../web/engine.js';

let module;
before(async () => { module = await loadModule(); });

const TRUTH = [[0, 0], [0, 1], [1, 0], [1, 1]];
const BIPOLAR_TRUTH = [[-1, -1], [-1, 1], [1, -1], [1, 1]];
const close = (got, want, tol = 1e-6) => {
  assert.equal(got.length, want.length);
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= tol, `component ${i}: ${got[i]} vs ${w}`));
};

test('McCulloch-Pitts: AND at θ = 2, OR at θ = 1, NOT with an inhibitory input, AND NOT', () => {
  assert.deepEqual([...mcCullochPittsTable(module, [false, false], 2)], [0, 0, 0, 1]);
  assert.deepEqual([...mcCullochPittsTable(module, [false, false], 1)], [0, 1, 1, 1]);
  assert.deepEqual([...mcCullochPittsTable(module, [true], 0)], [1, 0]);
  assert.deepEqual([...mcCullochPittsTable(module, [false, true], 1)], [0, 0, 1, 0]);
  assertEngineError(() => mcCullochPittsTable(module, [false, false], 3), /between 0 and the number of inputs, 2 \(got 3\)/);
  assertEngineError(() => mcCullochPittsTable(module, [], 0), /1 to 8 inputs \(got 0\)/);
  assertEngineError(() => mcCullochPittsTable(module, new Array(9).fill(false), 1), /1 to 8 inputs \(got 9\)/);
  assertEngineError(() => mcCullochPittsTable(module, [1, 0], 1), /array of true\/false/);
  assertEngineError(() => mcCullochPittsTable(module, [false], 0.5), /threshold must be a whole number/);
  assertEngineError(() => mcCullochPittsTable(module, 'ab', 1), /array of true\/false/);
});

test('perceptron, binary AND at rate 1: the steps worked by hand, then converged after 6 epochs at (-2, 2, 1)', () => {
  const unit = new ClassicUnit(module);
  try {
    unit.reset({ rule: 'perceptron', coding: 'binary', learningRate: 1 }, TRUTH, [0, 0, 0, 1], [0, 0, 0]);
    for (let i = 0; i < 3; ++i) {
      const s = unit.step();
      assert.deepEqual([s.sum, s.output, s.error, s.mistake], [0, 0, 0, false]);
    }
    const miss = unit.step();
    assert.equal(miss.example, 3);
    assert.deepEqual([...miss.input], [1, 1, 1]);
    assert.deepEqual([miss.target, miss.error, miss.mistake], [1, 1, true]);
    assert.deepEqual([...miss.deltaW], [1, 1, 1]);
    assert.deepEqual([...miss.update], [1, 1, 1]);
    const next = unit.step();
    assert.deepEqual([next.epoch, next.sum, next.output, next.error], [1, 1, 1, -1]);
    assert.deepEqual([...next.weights], [1, 1, 1]);
    assert.deepEqual([...next.deltaW], [-1, 0, 0]);
    unit.trainEpochs(20);
    const state = unit.state();
    assert.deepEqual([...state.weights], [-2, 2, 1]);
    assert.equal(state.converged, true);
    assert.equal(state.cost, 0);
    const h = unit.history();
    assert.equal(h.first, 0);
    assert.deepEqual([...h.mistakes.slice(0, 6)], [1, 3, 3, 2, 1, 0]);
    assert.deepEqual([...unit.history(19).mistakes], [0, 0]);
    assert.equal(unit.history(19).first, 19);
  } finally {
    unit.dispose();
  }
});

test('perceptron, bipolar AND at rate 0.5: converged after 3 epochs at (-1, 1, 1); XOR never converges', () => {
  const unit = new ClassicUnit(module);
  try {
    unit.reset({ rule: 'perceptron', coding: 'bipolar', learningRate: 0.5 }, BIPOLAR_TRUTH, [-1, -1, -1, 1], [0, 0, 0]);
    unit.trainEpochs(3);
    assert.deepEqual([...unit.state().weights], [-1, 1, 1]);
    assert.deepEqual([...unit.history().mistakes], [1, 2, 0]);
    unit.reset({ rule: 'perceptron', coding: 'bipolar', learningRate: 1 }, BIPOLAR_TRUTH, [-1, 1, 1, -1], [0, 0, 0]);
    unit.trainEpochs(500);
    assert.equal(unit.state().converged, false);
    assert.ok(unit.history().mistakes.every((m) => m >= 1), 'a mistake in every epoch');
  } finally {
    unit.dispose();
  }
});

test('Adaline: the first updates as worked by hand; in batch mode nothing moves before the epoch ends', () => {
  const unit = new ClassicUnit(module);
  try {
    unit.reset({ rule: 'adaline', coding: 'bipolar', learningRate: 0.1 }, BIPOLAR_TRUTH, [-1, -1, -1, 1], [0, 0, 0]);
    close(unit.step().update, [-0.1, 0.1, 0.1]);
    const second = unit.step();
    close([second.sum, second.error], [-0.1, -0.9]);
    close(unit.state().weights, [-0.19, 0.19, 0.01]);
    close(unit.step().weights, [-0.19, 0.19, 0.01]);
    close(unit.state().weights, [-0.289, 0.091, 0.109]);

    unit.reset({ rule: 'adaline', coding: 'binary', learningRate: 0.1, batch: true }, TRUTH, [0, 0, 0, 1], [0, 0, 0]);
    const steps = [unit.step(), unit.step(), unit.step(), unit.step()];
    for (const s of steps.slice(0, 3)) assert.deepEqual([...s.update], [0, 0, 0]);
    close(steps[3].update, [0.1, 0.1, 0.1]);  // the sum of the four Δw: only (1,1) had an error
    assert.equal(unit.state().epoch, 1);
  } finally {
    unit.dispose();
  }
});

test('shuffled epochs follow the seed; a large Adaline rate diverges and is then refused', () => {
  const unit = new ClassicUnit(module);
  const orderFor = (seed) => {
    unit.reset({ rule: 'perceptron', coding: 'binary', learningRate: 1, shuffle: true, seed }, TRUTH, [0, 1, 1, 0], [0, 0, 0]);
    return Array.from({ length: 12 }, () => unit.step().example);
  };
  try {
    const a = orderFor(3);
    assert.deepEqual(orderFor(3), a);
    assert.notDeepEqual(orderFor(4), a);
    unit.reset({ rule: 'adaline', coding: 'bipolar', learningRate: 5 }, [[10], [-10]], [1, -1], [0, 0]);
    unit.trainEpochs(1000);
    assert.equal(unit.state().diverged, true);
    assert.ok(unit.state().epoch < 1000);
    assertEngineError(() => unit.step(), /no longer finite/);
  } finally {
    unit.dispose();
  }
});

test('bad settings, data and counts are refused with an EngineError and change nothing', () => {
  const unit = new ClassicUnit(module);
  const ok = { rule: 'perceptron', coding: 'binary', learningRate: 1 };
  try {
    assertEngineError(() => unit.step(), /reset it first/);
    unit.reset(ok, TRUTH, [0, 0, 0, 1], [0, 0, 0]);
    unit.step();
    const before = unit.state();
    assertEngineError(() => unit.reset({ ...ok, rule: 'hebb' }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /'rule' must be 'perceptron' or 'adaline'/);
    assertEngineError(() => unit.reset({ ...ok, coding: 'ternary' }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /'coding'/);
    assertEngineError(() => unit.reset({ ...ok, learningRate: 0 }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /learning rate must be in \(0, 100\] \(got 0\)/);
    assertEngineError(() => unit.reset({ ...ok, learningRate: '1' }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /'learningRate' must be a number/);
    assertEngineError(() => unit.reset({ ...ok, batch: 1 }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /'batch' must be true or false/);
    assertEngineError(() => unit.reset({ ...ok, seed: -1 }, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /seed must be between 0 and 4294967295/);
    assertEngineError(() => unit.reset(null, TRUTH, [0, 0, 0, 1], [0, 0, 0]), /settings must be an object/);
    assertEngineError(() => unit.reset(ok, [], [], [0]), /non-empty array/);
    assertEngineError(() => unit.reset(ok, [[0, 0], [1]], [0, 1], [0, 0, 0]), /every example needs 2 inputs \(examples\[1\] has 1\)/);
    assertEngineError(() => unit.reset(ok, [['a', 0]], [0], [0, 0, 0]), /examples\[0\]\[0\] must be a number/);
    assertEngineError(() => unit.reset(ok, [new Array(17).fill(0)], [0], new Array(18).fill(0)), /at most 16/);
    assertEngineError(() => unit.reset(ok, TRUTH, [0, 0, 1], [0, 0, 0]), /one target per example: 4 examples, 3 targets/);
    assertEngineError(() => unit.reset(ok, TRUTH, [0, 2, 0, 1], [0, 0, 0]), /binary targets each target is 0 or 1 \(example 1 has 2\)/);
    assertEngineError(() => unit.reset(ok, TRUTH, [0, 0, 0, 1], [0, 0]), /3 weights, the bias w0 first \(got 2\)/);
    assertEngineError(() => unit.reset(ok, [[NaN, 0]], [0], [0, 0, 0]), /finite/);
    assertEngineError(() => unit.trainEpochs(1.5), /epochs must be a whole number/);
    assertEngineError(() => unit.trainEpochs(2 ** 32), /between 0 and 100000 \(got 4294967296\)/);
    assertEngineError(() => unit.history(-0.5), /since must be a whole number/);
    const after = unit.state();
    assert.deepEqual([...after.weights], [...before.weights]);
    assert.deepEqual([after.epoch, after.position], [before.epoch, before.position]);
  } finally {
    unit.dispose();
  }
  assertEngineError(() => unit.step(), /disposed/);
});
