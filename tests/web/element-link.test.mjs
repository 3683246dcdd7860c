// The <backprop-playground> element's link (web/element-link.js): attribute names to link keys,
// the parts, the page it loads (hosted, offline from file://, or `src`), and what it leaves out.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { elementLink } from '../../web/element-link.js';
import { parseHash } from '../../web/state.js';

const BASE = 'https://example.org/course/playground/';
const attrs = (object) => Object.entries(object).map(([name, value]) => ({ name, value }));
const link = (object, protocol = 'https:') => elementLink(attrs(object), BASE, protocol, 'https://example.org/course/lesson.html');

test('attributes in any of HTML\'s spellings become the link\'s keys, which the page reads', () => {
  const url = link({ dataset: 'circles', hidden: '4,2', learningrate: '0.1', 'batch-size': '5', outputactivation: 'sigmoid',
    loss: 'bce', parts: 'output, controls' });
  assert.equal(url, `${BASE}index.html#dataset=circles&hidden=4,2&learningRate=0.1&batchSize=5&outputActivation=sigmoid` +
    '&loss=bce&embed=output,controls');
  const { state, errors } = parseHash(new URL(url).hash);
  assert.deepEqual(errors, []);
  assert.equal(state.dataset, 'circles');
  assert.deepEqual(state.hidden, [4, 2]);
  assert.equal(state.learningRate, 0.1);
  assert.equal(state.batchSize, 5);
  assert.deepEqual(state.embed, ['output', 'controls']);
});

test('the default parts, run B\'s keys, the course\'s route keys, and values encoded', () => {
  assert.equal(link({ compare: 'true', 'b.activation': 'relu', 'b.learning-rate': '0.3', chapter: 'mlp', features: 'x1,x1*x2' }),
    `${BASE}index.html#compare=true&b.activation=relu&b.learningRate=0.3&chapter=mlp&features=x1,x1*x2` +
    '&embed=data,network,output,controls');
  assert.match(link({ dataset: 'a&b=c' }), /#dataset=a%26b%3Dc&/);
  assert.equal(link({ lang: 'fr' }), `${BASE}index.html#lang=fr&embed=data,network,output,controls`, 'lang="fr": the page in French');
});

test('the element\'s own and HTML\'s global attributes stay out of the link; an unknown one goes in for the page to name', () => {
  assert.equal(link({ id: 'x', class: 'wide', style: 'margin:0', title: 'XOR', height: '400', loading: 'lazy', 'aria-label': 'net',
    'data-note': '1', onclick: 'f()', datset: 'moons' }), `${BASE}index.html#datset=moons&embed=data,network,output,controls`);
  assert.deepEqual(parseHash('#datset=moons').errors.length > 0, true);
  // Only b. marks run B: "a.seed" (no run A prefix exists) is unknown, not run B's seed.
  assert.equal(link({ 'a.seed': '3' }), `${BASE}index.html#a.seed=3&embed=data,network,output,controls`);
});

test('from file:// the one-file offline page; `src` names another copy of the playground', () => {
  assert.equal(link({ dataset: 'xor' }, 'file:'), `${BASE}offline/index.html#dataset=xor&embed=data,network,output,controls`);
  assert.equal(link({ src: '../nn/index.html', parts: 'lab', chapter: 'activations' }),
    'https://example.org/nn/index.html#chapter=activations&embed=lab');
});
