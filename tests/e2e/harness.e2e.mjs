// End-to-end: the harness the other files rely on (browser.mjs). A page may reach nothing beyond
// this machine: such a request fails in the browser (its proxy flag) and guard() reports it, so
// withPage fails the test; a data: URL is no request. A released page comes back as a new one.
// Not here: anything about the playground itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser } from './browser.mjs';

const b = useBrowser();

test('a request beyond localhost fails in the browser and is reported; localhost and data: are not', { timeout: 30000 }, async () => {
  const session = await b.open();
  try {
    const outcomes = await session.page.evaluate(async (urls) => Promise.all(urls.map((url) =>
      fetch(url, { mode: 'no-cors' }).then(() => 'loaded', () => 'failed'))), [
      'http://example.com/', 'https://93.184.215.14/', `${new URL(session.page.url()).origin}/index.html`, 'data:text/plain,hi']);
    assert.deepEqual(outcomes, ['failed', 'failed', 'loaded', 'loaded']);
    const reported = session.problems.filter((p) => p.startsWith('request beyond localhost'));
    assert.deepEqual(reported, ['request beyond localhost: http://example.com/', 'request beyond localhost: https://93.184.215.14/']);
  } finally {
    await b.release(session, false);
  }
});

test('a page released after a passing test opens as a new one: no storage, no routes, no problems', { timeout: 30000 }, async () => {
  const first = await b.open('#dataset=circles');
  await first.page.evaluate(() => localStorage.setItem('left-behind', '1'));
  await first.page.route('**/nothing-here', (route) => route.fulfill({ body: 'routed' }));
  await b.release(first, true);
  const second = await b.open();
  try {
    assert.equal(second.page, first.page, 'the same page, reused');
    assert.equal(await second.page.evaluate(() => localStorage.getItem('left-behind')), null);
    assert.equal(await second.page.evaluate(() => fetch('/nothing-here').then((r) => r.status)), 404, 'the route is gone');
    assert.equal(await second.page.getAttribute('#datasets [data-dataset="circles"]', 'aria-checked'), 'false');
    assert.deepEqual(second.problems.filter((p) => !p.includes('404')), []);
  } finally {
    await b.release(second, false);
  }
});
