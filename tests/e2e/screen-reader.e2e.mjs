// End-to-end: what a screen reader is told while a learner trains and steps, and where the
// keyboard's focus goes. Chromium reports every rewrite of a live region's text (role status, alert or
// log, an <output>, or aria-live other than off), even with the same words, and a screen reader reads
// it out: the tests record each rewrite and assert what is said, not the markup that says it.
// Not here: the tasks' checks themselves (course-tasks.e2e.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { choose, frames, stepEpochs, useBrowser, withPage } from './browser.mjs';
import { useCoursePage, T } from './course-page.mjs';

const course = useCoursePage();
const b = useBrowser();  // pages of their own, for a first visit
const page = () => course.session().page;

/** Starts recording what the page's live regions say; returns a function that gives it so far. */
async function listen() {
  await page().evaluate(() => {
    const said = [];
    const liveRegion = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const live = e.getAttribute('aria-live');
        if (live) return live === 'off' ? null : e;
        if (['status', 'alert', 'log'].includes(e.getAttribute('role') ?? '') || e.tagName === 'OUTPUT') return e;  // <output>: a status
      }
      return null;
    };
    const observer = new MutationObserver((records) => {
      const changed = new Set();
      for (const r of records) {
        const region = liveRegion(r.target.nodeType === 1 ? /** @type {Element} */ (r.target) : r.target.parentElement);
        if (region && !region.closest('[hidden], [aria-hidden="true"]')) changed.add(region);
      }
      for (const region of changed) if (region.textContent.trim()) said.push(region.textContent.trim());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    /** @type {any} */ (window).listening?.disconnect();  // an earlier test's, on the same page
    Object.assign(window, { said, listening: observer });
  });
  return () => page().evaluate(() => /** @type {any} */ (window).said.splice(0));
}

test('a task\'s status is not read out at every epoch; the task being met is, once', T, async () => {
  await course.openTask('regularisation', 'beat-overfitting');
  await choose(page(), 'l2', 0.03);
  const heard = await listen();
  // Ten epochs a render: each changes the epoch and the test loss the status reports.
  for (let epochs = 0; epochs < 220; epochs += 10) await stepEpochs(page(), 10);
  await course.expectStatus('beat-overfitting', true);
  assert.deepEqual(await heard(), ['Task met: Generalise better with the same network.'],
    'while training, only the task being met is announced');
  // The status itself stays on the page, for a reader who goes to it.
  assert.match(await page().textContent('#task-beat-overfitting'), /Done: the task is met\./);
});

test('the loss landscape\'s refusal is followed by "draw the slice again" once, not by a new count at every epoch', T, async () => {
  await course.go('#chapter=gradient-descent');
  await page().selectOption('#landscape-directions', 'trajectory');  // one snapshot: no principal directions yet
  await page().waitForSelector('#landscape-lab:not([aria-busy])');
  const heard = await listen();
  for (let epoch = 0; epoch < 10; ++epoch) await stepEpochs(page(), 1);
  const said = await heard();
  assert.equal(said.length, 1, `said once: ${said.join(' | ')}`);
  assert.match(said[0], /at least 3 recorded snapshots .* The path has 2 snapshots of the weights now: draw the slice again\.$/);
  // The status on the page keeps the count up to date, for a reader who goes to it.
  assert.match(await page().textContent('#landscape-status'), /The path has 11 snapshots of the weights now: draw the slice again\.$/);
  // A new draw is news again.
  await page().click('#landscape-draw');
  await page().waitForSelector('#landscape-lab:not([aria-busy])');
  assert.match((await heard()).join(' | '), /^d1 and d2 explain .* of how the 11 snapshots of the weights moved/);
  await course.go('#');
});

test('comparing two runs: the chart\'s key is read out when run B changes, not at every epoch', T, async () => {
  await course.go('#');
  await page().click('#compare');
  await page().waitForSelector('#compare-panel:not([hidden])');
  const heard = await listen();
  for (let epoch = 0; epoch < 10; ++epoch) await stepEpochs(page(), 1);
  assert.deepEqual(await heard(), [], 'training both runs says nothing');
  await page().selectOption('#b-activation', 'relu');
  await page().waitForFunction(() => /relu instead of tanh/.test(document.querySelector('#compare-key').textContent));
  for (let epoch = 0; epoch < 3; ++epoch) await stepEpochs(page(), 1);
  const said = await heard();
  assert.equal(said.length, 1, said.join(' | '));
  assert.match(said[0], /^Run A .* Run B .*activation relu instead of tanh\./);
  await page().click('#compare-close');
});

test('watching one step by keyboard: Next to the last phase and Previous to the first keep the focus on the button', T, async () => {
  await course.go('#');
  await page().click('#step-trace-example');
  await page().click('#step-play');  // pause: the phases are the learner's to walk
  const phases = await page().$$eval('#step-timeline button', (b) => b.length);
  const focused = () => page().evaluate(() => document.activeElement?.id ?? '');
  const phase = () => page().textContent('#step-phase');
  await page().focus('#step-next');
  for (let i = 0; i < phases + 1; ++i) await page().keyboard.press('Enter');
  assert.equal(await focused(), 'step-next', 'the focus stays on Next at the last phase');
  assert.match(await phase(), new RegExp(`^${phases} / ${phases} · Update`));
  const next = page().getByRole('button', { name: 'Next phase' });
  assert.equal(await next.isDisabled() || await next.getAttribute('aria-disabled') === 'true', true, 'it says there is no next phase');
  await page().keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'step-play', 'Shift+Tab goes on from there');
  await page().keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'step-prev');
  for (let i = 0; i < phases + 1; ++i) await page().keyboard.press('Enter');
  assert.equal(await focused(), 'step-prev', 'the focus stays on Previous at the first phase');
  assert.match(await phase(), new RegExp(`^1 / ${phases} · `));
  assert.equal(await page().getAttribute('#step-prev', 'aria-disabled'), 'true');
  await page().keyboard.press('Tab');
  assert.equal(await focused(), 'step-play');
});

test('the computational-graph lab\'s Play walks the steps without reading each one out; a step taken by hand is read out', T, async () => {
  await course.go('#chapter=backprop');
  await page().waitForSelector('#expr-step[data-step="all"]');
  const heard = await listen();
  await page().click('#expr-play');
  await page().waitForFunction(() => Number(document.querySelector('#expr-step').dataset.step) >= 3, null, { timeout: 30000 });
  await page().click('#expr-play');  // pause
  assert.deepEqual(await heard(), [], 'nothing read out while it plays');
  await page().click('#expr-next');
  const said = await heard();
  assert.equal(said.length, 1, said.join(' | '));
  assert.match(said[0], /^Step \d+ of \d+\. /);
  await course.go('#');
});

test('first visit: a tip closed from the keyboard hands the focus on to the next tip, then to what the last one points at', T, async () => {
  await withPage(b, '', async (page) => {
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('.tip')?.dataset.tip || el?.id || el?.getAttribute('aria-label') || el?.tagName;
    });
    await page.focus('.tip[data-tip="play"] button');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'neuron', 'on to the next tip, not the top of the page');
    await page.keyboard.press('Escape');
    assert.equal(await focused(), 'links');
    await page.keyboard.press('Enter');
    assert.match(await focused(), /^weight h2\.2 → output/, 'the last tip\'s weight, which it says to click');
    assert.equal(await page.locator('.tip').count(), 0);
  }, { firstVisit: true });
});

test('a weight in focus while training plays: its spoken name is not rewritten at every frame, and says the value once paused', T, async () => {
  await course.go('#');
  const weight = '#network [data-param="1:0:0"]';
  await page().focus('#play');
  await page().keyboard.press(' ');  // play
  await page().focus(weight);
  await page().waitForFunction((sel) => /gradient/.test(document.querySelector(sel).getAttribute('aria-label')), weight);
  await page().evaluate((sel) => {
    const el = document.querySelector(sel);
    const names = [];
    new MutationObserver(() => names.push(el.getAttribute('aria-label'))).observe(el, { attributes: true, attributeFilter: ['aria-label'] });
    Object.assign(window, { names });
  }, weight);
  // Thirty epochs on (the counter may have a thousands separator).
  const epoch = Number((await page().textContent('#epoch')).replace(/\D/g, ''));
  await page().waitForFunction((from) => Number(document.querySelector('#epoch').textContent.replace(/\D/g, '')) >= from + 30, epoch);
  const whilePlaying = await page().evaluate(() => /** @type {any} */ (window).names.splice(0));
  assert.ok(whilePlaying.length <= 1, `renamed ${whilePlaying.length} times while it played: ${whilePlaying.slice(0, 3).join(' | ')}`);
  await page().keyboard.press('s');  // pauses (and steps once)
  await frames(page(), 3);
  // Paused, the name says the value the tooltip shows.
  const name = await page().getAttribute(weight, 'aria-label');
  assert.match(name, /^weight h1\.1 → h2\.1, value .*, gradient dJ\/dw /);
  assert.equal(name, (await page().innerText('#network .tooltip')).replace(/\n/g, ', '));
  await page().click('#reset');
});

test('a unit in focus while training plays: the plot\'s caption says which unit it shows once, not its numbers at every frame', T, async () => {
  await course.go('#');
  await page().click('#reset');
  await page().focus('#play');
  await page().keyboard.press(' ');  // play
  const heard = await listen();
  await page().focus('#network [aria-label="hidden layer 1 neuron 1"]');
  const epoch = Number((await page().textContent('#epoch')).replace(/\D/g, ''));
  await page().waitForFunction((from) => Number(document.querySelector('#epoch').textContent.replace(/\D/g, '')) >= from + 30, epoch);
  let said = await heard();
  assert.equal(said.length, 1, said.slice(0, 3).join(' | '));
  assert.match(said[0], /^h1\.1 \(tanh\), bias .*: from .* to .* over the input plane\.$/);
  await page().keyboard.press('Tab');  // the next unit: said too
  await frames(page(), 3);
  said = await heard();
  assert.equal(said.length, 1, said.slice(0, 3).join(' | '));
  assert.match(said[0], /^h1\.2 \(tanh\)/);
  await page().keyboard.press('s');  // paused, a step's new numbers are read out
  await frames(page(), 3);
  assert.match((await heard()).join(' | '), /^h1\.2 \(tanh\), bias /);
  await page().click('#reset');
});
