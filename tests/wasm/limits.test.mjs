// Calls at and past the core's limits through engine.js on the wasm build: grids and step traces
// whose size exceeds the cap, counts and indices beyond 32 bits (which an int parameter would wrap
// modulo 2^32), and arrays far longer than any setting allows. Each is refused with an EngineError
// naming the setting, before anything is allocated, and the engine keeps working.
// Not here: the same limits natively (tests/core/test_playground.cpp), ordinary validation
// messages (engine.test.mjs).
import { test, describe, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, assertEngineError } from './load-engine.mjs';

const ALL_FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2'];


let module;
let engine;
before(async () => { module = await loadModule(); });
beforeEach(() => { engine = new Engine(module); });
afterEach(() => { engine.dispose(); });

// Wasm memory only grows: an unchanged size shows nothing was copied in or allocated.
const memoryBytes = () => module.HEAPF32.buffer.byteLength;

describe('grid sizes', () => {
  // nodes x g x g overflowed 32 bits (4,104 x 1024^2) and wrote past the buffer, or aborted the
  // module when the allocation failed (512 on 16 x 128, 724 on 16 x 256).
  for (const [layers, neurons, g] of [[16, 256, 1024], [16, 256, 724], [16, 128, 512]]) {
    test(`evaluateGrid(${g}) on ${layers} x ${neurons} with all 7 features is refused`, () => {
      engine.configure({ features: ALL_FEATURES, hidden: new Array(layers).fill(neurons) });
      const memory = memoryBytes();
      assertEngineError(() => engine.evaluateGrid(g), new RegExp(`grid size ${g} needs \\d+ values .* at most \\d+`));
      assert.equal(memoryBytes(), memory);
      const small = engine.evaluateGrid(4);  // still alive, and right
      assert.equal(small.values.length, small.nodes * 16);
      assert.ok(small.values.every(Number.isFinite));
    });
  }
  test('whole numbers beyond 32 bits are refused as they are, not wrapped', () => {
    assertEngineError(() => engine.evaluateGrid(2 ** 32 + 8), /grid size 4294967304 is out of range/);
  });
});

describe('counts and indices beyond 32 bits', () => {
  test('nextBatch(-1), nextBatch(2**31) and nextBatch(2**32 - 1) are refused', () => {
    engine.trainExamples(3);
    for (const n of [-1, 2 ** 31, 2 ** 32 - 1, 0]) {
      assertEngineError(() => engine.nextBatch(n), new RegExp(`examples ${n} is out of range \\(1\\.\\.100\\)`));
    }
    assert.equal(engine.nextBatch(4).length, 4);
  });
  test('trace(2**32) does not return point 0, setWeight(2**32, ...) does not edit layer 0', () => {
    const params = engine.params();
    assertEngineError(() => engine.trace(2 ** 32), /example index 4294967296 is out of range/);
    assertEngineError(() => engine.setWeight(2 ** 32, 0, 0, 1), /layer 4294967296 is out of range/);
    assertEngineError(() => engine.setWeight(0, 2 ** 32, 0, 1), /unit 4294967296 is out of range/);
    assertEngineError(() => engine.setBias(0, 2 ** 32 + 1, 1), /unit 4294967297 is out of range/);
    assertEngineError(() => engine.trainExamples(2 ** 32 + 1), /examples 4294967297 is out of range/);
    assertEngineError(() => engine.traceStepOn(2 ** 32), /example index 4294967296 is out of range/);
    assertEngineError(() => engine.trainEpochs(2 ** 32), /epochs 4294967296 is out of range/);
    assert.deepEqual(engine.params(), params);
    assert.equal(engine.progress().updates, 0);
  });
  test('a step trace larger than its cap is refused', () => {
    engine.configure({ features: ALL_FEATURES, hidden: new Array(16).fill(256) });
    assertEngineError(() => engine.traceStep(100), /examples 100 would record \d+ numbers .*at most \d+ with this network/);
    assert.equal(engine.progress().updates, 0);
    assert.equal(engine.traceStep(2).examples.length, 2);
  });
});

// engine.js checks types and ranges first; the bindings check again on their own (engine.core is
// the raw Embind object, which returns its messages as strings), so no caller can wrap a count or
// make wasm copy a huge array.
describe('the bindings check on their own, below engine.js', () => {
  const refused = (result, pattern) => {
    assert.equal(typeof result, 'string', 'a message, not data');
    assert.match(result, pattern);
  };
  test('counts and indices beyond 32 bits reach the core unwrapped', () => {
    const core = engine.core;
    refused(core.nextBatch(2 ** 32 - 1), /examples 4294967295 is out of range \(1\.\.100\)/);
    refused(core.nextBatch(-1), /examples -1 is out of range/);
    refused(core.trace(2 ** 32), /example index 4294967296 is out of range/);
    refused(core.setWeight(2 ** 32, 0, 0, 1, 0), /layer 4294967296 is out of range/);
    refused(core.setWeight(0, 0, 0, 1, 2 ** 32), /piece 4294967296 is out of range/);  // maxout's piece
    refused(core.setBias(0, 0, 1, -1), /piece -1 is out of range/);
    refused(core.trainExamples(2 ** 32 + 1), /examples 4294967297 is out of range/);
    refused(core.traceStep(1.5), /examples must be a whole number \(got 1\.5\)/);
    refused(core.evaluateGrid(2 ** 53 * 4, -6, 6), /grid size must be a whole number/);
    assert.equal(engine.progress().updates, 0);
  });
  test('grids over the cap are refused before the buffer is sized', () => {
    engine.configure({ features: ALL_FEATURES, hidden: new Array(16).fill(256) });
    const memory = memoryBytes();
    refused(engine.core.evaluateGrid(1024, -6, 6), /grid size 1024 needs 4303355904 values/);
    assert.equal(memoryBytes(), memory);
  });
  test('hidden: a million-item array is refused without reading an item', () => {
    let reads = 0;
    const hidden = new Proxy(new Array(1e6).fill(4), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) ++reads;
        return Reflect.get(target, key, receiver);
      },
    });
    refused(engine.core.configure({ hidden }), /hidden must have at most 16 items \(got 1000000\)/);
    assert.equal(reads, 0);
    refused(engine.core.configure({ features: new Array(8).fill('x1') }), /features must have at most 7 items \(got 8\)/);
    assert.deepEqual(engine.layerSizes(), [2, 4, 2, 1]);
  });
  test('setParams and setCustomData check lengths before copying into wasm memory', () => {
    const count = engine.params().length;
    const memory = memoryBytes();
    refused(engine.core.setParams(new Float32Array(1e7)), new RegExp(`expected ${count} parameters, got 10000000`));
    refused(engine.core.setCustomData(new Float32Array(2e7), new Float32Array(1e7), 'binary', 2),
      /points must be between 1 and 5000 \(got 10000000\)/);
    refused(engine.core.setCustomData([1, 2, 3], [0, 1], 'binary', 2), /2 coordinates per label \(got 3 coordinates for 2 labels\)/);
    refused(engine.core.setCustomData({ length: 2 ** 60 }, [0], 'binary', 2), /xy must be an array of numbers/);
    assert.equal(memoryBytes(), memory);
    refused(engine.core.setCustomData([1, 2], [0], 'multiclass', 2 ** 32 + 3), /classes 4294967299 is out of range/);
  });
});
