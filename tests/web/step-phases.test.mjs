// Unit tests of the step animation's pure parts: the phase list and what each phase reveals
// (web/step-phases.js), and the animation clock (web/step-player.js). The trace here is a
// hand-made object shaped like the core's; the real one is checked in the browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildPhases, linkQuantity, linkValue, matrixForm, phaseIndex, phaseText, short, unitReveals } from '../../web/step-phases.js';
import * as player from '../../web/step-player.js';

const SIZES = [2, 3, 1];  // 2 inputs, 3 hidden, 1 output: weight layers 0 (3x2) and 1 (1x3)

// Distinct values everywhere, so reading the wrong entry shows. Column-major W: W[to + from*rows].
function fakeStep(examples = 1) {
  const params = Float32Array.from({ length: 3 * 2 + 3 + 1 * 3 + 1 }, (_, i) => 0.1 * (i + 1));
  const ex = (e) => ({
    input: [1 + e, 2 + e], target: [1], output: [0.25], dLossDOutput: [-0.75], loss: 0.28125,
    layers: [
      { aPrev: [1, 2], z: [11, 12, 13], a: [21, 22, 23], gradAct: [0.1, 0.2, 0.3], delta: [31, 32, 33],
        dLossDA: [41, 42, 43], contribution: [51, 52, 53, 54, 55, 56], dW: [61 + e, 62, 63, 64, 65, 66], db: [71, 72, 73] },
      { aPrev: [21, 22, 23], z: [14], a: [0.25], gradAct: [0.4], delta: [34], dLossDA: [-0.75],
        contribution: [57, 58, 59], dW: [67, 68, 69], db: [74] },
    ],
  });
  return {
    batch: Array.from({ length: examples }, (_, i) => 10 + i), examples: Array.from({ length: examples }, (_, e) => ex(e)),
    paramsBefore: params, paramsAfter: params.map((v) => v + 1), update: params.map(() => 1),
    dataGradient: params.map((v) => -v), regularizationGradient: params.map(() => 0), appliedGradient: params.map((v) => -v),
    learningRate: 0.03, lossBefore: 0.28125, lossAfter: 0.2, optimizer: 'sgd',
  };
}

test('a one-example step: example, forward per layer, loss, backward from the output, update', () => {
  const phases = buildPhases(SIZES, 1);
  assert.deepEqual(phases.map((p) => [p.kind, p.layer]), [
    ['example', undefined], ['forward', 0], ['forward', 1], ['loss', undefined],
    ['backward', 1], ['backward', 0], ['update', undefined]]);
  assert.equal(phases[1].title, 'Forward: inputs → h1');
  assert.equal(phases[4].title, 'Backward: output → h1');
  assert.equal(phaseIndex(phases, 'average'), -1);
});

test('a mini-batch step adds the average before the update', () => {
  const phases = buildPhases(SIZES, 4);
  assert.equal(phases.at(-2).kind, 'average');
  assert.equal(phases.at(-1).kind, 'update');
  assert.match(phases[0].title, /4 examples/);
});

test('links carry the weight, then w·a, then dL/dw, then the mean and the change, as the phases reach them', () => {
  const phases = buildPhases(SIZES, 2);
  const at = (kind, layer) => phaseIndex(phases, kind, layer);
  assert.equal(linkQuantity(phases, at('example'), 0), 'weight');
  assert.equal(linkQuantity(phases, at('forward', 0), 0), 'contribution');
  assert.equal(linkQuantity(phases, at('forward', 0), 1), 'weight');
  assert.equal(linkQuantity(phases, at('backward', 1), 1), 'gradient');
  assert.equal(linkQuantity(phases, at('backward', 1), 0), 'contribution');
  assert.equal(linkQuantity(phases, at('average'), 0), 'mean');
  assert.equal(linkQuantity(phases, at('update'), 1), 'update');
  // Before the first phase has revealed anything (revealed = -1) nothing is known.
  assert.equal(linkQuantity(phases, -1, 0), 'weight');
});

test('units reveal z and a in their forward phase, the loss at the output, delta in their backward phase', () => {
  const phases = buildPhases(SIZES, 1);
  const at = (kind, layer) => phaseIndex(phases, kind, layer);
  assert.deepEqual(unitReveals(phases, at('example'), 1), { forward: false, loss: false, backward: false });
  assert.deepEqual(unitReveals(phases, at('forward', 0), 1), { forward: true, loss: false, backward: false });
  assert.deepEqual(unitReveals(phases, at('loss'), 2), { forward: true, loss: true, backward: false });
  assert.deepEqual(unitReveals(phases, at('loss'), 1), { forward: true, loss: false, backward: false });
  assert.deepEqual(unitReveals(phases, at('backward', 1), 1), { forward: true, loss: false, backward: false });
  assert.deepEqual(unitReveals(phases, at('backward', 0), 1), { forward: true, loss: false, backward: true });
});

test('linkValue reads each quantity from its place in the trace (column-major, params layout)', () => {
  const step = fakeStep(2);
  // Weight layer 0 is 3x2: W[to=1, from=1] is entry 1 + 1*3 = 4 of the layer, param index 4.
  assert.equal(linkValue(step, SIZES, 'weight', 0, 0, 1, 1), step.paramsBefore[4]);
  assert.equal(linkValue(step, SIZES, 'contribution', 0, 0, 1, 1), 55);
  assert.equal(linkValue(step, SIZES, 'gradient', 0, 0, 1, 1), 65);
  assert.equal(linkValue(step, SIZES, 'gradient', 1, 0, 0, 0), 62, 'the shown example\'s own gradient');
  assert.equal(linkValue(step, SIZES, 'gradient', 0, 0, 2, 'bias'), 73);
  // Layer 1 starts after layer 0's 6 weights and 3 biases; its bias after its 3 weights.
  assert.equal(linkValue(step, SIZES, 'mean', 0, 1, 0, 2), step.dataGradient[9 + 2]);
  assert.equal(linkValue(step, SIZES, 'update', 0, 1, 0, 'bias'), step.update[12]);
  assert.equal(linkValue(step, SIZES, 'contribution', 0, 1, 0, 'bias'), step.paramsBefore[12], 'a bias contributes itself');
  assert.throws(() => linkValue(step, SIZES, 'nonsense', 0, 0, 0, 0), /unknown link quantity/);
});

test('the explanations quote the trace\'s numbers', () => {
  const step = fakeStep(1);
  const ctx = { step, example: 0, sizes: SIZES, featureNames: ['x1', 'x2'], activations: ['feature', 'tanh', 'tanh'],
    loss: 'mse', optimizer: 'sgd', l1: 0, l2: 0 };
  const phases = buildPhases(SIZES, 1);
  assert.match(phaseText(phases[0], ctx), /Training point 10: x1 = 1, x2 = 2, target 1/);
  assert.match(phaseText(phases[1], ctx), /applies tanh/);
  // Each forward phase names its own layer and that layer's activation.
  const sigmoidOut = { ...ctx, activations: ['feature', 'tanh', 'sigmoid'] };
  assert.match(phaseText(phases[1], sigmoidOut), /^Each unit of layer h1 adds up .* applies tanh/);
  assert.match(phaseText(phases[2], sigmoidOut), /^Each unit of the output adds up .* applies sigmoid/);
  assert.match(phaseText(phases[3], ctx), /prediction 0\.25 against the target 1.*L = 0\.281.*∂L\/∂a = −0\.75/);
  assert.match(phaseText(phases[4], ctx), /∂L\/∂a × f′\(z\)/);
  assert.match(phaseText(phases[4], { ...ctx, loss: 'bce' }), /a − y/);
  assert.match(phaseText(phases[5], ctx), /Σ w·δ/);
  assert.match(phaseText(phases[6], ctx), /w ← w − η g, η = 0\.03.*0\.281 → 0\.2/);
  assert.match(phaseText(phases[6], { ...ctx, optimizer: 'momentum', l2: 0.1 }), /v ← μv − ηg.*L1\/L2 penalty/);
  assert.match(phaseText(phases[6], { ...ctx, l1: 0.001 }), /L1\/L2 penalty/);
  assert.doesNotMatch(phaseText(phases[6], ctx), /penalty/, 'no L1 or L2: no penalty named');
  assert.doesNotMatch(phaseText(phases[1], ctx), /Dropout/);
  const dropped = fakeStep(1);
  dropped.examples[0].layers[0].mask = Float32Array.from([0, 2, 0]);
  assert.match(phaseText(phases[1], { ...ctx, step: dropped }), /Dropout: this step dropped 2 of its 3 units/);
});

test('short numbers: 3 significant digits, exponents for the very small and large', () => {
  assert.equal(short(0), '0');
  assert.equal(short(0.123456), '0.123');
  assert.equal(short(-2.5), '−2.5');
  assert.equal(short(0.0000123), '1.23×10⁻⁵');
  assert.equal(short(123456), '1.23×10⁵');
  assert.equal(short(NaN), 'NaN');
});

test('the player: play runs every phase to the end, next animates one, previous shows one finished, pause freezes', () => {
  const p = player.createPlayer(3);
  assert.deepEqual([p.phase, p.progress, p.playing], [0, 1, false]);
  assert.equal(player.tick(p, 1000), false, 'paused: nothing moves');
  player.next(p);
  assert.deepEqual([p.phase, p.progress], [1, 0]);
  assert.equal(player.revealed(p), 0, 'a phase\'s numbers wait for its pulses');
  player.tick(p, player.PHASE_MS * 0.7);
  assert.equal(player.revealed(p), 1);
  player.tick(p, player.PHASE_MS);
  assert.deepEqual([p.phase, p.progress, p.stepping], [1, 1, false], 'next stops at the end of its phase');
  player.tick(p, 1000);
  assert.equal(p.phase, 1);
  player.previous(p);
  assert.deepEqual([p.phase, p.progress], [0, 1]);
  player.play(p);
  player.tick(p, 10);
  assert.deepEqual([p.phase, p.progress], [1, 0]);
  player.tick(p, player.PHASE_MS / 2);
  player.pause(p);
  const frozen = p.progress;
  player.tick(p, 1000);
  assert.equal(p.progress, frozen, 'pause anywhere');
  player.play(p);
  p.speed = 4;
  for (let i = 0; i < 20; ++i) player.tick(p, 100);
  assert.deepEqual([p.phase, p.progress, p.playing], [2, 1, false], 'play stops after the last phase');
  player.play(p);
  assert.deepEqual([p.phase, p.progress], [0, 0], 'play again starts over');
  player.seek(p, 99);
  assert.deepEqual([p.phase, p.progress, p.playing], [2, 1, false]);
});

test('the backward phase gives the matrix form with this network\'s shapes', () => {
  // [2, 4, 2, 1]: W1 is 4×2, W2 2×4, W3 1×2.
  assert.equal(matrixForm([2, 4, 2, 1], 0),
    'In matrix form: δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ⊙ f′(z⁽¹⁾), that is (2×4)ᵀ · 2×1 ⊙ 4×1 = 4×1; ' +
    '∂L/∂W⁽¹⁾ = δ⁽¹⁾ (a⁽⁰⁾)ᵀ: 4×1 · 1×2 = 4×2, the shape of W⁽¹⁾. A mini-batch of n makes every 1 an n: one column per example.');
  assert.match(matrixForm([2, 4, 2, 1], 1), /δ⁽²⁾ = \(W⁽³⁾\)ᵀ δ⁽³⁾ ⊙ f′\(z⁽²⁾\), that is \(1×2\)ᵀ · 1×1 ⊙ 2×1 = 2×1/);
  assert.equal(matrixForm([2, 4, 2, 1], 2), 'In matrix form: ∂L/∂W⁽³⁾ = δ⁽³⁾ (a⁽²⁾)ᵀ: 1×1 · 1×2 = 1×2, the shape of W⁽³⁾.');
  assert.equal(matrixForm([7, 8, 8, 8, 8, 8, 8, 1], 6).includes('W⁽⁷⁾'), true);
  const text = phaseText({ kind: 'backward', layer: 0 }, { step: fakeStep(), example: 0, sizes: SIZES, featureNames: ['x1', 'x2'],
    activations: ['feature', 'tanh', 'tanh'], loss: 'mse' });
  assert.match(text, /\(1×3\)ᵀ · 1×1 ⊙ 3×1 = 3×1/);
});
