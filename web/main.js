// The controller of the playground page: reads the set-up from the URL, applies the learner's
// changes to the engine, runs training in time slices, and hands snapshots to the views. Every
// number shown comes from the engine (engine.js); this file holds no maths of the model.
import { Engine, EngineError, sumTimesGraph } from './engine.js';
import {
  SETTINGS, HIDEABLE, MAX_LINK_POINTS, defaults, serializeHash, engineSettings,
  encodePoints,
} from './state.js';
import { parseCsv, toCsv, csvSizeProblem } from './csv.js';
import { modelToJson, parseModel, planModelLoad, modelSizeProblem } from './model-file.js';
import { readLink } from './link-load.js';
import { trainingWarning, accuracyText } from './training-health.js';
import { createHistory, record, recordLayers, shouldStop, latest } from './history.js';
import { coherent, defaultPair, outputActivations, losses, datasetProblem } from './rules.js';
import { createControls } from './controls.js';
import { createNetworkView, nodeRange, paramIndex } from './views/network.js';
import { createDataPlot, MARGIN as PLOT_MARGIN } from './views/data-plot.js';
import { createChart } from './views/chart.js';
import { createLayerStats } from './views/layer-stats.js';
import { createGraphLesson } from './views/graph-lesson.js';
import { createStepPanel } from './step-panel.js';
import { POSITIVE, NEGATIVE, classColor } from './views/colors.js';
import { applyEmbed, suggestedSize, iframeSnippet, createPartOptions } from './embed.js';
import { renderLessons } from './lessons.js';

const GRID = 64;             // cells per side of every heatmap (one evaluateGrid per frame)
const FRAME_BUDGET_MS = 10;  // training time per animation frame, so the page stays responsive
const ALL_FEATURES = SETTINGS.find((e) => e.key === 'features').values;
const DATASETS = SETTINGS.find((e) => e.key === 'dataset').values.filter((d) => d !== 'custom');
const TRAINING_KEYS = new Set(['learningRate', 'batchSize', 'l1', 'l2', 'decay', 'decayRate', 'decaySteps',
  'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon', 'dropout']);

const $ = (id) => document.getElementById(id);
const ICON_PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
const ICON_PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zM14 5h4v14h-4z" fill="currentColor"/></svg>';

// ---- page state (the only mutable state of the page, in one place) ----
const page = {
  engine: null,
  module: null,
  state: defaults(),
  custom: null,          // the learner's own points { xy, labels, problem, classes }, kept across changes
  history: createHistory(),
  playing: false,
  drawing: false,
  hover: null,           // node shown large in the output plot
  stopMarker: null,      // { x, label } early-stopping point on the chart
  dirty: true,           // something to redraw
  featureGrid: null,     // every feature over the plane (drawn once)
  plotSize: 0,           // side of the output plot, fitted to its panel
  lastError: '',
  embedParts: () => [],  // the parts ticked in the Share / embed box (set by buildEmbedOptions)
};

// ---- messages ----
function showMessage(text, kind = 'error') {
  $('message-text').textContent = text;
  $('message').className = `message ${kind}`;
  $('message').hidden = false;
}
function clearMessage() { $('message').hidden = true; }

// ---- applying settings ----

function problemOf(state) {
  return state.dataset === 'custom' && page.custom ? page.custom.problem : datasetProblem(state.dataset);
}

/**
 * Applies a new state to the engine. On rejection the previous state stays (the engine changes
 * nothing when it rejects) and the message says why. Returns true when applied.
 */
function apply(next, { quiet = false, resync = true } = {}) {
  const previous = page.state;
  next = coherent(next, problemOf(next));
  const newRun = Object.keys(next).some((k) => k !== 'hide' && !TRAINING_KEYS.has(k) &&
    JSON.stringify(next[k]) !== JSON.stringify(previous[k]) && SETTINGS.find((e) => e.key === k)?.engine);
  let engineTouched = false;  // points or a passing output/loss were sent before the settings
  try {
    if (next.dataset === 'custom') {
      if (!page.custom) throw new EngineError('there are no drawn or imported points yet: draw some or import a CSV');
      const engineData = page.engine.dataset();
      // Re-sent after a visit to a generated dataset too: the engine replaced its points then.
      if (page.engine.settings().dataset !== 'custom' || page.custom.version !== page.customApplied ||
        engineData.problem !== page.custom.problem) {
        if (engineData.problem !== page.custom.problem) {
          // The engine checks new points against its current output and loss (binary points under
          // softmax, classes under binary cross-entropy): pass through tanh + MSE, which fit all.
          page.engine.configure({ outputActivation: 'tanh', loss: 'mse' });
          engineTouched = true;
        }
        page.engine.setCustomData(page.custom.xy, page.custom.labels, page.custom.problem, page.custom.classes);
        page.customApplied = page.custom.version;
        engineTouched = true;
      }
    }
    page.engine.configure(engineSettings(next));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    if (!quiet) showMessage(e.message);
    // The engine took the first steps but refused the settings: bring it back to the page's state.
    if (engineTouched && resync) {
      page.customApplied = null;
      apply(previous, { quiet: true, resync: false });
    }
    showState(previous);
    return false;
  }
  page.state = next;
  if (newRun || page.engine.progress().updates === 0) startHistory();
  updateUrl();
  showState(next);
  page.dirty = true;
  return true;
}

function change(key, value) {
  clearMessage();
  apply({ ...page.state, [key]: value });
}

function startHistory() {
  page.stepPanel?.clear();  // a traced step belongs to the run it was taken in
  page.healthWarned = false;
  page.history = createHistory();
  page.stopMarker = null;
  recordNow();
}

function updateUrl() {
  const hash = serializeHash(page.state);
  history.replaceState(null, '', hash || location.pathname + location.search);
  if (!$('share-box').hidden) updateShareLink();
  $('open-full').href = `${location.pathname}${location.search}${serializeHash({ ...page.state, embed: [] })}`;
}

// ---- training ----

function fractionalEpoch() {
  const p = page.engine.progress();
  const n = page.trainSize || 1;
  return p.epoch + p.epochPosition / n;
}

function recordNow() {
  const metrics = page.engine.metrics();
  page.trainSize = metrics.train.count;
  record(page.history, fractionalEpoch(), metrics, () => page.engine.params());
  page.metrics = metrics;
}

function trainStep(kind) {
  try {
    if (kind === 'epoch') page.engine.trainEpochs(1);
    else if (kind === 'batch') page.engine.trainBatches(1);
    else page.engine.trainExamples(1);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    pause();
    showMessage(e.message);
    recordNow();
    return false;
  }
  recordNow();
  if (page.state.earlyStopping && shouldStop(page.history, page.state.patience)) {
    const best = page.history.best;
    if (best.params) {
      page.engine.setParams(best.params);
      // The numbers shown are those of the restored weights; the chart keeps the run as it went.
      page.metrics = page.engine.metrics();
    }
    pause();
    page.stopMarker = { x: best.epoch, label: 'early stop' };
    showMessage(`Early stopping: the validation loss has not improved for ${page.state.patience} epochs. ` +
      `The weights from its best epoch (${Math.round(best.epoch)}, validation loss ${best.loss.toPrecision(4)}) are restored.`, 'info');
    return false;
  }
  return true;
}

// Saturation, a rising loss or exploding weights without NaN: said once per run, from the core's numbers.
function checkHealth() {
  if (page.healthWarned || !page.metrics) return;
  const engine = page.engine;
  const warning = trainingWarning({
    epoch: engine.progress().epoch, learningRate: page.state.learningRate, startLoss: page.history.train[0],
    train: page.metrics.train, params: engine.params(), outputActivation: page.state.outputActivation,
    outputSlope: () => engine.layerStats().at(-1).slopeMean,
  });
  if (warning) {
    page.healthWarned = true;
    showMessage(warning, 'warning');
  }
}

function play() {
  if (page.engine.progress().diverged) {
    showMessage('Training diverged. Lower the learning rate, then reset.');
    return;
  }
  if (page.state.earlyStopping && page.metrics?.validation.count === 0) {
    showMessage('Early stopping needs validation data: set "Validation data" above 0%.', 'info');
  }
  if (page.stopMarker) page.history.best = null;  // going on after an early stop: a fresh patience window
  page.playing = true;
  $('play').innerHTML = ICON_PAUSE;
  $('play').setAttribute('aria-label', 'Pause');
  $('play').classList.add('playing');
}
function pause() {
  page.playing = false;
  $('play').innerHTML = ICON_PLAY;
  $('play').setAttribute('aria-label', 'Play');
  $('play').classList.remove('playing');
}

function frame(now) {
  page.stepPanel.frame(now);
  if (page.playing) {
    const deadline = performance.now() + FRAME_BUDGET_MS;
    for (let i = 0; i < page.state.speed && page.playing; ++i) {
      if (!trainStep('epoch')) break;
      if (performance.now() > deadline) break;  // the rest next frame: never freeze the page
    }
    page.healthTick = (page.healthTick ?? 0) + 1;
    if (page.playing && page.healthTick % 10 === 0) checkHealth();  // layerStats is a pass over the data
    page.dirty = true;
  }
  if (page.dirty) {
    render();
    page.dirty = false;
  }
  requestAnimationFrame(frame);
}

// ---- rendering ----

function render() {
  const engine = page.engine;
  const sizes = engine.layerSizes();
  const grid = engine.evaluateGrid(GRID, -6, 6, { copy: false });
  const params = engine.params();
  const s = page.state;
  const activations = ['feature', ...sizes.slice(1, -1).map(() => s.activation), s.outputActivation];
  page.view.network.update({
    allFeatures: ALL_FEATURES, featureGrid: page.featureGrid, featureNames: s.features, sizes,
    activations, params, gradient: page.gradientOnHover ? engine.gradient() : null,
    grid: { g: grid.size, values: grid.values }, discretize: s.discretize,
  });

  const data = engine.dataset();
  const outputs = sizes[sizes.length - 1];
  const firstOutput = grid.nodes - outputs;
  const cells = GRID * GRID;
  let plot;
  if (page.hover && page.hover.node < grid.nodes) {
    const { layer, unit, node, name } = page.hover;
    const act = activations[layer];
    const offset = node * cells;
    const { lo, hi } = nodeRange(act, grid.values, offset, cells);
    let min = Infinity, max = -Infinity;
    for (let i = offset; i < offset + cells; ++i) { min = Math.min(min, grid.values[i]); max = Math.max(max, grid.values[i]); }
    plot = { grid: { g: GRID, values: grid.values, offsets: [offset] }, mode: 'signed', lo, hi };
    const bias = layer > 0 ? `, bias ${params[paramIndex(sizes, layer - 1, unit, 'bias')].toPrecision(3)}` : '';
    $('plot-caption').textContent = `${name}${layer > 0 ? ` (${act})` : ''}${bias}: ` +
      `from ${min.toPrecision(3)} to ${max.toPrecision(3)} over the input plane.`;
  } else if (data.problem === 'multiclass') {
    const offsets = Array.from({ length: outputs }, (_, k) => (firstOutput + k) * cells);
    const [lo, hi] = s.outputActivation === 'tanh' ? [-1, 1] : [0, 1];
    plot = { grid: { g: GRID, values: grid.values, offsets }, mode: 'classes', lo, hi };
    $('plot-caption').textContent = 'Predicted class over the input plane.';
  } else {
    const [lo, hi] = s.outputActivation === 'sigmoid' || s.outputActivation === 'step' ? [0, 1] : [-1, 1];
    plot = { grid: { g: GRID, values: grid.values, offsets: [firstOutput * cells] }, mode: 'signed', lo, hi };
    $('plot-caption').textContent = data.problem === 'regression' ? 'Network output over the input plane.' : 'Network output over the input plane (decision boundary where the colours meet).';
  }
  page.view.plot.update({
    // While drawing, test points show too: a click that lands in the test split must not vanish.
    ...plot, discretize: s.discretize, points: data, showTest: s.showTest || page.drawing, highlight: null,
    drawing: page.drawing,
  });
  // The picker shows the network's output; while a unit is hovered the plot shows that unit instead.
  if (!page.hover) page.stepPanel.drawPicker({ ...plot, discretize: s.discretize, points: data, showTest: false, drawing: false });

  const h = page.history;
  const series = [
    { name: 'test', color: '#1d1d1f', points: { xs: h.epochs, ys: h.test } },
    { name: 'training', color: '#757575', dash: true, points: { xs: h.epochs, ys: h.train } },
  ];
  if (page.metrics?.validation.count > 0) series.push({ name: 'validation', color: POSITIVE, dash: [2, 3], points: { xs: h.epochs, ys: h.validation } });
  const chart = { series, logScale: s.logScale, yLabel: 'loss', marker: page.stopMarker };
  if (data.problem !== 'regression') {
    chart.accuracy = { yLabel: 'accuracy', series: [
      { name: 'test accuracy', color: '#1d1d1f', points: { xs: h.epochs, ys: h.testAccuracy } },
      { name: 'training accuracy', color: '#757575', dash: true, points: { xs: h.epochs, ys: h.trainAccuracy } },
    ] };
  }
  page.view.chart.update(chart);

  // A full pass over the training set: every few frames while training is plenty to watch.
  page.frame = (page.frame ?? 0) + 1;
  if ($('layer-stats').closest('details').open && (!page.playing || page.frame % 4 === 0)) {
    const names = sizes.slice(1).map((_, l) => `${l === 0 ? 'inputs' : `h${l}`} → ${l === sizes.length - 2 ? 'output' : `h${l + 1}`}`);
    const stats = engine.layerStats();
    recordLayers(h, fractionalEpoch(), stats);
    page.view.layerStats.update({ stats, layerNames: names, record: h.layers });
  }

  const m = page.metrics;
  const fmtLoss = (v) => (Number.isFinite(v) ? v.toFixed(4) : '–');
  $('test-loss').textContent = fmtLoss(m.test.loss);
  $('train-loss').textContent = fmtLoss(m.train.loss);
  $('validation-loss').textContent = fmtLoss(m.validation.loss);
  $('validation-metric').hidden = m.validation.count === 0;
  $('test-accuracy').textContent = accuracyText(m.test.accuracy, engine.progress().diverged);  // NaN weights: no accuracy
  const epoch = engine.progress().epoch;
  $('epoch').value = String(epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  $('epoch').dataset.epoch = String(epoch);
  $('problem').value = data.problem === 'multiclass' ? `${data.classes}-class classification` : data.problem === 'binary' ? 'classification' : 'regression';
}

function showState(state) {
  const problem = problemOf(state);
  page.controls.show(state, {
    outputActivation: outputActivations(problem),
    loss: losses(problem, state.outputActivation),
  });
  for (const button of document.querySelectorAll('#datasets [data-dataset]')) {
    const selected = button.dataset.dataset === state.dataset;
    button.setAttribute('aria-checked', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  const multiclass = problem === 'multiclass';
  // Generator settings mean nothing for the learner's own points: shown, but switched off.
  const generated = state.dataset !== 'custom';
  const usesClasses = state.dataset === 'blobs' || state.dataset === 'multi_spiral';
  for (const [key, active] of [['noise', generated], ['points', generated], ['classes', usesClasses]]) {
    document.querySelector(`[data-hide="${key}"]`).classList.toggle('inactive', !active);
    document.querySelector(`input[data-key="${key}"]`).disabled = !active;
  }
  $('regenerate').disabled = !generated;
  updateDrawClasses(problem, multiclass ? (page.custom?.classes ?? state.classes) : 2);
  applyHidden(state.hide);
  applyEmbed(document, state.embed);
}

function applyHidden(hide) {
  const hidden = new Set(hide);
  for (const el of document.querySelectorAll('[data-hide]')) el.hidden = hidden.has(el.dataset.hide);
  const panels = { featuresPanel: '#network-panel' };
  for (const [key, selector] of Object.entries(panels)) if (hidden.has(key)) document.querySelector(selector).hidden = true;
}

// ---- data: datasets, drawing, CSV ----

function buildDatasetPicker(previews) {
  const container = $('datasets');
  for (const name of [...DATASETS, 'custom']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dataset';
    button.dataset.dataset = name;
    button.setAttribute('role', 'radio');
    button.setAttribute('aria-label', name.replace('_', ' '));
    button.title = name.replace('_', ' ');
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 52;
    button.append(canvas);
    if (previews[name]) drawPreview(canvas, previews[name]);
    else drawCustomIcon(canvas);
    button.addEventListener('click', () => selectDataset(name));
    container.append(button);
  }
  container.addEventListener('keydown', (e) => {  // arrow keys move within the radio group
    const buttons = [...container.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = buttons[(i + step + buttons.length) % buttons.length];
    next.focus();
    next.click();
  });
}

function drawPreview(canvas, data) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const n = data.labels.length;
  for (let i = 0; i < n; ++i) {
    const x = ((data.xy[2 * i] + 6) / 12) * canvas.width;
    const y = ((6 - data.xy[2 * i + 1]) / 12) * canvas.height;
    const label = data.labels[i];
    ctx.fillStyle = data.problem === 'regression' ? (label >= 0 ? POSITIVE : NEGATIVE) : classColor(label);
    ctx.globalAlpha = data.problem === 'regression' ? Math.min(1, 0.25 + Math.abs(label)) : 1;
    ctx.fillRect(x - 1.2, y - 1.2, 2.4, 2.4);
  }
  ctx.globalAlpha = 1;
}

function drawCustomIcon(canvas) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#555';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('your', canvas.width / 2, canvas.height / 2 - 3);
  ctx.fillText('data', canvas.width / 2, canvas.height / 2 + 11);
}

function selectDataset(name) {
  clearMessage();
  if (name === 'custom' && !page.custom) {
    adoptCurrentPointsAsCustom();
  }
  // customState(): the points go into the link, or a shared "your data" link would carry none.
  const next = name === 'custom' ? customState() : { ...page.state, dataset: name };
  apply(withProblem(next, problemOf(page.state)));
}

// A new kind of problem starts from its own output/loss pair (softmax + cross-entropy for classes,
// linear for regression): coherent() alone would keep tanh + MSE, which is valid but a poor start.
function withProblem(next, previousProblem) {
  const problem = problemOf(next);
  return problem === previousProblem ? next : { ...next, ...defaultPair(problem) };
}

function refreshCustomThumbnail() {
  const canvas = document.querySelector('#datasets [data-dataset="custom"] canvas');
  if (!canvas) return;
  if (page.custom && page.custom.labels.length > 0) drawPreview(canvas, page.custom);
  else drawCustomIcon(canvas);
}

// Starting to draw keeps the current points: the learner edits them rather than an empty plane.
function adoptCurrentPointsAsCustom() {
  const d = page.engine.dataset();
  setCustom({ xy: Array.from(d.xy), labels: Array.from(d.labels), problem: d.problem, classes: d.classes });
}

function setCustom(custom) {
  page.custom = { ...custom, version: (page.custom?.version ?? 0) + 1 };
  refreshCustomThumbnail();
}

function customState() {
  const c = page.custom;
  let data = '';
  if (c.labels.length <= MAX_LINK_POINTS) {
    try {
      data = encodePoints(c.xy, c.labels, c.problem, c.problem === 'multiclass' ? c.classes : undefined);
    } catch { data = ''; }
  }
  return { ...page.state, dataset: 'custom', data };
}

function updateDrawClasses(problem, classes) {
  const select = $('draw-class');
  const key = `${problem}:${classes}`;
  if (select.dataset.for === key) return;
  select.dataset.for = key;
  select.replaceChildren();
  if (problem === 'regression') {
    select.append(new Option('+1 (blue)', '1'), new Option('−1 (orange)', '-1'));
  } else {
    for (let k = 0; k < classes; ++k) select.append(new Option(`class ${k}`, String(k)));
    select.value = String(Math.min(1, classes - 1));
  }
}

function addPoint(x1, x2) {
  if (!page.drawing) return;
  if (!page.custom || page.state.dataset !== 'custom') adoptCurrentPointsAsCustom();
  const label = Number($('draw-class').value);
  const c = page.custom;
  setCustom({ ...c, xy: [...c.xy, x1, x2], labels: [...c.labels, label] });
  applyCustom();
}

function removeNear(x1, x2) {
  if (!page.drawing) return;
  if (!page.custom || page.state.dataset !== 'custom') adoptCurrentPointsAsCustom();
  const c = page.custom;
  let best = -1, bestD = 0.6 * 0.6;  // within 0.6 units of the click
  for (let i = 0; i < c.labels.length; ++i) {
    const d = (c.xy[2 * i] - x1) ** 2 + (c.xy[2 * i + 1] - x2) ** 2;
    if (d < bestD) { bestD = d; best = i; }
  }
  if (best < 0) return;
  if (c.labels.length === 1) {
    showMessage('The data needs at least one point; use Clear and draw again to start over.', 'info');
    return;
  }
  const xy = [...c.xy]; xy.splice(2 * best, 2);
  const labels = [...c.labels]; labels.splice(best, 1);
  setCustom({ ...c, xy, labels });
  applyCustom();
}

function applyCustom() {
  clearMessage();
  apply(customState());
}

async function importCsv(file) {
  clearMessage();
  try {
    const tooBig = csvSizeProblem(file.size);  // before reading
    if (tooBig) throw new Error(tooBig);
    const parsed = parseCsv(await file.text());
    const previousProblem = problemOf(page.state);
    setCustom({ xy: Array.from(parsed.xy), labels: Array.from(parsed.labels), problem: parsed.problem, classes: parsed.classes });
    const next = withProblem(customState(), previousProblem);
    if (apply(next)) showMessage(`Imported ${parsed.labels.length} points (${parsed.problem}).`, 'info');
  } catch (e) {
    showMessage(`Could not import ${file.name}: ${e.message}`);
  }
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- network edits ----

function setHidden(hidden) {
  apply({ ...page.state, hidden });
}

function networkHandlers() {
  return {
    onAddLayer: () => { if (page.state.hidden.length < 8) setHidden([...page.state.hidden, 2]); },
    onRemoveLayer: () => { if (page.state.hidden.length > 0) setHidden(page.state.hidden.slice(0, -1)); },
    onAddNeuron: (l) => { const h = [...page.state.hidden]; if (h[l] < 16) { h[l] += 1; setHidden(h); } },
    onRemoveNeuron: (l) => { const h = [...page.state.hidden]; if (h[l] > 1) { h[l] -= 1; setHidden(h); } },
    onToggleFeature: (name) => {
      const f = page.state.features;
      const features = f.includes(name) ? f.filter((x) => x !== name) : ALL_FEATURES.filter((x) => f.includes(x) || x === name);
      if (features.length === 0) { showMessage('The network needs at least one input feature.', 'info'); return; }
      change('features', features);
    },
    onHoverNode: (info) => {
      page.hover = info;
      page.dirty = true;
    },
    onEditParam: ({ layer, to, from, value }) => {
      try {
        if (from === 'bias') page.engine.setBias(layer, to, value);
        else page.engine.setWeight(layer, to, from, value);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        showMessage(e.message);
      }
      recordNow();
      page.dirty = true;
    },
  };
}

// ---- share, instructor controls, model files ----

function shareUrl(hide, embed = []) {
  const state = { ...page.state, hide, embed };
  if (state.dataset === 'custom' && !state.data) {
    showMessage(`Your data has more than ${MAX_LINK_POINTS} points, too many for a link: export it as CSV to share it.`, 'info');
  }
  return `${location.origin}${location.pathname}${serializeHash(state)}`;
}

function updateShareLink() {
  const hide = [...document.querySelectorAll('#hide-options input:checked')].map((el) => el.value);
  $('share-url').value = shareUrl(hide);
  $('embed-code').value = iframeSnippet(shareUrl(hide, page.embedParts()),
    Number($('embed-width').value) || 0, Number($('embed-height').value) || 0);
}

// The embed choices of the Share / embed box: which parts, and the iframe's size (suggested
// for the parts chosen, editable).
function buildEmbedOptions() {
  const fit = () => {
    const { width, height } = suggestedSize(page.embedParts());
    $('embed-width').value = String(width);
    $('embed-height').value = String(height);
  };
  page.embedParts = createPartOptions($('embed-options'), ['controls', 'network', 'output'], () => {
    fit();
    updateShareLink();
  });
  fit();
  for (const id of ['embed-width', 'embed-height']) $(id).addEventListener('input', updateShareLink);
  $('embed-code').addEventListener('focus', (e) => e.target.select());
}

function buildHideOptions() {
  const container = $('hide-options');
  for (const key of HIDEABLE.filter((k) => k !== 'hide' && k !== 'data')) {
    const label = document.createElement('label');
    label.className = 'check';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: key });
    box.checked = page.state.hide.includes(key);
    box.addEventListener('change', updateShareLink);
    const entry = SETTINGS.find((e) => e.key === key);
    label.append(box, ` ${entry ? entry.label : key.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
    container.append(label);
  }
}

function saveModel() {
  const text = modelToJson({
    settings: page.engine.settings(), layerSizes: page.engine.layerSizes(),
    params: page.engine.params(), epoch: page.engine.progress().epoch,
  });
  download('backprop-model.json', text, 'application/json');
}

async function loadModel(file) {
  clearMessage();
  try {
    const tooBig = modelSizeProblem(file.size);  // before reading: a huge file would freeze the page
    if (tooBig) throw new Error(tooBig);
    const model = parseModel(await file.text());
    // Checked whole before anything changes: a refused model keeps the weights, link and history.
    const plan = planModelLoad(model, page.state, page.custom);
    const before = { state: page.state, params: page.engine.params(), history: page.history };
    if (!apply(plan.state)) return;
    try {
      page.engine.setParams(model.params);
    } catch (e) {  // not expected after the plan's checks; if it happens, put everything back
      apply(before.state, { quiet: true });
      page.engine.setParams(before.params);
      page.history = before.history;
      page.metrics = page.engine.metrics();
      throw e;
    }
    startHistory();
    page.dirty = true;
    const notes = plan.notes.length ? ` Changed to fit this page: ${plan.notes.join('; ')}.` : '';
    showMessage(`Loaded ${file.name} (trained ${model.epoch} epochs).${notes}`, notes ? 'warning' : 'info');
  } catch (e) {
    showMessage(`Could not load ${file.name}: ${e.message}`);
  }
}

// ---- wiring ----

function wire() {
  $('play').addEventListener('click', () => (page.playing ? pause() : play()));
  $('step').addEventListener('click', () => {
    pause();
    clearMessage();
    if (trainStep(page.state.stepMode)) checkHealth();
    page.dirty = true;
  });
  $('reset').addEventListener('click', () => {
    pause();
    clearMessage();
    page.engine.reset();
    startHistory();
    page.dirty = true;
  });
  $('rerun').addEventListener('click', () => {
    pause();
    clearMessage();
    apply({ ...page.state, seed: (page.state.seed + 1) >>> 0 });
  });
  $('regenerate').addEventListener('click', () => {
    clearMessage();
    if (page.state.dataset === 'custom') return;
    apply({ ...page.state, dataSeed: (page.state.dataSeed + 1) >>> 0 });
  });
  $('message-close').addEventListener('click', clearMessage);
  $('draw-toggle').addEventListener('click', () => {
    page.drawing = !page.drawing;
    $('draw-toggle').setAttribute('aria-pressed', String(page.drawing));
    $('draw-toggle').textContent = page.drawing ? 'Drawing… (click to stop)' : 'Draw';
    $('plot').classList.toggle('drawing', page.drawing);
    page.dirty = true;
  });
  $('draw-clear').addEventListener('click', () => {
    const problem = problemOf(page.state);
    // An empty set cannot train: keep one point per class so the learner can see where to add.
    const classes = problem === 'multiclass' ? (page.custom?.classes ?? page.state.classes) : 2;
    const xy = [], labels = [];
    for (let k = 0; k < (problem === 'regression' ? 2 : classes); ++k) {
      const angle = (2 * Math.PI * k) / classes;
      xy.push(Number((4 * Math.cos(angle)).toFixed(2)), Number((4 * Math.sin(angle)).toFixed(2)));
      labels.push(problem === 'regression' ? (k === 0 ? 1 : -1) : k);
    }
    setCustom({ xy, labels, problem, classes: problem === 'regression' ? 1 : classes });
    if (!page.drawing) $('draw-toggle').click();
    applyCustom();
  });
  $('csv-import').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) importCsv(file);
    e.target.value = '';
  });
  $('csv-export').addEventListener('click', () => {
    const d = page.engine.dataset();
    download('backprop-data.csv', toCsv(d.xy, d.labels), 'text/csv');
  });
  $('share').addEventListener('click', () => {
    const box = $('share-box');
    box.hidden = !box.hidden;
    $('share').setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) {
      updateShareLink();
      $('share-url').select();
    }
  });
  $('model-save').addEventListener('click', saveModel);
  $('model-load').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) loadModel(file);
    e.target.value = '';
  });
  $('network').addEventListener('pointerover', (e) => {
    const on = Boolean(e.target.closest('[data-param]'));
    // Redraw when it turns on, even while paused: the open tooltip needs the gradient.
    if (on && !page.gradientOnHover) page.dirty = true;
    page.gradientOnHover = on;
  });
  $('network').addEventListener('pointerleave', () => { page.gradientOnHover = false; });
  document.addEventListener('keydown', (e) => {
    // Keys an element already handled (a unit or a bar of the step panel) are not shortcuts too.
    if (e.defaultPrevented || e.target.closest('input, select, textarea, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && !e.target.closest('button, [role="switch"], [role="button"]')) { e.preventDefault(); $('play').click(); }
    else if (e.key === 's') $('step').click();
    else if (e.key === 'r') $('reset').click();
  });
  window.addEventListener('hashchange', () => {  // a pasted link: load it like a fresh page
    if (location.hash !== serializeHash(page.state)) loadFromHash();
  });
}

// Feature thumbnails and dataset previews come from a second, short-lived engine, so the page's
// own engine is never touched for them.
function makePreviews() {
  const preview = new Engine(page.module);
  const previews = {};
  try {
    for (const name of DATASETS) {
      const multiclass = datasetProblem(name) === 'multiclass';
      preview.configure({ dataset: name, points: 160, noise: 0.1, classes: 3, hidden: [],
        outputActivation: multiclass ? 'softmax' : datasetProblem(name) === 'regression' ? 'linear' : 'tanh',
        loss: multiclass ? 'softmax_ce' : 'mse' });
      const d = preview.dataset();
      previews[name] = { xy: d.xy, labels: d.labels, problem: d.problem };
    }
    preview.configure({ dataset: 'xor', features: ALL_FEATURES, hidden: [], outputActivation: 'tanh', loss: 'mse' });
    const grid = preview.evaluateGrid(GRID, -6, 6);
    page.featureGrid = { g: GRID, values: grid.values.subarray(0, ALL_FEATURES.length * GRID * GRID) };
  } finally {
    preview.dispose();
  }
  return previews;
}

function loadFromHash() {
  pause();
  clearMessage();  // a warning about an earlier link is not about this one
  const link = readLink(location.hash, { current: page.custom });
  if (link.custom) {
    const d = link.custom;
    setCustom({ xy: Array.from(d.xy), labels: Array.from(d.labels), problem: d.problem, classes: d.classes });
  }
  let message = link.message;
  if (!apply(link.state, { quiet: true })) {
    // The combination is invalid as a whole (e.g. ratios the data cannot split): fall back to defaults.
    message = `${message} The settings in the link do not fit together; showing the default set-up.`.trim();
    apply(defaults(), { quiet: true });
  }
  if (message) showMessage(message, 'warning');
}

// The chain-rule lesson: the core computes the graph each time an input changes.
function wireGraphLesson() {
  const view = createGraphLesson($('graph-svg'));
  const inputs = ['graph-x', 'graph-y', 'graph-z'].map($);
  const redraw = () => {
    // A cleared or half-typed field is not 0: it is marked, and the graph keeps its last numbers.
    const values = inputs.map((el) => (el.value.trim() === '' ? NaN : Number(el.value)));
    inputs.forEach((el, i) => el.setAttribute('aria-invalid', String(!Number.isFinite(values[i]))));
    if (!values.every(Number.isFinite)) return;
    const [x, y, z] = values;
    try {
      view.update(sumTimesGraph(page.module, x, y, z));
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      showMessage(e.message);
    }
  };
  for (const el of inputs) el.addEventListener('input', redraw);
  redraw();
}

async function main() {
  try {
    page.module = await window.createBackpropCore();
  } catch (e) {
    showMessage(`The engine could not start: ${e.message ?? e}`);
    return;
  }
  page.engine = new Engine(page.module);
  page.controls = createControls(document, SETTINGS, change);
  page.view = {
    network: createNetworkView($('network'), networkHandlers()),
    plot: createDataPlot($('plot'), { size: 320, onAddPoint: addPoint, onRemoveNear: removeNear }),
    chart: createChart($('chart'), { ariaLabel: 'Loss per epoch for the training and test data' }),
    layerStats: createLayerStats($('layer-stats')),
  };
  // The plot takes the width its panel has, up to 320 px: at a fixed 320 px it spilled out of the
  // output column (330 px inside) and off narrow screens.
  const fitPlot = () => {
    const room = $('plot').clientWidth - PLOT_MARGIN.left - PLOT_MARGIN.right;
    const size = Math.max(160, Math.min(320, Math.floor(room)));
    if (room > 0 && size !== page.plotSize) {
      page.plotSize = size;
      page.view.plot.setSize(size);
    }
  };
  new ResizeObserver(fitPlot).observe($('plot'));
  page.stepPanel = createStepPanel({
    engine: () => page.engine,
    state: () => page.state,
    onTrained: () => { pause(); clearMessage(); recordNow(); page.dirty = true; },
    showMessage,
    requestRender: () => { page.dirty = true; },
  });
  buildDatasetPicker(makePreviews());
  buildHideOptions();
  buildEmbedOptions();
  renderLessons($('lesson-list'));
  wireGraphLesson();
  wire();
  loadFromHash();
  document.body.dataset.ready = 'true';
  requestAnimationFrame(frame);
}

main();
