// What a shared link sets up: the settings (parseHash), the points it carries, and one message
// naming every key it could not read and every setting the page had to change to make it fit
// (e.g. xor with loss=bce: "loss bce → mse (bce needs a sigmoid output)").
// Pure: no DOM, no engine. The controller applies the result and shows the message, composed
// again once the link's language is in force (linkMessage).
import { parseHashNaming, decodePoints, defaults, withDataset, runBState, runBDiff, withRunBPair } from './state.js';
import { fitToProblem, datasetProblem, followData } from './rules.js';
import { t } from './i18n/i18n.js';
import { formatClauses } from './views/format.js';
import { translateMessage } from './message-templates.js';

const supplied = (dataset) => dataset === 'custom' || dataset === 'curve';

// The learner's points by kind: a drawn curve has one input (x), drawn or imported points two.
const inputsOf = (points) => (points.inputs === 1 ? 1 : 2);

/**
 * @param {string} hash location.hash
 * @param {{ current?: { problem: string, inputs?: number }|null, kept?: { problem: string, inputs?: number }|null }} [page]
 *   the learner's points the page holds: in use, and of the other kind kept aside
 * @returns {{ state: object, custom: object|null, own: object|null, notes: object, message: string }} custom: the link's points
 *   ({ xy, labels, problem, classes }) or null; own: the page's points the link's "your data" or
 *   "your curve" runs on when it carries none (current or kept, of that kind), else null; notes:
 *   what linkMessage() says; message: '' when the link was read as written
 */
export function readLink(hash, { current = null, kept = null } = {}) {
  const parsed = parseHashNaming(hash);
  let { state } = parsed;
  const { errors } = parsed;
  // The default dataset with the keys that follow the dataset (features, points) at its defaults
  // too: a curve's lone x1 would otherwise stay on XOR.
  const useDefaultDataset = () => { state = withDataset(state, defaults().dataset); };
  const unread = [...errors];
  /** @type {ReturnType<typeof decodePoints> & { inputs?: number }} */
  let custom = null;
  // Drawn points ride along in the link even while a generated dataset is shown, so the learner
  // can go back to them.
  if (state.data) {
    try {
      custom = decodePoints(state.data);
    } catch (e) {
      unread.push(`${e.message}${supplied(state.dataset) ? '; using the default dataset' : ''}`);
      if (supplied(state.dataset)) useDefaultDataset();
      state.data = '';
    }
  }
  // Without points of its own, the page's of the kind it names: a curve link never trains 2-D
  // points' x1 against their classes, nor a "your data" link a curve as 2-D points.
  const own = supplied(state.dataset) && !custom
    ? [current, kept].find((c) => c && inputsOf(c) === (state.dataset === 'curve' ? 1 : 2)) ?? null : null;
  if (supplied(state.dataset) && !custom && !own) {
    unread.push(`the link names ${state.dataset} data but carries no points; using the default dataset`);
    useDefaultDataset();
  }
  // A drawn curve's points are 1-D regression: x2 0 (any other points are not a curve).
  if (state.dataset === 'curve' && custom && (custom.problem !== 'regression' || custom.xy.some((v, k) => k % 2 === 1 && v !== 0))) {
    unread.push('the link\'s points are not a curve (x -> y); using the default dataset');
    useDefaultDataset();
    custom = null;
  }
  if (custom) custom.inputs = state.dataset === 'curve' ? 1 : 2;
  const problem = state.dataset === 'custom' ? (custom ?? own).problem : datasetProblem(state.dataset);
  // An output or loss the link leaves out follows the data finally shown (parseHash followed the
  // data the link named, which may have given way to the default set or to the page's own points).
  const table = defaults();
  state = followData(state, parsed.named, problem, { outputActivation: table.outputActivation, loss: table.loss });
  const fitted = fitToProblem(state, problem);
  // Run B's output and loss as the link names them, those it leaves out following run A's as
  // read and the data finally shown.
  const b = withRunBPair(fitted.state, state.b, parsed.namedB, problem);
  // Run B is fitted on its own: an output or loss it sets that does not fit the data is changed too.
  const fittedB = fitToProblem(runBState({ ...fitted.state, b }), problem);
  const changesB = fittedB.changes.filter((c) => Object.hasOwn(b, c.key));
  const result = { ...fitted.state, b: runBDiff(fitted.state, fittedB.state) };
  const notes = { unread, changes: fitted.changes.map((c) => c.text), changesB: changesB.map((c) => c.text), problem };
  return { state: result, custom, own, notes, message: linkMessage(notes) };
}

/**
 * The message of readLink's notes in the language in force (the link's own language is known only
 * once its settings are applied): '' when there is nothing to say.
 * @param {{ unread: string[], changes: string[], changesB: string[], problem: string }} notes
 */
export function linkMessage({ unread, changes, changesB, problem }) {
  const list = (texts) => formatClauses(texts.map(translateMessage));
  const data = t(problem, undefined, 'problem');  // the problem's id ('binary') in the language in force
  const parts = [];
  if (unread.length) parts.push(t('Some settings in the link were not understood and use their defaults: {problems}.', { problems: list(unread) }));
  if (changes.length) parts.push(t('Some settings in the link do not fit {problem} data and were changed: {changes}.', { problem: data, changes: list(changes) }));
  if (changesB.length) parts.push(t('Some of run B\'s settings do not fit {problem} data and were changed: {changes}.', { problem: data, changes: list(changesB) }));
  return parts.join(' ');
}
