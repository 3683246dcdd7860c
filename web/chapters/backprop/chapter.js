// Chapter 5, backpropagation: the chain rule layer by layer, the computational graph of
// f = (x + y)·z (with its task), the computational-graphs lab for any typed expression (with its
// tasks), the backprop-by-hand lesson and the lecture's circles experiment (with its task); the
// playground's step panel shows a real step under it.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter } from '../../course/playground-chapter.js';
import { allOf, keepsSetup, near, percent, testAccuracyAtLeast } from '../../course/tasks.js';
import { formatNumber } from '../../views/format.js';
import { t } from '../../i18n/i18n.js';
import { createGraphWidget } from './graph.js';
import { createExpressionLab, expressionTasks } from './expression-lab.js';

const html = `
<p>Backpropagation computes every <math><mo>∂</mo><mi>L</mi><mo>/</mo><mo>∂</mo><mi>w</mi></math> with the
chain rule in one pass from the output back to the inputs. At the output,
<math><msup><mi mathvariant="bold">δ</mi><mrow><mo>(</mo><mi>L</mi><mo>)</mo></mrow></msup><mo>=</mo><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi mathvariant="bold">a</mi></mrow></mfrac><mo>⊙</mo><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><msup><mi mathvariant="bold">z</mi><mrow><mo>(</mo><mi>L</mi><mo>)</mo></mrow></msup><mo>)</mo></math>;
each layer below receives
<math display="block"><msup><mi mathvariant="bold">δ</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>=</mo><mo>(</mo><msup><mrow><msup><mi>W</mi><mrow><mo>(</mo><mi>l</mi><mo>+</mo><mn>1</mn><mo>)</mo></mrow></msup></mrow><mi>T</mi></msup><msup><mi mathvariant="bold">δ</mi><mrow><mo>(</mo><mi>l</mi><mo>+</mo><mn>1</mn><mo>)</mo></mrow></msup><mo>)</mo><mo>⊙</mo><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><msup><mi mathvariant="bold">z</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>)</mo></math>
and each weight's gradient is the δ at its head times the activation at its tail,
<math><mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><msub><mi>w</mi><mrow><mi>j</mi><mi>k</mi></mrow></msub></mrow></mfrac><mo>=</mo><msub><mi>δ</mi><mi>j</mi></msub><msub><mi>a</mi><mi>k</mi></msub></math>.</p>
<p>The graph below shows the same rule on the smallest example: every edge multiplies the gradient
arriving from above by its own local derivative. Under the playground, "Watch one training step" runs a
real step of the core on the network above and plays its forward pass, loss, backward pass and update;
click any unit or link there for its chain-rule equation with the numbers in.</p>
<p>The lab after it takes any expression you type. Where a value is used twice (a fork), its gradient is
the sum over every path to the output:
<math><mfrac><mrow><mo>∂</mo><mi>f</mi></mrow><mrow><mo>∂</mo><mi>x</mi></mrow></mfrac><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><mfrac><mrow><mo>∂</mo><mi>f</mi></mrow><mrow><mo>∂</mo><msub><mi>g</mi><mi>i</mi></msub></mrow></mfrac><mfrac><mrow><mo>∂</mo><msub><mi>g</mi><mi>i</mi></msub></mrow><mrow><mo>∂</mo><mi>x</mi></mrow></mfrac></math>.
Reverse mode (backpropagation, Linnainmaa's reverse-mode automatic differentiation of 1970) computes each
node's gradient once, from the output back, and reuses it for everything below; forward mode carries the
derivative with respect to one input along with the values, so it needs one pass per input.</p>`;

export const lessons = [
  { id: 'backprop-by-hand', title: 'Backpropagation by hand',
    settings: { dataset: 'xor', hidden: [2], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce', learningRate: 0.5 },
    text: 'A 2-2-1 sigmoid network, small enough to check with pencil and paper. Under "Watch one training step", ' +
      'press "Trace the next example" and step through it with Next: z = Σ w·a + b and a = σ(z) forward, the loss, ' +
      'δ = a − y at the output (the sigmoid\'s slope cancels against cross-entropy\'s), δ = w·δ × σ′(z) in the hidden ' +
      'layer, and every weight moving by −0.5 × its gradient. Click any unit or link for its equation.' },
  { id: 'circles-from-scratch', title: 'The lecture\'s from-scratch MLP on the circles',
    settings: { dataset: 'circles', points: 200, noise: 0.4, trainRatio: 0.7, validationRatio: 0, inputScaling: 'standardise',
      hidden: [4, 4], activation: 'relu', outputActivation: 'sigmoid', loss: 'bce', init: 'he_normal',
      learningRate: 0.3, batchSize: 32, optimizer: 'sgd', l2: 0, dropout: 0, decay: 'none' },
    text: 'The lecture trains an MLP written from scratch on two circles: 200 points, 70% for training, inputs ' +
      'standardised with the training points\' mean and standard deviation, a [2, 4, 4, 1] network with ReLU ' +
      'hidden layers and He initialisation, a sigmoid output with cross-entropy, learning rate 0.3, mini-batches ' +
      'of 32, 150 epochs. It reports 0.94 training and 0.92 test accuracy. These are its settings on this page\'s ' +
      'circles (a disc inside a ring, noise 0.4; scikit-learn\'s are two thin rings, and the lecture also lowers ' +
      'the learning rate as it goes, here it stays at 0.3). Step to epoch 150 and compare; the task below reports ' +
      'both accuracies. These coordinates already lie within ±6, so standardising changes little here. It matters ' +
      'once inputs differ in scale: add the features x1², x2² and x1x2, which reach 36, and compare Input scaling ' +
      'None with Standardise after 20 epochs.' },
];

const node = (nodes, name) => nodes.find((n) => n.name === name);

export const graphTasks = [
  { id: 'graph-gradient', title: 'Steer the gradient',
    statement: 'Set x, y and z so that ∂f/∂x = 3 and f = 6. (Which input does ∂f/∂x depend on?)',
    check: ({ nodes }) => {  // nodes: null while the graph refuses its inputs
      const dx = nodes ? node(nodes, 'x').grad : NaN, f = nodes ? node(nodes, 'f').value : NaN;
      return allOf([
        [near(dx, 3), t('∂f/∂x = 3 (now {now})', { now: nodes ? formatNumber(dx) : '–' })],
        [near(f, 6), t('f = 6 (now {now})', { now: nodes ? formatNumber(f) : '–' })],
      ]);
    } },
];

const circles = lessons[1].settings;
const playgroundTasks = [
  { id: 'lecture-circles', title: 'Repeat the lecture\'s experiment',
    statement: 'Train the lecture\'s set-up for exactly 150 epochs and reach a test accuracy of at least 90%, ' +
      'as its run did (0.94 training, 0.92 test).',
    setup: circles,
    check: ({ engine, state }) => {
      const m = engine.metrics();
      const epoch = engine.progress().epoch;
      return { ...allOf([
        keepsSetup(state, circles),
        // Past 150 there is no going back: say so, as "stop at" alone would leave the learner waiting.
        [epoch === 150, epoch < 150 ? t('stop at epoch 150 (now {epoch})', { epoch })
          : t('stop at epoch 150 (now {epoch}: reset, then step there one epoch at a time)', { epoch })],
        testAccuracyAtLeast(m, 0.9),
      ]), note: t('Training accuracy {train}, test {test} at epoch {epoch}.', { train: percent(m.train.accuracy), test: percent(m.test.accuracy), epoch }) };
    } },
];

export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('backprop'), html, lessons, tasks: playgroundTasks,
  widgets: [(container, ctx) => createGraphWidget(container, ctx, graphTasks), (container, ctx) => createExpressionLab(container, ctx)],
  widgetTasks: [...graphTasks, ...expressionTasks],
});
