// End-to-end: the course at 1280×800, 1024×768 and 390×844. Every chapter by its URL (title,
// widgets or the playground, no sideways scrolling, a screenshot each) and every lesson link,
// which starts a fresh run with its text in view. One browser page: routes change through the hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readState, stepEpochs, screenshot } from './browser.mjs';
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
