// End-to-end: the Share / embed dialog. The size it suggests, measured from the real content,
// leaves no scrollbar for each combination of parts; its groups, presets, copy buttons (and the
// fallback where the clipboard is refused), warning and live preview.
// Not here: the iframes themselves (embed-frames.e2e.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useBrowser, withPage, screenshot, stepEpochs, choose, frames, clickPlane } from './browser.mjs';
import { T, settled, snippetFor, host, fit, inside, shown } from './embed-page.mjs';

const b = useBrowser();

// Every part at least once (the compact layout, the full one, the step panel, a chapter on its route,
// one lab alone);
// each combination costs a page, a measurement and a preview, so no more than that.
const MEASURED = [
  { parts: ['output', 'controls'], hash: '' },
  { parts: ['data', 'network', 'output', 'controls'], hash: '' },
  { parts: ['backprop'], hash: '' },
  { parts: ['chapter', 'output', 'controls'], hash: '#chapter=mlp' },
  { parts: ['lab'], hash: '#chapter=gradient-descent&widget=neuron-lab' },
  // A lab that computes its first numbers over many frames: measured once they are there.
  { parts: ['lab'], hash: '#chapter=initialisation&widget=init-lab&init.layers=8&init.width=64&init.epochs=500' },
];

test('the size the dialog suggests, measured from the content, leaves no scrollbar for each part combination', { timeout: 300000 }, async () => {
  const sizes = [];
  for (const [i, { parts, hash }] of MEASURED.entries()) {
    await withPage(b, hash, async (page) => {
      const snippet = await snippetFor(page, parts);
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(snippet).map(Number);
      assert.equal(await page.isHidden('#embed-warning'), true, `no warning at the suggested size for ${parts}`);
      const { frame } = await host(b, page, snippet, `embed-host-${i}.html`);
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

    // A size too small: warned. The link is the same, so the frame is only resized, not loaded again:
    // one page load per link serves both the measurement and the preview.
    assert.equal(await page.evaluate(() => document.querySelectorAll('iframe').length), 1, 'one embed frame');
    await page.$eval('#embed-preview iframe', (f) => { f.dataset.seen = 'before'; });
    await page.fill('#embed-height', '250');
    await settled(page);
    assert.equal(await page.getAttribute('#embed-preview iframe', 'data-seen'), 'before', 'the same frame, resized');
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

// A link carries the settings, never the weights: after an edit in the diagram or a model load the
// dialog says the link starts from the seed's weights (the data too large for a link is said too).
test('the open dialog\'s link and embed code follow the chapter shown, back to the one before', T, async () => {
  await withPage(b, '#chapter=mlp', async (page) => {
    await page.evaluate(() => { location.hash = '#chapter=activations'; });
    await frames(page, 3);
    await page.click('#share');
    await settled(page);
    assert.match(await page.inputValue('#share-url'), /#chapter=activations(&|$)/);
    await page.goBack();
    await frames(page, 3);
    assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
    assert.match(await page.inputValue('#share-url'), /#chapter=mlp(&|$)/);
    assert.match(await page.inputValue('#embed-code'), /#chapter=mlp&/);
    await page.click('#share-close');
  });
});

test('the controls a link hides are ticked in the dialog, so its link and embed hide them again', T, async () => {
  // A teacher opens the link they shared (hide=noise,seed) to change the data: the dialog's link
  // used to drop the hidden controls, the boxes being ticked from the settings before the link loaded.
  await withPage(b, '#dataset=circles&hide=noise,seed', async (page) => {
    const ticked = () => page.$$eval('#hide-options input[data-option]:checked', (els) => els.map((el) => el.value).join());
    await page.click('#share');
    assert.equal(await ticked(), 'noise,seed');
    assert.match(await page.inputValue('#share-url'), /#dataset=circles&hide=noise,seed$/);
    assert.match(await page.inputValue('#embed-code'), /hide=noise,seed&/);
    // The teacher's own ticks stay while no other link comes.
    await page.check('#hide-options input[value="points"]');
    await page.click('#share-close');
    await page.click('#share');
    assert.equal(await ticked(), 'points,noise,seed');
    await page.click('#share-close');
    // Another link brings its own.
    await page.evaluate(() => { location.hash = '#dataset=moons&hide=dataSeed'; });
    await frames(page, 3);
    await page.click('#share');
    assert.equal(await ticked(), 'dataSeed');
    assert.match(await page.inputValue('#share-url'), /#dataset=moons&hide=dataSeed$/);
    await page.click('#share-close');
    await page.evaluate(() => { location.hash = '#dataset=moons'; });
    await frames(page, 3);
    await page.click('#share');
    assert.equal(await ticked(), '');
    await page.click('#share-close');
  });
});

test('the dialog itself says when its link cannot carry the learner\'s points: too many, or none', T, async () => {
  // Said only in the page's message bar, which the modal dialog covers: the teacher copied a link
  // and an iframe of XOR (the preview showing it) with no word in sight.
  await withPage(b, '#dataset=spiral', async (page) => {
    const note = async () => {
      await page.click('#share');
      const text = await page.isVisible('#share-points-note') ? await page.textContent('#share-points-note') : '';
      await page.click('#share-close');
      return text;
    };
    assert.equal(await note(), '');
    await page.click('#draw-toggle');
    await clickPlane(page, 1.5, -2.5);  // the spiral's 500 and one
    assert.equal(await note(), 'Your data has more than 500 points, too many for a link: export it as CSV to share it.');
    await page.click('#draw-clear');
    await frames(page);
    assert.equal(await note(), 'Your data has no points yet, so a link would carry none: draw some first.');
    await clickPlane(page, 1.5, -2.5);
    assert.equal(await note(), '', 'one point: the link carries it');
  });
});

test('the keyboard goes round the dialog past its preview, so Esc still closes it', T, async () => {
  // Tab from the last button went into the live preview, 56 of its controls, where Esc was the
  // preview's and left the dialog open.
  await withPage(b, '#dataset=circles', async (page) => {
    await page.click('#share');
    await settled(page);
    await page.focus('#copy-code');
    const seen = [];
    for (let i = 0; i < 4 && !seen.includes('share-close'); ++i) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => (document.activeElement.tagName === 'IFRAME' ? 'the preview' : document.activeElement.id)));
    }
    assert.ok(!seen.includes('the preview') && seen.includes('share-close'), `after Copy HTML: ${seen.join(', ')}`);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('share-dialog').open), false);
  });
});

test('after a weight edited in the diagram or a loaded model, the dialog says the link starts from the seed\'s weights', T, async () => {
  await withPage(b, '#dataset=circles', async (page) => {
    const note = async () => {
      await page.click('#share');
      const text = await page.isVisible('#share-weights-note') ? await page.textContent('#share-weights-note') : '';
      await page.click('#share-close');
      return text;
    };
    assert.equal(await note(), '', 'no note for the seed\'s own weights');
    await page.locator('#network path.link').first().focus();
    await page.keyboard.press('Enter');
    await page.fill('.param-editor', '3.5');
    await page.keyboard.press('Enter');
    await stepEpochs(page, 5);
    assert.match(await note(), /^This link starts from the seed's initial weights, not the weights edited in the diagram or loaded from a model file/);
    await page.click('#reset');
    await frames(page);
    assert.equal(await note(), '', 'a reset starts from the seed\'s weights again');
    // Edited before the first step, then a setting that keeps the weights: they are still edited.
    await page.locator('#network path.link').first().focus();
    await page.keyboard.press('Enter');
    await page.fill('.param-editor', '-2');
    await page.keyboard.press('Enter');
    await choose(page, 'learningRate', '0.1');
    assert.notEqual(await note(), '', 'a learning rate changed over edited weights keeps them');
    await page.click('#rerun');  // a new weight seed
    await frames(page);
    assert.equal(await note(), '', 'new weights');
    // A loaded model's weights are not in the link either.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
    const model = fs.readFileSync(await download.path());
    await page.setInputFiles('#model-load', { name: 'm.json', mimeType: 'application/json', buffer: model });
    await page.waitForFunction(() => document.getElementById('message-text').textContent.startsWith('Loaded'));
    assert.notEqual(await note(), '', 'a loaded model');
  });
});

// An open comparison is embedded as a part of its own, shown and sized like the others; an embed
// without it leaves the comparison out of its link rather than train run B out of sight.
test('after a setting changed mid-run (the learning rate lowered), the dialog says the link starts a fresh run under the settings of now', T, async () => {
  await withPage(b, '#dataset=circles', async (page) => {
    const note = async () => {
      await page.click('#share');
      const text = await page.isVisible('#share-settings-note') ? await page.textContent('#share-settings-note') : '';
      await page.click('#share-close');
      return text;
    };
    // Before any update, a change is the run's own setting: nothing to say.
    await choose(page, 'learningRate', '0.3');
    await stepEpochs(page, 5);
    assert.equal(await note(), '');
    // The teacher trains 5 epochs at 0.3, then lowers the rate and trains on: the link's run is
    // 0.1 from epoch 0, which the copied link used to give without a word.
    await choose(page, 'learningRate', '0.1');
    await stepEpochs(page, 5);
    assert.equal(await note(), 'Until epoch 5 this run trained under other settings (learning rate): the link starts a fresh ' +
      'run under the settings of now from epoch 0, so it will not retrace the run shown.');
    // Changed back: the run is the link's again only from a reset.
    await choose(page, 'optimizer', 'adam');
    await choose(page, 'optimizer', 'sgd');
    assert.match(await note(), /^Until epoch 5 this run trained under other settings \(learning rate\)/);
    await page.click('#reset');
    await frames(page);
    assert.equal(await note(), '', 'a reset starts the link\'s run');
  });
});

test('an open comparison is embedded, shown in the frame at the measured size; unticked, it leaves the link', { timeout: 120000 }, async () => {
  await withPage(b, '#dataset=circles', async (page) => {
    await page.click('#compare');
    await page.selectOption('#b-activation', 'sigmoid');
    await page.click('#share');
    await settled(page);
    assert.equal(await page.isChecked('#embed-part-compare'), true, 'the open comparison is ticked');
    const snippet = await page.inputValue('#embed-code');
    assert.match(snippet, /compare=1&amp;embed=network,output,controls,compare&amp;b\.activation=sigmoid"/, snippet);
    assert.equal(await page.isHidden('#embed-warning'), true);
    await page.uncheck('#embed-part-compare');
    await settled(page);
    const without = await page.inputValue('#embed-code');
    assert.doesNotMatch(without, /compare|b\.activation/, without);
    assert.match(await page.inputValue('#share-url'), /compare=1&b\.activation=sigmoid$/, 'the link itself keeps the comparison');

    const { frame } = await host(b, page, snippet, 'compare-host.html');
    const view = await frame.evaluate(fit);
    assert.ok(view.scrollHeight <= view.clientHeight && view.scrollWidth <= view.clientWidth, JSON.stringify(view));
    const panel = await frame.$eval('#compare-panel', (el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height, bottom: r.bottom, key: document.getElementById('compare-key').textContent };
    });
    assert.ok(panel.width > 300 && panel.height > 300 && panel.bottom <= view.innerHeight + 0.5, JSON.stringify(panel));
    assert.match(panel.key, /sigmoid/);
  }, { viewport: { width: 1480, height: 1000 } });
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

// Each preset that picks parts keeps them in view: the link, loaded in a frame of the suggested
// size, shows those parts, the output plot drawn and whole, and nothing it hides.
const PRESET_PARTS = [
  { name: 'Output only', parts: ['output', 'controls'], hidden: ['data', 'network', 'learningRate'] },
  { name: 'Student exercise', parts: ['network', 'output', 'controls'], hidden: ['data', 'learningRate'] },
];

test('the presets Output only and Student exercise embed the output plot with the run buttons', { timeout: 120000 }, async () => {
  await withPage(b, '', async (page) => {
    for (const [i, { name, parts, hidden }] of PRESET_PARTS.entries()) {
      if (!await page.isVisible('#share-dialog')) await page.click('#share');
      await page.click(`#share-presets button:text("${name}")`);
      await settled(page);
      assert.equal(await page.getAttribute(`#share-presets button:text("${name}")`, 'aria-pressed'), 'true');
      const snippet = await page.inputValue('#embed-code');
      assert.match(snippet, new RegExp(`embed=${parts.join(',')}"`), snippet);
      assert.doesNotMatch(snippet, /hide=[^&"]*outputPanel/, `${name} keeps the output panel`);
      assert.equal(await page.isHidden('#embed-warning'), true, `no warning for ${name}`);
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(snippet).map(Number);
      if (name === 'Output only') assert.ok(width >= 480 && height >= 400, `${width} x ${height}: room for the plot`);

      const { frame } = await host(b, page, snippet, `preset-host-${i}.html`);
      const s = await frame.evaluate(shown);
      for (const part of parts) assert.equal(s[part], true, `${name}: ${part} shown`);
      for (const part of hidden) assert.equal(s[part], false, `${name}: ${part} not shown`);
      const view = await frame.evaluate(fit);
      assert.ok(inside(view.plot, view), `${name}: the whole plot in view at ${width} x ${height}`);
      assert.ok(inside(view.play, view), `${name}: play in view`);
      // The heatmap is drawn: more than one colour on the canvas.
      const colours = await frame.$eval('#plot canvas', (c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const seen = new Set();
        for (let k = 0; k < data.length; k += 4 * 97) seen.add(data.slice(k, k + 4).join());
        return seen.size;
      });
      assert.ok(colours > 10, `${name}: the plot is drawn (${colours} colours)`);
      await page.goto(b.url());
      await page.waitForSelector('body[data-ready="true"]');
    }
  });
});

test('on a 390 px phone every checkbox of the dialog is 24 px, its label wrapping or not, in English and in French', T, async () => {
  for (const lang of ['en', 'fr']) {
    await withPage(b, `#lang=${lang}`, async (page) => {
      await page.click('#share');
      await settled(page);
      const boxes = await page.$$eval('#share-dialog input[type="checkbox"]', (els) => els
        .map((box) => ({ box: box.getBoundingClientRect(), label: box.parentElement.textContent.trim() }))
        .filter(({ box }) => box.width > 0)
        .map(({ box, label }) => ({ label, width: box.width, height: box.height })));
      assert.ok(boxes.length > 50, `${boxes.length} boxes shown`);
      const small = boxes.filter((c) => c.width < 24 || c.height < 24).map((c) => `${c.label}: ${c.width.toFixed(1)}×${c.height.toFixed(1)}`);
      assert.deepEqual(small, [], `${lang}: boxes under 24 px`);
    }, { viewport: { width: 390, height: 844 } });
  }
});
