// The page's budget, as figures (not a test): the gzipped size of the built site, dist/ (HTML, JS,
// wasm, CSS that a visit loads; must stay under 400 KB; the French catalogue and the chapters, which
// a visit loads only in French or once it opens a chapter, and the importable engine, which the page
// does not load, are listed apart) and of the one-file offline page, and how fast a localhost
// load renders in headless Chromium (first contentful paint and the page ready to train, both
// under 1 s). Builds dist/ first (build-dist.mjs). `npm run bench` prints it; exits 1 over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from '../../build-scripts/serve.mjs';
import { buildDist, ENGINE_MODULE_FILES, CATALOGUE_SCRIPT, CHAPTERS_SCRIPT } from '../../build-scripts/build-dist.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const SIZE_BUDGET = 400 * 1024;
const RENDER_BUDGET_MS = 1000;
const RUNS = 5;

const files = await buildDist(DIST);
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
let raw = 0, gz = 0;
console.log('built site (dist/), gzip -9            raw        gzipped');
const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
// Not loaded by the page: the importable engine, the <backprop-playground> element's script, the package's
// manifests; the French catalogue only in French, the chapters once one is opened (listed apart).
const notPage = new Set([...ENGINE_MODULE_FILES, 'backprop-playground.js', 'package.json', 'wasm/package.json', CATALOGUE_SCRIPT,
  CHAPTERS_SCRIPT]);
for (const { file, bytes } of files.filter((f) => !f.file.startsWith('offline') && !notPage.has(f.file))) {
  const z = gzipped(file);
  raw += bytes; gz += z;
  console.log(`  ${file.padEnd(34)} ${kb(bytes)}  ${kb(z)}`);
}
console.log(`  ${'total'.padEnd(34)} ${kb(raw)}  ${kb(gz)}   (budget ${kb(SIZE_BUDGET).trim()})`);
for (const [file, label, visit] of [[CATALOGUE_SCRIPT, 'in French', 'in French'], [CHAPTERS_SCRIPT, 'a chapter opened', 'that opens a chapter']]) {
  const { bytes } = files.find((f) => f.file === file);
  console.log(`  ${`${file} (${label})`.padEnd(34)} ${kb(bytes)}  ${kb(gzipped(file))}` +
    `   (a visit ${visit}: ${kb(gz + gzipped(file)).trim()})`);
}
const engine = files.filter((f) => ENGINE_MODULE_FILES.includes(f.file));
console.log(`  ${'the importable engine (not loaded)'.padEnd(34)} ${kb(engine.reduce((n, f) => n + f.bytes, 0))}  ` +
  `${kb(engine.reduce((n, f) => n + gzipped(f.file), 0))}`);
const offline = path.join(DIST, 'offline', 'index.html');
const offlineGz = zlib.gzipSync(fs.readFileSync(offline), { level: 9 }).length;
console.log(`  ${'offline/index.html (one file)'.padEnd(34)} ${kb(fs.statSync(offline).size)}  ${kb(offlineGz)}`);

// First render: fresh context (empty cache) per run, localhost, default XOR set-up.
const server = await serve(DIST, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fcp = [], ready = [];
try {
  for (let i = 0; i < RUNS; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The moment the controller marks the page ready (engine up, first state applied).
      new MutationObserver((_, obs) => {
        if (document.body?.dataset.ready === 'true') {
          window.__readyAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, ready: window.__readyAt,
    }));
    fcp.push(t.fcp); ready.push(t.ready);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log();
console.log(`first render on localhost, headless Chromium, median of ${RUNS} cold loads`);
console.log(`  first contentful paint               ${median(fcp).toFixed(0).padStart(7)} ms`);
console.log(`  ready to train (engine up, drawn)    ${median(ready).toFixed(0).padStart(7)} ms   (budget ${RENDER_BUDGET_MS} ms)`);

const over = [];
if (gz >= SIZE_BUDGET) over.push(`dist/ is ${kb(gz).trim()} gzipped, budget ${kb(SIZE_BUDGET).trim()}`);
if (median(ready) >= RENDER_BUDGET_MS) over.push(`ready after ${median(ready).toFixed(0)} ms, budget ${RENDER_BUDGET_MS} ms`);
if (over.length) {
  console.log(`OVER BUDGET: ${over.join('; ')}`);
  process.exitCode = 1;
}
