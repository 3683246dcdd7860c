// End-to-end: the playground page's controls, used as a learner would (click, select, type, drag,
// keyboard) in headless Chromium. Each test checks what the page shows and the URL it keeps.
// Not here: training to a target loss, sharing, data import (playground-training / -data tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
  useBrowser, withPage, frames, goTo, choose, slide, type, check, readState, hashParams,
  plotPicture, hoverSvg, touchGesture, engineReference,
} from './browser.mjs';
import { paramIndex } from '../../web/views/network.js';
import { signColor, NEUTRAL } from '../../web/views/colors.js';

const b = useBrowser();
const T = { timeout: 30000 };
// Few points and many epochs per frame: training in these tests takes a fraction of a second.
const FAST = '#points=60&speed=20';

async function stepEpochs(page, n) {
  for (let i = 0; i < n; ++i) await page.click('#step');
  await frames(page);
}

test('each dataset thumbnail sets the problem, the output plot and a fitting output/loss', T, async () => {
  await withPage(b, '', async (page) => {
    const expected = {
      xor: 'classification', circles: 'classification', gaussians: 'classification', spiral: 'classification',
      moons: 'classification', blobs: '3-class classification', multi_spiral: '3-class classification',
      plane: 'regression', multi_gaussian: 'regression', sine: 'regression', step: 'regression', abs: 'regression',
      bump: 'regression',
    };
    const names = await page.$$eval('#datasets button[data-dataset]', (bs) => bs.map((x) => x.dataset.dataset));
    assert.deepEqual(names, [...Object.keys(expected).slice(0, 9), 'custom', ...Object.keys(expected).slice(9), 'curve']);
    assert.equal(await page.getAttribute('#datasets [data-dataset="xor"]', 'aria-checked'), 'true');
    let picture = await plotPicture(page);
    for (const [name, problem] of Object.entries(expected)) {
      if (name !== 'xor') {
        await page.click(`#datasets [data-dataset="${name}"]`);
        await frames(page);
      }
      assert.equal(await page.textContent('#problem'), problem, name);
      const checked = await page.$$eval('#datasets [aria-checked="true"]', (bs) => bs.map((x) => x.dataset.dataset));
      assert.deepEqual(checked, [name], `only ${name} is checked`);
      const out = await page.inputValue('select[data-key="outputActivation"]');
      const loss = await page.inputValue('select[data-key="loss"]');
      if (problem.includes('3-class')) assert.deepEqual([out, loss], ['softmax', 'softmax_ce'], name);
      else if (problem === 'regression') assert.deepEqual([out, loss], ['linear', 'mse'], name);
      else assert.deepEqual([out, loss], ['tanh', 'mse'], name);
      const hash = await hashParams(page);
      assert.equal(hash.dataset, name === 'xor' ? undefined : name);
      // Each dataset's own default point count (500 for the spiral), never written in the link.
      assert.equal(hash.points, undefined, name);
      assert.equal(await page.textContent('output[data-for="points"]'), name === 'spiral' ? '500' : '200', name);
      if (name !== 'xor') {
        const now = await plotPicture(page);
        assert.notEqual(now, picture, `the output plot changes for ${name}`);
        picture = now;
      }
      assert.equal((await readState(page)).message, '', `no message for ${name}`);
    }
    // Back to a binary dataset from regression: the pair returns to tanh + squared error.
    await page.click('#datasets [data-dataset="circles"]');
    await frames(page);
    assert.equal(await page.inputValue('select[data-key="outputActivation"]'), 'tanh');
    // Arrow keys move within the radio group.
    await page.focus('#datasets [data-dataset="circles"]');
    await page.keyboard.press('ArrowRight');
    await frames(page);
    assert.equal(await page.getAttribute('#datasets [data-dataset="gaussians"]', 'aria-checked'), 'true');
    assert.equal((await hashParams(page)).dataset, 'gaussians');
  });
});

test('regression is drawn on its targets\' scale, −1 to 1, whatever the output: a sigmoid near 0 is white, not orange', T, async () => {
  await withPage(b, '#dataset=plane&outputActivation=sigmoid&learningRate=0.3', async (page) => {
    await page.evaluate(() => { for (let i = 0; i < 30; ++i) document.getElementById('step').click(); });
    await frames(page);
    assert.match(await page.textContent('#plot .data-plot-legend'), /^output−101/, 'the colour bar runs from −1 to 1, as the points');
    // The bottom-left cell, where the targets are about −0.8: the sigmoid gives about 0 there.
    const output = await engineReference(page, (engine) => {
      for (let i = 0; i < 30; ++i) engine.trainEpochs(1);
      const grid = engine.evaluateGrid(64, -6, 6);
      return grid.values[(grid.nodes - 1) * 64 * 64 + 63 * 64];
    });
    assert.ok(output > 0 && output < 0.1, `output ${output} near 0`);
    const [r, g, bl] = await page.$eval('#plot canvas.data-plot-heatmap', (c) => [...c.getContext('2d').getImageData(0, c.height - 1, 1, 1).data]);
    assert.ok(Math.abs(r - bl) < 30 && g > 200, `an output near 0 is near white: ${r},${g},${bl}`);
    // Two classes: white at the sigmoid's threshold, 0.5, the colour bar from 0 to 1.
    await page.evaluate(() => { location.hash = '#outputActivation=sigmoid'; });
    await page.waitForFunction(() => document.getElementById('problem').textContent === 'classification');
    await frames(page);
    assert.match(await page.textContent('#plot .data-plot-legend'), /^class 000\.51class 1/);
  });
});

test('main controls: training keys keep the epoch, data and architecture keys start again', T, async () => {
  await withPage(b, FAST, async (page) => {
    const chartPicture = () => page.$eval('#chart canvas', (c) => c.toDataURL());
    const cases = [
      // [what the learner does, URL key, URL value, does training continue?, picture that changes]
      [() => choose(page, 'learningRate', '0.1'), 'learningRate', '0.1', true],
      [() => choose(page, 'l2', '0.001'), 'l2', '0.001', true],
      [() => choose(page, 'optimizer', 'adam'), 'optimizer', 'adam', true],
      [() => slide(page, 'batchSize', 5), 'batchSize', '5', true],
      [() => check(page, 'showTest'), 'showTest', '1', true, () => plotPicture(page)],
      [() => check(page, 'discretize'), 'discretize', '1', true, () => plotPicture(page)],
      [() => check(page, 'logScale'), 'logScale', '1', true, chartPicture],
      [() => choose(page, 'activation', 'relu'), 'activation', 'relu', false],
      [() => slide(page, 'noise', 0.2), 'noise', '0.2', false],
      [() => slide(page, 'points', 80), 'points', '80', false],
      [() => slide(page, 'trainRatio', 0.7), 'trainRatio', '0.7', false],
      [() => page.click('#regenerate').then(() => frames(page)), 'dataSeed', '2', false],
    ];
    for (const [act, key, value, keeps, picture] of cases) {
      await stepEpochs(page, 3);
      const before = await readState(page);
      assert.equal(before.epoch, 3, `3 steps before changing ${key}`);
      const pictureBefore = picture && await picture();
      await act();
      const after = await readState(page);
      if (picture) assert.notEqual(await picture(), pictureBefore, `${key} changes what is drawn`);
      // The heatmap has a pixel per grid cell: discretized, the browser scales it up cell by cell.
      if (key === 'discretize') assert.equal(await page.$eval('#plot .data-plot-heatmap', (c) => getComputedStyle(c).imageRendering), 'pixelated');
      assert.equal((await hashParams(page))[key], value, `URL carries ${key}=${value}`);
      assert.equal(after.epoch, keeps ? 3 : 0, `${key}: ${keeps ? 'training continues' : 'a new run starts'}`);
      assert.equal(after.message, '', `no message after ${key}`);
      if (!keeps) assert.ok(Number.isFinite(after.testLoss), `${key}: a fresh test loss is shown`);
      await page.click('#reset');
    }
    // The sliders' labels follow.
    assert.equal(await page.textContent('output[data-for="noise"]'), '20%');
    assert.equal(await page.textContent('output[data-for="points"]'), '80');
    assert.equal(await page.textContent('output[data-for="trainRatio"]'), '70%');
    assert.equal(await page.textContent('output[data-for="batchSize"]'), '5');
    // A slider moved with the keyboard, as a learner tabbing through would.
    await page.focus('input[data-key="noise"]');
    await page.keyboard.press('ArrowRight');
    await frames(page);
    assert.equal((await hashParams(page)).noise, '0.25');
    assert.equal(await page.textContent('output[data-for="noise"]'), '25%');
    // The test points are named in the plot's legend.
    assert.match(await page.textContent('#plot .data-plot-legend'), /test/);
    // A real drag of the batch-size thumb to the far right end: the largest batch.
    const slider = await page.locator('input[data-key="batchSize"]').boundingBox();
    const thumbX = slider.x + slider.width * (4 / 99);  // batch 5 of 1..100
    await page.mouse.move(thumbX, slider.y + slider.height / 2);
    await page.mouse.down();
    await page.mouse.move(slider.x + slider.width * 0.6, slider.y + slider.height / 2, { steps: 4 });
    await page.mouse.move(slider.x + slider.width + 40, slider.y + slider.height / 2, { steps: 4 });
    await page.mouse.up();
    await frames(page);
    assert.equal((await hashParams(page)).batchSize, '100');
    assert.equal(await page.textContent('output[data-for="batchSize"]'), '100');
  });
});

test('a link\'s value beyond a slider\'s end or between its steps: the slider reaches it, its thumb, readout and link agree, a drag comes back to it', T, async () => {
  await withPage(b, '#points=2000&batchSize=500&noise=0.12&validationRatio=0.45', async (page) => {
    const slider = (key) => page.$eval(`input[data-key="${key}"]`, (el) => ({ value: el.value, min: Number(el.min), max: Number(el.max),
      readout: document.querySelector(`output[data-for="${el.dataset.key}"]`).textContent }));
    assert.equal((await readState(page)).message, '');
    for (const [key, value, readout] of [['points', '2000', '2000'], ['batchSize', '500', '500'], ['noise', '0.12', '12%'], ['validationRatio', '0.45', '45%']]) {
      const s = await slider(key);
      assert.deepEqual([s.value, s.readout], [value, readout], `${key}: the thumb at the link's value`);
      assert.ok(s.min <= Number(value) && Number(value) <= s.max, `${key} in [${s.min}, ${s.max}]`);
      assert.equal((await hashParams(page))[key], value);
    }
    assert.deepEqual(await slider('batchSize'), { value: '500', min: 1, max: 500, readout: '500' }, 'the range grew to the link\'s batch');
    // A real drag of the batch thumb from its end to the middle, then back past the end: 500 again.
    await page.locator('input[data-key="batchSize"]').scrollIntoViewIfNeeded();
    const box = await page.locator('input[data-key="batchSize"]').boundingBox();
    const y = box.y + box.height / 2;
    const drag = async (from, to) => {
      await page.mouse.move(from, y);
      await page.mouse.down();
      await page.mouse.move(to, y, { steps: 6 });
      await page.mouse.up();
      await frames(page);
    };
    await drag(box.x + box.width - 4, box.x + box.width / 2);
    const middle = await slider('batchSize');
    assert.ok(Number(middle.value) > 150 && Number(middle.value) < 350, `a batch of ${middle.value} in the middle of 1..500`);
    assert.deepEqual([middle.max, middle.readout, (await hashParams(page)).batchSize], [500, middle.value, middle.value]);
    await drag(box.x + box.width / 2, box.x + box.width + 40);
    assert.deepEqual(await slider('batchSize'), { value: '500', min: 1, max: 500, readout: '500' });
    assert.equal((await hashParams(page)).batchSize, '500');
    // The noise between the slider's steps moves by the finer step it needs; back on the slider's
    // own steps, by those again (an arrow key: 5%).
    const arrow = async () => {
      await page.focus('input[data-key="noise"]');
      await page.keyboard.press('ArrowRight');
      await frames(page);
      return (await hashParams(page)).noise;
    };
    assert.equal(await arrow(), '0.13');
    await slide(page, 'noise', 0.2);
    assert.equal(await arrow(), '0.25');
  });
});

test('a slider grown by one link is back on its own range for the next link, whose arrows move by its own steps', T, async () => {
  await withPage(b, '#points=2000&trainRatio=0.01', async (page) => {
    const slider = (key) => page.$eval(`input[data-key="${key}"]`, (el) => [el.value, el.min, el.max, el.step].join(' '));
    assert.equal(await slider('points'), '2000 20 2000 10');
    assert.equal(await slider('trainRatio'), '0.01 0.01 1 0.01');
    // Another link in the same tab, as a learner follows it: its sliders as a fresh page shows them.
    await page.evaluate(() => { location.hash = '#points=100'; });
    await frames(page, 4);
    assert.equal((await readState(page)).message, '');
    assert.equal(await slider('points'), '100 20 1000 10', 'not on the 20..2000 of the link before');
    assert.equal(await slider('trainRatio'), '0.5 0.1 1 0.05', 'not on the 1% steps of the link before');
    await page.focus('input[data-key="trainRatio"]');
    await page.keyboard.press('ArrowRight');
    await frames(page);
    assert.equal((await hashParams(page)).trainRatio, '0.55', 'an arrow moves the training share by its own 5%');
  });
});

test('touch: a vertical swipe that starts on a data slider scrolls the page, leaving the slider and the run alone', T, async () => {
  await withPage(b, FAST, async (page) => {
    await stepEpochs(page, 3);
    const slider = 'input[data-key="noise"]';
    const thumbAt = async (f) => {
      const box = await page.locator(slider).boundingBox();
      return { x: box.x + box.width * f, y: box.y + box.height / 2 };
    };
    await page.$eval(slider, (el) => el.scrollIntoView({ block: 'center' }));
    await frames(page);
    const from = await thumbAt(0.6);
    const before = await page.evaluate(() => scrollY);
    await touchGesture(page, from, { x: from.x, y: from.y - 250 }, { steps: 12 });
    assert.ok((await page.evaluate(() => scrollY)) > before + 50, 'the page scrolled');
    assert.equal(await page.inputValue(slider), '0');
    assert.equal(await page.textContent('output[data-for="noise"]'), '0%');
    assert.equal((await hashParams(page)).noise, undefined);
    assert.equal((await readState(page)).epoch, 3, 'the run goes on');
    // A tap on the slider still sets it, once the swipe's fling has stopped moving the page (a tap
    // aimed while it still scrolls lands beside the slider).
    await page.$eval(slider, (el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => new Promise((resolve) => {
      const y = scrollY;
      requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(scrollY === y))));
    }));
    const tap = await thumbAt(0.6);
    await page.touchscreen.tap(tap.x, tap.y);
    await frames(page);
    assert.ok(Number((await hashParams(page)).noise) > 0, 'a tap sets the noise');
  }, { viewport: { width: 390, height: 844 }, touch: true });
});

test('"More settings": every input updates the URL; training keys keep the epoch', T, async () => {
  await withPage(b, FAST, async (page) => {
    await page.click('details.more summary');
    assert.ok(await page.isVisible('select[data-key="outputActivation"]'));
    const cases = [
      [() => choose(page, 'decay', 'exponential'), 'decay', 'exponential', true],
      [() => choose(page, 'optimizer', 'momentum'), 'optimizer', 'momentum', true],  // shows its momentum field
      [() => type(page, 'momentum', 0.5), 'momentum', '0.5', true],
      [() => type(page, 'dropout', 0.1), 'dropout', '0.1', true],
      [() => choose(page, 'l1', '0.001'), 'l1', '0.001', true],
      [() => check(page, 'earlyStopping'), 'earlyStopping', '1', true],
      [() => type(page, 'patience', 7), 'patience', '7', true],
      [() => choose(page, 'speed', 5), 'speed', '5', true],
      [() => choose(page, 'outputActivation', 'sigmoid'), 'outputActivation', 'sigmoid', false],
      [() => choose(page, 'loss', 'bce'), 'loss', 'bce', false],
      [() => choose(page, 'init', 'he_normal'), 'init', 'he_normal', false],
      [() => type(page, 'seed', 42), 'seed', '42', false],
    ];
    for (const [act, key, value, keeps] of cases) {
      await stepEpochs(page, 2);
      assert.equal((await readState(page)).epoch, 2);
      await act();
      const after = await readState(page);
      assert.equal((await hashParams(page))[key], value, `URL carries ${key}=${value}`);
      assert.equal(after.epoch, keeps ? 2 : 0, `${key}: ${keeps ? 'training continues' : 'a new run starts'}`);
      if (key !== 'earlyStopping') assert.equal(after.message, '', `no message after ${key}`);
      await page.click('#reset');
    }
    // Binary cross-entropy needs a sigmoid output: with tanh it is offered but disabled.
    await choose(page, 'outputActivation', 'tanh');
    assert.equal(await page.inputValue('select[data-key="loss"]'), 'mse', 'the loss falls back to one that fits');
    assert.ok(await page.$eval('select[data-key="loss"] option[value="bce"]', (o) => o.disabled));
    // A value out of range is refused with a message naming it; the previous value stays.
    await type(page, 'dropout', 3);
    const s = await readState(page);
    assert.match(s.message, /dropout/i);
    assert.equal(s.messageKind, 'error');
    assert.equal((await hashParams(page)).dropout, '0.1');
    assert.equal(await page.inputValue('input[data-key="dropout"]'), '0.1');
    await page.click('#message-close');
    assert.equal((await readState(page)).message, '');
    // The training keys reached the engine: training still runs and stays finite.
    await stepEpochs(page, 3);
    assert.ok(Number.isFinite((await readState(page)).testLoss));
  });
});

test('network editing: +/− layers and neurons, features by click and keyboard', T, async () => {
  await withPage(b, FAST, async (page) => {
    const units = () => page.$$eval('#network [data-unit]', (els) => els.map((e) => e.dataset.unit));
    const hidden = async () => (await hashParams(page)).hidden ?? '4,2';
    assert.equal((await units()).length, 4 + 2 + 1);
    await page.click('#network button[aria-label="add a hidden layer"]');
    await frames(page);
    assert.equal(await hidden(), '4,2,2');
    assert.match(await page.textContent('#network .layer-controls'), /3 hidden layers/);
    await page.click('#network button[aria-label="add a neuron to hidden layer 1"]');
    await page.click('#network button[aria-label="add a neuron to hidden layer 3"]');
    await frames(page);
    assert.equal(await hidden(), '5,2,3');
    assert.equal((await units()).length, 5 + 2 + 3 + 1);
    await page.click('#network button[aria-label="remove a neuron from hidden layer 2"]');
    await frames(page);
    assert.equal(await hidden(), '5,1,3');
    // A layer keeps at least one neuron.
    await page.click('#network button[aria-label="remove a neuron from hidden layer 2"]');
    await frames(page);
    assert.equal(await hidden(), '5,1,3');
    await page.click('#network button[aria-label="remove the last hidden layer"]');
    await frames(page);
    assert.equal(await hidden(), '5,1');
    // The new architecture trains.
    await page.click('#step');
    await frames(page);
    assert.equal((await readState(page)).epoch, 1);

    // Features: a click toggles; Enter and Space on the focused card too.
    const card = (f) => `#network [data-feature="${f}"]`;
    assert.equal(await page.getAttribute(card('x1^2'), 'aria-checked'), 'false');
    await page.click(card('x1^2'));
    await frames(page);
    assert.equal(await page.getAttribute(card('x1^2'), 'aria-checked'), 'true');
    assert.equal((await hashParams(page)).features, 'x1,x2,x1^2');
    assert.equal((await readState(page)).epoch, 0, 'a new input starts a new run');
    await page.focus(card('x1'));
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await page.getAttribute(card('x1'), 'aria-checked'), 'false');
    await page.focus(card('sin_x2'));
    await page.keyboard.press(' ');
    await frames(page);
    assert.equal((await hashParams(page)).features, 'x2,x1^2,sin_x2');
    assert.equal((await readState(page)).playing, false, 'Space on a feature card does not start training');
    // The links follow the inputs: 3 inputs x 5 neurons into the first hidden layer.
    assert.equal(await page.$$eval('#network path[data-param^="0:"]', (ps) => ps.length), 3 * 5);
    // The last feature cannot be switched off.
    await page.click(card('x2'));
    await page.click(card('x1^2'));
    await page.click(card('sin_x2'));
    await frames(page);
    const s = await readState(page);
    assert.match(s.message, /at least one input feature/);
    assert.equal((await hashParams(page)).features, 'sin_x2');
  });
});

// Moves the mouse onto a visible part of an SVG link or bias square and returns the tooltip text.
async function hoverParam(page, selector) {
  const point = await hoverSvg(page, selector);
  await page.waitForSelector('#network .tooltip:not([hidden])');
  return { point, text: await page.innerText('#network .tooltip') };
}

test('edit a weight and a bias: hover shows value and gradient, click and type sets it', T, async () => {
  await withPage(b, FAST, async (page) => {
    // A weight: x1 -> hidden neuron 2 of layer 1.
    const link = 'path[data-param="0:1:0"]';
    const { point, text } = await hoverParam(page, link);
    assert.match(text, /weight x1 → h1\.2/);
    assert.match(text, /value −?\d/);
    assert.match(text, /gradient dJ\/dw −?\d/);
    const widthBefore = Number(await page.getAttribute(link, 'stroke-width'));
    await page.mouse.click(point.x, point.y);
    const editor = page.locator('#network input.param-editor');
    await editor.waitFor();
    assert.equal(await editor.getAttribute('aria-label'), 'weight value');
    await editor.fill('2.5');
    await editor.press('Enter');
    await frames(page);
    assert.equal(await page.$$eval('#network input.param-editor', (e) => e.length), 0, 'the editor closes');
    assert.match((await hoverParam(page, link)).text, /value 2\.5\b/);
    assert.ok(Number(await page.getAttribute(link, 'stroke-width')) > widthBefore, 'the link thickens');

    // A bias: the first one, of hidden neuron h1.1.
    const bias = 'rect[data-param$=":bias"]';
    const biasParam = await page.getAttribute(bias, 'data-param');
    const b1 = await hoverParam(page, bias);
    assert.match(b1.text, /bias of h1\.1/);
    assert.match(b1.text, /gradient dJ\/db/);
    await page.mouse.click(b1.point.x, b1.point.y);
    await editor.waitFor();
    assert.equal(await editor.getAttribute('aria-label'), 'bias value');
    await editor.fill('-0.75');
    await editor.press('Enter');
    await frames(page);
    assert.match((await hoverParam(page, `rect[data-param="${biasParam}"]`)).text, /value −0\.75\b/);
    // Escape cancels an edit.
    await page.mouse.click(b1.point.x, b1.point.y);
    await editor.waitFor();
    await editor.fill('9');
    await editor.press('Escape');
    assert.match((await hoverParam(page, `rect[data-param="${biasParam}"]`)).text, /value −0\.75\b/);
    // The engine holds the edited values: the saved model carries them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
    const model = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(model.layerSizes, [2, 4, 2, 1]);
    assert.equal(model.params[paramIndex(model.layerSizes, 0, 1, 0)], 2.5);
    const [layer, unit] = biasParam.split(':').map(Number);
    assert.equal(model.params[paramIndex(model.layerSizes, layer, unit, 'bias')], -0.75);
    const s = await readState(page);
    assert.equal(s.epoch, 0, 'editing is not training');
    assert.ok(Number.isFinite(s.testLoss));
  });
});

test('a disabled control looks disabled: Regenerate on "your data" is greyed, without a pointer', T, async () => {
  await withPage(b, FAST, async (page) => {
    const look = () => page.$eval('#regenerate', (el) => {
      const cs = getComputedStyle(el);
      return { disabled: el.disabled, cursor: cs.cursor, opacity: Number(cs.opacity), color: cs.color };
    });
    const enabled = await look();
    assert.equal(enabled.disabled, false);
    assert.equal(enabled.cursor, 'pointer');
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    const disabled = await look();
    assert.equal(disabled.disabled, true);
    assert.equal(disabled.cursor, 'default');
    assert.ok(disabled.opacity < 1, `opacity ${disabled.opacity}`);
    assert.notEqual(disabled.color, enabled.color);
  });
});

test('sign colours: a zero weight or bias is neutral grey in the main diagram, as in the step view', T, async () => {
  await withPage(b, `${FAST}&init=zeros`, async (page) => {
    // Both diagrams colour by colors.js's signColor; with zero init every parameter is 0.
    assert.equal(signColor(0), NEUTRAL);
    const strokes = await page.$$eval('#network path[data-param]', (ps) => ps.map((p) => p.getAttribute('stroke')));
    const fills = await page.$$eval('#network rect[data-param$=":bias"]', (rs) => rs.map((r) => r.getAttribute('fill')));
    assert.ok(strokes.length > 0 && fills.length > 0);
    for (const c of [...strokes, ...fills]) assert.equal(c.toUpperCase(), NEUTRAL);
    await page.click('#step-trace-example');
    await frames(page);
    const stepStrokes = await page.$$eval('#step-network line[stroke]', (ls) => ls.map((l) => l.getAttribute('stroke').toUpperCase()));
    assert.ok(stepStrokes.includes(NEUTRAL), 'the step view draws its zero weights in the same grey');
  });
});

test('keyboard: Tab reaches a weight, focus reads it out, Enter edits it', T, async () => {
  await withPage(b, FAST, async (page) => {
    const link = 'path[data-param="0:0:1"]';  // x2 -> h1.1
    await page.focus(link);
    const label = await page.getAttribute(link, 'aria-label');
    assert.match(label, /weight x2 → h1\.1, value −?\d/);
    assert.equal(await page.isVisible('#network .tooltip'), true);
    // Focus reads the gradient too, as hovering does (it arrives with the next frame).
    await frames(page);
    assert.match(await page.innerText('#network .tooltip'), /gradient dJ\/dw −?\d/);
    assert.match(await page.getAttribute(link, 'aria-label'), /value −?\d[^,]*, gradient dJ\/dw −?\d/);
    await page.keyboard.press('Enter');
    const editor = page.locator('#network input.param-editor');
    await editor.waitFor();
    await page.keyboard.type('-1.25');
    await page.keyboard.press('Enter');
    await frames(page);
    await page.focus(link);
    assert.match(await page.getAttribute(link, 'aria-label'), /value −1\.25\b/);
  });
});

test('keyboard: editing the diagram keeps focus on the control, so Enter repeats and Tab goes on', T, async () => {
  await withPage(b, FAST, async (page) => {
    const hidden = async () => (await hashParams(page)).hidden ?? '4,2';
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el.dataset.param ?? el.dataset.feature ?? el.getAttribute('aria-label') ?? el.localName;
    });
    // Each press rebuilds the diagram; focus moves to the new "+" of the same name.
    await page.focus('#network button[aria-label="add a neuron to hidden layer 1"]');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await hidden(), '5,2');
    assert.equal(await focused(), 'add a neuron to hidden layer 1');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await hidden(), '6,2');
    await page.focus('#network button[aria-label="add a hidden layer"]');
    await page.keyboard.press('Enter');
    await frames(page);
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await hidden(), '6,2,2,2');
    assert.equal(await focused(), 'add a hidden layer');
    await page.focus('#network [data-feature="x1^2"]');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await focused(), 'x1^2');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal((await hashParams(page)).features, undefined, 'the second Enter switches x1² off again');

    // A weight: Enter edits, Enter commits, and focus is back on the link; Tab reaches the next one.
    const link = 'path[data-param="0:0:0"]';
    await page.focus(link);
    await page.keyboard.press('Enter');
    await page.locator('#network input.param-editor').waitFor();
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await focused(), '0:0:0');
    assert.match(await page.getAttribute(link, 'aria-label'), /value 0\.5\b/);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), '0:0:1');
    // Escape cancels and hands focus back too.
    await page.keyboard.press('Enter');
    await page.locator('#network input.param-editor').waitFor();
    await page.keyboard.press('Escape');
    await frames(page);
    assert.equal(await focused(), '0:0:1');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), '0:1:0');
  });
  // In French the rebuilt "+" is found by its French name.
  await withPage(b, `${FAST}&lang=fr`, async (page) => {
    await page.focus('#network button[aria-label="ajouter une couche cachée"]');
    await page.keyboard.press('Enter');
    await frames(page);
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal((await hashParams(page)).hidden, '4,2,2,2');
  });
});

test('keyboard: space plays and pauses, s steps, r resets, n draws new weights', T, async () => {
  await withPage(b, FAST, async (page) => {
    await page.click('h1');  // focus on the page, not a control
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await frames(page);
    assert.equal((await readState(page)).epoch, 2);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.getElementById('epoch').dataset.epoch) >= 20);
    assert.equal((await readState(page)).playing, true);
    await page.keyboard.press(' ');
    await frames(page);
    const paused = await readState(page);
    assert.equal(paused.playing, false);
    await frames(page, 4);
    assert.equal((await readState(page)).epoch, paused.epoch, 'paused: the epoch stays');
    await page.keyboard.press('r');
    await frames(page);
    assert.equal((await readState(page)).epoch, 0);
    const seed = Number((await hashParams(page)).seed ?? 2);
    await page.keyboard.press('n');
    await frames(page);
    assert.equal(Number((await hashParams(page)).seed), seed + 1, 'n: new initial weights (the next seed)');
    // Keys typed into a control are the control's: 's' in a number input does not step.
    await page.click('details.more summary');
    await page.focus('input[data-key="seed"]');
    await page.keyboard.press('s');
    await page.keyboard.press(' ');
    await frames(page);
    const s = await readState(page);
    assert.equal(s.epoch, 0);
    assert.equal(s.playing, false);
  });
});

test('keyboard: space on the Chapters menu opens it; on a chapter without the playground no shortcut trains it', T, async () => {
  await withPage(b, FAST, async (page) => {
    await page.focus('.course-menu summary');
    await page.keyboard.press(' ');
    await frames(page);
    assert.equal(await page.$eval('.course-menu', (d) => d.open), true, 'Space opens the menu');
    const s = await readState(page);
    assert.equal(s.playing, false, 'and does not play');
    assert.equal(s.epoch, 0);
    await page.keyboard.press('Escape');
    await page.click('h1');
    await page.keyboard.press('s');
    await frames(page);
    assert.equal((await readState(page)).epoch, 1, 's steps where the playground is shown');
    await goTo(page, '#chapter=neuron&points=60&speed=20');
    assert.equal(await page.isHidden('#play'), true, 'the neuron chapter hides the playground');
    await page.click('#chapter h2');
    for (const key of ['s', ' ', 's']) await page.keyboard.press(key);
    await frames(page, 4);
    const hidden = await readState(page);
    assert.equal(hidden.playing, false);
    assert.equal(hidden.epoch, 1, 'the hidden playground did not train');
  });
});

test('keyboard: no shortcut reaches the run behind the open Share / embed dialog', T, async () => {
  await withPage(b, FAST, async (page) => {
    await stepEpochs(page, 3);
    await page.click('#share');
    const link = await page.inputValue('#share-url');
    await page.focus('#share-dialog button[data-copy="share-url"]');
    for (const key of ['r', 'n', 's']) await page.keyboard.press(key);
    // Nor with focus on no control of the dialog (a click on its title): Space does not play.
    await page.click('#share-title');
    for (const key of [' ', 's']) await page.keyboard.press(key);
    await frames(page, 2);
    const s = await readState(page);
    assert.equal(s.epoch, 3, 'the run behind kept its epochs');
    assert.equal(s.playing, false);
    assert.equal(await page.inputValue('#share-url'), link, 'the dialog\'s link did not change (no new seed)');
    await page.keyboard.press('Escape');
    await page.click('h1');
    await page.keyboard.press('r');
    await frames(page);
    assert.equal((await readState(page)).epoch, 0, 'closed, the shortcuts work again');
  });
});
