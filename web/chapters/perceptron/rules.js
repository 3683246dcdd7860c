// The perceptron and Adaline chapter's lab: two single units side by side on the same points, one
// taught by the perceptron rule and one by the Adaline rule, one example at a time by the core
// (engine.js ClassicUnit). The points are a two-input truth table or the playground's own training
// points (generated or drawn, scaled to [−1, 1]). Each step shows the example, z, y, t − y and Δw
// of both units with the core's numbers; the plot shows both boundary lines; the perceptron's
// mistakes and Adaline's squared error are charted per epoch; the page says when the perceptron has
// converged, when it cannot (XOR), and when Adaline has settled.
import { ClassicUnit, EngineError } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { labListeners, showingRefusals, showLabMessage, labChanged } from '../../course/lab-wiring.js';
import { formatNumber, formatTuple } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { svgEl as el } from '../../views/dom.js';
import { NEGATIVE_FILL, POSITIVE_FILL } from '../../views/colors.js';

// The four inputs in binary counting order; targets per gate in the same order (binary coding).
const GATES = { and: [0, 0, 0, 1], or: [0, 1, 1, 1], nand: [1, 1, 1, 0], xor: [0, 1, 1, 0] };
const DATA_NAMES = { and: 'AND', or: 'OR', nand: 'NAND', xor: 'XOR', playground: 'the playground\'s points' };
/** @type {import('../../engine.js').ClassicSettings['rule'][]} */
export const RULES = ['perceptron', 'adaline'];
const RULE_NAMES = { perceptron: 'Perceptron', adaline: 'Adaline' };
// After this many epochs without an epoch free of mistakes the page says the perceptron is stuck.
export const GIVE_UP_EPOCHS = 100;
// The playground's plane is [−6, 6]²; the lab divides by this so the rules' η suits both data kinds.
export const PLAYGROUND_SCALE = 6;
// Adaline has settled when an epoch changes J by less than this fraction.
const SETTLED = 1e-4;
const SIZE = 220;
const PLAY_INTERVAL_MS = 150;
// The η fields' range (the core takes any η in (0, 100]; below 0.01 nothing visibly moves), so a
// link holds only what its fields can show again.
const MIN_RATE = 0.01, MAX_RATE = 100;

/** The examples and targets of `gate` in `coding` ('binary': 0/1, 'bipolar': −1/+1). */
export function gateData(gate, coding) {
  const low = coding === 'bipolar' ? -1 : 0;
  const examples = [[low, low], [low, 1], [1, low], [1, 1]];
  return { examples, targets: GATES[gate].map((t) => (t === 1 ? 1 : low)) };
}

/**
 * The playground's training points as examples, scaled by 1/PLAYGROUND_SCALE, with their classes
 * as targets in `coding`; or { error } when the playground's data has no two classes.
 * @param {{ problem: string, classes: number, xy: ArrayLike<number>, labels: ArrayLike<number>, train: Iterable<number> & ArrayLike<number> }} dataset
 */
export function playgroundData(dataset, coding) {
  if (dataset.problem !== 'binary' || dataset.classes !== 2) {
    return { error: t('The rules learn two classes: choose a two-class data set in the playground below (not a multi-class or regression one).') };
  }
  if (dataset.train.length === 0) return { error: t('The playground has no training points: generate or draw some below.') };
  const low = coding === 'bipolar' ? -1 : 0;
  const examples = [], targets = [];
  for (const i of dataset.train) {
    examples.push([dataset.xy[2 * i] / PLAYGROUND_SCALE, dataset.xy[2 * i + 1] / PLAYGROUND_SCALE]);
    targets.push(dataset.labels[i] === 1 ? 1 : low);
  }
  return { examples, targets };
}

// J's change over the last epoch, relative to J: small means Adaline has settled.
function settled(history) {
  const c = history.cost, n = c.length;
  return n >= 2 && Math.abs(c[n - 1] - c[n - 2]) <= SETTLED * Math.max(c[n - 1], 1e-12);
}

// J up in each of this many epochs in a row, and far above its lowest: η is too large for Adaline.
const GROWING_EPOCHS = 20;
// Such a run may grow J without bound and yet never overflow (0/1 targets on XOR at η = 1: J = 7,630
// after 100 epochs, 3×10⁶ after 2,000), so "diverged" alone would leave it waiting for J to settle.
function growing(history) {
  const c = history.cost, n = c.length;
  if (n <= GROWING_EPOCHS) return false;
  for (let i = n - GROWING_EPOCHS; i < n; ++i) if (!(c[i] > c[i - 1])) return false;
  return c[n - 1] > 10 * Math.min(...c);
}

/**
 * What one unit's run shows in words, from the core's state and history: for the perceptron
 * converged, stuck (past GIVE_UP_EPOCHS) or learning; for Adaline its J, falling or settled.
 */
export function runStatus(rule, { data }, state, history) {
  const count = history.mistakes.length;
  const last = history.mistakes[count - 1];
  if (state.diverged) return { kind: 'error', text: t('The weights are no longer numbers: the learning rate is too large for Adaline. Lower it and reset.') };
  if (state.epoch === 0) return { kind: 'info', text: t('No epoch completed yet.') };
  if (rule === 'adaline') {
    const numbers = { epoch: state.epoch, J: formatNumber(state.cost), wrong: last };
    if (growing(history)) {
      return { kind: 'warning', text: t('Epoch {epoch}: J = {J}, up in each of the last {n} epochs: the learning rate is too large for Adaline, each update overshoots. Lower it and reset.', { ...numbers, n: GROWING_EPOCHS }) };
    }
    return settled(history)
      ? { kind: 'met', text: t('Settled: epoch {epoch} changed J = {J} by less than 0.01%, {wrong} classified wrongly in the epoch. With an update per example and a fixed η, Adaline ends circling the least-squares line (the closer, the smaller η), which minimises J whether or not a line separates the classes.', numbers) }
      : { kind: 'info', text: t('Epoch {epoch}: J = {J}, {wrong} classified wrongly in the epoch. Adaline keeps moving towards the least-squares line even when every point is right.', numbers) };
  }
  if (state.converged) {
    // The first epoch without a mistake (epochs are counted from 1): none after it has one either,
    // the weights having stopped there, however many epochs were trained past it.
    const epoch = history.first + history.mistakes.indexOf(0) + 1;
    return { kind: 'met', text: t('Converged: epoch {epoch} was the first without a mistake, so the weights no longer change.', { epoch }) };
  }
  if (state.epoch >= GIVE_UP_EPOCHS) {
    const why = data === 'xor'
      ? t('XOR is not linearly separable: no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so the rule keeps correcting one mistake with another, forever (Minsky and Papert, 1969).')
      : t('the classes are probably not separable by a line, and then the rule never stops.');
    return { kind: 'warning', text: t('{n} epochs and still a mistake in every one: {why}', { n: state.epoch, why }) };
  }
  return { kind: 'info', text: tn('Epoch {epoch}: {n} mistake.', 'Epoch {epoch}: {n} mistakes.', last, { epoch: state.epoch }) };
}

// name: a message (the data's name in the Data menu).
const dataIs = (want, name) => (settings) => (settings.data === want ? null : t('choose {name}', { name: t(name) }));
export const ruleTasks = [
  { id: 'perceptron-or', title: 'The perceptron learns OR',
    statement: 'Choose OR, then step or train until the perceptron has an epoch without a mistake.',
    check: ({ settings, states }) => ({
      met: settings.data === 'or' && states.perceptron.converged,
      missing: [dataIs('or', 'OR')(settings) ?? t('train until an epoch has no mistake (epoch {epoch} so far)', { epoch: states.perceptron.epoch })],
    }) },
  { id: 'perceptron-xor', title: 'The perceptron cannot learn XOR',
    get statement() { return t('Choose XOR and train for {n} epochs: every one still has a mistake.', { n: GIVE_UP_EPOCHS }); },
    check: ({ settings, states }) => ({
      met: settings.data === 'xor' && states.perceptron.epoch >= GIVE_UP_EPOCHS && !states.perceptron.converged,
      missing: [dataIs('xor', 'XOR')(settings) ?? t('train for {n} epochs ({epoch} so far)', { n: GIVE_UP_EPOCHS, epoch: states.perceptron.epoch })],
    }) },
  { id: 'adaline-xor', title: 'Adaline settles where the perceptron cannot',
    get statement() {
      return t('On XOR, train {n} epochs and compare: the perceptron still corrects one mistake with another, while Adaline\'s squared error J has stopped falling. Which line did it settle on, and why is it no use for classifying XOR?', { n: GIVE_UP_EPOCHS });
    },
    check: ({ settings, states, histories }) => ({
      met: settings.data === 'xor' && states.adaline.epoch >= GIVE_UP_EPOCHS && !states.adaline.diverged && settled(histories.adaline),
      missing: [dataIs('xor', 'XOR')(settings) ?? (states.adaline.diverged ? t('lower Adaline\'s η: its weights diverged')
        : growing(histories.adaline) ? t('lower Adaline\'s η: its J keeps growing (now {J})', { J: formatNumber(states.adaline.cost) })
          // A small η still moves J after the epochs the statement asks for: on, not those epochs again.
          : states.adaline.epoch >= GIVE_UP_EPOCHS ? t('train on until J stops falling ({epoch} epochs so far)', { epoch: states.adaline.epoch })
            : t('train for {n} epochs ({epoch} so far) until J stops falling', { n: GIVE_UP_EPOCHS, epoch: states.adaline.epoch }))],
    }) },
  { id: 'perceptron-clusters', title: 'The perceptron on generated points',
    setup: { dataset: 'gaussians', noise: 0 },
    // Its last sentence is what to watch next: raising the noise must not take back the Done.
    staysMet: true,
    // The noise as its slider shows it, in percent.
    statement: 'Choose the playground\'s points, with the two Gaussian clusters at noise 25% or less in the playground below, and train until the perceptron converges: every training point on its side of the line. Then raise the noise to 50%: the clusters overlap, and the perceptron never stops while Adaline settles.',
    check: ({ settings, states }) => ({
      met: settings.data === 'playground' && settings.playgroundDataset === 'gaussians' && settings.noise <= 0.25 && states.perceptron.converged,
      missing: [dataIs('playground', 'the playground\'s points')(settings)
        ?? (settings.playgroundDataset !== 'gaussians' || settings.noise > 0.25 ? t('choose the two Gaussian clusters with noise at most 25% below')
          : t('train until an epoch has no mistake (epoch {epoch} so far)', { epoch: states.perceptron.epoch }))],
    }) },
];


// The square [lo, hi]² cut by f(p) > 0 for an affine f (Sutherland–Hodgman against one half-plane):
// the polygon where f > 0 and the segment where f = 0.
function halfPlane(lo, hi, f) {
  const square = [[lo, lo], [hi, lo], [hi, hi], [lo, hi]];
  const region = [], crossings = [];
  square.forEach((p, i) => {
    const q = square[(i + 1) % 4];
    const [fp, fq] = [f(p), f(q)];
    if (fp > 0) region.push(p);
    if ((fp > 0) !== (fq > 0)) {
      const t = fp / (fp - fq);
      const c = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
      region.push(c);
      crossings.push(c);
    }
  });
  return { region, crossings };
}

// The points drawn in each plot: thousands of them with the playground's points, so they are drawn
// again only when they change, not at every step (rebuilding 2,500 took 80 ms a step, and more while playing).
const drawnPoints = new WeakMap();  // svg → { data, lo, hi, dots, current, back (the layer under them), points }

// The points (class 1 blue, the other orange), the perceptron's firing region (z > 0) shaded with
// its line, Adaline's line dashed (where its sum is halfway between the codes), the step's example ringed.
function drawPlot(svg, data, weights, current, coding, playground) {
  const { examples, targets } = data;
  const lo = playground ? -1.1 : coding === 'bipolar' ? -1.6 : -0.6, hi = playground ? 1.1 : 1.6;
  const px = (x) => ((x - lo) / (hi - lo)) * SIZE;
  const py = (y) => SIZE - ((y - lo) / (hi - lo)) * SIZE;
  const mid = coding === 'bipolar' ? 0 : 0.5;
  const affine = ([w0, w1, w2], offset) => ([x, y]) => w0 + w1 * x + w2 * y - offset;
  let drawn = drawnPoints.get(svg);
  if (!drawn || drawn.data !== data || drawn.lo !== lo || drawn.hi !== hi) {
    const r = examples.length > 20 ? 3.5 : 7;
    const dots = examples.map(([x, y], i) => {
      const fill = targets[i] === 1 ? POSITIVE_FILL : NEGATIVE_FILL;
      const dot = el('circle', { cx: px(x), cy: py(y), r, fill, 'data-example': i, class: '' });
      dot.append(Object.assign(el('title'), { textContent: t('{point}, target {target}', { point: formatTuple([x, y]), target: formatNumber(targets[i]) }) }));
      return dot;
    });
    drawn = { data, lo, hi, dots, current: -1, back: el('g'), points: el('g') };
    drawn.points.append(...dots);
    svg.replaceChildren(drawn.back, drawn.points);
    drawnPoints.set(svg, drawn);
  }
  drawn.dots[drawn.current]?.setAttribute('class', '');
  drawn.dots[current]?.setAttribute('class', 'current');
  drawn.current = current;
  // Under the points: the frame, the region, the lines and the axes' labels.
  const back = drawn.back;
  back.replaceChildren(el('rect', { x: 0, y: 0, width: SIZE, height: SIZE, class: 'rule-plot-frame' }));
  const perceptron = halfPlane(lo, hi, affine(weights.perceptron, 0));
  if (perceptron.region.length >= 3) {
    back.append(el('polygon', { points: perceptron.region.map(([x, y]) => `${px(x)},${py(y)}`).join(' '), class: 'rule-plot-fires' }));
  }
  const line = ({ crossings }, rule) => {
    if (crossings.length !== 2) return;
    const [[x1, y1], [x2, y2]] = crossings;
    back.append(el('line', { x1: px(x1), y1: py(y1), x2: px(x2), y2: py(y2), class: `rule-plot-line rule-plot-${rule}`, 'data-rule': rule }));
  };
  line(perceptron, 'perceptron');
  line(halfPlane(lo, hi, affine(weights.adaline, mid)), 'adaline');
  // The input values on each axis (the truth tables' two, or −1 and 1), and the axes' names.
  const values = playground || coding === 'bipolar' ? [-1, 1] : [0, 1];
  const label = (text, x, y, cls = 'rule-plot-tick') => Object.assign(el('text', { x, y, class: cls }), { textContent: text });
  for (const v of values) back.append(label(formatNumber(v), px(v), SIZE - 5), label(formatNumber(v), 10, py(v) + 4));
  back.append(label('x1', SIZE / 2, SIZE - 5, 'rule-plot-axis'), label('x2', 10, SIZE / 2 + 4, 'rule-plot-axis'));
}

// The perceptron's mistakes per epoch, the last 40, as bars (height = mistakes of all examples).
function drawMistakes(svg, history, examples) {
  const bars = [...history.mistakes].slice(-40);
  const first = history.first + history.mistakes.length - bars.length;
  const w = 6, h = 44;
  svg.setAttribute('viewBox', `0 0 ${40 * w} ${h}`);
  svg.setAttribute('preserveAspectRatio', 'xMinYMid meet');
  svg.replaceChildren(el('line', { x1: 0, y1: h - 0.5, x2: 40 * w, y2: h - 0.5, class: 'rules-chart-axis' }));
  bars.forEach((m, i) => {
    const height = (m / examples) * (h - 4);
    const bar = el('rect', { x: i * w + 1, y: h - 1 - height, width: w - 2, height, 'data-mistakes': m });
    bar.append(Object.assign(el('title'), { textContent: tn('epoch {epoch}: {n} mistake', 'epoch {epoch}: {n} mistakes', m, { epoch: first + i + 1 }) }));
    svg.append(bar);
  });
}

// Adaline's J at the end of each epoch, the last 100, as a line from 0 to its largest value.
function drawCost(svg, history) {
  const cost = [...history.cost].slice(-100).filter(Number.isFinite);
  const w = 240, h = 44;
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('preserveAspectRatio', 'xMinYMid meet');
  svg.replaceChildren(el('line', { x1: 0, y1: h - 0.5, x2: w, y2: h - 0.5, class: 'rules-chart-axis' }));
  const top = Math.max(...cost, 1e-12);
  const points = cost.map((c, i) => `${((i + 0.5) * w / Math.max(cost.length, 1)).toFixed(1)},${(h - 2 - (c / top) * (h - 6)).toFixed(1)}`);
  if (points.length === 1) points.push(points[0].replace(/^[^,]*/, String(w)));
  if (points.length) svg.append(el('polyline', { points: points.join(' '), class: 'rules-cost-line' }));
}

// Changes when the playground's training points do (another data set, seed or noise, drawn points).
const pointsKey = (d) => `${d.problem}:${d.train.length}:${d.xy.length}:${d.xy[0]}:${d.xy[d.xy.length - 1]}:${d.train[0]}`;

function stepRows(rule, last) {
  if (!last) return `<tr><td>${t('Press "Step one example".')}</td></tr>`;
  return [
    ['example x', formatTuple(last.input)],
    ['weights before', formatTuple(last.weights)],
    ['z = w · x', formatNumber(last.sum)],
    [rule === 'perceptron' ? 'y = step(z)' : 'y = z', formatNumber(last.output)],
    ['target t', formatNumber(last.target)],
    ['t − y', formatNumber(last.error)],
    ['Δw = η (t − y) x', formatTuple(last.deltaW)],
  ].map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('');
}

/** @returns {() => void} clean-up */
export function createRulesWidget(container, { module, playground, route, lab }, tasks = ruleTasks) {
  const section = document.createElement('section');
  section.id = 'rules-lab';
  section.className = 'widget rules-lab';
  section.innerHTML = `
  <h3>The perceptron and Adaline rules, side by side, one example at a time</h3>
  <p class="hint">Both units see the same example at each step and update w ← w + η·(t − y)·x, with the
    bias as w0 on a constant input 1. The perceptron's y is the step of z (1 for z &gt; 0); Adaline's y is
    z itself, and it classifies by whether z is past the middle of the two targets. The playground's
    points are its training points, divided by <span>${formatNumber(PLAYGROUND_SCALE)}</span> to lie in [−1, 1].</p>
  <div class="row">
    <label class="compact">Data <select id="rules-data">${Object.entries(DATA_NAMES).map(([k, n]) => `<option value="${k}">${n}</option>`).join('')}</select></label>
    <label class="compact">Targets <select id="rules-coding"><option value="binary">0 / 1</option><option value="bipolar">−1 / +1</option></select></label>
    <label class="compact">η perceptron <input id="rules-rate-perceptron" type="number" step="0.05" min="${MIN_RATE}" max="${MAX_RATE}" value="0.5"></label>
    <label class="compact">η Adaline <input id="rules-rate-adaline" type="number" step="0.01" min="${MIN_RATE}" max="${MAX_RATE}" value="0.1"></label>
  </div>
  <div class="row">
    <button id="rules-play" type="button">Play</button>
    <button id="rules-step" type="button">Step one example</button>
    <button id="rules-epoch" type="button">Finish the epoch</button>
    <button id="rules-train" type="button">${t('Train {n} epochs', { n: GIVE_UP_EPOCHS })}</button>
    <button id="rules-reset" type="button">Reset to w = 0</button>
  </div>
  <div class="rules-views">
    <div>
      <svg id="rules-plot" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img"
        aria-label="The points, coloured by target, the region where the perceptron fires with its line, and Adaline's line dashed"></svg>
      <p class="rules-key"><span class="rules-key-perceptron"></span>perceptron <span class="rules-key-adaline"></span>Adaline</p>
      <p id="rules-epochs" class="rules-epochs"></p>
    </div>
    ${RULES.map((rule) => `<div class="rules-numbers" id="rules-${rule}">
      <h4>${RULE_NAMES[rule]}</h4>
      <p>w = <span class="rules-weights"></span></p>
      <table class="rules-step"><caption>The last step</caption><tbody class="rules-step-body"></tbody></table>
      <p class="rules-chart-label">${rule === 'perceptron' ? 'Mistakes per epoch' : 'J = 1/(2m) Σ (t − z)² after each epoch'}</p>
      <svg class="rules-chart" role="img" aria-label="${rule === 'perceptron' ? 'Mistakes per epoch' : 'Squared error per epoch'}"></svg>
      <p class="rules-status" role="status"></p>
    </div>`).join('')}
  </div>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {(rule: string, cls: string) => HTMLElement} */
  const part = (rule, cls) => section.querySelector(`#rules-${rule} .${cls}`);
  /** @type {{ data: HTMLSelectElement, coding: HTMLSelectElement, 'rate-perceptron': HTMLInputElement, 'rate-adaline': HTMLInputElement }} */
  const fields = { data: $('rules-data'), coding: $('rules-coding'),
    'rate-perceptron': $('rules-rate-perceptron'), 'rate-adaline': $('rules-rate-adaline') };
  const linked = bindLabState(lab, 'rules', fields);
  const units = Object.fromEntries(RULES.map((rule) => [rule, new ClassicUnit(module)]));
  const why = {};      // per rule: why it has no run (no points, a refused η); such a unit holds no old run
  let last = {};       // each rule's last step record; empty after a reset
  let data = null;     // { examples, targets } the units learn from
  let dataKey = '';    // what the playground's points were when they were read
  let timer = null;
  let resets = 0;      // runs started: a refusal of the core is about the run it refused

  const settings = () => {
    const state = playground.state();
    return { data: fields.data.value, coding: /** @type {'binary'|'bipolar'} */ (fields.coding.value),
      rates: { perceptron: Number(fields['rate-perceptron'].value), adaline: Number(fields['rate-adaline'].value) },
      playgroundDataset: state.dataset, noise: state.noise };
  };

  const render = () => {
    const s = settings();
    const states = Object.fromEntries(RULES.map((rule) => [rule, units[rule].state()]));
    const histories = Object.fromEntries(RULES.map((rule) => [rule, units[rule].history()]));
    const shown = data ?? { examples: [], targets: [] };
    const current = last.perceptron?.example ?? -1;
    drawPlot($('rules-plot'), shown, { perceptron: states.perceptron.weights, adaline: states.adaline.weights }, current, s.coding, s.data === 'playground');
    const { epoch, position } = states.perceptron;
    const epochs = tn('{n} epoch', '{n} epochs', epoch);
    $('rules-epochs').textContent = position
      ? t('{epochs} and {examples} of {total} examples', { epochs, examples: tn('{n} example', '{n} examples', position), total: shown.examples.length })
      : t('{epochs} of {total} examples', { epochs, total: shown.examples.length });
    for (const rule of RULES) {
      if (why[rule]) {
        part(rule, 'rules-weights').textContent = '–';
        part(rule, 'rules-step-body').innerHTML = `<tr><td>${t('No run.')}</td></tr>`;
        part(rule, 'rules-status').textContent = why[rule];
        part(rule, 'rules-status').dataset.kind = 'error';
        part(rule, 'rules-chart').replaceChildren();
        continue;
      }
      part(rule, 'rules-weights').textContent = formatTuple(states[rule].weights);
      part(rule, 'rules-step-body').innerHTML = stepRows(rule, last[rule]);
      part(rule, 'rules-step-body').dataset.mistake = String(Boolean(last[rule]?.mistake));
      if (rule === 'perceptron') drawMistakes(part(rule, 'rules-chart'), histories[rule], Math.max(shown.examples.length, 1));
      else drawCost(part(rule, 'rules-chart'), histories[rule]);
      const status = runStatus(rule, s, states[rule], histories[rule]);
      part(rule, 'rules-status').textContent = status.text;
      part(rule, 'rules-status').dataset.kind = status.kind;
    }
    list.update({ settings: s, states, histories });
  };

  const stop = () => {
    clearInterval(timer);
    timer = null;
    $('rules-play').textContent = t('Play');
    for (const el of section.querySelectorAll('.rules-status')) el.setAttribute('aria-live', 'polite');
  };

  // Why the units have no run, in one message; empty when both have one.
  const whyNot = () => [...new Set(RULES.map((rule) => why[rule]).filter(Boolean))].join(' ');
  // A run starts over whenever the data, the coding or a rate changes. A unit that cannot start
  // (no points, a refused η) is replaced by an empty one, so nothing steps on the old points.
  const reset = () => {
    stop();
    const s = settings();
    last = {};
    let dataError = null;
    if (s.data === 'playground') {
      const points = playground.engine().dataset();
      dataKey = pointsKey(points);
      const read = playgroundData(points, s.coding);
      data = read.error ? null : read;
      dataError = read.error ?? null;
    } else {
      data = gateData(s.data, s.coding);
    }
    for (const rule of RULES) {
      why[rule] = dataError;
      const rate = s.rates[rule];
      if (data && !(rate >= MIN_RATE && rate <= MAX_RATE)) {
        why[rule] = t('{rule}: η must be between {min} and {max} (got {value})',
          { rule: RULE_NAMES[rule], min: formatNumber(MIN_RATE), max: formatNumber(MAX_RATE), value: fields[`rate-${rule}`].value || t('nothing') });
      } else if (data) {
        try {
          units[rule].reset({ rule, coding: s.coding, learningRate: rate }, data.examples, data.targets, [0, 0, 0]);
        } catch (e) {
          if (!(e instanceof EngineError)) throw e;
          why[rule] = `${RULE_NAMES[rule]}: ${e.message}`;
        }
      }
      if (why[rule]) {
        units[rule].dispose();
        units[rule] = new ClassicUnit(module);
      }
      $(`rules-rate-${rule}`).setAttribute('aria-invalid', String(Boolean(data) && Boolean(why[rule])));
    }
    resets += 1;
    const reasons = whyNot();
    if (reasons) showLabMessage(playground, reasons, () => whyNot() !== reasons);
    labChanged(playground);  // a message whose cause this reset removed (a refused η now valid, a diverged run) goes
    if (!data || !RULES.some((rule) => why[rule])) linked.save();  // a refused η stays out of the link
    render();
  };
  // Each unit steps on its own: a refusal (no data, diverged weights) is said, the other goes on.
  // The message goes with its cause: the field corrected, or the run refused replaced by a reset.
  const act = (f) => () => {
    for (const rule of RULES) {
      if (why[rule]) {
        const reason = why[rule];
        showLabMessage(playground, reason, () => why[rule] !== reason);
        stop();
      } else {
        const run = resets;
        if (!showingRefusals(playground, () => f(rule), `${RULE_NAMES[rule]}: `, () => resets !== run)) stop();
      }
    }
    render();
  };
  const stepOne = act((rule) => { last[rule] = units[rule].step(); });
  const listening = labListeners();
  const on = (id, type, f) => listening.on($(id), type, f);
  on('rules-play', 'click', () => {
    if (timer) return stop();
    timer = setInterval(stepOne, PLAY_INTERVAL_MS);
    $('rules-play').textContent = t('Pause');
    for (const el of section.querySelectorAll('.rules-status')) el.setAttribute('aria-live', 'off');  // quiet while it plays
  });
  on('rules-step', 'click', () => { stop(); stepOne(); });
  on('rules-epoch', 'click', () => {
    stop();
    act((rule) => { do last[rule] = units[rule].step(); while (units[rule].state().position !== 0); })();
  });
  on('rules-train', 'click', () => {
    stop();
    act((rule) => { units[rule].trainEpochs(GIVE_UP_EPOCHS); last[rule] = undefined; })();
  });
  on('rules-reset', 'click', reset);
  for (const id of ['rules-data', 'rules-coding', 'rules-rate-perceptron', 'rules-rate-adaline']) on(id, 'change', reset);
  // The playground's points change under the lab (another data set, drawn points): start over on them.
  const offRender = playground.onRender(() => {
    if (fields.data.value !== 'playground') return;
    if (pointsKey(playground.engine().dataset()) !== dataKey) reset();
  });
  reset();
  return () => {
    stop();
    listening.off();
    offRender();
    for (const unit of Object.values(units)) unit.dispose();
    section.remove();
  };
}
