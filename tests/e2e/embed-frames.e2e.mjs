// End-to-end: embedding the playground. The Share / embed dialog's snippet for the current set-up,
// pasted into a host page (served from the same localhost server): the iframe shows only the
// chosen parts without the page's chrome, trains, and does not scroll; a narrow frame; the step
// animation alone; the compact layout at 600 x 500.
// Not here: embed.js's snippet in isolation (tests/web/embed.test.mjs), the dialog (embed-dialog).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, screenshot } from './browser.mjs';
import { T, shown, snippetFor, host, fit, inside } from './embed-page.mjs';

const b = useBrowser();

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

      const { frame, handle } = await host(b, page, snippet);
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
    const { frame } = await host(b, page, snippet);
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
    const { frame } = await host(b, page, snippet);
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

test('a 600 x 500 iframe of the output and run buttons shows the whole plot and play, and trains from there', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1', async (page) => {
    const snippet = (await snippetFor(page, ['output', 'controls']))
      .replace(/width="\d+"/, 'width="600"').replace(/height="\d+"/, 'height="500"');
    const { frame } = await host(b, page, snippet);
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
    await frames(page);  // the epoch a last slice trained shows in the frame after it, as pause() in browser.mjs waits
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
