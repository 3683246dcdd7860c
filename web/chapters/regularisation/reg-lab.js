// Chapter 7's lab: one overfitting set-up trained from the same initial weights without
// regularisation, with L2, with L1, with dropout and with early stopping, side by side: each run's
// losses and test accuracy, the size of its weights (Σ|w|, ½Σw², how many are near zero) and a
// histogram of them on one range for all, and every run's test loss per epoch. The lab trains its
// own Engine (a second Playground in the same module), so the playground's run is left alone.
// Every number is the core's (metrics, layers, params); labNumbers() gathers them for a set of
// settings, so Node tests check the tasks on exactly what the page shows.
import { Engine, EngineError } from '../../engine.js';
import { SETTINGS } from '../../state.js';
import { createHistory, record, shouldStop } from '../../history.js';
import { renderTasks, percent, wholePercent, testAccuracyAtLeast } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { finish, slicedRunner, within, wireSlicedLab } from '../../course/sliced.js';
import { formatNumber } from '../../views/format.js';
import { svgEl } from '../../views/dom.js';
import { histogramBars } from '../../views/layer-stats.js';
import { t, tn } from '../../i18n/i18n.js';
import { textScale, onTextScaleChange } from '../../views/text-scale.js';

const ALL_FEATURES = SETTINGS.find((e) => e.key === 'features').values;
/** A small, noisy training set and a big network: the chapter's set-up that overfits, and the base of the fixes. */
export const OVERFIT = Object.freeze({ dataset: 'circles', noise: 0.6, points: 120, trainRatio: 0.25, features: ALL_FEATURES,
  hidden: [8, 8, 8], activation: 'relu', init: 'he_uniform', learningRate: 0.03, batchSize: 5 });
// The lab's runs: OVERFIT with a quarter of the points for validation (early stopping watches them;
// the test keeps the other half), from the seed the page opens on.
export const LAB_SETUP = Object.freeze({ ...OVERFIT, validationRatio: 0.25, seed: 2 });

export const LIMITS = Object.freeze({ l2: [0, 1], l1: [0, 1], dropout: [0, 0.9], patience: [1, 1000], epochs: [0, 1000] });
/** The lab's settings as the controls start (the link may change them). */
export const DEFAULT_SETTINGS = Object.freeze({ l2: 0.03, l1: 0.003, dropout: 0.3, patience: 20, epochs: 300 });
/** "Near zero": |w| below this. */
export const NEAR_ZERO = 0.01;
// The weights' histograms: an odd count, so that 0 is the middle bin's centre.
export const BINS = 21;

// The runs in the order shown, with the one setting each changes from the set-up.
export const VARIANTS = ['none', 'l2', 'l1', 'dropout', 'early'];
const PENALTY_FREE = { l1: 0, l2: 0, dropout: 0 };
const runSettings = (id, s) => ({ ...LAB_SETUP, ...PENALTY_FREE,
  ...(id === 'l2' ? { l2: s.l2 } : id === 'l1' ? { l1: s.l1 } : id === 'dropout' ? { dropout: s.dropout } : {}) });

// Every weight (not bias: the penalties leave the biases alone) of a params() array, layer by layer.
function weightsOf(params, sizes) {
  const out = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; ++l) {
    const n = sizes[l] * sizes[l + 1];
    out.push(...params.subarray(offset, offset + n));
    offset += n + sizes[l + 1];
  }
  return Float64Array.from(out);
}

const plainMetrics = (m) => ({ train: { ...m.train }, validation: { ...m.validation }, test: { ...m.test } });

// One run from the seed's weights: metrics after every epoch (epoch 0 first), the final weights,
// and, when `snapshots` is asked for, the params at every epoch whose validation loss is the lowest so
// far (the only epochs early stopping can restore). Yields its progress after each epoch.
function* train(engine, settings, epochs, snapshots = false) {
  engine.configure(settings);
  engine.reset();
  const sizes = engine.layerSizes();
  const initial = weightsOf(engine.params(), sizes);
  const perEpoch = [plainMetrics(engine.metrics())];
  const kept = new Map();
  let lowest = Infinity;
  const keep = () => {
    const v = perEpoch.at(-1).validation.loss;
    if (snapshots && v < lowest) { lowest = v; kept.set(perEpoch.length - 1, engine.params()); }
  };
  keep();
  let diverged = null;
  try {
    for (let e = 0; e < epochs; ++e) {
      engine.trainEpochs(1);
      perEpoch.push(plainMetrics(engine.metrics()));
      keep();
      yield (e + 1) / epochs;
    }
  } catch (e) {
    if (!(e instanceof EngineError) || !engine.progress().diverged) throw e;
    diverged = e.message;  // the weights became NaN or infinite: the epochs before it are shown
  }
  return { initial, perEpoch, weights: weightsOf(engine.params(), sizes), snapshots: kept, sizes, diverged };
}

/**
 * Early stopping on a run without regularisation, by the playground's own rule (history.js): the
 * validation loss recorded after every epoch, a stop once it has not improved for `patience` epochs,
 * and the weights of its best epoch restored. Until it stops it is that run, so it is read off it.
 * @returns {{ stopped: boolean, stopEpoch: number, kept: number }} kept: the epoch whose weights it ends with
 */
export function earlyStopping(perEpoch, patience) {
  const history = createHistory();
  for (let e = 0; e < perEpoch.length; ++e) {
    record(history, e, perEpoch[e]);
    if (shouldStop(history, patience)) return { stopped: true, stopEpoch: e, kept: history.best.epoch };
  }
  const last = perEpoch.length - 1;
  return { stopped: false, stopEpoch: last, kept: last };
}

// Σ|w|, ½Σw², the count near zero, the largest |w|.
function weightStats(weights) {
  let sumAbs = 0, sumSq = 0, nearZero = 0, maxAbs = 0;
  for (const w of weights) {
    const a = Math.abs(w);
    sumAbs += a;
    sumSq += w * w;
    if (a < NEAR_ZERO) nearZero += 1;
    if (a > maxAbs) maxAbs = a;
  }
  return { count: weights.length, sumAbs, halfSumSq: sumSq / 2, nearZero, maxAbs };
}

/** The fraction of `weights` in each of BINS equal bins over [−range, range] (the ends take what is beyond). */
export function weightHistogram(weights, range) {
  const counts = new Array(BINS).fill(0);
  if (weights.length === 0) return counts;
  for (const w of weights) {
    const bin = range > 0 ? Math.floor(((w + range) / (2 * range)) * BINS) : (BINS - 1) / 2;
    counts[Math.min(BINS - 1, Math.max(0, bin))] += 1;
  }
  return counts.map((c) => c / weights.length);
}

/**
 * Every number the lab shows for `settings` ({ l2, l1, dropout, patience, epochs }), from the core,
 * computed on `engine` (the lab's own); `cache` keeps each run by what it depends on, so a change
 * of one control trains only the run it changes. Returns { settings, runs: [{ id, initial (its
 * weights at epoch 0), perEpoch (metrics after each epoch), metrics (at the weights it ends with),
 * epochs (trained), weights, stats, histogram, diverged }], range (the histograms' shared ±range),
 * early ({ stopped, stopEpoch, kept } and keptWithLess: the epoch kept with one epoch less patience) }.
 */
export const labNumbers = (engine, settings, cache = new Map()) => finish(labSteps(engine, settings, cache));

const CACHED_RUNS = 24;

/** labNumbers() epoch by epoch, for the page to train in slices: yields its progress, returns the numbers. */
export function* labSteps(engine, settings, cache = new Map()) {
  const params = { none: null, l2: settings.l2, l1: settings.l1, dropout: settings.dropout };
  const keyOf = (id) => JSON.stringify([id, params[id], settings.epochs]);
  const toTrain = Object.keys(params).filter((id) => !cache.has(keyOf(id)));
  const trained = {};
  for (const id of Object.keys(params)) {
    const key = keyOf(id);
    if (!cache.has(key)) {
      const k = toTrain.indexOf(id);
      cache.set(key, yield* within(train(engine, runSettings(id, settings), settings.epochs, id === 'none'),
        k / toTrain.length, (k + 1) / toTrain.length));
      // A run of 1,000 epochs keeps about 200 KB of numbers: the oldest go once there are more than
      // a learner goes back to (each value typed would otherwise stay for the page's life).
      while (cache.size > CACHED_RUNS) cache.delete(cache.keys().next().value);
    }
    trained[id] = cache.get(key);
  }
  const { none } = trained;
  const early = earlyStopping(none.perEpoch, settings.patience);
  const keptWithLess = settings.patience > 1 ? earlyStopping(none.perEpoch, settings.patience - 1).kept : null;
  trained.early = {
    ...none,
    perEpoch: none.perEpoch.slice(0, early.stopEpoch + 1),
    weights: early.stopped ? weightsOf(none.snapshots.get(early.kept), none.sizes) : none.weights,
    metricsAt: early.kept,
  };
  const runs = VARIANTS.map((id) => {
    const r = trained[id];
    const at = r.metricsAt ?? r.perEpoch.length - 1;
    return { id, initial: r.initial, perEpoch: r.perEpoch, metrics: r.perEpoch[at], epochs: r.perEpoch.length - 1,
      weights: r.weights, stats: weightStats(r.weights), histogram: null, diverged: r.diverged };
  });
  const range = Math.max(...runs.map((r) => r.stats.maxAbs));
  for (const r of runs) r.histogram = weightHistogram(r.weights, range);
  return { settings, runs, range, early: { ...early, keptWithLess } };
}

// ---- tasks ----

const fmt = (v) => formatNumber(v);
const runById = (numbers, id) => numbers.runs.find((r) => r.id === id);
/** The L1 task's goals: the share of weights near zero, the test accuracy kept. */
export const SPARSE = Object.freeze({ share: 0.9, accuracy: 0.8 });
/** The L2 task's goals: a test loss below `loss` after at least `epochs`. */
export const L2_GOAL = Object.freeze({ loss: 0.3, epochs: 300 });

export const regTasks = [
  { id: 'sparse-l1', title: 'A sparse network that still generalises',
    get statement() {  // composed when the list is drawn, in the language in force
      return t('Find an L1 rate with which at least {share} of the weights end near zero (|w| < 0.01) while the L1 run keeps a test accuracy of at least {accuracy}.',
        { share: wholePercent(SPARSE.share), accuracy: wholePercent(SPARSE.accuracy) });
    },
    check: (numbers) => {
      const { stats, metrics } = runById(numbers, 'l1');
      const share = stats.nearZero / stats.count;
      const missing = [];
      if (!(share >= SPARSE.share)) {
        missing.push(t('{share} of the weights near zero (now {now}, {n} of {count})',
          { share: wholePercent(SPARSE.share), now: percent(share), n: stats.nearZero, count: stats.count }));
      }
      const [accurate, notAccurate] = testAccuracyAtLeast(metrics, SPARSE.accuracy);
      if (!accurate) missing.push(notAccurate);
      return { met: missing.length === 0, missing };
    } },
  { id: 'l2-beats-overfitting', title: 'Beat overfitting with L2 alone',
    get statement() {
      return t('Find an L2 rate with which the L2 run\'s test loss ends below {loss} after at least {epochs} epochs (the run without regularisation stays near 0.85).',
        { loss: fmt(L2_GOAL.loss), epochs: L2_GOAL.epochs });
    },
    check: (numbers) => {
      const { metrics } = runById(numbers, 'l2');
      const missing = [];
      if (numbers.settings.epochs < L2_GOAL.epochs) missing.push(t('train at least {least} epochs (now {now})', { least: L2_GOAL.epochs, now: numbers.settings.epochs }));
      if (!(metrics.test.loss < L2_GOAL.loss)) missing.push(t('a test loss below {loss} with L2 (now {now})', { loss: fmt(L2_GOAL.loss), now: fmt(metrics.test.loss) }));
      return { met: missing.length === 0, missing };
    } },
  { id: 'patience', title: 'Enough patience',
    statement: 'With too little patience, early stopping gives up before the validation loss has had time to fall and keeps the untrained weights of epoch 0. Find the smallest patience with which it keeps trained weights, and read which epoch it keeps.',
    check: ({ settings, early }) => {
      const missing = [];
      if (!early.stopped) missing.push(tn('early stopping does not stop within {n} epoch', 'early stopping does not stop within {n} epochs', settings.epochs));
      else if (early.kept === 0) missing.push(tn('with a patience of {n} epoch it keeps epoch 0, the untrained weights', 'with a patience of {n} epochs it keeps epoch 0, the untrained weights', settings.patience));
      else if (early.keptWithLess !== null && early.keptWithLess !== 0) missing.push(t('a patience of {n} would also keep trained weights', { n: settings.patience - 1 }));
      return { met: missing.length === 0, missing };
    } },
];

// ---- drawing ----

const HIST = { width: 120, height: 26 };
const CHART = { width: 640, narrowest: 320, height: 230, left: 44, right: 22, top: 10, bottom: 32 };

// A run's name in the table and the chart's legend, with its setting.
function runName(id, s) {
  switch (id) {
    case 'none': return t('no regularisation');
    case 'l2': return t('L2, λ = {rate}', { rate: fmt(s.l2) });
    case 'l1': return t('L1, λ = {rate}', { rate: fmt(s.l1) });
    case 'dropout': return t('dropout, p = {p}', { p: fmt(s.dropout) });
    default: return tn('early stopping, patience {n} epoch', 'early stopping, patience {n} epochs', s.patience);
  }
}

function histogramSvg(run, range) {
  const svg = svgEl('svg', { viewBox: `0 0 ${HIST.width} ${HIST.height}`, class: 'reg-hist', role: 'img',
    'aria-label': t('{n} weights from {low} to {high}, {near} of them near zero', { n: run.stats.count, low: fmt(-range), high: fmt(range), near: run.stats.nearZero }) });
  for (const b of histogramBars(run.histogram, HIST.width, HIST.height)) {
    svgEl('rect', { x: b.x.toFixed(2), y: b.y.toFixed(2), width: b.width.toFixed(2), height: b.height.toFixed(2), class: 'reg-bar' }, svg);
  }
  svgEl('line', { x1: HIST.width / 2, x2: HIST.width / 2, y1: 0, y2: HIST.height, class: 'reg-zero' }, svg);
  return svg;
}

function runsTable(numbers) {
  const { runs, range, settings } = numbers;
  const table = document.createElement('table');
  table.className = 'reg-table';
  table.innerHTML = '<thead><tr><th>run</th><th>training loss</th><th>validation loss</th><th>test loss</th><th>test accuracy</th>' +
    '<th>Σ|w|</th><th>½Σw²</th><th>near zero, |w| &lt; 0.01</th><th class="reg-hist-head"></th></tr></thead>';
  table.querySelector('.reg-hist-head').textContent = t('weights, {low} … {high}', { low: fmt(-range), high: fmt(range) });
  const body = document.createElement('tbody');
  for (const run of runs) {
    const tr = document.createElement('tr');
    tr.dataset.variant = run.id;
    const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: runName(run.id, settings) });
    th.prepend(Object.assign(document.createElement('span'), { className: 'reg-key' }));
    tr.append(th);
    const cell = (name, text) => {
      const td = Object.assign(document.createElement('td'), { textContent: text });
      td.dataset.value = name;
      tr.append(td);
      return td;
    };
    const m = run.metrics;
    cell('train', fmt(m.train.loss)).dataset.raw = String(m.train.loss);
    cell('validation', fmt(m.validation.loss)).dataset.raw = String(m.validation.loss);
    cell('test', fmt(m.test.loss)).dataset.raw = String(m.test.loss);
    cell('accuracy', percent(m.test.accuracy)).dataset.raw = String(m.test.accuracy);
    cell('sum-abs', fmt(run.stats.sumAbs)).dataset.raw = String(run.stats.sumAbs);
    cell('half-sum-sq', fmt(run.stats.halfSumSq)).dataset.raw = String(run.stats.halfSumSq);
    cell('near-zero', t('{n} of {count}', { n: run.stats.nearZero, count: run.stats.count })).dataset.raw = String(run.stats.nearZero);
    cell('histogram', '').append(histogramSvg(run, range));
    if (run.diverged) tr.dataset.diverged = 'true';
    body.append(tr);
  }
  table.append(body);
  return table;
}

// What early stopping did, and any run that diverged, in words.
function summary({ settings, early, runs }) {
  const parts = [];
  const kept = runs.find((r) => r.id === 'early').metrics;
  if (early.stopped) {
    parts.push(tn('Early stopping stopped after epoch {stop}, {n} epoch after the lowest validation loss so far, and kept the weights of epoch {kept} (validation loss {loss}, test loss {test}).',
      'Early stopping stopped after epoch {stop}, {n} epochs after the lowest validation loss so far, and kept the weights of epoch {kept} (validation loss {loss}, test loss {test}).',
      settings.patience, { stop: early.stopEpoch, kept: early.kept, loss: fmt(kept.validation.loss), test: fmt(kept.test.loss) }));
  } else {
    parts.push(tn('Early stopping did not stop within {n} epoch: it ends with the last epoch\'s weights, those of the run without regularisation.',
      'Early stopping did not stop within {n} epochs: it ends with the last epoch\'s weights, those of the run without regularisation.', settings.epochs));
  }
  for (const r of runs) {
    if (r.diverged && r.id !== 'early') parts.push(t('{run}: {message}', { run: runName(r.id, settings), message: r.diverged }));
  }
  return parts.join(' ');
}

// 1, 2 or 5 times a power of ten, the nearest at or above `rough`: the chart's tick step.
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough * (1 - 1e-9));
}

// Every run's test loss per epoch on one chart, early stopping's kept epoch marked.
function curveChart({ runs, early, settings }, shownWidth) {
  const { height, left, right, top, bottom } = CHART;
  // As wide as it is shown (within limits), so that its labels keep their size on a phone; in a
  // larger default font size, drawn larger: fewer units across, each label and its room grown.
  const room = shownWidth / textScale();
  const width = room > 0 ? Math.min(CHART.width, Math.max(CHART.narrowest, room)) : CHART.width;
  const epochs = settings.epochs;
  const highest = Math.max(...runs.flatMap((r) => r.perEpoch.map((m) => m.test.loss)).filter(Number.isFinite));
  const yStep = niceStep(highest > 0 ? highest / 4 : 0.25);
  const yMax = yStep * Math.max(1, Math.ceil(highest / yStep));
  const x = (e) => left + (epochs > 0 ? e / epochs : 0) * (width - left - right);
  const y = (v) => top + (1 - v / yMax) * (height - top - bottom);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'reg-chart', role: 'img',
    'aria-label': t('Test loss per epoch of each run, from epoch 0 to {epochs}', { epochs }) });
  for (let i = 0; i * yStep <= yMax * (1 + 1e-9); ++i) {
    const v = i * yStep;
    svgEl('line', { x1: left, x2: width - right, y1: y(v).toFixed(1), y2: y(v).toFixed(1), class: 'reg-grid' }, svg);
    svgEl('text', { x: left - 4, y: (y(v) + 4).toFixed(1), 'text-anchor': 'end', class: 'reg-tick' }, svg).textContent = fmt(v);
  }
  const xStep = niceStep(Math.max(1, epochs / 5));
  for (let e = 0; e <= epochs; e += xStep) {
    svgEl('text', { x: x(e).toFixed(1), y: height - bottom + 14, 'text-anchor': 'middle', class: 'reg-tick' }, svg).textContent = String(e);
  }
  svgEl('text', { x: (left + width - right) / 2, y: height - 4, 'text-anchor': 'middle', class: 'reg-axis' }, svg).textContent = t('epoch');
  // The kept epoch: a vertical line, behind the curves.
  svgEl('line', { x1: x(early.kept).toFixed(1), x2: x(early.kept).toFixed(1), y1: top, y2: height - bottom, class: 'reg-kept' }, svg);
  for (const run of runs) {
    const points = run.perEpoch.map((m, e) => (Number.isFinite(m.test.loss) ? `${x(e).toFixed(1)},${y(m.test.loss).toFixed(1)}` : null)).filter(Boolean);
    const line = svgEl('polyline', { points: points.join(' '), class: 'reg-line' }, svg);
    line.dataset.variant = run.id;
  }
  const kept = runs.find((r) => r.id === 'early').metrics.test.loss;
  const dot = svgEl('circle', { cx: x(early.kept).toFixed(1), cy: y(kept).toFixed(1), r: 4, class: 'reg-kept-dot' }, svg);
  dot.dataset.epoch = String(early.kept);
  return svg;
}

/** @returns {() => void} clean-up */
export function createRegLab(container, { module, route, lab }, tasks = regTasks) {
  const section = document.createElement('section');
  section.id = 'reg-lab';
  section.className = 'widget reg-lab';
  const d = DEFAULT_SETTINGS;
  const field = (id, name, limits, step, value) =>
    `<label class="compact">${name} <input id="${id}" type="number" min="${limits[0]}" max="${limits[1]}" step="${step}" value="${value}"></label>`;
  section.innerHTML = `
  <h3>Regularisation side by side</h3>
  <p class="hint">The overfitting set-up of the lessons (the circles with 60% noise, 120 points, all seven features, three
    hidden layers of 8 ReLU units, SGD at rate 0.03, batch 5), now with 30 points for training, 30 for validation and 60
    for testing, trained five times from the same initial weights: without regularisation, with an L2 penalty, with an L1
    penalty, with dropout, and with early stopping.</p>
  <div class="row reg-controls">
    ${field('reg-l2', 'L2 rate λ', LIMITS.l2, 0.01, d.l2)}
    ${field('reg-l1', 'L1 rate λ', LIMITS.l1, 0.001, d.l1)}
    ${field('reg-dropout', 'dropout p', LIMITS.dropout, 0.1, d.dropout)}
    ${field('reg-patience', 'patience', LIMITS.patience, 1, d.patience)}
    ${field('reg-epochs', 'epochs', LIMITS.epochs, 50, d.epochs)}
  </div>
  <p id="reg-error" class="act-error" role="status"></p>
  <div id="reg-runs" class="act-table-wrap"></div>
  <p class="hint">Losses are the mean squared-error data loss, ½(y − ŷ)² per point, on each split, without the penalty, so the runs
    compare. Each histogram holds one run's weights (not its biases, which no penalty touches) in 21 bins on the same range
    for every run, its bars scaled to its tallest; the middle line is 0.</p>
  <p id="reg-summary" class="act-summary"></p>
  <h4>Test loss per epoch</h4>
  <figure class="reg-figure"><div id="reg-chart"></div><ul id="reg-legend" class="reg-legend"></ul></figure>
  <h4>How the page computes them</h4>
  <p class="hint">L2 adds λ/2 · Σw² to the loss, whose gradient is λw; L1 adds λ · Σ|w|, whose gradient is λ · sign(w); both
    beside the mean loss of each mini-batch. The lecture writes L = Σ lᵢ + λ Σ w² and L = Σ lᵢ + λ Σ |w| beside the sum of the
    N examples' losses. Over one and the same loss, its L2 λ is half the page's (λ Σ w² against λ/2 · Σw²) and its L1 λ the
    page's; over its sum rather than the page's mean, multiply by N as well: the lecture's λ = N · λ/2 for L2 and N · λ for L1,
    with N = 30 training points here. Dropout is inverted dropout: each hidden unit is dropped with probability p for each
    example of a mini-batch and the units kept are multiplied by 1/(1 − p) while training, so the losses above use the whole
    network, unscaled. Srivastava et al. (2014), whose figure the lecture shows, write p for the probability of keeping a unit
    (the page's 1 − p) and scale at test time instead, multiplying the weights by it. Early stopping is the run without regularisation, watched by the playground's
    own rule: the validation loss after every epoch, a stop once it has not improved for the patience's number of epochs, then
    the weights of the epoch with the lowest validation loss restored.</p>`;
  container.append(section);
  const taskList = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */
  const $ = (id) => section.querySelector(`#${id}`);
  /** @type {{ l2: HTMLInputElement, l1: HTMLInputElement, dropout: HTMLInputElement, patience: HTMLInputElement, epochs: HTMLInputElement }} */
  const fields = { l2: $('reg-l2'), l1: $('reg-l1'), dropout: $('reg-dropout'), patience: $('reg-patience'), epochs: $('reg-epochs') };
  const linked = bindLabState(lab, 'reg', fields);
  const engine = new Engine(module);
  const cache = new Map();
  let shown = null;  // the numbers drawn, for the chart to follow its width
  const chart = $('reg-chart');
  let chartWidth = -1;
  const drawChart = () => {
    chartWidth = chart.clientWidth;
    chart.replaceChildren(curveChart(shown, chartWidth));
  };
  // The chart is drawn to its width: again when that changes (the page laid out, a phone turned).
  const resizing = new ResizeObserver(() => { if (shown && chart.clientWidth !== chartWidth) drawChart(); });
  resizing.observe(chart);
  const stopTextScale = onTextScaleChange(() => { if (shown) drawChart(); });

  const numberOf = (el, whole) => {
    const v = el.value.trim() === '' ? NaN : Number(el.value);
    const ok = Number.isFinite(v) && v >= Number(el.min) && v <= Number(el.max) && (!whole || Number.isInteger(v));
    el.setAttribute('aria-invalid', String(!ok));
    return ok ? v : null;
  };
  const settings = () => ({ l2: numberOf(fields.l2, false), l1: numberOf(fields.l1, false), dropout: numberOf(fields.dropout, false),
    patience: numberOf(fields.patience, true), epochs: numberOf(fields.epochs, true) });

  // The settings typed, or null when one is not valid (said under the controls).
  const valid = () => {
    const s = settings();
    const bounds = (limits) => ({ low: fmt(limits[0]), high: fmt(limits[1]) });
    const problems = [];
    if (s.l2 === null) problems.push(t('the L2 rate must be a number from {low} to {high}', bounds(LIMITS.l2)));
    if (s.l1 === null) problems.push(t('the L1 rate must be a number from {low} to {high}', bounds(LIMITS.l1)));
    if (s.dropout === null) problems.push(t('dropout p must be a number from {low} to {high}', bounds(LIMITS.dropout)));
    if (s.patience === null) problems.push(t('patience must be a whole number from {low} to {high}', bounds(LIMITS.patience)));
    if (s.epochs === null) problems.push(t('epochs must be a whole number from {low} to {high}', bounds(LIMITS.epochs)));
    $('reg-error').textContent = problems.join('; ');
    return problems.length ? null : s;
  };
  const refused = (e) => {
    if (!(e instanceof EngineError)) throw e;
    $('reg-error').textContent = e.message;
  };
  const show = (numbers) => {
    const s = numbers.settings;
    $('reg-runs').replaceChildren(runsTable(numbers));
    $('reg-summary').textContent = summary(numbers);
    shown = numbers;
    drawChart();
    $('reg-legend').replaceChildren(...numbers.runs.map((r) => {
      const li = Object.assign(document.createElement('li'), { textContent: runName(r.id, s) });
      li.dataset.variant = r.id;
      li.prepend(Object.assign(document.createElement('span'), { className: 'reg-key' }));
      return li;
    }), Object.assign(document.createElement('li'), { className: 'reg-legend-kept',
      textContent: t('the epoch early stopping keeps: {epoch}', { epoch: numbers.early.kept }) }));
    taskList.update(numbers);
  };

  // Up to five runs of 1,000 epochs take a tenth of a second or more: a change trains them in
  // slices (the first drawing too), the last numbers shown until the new ones are ready.
  const unwire = wireSlicedLab({ fields, runner: slicedRunner(section, $('reg-error')), valid, save: () => linked.save(),
    steps: (s) => labSteps(engine, s, cache), show, refused });
  return () => {
    unwire();
    resizing.disconnect();
    stopTextScale();
    engine.dispose();
    section.remove();
  };
}
