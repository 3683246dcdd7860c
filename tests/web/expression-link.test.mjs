// Tests for web/chapters/backprop/expression-link.js: an expression's trip through a link value
// (letters, digits, '.', '-' and '_' only), spaced operators in one escape, typographic operators
// as ASCII, and values it did not write refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeExpression, decodeExpression } from '../../web/chapters/backprop/expression-link.js';
import { LAB_VALUE } from '../../web/course/route.js';

test('the lecture\'s expressions travel within a lab value and come back as typed', () => {
  const texts = ['q = x + y; f = q*z', 'u = w1*x; yhat = w0 + u; z = yhat - y; L = z^2', 'g = x^3 + 2*x; f = 2*g^2 - 3*g + 1',
    'f = 3*x; g = x^2 + 2*x; h = 2*f^2 - 3*f*g + 1', 'z = w1*x1 + w2*x2 + b; a = sigmoid(z); L = 0.5*(a - t)^2',
    'a_b = exp(-x)/(1 + x)\nc = a_b ^ 2.5e-1', '  x  '];
  for (const t of texts) {
    const v = encodeExpression(t);
    assert.ok(LAB_VALUE.test(v), `${t} -> ${v}`);
    assert.equal(decodeExpression(v), t);
  }
  assert.equal(encodeExpression('q = x + y; f = q*z'), 'q_Ex_Ay_Sf_Eq_tz');
  assert.equal(decodeExpression(encodeExpression('x − y × z ÷ 2 · w')), 'x - y * z / 2 * w');
  assert.equal(encodeExpression('x # y'), null);
  assert.equal(encodeExpression('x² + ŷ'), null);
  assert.equal(decodeExpression('x_Zy'), null);
  assert.equal(decodeExpression('x_'), null);
  assert.equal(decodeExpression('x y'), null);
});
