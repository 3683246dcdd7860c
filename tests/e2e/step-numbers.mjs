// Shared by the tests that read the step panel's equations (backprop-step, activations-more,
// maxout): the typeset numbers of one equation stage, and an assertion that a value is among them
// exactly as the page typesets it.
// Not here: which values a stage must hold (the test files).
import assert from 'node:assert/strict';

import { num as typeset } from '../../web/views/equations.js';
import { numberParts } from '../../web/views/format.js';

/** The numbers (<mn>) of the equation stage `stage`, in order. */
export function mathNumbers(page, stage) {
  return page.$$eval(`#step-equation section[data-stage="${stage}"] mn`, (mns) => mns.map((e) => e.textContent));
}

/** Asserts that `numbers` holds v exactly as typeset (a mantissa, 10 and the exponent for 1.2×10^−5). */
export function holds(numbers, v, what) {
  const { mant: mantissa, exp: exponent } = Number.isFinite(v) ? numberParts(v, 4) : { mant: typeset(v), exp: null };
  const found = numbers.some((n, i) => n === mantissa && (exponent === null || (numbers[i + 1] === '10' && numbers[i + 2] === exponent)));
  assert.ok(found, `${what}: ${typeset(v)} among ${numbers.join(' ')}`);
}
