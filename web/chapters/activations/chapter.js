// Chapter 6, activation functions: what they are for, their ranges and slopes, and the two
// classic failures (vanishing gradients, dead ReLUs). The lab (activation-lab.js) draws every
// activation with its slope, the properties the core measures, softmax and the product of slopes
// down a chain; the lessons and the last task use the playground.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter } from '../../course/playground-chapter.js';
import { allOf, testAccuracyAtLeast } from '../../course/tasks.js';
import { t } from '../../i18n/i18n.js';
import { createActivationLab, activationTasks } from './activation-lab.js';

const html = `
<p>The activation makes the network non-linear: without one, a stack of layers collapses into a
single linear map, however deep. It also keeps a neuron's output in a useful interval. What we want
from one: a slope that does not vanish, since every weight learns through it; outputs centred on 0,
so the next layer's gradients do not all share a sign; cheap to compute with its derivative, since it
runs at every neuron for every example; and differentiable, at least piecewise.</p>
<p>The sigmoid
<math><mi>σ</mi><mo>(</mo><mi>z</mi><mo>)</mo><mo>=</mo><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup></mrow></mfrac></math>
has range (0, 1) and slope <math><msup><mi>σ</mi><mo>′</mo></msup><mo>=</mo><mi>σ</mi><mo>(</mo><mn>1</mn><mo>−</mo><mi>σ</mi><mo>)</mo><mo>≤</mo><mfrac><mn>1</mn><mn>4</mn></mfrac></math>;
it saturates on both sides and is not centred on 0. tanh, <math><mn>2</mn><mi>σ</mi><mo>(</mo><mn>2</mn><mi>z</mi><mo>)</mo><mo>−</mo><mn>1</mn></math>,
is centred, with range (−1, 1) and slope at most 1, but saturates too. ReLU, <math><mo>max</mo><mo>(</mo><mn>0</mn><mo>,</mo><mi>z</mi><mo>)</mo></math>,
costs one comparison and passes a slope of exactly 1 where it is active, 0 where it is not; leaky ReLU
keeps a small slope a for <math><mi>z</mi><mo>&lt;</mo><mn>0</mn></math>, ELU a smooth exponential tail.
Three more are offered for hidden layers only: the absolute value |z|, whose slope is −1 or 1 (0 at
z = 0 itself, as ReLU's is here; it never dies, but folds the input onto itself); GELU, <math><mi>z</mi><mo>·</mo><mi>Φ</mi><mo>(</mo><mi>z</mi><mo>)</mo></math>
with Φ the standard normal distribution function (computed exactly, with erf, not with the usual tanh
approximation); and swish (SiLU), <math><mi>z</mi><mo>·</mo><mi>σ</mi><mo>(</mo><mi>z</mi><mo>)</mo></math>.
GELU and swish are smooth versions of ReLU that dip slightly below 0 for negative z and are steeper
than 1 just past it; the table below gives the numbers.
PReLU is leaky ReLU whose slope for <math><mi>z</mi><mo>&lt;</mo><mn>0</mn></math> is a parameter of its
own, one per unit: it starts at 0.25 and backpropagation trains it like a weight, with
<math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi>a</mi><mi>i</mi></msub></mrow></mfrac><mo>=</mo><mo>∑</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi>f</mi><mi>i</mi></msub></mrow></mfrac><mo>·</mo><mo>min</mo><mo>(</mo><msub><mi>z</mi><mi>i</mi></msub><mo>,</mo><mn>0</mn><mo>)</mo></math>
over the examples. The lab draws it at 0.25; choose it in the playground and the slopes each unit
learns show under the network as it trains.
Maxout goes one step further and learns the shape of the activation itself: each unit has k weight
vectors and k biases (k = 2 to 4 here) and outputs the largest of its k linear pieces,
<math><mi>h</mi><mo>=</mo><msub><mo>max</mo><mi>j</mi></msub><mo>(</mo><msub><mi>w</mi><mi>j</mi></msub><mo>·</mo><mi>a</mi><mo>+</mo><msub><mi>b</mi><mi>j</mi></msub><mo>)</mo></math>.
ReLU is the special case of two pieces with one held at 0, <math><mo>max</mo><mo>(</mo><mn>0</mn><mo>,</mo><mi>z</mi><mo>)</mo></math>;
in general a maxout unit is piecewise linear and convex in its input, passes the gradient back
through the winning piece alone (the lowest-numbered one on a tie), and costs k times the weights.
It has no single curve to draw in the lab: choose it in the playground with its number of pieces,
and the step panel shows each unit's pieces and which one won.
For a multi-class output, softmax turns a vector of scores into probabilities:
<math><mi>softmax</mi><msub><mrow><mo>(</mo><mi>z</mi><mo>)</mo></mrow><mi>i</mi></msub><mo>=</mo><mfrac><msup><mi>e</mi><msub><mi>z</mi><mi>i</mi></msub></msup><mrow><msub><mo>∑</mo><mi>k</mi></msub><msup><mi>e</mi><msub><mi>z</mi><mi>k</mi></msub></msup></mrow></mfrac></math>.</p>
<p>Backpropagation multiplies δ by one slope per layer, and by the layer's weights. The sigmoid's slope
is at most 1/4, so each sigmoid layer multiplies δ by at most 1/4 times what its weights contribute, and
a deep sigmoid network passes back a gradient that shrinks layer by layer (vanishing gradients): in the
first lesson below, at the start, each layer of weights between sigmoid layers gets a gradient 2 to 5
times smaller than the next layer's, orders of magnitude smaller by the first layer. A ReLU pushed
negative for every input passes back nothing and never recovers (a dead ReLU). The lab below
computes every curve, slope, property and product in the core; the lessons after it show both
failures in the playground, where "Gradients and activations by layer" under the network shows them
while training.</p>`;

export const lessons = [
  { id: 'vanishing-gradients', title: 'Vanishing gradients in a deep sigmoid network',
    settings: { dataset: 'circles', noise: 0.1, hidden: [8, 8, 8, 8, 8, 8], activation: 'sigmoid',
      outputActivation: 'sigmoid', learningRate: 0.1 },
    text: 'The sigmoid\'s slope is at most 1/4, and backpropagation multiplies one such slope per layer, ' +
      'so at the start the gradient reaching the first layers is thousands of times smaller than at the output. ' +
      'Six sigmoid layers barely move: the network settles on one guess for every point. Under the network, ' +
      '"Gradients and activations by layer" shows it: every sigmoid layer\'s mean slope f′ is below 0.25, the ' +
      'activations crowd around 0.5, and over the first ten or so epochs the gradient lines fan out by orders of ' +
      'magnitude from the output down to the first layer; once the output has settled on its guess, every layer\'s ' +
      'gradient falls with it. Switch the activation to ReLU or tanh and the same network learns.' },
  { id: 'dead-relu', title: 'Dead ReLUs from a large learning rate',
    settings: { dataset: 'circles', noise: 0.1, hidden: [8, 8], activation: 'relu', learningRate: 3 },
    text: 'A learning rate of 3 throws the weights so far in the first steps that many ReLU neurons end up ' +
      'negative for every input. Their output and their gradient are then zero, so they never recover: ' +
      'their heatmaps go flat and the loss stops falling. Lower the learning rate to 0.03 and press ' +
      '"New weights".' },
];

const playgroundTasks = [
  { id: 'deep-network-learns', title: 'Make six layers learn',
    statement: 'Keep all six hidden layers of the vanishing-gradient set-up and reach a test accuracy of at ' +
      'least 95% on the circles.',
    setup: lessons[0].settings,
    check: ({ engine, state }) => {
      const m = engine.metrics();
      return allOf([
        [state.dataset === 'circles', t('keep the circles')],
        [state.hidden.length === 6, t('keep six hidden layers (now {n})', { n: state.hidden.length })],
        testAccuracyAtLeast(m, 0.95),
      ]);
    } },
];

export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('activations'), html, lessons, tasks: playgroundTasks,
  widgets: [(container, ctx) => createActivationLab(container, ctx)],
  widgetTasks: activationTasks,
});
