// End-to-end: the light and dark themes. A browser whose system asks for dark (Playwright's
// colorScheme) gets the dark page from the first frame; the header's Theme menu switches it and
// the choice outlives a reload, and Auto gives the system's back; an embed follows the system.
// In both themes every visible text on the playground, on chapter 4 with its lab, on chapter 5
// with its two graphs (their SVG node names too) and on chapter 7's lab (its chart's labels) has a 4.5:1 contrast on the background it is
// painted on (3:1 when large), failures named; the output plot's heatmap is painted on the theme's
// panel colour (its most neutral pixel is dark in dark, light in light); and 1280 x 800
// screenshots of both themes differ in average luminance as they should. Under forced colours
// (Windows high contrast), in a light and a dark palette, the picked dataset, the step's phase and
// the Share dialog's preset stand out from the others and the legends' samples keep the colours of
// what they stand for. The gradient-descent lab's contours are painted per theme, so its path in
// the theme's ink shows.
// Not here: the colour values themselves (tests/web/theme.test.mjs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { useBrowser, frames, guard, stepEpochs, RESULTS } from './browser.mjs';
import { textContrasts } from './contrast.mjs';
import { TIPS, STORAGE_KEY as TIPS_KEY } from '../../web/playground/first-visit.js';
import { THEME_KEY } from '../../web/theme.js';
import { THEMES, NEUTRAL } from '../../web/views/colors.js';

const b = useBrowser();
const T = { timeout: 90000 };
const VIEWPORT = { width: 1280, height: 800 };
const contexts = [];
let base = null;  // a session of useBrowser's, for its browser (never reused: it has an init script)

after(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await base?.context.close();
});

// A new page in its own context, its system colour scheme `scheme`, the tips seen, and `saved` (a
// theme choice) in its storage before the page's scripts run. Problems are collected by guard().
async function openPage(hash, { scheme = 'light', saved = null } = {}) {
  base ??= await b.open('', { init: () => {} });
  const context = await base.context.browser().newContext({ viewport: VIEWPORT, colorScheme: scheme });
  contexts.push(context);
  await context.addInitScript(([tipsKey, ids, themeKey, theme]) => {
    if (location.protocol !== 'http:') return;  // about:blank has no storage
    localStorage.setItem(tipsKey, JSON.stringify(ids));
    if (theme && !sessionStorage.getItem('theme-seeded')) {
      localStorage.setItem(themeKey, theme);
      sessionStorage.setItem('theme-seeded', '1');  // a reload keeps what the page saved
    }
    // What the first frame shows, before any later script could change it: the page's background.
    requestAnimationFrame(() => { window.firstFrame = getComputedStyle(document.documentElement).backgroundColor; });
  }, [TIPS_KEY, TIPS.map((t) => t.id), THEME_KEY, saved]);
  const page = await context.newPage();
  const problems = guard(page);
  await page.goto(b.url(hash), { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await frames(page, 3);
  return { page, problems };
}

// WCAG relative luminance of 'rgb(r, g, b)' / 'rgba(...)' (alpha ignored).
function luminance(css) {
  const [r, g, bl] = css.match(/[\d.]+/g).map(Number);
  const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
}

const pageState = (page) => page.evaluate(() => ({
  attribute: document.documentElement.getAttribute('data-theme'),
  saved: localStorage.getItem('backprop-theme'),
  menu: document.getElementById('theme').value,
  body: getComputedStyle(document.documentElement).backgroundColor,  // the page's, behind everything
  panel: getComputedStyle(document.querySelector('.panel')).backgroundColor,
  ink: getComputedStyle(document.body).color,
  firstFrame: window.firstFrame,
}));

test('a system set to dark gets the dark page from its first frame; light gets light', T, async () => {
  const dark = await openPage('', { scheme: 'dark' });
  const d = await pageState(dark.page);
  assert.equal(d.attribute, null, 'Auto: no data-theme, the stylesheet\'s query decides');
  assert.equal(d.menu, 'auto');
  assert.ok(luminance(d.body) < 0.02 && luminance(d.panel) < 0.03, `dark page ${d.body}, panel ${d.panel}`);
  assert.ok(luminance(d.ink) > 0.7, `light ink ${d.ink}`);
  assert.equal(d.firstFrame, d.body, 'the first frame was already dark');
  const light = await openPage('', { scheme: 'light' });
  const l = await pageState(light.page);
  assert.ok(luminance(l.body) > 0.85 && luminance(l.panel) === 1, `light page ${l.body}, panel ${l.panel}`);
  assert.deepEqual([...dark.problems, ...light.problems], []);
});

test('the Theme menu switches the theme, repaints the canvases, is saved over a reload, and Auto returns to the system', T, async () => {
  const { page, problems } = await openPage('', { scheme: 'light' });
  const menu = page.getByRole('combobox', { name: 'Theme' });
  assert.equal(await menu.inputValue(), 'auto');
  const heatmapBefore = await page.$eval('#plot canvas.data-plot-heatmap', (c) => c.toDataURL());
  await menu.focus();
  await menu.selectOption('dark');
  await frames(page, 3);
  let s = await pageState(page);
  assert.equal(s.attribute, 'dark');
  assert.equal(s.saved, 'dark');
  assert.ok(luminance(s.body) < 0.02, `dark page after the switch: ${s.body}`);
  assert.notEqual(await page.$eval('#plot canvas.data-plot-heatmap', (c) => c.toDataURL()), heatmapBefore, 'the heatmap was repainted');
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  s = await pageState(page);
  assert.equal(s.attribute, 'dark', 'still dark after a reload');
  assert.equal(s.menu, 'dark');
  assert.equal(s.firstFrame, s.body, 'no light flash before the saved theme');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  s = await pageState(page);
  assert.equal(s.attribute, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });  // the system turns dark: an explicit light stays
  assert.ok(luminance((await pageState(page)).body) > 0.85);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
  await frames(page, 3);
  s = await pageState(page);
  assert.equal(s.attribute, null);
  assert.equal(s.saved, null);
  assert.ok(luminance(s.body) < 0.02, 'Auto follows the (now dark) system');
  await page.emulateMedia({ colorScheme: 'light' });  // and follows it live
  await frames(page, 3);
  assert.ok(luminance((await pageState(page)).body) > 0.85);
  assert.deepEqual(problems, []);
});

test('a theme chosen in another tab of the page applies here at once; an embed open beside them keeps its reader\'s system', T, async () => {
  const { page, problems } = await openPage('', { scheme: 'light' });
  const otherProblems = [];  // live lists: guard() keeps adding to each
  const open = async (hash) => {
    const other = await page.context().newPage();
    otherProblems.push(guard(other));
    await other.goto(b.url(hash), { waitUntil: 'load' });
    await other.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    return other;
  };
  const other = await open('');
  const embed = await open('#embed=output');
  const heatmapBefore = await page.$eval('#plot canvas.data-plot-heatmap', (c) => c.toDataURL());
  await other.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await frames(page, 3);
  let s = await pageState(page);
  assert.equal(s.attribute, 'dark', 'the first tab follows the choice');
  assert.equal(s.menu, 'dark', 'its menu shows it');
  assert.ok(luminance(s.body) < 0.02, `dark page: ${s.body}`);
  assert.notEqual(await page.$eval('#plot canvas.data-plot-heatmap', (c) => c.toDataURL()), heatmapBefore, 'its heatmap was repainted');
  assert.equal(await embed.evaluate(() => document.documentElement.getAttribute('data-theme')), null, 'the embed keeps following the system');
  await other.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
  await frames(page, 3);
  s = await pageState(page);
  assert.equal(s.attribute, null, 'Auto in the other tab: back to the system here');
  assert.equal(s.menu, 'auto');
  assert.ok(luminance(s.body) > 0.85);
  await Promise.all([other.close(), embed.close()]);
  assert.deepEqual([...problems, ...otherProblems.flat()], []);
});

test('an embed follows its reader\'s system, not the playground\'s saved choice', T, async () => {
  const { page, problems } = await openPage('#embed=output', { scheme: 'dark', saved: 'light' });
  const s = await page.evaluate(() => ({ attribute: document.documentElement.getAttribute('data-theme'), body: getComputedStyle(document.body).backgroundColor }));  // an embed's body is the panel
  assert.equal(s.attribute, null);
  assert.ok(luminance(s.body) < 0.03, `embed background ${s.body}`);
  assert.deepEqual(problems, []);
});

for (const theme of ['light', 'dark']) {
  test(`${theme} theme: every visible text on the playground, chapter 4 with its lab, chapter 5's graphs and chapter 7's lab has 4.5:1 (large 3:1)`, T, async () => {
    const { page, problems } = await openPage('', { scheme: theme });
    const failures = [];
    let checked = 0;
    const shown = { '#chapter=mlp&widget=approx-lab': '#approx-lab', '#chapter=backprop': '#graph-svg text.label >> nth=0',
      '#chapter=regularisation&widget=reg-lab': '#reg-chart .reg-tick >> nth=0' };
    for (const hash of ['', ...Object.keys(shown)]) {
      if (hash) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await frames(page, 4);
        // The chapter loaded (the first opened), and a lab training in slices has its numbers.
        await page.waitForSelector('#chapter[aria-busy="true"], #chapter [aria-busy="true"]', { state: 'detached' });
        assert.ok(await page.locator(shown[hash]).isVisible(), `${shown[hash]} is on the page`);
      }
      // Chapter 5: the node names of the chain-rule graph and of the typed expression's graph, SVG
      // text with no fill of its own, black, were painted on the dark panel.
      if (hash === '#chapter=backprop') assert.ok(await page.locator('.expr-svg .expr-symbol').count() > 0);
      // The step panel's equations (MathML) in view too.
      if (!hash) {
        await page.click('#step-trace-example');
        await page.click('#step-timeline button >> nth=-1');
        await page.click('#step-network [data-unit="1:0"] circle');
        await frames(page);
        assert.ok(await page.locator('#step-equation math').count() > 0);
      }
      const results = await page.evaluate(textContrasts);
      checked += results.length;
      for (const r of results) {
        const need = r.large ? 3 : 4.5;
        if (r.ratio < need) failures.push(`${hash || 'playground'}: ${r.what} ${r.ratio.toFixed(2)}:1 < ${need} (text ${r.fg} on ${r.bg})`);
      }
    }
    assert.ok(checked > 300, `${checked} texts checked`);
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, []);
  });
}

// Average luminance of a PNG, measured in a blank page's canvas.
async function meanLuminance(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const lin = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
    return sum / (d.length / 4);
  }, png.toString('base64'));
}

test('the heatmap\'s zero is the panel colour, and screenshots of both themes differ in luminance as they should', T, async () => {
  const shown = {};
  for (const theme of ['light', 'dark']) {
    const { page, problems } = await openPage('', { scheme: theme });
    // The output plot's most neutral pixel (lowest chroma: the output nearest zero) and its brightest.
    const heat = await page.$eval('#plot canvas.data-plot-heatmap', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let best = null, brightest = 0;
      for (let i = 0; i < d.length; i += 4) {
        const chroma = Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);
        if (!best || chroma < best.chroma) best = { chroma, rgb: [d[i], d[i + 1], d[i + 2]] };
        brightest = Math.max(brightest, d[i] + d[i + 1] + d[i + 2]);
      }
      return { ...best, brightest };
    });
    const neutral = luminance(`rgb(${heat.rgb.join(',')})`);
    if (theme === 'dark') {
      assert.ok(neutral < 0.06, `dark: the heatmap's zero is dark (${heat.rgb}, luminance ${neutral.toFixed(3)})`);
      assert.ok(heat.brightest < 3 * 235, `dark: no white in the heatmap (${heat.brightest})`);
    } else {
      assert.ok(neutral > 0.8, `light: the heatmap's zero is light (${heat.rgb}, luminance ${neutral.toFixed(3)})`);
    }
    const file = path.join(RESULTS, `dark-mode-${theme}.png`);
    const png = await page.screenshot({ path: file });
    await page.goto('about:blank');
    shown[theme] = await meanLuminance(page, png);
    assert.deepEqual(problems, []);
  }
  assert.ok(shown.light > 0.6, `light screenshot's mean luminance ${shown.light.toFixed(3)}`);
  assert.ok(shown.dark < 0.2, `dark screenshot's mean luminance ${shown.dark.toFixed(3)}`);
  assert.ok(shown.light - shown.dark > 0.4, `light ${shown.light.toFixed(3)} vs dark ${shown.dark.toFixed(3)}`);
});

test('the weight legend follows the theme: switched either way and printed from dark, its samples are the links\' colours', T, async () => {
  const { page, problems } = await openPage('#dataset=xor&hidden=3', { scheme: 'light' });
  await stepEpochs(page, 3);
  const strokes = (selector) => page.$$eval(selector, (els) => [...new Set(els.map((e) => e.getAttribute('stroke')))].sort());
  const legend = () => strokes('#weight-legend line');
  const expect = async (theme, what) => {
    const { negative, positive } = THEMES[theme];
    assert.deepEqual(await legend(), [NEUTRAL, negative, positive].sort(), what);
    const links = await strokes('#network path.link');
    assert.ok(links.includes(negative) || links.includes(positive), `${what}: the links are drawn in the same colours (${links})`);
  };
  await expect('light', 'loaded light');
  const menu = page.getByRole('combobox', { name: 'Theme' });
  await menu.selectOption('dark');
  await frames(page, 3);
  await expect('dark', 'switched to dark');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await frames(page, 3);
  await expect('light', 'printed from dark');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await frames(page, 3);
  await expect('dark', 'back on screen');
  await menu.selectOption('light');
  await frames(page, 3);
  await expect('light', 'switched back to light');
  assert.deepEqual(problems, []);
});

test('printing from the dark theme draws in the light colours, and afterwards each theme gets its own', T, async () => {
  const { page, problems } = await openPage('#dataset=xor&hidden=3', { saved: 'dark' });
  await stepEpochs(page, 3);
  // The colours the canvases (loss chart, feature thumbnails, plot) are painted with.
  const colors = () => page.evaluate(async () => {
    const { themeColors, currentTheme } = await import('./theme.js');
    const { panel, ink, line, track, muted } = themeColors();
    return { theme: currentTheme(), panel, ink, line, track, muted };
  });
  const LIGHT = { theme: 'light', panel: '#ffffff', ink: '#1d1d1f', line: '#d7d9dc', track: '#eceef0', muted: '#5f6368' };
  const DARK_COLORS = { theme: 'dark', panel: '#1e2125', ink: '#e8eaed', line: '#3c4148', track: '#2f3338', muted: '#a3aab2' };
  assert.deepEqual(await colors(), DARK_COLORS);
  // As a browser prints: beforeprint while the screen's (dark) styles still apply, then print media.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.deepEqual(await colors(), LIGHT, 'at beforeprint: the light colours');
  await page.emulateMedia({ media: 'print' });
  await frames(page, 3);
  assert.deepEqual(await colors(), LIGHT, 'on paper: the light colours');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await frames(page, 3);
  assert.deepEqual(await colors(), DARK_COLORS, 'back on screen: dark again');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await frames(page, 3);
  assert.deepEqual(await colors(), LIGHT, 'the light theme chosen after printing: its own colours');
  assert.deepEqual(problems, []);
});

// A control as painted inside its border: the contrast of its darkest and lightest pixels (its text
// on its fill) and its mean luminance (mostly its fill). Computed styles are not enough under forced
// colours: a button's computed background was Highlight while its fill was painted the Canvas colour.
async function painted(page, locator) {
  const box = await locator.boundingBox();
  const png = await page.screenshot({ clip: { x: box.x + 4, y: box.y + 3, width: box.width - 8, height: box.height - 6 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const lin = (v) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
    let lo = 1, hi = 0, sum = 0;
    for (let i = 0; i < d.length; i += 4) {
      const l = 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
      lo = Math.min(lo, l); hi = Math.max(hi, l); sum += l;
    }
    return { contrast: (hi + 0.05) / (lo + 0.05), mean: sum / (d.length / 4) };
  }, png.toString('base64'));
}

test('forced colours (high contrast), light and dark: the picked dataset and the current phase stand out, legend samples keep their colours', T, async () => {
  for (const scheme of ['light', 'dark']) {
    const { page, problems } = await openPage('#dataset=xor', { scheme });
    await page.emulateMedia({ forcedColors: 'active' });
    await stepEpochs(page, 2);
    await page.click('#step-trace-example');
    await page.click('#step-timeline button >> nth=2');
    await frames(page);
    const s = await page.evaluate(() => {
      const style = (e) => getComputedStyle(e);
      const picked = document.querySelector('.dataset[aria-checked="true"]');
      const other = document.querySelector('.dataset[aria-checked="false"]');
      const current = document.querySelector('#step-timeline button[aria-current]');
      const phase = document.querySelector('#step-timeline button:not([aria-current])');
      const swatches = [...document.querySelectorAll('.data-plot-legend span:empty')].map(style);
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        pickedBorder: style(picked).borderTopColor, otherBorder: style(other).borderTopColor,
        currentBg: style(current).backgroundColor, phaseBg: style(phase).backgroundColor,
        text: style(document.body).color, canvas: style(document.querySelector('.panel')).backgroundColor,
        swatchColours: swatches.map((c) => c.backgroundColor).filter((c) => c.startsWith('rgb(')),  // opaque: the dots'
        colourBars: swatches.filter((c) => c.backgroundImage.startsWith('linear-gradient')).length,
        chartSwatches: [...document.querySelectorAll('#chart .chart-legend-item > span')].map((e) => style(e).borderTopColor),
        layerBars: [...document.querySelectorAll('#layer-stats .fill')].map((e) => style(e).backgroundColor),
      };
    });
    const what = `${scheme} palette`;
    assert.ok(s.forced, `${what}: forced colours are on`);
    assert.notEqual(s.pickedBorder, s.otherBorder, `${what}: the picked dataset's border differs from the others'`);
    assert.notEqual(s.currentBg, s.phaseBg, `${what}: the current phase's background differs from the others'`);
    // As painted: the current phase filled unlike the others, and its name readable on that fill.
    const standsOut = async (current, other, name) => {
      const [p, q] = [await painted(page, current), await painted(page, other)];
      assert.ok(Math.abs(p.mean - q.mean) > 0.2, `${what}: ${name} painted unlike the others (mean luminance ${p.mean.toFixed(2)} vs ${q.mean.toFixed(2)})`);
      assert.ok(p.contrast >= 4.5, `${what}: ${name}'s text on its fill ${p.contrast.toFixed(2)}:1`);
    };
    await standsOut(page.locator('#step-timeline button[aria-current]'), page.locator('#step-timeline button:not([aria-current]) >> nth=0'), 'the current phase');
    // The class swatches are the points' two colours, not the forced text colour; the output's colour bar is drawn.
    const forcedOnes = [s.text, s.canvas];
    assert.ok(new Set(s.swatchColours).size >= 2 && !s.swatchColours.some((c) => forcedOnes.includes(c)), `${what}: class swatches ${s.swatchColours} (text ${s.text}, canvas ${s.canvas})`);
    assert.ok(s.colourBars >= 1, `${what}: the output's colour bar is shown`);
    assert.ok(s.chartSwatches.length >= 2 && !s.chartSwatches.every((c) => c === s.text), `${what}: chart legend ${s.chartSwatches}`);
    assert.ok(s.layerBars.length > 0 && s.layerBars.every((c) => c.startsWith('rgb(') && !forcedOnes.includes(c)), `${what}: |dJ/dW| bars ${s.layerBars}`);
    // The Share dialog's preset in force.
    await page.click('#share');
    await page.click('#share-presets button:text("Hide advanced")');
    const presets = await page.$$eval('#share-presets button', (bs) => bs.map((e) => [e.getAttribute('aria-pressed'), getComputedStyle(e).backgroundColor]));
    const pressed = presets.filter(([p]) => p === 'true').map(([, c]) => c), others = presets.filter(([p]) => p !== 'true').map(([, c]) => c);
    assert.ok(pressed.length === 1 && others.length > 0 && !others.includes(pressed[0]), `${what}: the preset in force stands out (${JSON.stringify(presets)})`);
    await standsOut(page.locator('#share-presets button[aria-pressed="true"]'), page.locator('#share-presets button[aria-pressed="false"] >> nth=0'), 'the preset in force');
    assert.deepEqual(problems, []);
  }
});

test('the gradient-descent lab\'s contours follow the theme: its path, in the theme\'s ink, and its axis names stand out on them in both', T, async () => {
  const { page, problems } = await openPage('#chapter=gradient-descent', { scheme: 'dark' });
  await page.click('#descent-run');  // ten steps: a path from the start
  await frames(page);
  // The contours' lightest pixel (their highest J) against the path's colour, as WCAG's contrast ratio.
  const measure = () => page.evaluate(() => {
    const c = document.getElementById('descent-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let lightest = [0, 0, 0];
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] + d[i + 1] + d[i + 2] > lightest[0] + lightest[1] + lightest[2]) lightest = [d[i], d[i + 1], d[i + 2]];
    }
    const path = document.querySelector('#descent-paths .descent-path');
    const axis = getComputedStyle(document.querySelector('#descent-paths .descent-axis'));
    return { lightest: `rgb(${lightest.join(',')})`, path: getComputedStyle(path).stroke, points: path.getAttribute('points').split(' ').length,
      axis: { fill: axis.fill, halo: axis.paintOrder.startsWith('stroke') && parseFloat(axis.strokeWidth) >= 2 ? axis.stroke : null },
      panel: getComputedStyle(document.querySelector('.chapter')).backgroundColor };
  });
  // The axis names lie on the contours: a halo of the panel colour under each, so they read at text contrast on any band.
  const axisReads = (s, what) => {
    assert.equal(s.axis.halo, s.panel, `${what}: the axis names have a halo of the panel colour`);
    assert.ok(ratio(s.axis.fill, s.axis.halo) >= 4.5, `${what}: axis name ${s.axis.fill} on its halo ${s.axis.halo}`);
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  let s = await measure();
  assert.ok(s.points > 5, `a path was drawn (${s.points} points)`);
  assert.ok(luminance(s.path) > 0.7, `dark: the path is the light ink (${s.path})`);
  assert.ok(ratio(s.lightest, s.path) >= 3, `dark: the path ${s.path} on the contours' lightest ${s.lightest}: ${ratio(s.lightest, s.path).toFixed(2)}:1`);
  axisReads(s, 'dark');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await frames(page, 3);
  s = await measure();
  assert.ok(luminance(s.lightest) > 0.6, `light: the contours repainted light (${s.lightest})`);
  assert.ok(ratio(s.lightest, s.path) >= 3, `light: the path ${s.path} on ${s.lightest}: ${ratio(s.lightest, s.path).toFixed(2)}:1`);
  axisReads(s, 'light');
  assert.deepEqual(problems, []);
});

test('the perceptron lab\'s points keep 3:1 against their surroundings in the dark theme, on the "fires" region too', T, async () => {
  const { page, problems } = await openPage('#chapter=perceptron', { scheme: 'dark' });
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const measure = () => page.evaluate(() => ({
    fires: getComputedStyle(document.querySelector('#rules-plot .rule-plot-fires')).fill,
    panel: getComputedStyle(document.querySelector('.chapter')).backgroundColor,
    points: [...document.querySelectorAll('#rules-plot circle')].map((c) => {
      const s = getComputedStyle(c);
      // With the stroke painted first, the fill covers its inner half: the ring shows its outer half.
      const ring = s.paintOrder.startsWith('stroke') ? parseFloat(s.strokeWidth) / 2 : 0;
      return { fill: s.fill, stroke: s.stroke, ring, current: c.classList.contains('current') };
    }),
  }));
  const pointsStandOut = (m, what) => {
    assert.ok(m.points.length > 0, `${what}: points drawn`);
    for (const p of m.points) {
      assert.ok(p.ring >= 1, `${what}: a ring of at least 1 px outside the point (${p.ring})`);
      if (!p.current) assert.equal(p.stroke, m.panel, `${what}: the ring is the panel colour`);
      assert.ok(ratio(p.fill, p.stroke) >= 3, `${what}: point ${p.fill} on its ring ${p.stroke}: ${ratio(p.fill, p.stroke).toFixed(2)}:1`);
    }
  };
  await page.click('#rules-train');  // the firing region drawn under (1, 1)
  await frames(page);
  let m = await measure();
  const blue = m.points.find((p) => luminance(p.fill) < 0.2).fill;
  assert.ok(ratio(blue, m.fires) < 3, 'the ring is needed: the blue alone is under 3:1 on the region');
  pointsStandOut(m, 'AND');
  await page.selectOption('#rules-data', 'playground');  // many small points
  await page.click('#rules-train');
  await frames(page);
  m = await measure();
  assert.ok(m.points.length > 20);
  pointsStandOut(m, 'the playground\'s points');
  assert.deepEqual(problems, []);
});

test('forced colours (high contrast): an invalid field keeps a border unlike a valid one\'s, without moving the page', T, async () => {
  const { page, problems } = await openPage('#chapter=mlp');
  await page.emulateMedia({ forcedColors: 'active' });
  const field = page.locator('#approx-n2');
  const border = () => field.evaluate((el) => {
    const s = getComputedStyle(el), box = el.getBoundingClientRect();
    return { invalid: el.getAttribute('aria-invalid'), look: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
      width: parseFloat(s.borderTopWidth), size: [box.width, box.height] };
  });
  const valid = await border();
  await field.fill('99');  // more units than the lab allows
  await field.dispatchEvent('change');
  await field.blur();  // as a reader sees it after leaving the field
  await frames(page);
  const invalid = await border();
  assert.equal(invalid.invalid, 'true');
  // Forced colours replace the red border with the text colour: the error needs its own style.
  assert.notEqual(invalid.look, valid.look, `the invalid field's border (${invalid.look}) differs from a valid one's`);
  assert.ok(invalid.width >= 2, `a thicker border (${invalid.look})`);
  assert.deepEqual(invalid.size, valid.size, 'the field keeps its size');
  assert.deepEqual(problems, []);
});
