// End-to-end: the hidden-layer activations |z|, GELU, swish and PReLU on the page. In the playground a
// learner picks each one, trains a fixed number of epochs and the losses shown equal a second
// engine's in the page (same link, same epochs); the step panel's equations name f and show the
// trace's f′(z). In chapter 6 the lab plots each with its slope, and its values and properties
// table equal the core's (computed here in Node from the same wasm). PReLU's slopes shown under the
// network equal the engine's, start at 0.25 and move as it trains; the step panel's trace has them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, engineReference as reference, withPage, frames, choose, stepEpochs, readState, screenshot } from './browser.mjs';
import { mathNumbers, holds } from './step-numbers.mjs';
import { taskStatus } from './course-page.mjs';
import { loadModule } from '../wasm/load-engine.mjs';
import { activationCurve, activationProperties, chainProducts } from '../../web/engine.js';
import { formatNumber } from '../../web/views/format.js';

const b = useBrowser();
const T = { timeout: 90000 };
const NEW = ['abs', 'gelu', 'swish'];
const LABEL = { abs: 'Absolute value', gelu: 'GELU', swish: 'Swish (SiLU)' };
const SYMBOL = { abs: 'abs', gelu: 'GELU', swish: 'swish' };
const EPOCHS = 15;

let module;
before(async () => { module = await loadModule(); });


test('the playground: each new activation trains as the engine does, and the step panel shows its f and f′', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1&hidden=4,3&learningRate=0.03', async (page) => {
    const options = await page.$$eval('select[data-key="activation"] option', (o) => o.map((e) => e.value));
    const outputs = await page.$$eval('select[data-key="outputActivation"] option', (o) => o.map((e) => e.value));
    for (const name of NEW) {
      assert.ok(options.includes(name), `${name} offered for the hidden layers`);
      assert.ok(!outputs.includes(name), `${name} not offered for the output`);
    }
    for (const name of NEW) {
      await choose(page, 'activation', name);
      assert.equal((await readState(page)).epoch, 0, 'a new activation starts a new run');
      await stepEpochs(page, EPOCHS);
      const shown = await readState(page);
      assert.equal(shown.epoch, EPOCHS);
      assert.equal((await page.evaluate(() => location.hash)).includes(`activation=${name}`), true);
      const want = await reference(page, (engine) => { engine.trainEpochs(15); return engine.metrics(); });
      assert.equal(shown.trainLoss.toFixed(4), want.train.loss.toFixed(4), `${name}: train loss after ${EPOCHS} epochs`);
      assert.equal(shown.testLoss.toFixed(4), want.test.loss.toFixed(4), `${name}: test loss after ${EPOCHS} epochs`);
      assert.ok(Number.isFinite(shown.trainLoss));
    }

    // The step panel on swish: the forward equation names f, the backward one holds the trace's f′(z).
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    const step = await reference(page, (engine) => { engine.trainEpochs(15); return engine.traceStep(1); });
    await page.click('#step-trace-example');
    if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
    const buttons = await page.locator('#step-timeline button').count();
    await page.click(`#step-timeline button >> nth=${buttons - 2}`);  // the last backward phase
    await frames(page);
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    const layer = step.examples[0].layers[0];
    const curve = activationCurve(module, 'swish', [layer.z[0]]);
    assert.ok(Math.abs(layer.gradAct[0] - curve.df[0]) < 1e-6, 'the trace\'s f′ is swish\'s');
    holds(await mathNumbers(page, 'Backward: its δ'), layer.gradAct[0], 'f′(z) of h1.1');
    holds(await mathNumbers(page, 'Forward'), layer.a[0], 'a of h1.1');
    assert.ok((await page.$$eval('#step-equation section[data-stage="Forward"] mi', (m) => m.map((e) => e.textContent))).includes(SYMBOL.swish));
    await screenshot(page, 'activations-more-playground.png');
  });
});

test('chapter 6: the lab plots |z|, GELU and swish with their slopes, values and properties from the core', T, async () => {
  await withPage(b, '#chapter=activations&widget=activation-lab', async (page) => {
    const properties = Object.fromEntries(activationProperties(module).map((p) => [p.name, p]));
    const value = (name, what) => page.textContent(`.act-plot[data-activation="${name}"] [data-value="${what}"]`);
    const cell = (name, what) => page.textContent(`.act-table tr[data-activation="${name}"] [data-value="${what}"]`);
    for (const z of [1, -0.75]) {
      await page.fill('#act-z', String(z));
      await page.press('#act-z', 'Enter');
      await frames(page);
      for (const name of NEW) {
        const c = activationCurve(module, name, [z]);
        assert.deepEqual([await value(name, 'f'), await value(name, 'df')], [formatNumber(c.f[0]), formatNumber(c.df[0])], `${name} at ${z}`);
        assert.equal(await page.$$eval(`.act-plot[data-activation="${name}"] polyline`, (p) => p.length), 2, `${name}: f and f′ drawn`);
        assert.match(await page.textContent(`.act-plot[data-activation="${name}"] figcaption strong`), new RegExp(LABEL[name].replace(/[()]/g, '\\$&')));
      }
    }
    // At z = 1: GELU 0.841 with slope 1.08, swish 0.731 with slope 0.928, |z| 1 with slope 1 (hand values).
    for (const name of NEW) {
      assert.equal(await cell(name, 'max-slope'), formatNumber(properties[name].maxSlope), `${name}: largest slope`);
    }
    assert.deepEqual([await cell('abs', 'range'), await cell('gelu', 'range'), await cell('swish', 'range')],
      ['[0, ∞)', `[${formatNumber(properties.gelu.low)}, ∞)`, `[${formatNumber(properties.swish.low)}, ∞)`]);
    assert.deepEqual([await cell('gelu', 'max-slope'), await cell('swish', 'max-slope')], ['1.13', '1.1']);
    // The chain of slopes can use them too: GELU at its steepest multiplies the gradient by 1.13 per layer.
    await page.selectOption('#act-chain', 'gelu');
    await page.fill('#act-depth', '3');
    await page.press('#act-depth', 'Enter');
    await frames(page);
    const products = await page.$$eval('#act-chain-rows [data-value="product"]', (tds) => tds.map((td) => td.textContent));
    const at = properties.gelu.maxSlopeAt;
    const want = chainProducts(module, [activationCurve(module, 'gelu', [at, at, at]).df]).running[0];
    assert.deepEqual(products, [...want].map((v) => formatNumber(v)));
    assert.ok(want[2] > 1.4, `above 1 at every layer: ${want[2]}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.act-plot[data-activation="gelu"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'activations-more-lab.png');
  });
});

test('chapter 6: an axis label a curve runs through keeps a halo of the plot\'s colour, so it stays readable', T, async () => {
  await withPage(b, '#chapter=activations&widget=activation-lab', async (page) => {
    const labels = await page.$$eval('.act-plot-svg', (svgs) => svgs.flatMap((svg) => {
      const frame = getComputedStyle(svg.querySelector('.act-plot-frame')).fill;
      const curves = [...svg.querySelectorAll('polyline')].map((p) => p.getAttribute('points').split(' ').map((xy) => xy.split(',').map(Number)));
      return [...svg.querySelectorAll('.act-tick')].map((text) => {
        const box = text.getBBox();
        const inside = ([x, y]) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
        const style = getComputedStyle(text);
        return { plot: svg.closest('.act-plot').dataset.activation, text: text.textContent, crossed: curves.some((c) => c.some(inside)),
          halo: style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 2 ? style.stroke : null, frame };
      });
    }));
    const crossed = labels.filter((l) => l.crossed);
    // GELU's −0.17 and swish's −0.28 lie on their curves' dips, leaky ReLU's −0.6 on its line.
    for (const plot of ['gelu', 'swish', 'leaky_relu']) assert.ok(crossed.some((l) => l.plot === plot), `${plot}: a curve crosses a label (${JSON.stringify(labels.filter((l) => l.plot === plot))})`);
    for (const l of crossed) assert.equal(l.halo, l.frame, `${l.plot} ${l.text}: a halo of the plot's colour`);
  });
});

test('PReLU: the slopes shown under the network are the engine\'s, 0.25 at first, moved after training; the trace has them', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.1&hidden=4,3&learningRate=0.1', async (page) => {
    assert.equal(await page.isHidden('#prelu-panel'), true, 'no slopes to show for tanh');
    assert.ok(!(await page.$$eval('select[data-key="outputActivation"] option', (o) => o.map((e) => e.value))).includes('prelu'), 'hidden layers only');
    await choose(page, 'activation', 'prelu');
    assert.equal(await page.isVisible('#prelu-panel'), true);
    const shownSlopes = () => page.$$eval('#prelu-slopes tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => ({ v: Number(td.dataset.value), text: td.textContent }))));
    let shown = await shownSlopes();
    assert.deepEqual(shown.map((r) => r.map((c) => c.v)), [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25]]);
    assert.deepEqual(shown.flat().map((c) => c.text), Array(7).fill('0.25'));
    await stepEpochs(page, EPOCHS);
    shown = await shownSlopes();
    const want = await reference(page, (engine) => { engine.trainEpochs(15); return { slopes: engine.preluSlopes(), metrics: engine.metrics() }; });
    assert.deepEqual(shown.map((r) => r.map((c) => c.v)), want.slopes, 'the engine\'s slopes after 15 epochs');
    assert.deepEqual(shown.flat().map((c) => c.text), want.slopes.flat().map((v) => formatNumber(v)));
    const moved = want.slopes.flat().filter((v) => Math.abs(v - 0.25) > 1e-3).length;
    assert.ok(moved >= 4, `slopes moved from 0.25: ${want.slopes}`);
    assert.equal(await page.$$eval('#prelu-slopes td.moved', (c) => c.length), want.slopes.flat().filter((v) => v !== 0.25).length);
    assert.equal((await readState(page)).trainLoss.toFixed(4), want.metrics.train.loss.toFixed(4));
    // The step panel's forward equation for a PReLU unit: f named, a as the trace has it.
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    const step = await reference(page, (engine) => { engine.trainEpochs(15); return engine.traceStep(1); });
    await page.click('#step-trace-example');
    if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
    const buttons = await page.locator('#step-timeline button').count();
    await page.click(`#step-timeline button >> nth=${buttons - 2}`);
    await frames(page);
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    const layer = step.examples[0].layers[0];
    assert.equal(layer.gradAct[0], layer.z[0] > 0 ? 1 : layer.slopes[0], 'f′ is 1 or the unit\'s own slope');
    holds(await mathNumbers(page, 'Forward'), layer.a[0], 'a of h1.1');
    assert.ok((await page.$$eval('#step-equation section[data-stage="Forward"] mi', (m) => m.map((e) => e.textContent))).includes('PReLU'));
    await page.locator('#prelu-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'activations-more-prelu.png');
  });
});

test('chapter 6: an invalid a or α blanks only leaky ReLU\'s or ELU\'s numbers; softmax, the chain and the tasks follow the other fields', T, async () => {
  await withPage(b, '#chapter=activations&widget=activation-lab', async (page) => {
    const set = async (selector, value) => { await page.fill(selector, String(value)); await page.press(selector, 'Enter'); await frames(page); };
    const value = (name, what) => page.textContent(`.act-plot[data-activation="${name}"] [data-value="${what}"]`);
    const cell = (name, what) => page.textContent(`.act-table tr[data-activation="${name}"] [data-value="${what}"]`);
    const cells = (selector) => page.$$eval(selector, (tds) => tds.map((td) => td.textContent));
    // Lists of signed numbers: the full keyboard, not a phone's decimal keypad (no minus or comma on iOS).
    assert.deepEqual(await page.$$eval('#act-logits, #act-chain-zs', (inputs) => inputs.map((i) => i.inputMode)), ['', '']);
    await set('#act-alpha', 0);
    await set('#act-logits', '0, 0, 0');
    await set('#act-depth', 8);
    await set('#act-z', 0);
    assert.equal(await page.textContent('#act-params-error'), 'α must be a number from 0.1 to 10');
    // What does not read α follows its fields: σ at z = 0, softmax of equal logits, 8 layers of sigmoid (0.25⁸).
    assert.deepEqual([await value('sigmoid', 'f'), await value('sigmoid', 'df')], ['0.5', '0.25']);
    assert.deepEqual(await cells('.act-softmax-table [data-value="p"]'), ['0.333', '0.333', '0.333']);
    assert.equal(await page.$$eval('#act-chain-rows tr', (r) => r.length), 8);
    assert.match(await page.textContent('#act-chain-summary'), /^After 8 layers the gradient is multiplied by 1\.53×10⁻⁵\./);
    assert.equal((await taskStatus(page, 'sigmoid-steepest')).met, true);
    assert.match((await taskStatus(page, 'softmax-target')).text, /p1 = 0\.333 should be 0\.7/);
    assert.doesNotMatch((await taskStatus(page, 'sigmoid-depth')).text, /after 3 layers/);
    // What does is blank, not the last α's numbers: ELU's values, its properties, its plot faded.
    assert.deepEqual([await value('elu', 'f'), await value('elu', 'df'), await cell('elu', 'max-slope')], ['–', '–', '–']);
    assert.equal(await page.$$eval('.act-plot[data-activation="elu"] .act-marker circle', (c) => c.length), 0);
    assert.ok(await page.$('.act-plot[data-activation="elu"] .act-plot-svg.stale'));
    assert.equal(await page.$('.act-plot[data-activation="leaky_relu"] .act-plot-svg.stale'), null);
    assert.equal(await value('leaky_relu', 'df'), '0.1');
    // A chain of ELU needs α: none shown, the reason by it.
    await page.selectOption('#act-chain', 'elu');
    await frames(page);
    assert.equal(await page.$$eval('#act-chain-rows tr', (r) => r.length), 0);
    assert.equal(await page.textContent('#act-chain-summary'), '');
    assert.equal(await page.textContent('#act-chain-error'), 'α must be a number from 0.1 to 10');
    // The same for a.
    await set('#act-alpha', 1);
    await set('#act-a', 5);
    assert.equal(await page.textContent('#act-params-error'), 'a must be a number from 0 to 0.99');
    assert.deepEqual([await value('leaky_relu', 'df'), await value('elu', 'df')], ['–', '1']);
    assert.equal(await page.$$eval('#act-chain-rows tr', (r) => r.length), 8, 'ELU\'s chain back');
    // Layers not a whole number: the depth task says so instead of quoting the last depth's product.
    await page.selectOption('#act-chain', 'sigmoid');
    await set('#act-depth', 2.5);
    const depth = await taskStatus(page, 'sigmoid-depth');
    assert.equal(depth.met, false);
    assert.match(depth.text, /layers must be a whole number from 1 to 40/);
    assert.doesNotMatch(depth.text, /product is/);
  });
});
