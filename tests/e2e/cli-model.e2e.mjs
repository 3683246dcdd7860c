// End-to-end: the command-line tool and the page share model files. A model the CLI trained is
// loaded through the page's Load model control, as a learner would; the page shows the CLI's last
// CSV row (losses to the 4 decimals shown, the test accuracy to 0.1%); the page's Save model then
// gives the CLI's file back (epoch 0: the page counts from 0 after a load), which the CLI reads
// to the same numbers. Needs the CLI built (build/asan/backprop, or the binary BACKPROP_CLI names).
// Not here: the CLI against the engine number by number (tests/scripts/cli.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { ROOT, useBrowser, withPage, frames, readState, hashParams, screenshot } from './browser.mjs';

const b = useBrowser();
const CLI = process.env.BACKPROP_CLI ?? path.join(ROOT, 'build', 'asan', 'backprop');
const CONFIG = {
  dataset: 'circles', points: 160, noise: 0.1, validationRatio: 0.2, hidden: [5, 3], learningRate: 0.1,
  batchSize: 5, seed: 3,
};
const EPOCHS = 40;

// The last CSV row as { column: number }.
function lastRow(csvText) {
  const [head, ...rows] = csvText.trim().split('\n');
  const values = rows[rows.length - 1].split(',').map(Number);
  return Object.fromEntries(head.split(',').map((c, i) => [c, values[i]]));
}

test('a model the CLI trained loads in the page with the same numbers, and saves back to the same file', { timeout: 40000 }, async () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run bash build-scripts/build-asan.sh first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cli-e2e-'));
  try {
    const run = path.join(tmp, 'run.json'), model = path.join(tmp, 'model.json');
    fs.writeFileSync(run, JSON.stringify(CONFIG));
    const cli = lastRow(execFileSync(CLI, ['train', '--config', run, '--epochs', String(EPOCHS), '--model', model], { encoding: 'utf8' }));
    assert.equal(cli.epoch, EPOCHS);
    const file = fs.readFileSync(model, 'utf8');

    await withPage(b, '', async (page) => {
      await page.setInputFiles('#model-load', { name: 'cli-model.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.waitForFunction(() => !document.getElementById('message').hidden);
      await frames(page);
      const s = await readState(page);
      assert.equal(s.messageKind, 'info', s.message);
      assert.match(s.message, new RegExp(`^Loaded: cli-model\\.json holds the weights saved after ${EPOCHS} epochs`));
      // What the page shows, to its digits, is the CLI's last row.
      assert.equal(s.testLoss, Number(cli.test_loss.toFixed(4)), `test loss: page ${s.testLoss}, CLI ${cli.test_loss}`);
      assert.equal(s.trainLoss, Number(cli.training_loss.toFixed(4)));
      assert.equal(s.validationLoss, Number(cli.validation_loss.toFixed(4)));
      assert.equal(await page.textContent('#test-accuracy'), `${(100 * cli.test_accuracy).toFixed(1)}%`);
      const hash = await hashParams(page);
      assert.equal(hash.dataset, 'circles');
      assert.equal(hash.hidden, '5,3');
      await screenshot(page, 'cli-model-loaded.png');

      // Saved from the page: the CLI's file, counting from epoch 0 as the page does after a load.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#model-save')]);
      const saved = fs.readFileSync(await download.path(), 'utf8');
      assert.equal(saved, file.replace(`"epoch": ${EPOCHS}\n`, '"epoch": 0\n'));
      const back = path.join(tmp, 'from-page.json');
      fs.writeFileSync(back, saved);
      const again = lastRow(execFileSync(CLI, ['train', '--config', back, '--epochs', '0'], { encoding: 'utf8' }));
      assert.deepEqual({ ...again, epoch: EPOCHS }, cli, 'the CLI reads the page\'s file to the same numbers');
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
