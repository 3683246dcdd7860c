// web/playground/frame-budget.js: how much training a frame may do, at a chosen number of epochs
// per frame and at "as fast as possible". The page's use of it: tests/e2e/playground-training.e2e.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { frameAllowance, sliceBatches, FRAME_BUDGET_MS, TASK_LIMIT_MS } from '../../web/playground/frame-budget.js';

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

test('an epoch that fits in one task is trained whole; a longer one in runs of batches that fit', () => {
  // 50 batches of 0.1 ms and a 3 ms record: an 8 ms epoch, whole.
  assert.equal(sliceBatches({ batchMs: 0.1, recordMs: 3, batchesPerEpoch: 50 }), 0);
  // 450 batches of 0.2 ms (90 ms) and a 5 ms record: (25 - 5) / 0.2 = 100 batches a slice.
  assert.equal(sliceBatches({ batchMs: 0.2, recordMs: 5, batchesPerEpoch: 450 }), (TASK_LIMIT_MS - 5) / 0.2);
  // A record alone over the limit still trains: one batch.
  assert.equal(sliceBatches({ batchMs: 1, recordMs: 40, batchesPerEpoch: 100 }), 1);
  // One full batch (batch size = the training set) cannot be split: one batch, a whole epoch.
  assert.equal(sliceBatches({ batchMs: 60, recordMs: 5, batchesPerEpoch: 1 }), 1);
  // Before any step is measured (no cost yet) and for a nonsense cost: whole epochs.
  assert.equal(sliceBatches({ batchMs: 0, recordMs: 0, batchesPerEpoch: 1 }), 0);
  assert.equal(sliceBatches({ batchMs: NaN, recordMs: 0, batchesPerEpoch: 10 }), 0);
  // Never more batches than an epoch has, and each slice's estimate within the limit.
  for (const batchMs of [0.01, 0.05, 0.3, 2, 7]) {
    for (const recordMs of [0, 2, 10]) {
      const cost = { batchMs, recordMs, batchesPerEpoch: 400 };
      const n = sliceBatches(cost);
      if (n === 0) assert.ok(batchMs * 400 + recordMs <= TASK_LIMIT_MS);
      else {
        assert.ok(n >= 1 && n <= 400);
        if (n > 1) assert.ok(n * batchMs + recordMs <= TASK_LIMIT_MS + 1e-9, `${batchMs} ms batches, ${recordMs} ms record: ${n}`);
      }
    }
  }
});
