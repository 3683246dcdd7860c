// End-to-end: the "watch one training step" panel. A learner traces a step on XOR and walks
// through its phases; every z, a, delta and link value shown is checked against the same step
// taken through the JS API by a second engine in the page (same settings, same seed, so the same
// step), the update against -lr * gradient, the equations against the trace, and the mini-batch
// and point-picking paths; with reduced motion, each phase drawn finished without pulses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, engineReference, withPage, frames, screenshot, readState } from './browser.mjs';
import { mathNumbers, holds } from './step-numbers.mjs';
import { paramIndex } from '../../web/views/network.js';
import { formatNumber, formatTuple } from '../../web/views/format.js';

const b = useBrowser();
const T = { timeout: 60000 };

/** Runs `run(engine)` on a fresh engine configured from the page's link: the page's step, again. */
function reference(page, run) {
  return engineReference(page, `(engine) => ({ step: (${run})(engine), sizes: engine.layerSizes(), dataset: engine.dataset() })`);
}

/** What the step panel shows: phase, and every unit's and link's values (exact, from data attributes). */
async function shown(page) {
  return page.evaluate(() => {
    const root = document.getElementById('step-network');
    const units = {};
    for (const g of root.querySelectorAll('[data-unit]')) {
      const d = g.dataset;
      units[d.unit] = Object.fromEntries(['a', 'z', 'delta', 'dLossDA'].filter((k) => k in d).map((k) => [k, Number(d[k])]));
    }
    const links = {};
    for (const l of root.querySelectorAll('line[data-link]')) links[l.dataset.link] = { q: l.dataset.quantity, v: Number(l.dataset.value) };
    const biases = {};
    for (const r of root.querySelectorAll('[data-bias]')) biases[r.dataset.bias] = { q: r.dataset.quantity, v: Number(r.dataset.value) };
    return { phase: Number(root.dataset.phase), kind: root.dataset.phaseKind, progress: Number(root.dataset.progress),
      title: document.getElementById('step-phase').textContent, units, links, biases };
  });
}

/** In the update phase: each link's and bias's weight before and after, as the page draws them. */
async function moved(page) {
  return page.evaluate(() => {
    const of = (selector, key) => Object.fromEntries([...document.querySelectorAll(`#step-network ${selector}`)]
      .map((e) => [e.dataset[key], { before: Number(e.dataset.before), after: Number(e.dataset.after) }]));
    return { links: of('line[data-link]', 'link'), biases: of('[data-bias]', 'bias') };
  });
}

/** Clicks link W_layer[to, from] near its target end, clear of the links crossing it mid-way. */
async function clickLink(page, layer, to, from) {
  const line = page.locator(`#step-network line[data-link="${layer}:${to}:${from}"]`);
  const [x1, y1, x2, y2] = await line.evaluate((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a))));
  const t = 0.85;
  const box = await page.locator('#step-network svg').boundingBox();
  await page.mouse.click(box.x + x1 + t * (x2 - x1), box.y + y1 + t * (y2 - y1));
  await frames(page);
}

async function untilPhaseDone(page) {
  await page.waitForFunction(() => document.getElementById('step-network').dataset.progress === '1', null, { timeout: 10000 });
  await frames(page);
}

/** Pauses the step animation and goes back to its first phase. */
async function toStart(page) {
  if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
  await page.click('#step-timeline button >> nth=0');
  await frames(page);
}

test('XOR: every phase of a one-example step shows the trace\'s z, a, delta and dL/dw; the update is exactly -lr * gradient', T, async () => {
  await withPage(b, '', async (page) => {
    const ref = await reference(page, (engine) => engine.traceStep(1));
    const { step, sizes } = ref;
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.fill('#step-speed', '4');
    await page.click('#step-trace-example');
    await toStart(page);
    const ex = step.examples[0];
    const L = sizes.length - 1;
    const seen = [];
    let weights = null;                                 // what the links show before the step
    const gradients = { links: {}, biases: {} };        // dL/dw as the backward phases showed it
    for (let phase = 0; ; ++phase) {
      const s = await shown(page);
      assert.equal(s.phase, phase);
      seen.push(s.kind);
      if (s.kind === 'example') weights = s;
      // Inputs always show x.
      for (let i = 0; i < sizes[0]; ++i) assert.equal(s.units[`0:${i}`].a, ex.input[i]);
      if (s.kind === 'forward') {
        const l = Number(s.title.includes('→ output') ? L - 1 : s.title.match(/→ h(\d)/)[1] - 1);
        for (let j = 0; j < sizes[l + 1]; ++j) {
          assert.equal(s.units[`${l + 1}:${j}`].z, ex.layers[l].z[j], `z of unit ${l + 1}:${j}`);
          assert.equal(s.units[`${l + 1}:${j}`].a, ex.layers[l].a[j], `a of unit ${l + 1}:${j}`);
          assert.equal(s.units[`${l + 1}:${j}`].delta, undefined, 'no delta before the backward pass');
          for (let i = 0; i < sizes[l]; ++i) {
            assert.deepEqual(s.links[`${l}:${j}:${i}`], { q: 'contribution', v: ex.layers[l].contribution[j + i * sizes[l + 1]] });
          }
        }
      }
      if (s.kind === 'loss') assert.equal(s.units[`${L}:0`].dLossDA, ex.dLossDOutput[0]);
      if (s.kind === 'backward') {
        const l = L - seen.filter((k) => k === 'backward').length;
        for (let j = 0; j < sizes[l + 1]; ++j) {
          assert.equal(s.units[`${l + 1}:${j}`].delta, ex.layers[l].delta[j], `delta of unit ${l + 1}:${j}`);
          assert.deepEqual(s.biases[`${l}:${j}`], { q: 'gradient', v: ex.layers[l].db[j] });
          gradients.biases[`${l}:${j}`] = s.biases[`${l}:${j}`].v;
          for (let i = 0; i < sizes[l]; ++i) {
            assert.deepEqual(s.links[`${l}:${j}:${i}`], { q: 'gradient', v: ex.layers[l].dW[j + i * sizes[l + 1]] }, `dL/dw of link ${l}:${j}:${i}`);
            gradients.links[`${l}:${j}:${i}`] = s.links[`${l}:${j}:${i}`].v;
          }
        }
      }
      if (s.kind === 'update') {
        // Plain SGD: every parameter moved by exactly -lr * its gradient, as float32 arithmetic does it.
        assert.equal(step.optimizer, 'sgd');
        const lr = step.learningRate;
        step.paramsBefore.forEach((w, k) => {
          assert.equal(step.paramsAfter[k], Math.fround(w - Math.fround(lr * step.appliedGradient[k])), `param ${k}`);
          assert.equal(step.update[k], Math.fround(step.paramsAfter[k] - w));
        });
        assert.deepEqual(s.links['0:0:0'], { q: 'update', v: step.update[0] });
        assert.deepEqual(s.biases['0:0'], { q: 'update', v: step.update[sizes[1] * sizes[0]] });
        assert.equal(s.links[`${L - 1}:0:0`].q, 'update');
        assert.notEqual(s.links['0:0:0'].v, 0, 'the weight moved');
        // And on the page alone: each link goes from the weight it showed before the step to
        // exactly w − lr × the gradient it showed in the backward pass (float32, as the core).
        const lrShown = Math.fround(Number(await page.inputValue('[data-key="learningRate"]')));
        const m = await moved(page);
        for (const kind of ['links', 'biases']) {
          assert.equal(Object.keys(m[kind]).length, Object.keys(gradients[kind]).length);
          for (const [key, { before, after }] of Object.entries(m[kind])) {
            assert.equal(before, weights[kind][key].v, `${kind} ${key}: the weight shown before`);
            assert.equal(after, Math.fround(before - Math.fround(lrShown * gradients[kind][key])), `${kind} ${key}: w − lr g`);
          }
        }
        break;
      }
      if (phase === 1) await screenshot(page, 'backprop-forward.png');
      await page.click('#step-next');
      await untilPhaseDone(page);
    }
    assert.deepEqual(seen, ['example', ...Array(L).fill('forward'), 'loss', ...Array(L).fill('backward'), 'update']);
    await screenshot(page, 'backprop-update.png');

    // The page's own weights are the step's result: the main diagram's first link shows w after.
    await page.focus('#network [data-param="0:0:0"]');
    await frames(page);
    assert.ok((await page.textContent('#network .tooltip')).includes(`value ${formatNumber(step.paramsAfter[0], { digits: 4 })}`));
    assert.equal((await readState(page)).epoch, 0, 'one update, still in the first epoch');
  });
});

test('reduced motion: Next shows the phase finished at once, its numbers and no pulses running along the links', T, async () => {
  await withPage(b, '#dataset=xor', async (page) => {
    // Two frames after Next: the clock has run at most 2 × 100 ms of a 1,600 ms phase, wherever the machine is slow.
    const afterNext = async () => {
      await page.click('#step-trace-example');
      await page.click('#step-next');
      await frames(page, 2);
      const s = await shown(page);
      const pulses = await page.$$eval('#step-network .step-pulse', (cs) => cs.filter((c) => c.getAttribute('visibility') === 'visible').length);
      return { s, pulses };
    };
    try {
      let { s, pulses } = await afterNext();
      assert.equal(s.kind, 'forward');
      assert.ok(pulses > 0 && s.progress < 0.6 && s.units['1:0'].a === undefined, 'without a preference: pulses run first, numbers come after');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      ({ s, pulses } = await afterNext());
      assert.equal(s.kind, 'forward');
      assert.equal(pulses, 0, 'no pulse moves');
      assert.equal(s.progress, 1, 'the phase is drawn finished');
      assert.equal(typeof s.units['1:0'].a, 'number', 'its units show z and a at once');
      assert.ok(Object.values(s.links).some((l) => l.q === 'contribution'), 'its links show w·a at once');
    } finally {
      await page.emulateMedia({ reducedMotion: null });  // the page may be reused by the next test
    }
  });
});

test('clicking a unit or a link shows its chain rule with the trace\'s numbers, as MathML', T, async () => {
  await withPage(b, '', async (page) => {
    const { step, sizes } = await reference(page, (engine) => engine.traceStep(1));
    const ex = step.examples[0];
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await toStart(page);
    // The last backward phase: every delta and gradient is known.
    const buttons = await page.locator('#step-timeline button').count();
    await page.click(`#step-timeline button >> nth=${buttons - 2}`);
    await frames(page);

    // Hidden unit h1.1 (column 1, unit 0) feeds every unit of h2: the sum over paths.
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    const box = page.locator('#step-equation');
    assert.ok(await box.locator('math').count() >= 2, 'typeset as MathML');
    const backward = await mathNumbers(page, 'Backward: its δ');
    const layer = ex.layers[0];
    for (const v of [layer.dLossDA[0], layer.gradAct[0], layer.delta[0]]) holds(backward, v, 'δ equation');
    for (let k = 0; k < sizes[2]; ++k) {
      holds(backward, ex.layers[1].delta[k], `path through h2.${k + 1}: its δ`);
      holds(backward, step.paramsBefore[paramIndex(sizes, 1, k, 0)], `path through h2.${k + 1}: its weight`);
    }
    assert.match(await box.locator('section[data-stage="Backward: its δ"]').textContent(), /∑/, 'the sum over paths');

    // A link from x2 to h1.2: dL/dw = dL/da · da/dz · dz/dw.
    await clickLink(page, 0, 1, 1);
    const gradient = await mathNumbers(page, 'Backward: its gradient');
    const rows = sizes[1];
    for (const v of [layer.dLossDA[1], layer.gradAct[1], layer.aPrev[1], layer.dW[1 + 1 * rows]]) holds(gradient, v, 'the link\'s gradient equation');
    assert.match(await box.locator('h3').textContent(), /x2→h1\.2/);
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'backprop-equation.png');

    // In the update phase the link's update equation shows w, lr, g and w after.
    await page.click(`#step-timeline button >> nth=${buttons - 1}`);
    await frames(page);
    const update = await mathNumbers(page, 'Update');
    const k = 1 + 1 * rows;  // W_0[1, 1] in the params layout
    for (const v of [step.paramsBefore[k], step.learningRate, step.appliedGradient[k], step.paramsAfter[k]]) holds(update, v, 'the update equation');

    // Keyboard: Space on a unit shows its equation and is not also the page's play shortcut;
    // Escape (or a click on the background) clears the selection.
    await page.focus('#step-network [data-unit="2:1"]');
    await page.keyboard.press(' ');
    await frames(page);
    assert.match(await box.locator('h3').textContent(), /h2\.2/);
    assert.equal(await page.getAttribute('#play', 'aria-label'), 'Play', 'training did not start');
    assert.equal((await readState(page)).epoch, 0);
    await page.keyboard.press('Escape');
    await frames(page);
    assert.equal(await box.locator('h3').count(), 0, 'no equation after Escape');
    assert.equal(await page.locator('#step-network svg.has-selection').count(), 0);
    await page.click('#step-network [data-unit="1:0"] circle');
    await frames(page);
    assert.equal(await page.locator('#step-network svg.has-selection').count(), 1);
    const svg = await page.locator('#step-network svg').boundingBox();
    await page.mouse.click(svg.x + 4, svg.y + 4);  // the empty top-left corner
    await frames(page);
    assert.equal(await page.locator('#step-network svg.has-selection').count(), 0, 'a background click clears it');
  });
});

for (const { hash, quantities, settings } of [
  { hash: '#optimizer=momentum&momentum=0.8&l2=0.01', quantities: ['velocityBefore', 'velocityAfter', 'dataGradient', 'regularizationGradient'],
    settings: { momentum: 0.8, l2: 0.01 } },
  { hash: '#optimizer=adam&l1=0.001', quantities: ['moment1Before', 'moment2Before', 'moment1', 'moment2', 'moment1Hat', 'moment2Hat', 'regularizationGradient'],
    settings: { beta1: 0.9, beta2: 0.999, l1: 0.001 } },
]) {
  test(`the update equation shows the optimiser's own terms (${hash})`, T, async () => {
    await withPage(b, hash, async (page) => {
      // Two steps: the second one starts from a non-zero velocity or moments.
      const { step, sizes } = await reference(page, (engine) => { engine.traceStep(1); return engine.traceStep(1); });
      await page.locator('#step-panel').scrollIntoViewIfNeeded();
      await page.click('#step-trace-example');
      await page.click('#step-trace-example');
      await toStart(page);
      const buttons = await page.locator('#step-timeline button').count();
      await page.click(`#step-timeline button >> nth=${buttons - 1}`);
      await frames(page);
      await clickLink(page, 0, 1, 0);
      const k = paramIndex(sizes, 0, 1, 0);
      const update = await mathNumbers(page, 'Update');
      for (const key of [...quantities, 'paramsBefore', 'paramsAfter', 'appliedGradient']) {
        assert.notEqual(step[key][k], 0, `${key} is not trivially zero`);
        holds(update, step[key][k], key);
      }
      holds(update, step.learningRate, 'learning rate');
      for (const [key, v] of Object.entries(settings)) holds(update, step.settings[key], `${key} ${v}`);
    });
  });
}

test('a tiny step: the update equation shows −η·g, and Δw apart where w′ rounds to another float', T, async () => {
  await withPage(b, '#learningRate=0.0001', async (page) => {
    const { step, sizes } = await reference(page, (engine) => engine.traceStep(1));
    const k = paramIndex(sizes, 0, 1, 1);  // x2 → h1.2
    const exact = -(step.learningRate * step.appliedGradient[k]);
    assert.notEqual(formatNumber(step.update[k], { digits: 4 }), formatNumber(exact, { digits: 4 }), 'w′ is w rounded: Δw is not −η·g');
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
    await page.click('#step-timeline button >> nth=-1');
    await frames(page);
    await clickLink(page, 0, 1, 1);
    // The last three lines: w ← w − η·g = … = w + (−η·g) = w′, then Δw, then why they differ.
    const lines = await page.$$eval('#step-equation section[data-stage="Update"] mtr',
      (rows) => rows.slice(-3).map((r) => ({ text: r.textContent, numbers: [...r.querySelectorAll('mn')].map((n) => n.textContent) })));
    const [equation, delta, why] = lines;
    assert.match(equation.text, /^w.*←/);
    holds(equation.numbers, exact, 'the step −η·g');
    assert.match(delta.text, /^Δw/);
    holds(delta.numbers, step.update[k], 'Δw');
    assert.match(why.text, /single-precision float/);
    // The diagram's label is that Δw.
    assert.equal(Number(await page.getAttribute('#step-network line[data-link="0:1:1"]', 'data-value')), step.update[k]);
  });
});

test('a mini-batch step: per-example traces, their average on the links, then one update', T, async () => {
  await withPage(b, '#batchSize=4', async (page) => {
    const { step, sizes } = await reference(page, (engine) => engine.traceStep(4));
    assert.equal(step.examples.length, 4);
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-batch');
    await toStart(page);
    const buttons = page.locator('#step-timeline button');
    const count = await buttons.count();
    assert.equal(await buttons.nth(count - 2).textContent(), 'average');
    await buttons.nth(count - 2).click();
    await frames(page);
    let s = await shown(page);
    assert.equal(s.kind, 'average');
    assert.deepEqual(s.links['1:0:0'], { q: 'mean', v: step.dataGradient[sizes[1] * (sizes[0] + 1)] });
    // The diagram follows the example chosen; its deltas are that example's.
    assert.equal(s.units['1:0'].delta, step.examples[0].layers[0].delta[0]);
    await page.selectOption('#step-example', '2');
    await frames(page);
    s = await shown(page);
    assert.equal(s.units['1:0'].delta, step.examples[2].layers[0].delta[0]);
    assert.equal(s.units['0:0'].a, step.examples[2].input[0]);
    // The average equation lists each example's gradient and their mean.
    await clickLink(page, 0, 0, 0);
    const average = await mathNumbers(page, 'Batch average');
    for (const e of step.examples) holds(average, e.layers[0].dW[0], 'an example\'s gradient');
    holds(average, step.dataGradient[0], 'the mean');
    assert.match(await page.textContent('#step-text'), /mean of the 4 examples/);
    // Beside it, the per-example gradients as bars with their mean; the followed example is outlined.
    const chart = await page.$eval('#step-equation .batch-gradients', (svg) => ({
      mean: Number(svg.dataset.mean),
      bars: [...svg.querySelectorAll('[data-example]')].map((r) => ({ v: Number(r.dataset.value), current: r.classList.contains('current') })),
    }));
    assert.equal(chart.mean, step.dataGradient[0]);
    assert.deepEqual(chart.bars, step.examples.map((e, i) => ({ v: e.layers[0].dW[0], current: i === 2 })));
    // A bar is a button: the diagram follows its example, by mouse and by keyboard.
    await page.click('#step-equation .batch-gradients [data-example="3"]');
    await frames(page);
    assert.equal(await page.inputValue('#step-example'), '3');
    s = await shown(page);
    assert.equal(s.units['1:0'].delta, step.examples[3].layers[0].delta[0]);
    await page.focus('#step-equation .batch-gradients [data-example="1"]');
    await page.keyboard.press('Enter');
    await frames(page);
    assert.equal(await page.inputValue('#step-example'), '1');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.example), '1', 'focus stays on the bar');
    assert.ok(await page.$eval('#step-equation [data-example="1"]', (r) => r.classList.contains('current')));
  });
});

test('clicking a training point traces a step on it; a test point is refused with a message', T, async () => {
  await withPage(b, '', async (page) => {
    const { dataset } = await reference(page, () => null);
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await frames(page, 4);
    const at = async (i) => {
      const box = await page.locator('#step-picker canvas.data-plot-points').boundingBox();
      const [x1, x2] = [dataset.xy[2 * i], dataset.xy[2 * i + 1]];
      return { x: box.x + ((x1 + 6) / 12) * box.width, y: box.y + ((6 - x2) / 12) * box.height };
    };
    // A training point with no other point near it, so the click picks exactly it.
    const isolated = (i) => dataset.labels.every((_, j) => j === i ||
      (dataset.xy[2 * j] - dataset.xy[2 * i]) ** 2 + (dataset.xy[2 * j + 1] - dataset.xy[2 * i + 1]) ** 2 > 0.36);
    const train = dataset.train.find(isolated);
    const testPoint = dataset.test.find(isolated);
    const expected = await reference(page, new Function('engine', `return engine.traceStepOn(${train});`));
    const p = await at(train);
    await page.mouse.click(p.x, p.y);
    await frames(page);
    await toStart(page);
    const s = await shown(page);
    assert.match(await page.textContent('#step-text'), new RegExp(`Training point ${train}:`));
    assert.equal(s.units['0:0'].a, expected.step.examples[0].input[0]);
    assert.equal(s.units['0:1'].a, expected.step.examples[0].input[1]);
    // Test points are not drawn in the picker, and a click there picks nothing.
    const q = await at(testPoint);
    await page.mouse.click(q.x, q.y);
    await frames(page);
    const state = await readState(page);
    assert.match(state.message, /Click on a training point/);
    assert.match(await page.textContent('#step-text'), new RegExp(`Training point ${train}:`), 'the traced step stays');
    // The hint goes once a step is traced again.
    await page.mouse.click(p.x, p.y);
    await frames(page);
    assert.equal(await page.isHidden('#message'), true, 'no stale hint after the next trace');
  });
});

test('softmax output with no hidden layer: δ = a − y at each output; reset forgets the step; a new step refreshes the equation', T, async () => {
  await withPage(b, '#dataset=blobs&classes=3&hidden=&outputActivation=softmax&loss=softmax_ce', async (page) => {
    const { step } = await reference(page, (engine) => engine.traceStep(1));
    const ex = step.examples[0];
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await toStart(page);
    const kinds = await page.$$eval('#step-timeline button', (bs) => bs.map((x) => x.textContent));
    assert.deepEqual(kinds, ['example', 'x→out', 'loss', 'x←out', 'update']);
    await page.click('#step-timeline button >> nth=3');
    await frames(page);
    const s = await shown(page);
    for (let k = 0; k < 3; ++k) {
      assert.equal(s.units[`1:${k}`].delta, ex.layers[0].delta[k]);
      assert.ok(Math.abs(s.units[`1:${k}`].delta - (s.units[`1:${k}`].a - ex.target[k])) < 1e-6, 'δ = a − y');
    }
    await page.click('#step-network [data-unit="1:1"] circle');
    await frames(page);
    assert.match(await page.textContent('#step-equation'), /cancels|cancel/);
    const first = await page.innerHTML('#step-equation');

    // Another step, the same unit selected again: the equation is the new step's.
    await page.click('#step-trace-example');
    await toStart(page);
    await page.click('#step-timeline button >> nth=3');
    await page.click('#step-network [data-unit="1:1"] circle');
    await frames(page);
    const second = await page.innerHTML('#step-equation');
    assert.ok(second.includes('<math'), 'the equation shows');
    assert.notEqual(second, first, 'and it is the second step\'s');

    // Reset starts the run over: the traced step no longer applies and is put away.
    await page.click('#reset');
    await frames(page);
    assert.equal(await page.$eval('#step-panel', (e) => e.classList.contains('has-step')), false);
    assert.equal(await page.textContent('#step-equation'), '');
  });
});

test('regression with dropout: each example is traced with the masks its update drew; a short last batch is traced as it is', T, async () => {
  await withPage(b, '#dataset=plane&hidden=3&dropout=0.5&batchSize=30', async (page) => {
    const { step, sizes, dataset } = await reference(page, (engine) => engine.traceStep(30));
    assert.ok(step.dropoutApplied);
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-batch');
    await toStart(page);
    await page.click('#step-timeline button >> nth=1');  // forward into h1: masks are known
    await frames(page);
    const masks = () => page.$$eval('#step-network [data-unit^="1:"]', (gs) => gs.map((g) => ({
      mask: Number(g.dataset.mask), a: Number(g.dataset.a), dropped: g.classList.contains('dropped') })));
    let dropped = null;
    for (let e = 0; e < 4; ++e) {
      await page.selectOption('#step-example', String(e));
      await frames(page);
      const shownMasks = await masks();
      shownMasks.forEach((u, j) => {
        const layer = step.examples[e].layers[0];
        assert.equal(u.mask, layer.mask[j], `example ${e}, unit ${j}: the update's mask`);
        assert.ok(u.a === layer.a[j], `example ${e}, unit ${j}: a ${u.a} vs ${layer.a[j]}`);  // −0 for a dropped negative f(z)
        assert.equal(u.dropped, layer.mask[j] === 0);
        if (layer.mask[j] === 0) dropped ??= { e, j };
      });
    }
    assert.ok(dropped, 'some unit of the first examples was dropped');
    assert.match(await page.textContent('#step-text'), /Dropout: this step dropped \d of its 3 units/);
    await page.selectOption('#step-example', String(dropped.e));
    await page.click(`#step-network [data-unit="1:${dropped.j}"] circle`);
    await frames(page);
    assert.match(await page.textContent('#step-equation section[data-stage="Forward"]'), /dropped for this example/);
    // The batch mean of those traces is what the update applied (the L2-free data gradient).
    await page.click('#step-timeline button >> nth=-2');
    await frames(page);
    const s = await shown(page);
    assert.deepEqual(s.links['1:0:0'], { q: 'mean', v: step.dataGradient[paramIndex(sizes, 1, 0, 0)] });
    for (let k = 0; k < step.appliedGradient.length; ++k) assert.ok(Math.abs(step.appliedGradient[k] - step.dataGradient[k]) < 1e-6);
    await page.click('#step-timeline button >> nth=-1');
    await clickLink(page, 1, 0, 0);
    assert.doesNotMatch(await page.textContent('#step-equation section[data-stage="Update"]'), /dropout/);

    // The rest of the epoch: its last batch is shorter, and traced as it is.
    const train = dataset.train.length;
    const batches = Math.ceil(train / 30);
    for (let i = 1; i < batches; ++i) await page.click('#step-trace-batch');
    await toStart(page);
    const rest = train - 30 * (batches - 1);
    assert.match(await page.textContent('#step-text'), new RegExp(`One update from ${rest} examples`), 'the epoch\'s last, shorter batch');
  });
});

test('with dropout, the update\'s loss before is the loss the traced example showed, with the same masks', T, async () => {
  await withPage(b, '#dropout=0.5&hidden=3&seed=2&learningRate=0.1', async (page) => {
    const { step } = await reference(page, (engine) => engine.traceStep(1));
    assert.ok(step.dropoutApplied && step.examples[0].layers[0].mask.some((m) => m === 0), 'a unit is dropped');
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    const phases = await page.locator('#step-timeline button').count();
    const textOf = async (kind) => {
      for (let i = 0; i < phases; ++i) {
        await page.click(`#step-timeline button >> nth=${i}`);
        await frames(page);
        if (await page.getAttribute('#step-network', 'data-phase-kind') === kind) return page.textContent('#step-text');
      }
      throw new Error(`no ${kind} phase`);
    };
    if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
    const loss = (await textOf('loss')).match(/gives L = (\S+)\./)[1];
    const [, before, after] = (await textOf('update')).match(/Loss on this example: (\S+) → (\S+)\./);
    assert.equal(before, loss);
    assert.equal(before, formatNumber(step.examples[0].loss, { digits: 3 }));
    assert.ok(Number(after) < Number(before), `a step downhill on the same thinned network: ${before} → ${after}`);
  });
});

test('standardised inputs: the example is the point, and the network sees its standardised features', T, async () => {
  await withPage(b, '#inputScaling=standardise&dataset=gaussians', async (page) => {
    const { step, dataset } = await reference(page, (engine) => engine.traceStep(1));
    const [i] = step.batch;
    const point = formatTuple([dataset.xy[2 * i], dataset.xy[2 * i + 1]]);
    const inputs = Array.from(step.examples[0].input, (v, k) => `x${k + 1} → ${formatNumber(v)}`).join(', ');
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await toStart(page);
    assert.equal(await page.textContent('#step-text'), `Training point ${i}: ${point}, which the network sees standardised as ${inputs}, ` +
      `target ${formatNumber(step.examples[0].target[0])}. It goes forward through the network, its loss is measured, the error goes back, and every weight moves once.`);
    assert.equal(await page.textContent('#step-network .input-scaling'), 'standardised');
    // The scaling note adds a negative mean's size rather than subtracting a negative number.
    const note = await page.textContent('#scaling-note');
    assert.doesNotMatch(note, /− −/);
    assert.match(note, /x\d → \(x\d \+ [\d.]+\)/);
  });
});

test('a step that diverges says so, and the page shows where the weights went', T, async () => {
  await withPage(b, '#dataset=plane&outputActivation=linear&loss=mse&learningRate=10&hidden=8,8&activation=relu', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    let state;
    for (let i = 0; i < 60; ++i) {
      await page.click('#step-trace-batch');
      state = await readState(page);
      if (state.message) break;
    }
    assert.match(state.message, /diverg/i, 'a clear message');
    assert.ok(!Number.isFinite(state.trainLoss) || state.trainLoss > 1e6, `the metrics show the blow-up: ${state.trainLoss}`);
    // The page keeps going: the panel still answers, and Reset recovers.
    await page.click('#step-trace-example');
    assert.match((await readState(page)).message, /diverg/i);
    await page.click('#reset');
    await page.click('#step-trace-example');
    await frames(page);
    assert.equal((await readState(page)).message, '');
    assert.equal(await page.$eval('#step-panel', (e) => e.classList.contains('has-step')), true);
  });
});
