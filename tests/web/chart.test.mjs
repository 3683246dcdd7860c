// web/views/chart.js, pure parts: nice linear ticks, decade ticks for the log axis, nearest-epoch
// lookup for the hover, min/max-per-column downsampling (spikes kept, gaps kept, input intact),
// value formatting, the accepted point layouts and tick labels kept on the canvas. The canvas part
// is seen in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  niceTicks, niceStep, niceDomain, logTicks, nearestIndex, downsample, formatValue, seriesXY,
  legendEntries, fitLabel,
} from '../../web/views/chart.js';

test('niceTicks: round 1/2/5 steps inside the range, at most maxCount', () => {
  assert.deepEqual(niceTicks(0, 1, 6), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 1, 3), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(0, 500, 6), [0, 100, 200, 300, 400, 500]);
  assert.deepEqual(niceTicks(0.013, 0.087, 5), [0.02, 0.04, 0.06, 0.08]);
  assert.deepEqual(niceTicks(-3, 7, 6), [-2, 0, 2, 4, 6]);
  assert.deepEqual(niceTicks(0.1, 0.3, 3), [0.1, 0.2, 0.3]);  // no 0.30000000000000004
  assert.deepEqual(niceTicks(5, 1, 3), [2, 4]);                // reversed bounds
  for (const [a, b, m] of [[0, 1, 5], [3, 4817, 7], [-0.002, 0.0031, 4], [1e-9, 3e-9, 5], [0, 25000, 5]]) {
    const t = niceTicks(a, b, m);
    assert.ok(t.length >= 2 && t.length <= m, `${a}..${b}: ${t}`);
    assert.ok(t[0] >= a && t[t.length - 1] <= b);
    const step = t[1] - t[0];
    const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
    assert.ok([1, 2, 5].some((m0) => Math.abs(mantissa - m0) < 1e-6), `step ${step}`);
  }
});

test('niceTicks edge cases', () => {
  assert.deepEqual(niceTicks(2, 2, 5), [2]);
  assert.deepEqual(niceTicks(NaN, 1, 5), []);
  assert.deepEqual(niceTicks(0, Infinity, 5), []);
  assert.ok(Number.isNaN(niceStep(1, 1)));
  assert.ok(!niceTicks(-1, 1, 5).some((v) => Object.is(v, -0)));
});

test('niceDomain widens to the step; a flat range gets a width', () => {
  assert.deepEqual(niceDomain(0, 0.73, 5), [0, 0.8]);
  assert.deepEqual(niceDomain(0.013, 0.087, 5), [0, 0.1]);
  assert.deepEqual(niceDomain(0, 0, 5), [0, 1]);
  assert.deepEqual(niceDomain(2, 2, 5), [1, 3]);
});

test('logTicks: decades covering the data', () => {
  assert.deepEqual(logTicks(0.003, 2), [0.001, 0.01, 0.1, 1, 10]);
  assert.deepEqual(logTicks(0.01, 1), [0.01, 0.1, 1]);  // exact decades are not widened
  assert.deepEqual(logTicks(0.2, 0.5), [0.1, 1]);       // within one decade: its two ends
  assert.deepEqual(logTicks(0.1, 0.1), [0.1, 1]);
  assert.deepEqual(logTicks(5, 0.05), [0.01, 0.1, 1, 10]);  // reversed bounds
  for (const v of logTicks(1e-7, 1e3)) assert.equal(Math.log10(v), Math.round(Math.log10(v)));
});

test('logTicks thins many decades and rejects non-positive bounds', () => {
  const t = logTicks(1e-12, 10, 6);
  assert.ok(t.length <= 7, `${t}`);
  assert.ok(t[0] <= 1e-12 && t[t.length - 1] >= 10);
  const k = t.map((v) => Math.round(Math.log10(v)));
  const stride = k[1] - k[0];
  assert.ok(stride > 1 && k.every((x, i) => i === 0 || x - k[i - 1] === stride));
  assert.deepEqual(logTicks(0, 1), []);
  assert.deepEqual(logTicks(-1, 1), []);
  assert.deepEqual(logTicks(NaN, 1), []);
  assert.deepEqual(logTicks(1, Infinity), []);
});

test('fitLabel: a tick label stays centred on its tick unless that would cut it at an edge of the canvas', () => {
  assert.equal(fitLabel(300, 30, 586), 300);
  // The last x tick on the plot's right edge (12 px in): "0.010", 30 px wide, moves in to end 2 px in.
  assert.equal(fitLabel(574, 30, 586), 569);
  assert.equal(fitLabel(586, 30, 586), 569);
  assert.equal(fitLabel(5, 30, 586), 17);
  assert.equal(fitLabel(574, 30, 586, 0), 571);
  for (const x of [0, 10, 300, 574, 586]) {
    const c = fitLabel(x, 30, 586);
    assert.ok(c - 15 >= 0 && c + 15 <= 586, `${x}: ${c - 15}..${c + 15}`);
  }
});

test('nearestIndex: binary search on ascending xs', () => {
  const xs = [0, 1, 2, 5, 10];
  assert.equal(nearestIndex(xs, -3), 0);
  assert.equal(nearestIndex(xs, 0), 0);
  assert.equal(nearestIndex(xs, 1.4), 1);
  assert.equal(nearestIndex(xs, 1.6), 2);
  assert.equal(nearestIndex(xs, 1.5), 1);  // tie → lower
  assert.equal(nearestIndex(xs, 3.6), 3);
  assert.equal(nearestIndex(xs, 5), 3);
  assert.equal(nearestIndex(xs, 99), 4);
  assert.equal(nearestIndex([], 1), -1);
  assert.equal(nearestIndex(xs, NaN), -1);
  assert.equal(nearestIndex(Float64Array.from([3]), 0), 0);
  const big = Float64Array.from({ length: 10001 }, (_, i) => i * 0.5);
  assert.equal(nearestIndex(big, 1234.26), 2469);
});

test('downsample: at most 2 points per column, spikes kept, order kept', () => {
  const n = 10000;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 300));
  ys[4321] = 50;   // a spike up
  ys[7777] = -50;  // and down
  ys[6010] = 40;   // both in one column (of 50 points): the column keeps the two
  ys[6011] = -40;
  const xsCopy = xs.slice(), ysCopy = ys.slice();
  const r = downsample(xs, ys, 200);
  assert.ok(r.xs.length <= 400 && r.xs.length === r.ys.length, `${r.xs.length}`);
  assert.ok(r.xs.length >= 200);
  assert.ok([...r.ys].includes(50) && [...r.ys].includes(-50));
  assert.ok([...r.ys].includes(40) && [...r.ys].includes(-40), 'a column\'s highest and lowest, both');
  for (let i = 1; i < r.xs.length; ++i) assert.ok(r.xs[i] > r.xs[i - 1]);
  assert.equal(r.xs[0], 0);
  assert.deepEqual(xs, xsCopy);  // input untouched
  assert.deepEqual(ys, ysCopy);
  // Every kept point is a real (x, y) pair of the input.
  for (let i = 0; i < r.xs.length; ++i) assert.equal(r.ys[i], ys[r.xs[i]]);
});

test('downsample: small inputs come back as they are', () => {
  const xs = [0, 1, 2], ys = [3, 4, 5];
  const r = downsample(xs, ys, 100);
  assert.equal(r.xs, xs);
  assert.equal(r.ys, ys);
});

test('downsample: NaN runs stay gaps; positiveOnly drops values <= 0', () => {
  const n = 1000;
  const xs = Float64Array.from({ length: n }, (_, i) => i);
  const ys = Float64Array.from({ length: n }, (_, i) => (i >= 400 && i < 600 ? NaN : 1 + (i % 7)));
  const r = downsample(xs, ys, 50);
  const gaps = [...r.ys].filter(Number.isNaN).length;
  assert.ok(gaps >= 1 && gaps <= 10, `${gaps} gap markers`);
  assert.ok([...r.ys].filter((y) => !Number.isNaN(y)).every((y) => y >= 1 && y <= 7));
  ys.fill(0, 100, 200);
  const p = downsample(xs, ys, 50, 0, 999, true);
  assert.ok([...p.ys].every((y) => Number.isNaN(y) || y > 0));
  const small = downsample([0, 1, 2], [1, 0, -1], 10, 0, 2, true);
  assert.deepEqual([...small.ys].map(Number.isNaN), [false, true, true]);
});

test('downsample uses the given x range for its columns', () => {
  const xs = Float64Array.from({ length: 1000 }, (_, i) => i);
  const ys = Float64Array.from({ length: 1000 }, (_, i) => i % 2);
  // Data covers only the left tenth of a 0..10000 axis: 10 columns of 100 → at most 2 * 10 points.
  assert.ok(downsample(xs, ys, 100, 0, 10000).xs.length <= 20);
});

test('formatValue: 4 significant digits', () => {
  assert.equal(formatValue(0.123456), '0.1235');
  assert.equal(formatValue(12.3456), '12.35');
  assert.equal(formatValue(0.5), '0.5');
  assert.equal(formatValue(1234.5), '1235');
  assert.equal(formatValue(-0.03), '−0.03');
  assert.equal(formatValue(1.23456e-7), '1.235×10⁻⁷');
  assert.equal(formatValue(-1.23456e-7), '−1.235×10⁻⁷');
  assert.equal(formatValue(2.5e7), '2.5×10⁷');
  assert.equal(formatValue(0), '0');
  assert.equal(formatValue(NaN), '–');
  assert.equal(formatValue(undefined), '–');
  assert.equal(formatValue(Infinity), '∞');
});

test('seriesXY accepts interleaved arrays, pairs and { xs, ys }', () => {
  const a = seriesXY(Float64Array.from([0, 0.5, 1, 0.25]));
  assert.deepEqual([...a.xs], [0, 1]);
  assert.deepEqual([...a.ys], [0.5, 0.25]);
  const b = seriesXY([[0, 0.5], [1, 0.25]]);
  assert.deepEqual([...b.xs], [0, 1]);
  assert.deepEqual([...b.ys], [0.5, 0.25]);
  const c = { xs: [1], ys: [2] };
  assert.equal(seriesXY(c), c);
  assert.deepEqual(seriesXY(null), { xs: [], ys: [] });
  assert.equal(seriesXY([]).xs.length, 0);
});

test('legendEntries: one entry per style, so loss and accuracy drawn alike share "test" and "training"', () => {
  const pts = { xs: [0], ys: [1] };
  const entries = legendEntries([
    { name: 'test', color: '#111', points: pts },
    { name: 'training', color: '#777', dash: true, points: pts },
    { name: 'test accuracy', legend: 'test', color: '#111', points: pts },
    { name: 'training accuracy', legend: 'training', color: '#777', dash: true, points: pts },
  ]);
  assert.deepEqual(entries, [
    { name: 'test', color: '#111', dash: [] },
    { name: 'training', color: '#777', dash: [5, 4] },
  ]);
  // Different styles stay apart even under one name, and a series without `legend` uses its name.
  assert.equal(legendEntries([
    { name: 'a', color: '#111', points: pts }, { name: 'b', legend: 'a', color: '#222', points: pts },
  ]).length, 2);
});
