// web/link-load.js: what a shared link sets up, and a message that names every key it could not
// read and every setting the page changed to make the link fit its data (old → new). Whether the
// engine accepts every result: tests/wasm/link-combinations.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readLink } from '../../web/link-load.js';
import { SETTINGS, defaults, encodePoints, serializeHash, withDataset, runBState } from '../../web/state.js';
import { fitToProblem, defaultPair, datasetProblem, outputActivations, losses } from '../../web/rules.js';

const values = (key) => SETTINGS.find((e) => e.key === key).values;
const DATASETS = values('dataset').filter((d) => d !== 'custom' && d !== 'curve');
const OUTPUTS = values('outputActivation');
const LOSSES = values('loss');

test('every dataset/output/loss link either stays as written or names each setting it changed', () => {
  let changed = 0;
  for (const dataset of DATASETS) {
    for (const outputActivation of OUTPUTS) {
      for (const loss of LOSSES) {
        const hash = `#dataset=${dataset}&outputActivation=${outputActivation}&loss=${loss}`;
        const { state, message } = readLink(hash);
        assert.equal(state.dataset, dataset, hash);
        const rewritten = ['outputActivation', 'loss'].filter((k) => state[k] !== { outputActivation, loss }[k]);
        if (rewritten.length === 0) {
          assert.equal(message, '', hash);
          continue;
        }
        changed += 1;
        assert.match(message, /^Some settings in the link do not fit (binary|multiclass|regression) data and were changed: /, hash);
        for (const k of rewritten) {
          const from = { outputActivation, loss }[k];
          assert.ok(message.includes(`${k} ${from} → ${state[k]} (`), `${hash}: ${message}`);
        }
      }
    }
  }
  assert.equal(DATASETS.length * OUTPUTS.length * LOSSES.length, 351);  // 13 generated sets (9 in 2-D, 4 in 1-D)
  assert.ok(changed > 100, `${changed} links changed`);  // most combinations do not fit
});

test('the reasons say what does not fit', () => {
  assert.equal(readLink('#loss=bce').message,
    'Some settings in the link do not fit binary data and were changed: loss bce → mse (bce needs a sigmoid output).');
  assert.match(readLink('#outputActivation=softmax&loss=softmax_ce').message,
    /outputActivation softmax → tanh \(softmax needs multi-class data\); loss softmax_ce → mse \(softmax_ce needs a softmax output\)\.$/);
  assert.match(readLink('#dataset=plane&outputActivation=sigmoid&loss=bce').message, /loss bce → mse \(regression needs mse\)/);
  assert.match(readLink('#outputActivation=step').message, /outputActivation step → tanh \(not an output activation for binary data\)/);
  assert.deepEqual(fitToProblem({ outputActivation: 'sigmoid', loss: 'bce' }, 'binary').changes, []);
});

test('unread keys and changed settings in one message; a valid link gives none', () => {
  const { state, message } = readLink('#learningRate=abc&loss=bce&noise=0.2');
  assert.equal(state.noise, 0.2);
  assert.equal(message, "Some settings in the link were not understood and use their defaults: learningRate: 'abc' " +
    'is not a number; using 0.03. Some settings in the link do not fit binary data and were changed: loss bce → mse (bce needs a sigmoid output).');
  assert.equal(readLink('#dataset=blobs&outputActivation=softmax&loss=softmax_ce&hidden=8').message, '');
  assert.deepEqual(readLink('').state, defaults());
});

test('points in the link: used, refused with a reason, or missing', () => {
  const data = encodePoints([1, 1, -1, -1, 2, 2], [0, 1, 2], 'multiclass');
  const ok = readLink(`#dataset=custom&data=${data}&outputActivation=softmax&loss=softmax_ce`);
  assert.equal(ok.message, '');
  assert.equal(ok.custom.problem, 'multiclass');
  assert.equal(ok.state.dataset, 'custom');
  // Custom binary points with a softmax output: named like any other change.
  const binary = encodePoints([1, 1, -1, -1], [0, 1], 'binary');
  assert.match(readLink(`#dataset=custom&data=${binary}&outputActivation=softmax&loss=softmax_ce`).message,
    /do not fit binary data and were changed: outputActivation softmax → tanh/);
  const bad = readLink('#dataset=custom&data=9bAAAAAAAA');
  assert.equal(bad.state.dataset, 'xor');
  assert.match(bad.message, /version '9' is not supported.*; using the default dataset/);
  const none = readLink('#dataset=custom');
  assert.equal(none.state.dataset, 'xor');
  assert.match(none.message, /carries no points; using the default dataset/);
  // The page's own drawn points serve a link that names custom data without carrying any.
  const kept = readLink('#dataset=custom&outputActivation=softmax', { current: { problem: 'regression' } });
  assert.equal(kept.state.dataset, 'custom');
  assert.match(kept.message, /do not fit regression data and were changed: outputActivation softmax → linear/);
  // Only points of the kind the link names: a curve link does not train 2-D points' x1 against
  // their classes, nor a "your data" link a curve; the page's points of that kind kept aside serve.
  const points = { problem: 'binary', inputs: 2 }, drawnCurve = { problem: 'regression', inputs: 1 };
  const noCurve = readLink('#dataset=curve', { current: points });
  assert.deepEqual([noCurve.state.dataset, noCurve.own], ['xor', null]);
  assert.match(noCurve.message, /the link names curve data but carries no points; using the default dataset/);
  assert.equal(readLink('#dataset=custom', { current: drawnCurve }).state.dataset, 'xor');
  const aside = readLink('#dataset=curve', { current: points, kept: drawnCurve });
  assert.deepEqual([aside.state.dataset, aside.state.outputActivation, aside.message], ['curve', 'linear', '']);
  assert.equal(aside.own, drawnCurve);
  assert.equal(readLink('#dataset=custom', { current: drawnCurve, kept: points }).own, points);
  // A 2 MB points blob is refused by its length, with the key named.
  assert.match(readLink(`#dataset=custom&data=1b${'A'.repeat(2e6)}`).message, /data: the value is 2000002 characters long/);
});

test('a curve link with a drawn curve\'s points keeps it, 1-D; points off the line or not regression are no curve', () => {
  const curve = encodePoints([-2, 0, 0.5, 0, 3, 0], [0.25, -0.5, 0.75], 'regression');
  const kept = readLink(`#dataset=curve&features=x1&data=${curve}`);
  assert.equal(kept.message, '');
  assert.equal(kept.state.dataset, 'curve');
  assert.equal(kept.custom.inputs, 1);
  assert.deepEqual(Array.from(kept.custom.labels), [0.25, -0.5, 0.75]);
  for (const data of [encodePoints([-2, 0, 0.5, 0.25], [0.25, -0.5], 'regression'), encodePoints([-2, 0, 0.5, 0], [0, 1], 'binary')]) {
    const refused = readLink(`#dataset=curve&features=x1&data=${data}`);
    assert.equal(refused.state.dataset, defaults().dataset, data);
    assert.equal(refused.custom, null);
    assert.match(refused.message, /the link's points are not a curve \(x -> y\); using the default dataset/);
  }
  // The same regression points as 2-D data: two inputs.
  assert.equal(readLink(`#dataset=custom&data=${curve}`).custom.inputs, 2);
});

test('a curve link that falls back to the default dataset takes its features too, and keeps the rest', () => {
  const notCurve = encodePoints([1, 1, -1, -1], [0.5, -0.5], 'regression');
  for (const hash of ['#dataset=curve', '#dataset=curve&hidden=8', '#dataset=curve&hidden=8&data=9rAAAAAAAA',
    `#dataset=curve&hidden=8&data=${notCurve}`]) {
    const { state, message } = readLink(hash);
    assert.equal(state.dataset, defaults().dataset, hash);
    assert.match(message, /using the default dataset/, hash);
    assert.deepEqual(state.features, defaults().features, `${hash}: XOR's two inputs, not the curve's x1`);
    if (hash.includes('hidden=8')) assert.deepEqual(state.hidden, [8], `${hash}: the link's network stays`);
    assert.deepEqual(pair(state), defaultPair('binary'), `${hash}: the output and loss follow the data shown, not the curve's`);
  }
});

const pair = (state) => ({ outputActivation: state.outputActivation, loss: state.loss });

test('a link that leaves out the output and loss gets the data\'s pair, as picking the data by hand does', () => {
  // By hand, a dataset of another problem brings that problem's pair (withProblem: defaultPair).
  for (const dataset of [...DATASETS, 'curve']) {
    const curve = dataset === 'curve' ? `&features=x1&data=${encodePoints([-2, 0, 3, 0], [0.5, -0.5], 'regression')}` : '';
    const { state, message } = readLink(`#dataset=${dataset}${curve}`);
    assert.deepEqual(pair(state), defaultPair(datasetProblem(dataset)), dataset);
    assert.equal(message, '', dataset);
  }
  assert.deepEqual(pair(readLink('#dataset=blobs').state), { outputActivation: 'softmax', loss: 'softmax_ce' });
  assert.deepEqual(pair(readLink('#dataset=sine').state), { outputActivation: 'linear', loss: 'mse' });
  // The learner's points: their problem, from the link's points or else the page's own.
  const three = encodePoints([1, 1, -1, -1, 2, 2], [0, 1, 2], 'multiclass');
  assert.deepEqual(pair(readLink(`#dataset=custom&data=${three}`).state), defaultPair('multiclass'));
  assert.deepEqual(pair(readLink('#dataset=custom', { current: { problem: 'multiclass' } }).state), defaultPair('multiclass'));
  assert.deepEqual(pair(readLink('#dataset=custom', { current: { problem: 'regression' } }).state), defaultPair('regression'));
  // One of the two named: kept; the other follows the data where it fits, else the table's default.
  assert.deepEqual(pair(readLink('#dataset=blobs&loss=softmax_ce').state), defaultPair('multiclass'));
  assert.deepEqual(pair(readLink('#dataset=blobs&outputActivation=sigmoid').state), { outputActivation: 'sigmoid', loss: 'mse' });
  const mse = readLink('#dataset=blobs&loss=mse');
  assert.deepEqual([pair(mse.state), mse.message], [{ outputActivation: 'tanh', loss: 'mse' }, '']);
  assert.deepEqual(pair(readLink('#dataset=plane&outputActivation=tanh').state), { outputActivation: 'tanh', loss: 'mse' });
  // A value the link gets wrong is named, and the default it says it uses is the one used.
  const bad = readLink('#dataset=blobs&outputActivation=nope');
  assert.match(bad.message, /outputActivation: 'nope' is not one of .*; using tanh/);
  assert.equal(bad.state.outputActivation, 'tanh');
});

test('every output and loss the page can set round-trips through the link it writes, on every kind of data', () => {
  const points = { binary: encodePoints([1, 1, -1, -1], [0, 1], 'binary'), regression: encodePoints([1, 1, -1, -1], [0.5, -0.5], 'regression'),
    multiclass: encodePoints([1, 1, -1, -1, 2, 2], [0, 1, 2], 'multiclass') };
  const sets = [...DATASETS.map((dataset) => ({ dataset, problem: datasetProblem(dataset) })),
    ...Object.entries(points).map(([problem, data]) => ({ dataset: 'custom', data, problem }))];
  let cases = 0;
  for (const { dataset, data = '', problem } of sets) {
    for (const outputActivation of outputActivations(problem)) {
      for (const loss of losses(problem, outputActivation)) {
        const written = serializeHash({ ...withDataset(defaults(), dataset), data, outputActivation, loss });
        const { state, message } = readLink(written);
        assert.deepEqual([pair(state), message], [{ outputActivation, loss }, ''], written);
        cases += 1;
      }
    }
  }
  assert.ok(cases > 100, `${cases} cases`);
  // Shortest links where the data implies the pair: only what differs from the table's defaults.
  assert.equal(serializeHash({ ...defaults(), dataset: 'blobs', outputActivation: 'softmax', loss: 'softmax_ce' }),
    '#dataset=blobs&outputActivation=softmax&loss=softmax_ce');
  assert.equal(serializeHash({ ...defaults(), dataset: 'blobs' }), '#dataset=blobs&outputActivation=tanh&loss=mse');
  assert.equal(serializeHash({ ...defaults(), dataset: 'sine', features: ['x1'], outputActivation: 'linear' }), '#dataset=sine&outputActivation=linear');
});

const pairB = (state) => pair(runBState(state));

test('run B\'s left-out output or loss follows its data as run A\'s does, a named one kept or named as changed', () => {
  // Run B with one of the pair named (b.key) against run A on the data's own pair reads as run A
  // with that key named: the same pair, and the same changes named.
  let cases = 0;
  for (const dataset of DATASETS) {
    for (const [key, values] of [['outputActivation', OUTPUTS], ['loss', LOSSES]]) {
      for (const value of values) {
        const a = readLink(`#dataset=${dataset}&${key}=${value}`);
        const hash = `#dataset=${dataset}&compare=1&b.${key}=${value}`;
        const b = readLink(hash);
        assert.deepEqual(pair(b.state), defaultPair(datasetProblem(dataset)), `${hash}: run A keeps its data's pair`);
        assert.deepEqual(pairB(b.state), pair(a.state), hash);
        assert.equal(b.message.replace('Some of run B\'s settings', 'Some settings in the link'), a.message, hash);
        cases += 1;
      }
    }
  }
  assert.equal(cases, DATASETS.length * (OUTPUTS.length + LOSSES.length));
  const mse = readLink('#dataset=blobs&compare=1&b.loss=mse');
  assert.deepEqual([pairB(mse.state), mse.message], [{ outputActivation: 'tanh', loss: 'mse' }, '']);
  assert.deepEqual(pairB(readLink('#dataset=blobs&compare=1&b.outputActivation=sigmoid').state), { outputActivation: 'sigmoid', loss: 'mse' });
  // A left-out key is run A's where it fits the named one: only the named key differs.
  const sigmoid = readLink('#dataset=blobs&outputActivation=sigmoid&loss=bce&compare=1&b.loss=mse');
  assert.deepEqual([sigmoid.state.b, sigmoid.message], [{ loss: 'mse' }, '']);
  // Run B shares run A's data: b.dataset is named as ignored and run B follows run A's data.
  const other = readLink('#dataset=blobs&compare=1&b.dataset=xor&b.loss=mse');
  assert.match(other.message, /b\.dataset: run B shares the dataset with run A; ignored/);
  assert.deepEqual(pairB(other.state), { outputActivation: 'tanh', loss: 'mse' });
});

test('a named loss the data refuses is named as changed, and the left-out output follows the data, in run A and run B', () => {
  for (const loss of ['bce', 'softmax_ce']) {
    const a = readLink(`#dataset=plane&loss=${loss}`);
    assert.deepEqual(pair(a.state), defaultPair('regression'), loss);
    assert.equal(a.message, `Some settings in the link do not fit regression data and were changed: loss ${loss} → mse (regression needs mse).`);
    const b = readLink(`#dataset=plane&compare=1&b.loss=${loss}`);
    assert.deepEqual([pairB(b.state), b.state.b], [defaultPair('regression'), {}], loss);
    assert.equal(b.message, `Some of run B's settings do not fit regression data and were changed: loss ${loss} → mse (regression needs mse).`);
  }
  // Run B's refused loss leaves it on run A's output, as any b. key left out.
  const tanh = readLink('#dataset=plane&outputActivation=tanh&compare=1&b.loss=bce');
  assert.deepEqual([pair(tanh.state), tanh.state.b], [{ outputActivation: 'tanh', loss: 'mse' }, {}]);
  const softmax = readLink('#dataset=xor&loss=softmax_ce');
  assert.deepEqual(pair(softmax.state), defaultPair('binary'));
});

test('every pair of run A\'s and run B\'s outputs and losses round-trips through the link the page writes', () => {
  const points = { binary: encodePoints([1, 1, -1, -1], [0, 1], 'binary'), regression: encodePoints([1, 1, -1, -1], [0.5, -0.5], 'regression'),
    multiclass: encodePoints([1, 1, -1, -1, 2, 2], [0, 1, 2], 'multiclass') };
  const sets = [...DATASETS.map((dataset) => ({ dataset, problem: datasetProblem(dataset) })),
    ...Object.entries(points).map(([problem, data]) => ({ dataset: 'custom', data, problem }))];
  const pairs = (problem) => outputActivations(problem).flatMap((outputActivation) =>
    losses(problem, outputActivation).map((loss) => ({ outputActivation, loss })));
  let cases = 0;
  for (const { dataset, data = '', problem } of sets) {
    for (const a of pairs(problem)) {
      for (const b of pairs(problem)) {
        const written = serializeHash({ ...withDataset(defaults(), dataset), data, ...a, compare: true, b });
        const { state, message } = readLink(written);
        assert.deepEqual([pair(state), pairB(state), message], [a, b, ''], written);
        cases += 1;
      }
    }
  }
  assert.equal(cases, 970);  // 16 sets, 8, 9 or 7 pairs each (binary, multi-class, regression), squared
});
