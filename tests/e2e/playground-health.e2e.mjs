// End-to-end: training gone wrong without NaN is said (web/training-health.js), and NaN weights
// show no accuracy. Steps are counted (the Step button, one epoch each), never timed.
// Not here: the rule's thresholds (tests/web, tests/wasm training-health.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, readState } from './browser.mjs';

const b = useBrowser();
const T = { timeout: 40000 };

async function step(page, n = 1) {
  for (let i = 0; i < n; ++i) await page.click('#step');
  await frames(page);
}

test('learning rate 100 on XOR: saturation is warned about after 5 epochs, once per run', T, async () => {
  await withPage(b, '#learningRate=100', async (page) => {
    await step(page, 4);
    assert.equal((await readState(page)).message, '', 'not judged before 5 epochs');
    await step(page);
    const s = await readState(page);
    assert.equal(s.epoch, 5);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /^The output tanh is saturated: its mean slope f′\(z\) is .* The learning rate \(100\) is probably too large: lower it, then reset\.$/);
    assert.ok(Number.isFinite(s.testLoss), 'no NaN: the engine alone would say nothing');
    // The layer view's gradient is of the data loss: its caption says so.
    assert.match(await page.textContent('#layer-stats caption'), /of the data loss alone: without the L1\/L2 terms that the hover and step-panel gradients include/);
    // It stays through further steps, as it does while playing, until the learner closes it.
    await step(page);
    assert.match((await readState(page)).message, /^The output tanh is saturated/);
    await page.click('#message-close');
    await step(page, 3);
    assert.equal((await readState(page)).message, '', 'said once per run');
  });
});

test('a loss too large to compute is said at once, before the weights turn NaN', T, async () => {
  await withPage(b, '#dataset=plane&learningRate=100&outputActivation=linear', async (page) => {
    await step(page);
    const s = await readState(page);
    assert.equal(s.epoch, 1);
    assert.ok(Number.isNaN(s.trainLoss), 'the loss readout is –');
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /^The loss is too large to compute \(it overflowed\), though the weights are still numbers .* The learning rate \(100\) is probably too large/);
  });
});

test('NaN weights show no accuracy', T, async () => {
  await withPage(b, '#activation=linear&outputActivation=linear&learningRate=100', async (page) => {
    assert.ok(Number.isFinite((await readState(page)).testAccuracy));
    await step(page);
    const s = await readState(page);
    assert.equal(s.messageKind, 'error');
    assert.match(s.message, /diverged/);
    assert.ok(Number.isNaN(s.testAccuracy), `accuracy shown: ${await page.textContent('#test-accuracy')}`);
    assert.equal(await page.textContent('#test-accuracy'), '–');
    // Step again: the advice stays in words, not the core's terse refusal.
    await step(page);
    assert.equal((await readState(page)).message, 'Training diverged. Lower the learning rate, then reset.');
    assert.equal((await readState(page)).epoch, 1);
  });
});
