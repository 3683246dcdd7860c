// The exported figures' caption and file name (web/playground/figure-caption.js) and the pure parts
// of the exporter (web/views/figure-export.js): caption wrapping and the canvas font parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { captionParts, figureFileName } from '../../web/playground/figure-caption.js';
import { wrapCaption, parseCanvasFont } from '../../web/views/figure-export.js';
import { defaults } from '../../web/state.js';

test('the caption names the settings in the page\'s words, then the epoch and the test loss', () => {
  const parts = captionParts(defaults(), { epoch: 120, testLoss: 0.012345 });
  assert.deepEqual(parts, ['dataset xor', 'features x1, x2', 'hidden layers 4, 2', 'activation tanh', 'output activation tanh',
    'loss mse', 'optimizer sgd', 'learning rate 0.03', 'batch size 10', 'epoch 120', 'test loss 0.0123']);
});

test('regularisers appear only when they act; no hidden layer reads "none"; no loss yet reads "–"', () => {
  const parts = captionParts({ ...defaults(), hidden: [], l2: 0.001, dropout: 0.2, l1: 0 }, { epoch: 0, testLoss: NaN });
  assert.ok(parts.includes('hidden layers none'));
  assert.ok(parts.includes('L2 rate 0.001'));
  assert.ok(parts.includes('dropout 0.2'));
  assert.ok(!parts.some((p) => p.startsWith('L1')));
  assert.equal(parts.at(-1), 'test loss –');
});

test('file names: backprop-<figure>-epoch-<n>.<ext>', () => {
  assert.equal(figureFileName('decision-boundary', 120, 'png'), 'backprop-decision-boundary-epoch-120.png');
});

test('wrapCaption fills each line up to the width, never splitting a part', () => {
  const measure = (t) => t.length;  // one unit per character
  assert.deepEqual(wrapCaption(['aaaa', 'bbbb', 'cccc'], 11, measure), ['aaaa · bbbb', 'cccc']);
  assert.deepEqual(wrapCaption(['a very long part'], 4, measure), ['a very long part']);
  assert.deepEqual(wrapCaption([], 10, measure), []);
});

test('parseCanvasFont reads the chart\'s fonts', () => {
  assert.deepEqual(parseCanvasFont('11px system-ui, sans-serif'), { family: 'system-ui, sans-serif', size: 11, weight: '400', style: 'normal' });
  assert.deepEqual(parseCanvasFont('italic bold 10.5px "DejaVu Sans"'), { family: '"DejaVu Sans"', size: 10.5, weight: '700', style: 'italic' });
});
