// End-to-end: the built site (build-scripts/build-dist.mjs). The hosted copy, served from a
// subfolder (/some/sub/folder/) of a plain static server, loads, trains and asks for nothing beyond
// localhost; the one-file offline copy opens from file:// with the network off and every request
// but file: and data: blocked, learns XOR, saves and loads its model and points as files, shares a
// link that opens the same set-up, and shows every chapter with its labs (and, uploaded alone to the
// server, its Share dialog measures and previews embeds); another site's page imports the engine from the
// hosted build as an ES module (backprop.js); the built pages (minified CSS, bundled script) look
// exactly like web/'s, pixel for pixel. Each file builds into its own folder under
// test-results/, so test files running in parallel never share one.
// Not here: the page's behaviour in detail (playground-*.e2e.mjs), sizes (tests/bench/budget.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { RESULTS, ROOT, launchChromium, guard, frames, readState, trainUntil, screenshot } from './browser.mjs';
import { serve } from '../../build-scripts/serve.mjs';
import { buildDist } from '../../build-scripts/build-dist.mjs';
import { loadEngine } from '../wasm/load-engine.mjs';
import { CHAPTERS } from '../../web/course/chapters.js';

const T = { timeout: 60000 };
const SITE = path.join(RESULTS, 'dist-site');           // what the static server serves
const SUB = 'some/sub/folder';
const OUT = path.join(SITE, ...SUB.split('/'));          // the built app, in a subfolder of it
let server;
let browser;

before(async () => {
  fs.rmSync(SITE, { recursive: true, force: true });
  await buildDist(OUT);
  server = await serve(SITE, 0);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

// `run(page)` in a fresh context at 1280 × 800, closed after; returns what guard() caught meanwhile.
async function inContext(run) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = guard(page);
  try {
    await run(page);
  } finally {
    await context.close();
  }
  return problems;
}

test('the build holds only what the page needs, with relative paths', () => {
  const files = (dir, base = dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    (d.isDirectory() ? files(path.join(dir, d.name), base) : [path.relative(base, path.join(dir, d.name))]));
  assert.deepEqual(files(OUT).sort(), ['app.js', 'backprop-playground.js', 'backprop.d.ts', 'backprop.js', 'chapters.js', 'engine.d.ts', 'engine.js',
    'favicon.svg', 'i18n-fr.js', 'index.html', 'offline/index.html', 'package.json', 'share.css', 'style.css', 'theme-init.js',
    'wasm/backprop-core.js', 'wasm/backprop-core.wasm', 'wasm/esm/backprop-core.mjs', 'wasm/esm/backprop-core.wasm',
    'wasm/package.json']);
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(refs.filter((r) => r.startsWith('/') || /^[a-z]+:\/\//i.test(r)), [], 'no absolute paths or URLs');
  assert.ok(!/type="module"/.test(html), 'no ES modules left');
  const offline = fs.readFileSync(path.join(OUT, 'offline', 'index.html'), 'utf8');
  assert.ok(!/<script[^>]+src=|<link[^>]+stylesheet/.test(offline), 'the offline page loads no other file');
  assert.ok(!/new Worker|importScripts\(/.test(offline), 'no Worker in the offline page (file:// would refuse it)');
  // The chapters take the modules they share with the page from app.js, which publishes them: no
  // second copy of i18n (its catalogue and language) or of the state's settings.
  const app = fs.readFileSync(path.join(OUT, 'app.js'), 'utf8');
  const chapters = fs.readFileSync(path.join(OUT, 'chapters.js'), 'utf8');
  for (const shared of ['i18n/i18n.js', 'state.js', 'engine.js', 'course/lab-state.js']) {
    assert.ok(app.includes(`${JSON.stringify(shared)}:`), `app.js publishes ${shared}`);
    assert.ok(chapters.includes(`BackpropModules[${JSON.stringify(shared)}]`), `chapters.js takes ${shared} from app.js`);
  }
  for (const text of ['the French catalogue did not register', 'the chapters did not register', 'state must be an object']) {
    assert.equal(app.split(text).length - 1, 1, `app.js says '${text}' once`);
    assert.ok(!chapters.includes(text), `chapters.js does not bundle the module that says '${text}' again`);
  }
});

test(`the hosted build works from a subfolder (/${SUB}/) of a static server`, T, async () => {
  const problems = await inContext(async (page) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#dataset=circles&noise=0.1`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await frames(page);
    assert.equal(await page.getAttribute('#datasets [data-dataset="circles"]', 'aria-checked'), 'true', 'the hash is read');
    const before = await readState(page);
    await trainUntil(page, (s) => s.epoch >= 20);
    const after = await readState(page);
    assert.ok(after.epoch >= 20);
    assert.ok(after.testLoss < before.testLoss, `test loss falls: ${before.testLoss} -> ${after.testLoss}`);
    assert.equal(after.message, '');
    for (const p of requests) assert.ok(p.startsWith(`/${SUB}/`), `request outside the app's folder: ${p}`);
    assert.ok(requests.some((p) => p.endsWith('/wasm/backprop-core.wasm')), 'the wasm comes from beside the page');
    assert.ok(!requests.some((p) => p.endsWith('/i18n-fr.js')), 'in English, no French catalogue');
    await screenshot(page, 'dist-subfolder.png');
    // In French (the Language menu): the catalogue comes from beside app.js, and the page reads French.
    await page.selectOption('#language', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await frames(page);
    assert.ok(requests.some((p) => p === `/${SUB}/i18n-fr.js`), 'the French catalogue beside the page');
    assert.equal(await page.textContent('#output-panel h2'), 'Sortie');
    assert.equal((await readState(page)).epoch, after.epoch, 'the run kept');
  });
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('the hosted build loads the chapters only when one is opened, takes them from beside app.js, and keeps the run', T, async () => {
  const problems = await inContext(async (page) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const chapterScripts = () => requests.filter((p) => p.endsWith('/chapters.js'));
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#dataset=circles&noise=0.1`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await trainUntil(page, (s) => s.epoch >= 10);
    const run = (await readState(page)).epoch;
    // The playground's Chapters menu lists every chapter without them.
    assert.deepEqual(await page.$$eval('[data-chapter-link]', (links) => links.map((a) => a.dataset.chapterLink)),
      ['playground', ...CHAPTERS.map((c) => c.id)]);
    assert.deepEqual(chapterScripts(), [], 'a visit to the playground does not load the chapters');
    // Opening the menu fetches them ahead of a choice; choosing one then loads nothing more.
    const fetched = page.waitForRequest((r) => r.url().endsWith('/chapters.js'));
    await page.click('.course-menu summary');
    await fetched;
    await page.click('[data-chapter-link="gradient-descent"]');
    await page.waitForSelector('#descent-lab');
    assert.deepEqual(chapterScripts(), [`/${SUB}/chapters.js`], 'the chapters, once, from beside app.js');
    assert.equal(await page.textContent('#chapter-title'), '3. Gradient descent');
    assert.equal(await page.getAttribute('#chapter', 'aria-busy'), null);
    assert.equal((await readState(page)).epoch, run, 'the run kept');
    // Another chapter and back to the playground: nothing more to load.
    await page.evaluate(() => { location.hash = 'chapter=neuron'; });
    await page.waitForSelector('#neuron-unit');
    await page.goBack();
    await page.waitForSelector('#descent-lab');
    assert.deepEqual(chapterScripts(), [`/${SUB}/chapters.js`]);
  });
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('the hosted build opened on a chapter\'s link shows it, its labs sharing the page\'s language', T, async () => {
  const problems = await inContext(async (page) => {
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#chapter=neuron&task=nand&unit.w1=2&lang=fr`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.textContent('#chapter-title'), '1. Le neurone');
    assert.equal(await page.inputValue('#neuron-w1'), '2', 'the lab reads its key from the link');
    // A status the chapter composes with t(): in French only if it shares the page's catalogue and language.
    assert.match(await page.textContent('#task-nand .task-status'), /^Pas encore/);
    assert.match(page.url(), /#chapter=neuron&task=nand&unit\.w1=2&lang=fr$/);
  });
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('the hosted build says when the chapters cannot load, keeps the playground and the link, and loads them on Try again', T, async () => {
  // As when the connection drops before a chapter is first opened.
  let blocked = 0;
  const problems = await inContext(async (page) => {
    await page.route('**/chapters.js', (route) => { blocked += 1; return route.abort(); });
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#dataset=circles&noise=0.1`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await trainUntil(page, (s) => s.epoch >= 10);
    const run = (await readState(page)).epoch;
    await page.evaluate(() => { location.hash = `chapter=regularisation&reg.l2=0.003&${location.hash.slice(1)}`; });
    await page.waitForSelector('#chapter [role="alert"]');
    assert.equal(blocked, 1);
    assert.equal(await page.textContent('#chapter-title'), '7. Regularisation and generalisation');
    assert.match(await page.textContent('#chapter [role="alert"]'), /This chapter could not be loaded\. Check the connection, then try again; the playground works meanwhile\./);
    assert.equal(await page.getAttribute('#chapter', 'aria-busy'), null);
    assert.match(page.url(), /#chapter=regularisation&reg\.l2=0\.003&/, 'the link keeps the chapter and its lab\'s value');
    // The playground works on, its run as it was.
    const state = await readState(page);
    assert.equal(state.epoch, run);
    assert.equal(state.message, '');
    await trainUntil(page, (s) => s.epoch >= run + 5);
    // In French, the message too.
    await page.selectOption('#language', 'fr');
    await page.waitForSelector('#chapter [role="alert"] button >> text=Réessayer');
    assert.equal(blocked, 2, 'the new language tried again');
    await page.selectOption('#language', 'en');
    await page.waitForSelector('#chapter [role="alert"] button >> text=Try again');
    assert.equal(blocked, 3);
    // By keyboard: Try again that fails again leaves focus on the new Try again, not the page's start.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await page.focus('#chapter [role="alert"] button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('#chapter [role="alert"] button'));
    assert.equal(blocked, 4);
    assert.equal(await focused(), 'Try again');
    await page.unroute('**/chapters.js');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reg-lab');
    assert.equal(await page.$('#chapter [role="alert"]'), null);
    assert.equal(await focused(), '7. Regularisation and generalisation', 'focus goes on to the chapter\'s heading');
    assert.match(page.url(), /#chapter=regularisation&reg\.l2=0\.003&/);
  });
  // The browser's own line for each request the test aborted, and nothing else.
  assert.deepEqual(problems, Array(blocked).fill('console error: Failed to load resource: net::ERR_FAILED'),
    'errors on the page or requests beyond localhost');
});

test('a page opened before the site was updated asks for a reload rather than run chapters built for the new one, and the reload opens the chapter', T, async () => {
  const problems = await inContext(async (page) => {
    // The site updated while the tab was open: chapters.js now comes from another build (its id differs).
    const built = fs.readFileSync(path.join(OUT, 'chapters.js'), 'utf8');
    const [, id] = built.match(/BackpropBuild!=="([0-9a-f]{16})"/) ?? [];
    assert.ok(id, 'chapters.js names the build it runs beside');
    assert.ok(fs.readFileSync(path.join(OUT, 'app.js'), 'utf8').includes(`"${id}"`), 'app.js carries the same id');
    await page.route('**/chapters.js', (route) => route.fulfill({ contentType: 'text/javascript', body: built.replace(id, '0123456789abcdef') }));
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#dataset=circles&noise=0.1`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await page.evaluate(() => { location.hash = `chapter=regularisation&reg.l2=0.003&${location.hash.slice(1)}`; });
    await page.waitForSelector('#chapter [role="alert"]');
    assert.match(await page.textContent('#chapter [role="alert"]'),
      /The site has been updated since this page was opened\. Reload the page to open the chapter/);
    assert.equal(await page.getAttribute('#chapter', 'aria-busy'), null);
    assert.equal(await page.$('#reg-lab'), null, 'nothing of the newer chapters drawn');
    // The reload brings the page of the chapters' build (here: the route lifted), on the same link.
    await page.unroute('**/chapters.js');
    await Promise.all([page.waitForEvent('load'), page.click('#chapter [role="alert"] button >> text=Reload the page')]);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await page.waitForSelector('#reg-lab');
    assert.match(page.url(), /#chapter=regularisation&reg\.l2=0\.003&dataset=circles&noise=0\.1/);
  });
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('a chapter coming slowly shows its place from the top at once, then leaves the page where the learner has scrolled since', T, async () => {
  const problems = await inContext(async (page) => {
    // The chapters held back until the test lets them come, as on a slow connection.
    let arrive;
    const slow = new Promise((resolve) => { arrive = resolve; });
    await page.route('**/chapters.js', async (route) => { await slow; await route.continue(); });
    const top = (selector) => page.$eval(selector, (el) => Math.round(el.getBoundingClientRect().top));
    const base = `http://127.0.0.1:${server.address().port}/${SUB}/`;
    await page.goto(`${base}#dataset=circles`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => scrollY >= 400);
    // A chapter asked for from down the page: its place, loading, is in view.
    await page.evaluate(() => { location.hash = 'chapter=mlp&dataset=circles'; });
    await page.waitForSelector('#chapter[aria-busy="true"]');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the loading chapter read from its top');
    // Screen readers are told, from a status outside the busy place (whose changes they hold back).
    const announced = () => page.$eval('[role="status"]#chapter-status', (el) => ({ text: el.textContent, inBusy: el.closest('[aria-busy="true"]') !== null }));
    assert.deepEqual(await announced(), { text: 'Loading the chapter…', inBusy: false });
    // Meanwhile the learner goes down to the playground and moves a slider by keyboard.
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => scrollY >= 400);
    await page.focus('#noise-slider');
    await page.keyboard.press('ArrowRight');
    const before = await top('#noise-slider');
    assert.ok(before > 0 && before < 700, `the slider in view (${before})`);
    arrive();
    await page.waitForSelector('#chapter:not([aria-busy]) #chapter-title');
    assert.deepEqual(await announced(), { text: '', inBusy: false }, 'loaded: the status says no more');
    await frames(page, 2);
    const after = await top('#noise-slider');
    assert.ok(Math.abs(after - before) <= 2, `the slider being moved stays where it was (${before} px, now ${after}), not scrolled away to the chapter's top`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'noise-slider');
  });
  assert.deepEqual(problems, [], 'errors on the page or requests beyond localhost');
});

test('the offline build opens from file:// with the network off and learns XOR', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = guard(page, (url) => url.startsWith('file:') || url.startsWith('data:'));
  try {
    const url = pathToFileURL(path.join(OUT, 'offline', 'index.html')).href;
    await page.goto(`${url}#learningRate=0.1`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await frames(page);
    const before = await readState(page);
    await trainUntil(page, (s) => s.epoch >= 60);
    const after = await readState(page);
    assert.ok(after.testLoss < 0.8 * before.testLoss, `XOR test loss falls: ${before.testLoss} -> ${after.testLoss}`);
    assert.equal(after.message, '');
    // A learner's work leaves and comes back as files, under the file's own strict policy: the model
    // and the points download, and load again through the file chooser.
    const saved = async (button) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
    };
    const choose = async (input, file) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`label:has(${input})`)]);
      await chooser.setFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) });
      await page.waitForSelector('#message:not([hidden])');
      await frames(page);
    };
    const model = await saved('#model-save');
    assert.equal(JSON.parse(model.text).epoch, after.epoch, `${model.name} holds the trained weights`);
    const points = await saved('#csv-export');
    assert.equal(points.name, 'backprop-data.csv');
    assert.equal(points.text.trim().split(/\r?\n/).length, 201, 'a header and the 200 points');
    await page.click('#reset');
    await frames(page);
    assert.equal((await readState(page)).testLoss, before.testLoss, 'reset: the seed\'s weights');
    await choose('#model-load', model);
    const loaded = await readState(page);
    assert.match(loaded.message, new RegExp(`^Loaded: ${model.name} holds the weights saved after ${after.epoch} epochs`));
    assert.equal(loaded.testLoss, after.testLoss, 'the loaded model is the trained one');
    await choose('#csv-import', points);
    const imported = await readState(page);
    assert.equal(imported.message, 'Imported 200 points (binary).');
    assert.equal(imported.testLoss, before.testLoss, 'the same points (the split is the seed\'s), from the seed\'s weights');
    // The link it shares points at the file itself, and opens the same set-up (the imported points).
    await page.click('#share');
    const link = await page.inputValue('#share-url');
    assert.ok(link.startsWith(`${url}#`), `share link ${link}`);
    assert.match(link, /[#&]dataset=custom&.*data=/);
    const opened = await context.newPage();
    const openedProblems = guard(opened, (u) => u.startsWith('file:') || u.startsWith('data:'));
    await opened.goto(link, { waitUntil: 'load' });
    await opened.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await frames(opened);
    assert.equal((await readState(opened)).testLoss, imported.testLoss, 'the shared link trains on the same points');
    await opened.close();
    assert.deepEqual(openedProblems, [], 'errors on the page the link opened');
    // From file:// the embed cannot be measured or previewed: said, and no button or box that does nothing.
    await page.waitForSelector('#share-dialog[data-state="ready"]');
    assert.match(await page.textContent('#embed-size-note'), /opened as a file it cannot/);
    assert.deepEqual(await page.evaluate(() => ['embed-fit', 'embed-preview'].map((id) => document.getElementById(id).getClientRects().length)),
      [0, 0], 'neither "Use the measured size" nor an empty preview is shown');
    assert.match(await page.inputValue('#embed-code'), /^<iframe src="file:[^"]+#[^"]*embed=[^"]+" width="600" height="500"/);
    await screenshot(page, 'dist-offline.png');
    await page.keyboard.press('Escape');  // the Share / embed dialog is modal
    // The step animation and its typeset equations need nothing from the network either.
    await page.click('#step-trace-example');
    await page.click('#step-timeline button >> nth=-1');
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    const math = page.locator('#step-equation math').first();
    const box = await math.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 10, `the MathML is laid out: ${JSON.stringify(box)}`);
    // French, from the catalogue inlined in the file.
    await page.evaluate(() => { location.hash = 'learningRate=0.1&lang=fr'; });
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.textContent('#output-panel h2'), 'Sortie');
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'errors on the page or requests other than file: and data:');
});

test('every chapter of the course opens in the offline file with the network off: its text, maths and labs, no broken image', T, async () => {
  // The labs each chapter draws (README, widget=).
  const LABS = { neuron: ['mp-unit', 'neuron-unit'], perceptron: ['rules-lab'], 'gradient-descent': ['descent-lab', 'neuron-lab', 'landscape-lab'],
    mlp: ['network-numbers', 'approx-lab'], backprop: ['graph-lesson', 'expression-lab'], activations: ['activation-lab'],
    regularisation: ['reg-lab'], initialisation: ['init-lab'] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = guard(page, (url) => url.startsWith('file:') || url.startsWith('data:'));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    await page.goto(pathToFileURL(path.join(OUT, 'offline', 'index.html')).href, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.deepEqual(CHAPTERS.map((c) => c.id), Object.keys(LABS));
    for (const [i, chapter] of CHAPTERS.entries()) {
      await page.evaluate((hash) => { location.hash = hash; }, `chapter=${chapter.id}`);  // as the Chapters menu does
      await frames(page, 3);
      const shown = await page.evaluate(() => {
        const root = document.getElementById('chapter');
        const drawn = (el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
        return {
          title: root.querySelector('h2').textContent, text: root.innerText.length,
          labs: [...root.querySelectorAll('.widget')].filter(drawn).map((w) => w.id),
          maths: [...root.querySelectorAll('math')].filter(drawn).length,
          brokenImages: [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
        };
      });
      assert.equal(shown.title, `${i + 1}. ${chapter.title}`);
      assert.ok(shown.text > 1000, `${chapter.id}: ${shown.text} characters of text`);
      assert.deepEqual(shown.labs, LABS[chapter.id], `${chapter.id}: its labs, drawn`);
      assert.ok(shown.maths > 0, `${chapter.id}: its equations laid out`);
      assert.deepEqual(shown.brokenImages, [], `${chapter.id}: every image loads`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'errors on the page, policy violations or requests other than file: and data:');
});

test('the offline file uploaded to a web server on its own: the Share dialog measures and previews its embed', T, async () => {
  // One file is easier to put on a course site than a folder: there the dialog can frame the file
  // itself (same origin), as the hosted page does.
  const problems = await inContext(async (page) => {
    await page.goto(`http://127.0.0.1:${server.address().port}/${SUB}/offline/index.html#dataset=circles`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await page.click('#share');
    await page.waitForSelector('#share-dialog[data-state="ready"]', { timeout: 45000 });
    assert.match(await page.textContent('#embed-size-note'), /^Measured: these parts need \d+ × \d+ px without scrolling\.$/);
    assert.equal(await page.isHidden('#embed-warning'), true, await page.textContent('#embed-warning'));
    const preview = await (await page.$('#embed-preview iframe')).contentFrame();
    assert.equal(await preview.getAttribute('body', 'data-ready'), 'true', 'the preview is the playground, started');
    assert.match(preview.url(), /\/offline\/index\.html#dataset=circles&embed=/);
  });
  assert.deepEqual(problems, [], 'errors on the page (a frame its policy refuses) or requests beyond localhost');
});

test('the hosted page opened from file:// says to open offline/index.html (a link to it, on the same set-up), in the link\'s language, and offers nothing that cannot work', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.setOffline(true);
  const page = await context.newPage();
  try {
    const url = pathToFileURL(path.join(OUT, 'index.html')).href;
    const offline = pathToFileURL(path.join(OUT, 'offline', 'index.html')).href;
    for (const [hash, said] of [['', /^The engine cannot start from a file: open offline\/index\.html, beside this page, which works without a server\.$/],
      ['#chapter=mlp&lang=fr', /^Le moteur ne peut pas démarrer depuis un fichier : ouvrez offline\/index\.html, à côté de cette page, qui fonctionne sans serveur\.$/]]) {
      await page.goto('about:blank');  // not a move within the page: a load
      await page.goto(`${url}${hash}`, { waitUntil: 'load' });
      await page.waitForSelector('#message:not([hidden])', { timeout: 15000 });
      assert.match(await page.textContent('#message-text'), said);
      assert.deepEqual(await page.evaluate(() => [document.querySelector('.run-bar').inert, document.querySelector('.training-options').inert,
        document.querySelector('main').inert]), [true, true, true],
        'the run bar, the training options and the panels take no input');
      // The file named is a link to it, with the link's set-up.
      assert.equal(await page.$eval('#message-text a', (a) => a.href), `${offline}${hash}`);
      assert.equal(await page.inputValue('#language'), hash.includes('lang=fr') ? 'fr' : 'en', 'the Language menu shows the language in force');
    }
    await screenshot(page, 'dist-hosted-from-file.png');
    // The Language menu still works: the message in the language chosen, its link opening in it.
    await page.selectOption('#language', 'en');
    assert.match(await page.textContent('#message-text'), /^The engine cannot start from a file: open offline\/index\.html/);
    assert.equal(await page.$eval('#message-text a', (a) => a.href), `${offline}#chapter=mlp`);
    await page.selectOption('#language', 'fr');
    assert.match(await page.textContent('#message-text'), /^Le moteur ne peut pas démarrer depuis un fichier/);
    await page.click('#message-text a');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(page.url(), `${offline}#chapter=mlp&lang=fr`);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.getElementById('chapter').hidden]), ['fr', false],
      'the one-file copy opens on the same set-up: in French, on the chapter');
  } finally {
    await context.close();
  }
});

test('a page elsewhere on the server imports the engine from the build as an ES module', T, async () => {
  // A course page's own script, beside the build's folder rather than in it.
  fs.writeFileSync(path.join(SITE, 'import-engine.html'),
    '<!doctype html><meta charset="utf-8"><title>engine</title><script type="module" src="import-engine.mjs"></script>');
  fs.writeFileSync(path.join(SITE, 'import-engine.mjs'), `
import { loadEngine } from './${SUB}/backprop.js';
const engine = await loadEngine();
engine.configure({ dataset: 'circles', seed: 2 }).trainEpochs(20);
document.body.dataset.result = JSON.stringify({ loss: engine.metrics().train.loss, params: Array.from(engine.params()) });
`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = guard(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let result;
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/import-engine.html`);
    await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 15000 });
    result = JSON.parse(await page.getAttribute('body', 'data-result'));
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
  assert.ok(requests.includes(`/${SUB}/wasm/esm/backprop-core.wasm`), `the wasm comes from beside the module: ${requests}`);
  const engine = await loadEngine();  // the page's own (classic) module, in Node
  engine.configure({ dataset: 'circles', seed: 2 }).trainEpochs(20);
  assert.deepEqual(result, { loss: engine.metrics().train.loss, params: Array.from(engine.params()) });
});

test('the built pages look exactly like web/\'s: the minified stylesheets and the bundle change no pixel', T, async () => {
  const source = await serve(path.join(ROOT, 'web'), 0);
  const shot = async (base, { width, height, hash, dark }) => {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}${hash}`);
      await page.waitForSelector('body[data-ready="true"]');
      await frames(page, 3);
      return await page.screenshot({ fullPage: true });
    } finally {
      await context.close();
    }
  };
  try {
    for (const view of [
      { width: 1280, height: 800, hash: '#dataset=spiral&hidden=8,8,8', dark: false },
      { width: 390, height: 844, hash: '#chapter=backprop', dark: true },
    ]) {
      const built = await shot(`http://127.0.0.1:${server.address().port}/${SUB}/`, view);
      const original = await shot(`http://127.0.0.1:${source.address().port}/`, view);
      assert.ok(built.equals(original), `${view.width} px, ${view.hash}, ${view.dark ? 'dark' : 'light'}: the pixels differ`);
    }
  } finally {
    await new Promise((resolve) => source.close(resolve));
  }
});
