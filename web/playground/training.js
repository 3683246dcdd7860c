// Training: the history of a run, one step of the chosen kind, play and pause, and the animation
// loop that trains in time slices (never blocking the page) and redraws what changed.
import { EngineError } from '../engine.js';
import { createHistory, record, shouldStop } from '../history.js';
import { page, $, noPoints, NO_POINTS_MESSAGE } from './page.js';
import { frameAllowance } from './frame-budget.js';
import { showMessage, expireMessage } from './messages.js';
import { render } from './render.js';
import { formatNumber } from '../views/format.js';
import { trainingWarning } from '../training-health.js';
import { t } from '../i18n/i18n.js';

const ICON_PLAY = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
const ICON_PAUSE = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 5h4v14H6zM14 5h4v14h-4z" fill="currentColor"/></svg>';

/** A new run of the current set-up: the seed's initial weights, empty history, epoch 0. */
export function restart() {
  pause();
  page.engine.reset();
  startHistory();
  page.dirty = true;
}

/** No run at all (no points): no history, no metrics, and the engine back at epoch 0. */
export function clearRun() {
  pause();
  page.engine.reset();
  startHistory();
}

export function startHistory() {
  page.stepPanel?.clear();  // a traced step belongs to the run it was taken in
  page.healthWarned = false;
  page.history = createHistory();
  page.stopMarker = null;
  page.metrics = null;
  if (!noPoints()) recordNow();  // no points, no numbers: the readouts show – rather than a made-up 0
  page.compare?.restart();  // run B starts over with run A
}

export function fractionalEpoch() {
  const p = page.engine.progress();
  const n = page.trainSize || 1;
  return p.epoch + p.epochPosition / n;
}

export function recordNow() {
  const metrics = page.engine.metrics();
  page.trainSize = metrics.train.count;
  record(page.history, fractionalEpoch(), metrics, () => page.engine.params());
  page.metrics = metrics;
}

export function trainStep(kind) {
  if (noPoints()) {
    pause();
    showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() });
    return false;
  }
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
  page.compare?.step(kind);  // lock-step: run B takes the same kind of step
  for (const fn of page.onTrainStep) fn();
  if (page.state.earlyStopping && shouldStop(page.history, page.state.patience)) {
    const best = page.history.best;
    if (best.params) {
      page.engine.setParams(best.params);
      // The numbers shown are those of the restored weights; the chart keeps the run as it went.
      page.metrics = page.engine.metrics();
    }
    pause();
    page.stopMarker = { x: best.epoch, label: t('early stop') };
    const stoppedAt = page.engine.progress().updates;
    showMessage(t('Early stopping: the validation loss has not improved for {patience} epochs. The weights from its best epoch ({epoch}, validation loss {loss}) are restored.',
      { patience: page.state.patience, epoch: Math.round(best.epoch), loss: formatNumber(best.loss, { digits: 4 }) }), 'info',
    { until: () => page.engine.progress().updates !== stoppedAt });  // said until training goes on
    return false;
  }
  return true;
}

// Saturation, a rising loss or exploding weights without NaN: said once per run, from the core's numbers.
export function checkHealth() {
  if (page.healthWarned || !page.metrics) return;
  const engine = page.engine;
  const warning = trainingWarning({
    epoch: engine.progress().epoch, learningRate: page.state.learningRate, startLoss: page.history.train[0],
    train: page.metrics.train, params: engine.params(), outputActivation: page.state.outputActivation,
    outputSlope: () => engine.layerStats().at(-1).slopeMean,
  });
  if (warning) {
    page.healthWarned = true;
    showMessage(warning, 'warning', { source: 'health' });
  }
}

export function play() {
  if (noPoints()) {
    showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() });
    return;
  }
  if (page.engine.progress().diverged) {
    showMessage('Training diverged. Lower the learning rate, then reset.', 'error', { until: () => !page.engine.progress().diverged });
    return;
  }
  if (page.state.earlyStopping && page.metrics?.validation.count === 0) {
    showMessage('Early stopping needs validation data: set "Validation data" above 0%.', 'info',
      { until: () => !page.state.earlyStopping || page.metrics?.validation.count > 0 });
  }
  if (page.stopMarker) page.history.best = null;  // going on after an early stop: a fresh patience window
  page.playing = true;
  requestFrame();
  $('play').innerHTML = ICON_PAUSE;
  $('play').setAttribute('aria-label', 'Pause');
  $('play').classList.add('playing');
}
export function pause() {
  page.playing = false;
  $('play').innerHTML = ICON_PLAY;
  $('play').setAttribute('aria-label', 'Play');
  $('play').classList.remove('playing');
}

let frameRequested = false;

/** Asks for an animation frame; the loop keeps asking only while it trains, animates or redraws. */
export function requestFrame() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

function frame(now) {
  frameRequested = false;
  const animating = page.stepPanel.frame(now);
  if (page.playing) {
    const { epochs, deadline } = frameAllowance(page.state.speed, performance.now(), page.renderMs);
    for (let i = 0; i < epochs && page.playing; ++i) {
      if (!trainStep('epoch')) break;
      if (performance.now() > deadline) break;  // the rest next frame: never freeze the page
    }
    page.healthTick += 1;
    if (page.playing && page.healthTick % 10 === 0) checkHealth();  // layerStats is a pass over the data
    page.dirty = true;
  }
  if (page.dirty) {
    const renderStart = performance.now();
    render();
    page.renderMs = performance.now() - renderStart;
    page.dirty = false;
    expireMessage();
    for (const fn of page.onRender) fn();
  }
  if (page.playing || animating || page.dirty) requestFrame();
}
