// The page in French: one catalogue, each message's English text (its id, as the page writes it) →
// its French, kept in one file per part of the page (web/i18n/fr/). Every message the page shows is
// listed: tests/web/i18n.test.mjs checks the shell's texts and every t() and tn() in the code,
// tests/e2e/i18n-chapters.e2e.mjs every text each chapter shows, and that nothing here is stale.
import shell from './fr/shell.js';
import playground from './fr/playground.js';
import course from './fr/course.js';
import neuron from './fr/neuron.js';
import perceptron from './fr/perceptron.js';
import gradientDescent from './fr/gradient-descent.js';
import mlp from './fr/mlp.js';
import backprop from './fr/backprop.js';
import activations from './fr/activations.js';
import regularisation from './fr/regularisation.js';
import initialisation from './fr/initialisation.js';

/** The parts, by name, for the test that one English text has one French text across them. */
export const PARTS = Object.freeze({ shell, playground, course, neuron, perceptron, gradientDescent, mlp, backprop,
  activations, regularisation, initialisation });

export default Object.freeze(Object.assign({}, ...Object.values(PARTS)));
