// End-to-end: exporting figures and printing. For each of the five figures (output plot, network
// diagram, loss chart, layer view, step diagram) a learner opens "Save figure ▾" and picks PNG, then
// SVG (one by keyboard); the downloads are opened as files: the PNG in a blank page is twice the
// figure's CSS size plus a caption strip, its pixels are the on-screen figure's at sample points
// (the heatmap off the points, a data point's fill, a neuron's picture) and block by block; the SVG
// parses, names the page's epoch and settings in its caption, has no var( and no reference outside
// itself, keeps vector parts as vectors, and drawn on its own looks like the PNG. In dark mode the
// PNG's background is the dark panel. Printing (print media emulated) a chapter and the playground
// in dark mode: no header, buttons or sticky bars, light backgrounds and canvases, figures kept whole,
// an external link's address printed, and page.pdf() gives a sane number of pages; at A4's width a
// chapter's labs keep their texts and results (their hints) and no table is cut at a scroll box.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { useBrowser, withPage, frames, RESULTS } from './browser.mjs';
import { THEME_KEY } from '../../web/theme.js';

const b = useBrowser();
const T = { timeout: 180000 };
const OUT = path.join(RESULTS, 'figure-export');
const FIGURES = {
  'decision-boundary': '#plot .data-plot', network: '#network', 'loss-chart': '#chart',
  'layer-view': '#layer-stats', 'step-diagram': '#step-network',
};
// The learner chose the dark theme (saved before the page's scripts run).
const DARK = { init: `try { localStorage.setItem(${JSON.stringify(THEME_KEY)}, 'dark'); } catch {}` };
const viewers = [];
after(async () => { await Promise.all(viewers.map((v) => v.close())); });

/** Save figure ▾ → PNG or SVG as a learner does (mouse, or Tab/Enter), and the file it downloads. */
async function save(page, figure, format, { keyboard = false } = {}) {
  const box = page.locator(`.figure-export[data-figure="${figure}"]`);
  const toggle = box.locator('.figure-export-toggle');
  const download = page.waitForEvent('download');
  if (keyboard) {
    await toggle.focus();
    await page.keyboard.press('Enter');  // opens the menu on its first choice, PNG
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.format), 'png');
    if (format === 'svg') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await toggle.click();
    await box.locator(`button[data-format="${format}"]`).click();
  }
  const file = await download;
  fs.mkdirSync(OUT, { recursive: true });
  const where = path.join(OUT, file.suggestedFilename());
  await file.saveAs(where);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'the menu closes after a choice');
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(where) };
}

// A blank page (no CSP, no stylesheet) in which the files are opened, as a viewer would.
async function viewer(context) {
  const v = await context.newPage();
  viewers.push(v);
  await v.goto('about:blank');
  return v;
}

const dataUrl = (bytes, type) => `data:${type};base64,${bytes.toString('base64')}`;

/**
 * In the viewer: the image's size, its RGBA at `points` ([x, y] in its pixels) and the mean colour of
 * n x n blocks of its `crop` ({ x, y, w, h } fractions of it; default all).
 */
function inspect(v, url, { points = [], n = 8, crop = null, width = 0 } = {}) {
  return v.evaluate(async ({ url, points, n, crop, width }) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    // An SVG is drawn at `width` (its own size when 0), a PNG at its own.
    const w = width || img.naturalWidth, h = width ? Math.round((img.naturalHeight * width) / img.naturalWidth) : img.naturalHeight;
    const c = Object.assign(document.createElement('canvas'), { width: w, height: h });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    const at = ([x, y]) => Array.from(data.slice(4 * (Math.round(y) * w + Math.round(x)), 4 * (Math.round(y) * w + Math.round(x)) + 4));
    const r = crop ? { x: crop.x * w, y: crop.y * h, w: crop.w * w, h: crop.h * h } : { x: 0, y: 0, w, h };
    const blocks = [];
    for (let by = 0; by < n; ++by) {
      for (let bx = 0; bx < n; ++bx) {
        const sum = [0, 0, 0];
        let count = 0;
        for (let y = Math.floor(r.y + (by * r.h) / n); y < Math.floor(r.y + ((by + 1) * r.h) / n); ++y) {
          for (let x = Math.floor(r.x + (bx * r.w) / n); x < Math.floor(r.x + ((bx + 1) * r.w) / n); ++x) {
            const k = 4 * (y * w + x);
            for (let i = 0; i < 3; ++i) sum[i] += data[k + i];
            count++;
          }
        }
        blocks.push(sum.map((s) => s / Math.max(1, count)));
      }
    }
    return { width: w, height: h, points: points.map(at), blocks };
  }, { url, points, n, crop, width });
}

/** Mean and largest difference (per channel, 0..255) between two lists of block colours. */
function blockDifference(a, b) {
  assert.equal(a.length, b.length);
  const d = a.map((c, i) => (Math.abs(c[0] - b[i][0]) + Math.abs(c[1] - b[i][1]) + Math.abs(c[2] - b[i][2])) / 3);
  return { mean: d.reduce((s, x) => s + x, 0) / d.length, max: Math.max(...d) };
}

const close = (got, want, tol, what) => {
  for (let i = 0; i < 3; ++i) assert.ok(Math.abs(got[i] - want[i]) <= tol, `${what}: ${got.slice(0, 3)} vs on screen ${want.slice(0, 3)}`);
};

/** Where a figure is and how big, in CSS pixels. */
const boxOf = (page, selector) => page.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { left: r.left, top: r.top, width: Math.round(r.width), height: Math.round(r.height) };
}, selector);

// On the output plot: a plane pixel far from every point (the most coloured such pixel) and the
// centre of a training point, with their on-screen colours; coordinates from the figure's top left.
const plotSamples = (page) => page.evaluate(() => {
  const root = document.querySelector('#plot .data-plot');
  const heat = root.querySelector('.data-plot-heatmap'), pts = root.querySelector('.data-plot-points');
  const r0 = root.getBoundingClientRect(), r = heat.getBoundingClientRect();
  const scale = pts.width / r.width;
  // The heatmap has a pixel per grid cell, scaled up on screen: `cell` points pixels to a cell.
  const cell = heat.width / pts.width;
  const hd = heat.getContext('2d').getImageData(0, 0, heat.width, heat.height).data;
  const pd = pts.getContext('2d').getImageData(0, 0, pts.width, pts.height).data;
  const w = pts.width;
  const px = (d, x, y, width = w) => Array.from(d.slice(4 * (y * width + x), 4 * (y * width + x) + 4));
  const heatAt = (x, y) => px(hd, Math.floor(x * cell), Math.floor(y * cell), heat.width);
  let plane = null, best = -1;
  for (let y = 10; y < pts.height - 10; y += 5) {
    for (let x = 10; x < w - 10; x += 5) {
      let clear = true;
      for (let dy = -8; dy <= 8 && clear; ++dy) for (let dx = -8; dx <= 8 && clear; ++dx) clear = pd[4 * ((y + dy) * w + x + dx) + 3] === 0;
      if (!clear) continue;
      const c = heatAt(x, y);
      const colour = Math.max(...c.slice(0, 3)) - Math.min(...c.slice(0, 3));
      // Off the smooth heatmap's steep parts: the same colour in the cells around (the screen
      // blends neighbouring cells).
      const flat = [[-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [1, 1], [-1, 1], [1, -1]]
        .every(([dx, dy]) => heatAt(x + dx / cell, y + dy / cell).every((v, i) => Math.abs(v - c[i]) <= 2));
      if (flat && colour > best) { best = colour; plane = { x: (r.left - r0.left) + x / scale, y: (r.top - r0.top) + y / scale, rgba: c }; }
    }
  }
  let point = null;
  for (let y = 3; y < pts.height - 3 && !point; ++y) {
    for (let x = 3; x < w - 3 && !point; ++x) {
      const c = px(pd, x, y);
      if (c[3] !== 255) continue;
      let same = true;
      for (let dy = -1; dy <= 1 && same; ++dy) for (let dx = -1; dx <= 1 && same; ++dx) same = px(pd, x + dx, y + dy).every((v, i) => v === c[i]);
      // A class colour, not the halo or rim (the fill orange #E69F00 or blue #0072B2).
      if (same && ((c[0] === 230 && c[1] === 159 && c[2] === 0) || (c[0] === 0 && c[1] === 114 && c[2] === 178))) {
        point = { x: (r.left - r0.left) + x / scale, y: (r.top - r0.top) + y / scale, rgba: c };
      }
    }
  }
  return { plane, point, planeGrey: best };
});

// The first hidden neuron's picture in the network diagram: its centre and on-screen colour.
const neuronSample = (page) => page.evaluate(() => {
  const root = document.querySelector('#network');
  const pictures = root.querySelector('canvas.pictures');
  const card = root.querySelector('.node[data-unit="1:0"]').getBoundingClientRect();
  const r0 = root.getBoundingClientRect(), r = pictures.getBoundingClientRect();
  const scale = pictures.width / r.width;
  const x = card.left + card.width * 0.3 - r.left, y = card.top + card.height * 0.3 - r.top;
  const c = Array.from(pictures.getContext('2d').getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data);
  return { x: x + r.left - r0.left, y: y + r.top - r0.top, rgba: c };
});

test('each figure saves as a PNG and an SVG that match the figure on screen', T, async () => {
  await withPage(b, '', async (page, session) => {
    for (let i = 0; i < 12; ++i) await page.click('#step');
    await page.click('#step-trace-example');
    // The trace plays its phases: pause it, so the diagram holds still while it is saved.
    if (await page.locator('#step-play').getAttribute('aria-pressed') === 'true') await page.click('#step-play');
    await frames(page, 4);
    const epoch = Number(await page.locator('#epoch').getAttribute('data-epoch'));
    assert.ok(epoch >= 12, `epoch ${epoch}`);
    const testLoss = (await page.locator('#test-loss').textContent()).trim();
    const v = await viewer(session.context);
    const report = {};
    // The menu, open, as the learner sees it; Escape closes it and gives the focus back.
    const toggle = page.locator('[data-figure="decision-boundary"] .figure-export-toggle');
    await toggle.click();
    await page.screenshot({ path: path.join(RESULTS, 'figure-export.png') });
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('figure-export-toggle')), true);

    for (const [figure, selector] of Object.entries(FIGURES)) {
      const box = await boxOf(page, selector);
      assert.ok(box.width > 100 && box.height > 100, `${figure} is on the page: ${JSON.stringify(box)}`);
      const shot = await page.locator(selector).screenshot();
      const samples = figure === 'decision-boundary' ? await plotSamples(page) : figure === 'network' ? await neuronSample(page) : null;
      const svgCounts = await page.evaluate((s) => {
        const visible = (q) => [...document.querySelectorAll(`${s} ${q}`)].filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true })).length;
        return { links: visible('path.link'), circles: visible('circle'), units: visible('.step-unit circle'), bars: visible('svg.histogram rect') };
      }, selector);

      // ---- PNG (by keyboard for the first figure) ----
      const png = await save(page, figure, 'png', { keyboard: figure === 'decision-boundary' });
      assert.equal(png.name, `backprop-${figure}-epoch-${epoch}.png`);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
      const figureCrop = (img) => ({ x: 0, y: 0, w: 1, h: (2 * box.height) / img.height });
      let img = await inspect(v, dataUrl(png.bytes, 'image/png'));
      assert.equal(img.width, 2 * box.width, `${figure}: twice the CSS width`);
      const captionH = img.height / 2 - box.height;
      assert.ok(captionH >= 32 && (captionH - 16) % 16 === 0, `${figure}: a caption strip of whole lines under the figure (${captionH} px)`);
      const points = [];
      if (samples?.plane) points.push([2 * samples.plane.x, 2 * samples.plane.y]);
      if (samples?.point) points.push([2 * samples.point.x, 2 * samples.point.y]);
      if (figure === 'network') points.push([2 * samples.x, 2 * samples.y]);
      img = await inspect(v, dataUrl(png.bytes, 'image/png'), { points, crop: figureCrop(img) });
      const screen = await inspect(v, dataUrl(shot, 'image/png'));
      const diff = blockDifference(img.blocks, screen.blocks);
      assert.ok(diff.mean < 2 && diff.max < 10, `${figure}: the PNG looks like the figure on screen, block by block (${JSON.stringify(diff)})`);
      if (figure === 'decision-boundary') {
        assert.ok(samples.plane && samples.point, 'a plane pixel and a data point were found on screen');
        assert.ok(samples.planeGrey > 20, 'the plane sample is coloured, not the blank panel');
        close(img.points[0], samples.plane.rgba, 6, 'the heatmap at a plane point');
        close(img.points[1], samples.point.rgba, 6, 'a data point\'s fill');
      }
      if (figure === 'network') close(img.points[0], samples.rgba, 8, 'the first hidden neuron\'s picture');
      // The caption strip has text in it (dark pixels on the light panel).
      const strip = await inspect(v, dataUrl(png.bytes, 'image/png'), { n: 4, crop: { x: 0, y: (2 * box.height + 4) / img.height, w: 1, h: 1 - (2 * box.height + 4) / img.height } });
      assert.ok(Math.min(...strip.blocks.slice(0, 4).map((c) => c[0])) < 250, `${figure}: the caption strip has text`);

      // ---- SVG ----
      const svg = await save(page, figure, 'svg');
      assert.equal(svg.name, `backprop-${figure}-epoch-${epoch}.svg`);
      const text = svg.bytes.toString('utf8');
      assert.ok(!text.includes('var('), `${figure}: no CSS variables`);
      assert.ok(!/<style|<link|@import|<foreignObject/i.test(text), `${figure}: no stylesheet or HTML`);
      for (const [, ref] of text.matchAll(/(?:xlink:)?href="([^"]*)"/g)) {
        assert.ok(ref.startsWith('data:image/png;base64,') || ref.startsWith('#'), `${figure}: a reference outside the file: ${ref.slice(0, 40)}`);
      }
      for (const [, ref] of text.matchAll(/url\(([^)]*)\)/g)) assert.ok(ref.startsWith('#'), `${figure}: url(${ref})`);
      const parsed = await v.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')),
          caption: [...doc.querySelectorAll('g.caption text')].map((t) => t.textContent).join(' · '),
          images: doc.querySelectorAll('g.figure image').length,
          paths: doc.querySelectorAll('g.figure path').length,
          circles: doc.querySelectorAll('g.figure circle').length,
          rects: doc.querySelectorAll('g.figure rect').length,
          texts: [...doc.querySelectorAll('g.figure text')].map((t) => t.textContent),
        };
      }, text);
      assert.equal(parsed.error, null, `${figure}: the SVG parses`);
      assert.deepEqual([parsed.width, parsed.height], [img.width / 2, img.height / 2], `${figure}: the SVG has the PNG's size in CSS pixels`);
      for (const part of ['dataset xor', 'features x1, x2', 'hidden layers 4, 2', 'activation tanh', 'loss mse', 'optimizer sgd',
        'learning rate 0.03', 'batch size 10', `epoch ${epoch}`, `test loss ${testLoss}`]) {
        assert.ok(parsed.caption.includes(part), `${figure}: the caption says "${part}": ${parsed.caption}`);
      }
      // Vector where the figure is vector; canvases as images.
      if (figure === 'decision-boundary') {
        assert.equal(parsed.images, 2, 'the heatmap and the points, as images');
        assert.ok(parsed.texts.includes('x₁') && parsed.texts.includes('−6'), 'axis labels as text');
      }
      if (figure === 'network') {
        assert.equal(parsed.images, 1, 'the neurons\' pictures, one image');
        assert.ok(parsed.paths >= svgCounts.links && svgCounts.links === 2 * 4 + 4 * 2 + 2, `every link a path: ${parsed.paths} ≥ ${svgCounts.links}`);
        assert.ok(parsed.texts.includes('x1') && parsed.texts.includes('4 neurons'), 'names as text');
      }
      if (figure === 'loss-chart' || figure === 'layer-view') {
        assert.equal(parsed.images, 0, `${figure}: no pixels, all vector`);
        assert.ok(parsed.paths >= 4 && parsed.texts.includes('epoch'), `${figure}: the chart's lines and labels: ${parsed.paths} paths`);
      }
      if (figure === 'layer-view') assert.ok(parsed.rects >= svgCounts.bars, 'every histogram bar a rect');
      if (figure === 'step-diagram') {
        assert.equal(parsed.images, 0, 'the step diagram is all vector');
        assert.equal(parsed.circles, svgCounts.circles, 'every unit (and moving pulse) a circle');
        assert.equal(svgCounts.units, 2 + 4 + 2 + 1);
      }
      // Drawn on its own, at the PNG's size, it looks like the PNG.
      const drawn = await inspect(v, dataUrl(svg.bytes, 'image/svg+xml'), { width: img.width });
      const whole = await inspect(v, dataUrl(png.bytes, 'image/png'));
      const svgDiff = blockDifference(drawn.blocks, whole.blocks);
      assert.ok(svgDiff.mean < 1.5 && svgDiff.max < 6, `${figure}: the SVG drawn alone looks like the PNG (${JSON.stringify(svgDiff)})`);
      report[figure] = { png: png.bytes.length, svg: svg.bytes.length, size: `${img.width}x${img.height}`, diff, svgDiff };
    }
    fs.writeFileSync(path.join(OUT, 'sizes.json'), JSON.stringify(report, null, 2));
  });
});

test('in dark mode the PNG is on the dark panel', T, async () => {
  await withPage(b, '', async (page, session) => {
    const panel = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--panel').trim());
    assert.equal(panel.toLowerCase(), '#1e2125');
    const png = await save(page, 'decision-boundary', 'png');
    const v = await viewer(session.context);
    const img = await inspect(v, dataUrl(png.bytes, 'image/png'), { points: [[1, 1], [5, (await inspect(v, dataUrl(png.bytes, 'image/png'))).height - 2]] });
    for (const p of img.points) assert.deepEqual(p, [0x1e, 0x21, 0x25, 255]);
  }, DARK);
});

test('in large text (24 px) the saved figure\'s settings caption grows with the figure\'s own labels', T, async () => {
  await withPage(b, '', async (page) => {
    for (let i = 0; i < 3; ++i) await page.click('#step');
    const svg = await save(page, 'loss-chart', 'svg');
    // The file is the figure's group, then the caption's.
    const [drawn, captioned] = svg.bytes.toString('utf8').split('<g class="caption">');
    const sizes = (part) => [...part.matchAll(/<text[^>]* font-size="([\d.]+)"/g)].map(([, v]) => Number(v));
    const caption = sizes(captioned), figure = sizes(drawn);
    assert.ok(caption.length > 0 && figure.length > 0, `text in both: ${caption} / ${figure}`);
    // 12 px at the default size; the chart's labels are 1.5 times theirs too.
    assert.deepEqual([...new Set(caption)], [18], `the caption's font size: ${caption}`);
    assert.ok(Math.min(...figure) >= 15, `the chart's labels: ${figure}`);
  }, { fontSize: 24 });
});

// WCAG relative luminance of 'rgb(...)'.
function luminance(css) {
  const [r, g, bl] = css.match(/[\d.]+/g).map(Number);
  const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
}

const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

// What print media shows: hidden chrome, visible sticky/fixed parts, backgrounds of the page and panels.
const printState = (page) => page.evaluate(() => {
  const shown = (e) => e.checkVisibility();
  const all = [...document.querySelectorAll('body *')].filter(shown);
  return {
    header: getComputedStyle(document.querySelector('.topbar')).display,
    buttons: [...document.querySelectorAll('button')].filter(shown).map((e) => e.textContent.trim() || e.id),
    stuck: all.filter((e) => ['sticky', 'fixed'].includes(getComputedStyle(e).position)).map((e) => e.id || e.className),
    backgrounds: [document.documentElement, document.body, ...document.querySelectorAll('.panel, .chapter, .widget')].filter((e) => e === document.documentElement || e === document.body || shown(e))
      .map((e) => getComputedStyle(e).backgroundColor).filter((c) => !/rgba\(0, 0, 0, 0\)/.test(c)),
    ink: getComputedStyle(document.body).color,
    unbroken: [...document.querySelectorAll('.widget, canvas, svg, .data-plot')].filter(shown).every((e) => getComputedStyle(e).breakInside === 'avoid'),
  };
});

test('printing a chapter and the playground in dark mode: light paper, no chrome, sane pages', T, async () => {
  await withPage(b, '#chapter=mlp', async (page) => {
    await page.evaluate(() => {  // an external link in the text: its address is printed after it
      const a = Object.assign(document.createElement('a'), { href: 'https://example.org/mlp', textContent: 'a reference' });
      a.id = 'print-link';
      document.querySelector('.chapter-text').append(a);
    });
    assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) < 0.1, 'dark on screen');
    await page.emulateMedia({ media: 'print' });
    await frames(page, 3);
    const s = await printState(page);
    assert.equal(s.header, 'none');
    assert.deepEqual(s.buttons, [], 'no buttons on paper');
    assert.deepEqual(s.stuck, [], 'no sticky or fixed bars on paper');
    for (const bg of s.backgrounds) assert.ok(luminance(bg) > 0.9, `light background: ${bg}`);
    assert.ok(luminance(s.ink) < 0.05, `dark text: ${s.ink}`);
    assert.ok(s.unbroken, 'no figure cut across pages');
    assert.equal(await page.evaluate(() => document.querySelector('.columns').checkVisibility()), false, 'the chapter, not the playground');
    assert.ok(await page.evaluate(() => document.querySelector('.chapter .widget canvas, .chapter .widget svg')?.checkVisibility()), 'its widgets\' figures');
    assert.ok(await page.evaluate(() => document.querySelector('.chapter .task')?.checkVisibility()), 'its tasks');
    assert.match(await page.evaluate(() => getComputedStyle(document.getElementById('print-link'), '::after').content), /https:\/\/example\.org\/mlp/);
    const pdf = await page.pdf({ printBackground: true });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'chapter-mlp.pdf'), pdf);
    assert.ok(pdfPages(pdf) >= 1 && pdfPages(pdf) <= 6, `the chapter prints on a few pages: ${pdfPages(pdf)}`);
    await page.emulateMedia({ media: 'screen' });
  }, DARK);

  await withPage(b, '', async (page) => {
    await page.emulateMedia({ media: 'print' });
    await frames(page, 3);
    const s = await printState(page);
    assert.equal(s.header, 'none');
    assert.deepEqual(s.buttons, []);
    assert.deepEqual(s.stuck, []);
    for (const bg of s.backgrounds) assert.ok(luminance(bg) > 0.9, `light background: ${bg}`);
    const shown = await page.evaluate(() => ['#plot', '#network', '#chart', '#data-panel', '#step-panel'].map((q) => document.querySelector(q).checkVisibility()));
    assert.deepEqual(shown, [true, true, true, false, false], 'the output plot, the network and the chart; not the data panel or the step panel');
    // The heatmap repainted for paper: its most neutral pixel is the light panel's white.
    const lightest = await page.evaluate(() => {
      const c = document.querySelector('#plot .data-plot-heatmap');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let best = 0;
      for (let i = 0; i < d.length; i += 4) best = Math.max(best, d[i] + d[i + 1] + d[i + 2]);
      return best / 3;
    });
    assert.ok(lightest > 240, `the heatmap is painted light for print (${lightest})`);
    const pdf = await page.pdf({ printBackground: true });
    fs.writeFileSync(path.join(OUT, 'playground.pdf'), pdf);
    assert.equal(pdfPages(pdf), 1, 'the playground prints on one page');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(RESULTS, 'print-playground.png') });
    await page.emulateMedia({ media: 'screen' });
  }, DARK);
});

test('printing a chapter keeps its labs\' text and results, and their tables whole', T, async () => {
  for (const chapter of ['gradient-descent', 'activations', 'initialisation']) {
    await withPage(b, `#chapter=${chapter}`, async (page) => {
      await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });  // a lab training in slices has its numbers
      const hints = () => page.$$eval('#chapter .widget .hint', (ps) => ps.filter((p) => p.checkVisibility()).map((p) => p.textContent.trim()));
      const onScreen = await hints();
      assert.ok(onScreen.length >= 3, `${chapter}: its labs' hints on screen (${onScreen.length})`);
      await page.setViewportSize({ width: 703, height: 1000 });  // A4's width inside the page's margins
      await page.emulateMedia({ media: 'print' });
      await frames(page, 3);
      assert.deepEqual(await hints(), onScreen, `${chapter}: every lab text and result on paper too`);
      // Nothing a lab shows is cut at the edge of a box that scrolls on screen.
      const cut = await page.$$eval('#chapter .widget *', (els) => els.filter((e) => {
        if (!e.checkVisibility()) return false;
        const { overflowX, overflowY } = getComputedStyle(e);
        return (overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) || (overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1);
      }).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight}`));
      assert.deepEqual(cut, [], `${chapter}: no lab content cut on paper`);
      await page.emulateMedia({ media: 'screen' });
    });
  }
});
