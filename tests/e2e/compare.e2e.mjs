// End-to-end: two runs side by side. A learner opens the comparison, gives run B another
// activation, steps both; each run's numbers must be those of an engine configured alone with its
// settings (a fresh core in the page), the chart must carry both runs' curves, the link must
// reproduce both runs exactly, play / pause / reset act on both, closing returns to the plain
// playground, and bad run-B values (typed or in a link) are named while the page goes on. Run B
// keeps run A's epoch with a batch size of its own and when run A diverges, and learns a drawn
// curve too; on 1-D data each plot is y against x with its run's own curve. Layout at 1280 × 800,
// 1024 × 768 and 390 × 844 without sideways scrolling, with a screenshot.
// Not here: the link keys' parsing rules (tests/web/compare-state.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { useBrowser, withPage, frames, readState, hashParams, stepEpochs, play, pause, screenshot } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 60000 };
const EPOCHS = 7;

// Each run's numbers as the panel holds them (the engine's, unrounded, in data-value).
const runNumbers = (page) => page.evaluate(() => {
  const read = (run) => Object.fromEntries([...document.querySelectorAll(`#compare-run-${run} dd[data-metric]`)]
    .map((dd) => [dd.dataset.metric, Number(dd.dataset.value)]));
  return { a: read('a'), b: read('b') };
});

// What an engine configured alone with `hash`'s settings gives after `epochs` epochs, each a step
// (or `n` steps of another kind: 'batch', 'example').
const engineNumbers = (page, hash, epochs, kind = 'epoch') => page.evaluate(async ([h, n, k]) => {
  const { Engine } = await import('./engine.js');
  const { parseHash, engineSettings } = await import('./state.js');
  const engine = new Engine(await window.createBackpropCore());
  const { state, errors } = parseHash(h);
  if (errors.length) throw new Error(errors.join('; '));
  engine.configure(engineSettings(state));
  for (let i = 0; i < n; ++i) {
    if (k === 'epoch') engine.trainEpochs(1);
    else if (k === 'batch') engine.trainBatches(1);
    else engine.trainExamples(1);
  }
  const m = engine.metrics();
  const out = { epoch: engine.progress().epoch, 'train-loss': m.train.loss, 'test-loss': m.test.loss,
    'train-accuracy': m.train.accuracy, 'test-accuracy': m.test.accuracy };
  engine.dispose();
  return out;
}, [hash, epochs, kind]);

// The same, for a list of engine calls: [['trainEpochs', 1], ['trainExamples', 10], ...].
const engineAfter = (page, hash, calls) => page.evaluate(async ([h, list]) => {
  const { Engine } = await import('./engine.js');
  const { parseHash, engineSettings } = await import('./state.js');
  const engine = new Engine(await window.createBackpropCore());
  engine.configure(engineSettings(parseHash(h).state));
  for (const [method, n] of list) engine[method](n);
  const m = engine.metrics();
  const out = { epoch: engine.progress().epoch, 'train-loss': m.train.loss, 'test-loss': m.test.loss,
    'train-accuracy': m.train.accuracy, 'test-accuracy': m.test.accuracy };
  engine.dispose();
  return out;
}, [hash, calls]);

// Presses Step `n` times in the step mode chosen.
const pressStep = async (page, n) => {
  await page.evaluate((count) => { for (let i = 0; i < count; ++i) document.getElementById('step').click(); }, n);
  await frames(page);
};

const noSideways = (page) => page.evaluate(() => {
  // The layer table scrolls inside its own box on a narrow screen, as the playground's does.
  const wide = [...document.querySelectorAll('#compare-panel *')].filter((el) => !el.closest('.compare-layer-stats table'))
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`);
  return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide.slice(0, 5) };
});

test('compare: run B with ReLU beside run A, stepped together, each equal to its own engine; the link reproduces both', T, async () => {
  let link;
  let numbers;
  await withPage(b, '', async (page) => {
    assert.equal(await page.isHidden('#compare-panel'), true);
    await page.click('#compare');
    await frames(page);
    assert.equal(await page.isVisible('#compare-panel'), true);
    assert.equal(await page.getAttribute('#compare', 'aria-expanded'), 'true');
    assert.equal((await hashParams(page)).compare, '1');
    assert.match(await page.textContent('#compare-key'), /Run B \(dashed vermillion\): the same settings so far/);

    // Run B's activation, chosen as a learner would.
    await page.selectOption('#b-activation', 'relu');
    await frames(page);
    assert.equal((await hashParams(page))['b.activation'], 'relu');
    assert.equal(await page.inputValue('select[data-key="activation"]'), 'tanh', 'run A keeps its own activation');
    assert.match(await page.textContent('#compare-key'), /Run B \(dashed vermillion test line, dotted training line\): activation relu instead of tanh\./);
    assert.match(await page.getAttribute('#b-activation', 'id'), /b-activation/);
    assert.equal(await page.$eval('#b-activation', (el) => el.closest('label').classList.contains('differs')), true);

    await stepEpochs(page, EPOCHS);
    numbers = await runNumbers(page);
    assert.equal(numbers.a.epoch, EPOCHS);
    assert.equal(numbers.b.epoch, EPOCHS, 'step acts on both runs');
    assert.equal((await readState(page)).epoch, EPOCHS);
    assert.deepEqual(numbers.a, await engineNumbers(page, '', EPOCHS), 'run A is the playground\'s set-up');
    assert.deepEqual(numbers.b, await engineNumbers(page, '#activation=relu', EPOCHS), 'run B is the same set-up with ReLU');
    assert.notEqual(numbers.a['test-loss'], numbers.b['test-loss'], 'the two runs differ');
    // The playground's own readout is run A's.
    assert.equal((await readState(page)).testLoss, Number(numbers.a['test-loss'].toFixed(4)));

    // The chart: both runs' curves, each named, with every record.
    const legend = await page.$$eval('#compare-chart .chart-legend-item', (items) => items.map((i) => i.textContent));
    assert.deepEqual(legend, ['A test', 'A training', 'B test', 'B training']);
    // Hovered, the readout draws each series' swatch as the legend does (solid, dotted, dashed).
    const swatches = (selector) => page.$$eval(selector, (items) => Object.fromEntries(items.map((i) =>
      [i.textContent.trim(), i.querySelector('span').style.borderTopStyle])));
    const key = await swatches('#compare-chart .chart-legend-item');
    assert.deepEqual(key, { 'A test': 'solid', 'A training': 'dotted', 'B test': 'dashed', 'B training': 'dotted' });
    const canvas = page.locator('#compare-chart canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3, { steps: 3 });
    await page.waitForSelector('#compare-chart .chart-tooltip', { state: 'visible' });
    const readout = await page.$$eval('#compare-chart .chart-tooltip > div:not(:first-child)', (lines) => lines.map((l) =>
      [l.children[1].textContent.replace(/ accuracy$/, ''), l.children[0].style.borderTopStyle]));
    assert.equal(readout.length, 8, 'losses and accuracies of both runs');
    for (const [name, style] of readout) assert.equal(style, key[name], `${name}'s swatch in the readout`);
    await page.mouse.move(0, 0);
    assert.equal(await page.getAttribute('#compare-chart', 'data-records'), `${EPOCHS + 1},${EPOCHS + 1}`);
    const label = await page.getAttribute('#compare-chart canvas', 'aria-label');
    for (const [run, split, key] of [['A', 'test', 'test-loss'], ['B', 'test', 'test-loss'], ['B', 'training', 'train-loss']]) {
      assert.ok(label.includes(`${run} ${split} ${numbers[run.toLowerCase()][key].toPrecision(4)}`), `${label} names ${run} ${split}`);
    }
    // Each run's output plot and layer view are drawn.
    for (const run of ['a', 'b']) {
      assert.equal(await page.locator(`#compare-run-${run} .compare-plot canvas`).count(), 2);
      assert.ok(await page.locator(`#compare-run-${run} .compare-layer-stats table tbody tr`).count() >= 3, `run ${run}'s layer table`);
    }
    link = await page.evaluate(() => location.hash);
    assert.match(link, /compare=1&b\.activation=relu/);
  });

  // The link, opened afresh and stepped as many epochs, gives both runs' numbers exactly.
  await withPage(b, link, async (page) => {
    assert.equal(await page.isVisible('#compare-panel'), true);
    assert.equal(await page.inputValue('#b-activation'), 'relu');
    assert.equal((await readState(page)).message, '');
    await stepEpochs(page, EPOCHS);
    assert.deepEqual(await runNumbers(page), numbers);
    // Run B's settings alone, as a plain playground link, give run B's numbers on the page itself.
    await page.click('#compare-close');
    await frames(page);
    assert.equal(await page.isHidden('#compare-panel'), true);
    await page.evaluate(() => { location.hash = '#activation=relu'; });
    await frames(page, 4);
    await stepEpochs(page, EPOCHS);
    const s = await readState(page);
    assert.equal(s.epoch, EPOCHS);
    assert.equal(s.testLoss, Number(numbers.b['test-loss'].toFixed(4)));
    assert.equal(s.trainLoss, Number(numbers.b['train-loss'].toFixed(4)));
  });
});

test('compare: play and pause, reset and a change to run A act on both; closing returns to the plain playground', T, async () => {
  await withPage(b, '#dataset=circles&points=100&compare=1&b.optimizer=adam&b.init=he_normal', async (page) => {
    assert.equal((await readState(page)).message, '');
    const start = await runNumbers(page);
    assert.equal(start.a.epoch, 0);
    assert.equal(start.b.epoch, 0);
    await play(page);
    await page.waitForFunction(() => Number(document.getElementById('epoch').dataset.epoch) >= 12);
    await pause(page);
    const played = await runNumbers(page);
    assert.ok(played.a.epoch >= 12);
    // Each run's layer view sampled its statistics while playing (every fourth epoch at this speed).
    for (const run of ['a', 'b']) {
      const samples = Number(await page.getAttribute(`#compare-run-${run} .compare-layer-stats [data-samples]`, 'data-samples'));
      assert.ok(samples >= 3, `run ${run}'s layer view: ${samples} samples after ${played.a.epoch} epochs`);
    }
    assert.equal(played.b.epoch, played.a.epoch, 'run B played in lock-step');
    assert.deepEqual(played.b, await engineNumbers(page, '#dataset=circles&points=100&optimizer=adam&init=he_normal', played.a.epoch));

    await page.click('#reset');
    await frames(page);
    assert.deepEqual(await runNumbers(page), start, 'reset starts both runs over');

    // A mini-batch step is one for each run.
    await page.selectOption('#stepMode', 'batch');
    for (let i = 0; i < 4; ++i) await page.click('#step');
    await frames(page);
    assert.deepEqual((await runNumbers(page)).b,
      await engineNumbers(page, '#dataset=circles&points=100&optimizer=adam&init=he_normal', 4, 'batch'));
    await page.click('#reset');
    await frames(page);

    // A change of run A's that starts a new run starts run B over too; run B keeps its differences.
    await stepEpochs(page, 3);
    await page.selectOption('select[data-key="activation"]', 'sigmoid');
    await frames(page);
    const changed = await runNumbers(page);
    assert.equal(changed.a.epoch, 0);
    assert.equal(changed.b.epoch, 0);
    await stepEpochs(page, 3);
    assert.deepEqual((await runNumbers(page)).b,
      await engineNumbers(page, '#dataset=circles&points=100&activation=sigmoid&optimizer=adam&init=he_normal', 3));

    // Closing: the panel goes, the link loses compare and run B's keys, the playground trains alone.
    await page.click('#compare-close');
    await frames(page);
    assert.equal(await page.isHidden('#compare-panel'), true);
    assert.equal(await page.getAttribute('#compare', 'aria-expanded'), 'false');
    const hash = await hashParams(page);
    assert.ok(!('compare' in hash) && !Object.keys(hash).some((k) => k.startsWith('b.')), JSON.stringify(hash));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'compare');
    await stepEpochs(page, 2);
    const alone = await engineNumbers(page, '#dataset=circles&points=100&activation=sigmoid', 5);
    assert.equal((await readState(page)).testLoss, Number(alone['test-loss'].toFixed(4)));
  });
});

// A linear output: the health check's saturation test, a pass of its own over the data for tanh
// and sigmoid outputs, stays out of the count.
test('compare, paused: one pass over each run\'s data per render for the layer views', T, async () => {
  await withPage(b, '#dataset=circles&points=100&outputActivation=linear&compare=1&b.optimizer=adam', async (page) => {
    // Run A's view shows the playground's own sample, not a second pass over the same data.
    await page.evaluate(async () => {
      const { Engine } = await import('./engine.js');
      const layerStats = Engine.prototype.layerStats;
      window.layerStatsCalls = new Map();
      Engine.prototype.layerStats = function (...args) {
        window.layerStatsCalls.set(this, (window.layerStatsCalls.get(this) ?? 0) + 1);
        return layerStats.apply(this, args);
      };
    });
    for (let i = 0; i < 3; ++i) await stepEpochs(page, 1);
    const calls = await page.evaluate(() => [...window.layerStatsCalls.values()]);
    assert.equal(calls.length, 2, `passes by engine: ${calls}`);
    assert.ok(calls[0] >= 3 && calls[0] === calls[1], `passes by engine: ${calls}`);
    for (const run of ['a', 'b']) {
      assert.ok(await page.locator(`#compare-run-${run} .compare-layer-stats table tbody tr`).count() >= 3, `run ${run}'s layer table`);
    }
  });
});

test('compare: bad run-B values, typed or in a link, are named and the page goes on; a lone b.loss follows the data as loss= does', T, async () => {
  await withPage(b, '#compare=1&b.activation=bogus&b.learningRate=abc&b.dataset=spiral&b.dropout=0.2', async (page) => {
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /b\.dataset: run B shares the dataset with run A; ignored/);
    assert.match(s.message, /b\.activation: 'bogus' is not one of linear, .*; run B uses run A's tanh/);
    assert.match(s.message, /b\.learningRate: 'abc' is not a number; run B uses run A's 0\.03/);
    assert.equal(await page.isVisible('#compare-panel'), true, 'the comparison opens with what could be read');
    assert.equal(await page.inputValue('#b-activation'), 'tanh');
    assert.equal(await page.inputValue('#b-dropout'), '0.2');
    assert.deepEqual(await hashParams(page), { compare: '1', 'b.dropout': '0.2' }, 'the link keeps only what was read');
    // A phone's decimal keypad (no minus, comma or e on iOS) only where it can type every value.
    const keypads = await page.$$eval('#compare-panel input', (inputs) => Object.fromEntries(inputs.map((i) => [i.dataset.bKey, i.inputMode])));
    assert.equal(keypads.learningRate, 'decimal');
    assert.equal(keypads.batchSize, 'decimal');
    assert.equal(keypads.biasInit, '', 'bias init can be negative');
    assert.equal(keypads.epsilon, '', 'Adam epsilon is written 1e-8');

    // A typed value out of range: said, and run B keeps its rate.
    await page.fill('#b-learningRate', '200');
    await page.press('#b-learningRate', 'Enter');
    await frames(page);
    const typed = await readState(page);
    assert.equal(typed.messageKind, 'error');
    assert.equal(typed.message, "Run B: learning rate '200' is out of range (0, 100]. Run B keeps 0.03.");
    assert.equal(await page.inputValue('#b-learningRate'), '0.03');
    // A good one is taken.
    await page.fill('#b-learningRate', '0.3');
    await page.press('#b-learningRate', 'Enter');
    await frames(page);
    assert.equal((await hashParams(page))['b.learningRate'], '0.3');
    await stepEpochs(page, 3);
    assert.deepEqual((await runNumbers(page)).b, await engineNumbers(page, '#learningRate=0.3&dropout=0.2', 3));
  });
  // Run B's loss named alone on blobs: kept, its output following the data as run A's would
  // (tanh, as #dataset=blobs&loss=mse gives run A), with nothing to say.
  await withPage(b, '#dataset=blobs&compare=1&b.loss=mse', async (page) => {
    assert.equal((await readState(page)).message, '');
    assert.deepEqual([await page.inputValue('#b-outputActivation'), await page.inputValue('#b-loss')], ['tanh', 'mse']);
    assert.deepEqual(await hashParams(page), { dataset: 'blobs', outputActivation: 'softmax', loss: 'softmax_ce', compare: '1',
      'b.outputActivation': 'tanh', 'b.loss': 'mse' });
  });
  // Run B's keys without compare=1: named, and the plain playground opens.
  await withPage(b, '#b.activation=relu', async (page) => {
    const s = await readState(page);
    assert.match(s.message, /b\.activation: run B's settings need compare=1; ignored/);
    assert.equal(await page.isHidden('#compare-panel'), true);
  });
});

// 100 training points: run A's mini-batch of 10 is a tenth of an epoch. Run B trains its own
// batches, each once run A has gone past it, so both finish every epoch together and run B's
// numbers are those of run B alone.
test('compare: run B with another batch size stays at run A\'s epoch, stepped by mini-batches or in slices', T, async () => {
  await withPage(b, '#compare=1&b.batchSize=50', async (page) => {
    await page.selectOption('#stepMode', 'batch');
    await pressStep(page, 7);  // 70 examples: one batch of 50 for run B
    let n = await runNumbers(page);
    assert.equal(n.a.epoch, 0);
    assert.deepEqual(n.b, await engineNumbers(page, '#batchSize=50', 1, 'batch'));
    await pressStep(page, 3);
    n = await runNumbers(page);
    assert.equal(n.a.epoch, 1);
    assert.deepEqual(n.b, await engineNumbers(page, '#batchSize=50', 1), 'one epoch of run B alone');
    await pressStep(page, 10);
    assert.deepEqual((await runNumbers(page)).b, await engineNumbers(page, '#batchSize=50', 2));
    // A traced mini-batch of run A's (10 examples): one update on as many for run B.
    await page.click('#step-trace-batch');
    await frames(page);
    assert.deepEqual((await runNumbers(page)).b, await engineAfter(page, '#batchSize=50', [['trainEpochs', 2], ['trainExamples', 10]]));
  });
  // A smaller batch that does not divide run A's, and the slices of batches play trains in when an
  // epoch is too long for one frame (training.js: trainStep('batch', count)).
  await withPage(b, '#compare=1&b.batchSize=4', async (page) => {
    const slice = (count) => page.evaluate(async (k) => {
      const { trainStep } = await import('./playground/training.js');
      const { page: playground } = await import('./playground/page.js');
      trainStep('batch', k);
      playground.dirty = true;  // as a slice of play asks for a render
    }, count);
    await slice(3);  // 30 examples: 7 batches of 4 for run B
    await frames(page);
    assert.deepEqual((await runNumbers(page)).b, await engineNumbers(page, '#batchSize=4', 7, 'batch'));
    await slice(7);
    await frames(page);
    const n = await runNumbers(page);
    assert.equal(n.a.epoch, 1);
    assert.deepEqual(n.b, await engineNumbers(page, '#batchSize=4', 1), 'one epoch of run B alone');
    await stepEpochs(page, 2);
    assert.deepEqual((await runNumbers(page)).b, await engineNumbers(page, '#batchSize=4', 3));
  });
});

test('compare on a drawn curve: run B learns the learner\'s points too, after a visit elsewhere and from the link', T, async () => {
  let link;
  let numbers;
  await withPage(b, '#dataset=sine', async (page) => {
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    await page.click('#compare');
    await frames(page);
    await stepEpochs(page, 2);
    const same = await runNumbers(page);
    assert.equal(await page.isHidden('#compare-run-b .compare-error'), true, await page.textContent('#compare-run-b .compare-error'));
    assert.equal(same.b.epoch, 2);
    assert.deepEqual(same.b, same.a, 'the same settings on the same points: run A\'s numbers');

    await page.click('#reset');
    await page.fill('#b-learningRate', '0.3');
    await page.press('#b-learningRate', 'Enter');
    await frames(page);
    await stepEpochs(page, 3);
    numbers = await runNumbers(page);
    // The learner's points all train (no test split): the training loss tells the runs apart.
    assert.ok(Number.isFinite(numbers.b['train-loss']) && numbers.b['train-loss'] !== numbers.a['train-loss'], JSON.stringify(numbers));
    // To a generated curve and back: both runs start over on the learner's points again.
    await page.click('#datasets [data-dataset="sine"]');
    await frames(page);
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    await stepEpochs(page, 3);
    assert.deepEqual(await runNumbers(page), numbers);
    link = await page.evaluate(() => location.hash);
    assert.match(link, /dataset=curve.*compare=1/);
  });
  // The link (its points as the link holds them) gives run B the numbers of its settings alone.
  await withPage(b, link, async (page) => {
    await stepEpochs(page, 3);
    const linked = await runNumbers(page);
    assert.equal(await page.isHidden('#compare-run-b .compare-error'), true, await page.textContent('#compare-run-b .compare-error'));
    assert.equal(linked.b.epoch, 3);
    await page.click('#compare-close');
    await frames(page);
    const alone = link.replace('compare=1&b.learningRate=0.3', 'learningRate=0.3');
    assert.notEqual(alone, link);
    await page.evaluate((hash) => { location.hash = hash; }, alone);
    await frames(page, 4);
    await stepEpochs(page, 3);
    assert.equal((await readState(page)).trainLoss, Number(linked.b['train-loss'].toFixed(4)));
  });
});

test('compare on 1-D data: each run\'s plot is y against x with its own output curve, as the playground\'s is', T, async () => {
  const hash = '#dataset=sine&outputActivation=linear&compare=1&b.learningRate=0.3';
  await withPage(b, hash, async (page) => {
    await stepEpochs(page, 3);
    // Each run's curve read back from its plot: the path's points in plane units (x, y).
    const curves = await page.evaluate(() => Object.fromEntries(['a', 'b'].map((run) => {
      const plot = document.querySelector(`#compare-run-${run} .compare-plot`);
      const size = Number(plot.querySelector('.data-plot-frame').getAttribute('width')) - 1;
      const points = [...plot.querySelector('.data-plot-curve').getAttribute('d').matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)]
        .map(([, px, py]) => [(Number(px) * 12) / size - 6, (6 - (Number(py) * 12) / size) / 4]);
      const titles = [...plot.querySelectorAll('text.data-plot-label')].map((e) => e.textContent);
      return [run, { points, titles }];
    })));
    // What each run's network gives alone: run B is run A's set-up with its learning rate.
    const expected = await page.evaluate(async (links) => {
      const { Engine } = await import('./engine.js');
      const { parseHash, engineSettings } = await import('./state.js');
      const module = await window.createBackpropCore();
      return links.map((h) => {
        const engine = new Engine(module);
        engine.configure(engineSettings(parseHash(h).state));
        engine.trainEpochs(3);
        const line = engine.unitSum(241, -6, 6);
        engine.dispose();
        return { x: Array.from(line.x), y: Array.from(line.output) };
      });
    }, ['#dataset=sine&outputActivation=linear', '#dataset=sine&outputActivation=linear&learningRate=0.3']);
    for (const [k, run] of [[0, 'a'], [1, 'b']]) {
      const { points, titles } = curves[run];
      assert.ok(titles.includes('y') && titles.includes('x'), `run ${run}'s plot is y against x: ${titles.join(' ')}`);
      assert.equal(points.length, expected[k].x.length, `run ${run}'s curve has a point per sample`);
      points.forEach(([x, y], i) => {
        assert.ok(Math.abs(x - expected[k].x[i]) < 0.01 && Math.abs(y - expected[k].y[i]) < 0.01,
          `run ${run} at x ${expected[k].x[i]}: drawn (${x}, ${y}), the network gives ${expected[k].y[i]}`);
      });
    }
    assert.notDeepEqual(curves.a.points, curves.b.points, 'two learning rates, two curves');
  });
});

test('compare: when run A diverges, run B still takes the step; a trace run A refuses moves neither', T, async () => {
  const hash = '#learningRate=100&dataset=circles&activation=relu&outputActivation=linear&compare=1&b.learningRate=0.03';
  await withPage(b, hash, async (page) => {
    await stepEpochs(page, 2);
    assert.match((await readState(page)).message, /diverged/);
    const n = await runNumbers(page);
    assert.equal(n.a.epoch, 2);
    assert.deepEqual(n.b, await engineNumbers(page, '#dataset=circles&activation=relu&outputActivation=linear', 2));
    await page.click('#step-trace-example');
    await frames(page);
    assert.deepEqual(await runNumbers(page), n);
  });
});

test('compare: a loaded model and an edited weight are run B\'s too, so both runs still learn from the same weights', T, async () => {
  await withPage(b, '#dataset=circles&points=80&seed=3', async (page) => {
    await stepEpochs(page, 8);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
    const model = fs.readFileSync(await download.path());
    await page.evaluate(() => { location.hash = '#dataset=circles&points=80&seed=3&compare=1&b.learningRate=0.1'; });
    await page.waitForSelector('#compare-panel:not([hidden])');
    await frames(page);
    const load = async () => {
      await page.setInputFiles('#model-load', { name: 'm.json', mimeType: 'application/json', buffer: model });
      await page.waitForFunction(() => document.getElementById('message-text').textContent.startsWith('Loaded'));
      await frames(page);
      return runNumbers(page);
    };
    let n = await load();
    assert.equal(n.a.epoch, 0);
    assert.equal(n.b['test-loss'], n.a['test-loss'], 'run B starts from the loaded weights, not its seed\'s');
    assert.equal(n.b['train-loss'], n.a['train-loss']);
    assert.equal((await readState(page)).messageKind, 'info');
    // A weight edited in the diagram: the same edit in run B.
    await page.focus('#network path[data-param="0:0:0"]');
    await page.keyboard.press('Enter');
    await page.locator('#network input.param-editor').waitFor();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await frames(page);
    n = await runNumbers(page);
    assert.equal(n.b['test-loss'], n.a['test-loss'], 'the edit is run B\'s too');
    // Run B with other hidden layers cannot take the weights: it keeps its draw, and the message says so.
    await page.evaluate(() => { location.hash = '#dataset=circles&points=80&seed=3&compare=1&b.hidden=3'; });
    await page.waitForFunction(() => document.getElementById('compare-key').textContent.includes('3'));
    n = await load();
    assert.notEqual(n.b['test-loss'], n.a['test-loss']);
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /Run B has a network of another shape: it starts from its own initial weights\.$/);
  });
});

test('compare: fits 1280 × 800, 1024 × 768 and 390 × 844 without sideways scrolling', T, async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
    await withPage(b, '#dataset=spiral&compare=1&b.activation=relu&b.hidden=8,8', async (page) => {
      await stepEpochs(page, 20);
      const s = await noSideways(page);
      assert.ok(s.scroll <= s.inner, `${viewport.width}: no sideways scrolling (${s.scroll} > ${s.inner}: ${s.wide.join(', ')})`);
      assert.deepEqual(s.wide, []);
      // Run A and run B side by side where there is room, one under the other on a phone.
      const [a, bb] = await Promise.all(['#compare-run-a', '#compare-run-b'].map((sel) => page.locator(sel).boundingBox()));
      if (viewport.width >= 1024) assert.ok(Math.abs(a.y - bb.y) < 1 && bb.x > a.x, `${viewport.width}: side by side`);
      else assert.ok(bb.y > a.y + a.height - 1, `${viewport.width}: stacked`);
      if (viewport.width === 1280) {
        await page.evaluate(() => document.getElementById('compare-panel').scrollIntoView({ block: 'start' }));
        await frames(page);
        await screenshot(page, 'compare-1280x800.png');
      }
    }, { viewport });
  }
});
