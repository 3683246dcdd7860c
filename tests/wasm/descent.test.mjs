// Gradient descent on two-parameter losses through engine.js in the wasm build: the step worked by
// hand in the Catch2 suite (so wasm and native agree on it), batches, the path and the grid, the
// saddle, divergence, bad arguments refused with an EngineError that changes nothing, and lifetimes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, assertEngineError } from './load-engine.mjs';
import { Descent, surfaceNames } from '../../web/engine.js';

let module;
before(async () => { module = await loadModule(); });

const near = (got, want, tol = 1e-6) => assert.ok(Math.abs(got - want) <= tol * (1 + Math.abs(want)), `${got} vs ${want}`);

test('the six surfaces by name', () => {
  assert.deepEqual(surfaceNames(module), ['linear_regression', 'sigmoid_squared', 'sigmoid_cross_entropy', 'saddle', 'two_minima', 'bowl']);
});

test('linear regression by hand: t = 1 + 2x from w = 0, one full-batch step at 0.1', () => {
  const d = new Descent(module);
  try {
    d.reset('linear_regression', { learningRate: 0.1, batchSize: 100 }, { x: [0, 1, 2], t: [1, 3, 5] }, [0, 0]);
    near(d.state().loss, 35 / 6);
    const s = d.step();
    assert.deepEqual([...s.batch].sort(), [0, 1, 2]);
    near(s.gradient[0], -3);
    near(s.gradient[1], -13 / 3);
    near(s.update[0], 0.3);
    near(s.lossBefore, 35 / 6);
    const state = d.state();
    near(state.weights[0], 0.3);
    near(state.weights[1], 13 / 30);
    near(s.lossAfter, state.loss);
    assert.equal(state.epoch, 1);
    const path = d.path();
    assert.deepEqual([...path.weights.slice(0, 2)], [0, 0]);
    assert.equal(path.loss.length, 2);
    near(path.loss[1], state.loss);
    // The grid's centre (w0, w1) = (0, 0) holds J there; row 0 is the top (w1 = hi1).
    const g = d.grid(-1, 1, -1, 1, 3);
    assert.equal(g.length, 9);
    near(g[4], 35 / 6);
    near(g[0], (2 ** 2 + 3 ** 2 + 4 ** 2) / 6);  // w = (−1, 1): h − t = −2, −3, −4
  } finally {
    d.dispose();
  }
});

test("each point's terms: the Catch2 suite's saturated point, and their mean is the step's gradient", () => {
  const d = new Descent(module);
  try {
    // x = 2, t = 1 at w = (0, −4): z = −8, h = σ(−8); squared error's delta is tiny, cross-entropy's is h − t.
    d.reset('sigmoid_squared', { learningRate: 0.5, batchSize: 100 }, { x: [2], t: [1] }, [0, -4]);
    const [se] = d.terms();
    const h = 1 / (1 + Math.exp(8));
    assert.equal(se.z, -8);
    near(se.h, h);
    near(se.slope, h * (1 - h));
    near(se.delta, (h - 1) * h * (1 - h));
    d.reset('sigmoid_cross_entropy', { learningRate: 0.5, batchSize: 100 }, { x: [2], t: [1] }, [0, -4]);
    const [ce] = d.terms();
    near(ce.delta, h - 1);
    near(ce.loss, -Math.log(h));

    const x = [-1.5, -0.4, 0.3, 1.1], t = [0, 0, 1, 1];
    d.reset('sigmoid_cross_entropy', { learningRate: 0.5, batchSize: 100 }, { x, t }, [0.4, -1.3]);
    const terms = d.terms();
    const g0 = terms.reduce((a, p) => a + p.delta, 0) / 4;
    const g1 = terms.reduce((a, p, i) => a + p.delta * x[i], 0) / 4;
    near(d.state().gradient[0], g0);
    near(d.state().gradient[1], g1);
    const step = d.step();
    near(step.gradient[0], g0);
    near(step.gradient[1], g1);
    near(step.lossBefore, terms.reduce((a, p) => a + p.loss, 0) / 4);
    d.reset('saddle', {}, null, [1, 1]);
    assert.deepEqual(d.terms(), []);
  } finally {
    d.dispose();
  }
});

test('single points: an epoch is one step per point; momentum and Adam run; the saddle holds at (0, 0)', () => {
  const d = new Descent(module);
  try {
    d.reset('sigmoid_cross_entropy', { learningRate: 0.5, batchSize: 1 }, { x: [-1, 0, 1, 2], t: [0, 0, 1, 1] }, [0, 0], 3);
    const batches = Array.from({ length: 4 }, () => d.step().batch[0]);
    assert.deepEqual([...batches].sort(), [0, 1, 2, 3]);
    assert.equal(d.state().epoch, 1);
    d.run(400);
    assert.ok(d.state().loss < 0.3, `J = ${d.state().loss}`);
    d.setSettings({ optimizer: 'adam', learningRate: 0.05 });
    d.run(10);
    assert.equal(d.path().loss.length, 4 + 400 + 10 + 1);
    d.reset('saddle', { learningRate: 0.1 }, null, [0, 0]);
    d.run(5);
    assert.deepEqual([...d.state().weights], [0, 0], 'the gradient is 0 at the saddle');
    d.reset('bowl', { learningRate: 0.2 }, null, [1, 1]);  // above 2/20 along w1
    d.run(1000);
    assert.equal(d.state().diverged, true);
    assertEngineError(() => d.step(), /no longer finite/);
  } finally {
    d.dispose();
  }
});

test('bad arguments are refused with an EngineError and change nothing', () => {
  const d = new Descent(module);
  try {
    assertEngineError(() => d.step(), /reset first/);
    d.reset('bowl', { learningRate: 0.05 }, null, [1, 1]);
    d.step();
    const before = d.state();
    assertEngineError(() => d.reset('rosenbrock', {}, null, [0, 0]), /unknown surface 'rosenbrock'/);
    assertEngineError(() => d.reset('bowl', { learningRate: 0 }, null, [0, 0]), /learningRate must be in \(0, 100\] \(got 0\)/);
    assertEngineError(() => d.reset('bowl', { l2: 0.1 }, null, [0, 0]), /unknown setting 'l2'/);
    assertEngineError(() => d.reset('bowl', { optimizer: 'lbfgs' }, null, [0, 0]), /optimizer/);
    assertEngineError(() => d.reset('bowl', {}, null, [0]), /start must be \[w0, w1\] \(got 1 number\)/);
    assertEngineError(() => d.reset('bowl', {}, null, [0, NaN]), /w1 must be a finite number/);
    assertEngineError(() => d.reset('linear_regression', {}, { x: [], t: [] }, [0, 0]), /1 to 1000 points \(got 0\)/);
    assertEngineError(() => d.reset('linear_regression', {}, { x: [1, 2], t: [1] }, [0, 0]), /2 points, 1 targets/);
    assertEngineError(() => d.reset('sigmoid_squared', {}, { x: [1], t: [2] }, [0, 0]), /between 0 and 1 \(point 0 has 2\)/);
    assertEngineError(() => d.run(-1), /between 0 and 1000000 \(got -1\)/);
    assertEngineError(() => d.run(0.5), /steps must be a whole number/);
    assertEngineError(() => d.grid(0, 1, 0, 1, 1), /2 to 256 points a side \(got 1\)/);
    assertEngineError(() => d.grid(1, 0, 0, 1, 4), /low < high/);
    assertEngineError(() => d.setSettings({ momentum: 1 }), /momentum must be in \[0, 1\) \(got 1\)/);
    const after = d.state();
    assert.deepEqual([...after.weights], [...before.weights]);
    assert.equal(after.steps, before.steps);
  } finally {
    d.dispose();
  }
  assertEngineError(() => d.state(), /disposed/);
});

test('200 descents created, used and disposed leak no handles and no memory', () => {
  const life = (i) => {
    const d = new Descent(module);
    d.reset(i % 2 ? 'linear_regression' : 'two_minima', { learningRate: 0.05, batchSize: 2, optimizer: i % 3 ? 'sgd' : 'momentum' },
      { x: [0, 1, 2], t: [1, 2, 3] }, [0.5, -0.5], i);
    d.step();
    d.run(5);
    d.state();
    d.path();
    d.grid(-1, 1, -1, 1, 8);
    assert.throws(() => d.reset('nope', {}, null, [0, 0]));
    const wasm = d.unit;
    d.dispose();
    return wasm;
  };
  const handles = module.count_emval_handles();
  for (let i = 0; i < 10; ++i) life(i);
  const memory = module.HEAPU8.byteLength;
  const made = Array.from({ length: 200 }, (_, i) => life(i));
  assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
  assert.equal(module.HEAPU8.byteLength, memory, 'wasm memory grew');
  for (const w of made) assert.equal(w.isDeleted(), true);
});
