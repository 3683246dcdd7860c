// web/playground/warm-up.js over the real wasm build: the idle-time warm-up trains a scratch engine
// in slices, ends by itself (or when stopped) and frees its engine, and leaves every other engine of
// the module with exactly the numbers it would have had. Its effect on speed is a figure of
// `npm run bench` (tests/bench/frames.mjs: the first half second of Play), not a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine } from './load-engine.mjs';
import { warmUp } from '../../web/playground/warm-up.js';

const SPIRAL = { dataset: 'spiral', points: 300, hidden: [8, 8], activation: 'relu', init: 'he_uniform', learningRate: 0.01 };

function trained(module) {
  const engine = new Engine(module);
  try {
    engine.configure({ ...engine.settings(), ...SPIRAL });
    engine.trainEpochs(20);
    return { params: engine.params(), loss: engine.metrics().test.loss };
  } finally {
    engine.dispose();
  }
}

/** Runs warmUp with a scheduler that calls back at once; the slices' durations. */
function runWarmUp(module, options) {
  const queue = [];
  const stop = warmUp(module, { ...options, later: (fn) => queue.push(fn) });
  const slices = [];
  while (queue.length > 0) {
    const t0 = performance.now();
    queue.shift()();
    slices.push(performance.now() - t0);
  }
  return { stop, slices };
}

test('the warm-up trains for its budget, one slice per idle callback, then stops by itself', async () => {
  const module = await loadModule();
  const { slices, stop } = runWarmUp(module, { totalMs: 60, sliceMs: 5 });
  const total = slices.reduce((s, d) => s + d, 0);
  // At least the budget (it counts its training time), cut into several slices; and it ended.
  assert.ok(total >= 60, `${total.toFixed(1)} ms in all`);
  assert.ok(slices.length >= 3, `${slices.length} slices`);
  stop();  // after the end: nothing left to stop, and no second dispose
});

test('stopped early, the warm-up runs no further slice; either way its engine is freed', async () => {
  const module = await loadModule();
  const queue = [];
  const stop = warmUp(module, { totalMs: 1000, sliceMs: 2, later: (fn) => queue.push(fn) });
  queue.shift()();
  assert.equal(queue.length, 1, 'a slice ran and asked for the next');
  stop();
  queue.shift()();
  assert.equal(queue.length, 0, 'stopped: the next slice does nothing and asks for none');
  stop();
  // 200 more warm-ups, ended or stopped: no handle and no memory kept (a kept engine would grow the heap).
  const handles = module.count_emval_handles();
  const memory = module.HEAPU8.byteLength;
  for (let i = 0; i < 200; ++i) {
    if (i % 10 === 0) runWarmUp(module, { totalMs: 4, sliceMs: 2 });
    else warmUp(module, { later: () => {} })();
  }
  assert.equal(module.count_emval_handles(), handles);
  assert.equal(module.HEAPU8.byteLength, memory, 'wasm memory grew over 200 warm-ups');
});

test('an engine trained after the warm-up has exactly the numbers of one on a fresh module', async () => {
  const fresh = trained(await loadModule());
  const module = await loadModule();
  runWarmUp(module, { totalMs: 40, sliceMs: 5 });
  const warmed = trained(module);
  assert.deepEqual(Array.from(warmed.params), Array.from(fresh.params));
  assert.equal(warmed.loss, fresh.loss);
});
