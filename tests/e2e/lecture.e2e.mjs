// End-to-end: the lecture-hall mode at a projector's 1,920 × 1,080. The header's button turns it on
// (full screen, the page zoomed to fill the screen), the canvases stay crisp (their backing stores
// follow the zoom), data lines are thicker, the step panel's numbers and equations are large, every
// text keeps its contrast in both themes, and leaving full screen (Escape) or the button again
// turns it off. Not here: the zoom's arithmetic (tests/web/lecture.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, screenshot } from './browser.mjs';
import { textContrasts } from './contrast.mjs';

const b = useBrowser();
const T = { timeout: 90000 };
const PROJECTOR = { width: 1920, height: 1080 };

// Each canvas of the output plot, the chart and the network: its backing store against the size it
// is shown at in device pixels (1 when crisp).
// The output plot's heatmap is left out: it has a pixel per grid cell, which the browser scales up.
const sharpness = (page) => page.evaluate(() => [...document.querySelectorAll('#plot canvas:not(.data-plot-heatmap), #chart canvas, #network canvas')]
  .filter((c) => c.getClientRects().length).map((c) => c.width / (c.getBoundingClientRect().width * devicePixelRatio)));

const lectureState = (page) => page.evaluate(() => ({
  on: document.documentElement.classList.contains('lecture'),
  pressed: document.getElementById('lecture').getAttribute('aria-pressed'),
  fullscreen: Boolean(document.fullscreenElement),
  zoom: Number(getComputedStyle(document.body).zoom),
  networkLink: Math.max(...[...document.querySelectorAll('#network svg path')].map((p) => Number(p.getAttribute('stroke-width')) || 0)),
}));

// Rendered heights (CSS px on the screen) of the step diagram's numbers and the equation's maths.
const stepSizes = (page) => page.evaluate(() => ({
  values: [...document.querySelectorAll('#step-network .value')].filter((t) => t.textContent.trim())
    .map((t) => t.getBoundingClientRect().height),
  math: Math.min(...[...document.querySelectorAll('#step-equation math')].map((m) => parseFloat(getComputedStyle(m).fontSize) * m.currentCSSZoom)),
}));

async function traceStep(page) {
  await page.click('#step-trace-example');
  await page.click('#step-timeline button >> nth=-1');
  await page.click('#step-network [data-unit="1:0"] circle');
  await frames(page);
}

test('at 1,920 × 1,080 the lecture hall fills the screen, with crisp canvases, thick lines and large step numbers', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1', async (page) => {
    await traceStep(page);
    const before = { state: await lectureState(page), step: await stepSizes(page) };
    assert.equal(before.state.on, false);
    assert.equal(before.state.zoom, 1);

    await page.click('#lecture');
    await frames(page, 3);
    const on = await lectureState(page);
    assert.deepEqual({ ...on, networkLink: undefined }, { on: true, pressed: 'true', fullscreen: true, zoom: 1.35, networkLink: undefined });
    assert.ok(on.networkLink >= 1.5 * before.state.networkLink, `links thicker: ${before.state.networkLink} -> ${on.networkLink}`);
    for (const s of await sharpness(page)) assert.ok(Math.abs(s - 1) < 0.02, `a canvas drawn at ${s.toFixed(3)} of its shown size`);

    // The step panel: its numbers at least 20 px tall on the screen, the equations' maths 24 px.
    const step = await stepSizes(page);
    assert.ok(step.values.length > 10);
    assert.ok(Math.min(...step.values) >= 20, `step numbers ${Math.min(...step.values)} px (were ${Math.min(...before.step.values)})`);
    assert.ok(step.math >= 24, `equations at ${step.math} px (were ${before.step.math})`);
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'lecture-hall-step.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'lecture-hall.png');

    // Leaving full screen (Escape in a browser) leaves the mode; the canvases follow back.
    await page.evaluate(() => document.exitFullscreen());
    await frames(page, 3);
    const off = await lectureState(page);
    assert.deepEqual([off.on, off.pressed, off.fullscreen, off.zoom], [false, 'false', false, 1]);
    assert.equal(off.networkLink, before.state.networkLink);
    for (const s of await sharpness(page)) assert.ok(Math.abs(s - 1) < 0.02, `a canvas drawn at ${s.toFixed(3)} of its shown size`);

    // The button again: on, then off.
    await page.click('#lecture');
    await frames(page);
    assert.equal((await lectureState(page)).on, true);
    await page.click('#lecture');
    // Leaving full screen is asynchronous (a busy machine may take more than a frame): wait for it.
    await page.waitForFunction(() => !document.fullscreenElement);
    await frames(page);
    assert.deepEqual(await lectureState(page).then((s) => [s.on, s.fullscreen]), [false, false]);
  }, { viewport: PROJECTOR });
});

// The step diagram's width on the screen and the width of the box it scrolls in.
const stepFit = (page) => page.evaluate(() => {
  const box = document.querySelector('#step-panel .network-scroll');
  return { svg: Math.round(document.querySelector('#step-network svg').getBoundingClientRect().width),
    box: Math.round(box.getBoundingClientRect().width), scrolls: box.scrollWidth > box.clientWidth };
});

test('the step diagram is laid out again when the lecture hall turns on or off after a trace', T, async () => {
  const deep = '#dataset=spiral&hidden=8,6,6,4&features=x1,x2,x1^2,x2^2,x1*x2,sin_x1,sin_x2';
  await withPage(b, deep, async (page) => {
    await page.click('#step-trace-example');
    await frames(page);
    const off = await stepFit(page);
    assert.equal(off.scrolls, false);

    await page.click('#lecture');
    await frames(page, 3);
    const on = await stepFit(page);
    // Zoomed 1.4 more, the deep network's columns close up to fit its box, as a trace made in the
    // mode lays them out.
    assert.equal(on.scrolls, false, `a ${on.svg} px diagram in a ${on.box} px box`);
    assert.ok(on.svg > 0.95 * on.box, `a ${on.svg} px diagram in a ${on.box} px box`);
    await page.click('#step-trace-example');
    await frames(page);
    assert.deepEqual(await stepFit(page), on);

    await page.evaluate(() => document.exitFullscreen());
    await frames(page, 3);
    assert.deepEqual(await stepFit(page), off);
  }, { viewport: PROJECTOR });
});

for (const theme of ['light', 'dark']) {
  test(`the lecture hall in the ${theme} theme: every visible text keeps 4.5:1 (large 3:1), step panel included`, T, async () => {
    await withPage(b, '', async (page) => {
      await page.selectOption('#theme', theme);
      await traceStep(page);
      await page.click('#lecture');
      await frames(page, 3);
      const results = await page.evaluate(textContrasts);
      assert.ok(results.length > 200, `${results.length} texts checked`);
      const failures = results.filter((r) => r.ratio < (r.large ? 3 : 4.5))
        .map((r) => `${r.what} ${r.ratio.toFixed(2)}:1 (text ${r.fg} on ${r.bg})`);
      assert.deepEqual(failures, []);
      await screenshot(page, `lecture-hall-${theme}.png`);
      await page.evaluate(() => document.exitFullscreen());
    }, { viewport: PROJECTOR });
  });
}

// The body's zoom scales the dialog's viewport units too: the Share / embed dialog must still fit
// the window, its title and × in view, and scroll inside.
test('in the lecture hall the Share / embed dialog fits the window and scrolls inside', T, async () => {
  await withPage(b, '#dataset=spiral', async (page) => {
    await page.click('#lecture');
    await frames(page);
    assert.ok((await lectureState(page)).zoom > 1);
    await page.click('#share');
    await frames(page);
    const box = await page.evaluate(() => {
      const rect = (id) => document.getElementById(id).getBoundingClientRect();
      const dialog = document.getElementById('share-dialog');
      return { dialog: rect('share-dialog'), close: rect('share-close'), title: rect('share-title'),
        scrolls: dialog.scrollHeight > dialog.clientHeight, height: innerHeight, width: innerWidth };
    });
    for (const part of ['dialog', 'close', 'title']) {
      assert.ok(box[part].top >= 0 && box[part].bottom <= box.height && box[part].left >= 0 && box[part].right <= box.width,
        `${part} in the ${box.width} × ${box.height} window: ${JSON.stringify(box[part])}`);
    }
    assert.equal(box.scrolls, true, 'the rest of the dialog scrolls inside it');
    await page.click('#share-close');
    assert.equal(await page.evaluate(() => document.getElementById('share-dialog').open), false);
  }, { viewport: PROJECTOR });
});
