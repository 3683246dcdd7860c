// Tests for the pure parts of web/views/layer-stats.js: the log-scale bar, number formats, the
// histogram's bars and the layer colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logBar, sci, rangeLabel, histogramBars, layerColor } from '../../web/views/layer-stats.js';

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

test('numbers print with 2 significant digits in the page format', () => {
  assert.equal(sci(0.00032), '3.2×10⁻⁴');
  assert.equal(sci(12.5), '13');
  assert.equal(sci(0), '0');
  assert.equal(sci(NaN), '–');
});

test('histogram ranges print short: -1, 0.5, 12, and powers of ten outside 0.001 .. 10⁴', () => {
  assert.equal(rangeLabel(-1), '−1');
  assert.equal(rangeLabel(0), '0');
  assert.equal(rangeLabel(0.5), '0.5');
  assert.equal(rangeLabel(12.34), '12');
  assert.equal(rangeLabel(0.0001234), '1.2×10⁻⁴');
  assert.equal(rangeLabel(45678), '4.6×10⁴');
  assert.equal(rangeLabel(Infinity), '–');
});

test('histogram bars: the tallest fills the height, empty bins have none, a tiny one still shows', () => {
  const bars = histogramBars([0, 0.5, 0.25, 0.001, 0.249], 40, 20);
  assert.equal(bars.length, 5);
  assert.deepEqual(bars.map((b) => b.x), [0, 8, 16, 24, 32]);
  assert.ok(bars.every((b) => b.width === 7.5));
  assert.deepEqual(bars.map((b) => b.height), [0, 20, 10, 1, 9.96]);
  bars.forEach((b) => assert.equal(b.y + b.height, 20, 'bars stand on the baseline'));
  assert.ok(histogramBars([0, 0, 0], 30, 20).every((b) => b.height === 0), 'no data, no bars');
});

test('layer colours run from light at the inputs to dark at the output', () => {
  assert.equal(layerColor(0, 5), '#9ecae1');
  assert.equal(layerColor(4, 5), '#08306b');
  assert.equal(layerColor(0, 1), '#08306b', 'a single layer is the output layer');
  const luminance = (hex) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
  for (let l = 1; l < 7; ++l) assert.ok(luminance(layerColor(l, 7)) < luminance(layerColor(l - 1, 7)));
});
