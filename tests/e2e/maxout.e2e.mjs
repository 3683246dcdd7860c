// End-to-end: maxout hidden layers and PReLU's slope gradient on the page. A learner picks maxout
// and its number of pieces k in the playground, trains a fixed number of epochs (pause, then step),
// and the losses shown equal a second engine's in the page; the network diagram's links stand for
// the piece with the largest |w| and say so; the step panel shows a maxout unit's k pieces and the
// winner, with the winning piece's weights, δ and update, all the engine's numbers. With PReLU, the
// step panel's backward phase shows each unit's ∂L/∂slope and the update phase its slope update.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, engineReference as reference, withPage, frames, choose, stepEpochs, readState, screenshot } from './browser.mjs';
import { mathNumbers, holds } from './step-numbers.mjs';
import { formatNumber } from '../../web/views/format.js';
import { paramIndex } from '../../web/views/network.js';
import { slopeIndex } from '../../web/step-phases.js';

const b = useBrowser();
const T = { timeout: 120000 };
const EPOCHS = 12;


/** Traces one example in the step panel, pauses it and shows phase `nth` (negative: from the end). */
async function traceAndShow(page, nth) {
  await page.locator('#step-panel').scrollIntoViewIfNeeded();
  await page.click('#step-trace-example');
  if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
  await showPhase(page, nth);
}
async function showPhase(page, nth) {
  const buttons = await page.locator('#step-timeline button').count();
  await page.click(`#step-timeline button >> nth=${nth < 0 ? buttons + nth : nth}`);
  await frames(page);
}

test('maxout: picked with k = 3 in the page, it trains as the engine does; the diagram and the step panel show its pieces', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1&hidden=4,3&learningRate=0.1', async (page) => {
    assert.ok(!(await page.$$eval('select[data-key="outputActivation"] option', (o) => o.map((e) => e.value))).includes('maxout'), 'hidden layers only');
    await choose(page, 'activation', 'maxout');
    if (!(await page.$eval('details.more', (d) => d.open))) await page.click('details.more > summary');
    assert.equal(await page.isVisible('select[data-key="maxoutPieces"]'), true, 'its pieces are offered once maxout is chosen');
    await choose(page, 'maxoutPieces', '3');
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /activation=maxout/);
    assert.match(hash, /maxoutPieces=3/);
    assert.equal((await readState(page)).epoch, 0, 'a new k starts a new run');
    await stepEpochs(page, EPOCHS);
    const shown = await readState(page);
    assert.equal(shown.epoch, EPOCHS);
    const want = await reference(page, (engine) => {
      engine.trainEpochs(12);
      return { metrics: engine.metrics(), params: engine.params(), sizes: engine.layerSizes(), pieces: engine.maxoutPieces() };
    });
    assert.equal(want.pieces, 3);
    assert.equal(want.params.length, 85, 'W and b (31), and pieces 2 and 3 of both hidden layers (2 × (12 + 15))');
    assert.equal(shown.trainLoss.toFixed(4), want.metrics.train.loss.toFixed(4), `train loss after ${EPOCHS} epochs`);
    assert.equal(shown.testLoss.toFixed(4), want.metrics.test.loss.toFixed(4), `test loss after ${EPOCHS} epochs`);

    // The network diagram: link x1 → h1.1 stands for the piece with the largest |w|, and says which.
    const { sizes, params } = want;
    const ws = [0, 1, 2].map((p) => params[paramIndex(sizes, 0, 0, 0, p, 3)]);
    const largest = ws.map(Math.abs).indexOf(Math.max(...ws.map(Math.abs)));
    await page.focus('#network [data-param="0:0:0"]');
    await frames(page);
    const tip = await page.textContent('#network .tooltip');
    assert.ok(tip.includes(`maxout piece ${largest + 1} of 3, the largest |w|`), tip);
    assert.ok(tip.includes(`value ${formatNumber(ws[largest], { digits: 4 })}`), tip);
    for (const w of ws) assert.ok(tip.includes(formatNumber(w, { digits: 4 })), `every piece listed: ${tip}`);

    // The step panel, at the last backward phase, for the first unit of h1 whose winner is not piece 1
    // (so the winner's weights are not where every network keeps W): its pieces, the winner, its weights.
    const ref = await reference(page, (engine) => { engine.trainEpochs(12); return engine.traceStep(1); });
    await traceAndShow(page, -2);
    const h1 = ref.examples[0].layers[0];
    const rows = sizes[1];
    const unit = [...h1.winner].findIndex((p) => p > 0);
    assert.ok(unit >= 0, `some unit of h1 takes piece 2 or 3: winners ${h1.winner}`);
    await page.click(`#step-network [data-unit="1:${unit}"] circle`);
    await frames(page);
    const pieces = [0, 1, 2].map((p) => h1.pieces[unit + p * rows]);
    const winner = h1.winner[unit];
    const box = page.locator('#step-equation .maxout-pieces');
    assert.equal(Number(await box.getAttribute('data-winner')), winner, 'the winner is the engine\'s');
    assert.deepEqual((await box.getAttribute('data-pieces')).split(' ').map(Number), pieces);
    assert.equal(Number(await box.getAttribute('data-z')), h1.z[unit]);
    assert.match(await box.textContent(), new RegExp(`^Piece ${winner + 1} wins\\.`));
    const piecesMath = await mathNumbers(page, 'Maxout: its pieces');
    for (const [p, z] of pieces.entries()) holds(piecesMath, z, `z of piece ${p + 1}`);
    assert.match(await page.textContent('#step-equation section[data-stage="Maxout: its pieces"]'), new RegExp(`piece ${winner + 1} of 3 wins`));
    const forward = await mathNumbers(page, 'Forward');
    holds(forward, ref.paramsBefore[paramIndex(sizes, 0, unit, 0, winner, 3)], 'the winning piece\'s weight from x1');
    holds(forward, ref.paramsBefore[paramIndex(sizes, 0, unit, 1, winner, 3)], 'the winning piece\'s weight from x2');
    holds(forward, ref.paramsBefore[paramIndex(sizes, 0, unit, 'bias', winner, 3)], 'the winning piece\'s bias');
    holds(forward, h1.z[unit], 'z, the winner\'s');
    holds(await mathNumbers(page, 'Backward: its δ'), h1.delta[unit], 'δ of the unit');
    assert.match(await page.textContent('#step-text'), /maxout unit's slope is 1 through the piece that won/);

    // The update phase, link x1 → that unit: the winning piece moved by −lr × its gradient; the others not at all.
    await showPhase(page, -1);
    const line = page.locator(`#step-network line[data-link="0:${unit}:0"]`);
    const k = paramIndex(sizes, 0, unit, 0, winner, 3);
    assert.equal(Number(await line.getAttribute('data-before')), ref.paramsBefore[k]);
    assert.equal(Number(await line.getAttribute('data-after')), ref.paramsAfter[k]);
    assert.equal(ref.paramsAfter[k], Math.fround(ref.paramsBefore[k] - Math.fround(0.1 * ref.appliedGradient[k])));
    for (let p = 0; p < 3; ++p) {
      if (p !== winner) assert.equal(ref.update[paramIndex(sizes, 0, unit, 0, p, 3)], 0, `piece ${p + 1} lost: no update`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#step-equation').scrollIntoViewIfNeeded();
    await screenshot(page, 'maxout-step.png');
    await page.locator('#network').scrollIntoViewIfNeeded();
    await screenshot(page, 'maxout-network.png');
  });
});

test('maxout: a bad k in the link is named and the page keeps going', T, async () => {
  await withPage(b, '#activation=maxout&maxoutPieces=9', async (page) => {
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    assert.match((await readState(page)).message, /maxoutPieces: '9' is out of range 2\.\.4; using 2/);
    assert.equal(await page.$eval('select[data-key="activation"]', (s) => s.value), 'maxout');
    await stepEpochs(page, 2);
    assert.equal((await readState(page)).epoch, 2);
    const want = await reference(page, (engine) => engine.maxoutPieces());
    assert.equal(want, 2, 'the default k');
  });
});

test('PReLU: the step panel shows each unit\'s ∂L/∂slope while going back and its slope update at the end', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1&hidden=4,3&learningRate=0.1', async (page) => {
    await choose(page, 'activation', 'prelu');
    await stepEpochs(page, EPOCHS);
    const ref = await reference(page, (engine) => { engine.trainEpochs(12); return { step: engine.traceStep(1), sizes: engine.layerSizes() }; });
    const { step, sizes } = ref;
    await traceAndShow(page, -2);  // the last backward phase: every hidden unit's δ and slope gradient known
    for (const [column, unit] of [[1, 0], [2, 1]]) {
      await page.click(`#step-network [data-unit="${column}:${unit}"] circle`);
      await frames(page);
      const t = step.examples[0].layers[column - 1];
      assert.ok(Math.abs(t.dSlope[unit] - t.dLossDA[unit] * Math.min(t.z[unit], 0)) < 1e-6);
      const note = page.locator('#step-equation .prelu-slope');
      assert.equal(Number(await note.getAttribute('data-grad')), t.dSlope[unit], `h${column}.${unit + 1}: ∂L/∂slope`);
      assert.equal(Number(await note.getAttribute('data-slope')), t.slopes[unit]);
      const numbers = await mathNumbers(page, 'Backward: its slope');
      holds(numbers, t.dSlope[unit], `∂L/∂slope of h${column}.${unit + 1}`);
      holds(numbers, t.dLossDA[unit], `∂L/∂a of h${column}.${unit + 1}`);
      if (t.z[unit] < 0) holds(numbers, t.z[unit], 'min(z, 0)');
      assert.equal(await page.locator('#step-equation section[data-stage="Update: its slope"]').count(), 0, 'not updated yet');
    }
    // The phase text of the first hidden layer's backward phase lists its units' slope gradients.
    await showPhase(page, -2);
    assert.match(await page.textContent('#step-text'), /∂L\/∂slope = ∂L\/∂a × min\(z, 0\)/);

    // The update phase: the slope of h2.2 moved by −lr × its gradient (one example: its dSlope).
    await showPhase(page, -1);
    const k = slopeIndex(sizes, 1, 1);
    const t = step.examples[0].layers[1];
    assert.equal(step.dataGradient[k], t.dSlope[1]);
    assert.equal(step.paramsAfter[k], Math.fround(step.paramsBefore[k] - Math.fround(0.1 * step.appliedGradient[k])));
    const upd = page.locator('#step-equation .prelu-slope-update');
    assert.equal(Number(await upd.getAttribute('data-before')), step.paramsBefore[k]);
    assert.equal(Number(await upd.getAttribute('data-after')), step.paramsAfter[k]);
    assert.equal(Number(await upd.getAttribute('data-gradient')), step.dataGradient[k]);
    const numbers = await mathNumbers(page, 'Update: its slope');
    holds(numbers, step.paramsBefore[k], 'slope before');
    holds(numbers, step.appliedGradient[k], 'its gradient');
    holds(numbers, step.paramsAfter[k], 'slope after');
    assert.match(await page.textContent('#step-text'), /PReLU's slopes move the same way/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#step-equation').scrollIntoViewIfNeeded();
    await screenshot(page, 'maxout-prelu-step.png');
  });
});
