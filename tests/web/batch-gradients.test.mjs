// Tests for web/views/batch-gradients.js: where the per-example bars and the mean line go, and
// the markup (values, the followed example, names escaped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchGradientLayout, batchGradientsSvg } from '../../web/views/batch-gradients.js';

const close = (a, b) => Math.abs(a - b) < 1e-9;

test('mixed signs: zero between the extremes, bars grow up or down from it, the mean in between', () => {
  const { zero, mean, bars } = batchGradientLayout([2, -1, 0.5], 0.5);
  assert.equal(bars.length, 3);
  // hi 2, lo -1 over the 84 px from y = 8: 2 at the top, -1 at the bottom.
  assert.ok(close(zero, 8 + (2 / 3) * 84));
  assert.ok(close(mean, 8 + (1.5 / 3) * 84));
  assert.ok(close(bars[0].y, 8) && close(bars[0].y + bars[0].height, zero), 'positive: from the top down to zero');
  assert.ok(close(bars[1].y, zero) && close(bars[1].y + bars[1].height, 92), 'negative: from zero down');
  assert.ok(close(bars[2].height, bars[0].height / 4), 'heights are proportional');
  assert.ok(bars[0].x < bars[1].x && bars[1].x < bars[2].x && bars.every((b) => b.width > 0));
});

test('one sign: zero sits at the edge; all zero: no height, no division by zero', () => {
  assert.ok(close(batchGradientLayout([1, 3], 2).zero, 92));
  assert.ok(close(batchGradientLayout([-1, -3], -2).zero, 8));
  const flat = batchGradientLayout([0, 0], 0);
  assert.ok(flat.bars.every((b) => b.height === 0 && Number.isFinite(b.y)));
});

test('the markup carries every value, the mean, the followed example, and escapes names', () => {
  const svg = batchGradientsSvg({ name: 'w x1→h<1>', values: [0.25, -0.5], mean: -0.125, current: 1, points: [7, 3] });
  assert.match(svg, /data-mean="-0.125"/);
  assert.deepEqual([...svg.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1])), [0.25, -0.5]);
  assert.match(svg, /class="batch-bar current"[^>]*data-example="1"/);
  assert.match(svg, /example 2 \(point 3\): −0.5/);
  assert.match(svg, /h&lt;1&gt;/);
  assert.doesNotMatch(svg, /h<1>/);
  assert.match(svg, /mean −0.125/);
  // Each bar is drawn where the layout puts it, its full height; a zero gradient still shows as a sliver.
  const rects = (markup) => [...markup.matchAll(/<rect class="batch-bar[^"]*" x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"/g)]
    .map((m) => m.slice(1).map(Number));
  const { bars } = batchGradientLayout([0.25, -0.5], -0.125);
  assert.deepEqual(rects(svg), bars.map((b) => [b.x, b.y, b.width, b.height].map((v) => Number(v.toFixed(2)))));
  assert.ok(bars.every((b) => b.height > 20), 'bars tens of pixels tall');
  const zero = rects(batchGradientsSvg({ name: 'b', values: [0, 1], mean: 0.5, current: 0, points: [1, 2] }));
  assert.equal(zero[0][3], 0.5);
});
