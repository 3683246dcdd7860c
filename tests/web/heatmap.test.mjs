// web/views/heatmap.js, pure parts: fillSigned and fillClasses write the right colour for each
// grid value (range mapping, clamping, discretize thresholds for tanh and sigmoid ranges, NaN,
// node offsets, argmax and confidence tint), with no DOM. The canvas part is seen in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { fillSigned, fillClasses, classLut, fillSignedScaled, upscale, axisSamples, roundedMask } from '../../web/views/heatmap.js';
import { divergingRgb, divergingLut, classRgb, mixWithWhite, hexToRgb, NEUTRAL, CLASS_COLORS } from '../../web/views/colors.js';

const WHITE = [255, 255, 255];
const px = (out, i) => [out[4 * i], out[4 * i + 1], out[4 * i + 2]];
const near = (a, b, tol = 2) => a.every((c, i) => Math.abs(c - b[i]) <= tol);

test('fillSigned maps [lo, hi] onto the diverging scale, clamping outside', () => {
  const g = 3;
  const values = Float32Array.from([-1, -0.5, 0, 0.5, 1, -3, 3, 0.25, -0.25]);
  const out = new Uint8ClampedArray(g * g * 4);
  fillSigned(out, values, 0, g, -1, 1, false);
  const expect = [-1, -0.5, 0, 0.5, 1, -1, 1, 0.25, -0.25];
  expect.forEach((t, i) => assert.ok(near(px(out, i), divergingRgb(t)), `pixel ${i}: ${px(out, i)} vs ${divergingRgb(t)}`));
  assert.deepEqual(px(out, 2), WHITE);  // exactly white at the midpoint
  for (let i = 0; i < g * g; ++i) assert.equal(out[4 * i + 3], 255);
});

test('fillSigned reads the node at `offset` (node-major grid)', () => {
  const g = 2;
  const values = new Float32Array(3 * g * g).fill(-1);
  values.fill(1, 2 * g * g);  // node 2 is all +1
  const out = new Uint8ClampedArray(g * g * 4);
  fillSigned(out, values, 2 * g * g, g, -1, 1, false);
  for (let i = 0; i < g * g; ++i) assert.deepEqual(px(out, i), divergingRgb(1));
});

test('fillSigned with a [0, 1] range (sigmoid): 0.5 is white', () => {
  const out = new Uint8ClampedArray(4 * 4);
  fillSigned(out, [0, 0.5, 1, 0.75], 0, 2, 0, 1, false);
  assert.deepEqual(px(out, 0), divergingRgb(-1));
  assert.deepEqual(px(out, 1), WHITE);
  assert.deepEqual(px(out, 2), divergingRgb(1));
  assert.ok(near(px(out, 3), divergingRgb(0.5)));
});

test('fillSigned discretize: only the side of the midpoint counts', () => {
  const out = new Uint8ClampedArray(4 * 4);
  fillSigned(out, [-0.01, 0.01, 0, -0.9], 0, 2, -1, 1, true);
  assert.deepEqual(px(out, 0), divergingRgb(-1));
  assert.deepEqual(px(out, 1), divergingRgb(1));
  assert.deepEqual(px(out, 2), divergingRgb(1));  // ties go positive
  assert.deepEqual(px(out, 3), divergingRgb(-1));
  fillSigned(out, [0.49, 0.51, 0.1, 0.9], 0, 2, 0, 1, true);  // sigmoid threshold 0.5
  assert.deepEqual([0, 1, 2, 3].map((i) => px(out, i)), [-1, 1, -1, 1].map(divergingRgb));
});

test('fillSigned: NaN is grey; a degenerate range still shows the sign', () => {
  const out = new Uint8ClampedArray(4 * 4);
  fillSigned(out, [NaN, 1, -1, 0], 0, 2, -1, 1, false);
  assert.deepEqual(px(out, 0), hexToRgb(NEUTRAL));
  assert.equal(out[3], 255);
  fillSigned(out, [2, -2, NaN, 0], 0, 2, 0, 0, false);
  assert.deepEqual(px(out, 0), divergingRgb(1));
  assert.deepEqual(px(out, 1), divergingRgb(-1));
  assert.deepEqual(px(out, 2), hexToRgb(NEUTRAL));
});

test('fillSigned accepts a caller LUT', () => {
  const out = new Uint8ClampedArray(4);
  const lut = divergingLut(3, 0.5);
  fillSigned(out, [1], 0, 1, -1, 1, false, lut);
  assert.deepEqual(px(out, 0), divergingRgb(0.5));
});

test('classLut: class colour at the top level, white at level 0', () => {
  const lut = classLut(4);
  assert.equal(lut.length, CLASS_COLORS.length * 4 * 4);
  for (let k = 0; k < CLASS_COLORS.length; ++k) {
    assert.deepEqual(px(lut, k * 4 + 3), classRgb(k));
    assert.deepEqual(px(lut, k * 4), WHITE);
  }
  assert.deepEqual(px(classLut(2, 0.5), 1), mixWithWhite(classRgb(0), 0.5));
});

test('fillClasses: argmax colour, tinted by the margin over the runner-up', () => {
  const g = 2, n = g * g;
  // three softmax outputs per pixel: [sure 0, sure 2, tie 1/2, moderately 1]
  const probs = [[1, 0, 0], [0, 0, 1], [0.1, 0.45, 0.45], [0.2, 0.6, 0.2]];
  const values = new Float32Array(3 * n);
  probs.forEach((p, i) => p.forEach((v, k) => { values[k * n + i] = v; }));
  const offsets = [0, n, 2 * n];
  const out = new Uint8ClampedArray(n * 4);
  fillClasses(out, values, offsets, g, 0, 1, false);
  assert.deepEqual(px(out, 0), classRgb(0));
  assert.deepEqual(px(out, 1), classRgb(2));
  assert.deepEqual(px(out, 2), WHITE);  // a decision boundary is white
  assert.ok(near(px(out, 3), mixWithWhite(classRgb(1), 0.6)), `${px(out, 3)}`);
  fillClasses(out, values, offsets, g, 0, 1, true);
  assert.deepEqual(px(out, 3), classRgb(1));
  assert.deepEqual(px(out, 2), classRgb(1));  // ties: the first class wins
});

test('fillClasses: the output range scales confidence (tanh outputs, lo = -1)', () => {
  const out = new Uint8ClampedArray(4);
  fillClasses(out, [1, -1], [0, 1], 1, -1, 1, false);  // margin 2 of range 2 → full colour
  assert.deepEqual(px(out, 0), classRgb(0));
  fillClasses(out, [0, 1], [0, 1], 1, -1, 1, false);  // margin 1 of 2 → half tint
  assert.ok(near(px(out, 0), mixWithWhite(classRgb(1), 0.5)));
});

test('fillClasses: NaN in any output is grey; a single output is its class colour', () => {
  const out = new Uint8ClampedArray(8);
  fillClasses(out, [0.5, NaN, 0.5, 0.2], [0, 2], 1, 0, 1, false);  // g = 1: pixel 0 only
  assert.deepEqual(px(out, 0), WHITE);  // 0.5 vs 0.5
  fillClasses(out, [0.5, NaN, 0.9, 0.2], [0, 2], 2, 0, 1, false);  // pixel 1: class 0 is NaN
  assert.ok(near(px(out, 0), mixWithWhite(classRgb(1), 0.6)));
  assert.deepEqual(px(out, 1), hexToRgb(NEUTRAL));
  fillClasses(out, [0.3, 0.9], [0], 2, 0, 1, false);
  assert.deepEqual(px(out, 0), classRgb(0));
});

test('fill functions touch only g*g pixels', () => {
  const out = new Uint8ClampedArray(5 * 4).fill(7);
  fillSigned(out, [0, 0, 0, 0], 0, 2, -1, 1, false);
  assert.deepEqual([...out.slice(16)], [7, 7, 7, 7]);
  fillClasses(out.fill(7), [0, 0, 0, 0, 1, 1, 1, 1], [0, 4], 2, 0, 1, false);
  assert.deepEqual([...out.slice(16)], [7, 7, 7, 7]);
});

test('axisSamples: pixel centres back onto the grid, clamped; nearest cells when not smooth', () => {
  const s = axisSamples(2, 4, true);  // centres at u = -0.25, 0.25, 0.75, 1.25
  assert.deepEqual([...s.lo], [0, 0, 0, 1]);
  assert.deepEqual([...s.hi], [0, 1, 1, 1]);  // weight 0: hi is lo, a cell the pixel does not read
  assert.deepEqual([...s.weight], [0, 0.25, 0.75, 0]);
  assert.deepEqual([...axisSamples(2, 4, false).lo], [0, 0, 1, 1]);
  // On a grid of more than 2 cells, each pixel between two centres blends its cell with the next.
  const four = axisSamples(4, 8, true);  // centres at u = -0.25, 0.25, …, 3.25
  assert.deepEqual([...four.lo], [0, 0, 0, 1, 1, 2, 2, 3]);
  assert.deepEqual([...four.hi], [0, 1, 1, 2, 2, 3, 3, 3]);
  assert.deepEqual([...four.weight], [0, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0]);
  const used = [...axisSamples(64, 27, true).used];
  assert.ok(used.includes(0) && used.includes(63) && used.length <= 54, 'only the cells some pixel reads');
});

test('fillSignedScaled at the grid\'s own size is fillSigned; scaled up, values are interpolated before colouring', () => {
  const g = 3;
  const values = Float32Array.from([-1, -0.5, 0, 0.5, 1, NaN, 0.25, -0.25, 0.75]);
  const plain = new Uint8ClampedArray(g * g * 4);
  fillSigned(plain, values, 0, g, -1, 1, false);
  const same = new Uint8ClampedArray(g * g * 4);
  const lut = divergingLut(511, 1);
  fillSignedScaled(same, values, 0, g, -1, 1, false, lut, { x: axisSamples(g, g, true), y: axisSamples(g, g, true) }, g, g, null);
  assert.deepEqual(same, plain);
  // 2 x 1 → 4 x 1: -1 and 1 blend to -0.5 and 0.5 between them.
  const out = new Uint8ClampedArray(4 * 4);
  fillSignedScaled(out, Float32Array.from([-1, 1]), 0, 1, -1, 1, false, lut,
    { x: axisSamples(2, 4, true), y: axisSamples(1, 1, true) }, 4, 1, null);
  [-1, -0.5, 0.5, 1].forEach((t, i) => assert.ok(near(px(out, i), divergingRgb(t)), `pixel ${i}: ${px(out, i)} vs ${divergingRgb(t)}`));
  // Opacity from the mask.
  fillSignedScaled(out, Float32Array.from([-1, 1]), 0, 1, -1, 1, false, lut,
    { x: axisSamples(2, 4, true), y: axisSamples(1, 1, true) }, 4, 1, Uint8Array.from([0, 128, 255, 7]));
  assert.deepEqual([3, 7, 11, 15].map((i) => out[i]), [0, 128, 255, 7]);
});

test('upscale: colours blended bilinearly, or copied as they are at the same size', () => {
  const src = Uint8ClampedArray.from([0, 0, 0, 255, 200, 100, 40, 255]);  // 2 pixels… of a 2 x 2 grid's top row
  const grid = new Uint8ClampedArray(16);
  grid.set(src, 0);
  grid.set(src, 8);
  const out = new Uint8ClampedArray(4 * 2 * 4);
  upscale(grid, 2, out, 4, 2, { x: axisSamples(2, 4, true), y: axisSamples(2, 2, true) }, null, new Int32Array(2 * 4 * 3));
  assert.deepEqual(px(out, 1), [50, 25, 10]);    // a quarter of the way
  assert.deepEqual(px(out, 2), [150, 75, 30]);   // three quarters
  assert.deepEqual(px(out, 7), [200, 100, 40]);
  const copy = new Uint8ClampedArray(16);
  upscale(grid, 2, copy, 2, 2, { x: axisSamples(2, 2, true), y: axisSamples(2, 2, true) }, null, new Int32Array(2 * 2 * 3));
  assert.deepEqual(copy, grid);
});

test('roundedMask: opaque inside, transparent outside the rounded corners, partial on the curve', () => {
  assert.equal(roundedMask(10, 10, 0), null);
  const m = roundedMask(10, 10, 3);
  assert.equal(m[0], 0, 'the very corner is outside');
  assert.equal(m[5 * 10 + 5], 255);
  assert.equal(m[5], 255, 'the top edge between the corners');
  assert.ok(m[10] > 0 && m[10] < 255, `on the curve: ${m[10]}`);
  assert.equal(m[99], 0, 'and each corner');
});
