// End-to-end: training on the playground page in headless Chromium: Play/Pause to a low loss,
// the step modes, shared links that reproduce a run exactly, instructor links that hide controls,
// malformed links, divergence and recovery, model files, early stopping.
// Not here: the engine's numbers themselves (tests/wasm/), the controls one by one (-controls).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
  useBrowser, withPage, frames, choose, slide, play, pause, readState, hashParams, trainUntil, engineReference,
  screenshot, type, check, stepEpochs,
} from './browser.mjs';
import { paramIndex, linkWidth } from '../../web/views/network.js';
import { signColor } from '../../web/views/colors.js';
import { HISTORY_CAPACITY } from '../../web/history.js';

const b = useBrowser();
const T = { timeout: 40000 };

async function step(page, n = 1) {
  for (let i = 0; i < n; ++i) await page.click('#step');
  await frames(page);
}

test('XOR and circles train to a low test loss with Play and Pause', T, async () => {
  // XOR as the page opens (seed 2), except the speed.
  await withPage(b, '#speed=100', async (page) => {
    const start = await readState(page);
    assert.equal(start.epoch, 0);
    assert.ok(start.testLoss > 0.3, `untrained test loss ${start.testLoss}`);
    await trainUntil(page, (s) => s.testAccuracy >= 95 && s.epoch >= 200);
    const s = await readState(page);
    assert.equal(s.playing, false, 'Pause stops training');
    assert.ok(s.testAccuracy >= 95, `XOR test accuracy ${s.testAccuracy}%`);
    assert.ok(s.testLoss < start.testLoss / 3, `XOR test loss ${start.testLoss} -> ${s.testLoss}`);
    await frames(page, 3);
    assert.equal((await readState(page)).epoch, s.epoch, 'paused: no more epochs');
    assert.match(await page.getAttribute('#chart canvas', 'aria-label'), /Latest: test \d/);
  });
  await withPage(b, '#dataset=circles&noise=0.1&points=100&speed=100&seed=1', async (page) => {
    await trainUntil(page, (s) => s.testLoss < 0.1);
    const s = await readState(page);
    assert.ok(s.testLoss < 0.1, `circles test loss ${s.testLoss}`);
    assert.ok(s.testAccuracy >= 90, `circles test accuracy ${s.testAccuracy}%`);
  });
});

// Animation frames the page itself asks for while `n` frames go by (the test's own are not counted).
function pageFrameRequests(page, n) {
  return page.evaluate((count) => new Promise((resolve) => {
    const original = window.requestAnimationFrame;
    let requests = 0;
    window.requestAnimationFrame = (callback) => { requests += 1; return original.call(window, callback); };
    const tick = (k) => {
      if (k > 0) return original.call(window, () => tick(k - 1));
      window.requestAnimationFrame = original;
      resolve(requests);
    };
    tick(count);
  }), n);
}

test('an idle page draws no frames: the loop runs while training or redrawing, and stops on Pause', T, async () => {
  await withPage(b, '', async (page) => {
    await frames(page, 3);
    assert.equal(await pageFrameRequests(page, 6), 0, 'idle: no frames asked for');
    await play(page);
    assert.ok(await pageFrameRequests(page, 6) >= 4, 'playing: a frame asks for the next');
    await pause(page);
    await frames(page, 2);
    const { epoch } = await readState(page);
    assert.equal(await pageFrameRequests(page, 6), 0, 'paused: the loop stopped');
    await page.click('#step');
    await frames(page, 2);
    assert.equal((await readState(page)).epoch, epoch + 1, 'a step still redraws the page');
    assert.equal(await pageFrameRequests(page, 6), 0, 'and the loop stops again');
  });
});

test('while playing, the links and pictures are redrawn every few frames; paused, they show the core\'s numbers', T, async () => {
  await withPage(b, '#dataset=circles&hidden=4,3', async (page) => {
    const links = () => page.$$eval('#network path.link', (ps) => ps.map((p) => [p.dataset.param, p.getAttribute('stroke'), p.getAttribute('stroke-width')]));
    const before = await links();
    await play(page);
    await frames(page, 12);
    await pause(page);
    const { epoch } = await readState(page);
    assert.ok(epoch >= 8, `${epoch} epochs played`);
    // The same run again, in a fresh engine: whole epochs from the seed's weights.
    const { params, sizes } = await engineReference(page, `(engine) => { engine.trainEpochs(${epoch}); return { params: engine.params(), sizes: engine.layerSizes() }; }`);
    const shown = await links();
    assert.equal(shown.length, 2 * 4 + 4 * 3 + 3 * 1);
    for (const [param, stroke, width] of shown) {
      const [layer, to, from] = param.split(':').map(Number);
      const w = params[paramIndex(sizes, layer, to, from)];
      assert.equal(stroke, signColor(w), `link ${param}, weight ${w}`);
      assert.equal(width, linkWidth(w).toFixed(1), `link ${param}, weight ${w}`);
    }
    assert.notDeepEqual(shown, before, 'training moved the links');
    // The nodes' pictures as Pause left them are those of the paused weights: drawing again (the
    // log-scale switch, twice, redraws the page) changes no pixel.
    const pictures = () => page.$eval('#network canvas.pictures', (c) => c.toDataURL());
    const paused = await pictures();
    for (let i = 0; i < 2; ++i) {
      await page.click('input[data-key="logScale"]');
      await frames(page);
    }
    assert.equal(await pictures(), paused);
  });
});

test('"As fast as possible" trains many epochs per frame, and the choice travels in the link', T, async () => {
  await withPage(b, '', async (page) => {
    await choose(page, 'speed', 'max');
    assert.equal((await hashParams(page)).speed, 'max');
    assert.equal(await page.$eval('select[data-key="speed"] option:checked', (o) => o.textContent), 'As fast as possible');
    await play(page);
    await frames(page, 10);
    await pause(page);
    // The default XOR net trains an epoch in microseconds: a frame's 2 to 10 ms of training holds
    // hundreds, where 1 epoch per frame would give about 10 here.
    const { epoch } = await readState(page);
    assert.ok(epoch >= 50, `${epoch} epochs in about 10 frames`);
    await frames(page, 3);
    assert.equal((await readState(page)).epoch, epoch, 'paused: no more epochs');
  });
  await withPage(b, '#speed=max', async (page) => {
    assert.equal(await page.inputValue('select[data-key="speed"]'), 'max');
    assert.equal((await readState(page)).message, '');
  });
});

test('a deep network on the spiral trains and is drawn (screenshot)', T, async () => {
  const hash = '#dataset=spiral&points=200&hidden=8,8,6,4&activation=tanh&learningRate=0.03' +
    '&features=x1,x2,x1%5E2,x2%5E2,sin_x1,sin_x2&batchSize=5&speed=30';
  await withPage(b, hash, async (page) => {
    const start = await readState(page);
    await stepEpochs(page, 300);
    const s = await readState(page);
    assert.equal(s.epoch, 300);
    assert.ok(s.trainLoss < start.trainLoss, `spiral training loss ${start.trainLoss} -> ${s.trainLoss}`);
    assert.equal(await page.$$eval('#network [data-unit]', (els) => els.length), 8 + 8 + 6 + 4 + 1);
    await screenshot(page, 'playground-training-spiral.png', { fullPage: true });
  });
});

test('Step advances one epoch, one mini-batch or one example, as chosen', T, async () => {
  // 20 points, half for training: an epoch is 2 mini-batches of 5, or 10 examples.
  await withPage(b, '#points=20&batchSize=5', async (page) => {
    const epoch = async () => {
      const s = await readState(page);
      assert.equal(await page.textContent('#epoch'), String(s.epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ','));
      return s.epoch;
    };
    await step(page);
    assert.equal(await epoch(), 1);
    await step(page, 2);
    assert.equal(await epoch(), 3);

    await choose(page, 'stepMode', 'batch');
    assert.equal((await hashParams(page)).stepMode, 'batch');
    const before = await readState(page);
    await step(page);
    const half = await readState(page);
    assert.equal(half.epoch, 3, 'half an epoch');
    assert.notEqual(half.trainLoss, before.trainLoss, 'one mini-batch changed the weights');
    await step(page);
    assert.equal(await epoch(), 4, 'two mini-batches make an epoch');

    await choose(page, 'stepMode', 'example');
    for (let i = 0; i < 9; ++i) await step(page);
    assert.equal(await epoch(), 4, '9 of 10 examples');
    await step(page);
    assert.equal(await epoch(), 5, 'the 10th example completes the epoch');
    assert.equal((await readState(page)).playing, false);
  });
});

test('a shared link reproduces the set-up and the numbers; hide= hides controls', T, async () => {
  const N = 15;
  let link, loss, trainLoss;
  await withPage(b, '', async (page) => {
    // Set up by hand: dataset, noise, architecture, activation, learning rate, seed, features.
    await page.click('#datasets [data-dataset="moons"]');
    await slide(page, 'noise', 0.15);
    await page.click('#network button[aria-label="add a neuron to hidden layer 2"]');
    await choose(page, 'activation', 'relu');
    await choose(page, 'learningRate', '0.1');
    await page.click('#rerun');  // new weights: seed 3
    await page.click('#network [data-feature="x1*x2"]');
    await frames(page);
    await page.click('#share');
    // The dialog fills its link as it opens: read it once it is there, not before.
    await page.waitForSelector('#share-dialog[open]', { timeout: 10000 });
    await page.waitForFunction(() => document.getElementById('share-url').value !== '', null, { timeout: 10000 });
    link = await page.inputValue('#share-url');
    const hash = await hashParams(page);
    assert.deepEqual(hash, {
      dataset: 'moons', noise: '0.15', features: 'x1,x2,x1*x2', hidden: '4,3', activation: 'relu', seed: '3',
      learningRate: '0.1',
    });
    assert.ok(link.endsWith(await page.evaluate(() => location.hash)), `share link ${link}`);
    await page.keyboard.press('Escape');  // the Share / embed dialog is modal
    await step(page, N);
    ({ testLoss: loss, trainLoss } = await readState(page));
    assert.ok(Number.isFinite(loss));

    // Instructor: hide the learning rate and the data panel from the link.
    await page.click('#share');
    await page.check('#hide-options input[value="learningRate"]');
    await page.check('#hide-options input[value="dataPanel"]');
    const hidden = await page.inputValue('#share-url');
    assert.match(hidden, /hide=learningRate,dataPanel/);
    const s = await readState(page);
    assert.equal(s.epoch, N, 'sharing does not disturb training');
    link = { plain: link, hidden };
  });

  await withPage(b, new URL(link.plain).hash, async (page) => {
    assert.equal(await page.getAttribute('#datasets [data-dataset="moons"]', 'aria-checked'), 'true');
    assert.equal(await page.textContent('output[data-for="noise"]'), '15%');
    assert.equal(await page.inputValue('select[data-key="activation"]'), 'relu');
    assert.equal(await page.inputValue('select[data-key="learningRate"]'), '0.1');
    assert.equal(await page.getAttribute('#network [data-feature="x1*x2"]', 'aria-checked'), 'true');
    assert.match(await page.textContent('#network .neuron-controls:nth-of-type(3)'), /3/);
    await page.click('details.more summary');
    assert.equal(await page.inputValue('input[data-key="seed"]'), '3');
    assert.equal((await readState(page)).message, '');
    await step(page, N);
    const s = await readState(page);
    assert.equal(s.epoch, N);
    assert.equal(s.testLoss, loss, 'same link, same steps: the same test loss');
    assert.equal(s.trainLoss, trainLoss);
  });

  await withPage(b, new URL(link.hidden).hash, async (page) => {
    assert.equal(await page.isVisible('select[data-key="learningRate"]'), false);
    assert.equal(await page.isVisible('#data-panel'), false);
    assert.equal(await page.isVisible('select[data-key="activation"]'), true);
    assert.equal(await page.isVisible('#network-panel'), true);
    await step(page);
    assert.equal((await readState(page)).epoch, 1);
  });
});

test('a malformed link names the bad keys, uses defaults for them, and the page works', T, async () => {
  await withPage(b, '#learningRate=abc&hidden=4,x&foo=1&noise=0.3', async (page) => {
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /learningRate/);
    assert.match(s.message, /hidden/);
    assert.match(s.message, /foo/);
    assert.doesNotMatch(s.message, /noise/);
    assert.equal(await page.inputValue('select[data-key="learningRate"]'), '0.03');
    assert.equal(await page.$$eval('#network [data-unit]', (els) => els.length), 4 + 2 + 1);
    assert.equal(await page.textContent('output[data-for="noise"]'), '30%', 'the good key is kept');
    // The link is rewritten to what is in use.
    assert.deepEqual(await hashParams(page), { noise: '0.3' });
    await step(page, 3);
    const after = await readState(page);
    assert.equal(after.epoch, 3);
    assert.ok(Number.isFinite(after.testLoss));
  });
});

test('divergence pauses with advice about the learning rate; Reset recovers', T, async () => {
  const hash = '#dataset=plane&activation=linear&outputActivation=linear&hidden=8,8&learningRate=10';
  await withPage(b, hash, async (page) => {
    await play(page);
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    await frames(page);
    const s = await readState(page);
    assert.equal(s.playing, false, 'training paused itself');
    assert.equal(s.messageKind, 'error');
    assert.match(s.message, /learning rate/i);
    assert.match(s.message, /reset/i);
    await screenshot(page, 'playground-divergence.png');
    // Play again: refused, training stays put.
    await page.click('#play');
    await frames(page, 3);
    const again = await readState(page);
    assert.equal(again.playing, false);
    assert.equal(again.epoch, s.epoch);
    assert.match(again.message, /learning rate/i);
    // The learner does what the message says: lower the learning rate, then reset.
    await choose(page, 'learningRate', '0.01');
    await page.click('#reset');
    await frames(page);
    const reset = await readState(page);
    assert.equal(reset.message, '', 'the message goes with the reset');
    assert.equal(reset.epoch, 0);
    assert.ok(Number.isFinite(reset.testLoss) && Number.isFinite(reset.trainLoss));
    await trainUntil(page, (x) => x.epoch >= 20);
    const trained = await readState(page);
    assert.equal(trained.message, '');
    assert.ok(Number.isFinite(trained.testLoss) && trained.testLoss < reset.testLoss,
      `test loss ${reset.testLoss} -> ${trained.testLoss}`);
  });
});

test('Save model after divergence says there is no model to save, and the page goes on', T, async () => {
  await withPage(b, '#learningRate=100&dataset=circles&activation=relu&outputActivation=linear', async (page) => {
    await step(page, 3);
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.click('#model-save');
    await frames(page);
    const s = await readState(page);
    assert.equal(s.messageKind, 'error');
    assert.match(s.message, /^There is no model to save: the weights diverged .* Lower the learning rate, then reset\.$/);
    // Reset gives finite weights again, which save.
    await page.click('#reset');
    await frames(page);
    const model = JSON.parse(await savedModelText(page));
    assert.equal(model.epoch, 0);
    assert.equal(downloads, 1, 'no file for the diverged weights, one after Reset');
  });
});

test('Save model downloads JSON; Load model restores the same weights', T, async () => {
  let file, saved;
  await withPage(b, '#dataset=circles&points=80&hidden=5&seed=3', async (page) => {
    await step(page, 25);
    saved = await readState(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
    assert.equal(download.suggestedFilename(), 'backprop-model.json');
    file = fs.readFileSync(await download.path(), 'utf8');
    const model = JSON.parse(file);
    assert.equal(model.format, 'backprop-playground-model');
    assert.deepEqual(model.layerSizes, [2, 5, 1]);
    assert.equal(model.epoch, 25);
    assert.equal(model.settings.dataset, 'circles');
  });
  await withPage(b, '', async (page) => {
    const fresh = await readState(page);
    assert.notEqual(fresh.testLoss, saved.testLoss);
    await page.setInputFiles('#model-load', { name: 'my-model.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    await frames(page);
    const s = await readState(page);
    assert.equal(s.messageKind, 'info');
    // The counter starts at 0 and the message says so, rather than claiming 25 epochs beside 000,000.
    assert.equal(s.epoch, 0);
    assert.equal(await page.textContent('#epoch'), '000,000');
    assert.match(s.message, /Loaded: my-model\.json holds the weights saved after 25 epochs; training on from them counts from epoch 0 again/);
    assert.doesNotMatch(s.message, /trained 25 epochs/);
    assert.equal(s.testLoss, saved.testLoss, 'the loaded weights give the saved test loss');
    assert.equal(s.trainLoss, saved.trainLoss);
    const hash = await hashParams(page);
    assert.equal(hash.dataset, 'circles');
    assert.equal(hash.hidden, '5');
    assert.equal(await page.$$eval('#network [data-unit]', (els) => els.length), 5 + 1);
    // A file that is not a model: an error, and the loaded model stays.
    await page.setInputFiles('#model-load', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') });
    await page.waitForFunction(() => document.getElementById('message').className.includes('error'));
    const bad = await readState(page);
    assert.match(bad.message, /Could not load notes\.json: not a Backprop Playground model file/);
    assert.equal(bad.testLoss, saved.testLoss);
    // Training on counts from 0, as the message said.
    await page.click('#step');
    await frames(page);
    assert.equal((await readState(page)).epoch, 1);
  });
});

async function savedModelText(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
  return fs.readFileSync(await download.path(), 'utf8');
}
async function loadModelText(page, text) {
  await page.setInputFiles('#model-load', { name: 'adam.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => !document.getElementById('message').hidden);
  await frames(page);
}

test('Load model starts from epoch 0 even when its settings are the page\'s: fresh Adam state and decay, run B too', T, async () => {
  const hash = '#optimizer=adam&decay=exponential&decayRate=0.9&compare=1';
  let file, onward;
  await withPage(b, hash, async (page) => {
    await step(page, 20);
    file = await savedModelText(page);
    await step(page, 10);
    await loadModelText(page, file);
    const s = await readState(page);
    assert.equal(s.epoch, 0, 'the counter starts again');
    assert.equal(await page.textContent('#compare-run-b dd[data-metric="epoch"]'), '0', 'run B starts over with run A');
    await step(page, 5);
    onward = JSON.parse(await savedModelText(page)).params;
  });
  // The same file in a fresh page, trained as far: the same weights (same learning rate, same Adam state).
  await withPage(b, hash, async (page) => {
    await loadModelText(page, file);
    await step(page, 5);
    assert.deepEqual(JSON.parse(await savedModelText(page)).params, onward);
  });
});

test('the chart legend names two styles (test solid, training dashed); the panels are titled loss and accuracy', T, async () => {
  await withPage(b, '#points=60', async (page) => {
    const items = await page.$$eval('#chart .chart-legend-item', (els) => els.map((e) => ({
      name: e.textContent, style: getComputedStyle(e.firstChild).borderTopStyle })));
    assert.deepEqual(items, [{ name: 'test', style: 'solid' }, { name: 'training', style: 'dashed' }]);
    // With a validation split its dotted style is the third entry.
    await page.evaluate(() => { location.hash = '#points=60&validationRatio=0.2'; });
    await page.waitForFunction(() => document.querySelectorAll('#chart .chart-legend-item').length === 3);
    assert.deepEqual(await page.$$eval('#chart .chart-legend-item', (els) => els.map((e) => e.textContent)), ['test', 'training', 'validation']);
  });
});

test('regression shows no accuracy, on the playground or in the comparison; classes bring it back', T, async () => {
  await withPage(b, '#dataset=plane&outputActivation=linear&compare=1', async (page) => {
    const accuracies = async () => ({
      playground: await page.isVisible('#test-accuracy'),
      compare: await page.$$eval('#compare-panel dd[data-metric$="accuracy"]', (dds) => dds.filter((dd) => dd.checkVisibility()).length),
    });
    await stepEpochs(page, 2);
    assert.deepEqual(await accuracies(), { playground: false, compare: 0 });
    await page.click('#datasets [data-dataset="blobs"]');
    await stepEpochs(page, 2);
    assert.deepEqual(await accuracies(), { playground: true, compare: 4 });
    assert.match(await page.textContent('#test-accuracy'), /^\d+\.\d%$/);
    await page.click('#datasets [data-dataset="sine"]');
    await stepEpochs(page, 2);
    assert.deepEqual(await accuracies(), { playground: false, compare: 0 });
  });
});

test('a long run\'s chart draws from at most HISTORY_CAPACITY records, the first and the newest among them', { timeout: 120000 }, async () => {
  // The chart walks every record each frame: the run's length must not make each frame longer.
  const epochs = 2 * HISTORY_CAPACITY + 100;
  await withPage(b, '#dataset=gaussians&points=40', async (page) => {
    await stepEpochs(page, epochs);
    assert.equal((await readState(page)).epoch, epochs);
    const records = Number(await page.getAttribute('#chart', 'data-records'));
    assert.ok(records <= HISTORY_CAPACITY && records >= HISTORY_CAPACITY / 2, `${records} records after ${epochs} epochs`);
    const { first, last } = await page.evaluate(async () => {
      const { page: p } = await import('./playground/page.js');
      return { first: p.history.epochs[0], last: p.history.epochs.at(-1) };
    });
    assert.deepEqual([first, last], [0, epochs]);
  });
});

test('early stopping on the validation split stops by itself and says so', T, async () => {
  const hash = '#dataset=gaussians&noise=0.8&points=60&validationRatio=0.3&earlyStopping=1&patience=20' +
    '&hidden=8,8&learningRate=0.3&speed=20';
  await withPage(b, hash, async (page) => {
    assert.equal(await page.isVisible('#validation-metric'), true, 'the validation loss is shown');
    await play(page);
    await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 20000 });
    await frames(page);
    const s = await readState(page);
    assert.equal(s.playing, false, 'training stopped by itself');
    assert.equal(s.messageKind, 'info');
    assert.match(s.message, /Early stopping: the validation loss has not improved for 20 epochs/);
    const best = Number(/validation loss ([\d.]+)\)/.exec(s.message)[1]);
    assert.ok(Math.abs(s.validationLoss - best) < 1e-4,
      `the shown validation loss ${s.validationLoss} is that of the restored weights (${best})`);
    assert.ok(await page.$eval('#chart canvas', (c) => c.width > 0 && c.height > 0), 'the chart is drawn');
    assert.match(await page.getAttribute('#chart canvas', 'aria-label'), /validation/);
  });
});

test('at Training data 100%, raising Validation data takes its share from the training data, as early stopping\'s advice asks', T, async () => {
  // Drawn points start with all of them in training (trainRatio 1).
  await withPage(b, '#points=60&trainRatio=1&earlyStopping=1', async (page) => {
    await play(page);
    assert.match((await readState(page)).message, /Early stopping needs validation data: set "Validation data" above 0%/);
    await pause(page);
    await slide(page, 'validationRatio', 0.05);
    const s = await readState(page);
    assert.equal(s.messageKind === 'error' ? s.message : '', '', 'not refused');
    assert.equal(await page.inputValue('#validationRatio-slider'), '0.05');
    assert.equal(await page.inputValue('#trainRatio-slider'), '0.95');
    assert.deepEqual([(await hashParams(page)).trainRatio, (await hashParams(page)).validationRatio], ['0.95', '0.05']);
    assert.equal(await page.isVisible('#validation-metric'), true, 'the validation loss is measured');
    // And back: training raised to 100% takes its share from the validation data.
    await slide(page, 'validationRatio', 0.2);
    assert.equal(await page.inputValue('#trainRatio-slider'), '0.8');
    await slide(page, 'trainRatio', 1);
    assert.equal((await readState(page)).messageKind === 'error', false, 'not refused');
    assert.equal(await page.inputValue('#trainRatio-slider'), '1');
    assert.equal(await page.inputValue('#validationRatio-slider'), '0');
  });
});

test('a typed patience out of range is refused with a message, as an engine setting is; the link keeps the last good one', T, async () => {
  await withPage(b, '#validationRatio=0.2&earlyStopping=1&patience=5', async (page) => {
    await page.click('details.more summary');
    for (const [typed, reason] of [['0', /^patience '0' is out of range 1\.\.1000$/], ['-3', /'-3' is out of range/],
      ['2.5', /'2\.5' is not a whole number/], ['', /^patience '' is not a number$/]]) {
      await type(page, 'patience', typed);
      const s = await readState(page);
      assert.equal(s.messageKind, 'error', `patience '${typed}'`);
      assert.match(s.message, reason);
      assert.equal(await page.inputValue('input[data-key="patience"]'), '5', 'the control shows the patience in use');
      assert.equal((await hashParams(page)).patience, '5');
    }
    await page.click('#reset');
    await step(page, 3);
    assert.equal((await readState(page)).message, '', 'no early stop after one epoch');
    assert.equal((await readState(page)).epoch, 3);
  });
});

test('an engine setting typed too large to be a number (1e999) or left empty is refused in the page\'s words, not "got nan"', T, async () => {
  await withPage(b, '#init=normal_scale&initScale=0.5', async (page) => {
    await page.click('details.more summary');
    // The number field holds no number then (the browser clears a value it cannot read): the core
    // used to say "initScale must be in (0, 10] (got nan)".
    for (const [key, typed, label] of [['initScale', '1e999', 'initial weight scale'], ['biasInit', '', 'bias init'], ['seed', '-1e999', 'seed']]) {
      const before = await page.inputValue(`input[data-key="${key}"]`);
      await type(page, key, typed);
      const s = await readState(page);
      assert.equal(s.messageKind, 'error', `${key} '${typed}'`);
      assert.equal(s.message, `${label} '' is not a number`);
      assert.equal(await page.inputValue(`input[data-key="${key}"]`), before, 'the control shows the value in use');
    }
    assert.deepEqual(await hashParams(page), { init: 'normal_scale', initScale: '0.5' });
  });
});

test('a display option keeps the training-health warning; a new run clears it and may say it again', T, async () => {
  await withPage(b, '#learningRate=100', async (page) => {
    await step(page, 5);
    assert.match((await readState(page)).message, /^The output tanh is saturated/);
    await check(page, 'logScale');
    assert.equal((await hashParams(page)).logScale, '1');
    assert.match((await readState(page)).message, /^The output tanh is saturated/, 'still on show after Log scale');
    // Another seed is a new run: the warning about the last one goes, and this run's is said.
    await page.click('details.more summary');
    await type(page, 'seed', 5);
    await frames(page);
    assert.equal((await readState(page)).epoch, 0);
    assert.equal((await readState(page)).message, '');
    await step(page, 5);
    const again = await readState(page);
    assert.equal(again.messageKind, 'warning');
    assert.match(again.message, /The learning rate \(100\) is probably too large/, 'said for the new run');
  });
});

test('the layer view shows gradients vanishing towards the input in a deep sigmoid net, with the core\'s numbers', T, async () => {
  const hash = '#dataset=circles&points=100&hidden=8,8,8,8,8,8&activation=sigmoid';
  await withPage(b, hash, async (page) => {
    await step(page, 5);
    const rows = await page.$$eval('#layer-stats tbody tr', (trs) => trs.map((r) => ({
      gradient: Number(r.dataset.gradient), slope: Number(r.dataset.slope), histogram: r.dataset.histogram.split(',').map(Number),
      bars: [...r.querySelectorAll('.act .histogram rect')].map((rect) => Number(rect.getAttribute('height'))),
      range: [r.querySelector('.lo').textContent, r.querySelector('.hi').textContent] })));
    assert.equal(rows.length, 7, 'one row per weight layer');
    const gradients = rows.map((r) => r.gradient);
    assert.ok(gradients.every((g) => g > 0 && Number.isFinite(g)), `gradients ${gradients}`);
    assert.ok(gradients[0] < gradients[6] / 10, `first layer ${gradients[0]} vs last ${gradients[6]}`);
    assert.match(await page.textContent('#layer-stats tbody tr:first-child th'), /inputs → h1/);

    // The same five epochs in a fresh engine: the page shows the core's statistics, unchanged.
    const expected = await page.evaluate(async () => {
      const { Engine } = await import('./engine.js');
      const { parseHash, engineSettings } = await import('./state.js');
      const engine = new Engine(await window.createBackpropCore());
      engine.configure(engineSettings(parseHash(location.hash).state));
      engine.trainEpochs(5);
      const stats = engine.layerStats().map((s) => ({ ...s, histogram: Array.from(s.histogram) }));
      engine.dispose();
      return stats;
    });
    rows.forEach((r, l) => {
      assert.equal(r.gradient, expected[l].gradientNorm, `|dJ/dW| of layer ${l}`);
      assert.equal(r.slope, expected[l].slopeMean, `mean slope of layer ${l}`);
      assert.deepEqual(r.histogram, expected[l].histogram, `histogram of layer ${l}`);
    });
    // Sigmoid layers pass back at most a quarter of each delta, over sigmoid's own range [0, 1].
    for (const r of rows.slice(0, 6)) {
      assert.ok(r.slope > 0 && r.slope <= 0.25, `slope ${r.slope}`);
      assert.deepEqual(r.range, ['0', '1']);
      // The tallest bin is drawn full height and an empty one not at all.
      const top = r.histogram.indexOf(Math.max(...r.histogram));
      assert.equal(r.bars[top], 20);
      r.histogram.forEach((f, i) => { if (f === 0) assert.equal(r.bars[i], 0); });
    }
    // The record under the table: one line per layer, one sample per epoch stepped (and the start).
    const legend = await page.$$eval('#layer-stats .chart-legend-item', (items) => items.map((i) => i.textContent));
    assert.deepEqual(legend, ['inputs → h1', 'h1 → h2', 'h2 → h3', 'h3 → h4', 'h4 → h5', 'h5 → h6', 'h6 → output']);
    assert.equal(await page.getAttribute('#layer-stats .layer-history', 'data-samples'), '6');

    // ReLU instead: no quarter-slope ceiling, and the record starts again for the new run.
    await choose(page, 'activation', 'relu');
    await step(page, 1);
    const slopes = await page.$$eval('#layer-stats tbody tr', (trs) => trs.slice(0, 6).map((r) => Number(r.dataset.slope)));
    assert.ok(slopes.some((v) => v > 0.25), `ReLU slopes ${slopes}`);
    assert.equal(await page.getAttribute('#layer-stats .layer-history', 'data-samples'), '2');
  });
});

test('the layer view\'s mean f′ of a softmax output says δ = a − y rather than a slope of 1, in English and French', T, async () => {
  const lastSlope = (page) => page.$eval('#layer-stats tbody tr:last-child', (r) => ({
    text: r.querySelector('.slope').textContent, title: r.querySelector('.slope').title, data: r.dataset.slope }));
  await withPage(b, '#dataset=blobs&outputActivation=softmax&loss=softmax_ce', async (page) => {
    await step(page, 2);
    const hidden = await page.$$eval('#layer-stats tbody tr .slope', (tds) => tds.slice(0, -1).map((td) => td.textContent));
    assert.ok(hidden.every((v) => /^\d\.\d\d$/.test(v)), `the hidden layers keep their slopes: ${hidden}`);
    const softmax = await lastSlope(page);
    assert.deepEqual(softmax, { text: '—', data: '',
      title: 'softmax has no slope per unit: each output depends on every z. With cross-entropy the output\'s δ = a − y.' });
    await page.selectOption('#language', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await step(page, 1);
    assert.match((await lastSlope(page)).title, /^softmax n’a pas de pente par unité .* le δ de la sortie vaut a − y\.$/);
  });
  // A sigmoid output with cross-entropy has a slope of its own, shown, and said to cancel.
  await withPage(b, '#outputActivation=sigmoid&loss=bce', async (page) => {
    await step(page, 2);
    const bce = await lastSlope(page);
    assert.match(bce.text, /^0\.\d\d$/);
    assert.match(bce.title, /cancels against cross-entropy's: the output's δ = a − y/);
  });
});
