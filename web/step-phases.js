// The phases of one traced training step, in the order the page animates them, and what the
// network diagram shows in each: which quantity every link carries and which values every unit
// has revealed so far. Reads the core's step trace (engine.traceStep / traceStepOn) and never
// computes a model number itself. No DOM: the step view draws what these functions return.
import { featureLabel, paramIndex, unitName } from './views/network.js';
import { colon, formatNumber, formatList, formatTuple } from './views/format.js';
import { t } from './i18n/i18n.js';
import { ACTIVATION_PROSE, LOSS_PROSE } from './views/names.js';

export { unitName };

function columnName(sizes, column) {
  if (column === 0) return t('inputs');
  return column === sizes.length - 1 ? t('output') : `h${column}`;
}

/**
 * The phases of a step on a network with `sizes` (layerSizes) and `examples` traced examples:
 * the example, forward through each weight layer, the loss, backward through each weight layer
 * from the output, the batch average (more than one example), the update.
 * @returns {Phase[]}
 * @typedef {{ kind: 'example'|'forward'|'loss'|'backward'|'average'|'update', layer?: number, title: string }} Phase
 */
export function buildPhases(sizes, examples) {
  const layers = sizes.length - 1;
  /** @type {Phase[]} */
  const phases = [{ kind: 'example', title: examples > 1 ? t('The mini-batch: {n} examples', { n: examples }) : t('The example') }];
  for (let l = 0; l < layers; ++l) {
    phases.push({ kind: 'forward', layer: l, title: t('Forward: {from} → {to}', { from: columnName(sizes, l), to: columnName(sizes, l + 1) }) });
  }
  phases.push({ kind: 'loss', title: t('Loss') });
  for (let l = layers - 1; l >= 0; --l) {
    phases.push({ kind: 'backward', layer: l, title: t('Backward: {from} → {to}', { from: columnName(sizes, l + 1), to: columnName(sizes, l) }) });
  }
  if (examples > 1) phases.push({ kind: 'average', title: t('Average over the {n} examples', { n: examples }) });
  phases.push({ kind: 'update', title: t('Update') });
  return phases;
}

/** Index of the first phase of `kind` (for weight layer `layer` where it has one), or -1. */
export function phaseIndex(phases, kind, layer) {
  return phases.findIndex((p) => p.kind === kind && (layer === undefined || p.layer === layer));
}

const reached = (phases, at, kind, layer) => {
  const i = phaseIndex(phases, kind, layer);
  return i >= 0 && at >= i;
};

/**
 * What the links of weight layer `layer` carry at phase `at`: the weight until the forward pass
 * reaches them, then their contribution w·a, their gradient dL/dw once the backward pass has,
 * the batch mean, and the change Δw in the update.
 * @returns {'weight'|'contribution'|'gradient'|'mean'|'update'}
 */
export function linkQuantity(phases, at, layer) {
  if (reached(phases, at, 'update')) return 'update';
  if (reached(phases, at, 'average')) return 'mean';
  if (reached(phases, at, 'backward', layer)) return 'gradient';
  if (reached(phases, at, 'forward', layer)) return 'contribution';
  return 'weight';
}

/** Which values of a unit in diagram column `column` (1 = first hidden layer) are known at `at`. */
export function unitReveals(phases, at, column) {
  const output = column === phases.filter((p) => p.kind === 'forward').length;
  return {
    forward: reached(phases, at, 'forward', column - 1),   // z and a
    loss: output && reached(phases, at, 'loss'),            // target, loss, dL/da
    backward: reached(phases, at, 'backward', column - 1),  // delta
  };
}

/** Maxout's k in a traced step (each maxout layer's trace has an out × k `pieces`); 1 otherwise. */
export function tracedPieces(step, sizes) {
  const first = step.examples[0]?.layers[0];
  return first && first.winner?.length > 0 ? first.pieces.length / sizes[1] : 1;
}

/** The piece of unit `to` of weight layer `layer` that won for the shown example (0 if not maxout). */
export function winningPiece(step, example, layer, to) {
  const winner = step.examples[example].layers[layer].winner;
  return winner && winner.length > 0 ? winner[to] : 0;
}

/**
 * Index in the flat parameters of what a link (or bias) of the step stands for: the weight itself,
 * or for a maxout unit the weight of the piece that won for the shown example (the one the trace's
 * contribution, dW and db belong to).
 */
export function stepParamIndex(step, sizes, example, layer, to, from) {
  return paramIndex(sizes, layer, to, from, winningPiece(step, example, layer, to), tracedPieces(step, sizes));
}

/**
 * Index of PReLU's slope of unit `unit` of weight layer `layer` (a hidden layer): the slopes follow
 * every W and b, layer by layer (core/include/backprop/network.hpp).
 */
export function slopeIndex(sizes, layer, unit) {
  let k = 0;
  for (let l = 0; l + 1 < sizes.length; ++l) k += sizes[l + 1] * (sizes[l] + 1);
  for (let l = 0; l < layer; ++l) k += sizes[l + 1];
  return k + unit;
}

/**
 * The number a link (or, with from = 'bias', a bias) shows: its weight, contribution w·a,
 * gradient of the shown example, the batch mean gradient, or the change of the update — each
 * straight from the trace. A maxout unit's links show the piece that won for the shown example.
 * @param {object} step the core's step trace
 * @param {number} example which traced example of the batch is shown
 */
export function linkValue(step, sizes, quantity, example, layer, to, from) {
  const k = stepParamIndex(step, sizes, example, layer, to, from);
  const trace = step.examples[example].layers[layer];
  const rows = sizes[layer + 1];
  switch (quantity) {
    case 'weight': return step.paramsBefore[k];
    case 'contribution': return from === 'bias' ? step.paramsBefore[k] : trace.contribution[to + from * rows];
    case 'gradient': return from === 'bias' ? trace.db[to] : trace.dW[to + from * rows];
    case 'mean': return step.dataGradient[k];
    case 'update': return step.update[k];
    default: throw new Error(`unknown link quantity ${quantity}`);
  }
}

/** Short number for the diagram and the explanations; exact values live in data attributes. */
export function short(v) {
  return formatNumber(v);
}


const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (k) => `⁽${String(k).replace(/\d/g, (d) => SUPERSCRIPT[d])}⁾`;

/**
 * The backward phase of weight layer `layer` in matrix form, every unit at once, with the shape of
 * each factor for this network (columns: one per example). Layer numbers follow W1 = inputs → h1.
 */
export function matrixForm(sizes, layer) {
  const k = layer + 1;  // this phase's δ belongs to column k and to W⁽ᵏ⁾, which feeds it
  const shape = (rows, cols) => `${rows}×${cols}`;
  const weightGradient = `∂L/∂W${sup(k)} = δ${sup(k)} (a${sup(k - 1)})ᵀ${colon()} ${shape(sizes[k], 1)} · ${shape(1, sizes[k - 1])} ` +
    `= ${shape(sizes[k], sizes[k - 1])}, ${t('the shape of {w}.', { w: `W${sup(k)}` })}`;
  if (k === sizes.length - 1) return t('In matrix form: {formula}', { formula: weightGradient });
  return t('In matrix form: {delta}, that is {shapes}; {gradient} A mini-batch of n makes every 1 an n: one column per example.', {
    delta: `δ${sup(k)} = (W${sup(k + 1)})ᵀ δ${sup(k + 1)} ⊙ f′(z${sup(k)})`,
    shapes: `(${shape(sizes[k + 1], sizes[k])})ᵀ · ${shape(sizes[k + 1], 1)} ⊙ ${shape(sizes[k], 1)} = ${shape(sizes[k], 1)}`,
    gradient: weightGradient });
}

/**
 * What a phase means, in a sentence or two with this step's numbers (all from the trace).
 * @param {object} ctx { step, example (shown), sizes, featureNames, activations (per column),
 *   loss, optimizer, l1, l2, points (with standardised inputs: each example's point, the network's
 *   inputs being its standardised features; else absent) }
 */
export function phaseText(phase, ctx) {
  const { step, sizes } = ctx;
  const ex = step.examples[ctx.example];
  const last = sizes.length - 1;
  const vector = (values) => (values.length === 1 ? short(values[0]) : `(${formatList(Array.from(values, short))})`);
  const several = step.batch.length > 1;
  switch (phase.kind) {
    case 'example': {
      // Standardised, the inputs are not the point's coordinates: the point, then what the network
      // sees, written as the scaling note writes it (x1 → …).
      const point = ctx.points?.[ctx.example];
      const x = point
        ? t('{point}, which the network sees standardised as {inputs}', { point: point.length === 1 ? short(point[0]) : formatTuple(point),
          inputs: formatList(ctx.featureNames.map((n, i) => `${featureLabel(n)} → ${short(ex.input[i])}`)) })
        : formatList(ctx.featureNames.map((n, i) => `${featureLabel(n)} = ${short(ex.input[i])}`));
      return several
        ? t('One update from {n} examples (points {points}): each goes forward and backward, then their gradients are averaged. The diagram follows example {k}: {x}, target {target}.',
          { n: step.batch.length, points: step.batch.join(', '), k: ctx.example + 1, x, target: vector(ex.target) })
        : t('Training point {i}: {x}, target {target}. It goes forward through the network, its loss is measured, the error goes back, and every weight moves once.',
          { i: step.batch[0], x, target: vector(ex.target) });
    }
    case 'forward': {
      const to = phase.layer + 1 === last ? t('the output') : t('layer {name}', { name: `h${phase.layer + 1}` });
      const act = ctx.activations[phase.layer + 1];
      const mask = ex.layers[phase.layer].mask;
      const dropped = mask && mask.length > 0 ? Array.from(mask).filter((m) => m === 0).length : -1;
      const drop = dropped < 0 ? '' : ` ${t('Dropout: this step dropped {n} of its {m} units for this example (a = 0, drawn faded) and scaled the others by 1/(1 − p).',
        { n: dropped, m: mask.length })}`;
      if (act === 'maxout') {
        const k = ex.layers[phase.layer].pieces.length / sizes[phase.layer + 1];
        const won = Array.from(ex.layers[phase.layer].winner, (p) => p + 1).join(', ');
        return `${t('Each maxout unit of {layer} computes {k} pieces, each its own sum of inputs times weights plus bias, z_p = Σ w_p·a + b_p, and keeps the largest: a = max_p z_p (the lowest piece wins a tie). The winning pieces here: {won}. Each link shows the winner\'s w·a.',
          { layer: to, k, won })}${drop}`;
      }
      return `${t('Each unit of {layer} adds up its inputs times their weights (each link shows its w·a) plus its bias: z = Σ w·a + b. Then it applies {activation}: a = f(z).',
        { layer: to, activation: ACTIVATION_PROSE[act] ? t(ACTIVATION_PROSE[act]) : act })}${drop}`;
    }
    case 'loss':
      return t('The prediction {prediction} against the target {target}: {loss} gives L = {value}. Its slope ∂L/∂a = {slope} starts the backward pass.', {
        prediction: vector(ex.output), target: vector(ex.target), loss: LOSS_PROSE[ctx.loss] ? t(LOSS_PROSE[ctx.loss]) : ctx.loss,
        value: short(ex.loss), slope: vector(ex.dLossDOutput) });
    case 'backward': {
      if (phase.layer + 1 === last) {
        const folded = ctx.loss !== 'mse';
        return `${folded ? t('Each output\'s δ = ∂L/∂z = a − y: the loss\'s slope and the activation\'s cancel.')
          : t('Each output\'s δ = ∂L/∂z = ∂L/∂a × f′(z).')} ${t('Each link into it gets ∂L/∂w = δ × the activation at its left end.')} ${matrixForm(sizes, phase.layer)}`;
      }
      const act = ctx.activations[phase.layer + 1];
      const extra = act === 'maxout'
        ? ` ${t('A maxout unit\'s slope is 1 through the piece that won; the other pieces get ∂L/∂w = 0 from this example.')}`
        : act === 'prelu'
          ? ` ${t('Each PReLU unit\'s own slope learns too: ∂L/∂slope = ∂L/∂a × min(z, 0) = {slope}.', { slope: vector(ex.layers[phase.layer].dSlope) })}`
          : '';
      return `${t('Each unit of {layer} collects the δ of every unit it feeds, weighted by the link between them, and multiplies by its own slope: δ = (Σ w·δ) × f′(z). Each link into it gets ∂L/∂w = δ × a at its left end.',
        { layer: `h${phase.layer + 1}` })}${extra} ${matrixForm(sizes, phase.layer)}`;
    }
    case 'average':
      return t('The update uses the mean of the {n} examples\' gradients: the links now show ∂J/∂w = (1/n) Σ ∂Lᵢ/∂w.', { n: step.batch.length });
    case 'update': {
      const rule = ctx.optimizer === 'momentum' ? t('with momentum, v ← μv − ηg and w ← w + v')
        : ctx.optimizer === 'adam' ? t('Adam scales each step by its running gradient averages, w ← w − η m̂/(√v̂ + ε)')
          : 'w ← w − η g';
      const reg = ctx.l1 > 0 || ctx.l2 > 0 ? ` ${t('The gradient includes the L1/L2 penalty.')}` : '';
      const slopes = ctx.activations.includes('prelu')
        ? ` ${t('PReLU\'s slopes move the same way (never penalised): the first, of {unit}, {before} → {after}.', { unit: unitName(ctx.featureNames, sizes, 1, 0),
          before: short(step.paramsBefore[slopeIndex(sizes, 0, 0)]), after: short(step.paramsAfter[slopeIndex(sizes, 0, 0)]) })}`
        : '';
      const losses = { before: short(step.lossBefore), after: short(step.lossAfter) };
      return `${t('Every weight and bias moves against its gradient: {rule}, η = {rate}. The links move from w to w′ = w + Δw, drawn as in the network above; their labels give Δw.',
        { rule, rate: short(step.learningRate) })}${reg}${slopes} ` +
        `${several ? t('Loss on these examples: {before} → {after}.', losses) : t('Loss on this example: {before} → {after}.', losses)}`;
    }
    default: return '';
  }
}
