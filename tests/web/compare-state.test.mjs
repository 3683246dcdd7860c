// Two runs side by side, the pure part: run B's settings in the state (the `b` entry of state.js's
// table, its perRun keys), their link keys (compare=1&b.activation=relu) read and checked by the
// same entries as run A's, what a bad b. value says, run B's whole state and its differences, the
// fitting of its output and loss to the data (link-load.js), and the course's split of the hash
// (b. keys are settings, not a lab's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SETTINGS, PER_RUN_KEYS, RUN_B_PREFIX, HIDEABLE, defaults, parseHash, serializeHash, validate, checkValue,
  runBState, runBDifferences, runBDiff, parseSetting, engineSettings,
} from '../../web/state.js';
import { readLink } from '../../web/link-load.js';
import { splitHash, joinHash } from '../../web/course/route.js';

test('table: run B may differ in the network and training settings, never in the data or the seed', () => {
  assert.equal(RUN_B_PREFIX, 'b.');
  assert.deepEqual(PER_RUN_KEYS, ['features', 'inputScaling', 'hidden', 'activation', 'outputActivation', 'leakySlope', 'eluAlpha',
    'maxoutPieces', 'loss', 'init', 'initScale', 'biasInit', 'learningRate', 'batchSize', 'l1', 'l2', 'decay', 'decayRate', 'decaySteps',
    'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon', 'dropout']);
  for (const k of ['dataset', 'points', 'noise', 'dataSeed', 'classes', 'trainRatio', 'validationRatio', 'seed']) {
    assert.ok(!PER_RUN_KEYS.includes(k), k);
  }
  // Every perRun key is an engine key: run B is another engine configured from the same table.
  for (const k of PER_RUN_KEYS) assert.ok(SETTINGS.find((e) => e.key === k).engine, k);
  assert.deepEqual(defaults().b, {});
  assert.equal(defaults().compare, false);
  assert.ok(HIDEABLE.includes('compare') && HIDEABLE.includes('b'));
  // Not an engine key: configure() never sees compare or b.
  assert.ok(!('compare' in engineSettings(defaults())) && !('b' in engineSettings(defaults())));
});

test('checkValue/validate: run B\'s values are checked by their own entries', () => {
  assert.equal(checkValue('b', { activation: 'relu', learningRate: 0.3, hidden: [8, 4] }), null);
  assert.match(checkValue('b', { activation: 'nope' }), /^run B's settings object has activation 'nope', which is not one of linear/);
  assert.match(checkValue('b', { learningRate: 200 }), /has learning rate 200, which is out of range \(0, 100\]/);
  assert.match(checkValue('b', { dataset: 'spiral' }), /has dataset, which run B shares with run A/);
  assert.match(checkValue('b', { seed: 3 }), /has seed, which run B shares with run A/);
  assert.match(checkValue('b', { nope: 1 }), /has unknown setting 'nope'/);
  assert.match(checkValue('b', [1]), /is not an object/);
  assert.deepEqual(validate({ ...defaults(), compare: true, b: { activation: 'relu' } }), []);
  assert.equal(validate({ ...defaults(), b: { hidden: [0] } }).length, 1);
});

test('parseHash: compare=1 and b.<key> give run B its differences', () => {
  const { state, errors } = parseHash('#activation=tanh&compare=1&b.activation=relu&b.learningRate=0.3&b.hidden=8,4&b.features=x1,x2,x1*x2');
  assert.deepEqual(errors, []);
  assert.equal(state.compare, true);
  assert.deepEqual(state.b, { features: ['x1', 'x2', 'x1*x2'], hidden: [8, 4], activation: 'relu', learningRate: 0.3 });
  // A value equal to run A's is no difference.
  assert.deepEqual(parseHash('#learningRate=0.3&compare=1&b.learningRate=0.3&b.init=he_normal').state.b, { init: 'he_normal' });
  // The order of the link does not matter: run B's keys are read once run A's are known.
  assert.deepEqual(parseHash('#b.learningRate=0.1&learningRate=0.1&compare=1').state.b, {});
  assert.deepEqual(parseHash('#compare=1').state.b, {});
});

test('parseHash: a bad b. value is named, run B keeps run A\'s, and the rest is read', () => {
  const { state, errors } = parseHash('#compare=1&activation=sigmoid&b.activation=bogus&b.learningRate=-1&b.hidden=4,x' +
    '&b.dataset=spiral&b.seed=9&b.nope=1&b.optimizer=adam&noise=0.5');
  assert.deepEqual(errors, [
    'b.dataset: run B shares the dataset with run A; ignored',
    'b.seed: run B shares the seed with run A; ignored',
    'b.nope: unknown setting; ignored',
    "b.hidden: '4,x' has 'x', which is not a number; run B uses run A's 4,2",
    "b.activation: 'bogus' is not one of linear, step, sigmoid, tanh, relu, leaky_relu, elu, softplus, abs, gelu, swish, prelu, maxout; run B uses run A's sigmoid",
    "b.learningRate: '-1' is out of range (0, 100]; run B uses run A's 0.03",
  ]);
  assert.deepEqual(state.b, { optimizer: 'adam' });
  assert.equal(state.noise, 0.5);
  assert.equal(state.activation, 'sigmoid');
  assert.deepEqual(validate(state), []);
  // Run B's keys without compare=1 are ignored, with one message naming them.
  const off = parseHash('#b.activation=relu&b.init=he_normal');
  assert.deepEqual(off.errors, ["b.activation, b.init: run B's settings need compare=1; ignored"]);
  assert.deepEqual(off.state.b, {});
  // `b` itself is not a key a link sets; %-encoded keys are decoded first; hostile keys touch nothing.
  assert.deepEqual(parseHash('#b=activation').errors, ["unknown setting 'b' ignored"]);
  assert.deepEqual(parseHash('#compare=1&b%2Eactivation=relu').state.b, { activation: 'relu' });
  const hostile = parseHash('#compare=1&b.__proto__=1&b.constructor=x');
  assert.deepEqual(hostile.errors, ['b.__proto__: unknown setting; ignored', 'b.constructor: unknown setting; ignored']);
  assert.equal({}.polluted, undefined);
  // A huge value is refused without being decoded.
  const huge = parseHash(`#compare=1&b.activation=${'x'.repeat(20000)}`);
  assert.deepEqual(huge.errors, ["b.activation: the value is 20000 characters long (at most 12006); run B uses run A's tanh"]);
});

test('serializeHash: run B\'s differences follow compare=1, in table order, before the points', () => {
  const state = { ...defaults(), dataset: 'circles', compare: true, b: { dropout: 0.2, activation: 'relu', hidden: [] } };
  assert.equal(serializeHash(state), '#dataset=circles&compare=1&b.hidden=&b.activation=relu&b.dropout=0.2');
  // Values equal to run A's, and run B without compare, are not written.
  assert.equal(serializeHash({ ...defaults(), compare: true, b: { activation: 'tanh' } }), '#compare=1');
  assert.equal(serializeHash({ ...defaults(), compare: false, b: { activation: 'relu' } }), '');
  // Round trip, features with their ^ encoded.
  const s2 = { ...defaults(), compare: true, b: { features: ['x1^2', 'x2'], learningRate: 1 / 3, epsilon: 1e-7 } };
  const hash = serializeHash(s2);
  assert.equal(hash, '#compare=1&b.features=x1%5E2,x2&b.learningRate=0.3333333333333333&b.epsilon=1e-7');
  assert.deepEqual(parseHash(hash), { state: s2, errors: [] });
});

test('runBState, runBDifferences, runBDiff: run B whole, and what differs in words', () => {
  const a = { ...defaults(), learningRate: 0.1, compare: true, b: { activation: 'relu', hidden: [], learningRate: 0.1 } };
  const b = runBState(a);
  assert.equal(b.activation, 'relu');
  assert.deepEqual(b.hidden, []);
  assert.equal(b.learningRate, 0.1);
  assert.equal(b.compare, false);
  assert.deepEqual(b.b, {});
  assert.deepEqual(validate(b), []);
  assert.notEqual(b.features, a.features, 'lists are copied');
  assert.deepEqual(runBDifferences(a), [
    { key: 'hidden', label: 'hidden layers', a: '4,2', b: '' },
    { key: 'activation', label: 'activation', a: 'tanh', b: 'relu' },
  ]);
  assert.deepEqual(runBDiff(a, b), { hidden: [], activation: 'relu' });
  assert.deepEqual(runBDiff(a, runBState({ ...a, b: {} })), {});
  assert.deepEqual(engineSettings(b), { ...engineSettings(a), activation: 'relu', hidden: [] });
});

test('parseSetting: a typed value read as a link would read it', () => {
  assert.deepEqual(parseSetting('learningRate', ' 0.3 '), { value: 0.3 });
  assert.deepEqual(parseSetting('hidden', '8,4'), { value: [8, 4] });
  assert.deepEqual(parseSetting('hidden', ''), { value: [] });
  assert.deepEqual(parseSetting('features', 'x1,x1*x2'), { value: ['x1', 'x1*x2'] });
  assert.deepEqual(parseSetting('learningRate', '200'), { error: "learning rate '200' is out of range (0, 100]" });
  assert.deepEqual(parseSetting('learningRate', 'fast'), { error: "learning rate 'fast' is not a number" });
  assert.deepEqual(parseSetting('hidden', '8,0'), { error: "hidden layers '8,0' has 0, which is out of range 1..16" });
  assert.deepEqual(parseSetting('batchSize', '2.5'), { error: "batch size '2.5' is not a whole number" });
  assert.deepEqual(parseSetting('features', ''), { error: "features '' is empty (choose at least 1)" });
  assert.deepEqual(parseSetting('nope', '1'), { error: "unknown setting 'nope'" });
});

test('readLink: run B\'s output and loss are fitted to the data on their own, and the change is named', () => {
  const link = readLink('#compare=1&b.outputActivation=sigmoid&b.loss=bce&b.activation=relu');
  assert.equal(link.message, '');
  assert.deepEqual(link.state.b, { activation: 'relu', outputActivation: 'sigmoid', loss: 'bce' });
  const bad = readLink('#compare=1&b.loss=bce');
  assert.deepEqual(bad.state.b, {});
  assert.equal(bad.message, "Some of run B's settings do not fit binary data and were changed: loss bce → mse (bce needs a sigmoid output).");
  // Regression data: run B's softmax falls back to the problem's pair, as run A's would (run A
  // names its tanh output: left out, it would be the data's linear one too).
  const plane = readLink('#dataset=plane&outputActivation=tanh&compare=1&b.outputActivation=softmax&b.loss=softmax_ce');
  assert.deepEqual(plane.state.b, { outputActivation: 'linear' });
  assert.equal(plane.message, "Some of run B's settings do not fit regression data and were changed: " +
    'outputActivation softmax → linear (softmax needs multi-class data); loss softmax_ce → mse (regression needs mse).');
  // A bad value and a missing compare are said with the rest of the link.
  assert.match(readLink('#b.activation=relu').message, /^Some settings in the link were not understood and use their defaults: b\.activation: run B's settings need compare=1; ignored\.$/);
  assert.match(readLink('#compare=1&b.activation=bogus').message, /b\.activation: 'bogus' is not one of .*; run B uses run A's tanh/);
});

test('readLink: run B\'s output named in a link stays run B\'s when run A\'s follows the data only as the link is read', () => {
  // The page's own points (the link carries none): run A's output becomes their problem's, and
  // run B's tanh, equal to run A's tanh before that, is run B's difference after it.
  const onTargets = readLink('#dataset=custom&compare=1&b.outputActivation=tanh', { current: { problem: 'regression' } });
  assert.deepEqual([onTargets.state.outputActivation, onTargets.state.b, onTargets.message], ['linear', { outputActivation: 'tanh' }, '']);
  const onClasses = readLink('#dataset=custom&compare=1&b.outputActivation=tanh', { current: { problem: 'multiclass' } });
  assert.deepEqual([onClasses.state.outputActivation, onClasses.state.b, onClasses.message], ['softmax', { outputActivation: 'tanh', loss: 'mse' }, '']);
  // A curve without points gives way to the default set: run B keeps the linear output it names.
  const fallback = readLink('#dataset=curve&compare=1&b.outputActivation=linear');
  assert.deepEqual([fallback.state.dataset, fallback.state.outputActivation, fallback.state.b], ['xor', 'tanh', { outputActivation: 'linear' }]);
  // Equal to run A's once read, it is no difference.
  assert.deepEqual(readLink('#dataset=custom&compare=1&b.outputActivation=linear', { current: { problem: 'regression' } }).state.b, {});
  // Run B's left-out output follows the data finally shown, as run A's does: MSE on classes is a tanh output.
  const mse = readLink('#dataset=custom&compare=1&b.loss=mse', { current: { problem: 'multiclass' } });
  assert.deepEqual([mse.state.outputActivation, mse.state.b, mse.message], ['softmax', { outputActivation: 'tanh', loss: 'mse' }, '']);
  assert.deepEqual(parseHash('#dataset=blobs&compare=1&b.loss=mse').state.b, { outputActivation: 'tanh', loss: 'mse' });
});

test('splitHash: b. keys are run B\'s settings, not a lab named b; joinHash puts them back', () => {
  const hash = '#chapter=playground&act.z=1&compare=1&b.activation=relu&b.learningRate=0.3';
  const { route, settings, errors } = splitHash(hash);
  assert.deepEqual(errors, []);
  assert.deepEqual(route, { chapter: 'playground', lab: { 'act.z': '1' } });
  assert.equal(settings, '#compare=1&b.activation=relu&b.learningRate=0.3');
  assert.equal(joinHash(route, settings), hash);
  assert.deepEqual(parseHash(settings).state.b, { activation: 'relu', learningRate: 0.3 });
});
