// The learner's own points: adopting the current data to edit it, adding and removing points on
// the output plot, Clear, the class to draw, and the state that carries the points in the link.
// On 1-D data (x -> y) the points are a drawn curve: a click puts a target y at x (dataset 'curve').
import { MAX_LINK_POINTS, encodePoints, defaults, onLinkGrid, withDataset } from '../state.js';
import { nearestPoint, CURVE_Y_SCALE } from '../views/data-plot.js';
import { isCurveDataset } from '../rules.js';
import { page, $, noPoints, isUserData, NO_POINTS_MESSAGE } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { t, language, onLanguageChange } from '../i18n/i18n.js';
import { apply, problemOf, trainingShareOfAll } from './settings.js';
import { refreshCustomThumbnail } from './datasets.js';
import { storePoints, storedPoints } from './points-store.js';

// Starting to draw keeps the current points: the learner edits them rather than an empty plane.
export function adoptCurrentPointsAsCustom() {
  const d = page.engine.dataset();
  setCustom({ xy: Array.from(d.xy), labels: Array.from(d.labels), problem: d.problem, classes: d.classes, inputs: d.inputs });
}

/** A drawn curve to edit: the 1-D data on show, or none (the learner draws from scratch). */
export function adoptCurve() {
  if (isCurveDataset(page.state.dataset) && !noPoints()) adoptCurrentPointsAsCustom();
  else setCustom({ xy: [], labels: [], problem: 'regression', classes: 1, inputs: 1 });
}

export function setCustom(custom) {
  // Kept as a link carries them (to 0.01), so the page trains on exactly the points a copied link
  // gives a fresh page: clicks, adopted and imported values alike (over 500 points too, for one rule).
  const xy = Array.from(custom.xy, onLinkGrid);
  const labels = custom.problem === 'regression' ? Array.from(custom.labels, onLinkGrid) : Array.from(custom.labels);
  // Points of the other kind (drawn 2-D points as a curve comes in, or the reverse) are kept aside
  // for the way back, never lost: one slot holds the set in use. (No points: nothing to keep.)
  const kind = (c) => (c.inputs === 1 ? 'curve' : 'custom');
  if (page.custom && kind(page.custom) !== kind(custom)) page.otherCustom = page.custom.labels.length > 0 ? page.custom : null;
  page.custom = { ...custom, xy, labels, version: (page.custom?.version ?? 0) + 1 };
  if (!page.embedded) storePoints(page.custom, page.otherCustom);  // a reload finds them (points-store.js)
  refreshCustomThumbnail();
}

/**
 * The points this tab kept before a reload become the page's own again (not in an embed, which
 * shows what its link carries). Before the first link is read: one naming "your data" without
 * points, as a link past MAX_LINK_POINTS is, runs on them.
 */
export function restorePoints() {
  if (page.embedded) return;
  const kept = storedPoints();
  if (kept.custom) page.custom = { ...kept.custom, version: 1 };
  if (kept.other) page.otherCustom = { ...kept.other, version: 1 };
  refreshCustomThumbnail();
}

/** The learner's points as a link carries them (data=): '' when there are none or too many. */
export function pointsData(c) {
  if (c.labels.length > MAX_LINK_POINTS) return '';
  try {
    return encodePoints(c.xy, c.labels, c.problem, c.problem === 'multiclass' ? c.classes : undefined);
  } catch { return ''; }
}

export function customState() {
  const c = page.custom;
  // withDataset: coming from 1-D data, features still at its default (x1) take 2-D data's (x1, x2),
  // as on a generated 2-D set, rather than train 2-D points on x1 alone.
  return { ...withDataset(page.state, c.inputs === 1 ? 'curve' : 'custom'), data: pointsData(c) };
}

/**
 * How many classes the multi-class data on show has: the learner's points' own, or on a generated
 * set its classes setting (points kept from an earlier visit may have another count).
 */
export function classesShown(state) {
  return isUserData(state.dataset) ? page.custom?.classes ?? state.classes : state.classes;
}

export function updateDrawClasses(problem, classes) {
  /** @type {HTMLSelectElement} */
  const select = $('draw-class');
  // 'class {k}' is composed in the language in force: named again in a new one, the choice kept.
  const data = `${problem}:${classes}:`;
  if (select.dataset.for === `${data}${language()}`) return;
  const kept = select.dataset.for?.startsWith(data) ? select.value : null;
  select.dataset.for = `${data}${language()}`;
  select.replaceChildren();
  if (problem === 'regression') {
    select.append(new Option('+1 (blue)', '1'), new Option('−1 (orange)', '-1'));  // translated as shown (i18n.js)
  } else {
    for (let k = 0; k < classes; ++k) select.append(new Option(t('class {k}', { k }), String(k)));
    select.value = String(Math.min(1, classes - 1));
  }
  if (kept !== null) select.value = kept;
}

export function addPoint(x1, x2) {
  if (!page.drawing) return;
  if (isCurveDataset(page.state.dataset)) {  // (x, y): the plot gives the target, not x2
    const entering = page.state.dataset !== 'curve' || page.custom?.inputs !== 1;
    if (entering) adoptCurve();
    const c = page.custom;
    setCustom({ ...c, xy: [...c.xy, x1, 0], labels: [...c.labels, x2] });
    applyCustom({ trainOnAll: entering });
    return;
  }
  const entering = !page.custom || page.state.dataset !== 'custom';
  if (entering) adoptCurrentPointsAsCustom();
  const label = Number(/** @type {HTMLSelectElement} */ ($('draw-class')).value);
  const c = page.custom;
  setCustom({ ...c, xy: [...c.xy, x1, x2], labels: [...c.labels, label] });
  applyCustom({ trainOnAll: entering });
}

/** Removes the drawn point nearest (x1, x2) within `radius` plane units (a click's, or a finger's). */
export function removeNear(x1, x2, radius = 0.6) {
  if (!page.drawing) return;
  const curve = isCurveDataset(page.state.dataset);
  if (curve && (page.state.dataset !== 'curve' || page.custom?.inputs !== 1)) adoptCurve();
  else if (!curve && (!page.custom || page.state.dataset !== 'custom')) adoptCurrentPointsAsCustom();
  const c = page.custom;
  // A curve's points sit at (x, y) on the plot, y scaled as it draws them.
  const at = curve ? c.xy.map((v, k) => (k % 2 ? c.labels[(k - 1) / 2] * CURVE_Y_SCALE : v)) : c.xy;
  const best = nearestPoint(at, x1, curve ? x2 * CURVE_Y_SCALE : x2, radius);
  if (best < 0) return;
  const xy = [...c.xy]; xy.splice(2 * best, 2);
  const labels = [...c.labels]; labels.splice(best, 1);
  setCustom({ ...c, xy, labels });
  applyCustom();
}

/**
 * trainOnAll: drawing starts with every point in training or validation (the test split empty), so
 * no drawn point vanishes into a hidden test set; a ratio the learner chose is kept.
 */
export function applyCustom({ trainOnAll = false } = {}) {
  clearMessage();
  const state = customState();
  if (trainOnAll && state.trainRatio === defaults().trainRatio) state.trainRatio = trainingShareOfAll(state);
  apply(state);
}

/** Wires the Draw and Clear buttons, and the class to draw. */
export function wireDrawing() {
  onLanguageChange(() => {
    const [problem, classes] = ($('draw-class').dataset.for ?? '').split(':');
    if (problem) updateDrawClasses(problem, Number(classes));
  });
  $('draw-toggle').addEventListener('click', () => {
    page.drawing = !page.drawing;
    $('draw-toggle').setAttribute('aria-pressed', String(page.drawing));
    $('draw-toggle').textContent = page.drawing ? 'Drawing… (click to stop)' : 'Draw';
    $('plot').classList.toggle('drawing', page.drawing);
    page.dirty = true;
  });
  $('draw-clear').addEventListener('click', () => {
    const problem = problemOf(page.state);
    // Nothing the learner did not draw: the page waits, refusing to train, until the first point.
    const classes = problem === 'multiclass' ? classesShown(page.state) : problem === 'regression' ? 1 : 2;
    setCustom({ xy: [], labels: [], problem, classes, inputs: isCurveDataset(page.state.dataset) ? 1 : 2 });
    if (!page.drawing) $('draw-toggle').click();
    applyCustom({ trainOnAll: true });
    showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() });
  });
}
