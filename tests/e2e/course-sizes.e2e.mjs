// End-to-end: the course at 1280×800, 1024×768 and 390×844. Every chapter by its URL (title,
// widgets or the playground, no sideways scrolling, no equation that scrolls up and down, a
// screenshot each) and every lesson link, which starts a fresh run with its text in view; on a
// phone either way up, what stays stuck at the top (the run bar, the lesson's title line) and a
// lab's link clear of it. One browser page: routes change through the hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readState, stepEpochs, screenshot, frames } from './browser.mjs';
import { useCoursePage, SIZES, T, assertNoOverflow } from './course-page.mjs';
import { CHAPTERS, allLessons } from '../../web/course/chapters.js';
import { lessonHash } from '../../web/course/links.js';

const course = useCoursePage();
const { go } = course;

test('every chapter has its URL, title and content at every size, without sideways scrolling', T, async () => {
  const { page } = course.session();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const [i, c] of CHAPTERS.entries()) {
      await go(`#chapter=${c.id}`);
      assert.equal(await page.getAttribute('body', 'data-chapter'), c.id);
      assert.equal((await page.textContent('#chapter-title')).trim(), `${i + 1}. ${c.title}`);
      assert.ok(await page.isVisible('#chapter .tasks'), `${c.id}: its tasks`);
      assert.equal(await page.isVisible('#play'), c.playground, `${c.id}: the playground ${c.playground ? 'under it' : 'hidden'}`);
      assert.equal(await page.isVisible('#step-panel'), c.id === 'backprop', `${c.id}: the step panel only with backpropagation`);
      assert.ok(await page.$$eval('#chapter math', (m) => m.length) > 0, `${c.id}: maths typeset in MathML`);
      await assertNoOverflow(page, `${c.id} at ${size.width}×${size.height}`);
      // A block equation never scrolls up and down: where scroll bars always show (Windows), one a
      // few pixels taller than its box had a scroll bar beside it.
      const tall = await page.$$eval('#chapter math[display="block"]', (ms) => ms.filter((m) => getComputedStyle(m).overflowY !== 'visible' && m.scrollHeight > m.clientHeight)
        .map((m) => `${m.textContent.trim().slice(0, 20)}: ${m.scrollHeight} > ${m.clientHeight} px`));
      assert.deepEqual(tall, [], `${c.id} at ${size.width}×${size.height}: equations taller than their box`);
      await screenshot(page, `course-${i + 1}-${c.id}-${size.width}x${size.height}.png`);
    }
    await go('#');
    assert.equal(await page.getAttribute('body', 'data-chapter'), 'playground');
    assert.ok(await page.isHidden('#chapter'));
    assert.ok(await page.isVisible('#step-panel'));
    await assertNoOverflow(page, `the playground at ${size.width}×${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
});

test('at 320 px, in English and in French, no chapter scrolls sideways and the chapter menu starts in the window', T, async () => {
  const { page } = course.session();
  await page.setViewportSize({ width: 320, height: 640 });
  for (const lang of ['en', 'fr']) {
    for (const c of CHAPTERS) {
      await go(`#chapter=${c.id}&lang=${lang}`);
      await assertNoOverflow(page, `${c.id} in ${lang} at 320 px`);
      const nav = await page.locator('#course-nav').boundingBox();
      assert.ok(nav.x >= 0 && nav.x + nav.width <= 320, `${c.id} in ${lang}: the chapter menu is in the window: ${JSON.stringify(nav)}`);
    }
  }
  await go('#');
  await page.setViewportSize(SIZES[0]);
});

test('every lesson starts at epoch 0 with an empty chart and keeps its text in view, at every size', T, async () => {
  const { page } = course.session();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const { chapter, lesson } of allLessons()) {
      await stepEpochs(page, 3);  // whatever ran before, the lesson starts afresh
      await go(lessonHash(chapter, lesson));
      const s = await readState(page);
      assert.equal(s.epoch, 0, `${lesson.id}: epoch 0`);
      assert.equal(s.message, '', `${lesson.id}: no message`);
      assert.equal(await page.getAttribute('#chart', 'data-records'), '1', `${lesson.id}: an empty chart`);
      assert.ok(await page.isVisible('#active-lesson'), `${lesson.id}: the lesson's text is shown`);
      await assertNoOverflow(page, `${lesson.id} at ${size.width}×${size.height}`);
    }
  }
  await page.setViewportSize(SIZES[0]);
});

const PHONES = [{ width: 390, height: 844 }, { width: 844, height: 390 }];

/** Scrolls the page to `fraction` of its height in a few steps, a frame each, as a finger would. */
async function scrollPageTo(page, fraction) {
  await page.evaluate(async (f) => {
    const from = scrollY, to = f * (document.documentElement.scrollHeight - innerHeight);
    for (let i = 1; i <= 5; i++) {
      scrollTo(0, from + (to - from) * i / 5);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  }, fraction);
  await frames(page, 3);
}

/** How far down the window the sticky run bar and lesson banner reach, as a share of its height. */
const stuckShare = (page) => page.evaluate(() => {
  const bottom = (sel) => document.querySelector(sel).getBoundingClientRect().bottom;
  return Math.max(0, bottom('.run-bar'), bottom('#active-lesson')) / innerHeight;
});

test('on a phone either way up, an active lesson keeps only its title line stuck once the learner scrolls on; its Text button shows the text again', T, async () => {
  const { page } = course.session();
  const { chapter, lesson } = allLessons().find((l) => l.lesson.id === 'circles-from-scratch');  // the longest text
  const toggle = page.getByRole('button', { name: 'Text', exact: true });
  const text = page.locator('#active-lesson p');
  for (const size of PHONES) {
    await page.setViewportSize(size);
    await go('#');
    await go(lessonHash(chapter, lesson));
    const at = `at ${size.width}×${size.height}`;
    assert.ok(await text.isVisible(), `${at}: the lesson starts with its text shown`);
    for (const fraction of [0.3, 0.6, 0.9]) {
      await scrollPageTo(page, fraction);
      const share = await stuckShare(page);
      assert.ok(share < 0.25, `${at}, scrolled to ${fraction}: what stays stuck covers ${Math.round(share * 100)}% of the window`);
    }
    assert.ok(await text.isHidden(), `${at}: scrolled on, the text folds away`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle.getAttribute('aria-controls'), await text.getAttribute('id'));
    await screenshot(page, `course-lesson-folded-${size.width}x${size.height}.png`);
    // The keyboard unfolds it where the learner is; it stays open until they scroll on.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await frames(page, 3);
    assert.ok(await text.isVisible(), `${at}: Enter on Text shows the text`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await scrollPageTo(page, 0.5);
    assert.ok(await text.isHidden(), `${at}: scrolled on again, the text folds away again`);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    assert.ok(await text.isVisible(), `${at}: and the button shows it again`);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    assert.ok(await text.isHidden(), `${at}: and hides it`);
  }
  // In French, the button too.
  await go(`${lessonHash(chapter, lesson)}&lang=fr`);
  await page.getByRole('button', { name: 'Texte', exact: true }).waitFor();  // once the catalogue is in
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  // A wide screen keeps the whole banner stuck, as before: no button.
  await page.setViewportSize(SIZES[0]);
  await scrollPageTo(page, 0.5);
  assert.ok(await text.isVisible(), 'at 1280×800 the text stays');
  assert.ok(await toggle.isHidden(), 'at 1280×800 no Text button');
  await go('#');
});

test('on a phone either way up, a lab\'s link brings its heading into view below what stays stuck at the top', T, async () => {
  const { page } = course.session();
  const labs = [['gradient-descent', 'descent-lab'], ['activations', 'activation-lab'], ['backprop', 'expression-lab'], ['gradient-descent', 'neuron-lab']];
  const headingClear = (id) => page.evaluate((id) => {
    const h = document.querySelector(`#${id} h3`).getBoundingClientRect();
    const stuck = Math.max(0, ...['.run-bar', '#active-lesson'].map((s) => document.querySelector(s).getBoundingClientRect().bottom));
    const shown = document.elementFromPoint(h.left + 4, h.top + h.height / 2);
    return { top: h.top, stuck, onTop: Boolean(shown?.closest(`#${id} h3`)) };
  }, id);
  for (const size of PHONES) {
    await page.setViewportSize(size);
    const links = [...labs.map(([c, w]) => `#chapter=${c}&widget=${w}`), '#chapter=backprop&lesson=circles-from-scratch&widget=expression-lab'];
    for (const link of links) {
      await go('#');
      await go(link);
      const id = new URLSearchParams(link.slice(1)).get('widget');
      const h = await headingClear(id);
      assert.ok(h.top >= h.stuck && h.onTop, `${link} at ${size.width}×${size.height}: the lab's heading at y = ${h.top}, under what is stuck down to ${h.stuck}`);
    }
  }
  await page.setViewportSize(SIZES[0]);
  await go('#');
});
