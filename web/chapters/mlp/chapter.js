// Chapter 4, the MLP and its forward pass: layers as matrices, the parameter count and shapes of
// the learner's network (from the core), XOR and the right features as lessons, two tasks; the lab
// "What one hidden layer can do" (approx-lab.js) with its own tasks; a 1-D lesson in the playground.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter, sameList } from '../../course/playground-chapter.js';
import { allOf, percent } from '../../course/tasks.js';
import { t } from '../../i18n/i18n.js';
import { createShapesWidget } from './shapes.js';
import { createApproxLab, approxTasks } from './approx-lab.js';

const html = `
<p>A multi-layer perceptron stacks layers of units. Layer <math><mi>l</mi></math> takes the previous
layer's activations and computes
<math display="block"><msup><mi mathvariant="bold">z</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>=</mo>
<msup><mi>W</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><msup><mi mathvariant="bold">a</mi><mrow><mo>(</mo><mi>l</mi><mo>−</mo><mn>1</mn><mo>)</mo></mrow></msup>
<mo>+</mo><msup><mi mathvariant="bold">b</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>,</mo><mspace width="1em"/>
<msup><mi mathvariant="bold">a</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>=</mo><mi>f</mi><mo>(</mo><msup><mi mathvariant="bold">z</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>)</mo></math>
where <math><msup><mi>W</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup></math> has one row per unit of the layer and
one column per unit below it: <math><msub><mi>n</mi><mi>l</mi></msub><mo>×</mo><msub><mi>n</mi><mrow><mi>l</mi><mo>−</mo><mn>1</mn></mrow></msub></math>.
The forward pass applies this from the inputs to the output, one matrix product per layer.</p>
<p>One unit draws a single straight boundary; a hidden layer lets the network combine several and bend it,
which is why XOR, out of reach for one unit, needs a hidden layer. Below are the current network's
layers as the core holds them: the shape of each matrix and how many weights and biases it has.</p>`;

export const lessons = [
  { id: 'xor-hidden', title: 'XOR needs a hidden layer',
    settings: { dataset: 'xor', hidden: [], learningRate: 0.1 },
    text: 'With no hidden layer the network can only draw one straight line, and no straight line ' +
      'separates the two diagonals of XOR: press play and the test accuracy stalls around two thirds. ' +
      'Add a hidden layer with the + button and play again: a few tanh neurons bend the boundary and XOR is solved.' },
  { id: 'circles-features', title: 'The right features need no hidden layer',
    settings: { dataset: 'circles', noise: 0.1, features: ['x1^2', 'x2^2'], hidden: [], learningRate: 0.1 },
    text: 'A circle is a straight line in the squares: x1² + x2² = r². Given x1² and x2² as inputs, a ' +
      'single output neuron separates the inner ring from the outer one. Hidden layers learn such ' +
      'features for you; picking them by hand shows what they have to find.' },
  { id: 'sine-fit', title: 'Fitting a curve: x → y',
    settings: { dataset: 'sine', noise: 0.1, features: ['x1'], hidden: [8], activation: 'tanh', outputActivation: 'linear',
      loss: 'mse', optimizer: 'adam', learningRate: 0.03, showTest: true },
    text: 'A 1-D data set: one input x and a target y = sin(x) with a little noise. The output plot now shows y against x: ' +
      'the points and the network\'s output curve, drawn from the core as it trains. Press play and watch eight tanh ' +
      'units bend a line into two periods of a sine; then try one unit, or ReLU, and see which shapes they can make.' },
];

const playgroundTasks = [
  // Two tanh units draw two straight bands, not the cross XOR's quadrants need: on this data they
  // plateau at 90–94% test accuracy, so the task allows up to four.
  { id: 'xor-hidden-layer', title: 'XOR with one small hidden layer',
    statement: 'Get the test accuracy on XOR above 95% with one hidden layer of at most 4 neurons. ' +
      'The set-up has no hidden layer: add one (the + above the network), give it neurons, then play.',
    setup: { dataset: 'xor', hidden: [], learningRate: 0.1, seed: 1 },
    check: ({ engine, state }) => {
      const m = engine.metrics();
      const h = state.hidden;
      return allOf([
        [state.dataset === 'xor', t('choose the XOR dataset')],
        [h.length === 1 && h[0] <= 4, (h.length ? t('use one hidden layer of at most 4 neurons (now {now})', { now: `[${h.join(', ')}]` })
          : t('use one hidden layer of at most 4 neurons (now none)'))],
        [m.test.accuracy > 0.95, t('test accuracy above 95% (now {now})', { now: percent(m.test.accuracy) })],
      ]);
    } },
  { id: 'parameters-37', title: 'A network with 37 parameters',
    statement: 'On the inputs x1 and x2 with one output, build a network with exactly 37 parameters ' +
      '(weights and biases together). "The current network in numbers" counts them as you add layers and neurons.',
    check: ({ engine, state }) => {
      const count = engine.params().length;
      // Multi-class data gives one softmax output per class: [2, 4, 5] also has 37 parameters.
      const outputs = engine.layerSizes().at(-1);
      return allOf([
        [sameList(state.features, ['x1', 'x2']), t('use exactly the features x1 and x2')],
        [outputs === 1, t('one output: choose a two-class dataset (now {now} outputs, one per class)', { now: outputs })],
        [count === 37, t('37 parameters (now {now})', { now: count })],
      ]);
    } },
];

export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('mlp'), html, lessons, tasks: playgroundTasks,
  widgets: [createShapesWidget, (container, ctx) => createApproxLab(container, ctx)], widgetTasks: approxTasks,
});
