// End-to-end: the page's languages. A `lang=fr` link opens the page in French (texts, menus, one
// English word with two French ones, numbers with a decimal comma, the link keeping the key); the
// Language menu switches live and back without losing the training; the pseudo-locale (long,
// accented, right to left) leaves no text cut off or outside the window at a desktop's and a
// phone's size, and figures keep their axes left to right.
// Not here: the catalogue's coverage (tests/web/i18n.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, readState, hashParams, screenshot } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 90000 };

const labelText = (page, key) => page.evaluate((k) => {
  const label = document.querySelector(`[data-key="${k}"]`).closest('label');
  return [...label.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue.trim()).join(' ').trim();
}, key);
const optionText = (page, key, value) => page.$eval(`select[data-key="${key}"] option[value="${value}"]`, (o) => o.textContent);

test('a lang=fr link opens the page in French, numbers with a decimal comma', T, async () => {
  await withPage(b, '#lang=fr', async (page) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await labelText(page, 'learningRate'), 'Taux d’apprentissage');
    assert.equal(await labelText(page, 'stepMode'), 'Pas');                  // the step mode…
    assert.equal(await optionText(page, 'activation', 'step'), 'Échelon');   // …and the step activation
    assert.equal(await optionText(page, 'learningRate', '0.03'), '0,03');
    assert.equal(await page.textContent('#output-panel h2'), 'Sortie');
    assert.equal(await page.textContent('.course-menu-label'), 'Chapitres');
    assert.equal(await page.getAttribute('#play', 'aria-label'), 'Lecture');
    assert.equal(await page.textContent('#network .layer-controls span'), '2 couches cachées');
    assert.deepEqual(await page.$$eval('#network .neuron-controls span', (s) => s.map((e) => e.textContent)), ['4 neurones', '2 neurones']);
    assert.match(await page.textContent('#test-loss'), /^\d,\d{4}$/);
    assert.match(await page.textContent('#test-accuracy'), /^\d+,\d\u00a0%$/, 'a no-break space before the percent sign');
    await page.click('#step');
    await frames(page);
    assert.equal((await readState(page)).epoch, 1);
    assert.equal(await page.textContent('#epoch'), '000\u202f001', 'thousands apart by a narrow space');
    assert.match(await page.textContent('#chart .chart-legend'), /test.*entraînement/);
    assert.equal((await hashParams(page)).lang, 'fr', 'the link keeps the language');
  });
});

test('the Language menu switches live, and back, keeping the training', T, async () => {
  await withPage(b, '#dataset=circles', async (page) => {
    for (let i = 0; i < 3; ++i) await page.click('#step');
    await frames(page);
    const before = await readState(page);
    await page.selectOption('#language', 'fr');
    await frames(page);
    assert.equal(await labelText(page, 'learningRate'), 'Taux d’apprentissage');
    assert.equal(await page.getAttribute('#play', 'title'), 'Lecture / pause (espace)');
    assert.match(await page.textContent('#test-loss'), /^\d,\d{4}$/);
    assert.equal((await hashParams(page)).lang, 'fr');
    await page.selectOption('#language', 'en');
    await frames(page);
    assert.equal(await labelText(page, 'learningRate'), 'Learning rate');
    assert.equal(await labelText(page, 'stepMode'), 'Step');
    assert.equal(await optionText(page, 'activation', 'step'), 'Step');
    assert.equal(await optionText(page, 'learningRate', '0.03'), '0.03');
    assert.equal(await page.getAttribute('#play', 'title'), 'Play / pause (space)');
    assert.equal(await page.textContent('#network .layer-controls span'), '2 hidden layers');
    const after = await readState(page);
    assert.equal(after.epoch, 3, 'no reload: the training is kept');
    assert.equal(after.testLoss, before.testLoss);
    assert.equal((await hashParams(page)).lang, undefined, 'English is the default: not in the link');
  });
});

// Every visible element showing a pseudo-locale message: cut off by its own box or by an
// ancestor that clips, or outside the window's width.
function cutOff() {
  const problems = [];
  const clips = (el) => ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue.includes('⟦'));
    if (!own || el.closest('[hidden], .tip') || el.getClientRects().length === 0) continue;
    if (el.closest('details:not([open]) > :not(summary)')) continue;  // a closed menu's items
    if (getComputedStyle(el).visibility !== 'visible') continue;
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${el.textContent.trim().slice(0, 30)}"`;
    if (clips(el) && el.scrollWidth > el.clientWidth + 1) problems.push(`${name} is cut off inside itself`);
    const box = el.getBoundingClientRect();
    // Inside a region that scrolls sideways (a wide table on a phone), it can be scrolled to.
    const scrolls = (a) => ['auto', 'scroll'].includes(getComputedStyle(a).overflowX) && a.scrollWidth > a.clientWidth + 1;
    let inScroller = false;
    for (let a = el.parentElement; a && a !== document.body && !inScroller; a = a.parentElement) inScroller = scrolls(a);
    if (!inScroller && (box.left < -1 || box.right > document.documentElement.clientWidth + 1)) problems.push(`${name} leaves the window`);
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (!clips(a)) continue;
      const r = a.getBoundingClientRect();
      if (a.scrollWidth <= a.clientWidth + 1 && (box.left < r.left - 1 || box.right > r.right + 1)) problems.push(`${name} is cut off by ${a.tagName.toLowerCase()}.${a.className}`);
      break;
    }
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) problems.push('the page scrolls sideways');
  return problems;
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`the pseudo-locale (long, right to left) at a ${name}'s size: no text cut off, figures left to right`, T, async () => {
    await withPage(b, '#lang=pseudo', async (page) => {
      assert.deepEqual(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]), ['rtl', 'en-XA']);
      const shown = await page.evaluate(() => document.body.innerText.match(/⟦/g)?.length ?? 0);
      assert.ok(shown > 60, `${shown} pseudo-locale messages on show`);
      assert.deepEqual(await page.evaluate(cutOff), []);
      // The figures' axes: −6 on the left of the plot, as in every language.
      assert.equal(await page.$eval('#plot', (e) => getComputedStyle(e).direction), 'ltr');
      assert.equal(await page.$eval('#network', (e) => getComputedStyle(e).direction), 'ltr');
      await screenshot(page, `i18n-pseudo-${name}.png`, { fullPage: name === 'phone' });
    }, { viewport });
  });
}
