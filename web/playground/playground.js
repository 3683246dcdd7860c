// The free playground: creates its engine and views on the page's markup, wires the run buttons
// and every control, and loads the set-up from the URL. Returns the small API the course uses.
// The jobs live in the modules beside it (see README's file table); this file only assembles.
import { Engine } from '../engine.js';
import { SETTINGS, parseHash } from '../state.js';
import { splitHash } from '../course/route.js';
import { createControls } from '../controls.js';
import { createNetworkView } from '../views/network.js';
import { createDataPlot, plotMargin } from '../views/data-plot.js';
import { createChart } from '../views/chart.js';
import { createLayerStats } from '../views/layer-stats.js';
import { onTextScaleChange } from '../views/text-scale.js';
import { createPreluSlopes } from '../views/prelu-slopes.js';
import { createWeightLegend } from '../views/weight-legend.js';
import { createStepPanel } from '../step-panel.js';
import { page, $, noPoints, NO_POINTS_MESSAGE } from './page.js';
import { showMessage, clearMessage, expireMessage } from './messages.js';
import { apply, change, loadFromHash, updateUrl, urlChanged } from './settings.js';
import { startHistory, recordNow, trainStep, play, pause, requestFrame, restart, checkHealth } from './training.js';
import { warmUp } from './warm-up.js';
import { buildDatasetPicker, makePreviews } from './datasets.js';
import { addPoint, removeNear, wireDrawing, restorePoints } from './points.js';
import { wireCsv } from './csv-files.js';
import { buildEmbedOptions, buildHideOptions, wireShare } from './share.js';
import { wireModelFiles } from './model-files.js';
import { networkHandlers, wireGradientHover } from './network-edits.js';
import { wireKeyboard } from './keyboard.js';
import { showFirstVisitTips } from './first-visit.js';
import { wireCompare } from './compare.js';
import { wireFigureExport } from './figures.js';
import { onThemeChange } from '../theme.js';
import { onLanguageChange } from '../i18n/i18n.js';
import { render } from './render.js';

function wireRunButtons() {
  $('play').addEventListener('click', () => (page.playing ? pause() : play()));
  $('step').addEventListener('click', () => {
    pause();
    clearMessage({ keep: 'health' });  // a warning about this run stays, as it does while playing
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
    if (page.state.dataset === 'custom' || page.state.dataset === 'curve') return;
    apply({ ...page.state, dataSeed: (page.state.dataSeed + 1) >>> 0 });
  });
  $('message-close').addEventListener('click', () => clearMessage());
}

/**
 * Starts the playground on the page (its markup is index.html's) with a loaded core module.
 * @param {object} module the wasm module (createBackpropCore())
 * @param {{ routeHash?: () => import('../course/route.js').Route }} [options] routeHash: the course's route, which leads the URL
 */
export function createPlayground(module, { routeHash } = {}) {
  page.module = module;
  if (routeHash) page.routeHash = routeHash;
  page.engine = new Engine(page.module);
  page.controls = createControls(document, SETTINGS, change);
  page.view = {
    network: createNetworkView($('network'), networkHandlers()),
    plot: createDataPlot($('plot'), { size: 320, onAddPoint: addPoint, onRemoveNear: removeNear }),
    chart: createChart($('chart'), { ariaLabel: 'Loss per epoch for the training and test data' }),
    layerStats: createLayerStats($('layer-stats')),
    preluSlopes: createPreluSlopes($('prelu-slopes')),
  };
  createWeightLegend($('weight-legend'));
  // The plot takes the width its panel has, up to 320 px: at a fixed 320 px it spilled out of the
  // output column (330 px inside) and off narrow screens.
  const fitPlot = () => {
    const margin = plotMargin();
    const room = $('plot').clientWidth - margin.left - margin.right;
    const size = Math.max(160, Math.min(320, Math.floor(room)));
    if (room > 0 && size !== page.plotSize) {
      page.plotSize = size;
      page.view.plot.setSize(size);
    }
  };
  new ResizeObserver(fitPlot).observe($('plot'));
  onTextScaleChange(fitPlot);  // the axes' room grows with the text
  // What sticks under the phone's run bar (a lesson's banner, a link's target) keeps clear of its
  // real height: in large text it wraps to two rows (style.css --run-bar-stuck).
  const runBar = /** @type {HTMLElement} */ (document.querySelector('.run-bar'));
  new ResizeObserver(() => {
    document.body.style.setProperty('--run-bar-height', `${Math.floor(runBar.getBoundingClientRect().height)}px`);
  }).observe(runBar);
  page.stepPanel = createStepPanel({
    engine: () => page.engine,
    state: () => page.state,
    /** The run's record the chart draws (web/history.js): a task reads when a goal was first met. */
    history: () => page.history,
    refuse: () => (noPoints() ? NO_POINTS_MESSAGE : null),
    onTrained: () => { pause(); clearMessage(); recordNow(); page.compare?.step('example'); for (const fn of page.onTrainStep) fn(); page.dirty = true; },
    showMessage,
    requestRender: () => { page.dirty = true; },
    requestFrame,
  });
  buildDatasetPicker(makePreviews());
  buildHideOptions();
  buildEmbedOptions();
  wireRunButtons();
  wireDrawing();
  wireCsv();
  wireShare();
  wireModelFiles();
  wireGradientHover();
  wireKeyboard();
  wireCompare();
  wireFigureExport();
  page.embedded = parseHash(splitHash(location.hash).settings).state.embed.length > 0;
  restorePoints();
  loadFromHash();
  if (!document.body.classList.contains('embed')) {
    const placeTips = showFirstVisitTips();
    page.onRender.push(placeTips);
    new ResizeObserver(placeTips).observe(document.body);
  }
  page.wake = requestFrame;
  onThemeChange(() => {  // canvases repaint in the theme's colours; the legend's samples are drawn in them too
    page.dirty = true;
    createWeightLegend($('weight-legend'));
  });
  onLanguageChange(() => { page.dirty = true; });  // the network's header counts its layers in words
  // The lecture hall's zoom and line scale: canvases take new backing stores, the network rebuilds.
  document.addEventListener('lecturechange', () => {
    if (page.plotSize) page.view.plot.setSize(page.plotSize);
    page.view.chart.resize();
    page.dirty = true;
  });
  // Printing: the print is taken before the next animation frame, so repaint (in light) at once.
  window.addEventListener('beforeprint', () => render());
  requestFrame();
  page.stopWarmUp = warmUp(module);
  return {
    engine: () => page.engine,
    state: () => page.state,
    /** The run's record the chart draws (web/history.js): a task reads when a goal was first met. */
    history: () => page.history,
    /** Loads the URL's settings; fresh: a new run (initial weights, empty history, epoch 0) even if they did not change. */
    loadFromHash,
    /** Writes the course's route and the settings into the URL, and the links made from it. */
    updateUrl,
    /** The URL changed (a link followed): the links made from it follow. */
    urlChanged,
    /** A new run of the current set-up: the seed's initial weights, empty history, epoch 0. */
    restart,
    /** Applies settings on top of the current ones (as a control would). */
    apply: (settings) => apply({ ...page.state, ...settings }),
    /** Trains `n` epochs now (paused), as the step button would n times. */
    trainEpochs: (n) => { pause(); for (let i = 0; i < n; ++i) if (!trainStep('epoch')) break; page.dirty = true; },
    /** Calls fn after every render (a task check reads the engine then). */
    onRender: (fn) => { page.onRender.push(fn); return () => { page.onRender = page.onRender.filter((f) => f !== fn); }; },
    /** Calls fn after every update the page makes (play, step, the step panel), before the render. */
    onTrainStep: (fn) => { page.onTrainStep.push(fn); return () => { page.onTrainStep = page.onTrainStep.filter((f) => f !== fn); }; },
    pause,
    showMessage,
    clearMessage,
    /** Clears the message on show if its cause is gone (as each render does), for a lab that changed. */
    expireMessage,
  };
}
