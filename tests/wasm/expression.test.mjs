// The computational-graphs lab's engine calls through the wasm build: the presets with the
// lecture's numbers, edges and both modes, a typed expression's error with its position (as data,
// not a throw), misuse refused with EngineError, and the lab's words (playerSteps, forkWords) and
// tasks, summary and cost read from the same results the page shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-engine.mjs';
import { EngineError, evaluateExpression, expressionPresets, parseExpression } from '../../web/engine.js';
import { costWords, expressionTasks, forkWords, playerSteps, presetTitle, summaryWords } from '../../web/chapters/backprop/expression-lab.js';
import { evaluate } from '../../web/course/tasks.js';

const module = await loadModule();
const presetValues = (p) => Object.fromEntries(p.values.map((v) => [v.name, v.value]));
const byName = (r) => Object.fromEntries(r.nodes.filter((n) => n.name).map((n) => [n.name, n]));

test('the presets: the lecture\'s examples, each evaluating to its hand values', () => {
  const presets = expressionPresets(module);
  assert.deepEqual(presets.map((p) => p.id), ['sum-times', 'linear-regression', 'composition', 'fork', 'sigmoid-neuron']);
  const hand = {
    'sum-times': { f: -12, q: 3, grads: { x: -4, y: -4, z: 3 } },
    'linear-regression': { L: 9, grads: { w1: 18, x: 12, w0: 6, y: -6 } },
    composition: { f: 10, g: 3, grads: { x: 45 } },
    fork: { h: -8, grads: { x: -27 } },
    'sigmoid-neuron': { L: 0.125, a: 0.5, grads: { w1: -0.125, x1: -0.0625, w2: -0.25, x2: 0.03125, b: -0.125, t: 0.5 } },
  };
  for (const p of presets) {
    const r = evaluateExpression(module, p.text, presetValues(p));
    assert.equal(r.ok, true, p.id);
    const n = byName(r);
    const { grads, ...values } = hand[p.id];
    for (const [name, v] of Object.entries(values)) assert.equal(n[name].value, v, `${p.id} ${name}`);
    for (const [name, g] of Object.entries(grads)) assert.equal(n[name].grad, g, `${p.id} ∂/∂${name}`);
    assert.deepEqual(r.variables, p.values.map((v) => v.name));
    assert.deepEqual([...r.forward.grad], r.variables.map((name) => n[name].grad), `${p.id}: forward mode agrees`);
    assert.equal(parseExpression(module, r.text).text, r.text, 'the printed graph reads back the same');
  }
});

test('f = (x + y) z: edges carry local and upstream × local; reverse finalises f, z, q, y, x; forward makes 3 passes', () => {
  const r = evaluateExpression(module, 'q = x + y; f = q*z', { x: -2, y: 5, z: -4 });
  const edge = (from, to) => r.edges.find((e) => r.nodes[e.from].name === from && r.nodes[e.to].name === to);
  assert.deepEqual({ ...edge('q', 'f') }, { from: 2, to: 4, slot: 0, local: -4, upstream: 1, gradient: -4 });
  assert.deepEqual({ ...edge('x', 'q') }, { from: 0, to: 2, slot: 0, local: 1, upstream: -4, gradient: -4 });
  assert.deepEqual([...r.reverse.nodes], [4, 3, 2, 1, 0]);
  assert.equal(r.reverse.edges.length, 4);
  assert.equal(r.forward.tangents.length, 3);
  assert.deepEqual([...r.forward.tangents[2]], [0, 0, 0, 1, 3]);  // d/dz: z = 1, f = q = 3
  const reverse = playerSteps(r, 'reverse');
  assert.equal(reverse.length, 5);
  assert.equal(reverse[0].text, 'Start at the output: ∂f/∂f = 1. It is stored and reused (memoised) for its 2 inputs: q gets 1 × −4 = −4; z gets 1 × 3 = 3.');
  assert.match(reverse[2].text, /^∂f\/∂q = 1 × −4 = −4, from its one use\. .* It is stored and reused \(memoised\) for its 2 inputs: x gets −4 × 1 = −4; y gets −4 × 1 = −4\.$/);
  const forward = playerSteps(r, 'forward');
  assert.equal(forward.length, 15, '3 passes over 5 nodes');
  assert.equal(forward[4].text, 'Pass 1 of 3 (∂/∂x): ∂f/∂x = −4 × 1 + 3 × 0 = −4 (local × what each input carries). This pass gives ∂f/∂x = −4 ' +
    'and nothing else: every input needs its own pass over the whole graph (3 here), while reverse mode gets them all in one backward pass.');
});

test('the fork h(f(x), g(x)): the sum over paths in words', () => {
  const p = expressionPresets(module).find((x) => x.id === 'fork');
  const r = evaluateExpression(module, p.text, { x: 1 });
  assert.equal(r.paths[0].count, 4);
  const words = forkWords(r);
  assert.ok(words.includes('x feeds 3 operations (a fork): ∂h/∂x = 9 + (−18) + (−18) = −27, the sum of what comes back along each.'), words.join('\n'));
  assert.ok(words.some((w) => /^∂h\/∂x sums 4 paths from x to h, each the product of the local derivatives along it: x → f → /.test(w) && w.endsWith('Together: −27.')));
  // x*x: one operation fed along two edges, not two operations; its two paths told apart by operand.
  assert.deepEqual(forkWords(evaluateExpression(module, 'x*x', { x: 3 })), [
    'x feeds 1 operation along 2 edges (a fork): ∂f/∂x = 3 + 3 = 6, the sum of what comes back along each edge.',
    '∂f/∂x sums 2 paths from x to f, each the product of the local derivatives along it: x → f (left operand): 3 = 3; x → f (right operand): 3 = 3. Together: 6.']);
  assert.match(forkWords(evaluateExpression(module, 'x*x*y + x', { x: 3, y: 2 }))[0], /^x feeds 2 operations along 3 edges \(a fork\): ∂f\/∂x = 6 \+ 6 \+ 1 = 13,/);
});

test('forward mode agrees with reverse mode far out on tanh and sigmoid, and the lab says "agrees" only when the numbers do', () => {
  // 1 − tanh² and s(1 − s) round to 0 at z = 30; the core's one table of slopes does not.
  for (const [text, x] of [['tanh(x)', 30], ['sigmoid(x)', 40], ['sigmoid(x)', -40], ['tanh(x)*y', -30]]) {
    const r = evaluateExpression(module, text, { x, y: 2 });
    const reverse = [...r.variableNodes].map((i) => r.nodes[i].grad);
    assert.ok(reverse[0] !== 0, `${text} at ${x}: a tiny slope, not 0`);
    [...r.forward.grad].forEach((g, k) => assert.ok(Math.abs(g - reverse[k]) <= 1e-12 * Math.abs(reverse[k]), `${text} at ${x}: ${g} against ${reverse[k]}`));
  }
  const r = evaluateExpression(module, 'tanh(x)', { x: 30 });
  assert.equal(summaryWords(r), 'f = 1. Reverse mode: ∂f/∂x = 3.5×10⁻²⁶. Forward mode, one pass per input, agrees: 3.5×10⁻²⁶.');
  // Numbers that differ (here made so) are not said to agree.
  assert.equal(summaryWords({ ...r, forward: { ...r.forward, grad: [0] } }),
    'f = 1. Reverse mode: ∂f/∂x = 3.5×10⁻²⁶. Forward mode, one pass per input, gives 0: not the same, as it adds the same products in another order and rounds differently.');
});

test('the cost in products, each count with its own plural; with no input, no derivative and no cost', () => {
  const wins = 'With many inputs (a network\'s weights) and one output (its loss), reverse mode wins: that is backpropagation.';
  assert.equal(costWords(evaluateExpression(module, 'exp(x)', { x: 1 })),
    `Reverse mode: one backward pass of 1 product gives the derivative. Forward mode: 1 pass of 1 product. ${wins}`);
  assert.equal(costWords(evaluateExpression(module, 'x', { x: 1 })),
    `Reverse mode: one backward pass of 0 products gives the derivative. Forward mode: 1 pass of 0 products. ${wins}`);
  assert.equal(costWords(evaluateExpression(module, 'q = x + y; f = q*z', { x: -2, y: 5, z: -4 })),
    `Reverse mode: one backward pass of 4 products gives all 3 derivatives. Forward mode: 3 passes of 4 products each, 12 products in all. ${wins}`);
  assert.equal(costWords(evaluateExpression(module, 'x*y', { x: 1, y: 2 })),
    `Reverse mode: one backward pass of 2 products gives all 2 derivatives. Forward mode: 2 passes of 2 products each, 4 products in all. ${wins}`);
  const number = evaluateExpression(module, '2^3^2', {});
  assert.equal(costWords(number), `With no input there is no derivative to take, so neither mode has anything to do. ${wins}`);
  assert.equal(summaryWords(number), '512: a number, with no input to differentiate.');
  assert.equal(summaryWords(evaluateExpression(module, 'f = 2^3^2', {})), 'f = 512: a number, with no input to differentiate.');
});

test('bad expressions are data with a position; evaluation errors name the operation; misuse throws', () => {
  assert.deepEqual({ ...parseExpression(module, '(x + y') }, { ok: false, stage: 'parse', error: 'missing \')\' to close the \'(\' at character 1 (found the end of the text)', position: 6 });
  assert.equal(parseExpression(module, 'x − y × 2').ok, true, 'typographic minus and times');
  assert.equal(parseExpression(module, 'a − @').position, 4, 'positions count UTF-16 units, as JS does');
  assert.equal(parseExpression(module, 'sin(x)').error, 'unknown function \'sin\' (exp, log, sigmoid, tanh, relu; write sin*(...) to multiply)');
  const log = evaluateExpression(module, 'log(x - 1)', { x: 1 });
  assert.equal(log.ok, false);
  assert.equal(log.stage, 'evaluate');
  assert.equal(log.position, 0);
  assert.match(log.error, /^log needs a positive number \(got 0\)$/);
  assert.equal(log.graph.nodes.length, 4);
  assert.equal(evaluateExpression(module, 'x/y', { x: 1, y: 0 }).error, 'division by zero: 1 ÷ 0');
  assert.equal(evaluateExpression(module, 'x', { x: NaN }).error, 'x must be a finite number (got nan)');
  assert.equal(parseExpression(module, '('.repeat(100000)).position, 2000, 'the core\'s length limit');
  assert.equal(parseExpression(module, 'x'.repeat(9000)).error, 'the text is longer than 2000 characters');
  // Characters, not UTF-8 bytes: 1,999 of "×" pass the length check; past 2,000 the error is at the
  // first character beyond, from the core or from the check before the copy into the module alike.
  assert.doesNotMatch(parseExpression(module, 'x' + '×x'.repeat(999)).error ?? '', /longer than/);
  assert.deepEqual([parseExpression(module, 'x' + '×x'.repeat(1000) + '+x').position, parseExpression(module, '×'.repeat(5000)).position], [2000, 2000]);
  assert.equal(parseExpression(module, '𝑥'.repeat(2001)).position, 4000, 'astral characters: two UTF-16 units each');
  assert.equal(parseExpression(module, `${'('.repeat(200)}x${')'.repeat(200)}`).error, 'nested more than 64 levels deep');
  assert.throws(() => parseExpression(module, 42), EngineError);
  assert.throws(() => evaluateExpression(module, 'x + y', { x: 1 }), /no value for 'y'/);
  assert.throws(() => evaluateExpression(module, 'x', { x: '1' }), /x must be a number/);
  assert.throws(() => evaluateExpression(module, 'x', null), EngineError);
});

test('the lab\'s tasks on the core\'s numbers: cancel the fork\'s paths, a gradient of 6, a perfect fit', () => {
  const task = (id) => expressionTasks.find((t) => t.id === id);
  const fork = expressionPresets(module).find((x) => x.id === 'fork');
  // The fork preset's paths never cancel: they sum to −27x², 0 only at x = 0, where each path is 0.
  assert.deepEqual(evaluate(task('graph-fork-zero'), { result: evaluateExpression(module, fork.text, { x: 0 }), preset: 'fork' }).missing, ['type f = x^2; g = 4*x; h = f - g']);
  // The task's own: paths 2x and −4, cancelling at x = 2 (typed with any spacing).
  const cancel = (x) => evaluateExpression(module, 'f=x^2;g=4*x;h=f-g', { x });
  assert.deepEqual(evaluate(task('graph-fork-zero'), { result: cancel(1), preset: null }).missing, ['∂h/∂x = 0 (now −2)']);
  assert.deepEqual(cancel(2).paths[0].listed.map((p) => p.product), [4, -4]);
  assert.equal(evaluate(task('graph-fork-zero'), { result: cancel(2), preset: null }).met, true);
  const own = evaluateExpression(module, 'x^2*y + 2*x', { x: 1, y: 2 });  // 2xy + 2 = 6
  assert.equal(evaluate(task('graph-own-gradient'), { result: own, preset: null }).met, true);
  assert.deepEqual(evaluate(task('graph-own-gradient'), { result: evaluateExpression(module, 'x*y', { x: 1, y: 2 }), preset: null }).missing, ['∂/∂x = 6 (now 2)']);
  const lr = expressionPresets(module).find((x) => x.id === 'linear-regression');
  assert.equal(evaluate(task('graph-fit-line'), { result: evaluateExpression(module, lr.text, { w1: 1, x: 3, w0: 1, y: 4 }), preset: 'linear-regression' }).met, true);
  assert.deepEqual(evaluate(task('graph-fit-line'), { result: evaluateExpression(module, lr.text, presetValues(lr)), preset: 'linear-regression' }).missing, ['L = 0 (now 9)']);
  // 1.9 + 0.7·3 − 4 is 4.4e−16 in floating point, L 1.97e−31: a perfect fit all the same.
  assert.equal(evaluate(task('graph-fit-line'), { result: evaluateExpression(module, lr.text, { w1: 0.7, x: 3, w0: 1.9, y: 4 }), preset: 'linear-regression' }).met, true);
});

test('the presets\' titles as the lab shows them: in English, the core\'s own, word for word', () => {
  // The lab's messages for the titles with words must not drift from core/expression.cpp.
  for (const p of expressionPresets(module)) assert.equal(presetTitle(p), p.title, p.id);
  assert.equal(presetTitle({ id: 'no-such-preset', title: 'q = x' }), 'q = x', 'a title it has no message for is the core\'s');
});
