// Tests for the pure parts of web/views/layer-stats.js: the log-scale bar and number format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logBar, sci } from '../../web/views/layer-stats.js';

test('bars are log-scaled from 1e-8 (empty) to 1 (full), clamped, and empty for 0 or NaN', () => {
  assert.equal(logBar(1), 1);
  assert.equal(logBar(1e-8), 0);
  assert.equal(logBar(1e-4), 0.5);
  assert.equal(logBar(10), 1);
  assert.equal(logBar(1e-12), 0);
  assert.equal(logBar(0), 0);
  assert.equal(logBar(NaN), 0);
  assert.ok(logBar(1e-2) > logBar(1e-3));
});

test('numbers print in short scientific notation', () => {
  assert.equal(sci(0.00032), '3.2e-4');
  assert.equal(sci(12.5), '1.3e1');
  assert.equal(sci(0), '0');
  assert.equal(sci(NaN), '–');
});
