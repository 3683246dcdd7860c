// Which output activation and loss suit which problem, so the page only offers valid pairs and
// moves to a sensible pair when the problem changes. A copy of the core's pairings
// (core/include/backprop/settings_schema.hpp: output_activations_for, losses_for, default_pairing), needed before
// the wasm loads (a link is fitted as it is read); tests/wasm/settings-schema.test.mjs holds it to
// them, and the engine still rejects an invalid pair.

/** Output activations offered for a problem ('binary' | 'multiclass' | 'regression'). */
export function outputActivations(problem) {
  const elementwise = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus'];
  return problem === 'multiclass' ? ['softmax', ...elementwise] : elementwise;
}

/** Losses valid for an output activation on a problem. */
export function losses(problem, outputActivation) {
  if (problem === 'regression') return ['mse'];
  if (outputActivation === 'softmax') return ['softmax_ce'];
  if (outputActivation === 'sigmoid') return ['bce', 'mse'];
  return ['mse'];
}

/** The pair a problem starts from: tanh + MSE (binary, like TensorFlow Playground), softmax +
 * cross-entropy (multi-class), linear + MSE (regression). */
export function defaultPair(problem) {
  if (problem === 'multiclass') return { outputActivation: 'softmax', loss: 'softmax_ce' };
  if (problem === 'regression') return { outputActivation: 'linear', loss: 'mse' };
  return { outputActivation: 'tanh', loss: 'mse' };
}

/**
 * Returns state with outputActivation and loss made valid for `problem`: kept when valid,
 * otherwise the loss falls back to the first valid one, or the pair to the problem's default.
 */
export function coherent(state, problem) {
  if (!outputActivations(problem).includes(state.outputActivation)) {
    return { ...state, ...defaultPair(problem) };
  }
  const valid = losses(problem, state.outputActivation);
  return valid.includes(state.loss) ? state : { ...state, loss: valid[0] };
}

/**
 * The output activation and loss a link means when it leaves one or both out (`named`: the keys
 * it sets): the pair of its data's problem, as picking that data by hand gives (blobs: softmax +
 * cross-entropy, a regression set a linear output). A named key is kept as written; the other
 * follows the data where the data's choice fits it, else takes `fallback` (the table's default),
 * as a link read before links followed their data did. A named key no partner makes valid on this
 * data (loss=bce on a regression set) is refused later (fitToProblem names it), so the other
 * follows the data as if it were not named: the plane with loss=bce opens on its linear output.
 * @param {{ outputActivation: string, loss: string }} state
 * @param {Set<string>} named
 * @param {string} problem 'binary' | 'multiclass' | 'regression'
 * @param {{ outputActivation: string, loss: string }} fallback
 */
export function followData(state, named, problem, fallback) {
  return followPairs(state, named, problem, [defaultPair(problem), fallback]);
}

/**
 * Run B's output and loss when a comparison link names only some of them (`namedB`: the b. keys
 * it sets, their values in stateB): a left-out one is run A's, as any b. key left out is, where
 * that fits the named one; else it follows the data by followData's rule (the data's, else
 * `fallback`), so `b.loss=mse` on blobs is a tanh output with MSE, as `loss=mse` is for run A.
 * @param {{ outputActivation: string, loss: string }} stateB
 * @param {Set<string>} namedB
 * @param {{ outputActivation: string, loss: string }} stateA run A's pair
 * @param {string} problem
 * @param {{ outputActivation: string, loss: string }} fallback
 */
export function followRunA(stateB, namedB, stateA, problem, fallback) {
  return followPairs(stateB, namedB, problem, [stateA, defaultPair(problem), fallback]);
}

const validPair = (problem, outputActivation, loss) =>
  outputActivations(problem).includes(outputActivation) && losses(problem, outputActivation).includes(loss);

// A named value some partner makes valid on this problem's data.
function possible(problem, key, value) {
  const outputs = outputActivations(problem);
  return key === 'outputActivation' ? outputs.includes(value) : outputs.some((o) => losses(problem, o).includes(value));
}

// The pair with the left-out keys taken from the first of `choices` that fits the named key
// still possible (the last choice when none fits); a named key stays as written.
function followPairs(state, named, problem, choices) {
  const kept = [...named].filter((k) => possible(problem, k, state[k]));
  const pick = (key) => {
    if (kept.length === 0) return choices[0][key];
    const other = kept[0];
    const fits = choices.find((c) => (key === 'outputActivation' ? validPair(problem, c[key], state[other]) : validPair(problem, state[other], c[key])));
    return (fits ?? choices[choices.length - 1])[key];
  };
  const next = { ...state };
  for (const key of ['outputActivation', 'loss']) if (!named.has(key)) next[key] = pick(key);
  return next;
}

/** The problem a generated dataset poses (custom data carries its own; a drawn curve is regression). */
export function datasetProblem(dataset) {
  if (dataset === 'blobs' || dataset === 'multi_spiral') return 'multiclass';
  if (dataset === 'plane' || dataset === 'multi_gaussian' || isCurveDataset(dataset)) return 'regression';
  return 'binary';
}

const CURVES = ['sine', 'step', 'abs', 'bump', 'curve'];
/** True for the 1-D sets (x -> y): one input, x1 (core/include/backprop/dataset.hpp dataset_inputs). */
export function isCurveDataset(dataset) { return CURVES.includes(dataset); }
const USES_X2 = ['x2', 'x2^2', 'x1*x2', 'sin_x2'];

/**
 * The state's features fitted to its dataset: 1-D data keeps only the features of x1 (x1 when none
 * is left), as the core requires. { state, change } with change the message text or ''.
 */
export function fitFeatures(state) {
  if (!isCurveDataset(state.dataset) || !state.features.some((f) => USES_X2.includes(f))) return { state, change: '' };
  const kept = state.features.filter((f) => !USES_X2.includes(f));
  const features = kept.length ? kept : ['x1'];
  return { state: { ...state, features },
    change: `features ${state.features.join(', ')} → ${features.join(', ')} (1-D data has only x1)` };
}

// Why a value was replaced, for the message that names the change.
function why(key, from, problem, outputActivation) {
  if (key === 'outputActivation') {
    return from === 'softmax' ? 'softmax needs multi-class data' : `not an output activation for ${problem} data`;
  }
  if (problem === 'regression') return 'regression needs mse';
  if (from === 'bce') return 'bce needs a sigmoid output';
  if (from === 'softmax_ce') return 'softmax_ce needs a softmax output';
  return `it does not fit a ${outputActivation} output`;
}

/**
 * coherent(), and what it changed: [{ key, from, to, text }] with text such as
 * "loss bce → mse (bce needs a sigmoid output)", so a page can name every setting it rewrote.
 * @returns {{ state: object, changes: { key: string, from: string, to: string, text: string }[] }}
 */
export function fitToProblem(state, problem) {
  const fitted = fitFeatures(state);
  const next = coherent(fitted.state, problem);
  const changes = fitted.change ? [{ key: 'features', from: state.features, to: next.features, text: fitted.change }] : [];
  for (const key of ['outputActivation', 'loss']) {
    if (next[key] === state[key]) continue;
    const from = state[key], to = next[key];
    changes.push({ key, from, to, text: `${key} ${from} → ${to} (${why(key, from, problem, next.outputActivation)})` });
  }
  return { state: next, changes };
}
