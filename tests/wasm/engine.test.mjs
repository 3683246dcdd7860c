// Tests for web/engine.js over the real wasm build (web/wasm/backprop-core.*): settings, validation
// messages, training, metrics, dataset, trace/traceStep/traceStepOn, grid evaluation, custom data,
// parameter editing, layer statistics and divergence. One module instance is shared; each test gets its own
// Engine. Not here: native/wasm agreement (parity.test.mjs), handle leaks (lifecycle.test.mjs).
import { test, describe, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, loadEngine, Engine, EngineError, assertEngineError } from './load-engine.mjs';

const f32 = Math.fround;

// The defaults of bp::Settings (core/include/backprop/playground.hpp) as the bindings report them (floats widened).
const DEFAULTS = {
  dataset: 'xor', points: 200, noise: 0, dataSeed: 1, classes: 3, trainRatio: 0.5, validationRatio: 0,
  features: ['x1', 'x2'], inputScaling: 'none', hidden: [4, 2], activation: 'tanh', outputActivation: 'tanh',
  leakySlope: f32(0.01), eluAlpha: 1, maxoutPieces: 2, loss: 'mse', init: 'xavier_uniform', initScale: 1, biasInit: 0, seed: 1,
  learningRate: f32(0.03), batchSize: 10, l1: 0, l2: 0, decay: 'none', decayRate: f32(0.99),
  decaySteps: 100, optimizer: 'sgd', momentum: f32(0.9), beta1: f32(0.9), beta2: f32(0.999),
  epsilon: f32(1e-8), dropout: 0,
};

const XOR = { dataset: 'xor', hidden: [4], activation: 'tanh', learningRate: 0.03, batchSize: 10 };

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length, 'array lengths');
  let m = 0;
  for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
function assertClose(actual, expected, tol, what) {
  const d = maxAbsDiff(actual, expected);
  assert.ok(d <= tol, `${what}: max abs diff ${d} > ${tol}`);
}
// JSON for test names, keeping NaN and Infinity visible.
const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
const allFinite = (a) => Array.from(a).every(Number.isFinite);
const sum = (a) => a.reduce((s, x) => s + x, 0);


let module;
let engine;
before(async () => { module = await loadModule(); });
beforeEach(() => { engine = new Engine(module); });
afterEach(() => { engine.dispose(); });

describe('settings', () => {
  test('a new engine reports the core defaults (XOR, [2, 4, 2, 1] tanh)', () => {
    assert.deepEqual(engine.settings(), DEFAULTS);
    assert.deepEqual(engine.layerSizes(), [2, 4, 2, 1]);
    assert.equal(engine.params().length, 2 * 4 + 4 + 4 * 2 + 2 + 2 * 1 + 1);
    assert.deepEqual(engine.progress(), { epoch: 0, updates: 0, epochPosition: 0, learningRate: f32(0.03), diverged: false });
  });

  test('createEngine() loads a module and gives the same defaults', async () => {
    const e = await loadEngine();
    try {
      assert.ok(e instanceof Engine);
      assert.deepEqual(e.settings(), DEFAULTS);
    } finally {
      e.dispose();
    }
  });

  test('settings() round-trips through configure() without changing the run', () => {
    engine.trainEpochs(3);
    const params = engine.params();
    engine.configure(engine.settings());
    assert.deepEqual(engine.settings(), DEFAULTS);
    assert.equal(engine.progress().epoch, 3);
    assert.deepEqual(engine.params(), params);

    const custom = {
      ...DEFAULTS, dataset: 'moons', points: 150, noise: 0.25, dataSeed: 7, trainRatio: 0.6,
      validationRatio: 0.2, features: ['x1', 'x2', 'x1^2', 'sin_x2'], hidden: [5, 3],
      activation: 'leaky_relu', outputActivation: 'sigmoid', leakySlope: 0.125, loss: 'bce',
      init: 'he_uniform', biasInit: 0.5, seed: 42, learningRate: 0.25, batchSize: 7, l1: 0.001,
      l2: 0.002, decay: 'inverse_time', decaySteps: 50, optimizer: 'adam', beta1: 0.8, beta2: 0.99,
      epsilon: 1e-6, dropout: 0.1,
    };
    engine.configure(custom);
    const back = engine.settings();
    for (const [key, value] of Object.entries(custom)) {
      const expected = typeof value === 'number' ? f32(value) : value;
      assert.deepEqual(back[key], expected, key);
    }
    assert.deepEqual(Object.keys(back).sort(), Object.keys(DEFAULTS).sort());
    assert.deepEqual(engine.layerSizes(), [4, 5, 3, 1]);
  });

  test('a partial object changes only the keys it names', () => {
    engine.configure({ noise: 0.5, hidden: [3] });
    assert.deepEqual(engine.settings(), { ...DEFAULTS, noise: 0.5, hidden: [3] });
    engine.configure({ optimizer: 'momentum' });
    assert.deepEqual(engine.settings(), { ...DEFAULTS, noise: 0.5, hidden: [3], optimizer: 'momentum' });
    engine.configure({});
    assert.deepEqual(engine.settings(), { ...DEFAULTS, noise: 0.5, hidden: [3], optimizer: 'momentum' });
  });

  for (const change of [{ learningRate: 0.1 }, { batchSize: 3 }, { optimizer: 'adam' }, { l2: 0.01 }]) {
    test(`a training-only change ${JSON.stringify(change)} keeps the weights and the epoch`, () => {
      engine.trainEpochs(4);
      const params = engine.params();
      engine.configure(change);
      assert.equal(engine.progress().epoch, 4);
      assert.deepEqual(engine.params(), params);
      const [key, value] = Object.entries(change)[0];
      assert.equal(engine.settings()[key], typeof value === 'number' ? f32(value) : value);
      engine.trainEpochs(1);  // and training continues from there
      assert.equal(engine.progress().epoch, 5);
    });
  }

  test('an architecture change resets the epoch and changes the parameter count', () => {
    engine.trainEpochs(4);
    assert.equal(engine.params().length, 25);
    engine.configure({ hidden: [3] });
    assert.equal(engine.progress().epoch, 0);
    assert.equal(engine.progress().updates, 0);
    assert.deepEqual(engine.layerSizes(), [2, 3, 1]);
    assert.equal(engine.params().length, 2 * 3 + 3 + 3 + 1);
  });

  test('the same seed gives the same initial weights; another seed gives others', () => {
    const p1 = engine.params();
    engine.configure({ seed: 2 });
    assert.notDeepEqual(engine.params(), p1);
    engine.configure({ seed: 1 });
    assert.deepEqual(engine.params(), p1);
  });
});

describe('bad settings throw EngineError naming the setting and change nothing', () => {
  const cases = [
    // wrong types
    [{ learningRate: '0.1' }, /setting 'learningRate' must be a number/],
    [{ learningRate: null }, /setting 'learningRate' must be a number/],
    [{ batchSize: true }, /setting 'batchSize' must be a number/],
    [{ seed: 'a' }, /setting 'seed' must be a number/],
    [{ batchSize: 2.5 }, /setting 'batchSize' must be a whole number/],
    [{ points: Infinity }, /setting 'points' must be a whole number/],
    [{ hidden: 4 }, /setting 'hidden' must be/],
    [{ hidden: '4,2' }, /setting 'hidden' must be/],
    [{ hidden: [4, 'x'] }, /setting 'hidden' must be/],
    [{ hidden: [1.5] }, /setting 'hidden' must be/],
    [{ features: 'x1' }, /setting 'features' must be/],
    [{ features: ['x1', 2] }, /setting 'features' must be/],
    [{ activation: 3 }, /setting 'activation' must be a name/],
    [null, /settings must be an object/],
    ['xor', /settings must be an object/],
    // out of range
    [{ learningRate: 0 }, /^learningRate must be in \(0, 100\] \(got 0\)$/],
    [{ learningRate: -1 }, /^learningRate/],
    [{ learningRate: 1000 }, /^learningRate/],
    [{ learningRate: NaN }, /^learningRate/],
    [{ batchSize: 0 }, /^batchSize must be between 1 and 100000 \(got 0\)$/],
    [{ batchSize: 100001 }, /^batchSize/],
    [{ hidden: [0] }, /^hidden\[0\] must be between 1 and 256 \(got 0\)$/],
    [{ hidden: [4, 300] }, /^hidden\[1\]/],
    [{ hidden: new Array(17).fill(2) }, /^hidden must have at most 16 items/],
    [{ points: 0 }, /^points/],
    [{ points: 5001 }, /^points/],
    [{ noise: 1.5 }, /^noise/],
    [{ dataset: 'blobs', classes: 9 }, /^classes/],
    [{ trainRatio: 0 }, /^trainRatio must be in \(0, 1\] \(got 0\)$/],
    [{ trainRatio: 0.8, validationRatio: 0.5 }, /^trainRatio \+ validationRatio must be at most 1/],
    [{ l1: -0.1 }, /^l1/],
    [{ l2: 11 }, /^l2/],
    [{ dropout: 1 }, /^dropout/],
    [{ momentum: 1 }, /^momentum/],
    [{ beta1: 1 }, /^beta1/],
    [{ beta2: -0.5 }, /^beta2/],
    [{ epsilon: 0 }, /^epsilon/],
    [{ decayRate: 0 }, /^decayRate/],
    [{ decaySteps: 0 }, /^decaySteps/],
    [{ leakySlope: 1 }, /^leakySlope/],
    [{ eluAlpha: 0 }, /^eluAlpha/],
    [{ biasInit: 11 }, /^biasInit/],
    // unknown names
    [{ activation: 'mish' }, /^activation must be one of linear, .* \(got 'mish'\)$/],
    [{ outputActivation: 'gelu' }, /^outputActivation must be one of .*got 'gelu'/],
    [{ dataset: 'mnist' }, /^dataset must be one of .*got 'mnist'/],
    [{ loss: 'hinge' }, /^loss must be one of mse, bce, softmax_ce \(got 'hinge'\)/],
    [{ init: 'orthogonal' }, /^init must be one of .*got 'orthogonal'/],
    [{ optimizer: 'rmsprop' }, /^optimizer must be one of sgd, momentum, adam \(got 'rmsprop'\)/],
    [{ decay: 'cosine' }, /^decay must be one of .*got 'cosine'/],
    [{ features: ['x1', 'x3'] }, /^features\[1\] must be one of .*got 'x3'/],
    // invalid combinations
    [{ features: [] }, /^features must have at least 1 item/],
    [{ features: ['x1', 'x1'] }, /^features has 'x1' twice/],
    [{ activation: 'softmax' }, /^activation must be one of .*got 'softmax'/],
    [{ outputActivation: 'softmax' }, /^outputActivation 'softmax' needs a multi-class dataset/],
    [{ loss: 'softmax_ce' }, /softmax/],
    [{ loss: 'bce' }, /loss 'bce' needs a sigmoid/],
    [{ dataset: 'blobs', loss: 'softmax_ce' }, /softmax/],
    [{ dataset: 'plane', outputActivation: 'sigmoid', loss: 'bce' }, /regression needs loss 'mse'/],
    [{ dataset: 'custom' }, /dataset 'custom' needs points/],
    // one bad key spoils the whole object: nothing of it is applied
    [{ learningRate: 0.5, hidden: [3], batchSize: 0 }, /^batchSize/],
    [{ hidden: [3], activation: 'nope' }, /^activation must be one of/],
  ];
  for (const [bad, pattern] of cases) {
    test(`${show(bad)} -> ${pattern}`, () => {
      engine.trainEpochs(2);
      const settings = engine.settings();
      const params = engine.params();
      assertEngineError(() => engine.configure(bad), pattern);
      assert.deepEqual(engine.settings(), settings);
      assert.deepEqual(engine.params(), params);
      assert.equal(engine.progress().epoch, 2);
    });
  }

  // Seeds are 32-bit unsigned: out-of-range values must be rejected, not wrapped to another seed.
  for (const bad of [{ seed: -1 }, { seed: 2 ** 32 }, { dataSeed: -5 }, { batchSize: 2 ** 32 + 10 }, { points: 1e12 }]) {
    test(`${show(bad)} is rejected`, () => {
      const settings = engine.settings();
      assertEngineError(() => engine.configure(bad), new RegExp(`^(setting ')?${Object.keys(bad)[0]}`));
      assert.deepEqual(engine.settings(), settings);
    });
  }
});

describe('training', () => {
  test('XOR ([2, 4, 1] tanh, lr 0.03, batch 10) lowers the test loss and reaches accuracy >= 0.95', () => {
    engine.configure(XOR);
    const initial = engine.metrics().test;
    let epochs = 0;
    while (engine.metrics().test.accuracy < 0.95 && epochs < 400) {
      engine.trainEpochs(25);
      epochs += 25;
    }
    const final = engine.metrics().test;
    assert.ok(final.accuracy >= 0.95, `accuracy ${final.accuracy} after ${epochs} epochs`);
    assert.ok(final.loss < initial.loss / 2, `test loss ${initial.loss} -> ${final.loss}`);
    assert.equal(engine.progress().epoch, epochs);
    assert.equal(engine.progress().updates, epochs * 10);  // 100 training points, batch 10
  });

  test('the same seed gives the same trajectory after reset()', () => {
    engine.trainEpochs(10);
    const after10 = engine.params();
    engine.reset();
    assert.equal(engine.progress().epoch, 0);
    engine.trainEpochs(10);
    assert.deepEqual(engine.params(), after10);
  });

  test('trainBatches / trainExamples advance the epoch position; nextBatch previews the indices', () => {
    engine.trainBatches(3);
    assert.equal(engine.progress().epochPosition, 30);
    const next = engine.nextBatch(4);
    assert.ok(next instanceof Int32Array);
    assert.equal(next.length, 4);
    const train = new Set(engine.dataset().train);
    for (const i of next) assert.ok(train.has(i));
    engine.trainExamples(4);
    assert.equal(engine.progress().epochPosition, 34);
    assert.equal(engine.progress().updates, 4);
    assertEngineError(() => engine.trainExamples(0), /examples/);
    assertEngineError(() => engine.trainEpochs(-1), /epochs/);
  });

  test('metrics() has train / validation / test, each { loss, accuracy, count }', () => {
    engine.configure({ validationRatio: 0.2 });
    const m = engine.metrics();
    assert.deepEqual(Object.keys(m).sort(), ['test', 'train', 'validation']);
    for (const subset of Object.values(m)) {
      assert.deepEqual(Object.keys(subset).sort(), ['accuracy', 'count', 'loss']);
      assert.ok(Number.isFinite(subset.loss) && subset.loss >= 0);
      assert.ok(subset.accuracy >= 0 && subset.accuracy <= 1);
    }
    assert.deepEqual([m.train.count, m.validation.count, m.test.count], [100, 40, 60]);

    engine.configure({ validationRatio: 0 });  // an empty set has NaN loss and accuracy
    const empty = engine.metrics().validation;
    assert.equal(empty.count, 0);
    assert.ok(Number.isNaN(empty.loss) && Number.isNaN(empty.accuracy));

    engine.configure({ dataset: 'plane', outputActivation: 'linear' });  // regression: no accuracy
    const r = engine.metrics().test;
    assert.ok(Number.isFinite(r.loss));
    assert.ok(Number.isNaN(r.accuracy));
  });
});

describe('dataset()', () => {
  for (const [settings, problem, classes] of [
    [{ dataset: 'xor', points: 200 }, 'binary', 2],
    [{ dataset: 'blobs', classes: 4, points: 150, validationRatio: 0.2, outputActivation: 'softmax', loss: 'softmax_ce' }, 'multiclass', 4],
    [{ dataset: 'plane', points: 99, trainRatio: 0.7, outputActivation: 'linear' }, 'regression', 1],
  ]) {
    test(`${settings.dataset}: xy is 2N long, labels N, the index sets are disjoint and cover 0..N-1`, () => {
      engine.configure(settings);
      const d = engine.dataset();
      const n = settings.points;
      assert.equal(d.problem, problem);
      assert.equal(d.classes, classes);
      assert.ok(d.xy instanceof Float32Array);
      assert.ok(d.labels instanceof Float32Array);
      assert.equal(d.xy.length, 2 * n);
      assert.equal(d.labels.length, n);
      for (const key of ['train', 'validation', 'test']) assert.ok(d[key] instanceof Int32Array, key);
      const all = [...d.train, ...d.validation, ...d.test];
      assert.equal(all.length, n);
      assert.deepEqual(all.sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
      assert.equal(d.train.length, engine.metrics().train.count);
      if (problem !== 'regression') for (const y of d.labels) assert.ok(Number.isInteger(y) && y >= 0 && y < classes);
      assert.deepEqual(engine.layerSizes().at(-1), problem === 'multiclass' ? classes : 1);
    });
  }
});

describe('trace(i)', () => {
  test('shapes match layerSizes() and the record agrees with params()', () => {
    engine.trainEpochs(5);
    const sizes = engine.layerSizes();
    const layers = engine.layers();
    const d = engine.dataset();
    const index = 17;
    const t = engine.trace(index);
    assert.equal(t.layers.length, sizes.length - 1);
    assert.equal(t.input.length, sizes[0]);
    assert.equal(t.output.length, sizes.at(-1));
    assert.equal(t.target.length, sizes.at(-1));
    assert.equal(t.dLossDOutput.length, sizes.at(-1));
    assert.ok(Number.isFinite(t.loss) && t.loss >= 0);
    // features are [x1, x2] of that point
    assert.deepEqual(Array.from(t.input), [d.xy[2 * index], d.xy[2 * index + 1]]);
    t.layers.forEach((l, k) => {
      const [inn, out] = [sizes[k], sizes[k + 1]];
      assert.equal(l.rows, out);
      assert.equal(l.cols, inn);
      assert.equal(l.aPrev.length, inn);
      for (const key of ['z', 'a', 'gradAct', 'delta', 'db']) assert.equal(l[key].length, out, key);
      assert.equal(l.dW.length, out * inn);
      if (k > 0) assert.deepEqual(l.aPrev, t.layers[k - 1].a);
      assert.equal(l.mask.length, 0, 'no dropout mask outside a training step');
      // z = W a_prev + b (W column-major: W[j + i*out])
      const z = [];
      for (let j = 0; j < out; ++j) {
        let s = layers[k].b[j];
        for (let i = 0; i < inn; ++i) s += layers[k].W[j + i * out] * l.aPrev[i];
        z.push(s);
      }
      assertClose(l.z, z, 1e-5, `z of layer ${k}`);
      // dW = delta a_prev^T, db = delta
      const dW = [];
      for (let i = 0; i < inn; ++i) for (let j = 0; j < out; ++j) dW.push(l.delta[j] * l.aPrev[i]);
      assertClose(l.dW, dW, 1e-6, `dW of layer ${k}`);
      assertClose(l.db, l.delta, 0, `db of layer ${k}`);
    });
    assert.deepEqual(t.output, t.layers.at(-1).a);
    assert.equal(engine.progress().epoch, 5);  // tracing changes nothing
  });

  test('an index out of range throws', () => {
    assertEngineError(() => engine.trace(-1), /example index -1 is out of range/);
    assertEngineError(() => engine.trace(200), /example index 200 is out of range \(0\.\.199\)/);
  });
});

describe('traceStep(n)', () => {
  test('plain SGD: after = before - lr * applied, applied = data + regularisation', () => {
    engine.configure({ l2: 0.01, learningRate: 0.1 });
    engine.trainEpochs(2);
    const before = engine.params();
    const expectedBatch = engine.nextBatch(4);
    const s = engine.traceStep(4);
    const P = before.length;
    assert.deepEqual(s.batch, expectedBatch);
    assert.equal(s.examples.length, 4);
    assert.equal(s.learningRate, f32(0.1));
    for (const key of ['dataGradient', 'regularizationGradient', 'appliedGradient', 'paramsBefore', 'paramsAfter'])
      assert.equal(s[key].length, P, key);
    assert.deepEqual(s.paramsBefore, before);
    assertClose(s.appliedGradient, s.dataGradient.map((g, i) => g + s.regularizationGradient[i]), 1e-6, 'applied gradient');
    assertClose(s.paramsAfter, s.paramsBefore.map((p, i) => p - s.learningRate * s.appliedGradient[i]), 1e-6, 'params after');
    assert.deepEqual(engine.params(), s.paramsAfter);
    // L2 acts on weights only: zero on biases, l2 * w on weights.
    let offset = 0;
    const sizes = engine.layerSizes();
    for (let l = 0; l + 1 < sizes.length; ++l) {
      const nW = sizes[l] * sizes[l + 1];
      for (let i = offset; i < offset + nW; ++i) assert.ok(Math.abs(s.regularizationGradient[i] - f32(0.01) * before[i]) < 1e-7);
      for (let i = offset + nW; i < offset + nW + sizes[l + 1]; ++i) assert.equal(s.regularizationGradient[i], 0);
      offset += nW + sizes[l + 1];
    }
    // the data gradient is the mean of the per-example dW / db
    const mean = new Float64Array(P);
    for (const ex of s.examples) {
      let o = 0;
      for (const l of ex.layers) {
        l.dW.forEach((g, i) => { mean[o + i] += g / 4; });
        o += l.dW.length;
        l.db.forEach((g, i) => { mean[o + i] += g / 4; });
        o += l.db.length;
      }
    }
    assertClose(s.dataGradient, mean, 1e-6, 'data gradient');
    assert.ok(Number.isFinite(s.lossBefore) && Number.isFinite(s.lossAfter));
    assert.equal(engine.progress().epochPosition, 4);
  });

  test('with dropout the examples carry the masks the update drew, and their mean is what it applied', () => {
    engine.configure({ hidden: [6, 6], dropout: 0.5, batchSize: 4 });
    const s = engine.traceStep(4);
    assert.ok(s.dropoutApplied);
    const values = new Set();
    for (const ex of s.examples) {
      ex.layers.forEach((l, k) => {
        if (k === ex.layers.length - 1) { assert.equal(l.mask.length, 0, 'no mask on the output'); return; }
        assert.equal(l.mask.length, l.z.length);
        l.mask.forEach((m, j) => {
          values.add(m);
          if (m === 0) assert.ok(l.a[j] === 0, 'a dropped unit outputs 0 (or −0)');
        });
      });
    }
    assert.deepEqual([...values].sort(), [0, 2], 'dropped, or kept and scaled by 1/(1 - p)');
    assertClose(s.appliedGradient, s.dataGradient.map((g, i) => g + s.regularizationGradient[i]), 1e-6, 'applied gradient');
  });

  test('n out of range throws and changes nothing', () => {
    const params = engine.params();
    assertEngineError(() => engine.traceStep(0), /examples 0 is out of range/);
    assertEngineError(() => engine.traceStep(101), /examples 101 is out of range \(1\.\.100\)/);
    assert.deepEqual(engine.params(), params);
    assert.equal(engine.progress().updates, 0);
  });
});

describe('traceStepOn(index)', () => {
  const P = (e) => e.params().length;
  const diff = (after, before) => after.map((x, i) => f32(x - before[i]));

  test('one SGD update on that training example alone; the epoch order is untouched', () => {
    engine.configure({ l2: 0.01, learningRate: 0.1 });
    engine.trainEpochs(2);
    engine.trainExamples(3);
    const index = engine.dataset().train[5];
    const before = engine.params();
    const progress = engine.progress();
    const next = engine.nextBatch(10);
    const s = engine.traceStepOn(index);
    assert.deepEqual(Array.from(s.batch), [index]);
    assert.equal(s.examples.length, 1);
    assert.deepEqual(s.paramsBefore, before);
    assert.deepEqual(engine.params(), s.paramsAfter);
    assert.equal(s.update.length, P(engine));
    assert.deepEqual(s.update, Float32Array.from(diff(s.paramsAfter, s.paramsBefore)));  // exactly, in float
    assertClose(s.paramsAfter, s.paramsBefore.map((p, i) => p - s.learningRate * s.appliedGradient[i]), 1e-6, 'params after');
    assert.equal(s.optimizer, 'sgd');
    for (const key of ['velocityBefore', 'velocityAfter', 'moment1', 'moment2', 'moment1Hat', 'moment2Hat']) {
      assert.ok(s[key] instanceof Float32Array, key);
      assert.equal(s[key].length, 0, key);
    }
    assert.equal(s.adamStep, 0);
    const after = engine.progress();
    assert.equal(after.updates, progress.updates + 1);
    assert.equal(after.epoch, progress.epoch);
    assert.equal(after.epochPosition, progress.epochPosition);
    assert.deepEqual(engine.nextBatch(10), next);
  });

  test('its example trace has contribution (out x in, column-major) and dLossDA per layer', () => {
    engine.trainEpochs(3);
    const sizes = engine.layerSizes();
    const layers = engine.layers();
    const index = engine.dataset().train[0];
    const [t] = engine.traceStepOn(index).examples;
    assert.deepEqual(t.layers.map((l) => l.contribution.length), sizes.slice(1).map((out, k) => out * sizes[k]));
    t.layers.forEach((l, k) => {
      const [inn, out] = [sizes[k], sizes[k + 1]];
      assert.ok(l.contribution instanceof Float32Array && l.dLossDA instanceof Float32Array);
      assert.equal(l.dLossDA.length, out);
      // contribution[j + i*out] = W(j, i) a_prev(i); its row sums + b give z
      for (let i = 0; i < inn; ++i)
        for (let j = 0; j < out; ++j) assert.equal(l.contribution[j + i * out], f32(layers[k].W[j + i * out] * l.aPrev[i]));
      const z = [];
      for (let j = 0; j < out; ++j) {
        let s = layers[k].b[j];
        for (let i = 0; i < inn; ++i) s += l.contribution[j + i * out];
        z.push(s);
      }
      assertClose(l.z, z, 1e-5, `z of layer ${k}`);
      if (k === t.layers.length - 1) assert.deepEqual(l.dLossDA, t.dLossDOutput);
      else assertClose(l.delta, l.dLossDA.map((d, j) => d * l.gradAct[j]), 1e-6, `delta of layer ${k}`);
    });
    // trace(i) carries the same fields
    const plain = engine.trace(index);
    assert.equal(plain.layers[0].contribution.length, sizes[0] * sizes[1]);
    assert.equal(plain.layers[0].dLossDA.length, sizes[1]);
  });

  test('momentum: velocityAfter = mu velocityBefore - lr g, and the update is the velocity', () => {
    engine.configure({ optimizer: 'momentum', momentum: 0.8, learningRate: 0.05 });
    const first = engine.traceStepOn(engine.dataset().train[0]);
    assert.equal(first.optimizer, 'momentum');
    assert.deepEqual(first.velocityBefore, new Float32Array(P(engine)));  // zero before the first update
    engine.trainBatches(3);
    const s = engine.traceStepOn(engine.dataset().train[1]);
    assert.equal(s.velocityBefore.length, P(engine));
    assert.equal(s.velocityAfter.length, P(engine));
    assert.ok(s.velocityBefore.some((v) => v !== 0));
    assertClose(s.velocityAfter, s.velocityBefore.map((v, i) => f32(0.8) * v - s.learningRate * s.appliedGradient[i]), 1e-7, 'velocity');
    assertClose(s.update, s.velocityAfter, 1e-6, 'update');
    assert.equal(s.moment1.length + s.moment2.length + s.moment1Hat.length + s.moment2Hat.length, 0);
    assert.equal(s.adamStep, 0);
  });

  test('adam: adamStep counts updates and lr m_hat / (sqrt(v_hat) + eps) is the update', () => {
    engine.configure({ optimizer: 'adam', learningRate: 0.01 });
    engine.trainBatches(4);
    const index = engine.dataset().train[2];
    for (const t of [5, 6]) {
      const s = engine.traceStepOn(index);
      assert.equal(s.optimizer, 'adam');
      assert.equal(s.adamStep, t);
      for (const key of ['moment1', 'moment2', 'moment1Hat', 'moment2Hat']) assert.equal(s[key].length, P(engine), key);
      const c1 = f32(1 / (1 - f32(0.9) ** t));  // the core's bias correction: beta1 is a float, c1 in double, rounded once
      assertClose(s.moment1Hat, s.moment1.map((m) => f32(m * c1)), 0, 'm_hat');
      const step = s.moment1Hat.map((m, i) => -s.learningRate * m / (Math.sqrt(s.moment2Hat[i]) + f32(1e-8)));
      assertClose(s.update, step, 1e-6, 'update');
      assert.equal(s.velocityBefore.length + s.velocityAfter.length, 0);
    }
    // traceStep reports the same fields
    const s = engine.traceStep(10);
    assert.equal(s.adamStep, 7);
    assert.equal(s.moment1Hat.length, P(engine));
    assertClose(s.update, diff(s.paramsAfter, s.paramsBefore), 0, 'traceStep update');
  });

  test('a test, out-of-range or non-integer index throws EngineError and changes nothing', () => {
    engine.configure({ validationRatio: 0.2 });
    engine.trainEpochs(1);
    const params = engine.params();
    const updates = engine.progress().updates;
    const d = engine.dataset();
    assertEngineError(() => engine.traceStepOn(d.test[0]),
      new RegExp(`^example ${d.test[0]} is not in the training data \\(it is test data\\)$`));
    assertEngineError(() => engine.traceStepOn(d.validation[0]),
      new RegExp(`^example ${d.validation[0]} is not in the training data \\(it is validation data\\)$`));
    assertEngineError(() => engine.traceStepOn(500), /^example index 500 is out of range \(0\.\.199\)$/);
    assertEngineError(() => engine.traceStepOn(-1), /example index -1 is out of range/);
    assertEngineError(() => engine.traceStepOn(2.5), /example index must be a whole number/);
    assertEngineError(() => engine.traceStepOn(undefined), /example index must be a whole number/);
    assert.deepEqual(engine.params(), params);
    assert.equal(engine.progress().updates, updates);
  });
});

describe('evaluateGrid(g)', () => {
  test('returns every node over g x g cells; copy:false is a view into wasm memory', () => {
    const sizes = engine.layerSizes();
    const nodes = sum(sizes);
    const g = 12;
    const grid = engine.evaluateGrid(g);
    assert.equal(grid.size, g);
    assert.equal(grid.nodes, nodes);
    assert.ok(grid.values instanceof Float32Array);
    assert.equal(grid.values.length, nodes * g * g);
    assert.notEqual(grid.values.buffer, module.HEAPF32.buffer);
    assert.ok(allFinite(grid.values));

    const view = engine.evaluateGrid(g, -6, 6, { copy: false });
    assert.ok(view.values instanceof Float32Array);
    assert.equal(view.values.buffer, module.HEAPF32.buffer);
    assert.equal(view.values.length, nodes * g * g);
    assert.deepEqual(view.values.slice(), grid.values);
  });

  test('node-major layout: features, then hidden units computed from params()', () => {
    const g = 4, lo = -2, hi = 6, cell = (hi - lo) / g;
    const { values } = engine.evaluateGrid(g, lo, hi);
    const P = g * g;
    const [W, b] = [engine.layers()[0].W, engine.layers()[0].b];
    for (let iy = 0; iy < g; ++iy) {
      for (let ix = 0; ix < g; ++ix) {
        const x1 = lo + (ix + 0.5) * cell, x2 = hi - (iy + 0.5) * cell;  // row 0 at the top
        assert.ok(Math.abs(values[iy * g + ix] - x1) < 1e-6);
        assert.ok(Math.abs(values[P + iy * g + ix] - x2) < 1e-6);
        for (let j = 0; j < 4; ++j) {  // first hidden layer: tanh(W x + b)
          const a = Math.tanh(W[j] * x1 + W[j + 4] * x2 + b[j]);
          assert.ok(Math.abs(values[(2 + j) * P + iy * g + ix] - a) < 1e-5, `unit ${j} at (${ix}, ${iy})`);
        }
      }
    }
  });

  test('bad sizes and bounds throw', () => {
    for (const g of [0, -3, 1025]) assertEngineError(() => engine.evaluateGrid(g), /grid size/);
    assertEngineError(() => engine.evaluateGrid(8, 1, 1), /grid bounds/);
    assertEngineError(() => engine.evaluateGrid(8, 2, -2), /grid bounds/);
    assertEngineError(() => engine.evaluateGrid(8, NaN, 1), /grid bounds/);
  });
});

describe('setCustomData', () => {
  // 4 well separated clusters: binary labels by quadrant parity (XOR-like), or 4 classes.
  function clusters(perCluster) {
    const centres = [[3, 3], [-3, -3], [3, -3], [-3, 3]];
    const xy = [], binary = [], multi = [];
    let s = 1;
    const rand = () => { s = (s * 16807) % 2147483647; return s / 2147483647 - 0.5; };
    for (let i = 0; i < 4 * perCluster; ++i) {
      const c = i % 4;
      xy.push(centres[c][0] + rand(), centres[c][1] + rand());
      binary.push(c < 2 ? 1 : 0);
      multi.push(c);
    }
    return { xy, binary, multi };
  }

  test('binary points replace the dataset and can be trained on', () => {
    const { xy, binary } = clusters(20);
    engine.configure({ hidden: [4], learningRate: 0.1 });
    engine.setCustomData(xy, binary, 'binary');
    assert.equal(engine.settings().dataset, 'custom');
    assert.equal(engine.settings().points, 80);
    const d = engine.dataset();
    assert.equal(d.problem, 'binary');
    assert.equal(d.classes, 2);
    assert.deepEqual(d.xy, Float32Array.from(xy));
    assert.deepEqual(d.labels, Float32Array.from(binary));
    assert.equal(engine.progress().epoch, 0);
    const before = engine.metrics().train.loss;
    engine.trainEpochs(150);
    const after = engine.metrics();
    assert.ok(after.train.loss < before / 2, `train loss ${before} -> ${after.train.loss}`);
    assert.ok(after.test.accuracy >= 0.95, `test accuracy ${after.test.accuracy}`);
    // the custom data stays while the architecture changes
    engine.configure({ hidden: [6] });
    assert.equal(engine.settings().dataset, 'custom');
    assert.deepEqual(engine.dataset().xy, Float32Array.from(xy));
  });

  test('multi-class points (typed arrays) give K outputs and can be trained with softmax', () => {
    const { xy, multi } = clusters(20);
    engine.setCustomData(Float32Array.from(xy), Float32Array.from(multi), 'multiclass', 4);
    assert.equal(engine.dataset().problem, 'multiclass');
    assert.equal(engine.dataset().classes, 4);
    assert.equal(engine.layerSizes().at(-1), 4);
    engine.configure({ outputActivation: 'softmax', loss: 'softmax_ce', hidden: [6], learningRate: 0.1 });
    const before = engine.metrics().train.loss;
    engine.trainEpochs(100);
    const after = engine.metrics();
    assert.ok(after.train.loss < before / 2, `train loss ${before} -> ${after.train.loss}`);
    assert.ok(after.test.accuracy >= 0.95, `test accuracy ${after.test.accuracy}`);
  });

  test('bad data throws a clear message and keeps the previous dataset', () => {
    const { xy, binary } = clusters(5);
    engine.setCustomData(xy, binary, 'binary');
    engine.trainEpochs(2);
    const data = engine.dataset();
    const settings = engine.settings();
    const params = engine.params();
    const nanXy = xy.slice();
    nanXy[7] = NaN;  // point 3, x2
    const bigLabel = binary.slice();
    bigLabel[2] = 5;
    const cases = [
      [() => engine.setCustomData(nanXy, binary, 'binary'), /point 3: x2 is not finite/],
      [() => engine.setCustomData(xy, bigLabel, 'binary'), /point 2: label 5 is not a class between 0 and 1/],
      [() => engine.setCustomData(xy.slice(0, 6), binary, 'binary'), /2 coordinates per label \(got 6 coordinates for 20 labels\)/],
      [() => engine.setCustomData([], [], 'binary'), /points must be between 1 and 5000/],
      [() => engine.setCustomData(xy, binary, 'multiclass', 9), /classes must be between 2 and 8/],
      [() => engine.setCustomData(xy, binary.map(() => 0.5), 'binary'), /label 0.5 is not a class/],
      [() => engine.setCustomData([0, 1e6], [0], 'binary'), /x2 1e\+06 is outside/],
      [() => engine.setCustomData([0, 0], [Infinity], 'regression'), /target is not finite/],
      [() => engine.setCustomData(xy, binary, 'ranking'), /unknown problem 'ranking'/],
    ];
    for (const [fn, pattern] of cases) {
      assertEngineError(fn, pattern);
      assert.deepEqual(engine.dataset(), data);
      assert.deepEqual(engine.settings(), settings);
      assert.deepEqual(engine.params(), params);
    }
  });
});

describe('parameters', () => {
  test('setParams / setWeight / setBias round-trip through params() and layers()', () => {
    const p = Array.from(engine.params());
    p[3] += 0.5;
    p[24] = -0.25;
    engine.setParams(p);
    assert.deepEqual(engine.params(), Float32Array.from(p));

    // layer 1 is 4 -> 2: W (2 x 4) starts at offset 12, b at 12 + 8
    engine.setWeight(1, 1, 3, 0.75);
    assert.equal(engine.params()[12 + 1 + 3 * 2], 0.75);
    assert.equal(engine.layers()[1].W[1 + 3 * 2], 0.75);
    engine.setBias(1, 1, -1.5);
    assert.equal(engine.params()[12 + 8 + 1], -1.5);
    assert.equal(engine.layers()[1].b[1], -1.5);
    engine.setWeight(2, 0, 0, 0.1);
    assert.equal(engine.layers()[2].W[0], f32(0.1));
  });

  test('bad edits throw and change nothing', () => {
    const params = engine.params();
    const cases = [
      [() => engine.setParams(new Float32Array(24)), /expected 25 parameters, got 24/],
      [() => engine.setParams([...params.slice(0, 2), NaN, ...params.slice(3)]), /parameter 2 is not a finite number/],
      [() => engine.setWeight(3, 0, 0, 1), /layer 3 is out of range \(0\.\.2\)/],
      [() => engine.setWeight(0, 4, 0, 1), /unit 4 is out of range \(0\.\.3\)/],
      [() => engine.setWeight(0, 0, 2, 1), /input 2 is out of range \(0\.\.1\)/],
      [() => engine.setWeight(0, 0, 0, Infinity), /weight must be a finite number/],
      [() => engine.setBias(-1, 0, 1), /layer -1 is out of range/],
      [() => engine.setBias(1, 2, 1), /unit 2 is out of range \(0\.\.1\)/],
      [() => engine.setBias(0, 0, NaN), /bias must be a finite number/],
    ];
    for (const [fn, pattern] of cases) {
      assertEngineError(fn, pattern);
      assert.deepEqual(engine.params(), params);
    }
  });
});

describe('layerStats()', () => {
  test('one entry per weight layer with finite numbers', () => {
    engine.trainEpochs(3);
    const stats = engine.layerStats();
    assert.equal(stats.length, engine.layerSizes().length - 1);
    for (const s of stats) {
      assert.deepEqual(Object.keys(s).sort(), ['activationMean', 'activationStd', 'deadFraction', 'deltaHigh', 'deltaHistogram',
        'deltaLow', 'deltaMaxAbs', 'deltaMean', 'deltaStd', 'distinctUnits', 'gradientNorm', 'histogram', 'histogramHigh', 'histogramLow', 'slopeMean']);
      const { histogram, deltaHistogram, ...numbers } = s;
      assert.ok(deltaHistogram instanceof Float64Array && deltaHistogram.length === 25);
      assert.ok(Math.abs(deltaHistogram.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'δ fractions sum to 1');
      for (const v of Object.values(numbers)) assert.ok(Number.isFinite(v));
      assert.ok(s.deadFraction >= 0 && s.deadFraction <= 1);
      assert.ok(s.activationStd >= 0 && s.gradientNorm >= 0);
      assert.ok(histogram instanceof Float64Array && histogram.length === 24);
      assert.ok(Math.abs(histogram.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'fractions sum to 1');
    }
    // The default tanh hidden layers bin over tanh's range; tanh' is in (0, 1].
    assert.deepEqual([stats[0].histogramLow, stats[0].histogramHigh], [-1, 1]);
    assert.ok(stats[0].slopeMean > 0 && stats[0].slopeMean <= 1);
  });

  test('a sigmoid layer scales deltas by its mean slope, at most 1/4', () => {
    engine.configure({ activation: 'sigmoid', hidden: [4, 4] });
    for (const s of engine.layerStats().slice(0, 2)) {
      assert.ok(s.slopeMean > 0 && s.slopeMean <= 0.25, `slope ${s.slopeMean}`);
      assert.deepEqual([s.histogramLow, s.histogramHigh], [0, 1]);
    }
  });

  test('a ReLU net with bias init -10 has every first-layer unit dead', () => {
    engine.configure({ activation: 'relu', biasInit: -10, hidden: [4] });
    const stats = engine.layerStats();
    assert.equal(stats.length, 2);
    assert.equal(stats[0].deadFraction, 1);
    assert.equal(stats[0].activationMean, 0);
    assert.equal(stats[0].gradientNorm, 0);
    engine.configure({ biasInit: 0 });
    assert.ok(engine.layerStats()[0].deadFraction < 1);
  });
});

describe('divergence', () => {
  // Plane regression through a purely linear [2, 8, 8, 1] net with learning rate 50: the first
  // few updates overshoot by orders of magnitude and the weights reach Inf/NaN after 3 mini-batches
  // (first epoch), deterministically for the default seeds.
  const BLOW_UP = { dataset: 'plane', activation: 'linear', outputActivation: 'linear', hidden: [8, 8], learningRate: 50 };

  test('trainEpochs throws, progress().diverged is set, training refuses, reset() recovers', () => {
    engine.configure(BLOW_UP);
    const initial = engine.params();
    let error;
    try {
      engine.trainEpochs(5);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof EngineError, `expected EngineError, got ${error}`);
    assert.match(error.message, /diverged/);
    assert.match(error.message, /learning rate/);
    assert.equal(engine.progress().diverged, true);
    assert.ok(!allFinite(engine.params()));

    for (const call of [() => engine.trainEpochs(1), () => engine.trainBatches(1), () => engine.trainExamples(1), () => engine.traceStep(1)])
      assertEngineError(call, /diverged.*reset first/);

    engine.reset();
    assert.equal(engine.progress().diverged, false);
    assert.equal(engine.progress().epoch, 0);
    assert.deepEqual(engine.params(), initial);
    engine.configure({ learningRate: 0.003 });
    engine.trainEpochs(20);
    assert.equal(engine.progress().diverged, false);
    assert.ok(allFinite(engine.params()));
    assert.ok(engine.metrics().test.loss < 0.05, `test loss ${engine.metrics().test.loss}`);
  });
});

describe('whole-number arguments', () => {
  // Embind would truncate 1.5 to 1 and NaN to 0 without a word; engine.js refuses them instead.
  for (const [name, call] of [
    ['trainEpochs(1.5)', (e) => e.trainEpochs(1.5)],
    ['trainBatches(NaN)', (e) => e.trainBatches(NaN)],
    ['trainExamples("3")', (e) => e.trainExamples('3')],
    ['trace(0.5)', (e) => e.trace(0.5)],
    ['traceStep(2.2)', (e) => e.traceStep(2.2)],
    ['traceStepOn(1.5)', (e) => e.traceStepOn(1.5)],
    ['evaluateGrid(1.5)', (e) => e.evaluateGrid(1.5)],
    ['setWeight(0, 0.5, 0, 1)', (e) => e.setWeight(0, 0.5, 0, 1)],
  ]) {
    test(`${name} throws and changes nothing`, () => {
      const params = engine.params();
      assertEngineError(() => call(engine), /must be a whole number/);
      assert.deepEqual(engine.params(), params);
      assert.equal(engine.progress().updates, 0);
    });
  }
});

describe('gradient()', () => {
  test('is dJ/dw in the params layout, with the L2 term included and biases unregularised', () => {
    engine.configure({ ...XOR, points: 40, l2: 0 });
    engine.trainEpochs(2);
    const plain = engine.gradient();
    assert.equal(plain.length, engine.params().length);
    assert.ok(allFinite(plain));
    engine.configure({ l2: 0.5 });  // training-only change: same weights
    const withL2 = engine.gradient();
    const params = engine.params();
    const layers = engine.layers();
    let offset = 0;
    for (const { rows, cols } of layers) {
      for (let i = 0; i < rows * cols; ++i) {
        const k = offset + i;
        assert.ok(Math.abs(withL2[k] - (plain[k] + f32(0.5) * params[k])) < 1e-5, `weight ${k}`);
      }
      for (let j = 0; j < rows; ++j) assert.equal(withL2[offset + rows * cols + j], plain[offset + rows * cols + j]);
      offset += rows * (cols + 1);
    }
  });
});
