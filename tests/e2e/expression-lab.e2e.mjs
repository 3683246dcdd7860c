// End-to-end: chapter 5's computational-graphs lab (#chapter=backprop&widget=expression-lab) driven as
// a learner would: the lecture's presets and typed expressions against values computed by hand, a
// bad expression's message with its position marked (the page keeps going), the step player in
// reverse and forward mode, a task checked by the page, and a reloaded link restoring the lab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, withPage, frames, screenshot, hashParams } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 60000 };
const HASH = '#chapter=backprop&widget=expression-lab';

// What the graph shows: each node's value and gradient (by its label), each edge's label by from-to.
async function shown(page) {
  return page.evaluate(() => {
    const nodes = {};
    for (const g of document.querySelectorAll('#expr-svg .expr-node')) {
      const value = g.querySelector('.expr-value'), grad = g.querySelector('.expr-grad'), tangent = g.querySelector('.expr-tangent');
      nodes[g.dataset.label] = {
        value: value ? Number(value.dataset.value) : null,
        grad: grad ? Number(grad.dataset.grad) : null,
        gradText: grad?.textContent ?? null,
        tangent: tangent ? Number(tangent.dataset.tangent) : null,
      };
    }
    const edges = {};
    for (const t of document.querySelectorAll('#expr-svg text.expr-backward')) edges[`${t.dataset.from}-${t.dataset.to}`] = t.textContent;
    return { nodes, edges, summary: document.querySelector('#expr-summary').textContent };
  });
}
const grads = (s, names) => Object.fromEntries(names.map((n) => [n, s.nodes[n].grad]));

async function setValue(page, name, value) {
  await page.fill(`#expr-value-${name}`, String(value));
  await page.press(`#expr-value-${name}`, 'Enter');
  await frames(page);
}

test('the presets show the lecture\'s numbers: (x + y)·z, linear regression, f(g(x)), the fork, the sigmoid neuron', T, async () => {
  await withPage(b, HASH, async (page) => {
    let s = await shown(page);
    assert.deepEqual([s.nodes.q.value, s.nodes.f.value], [3, -12]);
    assert.deepEqual(grads(s, ['x', 'y', 'z', 'q', 'f']), { x: -4, y: -4, z: 3, q: -4, f: 1 });
    assert.deepEqual(s.edges, { 'x-q': '−4 × 1 = −4', 'y-q': '−4 × 1 = −4', 'q-f': '1 × −4 = −4', 'z-f': '1 × 3 = 3' });
    assert.equal(s.nodes.x.gradText, '∂f/∂x = −4');
    assert.match(s.summary, /^f = −12\. Reverse mode: ∂f\/∂x = −4, ∂f\/∂y = −4, ∂f\/∂z = 3\. Forward mode, one pass per input, agrees: −4, −4, 3\.$/);

    await page.click('[data-preset="linear-regression"]');
    s = await shown(page);
    assert.equal(await page.inputValue('#expr-text'), 'u = w1*x; yhat = w0 + u; z = yhat - y; L = z^2');
    assert.deepEqual([s.nodes.u.value, s.nodes.yhat.value, s.nodes.z.value, s.nodes.L.value], [6, 7, 3, 9]);
    assert.deepEqual(grads(s, ['w1', 'x', 'w0', 'y', 'z']), { w1: 18, x: 12, w0: 6, y: -6, z: 6 });
    assert.equal(s.edges['w1-u'], '6 × 3 = 18');

    await page.click('[data-preset="composition"]');
    s = await shown(page);
    assert.deepEqual([s.nodes.g.value, s.nodes.f.value, s.nodes.g.grad, s.nodes.x.grad], [3, 10, 9, 45]);

    await page.click('[data-preset="fork"]');
    s = await shown(page);
    assert.deepEqual([s.nodes.f.value, s.nodes.g.value, s.nodes.h.value], [3, 3, -8]);
    assert.deepEqual(grads(s, ['f', 'g', 'x']), { f: 3, g: -9, x: -27 });
    const forks = await page.$$eval('#expr-forks li', (li) => li.map((l) => l.textContent));
    assert.ok(forks.includes('x feeds 3 operations (a fork): ∂h/∂x = 9 + (−18) + (−18) = −27, the sum of what comes back along each.'), forks.join('\n'));
    assert.ok(forks.some((w) => w.startsWith('∂h/∂x sums 4 paths from x to h')));
    await page.locator('#expression-lab').scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#expr-svg').scrollIntoViewIfNeeded();
    await screenshot(page, 'expression-lab.png');

    await page.click('[data-preset="sigmoid-neuron"]');
    s = await shown(page);
    assert.deepEqual([s.nodes.z.value, s.nodes.a.value, s.nodes.L.value], [0, 0.5, 0.125]);
    assert.deepEqual(grads(s, ['w1', 'w2', 'b', 'x1', 'x2', 't', 'a', 'z']),
      { w1: -0.125, w2: -0.25, b: -0.125, x1: -0.0625, x2: 0.03125, t: 0.5, a: -0.5, z: -0.125 });
  });
});

test('a typed expression gets an input per name and the gradients by hand; a bad one is marked where it goes wrong', T, async () => {
  await withPage(b, HASH, async (page) => {
    // x^2·w + 3x at x = 2, w = 0.5: 8; ∂/∂x = 2xw + 3 = 5, ∂/∂w = x² = 4. Typed with the page's own − and ×.
    await page.fill('#expr-text', 'x^2 × w + 3·x − 0');
    assert.deepEqual(await page.$$eval('#expr-values input', (i) => i.map((e) => e.dataset.name)), ['x', 'w']);
    await setValue(page, 'x', 2);
    await setValue(page, 'w', 0.5);
    let s = await shown(page);
    assert.equal(Number(await page.getAttribute('#expr-summary', 'data-output')), 8);
    assert.deepEqual(grads(s, ['x', 'w']), { x: 5, w: 4 });
    assert.match(s.summary, /^f = 8\. Reverse mode: ∂f\/∂x = 5, ∂f\/∂w = 4\. Forward mode, one pass per input, agrees: 5, 4\./);

    await page.fill('#expr-text', 'f = (x + y * 2');
    assert.equal(await page.getAttribute('#expr-text', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#expr-error .expr-message'),
      'Cannot read this: missing \')\' to close the \'(\' at character 5 (found the end of the text) (at character 15).');
    assert.equal(await page.getAttribute('#expr-error', 'data-position'), '14');
    assert.equal(await page.textContent('#expr-error pre'), 'f = (x + y * 2 ');
    assert.ok(await page.$('#expr-svg.stale'), 'the last graph stays, faded');
    await page.fill('#expr-text', 'f = 2x');
    assert.match(await page.textContent('#expr-error .expr-message'), /operator is missing \(write \* to multiply\) \(at character 6\)\.$/);
    assert.equal(await page.textContent('#expr-error mark'), 'x');
    await page.fill('#expr-text', 'f = log(x - 2)');
    assert.equal(await page.textContent('#expr-error .expr-message'), 'Cannot evaluate this: log needs a positive number (got 0) (at character 5).');
    await page.fill('#expr-text', 'f = log(x + 2)');  // ln 4, slope 1/4
    assert.equal(await page.textContent('#expr-error'), '');
    assert.equal(await page.$('#expr-svg.stale'), null);
    s = await shown(page);
    assert.equal(s.nodes.x.grad, 0.25);
    // A cleared value is not 0: marked, and the graph keeps its numbers.
    await page.fill('#expr-value-x', '');
    assert.equal(await page.getAttribute('#expr-value-x', 'aria-invalid'), 'true');
    assert.equal((await shown(page)).nodes.x.grad, 0.25);
  });
});

test('tanh far out: both modes show the same tiny slope; the cost counts in the singular, and a number alone costs nothing', T, async () => {
  await withPage(b, HASH, async (page) => {
    const summary = () => page.textContent('#expr-summary');
    const cost = () => page.textContent('#expr-cost');
    await page.fill('#expr-text', 'tanh(x)');
    await setValue(page, 'x', 30);
    // 1 − tanh² rounds to 0 at x = 30; forward mode must not say 0 and "agrees".
    assert.equal(await summary(), 'f = 1. Reverse mode: ∂f/∂x = 3.5×10⁻²⁶. Forward mode, one pass per input, agrees: 3.5×10⁻²⁶.');
    await page.fill('#expr-text', 'sigmoid(x)');
    await setValue(page, 'x', -40);
    assert.equal(await summary(), 'f = 4.25×10⁻¹⁸. Reverse mode: ∂f/∂x = 4.25×10⁻¹⁸. Forward mode, one pass per input, agrees: 4.25×10⁻¹⁸.');

    await page.fill('#expr-text', 'exp(x)');
    await page.press('#expr-text', 'Tab');
    assert.match(await cost(), /^Reverse mode: one backward pass of 1 product gives the derivative\. Forward mode: 1 pass of 1 product\. With many inputs/);
    await page.fill('#expr-text', '2^3^2');
    await page.press('#expr-text', 'Tab');
    assert.equal(await summary(), '512: a number, with no input to differentiate.');
    assert.match(await cost(), /^With no input there is no derivative to take, so neither mode has anything to do\. With many inputs/);
  });
});

test('x*x: one operation fed twice, not two, and its two paths told apart by operand', T, async () => {
  await withPage(b, HASH, async (page) => {
    await page.fill('#expr-text', 'x*x');
    await setValue(page, 'x', 3);
    assert.deepEqual(await page.$$eval('#expr-forks li', (li) => li.map((l) => l.textContent)), [
      'x feeds 1 operation along 2 edges (a fork): ∂f/∂x = 3 + 3 = 6, the sum of what comes back along each edge.',
      '∂f/∂x sums 2 paths from x to f, each the product of the local derivatives along it: x → f (left operand): 3 = 3; x → f (right operand): 3 = 3. Together: 6.']);
  });
});

test('the step player: reverse mode finalises each gradient once and reuses it; forward mode needs a pass per input', T, async () => {
  await withPage(b, HASH, async (page) => {
    const step = () => page.textContent('#expr-step');
    const gradLabels = () => page.$$eval('#expr-svg .expr-grad', (t) => t.map((e) => e.closest('.expr-node').dataset.label));
    assert.match(await step(), /^All at once/);
    await page.click('#expr-next');
    assert.equal(await step(), 'Step 1 of 5. Start at the output: ∂f/∂f = 1. It is stored and reused (memoised) for its 2 inputs: q gets 1 × −4 = −4; z gets 1 × 3 = 3.');
    assert.deepEqual(await gradLabels(), ['f']);
    assert.deepEqual(Object.keys((await shown(page)).edges).sort(), ['q-f', 'z-f']);
    await page.click('#expr-next');
    await page.click('#expr-next');
    assert.match(await step(), /^Step 3 of 5\. ∂f\/∂q = 1 × −4 = −4, from its one use\. Every use is done, so this gradient is final\. It is stored and reused \(memoised\) for its 2 inputs: x gets −4 × 1 = −4; y gets −4 × 1 = −4\.$/);
    assert.equal(await page.getAttribute('#expr-svg .expr-node.current', 'data-label'), 'q');
    await page.click('#expr-prev');
    assert.equal(await page.getAttribute('#expr-step', 'data-step'), '2');
    await page.click('#expr-all');
    assert.equal((await gradLabels()).length, 5);

    await page.selectOption('#expr-mode', 'forward');
    assert.match(await page.textContent('#expr-cost'), /Reverse mode: one backward pass of 4 products gives all 3 derivatives\. Forward mode: 3 passes of 4 products each, 12 products in all\./);
    for (let i = 0; i < 5; ++i) await page.click('#expr-next');
    assert.match(await step(), /^Step 5 of 15\. Pass 1 of 3 \(∂\/∂x\): ∂f\/∂x = −4 × 1 \+ 3 × 0 = −4 .*every input needs its own pass over the whole graph \(3 here\)/);
    const s = await shown(page);
    assert.deepEqual([s.nodes.x.tangent, s.nodes.y.tangent, s.nodes.q.tangent, s.nodes.z.tangent, s.nodes.f.tangent], [1, 0, 1, 0, -4]);
    // Play runs to the end on its own, then stops (from step 12, so that it plays three steps).
    await page.click('#expr-first');
    assert.equal(await page.getAttribute('#expr-step', 'data-step'), '1');
    for (let i = 0; i < 11; ++i) await page.click('#expr-next');
    assert.equal(await page.getAttribute('#expr-step', 'data-step'), '12');
    await page.click('#expr-play');
    await page.waitForFunction(() => document.querySelector('#expr-step').dataset.step === '15', null, { timeout: 30000 });
    await page.waitForFunction(() => document.querySelector('#expr-play').textContent === 'Play');
    assert.match(await step(), /^Step 15 of 15\. Pass 3 of 3 \(∂\/∂z\): ∂f\/∂z = .* = 3 /);
  });
});

test('a task checked by the page, and a reloaded link restores the expression, its values and the mode', T, async () => {
  await withPage(b, `${HASH}&task=graph-fork-zero`, async (page) => {
    const status = (id) => page.textContent(`#task-${id} .task-status`);
    assert.match(await status('graph-fork-zero'), /^Not yet: type f = x\^2; g = 4\*x; h = f - g/);
    // The fork preset at x = 0 is no answer: there every path is itself 0, nothing cancels.
    await page.click('[data-preset="fork"]');
    await setValue(page, 'x', 0);
    assert.match(await status('graph-fork-zero'), /^Not yet: type /);
    await page.fill('#expr-text', 'f = x^2; g = 4*x; h = f - g');
    await page.press('#expr-text', 'Tab');
    await setValue(page, 'x', 1);
    assert.match(await status('graph-fork-zero'), /∂h\/∂x = 0 \(now −2\)/);
    await setValue(page, 'x', 2);
    assert.ok((await page.$$eval('#expr-forks li', (li) => li.map((l) => l.textContent))).includes('x feeds 2 operations (a fork): ∂h/∂x = 4 + (−4) = 0, the sum of what comes back along each.'));
    assert.equal(await status('graph-fork-zero'), 'Done: the task is met.');

    await page.fill('#expr-text', 'z = w*x + b; L = (sigmoid(z) - t)^2');
    await page.press('#expr-text', 'Tab');
    await setValue(page, 'w', -1.5);
    await setValue(page, 'x', 2);
    await page.selectOption('#expr-mode', 'forward');
    const before = await shown(page);
    const params = await hashParams(page);
    assert.equal(params['graph.expr'], 'z_Ew_tx_Ab_SL_E_lsigmoid_lz_r_Mt_r_p2');
    assert.equal(params['graph.values'], '-1.5_2_1_1');
    assert.equal(params['graph.mode'], 'forward');
    await page.reload();
    await page.waitForSelector('#expr-svg .expr-node');
    assert.equal(await page.inputValue('#expr-text'), 'z = w*x + b; L = (sigmoid(z) - t)^2');
    assert.deepEqual(await page.$$eval('#expr-values input', (i) => i.map((e) => [e.dataset.name, e.value])),
      [['w', '-1.5'], ['x', '2'], ['b', '1'], ['t', '1']]);
    assert.equal(await page.inputValue('#expr-mode'), 'forward');
    assert.deepEqual(await shown(page), before);
    // A link value the lab did not write is named, and the lab keeps going with its default.
    await page.evaluate(() => { location.hash = '#chapter=backprop&graph.expr=x_Z'; });
    await page.waitForFunction(() => /graph\.expr 'x_Z' is not an expression this lab wrote/.test(document.body.textContent));
    assert.equal(await page.inputValue('#expr-text'), 'q = x + y; f = q*z');
    // Values that do not match the inputs are counted, one in the singular.
    await page.evaluate(() => { location.hash = '#chapter=backprop&graph.values=7'; });
    await page.waitForFunction(() => /graph\.values has 1 number for 3 inputs/.test(document.body.textContent));
    // A link's expression the core cannot parse: the page says so until the field shows a graph again.
    await page.evaluate(() => { location.hash = '#chapter=neuron'; });
    await page.evaluate(() => { location.hash = '#chapter=backprop&graph.expr=x_A'; });
    await page.waitForFunction(() => !document.querySelector('#message').hidden);
    assert.match(await page.textContent('#message-text'), /could not show the expression from the link/);
    await page.fill('#expr-text', 'x + y');
    assert.equal(await page.isHidden('#message'), true, 'the expression shows again: the message goes');
  });
});

test('after an error the summary, forks and cost fade with the graph, and the tasks quote none of the last expression\'s numbers', T, async () => {
  await withPage(b, HASH, async (page) => {
    const status = (id) => page.textContent(`#task-${id} .task-status`);
    const faded = () => page.$$eval('#expr-svg, #expr-summary, #expr-forks, #expr-cost', (els) => els.map((e) => e.classList.contains('stale')));
    await page.click('[data-preset="fork"]');
    assert.match(await page.textContent('#expr-summary'), /Reverse mode: ∂h\/∂x = −27/);
    assert.match(await status('graph-own-gradient'), /∂\/∂x = 6 \(now −27\)/);
    assert.deepEqual(await faded(), [false, false, false, false]);
    for (const text of ['log(x - 1)', 'f = 2*x; h = f/0', 'f = (x']) {  // two the core cannot evaluate, one it cannot read
      await page.fill('#expr-text', text);
      assert.ok(await page.textContent('#expr-error .expr-message'), text);
      assert.deepEqual(await faded(), [true, true, true, true], `${text}: the last expression's graph and words faded`);
      const own = await status('graph-own-gradient');
      assert.doesNotMatch(own, /−27|NaN/, `${text}: ${own}`);
      assert.match(own, /∂\/∂x = 6 \(now –\)/);
    }
    await page.fill('#expr-text', 'x*y');
    assert.deepEqual(await faded(), [false, false, false, false]);
    assert.match(await status('graph-own-gradient'), /∂\/∂x = 6 \(now 5\)/, 'y = 5, a new input\'s value');
  });
});

test('"A gradient of your own" names a missing input with –, not NaN', T, async () => {
  await withPage(b, HASH, async (page) => {
    const own = () => page.textContent('#task-graph-own-gradient .task-status');
    await page.fill('#expr-text', 'x*6');  // x keeps the start's −2
    assert.match(await own(), /x = 1 and y = 2 \(now −2 and –\)/);
    await page.fill('#expr-text', 'a*b');
    assert.match(await own(), /x = 1 and y = 2 \(now – and –\); ∂\/∂x = 6 \(now –\)/);
    assert.doesNotMatch(await own(), /NaN/);
  });
});

// Every preset, the sigmoid neuron's wide edge labels (−0.125 × 0.5 = −0.0625) included: no label
// covers another or a node, none leaves the drawing, and the drawing never widens the page.
test('the presets\' labels stand clear of each other and of the nodes, inside the drawing, at 1280, 1024 and 390 px', T, async () => {
  await withPage(b, HASH, async (page) => {
    const presets = await page.$$eval('.expr-presets [data-preset]', (bs) => bs.map((x) => x.dataset.preset));
    assert.deepEqual(presets, ['sum-times', 'linear-regression', 'composition', 'fork', 'sigmoid-neuron']);
    for (const width of [1280, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const preset of presets) {
        await page.click(`.expr-presets [data-preset="${preset}"]`);
        await frames(page);
        const found = await page.evaluate(() => {
          const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
          const svg = document.querySelector('#expr-svg');
          const labels = [...svg.querySelectorAll('.expr-value, .expr-grad, .expr-backward')]
            .map((el) => ({ text: el.textContent, ...box(el) }));
          const shapes = [...svg.querySelectorAll('.expr-shape')]
            .map((el) => ({ text: `node ${el.closest('.expr-node').dataset.label}`, ...box(el) }));
          const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          const clashes = [];
          labels.forEach((a, i) => [...labels.slice(i + 1), ...shapes].forEach((c) => { if (meet(a, c)) clashes.push(`${a.text} / ${c.text}`); }));
          const frame = box(svg);
          const outside = [...labels, ...shapes].filter((a) => a.left < frame.left - 1 || a.right > frame.right + 1 || a.top < frame.top - 1 || a.bottom > frame.bottom + 1)
            .map((a) => a.text);
          return { clashes, outside, pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth };
        });
        assert.deepEqual(found, { clashes: [], outside: [], pageScroll: 0 }, `${preset} at ${width} px`);
      }
      await page.locator('#expr-svg').scrollIntoViewIfNeeded();
      await screenshot(page, `expression-lab-sigmoid-${width}.png`);
    }
  });
});
