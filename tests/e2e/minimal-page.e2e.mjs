// End-to-end: the minimal page (web/minimal.html + minimal.js) served from web/ on localhost, in
// headless Chromium (Debian's headless shell driven by playwright-core). Loads the wasm engine,
// trains XOR from the Train button and checks that the test loss falls, that nothing errors, and
// that the page makes no request beyond localhost (it must work offline).
// Not here: the engine's numbers (tests/wasm/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { serve } from '../../build-scripts/serve.mjs';
import { ROOT, RESULTS, launchChromium, guard } from './browser.mjs';

const SCREENSHOT = path.join(RESULTS, 'minimal-page.png');

let server;
let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(ROOT, 'web', 'wasm', 'backprop-core.wasm')),
    'web/wasm/backprop-core.wasm is missing: run bash build-scripts/build-wasm.sh first');
  server = await serve(path.join(ROOT, 'web'), 0);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('the minimal page trains XOR: the loss halves, no errors, no requests off localhost', { timeout: 45000 }, async () => {
  const { port } = server.address();
  const page = await browser.newPage();
  const problems = guard(page);
  try {
    await page.goto(`http://127.0.0.1:${port}/minimal.html`, { waitUntil: 'load' });
    await page.waitForSelector('#train:not([disabled])', { timeout: 15000 });
    const initial = Number(await page.getAttribute('#status', 'data-loss'));
    assert.ok(Number.isFinite(initial) && initial > 0, `initial loss ${initial}`);
    assert.equal(await page.getAttribute('#status', 'data-epoch'), '0');

    await page.click('#train');
    // At the chart's end (500 epochs) Train is off until Reset: no epochs drawn past the canvas.
    // The loss is read there, at a fixed epoch, not wherever training had got to.
    await page.waitForFunction(() => document.querySelector('#train').disabled, null, { timeout: 30000 });
    assert.equal(await page.getAttribute('#status', 'data-epoch'), '500');
    const loss = Number(await page.getAttribute('#status', 'data-loss'));
    assert.ok(loss < initial / 2, `test loss ${initial} -> ${loss}`);
    assert.doesNotMatch(await page.getAttribute('#status', 'class') ?? '', /error/);
    assert.match(await page.textContent('#status'), /^epoch 500 · test loss \d/);
    await page.click('#reset');
    assert.equal(await page.getAttribute('#status', 'data-epoch'), '0');
    assert.equal(await page.isEnabled('#train'), true);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
  } finally {
    await page.close();
  }
});

test('the minimal page by keyboard and screen reader: the status is read out at the end, not at every frame; the focus goes on to Reset', { timeout: 45000 }, async () => {
  const { port } = server.address();
  const page = await browser.newPage();
  const problems = guard(page);
  try {
    await page.goto(`http://127.0.0.1:${port}/minimal.html`, { waitUntil: 'load' });
    await page.waitForSelector('#train:not([disabled])', { timeout: 15000 });
    // Each rewrite of the status while it is live is read out (Chromium reports it as a change).
    await page.evaluate(() => {
      const status = document.querySelector('#status');
      const said = [];
      new MutationObserver(() => { if (status.getAttribute('aria-live') !== 'off') said.push(status.textContent); })
        .observe(status, { childList: true, characterData: true, subtree: true });
      Object.assign(window, { said });
    });
    await page.focus('#train');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#train').disabled, null, { timeout: 30000 });
    const said = await page.evaluate(() => /** @type {any} */ (window).said);
    assert.equal(said.length, 1, `read out ${said.length} times: ${said.slice(0, 3).join(' | ')}`);
    assert.match(said[0], /^epoch 500 · test loss \d/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reset', 'Train turned off: the focus is on Reset, not lost');
    assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
  } finally {
    await page.close();
  }
});
