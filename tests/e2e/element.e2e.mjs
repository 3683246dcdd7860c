// End-to-end: the <backprop-playground> element (web/element.js, dist/backprop-playground.js) on a
// course page of its own: three elements from one script, each with the settings and parts its
// attributes name, as wide as its container and, with no height given, as tall as its content; each
// its own engine (training one leaves the others alone); a changed attribute reloads that one; an
// attribute the link does not know gets the page's own message; and the same page from file:// with
// the network off (the elements then load the one-file offline page).
// Not here: the embed mode itself (embed-page.mjs, share.js's dialog) or the built site (dist.e2e.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { RESULTS, launchChromium, guard, frames, readState, screenshot } from './browser.mjs';
import { serve } from '../../build-scripts/serve.mjs';
import { buildDist } from '../../build-scripts/build-dist.mjs';

const T = { timeout: 60000 };
const SITE = path.join(RESULTS, 'element-site');
const LESSON = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A lesson</title>
<script src="playground/backprop-playground.js"></script></head>
<body style="margin:0;font:16px sans-serif">
<main style="width:720px;margin:0 auto">
<h1>Decision boundaries</h1>
<p>Circles, a small network, the output alone:</p>
<backprop-playground id="a" dataset="circles" noise="0.1" hidden="4,2" parts="output,controls" height="460"></backprop-playground>
<p>XOR with the data, the network and the output, at its own height:</p>
<backprop-playground id="b" dataset="xor" learning-rate="0.1" seed="3"></backprop-playground>
<p>The spiral with ReLU:</p>
<backprop-playground id="c" dataset="spiral" activation="relu" hidden="8,8" parts="network,output,controls"></backprop-playground>
</main></body></html>
`;
let server;
let browser;

before(async () => {
  fs.rmSync(SITE, { recursive: true, force: true });
  await buildDist(path.join(SITE, 'playground'));
  fs.writeFileSync(path.join(SITE, 'lesson.html'), LESSON);
  server = await serve(SITE, 0);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// The playground in element `id`'s frame, once it is ready.
async function frameOf(page, id) {
  const element = await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('iframe'), id);
  const frame = await element.asElement().contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20000 });
  return frame;
}

const epoch = async (frame) => (await readState(frame)).epoch;
const checkedDataset = (frame) => frame.$eval('#datasets [aria-checked="true"]', (e) => e.dataset.dataset);

test('three elements on one page: each its own settings, parts, size and engine', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = guard(page);
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/lesson.html`);
    const [a, b, c] = [await frameOf(page, 'a'), await frameOf(page, 'b'), await frameOf(page, 'c')];

    // Settings and parts from the attributes (learning-rate is learningRate; hidden="4,2" a list).
    assert.equal(await checkedDataset(a), 'circles');
    assert.equal(await checkedDataset(b), 'xor');
    assert.equal(await checkedDataset(c), 'spiral');
    const src = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('iframe').src, id);
    assert.match(await src('a'), /\/playground\/index\.html#dataset=circles&noise=0\.1&hidden=4,2&embed=output,controls$/);
    assert.match(await src('b'), /#dataset=xor&learningRate=0\.1&seed=3&embed=data,network,output,controls$/);
    assert.match(c.url(), /[#&]activation=relu&.*hidden=8,8|[#&]hidden=8,8&.*activation=relu/, 'the page took both');
    assert.equal(await b.$eval('[data-key="learningRate"]', (e) => e.value), '0.1');
    assert.deepEqual(await c.$eval('body', (e) => [...e.classList].filter((k) => k.startsWith('embed-')).sort()),
      ['embed-controls', 'embed-measure', 'embed-network', 'embed-output']);
    assert.equal(await a.$eval('#data-panel', (e) => getComputedStyle(e).display), 'none', 'parts="output,controls" hides the data');
    assert.equal(await b.$eval('#data-panel', (e) => getComputedStyle(e).display) !== 'none', true, 'the default parts show the data');

    // As wide as the container; A as tall as its height attribute, B and C as tall as their content.
    const boxes = await page.evaluate(() => ['a', 'b', 'c'].map((id) => {
      const frame = document.getElementById(id).shadowRoot.querySelector('iframe');
      const doc = frame.contentDocument;
      return { width: frame.getBoundingClientRect().width, height: frame.getBoundingClientRect().height,
        content: doc.documentElement.scrollHeight, inner: doc.documentElement.clientHeight };
    }));
    for (const box of boxes) assert.equal(box.width, 720);
    assert.equal(boxes[0].height, 460);
    for (const box of boxes.slice(1)) {
      assert.ok(box.height > 300, `tall enough to show the panels: ${JSON.stringify(box)}`);
      assert.ok(box.content <= box.inner + 1, `no scrolling inside the frame: ${JSON.stringify(box)}`);
    }

    // Each its own engine: B trains, A and C stay at epoch 0.
    await b.click('#step');
    await b.click('#step');
    await frames(b);  // the counter shows a step at the next frame
    assert.equal(await epoch(b), 2);
    assert.equal(await epoch(a), 0);
    assert.equal(await epoch(c), 0);
    await screenshot(page, 'element-lesson.png', { fullPage: true });

    // A changed attribute reloads that element alone.
    await page.evaluate(() => document.getElementById('a').setAttribute('dataset', 'moons'));
    await page.waitForFunction(() => /dataset=moons/.test(document.getElementById('a').shadowRoot.querySelector('iframe').src));
    const moons = await frameOf(page, 'a');
    assert.equal(await checkedDataset(moons), 'moons');
    assert.equal(await epoch(b), 2, 'B kept its training');
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('an attribute the link does not know gets the page\'s own message in that element', T, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/lesson.html`);
    await page.evaluate(() => document.getElementById('c').setAttribute('datset', 'moons'));
    await page.waitForFunction(() => /datset=moons/.test(document.getElementById('c').shadowRoot.querySelector('iframe').src));
    const c = await frameOf(page, 'c');
    await c.waitForSelector('#message:not([hidden])');
    assert.match(await c.textContent('#message'), /datset/);
    assert.equal(await checkedDataset(c), 'spiral', 'the rest of its settings still apply');
  } finally {
    await context.close();
  }
});

test('height="auto" (or a height that is no length) is the content\'s height, not a 150 px frame that scrolls', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = guard(page);
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/lesson.html`);
    await page.evaluate(() => {
      for (const [id, height] of [['auto', 'auto'], ['tall', 'tall']]) {
        const el = Object.assign(document.createElement('backprop-playground'), { id });
        for (const [name, value] of [['dataset', 'moons'], ['parts', 'output,controls'], ['height', height]]) el.setAttribute(name, value);
        document.querySelector('main').append(el);
      }
    });
    for (const id of ['auto', 'tall']) {
      const frame = await frameOf(page, id);
      await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('iframe').getBoundingClientRect().height > 300, id);
      const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight);
      assert.equal(fits, true, `height="${id === 'auto' ? 'auto' : 'tall'}": the frame shows all of its content`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('a message in an element as tall as its content shows in the part of it in view, not below the fold', T, async () => {
  // The frame is as tall as its content (1,100 px and more), and the message sat at its foot: a
  // teacher's mistyped attribute was said where no one looked.
  const context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
  const page = await context.newPage();
  const problems = guard(page);
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/lesson.html`);
    await page.evaluate(() => document.getElementById('b').setAttribute('learning-rate', '0.5x'));
    await page.waitForFunction(() => /learningRate=0\.5x/.test(document.getElementById('b').shadowRoot.querySelector('iframe').src));
    const b = await frameOf(page, 'b');
    await b.waitForSelector('#message:not([hidden])');
    const messageInView = async () => {
      await frames(page, 3);
      const frame = await page.$eval('#b', (el) => el.shadowRoot.querySelector('iframe').getBoundingClientRect().toJSON());
      const message = await b.$eval('#message', (el) => el.getBoundingClientRect().toJSON());
      const viewport = await page.evaluate(() => innerHeight);
      return { top: frame.top + message.top, bottom: frame.top + message.bottom, frame: frame.height, viewport };
    };
    for (const y of ['start', 'center', 'end']) {
      await page.$eval('#b', (el, block) => el.scrollIntoView({ block }), y);
      const m = await messageInView();
      assert.ok(m.frame > m.viewport, `the element is taller than the window (${m.frame} px)`);
      assert.ok(m.top >= 0 && m.bottom <= m.viewport, `scrolled to its ${y}: the message at ${m.top}..${m.bottom} in a ${m.viewport} px window`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('an element showing a chapter\'s lab loads the chapters from beside its script', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = guard(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/lesson.html`);
    await page.evaluate(() => {
      const lab = Object.assign(document.createElement('backprop-playground'), { id: 'lab' });
      for (const [name, value] of [['chapter', 'activations'], ['widget', 'activation-lab'], ['parts', 'lab']]) lab.setAttribute(name, value);
      document.querySelector('main').append(lab);
    });
    const lab = await frameOf(page, 'lab');
    assert.equal(await lab.isVisible('#activation-lab'), true, 'the lab, drawn');
    assert.equal(await lab.isVisible('.chapter-text'), false, 'alone');
    assert.deepEqual(requests.filter((p) => p.endsWith('/chapters.js')), ['/playground/chapters.js'], 'once, from the playground\'s folder');
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('from file:// with the network off, the elements load the offline page', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = guard(page, (url) => url.startsWith('file:') || url.startsWith('data:'));
  try {
    await page.goto(pathToFileURL(path.join(SITE, 'lesson.html')).href);
    for (const [id, dataset] of [['a', 'circles'], ['b', 'xor'], ['c', 'spiral']]) {
      const frame = await frameOf(page, id);
      assert.match(frame.url(), /\/playground\/offline\/index\.html#/);
      assert.equal(await checkedDataset(frame), dataset);
    }
    const b = await frameOf(page, 'b');
    await b.click('#step');
    await frames(b);
    assert.equal(await epoch(b), 1);
    const height = await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('iframe').getBoundingClientRect().height);
    assert.ok(height > 300, `the offline frame reports its height too: ${height}`);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});
