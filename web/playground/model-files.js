// Model files: save the network as JSON, load one back (model-file.js reads and writes the format).
import { SETTINGS } from '../state.js';
import { modelToJson, parseModel } from '../model-file.js';
import { page, $ } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { apply } from './settings.js';
import { startHistory } from './training.js';
import { download } from './download.js';

export function saveModel() {
  const text = modelToJson({
    settings: page.engine.settings(), layerSizes: page.engine.layerSizes(),
    params: page.engine.params(), epoch: page.engine.progress().epoch,
  });
  download('backprop-model.json', text, 'application/json');
}

export async function loadModel(file) {
  clearMessage();
  try {
    const model = parseModel(await file.text());
    const next = { ...page.state, ...pick(model.settings, SETTINGS.filter((e) => e.engine).map((e) => e.key)) };
    if (next.dataset === 'custom' && !page.custom) next.dataset = page.state.dataset === 'custom' ? 'xor' : page.state.dataset;
    if (!apply(next)) return;
    page.engine.setParams(model.params);
    startHistory();
    page.dirty = true;
    showMessage(`Loaded ${file.name} (trained ${model.epoch} epochs).`, 'info');
  } catch (e) {
    showMessage(`Could not load ${file.name}: ${e.message}`);
  }
}

export function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k]]));
}

/** Wires Save model and Load model. */
export function wireModelFiles() {
  $('model-save').addEventListener('click', saveModel);
  $('model-load').addEventListener('change', (e) => {
    const file = e.target.files[0];
    if (file) loadModel(file);
    e.target.value = '';
  });
}
