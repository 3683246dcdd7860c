// End-to-end: the lessons of the course's chapters. Every lesson link loads without a warning, starts
// a fresh run (epoch 0, empty chart) and trains; a click in a chapter loads its set-up; and the lessons' claims hold on the page:
// circles on x1², x2² with no hidden layer reach 95% test accuracy, XOR with no hidden layer stays
// at or below 75%, zero initialisation stays at chance with only the output bias moving, a deep
// sigmoid network's gradients vanish (and ReLU cures it), and backprop by hand matches the step panel.
// Not here: the settings table the links are written with (tests/web/state.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, choose, readState, hashParams, stepEpochs, engineReference } from './browser.mjs';
import { allLessons } from '../../web/course/chapters.js';
import { lessonHash as chapterLessonHash } from '../../web/course/links.js';
import { splitHash } from '../../web/course/route.js';
import { parseHash } from '../../web/state.js';

const b = useBrowser();
const T = { timeout: 60000 };
const LESSONS = allLessons().map(({ chapter, lesson }) => ({ ...lesson, chapter }));
const lessonHash = (lesson) => chapterLessonHash(lesson.chapter, lesson);
const byId = Object.fromEntries(LESSONS.map((l) => [l.id, l]));

test('every lesson link is a valid hash: its chapter and id, then keys of the settings table', () => {
  assert.ok(LESSONS.length >= 9);
  for (const lesson of LESSONS) {
    const hash = lessonHash(lesson);
    const { route, settings, errors } = splitHash(hash);
    assert.deepEqual(errors, []);
    assert.deepEqual(route, { chapter: lesson.chapter, lesson: lesson.id });
    assert.deepEqual(parseHash(settings).errors, [], lesson.id);
    assert.ok(lesson.text.length > 100, `${lesson.id} has a paragraph`);
  }
});

for (const lesson of LESSONS) {
  test(`lesson "${lesson.title}" loads without a warning, shows its text at the top, and trains`, T, async () => {
    await withPage(b, lessonHash(lesson), async (page) => {
      const before = await readState(page);
      assert.equal(before.message, '', 'no message on load');
      assert.equal(before.epoch, 0);
      assert.deepEqual(await hashParams(page), Object.fromEntries(new URLSearchParams(lessonHash(lesson).slice(1))),
        'the page keeps the lesson\'s set-up');
      assert.match(await page.textContent('#active-lesson'), new RegExp(lesson.title.replace(/[()]/g, '.')));
      assert.equal(await page.getAttribute('#chart', 'data-records'), '1', 'an empty chart: the starting point only');
      await stepEpochs(page, 20);
      const after = await readState(page);
      assert.equal(after.epoch, 20);
      assert.ok(Number.isFinite(after.testLoss), `test loss ${after.testLoss}`);
      if (lesson.id === 'dead-relu') {  // the lesson's point: the loss rises, and the page says why
        assert.match(after.message, /the training loss is .* The learning rate \(3\) is probably too large/);
      } else assert.equal(after.message, '', 'no message after training');
    });
  });
}

test('a click in a chapter loads the lesson', T, async () => {
  await withPage(b, '#chapter=mlp', async (page) => {
    await page.click('#chapter a[data-lesson="circles-features"]');
    await frames(page, 4);
    assert.equal(await page.getAttribute('#datasets [data-dataset="circles"]', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('#network [data-feature="x1^2"]', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('#network [data-feature="x1"]', 'aria-checked'), 'false');
    assert.equal((await readState(page)).message, '');
  });
});

test('claim: backprop by hand: the output δ is a − y, the hidden δ is w·δ × σ′(z), and w moves by −0.5 × its gradient', T, async () => {
  await withPage(b, lessonHash(byId['backprop-by-hand']), async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await page.click('#step-timeline button >> nth=-1');  // the update: everything is shown
    await frames(page);
    const unit = (u) => page.$eval(`#step-network [data-unit="${u}"]`, (g) => ({ ...g.dataset }));
    const out = await unit('2:0');
    const text = await page.textContent('#step-text');
    assert.match(text, /η = 0\.5/);
    // δ = a − y at the output: the target is the output's a minus its δ, a class label (0 or 1).
    const y = Number(out.a) - Number(out.delta);
    assert.ok(Math.abs(y) < 1e-6 || Math.abs(y - 1) < 1e-6, `a − δ = ${y} is the 0/1 target`);
    // Hidden δ = w · δ_out · σ′(z) with σ′(z) = a(1 − a): checked to float precision.
    const link = (l) => page.$eval(`#step-network line[data-link="${l}"]`, (e) => Number(e.dataset.value));
    await page.click('#step-timeline button >> nth=0');
    const w = await link('1:0:0');  // before the forward pass the links show the weights
    await page.click('#step-timeline button >> nth=1');
    const h = await unit('1:0');  // forward through the hidden layer: z and a, no δ yet
    assert.ok(h.a !== undefined);
    await page.click('#step-timeline button >> nth=-1');
    const hAfter = await unit('1:0');
    const sigmaPrime = Number(hAfter.a) * (1 - Number(hAfter.a));
    const expected = w * Number(out.delta) * sigmaPrime;
    assert.ok(Math.abs(Number(hAfter.delta) - expected) <= 1e-6 + 1e-4 * Math.abs(expected), `hidden δ ${hAfter.delta} vs ${expected}`);
    assert.equal(h.delta, undefined, 'no δ before the backward pass');
    // The update: Δw = −0.5 × dL/dw (one example, plain SGD, no penalty).
    const dw = await link('1:0:0');
    await page.click('#step-timeline button >> nth=4');  // backward through the output layer
    const g = await link('1:0:0');
    assert.ok(Math.abs(dw + 0.5 * g) <= 1e-7 + 1e-5 * Math.abs(dw), `Δw ${dw} vs −0.5 × ${g}`);
  });
});

test('claim: circles on x1², x2² need no hidden layer (test accuracy >= 95%)', T, async () => {
  await withPage(b, lessonHash(byId['circles-features']), async (page) => {
    await stepEpochs(page, 300);
    const s = await readState(page);
    assert.ok(s.testAccuracy >= 95, `test accuracy ${s.testAccuracy}% after ${s.epoch} epochs`);
  });
});

test('claim: XOR with no hidden layer stays at or below 75%', T, async () => {
  await withPage(b, lessonHash(byId['xor-hidden']), async (page) => {
    await stepEpochs(page, 200);
    const s = await readState(page);
    assert.ok(s.testAccuracy <= 75, `test accuracy ${s.testAccuracy}% after ${s.epoch} epochs`);
    // ...and the lesson's fix works: one hidden layer of 4.
    await page.click('#network button[aria-label="add a hidden layer"]');
    for (let i = 0; i < 2; ++i) await page.click('#network button[aria-label="add a neuron to hidden layer 1"]');
    await stepEpochs(page, 300);
    const fixed = await readState(page);
    assert.ok(fixed.testAccuracy >= 85, `with a hidden layer: ${fixed.testAccuracy}% after ${fixed.epoch} epochs`);
  });
});

test('claim: zero initialisation stays at chance', T, async () => {
  await withPage(b, lessonHash(byId['zero-init']), async (page) => {
    await stepEpochs(page, 100);
    const s = await readState(page);
    assert.ok(s.testAccuracy <= 60, `test accuracy ${s.testAccuracy}% after ${s.epoch} epochs`);
  });
});

test('claim: zero initialisation with tanh moves only the output neuron\'s bias', T, async () => {
  await withPage(b, lessonHash(byId['zero-init']), async (page) => {
    assert.match(await page.textContent('#active-lesson'), /Only the output neuron's bias moves; every hidden weight and bias stays 0\./);
    await stepEpochs(page, 50);
    const shown = await readState(page);
    // The same run in the core: which weights and biases of each layer moved in 50 epochs.
    const core = await engineReference(page, (engine) => {
      const start = engine.layers().map((l) => ({ W: Array.from(l.W), b: Array.from(l.b) }));
      engine.trainEpochs(50);
      const moved = engine.layers().map((l, k) => ({ weights: Array.from(l.W).filter((w, i) => w !== start[k].W[i]).length,
        biases: Array.from(l.b).filter((v, i) => v !== start[k].b[i]).length }));
      return { moved, testAccuracy: 100 * engine.metrics().test.accuracy };
    });
    assert.ok(Math.abs(core.testAccuracy - shown.testAccuracy) < 0.05, `the page's run: ${shown.testAccuracy}% vs ${core.testAccuracy}%`);
    assert.deepEqual(core.moved, [{ weights: 0, biases: 0 }, { weights: 0, biases: 0 }, { weights: 0, biases: 1 }]);
  });
});

test('claim: six sigmoid layers: slopes under 1/4, the first layer\'s gradient orders below the output\'s, stuck; ReLU learns', T, async () => {
  await withPage(b, lessonHash(byId['vanishing-gradients']), async (page) => {
    const layers = () => page.$$eval('#layer-stats tbody tr', (trs) => trs.map((r) => ({
      gradient: Number(r.dataset.gradient), slope: Number(r.dataset.slope) })));
    // At the start, as chapter 6 says: each layer of weights between sigmoid layers gets a gradient
    // 2 to 5 times smaller than the next one's (σ′ ≤ 1/4, times what the weights contribute), not 4 or more.
    const start = await layers();
    const ratios = start.slice(1, -1).map((l, k) => start[k + 2].gradient / l.gradient);
    for (const r of ratios) assert.ok(r >= 2 && r <= 5, `ratios between layers ${ratios}`);
    assert.ok(ratios.some((r) => r < 4), `some below 4: ${ratios}`);
    const claim = await page.textContent('#chapter');
    assert.match(claim, /slope\s+is at most 1\/4, so each sigmoid layer multiplies δ by at most 1\/4 times what its weights contribute/);
    assert.match(claim, /gets a gradient 2 to 5\s+times smaller than the next layer's/);
    // At a fixed epoch: the gap closes as training goes on (about 3,900× at epoch 10, under 100× by 30).
    await stepEpochs(page, 10);
    const sigmoid = await layers();
    assert.equal(sigmoid.length, 7);
    for (const l of sigmoid) assert.ok(l.slope <= 0.25, `sigmoid slope ${l.slope}`);
    assert.ok(sigmoid[0].gradient < sigmoid[6].gradient / 100, `first ${sigmoid[0].gradient}, output ${sigmoid[6].gradient}`);
    assert.ok((await readState(page)).testAccuracy <= 60, 'still at chance');
    // Then, the output settled on one guess, every layer's gradient falls with it: no fan-out left.
    await stepEpochs(page, 90);
    const settled = await layers();
    assert.ok(settled[6].gradient < sigmoid[6].gradient / 10, `output ${sigmoid[6].gradient} -> ${settled[6].gradient}`);
    assert.ok(settled[0].gradient > settled[6].gradient / 100, `first ${settled[0].gradient}, output ${settled[6].gradient}`);

    await choose(page, 'activation', 'relu');
    await stepEpochs(page, 100);
    const relu = await layers();
    assert.ok(relu[0].gradient > relu[6].gradient / 20, `ReLU: first ${relu[0].gradient}, output ${relu[6].gradient}`);
    const s = await readState(page);
    assert.ok(s.testAccuracy >= 90, `ReLU test accuracy ${s.testAccuracy}% after ${s.epoch} epochs`);
  });
});

test('every lesson link starts a fresh run: L2 and dropout after the overfitting run begin at epoch 0', T, async () => {
  await withPage(b, lessonHash(byId.overfitting), async (page) => {
    await stepEpochs(page, 30);
    assert.equal((await readState(page)).epoch, 30);
    for (const id of ['l2', 'dropout']) {
      await page.click(`#chapter a[data-lesson="${id}"]`);
      await frames(page, 3);
      const s = await readState(page);
      assert.equal(s.epoch, 0, `${id} starts at epoch 0`);
      assert.equal(await page.getAttribute('#chart', 'data-records'), '1', `${id}: an empty chart`);
      assert.match(await page.textContent('#active-lesson'), new RegExp(byId[id].title));
      await stepEpochs(page, 5);
    }
    // The same lesson's link again starts it again.
    await page.click('#chapter a[data-lesson="dropout"]');
    await frames(page, 3);
    assert.equal((await readState(page)).epoch, 0, 'a second click restarts the lesson');
    // The banner stays in view while the page scrolls to the playground.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await page.locator('#active-lesson').boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 5, `the lesson banner is at the top of the view (y ${box?.y})`);
  });
});
