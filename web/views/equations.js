// Chain-rule equations for a clicked neuron or link in the step-by-step backprop animation, with
// the core's numbers substituted, typeset as MathML (Chromium renders MathML Core natively, so it
// works offline). Every number comes from the core's trace: this module only formats and typesets
// what it is given and never computes model maths itself, but for an update's step −η·g, the
// product of two numbers it shows. Each builder returns one
// <math display="block"> holding an <mtable> with one line per <mtr>, ready for innerHTML; every
// equation line ends with its result.

import { formatNumber, numberParts } from './format.js';
import { ACTIVATION_SYMBOL } from './names.js';
import { t } from '../i18n/i18n.js';

const MAX_TERMS = 8;  // longer sums show the first 3 terms, ⋯, and the last one
const MINUS = '−';    // U+2212, a real minus sign rather than a hyphen

/** Escapes text for XML/HTML markup: &, <, > and ". */
export function escapeXml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Equations show 4 significant digits, in the page's one format (views/format.js).
const DIGITS = 4;
const parts = (v) => numberParts(v, DIGITS);

/** A number as plain text, in the page's format with 4 significant digits: 1.234×10⁻⁵. */
export function num(v) {
  return formatNumber(v, { digits: DIGITS });
}

// ---- MathML pieces: each returns markup ----
const mo = (s) => `<mo>${s}</mo>`;
const mi = (s) => `<mi>${escapeXml(s)}</mi>`;
const paren = (x) => `${mo('(')}${x}${mo(')')}`;
const sub = (base, s) => `<msub>${base}${s}</msub>`;
const sup = (base, s) => `<msup><mrow>${base}</mrow>${s}</msup>`;  // mrow: the base may be (…)
const frac = (top, bottom) => `<mfrac><mrow>${top}</mrow><mrow>${bottom}</mrow></mfrac>`;
const partial = (top, bottom) => frac(`${mo('∂')}${top}`, `${mo('∂')}${bottom}`);
const sigma = (index) => `<munder>${mo('∑')}${mi(index)}</munder>`;
const named = (symbol, name) => sub(mi(symbol), mi(name));              // a_{h1.1}
const edge = (from, to) => `<mrow>${mi(from)}${mo('→')}${mi(to)}</mrow>`;
const weight = (from, to) => sub(mi('w'), edge(from, to));            // w_{x1→h1.1}
// A parameter: w_{x1→h1.1} for { from, to }, b_{h1.1} for { bias }, else a plain symbol.
// PReLU's learned slope of a unit is { slope }: slope_{h1.1}.
const paramSymbol = (param, name) => (param?.from !== undefined ? weight(param.from, param.to)
  : param?.bias !== undefined ? named('b', param.bias) : param?.slope !== undefined ? named('slope', param.slope) : mi(name));
const LOSS_NAME = { mse: 'squared-error', bce: 'binary cross-entropy', softmax_ce: 'softmax cross-entropy' };
const fPrime = (unit) => `${sup(mi('f'), mo('′'))}${paren(named('z', unit))}`;
const times = (...factors) => factors.join(mo('×'));
const dot = (...factors) => factors.join(mo('·'));
const log = (x) => `${mi('log')}${paren(x)}`;  // log(0.8) rather than a cramped log0.8
const ONE = '<mn>1</mn>';
const TWO = '<mn>2</mn>';

// A substituted number as <mn> (exponent form as mantissa × 10 with an <msup> power).
function mn(v) {
  if (!Number.isFinite(v)) return `<mn>${num(v)}</mn>`;
  const { mant, exp } = parts(v);
  return exp === null ? `<mn>${mant}</mn>` : `<mrow><mn>${mant}</mn>${mo('×')}${sup('<mn>10</mn>', `<mn>${exp}</mn>`)}</mrow>`;
}
/** A number used inside a product or sum: negatives get parentheses so "0.4 × (−0.2)" reads right. */
const operand = (v) => (v < 0 ? paren(mn(v)) : mn(v));

// Joins terms with +, showing only the first 3, ⋯ and the last when there are more than 8.
function sum(terms) {
  const shown = terms.length > MAX_TERMS ? [...terms.slice(0, 3), mo('⋯'), terms[terms.length - 1]] : terms;
  return shown.join(mo('+'));
}

// One line of a chain of equalities: each part equals the next, the last is the result.
const line = (...parts) => `<mtr><mtd class="eq-left">${parts.join(mo('='))}</mtd></mtr>`;
const note = (text) => `<mtr><mtd class="eq-left"><mtext>${escapeXml(text)}</mtext></mtd></mtr>`;
// columnalign serves Firefox/Safari; Chromium ignores it and uses the cells' text-align.
const math = (lines) => `<math display="block"><mtable columnalign="left">${lines.join('')}</mtable></math>`;

/**
 * Forward pass of one unit: z = Σ w·a + b, then a = f(z), or a = m·f(z) with the dropout mask m
 * the step drew (0: dropped, 1/(1−p): kept and scaled).
 * @param {{ unit: string, activation: string, terms: { from: string, w: number, a: number,
 *   contribution: number }[], bias?: number, z: number, out: number, mask?: number }} p
 */
export function forwardEquation({ unit, activation, terms, bias, z, out, mask }) {
  const hasBias = bias !== undefined && bias !== null;
  const withBias = (list, b) => (hasBias ? `${sum(list)}${mo('+')}${b}` : sum(list));  // b after any ⋯
  const f = mi(ACTIVATION_SYMBOL[activation] ?? activation);
  const a = named('a', unit), zUnit = named('z', unit);
  const result = activation === 'softmax'
    // softmax mixes every output's z (the vector 𝐳), so this unit's z alone does not give a
    ? line(a, sub(`<mrow>${f}${paren(mi('𝐳'))}</mrow>`, mi(unit)), mn(out))
    : mask !== undefined
      ? line(a, dot(named('m', unit), `${mi('f')}${paren(zUnit)}`), times(mn(mask), `${f}${paren(mn(z))}`), mn(out))
      : line(a, `${mi('f')}${paren(zUnit)}`, `${f}${paren(mn(z))}`, mn(out));
  return math([
    line(zUnit,
      withBias(terms.map((t) => dot(weight(t.from, unit), named('a', t.from))), named('b', unit)),
      withBias(terms.map((t) => times(operand(t.w), operand(t.a))), operand(bias)),
      withBias(terms.map((t) => operand(t.contribution)), operand(bias)),
      mn(z)),
    result,
    ...(mask === undefined ? [] : [note(mask === 0 ? t('dropout: this unit is dropped for this example in this step')
      : t('dropout: kept this time; m scales it up so that the layer\'s expected output stays the same'))]),
  ]);
}

const LOSS_FORMULA = {
  mse: () => `<mfrac>${ONE}${TWO}</mfrac>${sigma('k')}${sup(paren(`${named('a', 'k')}${mo(MINUS)}${named('y', 'k')}`), TWO)}`,
  bce: () => `${mo(MINUS)}${sigma('k')}${mo('[')}${named('y', 'k')}${log(named('a', 'k'))}${mo('+')}`
    + `${paren(`${ONE}${mo(MINUS)}${named('y', 'k')}`)}${log(`${ONE}${mo(MINUS)}${named('a', 'k')}`)}${mo(']')}`,
  softmax_ce: () => `${mo(MINUS)}${sigma('k')}${named('y', 'k')}${log(named('a', 'k'))}`,
};
// The loss with one example's numbers substituted, summed over the outputs as the core does.
const LOSS_SUBSTITUTED = {
  mse: (outs) => `<mfrac>${ONE}${TWO}</mfrac>${paren(sum(outs.map((o) => sup(paren(`${operand(o.a)}${mo(MINUS)}${operand(o.y)}`), TWO))))}`,
  bce: (outs) => outs.map((o) => `${mo(MINUS)}${mo('[')}${times(operand(o.y), log(mn(o.a)))}${mo('+')}`
    + `${times(paren(`${ONE}${mo(MINUS)}${operand(o.y)}`), log(`${ONE}${mo(MINUS)}${operand(o.a)}`))}${mo(']')}`).join(''),
  softmax_ce: (outs) => `${mo(MINUS)}${paren(sum(outs.map((o) => times(operand(o.y), log(mn(o.a))))))}`,
};
// ∂L/∂a for one output, symbolic (with names) or substituted (with numbers).
const LOSS_GRADIENT = {
  mse: (a, y) => `${a}${mo(MINUS)}${y}`,
  bce: (a, y) => `${mo(MINUS)}${frac(y, a)}${mo('+')}${frac(`${ONE}${mo(MINUS)}${y}`, `${ONE}${mo(MINUS)}${a}`)}`,
  softmax_ce: (a, y) => `${mo(MINUS)}${frac(y, a)}`,
};

/**
 * Loss of one example and ∂L/∂a for each output.
 * @param {{ loss: 'mse'|'bce'|'softmax_ce', outputs: { name: string, a: number, y: number,
 *   dLda: number }[], value: number }} p
 */
export function lossEquation({ loss, outputs, value }) {
  return math([
    line(mi('L'), LOSS_FORMULA[loss](), LOSS_SUBSTITUTED[loss](outputs), mn(value)),
    ...outputs.map((o) => line(partial(mi('L'), named('a', o.name)),
      LOSS_GRADIENT[loss](named('a', o.name), named('y', o.name)),
      LOSS_GRADIENT[loss](operand(o.a), operand(o.y)), mn(o.dLda))),
  ]);
}

/**
 * δ = ∂L/∂z of one unit. Hidden units sum over every path to the next layer; output units use the
 * loss directly, and for BCE + sigmoid or softmax CE + softmax the derivatives cancel to δ = a − y.
 * @param {{ unit: string, isOutput: boolean, loss: string, activation: string, dLda: number,
 *   gradAct: number, delta: number, paths?: { to: string, w: number, delta: number }[],
 *   a?: number, y?: number, mask?: number }} p  mask: a hidden unit's dropout mask in this step
 */
export function deltaEquation({ unit, isOutput, loss, activation, dLda, gradAct, delta, paths = [], a, y, mask }) {
  const d = named('δ', unit);
  if (isOutput && loss !== 'mse') {
    return math([
      line(d, `${named('a', unit)}${mo(MINUS)}${named('y', unit)}`, `${operand(a)}${mo(MINUS)}${operand(y)}`, mn(delta)),
      note(t('the {activation} derivative cancels against the {loss} loss\'s ∂L/∂a, leaving a − y', { activation, loss: LOSS_NAME[loss] ? t(LOSS_NAME[loss]) : loss })),
    ]);
  }
  if (isOutput) {
    return math([line(d, dot(partial(mi('L'), named('a', unit)), fPrime(unit)), times(operand(dLda), operand(gradAct)), mn(delta))]);
  }
  // With dropout the unit's mask m scales what passes back through it, as it scaled a.
  const m = mask === undefined ? [] : [named('m', unit)], mv = mask === undefined ? [] : [mn(mask)];
  return math([line(d,
    dot(paren(`${sigma('k')}${weight(unit, 'k')}${named('δ', 'k')}`), fPrime(unit), ...m),
    dot(paren(sum(paths.map((p) => `${weight(unit, p.to)}${named('δ', p.to)}`))), fPrime(unit), ...m),
    times(paren(sum(paths.map((p) => times(operand(p.w), operand(p.delta))))), operand(gradAct), ...mv),
    times(operand(dLda), operand(gradAct), ...mv),
    mn(delta))]);
}

/**
 * A maxout unit's pieces and the winner: z = max over its k pieces of w_p·a + b_p, the lowest
 * index winning a tie; δ goes back through the winner only.
 * @param {{ unit: string, pieces: number[], winner: number, z: number }} p  winner: 0-based
 */
export function maxoutEquation({ unit, pieces, winner, z }) {
  const names = pieces.map((_, p) => sub(mi('z'), `<mrow>${mi(unit)}${mo(',')}<mn>${p + 1}</mn></mrow>`));
  const max = (xs) => `${mi('max')}${paren(xs.join(mo(',')))}`;
  return math([
    line(named('z', unit), max(names), max(pieces.map(operand)), mn(z)),
    note(pieces.filter((v) => v === pieces[winner]).length > 1
      ? t('piece {n} of {k} wins (a tie: the lowest piece wins): a = z with slope 1, and δ goes back through piece {n} alone (the other pieces\' ∂L/∂w and ∂L/∂b are 0 for this example)', { n: winner + 1, k: pieces.length })
      : t('piece {n} of {k} wins: a = z with slope 1, and δ goes back through piece {n} alone (the other pieces\' ∂L/∂w and ∂L/∂b are 0 for this example)', { n: winner + 1, k: pieces.length })),
  ]);
}

/**
 * ∂L/∂slope of a PReLU unit for one example: ∂L/∂a · min(z, 0) (· m with dropout's mask).
 * @param {{ unit: string, dLda: number, z: number, mask?: number, grad: number }} p
 */
export function preluSlopeEquation({ unit, dLda, z, mask, grad }) {
  const m = mask === undefined ? [] : [named('m', unit)], mv = mask === undefined ? [] : [mn(mask)];
  const minZ = (x) => `${mi('min')}${paren(`${x}${mo(',')}<mn>0</mn>`)}`;
  return math([
    line(partial(mi('L'), named('slope', unit)), dot(partial(mi('L'), named('a', unit)), minZ(named('z', unit)), ...m),
      times(operand(dLda), minZ(mn(z)), ...mv), mn(grad)),
    note(t('a = z for z > 0 and slope·z below: only a negative z teaches the slope')),
  ]);
}

/**
 * ∂L/∂w for one link (or ∂L/∂b for a unit's bias) of one example.
 * @param {{ from?: string, to: string, isBias?: boolean, dLda?: number, gradAct?: number,
 *   aPrev?: number, delta: number, grad?: number, cancels?: boolean, mask?: number }} p
 *   mask: the dropout mask of unit `to` in this step, if any
 */
export function weightGradientEquation({ from, to, isBias, dLda, gradAct, aPrev, delta, grad, cancels, mask }) {
  if (isBias) return math([line(partial(mi('L'), named('b', to)), dot(named('δ', to), ONE), mn(delta))]);
  const w = weight(from, to), zTo = named('z', to), aTo = named('a', to);
  const short = [dot(named('δ', to), named('a', from)), times(operand(delta), operand(aPrev)), mn(grad)];
  if (cancels) return math([line(partial(mi('L'), w), dot(partial(mi('L'), zTo), partial(zTo, w)), ...short)]);
  // With dropout, ∂a/∂z = f′(z)·m: the mask is a factor of its own.
  const slope = mask === undefined ? [operand(gradAct)] : [operand(gradAct), mn(mask)];
  return math([
    line(partial(mi('L'), w), dot(partial(mi('L'), aTo), partial(aTo, zTo), partial(zTo, w)),
      times(operand(dLda), ...slope, operand(aPrev)), mn(grad)),
    line(partial(mi('L'), w), ...short),
  ]);
}

/**
 * Averages one parameter's per-example gradients over the batch.
 * @param {{ name?: string, param?: { from: string, to: string }|{ bias: string }, perExample: number[], mean: number }} p
 *   param: the weight (w_{from→to}) or bias (b_unit), else the plain symbol `name`
 */
export function batchAverageEquation({ name = 'w', param, perExample, mean }) {
  const n = `<mn>${perExample.length}</mn>`;  // a count, not model maths
  const W = paramSymbol(param, name);
  return math([line(partial(mi('J'), W),
    `<mfrac>${ONE}${mi('n')}</mfrac>${sigma('i')}${partial(sub(mi('L'), mi('i')), W)}`,
    `<mfrac>${ONE}${n}</mfrac>${paren(sum(perExample.map(operand)))}`,
    mn(mean))]);
}

/**
 * One optimizer step for one parameter: regularisation (if any), then sgd, momentum or adam.
 * `update` is the change Δw = wAfter − w as the core reports it: when given, sgd and adam show
 * their step as w + (−η·g), the product of the numbers shown, and, where rounding w′ to a float
 * makes Δw read differently, Δw itself.
 * @param {object} p see the fields destructured below; `param` names the parameter as in batchAverageEquation
 */
export function updateEquation({ name = 'w', param, optimizer, lr, w, wAfter, update, gData, gReg, g, l1 = 0, l2 = 0,
  momentum, vBefore, vAfter, beta1, beta2, epsilon, adamMBefore, adamVBefore, t: adamStep, m, v, mHat, vHat }) {
  const W = paramSymbol(param, name), G = mi('g'), eta = mi('η'), lines = [];
  const given = typeof update === 'number';
  // The step as its factors give it: w′ = w + Δw holds only to a float's precision near w, so a
  // step far below it (η 10⁻⁵) moves w by a rounded amount, or not at all.
  const exactStep = optimizer === 'adam' ? -(lr * mHat / (Math.sqrt(vHat) + epsilon)) : -(lr * g);
  const step = given ? [`${operand(w)}${mo('+')}${operand(exactStep)}`] : [];
  const rounded = given && num(update) !== num(exactStep)
    ? [line(`${mi('Δ')}${W}`, mn(update)),
      note(t('w′ is stored as a single-precision float, so the weight moved by Δw = w′ − w rather than by the step above'))]
    : [];
  if (gReg && (l1 > 0 || l2 > 0)) {
    const symbolic = [partial(sub(mi('J'), '<mtext>data</mtext>'), W)];
    const substituted = [operand(gData)];
    if (l2 > 0) { symbolic.push(dot(sub(mi('λ'), TWO), W)); substituted.push(times(operand(l2), operand(w))); }
    if (l1 > 0) {
      symbolic.push(dot(sub(mi('λ'), ONE), `${mi('sign')}${paren(W)}`));
      substituted.push(times(operand(l1), `${mi('sign')}${paren(mn(w))}`));
    }
    lines.push(line(G, sum(symbolic), sum(substituted), sum([operand(gData), operand(gReg)]), mn(g)));
  }
  const assign = (target, rhs) => `${target}${mo('←')}${rhs}`;
  if (optimizer === 'momentum') {
    const V = mi('v');
    lines.push(line(assign(V, `${dot(mi('μ'), V)}${mo(MINUS)}${dot(eta, G)}`),
      `${times(operand(momentum), operand(vBefore))}${mo(MINUS)}${times(operand(lr), operand(g))}`, mn(vAfter)));
    lines.push(line(assign(W, `${W}${mo('+')}${V}`), `${operand(w)}${mo('+')}${operand(vAfter)}`, mn(wAfter)));
    lines.push(note(t('η is inside v here; PyTorch keeps v ← μv + g, w ← w − η·v: the same steps while η is constant, not once it decays')));
  } else if (optimizer === 'adam') {
    const M = mi('m'), V = mi('v'), b1 = sub(mi('β'), ONE), b2 = sub(mi('β'), TWO);
    const hat = (x) => `<mover accent="true">${x}${mo('ˆ')}</mover>`;  // U+02C6 sits right in Chromium
    const prev = (x, sym) => (typeof x === 'number' ? operand(x) : sym);  // previous moments are optional
    lines.push(line(assign(M, `${dot(b1, M)}${mo('+')}${dot(paren(`${ONE}${mo(MINUS)}${b1}`), G)}`),
      `${times(operand(beta1), prev(adamMBefore, M))}${mo('+')}${times(paren(`${ONE}${mo(MINUS)}${operand(beta1)}`), operand(g))}`, mn(m)));
    lines.push(line(assign(V, `${dot(b2, V)}${mo('+')}${dot(paren(`${ONE}${mo(MINUS)}${b2}`), sup(G, TWO))}`),
      `${times(operand(beta2), prev(adamVBefore, V))}${mo('+')}${times(paren(`${ONE}${mo(MINUS)}${operand(beta2)}`), sup(operand(g), TWO))}`, mn(v)));
    // t is Adam's step count, substituted when given; the hats are the core's values.
    const corrected = (x, beta) => (typeof adamStep === 'number'
      ? [frac(mn(x), `${ONE}${mo(MINUS)}${sup(operand(beta), mn(adamStep))}`)] : []);
    lines.push(line(hat(M), frac(M, `${ONE}${mo(MINUS)}${sup(b1, mi('t'))}`), ...corrected(m, beta1), mn(mHat)));
    lines.push(line(hat(V), frac(V, `${ONE}${mo(MINUS)}${sup(b2, mi('t'))}`), ...corrected(v, beta2), mn(vHat)));
    lines.push(line(assign(W, `${W}${mo(MINUS)}${dot(eta, frac(hat(M), `<msqrt>${hat(V)}</msqrt>${mo('+')}${mi('ε')}`))}`),
      `${operand(w)}${mo(MINUS)}${times(operand(lr), frac(mn(mHat), `<msqrt>${mn(vHat)}</msqrt>${mo('+')}${operand(epsilon)}`))}`,
      ...step, mn(wAfter)));
  } else {  // sgd
    lines.push(line(assign(W, `${W}${mo(MINUS)}${dot(eta, G)}`),
      `${operand(w)}${mo(MINUS)}${times(operand(lr), operand(g))}`, ...step, mn(wAfter)));
  }
  if (optimizer !== 'momentum') lines.push(...rounded);
  return math(lines);
}
