// Seeded fuzzing of web/engine.js: thousands of calls with hostile arguments (wrapping integers,
// NaN, strings, symbols, BigInts, throwing getters, Proxies, huge sparse arrays, typed arrays of
// the wrong kind, a getter that disposes the engine) mixed with valid ones. Every call either works
// or throws EngineError with a message; a refused call changes nothing; no Embind handle leaks; the
// module is sound afterwards. Fixed seed, so a failure reproduces.
// Single findings, one test each: engine-misuse.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, EngineError } from './load-engine.mjs';
import { prng } from '../support/prng.mjs';


test('2000 hostile and valid engine calls: EngineError or success, refusals change nothing, no leaks', async () => {
  const module = await loadModule();
  const rand = prng(15);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const handles = module.count_emval_handles();
  let engine = new Engine(module);

  const throwing = () => ({ get learningRate() { throw new Error('getter'); } });
  const HOSTILE = [NaN, Infinity, -Infinity, -0, 1.5, -1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 53, -(2 ** 31) - 1, '1', '',
    null, undefined, true, {}, [], [1], 10n, Symbol('s'), () => 1, new Proxy({}, { get() { throw new Error('trap'); } })];
  const small = () => pick([0, 1, 2, 3, 5, 10]);
  const int = () => (rand() < 0.6 ? small() : pick(HOSTILE));
  const array = (n) => pick([
    () => Array.from({ length: n }, () => rand() - 0.5),
    () => Float32Array.from({ length: n }, () => rand() - 0.5),
    () => new Float64Array(n),
    () => new Array(1e6),
    () => new Proxy(new Array(n).fill(0), { get(t, k) { if (k === '2') throw new Error('item'); return Reflect.get(t, k); } }),
    () => new BigInt64Array(n),
    () => Array.from({ length: n }, (_, i) => (i === 1 ? '0.5' : 0)),
    () => null,
    () => 'abc',
  ])();
  const settings = () => pick([
    () => ({ learningRate: pick([0.01, 0.1, 1, 100, 0, -1, NaN, '0.1']) }),
    () => ({ hidden: pick([[2], [3, 2], [], [0], [300], new Array(1e6), [1.5], [2 ** 32], 'x', [2, 'x']]) }),
    () => ({ points: pick([10, 40, 0, 5001, 2 ** 32, 1.5, '10']), dataset: pick(['xor', 'circles', 'blobs', 'plane', 'custom', 'mnist', 7]) }),
    () => ({ features: pick([['x1'], ['x1', 'x2', 'x1*x2'], [], ['x1', 'x1'], new Array(1e6), ['x9'], [1]]) }),
    () => ({ outputActivation: pick(['tanh', 'sigmoid', 'softmax', 'linear', 'gelu']), loss: pick(['mse', 'bce', 'softmax_ce', 'hinge']) }),
    () => ({ batchSize: int(), seed: int(), dataSeed: int() }),
    () => ({ optimizer: pick(['sgd', 'momentum', 'adam', 'rmsprop']), dropout: pick([0, 0.5, 0.95, 1, -0.1]) }),
    () => ({ unknownKey: 1 }),
    throwing,
    () => ({ get hidden() { engine.dispose(); return [2]; } }),
    () => pick([null, 'xor', 42, [], new Proxy({}, { ownKeys() { throw new Error('keys'); } })]),
  ])();
  const n = () => engine.params().length;
  const calls = [
    () => engine.configure(settings()),
    () => engine.setCustomData(array(2 * small() + 2), array(small() + 1), pick(['binary', 'multiclass', 'regression', 'x', 3]), int()),
    () => engine.trainEpochs(int()),
    () => engine.trainBatches(int()),
    () => engine.trainExamples(int()),
    () => engine.nextBatch(int()),
    () => engine.trace(int()),
    () => engine.traceStep(int()),
    () => engine.traceStepOn(int()),
    () => engine.evaluateGrid(pick([1, 4, 8, 0, 1025, 2 ** 32, NaN, '8']), pick([-6, 0, NaN, '1', null]), pick([6, -6, Infinity, undefined]), pick([undefined, {}, { copy: false }, null, { copy: 1 }])),
    () => engine.setParams(rand() < 0.5 ? engine.params() : array(n() + pick([0, 0, 1, -1]))),
    () => engine.setWeight(int(), int(), int(), pick([0.5, -1, NaN, '1', 1e39])),
    () => engine.setBias(int(), int(), pick([0.5, Infinity, null])),
    () => engine.reset(),
    () => engine.metrics(),
    () => engine.layerStats(),
  ];

  const snapshot = () => JSON.stringify({ s: engine.settings(), p: Array.from(engine.params()), g: engine.progress(), d: engine.dataset() },
    (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : ArrayBuffer.isView(v) ? Array.from(v) : v));
  let refused = 0, done = 0;
  for (let i = 0; i < 2000; ++i) {
    if (!engine.core) engine = new Engine(module);  // a getter disposed it: carry on with a new one
    const before = snapshot();
    const call = pick(calls);
    try {
      call();
      done += 1;
    } catch (e) {
      assert.ok(e instanceof EngineError, `call ${i}: ${e?.name}: ${e?.message}\n${call}`);
      assert.ok(typeof e.message === 'string' && e.message.length > 0 && e.message.length < 300, e.message);
      refused += 1;
      // A refusal changes nothing; training that diverges stops where it diverged (and says so).
      if (engine.core && !/diverged/.test(e.message)) assert.equal(snapshot(), before, `call ${i} was refused (${e.message}) but changed the engine`);
    }
    if (engine.core && engine.progress().diverged) engine.reset();
  }
  engine.dispose();
  assert.ok(refused > 700 && done > 300, `${refused} refused, ${done} done`);
  assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
  const fresh = new Engine(module);
  fresh.configure({ dataset: 'circles', hidden: [4] });
  fresh.trainEpochs(5);
  assert.ok(Number.isFinite(fresh.metrics().test.loss));
  fresh.dispose();
});
