// Tests for web/views/equations.js: the chain-rule equations typeset as MathML with the core's
// numbers substituted. Checks markup structure with regexes (no DOM): the numbers shown, their
// order, each line's result, parentheses around negatives, truncation, escaping, tag balance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  num, escapeXml, forwardEquation, lossEquation, deltaEquation, weightGradientEquation,
  batchAverageEquation, updateEquation,
} from '../../web/views/equations.js';

const M = '−';  // U+2212
const mns = (s) => [...s.matchAll(/<mn>(.*?)<\/mn>/g)].map((m) => m[1]);
const lines = (s) => [...s.matchAll(/<mtr>(.*?)<\/mtr>/g)].map((m) => m[1]);
const endsWith = (line, v) => line.endsWith(`<mn>${num(v)}</mn></mtd>`);

// Every opening tag has its closing tag, and the whole is one block <math>; returns s for chaining.
function checked(s) {
  assert.match(s, /^<math display="block">.*<\/math>$/);
  const opens = {}, closes = {};
  for (const [, name] of s.matchAll(/<([a-z]+)[\s>]/g)) opens[name] = (opens[name] ?? 0) + 1;
  for (const [, name] of s.matchAll(/<\/([a-z]+)>/g)) closes[name] = (closes[name] ?? 0) + 1;
  assert.deepEqual(opens, closes);
  // Digits only inside <mn> (numbers) or <mi> (display names such as x1): none loose in the text.
  const text = s.replace(/<mn>.*?<\/mn>|<mi>.*?<\/mi>/g, '').replace(/<[^>]+>/g, '');
  assert.doesNotMatch(text, /\d/);
  return s;
}

test('num: 4 significant digits, U+2212 minus, exponent form, NaN and infinities', () => {
  assert.equal(num(0), '0');
  assert.equal(num(1), '1');
  assert.equal(num(-0.5), `${M}0.5`);
  assert.equal(num(0.5), '0.5');
  assert.equal(num(-0.03125), `${M}0.03125`);
  assert.equal(num(0.1234567), '0.1235');
  assert.equal(num(0.000012345), '1.234×10⁻⁵');
  assert.equal(num(-0.00002), `${M}2×10⁻⁵`);
  assert.equal(num(123456), '1.235×10⁵');
  assert.equal(num(99999.9), '1×10⁵');
  assert.equal(num(12345), '1.235×10⁴');
  assert.equal(num(NaN), 'NaN');
  assert.equal(num(Infinity), '∞');
  assert.equal(num(-Infinity), `${M}∞`);
});

test('escapeXml escapes &, <, > and "', () => {
  assert.equal(escapeXml('a<b>&"c"'), 'a&lt;b&gt;&amp;&quot;c&quot;');
});

test('forward: z = Σ w·a + b with the products, contributions and z, then a = f(z)', () => {
  const s = checked(forwardEquation({
    unit: 'h1', activation: 'tanh', bias: 0.1, z: -0.3, out: -0.2913,
    terms: [{ from: 'x1', w: 0.5, a: -0.2, contribution: -0.1 }, { from: 'x2', w: -0.3, a: 1, contribution: -0.3 }],
  }));
  const [zLine, aLine] = lines(s);
  assert.deepEqual(mns(zLine), ['0.5', `${M}0.2`, `${M}0.3`, '1', '0.1', `${M}0.1`, `${M}0.3`, '0.1', `${M}0.3`]);
  assert.ok(endsWith(zLine, -0.3));
  assert.ok(zLine.includes(`<mn>0.5</mn><mo>×</mo><mo>(</mo><mn>${M}0.2</mn><mo>)</mo>`));
  assert.ok(zLine.includes('<mi>x1</mi><mo>→</mo><mi>h1</mi>'));
  assert.deepEqual(mns(aLine), [`${M}0.3`, `${M}0.2913`]);
  assert.ok(aLine.includes('<mi>tanh</mi>'));
  assert.ok(endsWith(aLine, -0.2913));
});

test('forward: softmax shows softmax(z)_k without substituting a single z', () => {
  const s = checked(forwardEquation({
    unit: 'o1', activation: 'softmax', bias: 0, z: 1.5, out: 0.7,
    terms: [{ from: 'h1', w: 1, a: 1.5, contribution: 1.5 }],
  }));
  const aLine = lines(s)[1];
  assert.deepEqual(mns(aLine), ['0.7']);
  assert.ok(aLine.includes('<mi>softmax</mi>'));
});

test('forward: more than 8 terms show the first 3, ⋯ and the last, on every line', () => {
  const terms = Array.from({ length: 12 }, (_, i) => ({ from: `x${i + 1}`, w: i + 1, a: 0.5, contribution: (i + 1) / 2 }));
  const s = checked(forwardEquation({ unit: 'h', activation: 'relu', terms, bias: 0.25, z: 39.25, out: 39.25 }));
  const zLine = lines(s)[0];
  assert.equal(zLine.split('<mo>⋯</mo>').length - 1, 3);  // symbolic, products, contributions
  for (const shown of ['x1', 'x2', 'x3', 'x12']) assert.ok(zLine.includes(`<mi>${shown}</mi>`));
  for (let i = 4; i <= 11; i++) assert.ok(!zLine.includes(`<mi>x${i}</mi>`));
  assert.deepEqual(mns(zLine), ['1', '0.5', '2', '0.5', '3', '0.5', '12', '0.5', '0.25', '0.5', '1', '1.5', '6', '0.25', '39.25']);
});

test('names are escaped', () => {
  const s = checked(forwardEquation({
    unit: 'a<b', activation: 'linear', bias: 0, z: 1, out: 1, terms: [{ from: 'x&"y"', w: 1, a: 1, contribution: 1 }],
  }));
  assert.ok(s.includes('<mi>a&lt;b</mi>') && s.includes('<mi>x&amp;&quot;y&quot;</mi>'));
  assert.ok(!s.includes('a<b'));
});

test('loss mse: ½ Σ (a − y)², substituted, value; then ∂L/∂a = a − y per output', () => {
  const s = checked(lossEquation({
    loss: 'mse', value: 0.025,
    outputs: [{ name: 'o1', a: 0.8, y: 1, dLda: -0.2 }, { name: 'o2', a: 0.1, y: 0, dLda: 0.1 }],
  }));
  const [L, d1, d2] = lines(s);
  // formula ½ and ², then ½ (0.8 − 1)² + (0.1 − 0)², then the value
  assert.deepEqual(mns(L), ['1', '2', '2', '1', '2', '0.8', '1', '2', '0.1', '0', '2', '0.025']);
  assert.ok(L.includes('<mo>∑</mo>'));
  assert.ok(endsWith(L, 0.025));
  assert.deepEqual(mns(d1), ['0.8', '1', `${M}0.2`]);
  assert.ok(endsWith(d1, -0.2) && endsWith(d2, 0.1));
  assert.ok(d1.includes('<mo>∂</mo><mi>L</mi>') && d1.includes('<mi>o1</mi>'));
});

test('loss bce and softmax_ce substitute a and y into their formulas', () => {
  const bce = checked(lossEquation({ loss: 'bce', value: 0.2231, outputs: [{ name: 'o', a: 0.8, y: 1, dLda: -1.25 }] }));
  const [L, d] = lines(bce);
  assert.ok(L.includes('<mi>log</mi>'));
  assert.deepEqual(mns(L).slice(-7), ['1', '0.8', '1', '1', '1', '0.8', '0.2231']);
  assert.deepEqual(mns(d), ['1', '1', '1', '0.8', '1', '1', '1', '0.8', `${M}1.25`]);  // 1−y, 1−a, then y, a, 1−y, 1−a
  const ce = checked(lossEquation({
    loss: 'softmax_ce', value: 0.3567,
    outputs: [{ name: 'c1', a: 0.7, y: 1, dLda: -1.429 }, { name: 'c2', a: 0.3, y: 0, dLda: 0 }],
  }));
  const [cl, c1, c2] = lines(ce);
  assert.deepEqual(mns(cl), ['1', '0.7', '0', '0.3', '0.3567']);
  assert.deepEqual(mns(c1), ['1', '0.7', `${M}1.429`]);
  assert.ok(endsWith(c2, 0));
});

test('delta of a hidden unit sums over every path it feeds, then × f′(z)', () => {
  const paths = [{ to: 'o1', w: 0.4, delta: -0.2 }, { to: 'o2', w: -0.5, delta: 0.1 }, { to: 'o3', w: 0.3, delta: 0.05 }];
  const s = checked(deltaEquation({ unit: 'h1', isOutput: false, loss: 'mse', activation: 'tanh', dLda: -0.115, gradAct: 0.9, delta: -0.1035, paths }));
  const [line] = lines(s);
  assert.ok(line.includes('<munder><mo>∑</mo><mi>k</mi></munder>'));
  for (const p of paths) assert.ok(line.includes(`<mi>h1</mi><mo>→</mo><mi>${p.to}</mi>`));
  assert.deepEqual(mns(line), ['0.4', `${M}0.2`, `${M}0.5`, '0.1', '0.3', '0.05', '0.9', `${M}0.115`, '0.9', `${M}0.1035`]);
  assert.ok(line.includes(`<mn>0.4</mn><mo>×</mo><mo>(</mo><mn>${M}0.2</mn><mo>)</mo>`));
  assert.ok(line.includes(`<mo>(</mo><mn>${M}0.115</mn><mo>)</mo><mo>×</mo><mn>0.9</mn>`));
  assert.ok(endsWith(line, -0.1035));
});

test('delta of a hidden unit feeding 12 others truncates the path sum', () => {
  const paths = Array.from({ length: 12 }, (_, i) => ({ to: `o${i + 1}`, w: i + 1, delta: 0.5 }));
  const [line] = lines(checked(deltaEquation({ unit: 'h', isOutput: false, dLda: 39, gradAct: 1, delta: 39, paths })));
  assert.equal(line.split('<mo>⋯</mo>').length - 1, 2);
  assert.ok(line.includes('<mi>o12</mi>') && !line.includes('<mi>o7</mi>'));
});

test('delta of an output: mse uses ∂L/∂a × f′; bce/softmax_ce cancel to a − y', () => {
  const [mse] = lines(checked(deltaEquation({ unit: 'o', isOutput: true, loss: 'mse', activation: 'sigmoid', dLda: -0.2, gradAct: 0.16, delta: -0.032 })));
  assert.deepEqual(mns(mse), [`${M}0.2`, '0.16', `${M}0.032`]);
  assert.ok(mse.includes('<mo>′</mo>'));
  const s = checked(deltaEquation({ unit: 'o', isOutput: true, loss: 'bce', activation: 'sigmoid', dLda: -1.25, gradAct: 0.16, delta: -0.2, a: 0.8, y: 1 }));
  const [eq, note] = lines(s);
  assert.deepEqual(mns(eq), ['0.8', '1', `${M}0.2`]);
  assert.ok(endsWith(eq, -0.2));
  assert.match(note, /<mtext>.*cancels.*<\/mtext>/);
});

test('weight gradient: three chain-rule factors, and δ · a_prev, both ending with the gradient', () => {
  const s = checked(weightGradientEquation({ from: 'h1', to: 'o', dLda: -0.2, gradAct: 0.16, aPrev: 0.5, delta: -0.032, grad: -0.016 }));
  const [chain, short] = lines(s);
  assert.deepEqual(mns(chain), [`${M}0.2`, '0.16', '0.5', `${M}0.016`]);
  assert.deepEqual(mns(short), [`${M}0.032`, '0.5', `${M}0.016`]);
  assert.ok(chain.includes(`<mo>(</mo><mn>${M}0.2</mn><mo>)</mo><mo>×</mo>`));
  assert.ok(endsWith(chain, -0.016) && endsWith(short, -0.016));
});

test('bias gradient is δ · 1; cancels=true skips the ∂L/∂a · ∂a/∂z line', () => {
  const [bias] = lines(checked(weightGradientEquation({ to: 'o', isBias: true, delta: -0.032, grad: -0.032 })));
  assert.deepEqual(mns(bias), ['1', `${M}0.032`]);
  assert.ok(bias.includes('<mi>b</mi>'));
  const s = checked(weightGradientEquation({ from: 'h1', to: 'o', aPrev: 0.5, delta: -0.2, grad: -0.1, cancels: true }));
  assert.equal(lines(s).length, 1);
  assert.deepEqual(mns(s), [`${M}0.2`, '0.5', `${M}0.1`]);
  assert.ok(!s.includes('<mo>∂</mo><msub><mi>a</mi>'));
  assert.ok(s.includes('<mo>∂</mo><msub><mi>z</mi><mi>o</mi></msub>'));
});

test('batch average: (1/n) Σ of the per-example gradients = mean, truncated past 8', () => {
  const [line] = lines(checked(batchAverageEquation({ name: 'w', perExample: [0.1, -0.3, 0.5], mean: 0.1 })));
  assert.deepEqual(mns(line), ['1', '1', '3', '0.1', `${M}0.3`, '0.5', '0.1']);
  assert.ok(line.includes(`<mo>(</mo><mn>${M}0.3</mn><mo>)</mo>`));
  assert.ok(endsWith(line, 0.1));
  const [long] = lines(checked(batchAverageEquation({ perExample: Array.from({ length: 12 }, (_, i) => i + 1), mean: 6.5 })));
  assert.ok(long.includes('<mo>⋯</mo>'));
  assert.deepEqual(mns(long), ['1', '1', '12', '1', '2', '3', '12', '6.5']);
});

test('sgd update shows only the numbers it was given', () => {
  const given = { lr: 0.1, w: 0.5, g: -0.2, wAfter: 0.52, update: 0.02 };
  const s = checked(updateEquation({ optimizer: 'sgd', ...given }));
  const allowed = new Set([...Object.values(given).map(num), '1', '2', '½']);
  for (const n of mns(s)) assert.ok(allowed.has(n), `unexpected number ${n}`);
  const [line] = lines(s);
  assert.deepEqual(mns(line), ['0.5', '0.1', `${M}0.2`, '0.5', '0.02', '0.52']);
  assert.ok(line.includes('<mo>←</mo>') && line.includes('<mi>η</mi>'));
  assert.ok(endsWith(line, 0.52));
});

test('momentum update: v ← μv − ηg, then w ← w + v', () => {
  const s = checked(updateEquation({ optimizer: 'momentum', lr: 0.1, w: 0.5, g: 0.2, momentum: 0.9, vBefore: -0.05, vAfter: -0.065, wAfter: 0.435 }));
  const [v, w] = lines(s);
  assert.deepEqual(mns(v), ['0.9', `${M}0.05`, '0.1', '0.2', `${M}0.065`]);
  assert.ok(v.includes('<mi>μ</mi>'));
  assert.deepEqual(mns(w), ['0.5', `${M}0.065`, '0.435']);
});

test('adam update: m, v, bias-corrected m̂ and v̂, then the step with ε', () => {
  const s = checked(updateEquation({
    optimizer: 'adam', lr: 0.01, w: 0.5, g: -0.2, wAfter: 0.51, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
    m: -0.02, v: 0.00004, mHat: -0.2, vHat: 0.04,
  }));
  const [m, v, mHat, vHat, w] = lines(s);
  // With the moments before and t given, every symbol of the m, v and hat lines is substituted.
  const known = lines(checked(updateEquation({
    optimizer: 'adam', lr: 0.01, w: 0.5, g: -0.2, wAfter: 0.51, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
    adamMBefore: 0.3, adamVBefore: 0.5, t: 3, m: 0.25, v: 0.54, mHat: 0.92, vHat: 180,
  })));
  assert.ok(mns(known[0]).includes('0.3') && !known[0].replace(/^.*?<mo>=<\/mo>/, '').includes('<mi>m</mi><mo>+'));
  assert.ok(mns(known[1]).includes('0.5'));
  assert.deepEqual(mns(known[2]).slice(-5), ['0.25', '1', '0.9', '3', '0.92'], 'm / (1 − β₁^t) with m, β₁ and t');
  assert.deepEqual(mns(known[3]).slice(-5), ['0.54', '1', '0.999', '3', '180']);
  assert.deepEqual(mns(m), ['1', '1', '1', '0.9', '1', '0.9', `${M}0.2`, `${M}0.02`]);  // β₁, 1 − β₁, then numbers
  assert.deepEqual(mns(v).slice(-5), [`${M}0.2`, '2', '4', '10', `${M}5`]);  // g², then 4×10^−5
  assert.ok(mHat.includes('<mover accent="true"><mi>m</mi><mo>ˆ</mo></mover>') && endsWith(mHat, -0.2));
  assert.ok(endsWith(vHat, 0.04));
  assert.ok(w.includes('<msqrt><mn>0.04</mn></msqrt>') && w.includes('<mi>ε</mi>'));
  assert.ok(w.includes(`<mn>1</mn><mo>×</mo><msup><mrow><mn>10</mn></mrow><mn>${M}8</mn></msup>`));
  assert.ok(endsWith(w, 0.51));
});

test('regularisation line lists only the non-zero rates', () => {
  const both = checked(updateEquation({ optimizer: 'sgd', lr: 0.1, w: -0.5, wAfter: -0.51, gData: 0.1, gReg: -0.006, g: 0.094, l1: 0.001, l2: 0.01 }));
  const [reg] = lines(both);
  assert.deepEqual(mns(reg), ['2', '1', '0.1', '0.01', `${M}0.5`, '0.001', `${M}0.5`, '0.1', `${M}0.006`, '0.094']);
  assert.ok(reg.includes('<mi>sign</mi>') && reg.includes('<mtext>data</mtext>'));
  const l2only = lines(checked(updateEquation({ optimizer: 'sgd', lr: 0.1, w: 0.5, wAfter: 0.49, gData: 0.1, gReg: 0.005, g: 0.105, l2: 0.01 })))[0];
  assert.ok(!l2only.includes('<mi>sign</mi>') && endsWith(l2only, 0.105));
  const plain = lines(checked(updateEquation({ optimizer: 'sgd', lr: 0.1, w: 0.5, wAfter: 0.49, gData: 0.1, gReg: 0, g: 0.1 })));
  assert.equal(plain.length, 1);
});

test('dropout: a = m·f(z) with the mask, m scales δ and ∂a/∂z, and a dropped unit says so', () => {
  const terms = [{ from: 'x1', w: 0.5, a: 2, contribution: 1 }];
  const kept = lines(checked(forwardEquation({ unit: 'h1.1', activation: 'tanh', terms, bias: 0, z: 1, out: 1.523, mask: 2 })));
  assert.equal(kept.length, 3);
  assert.ok(kept[1].includes('<msub><mi>m</mi><mi>h1.1</mi></msub>'));
  assert.deepEqual(mns(kept[1]), ['2', '1', '1.523']);
  assert.match(kept[2], /<mtext>dropout: kept this time; m scales it up/);
  const dropped = lines(checked(forwardEquation({ unit: 'h1.1', activation: 'tanh', terms, bias: 0, z: 1, out: 0, mask: 0 })));
  assert.deepEqual(mns(dropped[1]), ['0', '1', '0']);
  assert.match(dropped[2], /dropped for this example/);
  assert.equal(lines(checked(forwardEquation({ unit: 'h1.1', activation: 'tanh', terms, bias: 0, z: 1, out: 0.7616 }))).length, 2, 'no mask, no note');

  const [delta] = lines(checked(deltaEquation({ unit: 'h1.1', isOutput: false, loss: 'mse', activation: 'tanh', dLda: 0.5,
    gradAct: 0.4, delta: 0.4, paths: [{ to: 'out', w: 1, delta: 0.5 }], mask: 2 })));
  assert.deepEqual(mns(delta), ['1', '0.5', '0.4', '2', '0.5', '0.4', '2', '0.4']);
  assert.ok(endsWith(delta, 0.4));
  const [chain] = lines(checked(weightGradientEquation({ from: 'x1', to: 'h1.1', dLda: 0.5, gradAct: 0.4, aPrev: 2, delta: 0.4,
    grad: 0.8, mask: 2 })));
  assert.deepEqual(mns(chain), ['0.5', '0.4', '2', '2', '0.8']);
});
test('sgd and adam show the step −η·g they compute, and Δw where rounding w′ to a float changes it', () => {
  // η = 10⁻⁴, g = 7.852×10⁻⁴: w′ is w rounded to a float32 near 0.8875, 5.96×10⁻⁸ below it.
  const small = { lr: 1e-4, w: 0.8875, g: 7.852e-4, wAfter: 0.8875 - 5.96e-8, update: -5.96e-8 };
  const [sgd, delta, why] = lines(checked(updateEquation({ optimizer: 'sgd', ...small })));
  assert.deepEqual(mns(sgd), ['0.8875', '1', '10', `${M}4`, '7.852', '10', `${M}4`, '0.8875', `${M}7.852`, '10', `${M}8`, '0.8875']);
  assert.deepEqual(mns(delta), [`${M}5.96`, '10', `${M}8`]);
  assert.match(why, /single-precision float/);
  // Too small to move w at all: the step is still −η·g, and Δw is 0.
  const none = lines(checked(updateEquation({ optimizer: 'sgd', lr: 1e-5, w: -0.183, g: 0.01, wAfter: -0.183, update: 0 })));
  assert.deepEqual(mns(none[0]).slice(-5), [`${M}0.183`, `${M}1`, '10', `${M}7`, `${M}0.183`]);
  assert.deepEqual(mns(none[1]), ['0']);
  // Adam: w + (−η m̂/(√v̂ + ε)).
  const adam = lines(checked(updateEquation({ optimizer: 'adam', lr: 0.01, w: 0.5, g: -0.2, wAfter: 0.51, update: 0.01,
    beta1: 0.9, beta2: 0.999, epsilon: 1e-8, m: -0.02, v: 0.00004, mHat: -0.2, vHat: 0.04 })));
  assert.equal(adam.length, 5, 'a step that stores as computed gets no Δw line');
  assert.deepEqual(mns(adam[4]).slice(-3), ['0.5', '0.01', '0.51']);
});
