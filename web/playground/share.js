// The Share / embed dialog: the link to this set-up, the controls to hide from learners (in named
// groups read from the page, with presets), the parts to embed, the iframe's size (measured from
// the real content), a warning when the chosen size scrolls or hides the output plot, copy buttons
// and a live preview. Not here: measuring and previewing frames (embed-frames.js), embed mode (embed.js).
import { SETTINGS, HIDEABLE, MAX_LINK_POINTS, serializeHash, engineSettings } from '../state.js';
import { iframeSnippet, createPartOptions, pageLink } from '../embed.js';
import { joinHash } from '../course/route.js';
import { page, $, isUserData, noPoints } from './page.js';
import { showMessage } from './messages.js';
import { t } from '../i18n/i18n.js';
import { formatClauses } from '../views/format.js';
import { canMeasure, createEmbedFrame } from './embed-frames.js';

// page.js's $ and querySelectorAll typed as the dialog's fields, for their values.
/** @type {(id: string) => HTMLInputElement} */
const input = $;
/** @type {(id: string) => HTMLTextAreaElement} */
const textarea = $;
/** @type {(root: ParentNode, selector: string) => NodeListOf<HTMLInputElement>} */
const inputsIn = (root, selector) => root.querySelectorAll(selector);

// Why a link cannot carry the learner's points, or '' when it can (or there are none in use).
function pointsProblem() {
  if (!isUserData(page.state.dataset) || page.state.data) return '';
  return noPoints() ? t('Your data has no points yet, so a link would carry none: draw some first.')  // after Clear: nothing to carry, not too much
    : t('Your data has more than {max} points, too many for a link: export it as CSV to share it.', { max: MAX_LINK_POINTS });
}

export function shareUrl(hide, embed = []) {
  let state = { ...page.state, hide, embed };
  // An embed without the comparison would train run B out of sight: it leaves the comparison out.
  if (embed.length && !embed.includes('compare')) state = { ...state, compare: false, b: {} };
  // Said in the dialog too (updateShareLink), which covers the message bar while open.
  const problem = pointsProblem();
  if (problem) showMessage(problem, 'info', { until: () => !pointsProblem() });
  return pageLink(location, joinHash(page.routeHash(), serializeHash(state)));
}

// ---- hideable controls, grouped ----

// The settings that fight overfitting form their own group; the rest of the training settings are
// those the core's schema says keep the weights. Everything else is grouped by where it sits.
const REGULARISATION = new Set(['l1', 'l2', 'dropout', 'earlyStopping', 'patience']);
// Parts a chapter adds to the page when it is shown (so they may be absent right now).
const CHAPTER_PARTS = new Set(['lessons', 'graphLesson']);
export const GROUPS = ['Run', 'Data', 'Network', 'Training', 'Regularisation', 'Output', 'Diagnostics and chapters'];

function groupOf(key, el) {
  if (REGULARISATION.has(key)) return 'Regularisation';
  if (page.engine.keepsWeights(key) || key === 'speed') return 'Training';
  if (CHAPTER_PARTS.has(key) || el.closest('details.layers, #step-panel')) return 'Diagnostics and chapters';
  if (el.closest('.run-controls')) return 'Run';
  if (el.closest('#data-panel')) return 'Data';
  if (el.closest('#output-panel')) return 'Output';
  return 'Network';  // the network panel and the header's remaining setting (the activation)
}

// The panels by name (a message each: the words around a heading differ between languages), and
// parts with no label of their own: icon-only buttons (play: the run buttons; step: the One step
// button and the step mode) and the chapter's lessons.
const NAMED = { dataPanel: 'Data panel', networkPanel: 'Features and network panel', outputPanel: 'Output panel',
  stepPanel: 'Watch one training step panel', graphLesson: 'graph lesson', csv: 'Import CSV, Export CSV',
  play: 'run buttons', step: 'one step and step mode', lessons: 'chapter lessons' };

function labelOf(key, el) {
  const entry = SETTINGS.find((e) => e.key === key);
  if (entry) return entry.label;
  if (NAMED[key] && !el?.matches('section')) return NAMED[key];
  const heading = el?.querySelector(':scope > h2, :scope > .panel-title h2, :scope > summary, :scope > legend');
  if (heading) return NAMED[key] ?? heading.textContent.trim();
  const text = el?.textContent.trim().replace(/\s+/g, ' ');
  if (text && text.length <= 24) return text;
  return NAMED[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The hideable controls on the page, each { key, label, group }, in HIDEABLE's order. */
export function hideableControls(doc = document) {
  const out = [];
  for (const key of HIDEABLE) {
    const el = doc.querySelector(`[data-hide="${key}"]`);
    if (!el && !CHAPTER_PARTS.has(key)) continue;  // no such control on this page: hiding it would do nothing
    out.push({ key, label: labelOf(key, el), group: groupOf(key, el ?? doc.body) });
  }
  return out;
}

// The hidden controls the page's link set when the boxes last followed it. The boxes are built
// before the link loads: they take a link's hide= when the dialog opens after a new one (the link
// opened, or one followed), and keep the teacher's own ticks while no other link comes.
let linkHide = [];
function tickLinkHidden() {
  const hide = page.state.hide;
  if (hide.join() === linkHide.join()) return;
  linkHide = hide.slice();
  for (const box of inputsIn(document, '#hide-options input[data-option]')) box.checked = hide.includes(box.value);
}

const hiddenKeys = () => [...inputsIn(document, '#hide-options input[data-option]:checked')]
  .map((el) => el.value).sort((a, b) => HIDEABLE.indexOf(a) - HIDEABLE.indexOf(b));

// Presets: what each hides (a function of the controls) and, for some, the parts it embeds.
const inGroups = (...groups) => (c) => groups.includes(c.group);
// The panel that shows each embeddable part. A preset that embeds parts keeps their panels: each
// panel sits in the group of the controls inside it, so hiding a group would hide the part itself
// (Output only once embedded the run buttons over an empty frame).
const PART_PANELS = { data: 'dataPanel', network: 'networkPanel', output: 'outputPanel' };
const embedding = (parts, hides) => ({ parts, hides: (c) => hides(c) && !parts.some((p) => PART_PANELS[p] === c.key) });
/** @type {{ name: string, hides: (c: { key: string, group: string }) => boolean, parts?: string[] }[]} */
const PRESETS = [
  { name: 'Everything', hides: () => false },
  { name: 'Hide advanced', hides: (c) => (c.group === 'Training' && c.key !== 'learningRate') ||
      inGroups('Regularisation', 'Diagnostics and chapters')(c) || ['more', 'csv', 'model', 'dataSeed', 'seed'].includes(c.key) },
  // The output plot and the run buttons, nothing to change.
  { name: 'Output only', ...embedding(['output', 'controls'], (c) => c.group !== 'Run') },
  // The learner changes the network and watches it train; the data and the training are the teacher's.
  { name: 'Student exercise', ...embedding(['network', 'output', 'controls'], (c) => !inGroups('Run', 'Network')(c) || c.key === 'more') },
];

// ---- the dialog's state ----

let controls = [];
let autoSize = true;          // the width and height follow the measurement until edited by hand
let measured = null;          // { src, width, height } of the last measurement
let generation = 0;           // bumps on every change; stale measurements and previews are dropped
let timer = 0;
let embedFrame = null;       // the measured and previewed embed (embed-frames.js)

const embedSrc = () => shareUrl(hiddenKeys(), page.embedParts());

// Settings the run trained under before those of now (a learning rate lowered mid-run, which keeps
// the weights): { labels, epoch } with the epoch from which the settings of now hold, or null. A
// link carries the settings of now only, from epoch 0.
function earlierSettings() {
  const periods = page.history.settings;
  const now = engineSettings(page.state);
  const labels = new Set();
  let epoch = 0;
  for (let i = 0; i + 1 < periods.length; ++i) {
    const then = engineSettings(periods[i].state);
    const differ = SETTINGS.filter((e) => e.engine && JSON.stringify(then[e.key]) !== JSON.stringify(now[e.key]));
    for (const e of differ) labels.add(e.label);
    if (differ.length) epoch = periods[i + 1].epoch;
  }
  return labels.size ? { labels: [...labels], epoch } : null;
}

export function updateShareLink() {
  const hide = hiddenKeys();
  input('share-url').value = shareUrl(hide);
  // A link carries settings, not weights: it cannot reproduce a run from edited or loaded ones.
  const note = $('share-weights-note');
  note.hidden = !page.editedWeights;
  note.textContent = page.editedWeights ? t('This link starts from the seed\'s initial weights, not the weights edited in the diagram or loaded from a model file: save the model to share those.') : '';
  const pointsNote = $('share-points-note');
  pointsNote.textContent = pointsProblem();
  pointsNote.hidden = !pointsNote.textContent;
  const earlier = earlierSettings();
  const settingsNote = $('share-settings-note');
  settingsNote.hidden = !earlier;
  settingsNote.textContent = earlier ? t('Until epoch {epoch} this run trained under other settings ({settings}): the link starts a fresh run under the settings of now from epoch 0, so it will not retrace the run shown.',
    { epoch: Math.floor(earlier.epoch), settings: earlier.labels.map((label) => t(label)).join(', ') }) : '';
  textarea('embed-code').value = iframeSnippet(shareUrl(hide, page.embedParts()),
    Number(input('embed-width').value) || 0, Number(input('embed-height').value) || 0);
  for (const group of document.querySelectorAll('#hide-options .hide-group')) {
    const boxes = [...inputsIn(group, 'input[data-option]')];
    const on = boxes.filter((b) => b.checked).length;
    /** @type {HTMLInputElement} */
    const all = group.querySelector('input[data-group]');
    all.checked = on === boxes.length;
    all.indeterminate = on > 0 && on < boxes.length;
  }
  const hidden = new Set(hide);
  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('#share-presets button'))) {
    const preset = PRESETS[Number(button.dataset.preset)];
    const same = controls.every((c) => preset.hides(c) === hidden.has(c.key)) &&
      (!preset.parts || preset.parts.join() === page.embedParts().join());
    button.setAttribute('aria-pressed', String(same));
  }
}

// Something the embed depends on changed: new link, then (debounced) a new measurement and preview.
function changed({ remeasure = true } = {}) {
  updateShareLink();
  generation += 1;
  clearTimeout(timer);
  if (!/** @type {HTMLDialogElement} */ ($('share-dialog')).open) return;
  $('share-dialog').dataset.state = 'measuring';
  timer = setTimeout(() => refresh(generation, remeasure), 250);
}

async function refresh(gen, remeasure) {
  const dialog = $('share-dialog');
  if (!canMeasure()) {
    $('embed-size-note').textContent = 'Served from a web server, this dialog measures the size the embed needs and previews it; opened as a file it cannot.';
    dialog.dataset.state = 'ready';
    return;
  }
  const src = embedSrc();
  const stale = () => gen !== generation;
  try {
    await embedFrame.open(src);
    if (remeasure || measured?.src !== src) {
      const size = await embedFrame.measure(stale);
      if (stale() || !size) return;
      measured = { src, width: size.width, height: size.height };
      $('embed-size-note').textContent = t('Measured: these parts need {width} × {height} px without scrolling.', size);
      if (autoSize) {
        input('embed-width').value = String(size.width);
        input('embed-height').value = String(size.height);
        updateShareLink();
      }
    }
  } catch (e) {
    if (stale()) return;
    $('embed-size-note').textContent = t('The size could not be measured: {reason}.', { reason: e.message });
    warn({ failed: true }, Number(input('embed-width').value) || 0, Number(input('embed-height').value) || 0);
    dialog.dataset.state = 'ready';
    return;
  }
  const width = Number(input('embed-width').value) || 0;
  const height = Number(input('embed-height').value) || 0;
  dialog.dataset.state = 'previewing';
  let seen;
  try {
    seen = width > 0 && height > 0 ? await embedFrame.show(width, height) : { failed: true };
  } catch {
    seen = { failed: true };
  }
  if (stale()) return;
  warn(seen, width, height);
  dialog.dataset.state = 'ready';
}

function warn(seen, width, height) {
  const box = $('embed-warning');
  const problems = [];
  if (seen.failed) problems.push(t('the preview did not start'));
  if (seen.plotHidden) problems.push(t('the output plot is cut off or out of view'));
  if (seen.scrolls) problems.push(t('the frame scrolls (its content needs {width} × {height} px)', { width: Math.max(width, seen.needWidth), height: Math.max(height, seen.needHeight) }));
  box.hidden = problems.length === 0;
  box.textContent = problems.length ? t('At {width} × {height}: {problems}.', { width, height, problems: formatClauses(problems) }) +
    (measured ? ` ${t('{width} × {height} fits.', measured)}` : '') : '';
}

// ---- building the dialog ----

export function buildHideOptions() {
  const container = $('hide-options');
  controls = hideableControls();
  for (const group of GROUPS) {
    const members = controls.filter((c) => c.group === group);
    if (!members.length) continue;
    const fieldset = Object.assign(document.createElement('fieldset'), { className: 'hide-group' });
    const legend = document.createElement('legend');
    const all = Object.assign(document.createElement('input'), { type: 'checkbox' });
    all.dataset.group = group;
    const allLabel = Object.assign(document.createElement('label'), { className: 'check' });
    allLabel.append(all, ` ${group}`);
    legend.append(allLabel);
    const options = Object.assign(document.createElement('div'), { className: 'options' });
    for (const c of members) {
      const label = Object.assign(document.createElement('label'), { className: 'check' });
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: c.key });
      box.dataset.option = '';
      box.addEventListener('change', () => changed());
      label.append(box, ` ${c.label}`);
      options.append(label);
    }
    all.addEventListener('change', () => {
      for (const box of options.querySelectorAll('input')) box.checked = all.checked;
      changed();
    });
    fieldset.append(legend, options);
    container.append(fieldset);
  }
  PRESETS.forEach((preset, i) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: preset.name });
    button.dataset.preset = String(i);
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => applyPreset(preset));
    $('share-presets').append(button);
  });
}

function applyPreset(preset) {
  const hides = new Set(controls.filter(preset.hides).map((c) => c.key));
  for (const box of inputsIn(document, '#hide-options input[data-option]')) box.checked = hides.has(box.value);
  if (preset.parts) {
    for (const box of inputsIn(document, '#embed-options input')) box.checked = preset.parts.includes(box.value);
  }
  changed();
}

// The embed choices: which parts, and the iframe's size (measured for the parts, editable).
export function buildEmbedOptions() {
  page.embedParts = createPartOptions($('embed-options'), ['controls', 'network', 'output'], () => changed());
  input('embed-width').value = '600';
  input('embed-height').value = '500';
  for (const id of ['embed-width', 'embed-height']) {
    $(id).addEventListener('input', () => {
      autoSize = false;
      changed({ remeasure: false });
    });
  }
  $('embed-fit').addEventListener('click', () => {
    autoSize = true;
    if (measured) {
      input('embed-width').value = String(measured.width);
      input('embed-height').value = String(measured.height);
    }
    changed({ remeasure: !measured });
  });
  $('embed-code').addEventListener('focus', (e) => /** @type {HTMLTextAreaElement} */ (e.target).select());
  embedFrame = createEmbedFrame($('embed-preview'));
  // Opened as a file, nothing is measured or previewed (the size note says so): no button that
  // does nothing, no empty preview box.
  if (!canMeasure()) {
    $('embed-fit').hidden = true;
    $('embed-preview').parentElement.hidden = true;
  }
}

// Copies a field's text: the Clipboard API, or, where the browser refuses it, the old
// select-and-copy; if that fails too, the text is left selected with a note to press Ctrl+C.
async function copyField(id) {
  /** @type {HTMLInputElement|HTMLTextAreaElement} */
  const field = $(id);
  const status = $('copy-status');
  let ok = false;
  try {
    await navigator.clipboard.writeText(field.value);
    ok = true;
  } catch {
    field.focus();
    field.select();
    try { ok = document.execCommand('copy'); } catch { ok = false; }
  }
  const link = id === 'share-url';
  status.classList.toggle('failed', !ok);
  status.textContent = ok ? (link ? t('Copied the link.') : t('Copied the HTML.'))
    : link ? t('Copying was refused: the link is selected, press Ctrl+C (⌘C on a Mac).') : t('Copying was refused: the HTML is selected, press Ctrl+C (⌘C on a Mac).');
}

/** Wires the Share / embed button and the dialog (Esc and × close it; focus returns to the button). */
export function wireShare() {
  /** @type {HTMLDialogElement} */
  const dialog = $('share-dialog');
  $('share').addEventListener('click', () => {
    tickLinkHidden();
    dialog.showModal();
    // The comparison is embedded while it is open, as the rest of the set-up is.
    input('embed-part-compare').checked = page.state.compare;
    $('copy-status').textContent = '';
    changed();
    input('share-url').focus();
    input('share-url').select();
  });
  $('share-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    generation += 1;            // drop measurements in flight
    clearTimeout(timer);
    embedFrame.clear();  // stop the preview's playground
    delete dialog.dataset.state;
    $('share').focus();
  });
  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (dialog.querySelectorAll('button[data-copy]'))) {
    button.addEventListener('click', () => copyField(button.dataset.copy));
  }
}
