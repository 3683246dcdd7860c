// End-to-end: embedding the playground. The Share / embed dialog writes an <iframe> snippet for
// the current set-up at a size measured from the real content; pasted into a host page (served
// from the same localhost server) the iframe shows only the chosen parts without the page's
// chrome, trains, and does not scroll at that size. The compact layout at 600 x 500; the dialog's
// groups, presets, copy buttons, warning and live preview.
// Not here: embed.js's snippet in isolation (tests/web/embed.test.mjs).
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

// Waits until the dialog has measured the embed and previewed it at the chosen size.
const settled = (page) => page.waitForSelector('#share-dialog[data-state="ready"]', { timeout: 45000 });

async function snippetFor(page, parts, hide = []) {
  if (!await page.isVisible('#share-dialog')) await page.click('#share');
  for (const key of hide) await page.check(`#hide-options input[value="${key}"]`);
  for (const box of await page.$$('#embed-options input')) {
    const want = parts.includes(await box.getAttribute('value'));
    if (await box.isChecked() !== want) await box.click();
  }
  await settled(page);
  return page.inputValue('#embed-code');
}

// Puts `snippet` in a host page at /embed-host.html (answered by the test, same origin) and
// returns the iframe's frame once the playground inside is ready.
async function host(page, snippet, name = 'embed-host.html') {
  const origin = new URL(page.url()).origin;
  await page.route(`${origin}/${name}`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><title>A course page</title></head><body style="margin:20px">` +
      `<h1>Lesson 3</h1><p>Press play.</p>${snippet}</body></html>`,
  }));
  await page.goto(`${origin}/${name}`);
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
    await frame.fill('#step-speed', '4');
    await frame.click('#step-trace-example');
    await frame.waitForFunction(() => document.getElementById('step-network').dataset.phaseKind === 'update' &&
      document.getElementById('step-network').dataset.progress === '1', null, { timeout: 30000 });
    assert.equal(await frame.locator('#step-network [data-unit]').count(), 2 + 3 + 1, 'x1, x2, three hidden units, the output');
    assert.equal(await frame.isHidden('#message'), true, 'no message');
    await screenshot(page, 'embed-backprop.png');
  });
});

// What a frame shows inside its own viewport: overflow both ways, and the boxes of the plot and play.
function fit() {
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.getClientRects().length) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
  };
  const root = document.documentElement;
  return {
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, scrollHeight: root.scrollHeight, clientHeight: root.clientHeight,
    innerWidth, innerHeight, plot: box('#plot canvas'), play: box('#play'),
  };
}
const inside = (r, s) => r && r.left >= -0.5 && r.top >= -0.5 && r.right <= s.innerWidth + 0.5 && r.bottom <= s.innerHeight + 0.5;

test('a 600 x 500 iframe of the output and run buttons shows the whole plot and play, and trains from there', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1', async (page) => {
    const snippet = (await snippetFor(page, ['output', 'controls']))
      .replace(/width="\d+"/, 'width="600"').replace(/height="\d+"/, 'height="500"');
    const { frame } = await host(page, snippet);
    const s = await frame.evaluate(fit);
    assert.equal(s.innerWidth, 600);
    assert.equal(s.innerHeight, 500);
    assert.ok(inside(s.plot, s), `the decision boundary is inside the frame: ${JSON.stringify(s.plot)}`);
    assert.ok(s.plot.width >= 250, `and large enough to read (${s.plot.width} px)`);
    assert.ok(inside(s.play, s), `the play button is inside the frame: ${JSON.stringify(s.play)}`);
    assert.ok(s.scrollHeight <= s.clientHeight && s.scrollWidth <= s.clientWidth, `no scrollbar: ${JSON.stringify(s)}`);
    // Play, pause, then one step: the epoch counter moves by exactly one epoch.
    await frame.click('#play');
    await frame.waitForSelector('#play[aria-label="Pause"]');
    await frame.click('#play');
    await frame.waitForSelector('#play[aria-label="Play"]');
    const epoch = () => frame.$eval('#epoch', (el) => Number(el.dataset.epoch));
    const before = await epoch();
    await frame.selectOption('#stepMode', 'epoch');
    await frame.click('#step');
    await frames(page);
    assert.equal(await epoch(), before + 1);
    assert.ok(Number.isFinite(parseFloat(await frame.textContent('#test-loss'))));
    await screenshot(page, 'embed-compact-600x500.png');
  });
});

// Every part at least once (the compact layout, the full one, the step panel, a chapter on its route,
// one lab alone);
// each combination costs a page, a measurement and a preview, so no more than that.
const MEASURED = [
  { parts: ['output', 'controls'], hash: '' },
  { parts: ['data', 'network', 'output', 'controls'], hash: '' },
  { parts: ['backprop'], hash: '' },
  { parts: ['chapter', 'output', 'controls'], hash: '#chapter=mlp' },
  { parts: ['lab'], hash: '#chapter=gradient-descent&widget=neuron-lab' },
];

test('the size the dialog suggests, measured from the content, leaves no scrollbar for each part combination', { timeout: 300000 }, async () => {
  const sizes = [];
  for (const [i, { parts, hash }] of MEASURED.entries()) {
    await withPage(b, hash, async (page) => {
      const snippet = await snippetFor(page, parts);
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(snippet).map(Number);
      assert.equal(await page.isHidden('#embed-warning'), true, `no warning at the suggested size for ${parts}`);
      const { frame } = await host(page, snippet, `embed-host-${i}.html`);
      const s = await frame.evaluate(fit);
      assert.equal(s.innerWidth, width);
      assert.ok(s.scrollHeight <= s.clientHeight && s.scrollWidth <= s.clientWidth,
        `embed=${parts} at ${width} x ${height}: ${s.scrollWidth} x ${s.scrollHeight} in ${s.clientWidth} x ${s.clientHeight}`);
      if (parts.includes('output')) assert.ok(inside(s.plot, s), `the plot is in view for ${parts}`);
      sizes.push(`${parts.join(',')}${hash}: ${width} x ${height}`);
    }, { viewport: { width: 1480, height: 1000 } });
  }
  console.log(`measured sizes:\n  ${sizes.join('\n  ')}`);
});

test('the share dialog: groups, presets, copy buttons, a warning for a size too small, a live preview; Esc closes it', T, async () => {
  await withPage(b, '#dataset=moons', async (page, { context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.focus('#share');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.getElementById('share-dialog').open), true);
    // Groups named, about eight, holding every hideable control on the page.
    const groups = await page.$$eval('#hide-options .hide-group legend', (els) => els.map((el) => el.textContent.trim()));
    assert.ok(groups.length >= 6 && groups.length <= 9, groups.join(', '));
    for (const g of ['Run', 'Data', 'Network', 'Training', 'Regularisation', 'Output']) assert.ok(groups.includes(g), g);
    const onPage = await page.$$eval('[data-hide]', (els) => [...new Set(els.map((el) => el.dataset.hide))]);
    const offered = await page.$$eval('#hide-options input[data-option]', (els) => els.map((el) => el.value));
    for (const key of onPage) assert.ok(offered.includes(key), `${key} can be hidden`);
    assert.ok(offered.length >= 45, `${offered.length} hideable controls: ${offered}`);
    await settled(page);
    const preview = async () => (await page.$('#embed-preview iframe')).contentFrame();
    const shownIn = async (f, sel) => f.$eval(sel, (el) => el.getClientRects().length > 0);
    assert.equal(await shownIn(await preview(), '[data-hide="more"]'), true, 'More settings in the preview');

    // Preset "Hide advanced": the link and the code hide them, the preview does too.
    const code0 = await page.inputValue('#embed-code');
    await page.click('#share-presets button:text("Hide advanced")');
    assert.equal(await page.getAttribute('#share-presets button:text("Hide advanced")', 'aria-pressed'), 'true');
    const link = await page.inputValue('#share-url');
    assert.match(link, /hide=[^&]*optimizer/);
    assert.match(link, /hide=[^&]*more/);
    assert.doesNotMatch(link, /hide=[^&]*learningRate/);
    assert.notEqual(await page.inputValue('#embed-code'), code0);
    await settled(page);
    assert.equal(await shownIn(await preview(), '[data-hide="more"]'), false, 'More settings hidden in the preview');
    assert.equal(await shownIn(await preview(), '[data-hide="logScale"]'), true);

    // A whole group: Output.
    await page.check('#hide-options input[data-group="Output"]');
    assert.match(await page.inputValue('#embed-code'), /hide=[^&"]*logScale/);
    assert.equal(await page.getAttribute('#share-presets button:text("Hide advanced")', 'aria-pressed'), 'false');
    await settled(page);
    assert.equal(await shownIn(await preview(), '[data-hide="logScale"]'), false, 'log scale hidden in the preview');

    // Copy: on the clipboard, and said.
    await page.click('#copy-code');
    await page.waitForSelector('#copy-status:text("Copied the HTML")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#embed-code'));
    await page.click('#copy-link');
    await page.waitForSelector('#copy-status:text("Copied the link")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#share-url'));

    // A size too small: warned.
    await page.fill('#embed-height', '250');
    await settled(page);
    assert.equal(await page.isVisible('#embed-warning'), true);
    assert.match(await page.textContent('#embed-warning'), /At \d+ × 250: .*(scrolls|cut off)/);
    assert.match(await page.inputValue('#embed-code'), /height="250"/);
    await page.click('#embed-fit');
    await settled(page);
    assert.equal(await page.isHidden('#embed-warning'), true, 'the measured size again: no warning');
    await screenshot(page, 'share-dialog.png');

    // Esc closes; focus returns to the button.
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('share-dialog').open), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'share');
  });
});

test('where the browser refuses the clipboard, copying falls back and says what happened', T, async () => {
  await withPage(b, '', async (page) => {
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
    await page.click('#share');
    await page.click('#copy-link');
    await page.waitForSelector('#copy-status:not(:empty)');
    const status = await page.textContent('#copy-status');
    assert.match(status, /^(Copied the link\.|Copying was refused: the link is selected, press Ctrl\+C)/);
    const field = await page.evaluate(() => {
      const el = document.activeElement;
      return { id: el.id, selected: el.selectionStart === 0 && el.selectionEnd === el.value.length && el.value.length > 0 };
    });
    assert.deepEqual(field, { id: 'share-url', selected: true }, 'the link field has focus with its text selected');
  });
});
