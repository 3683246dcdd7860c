// Every dataset/output/loss link the page reads (web/link-load.js) gives settings the engine
// accepts as they are: the page's rewrites are enough, so nothing more changes silently later.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine } from './load-engine.mjs';
import { readLink } from '../../web/link-load.js';
import { SETTINGS, engineSettings } from '../../web/state.js';

const values = (key) => SETTINGS.find((e) => e.key === key).values;

test('all 243 dataset/output/loss links give settings the engine accepts', async () => {
  const module = await loadModule();
  const engine = new Engine(module);
  try {
    for (const dataset of values('dataset').filter((d) => d !== 'custom')) {
      for (const outputActivation of values('outputActivation')) {
        for (const loss of values('loss')) {
          const { state } = readLink(`#dataset=${dataset}&outputActivation=${outputActivation}&loss=${loss}&points=40&hidden=2`);
          assert.doesNotThrow(() => engine.configure(engineSettings(state)), `${dataset} ${outputActivation} ${loss}`);
          const s = engine.settings();
          assert.deepEqual([s.outputActivation, s.loss], [state.outputActivation, state.loss]);
        }
      }
    }
  } finally {
    engine.dispose();
  }
});
