// Settings into the engine: applies a new state (or reports why the engine refused it), keeps the
// URL in step, shows the state in the controls, and loads a link's settings.
import { EngineError } from '../engine.js';
import { SETTINGS, defaults, serializeHash, engineSettings, runBState, runBDiff, checkValue, parseSetting } from '../state.js';
import { readLink, linkMessage } from '../link-load.js';
import { translateMessage } from '../message-templates.js';
import { coherent, defaultPair, outputActivations, losses, datasetProblem, fitFeatures, isCurveDataset } from '../rules.js';
import { applyEmbed } from '../embed.js';
import { splitHash, joinHash } from '../course/route.js';
import { page, $, noPoints, isUserData } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { startHistory, noteSettings, clearRun, pause, restart } from './training.js';
import { setCustom, updateDrawClasses, classesShown, pointsData } from './points.js';
import { updateShareLink } from './share.js';
import { showApplicable } from './applicable.js';
import { syncCompare } from './compare.js';
import { setLanguage, t } from '../i18n/i18n.js';

export function problemOf(state) {
  return state.dataset === 'custom' && page.custom ? page.custom.problem : datasetProblem(state.dataset);
}

/**
 * Applies a new state to the engine. On rejection the previous state stays (the engine changes
 * nothing when it rejects) and the message says why. Returns true when applied.
 */
export function apply(next, { quiet = false, resync = true } = {}) {
  const previous = page.state;
  const fitted = fitFeatures(next);  // 1-D data: x1's features only, said when some are dropped
  next = coherent(fitted.state, problemOf(next));
  // Run B's features, output and loss fit the data too (its differences are kept as a diff from run A).
  next = { ...next, b: runBDiff(next, coherent(fitFeatures(runBState(next)).state, problemOf(next))) };
  const newRun = Object.keys(next).some((k) => k !== 'hide' && !page.engine.keepsWeights(k) &&
    JSON.stringify(next[k]) !== JSON.stringify(previous[k]) && SETTINGS.find((e) => e.key === k)?.engine);
  let engineTouched = false;  // points or a passing output/loss were sent before the settings
  if (isUserData(next.dataset) && page.custom?.labels.length === 0) {
    // No points (after Clear): the engine cannot hold an empty set, so nothing is sent and nothing
    // trains or is measured until the first point is drawn; the settings are kept for then.
    page.state = coherent(next, page.custom.problem);
    clearRun();
    syncCompare();
    updateUrl();
    showState(page.state);
    page.dirty = true;
    return true;
  }
  try {
    if (isUserData(next.dataset)) {
      if (!page.custom) throw new EngineError('there are no drawn or imported points yet: draw some or import a CSV');
      const engineData = page.engine.dataset();
      // Re-sent after a visit to a generated dataset too: the engine replaced its points then.
      if (page.engine.settings().dataset !== next.dataset || page.custom.version !== page.customApplied ||
        engineData.problem !== page.custom.problem) {
        if (engineData.problem !== page.custom.problem) {
          // The engine checks new points against its current output and loss (binary points under
          // softmax, classes under binary cross-entropy): pass through tanh + MSE, which fit all.
          page.engine.configure({ outputActivation: 'tanh', loss: 'mse' });
          engineTouched = true;
        }
        if (next.dataset === 'curve') {
          // A curve has one input: the features must be x1's before its points arrive.
          page.engine.configure({ features: next.features });
          page.engine.setCurveData(page.custom.xy.filter((_, k) => k % 2 === 0), page.custom.labels);
        } else {
          page.engine.setCustomData(page.custom.xy, page.custom.labels, page.custom.problem, page.custom.classes);
        }
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
  const wasEmpty = noPoints();
  page.state = next;
  if (fitted.change && !quiet) showMessage(t('Changed to fit 1-D data: {change}.', { change: translateMessage(fitted.change) }), 'info');
  if (newRun || wasEmpty || page.engine.progress().updates === 0) startHistory();
  else if (SETTINGS.some((e) => e.engine && JSON.stringify(next[e.key]) !== JSON.stringify(previous[e.key]))) noteSettings();
  syncCompare();
  updateUrl();
  showState(next);
  page.dirty = true;
  return true;
}

export function change(key, value) {
  clearMessage({ keep: 'health' });  // the warning about this run stays until closed (or a new run)
  // The engine checks its own keys as apply() sends them; the page's own (patience, speed, ...) are
  // checked here against the table, so a bad typed value is refused as theirs are, not kept. So is
  // a field that holds no number (empty, or 1e999, which the browser clears): the core would say "got nan".
  const typedNothing = typeof value === 'number' && Number.isNaN(value);
  const refused = SETTINGS.find((e) => e.key === key)?.engine && !typedNothing ? null : checkValue(key, value);
  if (refused) {  // said as a link's bad value is ("patience '0' is out of range 1..1000")
    const typed = parseSetting(key, Number.isNaN(value) ? '' : String(value));
    showMessage('error' in typed ? typed.error : refused);
    showState(page.state);
    return;
  }
  apply({ ...page.state, [key]: value, ...makeRoom(key, value) });
}

// Training and validation data share the points (the test data has the rest): one raised past what
// the other leaves takes its share from it, as a split does, rather than being refused. At Training
// data 100% (drawn points start there) Validation data could not move at all.
const SHARES = { trainRatio: 'validationRatio', validationRatio: 'trainRatio' };
const rest = (share) => Math.max(0, Number((1 - share).toFixed(6)));  // 1 − share, without 0.30000000000000004
function makeRoom(key, value) {
  const other = SHARES[key];
  if (!other || typeof value !== 'number' || value + page.state[other] <= 1 + 1e-6) return {};
  return { [other]: rest(value) };
}
/** The training share that leaves no test data: every point the validation share does not take. */
export const trainingShareOfAll = (state) => rest(state.validationRatio);

export function updateUrl() {
  const hash = joinHash(page.routeHash(), serializeHash(page.state));
  // The entry keeps its state: the course marks with it the entries it has shown (course/shell.js).
  history.replaceState(history.state, '', hash || location.pathname + location.search);
  urlChanged();
}
/**
 * The links made from the URL follow it, whoever changed it (the settings, the course's route or
 * labs, a link followed): the open Share dialog's, and an embed's "Open in the full playground".
 */
export function urlChanged() {
  if (/** @type {HTMLDialogElement} */ ($('share-dialog')).open) updateShareLink();
  /** @type {HTMLAnchorElement} */ ($('open-full')).href = `${location.pathname}${location.search}${joinHash(page.routeHash(), serializeHash({ ...page.state, embed: [] }))}`;
}
export function showState(state) {
  setLanguage(state.lang);  // first: what follows is shown in it
  const problem = problemOf(state);
  page.controls.show(state, {
    outputActivation: outputActivations(problem),
    loss: losses(problem, state.outputActivation),
  });
  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('#datasets [data-dataset]'))) {
    const selected = button.dataset.dataset === state.dataset;
    button.setAttribute('aria-checked', String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  const multiclass = problem === 'multiclass';
  // Generator settings mean nothing for the learner's own points: shown, but switched off.
  const generated = !isUserData(state.dataset);
  const usesClasses = state.dataset === 'blobs' || state.dataset === 'multi_spiral';
  for (const [key, active] of [['noise', generated], ['points', generated], ['classes', usesClasses]]) {
    document.querySelector(`[data-hide="${key}"]`).classList.toggle('inactive', !active);
    /** @type {HTMLInputElement} */ (document.querySelector(`input[data-key="${key}"]`)).disabled = !active;
  }
  /** @type {HTMLButtonElement} */ ($('regenerate')).disabled = !generated;
  updateDrawClasses(problem, multiclass ? classesShown(state) : 2);
  // On 1-D data a click's height is the target: no class to choose.
  $('draw-class').closest('label').hidden = isCurveDataset(state.dataset);
  showApplicable(document, state);
  applyHidden(state.hide);
  applyEmbed(document, state.embed);
}

export function applyHidden(hide) {
  const hidden = new Set(hide);
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-hide]'))) el.hidden = hidden.has(el.dataset.hide);
  const panels = { featuresPanel: '#network-panel' };
  for (const [key, selector] of Object.entries(panels)) if (hidden.has(key)) /** @type {HTMLElement} */ (document.querySelector(selector)).hidden = true;
}

// A new kind of problem starts from its own output/loss pair (softmax + cross-entropy for classes,
// linear for regression): coherent() alone would keep tanh + MSE, which is valid but a poor start.
export function withProblem(next, previousProblem) {
  const problem = problemOf(next);
  return problem === previousProblem ? next : { ...next, ...defaultPair(problem) };
}

/**
 * Loads the settings of the URL (the course's keys aside). fresh: start a new run (initial weights
 * from the seed, empty history, epoch 0) even where the settings keep the weights, as a lesson
 * link must.
 */
export function loadFromHash({ fresh = false } = {}) {
  pause();
  clearMessage();  // a warning about an earlier link is not about this one
  const link = readLink(splitHash(location.hash).settings, { current: page.custom, kept: page.otherCustom });
  // An earlier link's points=2000 leaves no 20..2000 slider behind for this one.
  page.controls.forgetReach();
  if (link.custom) {
    const d = link.custom;
    setCustom({ xy: Array.from(d.xy), labels: Array.from(d.labels), problem: d.problem, classes: d.classes, inputs: d.inputs });
  } else if (link.own && link.own !== page.custom) {
    setCustom(link.own);  // the learner's points of the link's kind, kept aside, come back (the others go aside)
  }
  // A link naming the learner's points without carrying them runs on the page's own: the URL and
  // the Share link carry those, or they would open on the default dataset.
  const state = !link.custom && isUserData(link.state.dataset) ? { ...link.state, data: pointsData(page.custom) } : link.state;
  const fits = apply(state, { quiet: true });
  // The combination is invalid as a whole (e.g. ratios the data cannot split): fall back to defaults.
  if (!fits) apply(defaults(), { quiet: true });
  // In the link's language, now in force.
  let message = linkMessage(link.notes);
  if (!fits) message = `${message} ${t('The settings in the link do not fit together; showing the default set-up.')}`.trim();
  if (fresh) restart();
  if (message) showMessage(message, 'warning', { source: 'link' });
}

