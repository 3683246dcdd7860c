// The neuron chapter's single unit: a network with no hidden layer and a threshold output, in its
// own engine, on the four binary inputs. The learner sets w1, w2 and b; the core computes z and the
// output of each input (trace), and the page only shows them. unitOutputs is what tasks check.
import { Engine } from '../../engine.js';

export const INPUTS = Object.freeze([[0, 0], [0, 1], [1, 0], [1, 1]]);

/** A single threshold unit on the four binary points, in a new engine on `module`. */
export function createUnit(module) {
  const engine = new Engine(module);
  engine.configure({ hidden: [], features: ['x1', 'x2'], outputActivation: 'step', loss: 'mse' });
  // The labels do not matter here (nothing trains); the points are the four binary inputs.
  engine.setCustomData(INPUTS.flat(), [1, 1, 1, 0], 'binary', 2);
  engine.configure({ dataset: 'custom' });
  return engine;
}

/** Sets the unit's weights and bias (layer 0, unit 0). */
export function setUnit(engine, { w1, w2, b }) {
  engine.setWeight(0, 0, 0, w1);
  engine.setWeight(0, 0, 1, w2);
  engine.setBias(0, 0, b);
}

/** The core's z and output for each of the four inputs, in INPUTS order. */
export function unitOutputs(engine) {
  return INPUTS.map((input, i) => {
    const t = engine.trace(i);
    return { input, z: t.layers[0].z[0], output: t.output[0] };
  });
}

// float32's unit roundoff: each weight is stored to within it of its value, and each addition in z
// rounds to within it of its result.
const FLOAT_ROUNDOFF = 2 ** -24;

/**
 * The outputs whose z is not 0 but within float32's rounding of it (a few roundoffs of the sum of
 * the terms' sizes): a sum that is 0 on paper, whose sign, and so whose output, rounding decides.
 * @template {{ input: number[], z: number }} Output
 * @param {Output[]} outputs unitOutputs()
 * @param {{ w1: number, w2: number, b: number }} unit
 * @returns {Output[]}
 */
export function zeroByRounding(outputs, { w1, w2, b }) {
  return outputs.filter(({ input: [x1, x2], z }) =>
    z !== 0 && Math.abs(z) <= 8 * FLOAT_ROUNDOFF * (Math.abs(w1 * x1) + Math.abs(w2 * x2) + Math.abs(b)));
}
