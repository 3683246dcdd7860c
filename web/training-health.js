// Warnings for training that has gone wrong without NaN weights: a loss too large to compute,
// exploding weights, a training loss that rose well above where the run started, or saturated outputs that pass back almost no gradient
// while the data is still misclassified. Reads only the core's numbers (params, metrics, the output
// layer's mean slope f'(z) from layerStats). Pure: no DOM, no engine; the controller asks.

import { formatFixed, formatPercent, withSeparator } from './views/format.js';
import { t } from './i18n/i18n.js';

/** No set-up of the page needs weights this large: inputs and features are within ±36. */
export const MAX_HEALTHY_WEIGHT = 1000;
/** A training loss this many times its value at the start of the run has gone the wrong way. */
export const LOSS_RISE = 1.5;
/** Outputs whose mean f'(z) is below this share of f's steepest slope are saturated. */
export const SATURATED_SLOPE = 0.01;
const STEEPEST = { tanh: 1, sigmoid: 0.25 };  // f'(0): the largest slope each can pass back
const MIN_EPOCHS = 5;                          // early epochs move a lot: judge a run after these

const small = (v) => withSeparator(v === 0 ? '0' : v < 1e-3 ? v.toExponential(1) : v.toPrecision(2));
const advice = (lr) => t('The learning rate ({lr}) is probably too large: lower it, then reset.', { lr: withSeparator(lr) });

/**
 * @param {object} run
 * @param {number} run.epoch epochs trained in this run
 * @param {number} run.learningRate
 * @param {number} run.startLoss training loss when the run started (before any update)
 * @param {{ loss: number, accuracy: number }} run.train the current training metrics
 * @param {ArrayLike<number>} run.params every weight and bias
 * @param {string} run.outputActivation
 * @param {() => number} run.outputSlope the output layer's mean f'(z) (called only when needed)
 * @returns {string|null} a warning naming the sign and the numbers, or null
 */
export function trainingWarning({ epoch, learningRate, startLoss, train, params, outputActivation, outputSlope }) {
  let largest = 0;
  for (let i = 0; i < params.length; ++i) largest = Math.max(largest, Math.abs(params[i]));
  if (!Number.isFinite(largest)) return null;  // NaN or infinite weights: divergence, which the engine says
  // Finite weights whose outputs are too large to square: the readouts show – and the engine, whose
  // divergence is of the weights, does not say so yet.
  if (!Number.isFinite(train.loss)) {
    return `${t('The loss is too large to compute (it overflowed), though the weights are still numbers (the largest is {largest}): training is diverging.',
      { largest: withSeparator(largest.toPrecision(3)) })} ${advice(learningRate)}`;
  }
  if (largest > MAX_HEALTHY_WEIGHT) {
    return `${t('The weights are exploding: the largest is {largest} (a healthy network here stays well below {max}).',
      { largest: withSeparator(largest.toPrecision(3)), max: MAX_HEALTHY_WEIGHT })} ${advice(learningRate)}`;
  }
  if (epoch < MIN_EPOCHS) return null;
  if (Number.isFinite(startLoss) && startLoss > 0 && train.loss > LOSS_RISE * startLoss) {
    return `${t('Training is going the wrong way: the training loss is {ratio}× what it was at the start ({start} → {now}).', {
      ratio: formatFixed(train.loss / startLoss, 1), start: withSeparator(startLoss.toPrecision(3)), now: withSeparator(train.loss.toPrecision(3)) })} ${advice(learningRate)}`;
  }
  const steepest = STEEPEST[outputActivation];
  if (steepest && train.accuracy < 0.9) {
    const slope = outputSlope();
    if (slope < SATURATED_SLOPE * steepest) {
      return `${t('The output {activation} is saturated: its mean slope f′(z) is {slope} (at most {steepest}), so almost no gradient flows back while {percent} of the training points are misclassified.', {
        activation: outputActivation, slope: small(slope), steepest: withSeparator(steepest), percent: formatPercent(1 - train.accuracy, 0) })} ${advice(learningRate)}`;
    }
  }
  return null;
}

/** Accuracy as the page shows it: '–' when undefined or when the weights are not finite. */
export function accuracyText(accuracy, diverged) {
  return diverged ? '–' : formatPercent(accuracy, 1);
}
