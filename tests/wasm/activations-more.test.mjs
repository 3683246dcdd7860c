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
