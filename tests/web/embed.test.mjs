// Unit tests of web/embed.js's pure parts: the iframe snippet (escaped, sized) and the size
// suggested for the parts chosen; and the `embed` key's round trip through the URL hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { iframeSnippet, suggestedSize } from '../../web/embed.js';
import { parseHash, serializeHash, defaults } from '../../web/state.js';

test('the snippet is one iframe with the link escaped for an attribute, a size and a title', () => {
  const html = iframeSnippet('https://example.org/p/#noise=0.1&embed=network,output&x="<', 900.4, 700);
  assert.equal(html, '<iframe src="https://example.org/p/#noise=0.1&amp;embed=network,output&amp;x=&quot;&lt;" ' +
    'width="900" height="700" title="Backprop Playground" loading="lazy" style="border:0;max-width:100%"></iframe>');
});

test('suggested sizes grow with the parts and leave room for the run buttons', () => {
  const one = suggestedSize(['output']);
  const two = suggestedSize(['network', 'output']);
  const withControls = suggestedSize(['network', 'output', 'controls']);
  assert.ok(two.width > one.width);
  assert.equal(withControls.width, two.width);
  assert.ok(withControls.height > two.height);
  assert.ok(suggestedSize(['controls']).height >= 100);
  for (const s of [one, two, withControls]) assert.ok(s.width >= 360 && s.height >= 100);
  // The step animation goes under the panels, full width.
  const withStep = suggestedSize(['network', 'output', 'backprop']);
  assert.ok(withStep.height > two.height + 600 && withStep.width >= 1100);
});

test('embed= round-trips through the hash and rejects unknown parts', () => {
  const state = { ...defaults(), embed: ['output', 'controls'] };
  const hash = serializeHash(state);
  assert.equal(hash, '#embed=output,controls');
  assert.deepEqual(parseHash(hash), { state, errors: [] });
  const bad = parseHash('#embed=output,header');
  assert.deepEqual(bad.state.embed, []);
  assert.match(bad.errors[0], /^embed: 'output,header' has 'header', which is not one of data, network, output, controls, backprop, chapter; using none$/);
});
