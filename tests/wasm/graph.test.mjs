// The chain-rule lesson's graph through the wasm build: f = (x + y) z with the textbook numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-engine.mjs';
import { sumTimesGraph, EngineError } from '../../web/engine.js';

test('(x + y) z at x = -2, y = 5, z = -4 gives q = 3, f = -12, df/dx = df/dy = -4, df/dz = 3', async () => {
  const module = await loadModule();
  const nodes = sumTimesGraph(module, -2, 5, -4);
  const byName = Object.fromEntries(nodes.map((n) => [n.name, n]));
  assert.equal(byName.q.value, 3);
  assert.equal(byName.f.value, -12);
  assert.equal(byName.x.grad, -4);
  assert.equal(byName.y.grad, -4);
  assert.equal(byName.z.grad, 3);
  assert.deepEqual(byName.f.inputs, [3, 2]);
  assert.deepEqual(byName.f.local, [-4, 3]);         // d(qz)/dq = z, d(qz)/dz = q
  assert.deepEqual(byName.f.edgeGradient, [-4, 3]);  // upstream 1 x local
  assert.deepEqual(byName.q.edgeGradient, [-4, -4]); // upstream -4 x local 1
  assert.throws(() => sumTimesGraph(module, NaN, 0, 0), EngineError);
});
