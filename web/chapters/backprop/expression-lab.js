// Chapter 5's computational-graphs lab: the learner types an expression (or picks one of the
// lecture's), sets its inputs, and sees the graph with every forward value, every edge's upstream ×
// local and every gradient; a player steps through reverse mode (each gradient final once, then
// reused) against forward mode (one pass per input); forks are summed in words. Every number is
// the core's (engine.js evaluateExpression); this file lays them out, plays them and checks the
// tasks. playerSteps() and forkWords() are pure, so Node tests read what the page says.
import { evaluateExpression, expressionPresets, parseExpression } from '../../engine.js';
import { renderTasks, allOf, near } from '../../course/tasks.js';
import { bindLabState, numberList } from '../../course/lab-state.js';
import { labListeners, labChanged, showLabMessage } from '../../course/lab-wiring.js';
import { formatNumber as short } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { createExpressionGraph, nodeLabels } from '../../views/expression-graph.js';
import { LAB_VALUE } from '../../course/route.js';
import { encodeExpression, decodeExpression } from './expression-link.js';

export const DEFAULT_PRESET = 'sum-times';
const PLAY_MS = 900;
const NEW_INPUT = 1;  // a name the learner adds starts at 1

const paren = (v) => (v < 0 ? `(${short(v)})` : short(v));
const inputIndex = (result, name) => result.variables.indexOf(name);
const gradOf = (result, name) => {
  const k = inputIndex(result, name);
  return k < 0 ? NaN : result.nodes[result.variableNodes[k]].grad;
};

/**
 * The steps the player shows for one mode. Reverse: one per node whose gradient becomes final
 * (output first). Forward: for each input, one per node in order (its tangent for that input).
 * Each: { node, pass (forward), gradients (Set of nodes shown), edges (Set of edges shown),
 * currentEdges, upTo (forward), text }.
 * @param {object} result evaluateExpression's (ok) result
 * @param {'reverse'|'forward'} mode
 */
export function playerSteps(result, mode) {
  const labels = nodeLabels(result);
  const out = labels[result.output];
  const edgesFrom = result.nodes.map(() => []), edgesTo = result.nodes.map(() => []);
  result.edges.forEach((e, k) => {
    if (result.nodes[e.from].isConstant) return;
    edgesFrom[e.from].push(k);
    edgesTo[e.to].push(k);
  });
  const steps = [];
  if (mode === 'reverse') {
    const gradients = new Set(), edges = new Set();
    for (const n of result.reverse.nodes) {
      gradients.add(n);
      const below = edgesTo[n];
      for (const k of below) edges.add(k);
      const g = result.nodes[n].grad;
      const node = labels[n];
      let text;
      if (n === result.output) text = t('Start at the output: ∂{out}/∂{out} = 1.', { out });
      else {
        const parts = edgesFrom[n].map((k) => result.edges[k].gradient);
        const use = result.edges[edgesFrom[n][0]];
        text = parts.length === 1
          ? t('∂{out}/∂{node} = {upstream} × {local} = {grad}, from its one use.',
            { out, node, upstream: short(use.upstream), local: short(use.local), grad: short(g) })
          : t('{node} is used {n} times (a fork), so ∂{out}/∂{node} adds what each use passes back: {terms} = {grad}.',
            { node, n: parts.length, out, terms: parts.map(paren).join(' + '), grad: short(g) });
        text += ` ${t('Every use is done, so this gradient is final.')}`;
      }
      const gets = below.map((k) => t('{from} gets {grad} × {local} = {gradient}', { from: labels[result.edges[k].from], grad: short(g),
        local: short(result.edges[k].local), gradient: short(result.edges[k].gradient) })).join('; ');
      text += ` ${below.length === 0 ? t('{node} is an input: nothing below it.', { node })
        : tn('It is stored and reused (memoised) for its input: {gets}.', 'It is stored and reused (memoised) for its {n} inputs: {gets}.',
          below.length, { gets })}`;
      steps.push({ node: n, gradients: new Set(gradients), edges: new Set(edges), currentEdges: new Set(below), text });
    }
    return steps;
  }
  const order = result.nodes.map((_, i) => i).filter((i) => !result.nodes[i].isConstant);
  result.variables.forEach((input, pass) => {
    const tangent = result.forward.tangents[pass];
    for (const i of order) {
      const head = t('Pass {pass} of {passes} (∂/∂{input}):', { pass: pass + 1, passes: result.variables.length, input });
      const node = labels[i], value = short(tangent[i]);
      let text;
      if (result.nodes[i].op === 'variable') {
        text = `${head} ${node === input ? t('∂{node}/∂{input} = {value}, the seed of this pass.', { node, input, value })
          : `∂${node}/∂${input} = ${value}.`}`;
      } else {
        const terms = edgesTo[i].map((k) => `${short(result.edges[k].local)} × ${paren(tangent[result.edges[k].from])}`);
        text = `${head} ${t('∂{node}/∂{input} = {terms} = {value} (local × what each input carries).', { node, input, terms: terms.join(' + '), value })}`;
      }
      if (i === result.output) {
        text += ` ${result.variables.length > 1
          ? t('This pass gives ∂{out}/∂{input} = {value} and nothing else: every input needs its own pass over the whole graph ({n} here), while reverse mode gets them all in one backward pass.',
            { out, input, value, n: result.variables.length })
          : t('This pass gives ∂{out}/∂{input} = {value} and nothing else.', { out, input, value })}`;
      }
      steps.push({ node: i, pass, upTo: i, input, currentEdges: new Set(edgesTo[i]), text });
    }
  });
  return steps;
}

/**
 * The forks and the sum over paths, in words: one sentence per node used more than once, and one
 * per input reached along more than one path (its first paths listed with their products).
 * @param {object} result evaluateExpression's (ok) result
 * @returns {string[]}
 */
export function forkWords(result) {
  const labels = nodeLabels(result);
  const out = labels[result.output];
  const words = [];
  result.nodes.forEach((n, i) => {
    if (n.isConstant) return;
    const uses = result.edges.filter((e) => e.from === i);
    if (uses.length < 2) return;
    const operations = new Set(uses.map((e) => e.to)).size;  // x*x: one operation, two edges
    const params = { node: labels[i], n: uses.length, out, terms: uses.map((e) => paren(e.gradient)).join(' + '), grad: short(n.grad) };
    words.push(operations === uses.length
      ? t('{node} feeds {n} operations (a fork): ∂{out}/∂{node} = {terms} = {grad}, the sum of what comes back along each.', params)
      : t('{node} feeds {operations} along {n} edges (a fork): ∂{out}/∂{node} = {terms} = {grad}, the sum of what comes back along each edge.',
        { ...params, operations: tn('{n} operation', '{n} operations', operations) }));
  });
  // A step along one of two edges between the same nodes (x*x) names its operand, or two paths read alike.
  const twin = (e) => result.edges.some((o) => o !== e && o.from === e.from && o.to === e.to);
  const stepTo = (e) => (!twin(e) ? labels[e.to] : e.slot === 0 ? t('{node} (left operand)', { node: labels[e.to] })
    : t('{node} (right operand)', { node: labels[e.to] }));
  result.variables.forEach((input, k) => {
    const { count, listed } = result.paths[k];
    if (count < 2) return;
    const shown = listed.map((p) => t('{path}: {factors} = {product}', { path: [labels[p.nodes[0]], ...[...p.edges].map((e) => stepTo(result.edges[e]))].join(' → '),
      factors: [...p.edges].map((e) => paren(result.edges[e].local)).join(' × '), product: short(p.product) }));
    const params = { out, input, n: count, paths: shown.join('; '), more: count - listed.length, grad: short(gradOf(result, input)) };
    words.push(count > listed.length
      ? t('∂{out}/∂{input} sums {n} paths from {input} to {out}, each the product of the local derivatives along it: {paths}; and {more} more. Together: {grad}.', params)
      : t('∂{out}/∂{input} sums {n} paths from {input} to {out}, each the product of the local derivatives along it: {paths}. Together: {grad}.', params));
  });
  return words;
}

// Both modes take the core's one table of local slopes and differ only in the order they multiply
// and add, so they agree to rounding; the page compares the numbers rather than saying so regardless
// (relative, as the slopes far out on a tanh are tiny and 0 must not pass for 3.5×10⁻²⁶).
const sameToRounding = (a, b) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The output's value and both modes' derivatives, in words; "agrees" only if every pair does.
 * @param {object} result evaluateExpression's (ok) result
 */
export function summaryWords(result) {
  const out = nodeLabels(result)[result.output];
  const value = short(result.nodes[result.output].value);
  if (result.variables.length === 0) {  // an unnamed number is labelled by its value: '512', not '512 = 512'
    return out === value ? t('{value}: a number, with no input to differentiate.', { value })
      : t('{out} = {value}: a number, with no input to differentiate.', { out, value });
  }
  const reverse = result.variables.map((_, k) => result.nodes[result.variableNodes[k]].grad);
  const forward = [...result.forward.grad];
  const params = { out, value, reverse: result.variables.map((n, k) => `∂${out}/∂${n} = ${short(reverse[k])}`).join(', '),
    forward: forward.map((g) => short(g)).join(', ') };
  return forward.every((g, k) => sameToRounding(g, reverse[k]))
    ? t('{out} = {value}. Reverse mode: {reverse}. Forward mode, one pass per input, agrees: {forward}.', params)
    : t('{out} = {value}. Reverse mode: {reverse}. Forward mode, one pass per input, gives {forward}: not the same, as it adds the same products in another order and rounds differently.', params);
}

/**
 * What each mode costs here, in products: one backward pass against one forward pass per input.
 * @param {object} result evaluateExpression's (ok) result
 */
export function costWords(result) {
  const inputs = result.variables.length;
  const wins = t('With many inputs (a network\'s weights) and one output (its loss), reverse mode wins: that is backpropagation.');
  if (inputs === 0) return `${t('With no input there is no derivative to take, so neither mode has anything to do.')} ${wins}`;
  const products = result.reverse.edges.length;
  const each = tn('{n} product', '{n} products', products);
  const reverse = tn('Reverse mode: one backward pass of {products} gives the derivative.',
    'Reverse mode: one backward pass of {products} gives all {n} derivatives.', inputs, { products: each });
  const forward = tn('Forward mode: {n} pass of {products}.', 'Forward mode: {n} passes of {products} each, {total} in all.',
    inputs, { products: each, total: tn('{n} product', '{n} products', inputs * products) });
  return `${reverse} ${forward} ${wins}`;
}

// Tasks read { result, preset } where preset is the id of the preset whose graph is shown, if any.
const FORK_TO_CANCEL = 'f = x^2; g = 4*x; h = f - g';  // as the core prints it back (result.text)
export const expressionTasks = [
  // x forks into f and g, and the paths back from h carry 2x and −4: at x = 2 they cancel, neither
  // being 0. (The fork preset cannot show this: its paths sum to −27x², 0 only where each path is 0.)
  { id: 'graph-fork-zero', title: 'Cancel the paths',
    statement: 'Type f = x^2; g = 4*x; h = f - g, in which x forks into f and g, and find the x where the paths ' +
      'through f and through g cancel: ∂h/∂x = 0 though neither path is 0.',
    check: ({ result }) => {
      const typed = result?.text === FORK_TO_CANCEL;
      const paths = typed ? result.paths[inputIndex(result, 'x')].listed.map((p) => p.product) : [];
      return allOf([
        [typed, t('type {expression}', { expression: FORK_TO_CANCEL })],
        [!typed || (near(gradOf(result, 'x'), 0) && paths.every((p) => !near(p, 0))),
          t('∂h/∂x = 0 (now {now})', { now: typed ? short(gradOf(result, 'x')) : '–' })],
      ]);
    } },
  { id: 'graph-own-gradient', title: 'A gradient of your own',
    statement: 'Type an expression of your own in x and y (not a preset) whose ∂/∂x is 6 at x = 1, y = 2.',
    check: ({ result, preset }) => {
      const k = result ? inputIndex(result, 'x') : -1, j = result ? inputIndex(result, 'y') : -1;
      const x = k < 0 ? NaN : result.nodes[result.variableNodes[k]].value, y = j < 0 ? NaN : result.nodes[result.variableNodes[j]].value;
      return allOf([
        [preset === null, t('an expression that is not a preset')],
        [k >= 0 && j >= 0, t('inputs named x and y')],
        [x === 1 && y === 2, t('x = 1 and y = 2 (now {x} and {y})', { x: k < 0 ? '–' : short(x), y: j < 0 ? '–' : short(y) })],
        [k >= 0 && near(gradOf(result, 'x'), 6), t('∂/∂x = 6 (now {now})', { now: k < 0 ? '–' : short(gradOf(result, 'x')) })],
      ]);
    } },
  { id: 'graph-fit-line', title: 'A perfect fit',
    statement: 'In the linear-regression preset, keep x = 3 and y = 4 and choose w0 and w1 so that L = 0. ' +
      'What happens to every gradient?',
    check: ({ result, preset }) => {
      const value = (name) => result.nodes[result.variableNodes[inputIndex(result, name)]].value;
      const lr = preset === 'linear-regression';
      return allOf([
        [lr, t('show the linear-regression preset')],
        [lr && value('x') === 3 && value('y') === 4, t('x = 3 and y = 4')],
        [lr && near(result.nodes[result.output].value, 0), t('L = 0 (now {now})', { now: lr ? short(result.nodes[result.output].value) : '–' })],
      ]);
    } },
];

// The text's characters with the one at `position` marked (a mark after the end for "ends early").
function markedText(text, position) {
  const pre = document.createElement('pre');
  pre.className = 'expr-marked';
  pre.translate = false;  // the learner's own text
  const mark = document.createElement('mark');
  mark.textContent = position < text.length ? text[position].replace('\n', '↵\n') : ' ';
  pre.append(text.slice(0, position), mark, text.slice(position + 1));
  return pre;
}

// The presets' titles in the language in force. The core names them in English (expression_presets);
// those with words are messages here, and tests/wasm/expression.test.mjs checks that in English they
// are the core's titles.
export function presetTitle(preset) {
  const titles = {
    'linear-regression': t('Linear regression: L = (w0 + w1·x − y)²'),
    fork: t('h(f(x), g(x)) = 2f² − 3fg + 1: x forks'),
    'sigmoid-neuron': t('One sigmoid neuron, squared error'),
  };
  return titles[preset.id] ?? preset.title;
}

/** @returns {() => void} clean-up */
export function createExpressionLab(container, { module, playground, route, lab }, tasks = expressionTasks) {
  const presets = expressionPresets(module);
  const byId = new Map(presets.map((p) => [p.id, p]));
  const start = byId.get(DEFAULT_PRESET);
  // Each preset's graph printed back, to tell a preset from an edit of it whatever the spacing.
  const presetOf = new Map(presets.map((p) => [/** @type {import('../../engine.js').ExpressionGraph} */ (parseExpression(module, p.text)).text, p.id]));  // presets parse
  const section = document.createElement('section');
  section.id = 'expression-lab';
  section.className = 'widget expr-lab';
  section.innerHTML = `
  <h3>Computational graphs of your own</h3>
  <p class="hint">Type an expression, or a few assignments separated by ; or new lines (the last one is the
    output): + − * / ^, exp, log, sigmoid, tanh, relu, numbers and names. Every name becomes an input you set
    below; a name used twice is one node with two edges out (a fork). Each edge shows upstream × local = what
    it passes back; under each node, the output's gradient with respect to it.</p>
  <div class="row expr-presets" role="group" aria-label="The lecture's examples">${presets.map((p) =>
    `<button type="button" data-preset="${p.id}"></button>`).join('')}</div>
  <label class="expr-text-label" for="expr-text">Expression</label>
  <textarea id="expr-text" rows="2" spellcheck="false" autocomplete="off" aria-describedby="expr-error"></textarea>
  <div id="expr-error" class="expr-error" role="status"></div>
  <div id="expr-values" class="row expr-values" role="group" aria-label="Input values"></div>
  <input id="expr-values-list" type="hidden" data-list>
  <p id="expr-link-note" class="hint" hidden>This expression (or its values) is too long for the link, or holds a character it cannot carry: the link keeps the last one that fitted.</p>
  <div class="expr-figure"><svg id="expr-svg" class="expr-svg" role="group" aria-label="The expression's computational graph with values and gradients"></svg></div>
  <p id="expr-summary" class="expr-summary"></p>
  <ul id="expr-forks" class="expr-forks"></ul>
  <h4>Reverse mode against forward mode, step by step</h4>
  <div class="row expr-player">
    <label class="compact">mode <select id="expr-mode"><option value="reverse">reverse mode (backpropagation)</option>
      <option value="forward">forward mode (one pass per input)</option></select></label>
    <button type="button" id="expr-first">Start</button>
    <button type="button" id="expr-prev">Previous</button>
    <button type="button" id="expr-next">Next</button>
    <button type="button" id="expr-play">Play</button>
    <button type="button" id="expr-all">Show all</button>
  </div>
  <p id="expr-step" class="expr-step" role="status"></p>
  <p id="expr-cost" class="hint"></p>`;
  container.append(section);
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {NodeListOf<HTMLButtonElement>} */
  const presetButtons = section.querySelectorAll('[data-preset]');
  presetButtons.forEach((b) => { b.textContent = presetTitle(byId.get(b.dataset.preset)); });
  const taskList = renderTasks(section, tasks, { active: route.task });
  const view = createExpressionGraph($('expr-svg'));
  /** @type {HTMLTextAreaElement} */
  const textField = $('expr-text');
  /** @type {HTMLInputElement} */
  const valuesField = $('expr-values-list');
  /** @type {HTMLSelectElement} */
  const mode = $('expr-mode');

  // The link: graph.expr (encoded, expression-link.js) beside what bindLabState carries (mode and the
  // values in the inputs' order); a link with an expression always carries its values too.
  const linkExpr = lab?.values('graph')?.expr;
  let savedExpr = null;
  const labWithExpr = lab && {
    values: (prefix) => { const { expr: _, ...rest } = lab.values(prefix); return rest; },
    save: (prefix, values) => lab.save(prefix, savedExpr === null ? values
      : { expr: savedExpr, ...values, values: valuesField.value.split(',').map((v) => v.trim()).join('_') }),
    report: (problems, keys) => lab.report(problems, keys),
  };
  textField.value = start.text;
  valuesField.value = start.values.map((v) => v.value).join(', ');
  const linked = bindLabState(labWithExpr, 'graph', { mode, values: valuesField });
  const values = new Map();  // every input's value by name, kept while the text changes
  if (linkExpr !== undefined) {
    const text = decodeExpression(linkExpr);
    if (text === null) lab.report([t('graph.expr \'{value}\' is not an expression this lab wrote', { value: linkExpr })], ['graph.expr']);
    else { textField.value = text; savedExpr = linkExpr; }
  }
  const linkValues = numberList(valuesField.value) ?? [];
  const firstGraph = parseExpression(module, textField.value);
  if (firstGraph.ok) {
    const preset = presets.find((p) => p.id === presetOf.get(firstGraph.text));
    const fromLink = lab?.values('graph')?.values !== undefined;
    if (fromLink && linkValues.length !== firstGraph.variables.length) {
      lab.report([t('graph.values has {numbers} for {inputs}', { numbers: tn('{n} number', '{n} numbers', linkValues.length),
        inputs: tn('{n} input', '{n} inputs', firstGraph.variables.length) })], ['graph.values']);
    }
    const useLink = fromLink && linkValues.length === firstGraph.variables.length;
    firstGraph.variables.forEach((name, k) => values.set(name,
      useLink ? linkValues[k] : preset?.values.find((v) => v.name === name)?.value ?? NEW_INPUT));
  }

  let result = null;      // the last good evaluation
  let shownPreset = null; // its preset's id, or null
  let steps = [];
  let step = null;        // the player's step, null for everything at once
  let timer = null;

  const stopPlaying = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    $('expr-play').textContent = 'Play';
    $('expr-step').setAttribute('aria-live', 'polite');
  };

  const drawStep = () => {
    if (!result) return;
    const s = step === null ? null : steps[step];
    if (s === null) view.update(result);
    else if (mode.value === 'reverse') view.update(result, { gradients: s.gradients, edges: s.edges, current: s.node, currentEdges: s.currentEdges });
    else view.update(result, { tangents: { values: result.forward.tangents[s.pass], upTo: s.upTo, input: s.input }, current: s.node, currentEdges: s.currentEdges });
    $('expr-step').textContent = s === null
      ? (mode.value === 'reverse'
        ? t('All at once: the forward values, then every gradient from one backward pass. Press Start or Next to play reverse mode step by step.')
        : t('All at once: the forward values, then every gradient from one backward pass. Press Start or Next to play forward mode step by step.'))
      : `${t('Step {n} of {m}.', { n: step + 1, m: steps.length })} ${s.text}`;
    $('expr-step').dataset.step = step === null ? 'all' : String(step + 1);
  };

  const showError = (r, text) => {
    const box = $('expr-error');
    box.replaceChildren();
    if (!r) { textField.removeAttribute('aria-invalid'); return; }
    textField.setAttribute('aria-invalid', 'true');
    const p = document.createElement('p');
    p.className = 'expr-message';
    const where = { error: r.error, n: r.position + 1 };
    p.textContent = r.stage === 'parse' ? t('Cannot read this: {error} (at character {n}).', where)
      : t('Cannot evaluate this: {error} (at character {n}).', where);
    box.dataset.position = String(r.position);
    box.append(p, markedText(text, r.position));
  };

  const renderValues = (names) => {
    const box = $('expr-values');
    const current = [...box.querySelectorAll('input')].map((el) => el.dataset.name);
    if (current.length === names.length && current.every((n, i) => n === names[i])) return;
    box.replaceChildren(...names.map((name) => {
      const label = document.createElement('label');
      label.className = 'compact';
      const input = Object.assign(document.createElement('input'), { type: 'number', step: 'any', value: String(values.get(name)) });
      input.dataset.name = name;
      input.id = `expr-value-${name}`;
      label.translate = false;  // a name the learner typed
      label.append(`${name} `, input);
      return label;
    }));
  };

  // The graph and the words about it: faded while they are the last expression's, not the text's.
  const SHOWN = ['expr-svg', 'expr-summary', 'expr-forks', 'expr-cost'];
  const markStale = (stale) => { for (const id of SHOWN) $(id).classList.toggle('stale', stale); };
  // An error keeps the last graph and its words, faded; the tasks read no expression until it is fixed.
  const refuse = (r, text) => {
    showError(r, text);
    markStale(true);
    taskList.update({ result: null, preset: null });
    return false;
  };

  // Re-reads the text and the inputs, asks the core, redraws; an error keeps the last graph, faded.
  const render = ({ keepStep = false } = {}) => {
    const text = textField.value;
    const graph = parseExpression(module, text);
    if (!graph.ok) return refuse(graph, text);
    for (const name of graph.variables) if (!values.has(name)) values.set(name, NEW_INPUT);
    renderValues(graph.variables);
    let invalid = false;
    for (const input of $('expr-values').querySelectorAll('input')) {
      const v = input.value.trim() === '' ? NaN : Number(input.value);
      input.setAttribute('aria-invalid', String(!Number.isFinite(v)));
      if (Number.isFinite(v)) values.set(input.dataset.name, v);
      else invalid = true;
    }
    if (invalid) return false;  // a cleared or half-typed value is not 0: the graph keeps its numbers
    const r = evaluateExpression(module, text, Object.fromEntries(graph.variables.map((n) => [n, values.get(n)])));
    if (!r.ok) return refuse(r, text);
    showError(null);
    markStale(false);
    labChanged(playground);  // the link's expression, once corrected, needs its message no more
    result = r;
    shownPreset = presetOf.get(r.text) ?? null;
    valuesField.value = r.variables.map((n) => values.get(n)).join(', ');
    steps = playerSteps(r, /** @type {'reverse'|'forward'} */ (mode.value));
    if (!keepStep || (step !== null && step >= steps.length)) { step = null; stopPlaying(); }
    drawStep();
    const summary = $('expr-summary');
    summary.textContent = summaryWords(r);
    summary.dataset.output = String(r.nodes[r.output].value);
    $('expr-forks').replaceChildren(...forkWords(r).map((w) => Object.assign(document.createElement('li'), { textContent: w })));
    $('expr-cost').textContent = costWords(r);
    taskList.update({ result: r, preset: shownPreset });
    return true;
  };

  // Into the link only what it can carry; a text it cannot leaves the link at the last one that fitted.
  const save = () => {
    if (!result) return;
    const isStart = textField.value === start.text;
    const encoded = isStart ? null : encodeExpression(textField.value);
    const list = valuesField.value.split(',').map((v) => v.trim()).join('_');
    const fits = isStart || (encoded !== null && LAB_VALUE.test(encoded) && LAB_VALUE.test(list));
    $('expr-link-note').hidden = fits;
    if (!fits) return;
    savedExpr = encoded;
    linked.save();
  };

  const listening = labListeners();
  const { on } = listening;
  on(textField, 'input', () => render());
  on(textField, 'change', () => { if (render()) save(); });
  on($('expr-values'), 'input', () => render({ keepStep: true }));
  on($('expr-values'), 'change', () => { if (render({ keepStep: true })) save(); });
  presetButtons.forEach((b) => on(b, 'click', () => {
    const p = byId.get(b.dataset.preset);
    textField.value = p.text;
    for (const { name, value } of p.values) values.set(name, value);
    $('expr-values').replaceChildren();
    if (render()) save();
  }));
  on(mode, 'change', () => {
    if (result) steps = playerSteps(result, /** @type {'reverse'|'forward'} */ (mode.value));
    step = null;
    stopPlaying();
    drawStep();
    save();
  });
  const go = (k) => {
    if (!result || steps.length === 0) return;
    step = Math.max(0, Math.min(steps.length - 1, k));
    drawStep();
  };
  on($('expr-first'), 'click', () => { stopPlaying(); go(0); });
  on($('expr-prev'), 'click', () => { stopPlaying(); go(step === null ? 0 : step - 1); });
  on($('expr-next'), 'click', () => { stopPlaying(); go(step === null ? 0 : step + 1); });
  on($('expr-all'), 'click', () => { stopPlaying(); step = null; drawStep(); });
  on($('expr-play'), 'click', () => {
    if (timer !== null) { stopPlaying(); return; }
    // Quiet while it plays: a step's sentence takes longer to read out than the step is shown, so
    // they would pile up; Next and Previous are read out.
    $('expr-step').setAttribute('aria-live', 'off');
    if (step === null || step >= steps.length - 1) go(0);
    $('expr-play').textContent = 'Pause';
    timer = setInterval(() => {
      if (step >= steps.length - 1) { stopPlaying(); return; }
      go(step + 1);
    }, PLAY_MS);
  });
  if (!render()) {
    showLabMessage(playground, t('The computational-graphs lab could not show the expression from the link; its error is under the text field.'),
      () => !$('expr-svg').classList.contains('stale'));
  }
  return () => {
    stopPlaying();
    listening.off();
    section.remove();
  };
}
