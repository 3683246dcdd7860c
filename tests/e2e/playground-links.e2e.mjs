// End-to-end: links and files that must not cost the learner anything. A new link clears the
// warning of the last one and names each setting it had to change; a model that does not fit is
// refused before anything changes (weights, link, chart history); files and link values over
// their caps are refused with a message before they are read.
// Not here: the parsing rules themselves (tests/web/link-load, csv, model-file, state).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useBrowser, withPage, frames, readState, hashParams, clickPlane, stepEpochs, choose } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 40000 };

async function step(page, n = 1) {
  for (let i = 0; i < n; ++i) await page.click('#step');
  await frames(page);
}
const messageShown = (page) => page.waitForFunction(() => !document.getElementById('message').hidden);

async function savedModel(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

test('a new link clears the last warning; rewritten settings are named old → new', T, async () => {
  await withPage(b, '#learningRate=abc', async (page) => {
    assert.equal((await readState(page)).messageKind, 'warning');
    await page.evaluate(() => { location.hash = '#noise=0.2'; });
    await page.waitForFunction(() => document.getElementById('message').hidden);
    assert.equal((await readState(page)).message, '');
    await page.evaluate(() => { location.hash = '#dataset=xor&loss=bce'; });
    await messageShown(page);
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /loss bce → mse \(bce needs a sigmoid output\)/);
    assert.equal(await page.inputValue('select[data-key="loss"]'), 'mse');
    // A loss regression data cannot take: refused and named, the left-out output the plane's own.
    await page.evaluate(() => { location.hash = '#dataset=plane&loss=bce'; });
    await page.waitForFunction(() => document.getElementById('message').textContent.includes('regression'));
    assert.equal((await readState(page)).message,
      'Some settings in the link do not fit regression data and were changed: loss bce → mse (regression needs mse).');
    assert.deepEqual([await page.inputValue('select[data-key="outputActivation"]'), await page.inputValue('select[data-key="loss"]')], ['linear', 'mse']);
  });
});

test('a model that does not fit is refused whole: weights, link and history stay', T, async () => {
  await withPage(b, '#dataset=circles&points=80&hidden=5&seed=3', async (page) => {
    await step(page, 6);
    const before = await readState(page);
    const hash = await hashParams(page);
    const chart = await page.getAttribute('#chart canvas', 'aria-label');
    const weights = await savedModel(page);
    // hidden [4] with 3 outputs: circles needs 1. This used to rebuild the network as [2, 4, 1]
    // (a new run, a new link) and only then fail in setParams.
    const bad = { ...weights, settings: { ...weights.settings, hidden: [4] }, layerSizes: [2, 4, 3], params: new Array(27).fill(0.1) };
    await page.setInputFiles('#model-load', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await messageShown(page);
    await frames(page);
    const after = await readState(page);
    assert.equal(after.messageKind, 'error');
    assert.match(after.message, /^Could not load bad\.json: the model has 3 outputs but circles \(binary\) needs 1/);
    assert.deepEqual(await hashParams(page), hash, 'the link is unchanged');
    assert.equal(after.epoch, before.epoch);
    assert.equal(after.testLoss, before.testLoss);
    assert.equal(await page.getAttribute('#chart canvas', 'aria-label'), chart, 'the chart keeps its history');
    assert.deepEqual((await savedModel(page)).params, weights.params, 'the trained weights are kept');
  });
});

test('a 2-D model edited to say 1-D data is refused whole: the run, Adam\'s state and the link carry on', T, async () => {
  await withPage(b, '#dataset=circles&optimizer=adam&points=80&seed=3', async (page) => {
    await step(page, 10);
    const hash = await hashParams(page);
    const edited = await savedModel(page);
    edited.settings.dataset = 'sine';  // still x1 and x2 as inputs, which the sine does not have
    await page.setInputFiles('#model-load', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await messageShown(page);
    const after = await readState(page);
    assert.equal(after.messageKind, 'error');
    assert.equal(after.message, 'Could not load edited.json: the model\'s inputs x1, x2 need x2, which sine (1-D data) does not have');
    assert.deepEqual(await hashParams(page), hash);
    assert.equal(after.epoch, 10, 'the run was not reset');
    await step(page, 1);
    assert.equal((await readState(page)).epoch, 11, 'and trains on');
  });
});

test('a model for the other kind of drawn data goes onto the learner\'s points of its kind, never converts them', T, async () => {
  await withPage(b, '', async (page) => {
    const load = async (name, model) => {
      await page.click('#message-close').catch(() => {});
      await page.setInputFiles('#model-load', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
      await messageShown(page);
      await frames(page);
      return readState(page);
    };
    const importCsv = async (text) => {
      await page.setInputFiles('#csv-import', { name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await messageShown(page);
      await frames(page);
    };
    await importCsv('x,y\n-3,0.5\n-1,-0.2\n1,0.3\n3,-0.6\n');
    const curve = await hashParams(page);
    assert.equal(curve.dataset, 'curve');
    const curveModel = await savedModel(page);
    await importCsv('x1,x2,label\n1,2,0\n-1,-2,1\n3,-3,1\n-4,4,0\n');
    const flat = await hashParams(page);
    assert.equal(flat.dataset, 'custom');
    const flatModel = await savedModel(page);
    // The curve model onto the learner's curve, kept aside: said; the 2-D points wait under "your data".
    let s = await load('curve-model.json', curveModel);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /the model was trained on a drawn curve: using yours \(your 2-D points stay under "your data"\)/);
    assert.equal((await hashParams(page)).dataset, 'curve');
    assert.equal((await hashParams(page)).data, curve.data, 'the curve, not the 2-D points read as one');
    // The 2-D model back onto the 2-D points, whole.
    s = await load('flat-model.json', flatModel);
    assert.match(s.message, /using yours \(your curve stays under "your curve"\)/);
    assert.equal((await hashParams(page)).dataset, 'custom');
    assert.equal((await hashParams(page)).data, flat.data, 'the 2-D points, not the curve at x2 = 0');
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    assert.equal((await hashParams(page)).data, curve.data, 'the curve is still there');
  });
});

test('a model of imported 2-D regression points, loaded where there are none, goes onto regression data, not XOR', T, async () => {
  let saved;
  await withPage(b, '', async (page) => {
    await page.setInputFiles('#csv-import', { name: 'targets.csv', mimeType: 'text/csv',
      buffer: Buffer.from('x1,x2,y\n1,2,0.5\n-1,-2,-0.25\n3,-3,0.75\n-4,4,-0.5\n2,1,0.1\n') });
    await messageShown(page);
    await frames(page);
    assert.equal(await page.textContent('#problem'), 'regression');
    await step(page, 3);
    saved = await savedModel(page);
    assert.equal(saved.settings.dataset, 'custom');
    assert.equal(saved.problem, 'regression', 'the file says what the points posed');
  });
  await withPage(b, '', async (page) => {
    await page.setInputFiles('#model-load', { name: 'targets-model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await messageShown(page);
    await frames(page);
    const s = await readState(page);
    assert.match(s.message, /the model was trained on drawn or imported regression points, which this page does not have: using plane/);
    assert.equal((await hashParams(page)).dataset, 'plane');
    assert.equal(await page.textContent('#problem'), 'regression');
    assert.equal(await page.inputValue('select[data-key="outputActivation"]'), saved.settings.outputActivation);
  });
});

test('files and link values over their caps are refused before reading, with the cap named', T, async () => {
  await withPage(b, '', async (page) => {
    await page.setInputFiles('#csv-import', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(2_100_000, '0,0,0\n') });
    await messageShown(page);
    assert.match((await readState(page)).message, /^Could not import big\.csv: the file is too large \(2\.1 MB; a data file may have at most 2 MB\)$/);
    await page.setInputFiles('#model-load', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1_500_000, ' ') });
    await page.waitForFunction(() => document.getElementById('message-text').textContent.includes('big.json'));
    assert.match((await readState(page)).message, /^Could not load big\.json: the file is too large \(1\.5 MB; a model file may have at most 1 MB\)$/);
    // A link with a points blob over its cap (200 kB here: Chromium itself takes seconds to take
    // a 2 MB URL; parseHash's own 2 MB case is in tests/web/state.test.mjs).
    await page.evaluate(() => { location.hash = `#dataset=custom&seed=4&data=1b${'A'.repeat(2e5)}`; });
    await page.waitForFunction(() => document.getElementById('message').className.includes('warning'));
    const s = await readState(page);
    assert.match(s.message, /data: the value is 200002 characters long \(at most 12006\)/);
    assert.match(s.message, /carries no points; using the default dataset/);
    assert.deepEqual(await hashParams(page), { seed: '4' });
  });
});

// The run of `setUp` after `n` epochs, and the same page's link opened fresh and stepped as far:
// both sets of weights, to be identical.
async function runAndItsLink(hash, setUp, n) {
  let link, params;
  await withPage(b, hash, async (page) => {
    await setUp(page);
    await stepEpochs(page, n);
    link = await page.evaluate(() => location.hash);
    params = (await savedModel(page)).params;
  });
  let again;
  await withPage(b, link, async (page) => {
    assert.equal((await readState(page)).message, '', 'the link is read as written');
    await stepEpochs(page, n);
    again = (await savedModel(page)).params;
  });
  return { params, again, link };
}

test('a link with drawn, adopted or imported points reproduces the run exactly', { timeout: 90000 }, async () => {
  const draw = (points) => async (page) => {
    await page.click('#draw-toggle');
    for (const [x1, x2] of points) await clickPlane(page, x1, x2);
    await page.click('#draw-toggle');
  };
  // Drawn on the spiral (its 300 points adopted as they are shown), clicks between the link's grid.
  let run = await runAndItsLink('#dataset=spiral&points=300&hidden=8,6&features=x1,x2,x1%5E2,x2%5E2,x1*x2,sin_x1,sin_x2&learningRate=0.1',
    draw([[1.234, -2.345], [-3.456, 0.789]]), 60);
  assert.match(run.link, /dataset=custom/);
  assert.deepEqual(run.again, run.params, 'drawn on the spiral');
  // "your curve" from the sine's points, one drawn beside them.
  run = await runAndItsLink('#dataset=sine&points=100&hidden=6', draw([[0.777, 0.333]]), 30);
  assert.match(run.link, /dataset=curve/);
  assert.deepEqual(run.again, run.params, 'a curve from the sine');
  // Imported with more digits than a link keeps.
  const rows = ['x1,x2,label'];
  for (let i = 0; i < 40; ++i) rows.push(`${(Math.sin(i) * 4.321).toFixed(5)},${(Math.cos(i * 1.7) * 3.1).toFixed(5)},${i % 2}`);
  run = await runAndItsLink('#hidden=5', async (page) => {
    await page.setInputFiles('#csv-import', { name: 'fine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await messageShown(page);
    await page.click('#message-close');
  }, 30);
  assert.deepEqual(run.again, run.params, 'imported');
});

test('points too many for a link survive a reload of the tab; an embed opened in it does not take them', T, async () => {
  await withPage(b, '#dataset=spiral&hidden=8,6&seed=4', async (page) => {
    // One point drawn on the spiral's 500: 501, past what a link carries (500).
    await page.click('#draw-toggle');
    await clickPlane(page, 1.234, -2.345);
    await page.click('#draw-toggle');
    await stepEpochs(page, 3);
    const hash = await hashParams(page);
    assert.equal(hash.dataset, 'custom');
    assert.equal(hash.data, undefined, 'no points in the link');
    const before = await readState(page);
    const exported = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export')]);
      return fs.readFileSync(await download.path(), 'utf8');
    };
    const points = await exported();
    assert.equal(points.trim().split('\n').length, 502);
    // A reload (or the browser restoring the tab) used to fall back to XOR: "the link names custom
    // data but carries no points".
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await frames(page);
    assert.equal((await readState(page)).message, '');
    assert.deepEqual(await hashParams(page), hash);
    assert.equal(await exported(), points, 'the same points');
    await stepEpochs(page, 3);
    const after = await readState(page);
    assert.deepEqual([after.epoch, after.testLoss, after.trainLoss], [before.epoch, before.testLoss, before.trainLoss], 'the same run');
    // An embed of the same link is what a student gets: no points, said so.
    await page.evaluate(() => { location.hash = '#dataset=custom&embed=output,controls'; });
    await page.reload();  // loaded in the tab, not a hash followed in the page
    await page.waitForSelector('body[data-ready="true"]');
    await frames(page);
    assert.match((await readState(page)).message, /carries no points/);
  });
});

test('a typo in a link\'s hide= list names it and hides the rest, in an embed too', T, async () => {
  await withPage(b, '#dataset=circles&hide=dataset,noize,seed&embed=data,output,controls', async (page) => {
    assert.equal((await readState(page)).message, 'Some settings in the link were not understood and use their defaults: ' +
      'hide: \'noize\' names no control a link can hide (the Share / embed dialog lists them); ignored.');
    assert.equal(await page.isVisible('[data-hide="dataset"]'), false, 'the data sets stay hidden');
    assert.equal(await page.isVisible('[data-hide="noise"]'), true);
    assert.equal((await hashParams(page)).hide, 'dataset,seed');
  });
});

test('a link that leaves out the output and loss sets up its data as picking it does; the link the page writes keeps a named pair', T, async () => {
  const pair = (page) => Promise.all(['outputActivation', 'loss'].map((k) => page.inputValue(`select[data-key="${k}"]`)));
  const outputs = (page) => page.$$eval('#network [data-unit^="3:"]', (els) => els.length);
  let byHand;
  await withPage(b, '', async (page) => {
    await page.click('#datasets [data-dataset="blobs"]');
    await frames(page);
    byHand = { pair: await pair(page), hash: await hashParams(page) };
  });
  assert.deepEqual(byHand.pair, ['softmax', 'softmax_ce']);
  let written;
  await withPage(b, '#dataset=blobs', async (page) => {
    assert.equal((await readState(page)).message, '');
    assert.deepEqual(await pair(page), byHand.pair, 'the same output and loss as picking the blobs');
    assert.deepEqual(await hashParams(page), byHand.hash, 'and the same link');
    assert.equal(await outputs(page), 3);
    // A tanh output chosen on the blobs: the link names it, and its MSE, so that it comes back.
    await page.click('details.more summary');
    await choose(page, 'outputActivation', 'tanh');
    assert.deepEqual(await pair(page), ['tanh', 'mse']);
    written = await page.evaluate(() => location.hash);
    assert.deepEqual(await hashParams(page), { dataset: 'blobs', outputActivation: 'tanh', loss: 'mse' });
  });
  await withPage(b, written, async (page) => {
    assert.equal((await readState(page)).message, '');
    assert.deepEqual(await pair(page), ['tanh', 'mse'], written);
  });
  // A regression set the same way: its linear output, as picking the plane gives.
  await withPage(b, '#dataset=plane', async (page) => {
    assert.deepEqual(await pair(page), ['linear', 'mse']);
  });
});

test('a link naming "your data" without points runs on the page\'s own, and the link the page then writes carries them', T, async () => {
  let shared, run;
  await withPage(b, '#dataset=plane', async (page) => {
    await page.click('#datasets [data-dataset="custom"]');  // the plane's 200 targets adopted as the learner's
    await frames(page);
    const points = (await hashParams(page)).data;
    assert.match(points, /^1r/);
    // A link followed in the same tab (a teacher's, for whatever points the learner has).
    await page.evaluate(() => { location.hash = '#dataset=custom&hidden=3'; });
    await frames(page, 4);
    assert.equal((await readState(page)).message, '');
    assert.deepEqual(await hashParams(page), { dataset: 'custom', hidden: '3', outputActivation: 'linear', data: points }, 'the points stay in the link');
    await page.click('#share');
    await frames(page);
    shared = new URL(await page.inputValue('#share-url')).hash;
    assert.equal((await readState(page)).message, '', 'not "more than 500 points, too many for a link"');
    await page.click('#share-close');
    await stepEpochs(page, 5);
    run = await readState(page);
  });
  await withPage(b, shared, async (page) => {
    assert.equal((await readState(page)).message, '', 'not "carries no points; using the default dataset"');
    await stepEpochs(page, 5);
    const again = await readState(page);
    assert.deepEqual([again.trainLoss, again.testLoss], [run.trainLoss, run.testLoss]);
  });
});

test('a curve link without points runs on the learner\'s curve, kept aside or not, never on their 2-D points', T, async () => {
  await withPage(b, '', async (page) => {
    await page.click('#datasets [data-dataset="custom"]');  // XOR's points as the learner's 2-D points
    await frames(page);
    await page.evaluate(() => { location.hash = '#dataset=curve&hidden=3'; });
    await frames(page, 4);
    // Not a "curve" of XOR's x1 against its classes 0 and 1.
    assert.match((await readState(page)).message, /the link names curve data but carries no points; using the default dataset/);
    assert.deepEqual(await hashParams(page), { hidden: '3' });
  });
  await withPage(b, '#dataset=sine', async (page) => {
    await page.click('#datasets [data-dataset="curve"]');  // the sine's points as the learner's curve
    await frames(page);
    const curve = (await hashParams(page)).data;
    await page.click('#datasets [data-dataset="custom"]');  // then 2-D points: the curve is kept aside
    await frames(page);
    await page.evaluate(() => { location.hash = '#dataset=curve&hidden=3'; });
    await frames(page, 4);
    assert.equal((await readState(page)).message, '');
    assert.deepEqual(await hashParams(page), { dataset: 'curve', hidden: '3', outputActivation: 'linear', data: curve });
  });
});

test('a curve link without points falls back to the default dataset whole: XOR with its two inputs', T, async () => {
  await withPage(b, '#dataset=curve&hidden=8', async (page) => {
    assert.match((await readState(page)).message, /carries no points; using the default dataset/);
    assert.deepEqual(await hashParams(page), { hidden: '8' }, 'no features=x1 left behind');
    assert.equal(await page.$$eval('#network [data-unit]', (els) => els.length), 8 + 1);
  });
});

test('a value too small for the core\'s floats is refused alone: the rest of the link applies', T, async () => {
  await withPage(b, '#dataset=spiral&hidden=8,8&learningRate=1e-50', async (page) => {
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /learningRate: '1e-50' is 0 as a 32-bit float, out of range \(0, 100\]; using 0\.03/);
    assert.doesNotMatch(s.message, /do not fit together/);
    assert.deepEqual(await hashParams(page), { dataset: 'spiral', hidden: '8,8' });
  });
});

test('Share with no points says there are none to carry, not too many', T, async () => {
  await withPage(b, '', async (page) => {
    await page.click('#draw-clear');
    await frames(page);
    await page.click('#share');
    await frames(page);
    const s = await readState(page);
    assert.equal(s.message, 'Your data has no points yet, so a link would carry none: draw some first.');
    assert.doesNotMatch(s.message, /more than/);
  });
});
