// Unit tests of web/embed.js's pure parts: the address a shared link points at, the iframe snippet
// (escaped, sized) and when the compact layout applies; and the `embed` key's round trip through the URL hash. (The suggested size is
// measured in a browser: tests/e2e/embed-frames.e2e.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { iframeSnippet, isCompact, pageLink } from '../../web/embed.js';
import { parseHash, serializeHash, defaults } from '../../web/state.js';

test('a shared link is the page\'s own address with the new hash, from a server or a file in any browser', () => {
  // Firefox's location.origin of a file:// page is the string "null", so the address comes from the href.
  const firefox = { href: 'file:///home/ana/Course%20files/offline/index.html#dataset=xor', origin: 'null', pathname: '/home/ana/Course%20files/offline/index.html' };
  assert.equal(pageLink(firefox, '#dataset=circles'), 'file:///home/ana/Course%20files/offline/index.html#dataset=circles');
  assert.equal(pageLink({ href: 'file:///C:/Users/ana/playground.html' }, '#chapter=mlp'), 'file:///C:/Users/ana/playground.html#chapter=mlp');
  assert.equal(pageLink({ href: 'file://server/share/nn/offline/index.html#x=1' }, ''), 'file://server/share/nn/offline/index.html', 'a network share keeps its host');
  assert.equal(pageLink({ href: 'https://example.org/courses/nn/?from=moodle#dataset=xor' }, '#dataset=spiral'), 'https://example.org/courses/nn/#dataset=spiral',
    'the query is left out, as before');
  assert.equal(pageLink({ href: 'http://127.0.0.1:8080/index.html' }, '#embed=output'), 'http://127.0.0.1:8080/index.html#embed=output');
});

test('the snippet is one iframe with the link escaped for an attribute, a size and a title', () => {
  const html = iframeSnippet('https://example.org/p/#noise=0.1&embed=network,output&x="<', 900.4, 700);
  assert.equal(html, '<iframe src="https://example.org/p/#noise=0.1&amp;embed=network,output&amp;x=&quot;&lt;" ' +
    'width="900" height="700" title="Backprop Playground" loading="lazy" style="border:0;max-width:100%"></iframe>');
});

test('the compact layout is for the output without the other panels, the step or a chapter', () => {
  assert.equal(isCompact(['output', 'controls']), true);
  assert.equal(isCompact(['output']), true);
  assert.equal(isCompact(['controls']), false);
  for (const other of ['data', 'network', 'backprop', 'chapter', 'lab', 'compare']) assert.equal(isCompact(['output', 'controls', other]), false, other);
});

test('embed= round-trips through the hash and rejects unknown parts', () => {
  const state = { ...defaults(), embed: ['output', 'controls'] };
  const hash = serializeHash(state);
  assert.equal(hash, '#embed=output,controls');
  assert.deepEqual(parseHash(hash), { state, errors: [] });
  const bad = parseHash('#embed=output,header');
  assert.deepEqual(bad.state.embed, []);
  assert.match(bad.errors[0], /^embed: 'output,header' has 'header', which is not one of data, network, output, controls, backprop, chapter, lab, compare; using none$/);
});
