// Training: the history of a run, one step of the chosen kind, play and pause, and the animation
// loop: each frame draws what changed, then a task of its own trains the next slice (never blocking
// the page), so a click is handled between the two.
import { EngineError } from '../engine.js';
import { createHistory, record, recordSettings, shouldStop } from '../history.js';
import { page, $, noPoints, NO_POINTS_MESSAGE } from './page.js';
import { frameAllowance, sliceBatches } from './frame-budget.js';
import { showMessage, expireMessage } from './messages.js';
import { render, sampleLayerStats } from './render.js';
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
  recordSettings(page.history, 0, page.state);
  page.stopMarker = null;
  page.stoppedEarly = false;
  page.metrics = null;
  // New weights (a reset, a new seed or network) drop the edited ones; a setting that keeps the
  // weights, changed before the first update, starts a history over them too, and they stay.
  if (page.editedWeights && !sameValues(page.editedWeights, page.engine.params())) page.editedWeights = null;
  if (!noPoints()) recordNow();  // no points, no numbers: the readouts show – rather than a made-up 0
  page.compare?.restart();  // run B starts over with run A
}

const sameValues = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** The run trains under the page's settings from now on (a change that kept its weights). */
export function noteSettings() {
  recordSettings(page.history, fractionalEpoch(), page.state);
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

/**
 * Trains `count` steps of one kind ('epoch', 'batch' or 'example') and records the numbers after
 * them; false if training stopped (no points, an engine error, early stopping).
 */
export function trainStep(kind, count = 1) {
  if (noPoints()) {
    pause();
    showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() });
    return false;
  }
  if (page.engine.progress().diverged) {  // said as Play says it, not as the core's terse refusal
    pause();
    sayDiverged();
    return false;
  }
  if (page.stoppedEarly) {  // going on after an early stop: a fresh patience window, from this step
    page.history.best = null;
    page.stoppedEarly = false;
  }
  const start = performance.now();
  try {
    if (kind === 'epoch') page.engine.trainEpochs(count);
    else if (kind === 'batch') page.engine.trainBatches(count);
    else page.engine.trainExamples(count);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    pause();
    showMessage(e.message);
    recordNow();
    page.compare?.step(kind);  // run A's diverging step still moved it on; run B trains on its own
    return false;
  }
  const trained = performance.now();
  recordNow();
  page.compare?.step(kind);  // lock-step: run B goes on to where run A is
  measureCost(kind, count, trained - start, performance.now() - trained);
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
    page.stoppedEarly = true;
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
    // About this run: it stays (a change of settings keeps it) until closed or a new run starts.
    const run = page.history;
    showMessage(warning, 'warning', { source: 'health', until: () => page.history !== run });
  }
}

function sayDiverged() {
  showMessage('Training diverged. Lower the learning rate, then reset.', 'error', { until: () => !page.engine.progress().diverged });
}

export function play() {
  if (noPoints()) {
    showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() });
    return;
  }
  if (page.engine.progress().diverged) {
    sayDiverged();
    return;
  }
  if (page.state.earlyStopping && page.metrics?.validation.count === 0) {
    showMessage('Early stopping needs validation data: set "Validation data" above 0%.', 'info',
      { until: () => !page.state.earlyStopping || page.metrics?.validation.count > 0 });
  }
  page.stopWarmUp();  // training warms the engine up from here, and needs the idle time
  page.playing = true;
  requestFrame();
  $('play').innerHTML = ICON_PAUSE;
  $('play').setAttribute('aria-label', 'Pause');
  $('play').classList.add('playing');
}
export function pause() {
  if (page.playing) page.dirty = true;  // a last frame at rest: links and pictures, drawn every few frames while playing
  page.playing = false;
  $('play').innerHTML = ICON_PLAY;
  $('play').setAttribute('aria-label', 'Play');
  $('play').classList.remove('playing');
}

// What the last steps cost, for sliceBatches: per batch, and per record (with run B's steps).
function measureCost(kind, count, trainMs, recordMs) {
  if (kind === 'example') return;
  const batchSize = Math.max(1, Math.min(page.state.batchSize, page.trainSize));
  const batchesPerEpoch = Math.max(1, Math.ceil(page.trainSize / batchSize));
  const batches = kind === 'epoch' ? count * batchesPerEpoch : count;
  page.trainCost = { batchMs: trainMs / batches, recordMs, batchesPerEpoch };
}

let frameRequested = false;
let slicePosted = false;

// Runs fn in a task of its own, after those already posted (a MessageChannel message: unlike a
// timer's, never delayed). The channel is made on first use: an open port keeps Node from exiting.
const posted = [];
let channel = null;
function postTask(fn) {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => posted.shift()();
  }
  posted.push(fn);
  channel.port2.postMessage(null);
}

/** Asks for an animation frame; the loop keeps asking only while it trains, animates or redraws. */
export function requestFrame() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(frame);
}

function frame(now) {
  frameRequested = false;
  const animating = page.stepPanel.frame(now);
  if (page.dirty) {
    const renderStart = performance.now();
    render();
    page.renderMs = performance.now() - renderStart;
    page.dirty = false;
    expireMessage();
    for (const fn of page.onRender) fn();
  }
  // The next slice runs once this frame is drawn; the next frame is asked for now, so that it is
  // not put off by a frame's wait for a request made after its start.
  if (page.playing) postSlice();
  if (page.playing || animating) requestFrame();
}

function postSlice() {
  if (slicePosted) return;
  slicePosted = true;
  postTask(() => { slicePosted = false; trainSlice(); });
}

// One slice of training: whole epochs within the allowance, or a run of batches when an epoch is
// too long for one task; every fourth slice, the layer statistics (a pass over the training set,
// as long as a slice on a large set: a task of their own).
function trainSlice() {
  if (!page.playing) return;
  const { epochs, deadline } = frameAllowance(page.state.speed, performance.now(), page.renderMs);
  const batches = sliceBatches(page.trainCost);
  if (batches > 0) trainStep('batch', batches);
  else {
    for (let i = 0; i < epochs && page.playing; ++i) {
      if (!trainStep('epoch')) break;
      if (performance.now() > deadline) break;  // the rest next slice: never freeze the page
    }
  }
  page.healthTick += 1;
  if (page.playing && page.healthTick % 10 === 0) checkHealth();  // layerStats is a pass over the data
  if (page.healthTick % 4 === 0) postTask(() => { page.compare?.sampleLayerStats(sampleLayerStats()); page.dirty = true; });
  page.dirty = true;
}
