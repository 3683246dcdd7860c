// Shared set-up for the playground's end-to-end tests: one static server and one headless
// Chromium per process, pages that may not reach beyond localhost, and every page error or
// console error collected and asserted empty at the end of each test. Plus small helpers that act
// on the page the way a learner does (select, slider, play/pause) and read what it shows.
// Not here: any assertion about the playground itself (the *.e2e.mjs files).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from '../../build-scripts/serve.mjs';
import { TIPS, STORAGE_KEY as TIPS_KEY } from '../../web/playground/first-visit.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');
// Everything beyond this machine goes to a proxy that is not there (Chromium never proxies
// loopback), so a stray request fails in the browser itself; guard() records it. No request
// interception: Playwright turns the HTTP cache off while any route is set.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--proxy-server=http://127.0.0.1:9'];

// One server, one browser and one spare page per process, shared by every file the process runs
// (tests/e2e/chromium-*.test.mjs import several): a file's first page in a new context costs about
// 3 CPU-seconds more than a later load in the same one (a cold HTTP cache and compile caches).
// Reference-counted by the files' before/after hooks: the last after() closes them.
const shared = { users: 0, starting: null, server: null, browser: null, spare: null, pages: new Map() };

async function acquire() {
  shared.users += 1;
  shared.starting ??= (async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'web', 'wasm', 'backprop-core.wasm')),
      'web/wasm/backprop-core.wasm is missing: run bash build-scripts/build-wasm.sh first');
    fs.mkdirSync(RESULTS, { recursive: true });
    // Nothing under web/ changes during a run: a reused page takes the files from its cache
    // without asking again (75 requests fewer per load, a quarter of a load's CPU here).
    shared.server = await serve(path.join(ROOT, 'web'), 0, '127.0.0.1',
      { headers: { 'cache-control': 'max-age=3600' }, pages: shared.pages });
    shared.browser = await launchChromium();
  })();
  await shared.starting;
}

async function relinquish() {
  shared.users -= 1;
  if (shared.users > 0) return;
  const { server, browser } = shared;
  Object.assign(shared, { starting: null, server: null, browser: null, spare: null });
  shared.pages.clear();
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
}

/**
 * Registers before/after hooks that share this process's server and browser with the file.
 * @returns {{ open(hash?: string, options?: object): Promise<Session>, release(session, passed): Promise<void> }}
 */
export function useBrowser() {
  // Settled once the server and browser are up: a file's own before() hook may run beside this one.
  let started;
  const ready = new Promise((resolve, reject) => { started = { resolve, reject }; });
  ready.catch(() => {});
  let acquired = false;
  before(async () => {
    try {
      acquired = true;
      await acquire();
      started.resolve();
    } catch (e) {
      started.reject(e);
      throw e;
    }
  });
  after(async () => {
    if (acquired) await relinquish();
  });
  return {
    /** Resolves when the server and the browser are up. */
    ready: () => ready,
    url: (hash = '') => `http://127.0.0.1:${shared.server.address().port}/index.html${hash}`,
    /**
     * Has the server answer /`name` with `html` (same origin as the playground) and returns its URL.
     * Not page.route(): while a route is set, Playwright turns the browser's cache off.
     */
    hostPage(name, html) {
      shared.pages.set(`/${name}`, html);
      return `http://127.0.0.1:${shared.server.address().port}/${name}`;
    },
    /**
     * Opens the playground with `hash` and waits until it is ready: in the spare page if there is
     * one (the page of the last test that passed, in this file or another), else in a new context.
     * The first-visit tips count as seen unless `firstVisit` is true, so they never sit over a
     * control a test clicks. `init` runs in the page before its own scripts; `touch` makes it a
     * phone's or tablet's (a touchscreen, the page laid out by its meta viewport); `fontSize` is the
     * browser's default font size in px (its Appearance setting, 16 unless changed). Pages with any
     * of these four are never reused.
     */
    async open(hash = '', { viewport = { width: 1280, height: 800 }, firstVisit = false, init = null, touch = false, fontSize = null } = {}) {
      const reusable = !firstVisit && !init && !touch && !fontSize;
      let session = reusable ? shared.spare : null;
      if (session) {
        shared.spare = null;
        session.problems.length = 0;
        await session.page.setViewportSize(viewport);
      } else {
        const context = await shared.browser.newContext({ viewport, acceptDownloads: true, hasTouch: touch, isMobile: touch });
        if (!firstVisit) {
          await context.addInitScript(([key, ids]) => localStorage.setItem(key, JSON.stringify(ids)), [TIPS_KEY, TIPS.map((t) => t.id)]);
        }
        const page = await context.newPage();
        const problems = guard(page);
        if (init) await page.addInitScript(init);
        if (fontSize) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: fontSize } });
        session = { page, context, problems, reusable };
      }
      await session.page.goto(this.url(hash), { waitUntil: 'load' });
      await session.page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      await frames(session.page);
      return session;
    },
    /**
     * Ends a session from open(). The page of a test that passed is left as a new one would be
     * (blank, storage and permissions cleared, only the request guard routed, the pointer in a
     * corner) and kept as the spare; any other is closed with its context.
     */
    async release(session, passed) {
      const { page, context } = session;
      if (!passed || !session.reusable || shared.spare || page.isClosed()) {
        await context.close();
        return;
      }
      await page.mouse.move(0, 0);
      await page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* about:blank */ } });
      await page.goto('about:blank');
      await context.clearPermissions();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      shared.spare = session;
    },
  };
}

/**
 * Launches Debian's Chromium headless shell (Blink and V8 without the desktop browser: a page load
 * costs about a third less CPU than in chromium --headless) with the project's flags, or the
 * browser at $BACKPROP_CHROMIUM (e.g. /usr/bin/chromium, to compare).
 */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.BACKPROP_CHROMIUM || '/usr/bin/chromium-headless-shell', args: CHROMIUM_ARGS });
}

/** True for http(s) requests to this machine. */
export const isLocal = (url) => {
  const { protocol, hostname } = new URL(url);
  return (protocol === 'http:' || protocol === 'https:') && ['127.0.0.1', 'localhost'].includes(hostname);
};

/**
 * Collects into the returned array the page's errors (page errors, console errors) and every
 * request for which `allow(url)` is false (default: anything beyond localhost, which the browser's
 * flags already make fail).
 */
export function guard(page, allow = isLocal) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('request', (request) => { if (!allow(request.url())) problems.push(`request beyond localhost: ${request.url()}`); });
  return problems;
}

/**
 * Runs `fn(page)` on a page freshly loaded with `hash`, then asserts that the page reported no
 * errors and made no request beyond localhost. The page is released either way (kept for the
 * next test only if this one passed).
 */
export async function withPage(b, hash, fn, options) {
  const session = await b.open(hash, options);
  let problems = [];
  let passed = false;
  try {
    await fn(session.page, session);
    passed = true;
  } catch (e) {
    if (session.problems.length) e.message += `\n(the page also reported: ${session.problems.join(' | ')})`;
    throw e;
  } finally {
    problems = [...session.problems];
    await b.release(session, passed && problems.length === 0);
  }
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
}

// ---- acting on the page ----

/** Waits for two animation frames, so the controller has rendered what changed. */
/**
 * Moves the mouse onto a visible point of an SVG element of the page (a network link: along its
 * curve; a neuron or a bias square: its centre), from a little way off as a hand would, and
 * returns the point. Fails when no point of it is on top.
 */
export async function hoverSvg(page, selector) {
  const point = await page.$eval(selector, (el) => {
    const candidates = [];
    if (el.tagName === 'path') {
      const length = el.getTotalLength();
      for (const f of [0.3, 0.2, 0.4, 0.15, 0.6, 0.7, 0.8]) candidates.push(el.getPointAtLength(f * length));
    } else {
      const bb = el.getBBox();
      candidates.push({ x: bb.x + bb.width / 2 - 1, y: bb.y + bb.height / 2 + 1 });
    }
    const m = el.getScreenCTM();
    for (const p of candidates) {
      const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
      const at = document.elementFromPoint(x, y);
      if (at === el || el.contains(at)) return { x, y };
    }
    return null;
  });
  assert.ok(point, `a visible point on ${selector}`);
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await frames(page, 3);
  await page.mouse.move(point.x + 0.5, point.y);
  return point;
}

export async function frames(page, n = 2) {
  await page.evaluate((count) => new Promise((resolve) => {
    const tick = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => tick(k - 1)));
    tick(count);
  }), n);
}

/** Chooses `value` in the select bound to settings key `key`. */
export async function choose(page, key, value) {
  await page.selectOption(`select[data-key="${key}"]`, String(value));
  await frames(page);
}

/** Sets a range slider (as a drag would end): input events while moving, change on release. */
export async function slide(page, key, value) {
  await page.$eval(`input[type="range"][data-key="${key}"]`, (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
  await frames(page);
}

/** Types `value` into the number input bound to `key` and commits it with Enter. */
export async function type(page, key, value) {
  const input = page.locator(`input[data-key="${key}"]`);
  await input.fill(String(value));
  await input.press('Enter');
  await frames(page);
}

/** Ticks or unticks the checkbox bound to `key`. */
export async function check(page, key, on = true) {
  await page.setChecked(`input[type="checkbox"][data-key="${key}"]`, on);
  await frames(page);
}

export async function play(page) {
  assert.equal(await page.getAttribute('#play', 'aria-label'), 'Play', 'the play button offers Play');
  await page.click('#play');
}
export async function pause(page) {
  if (await page.getAttribute('#play', 'aria-label') === 'Pause') await page.click('#play');
  await frames(page);
}

/**
 * Pauses, then trains exactly `n` epochs with the step button (step mode epoch), and waits for the
 * render: assertions after it read the state at a fixed epoch, never after wall time.
 */
export async function stepEpochs(page, n) {
  await pause(page);
  await page.selectOption('#stepMode', 'epoch');
  await page.evaluate((count) => { for (let i = 0; i < count; ++i) document.getElementById('step').click(); }, n);
  await frames(page);
}

/**
 * Plays until `predicate(state)` holds (state = what readState returns), then pauses. Polled from
 * here, not with waitForFunction, whose in-page eval a strict CSP (the offline file's) forbids.
 */
export async function trainUntil(page, predicate, { timeout = 20000 } = {}) {
  await play(page);
  try {
    const end = Date.now() + timeout;
    while (!predicate(await readState(page))) {
      if (Date.now() > end) throw new Error(`trainUntil: ${predicate} did not hold within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await pause(page);
  }
}

// ---- reading the page ----

const readStateSource = `() => {
  const text = (id) => document.getElementById(id).textContent.trim();
  const number = (t) => (t === '–' ? NaN : parseFloat(t));
  const message = document.getElementById('message');
  return {
    epoch: Number(document.getElementById('epoch').dataset.epoch),
    testLoss: number(text('test-loss')), trainLoss: number(text('train-loss')),
    validationLoss: number(text('validation-loss')), testAccuracy: number(text('test-accuracy')),
    playing: document.getElementById('play').getAttribute('aria-label') === 'Pause',
    message: message.hidden ? '' : text('message-text'),
    messageKind: message.hidden ? '' : message.className.replace('message', '').trim(),
  };
}`;

/** Client coordinates of plane point (x1, x2) on the output plot. */
export async function planePoint(page, x1, x2) {
  const box = await page.locator('#plot canvas.data-plot-points').boundingBox();
  return { x: box.x + ((x1 + 6) / 12) * box.width, y: box.y + ((6 - x2) / 12) * box.height };
}
/** Clicks plane point (x1, x2) on the output plot (shift: with Shift held), then waits a frame. */
export async function clickPlane(page, x1, x2, { shift = false } = {}) {
  // As a learner would, with the plot in view: a mouse click outside the viewport reaches nothing.
  await page.locator('#plot canvas.data-plot-points').scrollIntoViewIfNeeded();
  const p = await planePoint(page, x1, x2);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(p.x, p.y);
  if (shift) await page.keyboard.up('Shift');
  await frames(page);
}
/**
 * A finger on a touch page (open(..., { touch: true })), through CDP touch events as a touchscreen
 * sends them, so the browser scrolls or cancels as it would: down at `from`, `steps` moves (one a
 * frame) to `to`, then `whileDown()` (e.g. waiting for a hold to act), then up.
 */
export async function touchGesture(page, from, to = from, { steps = 10, whileDown } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let i = 1; i <= steps; ++i) {
      const at = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
      await frames(page, 1);
    }
    await whileDown?.();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
  await frames(page);
}
/** What the page shows: epoch, losses, accuracy (percent), playing, the message and its kind. */
export async function readState(page) {
  return page.evaluate(`(${readStateSource})()`);
}

/**
 * Runs `run(engine)` (a function, or its source) on a fresh engine in the page, configured from the
 * page's link, and returns its result as plain data (typed arrays as arrays): the page's numbers,
 * computed again through the JS API. Not under a strict CSP (it compiles `run` in the page).
 */
export async function engineReference(page, run) {
  return page.evaluate(async (source) => {
    const { Engine } = await import('./engine.js');
    const { parseHash, engineSettings } = await import('./state.js');
    const engine = new Engine(await window.createBackpropCore());
    try {
      engine.configure(engineSettings(parseHash(location.hash).state));
      const result = new Function('engine', `return (${source})(engine);`)(engine);
      const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : Array.isArray(v) ? v.map(plain)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
      return plain(result);
    } finally {
      engine.dispose();
    }
  }, String(run));
}

/** The URL hash as an object of decoded strings. */
export async function hashParams(page) {
  const hash = await page.evaluate(() => location.hash);
  const out = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    out[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
  }
  return out;
}

/** A data URL of the output plot's layers (heatmap and points), to tell two pictures apart. */
export async function plotPicture(page) {
  return page.$$eval('#plot canvas', (canvases) => canvases.map((c) => c.toDataURL()).join('|'));
}

/** Saves a screenshot under test-results/. */
export async function screenshot(page, name, options = {}) {
  const file = path.join(RESULTS, name);
  await page.screenshot({ path: file, ...options });
  return file;
}

/**
 * Follows `hash` as a link in the page does (a hashchange) and waits for its render, `n` frames: the
 * first chapter opened on a page waits for the chapters to load, its place aria-busy until then.
 */
export async function goTo(page, hash, n = 3) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await frames(page, 1);  // the hashchange handled
  await page.waitForSelector('#chapter[aria-busy="true"]', { state: 'detached' });
  await frames(page, n);
}

/**
 * Follows `hash` as a link in the page does, and reports what the sliced lab `lab` showed once the
 * page had handled it: whether it was busy with `results` (its numbers) still empty, its first
 * numbers computed over frames (web/course/sliced.js), and the frames the page drew until they came.
 */
export function followToLab(page, { hash, lab, results }) {
  return page.evaluate(async ({ hash, lab, results }) => {
    const handled = new Promise((resolve) => { addEventListener('hashchange', resolve, { once: true }); });
    location.hash = hash;
    await handled;  // after the page's own listener, added first: the chapter is mounted
    const section = document.querySelector(lab);
    const atOnce = { busy: section.getAttribute('aria-busy') === 'true', empty: section.querySelector(results).childElementCount === 0 };
    let drawn = 0;
    while (section.getAttribute('aria-busy') === 'true') {
      await new Promise((resolve) => { requestAnimationFrame(resolve); });
      drawn += 1;
    }
    return { atOnce, frames: drawn };
  }, { hash, lab, results });
}

/**
 * Commits `changes` ([selector, value] pairs) to the fields of the lab `lab` as a learner's Enter
 * does (the value set, a "change" fired), each in a task of its own `framesBetween` animation frames
 * after the last, and waits until the lab is no longer aria-busy (web/course/sliced.js). Reports what
 * a learner would have seen: whether the lab was busy with `results` (its numbers) still unchanged
 * right after each change event, the frames the page drew until the numbers came, and how many
 * times `results` was redrawn (once: a computation overtaken by a newer change never shows; its
 * children replaced in one go).
 */
export function commitToLab(page, { lab, results, changes, framesBetween = 2 }) {
  return page.evaluate(async ({ lab, results, changes, framesBetween }) => {
    const section = document.querySelector(lab), shown = section.querySelector(results);
    let redraws = 0;
    const watching = new MutationObserver((records) => { redraws += records.length; });
    watching.observe(shown, { childList: true });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const atOnce = [];
    let drawn = 0;
    for (const [i, [selector, value]] of changes.entries()) {
      if (i > 0) for (let k = 0; k < framesBetween; ++k) { await frame(); drawn += 1; }
      const before = shown.innerHTML;
      const field = section.querySelector(selector);
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      atOnce.push({ busy: section.getAttribute('aria-busy') === 'true', unchanged: shown.innerHTML === before });
    }
    while (section.getAttribute('aria-busy') === 'true') { await frame(); drawn += 1; }
    redraws += watching.takeRecords().length;
    watching.disconnect();
    return { atOnce, frames: drawn, redraws };
  }, { lab, results, changes, framesBetween });
}
