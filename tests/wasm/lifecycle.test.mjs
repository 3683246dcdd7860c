// Lifetimes across the Embind boundary: creating, using and disposing many engines in one module
// leaks no emval handles (JS values held by C++) and no wasm memory, disposed cores are really
// deleted, and repeated reset/configure on one engine leaks nothing either; the same for the classic
// units.
// Not here: what the calls compute (engine.test.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, EngineError } from './load-engine.mjs';
import { ClassicUnit, mcCullochPittsTable } from '../../web/engine.js';

let module;
before(async () => {
  module = await loadModule();
  // Emscripten 3.1.6's embind exports this on the module (see init_emval in backprop-core.js).
  assert.equal(typeof module.count_emval_handles, 'function', 'module.count_emval_handles is missing');
});

// One engine's whole life, touching every call that crosses the boundary (including error paths,
// which return strings instead of data).
function lifetime(i) {
  const engine = new Engine(module);
  engine.configure({ dataset: i % 2 ? 'circles' : 'xor', hidden: [5, 3], seed: i + 1, learningRate: 0.05 });
  engine.trainEpochs(3);
  engine.trainBatches(2);
  engine.trainExamples(3);
  engine.trace(i % 200);
  engine.traceStep(4);
  engine.traceStepOn(engine.dataset().train[i % 100]);
  engine.evaluateGrid(16);
  engine.evaluateGrid(8, -6, 6, { copy: false });
  engine.metrics();
  engine.settings();
  engine.dataset();
  engine.layerStats();
  engine.progress();
  engine.nextBatch(5);
  engine.layers();
  engine.setParams(engine.params());
  engine.recordTrajectory();
  engine.lossSlice({ grid: 3 });
  assert.throws(() => engine.lossSlice({ directions: 'trajectory' }), EngineError);
  assert.throws(() => engine.configure({ hidden: 'x' }), EngineError);
  assert.throws(() => engine.configure({ activation: 'nope' }), EngineError);
  assert.throws(() => engine.trace(-1), EngineError);
  assert.throws(() => engine.traceStepOn(engine.dataset().test[0]), EngineError);
  assert.throws(() => engine.evaluateGrid(0), EngineError);
  engine.reset();
  const core = engine.core;
  engine.dispose();
  return core;
}

test('count_emval_handles() sees the handles C++ holds during a call (so the checks below can fail)', () => {
  const engine = new Engine(module);
  try {
    const outside = module.count_emval_handles();
    let inside;
    // The bindings read settings fields through emval handles; a getter runs while they are held.
    // Straight to the Embind object: engine.js reads getters before any wasm call.
    engine.core.configure({ get learningRate() { inside = module.count_emval_handles(); return 0.05; } });
    assert.ok(inside > outside, `handles during the call ${inside}, outside ${outside}`);
    assert.equal(module.count_emval_handles(), outside);
  } finally {
    engine.dispose();
  }
});

test('200 engines created, used and disposed leak no handles and no memory', () => {
  const handles = module.count_emval_handles();
  for (let i = 0; i < 10; ++i) lifetime(i);  // warm-up: let the heap reach its working size
  const memory = module.HEAPU8.byteLength;
  const cores = [];
  for (let i = 0; i < 200; ++i) cores.push(lifetime(i));
  assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
  assert.equal(module.HEAPU8.byteLength, memory, 'wasm memory grew over 200 engine lifetimes');
  for (const core of cores) assert.equal(core.isDeleted(), true);
});

test('a disposed engine is really deleted', () => {
  const engine = new Engine(module);
  const core = engine.core;
  engine.dispose();
  assert.equal(core.isDeleted(), true);
  assert.throws(() => core.settings(), /deleted object/);
  assert.throws(() => core.trainEpochs(1), /deleted object/);
  assert.throws(() => core.delete(), /already deleted/);
  assert.throws(() => engine.settings(), EngineError);  // the wrapper dropped its core
  assert.doesNotThrow(() => engine.dispose());        // disposing twice is harmless
});

test('500 resets and configure calls on one engine leak no handles', () => {
  const engine = new Engine(module);
  try {
    const handles = module.count_emval_handles();
    engine.trainEpochs(1);
    for (let i = 0; i < 500; ++i) {
      engine.reset();
      engine.configure({ learningRate: 0.01 * (1 + (i % 5)), hidden: i % 2 ? [3] : [4, 2], features: ['x1', 'x2'] });
      if (i % 50 === 0) assert.throws(() => engine.configure({ batchSize: 0.5 }), EngineError);
    }
    assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
    assert.deepEqual(engine.layerSizes(), [2, 3, 1]);  // the last configure (i = 499) set hidden [3]
    assert.equal(engine.progress().epoch, 0);
  } finally {
    engine.dispose();
  }
});

test('200 classic units and McCulloch-Pitts tables created, used and disposed leak no handles and no memory', () => {
  const life = (i) => {
    const unit = new ClassicUnit(module);
    unit.reset({ rule: i % 2 ? 'adaline' : 'perceptron', coding: 'binary', learningRate: 0.1, batch: i % 3 === 0, shuffle: true, seed: i },
      [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1], [0, 0, 0]);
    unit.step();
    unit.trainEpochs(3);
    unit.state();
    unit.history(1);
    mcCullochPittsTable(module, [false, i % 2 === 0], i % 3);
    assert.throws(() => unit.reset({ rule: 'nope', coding: 'binary', learningRate: 1 }, [[0]], [0], [0, 0]), EngineError);
    assert.throws(() => unit.trainEpochs(-1), EngineError);
    assert.throws(() => mcCullochPittsTable(module, [false], 2), EngineError);
    const wasm = unit.unit;
    unit.dispose();
    return wasm;
  };
  const handles = module.count_emval_handles();
  for (let i = 0; i < 10; ++i) life(i);
  const memory = module.HEAPU8.byteLength;
  const units = [];
  for (let i = 0; i < 200; ++i) units.push(life(i));
  assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
  assert.equal(module.HEAPU8.byteLength, memory, 'wasm memory grew over 200 unit lifetimes');
  for (const u of units) assert.equal(u.isDeleted(), true);
});
