// End-to-end: the playground page's layout and accessible names at a laptop size (1280 x 800) and
// a tablet held upright (800 x 1100) in headless Chromium, with screenshots of the main states in
// test-results/ for a person to look at.
// Not here: behaviour of the controls (the other playground-*.e2e.mjs files).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { NEGATIVE, NEUTRAL, POSITIVE } from '../../web/views/colors.js';
import { useBrowser, withPage, frames, trainUntil, readState, screenshot, choose, check, stepEpochs, pause } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 30000 };
const SIZES = [{ width: 1280, height: 800 }, { width: 800, height: 1100 }];

// Elements whose right edge passes the viewport, or their panel, outside the network scroller
// (which scrolls sideways on purpose).
function overflowing() {
  const out = [];
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.network-scroll') || el.closest('[hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > window.innerWidth + 0.5) out.push(`${name(el)} ends at ${Math.round(r.right)} > viewport ${window.innerWidth}`);
    const panel = el.closest('.panel, .wide-panel');
    if (panel && el !== panel && r.right > panel.getBoundingClientRect().right + 0.5) {
      out.push(`${name(el)} ends at ${Math.round(r.right)}, outside its panel (${Math.round(panel.getBoundingClientRect().right)})`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, out: out.slice(0, 10) };
}

// Controls in the accessibility tree (Chromium's own computation) that have no name.
async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const roles = new Set(['button', 'combobox', 'slider', 'checkbox', 'spinbutton', 'textbox', 'switch', 'radio',
    'ListBox', 'searchbox', 'link']);
  const unnamed = [];
  let count = 0;
  for (const n of nodes) {
    if (n.ignored || !roles.has(n.role?.value)) continue;
    count += 1;
    if (!String(n.name?.value ?? '').trim()) {
      const { node } = await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId });
      unnamed.push(`${n.role.value} <${node.localName} ${(node.attributes ?? []).join(' ')}>`);
    }
  }
  await cdp.detach();
  return { count, unnamed };
}

for (const viewport of SIZES) {
  test(`layout at ${viewport.width} x ${viewport.height}: nothing spills sideways, every control is named`, T, async () => {
    await withPage(b, '#points=60', async (page) => {
      // Open everything that can be opened, and make the network wide, then look.
      await page.click('details.more summary');
      for (let i = 0; i < 5; ++i) await page.click('#network button[aria-label="add a hidden layer"]');
      // A traced step on that deep network, with a unit's equations open (long chains of equalities).
      await page.click('#step-trace-example');
      await page.click('#step-timeline button >> nth=-1');
      await page.click('#step-network [data-unit="2:0"] circle');
      await frames(page);
      const layout = await page.evaluate(overflowing);
      assert.ok(layout.scrollWidth <= layout.innerWidth, `page scroll width ${layout.scrollWidth} > ${layout.innerWidth}`);
      assert.deepEqual(layout.out, [], 'elements beyond the viewport or their panel');
      // The plot fits its panel.
      const plot = await page.locator('#plot .data-plot').boundingBox();
      const panel = await page.locator('#output-panel').boundingBox();
      assert.ok(plot.x + plot.width <= panel.x + panel.width, 'the output plot lies inside its panel');
      assert.ok(plot.width >= 200, `the output plot stays readable (${plot.width} px)`);
      // The network scrolls inside its own box instead of widening the page.
      const scroller = await page.$eval('.network-scroll', (el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
      assert.ok(scroller.cw > 0);

      const { count, unnamed } = await unnamedControls(page);
      assert.ok(count > 60, `${count} controls found`);
      assert.deepEqual(unnamed, [], 'controls without an accessible name');
      // A slider can be reached by its label, as a screen reader user would.
      assert.equal(await page.getByRole('slider', { name: /Noise/ }).count(), 1);
      assert.equal(await page.getByRole('combobox', { name: 'Learning rate' }).count(), 1);
      if (viewport.width === 800) await screenshot(page, 'playground-narrow.png', { fullPage: true });
      // The Share / embed dialog (modal, so looked at on its own) fits the viewport too.
      await page.click('#share');
      await page.waitForSelector('#share-dialog[data-state="ready"]', { timeout: 30000 });  // measured, previewed
      const dialog = await page.evaluate(overflowing);
      assert.deepEqual(dialog.out, [], 'elements of the share dialog beyond the viewport');
      assert.equal((await unnamedControls(page)).unnamed.length, 0, 'share dialog controls without a name');
    }, { viewport });
  });
}

test('screenshots: the page as it opens, and a multi-class problem after training', T, async () => {
  await withPage(b, '', async (page) => {
    await screenshot(page, 'playground-initial.png');
    const s = await readState(page);
    assert.equal(s.message, '');
    assert.equal(await page.textContent('#problem'), 'classification');
  });
  await withPage(b, '#dataset=blobs&classes=4&noise=0.2&points=120&hidden=6&speed=20', async (page) => {
    assert.equal(await page.textContent('#problem'), '4-class classification');
    await stepEpochs(page, 150);
    const s = await readState(page);
    assert.equal(s.epoch, 150);
    assert.ok(s.testAccuracy > 80, `blobs test accuracy ${s.testAccuracy}%`);
    const legend = await page.textContent('#plot .data-plot-legend');
    for (let k = 0; k < 4; ++k) assert.match(legend, new RegExp(`class ${k}`));
    await screenshot(page, 'playground-multiclass.png');
  });
});

test('8 hidden layers at 1280×800: no two +/− controls overlap and the output node is in view', T, async () => {
  for (const hidden of ['2,2,2,2,2,2,2,2', '16,16,16,16,16,16,16,16']) {
    await withPage(b, `#hidden=${hidden}&features=x1,x2,x1%5E2,x2%5E2,x1*x2,sin_x1,sin_x2`, async (page) => {
      const boxes = await page.$$eval('#network .layer-controls button, #network .neuron-controls button, #network .neuron-controls span', (els) =>
        els.map((e) => { const r = e.getBoundingClientRect(); return { name: e.getAttribute('aria-label') ?? e.textContent, x: r.x, y: r.y, w: r.width, h: r.height }; }));
      assert.equal(boxes.filter((x) => /neuron/.test(x.name)).length, 16);
      for (let i = 0; i < boxes.length; ++i) {
        for (let j = i + 1; j < boxes.length; ++j) {
          const [p, q] = [boxes[i], boxes[j]];
          const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
          assert.ok(apart, `${hidden}: '${p.name}' and '${q.name}' overlap`);
        }
      }
      // Buttons stay big enough to hit.
      for (const x of boxes.filter((x) => /add|remove/.test(x.name))) assert.ok(x.w >= 18 && x.h >= 18, `${x.name}: ${x.w}×${x.h}`);
      // The output node is fully inside the network's scroll box and the viewport, without scrolling.
      const out = await page.locator('#network [aria-label="output"]').boundingBox();
      const box = await page.locator('#network-panel .network-scroll').boundingBox();
      assert.ok(out.x >= box.x && out.x + out.width <= box.x + box.width + 0.5, `${hidden}: output at x ${out.x}..${out.x + out.width}, panel ${box.x}..${box.x + box.width}`);
      assert.ok(out.y >= 0 && out.y + out.height <= 800, `${hidden}: output at y ${out.y}`);
      const scroller = await page.$eval('#network-panel .network-scroll', (el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
      assert.ok(scroller.sw <= scroller.cw, `${hidden}: the network scrolls (${scroller.sw} > ${scroller.cw})`);
      // Zoomed out, a tooltip still opens beside the pointer.
      const bias = await page.locator('#network rect[data-param="5:0:bias"]').boundingBox();
      const at = { x: bias.x + bias.width / 2, y: bias.y + bias.height / 2 };
      // (without the zoom correction it lands 1/zoom times as far from the view's corner)
      await page.mouse.move(at.x, at.y);
      await page.waitForSelector('#network .tooltip:not([hidden])');
      const tip = await page.locator('#network .tooltip').boundingBox();
      assert.ok(Math.abs(tip.x - at.x) < 30 && Math.abs(tip.y - at.y) < 30, `tooltip at ${tip.x},${tip.y}, pointer at ${at.x},${at.y}`);
      await screenshot(page, `playground-8-layers-${hidden.split(',')[0]}.png`);
    });
  }
});

// The weight legend under the network: on show, and drawn in the colours the links use.
async function assertWeightLegend(page) {
  const legend = page.locator('#weight-legend');
  assert.ok(await legend.isVisible(), 'the weight legend is on show');
  assert.match(await legend.textContent(), /negative.*zero.*positive.*thickness = \|w\|/);
  const strokes = await page.$$eval('#weight-legend line', (ls) => ls.slice(0, 3).map((l) => l.getAttribute('stroke')));
  assert.deepEqual(strokes, [NEGATIVE, NEUTRAL, POSITIVE]);
  const links = await page.$$eval('#network path.link', (ps) => ps.map((p) => p.getAttribute('stroke')));
  assert.ok(links.length > 0 && links.every((c) => strokes.includes(c)), 'every link has one of the legend\'s colours');
}

test('the header puts the primary controls first and groups the training options; "More settings" shows what applies', T, async () => {
  await withPage(b, '', async (page) => {
    // Primary controls come before the group, in reading order; the secondary ones are inside it.
    const order = await page.evaluate(() => {
      const group = document.querySelector('.topbar .training-options');
      const before = (sel) => Boolean(document.querySelector(sel).compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING);
      const inside = (sel) => group.contains(document.querySelector(sel));
      return {
        primaryFirst: ['#reset', '#play', '#step', '#epoch', 'select[data-key="learningRate"]', 'select[data-key="activation"]', '#problem'].every(before),
        grouped: ['#stepMode', '#rerun', 'select[data-key="optimizer"]', 'select[data-key="l2"]'].every(inside),
      };
    });
    assert.deepEqual(order, { primaryFirst: true, grouped: true });
    assert.equal(await page.getByRole('group', { name: 'Training options' }).count(), 1);
    await assertWeightLegend(page);
    // "More settings" sits above the layer diagnostics.
    const more = await page.locator('details.more').boundingBox();
    const layers = await page.locator('details.layers:has(#layer-stats)').boundingBox();
    assert.ok(more.y + more.height <= layers.y, `More settings (y ${more.y}) above the diagnostics (y ${layers.y})`);

    await page.click('details.more summary');
    const visible = async () => {
      const out = {};
      for (const key of ['momentum', 'beta1', 'beta2', 'leakySlope', 'eluAlpha', 'decayRate', 'decaySteps', 'patience', 'dropout']) {
        out[key] = await page.isVisible(`.more-grid [data-key="${key}"]`);
      }
      return out;
    };
    const none = { momentum: false, beta1: false, beta2: false, leakySlope: false, eluAlpha: false, decayRate: false, decaySteps: false, patience: false, dropout: true };
    assert.deepEqual(await visible(), none, 'SGD, tanh, no decay, no early stopping');
    await choose(page, 'optimizer', 'momentum');
    assert.deepEqual(await visible(), { ...none, momentum: true });
    await choose(page, 'optimizer', 'adam');
    assert.deepEqual(await visible(), { ...none, beta1: true, beta2: true });
    await choose(page, 'optimizer', 'sgd');
    await choose(page, 'activation', 'leaky_relu');
    assert.deepEqual(await visible(), { ...none, leakySlope: true });
    await choose(page, 'activation', 'elu');
    assert.deepEqual(await visible(), { ...none, eluAlpha: true });
    await choose(page, 'activation', 'tanh');
    await choose(page, 'decay', 'exponential');
    assert.deepEqual(await visible(), { ...none, decayRate: true });
    await choose(page, 'decay', 'inverse_time');
    assert.deepEqual(await visible(), { ...none, decaySteps: true });
    await choose(page, 'decay', 'none');
    await check(page, 'earlyStopping');
    assert.deepEqual(await visible(), { ...none, patience: true });
    // A hidden field keeps its value: back on momentum, the URL's momentum is shown again.
    await choose(page, 'optimizer', 'momentum');
    assert.equal(await page.inputValue('input[data-key="momentum"]'), '0.9');
  });
});

// The first-visit tips that are on show: their names and boxes.
const shownTips = (page) => page.$$eval('.tip', (tips) => tips.filter((t) => !t.hidden && t.getBoundingClientRect().width > 0)
  .map((t) => { const r = t.getBoundingClientRect(); return { id: t.dataset.tip, x: r.x, y: r.y, w: r.width, h: r.height }; }));
const apart = (p, q) => p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;

test('first visit: tips for play, a neuron and the links, each closed for good; never in an embed', T, async () => {
  await withPage(b, '', async (page) => {
    const tips = await shownTips(page);
    assert.deepEqual(tips.map((t) => t.id), ['play', 'neuron'], 'the links tip waits: it would overlap the neuron tip');
    const play = await page.locator('#play').boundingBox();
    for (const t of tips) assert.ok(apart(t, { x: play.x, y: play.y, w: play.width, h: play.height }), `the ${t.id} tip leaves play uncovered`);
    await screenshot(page, 'playground-first-visit.png');
    // Closed with the keyboard: Tab reaches its button, Enter closes it; then the links tip shows.
    await page.focus('.tip[data-tip="neuron"] button');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.deepEqual((await shownTips(page)).map((t) => t.id), ['play', 'links']);
    // Pressing play, as the tip says, closes it.
    await page.click('#play');
    await page.click('#play');
    await frames(page);
    assert.deepEqual((await shownTips(page)).map((t) => t.id), ['links']);
    // Remembered across a reload.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await frames(page);
    assert.deepEqual((await shownTips(page)).map((t) => t.id), ['links']);
    await page.click('.tip[data-tip="links"] button');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await frames(page);
    assert.equal(await page.locator('.tip').count(), 0);
  }, { firstVisit: true });
  // On a phone the play tip follows the run bar as it sticks to the top.
  await withPage(b, '', async (page) => {
    const under = async () => {
      const [tip] = (await shownTips(page)).filter((t) => t.id === 'play');
      const play = await page.locator('#play').boundingBox();
      return tip && Math.abs(tip.y - (play.y + play.height + 10)) < 1.5;
    };
    assert.ok(await under(), 'under play at the top');
    await page.evaluate(() => window.scrollTo({ top: 900, behavior: 'instant' }));
    await frames(page);
    assert.ok(await under(), 'still under play once the bar sticks');
  }, { firstVisit: true, viewport: { width: 390, height: 844 } });
  // An embed never shows them.
  await withPage(b, '#embed=network,output,controls', async (page) => {
    assert.deepEqual(await shownTips(page), []);
  }, { firstVisit: true });
});

test('first visit with storage refused (a sandboxed frame): the tips show and close without an error', T, async () => {
  await withPage(b, '', async (page) => {
    assert.equal(await page.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
    assert.deepEqual((await shownTips(page)).map((t) => t.id), ['play', 'neuron']);
    await page.click('.tip[data-tip="play"] button');
    await frames(page);
    assert.deepEqual((await shownTips(page)).map((t) => t.id), ['neuron']);
  }, { firstVisit: true, init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }) });
});

// Where an element lies in the viewport (CSS px), to assert "visible without scrolling".
const rect = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, innerWidth: window.innerWidth, innerHeight: window.innerHeight };
});
const inViewport = (r) => r.left >= 0 && r.top >= 0 && r.right <= r.innerWidth && r.bottom <= r.innerHeight;

test('1024×768: data, network and output side by side; play and the whole output plot without scrolling', T, async () => {
  await withPage(b, '', async (page) => {
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const play = await rect(page, '#play');
    assert.ok(inViewport(play), `play at ${JSON.stringify(play)}`);
    const plot = await rect(page, '#plot');
    assert.ok(inViewport(plot), `the output plot at ${JSON.stringify(plot)}`);
    assert.ok(plot.right - plot.left >= 200, 'the plot stays readable');
    const tops = await Promise.all(['#data-panel', '#network-panel', '#output-panel'].map((s) => rect(page, s)));
    assert.ok(tops.every((r) => Math.abs(r.top - tops[0].top) < 1), `one row of three panels: ${tops.map((r) => r.top)}`);
    assert.ok(tops[0].right <= tops[1].left && tops[1].right <= tops[2].left, 'data, network, output from left to right');
    const layout = await page.evaluate(overflowing);
    assert.ok(layout.scrollWidth <= layout.innerWidth, 'no horizontal scrolling');
    // Nothing spills past its panel in the narrower columns (the input-scaling select once did).
    assert.deepEqual(layout.out, [], 'elements beyond the viewport or their panel');
    await screenshot(page, 'playground-1024x768.png');
  }, { viewport: { width: 1024, height: 768 } });
});

test('1024×768: the layer view of a deep network fits its panel, in French too (it used to scroll inside it)', T, async () => {
  for (const lang of ['en', 'fr']) {
    await withPage(b, `#dataset=spiral&hidden=8,8,8,8,8,8&activation=relu&lang=${lang}`, async (page) => {
      await stepEpochs(page, 2);
      const box = await page.$eval('#layer-stats', (el) => ({ client: el.clientWidth, scroll: el.scrollWidth, rows: el.querySelectorAll('tbody tr').length }));
      assert.equal(box.rows, 7, 'a row per weight layer');
      assert.ok(box.scroll <= box.client, `${lang}: the table is ${box.scroll} px wide in a ${box.client} px box`);
    }, { viewport: { width: 1024, height: 768 } });
  }
});

test('390×844 (a phone): no sideways scrolling, a sticky run bar with the output plot under it, 24 px touch targets', T, async () => {
  await withPage(b, '', async (page) => {
    const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    assert.ok(size.scrollWidth <= size.innerWidth, `page scroll width ${size.scrollWidth} > ${size.innerWidth}`);
    // The run bar, then the output panel and its plot on the first screen.
    const bar = await rect(page, '.run-bar');
    const output = await rect(page, '#output-panel');
    const plot = await rect(page, '#plot');
    assert.ok(output.top >= bar.bottom && output.top - bar.bottom < 20, `the output panel (top ${output.top}) right under the run bar (bottom ${bar.bottom})`);
    assert.ok(inViewport(plot), `the whole output plot on the first screen: ${JSON.stringify(plot)}`);
    assert.equal(await page.textContent('#run-test-loss'), await page.textContent('#test-loss'), 'the bar shows the test loss');
    await assertWeightLegend(page);
    // Scrolled down to the network, the bar (play, epoch, test loss) stays at the top.
    await page.locator('#network-panel').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 300));
    await frames(page);
    assert.ok(await page.evaluate(() => window.scrollY) > 1000, 'the page has scrolled');
    for (const selector of ['#play', '#epoch', '#run-test-loss']) {
      const r = await rect(page, selector);
      assert.ok(r.top >= 0 && r.bottom <= 80, `${selector} stays at the top while scrolling (${r.top}..${r.bottom})`);
    }
    await page.click('#step');
    await frames(page);
    assert.equal((await readState(page)).epoch, 1, 'the sticky step button works');
    assert.equal(await page.textContent('#run-test-loss'), await page.textContent('#test-loss'), 'and the bar\'s loss follows');
    // The layer table scrolls sideways inside its box; its caption wraps within the box.
    const stats = await rect(page, '#layer-stats');
    const caption = await rect(page, '#layer-stats caption');
    assert.ok(caption.right - caption.left > 100 && caption.right <= stats.right + 0.5,
      `the layer table's caption (${caption.left}..${caption.right}) within its box (..${stats.right})`);

    await page.click('details.more summary');
    await assertTouchTargets(page);
  }, { viewport: { width: 390, height: 844 } });
});

// The browser's default font size (Settings > Appearance > Font size; low-vision learners raise it
// to 20 or 24 px) sizes the page's text, the stylesheet's and the views' own (the legends), and the
// controls around it; the layouts for narrower screens take over as they would at that zoom. It
// used to change nothing: every size was in px. The text the views draw grows too (the output
// plot's axes, the network's feature names and counts, the loss chart's labels): it stayed at
// 10-12 px beside 21 px text.
const textSizes = () => {
  const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  // The loss chart's canvas: its y axis, the first column inked down most of the plot, stands
  // right of the tick labels and the axis title, so it moves right as they grow.
  const canvas = document.querySelector('#chart canvas');
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const inked = (x) => { let n = 0; for (let y = 0; y < height; ++y) n += data[4 * (y * width + x) + 3] > 0 ? 1 : 0; return n; };
  let axis = 0;
  while (axis < width && inked(axis) < height / 2) axis += 1;
  return {
    body: size('body'), label: size('.topbar label'), select: size('select[data-key="learningRate"]'), button: size('#share'),
    hint: size('.hint'), chartLegend: size('.chart-legend'), plotLegend: size('.data-plot-legend'),
    playWidth: document.getElementById('play').getBoundingClientRect().width,
    plotTick: size('#plot .data-plot-label'), plotTitle: size('#plot .data-plot-label[font-style="italic"]'),
    featureName: size('#network .node-label'), neuronCount: size('#network .neuron-controls span'),
    chartAxis: (axis * canvas.clientWidth) / width,
  };
};

// The step diagram, traced: it is drawn larger as the text grows, its numbers and the room
// around them alike (the lecture hall's way), so its labels fit as they did.
async function stepDiagram(page) {
  await page.click('#step-trace-example');
  await frames(page, 3);
  return page.evaluate(() => {
    const svg = /** @type {SVGSVGElement} */ (document.querySelector('.step-svg'));
    return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
      unitName: document.querySelector('.step-svg .unit-name').getBoundingClientRect().width };
  });
}

// At any text size the drawn labels keep clear of each other and of the figure's edges.
const labelOverlaps = () => {
  const box = (el) => el.getBoundingClientRect();
  const problems = [];
  const network = box(document.getElementById('network'));
  for (const label of document.querySelectorAll('#network .node-label')) {
    if (box(label).left < network.left - 0.5) problems.push(`feature name "${label.textContent}" cut off at the diagram's left`);
  }
  const counts = [...document.querySelectorAll('#network .neuron-controls')].map(box);
  for (let i = 1; i < counts.length; ++i) {
    if (counts[i - 1].right > counts[i].left) problems.push(`hidden layers ${i} and ${i + 1}'s buttons and counts overlap`);
  }
  const labels = [...document.querySelectorAll('#plot .data-plot-label')];
  const title = (l) => l.getAttribute('font-style') === 'italic';
  const [xTitle, yTitle] = labels.filter(title).map(box);
  const ticks = labels.filter((l) => !title(l)).map(box);
  const figure = box(document.querySelector('#plot .data-plot-figure'));
  if (yTitle.left < figure.left - 0.5) problems.push('the plot\'s y title leaves the figure');
  if (ticks.some((t) => t.left < yTitle.right && t.top < yTitle.bottom && t.bottom > yTitle.top)) problems.push('the plot\'s y title overlaps its tick labels');
  if (ticks.some((t) => t.bottom > xTitle.top && t.left < xTitle.right && t.right > xTitle.left)) problems.push('the plot\'s x title overlaps its tick labels');
  if (xTitle.bottom > figure.bottom + 0.5) problems.push('the plot\'s x title hangs below the figure');
  return problems;
};

test('a default font size of 24 px: text, controls and the drawn labels 1.5 times as large (also when changed with the page open); a phone scrolls no sideways (in French too), its run bar works and a lesson stays under it', { timeout: 60000 }, async () => {
  let standard, step;
  await withPage(b, '', async (page) => { standard = await page.evaluate(textSizes); step = await stepDiagram(page); });
  assert.equal(step.scale, 1, 'the step diagram at its own size at 16 px');
  assert.deepEqual([standard.body, standard.plotTick, standard.plotTitle, standard.featureName, standard.neuronCount], [14, 10, 11, 12, 11],
    'at the browsers\' default 16 px the page is as it was');
  const { chartAxis, ...sizes } = standard;
  await withPage(b, '', async (page) => {
    const large = await page.evaluate(textSizes);
    for (const [key, value] of Object.entries(sizes)) {
      assert.ok(Math.abs(large[key] - 1.5 * value) < 0.5, `${key}: ${large[key]} px at 24 px, ${value} px at 16 px`);
    }
    // The chart's y axis: tick labels as wide as 1.5 times theirs, then its gap of 8 px (rounding: 2 px).
    assert.ok(Math.abs(large.chartAxis - 8 - 1.5 * (chartAxis - 8)) <= 2, `the chart's y axis at ${large.chartAxis} px at 24 px, ${chartAxis} px at 16 px`);
    assert.deepEqual(await page.evaluate(labelOverlaps), []);
    const largeStep = await stepDiagram(page);
    assert.ok(largeStep.scale === 1.5 && Math.abs(largeStep.unitName / step.unitName - 1.5) < 0.1,
      `the step diagram drawn ${largeStep.scale} times as large, a unit's name ${largeStep.unitName} px wide (${step.unitName} px at 16 px)`);
    // Set back to 16 px with the page open (no resize, no event): the drawn labels follow at once.
    await (await page.context().newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 16 } });
    await frames(page, 3);
    assert.deepEqual(await page.evaluate(textSizes), standard, 'back at 16 px, as a page opened at 16 px');
  }, { fontSize: 24 });
  for (const hash of ['', '#lang=fr', '#chapter=gradient-descent', '#chapter=mlp&lesson=xor-hidden']) {
    await withPage(b, hash, async (page) => {
      const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      assert.ok(size.scrollWidth <= size.innerWidth, `${hash || 'the playground'}: page scroll width ${size.scrollWidth} > ${size.innerWidth}`);
      if (!hash) assert.deepEqual(await page.evaluate(labelOverlaps), [], 'the drawn labels on a phone');
      if (!hash.includes('lesson')) return;
      // Scrolled on, the lesson's banner sticks right under the run bar (two rows in this text), not behind it.
      await page.evaluate(() => window.scrollBy(0, 1500));
      await frames(page, 3);
      const bar = await rect(page, '.run-bar');
      const banner = await rect(page, '#active-lesson');
      assert.ok(bar.top === 0 && banner.top >= bar.bottom - 1 && banner.top - bar.bottom < 2,
        `the banner (top ${banner.top}) right under the stuck run bar (${bar.top}..${bar.bottom})`);
      await page.click('#step');
      await frames(page);
      assert.equal((await readState(page)).epoch, 1, 'the stuck step button works');
    }, { viewport: { width: 390, height: 844 }, fontSize: 24 });
  }
});

// The labs' figures: each one's smallest label as drawn on screen (its font size times the figure's
// scale), in a 1,280 px window. They stayed 9-13 px at 24 px; now they grow with the text.
const LAB_FIGURES = {
  perceptron: ['#rules-plot'], 'gradient-descent': ['#descent-paths', '#neuron-curves'], backprop: ['#graph-svg', '#expr-svg'],
  activations: ['#act-chain-plot', '#act-plots'], regularisation: ['.reg-chart'], mlp: ['#approx-fit'],
};
const DRAWN_TO_WIDTH = new Set(['#act-plots', '#approx-fit']);
async function labLabels(page) {
  const sizes = {};
  for (const [chapter, figures] of Object.entries(LAB_FIGURES)) {
    await page.evaluate((h) => { location.hash = h; }, `#chapter=${chapter}`);
    await page.waitForSelector(`${figures.map((f) => `${f} text`).join(', ')}`);
    await frames(page, 3);
    Object.assign(sizes, await page.evaluate((selectors) => Object.fromEntries(selectors.map((s) => [s, Math.min(...[...document.querySelectorAll(`${s} text`)]
      .filter((t) => t.textContent.trim() && t.getClientRects().length)
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))])), figures));
  }
  return sizes;
}

test('the labs\' figures draw their labels 1.5 times as large in a default font size of 24 px', { timeout: 60000 }, async () => {
  let standard;
  await withPage(b, '', async (page) => { standard = await labLabels(page); });
  await withPage(b, '', async (page) => {
    const large = await labLabels(page);
    for (const [figure, size] of Object.entries(standard)) {
      const ratio = large[figure] / size;
      // Figures drawn to their width, capped in rem, widen too at 24 px: their labels grow at least as much.
      assert.ok(DRAWN_TO_WIDTH.has(figure) ? ratio > 1.45 && ratio < 1.8 : Math.abs(ratio - 1.5) < 0.05,
        `${figure}: labels of ${large[figure]} px at 24 px, ${size} px at 16 px`);
    }
  }, { fontSize: 24 });
});

// The activations' twelve plots share the lab's width, two across on a phone: in large text there
// each was 145 px wide, its labels under 10 px; now one across, labels at least the 13.5 px of 9 px × 1.5.
test('on a phone in large text the activations\' plots are one across, their labels legible', { timeout: 60000 }, async () => {
  await withPage(b, '#chapter=activations', async (page) => {
    await page.waitForSelector('#act-plots text');
    await frames(page, 2);
    const layout = await page.evaluate(() => {
      const grid = document.querySelector('#act-plots');
      const plot = grid.querySelector('.act-plot-svg');
      return { grid: grid.clientWidth, plot: plot.getBoundingClientRect().width,
        label: Math.min(...[...grid.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)) };
    });
    assert.ok(Math.abs(layout.plot - layout.grid) < 1, `a plot ${layout.plot} px wide in ${layout.grid} px`);
    assert.ok(layout.label >= 13.5, `labels of ${layout.label} px`);
    // The room between a tick and its label grows with them, and shrinks back with the page open.
    const gap = () => page.$eval('#act-plots .act-tick', (text) => Number(text.getAttribute('y')) - Number(text.previousElementSibling.getAttribute('y1')));
    assert.equal(await gap(), 12);
    await (await page.context().newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 16 } });
    await frames(page, 3);
    assert.equal(await gap(), 8, 'back at 16 px, as drawn at 16 px');
  }, { viewport: { width: 390, height: 844 }, fontSize: 24 });
  // Two across (1024 px in 24 px text is under 45em), each plot twice the size four across give it:
  // labels sized in rem there too came out at 27 px, half again the 18 px of the captions under them.
  await withPage(b, '#chapter=activations', async (page) => {
    await page.waitForSelector('#act-plots text');
    await frames(page, 2);
    const sizes = await page.evaluate(() => {
      const grid = document.querySelector('#act-plots');
      const labels = [...grid.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
      return { across: Math.round(grid.clientWidth / grid.querySelector('.act-plot-svg').getBoundingClientRect().width),
        label: Math.max(...labels), caption: parseFloat(getComputedStyle(grid.querySelector('figcaption')).fontSize) };
    });
    assert.equal(sizes.across, 2);
    assert.ok(sizes.label <= 1.25 * sizes.caption, `labels of ${sizes.label} px beside captions of ${sizes.caption} px`);
  }, { viewport: { width: 1024, height: 768 }, fontSize: 24 });
});

// The MLP lab's plane is a canvas of 60 × 60 cells: its backing store had a fixed 240 px, stretched
// (blurred) to the 15rem it is shown at, 360 px in a default font size of 24 px.
test('the MLP lab\'s plane is drawn at the size it is shown, in large text and on a phone; its fit plot\'s labels follow the text', { timeout: 60000 }, async () => {
  const backing = (page) => page.$eval('#approx-plane-canvas', (c) => ({ width: c.width, height: c.height, shown: c.clientWidth }));
  await withPage(b, '#chapter=mlp', async (page) => {
    await page.waitForSelector('#approx-plane-svg circle');
    await frames(page, 2);
    assert.deepEqual(await backing(page), { width: 360, height: 360, shown: 360 }, 'at 24 px');
    await page.setViewportSize({ width: 300, height: 700 });
    await frames(page, 3);
    const narrow = await backing(page);
    assert.ok(narrow.shown < 360 && narrow.width === narrow.shown && narrow.height === narrow.shown,
      `in a narrow window: ${narrow.width} × ${narrow.height} for ${narrow.shown} px shown`);
    // The fit plot beside it keeps its x labels 14 px under the axis × the text's scale, at once.
    const xLabel = () => page.$eval('#approx-fit .approx-tick:not(.approx-tick-left)', (text) => Number(text.getAttribute('y')));
    assert.equal(await xLabel(), 236 + 21);
    await (await page.context().newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: 16 } });
    await frames(page, 3);
    assert.equal(await xLabel(), 236 + 14, 'back at 16 px, as drawn at 16 px');
  }, { fontSize: 24 });
});

// The output panel's metrics: each name stands apart from its value, however the name wraps (they
// touched, "Training loss0.7631", in large text and "Exactitude de test43,3 %" in French).
test('each metric\'s name and value stay apart: in a 20 px default font, and in French at 390 px', T, async () => {
  const closest = () => Math.min(...[...document.querySelectorAll('#metrics > div')].filter((d) => d.offsetWidth).map((d) => {
    const range = document.createRange();
    range.selectNodeContents(d.querySelector('dt'));
    const textRight = Math.max(...[...range.getClientRects()].map((r) => r.right));
    return d.querySelector('dd').getBoundingClientRect().left - textRight;
  }));
  await withPage(b, '', async (page) => {
    const gap = await page.evaluate(closest);
    assert.ok(gap >= 3, `20 px font: a name ends ${gap.toFixed(1)} px from its value`);
  }, { fontSize: 20 });
  await withPage(b, '#lang=fr', async (page) => {
    const gap = await page.evaluate(closest);
    assert.ok(gap >= 3, `French at 390 px: a name ends ${gap.toFixed(1)} px from its value`);
  }, { viewport: { width: 390, height: 844 } });
});

// Every button, select, checkbox, slider and number field on show is at least 24 px square on
// screen, and so is every link's and bias's hit area in the network diagram, however it is zoomed.
async function assertTouchTargets(page) {
  const small = await page.$$eval('button, select, input:not([type="file"]), .file-button', (els) => els.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24);
  }).map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('aria-label') ?? el.dataset.key ?? el.textContent.trim().slice(0, 20)}] ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`));
  assert.deepEqual(small, [], 'controls smaller than 24 × 24 px');
  const { links, biases } = await page.evaluate(() => {
    const zoom = Number(document.getElementById('network').style.zoom) || 1;
    const hitOf = (el) => document.querySelector(`#network [data-hit="${el.dataset.param}"]`);
    return {
      // Each link's hit area is a stroke along it, as wide as this.
      links: [...document.querySelectorAll('#network path.link')].map((l) => (hitOf(l) ? parseFloat(getComputedStyle(hitOf(l)).strokeWidth) * zoom : 0)),
      biases: [...document.querySelectorAll('#network rect.bias')].map((bias) => {
        const r = (hitOf(bias) ?? bias).getBoundingClientRect();
        return { param: bias.dataset.param, width: r.width, height: r.height };
      }),
    };
  });
  assert.ok(links.length > 0 && links.every((w) => w >= 24), `link hit widths ${links}`);
  const smallBiases = biases.filter((r) => r.width < 24 || r.height < 24);
  assert.ok(biases.length > 0 && smallBiases.length === 0, `bias hit areas under 24 px: ${JSON.stringify(smallBiases)}`);
}

// A finger on a bias square, or a little beside it (left, below, above left), is on that bias,
// not on a link whose hit area passes by (a link drawn right there stays the link's: pick a bias
// with none); and a tap there opens that bias.
async function assertBiasTaps(page, param) {
  const at = await page.$eval(`#network rect.bias[data-param="${param}"]`, (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const offsets = [[0, 0], [-7, 0], [0, 7], [-6, -6]];
  const under = await page.evaluate(({ at, offsets }) => offsets.map(([dx, dy]) => {
    const el = document.elementFromPoint(at.x + dx, at.y + dy);
    return el?.dataset.param ?? el?.dataset.hit ?? el?.className.baseVal ?? el?.className;
  }), { at, offsets });
  assert.deepEqual(under, offsets.map(() => param), `what lies under a finger at ${JSON.stringify(offsets)} from the bias`);
  await page.touchscreen.tap(at.x - 7, at.y);
  const editor = page.locator('#network input.param-editor');
  await editor.waitFor();
  assert.equal(await editor.getAttribute('aria-label'), 'bias value');
  await editor.press('Escape');
}

// A phone on its side and a tablet are wider than a phone's 720 px layout, but as touch screens
// they take the touch sizes; on a phone, a deep network zooms out and its targets keep their size.
for (const { name, viewport, hash, bias } of [
  { name: 'a phone on its side', viewport: { width: 844, height: 390 }, hash: '', bias: '0:0:bias' },
  { name: 'a tablet', viewport: { width: 820, height: 1180 }, hash: '', bias: '0:0:bias' },
  // Zoomed out, links cross by h1.1's bias: h1.6's, in the bottom row, has none beside it.
  { name: 'a phone, 5 hidden layers', viewport: { width: 390, height: 844 }, hash: '#hidden=6,6,6,6,6', bias: '0:5:bias' },
]) {
  test(`${name} (${viewport.width}×${viewport.height}, touch): 24 px targets in the network and out of it, a tap beside a bias opens it`, T, async () => {
    await withPage(b, hash, async (page) => {
      await page.click('details.more summary');
      await assertTouchTargets(page);
      // The +/− buttons (+ over − when zoomed out) never overlap each other or a node.
      const boxes = await page.$$eval('#network button, #network .node', (els) => els.map((e) => ({ name: e.getAttribute('aria-label'), ...e.getBoundingClientRect().toJSON() })));
      for (const [i, p] of boxes.entries()) {
        for (const q of boxes.slice(i + 1)) {
          const apart = p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
          assert.ok(apart, `'${p.name}' and '${q.name}' overlap`);
        }
      }
      await assertBiasTaps(page, bias);
      if (hash) await screenshot(page, 'playground-phone-deep-network.png');
    }, { viewport, touch: true });
  });
}

// The network as laid out now: its zoom, whether it fits its panel, the output node on screen
// (not under anything, inside the panel) and the layers' neuron counts as shown.
function networkFit() {
  const network = document.getElementById('network');
  const scroller = network.parentElement;
  const output = network.querySelector('[aria-label="output"]');
  output.scrollIntoView({ block: 'center' });
  const o = output.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const top = document.elementFromPoint(o.left + o.width / 2, o.top + o.height / 2);
  return {
    zoom: Number(network.style.zoom) || 1,
    fits: scroller.scrollWidth <= scroller.clientWidth,
    outputInView: o.left >= box.left && o.right <= box.right + 0.5 && o.right <= window.innerWidth && output.contains(top),
    counts: [...network.querySelectorAll('.neuron-controls span')].map((s) => s.textContent),
  };
}

test('a phone turned upright and back: the network lays itself out for its panel again, as on a page opened so', T, async () => {
  const landscape = { width: 844, height: 390 }, portrait = { width: 390, height: 844 };
  for (const hidden of ['4,2', '6,6,6,6']) {
    await withPage(b, `#hidden=${hidden}`, async (page) => {
      await stepEpochs(page, 3);
      const wide = await page.evaluate(networkFit);
      assert.deepEqual({ fits: wide.fits, outputInView: wide.outputInView }, { fits: true, outputInView: true }, `${hidden} on its side`);
      await page.setViewportSize(portrait);
      await frames(page, 3);
      const upright = await page.evaluate(networkFit);
      assert.ok(upright.fits && upright.outputInView, `${hidden} upright: the diagram fits its panel, the output in view: ${JSON.stringify(upright)}`);
      // As opened upright: 4 and 2 neurons in narrower columns; 4 hidden layers zoomed out to fit.
      if (hidden === '4,2') assert.deepEqual(upright.counts, ['4', '2']);
      else assert.ok(upright.zoom < 1, `${hidden} upright: zoom ${upright.zoom}`);
      await page.setViewportSize(landscape);
      await frames(page, 3);
      assert.deepEqual(await page.evaluate(networkFit), wide, `${hidden} on its side again`);
    }, { viewport: landscape, touch: true });
  }
});

test('a phone: tapping beside a thin link, inside its hit area, opens that weight as a click on it does', T, async () => {
  await withPage(b, '', async (page) => {
    const param = '2:0:1';  // h2.2 → output: its middle lies 28 px below h2.1 → output's, away from other links
    const at = await page.$eval(`#network path.link[data-param="${param}"]`, (el) => {
      el.scrollIntoView({ block: 'center' });
      const p = el.getPointAtLength(el.getTotalLength() / 2);
      const m = el.getScreenCTM();
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f, width: parseFloat(el.getAttribute('stroke-width')) };
    });
    // 9 px across the link: off its stroke (at most 8 px wide, so 4 px each side), inside the 24 px hit area.
    const beside = { x: at.x, y: at.y + 9 };
    const under = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return { hit: el?.dataset.hit ?? null, link: el?.classList.contains('link') ?? false };
    }, beside);
    assert.deepEqual(under, { hit: param, link: false }, `the point beside the link is its hit area, not its ${at.width} px stroke`);
    await page.touchscreen.tap(beside.x, beside.y);
    const editor = page.locator('#network input.param-editor');
    await editor.waitFor();
    const tapped = await editor.inputValue();
    await editor.press('Escape');
    await frames(page);
    // The same weight as a click right on the stroke opens.
    await page.mouse.click(at.x, at.y);
    await editor.waitFor();
    assert.equal(await editor.inputValue(), tapped);
    await editor.press('Escape');
  }, { viewport: { width: 390, height: 844 }, touch: true });
});

test('a message floats over the page (the panels stay where they are) and goes when its cause does (a feature added)', T, async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await withPage(b, '#features=x1', async (page) => {
      const panels = () => Promise.all(['#data-panel', '#network-panel', '#output-panel', '.run-bar'].map((s) => rect(page, s)));
      await page.locator('#network [aria-label="input feature x1"]').scrollIntoViewIfNeeded();  // the click then scrolls nothing
      await frames(page, 4);
      const before = await panels();
      await page.click('#network [aria-label="input feature x1"]');  // the only feature: refused, with a message
      await page.mouse.move(1, 1);  // off the feature: hovering it retitles the output plot
      await frames(page, 3);
      assert.match((await readState(page)).message, /at least one input feature/);
      assert.deepEqual(await panels(), before, 'no panel moved when the message came');
      await screenshot(page, `playground-message-${viewport.width}.png`);
      const message = await rect(page, '#message');
      assert.ok(inViewport(message), `the message is on screen: ${JSON.stringify(message)}`);
      if (viewport.width === 390) {
        await page.click('#message-close');
        await frames(page);
        assert.deepEqual(await panels(), before, 'nor when it went');
        return;
      }
      // Adding a hidden layer is not its cause: the message stays; a second feature is, and it goes.
      await page.click('#network button[aria-label="add a hidden layer"]');
      await frames(page);
      assert.match((await readState(page)).message, /at least one input feature/);
      await page.click('#network [aria-label="input feature x2"]');
      await frames(page);
      assert.equal((await readState(page)).message, '', 'a second feature: the message is gone');
    }, { viewport });
  }
});

test('a message goes when its cause does: training going on after an early stop, with Play or Step', T, async () => {
  const hash = '#dataset=gaussians&noise=0.8&points=60&validationRatio=0.3&earlyStopping=1&patience=20&hidden=8,8&learningRate=0.3&speed=1';
  const EARLY_STOP = /^Early stopping: the validation loss has not improved/;
  await withPage(b, hash, async (page) => {
    await trainUntil(page, (s) => EARLY_STOP.test(s.message));
    const stopped = await readState(page);
    assert.equal(stopped.playing, false);
    // Play, and Pause again at the first render of a new epoch, in the page: the test's round trips
    // take no part (under load they can outlast the 20 epochs of a fresh patience window).
    const played = await page.evaluate(() => new Promise((resolve) => {
      const epoch = document.getElementById('epoch');
      const before = epoch.dataset.epoch;
      const observer = new MutationObserver(() => {
        if (epoch.dataset.epoch === before) return;
        observer.disconnect();
        const message = document.getElementById('message');
        const seen = { epoch: Number(epoch.dataset.epoch), message: message.hidden ? '' : message.textContent };
        document.getElementById('play').click();  // Pause
        resolve(seen);
      });
      observer.observe(epoch, { attributes: true });
      document.getElementById('play').click();
    }));
    assert.equal(played.epoch, stopped.epoch + 1);
    assert.equal(played.message, '', 'the note about the stop went with the first epoch played on');
    // Step goes on too: one epoch, in a fresh patience window (not stopped again, weights restored, at once).
    await trainUntil(page, (s) => EARLY_STOP.test(s.message));
    const again = await readState(page);
    await stepEpochs(page, 1);
    const stepped = await readState(page);
    assert.equal(stepped.epoch, again.epoch + 1);
    assert.equal(stepped.message, '', `message: ${stepped.message}`);
  });
});

test('the layer view: each column\'s content sits under its own header (activations, gradients δ, dead)', T, async () => {
  await withPage(b, '#dataset=xor&hidden=3', async (page) => {
    await stepEpochs(page, 3);
    await page.locator('#layer-stats table').scrollIntoViewIfNeeded();
    const misplaced = await page.evaluate(() => {
      const table = document.querySelector('#layer-stats table');
      const heads = [...table.tHead.rows[0].cells].map((th) => ({ name: th.textContent.trim(), box: th.getBoundingClientRect() }));
      const out = [];
      for (const tr of table.tBodies[0].rows) {
        [...tr.cells].forEach((cell, i) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const r = range.getBoundingClientRect();
          const head = heads[i].box;
          if (r.width === 0 || r.left < head.left - 0.5 || r.right > head.right + 0.5) {
            out.push(`${tr.cells[0].textContent}, ${heads[i].name}: content at ${Math.round(r.left)}–${Math.round(r.right)}, header at ${Math.round(head.left)}–${Math.round(head.right)}`);
          }
        });
      }
      return { rows: table.tBodies[0].rows.length, out };
    });
    assert.equal(misplaced.rows, 2, 'a row per weight layer');
    assert.deepEqual(misplaced.out, [], 'cells outside their header\'s column');
  });
});

// Records on each canvas where each text drawn level on it starts and ends, in the canvas's pixels
// (canvas text is not in the page's DOM).
function recordCanvasTextExtents() {
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const m = this.getTransform();
    if (m.b === 0 && m.c === 0) {
      const w = this.measureText(text).width;
      const start = { center: x - w / 2, right: x - w, end: x - w }[this.textAlign] ?? x;
      (this.canvas.textExtents ??= new Map()).set(String(text), [m.a * start + m.e, m.a * (start + w) + m.e]);
    }
    return fillText.call(this, text, x, y, ...rest);
  };
}

test('a run at epoch 0.01: the last epoch tick label (0.010) is drawn whole, on the loss chart and the layer view', T, async () => {
  // 1,000 training points in batches of 10: one mini-batch is a hundredth of an epoch.
  await withPage(b, '#points=2000&batchSize=10', async (page) => {
    await pause(page);
    await page.selectOption('#stepMode', 'batch');
    await page.click('#step');
    await frames(page);
    const drawn = await page.$$eval('#chart canvas, #layer-stats canvas', (canvases) => canvases.map((c) => ({
      where: c.closest('[id]').id, width: c.width, texts: [...(c.textExtents ?? new Map())] })));
    assert.deepEqual(drawn.map((d) => d.where).sort(), ['chart', 'layer-stats']);
    for (const { where, width, texts } of drawn) {
      assert.ok(texts.some(([text]) => text === '0.010'), `#${where}: ${texts.map(([text]) => text).join(' | ')}`);
      const cut = texts.filter(([, [start, end]]) => start < -0.5 || end > width + 0.5)
        .map(([text, [start, end]]) => `${text} at ${Math.round(start)}..${Math.round(end)} of ${width}`);
      assert.deepEqual(cut, [], `#${where}: labels cut at the canvas's edge`);
    }
  }, { init: recordCanvasTextExtents });
});
