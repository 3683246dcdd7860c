// End-to-end: the chain-rule graph of the backpropagation chapter (#chapter=backprop) shows the core's numbers for f = (x + y) z and
// follows the learner's inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, withPage, screenshot } from './browser.mjs';

const b = useBrowser();

async function shown(page) {
  return page.evaluate(() => {
    const value = (n) => Number(document.querySelector(`#graph-svg text.value[data-node="${n}"]`).dataset.value);
    const grad = (n) => Number(document.querySelector(`#graph-svg text.grad[data-node="${n}"]`).dataset.grad);
    const edges = [...document.querySelectorAll('#graph-svg text.backward')].map((t) => [t.dataset.edge, t.textContent]);
    return { q: value('q'), f: value('f'), dx: grad('x'), dy: grad('y'), dz: grad('z'), dq: grad('q'), edges };
  });
}

test('f = (x + y) z at -2, 5, -4: q = 3, f = -12, df/dx = df/dy = -4, df/dz = 3; inputs update it', { timeout: 30000 }, async () => {
  await withPage(b, '#chapter=backprop', async (page) => {
    const s = await shown(page);
    assert.deepEqual({ q: s.q, f: s.f, dx: s.dx, dy: s.dy, dz: s.dz, dq: s.dq }, { q: 3, f: -12, dx: -4, dy: -4, dz: 3, dq: -4 });
    assert.deepEqual(Object.fromEntries(s.edges), {
      'x-q': '−4 × 1 = −4', 'y-q': '−4 × 1 = −4', 'q-f': '1 × −4 = −4', 'z-f': '1 × 3 = 3',
    });
    await page.locator('#graph-svg').scrollIntoViewIfNeeded();
    await screenshot(page, 'graph-lesson.png');
    await page.fill('#graph-x', '1');  // q = 6, f = -24, df/dz = q = 6
    const t = await shown(page);
    assert.equal(t.q, 6);
    assert.equal(t.f, -24);
    assert.equal(t.dz, 6);
    assert.equal(t.dx, -4);
    // A cleared field is not taken as 0: it is marked invalid and the graph keeps its numbers.
    await page.fill('#graph-x', '');
    assert.equal(await page.getAttribute('#graph-x', 'aria-invalid'), 'true');
    assert.equal((await shown(page)).f, -24);
    await page.fill('#graph-x', '3');  // q = 8, f = -32
    assert.equal(await page.getAttribute('#graph-x', 'aria-invalid'), 'false');
    assert.equal((await shown(page)).f, -32);
  });
});

test('inputs near the float limit: the graph refuses ∞ and NaN with a message, faded, and the task quotes neither', { timeout: 30000 }, async () => {
  await withPage(b, '#chapter=backprop', async (page) => {
    const svgText = () => page.textContent('#graph-svg');
    const task = () => page.textContent('#task-graph-gradient .task-status');
    await page.fill('#graph-x', '1e308');
    await page.fill('#graph-y', '1e308');  // q = x + y overflows
    assert.equal(await page.textContent('#graph-error'), 'Cannot evaluate this: q = x + y overflows here (the result is not a finite number).');
    assert.doesNotMatch(await svgText(), /∞|NaN/);
    assert.ok(await page.$('#graph-svg.stale'), 'the last numbers faded');
    await page.fill('#graph-z', '0');  // ∞ · 0
    assert.doesNotMatch(await svgText(), /∞|NaN/);
    assert.match(await task(), /∂f\/∂x = 3 \(now –\); f = 6 \(now –\)/);
    assert.doesNotMatch(await task(), /NaN|∞/);
    await page.fill('#graph-y', '0');
    await page.fill('#graph-z', '1e300');  // q is 1e308, f = q · z overflows
    assert.equal(await page.textContent('#graph-error'), 'Cannot evaluate this: f = q · z overflows here (the result is not a finite number).');
    // Back in range: the message goes, the graph and the task follow.
    await page.fill('#graph-x', '1');
    await page.fill('#graph-z', '2');
    assert.equal(await page.textContent('#graph-error'), '');
    assert.equal(await page.$('#graph-svg.stale'), null);
    assert.equal(await page.getAttribute('#graph-svg text.value[data-node="f"]', 'data-value'), '2');
    assert.match(await task(), /f = 6 \(now 2\)/);
  });
});

test('embedded: the chapter and widget=graph-lesson with embed=lab show the graph with its numbers', { timeout: 30000 }, async () => {
  for (const hash of ['#chapter=backprop&embed=chapter', '#chapter=backprop&widget=graph-lesson&embed=lab']) {
    await withPage(b, hash, async (page) => {
      assert.ok(await page.isVisible('#graph-svg'), `${hash}: the graph is shown`);
      assert.equal((await shown(page)).f, -12, hash);
    });
  }
});
