// The training-health rule (web/training-health.js) on the engine's real runs: at learning rate 100
// every set-up of 9 datasets x 3 hidden activations either diverges (the engine says so), is warned
// about within 20 epochs (those headed for NaN weights an epoch or more earlier, as their loss
// overflows first), or has learned anyway; at 0.03 none is warned about in 100 epochs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, Engine, EngineError } from './load-engine.mjs';
import { trainingWarning } from '../../web/training-health.js';
import { defaultPair, datasetProblem } from '../../web/rules.js';

const DATASETS = ['xor', 'circles', 'gaussians', 'spiral', 'moons', 'blobs', 'multi_spiral', 'plane', 'multi_gaussian'];
let engine;
before(async () => { engine = new Engine(await loadModule()); });
after(() => engine.dispose());

// Trains up to `epochs`, asking the rule every `every` epochs as the page does; returns what happened.
function run(settings, epochs, every) {
  engine.configure({ hidden: [4, 2], seed: 2, ...settings });
  engine.reset();
  const startLoss = engine.metrics().train.loss;
  for (let epoch = 1; epoch <= epochs; ++epoch) {
    try {
      engine.trainEpochs(1);
    } catch (e) {
      assert.ok(e instanceof EngineError);
      return { diverged: true };
    }
    if (epoch % every !== 0) continue;
    const warning = trainingWarning({
      epoch, learningRate: settings.learningRate, startLoss, train: engine.metrics().train, params: engine.params(),
      outputActivation: settings.outputActivation, outputSlope: () => engine.layerStats().at(-1).slopeMean,
    });
    if (warning) return { warning, epoch };
  }
  return { accuracy: engine.metrics().train.accuracy };
}

const setups = DATASETS.flatMap((dataset) => ['tanh', 'relu', 'sigmoid'].map((activation) =>
  ({ dataset, activation, ...defaultPair(datasetProblem(dataset)) })));

test('learning rate 100: each of 27 set-ups diverges, is warned about, or has learned anyway', () => {
  const outcome = { diverged: 0, overflowed: 0, warned: 0, learned: 0 };
  for (const s of setups) {
    const r = run({ ...s, learningRate: 100 }, 20, 1);
    if (r.diverged) outcome.diverged += 1;
    else if (r.warning) {
      outcome[/^The loss is too large to compute/.test(r.warning) ? 'overflowed' : 'warned'] += 1;
      assert.match(r.warning, /learning rate \(100\) is probably too large/);
    } else {
      assert.ok(r.accuracy >= 0.9, `${s.dataset}/${s.activation}: no warning at training accuracy ${r.accuracy}`);
      outcome.learned += 1;
    }
  }
  assert.deepEqual(outcome, { diverged: 0, overflowed: 6, warned: 19, learned: 2 });
});

test('learning rate 0.03: no warning for any of the 27 set-ups in 100 epochs', () => {
  for (const s of setups) {
    const r = run({ ...s, learningRate: 0.03 }, 100, 10);
    assert.equal(r.warning, undefined, `${s.dataset}/${s.activation} at epoch ${r.epoch}: ${r.warning}`);
    assert.equal(r.diverged, undefined);
  }
});
