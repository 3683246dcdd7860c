// Chapter 6, activation functions: what they are for, their ranges and slopes, and the two
// classic failures (vanishing gradients, dead ReLUs) as lessons, with a task.
import { playgroundChapter } from '../../course/playground-chapter.js';
import { allOf, testAccuracyAtLeast } from '../../course/tasks.js';

const html = `
<p>The activation makes the network non-linear: without one, a stack of layers collapses into a
single linear map. The sigmoid
<math><mi>σ</mi><mo>(</mo><mi>z</mi><mo>)</mo><mo>=</mo><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup></mrow></mfrac></math>
has range (0, 1) and slope <math><msup><mi>σ</mi><mo>′</mo></msup><mo>=</mo><mi>σ</mi><mo>(</mo><mn>1</mn><mo>−</mo><mi>σ</mi><mo>)</mo><mo>≤</mo><mfrac><mn>1</mn><mn>4</mn></mfrac></math>;
tanh has range (−1, 1) and slope at most 1; ReLU, <math><mo>max</mo><mo>(</mo><mn>0</mn><mo>,</mo><mi>z</mi><mo>)</mo></math>,
passes a slope of 1 where it is active and 0 where it is not.</p>
<p>Backpropagation multiplies one such slope per layer, so a deep sigmoid network passes back a
gradient that shrinks layer by layer (vanishing gradients), while a ReLU unit pushed negative for every
input passes back nothing and never recovers (a dead ReLU). Choose the activation in the header and
watch "Gradients and activations by layer" under the network.</p>`;

export const lessons = [
  { id: 'vanishing-gradients', title: 'Vanishing gradients in a deep sigmoid network',
    settings: { dataset: 'circles', noise: 0.1, hidden: [8, 8, 8, 8, 8, 8], activation: 'sigmoid',
      outputActivation: 'sigmoid', learningRate: 0.1 },
    text: 'The sigmoid\'s slope is at most 1/4, and backpropagation multiplies one such slope per layer, ' +
      'so the gradient reaching the first layers is thousands of times smaller than at the output. ' +
      'Six sigmoid layers barely move. Under the network, "Gradients and activations by layer" shows it while ' +
      'training: every sigmoid layer\'s mean slope f′ is below 0.25, the activations crowd around 0.5, and ' +
      'the gradient lines fan out by orders of magnitude from the output down to the first layer. ' +
      'Switch the activation to ReLU or tanh and the same network learns.' },
  { id: 'dead-relu', title: 'Dead ReLUs from a large learning rate',
    settings: { dataset: 'circles', noise: 0.1, hidden: [8, 8], activation: 'relu', learningRate: 3 },
    text: 'A learning rate of 3 throws the weights so far in the first steps that many ReLU neurons end up ' +
      'negative for every input. Their output and their gradient are then zero, so they never recover: ' +
      'their heatmaps go flat and the loss stops falling. Lower the learning rate to 0.03 and press ' +
      '"New weights".' },
];

export const tasks = [
  { id: 'deep-network-learns', title: 'Make six layers learn',
    statement: 'Keep all six hidden layers of the vanishing-gradient set-up and reach a test accuracy of at ' +
      'least 95% on the circles.',
    setup: lessons[0].settings,
    check: ({ engine, state }) => {
      const m = engine.metrics();
      return allOf([
        [state.dataset === 'circles', 'keep the circles'],
        [state.hidden.length === 6, `keep six hidden layers (now ${state.hidden.length})`],
        testAccuracyAtLeast(m, 0.95),
      ]);
    } },
];

export const { id, title, playground, mount, unmount } = playgroundChapter({
  id: 'activations', title: 'Activation functions', html, lessons, tasks,
});
