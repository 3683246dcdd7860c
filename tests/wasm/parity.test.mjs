// Native/wasm agreement: runs build/asan/parity_dump (the core built natively, by clang with its
// sanitizers, which change no number), then replays each of its scenarios through the wasm engine
// from the same settings and seeds and compares the initial parameters, the parameters after the
// same number of epochs, the test metrics, and a loss-landscape slice through the final weights.
// Not here: whether the numbers are right (the Catch2 suites check that natively).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { ROOT, loadModule, Engine } from './load-engine.mjs';

// The scenarios of tests/parity/parity_dump.cpp, its C++ bp::Settings translated key by key into
// engine.configure() settings. THIS TABLE MUST MATCH parity_dump.cpp (same names, same settings,
// same epochs); the test fails if the names differ. Keys left out keep the bp::Settings defaults,
// which a new Engine starts from just as `Settings s;` does in C++.
const SCENARIOS = {
  // Settings s;  (XOR, [4, 2] tanh, SGD)
  xor_tanh_sgd: { epochs: 50, settings: {} },
  circles_relu_adam_bce: {
    epochs: 30,
    settings: {
      dataset: 'circles',       // s.data.kind = DatasetKind::Circles
      points: 300,              // s.data.points = 300
      noise: 0.2,               // s.data.noise = Scalar(0.2)
      hidden: [6, 3],           // s.hidden = {6, 3}
      activation: 'relu',       // s.hidden_activation = Activation::Relu
      outputActivation: 'sigmoid', // s.output_activation = Activation::Sigmoid
      loss: 'bce',              // s.loss = Loss::BinaryCrossEntropy
      init: 'he_normal',        // s.init = Init::HeNormal
      optimizer: 'adam',        // s.train.optimizer = Optimizer::Adam
      learningRate: 0.01,       // s.train.learning_rate = Scalar(0.01)
      l2: 0.001,                // s.train.l2 = Scalar(0.001)
    },
  },
  blobs_elu_softmax_momentum_dropout: {
    epochs: 20,
    settings: {
      dataset: 'blobs',         // s.data.kind = DatasetKind::Blobs
      classes: 4,               // s.data.classes = 4
      features: ['x1', 'x2', 'sin_x1', 'x1*x2'], // {X1, X2, SinX1, X1X2}
      hidden: [5],              // s.hidden = {5}
      activation: 'elu',        // s.hidden_activation = Activation::Elu
      outputActivation: 'softmax', // s.output_activation = Activation::Softmax
      loss: 'softmax_ce',       // s.loss = Loss::SoftmaxCrossEntropy
      optimizer: 'momentum',    // s.train.optimizer = Optimizer::Momentum
      dropout: 0.2,             // s.train.dropout = Scalar(0.2)
      decay: 'exponential',     // s.train.decay = Decay::Exponential
      decayRate: 0.95,          // s.train.decay_rate = Scalar(0.95)
    },
  },
  moons_maxout3_adam: {
    epochs: 20,
    settings: {
      dataset: 'moons',         // s.data.kind = DatasetKind::Moons
      hidden: [5, 3],           // s.hidden = {5, 3}
      activation: 'maxout',     // s.hidden_activation = Activation::Maxout
      maxoutPieces: 3,          // s.activation_params.maxout_pieces = 3
      init: 'he_uniform',       // s.init = Init::HeUniform
      optimizer: 'adam',        // s.train.optimizer = Optimizer::Adam
      learningRate: 0.01,       // s.train.learning_rate = Scalar(0.01)
      l1: 0.001,                // s.train.l1 = Scalar(0.001)
    },
  },
};

// Tolerances. Everything is float32. Native and wasm run the same Eigen SSE code paths (on wasm via
// WASM SIMD), so vectorised maths agrees bit for bit; differences come only from libm (glibc vs
// musl) in the scalar tail elements Eigen does not vectorise, about 1 ulp, which training amplifies
// a little. Observed (Emscripten 3.1.6, g++ 12): initial params bit-identical in all scenarios,
// xor_tanh_sgd final params bit-identical too, the Adam and momentum/dropout runs within 3.6e-7.
//  - initial params: parity_dump prints %.9g (which round-trips float32), so any gap beyond print
//    rounding (< 1e-7 for these magnitudes) is a real difference.
//  - final params: 1e-5 absolute, more than 10x the observed drift.
//  - test loss and the slice's losses: 1e-5 relative; test accuracy: exact (a count of correct points).
const TOL = { initial: 1e-7, final: 1e-5, lossRelative: 1e-5 };

const PARITY_DUMP = path.join(ROOT, 'build', 'asan', 'parity_dump');

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length, 'parameter counts differ');
  let m = 0;
  for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

let native;
let module;
before(async () => {
  assert.ok(fs.existsSync(PARITY_DUMP), `${PARITY_DUMP} is missing: run bash build-scripts/build-asan.sh first`);
  native = JSON.parse(execFileSync(PARITY_DUMP, { encoding: 'utf8' }));
  module = await loadModule();
});

test('the scenario table matches parity_dump.cpp', () => {
  assert.deepEqual(Object.keys(native).sort(), Object.keys(SCENARIOS).sort());
  for (const [name, s] of Object.entries(SCENARIOS)) assert.equal(native[name].epochs, s.epochs, name);
});

for (const [name, scenario] of Object.entries(SCENARIOS)) {
  test(`${name}: wasm matches native`, (t) => {
    const ref = native[name];
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
      // The loss-landscape slice through the final weights (parity_dump's spec).
      const slice = engine.lossSlice({ seed: 3, grid: 5, range: 1 }).loss;
      assert.equal(slice.length, ref.slice.length);
      for (let i = 0; i < slice.length; ++i) {
        const rel = Math.abs(slice[i] - ref.slice[i]) / Math.abs(ref.slice[i]);
        assert.ok(rel <= TOL.lossRelative, `slice cell ${i}: ${slice[i]} vs native ${ref.slice[i]}`);
      }
    } finally {
      engine.dispose();
    }
  });
}
