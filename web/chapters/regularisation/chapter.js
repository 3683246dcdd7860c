// Chapter 7, regularisation and generalisation: overfitting, L1/L2, dropout, the three data
// splits and early stopping; the lab of the five runs side by side (reg-lab.js), the overfitting
// lessons (each a fresh run) and a task on the playground.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter, sameList } from '../../course/playground-chapter.js';
import { allOf } from '../../course/tasks.js';
import { formatNumber } from '../../views/format.js';
import { t } from '../../i18n/i18n.js';
import { OVERFIT, createRegLab, regTasks } from './reg-lab.js';

const html = `
<p>A network that fits its training points too closely learns their noise and generalises poorly:
the training loss keeps falling while the test loss does not. L2 regularisation adds
<math><mfrac><mi>λ</mi><mn>2</mn></mfrac><msub><mo>∑</mo><mi>w</mi></msub><msup><mi>w</mi><mn>2</mn></msup></math>
to the loss, so every step also shrinks each weight by <math><mi>η</mi><mi>λ</mi><mi>w</mi></math>;
L1 adds <math><mi>λ</mi><msub><mo>∑</mo><mi>w</mi></msub><mo>|</mo><mi>w</mi><mo>|</mo></math>, whose minimum often
has weights at exactly zero (a sparse network). Plain gradient steps, as here, also move each weight by
<math><mi>η</mi><mi>λ</mi></math> towards zero, so a weight the data does not need shrinks to zero, then
jitters within about <math><mi>η</mi><mi>λ</mi></math> of it instead of landing on it. Dropout switches each hidden unit off with probability <math><mi>p</mi></math> while
training (and scales the rest by <math><mn>1</mn><mo>/</mo><mo>(</mo><mn>1</mn><mo>−</mo><mi>p</mi><mo>)</mo></math>),
so no unit can rely on another to memorise a point.</p>
<p>The data splits three ways: training data to fit the weights, validation data to choose settings
such as <math><mi>λ</mi></math> and when to stop, and test data kept aside for the final measure.
Early stopping (More settings) stops when the validation loss has not improved for a number of epochs
and restores the weights of its best epoch.</p>`;

export const lessons = [
  { id: 'overfitting', title: 'Overfitting: noise and a small training set',
    settings: OVERFIT,
    text: 'Thirty noisy training points and a network with three layers of eight neurons on every feature: ' +
      'the training loss falls to almost zero while the test loss stays high, because the network learns ' +
      'the noise of those thirty points. Tick "Show test data" to see the points it never trained on.' },
  { id: 'l2', title: 'L2 regularisation against overfitting',
    settings: { ...OVERFIT, l2: 0.03 },
    text: 'The same set-up with an L2 rate of 0.03, from the same initial weights: every step also pulls each weight ' +
      'towards zero, so the network prefers a smooth boundary to one that bends around every noisy point. The ' +
      'training loss stays a little higher, and the test loss ends far below the overfitting run\'s.' },
  { id: 'dropout', title: 'Dropout against overfitting',
    settings: { ...OVERFIT, dropout: 0.3 },
    text: 'The same set-up with dropout 0.3, from the same initial weights: while training, each hidden neuron is ' +
      'switched off at random three times in ten, so no neuron can rely on another to memorise a point. The test ' +
      'loss ends well below the overfitting run\'s.' },
];

const playgroundTasks = [
  { id: 'beat-overfitting', title: 'Generalise better with the same network',
    statement: 'Keep the overfitting set-up\'s data and network, and bring the test loss below 0.5 after at ' +
      'least 200 epochs (without help it stays near 0.85). L2, L1 and dropout are yours to use.',
    setup: OVERFIT,
    check: ({ engine, state }) => {
      const m = engine.metrics();
      const epoch = engine.progress().epoch;
      const sameData = state.dataset === 'circles' && state.noise === OVERFIT.noise &&
        state.points === OVERFIT.points && state.trainRatio === OVERFIT.trainRatio;
      // The network is its inputs and units too: x1² and x2² alone separate the circles, and sigmoid
      // units overfit less, so either would pass without any regularisation.
      const sameNetwork = sameList(state.hidden, OVERFIT.hidden) && state.activation === OVERFIT.activation &&
        sameList([...state.features].sort(), [...OVERFIT.features].sort());
      return allOf([
        [sameData, t('keep the data: circles, 60% noise, 120 points, 25% for training')],
        [sameNetwork, t('keep the network: all seven features, three hidden layers of 8 ReLU units')],
        [epoch >= 200, t('train at least 200 epochs (now {epoch})', { epoch })],
        [m.test.loss < 0.5, t('test loss below 0.5 (now {loss})', { loss: formatNumber(m.test.loss) })],
      ]);
    } },
];

// tasks: the lab's too, as the other chapters list theirs, so that a link to one of them is understood.
export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('regularisation'), html, lessons, tasks: playgroundTasks,
  widgets: [(container, ctx) => createRegLab(container, ctx)],
  widgetTasks: regTasks,
});
