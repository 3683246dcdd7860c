// Chapter 8, initialisation: symmetry and scale, the schemes the core offers, the lab of signals and
// gradients through a deep network (init-lab.js, Glorot & Bengio's figures 6 and 7), the zero-init
// lesson and a task on the playground.
import { chapterInfo } from '../../course/chapter-list.js';
import { playgroundChapter, sameList } from '../../course/playground-chapter.js';
import { allOf, testAccuracyAtLeast } from '../../course/tasks.js';
import { t } from '../../i18n/i18n.js';
import { createInitLab, initTasks } from './init-lab.js';

const html = `
<p>The initial weights must differ. If every weight of a layer starts equal, every unit of that layer
computes the same value and receives the same gradient, so the units stay copies of each other for
ever; random weights break this symmetry. Their scale matters too: a unit's sum over
<math><msub><mi>n</mi><mtext>in</mtext></msub></math> inputs has variance
<math><msub><mi>n</mi><mtext>in</mtext></msub><mo>·</mo><mi>Var</mi><mo>(</mo><mi>w</mi><mo>)</mo></math>
times its inputs', so too large weights saturate sigmoid and tanh units and too small ones make the
signal fade through deep networks.</p>
<p>Glorot and Bengio's (Xavier) initialisation draws
<math><mi>Var</mi><mo>(</mo><mi>w</mi><mo>)</mo><mo>=</mo><mfrac><mn>2</mn><mrow><msub><mi>n</mi><mtext>in</mtext></msub><mo>+</mo><msub><mi>n</mi><mtext>out</mtext></msub></mrow></mfrac></math>
(for units whose slope is 1 around 0, as tanh's is); He initialisation draws
<math><mi>Var</mi><mo>(</mo><mi>w</mi><mo>)</mo><mo>=</mo><mfrac><mn>2</mn><msub><mi>n</mi><mtext>in</mtext></msub></mfrac></math>,
twice as much, because a ReLU passes only half of its inputs. The playground's Initialisation setting
(More settings) offers zeros, uniform <math><mo>±</mo><mn>1</mn><mo>/</mo><msqrt><msub><mi>n</mi><mtext>in</mtext></msub></msqrt></math>,
Xavier and He, each uniform or normal, and two schemes whose scale you choose for every layer alike:
<math><mi>N</mi><mo>(</mo><mn>0</mn><mo>,</mo><msup><mi>σ</mi><mn>2</mn></msup><mo>)</mo></math> and
<math><mi>U</mi><mo>(</mo><mo>−</mo><mi>a</mi><mo>,</mo><mi>a</mi><mo>)</mo></math>.</p>
<p>Before Glorot and Bengio (2010), weights were commonly drawn from
<math><mi>N</mi><mo>(</mo><mn>0</mn><mo>,</mo><mn>1</mn><mo>)</mo></math> or from the "standard"
<math><mi>U</mi><mo>(</mo><mo>−</mo><mfrac><mn>1</mn><msqrt><msub><mi>n</mi><mtext>in</mtext></msub></msqrt></mfrac><mo>,</mo><mfrac><mn>1</mn><msqrt><msub><mi>n</mi><mtext>in</mtext></msub></msqrt></mfrac><mo>)</mo></math>,
whose variance <math><mfrac><mn>1</mn><mrow><mn>3</mn><msub><mi>n</mi><mtext>in</mtext></msub></mrow></mfrac></math> is a third of what keeps
the signal's variance: with tanh units, the activations shrink layer after layer on the way up. Their figures 6 and 7
stack, layer by layer, the histograms of the activations and of the back-propagated gradients; the rule they derived asks
that both keep their variance, forward (<math><msub><mi>n</mi><mtext>in</mtext></msub><mi>Var</mi><mo>(</mo><mi>w</mi><mo>)</mo><mo>=</mo><mn>1</mn></math>)
and backward (<math><msub><mi>n</mi><mtext>out</mtext></msub><mi>Var</mi><mo>(</mo><mi>w</mi><mo>)</mo><mo>=</mo><mn>1</mn></math>), and settles
between the two with Xavier's <math><mfrac><mn>2</mn><mrow><msub><mi>n</mi><mtext>in</mtext></msub><mo>+</mo><msub><mi>n</mi><mtext>out</mtext></msub></mrow></mfrac></math>.
The lab below draws the same figures for a network you choose, every number computed by the core. Under
N(0, 1), sigmoid units saturate: their weighted sums are large, so the activations pile up at 0 and 1, where the
slope is almost 0. Under Xavier they no longer saturate, but the sigmoid's slope is at most 1/4 where Xavier
assumes 1, so δ shrinks about fourfold at every layer on its way back to the input; tanh's gradients stay even
under Xavier. And see what happens to ReLU units until you give them He's variance.</p>`;

export const lessons = [
  { id: 'zero-init', title: 'Zero initialisation: symmetry is never broken',
    settings: { dataset: 'circles', noise: 0.1, hidden: [4, 4], init: 'zeros', learningRate: 0.1 },
    text: 'Start every weight at zero and every neuron of a layer computes the same thing and receives the ' +
      'same gradient, so they stay copies of each other. Here, with tanh, that gradient is exactly zero: the ' +
      'hidden neurons put out tanh(0) = 0, so the output weights get no gradient, and through output weights ' +
      'of 0 none reaches the hidden layers. Only the output neuron\'s bias moves; every hidden weight and bias ' +
      'stays 0. Random initial weights (Xavier, He) break that symmetry: set Initialisation under More ' +
      'settings and play again.' },
];

const playgroundTasks = [
  { id: 'break-symmetry', title: 'Break the symmetry',
    statement: 'With the zero-initialised network of the lesson (two hidden layers of 4 on the circles), reach a ' +
      'test accuracy of at least 95%. Training longer will not do it.',
    setup: lessons[0].settings,
    check: ({ engine, state }) => {
      const m = engine.metrics();
      return allOf([
        [state.dataset === 'circles' && sameList(state.hidden, [4, 4]), t('keep the circles and two hidden layers of 4')],
        testAccuracyAtLeast(m, 0.95),
      ]);
    } },
];

// tasks: the lab's too, as the other chapters list theirs, so that a link to one of them is understood.
export const { id, title, playground, tasks, mount, unmount } = playgroundChapter({
  ...chapterInfo('initialisation'), html, lessons, tasks: playgroundTasks,
  widgets: [(container, ctx) => createInitLab(container, ctx)],
  widgetTasks: initTasks,
});
