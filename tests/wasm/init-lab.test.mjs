// The initialisation chapter through engine.js: the scale schemes as settings (normal_scale and
// uniform_scale with initScale, refused out of range by name), layerStats()'s back-propagated δ
// histogram against each training example's trace (an independent code path in the core), its
// shared range, distinct units under zero initialisation, and the lab's numbers and tasks
// (web/chapters/initialisation/init-lab.js) on the wasm engine the page runs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, assertEngineError } from './load-engine.mjs';
import { labNumbers, initTasks, DEFAULT_SETTINGS, COMPARABLE, SATURATED } from '../../web/chapters/initialisation/init-lab.js';
import { evaluate } from '../../web/course/tasks.js';

let module;
before(async () => { module = await loadModule(); });

const withEngine = (f) => {
  const engine = new Engine(module);
  try { return f(engine); } finally { engine.dispose(); }
};

test('initScale scales normal_scale and uniform_scale; the named schemes ignore it; bad values are named', () => withEngine((engine) => {
  engine.configure({ hidden: [64], init: 'normal_scale', initScale: 0.5 });
  const w = engine.layers()[1].W;  // 1 x 64
  const half = Array.from(w);
  engine.configure({ initScale: 2 });
  assert.ok(Array.from(engine.layers()[1].W).every((v, i) => Math.abs(v - 4 * half[i]) <= 1e-6 * Math.abs(v)), 'σ 2 is σ 0.5 stretched 4 times');
  engine.configure({ init: 'uniform_scale', initScale: 0.25 });
  const u = Array.from(engine.layers()[0].W);
  assert.ok(u.every((v) => Math.abs(v) <= 0.25) && u.some((v) => Math.abs(v) > 0.2));
  engine.configure({ init: 'xavier_uniform', initScale: 1 });
  const xavier = engine.params();
  engine.configure({ initScale: 3 });
  assert.deepEqual(engine.params(), xavier, 'Xavier draws the same weights whatever initScale says');
  assertEngineError(() => engine.configure({ initScale: 0 }), /^initScale must be in \(0, 10\] \(got 0\)/);
  assertEngineError(() => engine.configure({ initScale: 11 }), /^initScale must be in \(0, 10\]/);
  assertEngineError(() => engine.configure({ init: 'orthogonal' }), /^init must be one of .*normal_scale, uniform_scale/);
  assert.equal(engine.settings().initScale, 3, 'a refused value changes nothing');
}));

test('layerStats: each layer\'s δ histogram counts every training example\'s traced δ = ∂L/∂z', () => withEngine((engine) => {
  engine.configure({ dataset: 'circles', points: 60, hidden: [5, 3], activation: 'tanh', outputActivation: 'sigmoid', loss: 'bce',
    init: 'normal_scale', initScale: 0.7, seed: 3 });
  engine.trainEpochs(2);
  const stats = engine.layerStats();
  const train = engine.dataset().train;
  const traced = stats.map(() => []);
  for (const i of train) engine.trace(i).layers.forEach((l, k) => traced[k].push(...l.delta));
  stats.forEach((s, k) => {
    const values = traced[k];
    const maxAbs = Math.max(...values.map(Math.abs));
    assert.ok(Math.abs(s.deltaMaxAbs - maxAbs) <= 1e-6 * maxAbs, `layer ${k}: largest |δ| ${s.deltaMaxAbs} vs ${maxAbs}`);
    assert.equal(s.deltaLow, -s.deltaMaxAbs);
    assert.equal(s.deltaHigh, s.deltaMaxAbs);
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    assert.ok(Math.abs(s.deltaStd - std) <= 1e-5 * std, `layer ${k}: std ${s.deltaStd} vs ${std}`);
    assert.equal(s.deltaHistogram.length, 25);
    const counts = new Array(25).fill(0);
    let nearEdge = 0;
    const width = (s.deltaHigh - s.deltaLow) / 25;
    for (const v of values) {
      const t = (v - s.deltaLow) / width;
      counts[Math.min(24, Math.max(0, Math.floor(t)))] += 1;
      if (Math.abs(t - Math.round(t)) * width < 1e-5 * maxAbs && Math.round(t) > 0 && Math.round(t) < 25) nearEdge += 1;
    }
    const off = counts.reduce((a, c, b) => a + Math.abs(s.deltaHistogram[b] * values.length - c), 0);
    assert.ok(off <= 2 * nearEdge + 1e-6, `layer ${k}: histogram off by ${off} counts (${nearEdge} values near an edge)`);
  });
  // A shared range: every layer over ±r, the tails in the end bins.
  const shared = engine.layerStats({ deltaRange: 0.01 });
  for (const s of shared) assert.deepEqual([s.deltaLow, s.deltaHigh], [-0.01, 0.01]);
  const beyond = traced[2].filter((v) => v >= 0.01).length / traced[2].length;
  assert.ok(Math.abs(shared[2].deltaHistogram[24] - beyond) < 1e-9, 'the upper end bin holds everything above r');
  assertEngineError(() => engine.layerStats({ deltaRange: -1 }), /gradient histogram's range must be a finite number >= 0/);
  assertEngineError(() => engine.layerStats({ deltaRange: NaN }), /deltaRange must be a finite number/);
  assertEngineError(() => engine.layerStats({ range: 1 }), /unknown layer stats options key 'range'/);
}));

test('zero initialisation: every hidden layer stays one distinct unit, however long it trains', () => withEngine((engine) => {
  engine.configure({ dataset: 'circles', hidden: [6, 6], activation: 'sigmoid', init: 'zeros' });
  engine.trainEpochs(30);
  assert.deepEqual(engine.layerStats().map((s) => s.distinctUnits), [1, 1, 1]);
  engine.configure({ init: 'he_normal' });
  assert.deepEqual(engine.layerStats().map((s) => s.distinctUnits), [6, 6, 1]);
}));

const lab = (settings) => withEngine((engine) => labNumbers(engine, { ...DEFAULT_SETTINGS, ...settings }));
const task = (id) => initTasks.find((t) => t.id === id);

test('the lab: N(0, 1) with sigmoid narrows the gradients toward the input; Xavier with tanh keeps them even', () => {
  const sigmoid = lab({ activation: 'sigmoid', scheme: 'normal_scale', scale: 1, epochs: 0 });
  const std = sigmoid.before.map((s) => s.deltaStd);
  for (let l = 1; l < std.length; ++l) assert.ok(std[l - 1] < std[l], `δ std grows from the input to the output: ${std}`);
  assert.ok(sigmoid.deltaRatio.before < 0.5, `first / last ${sigmoid.deltaRatio.before}`);
  const tanh = lab({ activation: 'tanh', scheme: 'xavier_uniform', epochs: 0 });
  const tanhStd = tanh.before.map((s) => s.deltaStd);
  assert.ok(Math.max(...tanhStd) / Math.min(...tanhStd) <= 2, `Xavier + tanh: ${tanhStd}`);
  // The comparison at initialisation: which schemes keep both signals within a factor of COMPARABLE.
  const even = (activation) => lab({ activation, epochs: 0 }).compared
    .filter((c) => c.activationSpread <= COMPARABLE && c.deltaSpread <= COMPARABLE).map((c) => c.id);
  assert.deepEqual(even('tanh'), ['xavier', 'he'], 'tanh: Xavier (and He\'s larger variance) keep it even');
  assert.deepEqual(even('relu'), ['he'], 'ReLU: only He');
  const sigmoidXavier = lab({ activation: 'sigmoid', epochs: 0 }).compared.find((c) => c.id === 'xavier');
  assert.ok(sigmoidXavier.deltaRatio < 0.02, `sigmoid under Xavier: δ shrinks about 4x a layer (${sigmoidXavier.deltaRatio})`);
  // ReLU under N(0, 1) diverges in training: the lab says so and keeps the numbers at initialisation.
  const exploding = lab({ activation: 'relu', scheme: 'normal_scale', scale: 1 });
  assert.match(exploding.diverged, /training diverged at epoch/);
  assert.equal(exploding.after, null);
  assert.ok(exploding.deltaRatio.before > 10, `δ explodes toward the input: ${exploding.deltaRatio.before}`);
  // The learner's own scale joins the comparison.
  assert.deepEqual(lab({ scheme: 'uniform_scale', scale: 0.5, epochs: 0 }).compared.map((c) => c.id), ['standard', 'xavier', 'he', 'normal1', 'chosen']);
});

// The share of a layer's activations in the histogram's two end bars: next to 0 and 1 for the sigmoid.
const atBounds = (s) => s.histogram[0] + s.histogram.at(-1);

test('sigmoid units: N(0, 1) saturates them; Xavier does not, but divides δ by about 4 a layer; the task says so and checks it', () => {
  const t = task('vanishing-normal');
  assert.match(t.statement, /the units saturate: at least 20% of every hidden layer's activations sit in the histogram's end bars, at 0 and 1/);
  assert.match(t.statement, /Then try Xavier uniform: the units no longer saturate, but .* the sigmoid's is at most 1\/4, so δ shrinks about fourfold at every layer/);
  const normal = lab({ activation: 'sigmoid', scheme: 'normal_scale', scale: 1, epochs: 0 });
  for (const s of normal.before) assert.ok(atBounds(s) >= SATURATED, `N(0, 1): ${atBounds(s)} of the activations at 0 or 1`);
  assert.equal(evaluate(t, normal).met, true);
  // The follow-up the statement promises, in the lab's numbers.
  const xavier = lab({ activation: 'sigmoid', scheme: 'xavier_uniform', epochs: 0 });
  for (const s of xavier.before) assert.ok(atBounds(s) < 0.05, `Xavier: ${atBounds(s)} of the activations at 0 or 1`);
  const d = xavier.before.map((s) => s.deltaStd);
  for (let l = 1; l < d.length; ++l) assert.ok(d[l - 1] / d[l] > 1 / 6 && d[l - 1] / d[l] < 1 / 3, `Xavier: δ about 1/4 of the next layer's: ${d}`);
  const tanh = lab({ activation: 'tanh', scheme: 'xavier_uniform', epochs: 0 }).before.map((s) => s.deltaStd);
  assert.ok(Math.max(...tanh) / Math.min(...tanh) <= COMPARABLE, `tanh under Xavier keeps δ even: ${tanh}`);
  // Narrower layers sum fewer inputs and do not saturate: the task names the layer that does not.
  const narrow = evaluate(t, lab({ activation: 'sigmoid', scheme: 'normal_scale', scale: 1, width: 16, epochs: 0 }));
  assert.equal(narrow.met, false);
  assert.match(narrow.missing.join(), /^only 15\.\d% of hidden layer 2's activations are in the end bars, at 0 and 1: its units do not saturate here$/);
});

test('the lab\'s tasks: not met at the defaults, met by the set-up they ask for', () => {
  const defaults = lab({});
  for (const t of initTasks) assert.equal(evaluate(t, defaults).met, false, t.id);
  assert.equal(evaluate(task('vanishing-normal'), lab({ activation: 'sigmoid', scheme: 'normal_scale', scale: 1, epochs: 0 })).met, true);
  assert.match(evaluate(task('vanishing-normal'), lab({ activation: 'sigmoid', scheme: 'xavier_uniform', epochs: 0 })).missing.join(), /N\(0, 1\)/);
  assert.equal(evaluate(task('match-tanh'), lab({ activation: 'tanh', scheme: 'xavier_uniform', epochs: 0 })).met, true);
  assert.match(evaluate(task('match-tanh'), lab({ activation: 'tanh', scheme: 'uniform', epochs: 0 })).missing.join(), /activations have std/);
  assert.equal(evaluate(task('match-relu'), lab({ activation: 'relu', scheme: 'he_uniform', epochs: 0 })).met, true);
  assert.equal(evaluate(task('match-relu'), lab({ activation: 'relu', scheme: 'xavier_uniform', epochs: 0 })).met, false);
  // Zero initialisation: after training, every hidden layer is one unit copied.
  const zeros = lab({ activation: 'sigmoid', scheme: 'zeros', epochs: 20 });
  assert.ok(zeros.after.every((s) => s.distinctUnits === 1));
  const rows = zeros.units.list.map((u) => JSON.stringify([u.bias, ...u.weights]));
  assert.equal(new Set(rows).size, 1, 'the units shown are identical');
  assert.notEqual(zeros.units.list[0].weights[0], 0, 'and they did learn something, all alike');
});

test('zero initialisation: the tasks say every δ is 0 instead of a spread of NaN', () => {
  for (const activation of ['tanh', 'sigmoid', 'relu']) {
    const zeros = lab({ activation, scheme: 'zeros', epochs: 0 });
    assert.ok(zeros.before.every((s) => s.deltaStd === 0), `${activation}: no gradient reaches the hidden layers`);
    for (const t of initTasks) {
      const { met, missing } = evaluate(t, zeros);
      assert.equal(met, false, t.id);
      assert.doesNotMatch(missing.join(), /NaN/, `${activation}, ${t.id}: ${missing}`);
    }
  }
  const tanh = evaluate(task('match-tanh'), lab({ activation: 'tanh', scheme: 'zeros', epochs: 0 })).missing.join('; ');
  assert.match(tanh, /with tanh units with zeros every hidden layer's δ is 0: no gradient reaches them, so there is no spread to measure/);
  const relu = evaluate(task('match-relu'), lab({ activation: 'relu', scheme: 'zeros', epochs: 0 })).missing.join('; ');
  assert.match(relu, /^with ReLU units with zeros every hidden unit puts out the same value on every example: the activations' std is 0 in every layer, so there is no spread to measure; with ReLU units with zeros every hidden layer's δ is 0/);
});
