// End-to-end: 1-D data in the playground and chapter 4's lab "What one hidden layer can do". The
// learner picks the sine, steps a fixed number of epochs, and the plotted curve is the engine's
// output at each x (the same wasm run in Node on the link's settings); drawing points on 1-D data
// makes a drawn curve; in the lab the sum of the scaled units is the network's output, the N slider
// changes the number of unit curves, tasks are met by acting, and a reloaded link restores the lab.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, frames, goTo, stepEpochs, readState, hashParams, screenshot, RESULTS } from './browser.mjs';
import { loadModule, Engine } from '../wasm/load-engine.mjs';
import { parseHash, engineSettings } from '../../web/state.js';
import { fitNumbers, planeNumbers, DEFAULT_SETTINGS } from '../../web/chapters/mlp/approx-lab.js';
import { formatNumber } from '../../web/views/format.js';
import { CURVE_Y_SCALE } from '../../web/views/data-plot.js';

const b = useBrowser();
const T = { timeout: 120000 };
let session, module;
before(async () => { module = await loadModule(); });
async function ensure() { session ??= await b.open(''); }
after(async () => {
  await session?.context.close();
  assert.deepEqual(session?.problems ?? [], [], 'errors on the page or requests beyond localhost');
});
const page = () => session.page;
async function go(hash) {
  await ensure();
  await goTo(page(), hash);
}

// An SVG path's points "M1 2L3 4..." as [[x, y], ...].
const pathPoints = (d) => [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

test('playground: the sine is 1-D, and after 20 epochs the plotted curve is the engine\'s output', T, async () => {
  await go('');
  await page().click('#datasets [data-dataset="sine"]');
  await frames(page(), 2);
  const params = await hashParams(page());
  assert.equal(params.dataset, 'sine');
  assert.equal(params.features, undefined, 'x1 alone, the 1-D sets\' own default, is left out of the link');
  assert.equal(params.outputActivation, 'linear');
  assert.equal(await page().$eval('#problem', (e) => e.value), 'regression');
  assert.match(await page().textContent('#plot-caption'), /Network output over x \(line\) and the targets \(points\)\./);
  await stepEpochs(page(), 20);
  assert.equal((await readState(page())).epoch, 20);
  // The same run in Node: the link's settings, 20 epochs.
  const hash = await page().evaluate(() => location.hash);
  const engine = new Engine(module);
  engine.configure(engineSettings(parseHash(hash).state));
  engine.trainEpochs(20);
  const want = engine.unitSum(241, -6, 6);
  const metrics = engine.metrics();
  engine.dispose();
  assert.equal(await page().textContent('#test-loss'), metrics.test.loss.toFixed(4));
  const d = await page().getAttribute('#plot path.data-plot-curve', 'd');
  const size = await page().$eval('#plot canvas.data-plot-points', (c) => parseFloat(c.style.width));
  const points = pathPoints(d);
  assert.equal(points.length, 241);
  for (let j = 0; j < 241; ++j) {
    const px = ((want.x[j] + 6) / 12) * size, py = ((6 - want.output[j] * CURVE_Y_SCALE) / 12) * size;
    assert.ok(Math.abs(points[j][0] - px) <= 0.051 && Math.abs(points[j][1] - py) <= 0.051,
      `x = ${want.x[j]}: drawn at ${points[j]}, the engine's output ${want.output[j]} is at ${px.toFixed(2)}, ${py.toFixed(2)}`);
  }
  // The points sit at their targets; the axes say y against x.
  assert.deepEqual(await page().$$eval('#plot .data-plot-axes text', (t) => t.slice(-2).map((e) => e.textContent)), ['x', 'y']);
  await screenshot(page(), 'approx-playground-sine.png');
  // The step panel traces a real update on 1-D data; its picker shows the same curve.
  await page().locator('#step-panel').scrollIntoViewIfNeeded();
  await page().click('#step-trace-example');
  await frames(page(), 3);
  assert.ok(await page().isVisible('#step-panel.has-step'), 'a step is traced');
  const picker = await page().getAttribute('#step-picker path.data-plot-curve', 'd');
  assert.equal(pathPoints(picker).length, 241, 'the picker draws the output over x');
});

test('playground: drawing on 1-D data makes a drawn curve that trains and travels in the link', T, async () => {
  await go('');
  await page().click('#datasets [data-dataset="bump"]');
  await frames(page(), 2);
  await page().click('#draw-clear');
  await frames(page(), 2);
  assert.equal((await hashParams(page())).dataset, 'curve');
  const box = await page().locator('#plot canvas.data-plot-points').boundingBox();
  const at = (x, y) => ({ x: box.x + ((x + 6) / 12) * box.width, y: box.y + ((6 - y * CURVE_Y_SCALE) / 12) * box.height });
  for (const [x, y] of [[-4, -0.5], [-2, 0.5], [0, 1], [2, 0.5], [4, -0.5]]) {
    const p = at(x, y);
    await page().mouse.click(p.x, p.y);
    await frames(page());
  }
  assert.match(await page().textContent('#plot-caption'), /5 points, all for training\./);
  const params = await hashParams(page());
  assert.equal(params.dataset, 'curve');
  assert.ok(params.data?.startsWith('1r'), 'the points are in the link');
  await stepEpochs(page(), 5);
  assert.equal((await readState(page())).epoch, 5);
  // The link alone brings the curve back.
  const hash = await page().evaluate(() => location.hash);
  const link = parseHash(hash).state;
  const engine = new Engine(module);
  engine.configure({ ...engineSettings(link), dataset: 'sine' });
  engine.setCurveData([-4, -2, 0, 2, 4], [-0.5, 0.5, 1, 0.5, -0.5]);
  assert.equal(engine.dataset().labels.length, 5);
  engine.dispose();
  await page().click('#draw-toggle');  // stop drawing
  await frames(page());
});

// ---- the lab ----

const unitCount = () => page().$$eval('#approx-fit path.approx-unit', (p) => p.length);
const taskStatus = (id) => page().$eval(`#task-${id} .task-status`, (p) => ({ met: p.dataset.met === 'true', text: p.textContent }));
const setN = async (n) => {
  await page().$eval('#approx-n', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, n);
  await frames(page());
};

test('lab: the sum of the scaled units is the network\'s output; the N slider changes the curves; tasks met; a link restores it', T, async () => {
  await go('#chapter=mlp&widget=approx-lab');
  assert.equal(await unitCount(), 1);
  await setN(3);
  assert.equal(await unitCount(), 3);
  assert.equal(await page().$$eval('#approx-unit-rows tr', (r) => r.length), 3);
  // The page's curves are the engine's numbers (the same wasm in Node, the same recipe).
  const fit = fitNumbers(module, { ...DEFAULT_SETTINGS, n: 3 });
  const H = 260 - 24 - 8;  // the plot's inner height (PLOT in approx-lab.js)
  const yOf = (py) => 1.5 - ((py - 8) / H) * 3;
  const sum = pathPoints(await page().getAttribute('#approx-fit path.approx-sum', 'd'));
  const units = await page().$$eval('#approx-fit path.approx-unit', (p) => p.map((e) => e.getAttribute('d')));
  const samples = fit.sum.x.length;
  for (let j = 0; j < samples; j += 10) {
    let total = fit.bias;
    for (let i = 0; i < 3; ++i) total += fit.sum.terms[i * samples + j];
    assert.ok(Math.abs(total - fit.sum.output[j]) < 1e-5, 'Σ αᵢ f(wᵢx + bᵢ) + b is the output');
    assert.ok(Math.abs(yOf(sum[j][1]) - fit.sum.output[j]) < 0.01, `sum at x = ${fit.sum.x[j]}`);
    for (let i = 0; i < 3; ++i) {
      const v = fit.sum.terms[i * samples + j];
      if (Math.abs(v) < 1.6) assert.ok(Math.abs(yOf(pathPoints(units[i])[j][1]) - v) < 0.01, `unit ${i + 1} at x = ${fit.sum.x[j]}`);
    }
  }
  const alphas = await page().$$eval('#approx-unit-rows tr td:nth-child(4)', (t) => t.map((e) => e.textContent));
  assert.deepEqual(alphas, fit.units.map((u) => formatNumber(u.alpha)));
  assert.match(await page().textContent('#approx-caption'), new RegExp(`test loss ${formatNumber(fit.metrics.test.loss).replace('.', '\\.')}`));

  // Task: the bump from at most 3 units (not met with 1, met with 3, not with 5).
  await go('#chapter=mlp&task=bump-few-units');
  await setN(1);
  assert.equal((await taskStatus('bump-few-units')).met, false);
  await setN(3);
  assert.equal((await taskStatus('bump-few-units')).met, true, (await taskStatus('bump-few-units')).text);
  await setN(5);
  assert.match((await taskStatus('bump-few-units')).text, /use at most 3 units \(now 5\)/);
  // Task: the circles' inner disc from half-planes.
  assert.equal((await taskStatus('circles-and')).met, false);
  await page().fill('#approx-n2', '3');
  await page().press('#approx-n2', 'Enter');
  await frames(page());
  assert.equal((await taskStatus('circles-and')).met, true, (await taskStatus('circles-and')).text);
  assert.equal(await page().$$eval('#approx-plane-svg line.approx-line', (l) => l.length), 3, 'one line per unit');
  // Three is the fewest the statement asks for: four enclose the disc too, but are not the fewest.
  await page().fill('#approx-n2', '4');
  await page().press('#approx-n2', 'Enter');
  await frames(page());
  assert.match((await taskStatus('circles-and')).text, /use fewer units: three lines already close a triangle around the disc \(now 4\)/);
  await page().fill('#approx-n2', '3');
  await page().press('#approx-n2', 'Enter');
  await frames(page());
  // The caption's numbers are the engine's: the accuracy and the AND region's share of the grid.
  const plane = planeNumbers(module, { ...DEFAULT_SETTINGS, n2: 3 });
  const and = plane.counts.filter((c) => c === 3).length / plane.counts.length;
  assert.equal(await page().textContent('#approx-plane-caption'), `3 sigmoid units on circles: test accuracy ${(100 * plane.metrics.test.accuracy).toFixed(1)}%. ` +
    `The AND region (every unit on the side that raises the output) covers ${(100 * and).toFixed(1)}% of the square.`);
  assert.ok(and > 0.1 && and < 0.5, `the inner disc's share: ${and}`);
  await page().selectOption('#approx-combine', 'or');
  await frames(page());
  assert.match(await page().textContent('#approx-plane-caption'), /The OR region \(some unit on it\) covers 100\.0% of the square\./);

  // The error curve fills in one network per frame: 12 dots in the end.
  await page().waitForSelector('#approx-lab[data-errors-done="true"]', { timeout: 30000 });
  assert.equal(await page().$$eval('#approx-errors circle', (c) => c.length), 12);

  // The settings are in the link; a reload restores them.
  await setN(4);
  await page().selectOption('#approx-data', 'sine');
  await frames(page());
  const params = await hashParams(page());
  assert.equal(params['approx.n'], '4');
  assert.equal(params['approx.data'], 'sine');
  assert.equal(params['approx.n2'], '3');
  assert.equal(params['approx.combine'], 'or');
  await page().reload();
  await page().waitForSelector('#approx-fit path.approx-sum');
  await frames(page(), 3);
  assert.equal(await page().inputValue('#approx-n'), '4');
  assert.equal(await page().inputValue('#approx-data'), 'sine');
  assert.equal(await page().inputValue('#approx-n2'), '3');
  assert.equal(await unitCount(), 4);
  // A value the lab does not have is named, and the rest still applies.
  await go('#chapter=mlp&widget=approx-lab&approx.n=40&approx.data=bump');
  assert.match((await readState(page())).message, /approx\.n '40' is outside 1…12/);
  await page().click('#message-close');
  // A whole-number box's value is named too: 2.5 (which the box would show as invalid) and 0x3
  // (which Number() reads as 3 but the box cannot show); the box keeps its default.
  for (const [value, why] of [['2.5', 'is not a whole number'], ['0x3', 'is not a number']]) {
    await go(`#chapter=mlp&widget=approx-lab&approx.n2=${value}`);
    assert.match((await readState(page())).message, new RegExp(`approx\\.n2 '${value.replace('.', '\\.')}' ${why}`));
    assert.equal(await page().inputValue('#approx-n2'), '1');
    await page().click('#message-close');
  }
  await go('#chapter=mlp&widget=approx-lab&approx.n=3');
  await page().setViewportSize({ width: 1280, height: 800 });
  await page().locator('#approx-lab').scrollIntoViewIfNeeded();
  await frames(page(), 2);
  const file = await screenshot(page(), 'approx-lab.png');
  assert.ok(file.startsWith(RESULTS));
});
