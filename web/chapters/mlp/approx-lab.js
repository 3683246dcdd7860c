// Chapter 4's lab, "What one hidden layer can do": 1-D fitting with N sigmoid or ReLU hidden units,
// the output drawn as the sum of the N scaled units αᵢ f(wᵢx + bᵢ) + b with each scaled unit's
// curve, the test error of a fixed-seed network for every N, and on 2-D data the first layer's
// half-planes wᵢ·x + bᵢ = 0 with the regions where all of them (AND) or any (OR) are on the side
// that raises the output.
// The lab trains its own engines; every number shown is the core's (unitSum, positiveSides,
// metrics, params). fitNumbers() / planeNumbers() gather them, so Node tests check the tasks on
// exactly what the page shows.
import { Engine, EngineError } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { labListeners } from '../../course/lab-wiring.js';
import { formatNumber, formatPercent } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { svgEl } from '../../views/dom.js';
import { CLASS_COLORS, divergingRgb, rgbToCss } from '../../views/colors.js';
import { onThemeChange } from '../../theme.js';
import { pixelRatio } from '../../views/pixels.js';
import { textScale, onTextScaleChange } from '../../views/text-scale.js';

export const CURVE_SETS = ['bump', 'sine', 'step', 'abs'];
export const PLANE_SETS = ['circles', 'xor', 'gaussians', 'moons'];
export const MAX_UNITS = 12;
export const EPOCHS = 400;           // per network: a few milliseconds each in wasm
const SAMPLES = 241;                 // points of each curve, from the core
const PLANE_GRID = 60;               // cells per side of the 2-D view
const PLOT = { width: 420, height: 260, left: 34, right: 8, top: 8, bottom: 24 };
const Y_RANGE = [-1.5, 1.5];

// The menus' names for the data sets and activations, in the language in force (English: the values).
const DATA_NAMES = () => ({ bump: t('bump', undefined, 'dataset'), sine: t('sine', undefined, 'dataset'),
  step: t('step', undefined, 'dataset'), abs: t('abs', undefined, 'dataset'), circles: t('circles', undefined, 'dataset'),
  xor: t('xor', undefined, 'dataset'), gaussians: t('gaussians', undefined, 'dataset'), moons: t('moons', undefined, 'dataset') });
// Names in the lab's menu (the context tells them from the step panel's prose, 'la sigmoïde').
const ACT_NAMES = () => ({ sigmoid: t('sigmoid', undefined, 'unit'), relu: t('relu') });

/** The lab's settings as the controls start (the link may change them). */
export const DEFAULT_SETTINGS = Object.freeze({ data: 'bump', act: 'sigmoid', n: 1, plane: 'circles', n2: 1, combine: 'and' });

// The same recipe for every N, so the error curve compares networks, not luck: a fixed data and
// weight seed, Adam, full batch on the 100 training points.
const recipe = (extra) => ({
  points: 200, noise: 0.1, dataSeed: 1, trainRatio: 0.5, validationRatio: 0, seed: 1, init: 'xavier_uniform', biasInit: 0,
  optimizer: 'adam', learningRate: 0.05, batchSize: 100, l1: 0, l2: 0, dropout: 0, decay: 'none', ...extra,
});
export const curveSettings = ({ data, act, n }) => recipe({ dataset: data, features: ['x1'], hidden: [n], activation: act,
  outputActivation: 'linear', loss: 'mse' });
export const planeSettings = ({ plane, act, n2 }) => recipe({ dataset: plane, noise: 0, features: ['x1', 'x2'], hidden: [n2],
  activation: act, outputActivation: 'tanh', loss: 'mse' });

// Unit i's w, b (first layer) and α (output weight) in params()'s layout: W (out × in) column-major, then b.
function unitsOf(params, inputs, n) {
  const w = (i, k) => params[k * n + i];
  const bias0 = inputs * n, w1 = bias0 + n;
  return Array.from({ length: n }, (_, i) => ({
    w: Array.from({ length: inputs }, (_, k) => w(i, k)), b: params[bias0 + i], alpha: params[w1 + i],
  }));
}

/** Trains a fresh engine on `settings` for EPOCHS epochs and hands it to `read` (then frees it). */
function trained(module, settings, read) {
  const engine = new Engine(module);
  try {
    engine.configure(settings);
    engine.trainEpochs(EPOCHS);
    return read(engine);
  } finally {
    engine.dispose();
  }
}

/**
 * The 1-D fit for `settings` ({ data, act, n }), from the core: the data, the sum of units
 * (unitSum), each unit's w, b, α and the train and test loss.
 */
export function fitNumbers(module, settings) {
  return trained(module, curveSettings(settings), (engine) => {
    const sum = engine.unitSum(SAMPLES, -6, 6);
    const n = settings.n;
    return { settings, sum, units: unitsOf(engine.params(), 1, n), bias: sum.bias, metrics: engine.metrics(), data: engine.dataset() };
  });
}

/** Test loss for N = 1..MAX_UNITS with `settings`' data and activation (the error curve). */
export function errorCurve(module, settings, ns = Array.from({ length: MAX_UNITS }, (_, i) => i + 1)) {
  return ns.map((n) => trained(module, curveSettings({ ...settings, n }), (engine) => engine.metrics().test.loss));
}

/**
 * The 2-D view for `settings` ({ plane, act, n2 }): the output over the plane (evaluateGrid's output
 * node), how many units are positive at each cell (positiveSides), each unit's line and the metrics.
 */
export function planeNumbers(module, settings) {
  return trained(module, planeSettings(settings), (engine) => {
    const grid = engine.evaluateGrid(PLANE_GRID, -6, 6);
    const cells = PLANE_GRID * PLANE_GRID;
    return {
      settings, output: grid.values.slice((grid.nodes - 1) * cells), counts: engine.positiveSides(PLANE_GRID, -6, 6, { towardOutput: true }),
      units: unitsOf(engine.params(), 2, settings.n2), metrics: engine.metrics(), data: engine.dataset(),
    };
  });
}

// ---- tasks (checked on fitNumbers / planeNumbers of the lab's settings) ----

export const BUMP_TARGET = 0.004;
export const STEP_TARGET = 0.01;
export const PLANE_TARGET = 0.95;

export const approxTasks = [
  { id: 'bump-few-units', title: 'A bump from a few units',
    // A getter: the statement in the language in force when the list is drawn.
    get statement() {
      return t('Fit the bump with a test loss below {target} using at most 3 hidden units. How do the scaled units add up to it?',
        { target: formatNumber(BUMP_TARGET) });
    },
    check: ({ fit }) => {
      const { settings: s, metrics } = fit;
      const missing = [];
      if (s.data !== 'bump') missing.push(t('choose the bump'));
      if (s.n > 3) missing.push(t('use at most 3 units (now {n})', { n: s.n }));
      // Another curve's loss beside "choose the bump" would read as the bump's.
      if (s.data === 'bump' && !(metrics.test.loss < BUMP_TARGET)) {
        missing.push(t('test loss below {target} (now {now})', { target: formatNumber(BUMP_TARGET), now: formatNumber(metrics.test.loss) }));
      }
      return { met: missing.length === 0, missing };
    } },
  { id: 'step-one-unit', title: 'One sigmoid is a step',
    get statement() {
      return t('Fit the step with a single unit and a test loss below {target}. Which activation does it with one unit?',
        { target: formatNumber(STEP_TARGET) });
    },
    check: ({ fit }) => {
      const { settings: s, metrics } = fit;
      const missing = [];
      if (s.data !== 'step') missing.push(t('choose the step'));
      if (s.n !== 1) missing.push(t('use exactly 1 unit (now {n})', { n: s.n }));
      if (s.data === 'step' && !(metrics.test.loss < STEP_TARGET)) {
        missing.push(t('test loss below {target} (now {now})', { target: formatNumber(STEP_TARGET), now: formatNumber(metrics.test.loss) }));
      }
      return { met: missing.length === 0, missing };
    } },
  { id: 'circles-and', title: 'A region from half-planes',
    get statement() {
      return t('On the circles, find the fewest units whose half-planes enclose the inner disc with a test accuracy of at least {target}: start from one unit and add one at a time.',
        { target: formatPercent(PLANE_TARGET, 0) });
    },
    // The fewest is three: two lines leave a band or a wedge open (85% with either activation),
    // three close a triangle around the disc (98% sigmoid, 99% ReLU with the lab's seed).
    check: ({ plane }) => {
      const { settings: s, metrics } = plane;
      const missing = [];
      if (s.plane !== 'circles') missing.push(t('choose the circles for the 2-D view'));
      if (s.n2 > 3) missing.push(t('use fewer units: three lines already close a triangle around the disc (now {n})', { n: s.n2 }));
      if (s.plane === 'circles' && !(metrics.test.accuracy >= PLANE_TARGET)) {
        missing.push(t('test accuracy of at least {target} (now {now})',
          { target: formatPercent(PLANE_TARGET, 0), now: formatPercent(metrics.test.accuracy, 1) }));
      }
      return { met: missing.length === 0, missing };
    } },
];

// ---- drawing ----

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const superscript = (e) => [...String(e)].map((c) => SUPERSCRIPT[c]).join('');
const unitColor = (i) => CLASS_COLORS[(i + 2) % CLASS_COLORS.length];
const px = (x) => PLOT.left + ((x + 6) / 12) * (PLOT.width - PLOT.left - PLOT.right);
const py = (y) => PLOT.top + ((Y_RANGE[1] - Math.max(Y_RANGE[0] - 0.2, Math.min(Y_RANGE[1] + 0.2, y))) / (Y_RANGE[1] - Y_RANGE[0])) *
  (PLOT.height - PLOT.top - PLOT.bottom);
const pathOf = (xs, ys) => Array.from(xs, (x, j) => `${j ? 'L' : 'M'}${px(x).toFixed(1)} ${py(ys[j]).toFixed(1)}`).join('');

function drawFit(svg, fit) {
  svg.replaceChildren();
  const { sum, data } = fit;
  const H = PLOT.height - PLOT.bottom;
  svgEl('rect', { x: PLOT.left, y: PLOT.top, width: PLOT.width - PLOT.left - PLOT.right, height: H - PLOT.top, class: 'approx-frame' }, svg);
  // Drawn to the figure's width, which the page caps: its labels are sized in rem (style.css) to
  // grow with the default font size, and so is their distance from the axes (the margins hold 1.5×).
  const k = textScale();
  for (const y of [-1, 0, 1]) {
    svgEl('line', { x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: py(y), y2: py(y), class: y === 0 ? 'approx-axis' : 'approx-grid' }, svg);
    svgEl('text', { x: PLOT.left - 4 * k, y: py(y) + 3.5 * k, class: 'approx-tick approx-tick-left' }, svg).textContent = String(y).replace('-', '−');
  }
  for (const x of [-6, -3, 0, 3, 6]) {
    svgEl('text', { x: px(x), y: H + 14 * k, class: 'approx-tick' }, svg).textContent = String(x).replace('-', '−');
  }
  const test = new Set(data.test);
  for (let i = 0; i < data.labels.length; ++i) {
    svgEl('circle', { cx: px(data.xy[2 * i]), cy: py(data.labels[i]), r: 2.6,
      class: test.has(i) ? 'approx-point approx-test' : 'approx-point approx-train' }, svg);
  }
  const n = sum.alpha.length;
  for (let i = 0; i < n; ++i) {
    svgEl('path', { d: pathOf(sum.x, sum.terms.subarray(i * SAMPLES, (i + 1) * SAMPLES)), class: 'approx-unit',
      stroke: unitColor(i), 'data-unit': i }, svg);
  }
  svgEl('line', { x1: PLOT.left, x2: PLOT.width - PLOT.right, y1: py(sum.bias), y2: py(sum.bias), class: 'approx-bias' }, svg);
  svgEl('path', { d: pathOf(sum.x, sum.output), class: 'approx-sum' }, svg);
}

function drawErrors(svg, errors, current) {
  svg.replaceChildren();
  const W = 300, H = 140, L = 44, B = 22;
  const known = errors.filter(Number.isFinite);
  if (!known.length) return;
  const top = Math.max(...known), low = Math.max(1e-5, Math.min(...known));
  const logs = [Math.floor(Math.log10(low)), Math.ceil(Math.log10(top))];
  if (logs[0] === logs[1]) logs[0] -= 1;
  const y = (v) => 6 + ((logs[1] - Math.log10(Math.max(v, 1e-5))) / (logs[1] - logs[0])) * (H - B - 6);
  const x = (n) => L + ((n - 1) / (MAX_UNITS - 1)) * (W - L - 8);
  for (let e = logs[0]; e <= logs[1]; ++e) {
    svgEl('line', { x1: L, x2: W - 4, y1: y(10 ** e), y2: y(10 ** e), class: 'approx-grid' }, svg);
    svgEl('text', { x: L - 4, y: y(10 ** e) + 3.5, class: 'approx-tick approx-tick-left' }, svg).textContent = `10${superscript(e)}`;
  }
  for (let n = 1; n <= MAX_UNITS; ++n) {
    svgEl('text', { x: x(n), y: H - 6, class: 'approx-tick' }, svg).textContent = String(n);
  }
  const pts = errors.map((v, k) => (Number.isFinite(v) ? [x(k + 1), y(v)] : null)).filter(Boolean);
  svgEl('polyline', { points: pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' '), class: 'approx-error-line' }, svg);
  errors.forEach((v, k) => {
    if (Number.isFinite(v)) {
      svgEl('circle', { cx: x(k + 1), cy: y(v), r: k + 1 === current ? 5 : 3, class: k + 1 === current ? 'approx-error-now' : 'approx-error-dot',
        'data-n': k + 1, 'data-loss': v }, svg);
    }
  });
}

// The canvas's backing store at its displayed size in device pixels (read as it is drawn, on a
// change, never per frame): a fixed 240 was stretched, blurred, to 15rem (360 px at a 24 px
// default font size) and to a high-density screen's or the lecture hall's pixels. Unchanged while
// the canvas is not laid out (0 wide).
const backingSize = (canvas) => Math.round(canvas.clientWidth * pixelRatio(canvas));
function fitBacking(canvas) {
  const size = backingSize(canvas);
  if (size > 0 && canvas.width !== size) {
    canvas.width = size;
    canvas.height = size;
  }
}

// The plane view: the output's sign as a pale background, the chosen region (AND / OR of the
// half-planes) shaded, each unit's line, and the points.
function drawPlane(canvas, svg, plane, combine) {
  fitBacking(canvas);
  const ctx = canvas.getContext('2d');
  const g = PLANE_GRID, size = canvas.width, cell = size / g;
  const n = plane.units.length;
  for (let iy = 0; iy < g; ++iy) {
    for (let ix = 0; ix < g; ++ix) {
      const k = iy * g + ix;
      const inside = combine === 'and' ? plane.counts[k] === n : plane.counts[k] > 0;
      const rgb = divergingRgb(Math.max(-1, Math.min(1, plane.output[k])) * (inside ? 0.75 : 0.25));
      ctx.fillStyle = rgbToCss(rgb);
      ctx.fillRect(ix * cell, iy * cell, cell + 0.5, cell + 0.5);
    }
  }
  svg.replaceChildren();
  const to = (v) => ((v + 6) / 12) * 240;
  const toY = (v) => ((6 - v) / 12) * 240;
  plane.units.forEach(({ w, b }, i) => {
    // w1 x1 + w2 x2 + b = 0 across the square [-6, 6]², with a tick toward the positive side.
    const [w1, w2] = w;
    const ends = [];
    if (Math.abs(w2) > 1e-9) for (const x1 of [-6, 6]) ends.push([x1, -(w1 * x1 + b) / w2]);
    if (Math.abs(w1) > 1e-9) for (const x2 of [-6, 6]) ends.push([-(w2 * x2 + b) / w1, x2]);
    const seen = ends.filter(([a, c]) => a >= -6.001 && a <= 6.001 && c >= -6.001 && c <= 6.001);
    if (seen.length < 2) return;
    const [p, q] = [seen[0], seen[seen.length - 1]];
    svgEl('line', { x1: to(p[0]), y1: toY(p[1]), x2: to(q[0]), y2: toY(q[1]), stroke: unitColor(i), class: 'approx-line', 'data-unit': i }, svg);
    // The tick points to the side that raises the output: along w when αᵢ ≥ 0, against it when not.
    const mid = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], norm = Math.hypot(w1, w2) * (plane.units[i].alpha < 0 ? -1 : 1);
    svgEl('line', { x1: to(mid[0]), y1: toY(mid[1]), x2: to(mid[0] + (0.8 * w1) / norm), y2: toY(mid[1] + (0.8 * w2) / norm),
      stroke: unitColor(i), class: 'approx-normal' }, svg);
  });
  const { data } = plane;
  for (let i = 0; i < data.labels.length; ++i) {
    svgEl('circle', { cx: to(data.xy[2 * i]), cy: toY(data.xy[2 * i + 1]), r: 2.2,
      fill: data.labels[i] > 0.5 ? 'var(--positive)' : 'var(--negative)', class: 'approx-plane-point' }, svg);
  }
}

/** @returns {() => void} clean-up */
export function createApproxLab(container, { module, route, lab }, tasks = approxTasks) {
  const section = document.createElement('section');
  section.id = 'approx-lab';
  section.className = 'widget approx-lab';
  const d = DEFAULT_SETTINGS;
  const names = { ...DATA_NAMES(), ...ACT_NAMES() };
  const opts = (values, selected) => values.map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${names[v]}</option>`).join('');
  section.innerHTML = `
  <h3>What one hidden layer can do</h3>
  <p class="hint">A network with one hidden layer of N units and a linear output computes
    <math><mi>F</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>=</mo><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></munderover>
    <msub><mi>α</mi><mi>i</mi></msub><mi>f</mi><mo>(</mo><msub><mi>w</mi><mi>i</mi></msub><mi>x</mi><mo>+</mo><msub><mi>b</mi><mi>i</mi></msub><mo>)</mo><mo>+</mo><mi>b</mi></math>:
    a sum of N scaled, shifted copies of one curve. Cybenko (1989) and Hornik (1991) showed that for any
    continuous f on a bounded box and any ε &gt; 0, some N and some weights bring F within ε of f everywhere,
    for any non-constant, bounded, increasing, continuous f such as the sigmoid. The theorem says nothing about
    how large N must be or whether training finds the weights:
    <span>${t('below, a network with the same seed is trained for {epochs} epochs (Adam, full batch) for each choice.', { epochs: EPOCHS })}</span></p>
  <div class="row approx-controls">
    <label class="compact">data <select id="approx-data">${opts(CURVE_SETS, d.data)}</select></label>
    <label class="compact">hidden units <select id="approx-act">${opts(['sigmoid', 'relu'], d.act)}</select></label>
    <label class="compact">N <input id="approx-n" type="range" min="1" max="${MAX_UNITS}" step="1" value="${d.n}" aria-label="N, the number of hidden units">
      <output id="approx-n-value">${d.n}</output></label>
  </div>
  <p id="approx-error" class="act-error" role="status"></p>
  <div class="approx-views">
    <figure class="approx-figure">
      <svg id="approx-fit" class="approx-fit" viewBox="0 0 ${PLOT.width} ${PLOT.height}" role="img"
        aria-label="The data, each hidden unit's scaled curve (thin, coloured), the output bias (dotted) and their sum F(x) (thick)"></svg>
      <figcaption id="approx-caption"></figcaption>
    </figure>
    <figure class="approx-figure">
      <svg id="approx-errors" class="approx-errors" viewBox="0 0 300 140" role="img" aria-label="Test loss against the number of hidden units N, log scale"></svg>
      <figcaption id="approx-errors-caption">Test loss against N (log scale), one network per N.</figcaption>
    </figure>
  </div>
  <div class="act-table-wrap"><table class="approx-units"><thead><tr><th>unit i</th><th>wᵢ</th><th>bᵢ</th><th>αᵢ</th><th>where it switches, −bᵢ/wᵢ</th></tr></thead>
    <tbody id="approx-unit-rows"></tbody></table></div>
  <h4>In two dimensions: half-planes and regions</h4>
  <p class="hint">With two inputs each hidden unit is on along one side of a line
    <math><msub><mi>w</mi><mrow><mi>i</mi><mn>1</mn></mrow></msub><msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><msub><mi>w</mi><mrow><mi>i</mi><mn>2</mn></mrow></msub><msub><mi>x</mi><mn>2</mn></msub><mo>+</mo><msub><mi>b</mi><mi>i</mi></msub><mo>=</mo><mn>0</mn></math>
    and off along the other. The output adds <math><msub><mi>α</mi><mi>i</mi></msub></math> for each unit that is on, so each line has a side
    that raises the output (its own positive side when <math><msub><mi>α</mi><mi>i</mi></msub><mo>&gt;</mo><mn>0</mn></math>, the other when
    <math><msub><mi>α</mi><mi>i</mi></msub><mo>&lt;</mo><mn>0</mn></math>; the tick points to it). Where every line's raising side
    meets (AND) the half-planes carve out a convex region; where any one holds (OR), a union. The region chosen below is
    drawn strong, the rest pale.</p>
  <div class="row approx-controls">
    <label class="compact">data <select id="approx-plane">${opts(PLANE_SETS, d.plane)}</select></label>
    <label class="compact">units <input id="approx-n2" type="number" min="1" max="${MAX_UNITS}" step="1" value="${d.n2}"></label>
    <label class="compact">region <select id="approx-combine"><option value="and">AND: every unit raises the output</option><option value="or">OR: some unit does</option></select></label>
  </div>
  <div class="approx-plane-wrap">
    <canvas id="approx-plane-canvas" width="240" height="240" class="approx-plane-canvas"></canvas>
    <svg id="approx-plane-svg" class="approx-plane-svg" viewBox="0 0 240 240" role="img" aria-label="The plane with each hidden unit's line, the chosen region and the points"></svg>
  </div>
  <p id="approx-plane-caption" class="act-summary"></p>`;
  container.append(section);
  const taskList = renderTasks(section, tasks, { active: route?.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {{ data: HTMLSelectElement, act: HTMLSelectElement, n: HTMLInputElement, plane: HTMLSelectElement,
   *   n2: HTMLInputElement, combine: HTMLSelectElement }} */
  const fields = { data: $('approx-data'), act: $('approx-act'), n: $('approx-n'), plane: $('approx-plane'), n2: $('approx-n2'),
    combine: $('approx-combine') };
  const linked = bindLabState(lab, 'approx', fields);
  /** @type {HTMLOutputElement} */
  const nValue = $('approx-n-value');
  nValue.value = fields.n.value;

  const whole = (el) => {
    const v = Number(el.value);
    const ok = el.value.trim() !== '' && Number.isInteger(v) && v >= Number(el.min) && v <= Number(el.max);
    el.setAttribute('aria-invalid', String(!ok));
    return ok ? v : null;
  };
  const settings = () => ({ data: fields.data.value, act: fields.act.value, n: whole(fields.n), plane: fields.plane.value,
    n2: whole(fields.n2), combine: fields.combine.value });

  let fit = null, plane = null;
  // The error curve is a network per N: one per frame, cached per data set and activation.
  const curves = new Map();
  let pending = 0;
  const curveKey = (s) => `${s.data}|${s.act}`;
  const fillCurve = () => {
    pending = 0;
    const s = settings();
    const key = curveKey(s);
    const errors = curves.get(key) ?? Array(MAX_UNITS).fill(NaN);
    curves.set(key, errors);
    const next = errors.findIndex((v) => !Number.isFinite(v));
    if (next >= 0) {
      errors[next] = errorCurve(module, s, [next + 1])[0];
      pending = requestAnimationFrame(fillCurve);
    }
    drawErrors($('approx-errors'), errors, s.n);
    section.dataset.errorsDone = String(next < 0);
  };

  const check = () => { if (fit && plane) taskList.update({ fit, plane }); };
  const renderFit = () => {
    const s = settings();
    nValue.value = fields.n.value;
    if (s.n === null) return;
    try {
      fit = fitNumbers(module, s);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      $('approx-error').textContent = e.message;
      return;
    }
    $('approx-error').textContent = '';
    drawFit($('approx-fit'), fit);
    $('approx-caption').textContent = `${tn('{n} {act} unit after {epochs} epochs: training loss {train}, test loss {test} (½ the mean squared error).',
      '{n} {act} units after {epochs} epochs: training loss {train}, test loss {test} (½ the mean squared error).', s.n,
      { act: names[s.act], epochs: EPOCHS, train: formatNumber(fit.metrics.train.loss), test: formatNumber(fit.metrics.test.loss) })} ` +
      t('Output bias b = {bias}.', { bias: formatNumber(fit.bias) });
    $('approx-unit-rows').innerHTML = fit.units.map((u, i) => `<tr data-unit="${i}"><td><svg class="approx-swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${unitColor(i)}"></rect></svg>${i + 1}</td>` +
      `<td>${formatNumber(u.w[0])}</td><td>${formatNumber(u.b)}</td><td>${formatNumber(u.alpha)}</td>` +
      `<td>${u.w[0] === 0 ? '–' : formatNumber(-u.b / u.w[0])}</td></tr>`).join('');
    section.dataset.units = String(s.n);
    cancelAnimationFrame(pending);
    fillCurve();
    check();
  };
  const renderPlane = () => {
    const s = settings();
    if (s.n2 === null) { $('approx-plane-caption').textContent = t('units must be a whole number from 1 to {max}', { max: MAX_UNITS }); return; }
    try {
      plane = planeNumbers(module, s);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      $('approx-plane-caption').textContent = e.message;
      return;
    }
    drawPlane($('approx-plane-canvas'), $('approx-plane-svg'), plane, s.combine);
    const inside = plane.counts.filter((c) => (s.combine === 'and' ? c === s.n2 : c > 0)).length;
    const accuracy = formatPercent(plane.metrics.test.accuracy, 1), covered = formatPercent(inside / plane.counts.length, 1);
    $('approx-plane-caption').textContent = `${tn('{n} {act} unit on {data}: test accuracy {accuracy}.', '{n} {act} units on {data}: test accuracy {accuracy}.',
      s.n2, { act: names[s.act], data: names[s.plane], accuracy })} ${s.combine === 'and'
      ? t('The AND region (every unit on the side that raises the output) covers {covered} of the square.', { covered })
      : t('The OR region (some unit on it) covers {covered} of the square.', { covered })}`;
    check();
  };

  const listening = labListeners();
  const { on } = listening;
  const save = () => { if (!Object.values(fields).some((el) => el.getAttribute('aria-invalid') === 'true')) linked.save(); };
  on(fields.n, 'input', renderFit);
  for (const name of ['data', 'act', 'n']) on(fields[name], 'change', () => { renderFit(); save(); });
  on(fields.act, 'change', renderPlane);
  for (const name of ['plane', 'n2', 'combine']) on(fields[name], 'change', () => { renderPlane(); save(); });
  renderFit();
  renderPlane();
  // The plane's pixels are the theme's diverging scale: repaint them (same numbers) in a new theme,
  // and at the canvas's new size when its room (the window, the font size) or the zoom changes.
  const repaint = () => { if (plane) drawPlane($('approx-plane-canvas'), $('approx-plane-svg'), plane, settings().combine); };
  const offTheme = onThemeChange(repaint);
  // Only when the backing must change: the observer's first call, as it starts, would draw the plane twice.
  const planeCanvas = /** @type {HTMLCanvasElement} */ ($('approx-plane-canvas'));
  const resize = () => { const size = backingSize(planeCanvas); if (size > 0 && size !== planeCanvas.width) repaint(); };
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : null;
  resized?.observe($('approx-plane-canvas'));
  on(document, 'lecturechange', repaint);
  const offTextScale = onTextScaleChange(() => { if (fit) drawFit($('approx-fit'), fit); });
  return () => {
    offTheme();
    offTextScale();
    resized?.disconnect();
    cancelAnimationFrame(pending);
    listening.off();
    section.remove();
  };
}
