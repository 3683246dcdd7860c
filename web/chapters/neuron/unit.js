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
