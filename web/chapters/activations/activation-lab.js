// Chapter 6's lab: every activation drawn with its slope on the same axes, the z the learner picks
// marked on both with the core's f(z) and f′(z); the properties the core measures on its own code;
// a softmax calculator; and the product of slopes down a chain of layers (vanishing gradients).
// Every number shown is the core's (engine.js activationCurve, activationProperties, softmax,
// chainProducts); this file lays them out and checks the tasks. labNumbers() gathers them for a
// set of settings, so Node tests check the tasks on exactly what the page shows.
import { activationCurve, activationProperties, softmax, chainProducts, EngineError } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState, numberList } from '../../course/lab-state.js';
import { labListeners } from '../../course/lab-wiring.js';
import { beyondFloat, floatRangeProblem, inFloatRange, refuseBeyondFloat } from '../float-fields.js';
import { formatFixed, formatList, formatNumber, numberListSeparator } from '../../views/format.js';
import { svgEl } from '../../views/dom.js';
import { ACTIVATION_WORDS, VALUE_LABELS } from '../../views/names.js';
import { t, tn } from '../../i18n/i18n.js';
import { textScale, onTextScaleChange } from '../../views/text-scale.js';

// The plots' window and sampling: the lecture's slides draw z from −6 to 6 (−8 to 8 for the S-curves).
const Z_RANGE = [-6, 6];
// The core takes any z in float range; z is held to the plots' window because its dots mark it there.
const zRangeProblem = () => t('z must be a number from −6 to 6, the plots\' window');
const CURVE_POINTS = 241;
const PLOT = { width: 200, height: 132, pad: 6 };
const CHAIN = { width: 320, height: 120, left: 40, decades: 12 };  // the product's log scale: 10⁰ to 10⁻¹²
export const MAX_DEPTH = 40;

export const LECTURE_LOGITS = [1.60, 0.55, 0.98];
export const SLIDE_SOFTMAX = [0.51, 0.18, 0.31];  // the slide's numbers: each logit over their sum
export const SOFTMAX_TARGET = [0.7, 0.2, 0.1];
export const SOFTMAX_TOLERANCE = 0.01;
export const VANISHED = 1e-3;
// The lecture's example: ∂L/∂w¹₁₁ gathers two paths of four local derivatives each, ∂L/∂w³₁₁ one of two.
export const LECTURE_PATHS = { first: [[0.4, 0.2, 0.08, 0.9], [0.4, 0.6, 0.3, 0.9]], last: [[0.4, 0.5]] };
// The three the page compares at their best: sigmoid's slope is at most 0.25, tanh's and ReLU's 1.
const COMPARED = ['sigmoid', 'tanh', 'relu'];

/** The lab's settings as the controls start (the link may change them). */
export const DEFAULT_SETTINGS = Object.freeze({
  z: 1, leakySlope: 0.1, eluAlpha: 1, logits: LECTURE_LOGITS, chain: 'sigmoid', depth: 3, chainZ: 'peak', chainZs: [1],
});

/**
 * The chain of `depth` layers, one unit each, every weight 1: layer k's slope f′(zₖ) and the product
 * of the slopes from the output down to it, the factor the gradient has been multiplied by there.
 * zs: the z of each layer from the output back (the last repeats), or null for each activation's
 * steepest z (the best case).
 */
export function slopeChain(module, { activation, depth, zs, params, properties }) {
  const steepest = properties.find((p) => p.name === activation).maxSlopeAt;
  const z = Array.from({ length: depth }, (_, k) => (zs ? zs[Math.min(k, zs.length - 1)] : steepest));
  const slopes = activationCurve(module, activation, z, params).df;
  return { z, slopes, running: chainProducts(module, [slopes]).running[0] };
}

const paramsOf = (s) => ({ leakySlope: s.leakySlope, eluAlpha: s.eluAlpha });
const layersProblem = () => t('layers must be a whole number from 1 to {max}', { max: MAX_DEPTH });

/** The activations whose parameter (leaky ReLU's a, ELU's α) is not a valid number, each with the reason. */
export function parameterProblems(settings) {
  const unset = new Map();
  if (settings.leakySlope === null) unset.set('leaky_relu', t('a must be a number from 0 to 0.99'));
  if (settings.eluAlpha === null) unset.set('elu', t('α must be a number from 0.1 to 10'));
  return unset;
}

/**
 * Every number the lab shows for `settings`, from the core: the properties, f and f′ at z for each
 * activation, the softmax of the logits (null when none are typed), the chain, the best cases of
 * sigmoid, tanh and ReLU at the same depth, and the lecture's example. `properties`: the core's
 * table for the same a and α, when the caller has it already. Throws EngineError for values the
 * core refuses.
 */
export function labNumbers(module, settings, properties = activationProperties(module, paramsOf(settings))) {
  const params = paramsOf(settings);
  const marks = Object.fromEntries(properties.map(({ name }) => {
    const c = activationCurve(module, name, [settings.z], params);
    return [name, { f: c.f[0], df: c.df[0] }];
  }));
  const chain = slopeChain(module, { activation: settings.chain, depth: settings.depth,
    zs: settings.chainZ === 'peak' ? null : settings.chainZs, params, properties });
  const bestCases = Object.fromEntries(COMPARED.map((name) =>
    [name, slopeChain(module, { activation: name, depth: settings.depth, zs: null, params, properties }).running.at(-1)]));
  return {
    settings, properties, marks, chain, bestCases,
    probabilities: settings.logits ? softmax(module, settings.logits) : null,
    lecture: { softmax: softmax(module, LECTURE_LOGITS), first: chainProducts(module, LECTURE_PATHS.first),
      last: chainProducts(module, LECTURE_PATHS.last) },
  };
}

const list = (values) => `[${[...values].map((v) => formatNumber(v)).join(numberListSeparator())}]`;
const sigmoidOf = (numbers) => numbers.properties.find((p) => p.name === 'sigmoid');
// An activation's name in the language in force (the menus' translation of VALUE_LABELS).
const labelOf = (name) => t(VALUE_LABELS[name], undefined, 'value');

export const activationTasks = [
  { id: 'sigmoid-steepest', title: 'Where the sigmoid is steepest',
    statement: 'Move z to where the sigmoid\'s slope f′(z) is largest, and read that slope under its plot. ' +
      'Compare it with tanh\'s largest slope.',
    check: ({ settings, marks, properties }) => {
      if (!marks) return { met: false, missing: [zRangeProblem()] };
      const best = sigmoidOf({ properties }).maxSlope;
      const df = marks.sigmoid.df;
      return { met: best - df <= 5e-4,
        missing: [t('move z to where the sigmoid\'s f′ is largest (now f′({z}) = {df}: it grows where the curve is steeper)',
          { z: formatNumber(settings.z), df: formatNumber(df) })] };
    } },
  { id: 'sigmoid-depth', title: 'How deep before the gradient vanishes?',
    statement: 'In the chain below, take the sigmoid at its steepest z in every layer, its best case, and find the smallest ' +
      'depth at which the product of the slopes falls below 10⁻³. What do tanh and ReLU give at that depth?',
    check: ({ settings, chain }) => {
      const { depth } = settings;
      const missing = [];
      if (settings.chain !== 'sigmoid') missing.push(t('choose the sigmoid for the chain (now {activation})', { activation: t(ACTIVATION_WORDS[settings.chain], undefined, 'unit') }));
      else if (settings.chainZ !== 'peak') missing.push(t('put every layer at its steepest z, the best case'));
      // The sigmoid at its steepest is not shown only for want of a depth.
      if (missing.length || !chain) return { met: false, missing: missing.length ? missing : [layersProblem()] };
      const product = chain.running.at(-1);
      const before = depth > 1 ? chain.running.at(-2) : Infinity;
      if (product >= VANISHED) {
        missing.push(tn('after {n} layer the product is {product}, still above 10⁻³: add layers',
          'after {n} layers the product is {product}, still above 10⁻³: add layers', depth, { product: formatNumber(product) }));
      } else if (before < VANISHED) missing.push(t('{n} layers already give {product}: find the smallest depth', { n: depth - 1, product: formatNumber(before) }));
      return { met: missing.length === 0, missing };
    } },
  { id: 'softmax-target', title: 'Logits for given probabilities',
    get statement() {  // composed when the list is drawn, in the language in force
      return t('Type three logits whose softmax is within {tolerance} of {target}. Then add the same number to all three: what changes?',
        { tolerance: formatNumber(SOFTMAX_TOLERANCE), target: list(SOFTMAX_TARGET) });
    },
    check: ({ probabilities }) => {
      if (!probabilities) return { met: false, missing: [t('type three logits separated by commas')] };
      if (probabilities.length !== SOFTMAX_TARGET.length) return { met: false, missing: [t('three logits (now {n})', { n: probabilities.length })] };
      const missing = SOFTMAX_TARGET.flatMap((target, i) => (Math.abs(probabilities[i] - target) <= SOFTMAX_TOLERANCE ? []
        : [t('p{i} = {p} should be {target} ± {tolerance}',
          { i: i + 1, p: formatNumber(probabilities[i]), target: formatNumber(target), tolerance: formatNumber(SOFTMAX_TOLERANCE) })]));
      return { met: missing.length === 0, missing };
    } },
];

// ---- drawing ----

// An interval as the language writes it: (0, 1) and [0, ∞) in English, ]0 ; 1[ and [0 ; +∞[ in French.
const rangeText = (r) => {
  const bounds = { low: formatNumber(r.low), high: formatNumber(r.high) };
  if (r.twoValued) return t('{{low}, {high}}', bounds);
  return r.lowOpen ? (r.highOpen ? t('({low}, {high})', bounds) : t('({low}, {high}]', bounds))
    : (r.highOpen ? t('[{low}, {high})', bounds) : t('[{low}, {high}]', bounds));
};
const centredText = (r) => (r.zeroCentred ? 'yes' : r.negativeOutputs ? 'partly' : 'no');
const saturatesText = (r) => (r.saturatesLow && r.saturatesHigh ? 'both sides'
  : r.saturatesLow ? 'as z → −∞' : r.saturatesHigh ? 'as z → +∞' : 'no');

// unset: the activations whose parameter is not a valid number, their measured cells blank.
function propertiesTable(properties, unset) {
  const rows = properties.map((r) => `<tr data-activation="${r.name}"><th scope="row" data-i18n-context="value">${VALUE_LABELS[r.name]}</th>` +
    (unset.has(r.name) ? '<td data-value="range">–</td><td>–</td><td>–</td><td data-value="max-slope">–</td><td>–</td>'
      : `<td data-value="range">${rangeText(r)}</td><td>${centredText(r)}</td><td>${saturatesText(r)}</td>` +
        `<td data-value="max-slope">${formatNumber(r.maxSlope)}</td><td>${r.smooth ? 'yes' : 'no'}</td>`) +
    `<td>${r.cost}</td></tr>`).join('');
  return `<table class="act-table"><thead><tr><th>activation</th><th>range</th><th>zero-centred</th><th>saturates</th>
    <th>largest f′</th><th>differentiable everywhere</th><th>cost</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// One activation's plot: f solid, f′ dashed, on shared axes scaled to both over the window.
function plotFrame(name, formula, curve, zs) {
  const { width, height, pad } = PLOT;
  let low = 0, high = 1;  // 0 and 1 always in view
  for (const v of [...curve.f, ...curve.df]) { low = Math.min(low, v); high = Math.max(high, v); }
  const lo = low - 0.06 * (high - low), hi = high + 0.06 * (high - low);
  const x = (z) => pad + ((z - Z_RANGE[0]) / (Z_RANGE[1] - Z_RANGE[0])) * (width - 2 * pad);
  const y = (v) => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'act-plot-svg', role: 'img',
    'aria-label': t('{name}: f(z) = {formula}, solid, and its slope f′(z), dashed, for z from −6 to 6', { name: labelOf(name), formula: t(formula) }) });
  svgEl('rect', { x: 0, y: 0, width, height, class: 'act-plot-frame' }, svg);
  svgEl('line', { x1: pad, x2: width - pad, y1: y(0), y2: y(0), class: 'act-axis' }, svg);
  svgEl('line', { x1: x(0), x2: x(0), y1: pad, y2: height - pad, class: 'act-axis' }, svg);
  const path = (values) => zs.map((z, i) => `${x(z).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ');
  svgEl('polyline', { points: path(curve.f), class: 'act-f' }, svg);
  svgEl('polyline', { points: path(curve.df), class: 'act-df' }, svg);
  // The axis's extremes, where the curves reach them. The plots share the lab's width four across,
  // so their labels are sized in rem (style.css) to grow with the default font size, and so is
  // the room beside them.
  const k = textScale();
  for (const [v, dy] of [[high, 8], [low, -2]]) {
    svgEl('line', { x1: x(0) - 3, x2: x(0) + 3, y1: y(v), y2: y(v), class: 'act-axis' }, svg);
    svgEl('text', { x: x(0) - 4 * k, y: y(v) + dy * k, class: 'act-tick act-tick-left' }, svg).textContent = formatNumber(v, { digits: 2 });
  }
  const marker = svgEl('g', { class: 'act-marker' }, svg);
  return { svg, marker, x, y };
}

function placeMarker({ marker, x, y }, z, mark) {
  marker.replaceChildren();
  svgEl('line', { x1: x(z), x2: x(z), y1: 0, y2: PLOT.height, class: 'act-z' }, marker);
  svgEl('circle', { cx: x(z), cy: y(mark.f), r: 3.5, class: 'act-dot-f' }, marker);
  svgEl('circle', { cx: x(z), cy: y(mark.df), r: 3.5, class: 'act-dot-df' }, marker);
}

// The product after each layer as bars on a log scale, with 10⁻³ marked.
function drawChain(svg, running) {
  const { width, height, left, decades } = CHAIN;
  svg.replaceChildren();
  const y = (v) => 4 + (Math.min(decades, Math.max(0, -Math.log10(Math.max(v, 1e-300)))) / decades) * (height - 8);
  const step = (width - left - 4) / running.length;
  running.forEach((v, k) => svgEl('rect', { x: left + k * step + step * 0.15, y: 4, width: step * 0.7, height: Math.max(0.5, y(v) - 4),
    class: v < VANISHED ? 'act-bar act-bar-vanished' : 'act-bar', 'data-layer': k + 1 }, svg));
  for (const [v, text] of [[1, '1'], [VANISHED, '10⁻³'], [1e-6, '10⁻⁶'], [1e-12, '10⁻¹²']]) {
    svgEl('line', { x1: left - 3, x2: width, y1: y(v), y2: y(v), class: v === VANISHED ? 'act-threshold' : 'act-grid' }, svg);
    svgEl('text', { x: left - 5, y: y(v) + 3.5, class: 'act-tick act-tick-left' }, svg).textContent = text;
  }
}

/** @returns {() => void} clean-up */
export function createActivationLab(container, { module, route, lab }, tasks = activationTasks) {
  const section = document.createElement('section');
  section.id = 'activation-lab';
  section.className = 'widget act-lab';
  const d = DEFAULT_SETTINGS;
  const names = activationProperties(module).map((p) => p.name);
  const options = names.map((n) => `<option value="${n}"${n === d.chain ? ' selected' : ''}>${VALUE_LABELS[n]}</option>`).join('');
  section.innerHTML = `
  <h3>Activation functions and their slopes</h3>
  <p class="hint">Each plot shows f(z) (solid) and its slope f′(z) (dashed) on the same axes. Move z: the
    dots mark it on both curves, with the core's values under each plot.</p>
  <div class="row act-controls">
    <label class="compact act-z-label">z <input id="act-z-slider" type="range" min="${Z_RANGE[0]}" max="${Z_RANGE[1]}" step="0.05" value="${d.z}" aria-label="z (slider)">
      <input id="act-z" type="number" aria-label="z" min="${Z_RANGE[0]}" max="${Z_RANGE[1]}" step="0.01" value="${d.z}"></label>
    <label class="compact">leaky slope a <input id="act-a" type="number" min="0" max="0.99" step="0.01" value="${d.leakySlope}"></label>
    <label class="compact">ELU α <input id="act-alpha" type="number" min="0.1" max="10" step="0.1" value="${d.eluAlpha}"></label>
  </div>
  <p id="act-params-error" class="act-error" role="status"></p>
  <p class="act-key"><span class="act-key-f"></span>f(z) <span class="act-key-df"></span>f′(z)</p>
  <div id="act-plots" class="act-plots"></div>
  <h4>What each one is like</h4>
  <p class="hint">Measured by the core on the same code the network runs: the range from f far out on
    each side, the largest slope over z from −40 to 40, saturation where f′ dies out.</p>
  <div id="act-properties" class="act-table-wrap"></div>
  <h4>Softmax: scores into probabilities</h4>
  <div class="row">
    <label class="compact">logits z <input id="act-logits" type="text" data-list value="${formatList(d.logits.map((v) => formatFixed(v, 2)))}" spellcheck="false"></label>
  </div>
  <div id="act-softmax" class="act-table-wrap"></div>
  <p id="act-softmax-note" class="hint"></p>
  <h4>The product of slopes down a chain of layers</h4>
  <p class="hint">Backpropagation multiplies the gradient by f′(z) at every layer it passes (here one unit
    per layer, every weight 1), so after k layers it carries the product of k slopes.</p>
  <div class="row act-controls">
    <label class="compact">activation <select id="act-chain" data-i18n-context="value">${options}</select></label>
    <label class="compact">layers <input id="act-depth" type="number" min="1" max="${MAX_DEPTH}" step="1" value="${d.depth}"></label>
    <label class="compact">z in each layer <select id="act-chain-z"><option value="peak">its steepest (best case)</option><option value="typed">as typed</option></select></label>
    <label class="compact">typed z <input id="act-chain-zs" type="text" data-list value="${d.chainZs.join(', ')}" spellcheck="false"
      aria-describedby="act-chain-zs-hint"></label>
  </div>
  <p id="act-chain-zs-hint" class="hint">Typed z: one per layer from the output back, the last repeated for the layers after it.</p>
  <p id="act-chain-error" class="act-error" role="status"></p>
  <div class="act-chain-views">
    <svg id="act-chain-plot" class="act-chain-plot" viewBox="0 0 ${CHAIN.width} ${CHAIN.height}" role="img"
      aria-label="The product of the slopes after each layer, on a log scale, with 10⁻³ marked"></svg>
    <div class="act-table-wrap act-chain-table"><table><thead><tr><th>layer back</th><th>z</th><th>f′(z)</th><th>product so far</th></tr></thead>
      <tbody id="act-chain-rows"></tbody></table></div>
  </div>
  <p id="act-chain-summary" class="act-summary"></p>
  <p id="act-lecture" class="hint"></p>`;
  container.append(section);
  const taskList = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);

  /** @type {{ z: HTMLInputElement, a: HTMLInputElement, alpha: HTMLInputElement, logits: HTMLInputElement, chain: HTMLSelectElement,
   *   depth: HTMLInputElement, 'chain-z': HTMLSelectElement, 'chain-zs': HTMLInputElement }} */
  const fields = { z: $('act-z'), a: $('act-a'), alpha: $('act-alpha'), logits: $('act-logits'), chain: $('act-chain'),
    depth: $('act-depth'), 'chain-z': $('act-chain-z'), 'chain-zs': $('act-chain-zs') };
  const linked = bindLabState(lab, 'act', fields);
  refuseBeyondFloat(lab, 'act', { logits: fields.logits, 'chain-zs': fields['chain-zs'] });
  /** @type {HTMLInputElement} */
  const slider = $('act-z-slider');
  slider.value = fields.z.value;

  // A field's number, or null (marked invalid) when it is empty, not a number or outside its bounds.
  const numberOf = (el, whole = false) => {
    const v = el.value.trim() === '' ? NaN : Number(el.value);
    const ok = Number.isFinite(v) && v >= Number(el.min) && v <= Number(el.max) && (!whole || Number.isInteger(v));
    el.setAttribute('aria-invalid', String(!ok));
    return ok ? v : null;
  };
  // A typed list's numbers, or null (marked invalid) when it is not a list of numbers the core can take.
  const listOf = (el) => {
    const v = numberList(el.value);
    const ok = v !== null && v.every(inFloatRange);
    el.setAttribute('aria-invalid', String(!ok));
    return ok ? v : null;
  };
  const settings = () => ({
    z: numberOf(fields.z), leakySlope: numberOf(fields.a), eluAlpha: numberOf(fields.alpha), logits: listOf(fields.logits),
    chain: fields.chain.value, depth: numberOf(fields.depth, true), chainZ: fields['chain-z'].value, chainZs: listOf(fields['chain-zs']),
  });

  // The curves change only with a and α: drawn once per pair (and default font size).
  const zs = Array.from({ length: CURVE_POINTS }, (_, i) => Z_RANGE[0] + (i / (CURVE_POINTS - 1)) * (Z_RANGE[1] - Z_RANGE[0]));
  let plots = null, drawnParams = '', measured = { key: '', properties: null };
  const drawPlots = (properties, params) => {
    const key = `${JSON.stringify(params)}|${textScale()}`;
    if (key === drawnParams) return;
    drawnParams = key;
    plots = new Map();
    $('act-plots').replaceChildren(...properties.map(({ name, formula }) => {
      const figure = document.createElement('figure');
      figure.className = 'act-plot';
      figure.dataset.activation = name;
      const frame = plotFrame(name, formula, activationCurve(module, name, zs, params), zs);
      const caption = document.createElement('figcaption');
      caption.innerHTML = `<strong data-i18n-context="value">${VALUE_LABELS[name]}</strong> <span class="act-formula"></span><br>
        f(z) = <b data-value="f"></b>, f′(z) = <b data-value="df"></b>`;
      caption.querySelector('.act-formula').textContent = formula;
      figure.append(frame.svg, caption);
      plots.set(name, { ...frame, f: caption.querySelector('[data-value="f"]'), df: caption.querySelector('[data-value="df"]') });
      return figure;
    }));
  };

  const render = () => {
    const s = settings();
    fields['chain-zs'].disabled = s.chainZ === 'peak';
    // An invalid a or α blanks only what leaky ReLU or ELU shows; the rest of the lab follows its fields.
    const unset = parameterProblems(s);
    // z out of range blanks only its own values (below), but is said here with a and α.
    $('act-params-error').textContent = [...unset.values(), ...(s.z === null ? [zRangeProblem()] : [])].join('; ');
    // Invalid fields fall back to a harmless value for the parts that do not show them.
    const usable = { ...s, z: s.z ?? 0, depth: s.depth ?? 1, chainZs: s.chainZs ?? [0],
      leakySlope: s.leakySlope ?? DEFAULT_SETTINGS.leakySlope, eluAlpha: s.eluAlpha ?? DEFAULT_SETTINGS.eluAlpha };
    const params = paramsOf(usable);
    let numbers;
    try {
      // The properties (a few ms to measure) change only with a and α.
      if (JSON.stringify(params) !== measured.key) measured = { key: JSON.stringify(params), properties: activationProperties(module, params) };
      // The logits go to the core on their own, below: one it refuses leaves the rest of the lab to show.
      numbers = labNumbers(module, { ...usable, logits: null }, measured.properties);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      $('act-params-error').textContent = e.message;
      return;
    }
    drawPlots(numbers.properties, params);
    for (const [name, mark] of Object.entries(numbers.marks)) {
      const plot = plots.get(name);
      const blank = s.z === null || unset.has(name);
      plot.svg.classList.toggle('stale', unset.has(name));  // drawn for the last valid parameter, faded
      plot.f.textContent = blank ? '–' : formatNumber(mark.f);
      plot.df.textContent = blank ? '–' : formatNumber(mark.df);
      if (blank) plot.marker.replaceChildren();
      else placeMarker(plot, s.z, mark);
    }
    $('act-properties').innerHTML = propertiesTable(numbers.properties, unset);
    let softmaxProblem = '';
    try {
      numbers.probabilities = s.logits ? softmax(module, s.logits) : null;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      softmaxProblem = e.message;
      fields.logits.setAttribute('aria-invalid', 'true');  // and so kept out of the link
    }
    renderSoftmax(s, numbers, softmaxProblem);
    const chainShown = renderChain(s, numbers, unset);
    // Without a z, no marks; without a chain shown, none to read: the tasks that read neither still follow the lab.
    taskList.update({ ...numbers, marks: s.z === null ? null : numbers.marks, chain: chainShown ? numbers.chain : null });
  };

  const renderSoftmax = (s, { probabilities, lecture }, problem) => {
    $('act-softmax').innerHTML = probabilities === null ? '<p id="act-logits-error" class="act-error"></p>'
      : `<table class="act-softmax-table"><thead><tr><th>i</th><th>zᵢ</th><th>softmax(z)ᵢ</th><th></th></tr></thead><tbody>${
        [...probabilities].map((p, i) => `<tr><td>${i + 1}</td><td>${formatNumber(s.logits[i])}</td><td data-value="p">${formatNumber(p)}</td>` +
          `<td><svg class="act-prob-bar" viewBox="0 0 100 10" aria-hidden="true"><rect width="${(100 * p).toFixed(2)}" height="10"></rect></svg></td></tr>`).join('')
      }</tbody></table>`;
    if (probabilities === null) {
      $('act-logits-error').textContent = beyondFloat(fields.logits) ? floatRangeProblem(t('logits z'), true)
        : problem || t('Type the logits as numbers separated by commas.');
    }
    // (one literal per message: the catalogue's test reads t()'s first argument)
    $('act-softmax-note').textContent = t('softmax(z)ᵢ = e^zᵢ / Σₖ e^zₖ: every output in (0, 1), together they add up to 1, and the largest logit gets the largest share. For the lecture\'s logits {logits} the slide prints {slide}, which is each logit divided by their sum, not softmax; softmax gives {softmax}.',
      { logits: list(LECTURE_LOGITS), slide: list(SLIDE_SOFTMAX), softmax: list(lecture.softmax) });
  };

  const renderChain = (s, { chain, bestCases, lecture }, unset) => {
    const problems = [];
    if (unset.has(s.chain)) problems.push(unset.get(s.chain));
    if (s.depth === null) problems.push(layersProblem());
    if (s.chainZ === 'typed' && s.chainZs === null) {
      problems.push(beyondFloat(fields['chain-zs']) ? floatRangeProblem(t('typed z'), true) : t('type the z of each layer as numbers separated by commas'));
    }
    $('act-chain-error').textContent = problems.join('; ');
    const shown = problems.length === 0;
    $('act-chain-plot').style.visibility = shown ? '' : 'hidden';
    if (shown) drawChain($('act-chain-plot'), chain.running);
    $('act-chain-rows').innerHTML = !shown ? '' : [...chain.running].map((v, k) => `<tr data-layer="${k + 1}"><td>${k + 1}</td>` +
      `<td>${formatNumber(chain.z[k])}</td><td>${formatNumber(chain.slopes[k])}</td><td data-value="product">${formatNumber(v)}</td></tr>`).join('');
    const depth = s.depth ?? 1;
    $('act-chain-summary').textContent = !shown ? '' : tn('After {n} layer the gradient is multiplied by {product}. At their best over {n} layer: {best}.',
      'After {n} layers the gradient is multiplied by {product}. At their best over {n} layers: {best}.', depth,
      { product: formatNumber(chain.running.at(-1)), best: COMPARED.map((n) => `${labelOf(n)} ${formatNumber(bestCases[n])}`).join(numberListSeparator()) });
    $('act-lecture').textContent = t('The lecture\'s example: the weight in the first layer gets 0.4 × 0.2 × 0.08 × 0.9 + 0.4 × 0.6 × 0.3 × 0.9 = {first}, while one in the last layer gets 0.4 × 0.5 = {last}: the further from the output, the more factors below 1 and the smaller the gradient.',
      { first: formatNumber(lecture.first.total), last: formatNumber(lecture.last.total) });
    return shown;
  };

  const listening = labListeners();
  const { on } = listening;
  on(slider, 'input', () => { fields.z.value = slider.value; render(); });
  on(slider, 'change', () => save());
  on(fields.z, 'input', () => {
    if (numberOf(fields.z) !== null) slider.value = fields.z.value;
    render();
  });
  // Into the link only what reads: a value the lab could not show would not come back from it.
  // (a disabled field is not in use: its leftover text does not hold the others back)
  const save = () => { if (!Object.values(fields).some((el) => !el.disabled && el.getAttribute('aria-invalid') === 'true')) linked.save(); };
  for (const el of Object.values(fields)) {
    if (el !== fields.z) on(el, 'input', render);
    on(el, 'change', () => { render(); save(); });
  }
  render();
  const offTextScale = onTextScaleChange(render);
  return () => {
    offTextScale();
    listening.off();
    section.remove();
  };
}
