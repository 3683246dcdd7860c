// The loss-landscape slice through engine.js in the wasm build: its centre is metrics().train.loss,
// a cell is the loss at θ + α·d1 + β·d2 (through setParams), the path of a run recorded epoch by
// epoch, the trajectory's lifetime across reset and configure, a slice a block of rows at a time,
// and every refusal an EngineError that changes nothing. Native agreement on a slice is in
// parity.test.mjs; the maths is checked in tests/core/test_landscape.cpp.
import { test, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, assertEngineError } from './load-engine.mjs';

let module;
let engine;
before(async () => { module = await loadModule(); });
beforeEach(() => { engine = new Engine(module); });
afterEach(() => { engine.dispose(); });

const near = (got, want, tol = 1e-6) => assert.ok(Math.abs(got - want) <= tol * (1 + Math.abs(want)), `${got} vs ${want}`);
const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);

// Records the weights, trains an epoch, `epochs` times; then records the weights it ends with.
function trainRecording(e, epochs) {
  for (let k = 0; k < epochs; ++k) e.recordTrajectory().trainEpochs(1);
  e.recordTrajectory();
}

test('the centre of a slice is the training loss; the shape of the result', () => {
  engine.trainEpochs(5);
  const loss = engine.metrics().train.loss;
  const P = engine.params().length;
  const s = engine.lossSlice({ grid: 5, range: 2, seed: 3 });
  assert.equal(s.directions, 'random');
  assert.equal(s.grid, 5);
  assert.equal(s.range, 2);
  assert.ok(s.loss instanceof Float64Array);
  assert.equal(s.loss.length, 25);
  assert.equal(s.loss[12], loss);  // the middle cell, α = β = 0: the same float computation
  assert.equal(s.centerLoss, loss);
  assert.ok(s.d1 instanceof Float32Array);
  assert.equal(s.d1.length, P);
  assert.equal(s.d2.length, P);
  assert.deepEqual(s.explained, [0, 0]);
  assert.equal(s.path.length, 0);  // nothing recorded
  assert.equal(s.pathLoss.length, 0);
  assert.equal(s.pathRecords.length, 0);
  for (const v of s.loss) assert.ok(Number.isFinite(v));
  // Defaults: random directions, seed 1, 21 x 21 over [−1, 1]².
  const d = engine.lossSlice();
  assert.equal(d.grid, 21);
  assert.equal(d.range, 1);
  assert.equal(d.loss[10 * 21 + 10], loss);
  assert.deepEqual(engine.lossSlice({ seed: 1 }).loss, d.loss);
  assert.notDeepEqual(engine.lossSlice({ seed: 2 }).loss, d.loss);
});

test('a cell is the loss at θ + α·d1 + β·d2, row 0 at the top', () => {
  engine.configure({ dataset: 'circles', hidden: [5], outputActivation: 'sigmoid', loss: 'bce' });
  engine.trainEpochs(3);
  const theta = engine.params();
  const s = engine.lossSlice({ grid: 5, range: 2, seed: 7 });
  // Columns at α = −2, −1, 0, 1, 2; rows at β = 2, 1, 0, −1, −2.
  for (const [row, col, alpha, beta] of [[0, 0, -2, 2], [0, 4, 2, 2], [4, 0, -2, -2], [1, 3, 1, 1]]) {
    const moved = theta.map((t, i) => Math.fround(Math.fround(t + Math.fround(alpha * s.d1[i])) + Math.fround(beta * s.d2[i])));
    engine.setParams(moved);
    near(s.loss[row * 5 + col], engine.metrics().train.loss, 1e-6);
  }
  engine.setParams(theta);
  assert.ok(Math.abs(s.loss[0] - s.loss[4]) > 1e-3 && Math.abs(s.loss[0] - s.loss[20]) > 1e-3);
});

test('a run recorded epoch by epoch: principal directions, the path from the start to (0, 0)', () => {
  const initial = engine.metrics().train.loss;
  trainRecording(engine, 10);
  assert.equal(engine.trajectoryLength(), 11);
  const s = engine.lossSlice({ directions: 'trajectory', grid: 7, range: 3 });
  assert.equal(s.directions, 'trajectory');
  assert.equal(s.loss[3 * 7 + 3], engine.metrics().train.loss);
  assert.equal(s.path.length, 22);
  assert.deepEqual([...s.pathRecords], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(s.path[20], 0);  // the last snapshot is the current weights
  assert.equal(s.path[21], 0);
  assert.equal(s.pathLoss[10], engine.metrics().train.loss);
  assert.equal(s.pathLoss[0], initial);
  assert.ok(s.path[0] <= 0 && s.path[1] <= 0, 'the first snapshot lies at coordinates <= 0');
  const [e1, e2] = s.explained;
  assert.ok(e1 >= e2 && e2 > 0 && e1 + e2 <= 1 + 1e-9, `explained ${e1}, ${e2}`);
  near(Math.sqrt(dot(s.d1, s.d1)), 1, 1e-5);
  near(Math.sqrt(dot(s.d2, s.d2)), 1, 1e-5);
  assert.ok(Math.abs(dot(s.d1, s.d2)) < 1e-5);
  // Random directions project the same snapshots too.
  const r = engine.lossSlice({ grid: 3 });
  assert.equal(r.path.length, 22);
  assert.equal(r.path[20], 0);
  assert.deepEqual(r.pathLoss, s.pathLoss);
});

test('the trajectory is cleared by new weights and kept by edits and settings that keep them', () => {
  trainRecording(engine, 2);
  assert.equal(engine.trajectoryLength(), 3);
  engine.configure({ learningRate: 0.1 });
  engine.setParams(engine.params());
  engine.setWeight(0, 0, 0, 0.25);
  assert.equal(engine.trajectoryLength(), 3);
  engine.configure({ hidden: [3] });
  assert.equal(engine.trajectoryLength(), 0);
  trainRecording(engine, 2);
  engine.reset();
  assert.equal(engine.trajectoryLength(), 0);
  trainRecording(engine, 2);
  engine.setCustomData([-1, -1, 1, -1, -1, 1, 1, 1], [0, 1, 1, 0]);
  assert.equal(engine.trajectoryLength(), 0);
  trainRecording(engine, 2);
  assert.equal(engine.clearTrajectory(), engine);
  assert.equal(engine.trajectoryLength(), 0);
});

test('bad slices throw EngineError naming the problem and change nothing', () => {
  engine.trainEpochs(2);
  engine.recordTrajectory();
  const before = { params: engine.params(), length: engine.trajectoryLength(), progress: engine.progress() };
  const refused = [
    [{ grid: 1 }, /2 to 101 points a side \(got 1\)/],
    [{ grid: 102 }, /2 to 101 points a side \(got 102\)/],
    [{ grid: 2 ** 32 }, /\(got 4294967296\)/],
    [{ grid: 1.5 }, /grid size must be a whole number \(got 1\.5\)/],
    [{ grid: '5' }, /grid size must be a whole number \(got '5'\)/],
    [{ range: 0 }, /range must be in \(0, 1000\] \(got 0\)/],
    [{ range: 1001 }, /\(got 1001\)/],
    [{ range: NaN }, /range must be a finite number \(got NaN\)/],
    [{ seed: -1 }, /seed must be between 0 and 4294967295 \(got -1\)/],
    [{ seed: 2 ** 32 }, /seed must be between 0 and 4294967295 \(got 4294967296\)/],
    [{ directions: 'pca' }, /unknown directions 'pca' \(random or trajectory\)/],
    [{ directions: 1 }, /unknown directions 1/],
    [{ size: 5 }, /unknown slice options key 'size' \(directions, seed, grid, range\)/],
    [null, /slice options must be an object \(got null\)/],
    [[5], /slice options must be an object \(got an array\)/],
    [{ get grid() { throw new Error('boom'); } }, /reading slice options 'grid' failed: boom/],
    [{ directions: 'trajectory' }, /at least 3 recorded snapshots of the weights \(there is 1 snapshot\)/],
  ];
  for (const [options, pattern] of refused) {
    assertEngineError(() => engine.lossSlice(options), pattern);
    assert.deepEqual({ params: engine.params(), length: engine.trajectoryLength(), progress: engine.progress() }, before);
  }
  engine.recordTrajectory().recordTrajectory();  // three of the same weights
  assertEngineError(() => engine.lossSlice({ directions: 'trajectory' }), /barely differ/);
});

test('a slice begun, then computed a block of rows at a time, is the whole slice; bad rows are refused', () => {
  trainRecording(engine, 4);
  for (const directions of ['random', 'trajectory']) {
    const whole = engine.lossSlice({ directions, grid: 7, range: 1.5, seed: 2 });
    const begun = engine.beginLossSlice({ directions, grid: 7, range: 1.5, seed: 2 });
    assert.ok(begun.loss.every(Number.isNaN), 'no row computed yet');
    assert.deepEqual({ ...begun, loss: whole.loss }, whole);
    engine.trainEpochs(1).recordTrajectory();  // the blocks are of the weights begun with
    for (const [first, count] of [[0, 3], [3, 1], [4, 3]]) {
      const rows = engine.lossSliceRows(first, count);
      assert.ok(rows instanceof Float64Array);
      begun.loss.set(rows, first * 7);
    }
    assert.deepEqual(begun.loss, whole.loss);
  }
  for (const [first, count, pattern] of [[7, 1, /the first row must be 0 to 6 of the slice's 7 rows \(got 7\)/],
    [0, 0, /the row count must be 1 to 7 from row 0 of the slice's 7 rows \(got 0\)/], [5, 3, /\(got 3\)/],
    [0.5, 1, /first row must be a whole number \(got 0\.5\)/], [0, '2', /row count must be a whole number \(got '2'\)/]]) {
    assertEngineError(() => engine.lossSliceRows(first, count), pattern);
  }
  // Begun again for a larger network: its rows are computed with buffers of its own size.
  engine.configure({ hidden: [12, 12, 12] });
  const larger = engine.beginLossSlice({ grid: 7 });
  larger.loss.set(engine.lossSliceRows(0, 7));
  assert.deepEqual(larger.loss, engine.lossSlice({ grid: 7 }).loss);
  const fresh = new Engine(module);
  assertEngineError(() => fresh.lossSliceRows(0, 1), /no slice has been begun/);
  fresh.dispose();
  assertEngineError(() => engine.beginLossSlice({ grid: 1 }), /2 to 101 points a side \(got 1\)/);
});

test('a slice over the work limit is refused with the largest grid that fits', () => {
  engine.configure({ points: 5000, hidden: [64, 64] });
  assertEngineError(() => engine.lossSlice({ grid: 101 }),
    /a 101 x 101 slice over 2500 training examples with 4417 parameters needs about .* use a grid of at most 11 points a side/);
  assert.equal(engine.lossSlice({ grid: 3 }).loss.length, 9);
});

test('diverged weights: nothing is recorded and no slice is cut', () => {
  engine.configure({ dataset: 'plane', hidden: [4], activation: 'linear', outputActivation: 'linear', learningRate: 100 });
  assert.throws(() => engine.trainEpochs(100), /diverged/);
  assertEngineError(() => engine.recordTrajectory(), /not finite/);
  assert.equal(engine.trajectoryLength(), 0);
  assertEngineError(() => engine.lossSlice(), /not finite/);
});

test('a disposed engine refuses the landscape calls', () => {
  const e = new Engine(module);
  e.dispose();
  for (const call of [() => e.recordTrajectory(), () => e.clearTrajectory(), () => e.trajectoryLength(), () => e.lossSlice(),
    () => e.beginLossSlice(), () => e.lossSliceRows(0, 1)]) {
    assertEngineError(call, /this engine has been disposed/);
  }
});

test('100 slices and records leak no emval handles', () => {
  trainRecording(engine, 3);
  const handles = module.count_emval_handles();
  for (let i = 0; i < 100; ++i) {
    engine.recordTrajectory();
    engine.lossSlice({ directions: i % 2 ? 'trajectory' : 'random', grid: 3, seed: i });
    assert.throws(() => engine.lossSlice({ grid: 0 }));
  }
  assert.equal(module.count_emval_handles(), handles);
});
