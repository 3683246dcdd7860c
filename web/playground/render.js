// Rendering: the engine's current numbers (grid, parameters, dataset, history, metrics) handed to
// the views as one snapshot per frame. Reads the engine; never trains.
import { recordLayers } from '../history.js';
import { nodeRange, paramIndex } from '../views/network.js';
import { POSITIVE } from '../views/colors.js';
import { themeColors } from '../theme.js';
import { formatNumber, formatFixed, formatList } from '../views/format.js';
import { setHidden, setText } from '../views/dom.js';
import { t, tn, thousandsSeparator } from '../i18n/i18n.js';
import { page, $, GRID, ALL_FEATURES, noPoints } from './page.js';
import { fractionalEpoch } from './training.js';
import { accuracyText } from '../training-health.js';
import { isCurveDataset } from '../rules.js';

const CURVE_SAMPLES = 241;  // points of the 1-D output curve, from the core (unitSum)

/** The weight layers' names, from the inputs to the output: 'inputs → h1', …, 'h2 → output'. */
export function layerNames(sizes) {
  return sizes.slice(1).map((_, l) => `${l === 0 ? t('inputs') : `h${l}`} → ${l === sizes.length - 2 ? t('output') : `h${l + 1}`}`);
}

/** Where the learner's points went: drawn points must not vanish into a split without a word. */
export function splitNote(data) {
  const n = data.labels.length;
  if (n === 0) return t('No points yet: click the plot to draw some.');
  if (data.train.length === n) return tn('{n} point, all for training.', '{n} points, all for training.', n);
  const parts = [t('{n} for training', { n: data.train.length })];
  if (data.validation.length > 0) parts.push(t('{n} validation', { n: data.validation.length }));
  if (data.test.length > 0) parts.push(t('{n} test', { n: data.test.length }));
  return tn('{n} point: {parts}.', '{n} points: {parts}.', n, { parts: parts.join(', ') });
}

/** What standardisation does to each feature, in words: the numbers come from the core's fit. */
export function scalingNote(features, scaling, trainCount) {
  // x1 + 0.212 for a negative mean, not x1 − −0.212.
  const shift = (f, mean) => `${f} ${mean < 0 ? '+' : '−'} ${formatNumber(Math.abs(mean))}`;
  const each = features.map((f, i) => `${f} → (${shift(f, scaling.mean[i])}) / ${formatNumber(scaling.sd[i])}`);
  return t('The network sees {features}: the mean and standard deviation of the {n} training points, applied unchanged to validation, test and the plot.',
    { features: formatList(each), n: trainCount });
}

function showScaling(s, data) {
  const note = $('scaling-note');
  setHidden(note, s.inputScaling !== 'standardise' || data.train.length === 0);
  if (note.hidden) return;
  const text = scalingNote(s.features, page.engine.featureScaling(), data.train.length);
  if (note.textContent !== text) note.textContent = text;
}

/**
 * The output plot's picture of a network's output units over the plane (engine.evaluateGrid's
 * result with `outputs` output units): the predicted class, or the output in its range.
 */
export function outputPlot(grid, outputs, outputActivation, problem) {
  const cells = GRID * GRID;
  const firstOutput = grid.nodes - outputs;
  if (problem === 'multiclass') {
    const offsets = Array.from({ length: outputs }, (_, k) => (firstOutput + k) * cells);
    const [lo, hi] = outputActivation === 'tanh' ? [-1, 1] : [0, 1];
    return { grid: { g: GRID, values: grid.values, offsets }, mode: 'classes', lo, hi };
  }
  // Classes: white at the threshold, halfway through the output's range. Regression: on the targets'
  // own scale, −1 to 1, which colours the points, so that a good fit hides them in the background.
  const [lo, hi] = problem !== 'regression' && (outputActivation === 'sigmoid' || outputActivation === 'step') ? [0, 1] : [-1, 1];
  return { grid: { g: GRID, values: grid.values, offsets: [firstOutput * cells] }, mode: 'signed', lo, hi };
}

/**
 * The output plot's picture of a network on 1-D data: its output over x as a curve from the core
 * (unitSum), drawn over the points at their targets; the grid over the plane would mean nothing.
 */
export function curvePlot(engine) {
  const line = engine.unitSum(CURVE_SAMPLES, -6, 6);
  return { grid: null, curve: { x: line.x, y: line.output }, mode: 'signed', lo: -1, hi: 1 };
}

// 1-D data has no x2: the features offered are x1's, their thumbnails the rows of the grid of all.
const X1_FEATURES = ['x1', 'x1^2', 'sin_x1'];
let x1Grid = null;
function oneInputFeatures() {
  if (!x1Grid || x1Grid.source !== page.featureGrid) {
    const { g, values } = page.featureGrid;
    const rows = X1_FEATURES.map((f) => values.subarray(ALL_FEATURES.indexOf(f) * g * g, (ALL_FEATURES.indexOf(f) + 1) * g * g));
    const joined = new Float32Array(rows.length * g * g);
    rows.forEach((r, k) => joined.set(r, k * g * g));
    x1Grid = { source: page.featureGrid, grid: { g, values: joined } };
  }
  return { allFeatures: X1_FEATURES, featureGrid: x1Grid.grid };
}

/**
 * The per-layer statistics now, recorded in the history, for the next render (the view open only);
 * returns them, or null if the view is closed.
 */
export function sampleLayerStats() {
  if (noPoints() || !$('layer-stats').closest('details').open) return null;
  page.layerStats = page.engine.layerStats();
  recordLayers(page.history, fractionalEpoch(), page.layerStats);
  return page.layerStats;
}

export function render() {
  const engine = page.engine;
  const sizes = engine.layerSizes();
  const grid = engine.evaluateGrid(GRID, -6, 6, { copy: false });
  const params = engine.params();
  const s = page.state;
  const activations = ['feature', ...sizes.slice(1, -1).map(() => s.activation), s.outputActivation];
  const oneD = isCurveDataset(s.dataset);
  const empty = noPoints();
  // With no points the engine still holds the last data set: show none of it.
  const data = empty ? { ...page.custom, xy: [], labels: [], train: [], validation: [], test: [] } : engine.dataset();

  // The charts first, while the page's layout is still clean: their text on a canvas would make
  // the browser lay the page out again after the other views' changes (a forced layout a frame).
  const h = page.history;
  const { ink, muted } = themeColors();  // test loss in the ink, training in the muted grey
  /** @type {import('../views/chart.js').ChartSeries[]} */
  const series = [
    { name: 'test', legend: t('test'), color: ink, points: { xs: h.epochs, ys: h.test } },
    { name: 'training', legend: t('training'), color: muted, dash: true, points: { xs: h.epochs, ys: h.train } },
  ];
  if (page.metrics?.validation.count > 0) series.push({ name: 'validation', legend: t('validation'), color: POSITIVE, dash: [2, 3], points: { xs: h.epochs, ys: h.validation } });
  const chart = { series, logScale: s.logScale, yLabel: t('loss'), xLabel: t('epoch'), marker: page.stopMarker };
  if (data.problem !== 'regression') {
    chart.accuracy = { yLabel: t('accuracy'), series: [
      { name: 'test accuracy', legend: t('test'), color: ink, points: { xs: h.epochs, ys: h.testAccuracy } },
      { name: 'training accuracy', legend: t('training'), color: muted, dash: true, points: { xs: h.epochs, ys: h.trainAccuracy } },
    ] };
  }
  page.view.chart.update(chart);
  $('chart').dataset.records = String(h.epochs.length);  // records on the chart: 1 at the start of a run

  // A full pass over the training set: while playing, every fourth slice samples it (sampleLayerStats),
  // and the frame after draws it. Paused, this render's sample serves compare's run A too.
  const statsNow = page.playing ? null : sampleLayerStats();
  if (page.layerStats) {
    page.view.layerStats.update({ stats: page.layerStats, layerNames: layerNames(sizes), record: h.layers, outputActivation: s.outputActivation, loss: s.loss });
    page.layerStats = null;
  }

  page.frame = (page.frame ?? 0) + 1;
  page.view.network.update({
    ...(oneD ? oneInputFeatures() : { allFeatures: ALL_FEATURES, featureGrid: page.featureGrid }), featureNames: s.features, sizes,
    activations, params, gradient: page.gradientOnHover ? engine.gradient() : null, pieces: engine.maxoutPieces(),
    grid: { g: grid.size, values: grid.values }, discretize: s.discretize,
    // While playing, the links every fourth frame (redrawing the curves is most of what the browser
    // rasterises in a frame) and the nodes' pictures every other one (the most script of a frame), on
    // different frames: they change too slowly for the eye to miss the rest. Paused, every frame.
    linksLater: page.playing && page.frame % 4 !== 2,
    picturesLater: page.playing && page.frame % 2 === 0,
    playing: page.playing,
  });

  const outputs = sizes[sizes.length - 1];
  const cells = GRID * GRID;
  let plot;
  let caption;
  if (oneD && page.hover && page.hover.node < grid.nodes) {
    // 1-D data: a unit over x is the grid's top row (every row is the same, x2 being unused).
    const { layer, node, name } = page.hover;
    const xs = new Float32Array(GRID), ys = new Float32Array(GRID);
    for (let ix = 0; ix < GRID; ++ix) {
      xs[ix] = -6 + ((ix + 0.5) * 12) / GRID;
      ys[ix] = grid.values[node * cells + ix];
    }
    plot = { grid: null, curve: { x: xs, y: ys }, mode: 'signed', lo: -1, hi: 1 };
    caption = t('{unit} over x (line); the points are the targets.', { unit: `${name}${layer > 0 ? ` (${activations[layer]})` : ''}` });
  } else if (oneD) {
    plot = empty ? { grid: null, curve: { x: [], y: [] }, mode: 'signed', lo: -1, hi: 1 } : curvePlot(engine);
    caption = t('Network output over x (line) and the targets (points).');
  } else if (page.hover && page.hover.node < grid.nodes) {
    const { layer, unit, node, name } = page.hover;
    const act = activations[layer];
    const offset = node * cells;
    const { lo, hi } = nodeRange(act, grid.values, offset, cells);
    let min = Infinity, max = -Infinity;
    for (let i = offset; i < offset + cells; ++i) { min = Math.min(min, grid.values[i]); max = Math.max(max, grid.values[i]); }
    plot = { grid: { g: GRID, values: grid.values, offsets: [offset] }, mode: 'signed', lo, hi };
    // A maxout unit has a bias per piece: all of them.
    const k = layer > 0 && layer < sizes.length - 1 ? engine.maxoutPieces() : 1;
    const biases = Array.from({ length: k }, (_, p) => formatNumber(params[paramIndex(sizes, layer - 1, unit, 'bias', p, k)]));
    const named = `${name}${layer > 0 ? ` (${act})` : ''}`;
    const range = { unit: named, min: formatNumber(min), max: formatNumber(max) };
    caption = layer === 0 ? t('{unit}: from {min} to {max} over the input plane.', range)
      : k > 1 ? t('{unit}, biases of its {k} pieces {biases}: from {min} to {max} over the input plane.', { k, biases: formatList(biases), ...range })
        : t('{unit}, bias {bias}: from {min} to {max} over the input plane.', { bias: biases[0], ...range });
  } else {
    plot = outputPlot(grid, outputs, s.outputActivation, data.problem);
    caption = t(data.problem === 'multiclass' ? 'Predicted class over the input plane.'
      : data.problem === 'regression' ? 'Network output over the input plane.' : 'Network output over the input plane (decision boundary where the colours meet).');
  }
  if ((s.dataset === 'custom' || s.dataset === 'curve') && !page.hover) caption = `${caption} ${splitNote(data)}`;
  sayCaption(caption, page.hover ? `${page.hover.layer}:${page.hover.unit}` : 'output');
  page.view.plot.update({
    // While drawing, test points show too: a click that lands in the test split must not vanish.
    ...plot, discretize: s.discretize, points: data, showTest: s.showTest || page.drawing, highlight: null,
    drawing: page.drawing,
  });
  // The picker shows the network's output; while a unit is hovered the plot shows that unit instead.
  if (!page.hover) page.stepPanel.drawPicker({ ...plot, discretize: s.discretize, points: data, showTest: false, drawing: false });

  showScaling(s, data);

  // PReLU's learned slopes, every frame (a copy of a few numbers from the core).
  const prelu = s.activation === 'prelu' && sizes.length > 2;
  setHidden($('prelu-panel'), !prelu);
  if (prelu) page.view.preluSlopes.update(engine.preluSlopes());

  const none = { loss: NaN, accuracy: NaN, count: 0 };
  const m = page.metrics ?? { train: none, validation: none, test: none };
  const fmtLoss = (v) => formatFixed(v, 4);
  setText($('test-loss'), fmtLoss(m.test.loss));
  setText($('run-test-loss'), fmtLoss(m.test.loss));  // the phone's sticky run bar
  setText($('train-loss'), fmtLoss(m.train.loss));
  setText($('validation-loss'), fmtLoss(m.validation.loss));
  setHidden($('validation-metric'), m.validation.count === 0);
  // Regression has no classes to be right about: no accuracy, as the chart has no accuracy panel.
  setHidden($('accuracy-metric'), data.problem === 'regression');
  setText($('test-accuracy'), accuracyText(m.test.accuracy, engine.progress().diverged));  // NaN weights: no accuracy
  const epoch = engine.progress().epoch;
  /** @type {HTMLOutputElement} */ ($('epoch')).value = String(epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSeparator());
  $('epoch').dataset.epoch = String(epoch);
  page.compare?.render(statsNow);
  setText($('problem'), data.problem === 'multiclass' ? t('{k}-class classification', { k: data.classes })
    : t(data.problem === 'binary' ? 'classification' : 'regression'));
}

// The plot's caption is a live region. Read out when what it shows changes (another unit, the
// network's output again) or a step changes its numbers; while training plays, numbers that follow
// every frame are written quietly, or a screen reader would read the caption out at every frame.
function sayCaption(caption, about) {
  const el = $('plot-caption');
  if (el.textContent === caption) return;  // the same text most frames: not rewritten
  el.setAttribute('aria-live', page.playing && el.dataset.about === about ? 'off' : 'polite');
  el.dataset.about = about;
  el.textContent = caption;
}
