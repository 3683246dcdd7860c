// The 1-D data sets and the universal-approximation lab through engine.js in the wasm build: the
// curves' targets at noise 0, one input for x -> y data, a drawn curve (setCurveData), the sum of
// scaled units by hand (the Catch2 suite's network, so wasm and native agree) and equal to the
// output on a trained network, the half-plane counts by hand, every bad argument refused, and the
// lab's tasks met and not met on the numbers the page shows (fitNumbers, planeNumbers).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, assertEngineError } from './load-engine.mjs';
import { fitNumbers, planeNumbers, errorCurve, approxTasks, DEFAULT_SETTINGS, MAX_UNITS } from '../../web/chapters/mlp/approx-lab.js';
import { evaluate } from '../../web/course/tasks.js';
import { chapterById } from '../../web/course/chapters.js';
import { defaults, engineSettings, parseHash } from '../../web/state.js';
import { fitFeatures } from '../../web/rules.js';
import { readLink } from '../../web/link-load.js';

let module;
before(async () => { module = await loadModule(); });

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const oneD = (extra = {}) => ({ dataset: 'sine', features: ['x1'], hidden: [3], outputActivation: 'linear', loss: 'mse', ...extra });

function withEngine(settings, f) {
  const engine = new Engine(module);
  try {
    if (settings) engine.configure(settings);
    return f(engine);
  } finally {
    engine.dispose();
  }
}

test('the 1-D sets: x in [-6, 6], x2 = 0, targets on their curves at noise 0, one input', () => {
  const curves = { sine: Math.sin, step: (x) => (x < 0 ? -0.5 : 0.5), abs: (x) => Math.abs(x) / 3 - 1,
    bump: (x) => Math.exp(-(x * x) / (2 * 1.5 * 1.5)) };
  for (const [name, f] of Object.entries(curves)) {
    withEngine(oneD({ dataset: name, points: 100 }), (engine) => {
      const d = engine.dataset();
      assert.equal(d.inputs, 1, name);
      assert.equal(d.problem, 'regression');
      assert.deepEqual(engine.layerSizes(), [1, 3, 1]);
      for (let i = 0; i < 100; ++i) {
        const x = d.xy[2 * i];
        assert.equal(d.xy[2 * i + 1], 0);
        assert.ok(x >= -6 && x <= 6);
        assert.ok(Math.abs(d.labels[i] - f(x)) < 1e-6, `${name} at ${x}: ${d.labels[i]} vs ${f(x)}`);
      }
    });
  }
  withEngine(null, (engine) => assert.equal(engine.dataset().inputs, 2));
});

test('1-D data refuses features of x2 with the core\'s reason; the page fits them first', () => {
  withEngine(null, (engine) => {
    assertEngineError(() => engine.configure(oneD({ features: ['x1', 'x1*x2'] })),
      /features: 'x1\*x2' needs x2, which 1-D data \(x -> y\) does not have; use x1/);
    assert.equal(engine.settings().dataset, 'xor');  // nothing changed
  });
  const fitted = fitFeatures({ ...defaults(), dataset: 'bump', features: ['x1', 'x2', 'sin_x1'] });
  assert.deepEqual(fitted.state.features, ['x1', 'sin_x1']);
  assert.equal(fitted.change, 'features x1, x2, sin_x1 → x1, sin_x1 (1-D data has only x1)');
  assert.deepEqual(fitFeatures({ ...defaults(), dataset: 'bump', features: ['x2'] }).state.features, ['x1']);
  assert.equal(fitFeatures({ ...defaults(), dataset: 'xor' }).change, '');
  // A link with a 1-D set and the default features is fitted and says so.
  const link = readLink('#dataset=sine&features=x1,x2');
  assert.deepEqual(link.state.features, ['x1']);
  assert.match(link.message, /features x1, x2 → x1 \(1-D data has only x1\)/);
  // The 1-D sets default to x1 alone, so a plain link needs no fitting.
  assert.deepEqual(parseHash('#dataset=bump').state.features, ['x1']);
  assert.equal(readLink('#dataset=bump').message, '');
});

test('a drawn curve: setCurveData makes dataset curve with one input; bad curves are refused', () => {
  withEngine(oneD(), (engine) => {
    engine.setCurveData([-3, -1, 1, 3], [-0.5, 0, 0.5, 1]);
    assert.equal(engine.settings().dataset, 'curve');
    const d = engine.dataset();
    assert.equal(d.inputs, 1);
    assert.deepEqual(Array.from(d.xy), [-3, 0, -1, 0, 1, 0, 3, 0]);
    assert.deepEqual(Array.from(d.labels), [-0.5, 0, 0.5, 1]);
    engine.configure({ learningRate: 0.1 });  // still the drawn points
    assert.equal(engine.dataset().labels.length, 4);
    assertEngineError(() => engine.setCurveData([1, 2], [0]), /curve data needs one x per y \(got 2 x for 1 y\)/);
    assertEngineError(() => engine.setCurveData([], []), /points must be between 1 and 5000 \(got 0\)/);
    assertEngineError(() => engine.setCurveData([NaN], [0]), /point 0: x1 is not finite/);
    assertEngineError(() => engine.setCurveData('x', [0]), /xs must be an array of numbers/);
    assert.equal(engine.dataset().labels.length, 4);  // refusals change nothing
  });
  withEngine(null, (engine) => assertEngineError(() => engine.configure(oneD({ dataset: 'curve' })), /dataset 'curve' needs points: draw them first/));
});

test('unitSum by hand: the Catch2 suite\'s network, F(x) = 3σ(2x) − 2σ(−x + 1) + 0.5', () => {
  withEngine(oneD({ hidden: [2], activation: 'sigmoid' }), (engine) => {
    engine.setParams([2, -1, 0, 1, 3, -2, 0.5]);
    const u = engine.unitSum(3, -1, 1);
    assert.deepEqual(Array.from(u.x), [-1, 0, 1]);
    assert.deepEqual(Array.from(u.alpha), [3, -2]);
    assert.equal(u.bias, 0.5);
    for (let j = 0; j < 3; ++j) {
      const x = u.x[j];
      const t = [3 * sigmoid(2 * x), -2 * sigmoid(-x + 1)];
      assert.ok(Math.abs(u.terms[j] - t[0]) < 1e-6, `unit 1 at ${x}`);       // unit-major: unit 0's 3 values first
      assert.ok(Math.abs(u.terms[3 + j] - t[1]) < 1e-6, `unit 2 at ${x}`);
      assert.ok(Math.abs(u.units[j] - sigmoid(2 * x)) < 1e-6);
      assert.ok(Math.abs(u.output[j] - (t[0] + t[1] + 0.5)) < 1e-6);
    }
    assert.ok(Math.abs(u.z[1] - 0.5378828427) < 1e-6);
  });
});

test('unitSum on a trained network: the sum of the scaled units and the bias is the output', () => {
  withEngine(oneD({ dataset: 'bump', hidden: [6], activation: 'relu', optimizer: 'adam', learningRate: 0.05 }), (engine) => {
    engine.trainEpochs(50);
    const n = 101, u = engine.unitSum(n, -6, 6);
    // the output the network's own forward pass gives, at the same x (evaluateGrid's top row is x2 = 6,
    // which a network of x1 alone ignores)
    const g = engine.evaluateGrid(4, -6, 6);
    for (let j = 0; j < n; ++j) {
      let sum = u.bias;
      for (let i = 0; i < 6; ++i) sum += u.terms[i * n + j];
      assert.ok(Math.abs(sum - u.output[j]) < 1e-5, `x = ${u.x[j]}: ${sum} vs ${u.output[j]}`);
    }
    const out = (g.nodes - 1) * 16;
    const at = engine.unitSum(4, -4.5, 4.5);  // the grid's cell centres: -4.5, -1.5, 1.5, 4.5
    for (let ix = 0; ix < 4; ++ix) assert.ok(Math.abs(g.values[out + ix] - at.output[ix]) < 1e-5);
  });
});

test('positiveSides by hand: z1 = x1, z2 = x2 − 0.5 over a 2 × 2 grid of [-2, 2]²', () => {
  withEngine({ dataset: 'xor', features: ['x1', 'x2'], hidden: [2], activation: 'relu', outputActivation: 'tanh' }, (engine) => {
    engine.setParams([1, 0, 0, 1, 0, -0.5, 1, 1, 0]);
    assert.deepEqual(Array.from(engine.positiveSides(2, -2, 2)), [1, 2, 0, 1]);
    engine.setParams([1, 0, 0, 1, 0, -0.5, 1, -1, 0]);  // unit 2 now lowers the output where it is on
    assert.deepEqual(Array.from(engine.positiveSides(2, -2, 2, { towardOutput: true })), [0, 1, 1, 2]);
    assert.deepEqual(Array.from(engine.positiveSides(2, -2, 2)), [1, 2, 0, 1]);
    assertEngineError(() => engine.positiveSides(2, -2, 2, { towardOutput: 1 }), /towardOutput must be true or false/);
    assertEngineError(() => engine.positiveSides(0), /grid size 0 is out of range \(1\.\.1024\)/);
    assertEngineError(() => engine.positiveSides(4, 1, 1), /bounds must be finite with lo < hi/);
    assertEngineError(() => engine.unitSum(10), /needs 1-D data \(x -> y\); dataset xor has two inputs/);
  });
  withEngine({ dataset: 'xor', hidden: [] }, (engine) => assertEngineError(() => engine.positiveSides(4), /need a hidden layer/));
  withEngine(oneD(), (engine) => {
    assertEngineError(() => engine.unitSum(1), /samples 1 is out of range \(2\.\.4096\)/);
    assertEngineError(() => engine.unitSum(1.5), /samples must be a whole number/);
    assertEngineError(() => engine.unitSum(10, 0, NaN), /bounds must be finite with lo < hi/);
  });
});

// ---- the lab's tasks, on exactly the numbers the page shows ----

const approxTask = (id) => chapterById('mlp').tasks.find((t) => t.id === id);
const fit = (changes) => fitNumbers(module, { ...DEFAULT_SETTINGS, ...changes });
const plane = (changes) => planeNumbers(module, { ...DEFAULT_SETTINGS, ...changes });
const expect = (t, ctx, met, pattern) => {
  const r = evaluate(t, ctx);
  assert.equal(r.met, met, `${t.id}: ${JSON.stringify(r.missing)}`);
  if (pattern) assert.match(r.missing.join('; '), pattern);
};

test('the lab\'s tasks are the chapter\'s, with unique ids', () => {
  for (const t of approxTasks) assert.equal(approxTask(t.id), t);
});

test('lab: the bump from at most 3 sigmoid units, and the error falling as N grows', () => {
  const t = approxTask('bump-few-units');
  const one = fit({ n: 1 });
  expect(t, { fit: one }, false, /test loss below 0\.004/);
  expect(t, { fit: fit({ n: 3 }) }, true);
  expect(t, { fit: fit({ n: 5 }) }, false, /use at most 3 units \(now 5\)/);
  expect(t, { fit: fit({ n: 3, data: 'sine' }) }, false, /choose the bump/);
  // On another curve only the choice is missing: that curve's loss is not the bump's.
  assert.deepEqual(evaluate(t, { fit: fit({ n: 1, data: 'step' }) }).missing, ['choose the bump']);
  const errors = errorCurve(module, { data: 'bump', act: 'sigmoid' }, [1, 2, 3, 6]);
  assert.ok(errors[0] > 10 * errors[2], `N = 1: ${errors[0]}, N = 3: ${errors[2]}`);
  assert.ok(errors[3] < errors[0]);
  assert.equal(MAX_UNITS, 12);
});

test('lab: one sigmoid unit is a step, one ReLU is not', () => {
  const t = approxTask('step-one-unit');
  expect(t, { fit: fit({ data: 'step', n: 1 }) }, true);
  expect(t, { fit: fit({ data: 'step', n: 1, act: 'relu' }) }, false, /test loss below 0\.01/);
  expect(t, { fit: fit({ data: 'step', n: 2 }) }, false, /use exactly 1 unit \(now 2\)/);
  assert.deepEqual(evaluate(t, { fit: fit({ data: 'sine', n: 1 }) }).missing, ['choose the step']);
});

test('lab: the lab\'s sum of units is the network\'s output; the plane\'s AND region holds the inner disc', () => {
  const f = fit({});
  const n = f.settings.n, samples = f.sum.x.length;
  for (let j = 0; j < samples; j += 20) {
    let sum = f.bias;
    for (let i = 0; i < n; ++i) sum += f.sum.terms[i * samples + j];
    assert.ok(Math.abs(sum - f.sum.output[j]) < 1e-5);
  }
  assert.equal(f.units.length, n);
  assert.equal(f.units[0].alpha, f.sum.alpha[0]);
  const t = approxTask('circles-and');
  const p2 = plane({ n2: 2 }), p3 = plane({ n2: 3 });
  expect(t, { plane: p2 }, false, /test accuracy of at least 95%/);
  expect(t, { plane: p3 }, true);
  // Three is the fewest (two lines leave the disc open), so the check asks for the fewest the statement names.
  expect(t, { plane: plane({ n2: 4 }) }, false, /^use fewer units: three lines already close a triangle around the disc \(now 4\)$/);
  expect(t, { plane: plane({ n2: 3, act: 'relu' }) }, true);
  expect(t, { plane: plane({ n2: 2, act: 'relu' }) }, false, /test accuracy of at least 95%/);
  assert.deepEqual(evaluate(t, { plane: plane({ plane: 'xor', n2: 2 }) }).missing, ['choose the circles for the 2-D view']);
  // Three lines cut the square into regions where 0 to 3 units are on; the disc's cells all agree.
  assert.equal(p3.counts.length, 60 * 60);
  assert.ok(p3.counts.every((c) => c >= 0 && c <= 3));
  assert.ok(new Set(p3.counts).size >= 3);
  const g = 60, cell = (x1, x2) => Math.floor(((6 - x2) / 12) * g) * g + Math.floor(((x1 + 6) / 12) * g);
  const centre = p3.counts[cell(0, 0)];
  for (const [x1, x2] of [[1, 1], [-1, 1], [1, -1], [-1, -1]]) assert.equal(p3.counts[cell(x1, x2)], centre, `(${x1}, ${x2})`);
  // The inner disc is the AND of the three sides that raise the output; the outer ring is not.
  assert.equal(centre, 3);
  assert.ok([[5, 5], [-5, 5], [5, -5], [-5, -5]].every(([x1, x2]) => p3.counts[cell(x1, x2)] < 3));
});

test('the lab\'s settings go through the engine as the page sends them', () => {
  // engineSettings of the lab's recipe is accepted as it is (no page state involved).
  withEngine(engineSettings({ ...defaults(), dataset: 'abs', features: ['x1'], outputActivation: 'linear' }), (engine) => {
    assert.equal(engine.dataset().inputs, 1);
  });
});
