// Tests for web/course/route.js: the course's keys in the URL hash, beside the settings keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitHash, joinHash } from '../../web/course/route.js';

test('the route keys come out, the settings stay as a hash', () => {
  assert.deepEqual(splitHash('#chapter=mlp&lesson=xor-hidden&dataset=xor&hidden='),
    { route: { chapter: 'mlp', lesson: 'xor-hidden' }, settings: '#dataset=xor&hidden=', errors: [] });
  assert.deepEqual(splitHash('#dataset=circles&embed=output'), { route: {}, settings: '#dataset=circles&embed=output', errors: [] });
  assert.deepEqual(splitHash(''), { route: {}, settings: '', errors: [] });
  assert.deepEqual(splitHash('chapter=neuron&task=nand'), { route: { chapter: 'neuron', task: 'nand' }, settings: '', errors: [] });
});

test('a malformed id is reported and dropped', () => {
  const { route, errors } = splitHash('#chapter=%3Cscript%3E&dataset=xor');
  assert.deepEqual(route, {});
  assert.equal(errors.length, 1);
  assert.match(errors[0], /chapter '<script>' is not a valid id/);
});

test('join is the inverse of split, route first, empty when both are', () => {
  assert.equal(joinHash({ chapter: 'mlp', task: 'xor-2-hidden' }, '#dataset=xor'), '#chapter=mlp&task=xor-2-hidden&dataset=xor');
  assert.equal(joinHash({}, '#dataset=xor'), '#dataset=xor');
  assert.equal(joinHash({ chapter: 'neuron' }, ''), '#chapter=neuron');
  assert.equal(joinHash({}, ''), '');
  const hash = '#chapter=backprop&lesson=backprop-by-hand&hidden=2&activation=sigmoid';
  const { route, settings } = splitHash(hash);
  assert.equal(joinHash(route, settings), hash);
});

test('a lab\'s settings travel under its prefix, between the route and the playground\'s settings', () => {
  const hash = '#chapter=perceptron&widget=rules-lab&rules.data=xor&rules.rate-adaline=0.05&dataset=gaussians';
  const split = splitHash(hash);
  assert.deepEqual(split, { route: { chapter: 'perceptron', widget: 'rules-lab', lab: { 'rules.data': 'xor', 'rules.rate-adaline': '0.05' } },
    settings: '#dataset=gaussians', errors: [] });
  assert.equal(joinHash(split.route, split.settings), hash);
  const bad = splitHash('#chapter=perceptron&rules.data=%3Cb%3E&rules.coding=bipolar');
  assert.deepEqual(bad.route, { chapter: 'perceptron', lab: { 'rules.coding': 'bipolar' } });
  assert.deepEqual(bad.errors, ["rules.data '<b>' is not a valid value"]);
  // Not a lab key: the playground's settings parser sees it (and reports it if unknown).
  assert.equal(splitHash('#Rules.data=xor&a.b.c=1').settings, '#Rules.data=xor&a.b.c=1');
});
