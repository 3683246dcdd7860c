// Model files: save the network as JSON, load one back (model-file.js reads and writes the format).
import { modelToJson, parseModel, planModelLoad, modelSizeProblem } from '../model-file.js';
import { page, $, noPoints, NO_POINTS_MESSAGE } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { t, tn } from '../i18n/i18n.js';
import { formatClauses } from '../views/format.js';
import { translateMessage } from '../message-templates.js';
import { apply } from './settings.js';
import { setCustom, customState } from './points.js';
import { startHistory } from './training.js';
import { download } from './download.js';

export function saveModel() {
  if (noPoints()) { showMessage(NO_POINTS_MESSAGE, 'info', { until: () => !noPoints() }); return; }  // no data, no trained model to save
  const params = page.engine.params();
  // Diverged weights (NaN, infinite) make no model: say so, as modelToJson would refuse them.
  if (!params.every(Number.isFinite)) {
    showMessage(t('There is no model to save: the weights diverged (they are no longer finite numbers). Lower the learning rate, then reset.'));
    return;
  }
  const text = modelToJson({
    settings: page.engine.settings(), layerSizes: page.engine.layerSizes(),
    params, epoch: page.engine.progress().epoch, problem: page.engine.dataset().problem,
  });
  download('backprop-model.json', text, 'application/json');
}

export async function loadModel(file) {
  clearMessage();
  try {
    const tooBig = modelSizeProblem(file.size);  // before reading: a huge file would freeze the page
    if (tooBig) throw new Error(tooBig);
    const model = parseModel(await file.text());
    // Checked whole before anything changes: a refused model keeps the weights, link and history.
    const plan = planModelLoad(model, page.state, page.custom, page.otherCustom);
    const before = { state: page.state, params: page.engine.params(), history: page.history, custom: page.custom };
    // The learner's points of the model's kind, kept aside, come back, in the link too (the others
    // are kept aside in turn).
    let next = plan.state;
    if (plan.points && plan.points !== page.custom) {
      setCustom(plan.points);
      next = { ...next, data: customState().data };
    }
    if (!apply(next)) {
      if (page.custom !== before.custom) { setCustom(before.custom); apply(before.state, { quiet: true }); }
      return;
    }
    try {
      // A fresh run from these weights, as the message says: reset() puts the epoch, Adam's
      // moments and the decay schedule back at 0 (even when the settings above changed nothing),
      // and draws the seed's weights, which the model's replace.
      page.engine.reset();
      page.engine.setParams(model.params);
    } catch (e) {
      // Not expected: the plan checked the layer sizes apply() gives. Should it happen, the
      // settings, points and weights come back (the epoch and optimiser state cannot).
      if (page.custom !== before.custom) setCustom(before.custom);
      apply(before.state, { quiet: true });
      page.engine.setParams(before.params);
      page.history = before.history;
      page.metrics = page.engine.metrics();
      throw e;
    }
    startHistory();
    page.editedWeights = page.engine.params().slice();
    // Compared runs learn from the same weights: run B from the model's too, where it can.
    const runBApart = page.compare && !page.compare.startFrom(model.params)
      ? ` ${t('Run B has a network of another shape: it starts from its own initial weights.')}` : '';
    page.dirty = true;
    const notes = plan.notes.length ? ` ${t('Changed to fit this page: {notes}.', { notes: formatClauses(plan.notes.map(translateMessage)) })}` : '';
    // The engine's epoch (the counter, the chart, the decay schedule, Adam's step) starts again at 0:
    // say so rather than claim the loaded model's epoch count carries on.
    const loaded = model.epoch > 0
      ? tn('Loaded: {file} holds the weights saved after {n} epoch; training on from them counts from epoch 0 again (with a fresh optimiser state and learning-rate schedule).',
        'Loaded: {file} holds the weights saved after {n} epochs; training on from them counts from epoch 0 again (with a fresh optimiser state and learning-rate schedule).',
        model.epoch, { file: file.name })
      : t('Loaded: {file} holds untrained weights.', { file: file.name });
    showMessage(`${loaded}${notes}${runBApart}`, notes || runBApart ? 'warning' : 'info');
  } catch (e) {
    showMessage(t('Could not load {file}: {reason}', { file: file.name, reason: translateMessage(e.message) }));
  }
}

/** Wires Save model and Load model. */
export function wireModelFiles() {
  $('model-save').addEventListener('click', saveModel);
  $('model-load').addEventListener('change', (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const file = input.files[0];
    if (file) loadModel(file);
    input.value = '';
  });
}
