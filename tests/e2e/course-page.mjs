// Shared by the course's end-to-end files (course-*.e2e.mjs):
// one page per file, opened before its first test and checked for page errors after its last, whose
// route changes through the hash as a link in the page would; and the checks they share (no
// sideways scrolling, a task's status).
// Not here: any assertion about a chapter (the test files).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, frames, goTo } from './browser.mjs';
import { CHAPTERS } from '../../web/course/chapters.js';
import { taskHash } from '../../web/course/links.js';

export const T = { timeout: 120000 };
export const SIZES = [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 390, height: 844 }];

/** Registers the file's hooks; returns the session getter and the helpers that act on its page. */
export function useCoursePage() {
  const b = useBrowser();
  let session;
  before(async () => {
    await b.ready();
    session = await b.open('');
  });
  after(async () => {
    await session?.context.close();
    assert.deepEqual(session?.problems ?? [], [], 'errors on the page or requests beyond localhost');
  });
  /** Goes to `hash` as a link in the page would (a hashchange), and waits for the render. */
  const go = (hash) => goTo(session.page, hash);
  /** Opens task `id` of `chapter` by its link; it is highlighted. */
  async function openTask(chapter, id) {
    const t = CHAPTERS.find((c) => c.id === chapter).tasks.find((x) => x.id === id);
    await go(taskHash(chapter, t));
    assert.ok(await session.page.isVisible(`#task-${id}.active`), `${id} is highlighted`);
  }
  /** The task's status reads met (or not), with text matching `pattern` if given. */
  async function expectStatus(id, met, pattern) {
    const s = await taskStatus(session.page, id);
    assert.equal(s.met, met, `${id}: ${s.text}`);
    if (pattern) assert.match(s.text, pattern);
  }
  /**
   * Leaves the chapter, then fires a late "change" from `selector`'s element (a blur after the lab
   * went): its disposed lab must ignore it, with no page error.
   */
  async function expectDisposedOnLeave(selector) {
    const field = await session.page.$(selector);
    await go('#chapter=neuron');
    await field.dispatchEvent('change');
    await frames(session.page);
    assert.deepEqual(session.problems, [], `no page error from the removed lab (${selector})`);
  }
  return { session: () => session, go, openTask, expectStatus, expectDisposedOnLeave };
}

export const taskStatus = (page, id) => page.$eval(`#task-${id} .task-status`, (p) => ({ met: p.dataset.met === 'true', text: p.textContent }));

const overflow = (page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
export async function assertNoOverflow(page, what) {
  const { scroll, inner } = await overflow(page);
  assert.ok(scroll <= inner, `${what}: the page is ${scroll} px wide in a ${inner} px window`);
}
