// The numeric conventions are stated where the numbers appear: the step panel's momentum update
// and the tooltips of the loss, decay, momentum, activation and loss readouts in web/index.html
// (the page's static markup, read as text). The layer view's caption: tests/e2e/playground-health.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { updateEquation } from '../../web/views/equations.js';

const html = fs.readFileSync(fileURLToPath(new URL('../../web/index.html', import.meta.url)), 'utf8');
const titleOf = (key) => new RegExp(`<label data-hide="${key}" title="([^"]+)"`).exec(html)?.[1] ?? '';

test('the momentum update says how it differs from PyTorch\'s', () => {
  const s = updateEquation({ optimizer: 'momentum', lr: 0.1, w: 0.5, g: 0.2, momentum: 0.9, vBefore: -0.05, vAfter: -0.065, wAfter: 0.435 });
  assert.match(s, /<mtext>η is inside v here; PyTorch keeps v ← μv \+ g, w ← w − η·v: the same steps while η is constant, not once it decays<\/mtext>/);
  assert.doesNotMatch(updateEquation({ optimizer: 'sgd', lr: 0.1, w: 0.5, g: 0.2, wAfter: 0.48 }), /PyTorch/);
});

test('the tooltips state the loss, decay, momentum and step conventions', () => {
  assert.match(titleOf('loss'), /½ \(y − ŷ\)² summed over the outputs, averaged over the points/);
  assert.match(titleOf('loss'), /bce: cross-entropy summed over the outputs/);
  assert.match(titleOf('decay'), /^Counts epochs, not updates/);
  assert.match(titleOf('momentum'), /^v ← μv − lr·g, then w ← w \+ v\. PyTorch keeps v ← μv \+ g/);
  assert.match(titleOf('activation'), /^step: 1 for z &gt; 0, else 0 \(0 at z = 0\); its derivative is taken as 0/);
  assert.match(html, /<div title="Mean data loss over the points \(without L1\/L2\)[^"]*"><dt>Test loss<\/dt>/);
});
