// web/views/data-plot.js, pure parts: plane <-> pixel mapping (x2 up, row 0 at the top),
// pointer client coordinates -> plane under CSS scaling, axis ticks, point colours and the
// accessible description. Drawing and pointer wiring are exercised in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  planeToPixel, pixelToPlane, clientToPlane, planeTicks, pointColor, describePlot, formatRange, nearestPoint,
  PLANE_LO, PLANE_HI,
} from '../../web/views/data-plot.js';
import { classColor, divergingRgb, rgbToCss } from '../../web/views/colors.js';

const close = (a, b, tol = 1e-9) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

test('the plane is [-6, 6]^2', () => {
  assert.equal(PLANE_LO, -6);
  assert.equal(PLANE_HI, 6);
});

test('planeToPixel: corners and centre; x2 grows upwards', () => {
  assert.deepEqual(planeToPixel(-6, 6, 300), [0, 0]);     // top-left
  assert.deepEqual(planeToPixel(6, -6, 300), [300, 300]); // bottom-right
  assert.deepEqual(planeToPixel(0, 0, 300), [150, 150]);
  assert.deepEqual(planeToPixel(3, 3, 240), [180, 60]);
  assert.ok(planeToPixel(0, 5, 300)[1] < planeToPixel(0, -5, 300)[1]);
});

test('pixelToPlane inverts planeToPixel', () => {
  for (const size of [100, 300, 512]) {
    for (const [x1, x2] of [[-6, -6], [0, 0], [1.25, -3.5], [5.9, 2.2], [6, 6]]) {
      const [px, py] = planeToPixel(x1, x2, size);
      assert.ok(close(pixelToPlane(px, py, size), [x1, x2], 1e-12));
    }
  }
  assert.deepEqual(pixelToPlane(0, 0, 300), [-6, 6]);
});

test('grid cell centres land in their pixels (matches evaluateGrid: row 0 at x2 = +6)', () => {
  const g = 50, size = 300;
  const cell = size / g;
  for (const [ix, iy] of [[0, 0], [49, 0], [10, 37], [49, 49]]) {
    const x1 = -6 + (ix + 0.5) * 12 / g, x2 = 6 - (iy + 0.5) * 12 / g;
    const [px, py] = planeToPixel(x1, x2, size);
    assert.ok(close([px, py], [(ix + 0.5) * cell, (iy + 0.5) * cell], 1e-9));
  }
});

test('other plane ranges', () => {
  assert.deepEqual(planeToPixel(0, 0, 100, 0, 1), [0, 100]);
  assert.deepEqual(pixelToPlane(50, 50, 100, -1, 1), [0, 0]);
});

test('clientToPlane uses the on-screen rectangle: CSS scaling and DPR do not matter', () => {
  // A 300 px plot shown at 450 CSS px (zoom 1.5), offset on the page.
  const rect = { left: 100, top: 40, width: 450, height: 450 };
  assert.deepEqual(clientToPlane(100, 40, rect), [-6, 6]);
  assert.deepEqual(clientToPlane(550, 490, rect), [6, -6]);
  assert.deepEqual(clientToPlane(325, 265, rect), [0, 0]);
  assert.ok(close(clientToPlane(100 + 450 * (8 / 12), 40 + 450 * (3 / 12), rect), [2, 3], 1e-12));
  // Same answer as going through the canvas's own pixel space at any device pixel ratio.
  for (const dpr of [1, 2, 3]) {
    const canvasSize = 300 * dpr;
    const [cx, cy] = [(400 - rect.left) / rect.width * canvasSize, (100 - rect.top) / rect.height * canvasSize];
    assert.ok(close(clientToPlane(400, 100, rect), pixelToPlane(cx, cy, canvasSize), 1e-12));
  }
  // Non-square rectangles map each axis on its own.
  assert.deepEqual(clientToPlane(50, 25, { left: 0, top: 0, width: 100, height: 50 }), [0, 0]);
});

test('planeTicks: -6..6 every 2, or every 3 on a small plot', () => {
  assert.deepEqual(planeTicks(300), [-6, -4, -2, 0, 2, 4, 6]);
  assert.deepEqual(planeTicks(180), [-6, -3, 0, 3, 6]);
});

test('pointColor: class colour, or the target on the diverging scale for regression', () => {
  assert.equal(pointColor(0, 'binary'), classColor(0));
  assert.equal(pointColor(1, 'binary'), classColor(1));
  assert.equal(pointColor(5, 'multiclass'), classColor(5));
  assert.equal(pointColor(-1, 'regression'), rgbToCss(divergingRgb(-1)));
  assert.equal(pointColor(0.3, 'regression'), rgbToCss(divergingRgb(0.3)));
  assert.notEqual(pointColor(1, 'regression'), pointColor(-1, 'regression'));
});

test('describePlot: an accessible summary', () => {
  const points = { train: new Int32Array(100), test: new Int32Array(80), validation: new Int32Array(0) };
  const grid = { g: 2, values: new Float32Array(4), offsets: [0] };
  assert.equal(describePlot({ grid, points, showTest: false }),
    'Output of the network over the input plane with 100 training points');
  assert.equal(describePlot({ grid, points, showTest: true }),
    'Output of the network over the input plane with 100 training points and 80 test points');
  assert.equal(describePlot({ grid: null, points: { ...points, validation: [1] }, showTest: true }),
    'The input plane with 100 training points, 80 test points and 1 validation point');
  assert.match(describePlot({ grid, points, drawing: true }), /Drawing mode: click or tap to add a point/);
  assert.equal(describePlot({ points: { train: [1] } }), 'The input plane with 1 training point');
  assert.equal(describePlot(null), 'The input plane with 0 training points');
});

test('formatRange', () => {
  assert.equal(formatRange(-1), '−1');
  assert.equal(formatRange(0.5), '0.5');
  assert.equal(formatRange(0.123456), '0.123');
  assert.equal(formatRange(NaN), 'NaN');
});

test('nearestPoint: the closest within the radius, among the given indices, or -1', () => {
  const xy = [0, 0, 1, 0, 3, 3];
  assert.equal(nearestPoint(xy, 0.9, 0.1, 0.6), 1);
  assert.equal(nearestPoint(xy, 0.9, 0.1, 0.6, [0, 2]), -1);
  assert.equal(nearestPoint(xy, 0.2, 0, 0.6, [0, 2]), 0);
  assert.equal(nearestPoint(xy, 2, 2, 0.6), -1);
});
