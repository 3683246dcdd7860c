// The dataset picker: one thumbnail per generated dataset and "your data", drawn from a second,
// short-lived engine; arrow keys move within it; picking one applies it.
import { Engine } from '../engine.js';
import { datasetProblem, isCurveDataset } from '../rules.js';
import { POSITIVE, NEGATIVE, classColor } from '../views/colors.js';
import { DATASET_TITLES } from '../views/names.js';
import { onThemeChange, themeColors } from '../theme.js';
import { page, $, GRID, ALL_FEATURES, DATASETS, isUserData } from './page.js';
import { clearMessage } from './messages.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { textScale, onTextScaleChange } from '../views/text-scale.js';
import { apply, problemOf, withProblem, trainingShareOfAll } from './settings.js';
import { defaults, withDataset } from '../state.js';
import { adoptCurrentPointsAsCustom, adoptCurve, customState, setCustom } from './points.js';

export function buildDatasetPicker(previews) {
  const container = $('datasets');
  // Rows of five: the 2-D sets and "your data", then the 1-D sets and "your curve".
  const flat = DATASETS.filter((d) => !isCurveDataset(d)), curves = DATASETS.filter(isCurveDataset);
  for (const name of [...flat, 'custom', ...curves, 'curve']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'dataset';
    button.dataset.dataset = name;
    button.setAttribute('role', 'radio');
    // Named in the language in force, again on each change.
    const named = () => {
      const title = t(DATASET_TITLES[name] ?? name, undefined, 'dataset');
      button.setAttribute('aria-label', title);
      button.title = title;
    };
    named();
    onLanguageChange(named);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 52;
    button.append(canvas);
    if (previews[name]) drawPreview(canvas, previews[name]);
    else drawCustomIcon(canvas, name === 'curve' ? 'your curve' : 'your data');
    button.addEventListener('click', () => selectDataset(name));
    container.append(button);
  }
  // The thumbnails are painted on the panel's colour: repaint them in a new theme; the user-data
  // icons' words in a new language.
  onThemeChange(() => {
    for (const canvas of container.querySelectorAll('[data-dataset] canvas')) {
      const name = canvas.parentElement.dataset.dataset;
      if (previews[name]) drawPreview(canvas, previews[name]);
    }
    refreshCustomThumbnail();
  });
  onLanguageChange(refreshCustomThumbnail);
  onTextScaleChange(refreshCustomThumbnail);
  container.addEventListener('keydown', (e) => {  // arrow keys move within the radio group
    const buttons = [...container.querySelectorAll('button')];
    const i = buttons.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));  // -1 unless one of them
    if (i < 0) return;
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = buttons[(i + step + buttons.length) % buttons.length];
    next.focus();
    next.click();
  });
}

export function drawPreview(canvas, data) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = themeColors().panel;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const n = data.labels.length;
  const oneD = data.inputs === 1;  // y against x, y in [-1.5, 1.5]
  for (let i = 0; i < n; ++i) {
    const x = ((data.xy[2 * i] + 6) / 12) * canvas.width;
    const y = oneD ? ((1.5 - data.labels[i]) / 3) * canvas.height : ((6 - data.xy[2 * i + 1]) / 12) * canvas.height;
    const label = data.labels[i];
    ctx.fillStyle = data.problem === 'regression' ? (label >= 0 ? POSITIVE : NEGATIVE) : classColor(label);
    ctx.globalAlpha = data.problem === 'regression' ? Math.min(1, 0.25 + Math.abs(label)) : 1;
    ctx.fillRect(x - 1.2, y - 1.2, 2.4, 2.4);
  }
  ctx.globalAlpha = 1;
}

/** The icon of a user-data button: `message` ('your data', 'your curve') in two lines, in the language in force. */
export function drawCustomIcon(canvas, message = 'your data') {
  const text = t(message);
  const split = text.indexOf(' ');
  const words = split < 0 ? [text, ''] : [text.slice(0, split), text.slice(split + 1)];
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = themeColors().panel;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = themeColors().muted;
  // 11 px at the default font size, larger as the text grows while the longer word fits the icon.
  const font = (size) => `${size}px system-ui, sans-serif`;
  ctx.font = font(11);
  const widest = Math.max(...words.map((w) => ctx.measureText(w).width));
  const size = Math.min(11 * textScale(), Math.max(11, 11 * (canvas.width - 4) / widest));
  ctx.font = font(size);
  ctx.textAlign = 'center';
  ctx.fillText(words[0], canvas.width / 2, canvas.height / 2 - 3 * size / 11);
  ctx.fillText(words[1], canvas.width / 2, canvas.height / 2 + size);
}

export function selectDataset(name) {
  clearMessage();
  // The learner's points of that kind, kept aside while the other kind was in use, come back.
  const kept = page.otherCustom;
  if (name === 'custom' && (!page.custom || page.custom.inputs === 1)) {
    // 2-D points: those, else the data on show, or (on 1-D data, which has no x2) an empty plane to draw on.
    if (kept && kept.inputs !== 1) setCustom(kept);
    else if (page.engine.dataset().inputs === 1) setCustom({ xy: [], labels: [], problem: 'binary', classes: 2, inputs: 2 });
    else adoptCurrentPointsAsCustom();
  }
  if (name === 'curve' && page.custom?.inputs !== 1) {
    if (kept?.inputs === 1) setCustom(kept);
    else adoptCurve();
  }
  // customState(): the points go into the link, or a shared "your data" link would carry none.
  const next = isUserData(name) ? customState() : withDataset(page.state, name);
  // The learner's points all train by default, but for a validation share (see applyCustom); a
  // generated set gets test data back, the default training share beside the validation share (half
  // of what that leaves, when the default does not fit).
  const split = defaults().trainRatio;
  const all = trainingShareOfAll(next);
  if (isUserData(name) && !isUserData(page.state.dataset) && next.trainRatio === split) next.trainRatio = all;
  if (!isUserData(name) && isUserData(page.state.dataset) && next.trainRatio >= all) {
    next.trainRatio = split < all ? split : Number((all / 2).toFixed(6));
  }
  apply(withProblem(next, problemOf(page.state)));
}


/** The two user-data buttons: each shows the learner's points of its kind (in use or kept aside), else its icon. */
export function refreshCustomThumbnail() {
  for (const [name, icon] of [['custom', 'your data'], ['curve', 'your curve']]) {
    const canvas = document.querySelector(`#datasets [data-dataset="${name}"] canvas`);
    if (!canvas) continue;
    const points = [page.custom, page.otherCustom].find((c) => c && (c.inputs === 1) === (name === 'curve'));
    if (points && points.labels.length > 0) drawPreview(canvas, points);
    else drawCustomIcon(canvas, icon);
  }
}

// Feature thumbnails and dataset previews come from a second, short-lived engine, so the page's
// own engine is never touched for them.
export function makePreviews() {
  const preview = new Engine(page.module);
  const previews = {};
  try {
    for (const name of DATASETS) {
      const multiclass = datasetProblem(name) === 'multiclass';
      preview.configure({ dataset: name, points: 160, noise: 0.1, classes: 3, hidden: [],
        features: isCurveDataset(name) ? ['x1'] : ['x1', 'x2'],
        outputActivation: multiclass ? 'softmax' : datasetProblem(name) === 'regression' ? 'linear' : 'tanh',
        loss: multiclass ? 'softmax_ce' : 'mse' });
      const d = preview.dataset();
      previews[name] = { xy: d.xy, labels: d.labels, problem: d.problem, inputs: d.inputs };
    }
    preview.configure({ dataset: 'xor', features: ALL_FEATURES, hidden: [], outputActivation: 'tanh', loss: 'mse' });
    const grid = preview.evaluateGrid(GRID, -6, 6);
    page.featureGrid = { g: GRID, values: grid.values.subarray(0, ALL_FEATURES.length * GRID * GRID) };
  } finally {
    preview.dispose();
  }
  return previews;
}
