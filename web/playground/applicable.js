// Which "More settings" fields apply to a state: a field whose setting the engine would ignore
// (Adam's betas under SGD, the leaky slope without a leaky ReLU) is not shown. Its value is kept,
// so switching back finds it as it was.
const usesActivation = (s, name) => s.activation === name || s.outputActivation === name;

/** key → whether its field applies to state `s`; keys not listed always apply. */
export const APPLIES = Object.freeze({
  momentum: (s) => s.optimizer === 'momentum',
  beta1: (s) => s.optimizer === 'adam',
  beta2: (s) => s.optimizer === 'adam',
  leakySlope: (s) => usesActivation(s, 'leaky_relu'),
  eluAlpha: (s) => usesActivation(s, 'elu'),
  maxoutPieces: (s) => s.activation === 'maxout',
  initScale: (s) => s.init === 'normal_scale' || s.init === 'uniform_scale',  // σ or a
  decayRate: (s) => s.decay === 'exponential',    // lr · rate^epoch
  decaySteps: (s) => s.decay === 'inverse_time',  // lr · steps / (epoch + steps)
  patience: (s) => s.earlyStopping,
});

/** Shows the fields (labels with data-hide="<key>") that apply to `state`, hides the others. */
export function showApplicable(root, state) {
  for (const [key, applies] of Object.entries(APPLIES)) {
    for (const el of root.querySelectorAll(`.more-grid [data-hide="${key}"]`)) {
      el.classList.toggle('not-applicable', !applies(state));
    }
  }
}
