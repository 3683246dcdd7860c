// The caption under an exported figure: the settings that shape what it shows, in the page's own
// words (state.js's labels) and numbers (views/format.js), then the epoch and the test loss.
// Pure: no DOM, so Node tests it (tests/web/figure-caption.test.mjs).
import { SETTINGS } from '../state.js';
import { formatNumber, formatFixed, formatList } from '../views/format.js';
import { t } from '../i18n/i18n.js';

const LABEL = Object.fromEntries(SETTINGS.map((e) => [e.key, e.label]));
// Always named, in this order; the regularisers only when they act (a rate above 0).
const KEYS = ['dataset', 'features', 'hidden', 'activation', 'outputActivation', 'loss', 'optimizer', 'learningRate', 'batchSize'];
const REGULARISERS = ['l1', 'l2', 'dropout'];

const show = (v) => (Array.isArray(v) ? (v.length ? formatList(v.map(show)) : t('none')) : typeof v === 'number' ? formatNumber(v, { digits: 4 }) : String(v));

/**
 * @param {object} state the page's settings (state.js)
 * @param {{ epoch: number, testLoss: number }} run
 * @returns {string[]} e.g. ['dataset xor', 'features x1, x2', ..., 'epoch 120', 'test loss 0.0123']
 */
export function captionParts(state, { epoch, testLoss }) {
  const keys = [...KEYS, ...REGULARISERS.filter((k) => state[k] > 0)];
  return [
    // In the context 'setting': a label in this lower-case list ('L1 rate') may also head a control, capitalised.
    ...keys.map((k) => `${t(LABEL[k], undefined, 'setting')} ${show(state[k])}`),
    t('epoch {n}', { n: epoch }),
    // As the Output panel shows it (render.js): four decimals.
    t('test loss {value}', { value: formatFixed(testLoss, 4) }),
  ];
}

/** The file's name: backprop-<figure>-epoch-<n>.<ext>, e.g. backprop-decision-boundary-epoch-120.png. */
export function figureFileName(figure, epoch, ext) {
  return `backprop-${figure}-epoch-${epoch}.${ext}`;
}
