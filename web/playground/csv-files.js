// CSV import and export of the dataset (csv.js parses and writes; this wires the buttons).
import { parseCsv, toCsv, csvSizeProblem } from '../csv.js';
import { page, $, noPoints } from './page.js';
import { showMessage, clearMessage } from './messages.js';
import { t, tn } from '../i18n/i18n.js';
import { translateMessage } from '../message-templates.js';
import { apply, problemOf, withProblem } from './settings.js';
import { setCustom, customState } from './points.js';
import { download } from './download.js';

export async function importCsv(file) {
  clearMessage();
  try {
    const tooBig = csvSizeProblem(file.size);  // before reading
    if (tooBig) throw new Error(tooBig);
    const parsed = parseCsv(await file.text());
    const previousProblem = problemOf(page.state);
    // 1-D data (x,y columns, or an older export's x2 = 0 regression) comes back as a curve ("your curve").
    setCustom({ xy: Array.from(parsed.xy), labels: Array.from(parsed.labels), problem: parsed.problem, classes: parsed.classes, inputs: parsed.inputs });
    const next = withProblem(customState(), previousProblem);
    if (apply(next)) {
      showMessage(tn('Imported {n} point ({problem}).', 'Imported {n} points ({problem}).', parsed.labels.length, { problem: t(parsed.problem, undefined, 'problem') }), 'info');
    }
  } catch (e) {
    showMessage(t('Could not import {file}: {reason}', { file: file.name, reason: translateMessage(e.message) }));
  }
}

/** Wires the Import CSV and Export CSV controls. */
export function wireCsv() {
  $('csv-import').addEventListener('change', (e) => {
    const input = /** @type {HTMLInputElement} */ (e.target);
    const file = input.files[0];
    if (file) importCsv(file);
    input.value = '';
  });
  $('csv-export').addEventListener('click', () => {
    const d = noPoints() ? page.custom : page.engine.dataset();  // after Clear: the engine's data is stale
    download('backprop-data.csv', toCsv(d.xy, d.labels, { inputs: d.inputs }), 'text/csv');
  });
}
