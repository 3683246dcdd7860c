// End-to-end: embedding the playground. The Share / embed box writes an <iframe> snippet for the
// current set-up; pasted into a host page (served from the same localhost server) the iframe shows
// only the chosen parts without the page's chrome, trains, and never scrolls sideways.
// Not here: embed.js's snippet and sizes in isolation (tests/web/embed.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, screenshot } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 60000 };

// What the embedded page shows: which parts are visible, whether page chrome shows, overflow.
function shown() {
  const visible = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  return {
    data: visible('#data-panel'), network: visible('#network-panel'), output: visible('#output-panel'),
    controls: visible('#play'), backprop: visible('#step-panel'), brand: visible('.brand'), learningRate: visible('select[data-key="learningRate"]'),
    hints: [...document.querySelectorAll('.hint')].some((el) => el.getBoundingClientRect().height > 0),
    share: visible('#share'), openFull: visible('#open-full'),
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  };
}

async function snippetFor(page, parts, hide = []) {
  await page.click('#share');
  for (const key of hide) await page.check(`#hide-options input[value="${key}"]`);
  for (const box of await page.$$('#embed-options input')) {
    const want = parts.includes(await box.getAttribute('value'));
    if (await box.isChecked() !== want) await box.click();
  }
  return page.inputValue('#embed-code');
}

// Puts `snippet` in a host page at /embed-host.html (answered by the test, same origin) and
// returns the iframe's frame once the playground inside is ready.
async function host(page, snippet) {
  const origin = new URL(page.url()).origin;
  await page.route(`${origin}/embed-host.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><title>A course page</title></head><body style="margin:20px">` +
      `<h1>Lesson 3</h1><p>Press play.</p>${snippet}</body></html>`,
  }));
  await page.goto(`${origin}/embed-host.html`);
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await frames(page);
  return { frame, handle };
}

const CASES = [
  { parts: ['network', 'output', 'controls'], hash: '#dataset=circles&noise=0.1&learningRate=0.1' },
  { parts: ['output', 'controls'], hash: '#dataset=moons&activation=relu' },
  { parts: ['data', 'network', 'output', 'controls'], hash: '' },
];

for (const { parts, hash } of CASES) {
  test(`an iframe of embed=${parts.join(',')} shows only those parts, trains, and fits its frame`, T, async () => {
    await withPage(b, hash, async (page) => {
      const snippet = await snippetFor(page, parts, ['learningRate']);
      assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/index\.html#[^"]*embed=[^"]*" width="\d+" height="\d+" title="Backprop Playground"/);
      assert.match(snippet, new RegExp(`embed=${parts.filter((p) => p !== 'controls').join(',')}`));
      assert.match(snippet, /hide=learningRate/);

      const { frame, handle } = await host(page, snippet);
      const s = await frame.evaluate(shown);
      for (const part of ['data', 'network', 'output', 'controls', 'backprop']) assert.equal(s[part], parts.includes(part), `${part} shown`);
      assert.equal(s.brand, false, 'no brand');
      assert.equal(s.learningRate, false, 'no settings in the bar');
      assert.equal(s.hints, false, 'no hint texts');
      assert.equal(s.share, false, 'no share box inside an embed');
      assert.equal(s.openFull, true, 'a way out to the full playground');
      assert.ok(s.scrollWidth <= s.innerWidth, `no sideways scrolling: ${s.scrollWidth} > ${s.innerWidth}`);
      const box = await handle.boundingBox();
      const [w, h] = [Number(await handle.getAttribute('width')), Number(await handle.getAttribute('height'))];
      assert.ok(Math.abs(box.width - w) < 1 && Math.abs(box.height - h) < 1, 'the iframe keeps the snippet size');

      // Trains inside the frame.
      await frame.click('#play');
      await frame.waitForFunction(() => Number(document.getElementById('epoch').dataset.epoch) >= 10, null, { timeout: 20000 });
      await frame.click('#play');
      const loss = await frame.textContent('#test-loss');
      if (parts.includes('output')) assert.ok(Number.isFinite(parseFloat(loss)), `test loss ${loss}`);
      assert.equal(await frame.isHidden('#message'), true, 'no message');
      // The link out drops embed= and keeps the set-up.
      const full = await frame.getAttribute('#open-full', 'href');
      assert.ok(!/embed=/.test(full), full);
      if (hash) assert.match(full, new RegExp(hash.slice(1).split('&')[0]));
      await screenshot(page, `embed-${parts.join('-')}.png`);
    });
  });
}

test('a narrow iframe (360 px) of the output stays inside its frame', T, async () => {
  await withPage(b, '', async (page) => {
    const snippet = (await snippetFor(page, ['output', 'controls'])).replace(/width="\d+"/, 'width="360"');
    const { frame } = await host(page, snippet);
    const s = await frame.evaluate(shown);
    const wide = await frame.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('[hidden]'))
      .map((el) => `${el.tagName}#${el.id}.${el.className?.baseVal ?? el.className} ${Math.round(el.getBoundingClientRect().right)}`));
    assert.ok(s.scrollWidth <= s.innerWidth, `no sideways scrolling: ${s.scrollWidth} > ${s.innerWidth}: ${wide.join(', ')}`);
    assert.equal(s.output, true);
  });
});

test('an iframe of embed=backprop shows only the step animation, which traces and plays a step', T, async () => {
  await withPage(b, '#hidden=3', async (page) => {
    const snippet = await snippetFor(page, ['backprop']);
    assert.match(snippet, /embed=backprop/);
    const { frame } = await host(page, snippet);
    const s = await frame.evaluate(shown);
    for (const part of ['data', 'network', 'output', 'controls']) assert.equal(s[part], false, `${part} hidden`);
    assert.equal(s.backprop, true);
    assert.ok(s.scrollWidth <= s.innerWidth, `no sideways scrolling: ${s.scrollWidth} > ${s.innerWidth}`);
    await frame.click('#step-trace-example');
    await frame.waitForFunction(() => document.getElementById('step-network').dataset.phaseKind === 'update' &&
      document.getElementById('step-network').dataset.progress === '1', null, { timeout: 30000 });
    assert.equal(await frame.locator('#step-network [data-unit]').count(), 2 + 3 + 1, 'x1, x2, three hidden units, the output');
    assert.equal(await frame.isHidden('#message'), true, 'no message');
    await screenshot(page, 'embed-backprop.png');
  });
});
