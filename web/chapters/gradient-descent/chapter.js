// Chapter 3, gradient descent: the update rule, the learning rate, mini-batches and decay. The lab
// draws descent on losses of two parameters (descent-lab.js); the tasks below it use the playground.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter } from '../../course/playground-chapter.js';
import { allOf } from '../../course/tasks.js';
import { parseHash, serializeHash, SETTINGS } from '../../state.js';
import { formatNumber } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { createDescentLab, descentTasks } from './descent-lab.js';
import { createNeuronLab, neuronTasks } from './one-neuron.js';
import { createLandscapeLab, landscapeTasks } from './landscape-lab.js';

const html = `
<p>Training moves every weight a small step against the gradient of the loss:
<math display="block"><mi>w</mi><mo>←</mo><mi>w</mi><mo>−</mo><mi>η</mi><mfrac><mrow><mo>∂</mo><mi>J</mi></mrow><mrow><mo>∂</mo><mi>w</mi></mrow></mfrac></math>
The learning rate <math><mi>η</mi></math> sets the size of the step: too small and training crawls,
too large and it overshoots the minimum, oscillates or diverges.</p>
<p>Computing <math><mi>J</mi></math> over the whole training set for every step is costly, so stochastic
gradient descent estimates the gradient from a mini-batch of <math><mi>B</mi></math> examples: cheaper,
noisier steps, and many of them per epoch. <math><mi>B</mi><mo>=</mo><mn>1</mn></math> is the classic
online update; a batch as large as the training set is full-batch descent, one step per epoch. A decaying
rate such as <math><msub><mi>η</mi><mi>t</mi></msub><mo>=</mo><msub><mi>η</mi><mn>0</mn></msub><mo>·</mo><msup><mi>r</mi><mi>t</mi></msup></math>
(More settings → Learning-rate decay) takes large steps early and small ones late.</p>
<p>With two parameters the loss is a landscape one can draw. In the lab below the core descends
linear regression's <math><mi>J</mi><mo>(</mo><msub><mi>w</mi><mn>0</mn></msub><mo>,</mo><msub><mi>w</mi><mn>1</mn></msub><mo>)</mo><mo>=</mo><mfrac><mn>1</mn><mrow><mn>2</mn><mi>m</mi></mrow></mfrac><msub><mo>∑</mo><mi>i</mi></msub><msup><mrow><mo>(</mo><msub><mi>w</mi><mn>0</mn></msub><mo>+</mo><msub><mi>w</mi><mn>1</mn></msub><msub><mi>x</mi><mi>i</mi></msub><mo>−</mo><msub><mi>t</mi><mi>i</mi></msub><mo>)</mo></mrow><mn>2</mn></msup></math>,
a sigmoid neuron, and three test functions: a saddle, where the gradient is zero but no minimum is,
a landscape with a local and a global minimum, and an elongated bowl, where a step large enough for
the flat direction is too large for the steep one and momentum helps.</p>
<p>The loss decides the gradient a neuron gets. With squared error the chain rule brings in the sigmoid's
slope <math><mi>h</mi><mo>(</mo><mn>1</mn><mo>−</mo><mi>h</mi><mo>)</mo></math>, at most 0.25 and close to 0
once the neuron saturates, even when it is saturated on the wrong side. With cross-entropy that slope
cancels and the gradient is just the error times the input, so a confidently wrong neuron learns fastest.
The second lab trains one neuron both ways from the same start.</p>
<p>A network's loss has as many dimensions as it has weights, but it can still be looked at through a
plane: the third lab draws the training loss around the playground's current weights along two
directions, random ones or the two along which training has moved the weights most, with the path
the weights took. Most of a training run's movement lies in such a plane, and the path runs downhill
to where the weights are now.</p>`;

const slowRate = { dataset: 'circles', noise: 0.1, hidden: [4], learningRate: 0.001 };
// Every training setting as the task's link sets it up (the defaults beside slowRate's).
const slowRateSetUp = parseHash(serializeHash(slowRate)).state;

const playgroundTasks = [
  { id: 'learning-rate', title: 'A learning rate that gets there',
    statement: 'This network learns the circles, but its learning rate of 0.001 is far too small. Change only the learning rate so that the training loss falls below 0.1 within the first 200 epochs.',
    setup: slowRate,
    check: ({ engine, state, history }) => {
      const m = engine.metrics();
      const epoch = engine.progress().epoch;
      const otherThanRate = (s) => SETTINGS.filter((e) => e.engine && e.key !== 'learningRate' && JSON.stringify(s[e.key]) !== JSON.stringify(slowRateSetUp[e.key]));
      const named = (entries) => [...new Set(entries.map((e) => t(e.label)))].join(', ');
      const changed = otherThanRate(state);
      // The first recorded epoch with the loss below 0.1: training on past 200 keeps the task met.
      const first = history.train.findIndex((loss) => loss < 0.1);
      const reachedAt = first >= 0 ? history.epochs[first] : Infinity;
      // Trained on the way there under another setting (an optimiser, say, then set back): the
      // weights owe the goal to that, not to the learning rate.
      const onTheWay = history.settings.filter((s) => s.epoch < reachedAt).flatMap((s) => otherThanRate(s.state));
      const reached = reachedAt <= 200;
      return allOf([
        [changed.length === 0, t('change only the learning rate (now also {settings})', { settings: named(changed) })],
        [changed.length > 0 || onTheWay.length === 0, t('only the learning rate changed all the way (this run also trained with {settings} changed: reset and try again)', { settings: named(onTheWay) })],
        [state.learningRate !== slowRate.learningRate, t('a learning rate other than 0.001')],
        [reached || epoch <= 200, t('stay within 200 epochs (now {epoch}: reset and try again)', { epoch })],
        [reached || epoch > 200, t('training loss below 0.1 (now {loss})', { loss: formatNumber(m.train.loss) })],
      ]);
    } },
  { id: 'full-batch', title: 'One step per epoch',
    statement: 'Set the batch size to the whole training set (here 100 points, the slider\'s end) so each update averages the gradient over every training example, then train at least one epoch: one epoch is then one update.',
    setup: { dataset: 'xor', batchSize: 10 },
    check: ({ engine, state }) => {
      const m = engine.metrics();
      const p = engine.progress();
      return allOf([
        [state.batchSize >= m.train.count, t('a batch size of at least {count}, the training-set size (now {size})', { count: m.train.count, size: state.batchSize })],
        [p.epoch >= 1 && p.updates === p.epoch, p.epoch < 1 ? t('train at least one epoch')
          : tn('one update per epoch (now {updates} updates in {n} epoch: reset after changing the batch size)',
            'one update per epoch (now {updates} updates in {n} epochs: reset after changing the batch size)', p.epoch, { updates: p.updates })],
      ]);
    } },
];

export const { id, title, playground, lessons, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('gradient-descent'), html, tasks: playgroundTasks,
  widgets: [(container, ctx) => createDescentLab(container, ctx), (container, ctx) => createNeuronLab(container, ctx),
    (container, ctx) => createLandscapeLab(container, ctx)],
  widgetTasks: [...descentTasks, ...neuronTasks, ...landscapeTasks],
});
