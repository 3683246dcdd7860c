// Maxout hidden layers through engine.js in the wasm build: the parameter layout (piece 0 where W
// and b always are, pieces 1..k-1 after every W and b), the hand-worked 1-1-1 network of the Catch2
// suite (the same numbers), a traced step (each piece's z from the parameters, the first largest
// winning, gradient only to the winner, the update), setWeight/setBias by piece, the settings and
// link values (maxoutPieces 2..4, named refusals), and a model file's round-trip and refusals.
// Also PReLU's slope gradient in a traced mini-batch step: the step's data gradient is the mean of
// the examples' dSlope (the step panel shows both).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, EngineError } from './load-engine.mjs';
import { activationCurve } from '../../web/engine.js';
import { parseHash, serializeHash, defaults, engineSettings } from '../../web/state.js';
import { modelToJson, parseModel } from '../../web/model-file.js';
import { paramIndex } from '../../web/views/network.js';
import { stepParamIndex, slopeIndex } from '../../web/step-phases.js';

let module;
before(async () => { module = await loadModule(); });

const maxoutEngine = (extra = {}) => {
  const engine = new Engine(module);
  engine.configure({ dataset: 'moons', hidden: [4, 3], activation: 'maxout', maxoutPieces: 3, learningRate: 0.1, seed: 7, ...extra });
  return engine;
};

test('layout: k times the hidden layers\' parameters, piece 0 first, pieces 1..k-1 after every W and b', () => {
  const engine = maxoutEngine();
  const sizes = engine.layerSizes();
  assert.deepEqual(sizes, [2, 4, 3, 1]);
  assert.equal(engine.maxoutPieces(), 3);
  // W and b: 12 + 15 + 4 = 31; pieces 1 and 2 of h1 (12 each) and h2 (15 each): 54 more.
  assert.equal(engine.params().length, 31 + 2 * 12 + 2 * 15);
  const layers = engine.layers();
  assert.equal(layers[0].pieces.length, 3);
  assert.equal(layers[2].pieces.length, 1, 'the output is not maxout');
  const p = engine.params();
  assert.equal(paramIndex(sizes, 0, 0, 0, 1, 3), 31);
  assert.equal(paramIndex(sizes, 1, 0, 0, 2, 3), 31 + 24 + 15);
  assert.equal(layers[1].pieces[2].W[0], p[paramIndex(sizes, 1, 0, 0, 2, 3)]);
  assert.equal(layers[1].pieces[2].b[2], p[paramIndex(sizes, 1, 2, 'bias', 2, 3)]);
  // Editing a piece edits that piece only.
  engine.setWeight(0, 1, 0, 0.625, 2);
  engine.setBias(1, 2, -0.5, 1);
  const q = engine.params();
  assert.equal(q[paramIndex(sizes, 0, 1, 0, 2, 3)], 0.625);
  assert.equal(q[paramIndex(sizes, 1, 2, 'bias', 1, 3)], -0.5);
  assert.equal(q.filter((v, i) => v !== p[i]).length, 2);
  assert.throws(() => engine.setWeight(0, 0, 0, 1, 3), /piece 3 is out of range \(0\.\.2\)/);
  assert.throws(() => engine.setBias(2, 0, 1, 1), /piece 1 is out of range \(0\.\.0\)/, 'the output has one piece');
  // Other k; back to tanh.
  engine.configure({ maxoutPieces: 4 });
  assert.equal(engine.params().length, 31 + 3 * (12 + 15));
  engine.configure({ activation: 'tanh' });
  assert.equal(engine.maxoutPieces(), 1);
  assert.equal(engine.params().length, 31);
  engine.dispose();
});

test('settings: 2..4 pieces, hidden layers only, no curve in the lab; bad values named', () => {
  const engine = maxoutEngine();
  for (const [k, re] of [[1, /^maxoutPieces must be between 2 and 4 \(got 1\)/], [5, /between 2 and 4 \(got 5\)/],
    [2.5, /whole number/]]) {
    assert.throws(() => engine.configure({ maxoutPieces: k }), (e) => e instanceof EngineError && re.test(e.message), String(k));
  }
  assert.equal(engine.settings().maxoutPieces, 3, 'a refused value changes nothing');
  assert.throws(() => engine.configure({ outputActivation: 'maxout' }), EngineError);
  assert.throws(() => activationCurve(module, 'maxout', [0]), /maxout is not elementwise/);
  engine.dispose();
});

test('links: activation=maxout&maxoutPieces=3 round-trips; bad values give a named message', () => {
  const { state, errors } = parseHash('#activation=maxout&maxoutPieces=3');
  assert.deepEqual(errors, []);
  assert.equal(state.activation, 'maxout');
  assert.equal(state.maxoutPieces, 3);
  const hash = serializeHash(state);
  assert.match(hash, /activation=maxout/);
  assert.match(hash, /maxoutPieces=3/);
  assert.deepEqual(parseHash(hash), { state, errors: [] });
  assert.equal(serializeHash(defaults()).includes('maxoutPieces'), false, 'the default stays out of the link');
  for (const [text, re] of [['5', /^maxoutPieces: '5' is out of range 2\.\.4; using 2$/],
    ['2.5', /^maxoutPieces: '2\.5' is not a whole number; using 2$/], ['many', /^maxoutPieces: 'many' is not a number; using 2$/]]) {
    const r = parseHash(`activation=maxout&maxoutPieces=${text}`);
    assert.equal(r.state.maxoutPieces, 2, text);
    assert.equal(r.errors.length, 1, text);
    assert.match(r.errors[0], re);
  }
  // The link's state configures the engine as it says.
  const engine = new Engine(module);
  engine.configure(engineSettings(state));
  assert.equal(engine.maxoutPieces(), 3);
  engine.dispose();
});

test('the hand-worked 1-1-1 network of the Catch2 suite: the same forward and backward numbers', () => {
  // Piece 0: w = 1, b = 0; piece 1: w = -2, b = 1; linear output W2 = 3, b2 = 0.5. Regression on
  // a custom point x = 2 with target 1.5: z = (2, -3), h = 2, y = 6.5, L = 12.5, dL/dy = 5, δ1 = 15.
  const engine = new Engine(module);
  engine.configure({ dataset: 'sine', points: 20, features: ['x1'], hidden: [1], activation: 'maxout', maxoutPieces: 2,
    outputActivation: 'linear', loss: 'mse', trainRatio: 1, learningRate: 0.01 });
  const sizes = engine.layerSizes();
  assert.deepEqual(sizes, [1, 1, 1]);
  // params: W1 (piece 0), b1, W2, b2, then piece 1's W and b.
  engine.setParams([1, 0, 3, 0.5, -2, 1]);
  const data = engine.dataset();
  // Use the training point with x nearest 2, and compute its numbers by hand from x and y.
  let i = 0;
  for (const j of data.train) if (Math.abs(data.xy[2 * j] - 2) < Math.abs(data.xy[2 * i] - 2)) i = j;
  const step = engine.traceStepOn(i);
  const ex = step.examples[0];
  const x = ex.input[0], t = ex.target[0];
  const f = Math.fround;
  const z0 = f(1 * x + 0), z1 = f(f(-2 * x) + 1);
  const h = ex.layers[0];
  assert.deepEqual([...h.pieces], [z0, z1]);
  assert.deepEqual([...h.winner], [z1 > z0 ? 1 : 0]);
  assert.equal(h.z[0], Math.max(z0, z1));
  const y = f(f(3 * h.a[0]) + 0.5);
  assert.equal(ex.output[0], y);
  const dy = f(y - t), d1 = f(3 * dy);
  assert.equal(h.delta[0], d1);
  const win = h.winner[0], lose = 1 - win;
  // Only the winner's weight and bias get a gradient; the step moved them by −lr × it.
  assert.equal(step.dataGradient[paramIndex(sizes, 0, 0, 0, win, 2)], f(d1 * x));
  assert.equal(step.dataGradient[paramIndex(sizes, 0, 0, 'bias', win, 2)], d1);
  assert.equal(step.dataGradient[paramIndex(sizes, 0, 0, 0, lose, 2)], 0);
  assert.equal(step.dataGradient[paramIndex(sizes, 0, 0, 'bias', lose, 2)], 0);
  assert.equal(step.update[paramIndex(sizes, 0, 0, 0, lose, 2)], 0);
  assert.equal(stepParamIndex(step, sizes, 0, 0, 0, 0), paramIndex(sizes, 0, 0, 0, win, 2));
  // x near 2 is where piece 0 wins: the Catch2 suite's first case (z = (2, -3), h = 2, δ1 = 15 at x = 2, t = 1.5).
  assert.equal(win, 0);
  engine.dispose();
});

test('a traced mini-batch step: each piece\'s z from the parameters, the first largest wins, δ to the winner only', () => {
  const engine = maxoutEngine();
  engine.trainEpochs(5);
  const step = engine.traceStep(8);
  const sizes = engine.layerSizes();
  const k = 3;
  const p = step.paramsBefore;
  const mean = new Float64Array(p.length);
  let winners = new Set();
  for (const ex of step.examples) {
    for (let l = 0; l < 2; ++l) {
      const t = ex.layers[l];
      const rows = sizes[l + 1];
      assert.equal(t.pieces.length, rows * k);
      for (let j = 0; j < rows; ++j) {
        const zs = [];
        for (let piece = 0; piece < k; ++piece) {
          let z = p[paramIndex(sizes, l, j, 'bias', piece, k)];
          for (let i = 0; i < sizes[l]; ++i) z += p[paramIndex(sizes, l, j, i, piece, k)] * t.aPrev[i];
          assert.ok(Math.abs(t.pieces[j + piece * rows] - z) < 1e-5, `piece ${piece} of unit ${j}`);
          zs.push(t.pieces[j + piece * rows]);
        }
        const best = Math.max(...zs);
        assert.equal(t.winner[j], zs.indexOf(best), 'the first largest piece');
        winners.add(t.winner[j]);
        assert.equal(t.z[j], best);
        assert.equal(t.gradAct[j], 1);
        // The trace's dW and db are the winner's; its gradient goes into the mean at the winner's place.
        for (let i = 0; i < sizes[l]; ++i) mean[paramIndex(sizes, l, j, i, t.winner[j], k)] += t.dW[j + i * rows] / 8;
        mean[paramIndex(sizes, l, j, 'bias', t.winner[j], k)] += t.db[j] / 8;
      }
    }
  }
  assert.equal(winners.size, 3, 'every piece wins somewhere');
  for (let l = 0; l < 2; ++l) {
    for (let piece = 0; piece < k; ++piece) {
      for (let j = 0; j < sizes[l + 1]; ++j) {
        const at = paramIndex(sizes, l, j, 'bias', piece, k);
        assert.ok(Math.abs(step.dataGradient[at] - mean[at]) < 1e-6, `b of layer ${l} unit ${j} piece ${piece}`);
      }
    }
  }
  // SGD: the update is −lr × the applied gradient, for every piece.
  for (let i = 0; i < p.length; ++i) {
    assert.equal(step.paramsAfter[i], Math.fround(p[i] - Math.fround(0.1 * step.appliedGradient[i])));
  }
  engine.dispose();
});

test('training a maxout network: seeded, the loss falls, and a model file carries every piece', () => {
  const run = () => {
    const engine = maxoutEngine({ optimizer: 'adam', learningRate: 0.01 });
    const before = engine.metrics().train.loss;
    engine.trainEpochs(30);
    return { engine, before, after: engine.metrics().train.loss, params: [...engine.params()] };
  };
  const a = run(), b = run();
  assert.deepEqual(a.params, b.params);
  assert.ok(a.after < a.before * 0.8, `loss ${a.before} -> ${a.after}`);
  const text = modelToJson({ settings: a.engine.settings(), layerSizes: a.engine.layerSizes(), params: a.engine.params(), epoch: 30 });
  const model = parseModel(text);
  assert.equal(model.settings.maxoutPieces, 3);
  const fresh = new Engine(module);
  fresh.configure(model.settings);
  fresh.setParams(model.params);
  assert.deepEqual([...fresh.params()], a.params);
  assert.equal(fresh.metrics().train.loss, a.after);
  // The wrong count for k is refused before anything changes.
  assert.throws(() => parseModel(text.replace(/"maxoutPieces": 3/, '"maxoutPieces": 2')), /params has 85 numbers but layer sizes 2,4,3,1 need 58/);
  assert.throws(() => parseModel(text.replace(/"activation": "maxout"/, '"activation": "tanh"')), /params has 85 numbers/);
  assert.throws(() => parseModel(text.replace(/"maxoutPieces": 3/, '"maxoutPieces": 7')), /maxout ?pieces/i);
  const kept = [...fresh.params()];
  fresh.configure({ maxoutPieces: 2 });
  assert.throws(() => fresh.setParams(model.params), /expected 58 parameters, got 85/);
  fresh.configure({ maxoutPieces: 3 });
  assert.equal(fresh.params().length, kept.length);
  for (const e of [a.engine, b.engine, fresh]) e.dispose();
});

test('PReLU in a traced mini-batch: the step\'s slope gradient is the mean of the examples\' dSlope, the update −lr × it', () => {
  const engine = new Engine(module);
  engine.configure({ dataset: 'circles', noise: 0.1, hidden: [4, 3], activation: 'prelu', learningRate: 0.2, seed: 5 });
  engine.trainEpochs(2);
  const step = engine.traceStep(6);
  const sizes = engine.layerSizes();
  let moved = 0;
  for (let l = 0; l < 2; ++l) {
    for (let i = 0; i < sizes[l + 1]; ++i) {
      const k = slopeIndex(sizes, l, i);
      const m = step.examples.reduce((s, ex) => s + ex.layers[l].dSlope[i], 0) / 6;
      assert.ok(Math.abs(step.dataGradient[k] - m) < 1e-6, `h${l + 1}.${i + 1}: ${step.dataGradient[k]} vs ${m}`);
      // What the optimiser received (the batch's backward pass), to float rounding.
      assert.ok(Math.abs(step.appliedGradient[k] - step.dataGradient[k]) < 1e-6 * (1 + Math.abs(m)));
      const want = step.paramsBefore[k] - 0.2 * step.appliedGradient[k];
      assert.ok(Math.abs(step.paramsAfter[k] - want) <= 1e-7 * (1 + Math.abs(want)), `slope ${k}: ${step.paramsAfter[k]} vs ${want}`);
      if (step.update[k] !== 0) ++moved;
    }
  }
  assert.ok(moved >= 3, `${moved} slopes moved`);
  engine.dispose();
});
