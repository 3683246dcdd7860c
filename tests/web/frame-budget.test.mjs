// web/playground/frame-budget.js: how much training a frame may do, at a chosen number of epochs
// per frame and at "as fast as possible". The page's use of it: tests/e2e/playground-training.e2e.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { frameAllowance, FRAME_BUDGET_MS } from '../../web/playground/frame-budget.js';

test('a number of epochs per frame: that many, within the fixed budget', () => {
  assert.deepEqual(frameAllowance(1, 1000, 0), { epochs: 1, deadline: 1000 + FRAME_BUDGET_MS });
  assert.deepEqual(frameAllowance(100, 50, 14), { epochs: 100, deadline: 50 + FRAME_BUDGET_MS });
});

test('as fast as possible: unlimited epochs until the frame is due, less the last render and some slack', () => {
  const at = (renderMs) => frameAllowance('max', 0, renderMs);
  assert.equal(at(0).epochs, Infinity);
  assert.equal(at(0).deadline, FRAME_BUDGET_MS, 'never more than the fixed budget');
  assert.ok(Math.abs(at(8).deadline - (1000 / 60 - 3 - 8)) < 1e-9, '16.7 ms - 3 ms slack - an 8 ms render');
  assert.equal(at(30).deadline, 2, 'a render longer than a frame still leaves 2 ms of training');
  // The longer the render, the less training: never more than a frame in all.
  for (let r = 0; r < 14; r += 0.5) assert.ok(at(r).deadline + r <= 1000 / 60, `render ${r} ms`);
});
