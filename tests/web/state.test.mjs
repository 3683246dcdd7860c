// web/state.js: the settings table, URL hash parsing (good, bad and garbage input), serialisation
// round trips on random valid states (seeded), engine settings, and the custom-points link format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SETTINGS, HIDEABLE, MAX_LINK_POINTS, defaults, parseHash, serializeHash, engineSettings,
  checkValue, validate, encodePoints, decodePoints,
} from '../../web/state.js';
import { prng } from '../support/prng.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const entry = (key) => SETTINGS.find((e) => e.key === key);

// The core's defaults (core/include/backprop/playground.hpp, trainer.hpp, dataset.hpp), in the bindings' order,
// except the seed: the page opens on seed 2 (seed 1 leaves the opening XOR net in a local minimum).
const CORE_DEFAULTS = {
  dataset: 'xor', points: 200, noise: 0, dataSeed: 1, classes: 3, trainRatio: 0.5, validationRatio: 0,
  features: ['x1', 'x2'], inputScaling: 'none', hidden: [4, 2], activation: 'tanh', outputActivation: 'tanh', leakySlope: 0.01,
  eluAlpha: 1, maxoutPieces: 2, loss: 'mse', init: 'xavier_uniform', initScale: 1, biasInit: 0, seed: 2, learningRate: 0.03, batchSize: 10,
  l1: 0, l2: 0, decay: 'none', decayRate: 0.99, decaySteps: 100, optimizer: 'sgd', momentum: 0.9,
  beta1: 0.9, beta2: 0.999, epsilon: 1e-8, dropout: 0,
};
const UI_DEFAULTS = {
  stepMode: 'epoch', speed: 1, showTest: false, discretize: false, logScale: false, earlyStopping: false,
  patience: 20, compare: false, lang: 'en', hide: [], embed: [], b: {}, data: '',
};

test('table: engine keys and defaults are the core\'s (seed aside), in the bindings\' order, then the UI keys', () => {
  assert.deepEqual(engineSettings(defaults()), CORE_DEFAULTS);
  assert.deepEqual(Object.keys(engineSettings(defaults())), Object.keys(CORE_DEFAULTS));
  assert.deepEqual(defaults(), { ...CORE_DEFAULTS, ...UI_DEFAULTS });
  assert.deepEqual(SETTINGS.map((e) => e.key), [...Object.keys(CORE_DEFAULTS), ...Object.keys(UI_DEFAULTS)]);
  for (const e of SETTINGS) assert.equal(Boolean(e.engine), e.key in CORE_DEFAULTS, e.key);
});

test('table: every entry is complete, its default valid, and it is frozen', () => {
  const kinds = ['enum', 'number', 'int', 'bool', 'list-int', 'list-enum', 'string', 'run-b'];
  for (const e of SETTINGS) {
    assert.ok(kinds.includes(e.kind), e.key);
    assert.equal(typeof e.label, 'string', e.key);
    assert.ok(e.label.length > 0 && e.label.length < 30, e.key);
    assert.equal(checkValue(e.key, e.default), null, e.key);
    if (e.kind === 'enum' || e.kind === 'list-enum') assert.ok(e.values.length > 0, e.key);
    if (['number', 'int', 'list-int'].includes(e.kind)) assert.ok(e.min < e.max, e.key);
    assert.ok(Object.isFrozen(e), e.key);
  }
  assert.ok(Object.isFrozen(SETTINGS));
  assert.ok(Object.isFrozen(entry('hidden').default));
  assert.throws(() => { entry('learningRate').default = 1; }, TypeError);
});

test('table: value sets and ranges', () => {
  assert.deepEqual(entry('dataset').values, ['xor', 'circles', 'gaussians', 'spiral', 'moons', 'blobs',
    'multi_spiral', 'plane', 'multi_gaussian', 'custom', 'sine', 'step', 'abs', 'bump', 'curve']);
  assert.deepEqual(entry('features').values, ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2']);
  // |z|, GELU, swish, PReLU and maxout are for hidden layers only.
  assert.deepEqual(entry('outputActivation').values, [...entry('activation').values.filter((v) => !['abs', 'gelu', 'swish', 'prelu', 'maxout'].includes(v)), 'softmax']);
  assert.deepEqual(entry('activation').values, ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus',
    'abs', 'gelu', 'swish', 'prelu', 'maxout']);
  assert.deepEqual(entry('loss').values, ['mse', 'bce', 'softmax_ce']);
  assert.deepEqual(entry('init').values, ['zeros', 'uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'normal_scale', 'uniform_scale']);
  assert.deepEqual(entry('decay').values, ['none', 'inverse_time', 'exponential']);
  assert.deepEqual(entry('optimizer').values, ['sgd', 'momentum', 'adam']);
  assert.deepEqual(entry('stepMode').values, ['epoch', 'batch', 'example']);
  assert.equal(entry('seed').max, 4294967295);
  assert.equal(entry('dataSeed').max, 4294967295);
  const h = entry('hidden');
  assert.deepEqual([h.minLength, h.maxLength, h.min, h.max], [0, 8, 1, 16]);
  // Every key can be hidden except embed (an embedded page has no settings chrome to hide it from).
  for (const k of SETTINGS.map((e) => e.key).filter((k) => k !== 'embed')) assert.ok(HIDEABLE.includes(k), k);
  assert.ok(!HIDEABLE.includes('embed'));
  assert.deepEqual(entry('embed').values, ['data', 'network', 'output', 'controls', 'backprop', 'chapter', 'lab', 'compare']);
  for (const k of ['play', 'step', 'reset', 'dataPanel', 'featuresPanel', 'networkPanel', 'outputPanel',
    'draw', 'csv', 'share', 'model']) assert.ok(HIDEABLE.includes(k), k);
  assert.equal(new Set(HIDEABLE).size, HIDEABLE.length);
});

test('defaults() returns a fresh object each time', () => {
  const a = defaults();
  a.hidden.push(3);
  a.features.length = 0;
  a.hide.push('play');
  assert.deepEqual(defaults().hidden, [4, 2]);
  assert.deepEqual(defaults().features, ['x1', 'x2']);
  assert.deepEqual(defaults().hide, []);
});

test('checkValue: bounds (open and closed), types, lists', () => {
  const ok = [['learningRate', 100], ['learningRate', 1e-9], ['trainRatio', 1], ['validationRatio', 0],
    ['leakySlope', 0], ['eluAlpha', 10], ['biasInit', -10], ['momentum', 0], ['dropout', 0.95],
    ['seed', 0], ['seed', 4294967295], ['points', 5000], ['hidden', []], ['hidden', [16, 1, 1, 1, 1, 1, 1, 1]],
    ['features', ['sin_x2']], ['hide', ['play', 'hide', 'data']], ['showTest', true], ['data', '']];
  for (const [k, v] of ok) assert.equal(checkValue(k, v), null, `${k}=${v}`);
  const bad = [
    ['learningRate', 0, /^learning rate 0 is out of range \(0, 100\]$/],
    ['learningRate', 100.5, /out of range \(0, 100\]/],
    ['learningRate', '0.1', /^learning rate '0\.1' is not a number$/],
    ['learningRate', NaN, /is not a number/],
    ['learningRate', Infinity, /is not a number/],
    ['leakySlope', 1, /leaky ReLU slope 1 is out of range \[0, 1\)/],
    ['momentum', 1, /out of range \[0, 1\)/],
    ['eluAlpha', 0, /out of range \(0, 10\]/],
    ['dropout', 0.96, /out of range \[0, 0\.95\]/],
    ['points', 0, /^points 0 is out of range 1\.\.5000$/],
    ['points', 2.5, /^points 2\.5 is not a whole number$/],
    ['seed', 4294967296, /out of range 0\.\.4294967295/],
    ['seed', -1, /out of range/],
    ['dataset', 'mnist', /^dataset 'mnist' is not one of xor, circles, .*custom, sine, step, abs, bump, curve$/],
    ['dataset', 3, /is not one of/],
    ['outputActivation', 'softmax', null],
    ['activation', 'softmax', /activation 'softmax' is not one of/],
    ['showTest', 1, /^show test data 1 is not true or false$/],
    ['hidden', [4, 17], /^hidden layers \[4, 17\] has 17, which is out of range 1\.\.16$/],
    ['hidden', [4, 0], /has 0, which is out of range/],
    ['hidden', [1.5], /has 1\.5, which is not a whole number/],
    ['hidden', [1, 1, 1, 1, 1, 1, 1, 1, 1], /has 9 items \(at most 8\)/],
    ['hidden', '4,2', /is not a list/],
    ['features', [], /^features \[\] is empty \(choose at least 1\)$/],
    ['features', ['x1', 'x3'], /has 'x3', which is not one of x1, x2/],
    ['features', ['x1', 'x2', 'x1'], /has 'x1' twice/],
    ['hide', ['nope'], /hidden controls \['nope'\] has 'nope', which is not one of/],
    ['data', 7, /is not a string/],
    ['data', 'zz', /^custom points 'zz' is not valid \(points link: version 'z' is not supported/],
    ['data', `1b${'A'.repeat(8 * (MAX_LINK_POINTS + 1))}`, /is too long \(at most 4002 characters\)/],
  ];
  for (const [k, v, re] of bad) {
    if (re === null) assert.equal(checkValue(k, v), null, k);
    else assert.match(checkValue(k, v), re, `${k}=${v}`);
  }
  assert.match(checkValue('nope', 1), /^unknown setting 'nope'$/);
  assert.match(checkValue('__proto__', 1), /^unknown setting '__proto__'$/);
});

test('validate: whole states', () => {
  assert.deepEqual(validate(defaults()), []);
  const s = defaults();
  delete s.seed;
  s.extra = 1;
  s.points = -3;
  assert.deepEqual(validate(s), ['points -3 is out of range 1..5000', 'seed is missing', "unknown setting 'extra'"]);
  assert.deepEqual(validate({ ...defaults(), trainRatio: 0.8, validationRatio: 0.3 }),
    ['validation ratio 0.3 plus training ratio 0.8 is more than 1']);
  assert.deepEqual(validate({ ...defaults(), trainRatio: 0.7, validationRatio: 0.3 }), []);
  assert.deepEqual(validate(null), ['state must be an object']);
});

test('parseHash: empty input gives the defaults and no errors', () => {
  for (const h of ['', '#', '#&', '&&', undefined, null, 42, {}]) {
    assert.deepEqual(parseHash(h), { state: defaults(), errors: [] }, String(h));
  }
});

test('parseHash: every kind of value', () => {
  const { state, errors } = parseHash('#dataset=spiral&points=300&noise=0.25&seed=4294967295' +
    '&features=x1,x2,x1%5E2,x1*x2,sin_x1&hidden=8,8,1&outputActivation=softmax&learningRate=1e-3' +
    '&biasInit=-0.5&decaySteps=1E+3&showTest=1&discretize=true&logScale=0&hide=play,dataPanel&stepMode=batch');
  assert.deepEqual(errors, []);
  assert.deepEqual(state, {
    ...defaults(), dataset: 'spiral', points: 300, noise: 0.25, seed: 4294967295,
    features: ['x1', 'x2', 'x1^2', 'x1*x2', 'sin_x1'], hidden: [8, 8, 1], outputActivation: 'softmax',
    learningRate: 0.001, biasInit: -0.5, decaySteps: 1000, showTest: true, discretize: true, stepMode: 'batch',
    hide: ['play', 'dataPanel'],
  });
  // Without '#', unencoded '^', empty list, repeated keys (last wins), '+' kept (not a space).
  const b = parseHash('features=x2^2&hidden=&points=5&points=7&learningRate=%2B0.5');
  assert.deepEqual(b.errors, []);
  assert.deepEqual(b.state.features, ['x2^2']);
  assert.deepEqual(b.state.hidden, []);
  assert.equal(b.state.points, 7);
  assert.equal(b.state.learningRate, 0.5);
  assert.equal(parseHash('biasInit=-0').state.biasInit, 0);
  assert.ok(Object.is(parseHash('biasInit=-0').state.biasInit, 0));
  // An int with a word: epochs per frame, or 'max' (as many as fit a frame).
  assert.equal(parseHash('speed=max').state.speed, 'max');
  assert.equal(parseHash('speed=20').state.speed, 20);
  assert.equal(serializeHash({ ...defaults(), speed: 'max' }), '#speed=max');
});

test('parseHash: bad values keep the default and are named with the value', () => {
  const cases = [
    ['learningRate=abc', /^learningRate: 'abc' is not a number; using 0\.03$/],
    ['learningRate=', /^learningRate: '' is not a number; using 0\.03$/],
    ['learningRate=0x10', /is not a number/],
    ['learningRate=Infinity', /is not a number/],
    ['learningRate=1e999', /^learningRate: '1e999' is out of range \(0, 100\]; using 0\.03$/],
    ['learningRate=0', /out of range \(0, 100\]; using 0\.03$/],
    ['learningRate= 1', /^learningRate: ' 1' is not a number/],
    ['epsilon=2', /^epsilon: '2' is out of range \(0, 1\]; using 1e-8$/],
    ['points=12.5', /^points: '12\.5' is not a whole number; using 200$/],
    ['points=0', /^points: '0' is out of range 1\.\.5000; using 200$/],
    ['seed=4294967296', /out of range 0\.\.4294967295; using 2$/],
    ['dataset=mnist', /^dataset: 'mnist' is not one of xor, circles, .* custom, sine, step, abs, bump, curve; using xor$/],
    ['dataset=XOR', /is not one of/],
    ['showTest=yes', /^showTest: 'yes' is not 1 or 0; using 0$/],
    ['hidden=4,x', /^hidden: '4,x' has 'x', which is not a number; using 4,2$/],
    ['hidden=4,,2', /^hidden: '4,,2' has '', which is not a number/],
    ['hidden=4,17', /^hidden: '4,17' has 17, which is out of range 1\.\.16; using 4,2$/],
    ['hidden=1,1,1,1,1,1,1,1,1', /has 9 items \(at most 8\); using 4,2$/],
    ['features=', /^features: '' is empty \(choose at least 1\); using x1,x2$/],
    ['features=x1,x1', /^features: 'x1,x1' has 'x1' twice; using x1,x2$/],
    ['features=x1,x9', /has 'x9', which is not one of x1, x2, x1\^2/],
    ['data=2bAAAAAAAA', /^data: '2bAAAAAAAA' is not valid \(points link: version '2' is not supported.*\); using none$/],
    ['stepMode=', /^stepMode: '' is not one of epoch, batch, example; using epoch$/],
    ['speed=fast', /^speed: 'fast' is not a number \(or 'max'\); using 1$/],
    ['speed=MAX', /is not a number \(or 'max'\)/],
    ['speed=0', /^speed: '0' is out of range 1\.\.100 \(or 'max'\); using 1$/],
    ['speed=2.5', /^speed: '2\.5' is not a whole number \(or 'max'\); using 1$/],
    ['trainRatio=0.8&validationRatio=0.3', /^validationRatio: '0\.3' plus training ratio 0\.8 is more than 1; using 0$/],
    ['foo=1', /^unknown setting 'foo' ignored$/],
    ['foo', /^unknown setting 'foo' ignored$/],
    ['LearningRate=1', /^unknown setting 'LearningRate' ignored$/],
    ['%E0%A4%A=1', /^'%E0%A4%A=1' is not valid %-encoding; ignored$/],
    ['seed=%ZZ', /^'seed=%ZZ' is not valid %-encoding; ignored$/],
  ];
  for (const [hash, re] of cases) {
    const { state, errors } = parseHash(hash);
    assert.equal(errors.length, 1, `${hash}: ${errors.join(' | ')}`);
    assert.match(errors[0], re, hash);
    if (hash.startsWith('trainRatio')) assert.deepEqual(state, { ...defaults(), trainRatio: 0.8 });
    else assert.deepEqual(state, defaults(), hash);
  }
  // Good keys still apply next to bad ones; messages follow the table order.
  const m = parseHash('#seed=x&noise=0.5&dataset=nope&bogus=1');
  assert.equal(m.state.noise, 0.5);
  assert.equal(m.errors.length, 3);
  assert.match(m.errors[0], /^unknown setting 'bogus'/);
  assert.match(m.errors[1], /^dataset: /);
  assert.match(m.errors[2], /^seed: /);
});

test('a hide= list with a name that is no control hides the others and names it', () => {
  // Refused whole, one typo in a teacher's link or element showed the learner every control it hid.
  let { state, errors } = parseHash('#hide=dataset,noize,seed');
  assert.deepEqual(state.hide, ['dataset', 'seed']);
  assert.deepEqual(errors, ["hide: 'noize' names no control a link can hide (the Share / embed dialog lists them); ignored"]);
  ({ state, errors } = parseHash('#hide=play,nope,play,Dataset'));
  assert.deepEqual(state.hide, ['play'], 'repeats once');
  assert.deepEqual(errors, ["hide: 'nope,Dataset' names no control a link can hide (the Share / embed dialog lists them); ignored"]);
  ({ state, errors } = parseHash('#hide=nope'));
  assert.deepEqual([state.hide, errors.length], [[], 1]);
  assert.equal(serializeHash(parseHash('#hide=seed,x').state), '#hide=seed');
});

test('parseHash: a value the core\'s 32-bit floats cannot hold is refused alone, named, the rest kept', () => {
  const { state, errors } = parseHash('#dataset=spiral&hidden=8,8&learningRate=1e-50&epsilon=1e-50&decaySteps=1e-50');
  assert.equal(state.dataset, 'spiral');
  assert.deepEqual(state.hidden, [8, 8]);
  assert.equal(state.learningRate, 0.03);
  assert.equal(state.epsilon, 1e-8);
  assert.equal(state.decaySteps, 100);
  assert.deepEqual(errors.sort(), [
    "decaySteps: '1e-50' is 0 as a 32-bit float, out of range (0, 1000000000]; using 100",
    "epsilon: '1e-50' is 0 as a 32-bit float, out of range (0, 1]; using 1e-8",
    "learningRate: '1e-50' is 0 as a 32-bit float, out of range (0, 100]; using 0.03",
  ]);
  // Still held: the smallest useful rates, and integers (seeds are not floats).
  assert.equal(checkValue('learningRate', 1e-30), null);
  assert.equal(checkValue('seed', 4294967295), null);
  assert.match(checkValue('momentum', 0.999999999), /is 1 as a 32-bit float, out of range \[0, 1\)/);
});

test('parseHash: huge values are clipped in messages', () => {
  const big = 'x'.repeat(1e4);
  const { errors } = parseHash(`learningRate=${big}&${big}=1`);
  assert.equal(errors.length, 2);
  for (const e of errors) assert.ok(e.length < 200, e.slice(0, 80));
  assert.match(errors[1], /^learningRate: 'x{40}…' is not a number/);
});

test('parseHash: values over the raw cap are refused without decoding (a 2 MB data= link)', () => {
  // %E0 alone is invalid %-encoding: were the value decoded, the message would say so instead.
  const huge = `1b${'A'.repeat(2e6)}%E0`;
  const { state, errors } = parseHash(`#dataset=custom&data=${huge}&seed=5&${'k'.repeat(1e6)}=1`);
  assert.deepEqual(errors, [`unknown setting '${'k'.repeat(40)}…' ignored`,
    'data: the value is 2000005 characters long (at most 12006); using none']);
  assert.equal(state.data, '');
  assert.equal(state.seed, 5);
  assert.equal(state.dataset, 'custom');  // what to do without points is the page's call (link-load.js)
  // Just under the cap, a value is still read (and checked as usual).
  assert.match(parseHash(`data=${'A'.repeat(12006)}`).errors[0], /^data: 'A{40}…' is too long \(at most 4002 characters\)/);
});

test('parseHash: a long list of unknown keys is named by its first three and counted', () => {
  const hash = Array.from({ length: 3000 }, (_, i) => `key${i}=1`).join('&');
  const { state, errors } = parseHash(`${hash}&noise=0.5`);
  assert.deepEqual(errors, ["unknown settings 'key0', 'key1', 'key2' and 2997 more ignored"]);
  assert.equal(state.noise, 0.5);
  assert.deepEqual(parseHash('a=1&b=2&c=3').errors, ["unknown setting 'a' ignored", "unknown setting 'b' ignored", "unknown setting 'c' ignored"]);
});

test('parseHash: prototype-pollution keys are unknown settings and touch nothing', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const { state, errors } = parseHash('__proto__=1&__proto__[polluted]=1&constructor=x&constructor[prototype][polluted]=1' +
    '&prototype=1&toString=1&hasOwnProperty=1&valueOf=&%5F%5Fproto%5F%5F=2&__proto__.polluted=1');
  assert.deepEqual(errors, ["unknown settings '__proto__', '__proto__[polluted]', 'constructor' and 7 more ignored"]);
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(state), Object.prototype);
  assert.deepEqual(state, defaults());
  assert.deepEqual(Object.keys(state), SETTINGS.map((e) => e.key));
});

test('parseHash: fuzzed garbage never throws and always yields a valid state', () => {
  const rand = prng(7);
  const atoms = ['&', '=', '#', '%', '%2', '%41', '%E0%A4', '%ZZ', ',', '+', '-', '.', 'e', '1', '0', '9', ' ',
    '\u0000', '\ud800', '😀', 'é', '__proto__', 'constructor', 'hidden', 'features', 'learningRate', 'x1',
    'seed', 'showTest', 'data', 'hide', '1b', 'AAAAAAAA', 'trainRatio', 'validationRatio', '0.9', 'Infinity', 'NaN'];
  for (let i = 0; i < 1500; ++i) {
    let s = '';
    const n = Math.floor(rand() * 30);
    for (let j = 0; j < n; ++j) s += rand() < 0.7 ? pick(rand, atoms) : String.fromCharCode(Math.floor(rand() * 0x3000));
    const { state, errors } = parseHash(s);
    assert.deepEqual(validate(state), [], s);
    assert.ok(errors.every((e) => typeof e === 'string'));
  }
  assert.deepEqual(Object.keys(Object.prototype), []);
});

// A random valid state: each key left at its default half the time, else a random valid value.
function randomState(rand) {
  const s = defaults();
  for (const e of SETTINGS) {
    if (rand() < 0.5) continue;
    if (e.kind === 'run-b') continue;  // below, once run A's values are drawn
    s[e.key] = randomValue(rand, e);
  }
  if (s.trainRatio + s.validationRatio > 1) s.validationRatio = rand() * (1 - s.trainRatio);
  // Run B: a few perRun keys with values of their own (those equal to run A's are no difference).
  if (s.compare) {
    for (const e of SETTINGS.filter((x) => x.perRun && rand() < 0.2)) {
      const v = randomValue(rand, e);
      if (JSON.stringify(v) !== JSON.stringify(s[e.key])) s.b[e.key] = v;
    }
  }
  return s;
}

function randomValue(rand, e) {
  const s = {};
  {
    switch (e.kind) {
      case 'enum': s[e.key] = pick(rand, e.values); break;
      case 'bool': s[e.key] = rand() < 0.5; break;
      case 'int': {
        const r = rand();
        s[e.key] = e.word !== undefined && r < 0.05 ? e.word
          : r < 0.1 ? e.min : r < 0.2 ? e.max : e.min + Math.floor(rand() * (e.max - e.min + 1));
        break;
      }
      case 'number': {
        let v;
        do {
          const r = rand();
          const u = e.min + rand() * (e.max - e.min);
          // Bounds, ugly doubles, short decimals and tiny values in exponent notation.
          v = r < 0.1 ? e.min : r < 0.2 ? e.max : r < 0.5 ? u : r < 0.8 ? Number(u.toFixed(3)) : e.min + rand() * 1e-7;
        } while (checkValue(e.key, v) !== null);
        s[e.key] = v + 0;
        break;
      }
      case 'list-int':
        s[e.key] = Array.from({ length: Math.floor(rand() * (e.maxLength + 1)) }, () => e.min + Math.floor(rand() * e.max));
        break;
      case 'list-enum': {
        const shuffled = e.values.slice().sort(() => rand() - 0.5);
        s[e.key] = shuffled.slice(0, e.minLength + Math.floor(rand() * Math.min(8, e.values.length)));
        break;
      }
      case 'string': s[e.key] = randomPointsString(rand); break;
      default: throw new Error(e.kind);
    }
  }
  return s[e.key];
}

function randomPoints(rand, n, problem) {
  const xy = Float32Array.from({ length: 2 * n }, () => -6 + 12 * rand());
  const classes = problem === 'multiclass' ? 2 + Math.floor(rand() * 7) : problem === 'binary' ? 2 : 1;
  const labels = Float32Array.from({ length: n }, () => (problem === 'regression' ? 2 * rand() - 1 : Math.floor(rand() * classes)));
  return { xy, labels, classes };
}
function randomPointsString(rand) {
  const problem = pick(rand, ['binary', 'multiclass', 'regression']);
  const { xy, labels, classes } = randomPoints(rand, 1 + Math.floor(rand() * 20), problem);
  return encodePoints(xy, labels, problem, classes);
}

test('serializeHash: defaults give "", only changed keys in table order, compact readable values', () => {
  assert.equal(serializeHash(defaults()), '');
  assert.equal(serializeHash({}), '');
  const s = { hide: ['play'], showTest: true, learningRate: 0.1, hidden: [], features: ['x1', 'x1^2', 'x1*x2'],
    epsilon: 1e-7, biasInit: -0.25, discretize: false, dataset: 'xor' };
  assert.equal(serializeHash({ ...defaults(), ...s }),
    '#features=x1,x1%5E2,x1*x2&hidden=&biasInit=-0.25&learningRate=0.1&epsilon=1e-7&showTest=1&hide=play');
  assert.equal(serializeHash({ ...defaults(), hidden: [8, 8], stepMode: 'example', logScale: true }),
    '#hidden=8,8&stepMode=example&logScale=1');
  assert.equal(serializeHash({ ...defaults(), learningRate: 1 / 3 }), '#learningRate=0.3333333333333333');
  assert.equal(serializeHash({ ...defaults(), decaySteps: 1e21 }), '#decaySteps=1e%2B21');
  assert.equal(serializeHash({ ...defaults(), hidden: [4, 2], features: ['x1', 'x2'] }), '');
  assert.equal(serializeHash({ ...defaults(), features: ['x2', 'x1'] }), '#features=x2,x1');
});

test('round trip: parseHash(serializeHash(s)) gives s back for random valid states', () => {
  const rand = prng(42);
  for (let i = 0; i < 400; ++i) {
    const s = randomState(rand);
    assert.deepEqual(validate(s), [], 'generator made an invalid state');
    const hash = serializeHash(s);
    assert.match(hash, /^(#[A-Za-z0-9\-._~!$'()*,;:@/?%=&]*)?$/);
    const { state, errors } = parseHash(hash);
    assert.deepEqual(errors, [], hash);
    assert.deepEqual(state, s, hash);
    assert.equal(serializeHash(state), hash);
  }
});

test('engineSettings: engine keys only, lists copied, missing keys default', () => {
  const s = { ...defaults(), hidden: [3], showTest: true, data: '1bAAAAAAAA' };
  const out = engineSettings(s);
  assert.deepEqual(Object.keys(out), Object.keys(CORE_DEFAULTS));
  assert.deepEqual(out.hidden, [3]);
  assert.notEqual(out.hidden, s.hidden);
  assert.equal('showTest' in out || 'data' in out, false);
  assert.deepEqual(engineSettings({ learningRate: 0.5 }), { ...CORE_DEFAULTS, learningRate: 0.5 });
});

// Independent reference for the link format: Node's own base64url of the int16 LE triples.
function referenceEncoding(xy, labels, problemChar, regression) {
  const b = Buffer.alloc(6 * labels.length);
  for (let i = 0; i < labels.length; ++i) {
    b.writeInt16LE(Math.round(xy[2 * i] * 100), 6 * i);
    b.writeInt16LE(Math.round(xy[2 * i + 1] * 100), 6 * i + 2);
    b.writeInt16LE(regression ? Math.round(labels[i] * 100) : labels[i], 6 * i + 4);
  }
  return `1${problemChar}${b.toString('base64url')}`;
}

test('points link: round trip within quantisation, matches a reference encoding', () => {
  const rand = prng(3);
  for (const problem of ['binary', 'multiclass', 'regression']) {
    for (const n of [1, 2, 3, 17, MAX_LINK_POINTS]) {
      const { xy, labels, classes } = randomPoints(rand, n, problem);
      const s = encodePoints(xy, labels, problem, problem === 'multiclass' ? classes : undefined);
      assert.match(s, /^1[br2-8][A-Za-z0-9_-]*$/);
      assert.equal(s.length, 2 + 8 * n);
      const pc = problem === 'binary' ? 'b' : problem === 'regression' ? 'r' : String(classes);
      assert.equal(s, referenceEncoding(xy, labels, pc, problem === 'regression'));
      const d = decodePoints(s);
      assert.equal(d.problem, problem);
      assert.equal(d.classes, problem === 'multiclass' ? classes : problem === 'binary' ? 2 : 1);
      assert.ok(d.xy instanceof Float32Array && d.labels instanceof Float32Array);
      assert.equal(d.xy.length, 2 * n);
      for (let i = 0; i < 2 * n; ++i) assert.ok(Math.abs(d.xy[i] - xy[i]) <= 0.005 + 1e-6, `${xy[i]} ${d.xy[i]}`);
      for (let i = 0; i < n; ++i) {
        if (problem === 'regression') assert.ok(Math.abs(d.labels[i] - labels[i]) <= 0.005 + 1e-6);
        else assert.equal(d.labels[i], labels[i]);
      }
      // Decoded points are already on the grid: encoding them again changes nothing.
      assert.equal(encodePoints(d.xy, d.labels, d.problem, d.classes), s);
    }
  }
  // Bounds are exact; classes default to largest label + 1 (at least 2).
  const edge = decodePoints(encodePoints([-6, 6, 6, -6], [-1, 1], 'regression'));
  assert.deepEqual(Array.from(edge.xy), [-6, 6, 6, -6]);
  assert.deepEqual(Array.from(edge.labels), [-1, 1]);
  assert.equal(decodePoints(encodePoints([0, 0, 1, 1], [0, 4], 'multiclass')).classes, 5);
  assert.equal(decodePoints(encodePoints([0, 0], [0], 'multiclass')).classes, 2);
  assert.equal(encodePoints([0, 0], [1], 'binary'), '1bAAAAAAEA');
});

test('points link: encode refuses what it cannot represent', () => {
  const cases = [
    [[0, 0, 1], [0], 'binary', undefined, /^points: 3 coordinates for 1 labels/],
    [[], [], 'binary', undefined, /^points: no points$/],
    [new Float32Array(2 * (MAX_LINK_POINTS + 1)), new Float32Array(MAX_LINK_POINTS + 1), 'binary', undefined, /too many for a link \(501; max 500\)/],
    [[0, 6.01], [0], 'binary', undefined, /^points: point 0 x2 6\.01 is outside \[-6, 6\]$/],
    [[NaN, 0], [0], 'binary', undefined, /point 0 x1 NaN is outside/],
    [[0, 0], [2], 'binary', undefined, /^points: point 0 label 2 is not a class 0\.\.1$/],
    [[0, 0], [0.5], 'binary', undefined, /label 0\.5 is not a class/],
    [[0, 0, 0, 0], [0, 3], 'multiclass', 3, /point 1 label 3 is not a class 0\.\.2/],
    [[0, 0], [0], 'multiclass', 9, /^points: classes 9 is out of range 2\.\.8$/],
    [[0, 0], [1.5], 'regression', undefined, /^points: point 0 target 1\.5 is outside \[-1, 1\]$/],
    [[0, 0], [0], 'ordinal', undefined, /^points: unknown problem 'ordinal'/],
  ];
  for (const [xy, labels, problem, classes, re] of cases) {
    assert.throws(() => encodePoints(xy, labels, problem, classes), { message: re });
  }
});

test('points link: decode names what is wrong', () => {
  const int16s = (...v) => Buffer.from(Int16Array.from(v).buffer).toString('base64url');
  const cases = [
    [undefined, /^points link: not a string$/],
    ['', /^points link: version '' is not supported \(expected '1'\)$/],
    ['2bAAAAAAAA', /^points link: version '2' is not supported/],
    ['1', /^points link: unknown problem '' \(expected b, r or 2\.\.8\)$/],
    ['1xAAAAAAAA', /unknown problem 'x'/],
    ['19AAAAAAAA', /unknown problem '9'/],
    ['1b', /^points link: no points$/],
    ['1bAAAAAAA', /^points link: length 7 is not a whole number of points \(8 characters each\)$/],
    ['1bAAAA+AAA', /^points link: not base64url/],
    ['1bAAAA=AAA', /not base64url/],
    [`1b${'A'.repeat(8 * (MAX_LINK_POINTS + 1))}`, /too many points \(501; max 500\)/],
    [`1b${int16s(601, 0, 0)}`, /^points link: point 0 x1 6\.01 is outside \[-6, 6\]$/],
    [`1b${int16s(0, 0, 0, 0, -601, 0)}`, /^points link: point 1 x2 -6\.01 is outside/],
    [`1b${int16s(0, 0, 2)}`, /^points link: point 0 label 2 is not a class 0\.\.1$/],
    [`13${int16s(0, 0, 3)}`, /label 3 is not a class 0\.\.2/],
    [`1b${int16s(0, 0, -1)}`, /label -1 is not a class/],
    [`1r${int16s(0, 0, 101)}`, /^points link: point 0 target 1\.01 is outside \[-1, 1\]$/],
  ];
  for (const [s, re] of cases) assert.throws(() => decodePoints(s), { message: re });
  assert.deepEqual(Array.from(decodePoints(`1r${int16s(-600, 600, -100)}`).labels), [-1]);
});

test('custom points travel in the hash', () => {
  const data = encodePoints([1.5, -2.25, 0, 0.5], [1, 0], 'binary');
  const s = { ...defaults(), dataset: 'custom', data };
  const hash = serializeHash(s);
  assert.equal(hash, `#dataset=custom&data=${data}`);
  assert.deepEqual(parseHash(hash), { state: s, errors: [] });
});
