// Tests for web/views/format.js: the one number format every view uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatFixed, formatPercent, formatTuple, numberParts, withPercentSign } from '../../web/views/format.js';

test('plain decimals: significant digits, no trailing zeros, a real minus sign', () => {
  assert.equal(formatNumber(0.123456), '0.123');
  assert.equal(formatNumber(-2.5), '−2.5');
  assert.equal(formatNumber(0.5, { digits: 4 }), '0.5');
  assert.equal(formatNumber(1234.5, { digits: 4 }), '1235');
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(-0), '0');
});

test('powers of ten below 10⁻³ and from 10⁴, the same for every view', () => {
  assert.equal(formatNumber(-0.0000123), '−1.23×10⁻⁵');
  assert.equal(formatNumber(0.0000123456, { digits: 4 }), '1.235×10⁻⁵');
  assert.equal(formatNumber(123456), '1.23×10⁵');
  assert.equal(formatNumber(9999.9), '1×10⁴');  // rounds first, then picks the form
  assert.equal(formatNumber(0.001), '0.001');
  assert.deepEqual(numberParts(-0.0000123), { mant: '−1.23', exp: '−5' });
  assert.deepEqual(numberParts(0.25), { mant: '0.25', exp: null });
});

test('missing and infinite values', () => {
  assert.equal(formatNumber(NaN), 'NaN');
  assert.equal(formatNumber(undefined, { missing: '–' }), '–');
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatNumber(-Infinity), '−∞');
});

test('tuples: each number as formatNumber writes it, between parentheses (the French form is checked end to end)', () => {
  assert.equal(formatTuple([0.5, -1, 0.0000123]), '(0.5, −1, 1.23×10⁻⁵)');
  assert.equal(formatTuple(new Float32Array([0.25, 2])), '(0.25, 2)');
  assert.equal(formatTuple([]), '()');
});

test('fixed decimals: a real minus sign, as formatNumber writes one', () => {
  assert.equal(formatFixed(-0.0512, 2), '−0.05');
  assert.equal(formatFixed(0.25, 2), '0.25');
  assert.equal(formatFixed(NaN, 2), '–');
});

test('percentages: the sign right after the number in English (the French form is checked end to end)', () => {
  assert.equal(formatPercent(0.935, 1), '93.5%');
  assert.equal(formatPercent(0.25, 0), '25%');
  assert.equal(withPercentSign('45.7'), '45.7%');
  assert.equal(formatPercent(NaN, 1), '–');
});
