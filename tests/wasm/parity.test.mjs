// Native/wasm agreement: runs the command-line tool build/asan/backprop (the core built natively,
// by clang with its sanitizers, which change no number) on each scenario of tests/parity/
// scenarios.json, then replays the scenario through the wasm engine from the same settings and
// seeds and compares the initial parameters, the parameters after the same number of epochs, the
// test metrics, and a loss-landscape slice through the final weights. Both sides read the same
// settings (the page's keys), so there is no table to keep in step.
// Not here: whether the numbers are right (the Catch2 suites check that natively).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { ROOT, loadModule, Engine } from './load-engine.mjs';
import { parseModel } from '../../web/model-file.js';

// { name: { epochs, settings } }: settings as engine.configure() takes them; keys left out keep the
// bp::Settings defaults, which a new Engine and the CLI both start from.
const SCENARIOS = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'parity', 'scenarios.json'), 'utf8'));
const SLICE = { seed: 3, grid: 5, range: 1 };  // random directions of seed 3, 5 x 5 over [-1, 1]²

// Tolerances. Everything is float32. Native and wasm run the same Eigen SSE code paths (on wasm via
// WASM SIMD), so vectorised maths agrees bit for bit; differences come only from libm (glibc vs
// musl) in the scalar tail elements Eigen does not vectorise, about 1 ulp, which training amplifies
// a little. Observed (Emscripten 3.1.6, g++ 12): initial params bit-identical in all scenarios,
// xor_tanh_sgd final params bit-identical too, the Adam and momentum/dropout runs within 3.6e-7,
// maxout within 1.4e-6, GELU (a SIMD kernel of the core's own, with no libm call) within 2.1e-7.
// spiral_gelu_momentum's output is linear: with tanh's libm tail there, its 30 epochs of momentum
// on the spiral amplify 1-ulp differences past the tolerance (1e-3), whatever the hidden layers.
//  - initial params: the CLI's model file holds each float32 exactly (its shortest decimal), so
//    any gap beyond 1e-7 is a real difference.
//  - final params: 1e-5 absolute, more than 10x the observed drift.
//  - test loss and the slice's losses: 1e-5 relative; test accuracy: exact (a count of correct points).
const TOL = { initial: 1e-7, final: 1e-5, lossRelative: 1e-5 };

const CLI = process.env.BACKPROP_CLI ?? path.join(ROOT, 'build', 'asan', 'backprop');

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length, 'parameter counts differ');
  let m = 0;
  for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function lastRow(csvText) {
  const [head, ...rows] = csvText.trim().split('\n');
  const values = rows[rows.length - 1].split(',').map(Number);
  return Object.fromEntries(head.split(',').map((c, i) => [c, values[i]]));
}

// The CLI's numbers for one scenario: { initial, final, epochs, testLoss, testAccuracy, slice }.
function runNative(name, { epochs, settings }) {
  const file = (suffix) => path.join(tmp, `${name}-${suffix}`);
  const cli = (...args) => execFileSync(CLI, args, { encoding: 'utf8' });
  fs.writeFileSync(file('run.json'), JSON.stringify(settings));
  cli('train', '--config', file('run.json'), '--epochs', '0', '--model', file('initial.json'));
  const row = lastRow(cli('train', '--config', file('run.json'), '--epochs', String(epochs), '--model', file('final.json')));
  const final = parseModel(fs.readFileSync(file('final.json'), 'utf8'));
  const slice = cli('slice', '--model', file('final.json'), '--seed', String(SLICE.seed), '--grid', String(SLICE.grid),
    '--range', String(SLICE.range)).trim().split('\n').slice(1).map((r) => Number(r.split(',')[2]));
  return {
    initial: parseModel(fs.readFileSync(file('initial.json'), 'utf8')).params, final: final.params, epochs: final.epoch,
    testLoss: row.test_loss, testAccuracy: row.test_accuracy, slice,
  };
}

let module, tmp;
before(async () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run bash build-scripts/build-asan.sh first`);
  module = await loadModule();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-parity-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the scenarios: five runs over the data sets, activations, losses and optimisers', () => {
  assert.deepEqual(Object.keys(SCENARIOS), ['xor_tanh_sgd', 'circles_relu_adam_bce', 'blobs_elu_softmax_momentum_dropout',
    'moons_maxout3_adam', 'spiral_gelu_momentum']);
});

for (const [name, scenario] of Object.entries(SCENARIOS)) {
  test(`${name}: wasm matches native`, (t) => {
    const ref = runNative(name, scenario);
    assert.equal(ref.epochs, scenario.epochs);
    const engine = new Engine(module);
    try {
      engine.configure(scenario.settings);
      const initial = maxAbsDiff(engine.params(), ref.initial);
      engine.trainEpochs(ref.epochs);
      assert.equal(engine.progress().epoch, ref.epochs);
      const final = maxAbsDiff(engine.params(), ref.final);
      const m = engine.metrics().test;
      const loss = Math.abs(m.loss - ref.testLoss) / Math.abs(ref.testLoss);
      t.diagnostic(`max |wasm - native|: initial ${initial.toExponential(2)}, final ${final.toExponential(2)}; test loss rel ${loss.toExponential(2)}`);
      assert.ok(initial <= TOL.initial, `initial params differ by ${initial}`);
      assert.ok(final <= TOL.final, `final params differ by ${final}`);
      assert.ok(loss <= TOL.lossRelative, `test loss ${m.loss} vs native ${ref.testLoss}`);
      assert.equal(m.accuracy, ref.testAccuracy);
      // The loss-landscape slice through the final weights.
      const slice = engine.lossSlice(SLICE).loss;
      assert.equal(slice.length, ref.slice.length);
      assert.equal(slice.length, SLICE.grid * SLICE.grid);
      for (let i = 0; i < slice.length; ++i) {
        const rel = Math.abs(slice[i] - ref.slice[i]) / Math.abs(ref.slice[i]);
        assert.ok(rel <= TOL.lossRelative, `slice cell ${i}: ${slice[i]} vs native ${ref.slice[i]}`);
      }
    } finally {
      engine.dispose();
    }
  });
}
