// End-to-end: the page under a strict Content-Security-Policy. The hosted build (and web/ as
// `npm start` serves it) under STRICT_CSP sent as a header, and the offline file under the policy
// in its own <meta> (its inline scripts and stylesheet allowed by hash): each starts the engine,
// trains, saves a figure as PNG and SVG, and reports no policy violation. Without -sDYNAMIC_EXECUTION=0 Embind's glue calls
// new Function, which script-src 'self' 'wasm-unsafe-eval' blocks.
// Not here: the build's contents (dist.e2e.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ROOT, RESULTS, launchChromium, guard, frames, readState, trainUntil } from './browser.mjs';
import { serve } from '../../build-scripts/serve.mjs';
import { buildDist, STRICT_CSP } from '../../build-scripts/build-dist.mjs';

const T = { timeout: 60000 };
const OUT = path.join(RESULTS, 'csp-site');
let servers = [];
let browser;

before(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  await buildDist(OUT);
  const headers = { 'content-security-policy': STRICT_CSP };
  servers = [await serve(OUT, 0, '127.0.0.1', { headers }), await serve(path.join(ROOT, 'web'), 0, '127.0.0.1', { headers })];
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

// Opens `url`, trains 20 epochs, and returns the policy violations the page saw (none expected).
async function trainUnderPolicy(url, allow) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = guard(page, allow);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await frames(page);
    const start = await readState(page);
    assert.equal(start.message, '', 'the engine started');
    await trainUntil(page, (s) => s.epoch >= 20);
    const trained = await readState(page);
    assert.ok(trained.testLoss < start.testLoss, `test loss ${start.testLoss} -> ${trained.testLoss}`);
    // The step panel's typeset equations (class-aligned rows, no style attributes) as well.
    await page.click('#step-trace-example');
    await page.click('#step-timeline button >> nth=-1');
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    assert.ok(await page.locator('#step-equation math').count() > 0);
    // Saving a figure needs no image URL the policy would block (canvas to PNG, SVG as text).
    for (const format of ['png', 'svg']) {
      await page.click('[data-figure="decision-boundary"] .figure-export-toggle');
      const download = page.waitForEvent('download');
      await page.click(`[data-figure="decision-boundary"] button[data-format="${format}"]`);
      assert.match((await download).suggestedFilename(), new RegExp(`^backprop-decision-boundary-epoch-\\d+\\.${format}$`));
    }
    // share.css is in force too (inlined in the offline file): the Share / embed dialog opens wide.
    await page.click('#share');
    const dialogWidth = await page.evaluate(() => document.getElementById('share-dialog').getBoundingClientRect().width);
    assert.ok(dialogWidth > 1000, `the share dialog is ${dialogWidth} px wide at 1280`);
    await page.keyboard.press('Escape');
    // The chapters, which come when one is first opened (beside app.js, or inline in the offline file).
    await page.evaluate(() => { location.hash = 'chapter=backprop'; });
    await page.waitForSelector('#expression-lab');
    return { violations: await page.evaluate(() => window.cspViolations), problems };
  } finally {
    await context.close();
  }
}

test('the hosted build trains under the strict policy sent as a header', T, async () => {
  const { violations, problems } = await trainUnderPolicy(`http://127.0.0.1:${servers[0].address().port}/#learningRate=0.1`);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('the hosted build in French loads its catalogue (a script beside app.js) under the same policy', T, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guard(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  try {
    await page.goto(`http://127.0.0.1:${servers[0].address().port}/#lang=fr`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.textContent('#output-panel h2'), 'Sortie', 'French from the first render');
    assert.equal(await page.getAttribute('#play', 'aria-label'), 'Lecture');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('web/ as npm start serves it trains under the same policy', T, async () => {
  const { violations, problems } = await trainUnderPolicy(`http://127.0.0.1:${servers[1].address().port}/index.html#learningRate=0.1`);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});

test('the offline file carries its own strict policy (hashes, no unsafe-inline) and trains under it', T, async () => {
  const file = path.join(OUT, 'offline', 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'the offline file has a CSP meta tag');
  const policy = meta[1];
  // Five scripts: the theme's (in <head>, before the first paint), the module's, the French
  // catalogue's, the page's and the chapters'.
  assert.match(policy, /^default-src 'none'; script-src ('sha256-[A-Za-z0-9+/=]+' ){5}'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; frame-src 'self';/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before the first script');
  const { violations, problems } = await trainUnderPolicy(`${pathToFileURL(file).href}#learningRate=0.1`,
    (url) => url.startsWith('file:') || url.startsWith('data:'));
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});
