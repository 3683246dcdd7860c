// End-to-end: chapter 7's lab, driven as a learner would (type a rate, Enter). The five runs' numbers
// the page prints are a fresh engine's; a changed L2 rate changes the L2 run alone, as the core
// says; L1 puts weights at zero; a patience of 3 keeps epoch 3 and the chart marks it; the tasks
// follow; a bad value is said and the numbers stay; a reloaded link restores the lab; at phone
// width nothing scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, readState, commitToLab, RESULTS, followToLab } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 120000 };
const LAB = '#chapter=regularisation&widget=reg-lab';

// Each run's row as the page prints it: the numbers it was drawn from (data-raw) and the text shown.
const rows = (page) => page.$$eval('#reg-lab .reg-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.variant,
  Object.fromEntries([...tr.querySelectorAll('td[data-value]')].filter((td) => td.dataset.raw !== undefined)
    .map((td) => [td.dataset.value, { raw: Number(td.dataset.raw), shown: td.textContent }]))])));
const taskStatus = (page, id) => page.$eval(`#task-${id} .task-status`, (p) => ({ met: p.dataset.met === 'true', text: p.textContent }));

// Its numbers are ready once the lab is no longer busy training (it trains in slices).
async function set(page, id, value) {
  await page.fill(`#${id}`, String(value));
  await page.press(`#${id}`, 'Enter');
  await page.waitForSelector('#reg-lab:not([aria-busy])');
}

// The lab's numbers for `settings` from a fresh engine in the page (its own module instance), per run.
const fresh = (page, settings) => page.evaluate(async (s) => {
  const { Engine } = await import('./engine.js');
  const { labNumbers, DEFAULT_SETTINGS } = await import('./chapters/regularisation/reg-lab.js');
  const engine = new Engine(await window.createBackpropCore());
  try {
    const n = labNumbers(engine, { ...DEFAULT_SETTINGS, ...s });
    return { early: n.early, runs: Object.fromEntries(n.runs.map((r) => [r.id, { train: r.metrics.train.loss, validation: r.metrics.validation.loss,
      test: r.metrics.test.loss, accuracy: r.metrics.test.accuracy, 'sum-abs': r.stats.sumAbs, 'half-sum-sq': r.stats.halfSumSq, 'near-zero': r.stats.nearZero }])) };
  } finally {
    engine.dispose();
  }
}, settings);

const assertShown = (shown, expected) => {
  for (const [id, values] of Object.entries(expected.runs)) {
    for (const [key, v] of Object.entries(values)) assert.equal(shown[id][key].raw, v, `${id} ${key}`);
  }
};

test('the lab: each run\'s numbers are the core\'s, a control changes its own run, the tasks follow', T, async () => {
  await withPage(b, LAB, async (page) => {
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    await page.setViewportSize({ width: 1280, height: 800 });
    const start = await rows(page);
    assert.deepEqual(Object.keys(start), ['none', 'l2', 'l1', 'dropout', 'early']);
    assertShown(start, await fresh(page, {}));
    assert.equal(start.none['near-zero'].shown, '4 of 192');
    for (const id of ['sparse-l1', 'l2-beats-overfitting', 'patience']) assert.equal((await taskStatus(page, id)).met, false, id);
    assert.match(await page.textContent('#reg-summary'), /^Early stopping stopped after epoch 23, 20 epochs after the lowest validation loss so far, and kept the weights of epoch 3 \(validation loss 0\.446, test loss 0\.547\)\.$/);
    assert.equal(await page.getAttribute('#reg-chart .reg-kept-dot', 'data-epoch'), '3');
    assert.equal(await page.locator('#reg-chart polyline.reg-line').count(), 5);
    // The conventions: the page's p is the probability of dropping a unit, the paper's of keeping one.
    const conventions = (await page.locator('#reg-lab p.hint').last().textContent()).replace(/\s+/g, ' ');
    assert.match(conventions, /Srivastava et al\. \(2014\), whose figure the lecture shows, write p for the probability of keeping a unit \(the page's 1 − p\) and scale at test time instead/);

    // L2 at 0.2: the L2 run's numbers change to the core's, the other runs' stay as they were.
    await set(page, 'reg-l2', 0.2);
    const l2 = await rows(page);
    const expected = await fresh(page, { l2: 0.2 });
    assertShown(l2, expected);
    assert.notEqual(l2.l2.test.raw, start.l2.test.raw);
    assert.ok(l2.l2.test.raw < 0.3 && l2.l2.test.shown === '0.239', `L2 0.2: test loss ${l2.l2.test.shown}`);
    for (const id of ['none', 'l1', 'dropout', 'early']) assert.deepEqual(l2[id], start[id], `${id} unchanged`);
    assert.match(await page.textContent('#reg-lab .reg-table [data-variant="l2"] th'), /^L2, λ = 0\.2$/);
    assert.equal((await taskStatus(page, 'l2-beats-overfitting')).met, true);
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /reg\.l2=0\.2(&|$)/);

    // L1 at 0.03: most weights at zero, and the task that asks for it met.
    await set(page, 'reg-l1', 0.03);
    const l1 = await rows(page);
    assert.equal(l1.l1['near-zero'].raw, (await fresh(page, { l2: 0.2, l1: 0.03 })).runs.l1['near-zero']);
    assert.ok(l1.l1['near-zero'].raw > 0.9 * 192 && l1.l1['near-zero'].raw > 10 * l1.none['near-zero'].raw, l1.l1['near-zero'].shown);
    assert.equal((await taskStatus(page, 'sparse-l1')).met, true);

    // Patience 3: early stopping keeps epoch 3 (at 2 and 1 it keeps the untrained weights).
    await set(page, 'reg-patience', 1);
    assert.match(await page.textContent('#reg-summary'), /^Early stopping stopped after epoch 1, 1 epoch after the lowest validation loss so far, and kept the weights of epoch 0 /);
    await set(page, 'reg-patience', 2);
    assert.match((await taskStatus(page, 'patience')).text, /with a patience of 2 epochs it keeps epoch 0, the untrained weights/);
    assert.equal(await page.getAttribute('#reg-chart .reg-kept-dot', 'data-epoch'), '0');
    await set(page, 'reg-patience', 3);
    assert.match(await page.textContent('#reg-summary'), /^Early stopping stopped after epoch 6, 3 epochs after the lowest validation loss so far, and kept the weights of epoch 3/);
    assert.equal(await page.getAttribute('#reg-chart .reg-kept-dot', 'data-epoch'), '3');
    assert.equal((await taskStatus(page, 'patience')).met, true);
    await page.locator('#reg-lab').screenshot({ path: `${RESULTS}/reg-lab.png` });

    // A value out of range is said, and the lab keeps its last numbers.
    const kept = await rows(page);
    await set(page, 'reg-dropout', 2);
    assert.match(await page.textContent('#reg-error'), /dropout p must be a number from 0 to 0\.9/);
    assert.equal(await page.getAttribute('#reg-dropout', 'aria-invalid'), 'true');
    assert.deepEqual(await rows(page), kept);
  });
});

test('a change to 1,000 epochs trains in slices: the last numbers stay until the new ones, and a newer change wins', T, async () => {
  await withPage(b, LAB, async (page) => {
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    const start = await rows(page);
    // Five runs of 1,000 epochs (a tenth of a second and more in one go), then, while they train,
    // a new L2 rate: the first computation is abandoned, the second shows, once.
    const seen = await commitToLab(page, { lab: '#reg-lab', results: '#reg-runs', changes: [['#reg-epochs', '1000'], ['#reg-l2', '0.2']] });
    assert.deepEqual(seen.atOnce, [{ busy: true, unchanged: true }, { busy: true, unchanged: true }], 'no numbers computed in the change event');
    assert.ok(seen.frames >= 2, `the page drew frames while the lab trained (${seen.frames})`);
    assert.equal(seen.redraws, 1, 'only the last settings\' numbers are drawn');
    assert.equal(await page.isVisible('#reg-lab .lab-progress'), false, 'the progress bar goes with the computation');
    const shown = await rows(page);
    assertShown(shown, await fresh(page, { epochs: 1000, l2: 0.2 }));
    assert.notDeepEqual(shown.none, start.none);
    assert.match(await page.getAttribute('#reg-chart svg', 'aria-label'), /from epoch 0 to 1000$/);
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /reg\.l2=0\.2&reg\.epochs=1000/);
  });
});

test('a link to the lab at 1,000 epochs computes the first drawing in slices too; another language keeps its height until the numbers land', T, async () => {
  await withPage(b, '#chapter=neuron', async (page) => {
    // Five runs of 1,000 epochs: once a fifth of a second and more frozen as the link opened.
    const seen = await followToLab(page, { hash: `${LAB}&reg.epochs=1000`, lab: '#reg-lab', results: '#reg-runs' });
    assert.deepEqual(seen.atOnce, { busy: true, empty: true }, 'no numbers computed as the link opens the lab');
    assert.ok(seen.frames >= 2, `the page drew frames while the lab trained (${seen.frames})`);
    assertShown(await rows(page), await fresh(page, { epochs: 1000 }));
    // Another language mounts the chapter again, the lab empty until its numbers land: it keeps its
    // height meanwhile, so what is below it stays where the reader had it.
    const remounted = await page.evaluate(async () => {
      const old = document.querySelector('#reg-lab'), height = old.getBoundingClientRect().height;
      const mounted = new Promise((resolve) => {
        const watching = new MutationObserver(() => {
          const lab = document.querySelector('#reg-lab');
          if (!lab || lab === old) return;
          watching.disconnect();
          resolve({ busy: lab.getAttribute('aria-busy') === 'true', empty: lab.querySelector('#reg-runs').childElementCount === 0,
            kept: lab.getBoundingClientRect().height >= height });
        });
        watching.observe(document.querySelector('#chapter'), { childList: true });
      });
      const language = /** @type {HTMLSelectElement} */ (document.querySelector('#language'));
      language.value = 'fr';
      language.dispatchEvent(new Event('change', { bubbles: true }));
      return mounted;
    });
    assert.deepEqual(remounted, { busy: true, empty: true, kept: true });
    await page.waitForSelector('#reg-lab:not([aria-busy])');
    assert.equal(await page.$eval('#reg-lab', (lab) => lab.style.minHeight), '', 'its own height again once the numbers land');
    assertShown(await rows(page), await fresh(page, { epochs: 1000 }));
    await page.selectOption('#language', 'en');
  });
});

test('a link sets up the lab and a reload restores it; at phone width nothing scrolls sideways', T, async () => {
  await withPage(b, `${LAB}&reg.l1=0.01&reg.dropout=0.1&reg.epochs=100`, async (page) => {
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    const fields = () => Promise.all(['reg-l2', 'reg-l1', 'reg-dropout', 'reg-patience', 'reg-epochs'].map((id) => page.inputValue(`#${id}`)));
    assert.deepEqual(await fields(), ['0.03', '0.01', '0.1', '20', '100']);
    assertShown(await rows(page), await fresh(page, { l1: 0.01, dropout: 0.1, epochs: 100 }));
    await set(page, 'reg-epochs', 50);
    const before = await rows(page);
    await page.reload();
    await page.waitForSelector('#reg-lab .reg-table');
    await frames(page, 3);
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    assert.deepEqual(await fields(), ['0.03', '0.01', '0.1', '20', '50']);
    assert.deepEqual(await rows(page), before, 'the same numbers after the reload');
    await page.setViewportSize({ width: 390, height: 844 });
    await frames(page, 3);
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(scroll <= inner, `no sideways scrolling: ${scroll} in ${inner}`);
    const chart = await page.$eval('#reg-chart svg', (svg) => ({ viewBox: svg.viewBox.baseVal.width, shown: svg.getBoundingClientRect().width }));
    assert.ok(Math.abs(chart.viewBox - chart.shown) <= 1, `the chart drawn to its width on a phone: ${JSON.stringify(chart)}`);
  });
});

test('an embed of the lab alone, 840 px wide, shows every column of the table, the histograms too, without scrolling it', T, async () => {
  await withPage(b, `${LAB}&embed=lab`, async (page) => {
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    await page.setViewportSize({ width: 840, height: 900 });
    await frames(page, 3);
    const table = await page.$eval('#reg-runs', (wrap) => ({ needs: wrap.scrollWidth, shown: wrap.clientWidth }));
    assert.ok(table.needs <= table.shown, `the table fits its box: ${JSON.stringify(table)}`);
  });
});

test('a link\'s fractional epochs are named in the link\'s message, and the lab draws its runs at the default', T, async () => {
  // The epochs box steps by 50, not 1: the link once set it to 2.5 unsaid, and the lab drew no run at all.
  await withPage(b, `${LAB}&reg.epochs=2.5&reg.l2=0.1`, async (page) => {
    await page.waitForSelector('#reg-lab:not([aria-busy])');  // its first numbers too come in slices
    assert.match((await readState(page)).message, /reg\.epochs '2\.5' is not a whole number/);
    assert.equal(await page.inputValue('#reg-epochs'), '300');
    assert.equal(await page.inputValue('#reg-l2'), '0.1', 'the rest of the link still applies');
    assert.equal(await page.textContent('#reg-error'), '');
    assertShown(await rows(page), await fresh(page, { l2: 0.1 }));
  });
});
