// The gallery of ready lessons: each a set-up (as settings, turned into a link with state.js's
// serializeHash, so the keys and values are the table's) and a paragraph on what it shows, and the
// list the page draws from them. A lesson link only changes the hash; the controller loads it.
// Not here: checking that a lesson's claim holds (tests/e2e/lessons.test.mjs does, on the page).
import { serializeHash } from './state.js';

const ALL_FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2'];
// A small, noisy training set and a big network: the set-up that overfits, and the base of the fixes.
const OVERFIT = { dataset: 'circles', noise: 0.6, points: 120, trainRatio: 0.25, features: ALL_FEATURES,
  hidden: [8, 8, 8], activation: 'relu', init: 'he_uniform', learningRate: 0.03, batchSize: 5 };

export const LESSONS = Object.freeze([
  { id: 'backprop-by-hand', title: 'Backpropagation by hand',
    settings: { dataset: 'xor', hidden: [2], activation: 'sigmoid', outputActivation: 'sigmoid', loss: 'bce', learningRate: 0.5 },
    text: 'A 2-2-1 sigmoid network, small enough to check with pencil and paper. Under "Watch one training step", ' +
      'press "Trace the next example" and step through it with Next: z = Σ w·a + b and a = σ(z) forward, the loss, ' +
      'δ = a − y at the output (the sigmoid\'s slope cancels against cross-entropy\'s), δ = w·δ × σ′(z) in the hidden ' +
      'layer, and every weight moving by −0.5 × its gradient. Click any unit or link for its equation.' },
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
  { id: 'zero-init', title: 'Zero initialisation: symmetry is never broken',
    settings: { dataset: 'circles', noise: 0.1, hidden: [4, 4], init: 'zeros', learningRate: 0.1 },
    text: 'Start every weight at zero and every neuron of a layer computes the same thing and receives the ' +
      'same gradient (here, with tanh, exactly zero), so they stay copies of each other and only the ' +
      'biases move. Random initial weights (Xavier, He) break that symmetry: set Initialisation under ' +
      'More settings and play again.' },
  { id: 'overfitting', title: 'Overfitting: noise and a small training set',
    settings: OVERFIT,
    text: 'Thirty noisy training points and a network with three layers of eight neurons on every feature: ' +
      'the training loss falls to almost zero while the test loss stays high, because the network learns ' +
      'the noise of those thirty points. Tick "Show test data" to see the points it never trained on.' },
  { id: 'l2', title: 'L2 regularisation against overfitting',
    settings: { ...OVERFIT, l2: 0.03 },
    text: 'The same set-up with an L2 rate of 0.03: every step also pulls each weight towards zero, so the ' +
      'network prefers a smooth boundary to one that bends around every noisy point. The training loss ' +
      'stays a little higher, and the test loss ends far below the overfitting run\'s.' },
  { id: 'dropout', title: 'Dropout against overfitting',
    settings: { ...OVERFIT, dropout: 0.3 },
    text: 'The same set-up with dropout 0.3: while training, each hidden neuron is switched off at random ' +
      'three times in ten, so no neuron can rely on another to memorise a point. The test loss ends well ' +
      'below the overfitting run\'s.' },
]);

/** The link (a hash) of a lesson. */
export function lessonHash(lesson) {
  return serializeHash(lesson.settings);
}

/** Fills `list` (an <ol> or <ul>) with one item per lesson: a link and its paragraph. */
export function renderLessons(list, lessons = LESSONS) {
  for (const lesson of lessons) {
    const item = document.createElement('li');
    item.id = `lesson-${lesson.id}`;
    const link = Object.assign(document.createElement('a'), { href: lessonHash(lesson), textContent: lesson.title });
    link.dataset.lesson = lesson.id;
    // The set-up is at the top of the page: go there once the link has loaded it.
    link.addEventListener('click', () => setTimeout(() => window.scrollTo({ top: 0 }), 0));
    const text = Object.assign(document.createElement('p'), { textContent: lesson.text });
    item.append(link, text);
    list.append(item);
  }
}
