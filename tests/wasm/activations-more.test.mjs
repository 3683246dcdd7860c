// The hidden-layer activations |z|, GELU (exact, z·Φ(z)) and swish (z·σ(z)) through engine.js in the
// wasm build: f and f′ by hand (the Catch2 suite's values, so wasm and native agree), their rows of the
// properties table, the settings (hidden layers take them, the output refuses them), and a network of
// each trained a fixed number of epochs: its trace's f′(z) is the curve's, and its loss falls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, EngineError } from './load-engine.mjs';
import { activationProperties, activationCurve, settingsSchema, outputPairings } from '../../web/engine.js';

let module;
before(async () => { module = await loadModule(); });

const NEW = ['abs', 'gelu', 'swish'];
const close = (got, want, tol = 1e-6) => {
  assert.equal(got.length, want.length);
  want.forEach((w, i) => assert.ok(Math.abs(got[i] - w) <= tol, `component ${i}: ${got[i]} vs ${w}`));
};

test('f and f′ by hand: |z|, GELU (exact, with erf) and swish', () => {
  let r = activationCurve(module, 'abs', [-2, 0, 0.5]);
  assert.deepEqual([...r.f, ...r.df], [2, 0, 0.5, -1, 0, 1]);
  r = activationCurve(module, 'gelu', [-1, 0, 1, 2]);
  close(r.f, [-0.15865525, 0, 0.84134475, 1.95449974]);  // z Φ(z)
  close(r.df, [-0.08331547, 0.5, 1.08331547, 1.08523180]);  // Φ(z) + z φ(z)
  r = activationCurve(module, 'swish', [-1, 0, 1, 2]);
  close(r.f, [-0.26894142, 0, 0.73105858, 1.76159416]);  // z σ(z)
  close(r.df, [0.07232949, 0.5, 0.92767051, 1.09078425]);  // σ(z)(1 + z σ(−z))
});

test('their properties: ranges with the dips GELU and swish take, slopes above 1, smoothness, cost', () => {
  const t = Object.fromEntries(activationProperties(module).map((p) => [p.name, p]));
  assert.deepEqual([t.abs.low, t.abs.lowOpen, t.abs.high, t.abs.smooth, t.abs.saturatesLow, t.abs.maxSlope], [0, false, Infinity, false, false, 1]);
  assert.ok(Math.abs(t.gelu.low + 0.16997121) < 1e-6 && !t.gelu.lowOpen && t.gelu.smooth && t.gelu.saturatesLow);
  assert.ok(Math.abs(t.gelu.maxSlope - 1.12890415) < 1e-6 && Math.abs(t.gelu.maxSlopeAt - Math.SQRT2) < 1e-3);
  assert.ok(Math.abs(t.swish.low + 0.27846454) < 1e-6 && !t.swish.lowOpen && t.swish.smooth);
  assert.ok(Math.abs(t.swish.maxSlope - 1.09983932) < 1e-6 && Math.abs(t.swish.maxSlopeAt - 2.39935728) < 1e-3);
  assert.deepEqual(NEW.map((n) => t[n].cost), ['comparison', 'erf + exp', 'exp']);
  assert.deepEqual(NEW.map((n) => t[n].zeroCentred), [false, false, false]);
});

test('settings: hidden layers take them, the output does not', () => {
  const schema = settingsSchema(module);
  const values = (key) => schema.find((e) => e.key === key).values;
  for (const n of NEW) {
    assert.ok(values('activation').includes(n), n);
    assert.ok(!values('outputActivation').includes(n), n);
    for (const pairing of Object.values(outputPairings(module))) assert.ok(!pairing.outputActivations.includes(n), n);
  }
  const engine = new Engine(module);
  assert.throws(() => engine.configure({ outputActivation: 'gelu' }), (e) => e instanceof EngineError && /outputActivation/.test(e.message));
  engine.configure({ activation: 'gelu' });
  assert.equal(engine.settings().activation, 'gelu');
  engine.dispose();
});

test('a network of each trains: the trace\'s f′(z) is the curve\'s, the loss falls, runs repeat exactly', () => {
  for (const activation of NEW) {
    const run = () => {
      const engine = new Engine(module);
      engine.configure({ dataset: 'circles', noise: 0.1, hidden: [6, 4], activation, learningRate: 0.03, seed: 3 });
      const before = engine.metrics().train.loss;
      engine.trainEpochs(30);
      const trace = engine.trace(0);
      const after = engine.metrics().train.loss;
      const params = engine.params();
      engine.dispose();
      return { before, after, trace, params };
    };
    const a = run(), b = run();
    assert.deepEqual(a.params, b.params, `${activation}: seeded`);
    assert.ok(a.after < 0.8 * a.before, `${activation}: loss ${a.before} -> ${a.after}`);
    for (const layer of a.trace.layers.slice(0, -1)) {
      const c = activationCurve(module, activation, [...layer.z]);
      close(layer.gradAct, [...c.df], 1e-6);
      close(layer.a, [...c.f], 1e-6);
    }
  }
});

// ---- PReLU: a slope per hidden unit, 0.25 at first, trained like any weight ----

const preluEngine = (extra = {}) => {
  const engine = new Engine(module);
  engine.configure({ dataset: 'circles', noise: 0.1, hidden: [4, 3], activation: 'prelu', learningRate: 0.1, seed: 5, ...extra });
  return engine;
};
// W and b of every layer, then the slopes: where they start in params().
const slopeStart = (sizes) => sizes.slice(0, -1).reduce((n, s, l) => n + (s + 1) * sizes[l + 1], 0);

test('PReLU: every hidden unit starts at 0.25, after every W and b; the lab draws it at 0.25; hidden only', () => {
  const engine = preluEngine();
  const sizes = engine.layerSizes();
  assert.deepEqual(sizes, [2, 4, 3, 1]);
  const p = engine.params();
  assert.equal(p.length, slopeStart(sizes) + 4 + 3);
  assert.deepEqual(engine.preluSlopes().map((s) => [...s]), [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25]]);
  assert.deepEqual([...p.subarray(slopeStart(sizes))], Array(7).fill(0.25));
  const r = activationCurve(module, 'prelu', [-2, 3]);
  assert.deepEqual([...r.f, ...r.df], [-0.5, 3, 0.25, 1]);
  assert.throws(() => engine.configure({ outputActivation: 'prelu' }), EngineError);
  engine.configure({ activation: 'tanh' });
  assert.deepEqual(engine.preluSlopes(), []);
  assert.equal(engine.params().length, slopeStart(sizes));
  engine.dispose();
});

test('PReLU: one SGD step on one example moves each slope by −lr × the trace\'s dL/da, which is dL/da · min(z, 0)', () => {
  const engine = preluEngine({ learningRate: 0.5 });
  engine.trainEpochs(3);
  const step = engine.traceStepOn(7);
  const sizes = engine.layerSizes();
  let offset = slopeStart(sizes);
  for (let l = 0; l < 2; ++l) {
    const layer = step.examples[0].layers[l];
    assert.equal(layer.slopes.length, sizes[l + 1]);
    for (let i = 0; i < sizes[l + 1]; ++i, ++offset) {
      assert.equal(layer.slopes[i], step.paramsBefore[offset]);
      assert.ok(Math.abs(layer.dSlope[i] - layer.dLossDA[i] * Math.min(layer.z[i], 0)) < 1e-6, `h${l + 1}.${i + 1}`);
      assert.equal(step.appliedGradient[offset], layer.dSlope[i]);
      assert.equal(step.paramsAfter[offset], Math.fround(step.paramsBefore[offset] - Math.fround(0.5 * layer.dSlope[i])));
    }
  }
  assert.equal(step.examples[0].layers[2].slopes.length, 0, 'the output has no slope');
  engine.dispose();
});

test('PReLU: training moves the slopes away from 0.25 (SGD and Adam), deterministically; a model file carries them', async () => {
  const { modelToJson, parseModel } = await import('../../web/model-file.js');
  for (const optimizer of ['sgd', 'adam']) {
    const run = () => {
      const engine = preluEngine({ optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.1 });
      const before = engine.metrics().train.loss;
      engine.trainEpochs(40);
      const out = { slopes: engine.preluSlopes().map((s) => [...s]), loss: engine.metrics().train.loss, before, engine };
      return out;
    };
    const a = run(), b = run();
    assert.deepEqual(a.slopes, b.slopes, `${optimizer}: seeded`);
    const moved = a.slopes.flat().filter((s) => Math.abs(s - 0.25) > 1e-3).length;
    assert.ok(moved >= 4, `${optimizer}: ${moved} of 7 slopes moved: ${a.slopes}`);
    assert.ok(a.loss < a.before, `${optimizer}: loss ${a.before} -> ${a.loss}`);
    assert.deepEqual([...a.engine.params().subarray(slopeStart(a.engine.layerSizes()))], a.slopes.flat());
    // Saved and loaded: the slopes come back exactly.
    const text = modelToJson({ settings: a.engine.settings(), layerSizes: a.engine.layerSizes(), params: a.engine.params(), epoch: 40 });
    const model = parseModel(text);
    const fresh = new Engine(module);
    fresh.configure(model.settings);
    fresh.setParams(model.params);
    assert.deepEqual(fresh.preluSlopes().map((s) => [...s]), a.slopes);
    assert.equal(fresh.metrics().train.loss, a.loss);
    assert.throws(() => fresh.setParams(model.params.subarray(1)), /expected \d+ parameters/);
    assert.throws(() => parseModel(text.replace(/"activation": "prelu"/, '"activation": "tanh"')), /params has/);
    for (const e of [a.engine, b.engine, fresh]) e.dispose();
  }
});
