// Training one neuron: the same sigmoid neuron h = σ(w0 + w1·x) on the same six points, trained side
// by side with squared error and with cross-entropy from the same start and learning rate. Each
// point's factors of the gradient (z, h, h − t, h(1 − h), δ) and the gradient itself are the core's
// (engine.js Descent.terms() and state()); the page shows why squared error stalls where the
// sigmoid saturates (δ carries h(1 − h) ≈ 0) and cross-entropy does not (the slope cancels).
import { Descent, activationCurve } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { labListeners, showingRefusals } from '../../course/lab-wiring.js';
import { formatNumber, formatTuple } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { svgEl as el } from '../../views/dom.js';

const WIDTH = 300, HEIGHT = 170;

export const NEURON_POINTS = { x: [-2.5, -1.5, -0.5, 0.3, 1, 2], t: [0, 0, 0, 1, 1, 1] };
// From the saturated start the outer points get z = 10 and −8, on the wrong side: σ'(z) ≈ 5×10⁻⁵ and 3×10⁻⁴.
export const NEURON_STARTS = {
  saturated: { title: 'saturated and wrong: w = (0, −4)', weights: [0, -4] },
  small: { title: 'small and wrong: w = (0, −0.5)', weights: [0, -0.5] },
};
export const NEURON_RATES = [0.1, 0.5, 1, 2];
export const NEURON_LOSSES = [
  { key: 'se', surface: 'sigmoid_squared', name: 'Squared error' },
  { key: 'ce', surface: 'sigmoid_cross_entropy', name: 'Cross-entropy' },
];

/** Points the neuron classifies wrongly (h > 0.5 read as class 1), from the core's h. */
export const wrongCount = (terms, targets = NEURON_POINTS.t) => terms.filter((p, i) => (p.h > 0.5) !== (targets[i] === 1)).length;

/**
 * One loss's run: a Descent on the six points, stepped one update at a time so the page knows
 * after which step every point was first classified right (null until then).
 */
export class NeuronRun {
  constructor(module, surface) {
    this.surface = surface;
    this.descent = new Descent(module);
    this.allRightAt = null;
  }

  reset(start, rate) {
    this.descent.reset(this.surface, { learningRate: rate, batchSize: NEURON_POINTS.x.length, optimizer: 'sgd' }, NEURON_POINTS, start);
    this.allRightAt = wrongCount(this.descent.terms()) === 0 ? 0 : null;
  }

  run(steps) {
    for (let i = 0; i < steps && !this.descent.state().diverged; ++i) {
      this.descent.run(1);
      if (this.allRightAt === null && wrongCount(this.descent.terms()) === 0) this.allRightAt = this.descent.state().steps;
    }
  }

  /** { state, terms, wrong, allRightAt } */
  view() {
    const terms = this.descent.terms();
    return { state: this.descent.state(), terms, wrong: wrongCount(terms), allRightAt: this.allRightAt };
  }

  dispose() { this.descent.dispose(); }
}

/**
 * In words, how the two runs compare, with the numbers that explain it.
 * @param {Object<string, ReturnType<NeuronRun['view']>>} views by loss: se and ce
 */
export function compareRuns({ se, ce }) {
  const steps = se.state.steps;
  if (se.allRightAt !== null && ce.allRightAt !== null) {
    return { kind: 'met', text: ce.allRightAt > 0
      ? tn('Every point right: cross-entropy after {n} step, squared error after {se} ({ratio} times as many).',
        'Every point right: cross-entropy after {n} steps, squared error after {se} ({ratio} times as many).', ce.allRightAt,
        { se: se.allRightAt, ratio: formatNumber(se.allRightAt / ce.allRightAt, { digits: 2 }) })
      : t('Every point right: cross-entropy after {ce} steps, squared error after {se}.', { ce: ce.allRightAt, se: se.allRightAt }) };
  }
  if (ce.allRightAt !== null) {
    // The point squared error gets most wrong, and why it hardly moves.
    let worst = 0;
    se.terms.forEach((p, i) => { if (Math.abs(p.error) > Math.abs(se.terms[worst].error)) worst = i; });
    const p = se.terms[worst];
    const saturated = p.slope < 0.01 ? t(': the saturated sigmoid\'s slope all but cancels the error') : '';
    return { kind: 'info', text: tn('Cross-entropy had every point right after {n} step; after {steps}, squared error still gets {wrong} of 6 wrong. At x = {x} its δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Cross-entropy\'s δ at the same h would be h − t = {error}, {times} times larger.',
      'Cross-entropy had every point right after {n} steps; after {steps}, squared error still gets {wrong} of 6 wrong. At x = {x} its δ = (h − t)·h(1 − h) = {error} × {slope} = {delta}{saturated}. Cross-entropy\'s δ at the same h would be h − t = {error}, {times} times larger.', ce.allRightAt, {
      steps, wrong: se.wrong, x: formatNumber(NEURON_POINTS.x[worst]), error: formatNumber(p.error), slope: formatNumber(p.slope),
      delta: formatNumber(p.delta), saturated, times: formatNumber(1 / p.slope, { digits: 2 }) }) };
  }
  if (steps === 0) return { kind: 'info', text: t('Both start from the same weights: step them together.') };
  return { kind: 'info', text: t('Step {steps}: squared error gets {se} of 6 wrong, cross-entropy {ce}.', { steps, se: se.wrong, ce: ce.wrong }) };
}

const started = (s) => s.start === 'saturated' && s.rate === 0.5;
export const neuronTasks = [
  { id: 'neuron-ce-saturated', title: 'Cross-entropy leaves saturation',
    statement: 'From the saturated start at η = 0.5, step until cross-entropy classifies all six points right. How many steps did it need, and how many points does squared error still get wrong?',
    check: ({ settings, runs }) => ({
      met: started(settings) && runs.ce.allRightAt !== null,
      missing: [!started(settings) ? t('choose the saturated start and η = 0.5')
        : tn('step until cross-entropy has every point right ({wrong} wrong after {n} step)',
          'step until cross-entropy has every point right ({wrong} wrong after {n} steps)', runs.ce.state.steps, { wrong: runs.ce.wrong })],
    }) },
  { id: 'neuron-se-saturated', title: 'Squared error gets there, slowly',
    statement: 'Keep going until squared error classifies all six too, and compare the two step counts. The tables say why: squared error\'s δ carries the sigmoid\'s slope h(1 − h), nearly 0 on a saturated point.',
    check: ({ settings, runs }) => ({
      met: started(settings) && runs.se.allRightAt !== null,
      missing: [!started(settings) ? t('choose the saturated start and η = 0.5')
        : tn('step until squared error has every point right ({wrong} wrong after {n} step)',
          'step until squared error has every point right ({wrong} wrong after {n} steps)', runs.se.state.steps, { wrong: runs.se.wrong })],
    }) },
];


// The points at height t and each run's h(x) = σ(w0 + w1·x), σ from the core.
function drawCurves(module, svg, views) {
  const lo = -2.6, hi = 2.6;
  const px = (x) => ((x - lo) / (hi - lo)) * WIDTH;
  const py = (h) => HEIGHT - 14 - h * (HEIGHT - 28);
  svg.replaceChildren(el('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'descent-frame' }),
    el('line', { x1: 0, x2: WIDTH, y1: py(0.5), y2: py(0.5), class: 'neuron-half' }));
  for (const { key } of NEURON_LOSSES) {
    const [w0, w1] = views[key].state.weights;
    const xs = Array.from({ length: 81 }, (_, i) => lo + (i / 80) * (hi - lo));
    const zs = xs.map((x) => w0 + w1 * x);
    const h = zs.every(Number.isFinite) ? activationCurve(module, 'sigmoid', zs).f : [];
    const points = [...h].map((v, i) => `${px(xs[i]).toFixed(1)},${py(v).toFixed(1)}`);
    svg.append(el('polyline', { points: points.join(' '), class: `neuron-curve neuron-curve-${key}`, 'data-loss': key }));
  }
  NEURON_POINTS.x.forEach((x, i) => svg.append(el('circle', { cx: px(x), cy: py(NEURON_POINTS.t[i]), r: 4.5, class: 'descent-point', 'data-t': NEURON_POINTS.t[i] })));
  svg.append(Object.assign(el('text', { x: WIDTH - 8, y: py(0.5) - 4, class: 'neuron-label' }), { textContent: `h = ${formatNumber(0.5)}` }));
}

// ∂J/∂wⱼ for each loss, as the lecture writes it (J the mean over the m points), through δᵢ.
const GRADIENT = '<mfrac><mrow><mo>∂</mo><mi>J</mi></mrow><mrow><mo>∂</mo><msub><mi>w</mi><mi>j</mi></msub></mrow></mfrac><mo>=</mo><mfrac><mn>1</mn><mi>m</mi></mfrac><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>δ</mi><mi>i</mi></msub><mo>·</mo><msub><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub><mo>,</mo><mspace width="1em"/><msub><mi>δ</mi><mi>i</mi></msub><mo>=</mo><mo>(</mo><msub><mi>h</mi><mi>i</mi></msub><mo>−</mo><msub><mi>t</mi><mi>i</mi></msub><mo>)</mo>';
const SLOPE = '<mo>·</mo><msub><mi>h</mi><mi>i</mi></msub><mo>(</mo><mn>1</mn><mo>−</mo><msub><mi>h</mi><mi>i</mi></msub><mo>)</mo>';
const FORMULA = { se: `<math display="block">${GRADIENT}${SLOPE}</math>`, ce: `<math display="block">${GRADIENT}</math>` };

function runTable(key, view) {
  const rows = view.terms.map((p, i) => `<tr data-wrong="${(p.h > 0.5) !== (NEURON_POINTS.t[i] === 1)}">` +
    [NEURON_POINTS.x[i], NEURON_POINTS.t[i], p.z, p.h, p.error, p.slope, p.delta].map((v) => `<td>${formatNumber(v)}</td>`).join('') + '</tr>').join('');
  const { state } = view;
  return `<div class="neuron-table-wrap"><table class="neuron-table" data-loss="${key}">
    <thead><tr><th>x</th><th>t</th><th>z</th><th>h</th><th>h − t</th><th>h(1 − h)${key === 'ce' ? '<br><span>cancels</span>' : ''}</th><th>δ</th></tr></thead>
    <tbody>${rows}</tbody></table></div>
    <p class="neuron-sums">∂J/∂w0 = mean δ = <b data-value="g0">${formatNumber(state.gradient[0])}</b>,
      ∂J/∂w1 = mean δ·x = <b data-value="g1">${formatNumber(state.gradient[1])}</b><br>
      J = <span data-value="loss">${formatNumber(state.loss)}</span>, w = ${formatTuple(state.weights.slice(0, 2))},
      <span data-value="wrong">${view.wrong}</span> ${tn('of 6 wrong after {n} step', 'of 6 wrong after {n} steps', state.steps)}</p>`;
}

/** @returns {() => void} clean-up */
export function createNeuronLab(container, { module, playground, route, lab }, tasks = neuronTasks) {
  const section = document.createElement('section');
  section.id = 'neuron-lab';
  section.className = 'widget neuron-lab';
  section.innerHTML = `
  <h3>Training one neuron: squared error or cross-entropy</h3>
  <p class="hint">One sigmoid neuron h = σ(w0 + w1·x) learns the six points (orange t = 0, blue t = 1),
    twice from the same start with the same η: once on squared error J = 1/(2m) Σ (h − t)², once on
    cross-entropy J = (1/m) Σ −t ln h − (1 − t) ln(1 − h). Each step is w ← w − η ∂J/∂w over all six points.</p>
  <div class="row">
    <label class="compact">Start <select id="neuron-start">${Object.entries(NEURON_STARTS).map(([k, s]) => `<option value="${k}">${s.title}</option>`).join('')}</select></label>
    <label class="compact">η <select id="neuron-rate">${NEURON_RATES.map((r) => `<option value="${r}"${r === 0.5 ? ' selected' : ''}>${formatNumber(r)}</option>`).join('')}</select></label>
  </div>
  <div class="row">
    <button id="neuron-step" type="button">Step</button>
    <button id="neuron-run" type="button">10 steps</button>
    <button id="neuron-run-100" type="button">100 steps</button>
    <button id="neuron-reset" type="button">Reset</button>
  </div>
  <svg id="neuron-curves" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img"
    aria-label="The six points and each run's sigmoid h(x): solid cross-entropy, dashed squared error"></svg>
  <p class="neuron-key"><span class="neuron-key-se"></span>squared error <span class="neuron-key-ce"></span>cross-entropy</p>
  <div class="neuron-runs">
    ${NEURON_LOSSES.map(({ key, name }) => `<div class="neuron-run" id="neuron-${key}"><h4>${name}</h4>${FORMULA[key]}<div class="neuron-numbers"></div></div>`).join('')}
  </div>
  <p class="hint">J here is the mean over the m = 6 points, so the gradients carry 1/m; the lecture's
    cross-entropy slide sums the points instead (the same direction, m times larger). The bias w0 has x = 1.</p>
  <p id="neuron-status" class="neuron-status" role="status"></p>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {{ start: HTMLSelectElement, rate: HTMLSelectElement }} */
  const fields = { start: $('neuron-start'), rate: $('neuron-rate') };
  const linked = bindLabState(lab, 'neuron', fields);
  const runs = Object.fromEntries(NEURON_LOSSES.map(({ key, surface }) => [key, new NeuronRun(module, surface)]));

  const settings = () => ({ start: fields.start.value, rate: Number(fields.rate.value) });
  const render = () => {
    const views = Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.view()]));
    drawCurves(module, $('neuron-curves'), views);
    for (const { key } of NEURON_LOSSES) section.querySelector(`#neuron-${key} .neuron-numbers`).innerHTML = runTable(key, views[key]);
    const status = compareRuns(views);
    $('neuron-status').textContent = status.text;
    $('neuron-status').dataset.kind = status.kind;
    list.update({ settings: settings(), runs: views });
  };
  const reset = () => {
    linked.save();
    const s = settings();
    for (const r of Object.values(runs)) r.reset(NEURON_STARTS[s.start].weights, s.rate);
    render();
  };
  const steps = (n) => () => {
    showingRefusals(playground, () => { for (const r of Object.values(runs)) r.run(n); });
    render();
  };
  const listening = labListeners();
  const on = (id, type, f) => listening.on($(id), type, f);
  on('neuron-step', 'click', steps(1));
  on('neuron-run', 'click', steps(10));
  on('neuron-run-100', 'click', steps(100));
  on('neuron-reset', 'click', reset);
  for (const id of ['neuron-start', 'neuron-rate']) on(id, 'change', reset);
  reset();
  return () => {
    listening.off();
    for (const r of Object.values(runs)) r.dispose();
    section.remove();
  };
}
