// Chapter 8's lab: a deep network at initialisation and after training, with the distribution of
// every hidden layer's activations and back-propagated gradients δ = ∂L/∂z stacked layer by layer
// (Glorot & Bengio 2010, figures 6 and 7), their std, how many units are not copies of another
// (zero initialisation's symmetry), and the schemes side by side at initialisation so the matching
// rule (Xavier for tanh, He for ReLU; the sigmoid, of slope at most 1/4, loses δ under Xavier) shows
// in the numbers. The lab trains its own Engine (a second Playground in the same module), so the
// playground's run is left alone. Every number is the core's (engine.layerStats, layers);
// labNumbers() gathers them for a set of settings, so Node tests check the tasks on exactly what the
// page shows.
import { Engine, EngineError } from '../../engine.js';
import { renderTasks, percent, wholePercent } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { finish, slicedRunner, wireSlicedLab } from '../../course/sliced.js';
import { formatNumber, numberListSeparator } from '../../views/format.js';
import { svgEl } from '../../views/dom.js';
import { histogramBars, layerColor } from '../../views/layer-stats.js';
import { onThemeChange } from '../../theme.js';
import { ACTIVATION_WORDS, VALUE_LABELS } from '../../views/names.js';
import { t, tn } from '../../i18n/i18n.js';

// The lab's data and training: the circles (2 inputs, 100 training points), a sigmoid output under
// cross-entropy (its δ = a − t, the same for every hidden activation), plain SGD.
export const LAB_DATA = Object.freeze({ dataset: 'circles', points: 200, noise: 0.1, trainRatio: 0.5, features: ['x1', 'x2'],
  outputActivation: 'sigmoid', loss: 'bce', learningRate: 0.03, batchSize: 10, optimizer: 'sgd', seed: 1 });
export const ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];
export const SCHEMES = ['uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'normal_scale', 'uniform_scale', 'zeros'];
export const SCHEME_NAMES = Object.freeze({
  uniform: 'standard U(±1/√n_in)', xavier_uniform: 'Xavier uniform', xavier_normal: 'Xavier normal',
  he_uniform: 'He uniform', he_normal: 'He normal', normal_scale: 'N(0, σ²)', uniform_scale: 'U(−a, a)', zeros: 'zeros',
});
const SCALED = new Set(['normal_scale', 'uniform_scale']);
export const LIMITS = Object.freeze({ scale: [0.001, 10], layers: [2, 8], width: [2, 64], epochs: [0, 500] });
// The schemes compared at initialisation: Glorot & Bengio's standard one, Xavier, He, N(0, 1).
export const COMPARED = [
  { id: 'standard', init: 'uniform', label: 'standard U(±1/√n_in)' },
  { id: 'xavier', init: 'xavier_uniform', label: 'Xavier uniform' },
  { id: 'he', init: 'he_uniform', label: 'He uniform' },
  { id: 'normal1', init: 'normal_scale', initScale: 1, label: 'N(0, 1)' },
];
// The δ histograms share one range per panel: ±3 std of the widest hidden layer (the tails beyond
// it in the end bins), so a layer whose gradients shrink shows a narrower shape on the same axis.
const SPREAD = 3;

/** The lab's settings as the controls start (the link may change them). */
export const DEFAULT_SETTINGS = Object.freeze({ activation: 'tanh', scheme: 'uniform', scale: 1, layers: 5, width: 32, epochs: 100 });

/** The engine settings of a lab set-up. */
export function engineSettings({ activation, scheme, scale, layers, width }) {
  return { ...LAB_DATA, hidden: Array(layers).fill(width), activation, init: scheme, initScale: scale };
}

// The hidden layers' stats, δ binned over ±SPREAD std of the widest layer.
function hiddenStats(engine) {
  const own = engine.layerStats().slice(0, -1);
  const widest = Math.max(...own.map((s) => s.deltaStd));
  const stats = widest > 0 ? engine.layerStats({ deltaRange: SPREAD * widest }).slice(0, -1) : own;
  return stats;
}

// The first few units of the middle hidden layer: each one's bias and first incoming weights.
function someUnits(engine, layer, units = 4, inputs = 4) {
  const { W, b, rows, cols } = engine.layers()[layer];
  return Array.from({ length: Math.min(units, rows) }, (_, j) => ({
    bias: b[j], weights: Array.from({ length: Math.min(inputs, cols) }, (_, i) => W[j + i * rows]) }));
}

const ratio = (stats, key) => stats[0][key] / stats.at(-1)[key];
// Largest over smallest: 1 when every layer is alike (NaN when all are 0: see allZero).
const spreadOf = (values) => Math.max(...values) / Math.min(...values);
// Every hidden layer's std 0 (zero initialisation): nothing varies, so there is no spread to measure.
const allZero = (values) => values.every((v) => v === 0);

/**
 * Every number the lab shows for `settings`, from the core, computed on `engine` (the lab's own):
 * { settings, before, after (hidden layers' stats at initialisation and after settings.epochs),
 *   units (the middle hidden layer's first units after training), trained (epochs done), metrics,
 *   compared (per COMPARED scheme at initialisation: activation and δ std per hidden layer) }.
 * Throws EngineError for a set-up the core refuses.
 */
export const labNumbers = (engine, settings, cache = new Map()) => finish(labSteps(engine, settings, cache));

/** labNumbers() epoch by epoch, for the page to train in slices: yields its progress, returns the numbers. */
export function* labSteps(engine, settings, cache = new Map()) {
  engine.configure(engineSettings(settings));
  engine.reset();
  const before = hiddenStats(engine);
  let diverged = null;
  // The schemes at initialisation, after the training, take about as long as a few epochs each.
  const schemes = comparedSchemes(engine, settings);
  const work = settings.epochs + schemes.length;
  try {
    // Epoch by epoch as the core trains anyway, so a run that diverges stops at the same epoch.
    for (let e = 0; e < settings.epochs; ++e) {
      engine.trainEpochs(1);
      yield (e + 1) / work;
    }
  } catch (e) {
    if (!(e instanceof EngineError) || !engine.progress().diverged) throw e;
    diverged = e.message;  // the weights became NaN or infinite: nothing after it to show
  }
  const trained = engine.progress().epoch;
  const after = diverged ? null : hiddenStats(engine);
  const middle = Math.floor((settings.layers - 1) / 2) + 1;  // a layer with hidden inputs
  const units = diverged ? null : { layer: middle, list: someUnits(engine, middle) };
  const metrics = engine.metrics();
  const compared = [];
  for (const c of schemes) {
    const key = JSON.stringify([settings.activation, settings.layers, settings.width, c.init, c.initScale]);
    if (!cache.has(key)) {
      cache.set(key, atInitialisation(engine, { ...settings, scheme: c.init, scale: c.initScale ?? 1 }));
      yield (settings.epochs + compared.length + 1) / work;
    }
    compared.push({ ...c, ...cache.get(key) });
  }
  return { settings, before, after, trained, diverged, units, metrics, compared,
    deltaRatio: { before: ratio(before, 'deltaStd'), after: after ? ratio(after, 'deltaStd') : NaN } };
}

// COMPARED, and the learner's own scale when the scheme has one (and is not N(0, 1) already).
function comparedSchemes(engine, { scheme, scale }) {
  if (!SCALED.has(scheme) || (scheme === 'normal_scale' && scale === 1)) return COMPARED;
  const label = scheme === 'normal_scale' ? `N(0, ${formatNumber(scale)}²)` : `U(±${formatNumber(scale)})`;
  return [...COMPARED, { id: 'chosen', init: scheme, initScale: scale, label }];
}

// One scheme's hidden layers at initialisation: std of a and δ per layer, their spreads (largest
// over smallest) and δ's first-to-last ratio.
function atInitialisation(engine, settings) {
  engine.configure(engineSettings(settings));
  engine.reset();
  const stats = engine.layerStats().slice(0, -1);
  const activationStd = stats.map((s) => s.activationStd), deltaStd = stats.map((s) => s.deltaStd);
  return { activationStd, deltaStd, deltaRatio: ratio(stats, 'deltaStd'),
    activationSpread: spreadOf(activationStd), deltaSpread: spreadOf(deltaStd) };
}

// ---- tasks ----

const fmt = (v) => formatNumber(v);
// Names in the language in force: an activation (a word of the sentence, ACTIVATION_WORDS) and a scheme.
const unitsOf = (activation) => t(ACTIVATION_WORDS[activation], undefined, 'unit');
const schemeName = (label) => t(label, undefined, 'value');
const named = (s) => t('{units} units with {scheme}', { units: unitsOf(s.activation),
  scheme: s.scheme === 'normal_scale' ? `N(0, ${fmt(s.scale)}²)` : s.scheme === 'uniform_scale' ? `U(±${fmt(s.scale)})` : schemeName(SCHEME_NAMES[s.scheme]) });
// 'a and b and c', in the language in force.
const andList = (items) => items.reduce((a, b) => t('{a} and {b}', { a, b }));
// "Comparable across layers": every hidden layer's std within a factor of 3 of every other's.
export const COMPARABLE = 3;
// "Saturated": at least a fifth of a layer's activations in its histogram's two end bars (of 24), next
// to a bounded unit's limits (0 and 1 for the sigmoid), where its slope is a sixth of its top or less.
export const SATURATED = 0.2;
const atBounds = (s) => s.histogram[0] + s.histogram.at(-1);

export const initTasks = [
  { id: 'vanishing-normal', title: 'Saturated sigmoid units under N(0, 1)',
    get statement() {
      return t('Give the network sigmoid units and weights drawn from N(0, 1) (the scheme N(0, σ²) with σ = 1), as was common before Glorot and Bengio, and at least 5 hidden layers. At initialisation the weighted sums are large and the units saturate: at least {least} of every hidden layer\'s activations sit in the histogram\'s end bars, at 0 and 1, where the sigmoid\'s slope is almost 0; and δ\'s histograms narrow from the last hidden layer down to the first, the first\'s std less than half of the last\'s. Then try Xavier uniform: the units no longer saturate, but Xavier assumes a slope of 1 and the sigmoid\'s is at most 1/4, so δ shrinks about fourfold at every layer (the last column of the schemes side by side). Tanh, whose slope is 1 at 0, keeps δ even under Xavier.',
        { least: wholePercent(SATURATED) });
    },
    check: ({ settings, before, deltaRatio }) => {
      const missing = [];
      if (settings.activation !== 'sigmoid') missing.push(t('choose sigmoid units (now {units})', { units: unitsOf(settings.activation) }));
      if (settings.scheme !== 'normal_scale' || settings.scale !== 1) missing.push(t('draw the weights from N(0, 1): the scheme N(0, σ²) with σ = 1'));
      if (settings.layers < 5) missing.push(t('use at least 5 hidden layers (now {n})', { n: settings.layers }));
      if (missing.length === 0) {
        const calm = before.findIndex((s) => !(atBounds(s) >= SATURATED));
        if (calm >= 0) {
          missing.push(t('only {share} of hidden layer {n}\'s activations are in the end bars, at 0 and 1: its units do not saturate here',
            { share: percent(atBounds(before[calm])), n: calm + 1 }));
        }
        const std = before.map((s) => s.deltaStd);
        if (!std.every((v, l) => l === 0 || std[l - 1] < v)) {
          missing.push(t('δ\'s std does not shrink at every layer toward the input here ({std})', { std: std.map(fmt).join(numberListSeparator()) }));
        }
        if (!(deltaRatio.before < 0.5)) missing.push(t('δ\'s std at the first hidden layer is {ratio} of the last\'s', { ratio: fmt(deltaRatio.before) }));
      }
      return { met: missing.length === 0, missing };
    } },
  { id: 'match-tanh', title: 'Keep tanh gradients alive through every layer',
    get statement() {  // composed when the list is drawn, in the language in force
      return t('With tanh units and at least 5 hidden layers, choose an initialisation under which, at initialisation, every hidden layer\'s δ std is within a factor of {factor} of every other\'s, and the last hidden layer\'s activations keep a std of at least 0.2.',
        { factor: COMPARABLE });
    },
    check: ({ settings, before }) => {
      const missing = [];
      if (settings.activation !== 'tanh') missing.push(t('choose tanh units (now {units})', { units: unitsOf(settings.activation) }));
      if (settings.layers < 5) missing.push(t('use at least 5 hidden layers (now {n})', { n: settings.layers }));
      const deltaStd = before.map((s) => s.deltaStd), spread = spreadOf(deltaStd);
      if (allZero(deltaStd)) missing.push(t('with {named} every hidden layer\'s δ is 0: no gradient reaches them, so there is no spread to measure', { named: named(settings) }));
      else if (!(spread <= COMPARABLE)) missing.push(t('with {named} the δ std of the hidden layers spans a factor of {spread}', { named: named(settings), spread: fmt(spread) }));
      const last = before.at(-1).activationStd;
      if (!(last >= 0.2)) missing.push(t('the last hidden layer\'s activations have std {std}', { std: fmt(last) }));
      return { met: missing.length === 0, missing };
    } },
  { id: 'match-relu', title: 'The scheme for ReLU',
    get statement() {
      return t('With ReLU units and at least 5 hidden layers, choose an initialisation under which, at initialisation, every hidden layer\'s activation std and every hidden layer\'s δ std stay within a factor of {factor} of each other. Which one of the named schemes does it, and why?',
        { factor: COMPARABLE });
    },
    check: ({ settings, before }) => {
      const missing = [];
      if (settings.activation !== 'relu') missing.push(t('choose ReLU units (now {units})', { units: unitsOf(settings.activation) }));
      if (settings.layers < 5) missing.push(t('use at least 5 hidden layers (now {n})', { n: settings.layers }));
      const activationStd = before.map((s) => s.activationStd), deltaStd = before.map((s) => s.deltaStd);
      const a = spreadOf(activationStd), d = spreadOf(deltaStd);
      if (allZero(activationStd)) {
        missing.push(t('with {named} every hidden unit puts out the same value on every example: the activations\' std is 0 in every layer, so there is no spread to measure', { named: named(settings) }));
      } else if (!(a <= COMPARABLE)) missing.push(t('with {named} the activations\' std spans a factor of {spread}', { named: named(settings), spread: fmt(a) }));
      if (allZero(deltaStd)) missing.push(t('with {named} every hidden layer\'s δ is 0: no gradient reaches them, so there is no spread to measure', { named: named(settings) }));
      else if (!(d <= COMPARABLE)) missing.push(t('with {named} δ\'s std spans a factor of {spread}', { named: named(settings), spread: fmt(d) }));
      return { met: missing.length === 0, missing };
    } },
];

// ---- drawing ----

const HIST = { width: 150, height: 26 };

// One panel: a row per hidden layer, input side at the bottom as in Glorot & Bengio, each with its
// histogram on the panel's range and its std.
function panel(title, stats, kind) {
  const figure = document.createElement('figure');
  figure.className = 'init-panel';
  figure.dataset.panel = kind;
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const table = document.createElement('table');
  table.className = 'init-hist-table';
  const low = kind === 'delta' ? 'deltaLow' : 'histogramLow', high = kind === 'delta' ? 'deltaHigh' : 'histogramHigh';
  const hist = kind === 'delta' ? 'deltaHistogram' : 'histogram', std = kind === 'delta' ? 'deltaStd' : 'activationStd';
  const rows = stats.map((s, l) => {
    const tr = document.createElement('tr');
    tr.dataset.layer = String(l + 1);
    tr.dataset.std = String(s[std]);
    tr.dataset.histogram = Array.from(s[hist]).join(',');
    const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: t('layer {n}', { n: l + 1 }) });
    const cell = document.createElement('td');
    const svg = svgEl('svg', { viewBox: `0 0 ${HIST.width} ${HIST.height}`, class: 'init-hist', role: 'img',
      'aria-label': t(kind === 'delta' ? 'hidden layer {n}: δ from {low} to {high}, std {std}' : 'hidden layer {n}: activations from {low} to {high}, std {std}',
        { n: l + 1, low: fmt(s[low]), high: fmt(s[high]), std: fmt(s[std]) }) });
    for (const b of histogramBars(s[hist], HIST.width, HIST.height)) {
      svgEl('rect', { x: b.x.toFixed(2), y: b.y.toFixed(2), width: b.width.toFixed(2), height: b.height.toFixed(2), fill: layerColor(l, stats.length) }, svg);
    }
    cell.append(svg);
    const range = Object.assign(document.createElement('td'), { className: 'init-range', textContent: `${fmt(s[low])} … ${fmt(s[high])}` });
    const value = Object.assign(document.createElement('td'), { className: 'init-std', textContent: fmt(s[std]) });
    value.dataset.value = 'std';
    tr.append(th, cell, range, value);
    return tr;
  }).reverse();
  table.innerHTML = `<thead><tr><th>hidden</th><th>${kind === 'delta' ? 'δ = ∂L/∂z' : 'a = f(z)'}</th><th>range</th><th>std</th></tr></thead>`;
  const body = document.createElement('tbody');
  body.append(...rows);
  table.append(body);
  figure.append(caption, table);
  return figure;
}

function comparisonTable(numbers) {
  const { compared, settings } = numbers;
  const last = settings.layers;
  const rows = compared.map((c) => `<tr data-scheme="${c.id}" data-even="${isEven(c)}"><th scope="row" data-i18n-context="value">${c.label}</th>` +
    `<td data-value="act-first">${fmt(c.activationStd[0])}</td><td data-value="act-last">${fmt(c.activationStd.at(-1))}</td>` +
    `<td data-value="act-spread">${fmt(c.activationSpread)}</td>` +
    `<td data-value="delta-first">${fmt(c.deltaStd[0])}</td><td data-value="delta-last">${fmt(c.deltaStd.at(-1))}</td>` +
    `<td data-value="delta-spread">${fmt(c.deltaSpread)}</td><td data-value="delta-ratio">${fmt(c.deltaRatio)}</td></tr>`).join('');
  const head = (msg, n) => `<th>${t(msg, { n })}</th>`;
  return `<table class="init-compare"><thead><tr><th>at initialisation</th>${head('std a, layer {n}', 1)}${head('std a, layer {n}', last)}` +
    `<th title="largest over smallest std of the activations across the hidden layers">a spread</th>` +
    `${head('std δ, layer {n}', 1)}${head('std δ, layer {n}', last)}` +
    `<th title="largest over smallest std of δ across the hidden layers">δ spread</th>${head('δ layer 1 / layer {n}', last)}</tr></thead><tbody>${rows}</tbody></table>`;
}

// Even: both signals within a factor of COMPARABLE across the hidden layers.
const isEven = (c) => c.activationSpread <= COMPARABLE && c.deltaSpread <= COMPARABLE;

// Which compared schemes keep both signals even, read from the numbers, and the rule for the activation.
export function verdict({ compared, settings }) {
  const even = compared.filter(isEven).map((c) => schemeName(c.label));
  const params = { units: unitsOf(settings.activation), factor: COMPARABLE, layers: settings.layers };
  const found = even.length === 0
    ? t('With {units} units, none of these keeps both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.', params)
    : tn('With {units} units, {schemes} keeps both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.',
      'With {units} units, {schemes} keep both the activations\' and δ\'s std within a factor of {factor} across the {layers} hidden layers.',
      even.length, { ...params, schemes: andList(even) });
  const rule = {
    tanh: () => t('Xavier\'s variance keeps a signal\'s variance through a layer of units whose slope is 1 around 0, as tanh\'s is; tanh\'s slope falls below 1 away from 0, so a little more variance (He\'s, or PyTorch\'s gain of 5/3 on Xavier) does no harm. The standard U(±1/√n_in) has a third of the variance needed, so the activations fade layer after layer; N(0, 1) saturates the units.'),
    sigmoid: () => t('Xavier\'s variance assumes a slope of 1 around 0, but the sigmoid\'s is at most 1/4, so under Xavier each layer divides δ by about 4 on its way back (the last column); N(0, 1)\'s large weights make up for the small slope on δ\'s way back but saturate the units (their activations pile up at 0 and 1), and the sigmoid\'s outputs are not centred on 0. Deep networks use tanh with Xavier or ReLU with He.'),
    relu: () => t('He\'s variance, 2/n_in, is twice Xavier\'s because a ReLU passes on only half of its inputs: under Xavier the signal halves its variance at each layer, and under N(0, 1) it grows with every layer until training diverges.'),
  }[settings.activation];
  return `${found} ${rule()}`;
}

// δ's first-to-last ratio at initialisation and after training. It has no value when the last hidden
// layer's δ is 0 on every example, and then every hidden layer's is (zero initialisation): said once.
function deltaSummary({ before, after }, n, accuracy) {
  const params = { n, accuracy, before: fmt(before), after: fmt(after) };
  if (Number.isFinite(before) && Number.isFinite(after)) {
    return t('δ\'s std at hidden layer 1 is {before} and {after} (test accuracy then {accuracy}).', { accuracy,
      before: t('{ratio} times the last hidden layer\'s at initialisation', { ratio: params.before }),
      after: tn('{ratio} times the last hidden layer\'s after {n} epoch', '{ratio} times the last hidden layer\'s after {n} epochs', n, { ratio: params.after }) });
  }
  if (Number.isFinite(after)) {
    return tn('Every hidden layer\'s δ is 0 at initialisation: no gradient reaches the hidden layers, so there is no ratio to show. After {n} epoch, δ\'s std at hidden layer 1 is {after} times the last hidden layer\'s (test accuracy then {accuracy}).',
      'Every hidden layer\'s δ is 0 at initialisation: no gradient reaches the hidden layers, so there is no ratio to show. After {n} epochs, δ\'s std at hidden layer 1 is {after} times the last hidden layer\'s (test accuracy then {accuracy}).', n, params);
  }
  if (Number.isFinite(before)) {
    return tn('δ\'s std at hidden layer 1 is {before} times the last hidden layer\'s at initialisation; after {n} epoch every hidden layer\'s δ is 0, so no gradient reaches them (test accuracy then {accuracy}).',
      'δ\'s std at hidden layer 1 is {before} times the last hidden layer\'s at initialisation; after {n} epochs every hidden layer\'s δ is 0, so no gradient reaches them (test accuracy then {accuracy}).', n, params);
  }
  return tn('Every hidden layer\'s δ is 0, at initialisation and still after {n} epoch: no gradient reaches the hidden layers, so there is no ratio to show (test accuracy then {accuracy}).',
    'Every hidden layer\'s δ is 0, at initialisation and still after {n} epochs: no gradient reaches the hidden layers, so there is no ratio to show (test accuracy then {accuracy}).', n, params);
}

function unitsTable({ units, trained }) {
  const head = units.list[0].weights.map((_, i) => `<th>${t('w from {n}', { n: i + 1 })}</th>`).join('');
  const rows = units.list.map((u, j) => `<tr data-unit="${j + 1}"><th scope="row">${t('unit {n}', { n: j + 1 })}</th><td>${fmt(u.bias)}</td>` +
    u.weights.map((w) => `<td>${fmt(w)}</td>`).join('') + '</tr>').join('');
  const caption = tn('Hidden layer {layer}\'s first units after {n} epoch: bias and first incoming weights',
    'Hidden layer {layer}\'s first units after {n} epochs: bias and first incoming weights', trained, { layer: units.layer + 1 });
  return `<table class="init-units"><caption>${caption}</caption><thead><tr><th></th><th>bias</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** @returns {() => void} clean-up */
export function createInitLab(container, { module, route, lab }, tasks = initTasks) {
  const section = document.createElement('section');
  section.id = 'init-lab';
  section.className = 'widget init-lab';
  const d = DEFAULT_SETTINGS;
  const option = (v, text, selected) => `<option value="${v}"${v === selected ? ' selected' : ''}>${text}</option>`;
  section.innerHTML = `
  <h3>Signals and gradients through a deep network</h3>
  <p class="hint">A network of several equal hidden layers learns the circles (two inputs, 100 training points,
    a sigmoid output under cross-entropy, SGD at rate 0.03, batch 10). For each hidden layer, layer 1 next to the
    inputs at the bottom: the distribution of its activations a and of the gradients backpropagation brings it,
    δ = ∂L/∂z of each example's loss, over every unit and training example, at initialisation and after training.
    The δ histograms of a panel share one axis, ±3 std of the widest layer, so shrinking gradients look narrower.</p>
  <div class="row init-controls">
    <label class="compact">units <select id="init-act" data-i18n-context="value">${ACTIVATIONS.map((a) => option(a, VALUE_LABELS[a], d.activation)).join('')}</select></label>
    <label class="compact">initialisation <select id="init-scheme" data-i18n-context="value">${SCHEMES.map((s) => option(s, SCHEME_NAMES[s], d.scheme)).join('')}</select></label>
    <label class="compact">σ or a <input id="init-scale" type="number" min="${LIMITS.scale[0]}" max="${LIMITS.scale[1]}" step="0.1" value="${d.scale}"></label>
    <label class="compact">hidden layers <input id="init-layers" type="number" min="${LIMITS.layers[0]}" max="${LIMITS.layers[1]}" step="1" value="${d.layers}"></label>
    <label class="compact">units per layer <input id="init-width" type="number" min="${LIMITS.width[0]}" max="${LIMITS.width[1]}" step="1" value="${d.width}"></label>
    <label class="compact">epochs <input id="init-epochs" type="number" min="${LIMITS.epochs[0]}" max="${LIMITS.epochs[1]}" step="10" value="${d.epochs}"></label>
  </div>
  <p id="init-error" class="act-error" role="status"></p>
  <div class="init-panels">
    <div class="init-when" data-when="before"><h4>At initialisation</h4><div class="init-pair" id="init-before"></div></div>
    <div class="init-when" data-when="after"><h4 id="init-after-title">After training</h4><div class="init-pair" id="init-after"></div></div>
  </div>
  <p id="init-summary" class="act-summary"></p>
  <h4>Symmetry</h4>
  <p id="init-symmetry" class="hint"></p>
  <div id="init-units" class="act-table-wrap"></div>
  <h4>The schemes side by side</h4>
  <p class="hint">The same network and data at initialisation under each scheme: the std of the activations and of δ at the
    first and the last hidden layer. Even layers keep both signals alive; a ratio far from 1 means the gradient vanishes or
    explodes on its way back.</p>
  <div id="init-compare" class="act-table-wrap"></div>
  <p id="init-verdict" class="act-summary"></p>`;
  container.append(section);
  const taskList = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {{ act: HTMLSelectElement, scheme: HTMLSelectElement, scale: HTMLInputElement, layers: HTMLInputElement,
   *   width: HTMLInputElement, epochs: HTMLInputElement }} */
  const fields = { act: $('init-act'), scheme: $('init-scheme'), scale: $('init-scale'), layers: $('init-layers'),
    width: $('init-width'), epochs: $('init-epochs') };
  const linked = bindLabState(lab, 'init', fields);
  const engine = new Engine(module);
  const cache = new Map();  // the schemes at initialisation, per activation and shape

  const numberOf = (el, whole) => {
    const v = el.value.trim() === '' ? NaN : Number(el.value);
    const ok = Number.isFinite(v) && v >= Number(el.min) && v <= Number(el.max) && (!whole || Number.isInteger(v));
    el.setAttribute('aria-invalid', String(!ok));
    return ok ? v : null;
  };
  const settings = () => ({ activation: fields.act.value, scheme: fields.scheme.value, scale: numberOf(fields.scale, false),
    layers: numberOf(fields.layers, true), width: numberOf(fields.width, true), epochs: numberOf(fields.epochs, true) });

  // The settings typed, or null when one is not valid (said under the controls).
  const valid = () => {
    const s = settings();
    fields.scale.disabled = !SCALED.has(s.scheme);
    const problems = [];
    const bounds = (limits) => ({ low: fmt(limits[0]), high: fmt(limits[1]) });
    if (s.scale === null && SCALED.has(s.scheme)) problems.push(t('σ or a must be a number from {low} to {high}', bounds(LIMITS.scale)));
    if (s.layers === null) problems.push(t('hidden layers must be a whole number from {low} to {high}', bounds(LIMITS.layers)));
    if (s.width === null) problems.push(t('units per layer must be a whole number from {low} to {high}', bounds(LIMITS.width)));
    if (s.epochs === null) problems.push(t('epochs must be a whole number from {low} to {high}', bounds(LIMITS.epochs)));
    $('init-error').textContent = problems.join('; ');
    return problems.length ? null : { ...s, scale: s.scale ?? 1 };
  };
  const refused = (e) => {
    if (!(e instanceof EngineError)) throw e;
    $('init-error').textContent = e.message;
  };
  let shown = null;  // the numbers drawn, for a new theme to draw again
  const show = (numbers) => {
    shown = numbers;
    const { settings: s, before, after, trained, deltaRatio, metrics, diverged } = numbers;
    $('init-before').replaceChildren(panel('activations', before, 'activation'), panel('back-propagated gradients δ', before, 'delta'));
    if (diverged) {
      $('init-after').replaceChildren(Object.assign(document.createElement('p'), { className: 'act-error init-diverged', textContent: diverged }));
      $('init-after-title').textContent = 'After training';
      $('init-summary').textContent = t('δ\'s std at hidden layer 1 is {ratio} times the last hidden layer\'s at initialisation.', { ratio: fmt(deltaRatio.before) });
      $('init-symmetry').textContent = t('Training diverged, so there are no trained units to compare.');
      $('init-units').replaceChildren();
      $('init-compare').innerHTML = comparisonTable(numbers);
      $('init-verdict').textContent = verdict(numbers);
      taskList.update(numbers);
      return;
    }
    $('init-after').replaceChildren(panel('activations', after, 'activation'), panel('back-propagated gradients δ', after, 'delta'));
    $('init-after-title').textContent = tn('After {n} epoch', 'After {n} epochs', trained);
    $('init-summary').textContent = deltaSummary(deltaRatio, trained, percent(metrics.test.accuracy));
    const distinct = after.map((st) => st.distinctUnits);
    const copies = distinct.every((n) => n === 1);
    $('init-symmetry').textContent = `${t('Units that are not a copy of another, per hidden layer after training: {counts} of {width}.',
      { counts: distinct.join(', '), width: s.width })} ${copies
      ? t('Every unit of a layer started equal, got the same gradient and is still the same unit: the rows below are identical, and the layer computes one feature however wide it is.')
      : t('Random initial weights made every unit different, and training keeps them so.')}`;
    $('init-units').innerHTML = unitsTable(numbers);
    $('init-compare').innerHTML = comparisonTable(numbers);
    $('init-verdict').textContent = verdict(numbers);
    taskList.update(numbers);
  };

  // Up to 500 epochs of 8 layers of 64 units take half a second: a change trains in slices (the first
  // drawing too), the last numbers shown until the new ones are ready.
  const unwire = wireSlicedLab({ fields, runner: slicedRunner(section, $('init-error')), valid, save: () => linked.save(),
    steps: (s) => labSteps(engine, s, cache), show, refused });
  const offTheme = onThemeChange(() => { if (shown) show(shown); });  // the histograms' layer colours are per theme
  return () => {
    offTheme();
    unwire();
    engine.dispose();
    section.remove();
  };
}
