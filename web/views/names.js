// How the page names activations, losses and other setting values to the learner: in controls
// (labels), in sentences (prose) and in equations (symbols). The one table of these names.

/** Control labels of setting values (select options, summaries). */
export const VALUE_LABELS = Object.freeze({
  linear: 'Linear', step: 'Step', sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'ReLU', leaky_relu: 'Leaky ReLU',
  elu: 'ELU', softplus: 'Softplus', abs: 'Absolute value', gelu: 'GELU', swish: 'Swish (SiLU)', prelu: 'PReLU', maxout: 'Maxout', softmax: 'Softmax',
  mse: 'Squared error', bce: 'Binary cross-entropy', softmax_ce: 'Softmax cross-entropy',
  zeros: 'Zeros', uniform: 'Uniform ±1/√fan-in', xavier_uniform: 'Xavier uniform', xavier_normal: 'Xavier normal',
  he_uniform: 'He uniform', he_normal: 'He normal', normal_scale: 'Normal N(0, σ²)', uniform_scale: 'Uniform U(−a, a)',
  standardise: 'Standardise (z-score)',
  none: 'None', inverse_time: 'Inverse time', exponential: 'Exponential',
  max: 'As fast as possible',
  sgd: 'SGD', momentum: 'Momentum', adam: 'Adam',
  epoch: 'epoch', batch: 'mini-batch', example: 'example',
});

/** The datasets' names as the picker says them (the link's names, in words), in the context 'dataset'. */
export const DATASET_TITLES = Object.freeze({ xor: 'xor', circles: 'circles', gaussians: 'gaussians', spiral: 'spiral', moons: 'moons',
  blobs: 'blobs', multi_spiral: 'multi spiral', plane: 'plane', multi_gaussian: 'multi gaussian', custom: 'custom', sine: 'sine',
  step: 'step', abs: 'abs', bump: 'bump', curve: 'curve' });

/** Activations in a sentence: "it applies <prose>". */
export const ACTIVATION_PROSE = Object.freeze({ linear: 'the identity', step: 'a step', sigmoid: 'sigmoid',
  tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', elu: 'ELU', softplus: 'softplus', abs: 'the absolute value',
  gelu: 'GELU', swish: 'swish', prelu: 'PReLU (a learned slope per unit)',
  maxout: 'maxout (the largest of k linear pieces)', softmax: 'softmax' });

/**
 * Activations named by a bare word in a sentence, lower-case as words are and as the statements
 * write them: "choose sigmoid units (now tanh)". In the context 'unit'.
 */
export const ACTIVATION_WORDS = Object.freeze({ linear: 'linear', step: 'step', sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU',
  leaky_relu: 'leaky ReLU', elu: 'ELU', softplus: 'softplus', abs: 'absolute value', gelu: 'GELU', swish: 'swish (SiLU)',
  prelu: 'PReLU', maxout: 'maxout', softmax: 'softmax' });

/** Losses in a sentence. */
export const LOSS_PROSE = Object.freeze({ mse: 'squared error ½(a − y)²', bce: 'binary cross-entropy',
  softmax_ce: 'softmax cross-entropy' });

/** Activations as function symbols in equations: a = σ(z). */
export const ACTIVATION_SYMBOL = Object.freeze({ linear: 'id', step: 'step', sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU',
  leaky_relu: 'LeakyReLU', elu: 'ELU', softplus: 'softplus', abs: 'abs', gelu: 'GELU', swish: 'swish', prelu: 'PReLU',
  maxout: 'id', softmax: 'softmax' });  // maxout: z is already the winning piece's, a = z
