// web/model-file.js: bit-exact float32 round trips (random bit patterns, -0, subnormals, extremes),
// deterministic output, settings written as the engine's float32 values, and every refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelToJson, parseModel, planModelLoad, modelSizeProblem, MODEL_FORMAT, MODEL_VERSION, MAX_MODEL_BYTES } from '../../web/model-file.js';
import { defaults, engineSettings } from '../../web/state.js';

const bits = (f32) => Array.from(new Uint32Array(f32.buffer, f32.byteOffset, f32.length));
const paramCount = (sizes) => sizes.slice(1).reduce((n, out, l) => n + (sizes[l] + 1) * out, 0);

// What engine.settings() returns: float32 values widened to double.
function engineLikeSettings(overrides = {}) {
  const s = { ...engineSettings(defaults()), ...overrides };
  for (const k of Object.keys(s)) if (typeof s[k] === 'number') s[k] = Math.fround(s[k]);
  s.seed = 4294967295;  // uint32, not float32
  return s;
}

// Finite float32s from random bit patterns: every exponent, subnormals, both zeros.
function randomFloats(n, seed) {
  const u = new Uint32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; ++i) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    u[i] = (x & 0x7f800000) === 0x7f800000 ? x & 0xff7fffff : x;  // no NaN/Inf
  }
  const f = new Float32Array(u.buffer);
  f.set([0, -0, 1.4e-45, -1.4e-45, 1.17549435e-38, 3.4028234663852886e38, -3.4028234663852886e38, 0.1, 1 / 3], 0);
  return f;
}

test('round trip is bit-exact for every float32, and the file is deterministic', () => {
  const layerSizes = [3, 16, 16, 8, 3];
  const params = randomFloats(paramCount(layerSizes), 12345);
  const settings = engineLikeSettings({ features: ['x1', 'x2', 'x1*x2'], hidden: [16, 16, 8], dataset: 'blobs' });
  const text = modelToJson({ settings, layerSizes, params, epoch: 1234 });
  const m = parseModel(text);
  assert.ok(m.params instanceof Float32Array);
  assert.deepEqual(bits(m.params), bits(params));
  assert.deepEqual(m.layerSizes, layerSizes);
  assert.equal(m.epoch, 1234);
  assert.ok(Object.is(m.params[1], -0));
  // Fractional settings come back as the same float32; integers (seeds) exactly.
  for (const k of Object.keys(settings)) {
    if (typeof settings[k] === 'number') assert.equal(Math.fround(m.settings[k]), Math.fround(settings[k]), k);
    else assert.deepEqual(m.settings[k], settings[k], k);
  }
  assert.equal(m.settings.seed, 4294967295);
  // Deterministic: same model, same bytes, whatever the settings' key order; and stable on reload.
  const reordered = Object.fromEntries(Object.entries(settings).reverse());
  assert.equal(modelToJson({ settings: reordered, layerSizes, params: Array.from(params), epoch: 1234 }), text);
  assert.equal(modelToJson(m), text);
});

test('the file is readable JSON with the documented fields', () => {
  const settings = engineLikeSettings();
  const params = Float32Array.from({ length: paramCount([2, 4, 2, 1]) }, (_, i) => i / 10 - 1);
  const text = modelToJson({ settings, layerSizes: [2, 4, 2, 1], params, epoch: 0 });
  const raw = JSON.parse(text);
  assert.deepEqual(Object.keys(raw), ['format', 'version', 'settings', 'layerSizes', 'params', 'epoch']);
  assert.equal(raw.format, MODEL_FORMAT);
  assert.equal(raw.format, 'backprop-playground-model');
  assert.equal(raw.version, MODEL_VERSION);
  assert.equal(raw.version, 1);
  assert.ok(Array.isArray(raw.params));
  assert.equal(raw.params.length, 25);
  assert.match(text, /^ {4}"learningRate": 0\.03,$/m);      // not 0.029999999329447746
  assert.match(text, /^ {4}"epsilon": 1e-8,$/m);
  assert.match(text, /^ {4}"features": \["x1","x2"\],$/m);
  assert.match(text, /"params": \[\n {4}-1, -0\.9, -0\.8,/);
  assert.doesNotMatch(text, /savedAt|\d{9,}e/);
  assert.ok(text.endsWith('}\n'));
});

test('modelToJson refuses what parseModel would refuse', () => {
  const base = { settings: engineLikeSettings(), layerSizes: [2, 4, 2, 1], params: new Float32Array(25), epoch: 3 };
  const cases = [
    [{ params: Float32Array.of(...new Float32Array(24), NaN) }, /^model params\[24\] is not a finite float32 number \(got NaN\)$/],
    [{ params: new Float32Array(26) }, /^model params has 26 numbers but layer sizes 2,4,2,1 need 25$/],
    [{ settings: null }, /^model file has no settings$/],
    [{ epoch: -1 }, /^model epoch must be a whole number ≥ 0 \(got -1\)$/],
    [{ layerSizes: [2] }, /^model layerSizes must be a list of at least 2 whole numbers/],
  ];
  for (const [change, re] of cases) assert.throws(() => modelToJson({ ...base, ...change }), { message: re });
});

test('parseModel: clear errors for anything that is not a valid model file', () => {
  const good = JSON.parse(modelToJson({ settings: engineLikeSettings(), layerSizes: [2, 4, 2, 1], params: new Float32Array(25), epoch: 5 }));
  const file = (change) => JSON.stringify({ ...good, ...change });
  const cases = [
    [undefined, /^model file must be text$/],
    ['', /^not a model file: not valid JSON \(/],
    ['{"format":', /^not a model file: not valid JSON/],
    ['x1,x2,label\n1,2,0', /^not a model file: not valid JSON/],
    ['[1,2]', /^not a model file: expected a JSON object$/],
    ['null', /^not a model file: expected a JSON object$/],
    ['{}', /^not a Backprop Playground model file \(format is missing, expected 'backprop-playground-model'\)$/],
    [file({ format: 'keras' }), /^not a Backprop Playground model file \(format is "keras"/],
    [file({ version: 2 }), /^model file version 2 is not supported \(this page reads version 1\)$/],
    [file({ version: '1' }), /^model file version "1" is not supported/],
    [file({ version: undefined }), /^model file version missing is not supported/],
    [file({ settings: undefined }), /^model file has no settings$/],
    [file({ settings: [1] }), /^model file has no settings$/],
    [file({ settings: { ...good.settings, turbo: true } }), /^model settings: unknown setting 'turbo'$/],
    [file({ params: undefined }), /^model file has no params$/],
    [file({ params: 'abc' }), /^model file has no params$/],
    [file({ params: good.params.slice(1) }), /^model params has 24 numbers but layer sizes 2,4,2,1 need 25$/],
    [file({ params: [...good.params.slice(1), null] }), /^model params\[24\] is not a finite float32 number \(got null\)$/],
    [file({ params: [...good.params.slice(1), '1'] }), /^model params\[24\] is not a finite float32 number \(got 1\)$/],
    [file({ layerSizes: [2, 4, 2.5, 1] }), /^model layerSizes must be a list of at least 2 whole numbers/],
    [file({ layerSizes: [2, 4, 0, 1] }), /^model layerSizes must be/],
    [file({ layerSizes: 'big' }), /^model layerSizes must be/],
    [file({ layerSizes: [2, 3, 3, 1] }), /^model layer sizes 2,3,3,1 do not match its hidden layers 4,2$/],
    [file({ layerSizes: [3, 4, 2, 1] }), /^model layer sizes 3,4,2,1 do not match its 2 features$/],
    [file({ epoch: 1.5 }), /^model epoch must be a whole number ≥ 0 \(got 1\.5\)$/],
    [file({ epoch: 'ten' }), /^model epoch must be a whole number/],
  ];
  for (const [text, re] of cases) assert.throws(() => parseModel(text), { message: re }, String(text).slice(0, 60));
  // JSON cannot say NaN, but it can overflow: 1e999 is Infinity, 1e39 is beyond float32.
  for (const big of ['1e999', '-1e999', '1e39']) {
    const t = modelToJson({ ...parseModel(file({})), params: new Float32Array(25) }).replace(/"params": \[\n {4}0/, `"params": [\n    ${big}`);
    assert.throws(() => parseModel(t), { message: /^model params\[0\] is not a finite float32 number/ }, big);
  }
});

test('parseModel: defaults a missing epoch to 0; prototype keys cannot leak into settings', () => {
  const good = JSON.parse(modelToJson({ settings: engineLikeSettings(), layerSizes: [2, 4, 2, 1], params: new Float32Array(25), epoch: 5 }));
  assert.equal(parseModel(JSON.stringify({ ...good, epoch: undefined })).epoch, 0);
  const polluted = JSON.stringify(good).replace('"settings":{', '"settings":{"__proto__":{"polluted":1},');
  assert.throws(() => parseModel(polluted), { message: /^model settings: unknown setting '__proto__'$/ });
  assert.equal({}.polluted, undefined);
  const m = parseModel(JSON.stringify(good));
  assert.equal(Object.getPrototypeOf(m.settings), Object.prototype);
  assert.deepEqual(Object.keys(m.settings), Object.keys(engineSettings(defaults())));
});

// A model as parseModel returns it, for settings `overrides` and the layer sizes they imply.
function model(overrides = {}, layerSizes, problem = undefined) {
  const settings = engineLikeSettings(overrides);
  const sizes = layerSizes ?? [settings.features.length, ...settings.hidden, 1];
  return parseModel(modelToJson({ settings, layerSizes: sizes, params: new Float32Array(paramCount(sizes)).fill(0.5), epoch: 7, problem }));
}

test('planModelLoad: a model that fits gives the settings to apply and no notes', () => {
  const page = { ...defaults(), noise: 0.3, speed: 50 };
  const m = model({ dataset: 'circles', hidden: [5, 3], learningRate: 0.1 });
  const plan = planModelLoad(m, page, null);
  assert.deepEqual(plan.notes, []);
  assert.equal(plan.state.dataset, 'circles');
  assert.deepEqual(plan.state.hidden, [5, 3]);
  assert.equal(plan.state.speed, 50, 'UI settings stay');
  assert.equal(page.dataset, 'xor', 'the page state is not touched');
  const blobs = model({ dataset: 'blobs', classes: 4, hidden: [6], outputActivation: 'softmax', loss: 'softmax_ce' }, [2, 6, 4]);
  assert.deepEqual(planModelLoad(blobs, page, null).notes, []);
  // A single unit, its hidden layers removed: written, read back and loaded like any other.
  const unit = model({ dataset: 'gaussians', hidden: [] });
  assert.deepEqual(unit.layerSizes, [2, 1]);
  assert.deepEqual(planModelLoad(unit, page, null).state.hidden, []);
});

test('planModelLoad refuses, before anything changes, what would not load whole', () => {
  const page = defaults();
  const cases = [
    // The page's own limits (a link's): 8 hidden layers of at most 16, learning rate (0, 100].
    [model({ hidden: [2, 2, 2, 2, 2, 2, 2, 2, 2] }), /^model setting hidden layers \[2, 2, 2, 2, 2, 2, 2, 2, 2\] has 9 items \(at most 8\) \(the page's limit\)$/],
    [model({ hidden: [64] }), /^model setting hidden layers \[64\] has 64, which is out of range 1\.\.16/],
    [model({ dataSeed: -1 }), /^model setting data seed -1 is out of range/],
    [model({ trainRatio: 0.8, validationRatio: 0.5 }), /^model settings: validation ratio 0\.5 plus training ratio 0\.8 is more than 1$/],
    // Outputs the data does not have: what used to rebuild the network, then fail in setParams.
    [model({ dataset: 'xor', hidden: [4] }, [2, 4, 3]), /^the model has 3 outputs but xor \(binary\) needs 1$/],
    [model({ dataset: 'blobs', classes: 4, hidden: [4], outputActivation: 'softmax', loss: 'softmax_ce' }, [2, 4, 3]),
      /^the model has 3 outputs but blobs \(multiclass\) needs 4$/],
    [model({ dataset: 'blobs', classes: 4, hidden: [3] }, [2, 3, 1]), /^the model has 1 output but blobs \(multiclass\) needs 4$/],
  ];
  for (const [m, re] of cases) assert.throws(() => planModelLoad(m, page, null), { message: re });
  // Inputs from the page when the model does not name its features: counted, not assumed.
  const noFeatures = model({ hidden: [4], features: ['x1', 'x2', 'x1*x2'] }, [3, 4, 1]);
  delete noFeatures.settings.features;
  assert.throws(() => planModelLoad(noFeatures, page, null), { message: /^the model's layer sizes 3,4,1 do not match its settings on this page \(2,4,1\)$/ });
  // On custom points, the outputs follow their classes.
  const custom = { problem: 'multiclass', classes: 5, labels: [0, 4], inputs: 2 };
  const m3 = model({ dataset: 'custom', hidden: [4], outputActivation: 'softmax', loss: 'softmax_ce' }, [2, 4, 3]);
  assert.throws(() => planModelLoad(m3, { ...page, dataset: 'custom' }, custom), { message: /^the model has 3 outputs but the drawn multiclass points need 5$/ });
});

test('planModelLoad refuses a file whose parameters fit only the settings it leaves to the page', () => {
  // A maxout file without maxoutPieces holds 2 pieces' parameters (parseModel counts the core's
  // default); on a page with 3 it used to reset the run, then fail in setParams ("expected 31
  // parameters, got 22"), the epoch lost. Likewise a file without its activation on a PReLU page.
  const file = (settings, sizes, count) => parseModel(JSON.stringify({ format: MODEL_FORMAT, version: MODEL_VERSION, settings, layerSizes: sizes, params: new Array(count).fill(0.1), epoch: 3 }));
  const maxout = file({ dataset: 'circles', activation: 'maxout', hidden: [3] }, [2, 3, 1], 22);
  assert.throws(() => planModelLoad(maxout, { ...defaults(), dataset: 'circles', activation: 'maxout', maxoutPieces: 3, hidden: [3] }, null),
    { message: 'model params has 22 numbers but layer sizes 2,3,1 need 31' });
  assert.equal(planModelLoad(maxout, { ...defaults(), activation: 'maxout', maxoutPieces: 2 }, null).state.maxoutPieces, 2);
  const plain = file({ dataset: 'circles', hidden: [3] }, [2, 3, 1], 13);
  assert.throws(() => planModelLoad(plain, { ...defaults(), activation: 'prelu' }, null),
    { message: 'model params has 13 numbers but layer sizes 2,3,1 need 16' });
  assert.equal(planModelLoad(plain, defaults(), null).state.activation, 'tanh');
});

test('planModelLoad names every setting it changed to fit the page', () => {
  // A softmax model on binary points: switched, and said so.
  const softmax = model({ dataset: 'custom', hidden: [4], outputActivation: 'softmax', loss: 'softmax_ce' }, [2, 4, 1]);
  const plan = planModelLoad(softmax, defaults(), { problem: 'binary', classes: 2, labels: [0, 1], inputs: 2 });
  assert.deepEqual(plan.notes, ['outputActivation softmax → tanh (softmax needs multi-class data)', 'loss softmax_ce → mse (softmax_ce needs a softmax output)']);
  assert.equal(plan.state.outputActivation, 'tanh');
  // Trained on points this page does not have: a generated dataset instead, named.
  const drawn = model({ dataset: 'custom', hidden: [4] });
  const p2 = planModelLoad(drawn, { ...defaults(), dataset: 'moons' }, null);
  assert.equal(p2.state.dataset, 'moons');
  assert.match(p2.notes[0], /^the model was trained on drawn or imported points, which this page does not have: using moons$/);
  // Points all cleared away are no points to train on.
  const cleared = { problem: 'binary', classes: 2, labels: [], xy: [], inputs: 2 };
  const p3 = planModelLoad(drawn, { ...defaults(), dataset: 'custom' }, cleared);
  assert.equal(p3.state.dataset, 'xor');
  assert.equal(p3.points, null);
  assert.match(p3.notes[0], /^the model was trained on drawn or imported points, which this page does not have: using xor$/);
});

test('planModelLoad puts a multi-class model of points the page does not have on a multi-class set of its classes', () => {
  const drawn = model({ dataset: 'custom', hidden: [4], outputActivation: 'softmax', loss: 'softmax_ce' }, [2, 4, 5]);
  const plan = planModelLoad(drawn, defaults(), null);
  assert.deepEqual([plan.state.dataset, plan.state.classes, plan.state.outputActivation, plan.state.loss], ['blobs', 5, 'softmax', 'softmax_ce']);
  assert.deepEqual(plan.notes, ['the model was trained on drawn or imported points, which this page does not have: using blobs']);
  // The page's own multi-class set, with the model's classes.
  const spiral = planModelLoad(drawn, { ...defaults(), dataset: 'multi_spiral', classes: 3 }, null);
  assert.deepEqual([spiral.state.dataset, spiral.state.classes], ['multi_spiral', 5]);
  // One output is never classes of their own: the page's blobs give way to XOR.
  const binary = model({ dataset: 'custom', hidden: [4] });
  assert.equal(planModelLoad(binary, { ...defaults(), dataset: 'blobs', classes: 4 }, null).state.dataset, 'xor');
});

test('planModelLoad refuses a 2-D model on 1-D data: the inputs the page wires, x1 alone, not the model\'s', () => {
  // A circles model edited to say sine: the page would drop x2, and the parameters no longer fit.
  const edited = model({ dataset: 'sine', hidden: [4, 2], optimizer: 'adam' }, [2, 4, 2, 1]);
  assert.throws(() => planModelLoad(edited, { ...defaults(), dataset: 'circles', optimizer: 'adam' }, null),
    { message: /^the model's inputs x1, x2 need x2, which sine \(1-D data\) does not have$/ });
  // Features that need no x2 load on 1-D data.
  const oneD = model({ dataset: 'sine', hidden: [4], features: ['x1', 'x1^2'] }, [2, 4, 1]);
  assert.deepEqual(planModelLoad(oneD, defaults(), null).state.features, ['x1', 'x1^2']);
});

test('planModelLoad puts a drawn-data model on the learner\'s points of its kind, never the other kind', () => {
  const curvePoints = { problem: 'regression', classes: 1, labels: [0.5, -0.2], xy: [-3, 0, -1, 0], inputs: 1 };
  const flatPoints = { problem: 'binary', classes: 2, labels: [0, 1], xy: [1, 2, -1, -2], inputs: 2 };
  const curveModel = model({ dataset: 'curve', hidden: [4], features: ['x1'], outputActivation: 'linear' }, [1, 4, 1]);
  const flatModel = model({ dataset: 'custom', hidden: [4] }, [2, 4, 1]);
  const onFlat = { ...defaults(), dataset: 'custom' };
  const onCurve = { ...defaults(), dataset: 'curve', features: ['x1'] };
  // The learner's curve, kept aside while the 2-D points are in use: the model goes onto it.
  let plan = planModelLoad(curveModel, onFlat, flatPoints, curvePoints);
  assert.equal(plan.state.dataset, 'curve');
  assert.equal(plan.points, curvePoints);
  assert.deepEqual(plan.notes, ['the model was trained on a drawn curve: using yours (your 2-D points stay under "your data")']);
  // No curve: a generated 1-D dataset, said; the 2-D points are not read as a curve.
  plan = planModelLoad(curveModel, onFlat, flatPoints, null);
  assert.equal(plan.state.dataset, 'sine');
  assert.equal(plan.points, null);
  assert.deepEqual(plan.notes, ['the model was trained on a drawn curve, which this page does not have: using sine']);
  assert.equal(planModelLoad(curveModel, { ...defaults(), dataset: 'bump', features: ['x1'] }, flatPoints, null).state.dataset, 'bump');
  // The reverse: a 2-D model over a curve goes onto the kept 2-D points, else a generated 2-D set.
  plan = planModelLoad(flatModel, onCurve, curvePoints, flatPoints);
  assert.equal(plan.state.dataset, 'custom');
  assert.equal(plan.points, flatPoints);
  assert.deepEqual(plan.notes, ['the model was trained on drawn or imported points: using yours (your curve stays under "your curve")']);
  plan = planModelLoad(flatModel, onCurve, curvePoints, null);
  assert.equal(plan.state.dataset, 'xor');
  assert.equal(plan.points, null);
  // Points of its own kind in use: no note.
  plan = planModelLoad(curveModel, onCurve, curvePoints, flatPoints);
  assert.equal(plan.points, curvePoints);
  assert.deepEqual(plan.notes, []);
});

test('a model of the learner\'s 2-D points records their problem; every other file is as before, and a file without it still reads', () => {
  const params = new Float32Array(paramCount([2, 4, 1])).fill(0.25);
  const write = (dataset, problem, sizes = [2, 4, 1]) => modelToJson({ settings: engineLikeSettings({ dataset, hidden: [4] }), layerSizes: sizes,
    params: new Float32Array(paramCount(sizes)).fill(0.25), epoch: 3, problem });
  const custom = write('custom', 'regression');
  assert.deepEqual(Object.keys(JSON.parse(custom)), ['format', 'version', 'settings', 'problem', 'layerSizes', 'params', 'epoch']);
  assert.match(custom, /^ {2}"problem": "regression",$/m);
  assert.equal(parseModel(custom).problem, 'regression');
  assert.equal(modelToJson(parseModel(custom)), custom, 'read and written back byte for byte');
  // A generated dataset names its own problem: the file is the command-line tool's, unchanged.
  const circles = write('circles', 'binary');
  assert.doesNotMatch(circles, /"problem"/);
  assert.equal(Object.hasOwn(parseModel(circles), 'problem'), false);
  // A file from before the field: read as it was, the problem unknown.
  const old = JSON.parse(custom);
  delete old.problem;
  assert.equal(parseModel(JSON.stringify(old)).problem, undefined);
  assert.deepEqual(bits(parseModel(JSON.stringify(old)).params), bits(params));
  // A problem that is none, or does not fit the outputs, is refused like any other misfit.
  assert.throws(() => parseModel(JSON.stringify({ ...old, problem: 'ranking' })), { message: /^model problem must be binary, multiclass or regression \(got "ranking"\)$/ });
  // A hand edit is named as written: a list holding a problem is not one.
  assert.throws(() => parseModel(JSON.stringify({ ...old, problem: ['binary'] })), { message: /^model problem must be binary, multiclass or regression \(got \["binary"\]\)$/ });
  // A generated dataset poses its own problem: a file saying another was edited wrong, and is refused.
  const xor = JSON.parse(circles);
  assert.throws(() => parseModel(JSON.stringify({ ...xor, problem: 'regression' })), { message: /^model problem regression does not fit its dataset circles$/ });
  assert.throws(() => parseModel(JSON.stringify({ ...xor, settings: { ...xor.settings, dataset: 'sine' }, problem: 'binary' })),
    { message: /^model problem binary does not fit its dataset sine$/ });
  assert.equal(parseModel(JSON.stringify({ ...xor, problem: 'binary' })).problem, 'binary', 'a problem that is the dataset\'s own is no misfit');
  assert.throws(() => parseModel(JSON.stringify({ ...old, problem: 'multiclass' })), { message: /^model problem multiclass does not fit its layer sizes 2,4,1$/ });
  assert.throws(() => write('custom', 'binary', [2, 4, 3]), { message: /^model problem binary does not fit its layer sizes 2,4,3$/ });
});

test('planModelLoad puts a model of the learner\'s regression points, without them, on regression data, never XOR', () => {
  const regression = model({ dataset: 'custom', hidden: [4], outputActivation: 'linear' }, [2, 4, 1], 'regression');
  let plan = planModelLoad(regression, defaults(), null);
  assert.deepEqual([plan.state.dataset, plan.state.outputActivation, plan.points], ['plane', 'linear', null]);
  assert.deepEqual(plan.notes, ['the model was trained on drawn or imported regression points, which this page does not have: using plane']);
  // The page's own 2-D regression set; its binary set gives way, as do the learner's binary points.
  assert.equal(planModelLoad(regression, { ...defaults(), dataset: 'multi_gaussian' }, null).state.dataset, 'multi_gaussian');
  const binaryPoints = { problem: 'binary', classes: 2, labels: [0, 1], xy: [1, 2, -1, -2], inputs: 2 };
  plan = planModelLoad(regression, { ...defaults(), dataset: 'custom' }, binaryPoints, null);
  assert.deepEqual([plan.state.dataset, plan.points], ['plane', null]);
  // The learner's regression points, in use or kept aside: the model goes onto them.
  const targets = { problem: 'regression', classes: 1, labels: [0.5, -0.5], xy: [1, 2, -1, -2], inputs: 2 };
  plan = planModelLoad(regression, { ...defaults(), dataset: 'custom' }, binaryPoints, targets);
  assert.deepEqual([plan.state.dataset, plan.points], ['custom', targets]);
  // A binary model of the learner's points on a page showing the plane: a binary set, not the plane.
  const binary = model({ dataset: 'custom', hidden: [4] }, [2, 4, 1], 'binary');
  plan = planModelLoad(binary, { ...defaults(), dataset: 'plane' }, null);
  assert.deepEqual([plan.state.dataset, plan.notes], ['xor', ['the model was trained on drawn or imported binary points, which this page does not have: using xor']]);
});

test('model files over MAX_MODEL_BYTES are refused before reading', () => {
  assert.equal(MAX_MODEL_BYTES, 1_000_000);
  assert.equal(modelSizeProblem(30_000), null);
  assert.equal(modelSizeProblem(MAX_MODEL_BYTES), null, 'at most 1 MB: 1 MB itself is read');
  assert.equal(modelSizeProblem(19.8e6), 'the file is too large (19.8 MB; a model file may have at most 1 MB)');
  assert.throws(() => parseModel(' '.repeat(MAX_MODEL_BYTES + 1)), { message: /^the file is too large/ });
});
