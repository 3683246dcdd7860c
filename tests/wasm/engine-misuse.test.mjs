// engine.js against misuse: every public method checks its arguments' types and ranges before
// touching wasm and throws EngineError (never TypeError, BindingError or an abort), integers never
// wrap modulo 2^32, a disposed engine refuses every call, and user code run by configure()
// (getters, Proxies) can neither leak Embind handles nor pull the engine out from under the core.
// Not here: what valid calls compute (engine.test.mjs), lifetimes of valid calls (lifecycle.test.mjs).
import { test, describe, before, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, assertEngineError } from './load-engine.mjs';


let module;
let engine;
before(async () => { module = await loadModule(); });
beforeEach(() => { engine = new Engine(module); });
afterEach(() => { engine.dispose(); });

// Everything a refused call must leave as it was.
function snapshot(e) {
  return { settings: e.settings(), params: e.params(), progress: e.progress(), data: e.dataset() };
}

describe('integer arguments are whole numbers in range, never wrapped modulo 2^32', () => {
  const BAD = [2 ** 32, 2 ** 32 + 1, 2 ** 31, -(2 ** 32), 2 ** 53, -1, NaN, Infinity, 1.5, '1', null, true, {}, [1], 10n];
  const calls = {
    'trace(i)': (n) => engine.trace(n),
    'traceStepOn(i)': (n) => engine.traceStepOn(n),
    'traceStep(n)': (n) => engine.traceStep(n),
    'trainExamples(n)': (n) => engine.trainExamples(n),
    'trainEpochs(n)': (n) => engine.trainEpochs(n),
    'trainBatches(n)': (n) => engine.trainBatches(n),
    'nextBatch(n)': (n) => engine.nextBatch(n),
    'evaluateGrid(g)': (n) => engine.evaluateGrid(n),
    'setWeight(layer, 0, 0, 1)': (n) => engine.setWeight(n, 0, 0, 1),
    'setWeight(0, unit, 0, 1)': (n) => engine.setWeight(0, n, 0, 1),
    'setWeight(0, 0, input, 1)': (n) => engine.setWeight(0, 0, n, 1),
    'setBias(layer, 0, 1)': (n) => engine.setBias(n, 0, 1),
    'setBias(0, unit, 1)': (n) => engine.setBias(0, n, 1),
  };
  for (const [name, call] of Object.entries(calls)) {
    test(`${name} refuses ${BAD.length} bad values with EngineError and changes nothing`, () => {
      engine.trainEpochs(2);
      const before = snapshot(engine);
      for (const n of BAD) {
        // 2**32 used to reach the core as 0 (trace gave point 0, setWeight edited layer 0).
        assertEngineError(() => call(n), /whole number|out of range/);
        assert.deepEqual(snapshot(engine), before, `${name} with ${String(n)} changed the engine`);
      }
    });
  }

  test('the messages name the real range', () => {
    assertEngineError(() => engine.trace(2 ** 32), /example index 4294967296 is out of range \(0\.\.199\)/);
    assertEngineError(() => engine.setWeight(2 ** 32, 0, 0, 1), /layer 4294967296 is out of range \(0\.\.2\)/);
    assertEngineError(() => engine.nextBatch(-1), /examples -1 is out of range \(1\.\.100\)/);
    assertEngineError(() => engine.nextBatch(2 ** 31), /examples 2147483648 is out of range \(1\.\.100\)/);
    assertEngineError(() => engine.nextBatch(2 ** 32 - 1), /examples 4294967295 is out of range \(1\.\.100\)/);
    assertEngineError(() => engine.nextBatch(101), /out of range \(1\.\.100\)/);
    assertEngineError(() => engine.trace(1.5), /example index must be a whole number \(got 1\.5\)/);
    assertEngineError(() => engine.trace('3'), /got '3'/);
    assertEngineError(() => engine.trace(Symbol('x')), /got a symbol/);
  });

  test('in-range calls still work after all those refusals', () => {
    assert.deepEqual(Array.from(engine.nextBatch(100)).sort((a, b) => a - b), Array.from(engine.dataset().train).sort((a, b) => a - b));
    assert.equal(engine.trace(199).input.length, 2);
    engine.setWeight(2, 0, 1, 0.5);
    assert.equal(engine.layers()[2].W[1], 0.5);
  });
});

describe('values, arrays and options', () => {
  test('weights and biases must be finite numbers', () => {
    const before = snapshot(engine);
    for (const v of ['1', null, undefined, NaN, -Infinity, {}, 1n]) {
      assertEngineError(() => engine.setWeight(0, 0, 0, v), /weight must be a finite number/);
      assertEngineError(() => engine.setBias(0, 0, v), /bias must be a finite number/);
    }
    assert.deepEqual(snapshot(engine), before);
  });

  test('setParams refuses null, non-arrays, wrong lengths and non-numbers', () => {
    const before = snapshot(engine);
    const n = engine.params().length;
    const cases = [
      [null, /parameters must be an array of numbers \(got null\)/],
      [undefined, /parameters must be an array/],
      [42, /parameters must be an array/],
      ['1,2,3', /parameters must be an array/],
      [{ length: n }, /parameters must be an array/],
      [new DataView(new ArrayBuffer(4 * n)), /parameters must be an array/],
      [new BigInt64Array(n), /parameters must be an array/],
      [new Float32Array(n + 1), new RegExp(`expected ${n} parameters, got ${n + 1}`)],
      [new Array(1e7), new RegExp(`expected ${n} parameters, got 10000000`)],
      [Array.from({ length: n }, (_, i) => (i === 3 ? '0.5' : 0)), /parameters\[3\] must be a number \(got '0.5'\)/],
      [Array.from({ length: n }, (_, i) => (i === 4 ? { valueOf: () => 1 } : 0)), /parameters\[4\] must be a number/],
      [new Array(n), /parameters\[0\] must be a number \(got undefined\)/],
    ];
    for (const [values, pattern] of cases) {
      assertEngineError(() => engine.setParams(values), pattern);
      assert.deepEqual(snapshot(engine), before);
    }
    engine.setParams(new Float64Array(n).fill(0.25));
    assert.ok(engine.params().every((v) => v === 0.25));
  });

  test('setCustomData checks types and lengths before reading the items', () => {
    const before = snapshot(engine);
    let reads = 0;
    const huge = new Proxy(new Array(1e6), {
      get(t, k) { if (typeof k === 'string' && /^\d+$/.test(k)) reads += 1; return Reflect.get(t, k); },
    });
    const cases = [
      [() => engine.setCustomData(null, [0]), /xy must be an array of numbers/],
      [() => engine.setCustomData([0, 0], 'abc'), /labels must be an array of numbers/],
      [() => engine.setCustomData([0, 0], huge), /labels has 1000000 numbers \(at most 5000\)/],
      [() => engine.setCustomData(huge, [0]), /xy has 1000000 numbers/],
      [() => engine.setCustomData(['0', 0], [0]), /xy\[0\] must be a number/],
      [() => engine.setCustomData([0, 0], [0], 7), /unknown problem 7/],
      [() => engine.setCustomData([0, 0], [0], { toString() { throw new Error('x'); } }), /unknown problem an object/],
      [() => engine.setCustomData([0, 0], [0], 'multiclass', 2 ** 32 + 3), /classes must be between 2 and 8/],
      [() => engine.setCustomData([0, 0], [0], 'multiclass', 2.5), /classes must be a whole number/],
      // Found by engine-fuzz: an item getter that throws (here through a Proxy) used to escape as a plain Error.
      [() => engine.setCustomData(new Proxy([0, 0], { get(t, k) { if (k === '1') throw new Error('item'); return Reflect.get(t, k); } }), [0]),
        /reading xy failed: item/],
      [() => engine.setParams(new Proxy([], { get() { throw new Error('length'); } })), /reading parameters failed: length/],
    ];
    for (const [fn, pattern] of cases) {
      assertEngineError(fn, pattern);
      assert.deepEqual(snapshot(engine), before);
    }
    assert.equal(reads, 0, 'items of an over-long array were read');
  });

  test('evaluateGrid checks its bounds and options', () => {
    for (const [lo, hi] of [['-6', 6], [-6, null], [NaN, 6], [6, -6], [1, 1], [-Infinity, 0]]) {
      assertEngineError(() => engine.evaluateGrid(8, lo, hi), /grid bounds must be finite with lo < hi/);
    }
    assertEngineError(() => engine.evaluateGrid(8, -6, 6, null), /grid options must be an object/);
    assertEngineError(() => engine.evaluateGrid(8, -6, 6, { copy: 'no' }), /copy must be true or false/);
    assert.equal(engine.evaluateGrid(8, -6, 6, {}).values.length, 8 * 8 * engine.evaluateGrid(1).nodes);
  });
});

describe('configure() with hostile settings objects', () => {
  test('unknown keys are refused, not ignored', () => {
    const before = snapshot(engine);
    assertEngineError(() => engine.configure({ learningrate: 0.5 }), /unknown setting 'learningrate'/);
    assertEngineError(() => engine.configure({ learningRate: 0.5, ['x'.repeat(1000)]: 1 }), /unknown setting 'x{40}…'/);
    assert.deepEqual(snapshot(engine), before);
  });

  test('hidden: new Array(1e6) is refused before a single item is read', () => {
    let reads = 0;
    const counting = (length) => new Proxy(new Array(length).fill(2), {
      get(t, k) { if (typeof k === 'string' && /^\d+$/.test(k)) reads += 1; return Reflect.get(t, k); },
    });
    assertEngineError(() => engine.configure({ hidden: counting(1e6) }), /hidden must have at most 16 items \(got 1000000\)/);
    assertEngineError(() => engine.configure({ features: counting(1e6) }), /features must have at most 7 items \(got 1000000\)/);
    assert.equal(reads, 0);
    assertEngineError(() => engine.configure({ hidden: new Array(1e6) }), /hidden must have at most 16 items/);
    assertEngineError(() => engine.configure({ hidden: new Array(3) }), /setting 'hidden' must be an array of whole numbers/);
  });

  test('a throwing getter gives an EngineError naming the setting and leaks no Embind handle', () => {
    const before = snapshot(engine);
    const handles = module.count_emval_handles();
    for (let i = 0; i < 20; ++i) {
      assertEngineError(() => engine.configure({ hidden: [3], get learningRate() { throw new Error('boom'); } }),
        /reading setting 'learningRate' failed: boom/);
      assertEngineError(() => engine.configure({ hidden: [3, { valueOf() { throw new Error('x'); } }] }), /setting 'hidden' must be/);
      assertEngineError(() => engine.configure({ get features() { throw 'not an Error'; } }), /reading setting 'features' failed: 'not an Error'/);
      assertEngineError(() => engine.configure(new Proxy({}, { ownKeys() { throw new Error('trap'); } })), /failed: trap/);
    }
    assert.equal(module.count_emval_handles(), handles, 'emval handles leaked');
    assert.deepEqual(snapshot(engine), before);
  });

  test('every setting is read once, before the core sees any of it', () => {
    const reads = {};
    const settings = new Proxy({ learningRate: 0.1, hidden: [3] }, {
      get(t, k) { reads[k] = (reads[k] ?? 0) + 1; return Reflect.get(t, k); },
    });
    engine.configure(settings);
    assert.equal(engine.settings().hidden.join(), '3');
    for (const [k, n] of Object.entries(reads)) assert.equal(n, 1, `${k} read ${n} times`);
    // A getter that changes its answer cannot make the core see two different values.
    let flip = 0;
    engine.configure({ get hidden() { flip += 1; return flip === 1 ? [5] : [7, 7]; } });
    assert.deepEqual(engine.layerSizes(), [2, 5, 1]);
  });

  test('a getter that disposes the engine mid-configure gets an EngineError, and the module lives on', () => {
    const doomed = new Engine(module);
    const core = doomed.core;
    assertEngineError(() => doomed.configure({ hidden: [6], get learningRate() { doomed.dispose(); return 0.5; } }),
      /this engine has been disposed/);
    assert.equal(core.isDeleted(), true);
    // The core was not written to after its deletion: the next engine in this module is sound.
    const next = new Engine(module);
    try {
      next.configure({ hidden: [6] });
      next.trainEpochs(3);
      assert.deepEqual(next.layerSizes(), [2, 6, 1]);
    } finally {
      next.dispose();
    }
  });
});

describe('a disposed engine refuses every call with EngineError', () => {
  const calls = [
    (e) => e.configure({}), (e) => e.settings(), (e) => e.setCustomData([0, 0], [1]), (e) => e.reset(),
    (e) => e.trainEpochs(1), (e) => e.trainBatches(1), (e) => e.trainExamples(1), (e) => e.progress(),
    (e) => e.nextBatch(1), (e) => e.layerSizes(), (e) => e.params(), (e) => e.gradient(),
    (e) => e.setParams([]), (e) => e.layers(), (e) => e.setWeight(0, 0, 0, 1), (e) => e.setBias(0, 0, 1),
    (e) => e.dataset(), (e) => e.metrics(), (e) => e.layerStats(), (e) => e.trace(0), (e) => e.traceStep(1),
    (e) => e.traceStepOn(0), (e) => e.evaluateGrid(4), (e) => e.recordTrajectory(), (e) => e.clearTrajectory(),
    (e) => e.trajectoryLength(), (e) => e.lossSlice(), (e) => e.beginLossSlice(), (e) => e.lossSliceRows(0, 1),
  ];
  test(`${calls.length} methods`, () => {
    const e = new Engine(module);
    e.dispose();
    for (const call of calls) assertEngineError(() => call(e), /this engine has been disposed/);
    assert.doesNotThrow(() => e.dispose());
  });
});
