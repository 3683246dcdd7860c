// Two runs side by side: run B is a second engine that learns the playground's data from the same
// seed as run A (the playground itself), differing only in the settings state.b names (the settings
// table's perRun keys). Run A's steps drive run B's (training.js calls step()), so both are always at
// the same epoch. The panel holds run B's settings (built from the settings table), both loss
// curves on one chart, and each run's numbers, output plot and layer view. Every number is an
// engine's. Not here: reading and writing the link (state.js, link-load.js), or training run A.
import { Engine, EngineError } from '../engine.js';
import { SETTINGS, PER_RUN_KEYS, engineSettings, runBState, runBDifferences, parseSetting } from '../state.js';
import { coherent, outputActivations, losses } from '../rules.js';
import { createHistory, record, recordLayers } from '../history.js';
import { valueLabel } from '../controls.js';
import { createDataPlot, plotMargin } from '../views/data-plot.js';
import { createChart, swatchStyle } from '../views/chart.js';
import { createLayerStats } from '../views/layer-stats.js';
import { htmlEl, setHidden } from '../views/dom.js';
import { formatFixed, formatClauses } from '../views/format.js';
import { POSITIVE } from '../views/colors.js';
import { onTextScaleChange } from '../views/text-scale.js';
import { page, $, GRID, noPoints, isUserData } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { outputPlot, curvePlot, layerNames } from './render.js';
import { restart } from './training.js';
import { apply, problemOf } from './settings.js';
import { accuracyText } from '../training-health.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { translateMessage } from '../message-templates.js';

// Okabe–Ito blue and vermillion, told apart without colour too: run A's test loss is a solid line,
// run B's a dashed one; each run's training loss is dotted in its colour.
export const RUN_STYLES = Object.freeze({
  a: { color: POSITIVE, test: [], training: [2, 3], name: 'solid blue' },
  b: { color: '#D55E00', test: [7, 4], training: [2, 3], name: 'dashed vermillion' },
});
// Run B's settings shown first; the rest are under "Other settings".
const COMMON = ['activation', 'init', 'optimizer', 'learningRate', 'batchSize', 'dropout', 'hidden', 'l2'];
const ENTRY = new Map(SETTINGS.map((e) => [e.key, e]));
const MAX_PLOT = 260;

const text = (v) => (Array.isArray(v) ? v.join(',') : String(v));
const capital = (s) => s[0].toUpperCase() + s.slice(1);
const lossText = (v) => formatFixed(v, 4);

/** Run B's whole state now: run A's with its differences, its output and loss fitted to the data. */
export function stateB() {
  return coherent(runBState(page.state), problemOf(page.state));
}

// ---- the panel's views (built once, kept while closed) ----

let views = null;

function buildRun(container, name) {
  const title = htmlEl('h3', null, 'compare-run-title');
  const swatch = htmlEl('span', null, 'compare-swatch');
  const style = RUN_STYLES[name];
  swatch.style.borderTop = `3px ${swatchStyle(style.test)} ${style.color}`;
  title.append(swatch, name === 'a' ? ' Run A' : ' Run B');
  const what = htmlEl('p', null, 'compare-what');
  const metrics = htmlEl('dl', null, 'metrics compare-metrics');
  const dd = {};
  for (const [key, label] of [['train-loss', 'Training loss'], ['test-loss', 'Test loss'],
    ['train-accuracy', 'Training accuracy'], ['test-accuracy', 'Test accuracy'], ['epoch', 'Epoch']]) {
    const row = document.createElement('div');
    const dt = Object.assign(document.createElement('dt'), { textContent: label });
    dd[key] = Object.assign(document.createElement('dd'), { textContent: '–' });
    dd[key].dataset.metric = key;
    row.append(dt, dd[key]);
    metrics.append(row);
  }
  const error = htmlEl('p', null, 'compare-error');
  error.hidden = true;
  const plotBox = htmlEl('div', null, 'plot compare-plot');
  const layers = htmlEl('details', null, 'layers');
  layers.open = true;
  const summary = Object.assign(document.createElement('summary'), { textContent: 'Gradients and activations by layer' });
  const statsBox = htmlEl('div', null, 'compare-layer-stats');
  layers.append(summary, statsBox);
  container.append(title, what, metrics, error, plotBox, layers);
  const plot = createDataPlot(plotBox, { size: 220 });
  let size = 0;
  const fitPlot = () => {
    const margin = plotMargin();
    const room = Math.floor(plotBox.clientWidth - margin.left - margin.right);
    const next = Math.max(140, Math.min(MAX_PLOT, room));
    if (room > 0 && next !== size) { size = next; plot.setSize(next); }
  };
  new ResizeObserver(fitPlot).observe(plotBox);
  onTextScaleChange(fitPlot);  // the axes' room grows with the text
  // pendingStats: sampled while playing (sampleRunStats), drawn by the next render
  return { what, dd, error, plot, layers, layerStats: createLayerStats(statsBox), pendingStats: /** @type {object[] | null} */ (null) };
}

// One control per perRun setting, made from its table entry: a list of choices, or a text field
// read by parseSetting (the link's own parsing and checks).
function buildSettings(container) {
  const common = htmlEl('div', null, 'compare-grid');
  const more = htmlEl('details', null, 'compare-more');
  more.append(Object.assign(document.createElement('summary'), { textContent: 'Other settings for run B' }));
  const moreGrid = htmlEl('div', null, 'compare-grid');
  more.append(moreGrid);
  const controls = {};
  const order = [...COMMON, ...PER_RUN_KEYS.filter((k) => !COMMON.includes(k))];
  for (const key of order) {
    const entry = ENTRY.get(key);
    const label = htmlEl('label', null, 'compare-field');
    const name = document.createTextNode('');
    label.append(name);
    // Composed: named again in each language.
    const words = () => {
      name.nodeValue = capital(t(entry.label));
      if (entry.kind.startsWith('list')) label.title = t('{setting} separated by commas, as in the link: {example}', { setting: capital(t(entry.label)), example: text(entry.default) });
    };
    words();
    onLanguageChange(words);
    let control;
    if (entry.kind === 'enum') {
      control = document.createElement('select');
      control.dataset.i18nContext = 'value';  // its options are the page's names of values (controls.js)
      for (const v of entry.values) control.append(new Option(valueLabel(v), v));
    } else {
      control = Object.assign(document.createElement('input'), { type: 'text', spellcheck: false, autocomplete: 'off' });
      // A phone's decimal keypad (digits and a point; iOS's has no minus, comma or e): only for
      // fields whose every value, the default as written included, it can type.
      if ((entry.kind === 'number' || entry.kind === 'int') && entry.min >= 0 && !/e/i.test(String(entry.default))) control.inputMode = 'decimal';
    }
    control.id = `b-${key}`;
    control.dataset.bKey = key;
    control.addEventListener('change', () => changeB(key, control));
    label.append(control);
    (COMMON.includes(key) ? common : moreGrid).append(label);
    controls[key] = { label, control };
  }
  container.append(common, more);
  return controls;
}

function buildViews() {
  return {
    settings: buildSettings($('compare-settings')),
    chart: createChart($('compare-chart'), { ariaLabel: 'Loss per epoch of run A and run B' }),
    a: buildRun($('compare-run-a'), 'a'),
    b: buildRun($('compare-run-b'), 'b'),
    settingsKey: '',
  };
}

// A learner's change to one of run B's settings: read as a link would read it, then applied as a
// change of state.b (apply() keeps only what differs from run A).
function changeB(key, control) {
  /** @type {{ value?: unknown, error?: string }} */
  const read = control.tagName === 'SELECT' ? { value: control.value } : parseSetting(key, control.value);
  if (read.error) {
    showMessage(t('Run B: {error}. Run B keeps {value}.', { error: translateMessage(read.error), value: text(stateB()[key]) || t('none') }));
    views.settingsKey = '';  // show run B's value again
    page.dirty = true;
    return;
  }
  clearMessage();
  const before = page.state.b;
  apply({ ...page.state, b: { ...page.state.b, [key]: read.value } });
  const refused = page.compare?.error;
  if (refused) {
    // The engine refused run B's settings: back to those it had, and say why.
    apply({ ...page.state, b: before });
    showMessage(t('Run B: {error}', { error: translateMessage(refused) }));
  }
}

function showSettings(state, problem) {
  const key = JSON.stringify([PER_RUN_KEYS.map((k) => state[k]), page.state.b, problem]);
  if (key === views.settingsKey) return;
  views.settingsKey = key;
  const allowed = { outputActivation: outputActivations(problem), loss: losses(problem, state.outputActivation) };
  for (const [k, { label, control }] of Object.entries(views.settings)) {
    const v = text(state[k]);
    if (control.tagName === 'SELECT') {
      control.value = v;
      for (const o of control.options) o.disabled = allowed[k] ? !allowed[k].includes(o.value) : false;
    } else control.value = v;
    label.classList.toggle('differs', Object.hasOwn(page.state.b, k));
  }
}

// ---- run B ----

function fractionalEpoch(engine, trainSize) {
  const p = engine.progress();
  return p.epoch + p.epochPosition / (trainSize || 1);
}

// Run B trains up to run A's place in the epoch order (both learn the same training set in the same
// order). By mini-batches, run B takes each of its own batches once run A has gone past it: with
// another batch size it may be up to a batch behind within an epoch, but it ends every epoch with
// run A and trains exactly as it would alone. After one update of run A's on its next n examples,
// run B makes one update on the examples up to run A's place (those n, unless it was behind), so
// that the same settings give the same run.
function catchUp(engine, trainSize, kind) {
  const a = page.engine.progress(), b = engine.progress();
  const gap = (a.epoch - b.epoch) * trainSize + a.epochPosition - b.epochPosition;
  if (gap <= 0) return;
  if (kind === 'example' && b.epochPosition + gap <= trainSize) {
    engine.trainExamples(gap);
    return;
  }
  if (a.epoch > b.epoch) engine.trainEpochs(a.epoch - b.epoch);
  const batches = Math.floor((a.epochPosition - engine.progress().epochPosition) / engine.settings().batchSize);
  if (batches > 0) engine.trainBatches(batches);
}

function createRunB() {
  const sameShape = () => run.engine.layerSizes().join() === page.engine.layerSizes().join() &&
    run.engine.params().length === page.engine.params().length;
  const run = {
    engine: new Engine(page.module),
    history: createHistory(),
    metrics: null,
    trainSize: 0,
    error: null,        // why the engine refused run B's settings; it does not train meanwhile
    stepError: null,    // why its last step failed (run A went on)
    customApplied: null,  // the custom.version last sent to run B's engine

    // Sends run B's settings (and the learner's points) to its engine; records a refusal.
    configure() {
      const s = stateB();
      run.error = null;
      if (noPoints()) return;
      try {
        // As settings.js sends them to run A's engine: again after a visit to another dataset too,
        // which replaced them in the engine.
        if (isUserData(s.dataset) && (run.customApplied !== page.custom.version || run.engine.settings().dataset !== s.dataset)) {
          run.engine.configure({ outputActivation: 'tanh', loss: 'mse' });  // fits any points (settings.js)
          if (s.dataset === 'curve') {
            run.engine.configure({ features: s.features });  // a curve's one input: x1's features first
            run.engine.setCurveData(page.custom.xy.filter((_, k) => k % 2 === 0), page.custom.labels);
          } else {
            run.engine.setCustomData(page.custom.xy, page.custom.labels, page.custom.problem, page.custom.classes);
          }
          run.customApplied = page.custom.version;
        }
        run.engine.configure(engineSettings(s));
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        run.error = e.message;
        run.customApplied = null;
      }
    },
    record() {
      const metrics = run.engine.metrics();
      run.trainSize = metrics.train.count;
      record(run.history, fractionalEpoch(run.engine, run.trainSize), metrics);
      run.metrics = metrics;
    },
    /** Starts over with run A: run B's settings, its seed's initial weights, epoch 0. */
    restart() {
      run.configure();
      run.history = createHistory();
      run.metrics = null;
      run.stepError = null;
      if (run.error || noPoints()) return;
      run.engine.reset();
      run.record();
    },
    /**
     * Run A's weights came from a model file rather than the seed's draw: run B starts from them
     * too, so both still learn from the same weights, where its network has their shape. False
     * where it has another (other hidden layers or features, PReLU slopes): it keeps its draw.
     */
    startFrom(params) {
      if (run.error || noPoints() || !sameShape()) return false;
      run.engine.setParams(params);
      run.history = createHistory();
      run.record();
      return true;
    },
    /** A weight or bias edited in run A's diagram: the same edit in run B's, where it has that parameter. */
    editParam({ layer, to, from, value, piece = 0 }) {
      if (run.error || noPoints() || !sameShape()) return;
      try {
        if (from === 'bias') run.engine.setBias(layer, to, value, piece);
        else run.engine.setWeight(layer, to, from, value, piece);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        return;  // a maxout piece run B does not have
      }
      run.record();
    },
    /** After run A's settings changed: run B takes its own; if that starts it over, both start over. */
    sync() {
      const before = run.engine.progress().updates;
      const wasRefused = run.error !== null;
      run.configure();
      if (run.error || noPoints()) return;
      if (run.engine.progress().updates === 0 && (before > 0 || wasRefused)) {
        if (page.engine.progress().updates > 0) { restart(); return; }  // a new run of B: A too
        run.history = createHistory();
      }
      run.record();
    },
    /**
     * After run A trained (a step, a slice of play, a traced step, even one that diverged): run B
     * goes on to the place in the epoch order run A has reached, so both are at the same epoch.
     * `kind` is how run A trained: by its own mini-batches ('epoch', 'batch'), or by one update on
     * its next examples whatever its batch size ('example', the step panel's traces). A clicked
     * point outside the epoch order moves neither, and run B does not follow it.
     */
    step(kind) {
      if (run.error || noPoints()) return;
      try {
        catchUp(run.engine, run.trainSize, kind);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        run.stepError = e.message;
      }
      run.record();
    },
    /** Paused, statsA is the playground's own sample of this render (null: none taken). */
    render(statsA = null) { renderBoth(run, statsA); },
    /**
     * While playing, every fourth slice (training.js): both runs' layer statistics, for the next
     * render; run A's are the playground's own sample when it took one (statsA), not a second pass.
     */
    sampleLayerStats(statsA = null) {
      sampleRunStats(views.a, { engine: page.engine, history: page.history, metrics: page.metrics }, statsA);
      if (!(run.error ?? run.stepError)) sampleRunStats(views.b, { engine: run.engine, history: run.history, metrics: run.metrics });
    },
    dispose() { run.engine.dispose(); },
  };
  return run;
}

// ---- drawing ----

function renderRun(view, { engine, state, history, metrics, error }, stats = null) {
  const s = page.state;
  view.error.hidden = !error;
  view.error.textContent = error ?? '';
  const dd = view.dd;
  const none = { loss: NaN, accuracy: NaN };
  const m = error || noPoints() || !metrics ? { train: none, test: none } : metrics;
  const epoch = engine.progress().epoch;
  const values = {
    epoch, 'train-loss': m.train.loss, 'test-loss': m.test.loss, 'train-accuracy': m.train.accuracy, 'test-accuracy': m.test.accuracy,
  };
  const regression = problemOf(page.state) === 'regression';  // no accuracy, as on the playground
  for (const [key, v] of Object.entries(values)) {
    if (key.endsWith('accuracy')) setHidden(dd[key].parentElement, regression);
    dd[key].dataset.value = String(v);
    dd[key].textContent = key === 'epoch' ? String(v)
      : key.endsWith('loss') ? lossText(v) : accuracyText(v, engine.progress().diverged);
  }
  if (error || noPoints()) return;
  const data = engine.dataset();
  const sizes = engine.layerSizes();
  // 1-D data: y against x with the run's curve, as the playground's own plot shows it.
  const plot = data.inputs === 1 ? curvePlot(engine)
    : outputPlot(engine.evaluateGrid(GRID, -6, 6, { copy: false }), sizes[sizes.length - 1], state.outputActivation, data.problem);
  view.plot.update({ ...plot, discretize: s.discretize, points: data, showTest: s.showTest, highlight: null, drawing: false });
  if (!page.playing) sampleRunStats(view, { engine, history, metrics }, stats);
  if (view.pendingStats) {
    view.layerStats.update({ stats: view.pendingStats, layerNames: layerNames(sizes), record: history.layers, outputActivation: state.outputActivation, loss: state.loss });
    view.pendingStats = null;
  }
}

// A run's layer statistics now, recorded, for the next render: a pass over its training set, unless
// `stats` is the playground's own sample, which its history (run A's too) holds already.
function sampleRunStats(view, { engine, history, metrics }, stats = null) {
  if (!view.layers.open || noPoints()) return;
  view.pendingStats = stats ?? engine.layerStats();
  if (!stats) recordLayers(history, fractionalEpoch(engine, metrics?.train.count), view.pendingStats);
}

// A series' name in the legend: the run and the split.
function legendOf(run, split) {
  if (run === 'a') return split === 'test' ? t('A test') : t('A training');
  return split === 'test' ? t('B test') : t('B training');
}

function chartOf(a, b, regression) {
  const line = (run, history, split, key) => ({
    name: `${run.toUpperCase()} ${split}`, legend: legendOf(run, split), color: RUN_STYLES[run].color, dash: RUN_STYLES[run][split],
    points: { xs: history.epochs, ys: history[key] },
  });
  const chart = {
    series: [line('a', a, 'test', 'test'), line('a', a, 'training', 'train'), line('b', b, 'test', 'test'), line('b', b, 'training', 'train')],
    logScale: page.state.logScale, yLabel: t('loss'),
  };
  if (!regression) {
    const acc = (run, history, split, key) => ({ ...line(run, history, split, key), name: `${run.toUpperCase()} ${split} accuracy` });
    chart.accuracy = { yLabel: t('accuracy'), series: [acc('a', a, 'test', 'testAccuracy'), acc('a', a, 'training', 'trainAccuracy'),
      acc('b', b, 'test', 'testAccuracy'), acc('b', b, 'training', 'trainAccuracy')] };
  }
  return chart;
}

// The chart's key in words: which run is which line, and what run B does differently.
function keyText(differences) {
  const a = t('Run A ({style} test line, dotted training line): the playground\'s set-up.', { style: t(RUN_STYLES.a.name) });
  if (differences.length === 0) return `${a} ${t('Run B ({style}): the same settings so far; change one below.', { style: t(RUN_STYLES.b.name) })}`;
  const what = formatClauses(differences.map((d) => t('{setting} {b} instead of {a}', { setting: t(d.label), b: d.b || t('none'), a: d.a || t('none') })));
  return `${a} ${t('Run B ({style} test line, dotted training line): {differences}.', { style: t(RUN_STYLES.b.name), differences: what })}`;
}

function renderBoth(runB, statsA) {
  const sB = stateB();
  const problem = problemOf(page.state);
  showSettings(sB, problem);
  const differences = runBDifferences(page.state);
  // A live region: written at every render, the same key would be read out again at every epoch.
  const key = keyText(differences);
  if ($('compare-key').textContent !== key) $('compare-key').textContent = key;
  views.a.what.textContent = t('The playground above.');
  views.b.what.textContent = differences.length
    ? t('Differs in {differences}.', { differences: differences.map((d) => `${t(d.label)} ${d.b || t('none')}`).join(', ') }) : t('The same settings as run A so far.');
  views.chart.update(chartOf(page.history, runB.history, problem === 'regression'));
  $('compare-chart').dataset.records = `${page.history.epochs.length},${runB.history.epochs.length}`;
  renderRun(views.a, { engine: page.engine, state: page.state, history: page.history, metrics: page.metrics, error: null }, statsA);
  renderRun(views.b, { engine: runB.engine, state: sB, history: runB.history, metrics: runB.metrics, error: runB.error ?? runB.stepError });
}

// ---- open and close ----

/**
 * Brings the comparison in line with page.state after apply(): opens it (both runs start over at
 * epoch 0), closes it (run B's engine is freed), or hands run B the new settings.
 */
export function syncCompare() {
  const open = page.state.compare;
  if (open && !page.compare) {
    views ??= buildViews();
    page.compare = createRunB();
    $('compare-panel').hidden = false;
    $('compare').setAttribute('aria-expanded', 'true');
    restart();  // run A from its seed's initial weights, and with it run B (startHistory)
  } else if (!open && page.compare) {
    page.compare.dispose();
    page.compare = null;
    $('compare-panel').hidden = true;
    $('compare').setAttribute('aria-expanded', 'false');
  } else if (page.compare) {
    page.compare.sync();
  }
}

/** The Compare button and the panel's Close button. */
export function wireCompare() {
  $('compare').addEventListener('click', () => {
    clearMessage();
    const opening = !page.state.compare;
    apply({ ...page.state, compare: opening, b: {} });
    if (opening && page.compare) $('compare-panel').scrollIntoView({ block: 'start' });
  });
  $('compare-close').addEventListener('click', () => {
    clearMessage();
    apply({ ...page.state, compare: false, b: {} });
    $('compare').focus();
  });
}
