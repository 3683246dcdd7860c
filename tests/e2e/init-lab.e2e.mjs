// End-to-end: chapter 8's lab, driven as a learner would (select, type, Enter). Sigmoid units
// saturate under N(0, 1) and their gradient histograms narrow toward the input, under Xavier δ
// shrinks about fourfold a layer, and tanh's stay comparable across layers under Xavier (asserted
// from the numbers the page prints, which are checked against a fresh engine's); ReLU needs He;
// zero initialisation leaves identical units; the tasks follow; a reloaded link restores the lab;
// and the playground takes the new init settings from a link, with the δ histogram beside the
// activations under the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, choose, readState, commitToLab, followToLab, RESULTS } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 120000 };
const LAB = '#chapter=initialisation&widget=init-lab';

// The std of each hidden layer, layer 1 (next to the inputs) first, as the page prints it and as
// the row carries it.
async function panelStd(page, when, kind) {
  const rows = await page.$$eval(`.init-when[data-when="${when}"] .init-panel[data-panel="${kind}"] tbody tr`, (trs) =>
    trs.map((r) => ({ layer: Number(r.dataset.layer), std: Number(r.dataset.std), shown: r.querySelector('[data-value="std"]').textContent,
      histogram: r.dataset.histogram.split(',').map(Number) })));
  return rows.sort((a, b) => a.layer - b.layer);
}
const taskStatus = (page, id) => page.$eval(`#task-${id} .task-status`, (p) => ({ met: p.dataset.met === 'true', text: p.textContent }));

// Sets a lab field as a learner would: a select is chosen, a number typed and committed with Enter;
// waits for the lab's new numbers.
async function set(page, id, value) {
  const tag = await page.$eval(`#${id}`, (el) => el.tagName);
  if (tag === 'SELECT') await page.selectOption(`#${id}`, value);
  else {
    await page.fill(`#${id}`, String(value));
    await page.press(`#${id}`, 'Enter');
  }
  await page.waitForSelector('#init-lab:not([aria-busy])');  // it trains in slices
}

// The lab's numbers for `settings` from a fresh engine in the page (its own module instance).
const fresh = (page, settings) => page.evaluate(async (s) => {
  const { Engine } = await import('./engine.js');
  const { labNumbers, DEFAULT_SETTINGS } = await import('./chapters/initialisation/init-lab.js');
  const engine = new Engine(await window.createBackpropCore());
  try {
    const n = labNumbers(engine, { ...DEFAULT_SETTINGS, ...s });
    return { before: n.before.map((x) => ({ activationStd: x.activationStd, deltaStd: x.deltaStd, deltaHistogram: Array.from(x.deltaHistogram) })),
      after: n.after.map((x) => ({ deltaStd: x.deltaStd, distinctUnits: x.distinctUnits })) };
  } finally {
    engine.dispose();
  }
}, settings);

test('the lab: N(0, 1) sigmoid gradients narrow toward the input, Xavier tanh ones stay even, ReLU wants He', T, async () => {
  await withPage(b, LAB, async (page) => {
    await page.waitForSelector('#init-lab:not([aria-busy])');  // its first numbers too come in slices
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await page.inputValue('#init-act'), 'tanh');
    assert.equal(await page.inputValue('#init-scheme'), 'uniform');
    assert.ok(await page.isDisabled('#init-scale'), 'σ or a applies only to the scale schemes');
    assert.equal((await panelStd(page, 'before', 'delta')).length, 5, 'five hidden layers');
    for (const id of ['vanishing-normal', 'match-tanh', 'match-relu']) assert.equal((await taskStatus(page, id)).met, false, id);
    // Glorot and Bengio's standard init with tanh: the activations shrink layer by layer.
    const standard = await panelStd(page, 'before', 'activation');
    for (let l = 1; l < 5; ++l) assert.ok(standard[l].std < standard[l - 1].std, `standard U: activation std ${standard.map((r) => r.std)}`);
    assert.match((await taskStatus(page, 'match-tanh')).text, /the last hidden layer's activations have std/);

    // N(0, 1) with sigmoid units.
    await set(page, 'init-act', 'sigmoid');
    await set(page, 'init-scheme', 'normal_scale');
    assert.ok(await page.isEnabled('#init-scale'));
    await set(page, 'init-scale', 1);
    const sigmoid = await panelStd(page, 'before', 'delta');
    const expected = await fresh(page, { activation: 'sigmoid', scheme: 'normal_scale', scale: 1 });
    sigmoid.forEach((r, l) => {
      assert.equal(r.std, expected.before[l].deltaStd, `the page's δ std of layer ${l + 1} is the core's`);
      assert.deepEqual(r.histogram, expected.before[l].deltaHistogram, `δ histogram of layer ${l + 1}`);
    });
    for (let l = 1; l < 5; ++l) assert.ok(sigmoid[l - 1].std < sigmoid[l].std, `narrower toward the input: ${sigmoid.map((r) => r.std)}`);
    assert.ok(sigmoid[0].std < 0.5 * sigmoid[4].std, `first ${sigmoid[0].std} vs last ${sigmoid[4].std}`);
    // On the shared axis, the first layer's mass sits in the middle bins more than the last's.
    const middle = (h) => h[11] + h[12] + h[13];
    assert.ok(middle(sigmoid[0].histogram) > middle(sigmoid[4].histogram), 'the first layer\'s histogram is narrower');
    assert.equal((await taskStatus(page, 'vanishing-normal')).met, true);
    assert.match(await page.textContent('#init-summary'), /^δ's std at hidden layer 1 is 0\.\d+ times the last hidden layer's/);
    await page.locator('#init-lab').screenshot({ path: `${RESULTS}/init-lab-sigmoid-normal.png` });
    // The trouble is saturation: every hidden layer's activations pile up in the end bars, at 0 and 1.
    const ends = (r) => r.histogram[0] + r.histogram.at(-1);
    for (const r of await panelStd(page, 'before', 'activation')) assert.ok(ends(r) >= 0.2, `layer ${r.layer}: ${ends(r)} at 0 or 1`);
    assert.match(await page.textContent('#task-vanishing-normal'), /the units saturate: at least 20% of every hidden layer's activations sit in the histogram's end bars/);
    assert.match(await page.textContent('body'), /\(for units whose slope is 1 around 0, as tanh's is\)/);
    assert.doesNotMatch(await page.textContent('body'), /for tanh and sigmoid/);
    // The task's follow-up, Xavier: no saturation, but δ shrinks about fourfold at every layer (slope 1/4).
    await set(page, 'init-scheme', 'xavier_uniform');
    for (const r of await panelStd(page, 'before', 'activation')) assert.ok(ends(r) < 0.05, `Xavier, layer ${r.layer}: ${ends(r)} at 0 or 1`);
    const sigmoidXavier = (await panelStd(page, 'before', 'delta')).map((r) => r.std);
    for (let l = 1; l < 5; ++l) {
      const shrink = sigmoidXavier[l - 1] / sigmoidXavier[l];
      assert.ok(shrink > 1 / 6 && shrink < 1 / 3, `Xavier, sigmoid: δ std ${sigmoidXavier}`);
    }
    assert.match(await page.textContent('#init-verdict'), /so under Xavier each layer divides δ by about 4 on its way back/);

    // Xavier with tanh: comparable across layers.
    await set(page, 'init-act', 'tanh');
    await set(page, 'init-scheme', 'xavier_uniform');
    const tanh = await panelStd(page, 'before', 'delta');
    const stds = tanh.map((r) => r.std);
    assert.ok(Math.max(...stds) / Math.min(...stds) <= 2, `Xavier + tanh: δ std ${stds}`);
    const tanhExpected = await fresh(page, { activation: 'tanh', scheme: 'xavier_uniform' });
    tanh.forEach((r, l) => assert.equal(r.std, tanhExpected.before[l].deltaStd));
    assert.equal((await taskStatus(page, 'match-tanh')).met, true);
    assert.match(await page.textContent('#init-verdict'), /^With tanh units, Xavier uniform and He uniform keep both the activations' and δ's std within a factor of 3 across the 5 hidden layers\./);
    const after = await panelStd(page, 'after', 'delta');
    after.forEach((r, l) => assert.equal(r.std, tanhExpected.after[l].deltaStd, `after training, layer ${l + 1}`));
    assert.match(await page.textContent('#init-after-title'), /^After 100 epochs$/);

    // ReLU: Xavier halves the signal each layer; He keeps it.
    await set(page, 'init-act', 'relu');
    assert.equal((await taskStatus(page, 'match-relu')).met, false);
    assert.match(await page.textContent('#init-verdict'), /^With ReLU units, He uniform keeps both the activations' and δ's std within a factor of 3/);
    assert.deepEqual(await page.$$eval('.init-compare tbody tr', (trs) => trs.map((r) => r.dataset.even)), ['false', 'false', 'true', 'false']);
    await set(page, 'init-scheme', 'he_normal');
    assert.equal((await taskStatus(page, 'match-relu')).met, true);
    const compared = await page.$$eval('.init-compare tbody tr', (trs) => trs.map((r) => r.dataset.scheme));
    assert.deepEqual(compared, ['standard', 'xavier', 'he', 'normal1']);

    // Zero initialisation: every unit of a layer the same, before and after training.
    await set(page, 'init-act', 'sigmoid');
    await set(page, 'init-scheme', 'zeros');
    assert.match(await page.textContent('#init-symmetry'), /per hidden layer after training: 1, 1, 1, 1, 1 of 32\. Every unit of a layer started equal/);
    const units = await page.$$eval('.init-units tbody tr', (trs) => trs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join('|')));
    assert.equal(units.length, 4);
    assert.equal(new Set(units).size, 1, `identical rows: ${units}`);
    // No gradient reaches the hidden layers at first: said once, and no ratio or spread of NaN shown.
    assert.match(await page.textContent('#init-summary'), /^Every hidden layer's δ is 0 at initialisation: no gradient reaches the hidden layers, so there is no ratio to show\. After 100 epochs, δ's std at hidden layer 1 is \S+ times the last hidden layer's \(test accuracy then [\d.]+%\)\.$/);
    assert.doesNotMatch(await page.textContent('#init-lab'), /NaN/);
    await set(page, 'init-act', 'tanh');  // tanh(0) = 0: the output weights never move, nor does δ
    assert.match(await page.textContent('#init-summary'), /^Every hidden layer's δ is 0, at initialisation and still after 100 epochs: no gradient reaches the hidden layers, so there is no ratio to show \(test accuracy then [\d.]+%\)\.$/);
    assert.match((await taskStatus(page, 'match-tanh')).text, /every hidden layer's δ is 0: no gradient reaches them, so there is no spread to measure/);
    assert.doesNotMatch(await page.textContent('#init-lab'), /NaN/);
    await set(page, 'init-act', 'relu');
    assert.match((await taskStatus(page, 'match-relu')).text, /the activations' std is 0 in every layer, so there is no spread to measure/);
    assert.doesNotMatch(await page.textContent('#init-lab'), /NaN/);
    await set(page, 'init-scheme', 'xavier_uniform');
    assert.match(await page.textContent('#init-symmetry'), /32, 32, 32, 32, 32 of 32\. Random initial weights/);

    // A value out of range is said, and the lab keeps its last numbers.
    await set(page, 'init-layers', 12);
    assert.match(await page.textContent('#init-error'), /hidden layers must be a whole number from 2 to 8/);
    assert.equal((await panelStd(page, 'before', 'delta')).length, 5);
    assert.equal(await page.getAttribute('#init-layers', 'aria-invalid'), 'true');
  });
});

test('a link sets up the lab, its changes go back into the link, and a reload restores it', T, async () => {
  const hash = `${LAB}&init.act=sigmoid&init.scheme=normal_scale&init.scale=0.5&init.layers=4&init.width=16&init.epochs=20`;
  await withPage(b, hash, async (page) => {
    await page.waitForSelector('#init-lab:not([aria-busy])');  // its first numbers too come in slices
    const fields = () => Promise.all(['init-act', 'init-scheme', 'init-scale', 'init-layers', 'init-width', 'init-epochs'].map((id) => page.inputValue(`#${id}`)));
    assert.deepEqual(await fields(), ['sigmoid', 'normal_scale', '0.5', '4', '16', '20']);
    const shown = await panelStd(page, 'after', 'delta');
    assert.equal(shown.length, 4);
    const expected = await fresh(page, { activation: 'sigmoid', scheme: 'normal_scale', scale: 0.5, layers: 4, width: 16, epochs: 20 });
    shown.forEach((r, l) => assert.equal(r.std, expected.after[l].deltaStd));
    assert.match(await page.textContent('#init-after-title'), /After 20 epochs/);
    await set(page, 'init-scale', 2);
    const decoded = decodeURIComponent(await page.evaluate(() => location.hash));
    assert.match(decoded, /init\.act=sigmoid&init\.scheme=normal_scale&init\.scale=2&init\.layers=4&init\.width=16&init\.epochs=20/);
    const before = await panelStd(page, 'before', 'delta');
    await page.reload();
    await page.waitForSelector('#init-lab .init-panel');
    await frames(page, 3);
    await page.waitForSelector('#init-lab:not([aria-busy])');  // its first numbers too come in slices
    assert.deepEqual(await fields(), ['sigmoid', 'normal_scale', '2', '4', '16', '20']);
    assert.deepEqual(await panelStd(page, 'before', 'delta'), before, 'the same numbers after the reload');
    // A value the lab does not have is named, and the rest of the link still applies.
    await page.evaluate(() => { location.hash = '#chapter=initialisation&widget=init-lab&init.scheme=orthogonal&init.layers=3'; });
    await frames(page, 3);
    assert.match((await readState(page)).message, /init\.scheme 'orthogonal' is not one of uniform, xavier_uniform/);
    assert.equal(await page.inputValue('#init-layers'), '3');
  });
});

test('500 epochs of 8 layers of 64 train in slices: the last numbers stay until the new ones, and a newer change wins', T, async () => {
  await withPage(b, `${LAB}&init.layers=8&init.width=64`, async (page) => {
    await page.waitForSelector('#init-lab:not([aria-busy])');  // its first numbers too come in slices
    // Half a second of training in one go before; then, while it trains, ReLU units: the first
    // computation is abandoned, the second shows, once.
    const seen = await commitToLab(page, { lab: '#init-lab', results: '#init-compare', changes: [['#init-epochs', '500'], ['#init-act', 'relu']] });
    assert.deepEqual(seen.atOnce, [{ busy: true, unchanged: true }, { busy: true, unchanged: true }], 'no numbers computed in the change event');
    assert.ok(seen.frames >= 2, `the page drew frames while the lab trained (${seen.frames})`);
    assert.equal(seen.redraws, 1, 'only the last settings\' numbers are drawn');
    assert.match(await page.textContent('#init-after-title'), /^After 500 epochs$/);
    const expected = await fresh(page, { layers: 8, width: 64, epochs: 500, activation: 'relu' });
    const before = await panelStd(page, 'before', 'delta'), after = await panelStd(page, 'after', 'delta');
    assert.equal(after.length, 8);
    before.forEach((r, l) => assert.equal(r.std, expected.before[l].deltaStd, `δ std of layer ${l + 1} at initialisation`));
    after.forEach((r, l) => assert.equal(r.std, expected.after[l].deltaStd, `δ std of layer ${l + 1} after training`));
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /init\.act=relu&init\.layers=8&init\.width=64&init\.epochs=500/);
  });
});

test('a link to the lab at its limits computes the first drawing in slices too, and a task link keeps its task in the window', T, async () => {
  await withPage(b, '#chapter=neuron', async (page) => {
    const limits = 'init.layers=8&init.width=64&init.epochs=500';
    // Half a second and more of training: once frozen the page as the link opened.
    const seen = await followToLab(page, { hash: `#chapter=initialisation&${limits}`, lab: '#init-lab', results: '#init-compare' });
    assert.deepEqual(seen.atOnce, { busy: true, empty: true }, 'no numbers computed as the link opens the lab');
    assert.ok(seen.frames >= 2, `the page drew frames while the lab trained (${seen.frames})`);
    const expected = await fresh(page, { layers: 8, width: 64, epochs: 500 });
    (await panelStd(page, 'after', 'delta')).forEach((r, l) => assert.equal(r.std, expected.after[l].deltaStd, `δ std of layer ${l + 1} after training`));
    assert.match(await page.textContent('#init-after-title'), /^After 500 epochs$/);
    // On a phone the task lies below the lab's numbers, which land after the link scrolled to it.
    await page.evaluate(() => { location.hash = '#chapter=neuron'; });
    await frames(page, 3);
    await page.setViewportSize({ width: 390, height: 844 });
    await followToLab(page, { hash: `#chapter=initialisation&task=match-relu&${limits}`, lab: '#init-lab', results: '#init-compare' });
    await frames(page, 2);
    const box = await page.$eval('#task-match-relu', (el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, height: innerHeight }));
    assert.ok(box.top >= 0 && box.bottom <= box.height, `the task is in the window once the numbers land: ${JSON.stringify(box)}`);
  });
});

test('the playground takes normal_scale and initScale from a link, shows the scale only when it applies, and the δ histograms', T, async () => {
  await withPage(b, '#dataset=circles&hidden=8,8&activation=sigmoid&init=normal_scale&initScale=0.25', async (page) => {
    assert.equal((await readState(page)).message, '');
    await page.click('details.more summary');
    assert.equal(await page.inputValue('select[data-key="init"]'), 'normal_scale');
    assert.equal(await page.inputValue('input[data-key="initScale"]'), '0.25');
    assert.ok(await page.isVisible('label[data-hide="initScale"]'));
    // The network the page trains is N(0, 0.25²): the core's first-layer weights from the same settings.
    const { pageStats, engineStats } = await page.evaluate(async () => {
      const { Engine } = await import('./engine.js');
      const { parseHash, engineSettings } = await import('./state.js');
      const engine = new Engine(await window.createBackpropCore());
      engine.configure(engineSettings(parseHash(location.hash).state));
      const stats = engine.layerStats().map((s) => ({ deltaStd: s.deltaStd, deltaHistogram: Array.from(s.deltaHistogram) }));
      const weights = Array.from(engine.layers()[1].W);
      engine.dispose();
      const rows = [...document.querySelectorAll('#layer-stats tbody tr')].map((r) => ({
        deltaStd: Number(r.dataset.deltaStd), deltaHistogram: r.dataset.deltaHistogram.split(',').map(Number),
        bars: r.querySelectorAll('.delta .histogram rect').length }));
      return { pageStats: rows, engineStats: { stats, weights } };
    });
    assert.equal(pageStats.length, 3);
    pageStats.forEach((r, l) => {
      assert.equal(r.deltaStd, engineStats.stats[l].deltaStd, `δ std of layer ${l}`);
      assert.deepEqual(r.deltaHistogram, engineStats.stats[l].deltaHistogram);
      assert.equal(r.bars, 25, 'a bar per bin');
    });
    const rms = Math.sqrt(engineStats.weights.reduce((a, w) => a + w * w, 0) / engineStats.weights.length);
    assert.ok(rms > 0.1 && rms < 0.4, `weights of scale 0.25: rms ${rms}`);
    // Another scheme: the scale no longer applies and its field goes; back again, it is as it was.
    await choose(page, 'init', 'xavier_uniform');
    assert.ok(await page.isHidden('label[data-hide="initScale"]'));
    await choose(page, 'init', 'uniform_scale');
    assert.ok(await page.isVisible('label[data-hide="initScale"]'));
    assert.equal(await page.inputValue('input[data-key="initScale"]'), '0.25');
    // A link with a scale out of range says so by name and keeps the rest.
    await page.evaluate(() => { location.hash = '#dataset=circles&init=normal_scale&initScale=20'; });
    await frames(page, 3);
    assert.match((await readState(page)).message, /initScale/);
    assert.equal(await page.inputValue('select[data-key="init"]'), 'normal_scale');
  });
});

test('a screenshot of the lab at 1280×800', T, async () => {
  await withPage(b, `${LAB}&init.act=sigmoid&init.scheme=normal_scale`, async (page) => {
    await page.waitForSelector('#init-lab:not([aria-busy])');  // its first numbers too come in slices
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#init-lab').scrollIntoViewIfNeeded();
    await frames(page, 3);
    await page.screenshot({ path: `${RESULTS}/init-lab-1280x800.png` });
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `no sideways scrolling: ${scroll} in ${inner}`);
  });
});
