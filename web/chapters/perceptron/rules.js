// The perceptron and Adaline chapter's lab: one unit on a two-input truth table, taught by the
// perceptron rule or the Adaline rule one example at a time by the core (engine.js ClassicUnit).
// Each step shows the example, z, y, t − y and Δw with the core's numbers; the plot shows the
// points and the line w0 + w1·x1 + w2·x2 = 0; mistakes per epoch are charted; the page says when
// the perceptron has converged and when it cannot (XOR). The widget's own tasks check the unit.
import { ClassicUnit, EngineError } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { formatNumber } from '../../views/format.js';
import { NEGATIVE_FILL, POSITIVE_FILL } from '../../views/colors.js';

// The four inputs in binary counting order; targets per gate in the same order (binary coding).
const GATES = { and: [0, 0, 0, 1], or: [0, 1, 1, 1], nand: [1, 1, 1, 0], xor: [0, 1, 1, 0] };
const GATE_NAMES = { and: 'AND', or: 'OR', nand: 'NAND', xor: 'XOR' };
// After this many epochs without an epoch free of mistakes the page says the perceptron is stuck.
export const GIVE_UP_EPOCHS = 100;
const SVG_NS = 'http://www.w3.org/2000/svg';
const SIZE = 220;

/** The examples and targets of `gate` in `coding` ('binary': 0/1, 'bipolar': −1/+1). */
export function gateData(gate, coding) {
  const low = coding === 'bipolar' ? -1 : 0;
  const examples = [[low, low], [low, 1], [1, low], [1, 1]];
  return { examples, targets: GATES[gate].map((t) => (t === 1 ? 1 : low)) };
}

/**
 * What the run shows in words, from the core's state and history: converged, stuck (the
 * perceptron past GIVE_UP_EPOCHS), or still learning.
 */
export function runStatus({ rule, gate }, state, history) {
  const cost = `J(w) = ${formatNumber(state.cost)}`;
  if (state.diverged) return { kind: 'error', text: 'The weights are no longer numbers: the learning rate is too large for Adaline. Lower it and reset.' };
  if (state.epoch === 0) return { kind: 'info', text: 'No epoch completed yet.' };
  const last = history.mistakes[history.mistakes.length - 1];
  if (rule === 'perceptron' && state.converged) {
    return { kind: 'met', text: `Converged: epoch ${state.epoch} had no mistake, so the weights no longer change.` };
  }
  if (rule === 'perceptron' && state.epoch >= GIVE_UP_EPOCHS) {
    const why = gate === 'xor'
      ? 'XOR is not linearly separable: no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so the rule keeps correcting one mistake with another, forever (Minsky and Papert, 1969).'
      : 'the classes may not be separable by a line.';
    return { kind: 'warning', text: `${state.epoch} epochs and still a mistake in every one: ${why}` };
  }
  if (rule === 'adaline') {
    return { kind: 'info', text: `Epoch ${state.epoch}: ${cost}, ${last} of 4 classified wrongly by the thresholded sum. ` +
      'Adaline keeps moving towards the least-squares weights even when every point is right.' };
  }
  return { kind: 'info', text: `Epoch ${state.epoch}: ${last} mistake${last === 1 ? '' : 's'}.` };
}

export const ruleTasks = [
  { id: 'perceptron-or', title: 'The perceptron learns OR',
    statement: 'Choose OR and the perceptron rule, then step or train until an epoch passes without a mistake.',
    check: ({ settings, state }) => ({
      met: settings.gate === 'or' && settings.rule === 'perceptron' && state.converged,
      missing: [settings.gate !== 'or' ? 'choose OR' : settings.rule !== 'perceptron' ? 'choose the perceptron rule'
        : `train until an epoch has no mistake (epoch ${state.epoch} so far)`],
    }) },
  { id: 'perceptron-xor', title: 'The perceptron cannot learn XOR',
    statement: `Choose XOR and the perceptron rule and train for ${GIVE_UP_EPOCHS} epochs: every one still has a mistake.`,
    check: ({ settings, state }) => ({
      met: settings.gate === 'xor' && settings.rule === 'perceptron' && state.epoch >= GIVE_UP_EPOCHS && !state.converged,
      missing: [settings.gate !== 'xor' ? 'choose XOR' : settings.rule !== 'perceptron' ? 'choose the perceptron rule'
        : `train for ${GIVE_UP_EPOCHS} epochs (${state.epoch} so far)`],
    }) },
];

const el = (tag, attrs = {}) => {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
};

// The points (class 1 blue, the other orange), the region where the unit fires (z > 0) shaded, its
// boundary line, and the example of the last step ringed.
function drawPlot(svg, { examples, targets }, weights, current, coding) {
  const lo = coding === 'bipolar' ? -1.6 : -0.6, hi = 1.6;
  const px = (x) => ((x - lo) / (hi - lo)) * SIZE;
  const py = (y) => SIZE - ((y - lo) / (hi - lo)) * SIZE;
  const [w0, w1, w2] = weights;
  const z = ([x, y]) => w0 + w1 * x + w2 * y;
  // The square clipped to z > 0 (Sutherland–Hodgman against one half-plane), for the shading.
  const square = [[lo, lo], [hi, lo], [hi, hi], [lo, hi]];
  const region = [], crossings = [];
  square.forEach((p, i) => {
    const q = square[(i + 1) % 4];
    const [zp, zq] = [z(p), z(q)];
    if (zp > 0) region.push(p);
    if ((zp > 0) !== (zq > 0)) {
      const t = zp / (zp - zq);
      const c = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
      region.push(c);
      crossings.push(c);
    }
  });
  svg.replaceChildren();
  svg.append(el('rect', { x: 0, y: 0, width: SIZE, height: SIZE, class: 'rule-plot-frame' }));
  if (region.length >= 3) {
    svg.append(el('polygon', { points: region.map(([x, y]) => `${px(x)},${py(y)}`).join(' '), class: 'rule-plot-fires' }));
  }
  if (crossings.length === 2) {
    const [[x1, y1], [x2, y2]] = crossings;
    svg.append(el('line', { x1: px(x1), y1: py(y1), x2: px(x2), y2: py(y2), class: 'rule-plot-line' }));
  }
  // The two input values on each axis, and the axes' names.
  const values = coding === 'bipolar' ? [-1, 1] : [0, 1];
  const label = (text, x, y, cls = 'rule-plot-tick') => Object.assign(el('text', { x, y, class: cls }), { textContent: text });
  for (const v of values) {
    svg.append(label(formatNumber(v), px(v), SIZE - 5), label(formatNumber(v), 10, py(v) + 4));
  }
  svg.append(label('x1', SIZE / 2, SIZE - 5, 'rule-plot-axis'), label('x2', 10, SIZE / 2 + 4, 'rule-plot-axis'));
  examples.forEach(([x, y], i) => {
    const fill = targets[i] === 1 ? POSITIVE_FILL : NEGATIVE_FILL;
    const dot = el('circle', { cx: px(x), cy: py(y), r: 7, fill, 'data-example': i, class: i === current ? 'current' : '' });
    dot.append(Object.assign(el('title'), { textContent: `(${x}, ${y}), target ${targets[i]}` }));
    svg.append(dot);
  });
}

// Mistakes per epoch, the last 40, as bars (height = mistakes of 4).
function drawMistakes(svg, history) {
  const bars = [...history.mistakes].slice(-40);
  const first = history.first + history.mistakes.length - bars.length;
  const w = 6, h = 44;
  svg.setAttribute('viewBox', `0 0 ${40 * w} ${h}`);
  svg.setAttribute('preserveAspectRatio', 'xMinYMid meet');
  svg.replaceChildren(el('line', { x1: 0, y1: h - 0.5, x2: 40 * w, y2: h - 0.5, class: 'rule-mistakes-axis' }));
  bars.forEach((m, i) => {
    const height = (m / 4) * (h - 4);
    const bar = el('rect', { x: i * w + 1, y: h - 1 - height, width: w - 2, height, 'data-mistakes': m });
    bar.append(Object.assign(el('title'), { textContent: `epoch ${first + i + 1}: ${m} mistake${m === 1 ? '' : 's'}` }));
    svg.append(bar);
  });
}

const vector = (v) => `(${[...v].map((x) => formatNumber(x)).join(', ')})`;

/** @returns {() => void} clean-up */
export function createRulesWidget(container, { module, playground, route }, tasks = ruleTasks) {
  const section = document.createElement('section');
  section.id = 'rules-lab';
  section.className = 'widget rules-lab';
  section.innerHTML = `
  <h3>The perceptron and Adaline rules, one example at a time</h3>
  <p class="hint">Both update w ← w + α·(t − y)·x after each example, with the bias as w0 on a constant
    input 1. The perceptron's y is the step of z (1 for z &gt; 0); Adaline's y is z itself.</p>
  <div class="row">
    <label class="compact">Data <select id="rules-gate">${Object.entries(GATE_NAMES).map(([k, n]) => `<option value="${k}">${n}</option>`).join('')}</select></label>
    <label class="compact">Rule <select id="rules-rule"><option value="perceptron">perceptron</option><option value="adaline">Adaline</option></select></label>
    <label class="compact">Targets <select id="rules-coding"><option value="binary">0 / 1</option><option value="bipolar">−1 / +1</option></select></label>
    <label class="compact">α <input id="rules-rate" type="number" step="0.05" min="0.01" value="0.5"></label>
  </div>
  <div class="row">
    <button id="rules-step" type="button">Step one example</button>
    <button id="rules-epoch" type="button">Finish the epoch</button>
    <button id="rules-train" type="button">Train ${GIVE_UP_EPOCHS} epochs</button>
    <button id="rules-reset" type="button">Reset to w = 0</button>
  </div>
  <div class="rules-views">
    <svg id="rules-plot" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img"
      aria-label="The four inputs, coloured by target, the region where the unit fires and its boundary line"></svg>
    <div class="rules-numbers">
      <p>w = <span id="rules-weights"></span> after <span id="rules-epochs"></span></p>
      <table class="rules-step"><caption>The last step</caption><tbody id="rules-step-body"></tbody></table>
      <p class="rules-mistakes-label">Mistakes per epoch</p>
      <svg id="rules-mistakes" class="rules-mistakes" role="img" aria-label="Mistakes per epoch"></svg>
    </div>
  </div>
  <p id="rules-status" class="rules-status" role="status"></p>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  const $ = (id) => section.querySelector(`#${id}`);
  const unit = new ClassicUnit(module);
  let last = null;  // the last step's record, or null after a reset

  const settings = () => ({ gate: $('rules-gate').value, rule: $('rules-rule').value, coding: $('rules-coding').value,
    learningRate: Number($('rules-rate').value) });

  const render = () => {
    const s = settings();
    const data = gateData(s.gate, s.coding);
    const state = unit.state();
    const history = unit.history();
    drawPlot($('rules-plot'), data, state.weights, last ? last.example : -1, s.coding);
    drawMistakes($('rules-mistakes'), history);
    $('rules-weights').textContent = vector(state.weights);
    $('rules-epochs').textContent = `${state.epoch} epoch${state.epoch === 1 ? '' : 's'}` +
      (state.position ? ` and ${state.position} example${state.position === 1 ? '' : 's'}` : '');
    $('rules-step-body').innerHTML = last ? [
      ['example x', vector(last.input)],
      ['weights before', vector(last.weights)],
      ['z = w · x', formatNumber(last.sum)],
      [s.rule === 'perceptron' ? 'y = step(z)' : 'y = z', formatNumber(last.output)],
      ['target t', formatNumber(last.target)],
      ['t − y', formatNumber(last.error)],
      ['Δw = α (t − y) x', vector(last.deltaW)],
    ].map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')
      : '<tr><td>Press "Step one example".</td></tr>';
    $('rules-step-body').dataset.mistake = String(Boolean(last?.mistake));
    const status = runStatus(s, state, history);
    $('rules-status').textContent = status.text;
    $('rules-status').dataset.kind = status.kind;
    list.update({ settings: s, state });
  };

  // A run starts over whenever the data, the rule, the coding or α changes.
  const reset = () => {
    const s = settings();
    const { examples, targets } = gateData(s.gate, s.coding);
    last = null;
    try {
      unit.reset({ rule: s.rule, coding: s.coding, learningRate: s.learningRate }, examples, targets, [0, 0, 0]);
      $('rules-rate').setAttribute('aria-invalid', 'false');
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      $('rules-rate').setAttribute('aria-invalid', 'true');
      playground.showMessage(e.message);
    }
    render();
  };
  // Refused calls (no data yet, diverged weights) are said, not thrown.
  const act = (f) => () => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      playground.showMessage(e.message);
    }
    render();
  };
  // Removed with the widget: a field edited when the chapter is left still fires "change" on blur.
  const listening = new AbortController();
  const on = (id, type, f) => $(id).addEventListener(type, f, { signal: listening.signal });
  on('rules-step', 'click', act(() => { last = unit.step(); }));
  on('rules-epoch', 'click', act(() => {
    do last = unit.step(); while (unit.state().position !== 0);
  }));
  on('rules-train', 'click', act(() => { unit.trainEpochs(GIVE_UP_EPOCHS); last = null; }));
  on('rules-reset', 'click', reset);
  for (const id of ['rules-gate', 'rules-rule', 'rules-coding', 'rules-rate']) on(id, 'change', reset);
  reset();
  return () => {
    listening.abort();
    unit.dispose();
    section.remove();
  };
}
