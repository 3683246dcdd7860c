// Chapter 2, perceptron and Adaline: the classic single-unit learners. The lab runs the two update
// rules one example at a time on the truth tables (rules.js); the lessons put the playground's
// single unit (no hidden layer, trained by gradient descent) on separable data and on XOR.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter } from '../../course/playground-chapter.js';
import { allOf, testAccuracyAtLeast } from '../../course/tasks.js';
import { t } from '../../i18n/i18n.js';
import { createRulesWidget, ruleTasks } from './rules.js';

const html = `
<p>Rosenblatt's perceptron (1958) learns a threshold unit from examples: after each example it
classifies wrongly it moves the weights by
<math><mi mathvariant="normal">Δ</mi><mi mathvariant="bold">w</mi><mo>=</mo><mi>η</mi><mo>(</mo><mi>t</mi><mo>−</mo><mi>y</mi><mo>)</mo><mi mathvariant="bold">x</mi></math>,
with learning rate <math><mi>η</mi></math> (the lecture's slides write it <math><mi>α</mi></math>), target
<math><mi>t</mi></math> and output <math><mi>y</mi></math>. Widrow and Hoff's Adaline (1960)
instead minimises the squared error of the linear sum before the threshold,
<math><mi>E</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><msub><mo>∑</mo><mi>i</mi></msub><msup><mrow><mo>(</mo><msub><mi>t</mi><mi>i</mi></msub><mo>−</mo><msub><mi>z</mi><mi>i</mi></msub><mo>)</mo></mrow><mn>2</mn></msup></math>,
by gradient descent: <math><mi mathvariant="normal">Δ</mi><mi mathvariant="bold">w</mi><mo>=</mo><mi>η</mi><mo>(</mo><mi>t</mi><mo>−</mo><mi>z</mi><mo>)</mo><mi mathvariant="bold">x</mi></math>,
the delta rule that backpropagation generalises.</p>
<p>Both draw one straight line, so both succeed on linearly separable data and both fail on XOR, as
Minsky and Papert showed in 1969. In the lab below the core applies both rules side by side, one
example at a time from zero weights, to a truth table or to the playground's own points: the perceptron
stops changing after the first epoch without a mistake, which on AND, OR, NAND or two separate clusters
comes within a few epochs, and on XOR or overlapping clusters never comes. Adaline's update looks the
same but uses the linear output, so it is stochastic gradient descent on the squared error: it keeps
moving towards the least-squares line even when every point is already right, and settles there even
when no line separates the classes. The playground's
network with no hidden layer is also such a single unit (trained by gradient descent on a tanh
output): the lessons below put it on two clusters and on XOR.</p>`;

export const lessons = [
  { id: 'linear-separable', title: 'One unit separates two clusters',
    settings: { dataset: 'gaussians', noise: 0.5, hidden: [], learningRate: 0.03 },
    text: 'Two Gaussian clusters can be split by a straight line, so a single unit with no hidden layer finds one: press play and the test accuracy climbs to about 99% within a few dozen epochs. The boundary in the output plot is the line where w1·x1 + w2·x2 + b = 0.' },
  { id: 'linear-xor', title: 'One unit cannot do XOR',
    settings: { dataset: 'xor', hidden: [], learningRate: 0.1 },
    text: 'The same single unit on XOR: whatever line it draws, at least one of the four quadrants ends up on the wrong side, and the test accuracy stays around two thirds however long it trains. This is the limit Minsky and Papert pointed out, and the reason for hidden layers (chapter 4).' },
];

const playgroundTasks = [
  { id: 'single-unit', title: 'A single unit is enough here',
    statement: 'These two clusters are linearly separable. Remove both hidden layers (the − above the network) and reach a test accuracy of at least 95% with the single unit that is left.',
    setup: { dataset: 'gaussians', noise: 0.5, hidden: [4, 2], learningRate: 0.03 },
    check: ({ engine, state }) => {
      const m = engine.metrics();
      return allOf([
        [state.dataset === 'gaussians', t('choose the two Gaussian clusters')],
        [state.hidden.length === 0, t('remove the hidden layers (now {n})', { n: state.hidden.length })],
        testAccuracyAtLeast(m, 0.95),
      ]);
    } },
];

export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('perceptron'), html, lessons, tasks: playgroundTasks,
  widgets: [(container, ctx) => createRulesWidget(container, ctx)], widgetTasks: ruleTasks,
});
