// web/controls.js's pure part: the range and step a slider needs to show a value exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { sliderRange } from '../../web/controls.js';

const POINTS = { min: 20, max: 1000, step: 10 };
const TRAIN = { min: 0.1, max: 1, step: 0.05 };

test('a value on the slider keeps its range and step', () => {
  assert.deepEqual(sliderRange(POINTS, 200), POINTS);
  assert.deepEqual(sliderRange(TRAIN, 0.7), TRAIN);
  assert.deepEqual(sliderRange(POINTS, NaN), POINTS);
});

test('a value beyond an end grows the range to it, on the slider\'s steps where it lies on them', () => {
  assert.deepEqual(sliderRange(POINTS, 2000), { min: 20, max: 2000, step: 10 });
  assert.deepEqual(sliderRange(TRAIN, 0.05), { min: 0.05, max: 1, step: 0.05 });
  assert.deepEqual(sliderRange({ min: 1, max: 100, step: 1 }, 500), { min: 1, max: 500, step: 1 });
});

test('off the slider\'s steps, the finest step the numbers need: both ends and the value on it', () => {
  assert.deepEqual(sliderRange(POINTS, 205), { min: 20, max: 1000, step: 1 });
  assert.deepEqual(sliderRange(POINTS, 5), { min: 5, max: 1000, step: 1 });  // 5 + 10k never reaches 1000
  assert.deepEqual(sliderRange({ min: 0, max: 0.4, step: 0.05 }, 0.42), { min: 0, max: 0.42, step: 0.01 });
  assert.deepEqual(sliderRange({ min: 0, max: 1, step: 0.05 }, 0.125), { min: 0, max: 1, step: 0.001 });
});

test('values reached before stay in reach', () => {
  assert.deepEqual(sliderRange({ min: 1, max: 100, step: 1 }, 50, { min: 1, max: 500 }), { min: 1, max: 500, step: 1 });
  assert.deepEqual(sliderRange(POINTS, 600, { min: 20, max: 2005 }), { min: 20, max: 2005, step: 1 });
});
