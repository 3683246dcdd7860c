// The command-line tool (core/cli/, built as build/asan/backprop by npm test's sanitizer build, or
// the binary BACKPROP_CLI names) against the page's own code: its model file is what
// web/model-file.js reads and writes byte for byte; the wasm engine given the file's settings and
// weights shows the CLI's last CSV row and its grid; trained from the same settings it ends where
// the CLI does; its PNG decodes to the page's heatmap colours; a bad run file is refused with the
// engine's own message and exit code 2. Not here: the page itself (tests/e2e/cli-model.e2e.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

import { ROOT, loadModule, Engine } from '../wasm/load-engine.mjs';
import { parseModel, modelToJson } from '../../web/model-file.js';
import { fillSigned, fillClasses } from '../../web/views/heatmap.js';

const CLI = process.env.BACKPROP_CLI ?? path.join(ROOT, 'build', 'asan', 'backprop');
// Native and wasm run the same float32 code paths; they differ by libm's last bit here and there
// (tests/wasm/parity.test.mjs), so numbers agree to about 1e-7 relative: checked at 1e-6.
const REL = 1e-6;

let module, tmp;
let largest = 0;  // the largest relative difference close() saw, for the diagnostics
before(async () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run bash build-scripts/build-asan.sh first`);
  module = await loadModule();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args) {
  const r = spawnSync(CLI, args, { encoding: 'buffer', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
  return { status: r.status, stdout: r.stdout, text: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
function file(name, content) {
  const p = path.join(tmp, name);
  if (content !== undefined) fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}
function csv(text) {
  const [head, ...rows] = text.trim().split('\n');
  return { columns: head.split(','), rows: rows.map((r) => r.split(',').map(Number)) };
}
// Accuracies are counts of points: equal exactly.
function close(actual, expected, what) {
  if (what.endsWith('accuracy')) return assert.equal(actual, expected, what);
  const rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-30);
  largest = Math.max(largest, rel);
  assert.ok(rel <= REL, `${what}: wasm ${actual}, CLI ${expected} (relative difference ${rel.toExponential(2)})`);
}
function withEngine(fn) {
  const engine = new Engine(module);
  try {
    return fn(engine);
  } finally {
    engine.dispose();
  }
}
// The chart's numbers in the CLI's column order, from engine.metrics().
function metricsRow(m, columns) {
  const by = {
    training_loss: m.train.loss, validation_loss: m.validation.loss, test_loss: m.test.loss,
    training_accuracy: m.train.accuracy, test_accuracy: m.test.accuracy,
  };
  return columns.slice(1).map((c) => by[c]);
}
// PNG chunks → { width, height, pixels (RGB bytes, filter bytes removed) }.
function decodePng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8, width = 0, height = 0;
  const idat = [], types = [];
  while (at < bytes.length) {
    const n = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    types.push(type);
    if (type === 'IHDR') {
      width = bytes.readUInt32BE(at + 8);
      height = bytes.readUInt32BE(at + 12);
      assert.deepEqual([...bytes.subarray(at + 16, at + 21)], [8, 2, 0, 0, 0], '8-bit RGB');
    }
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + n));
    at += 12 + n;
  }
  assert.deepEqual(types, ['IHDR', 'IDAT', 'IEND']);
  const raw = zlib.inflateSync(Buffer.concat(idat));  // checks the Adler-32 too
  assert.equal(raw.length, height * (1 + 3 * width));
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; ++y) {
    assert.equal(raw[y * (1 + 3 * width)], 0, 'filter none');
    pixels.set(raw.subarray(y * (1 + 3 * width) + 1, (y + 1) * (1 + 3 * width)), y * 3 * width);
  }
  return { width, height, pixels };
}
// The page's heatmap of a CLI grid CSV (heatmap.js fillSigned / fillClasses, full strength), as RGB.
function pagePixels(grid, g, { problem, outputActivation }) {
  const outputs = grid.columns.length - 2;
  const values = new Float32Array(outputs * g * g);
  grid.rows.forEach((r, i) => { for (let k = 0; k < outputs; ++k) values[k * g * g + i] = r[2 + k]; });
  const rgba = new Uint8ClampedArray(4 * g * g);
  if (problem === 'multiclass') {
    const offsets = Array.from({ length: outputs }, (_, k) => k * g * g);
    fillClasses(rgba, values, offsets, g, outputActivation === 'tanh' ? -1 : 0, 1, false);
  } else {
    // As render.js's outputPlot: a sigmoid on two classes from 0 to 1; regression on its targets' −1 to 1.
    fillSigned(rgba, values, 0, g, problem !== 'regression' && outputActivation === 'sigmoid' ? 0 : -1, 1, false);
  }
  return Uint8Array.from({ length: 3 * g * g }, (_, i) => rgba[4 * Math.floor(i / 3) + (i % 3)]);
}

const CONFIG = {
  dataset: 'circles', points: 120, noise: 0.1, validationRatio: 0.2, hidden: [5, 3], learningRate: 0.1,
  batchSize: 5, seed: 3,
};
const EPOCHS = 30;

test('--help describes the commands; train --help says a model file continues from its weights', () => {
  const top = cli('--help');
  assert.equal(top.status, 0);
  assert.match(top.text, /^usage: backprop <command>/);
  assert.match(top.text, /train .*\n.*grid /);
  const train = cli('train', '--help');
  assert.equal(train.status, 0);
  assert.match(train.text, /usage: backprop train --config run\.json \[--epochs N\] \[--model out\.json\] \[--metrics out\.csv\]/);
  assert.match(train.text, /training continues from them/);
  assert.match(cli('grid', '--help').text, /usage: backprop grid --model model\.json \[--size N\] \[--out grid\.csv\|grid\.png\]/);
  const none = cli();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^usage: backprop/);
});

let trained;  // the CLI's run of CONFIG: { metrics, text, parsed, modelPath }
function trainOnce() {
  if (trained) return trained;
  const modelPath = file('model.json');
  const run = cli('train', '--config', file('run.json', CONFIG), '--epochs', String(EPOCHS), '--model', modelPath);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const text = fs.readFileSync(modelPath, 'utf8');
  trained = { metrics: csv(run.text), text, parsed: parseModel(text), modelPath };
  return trained;
}

test('train: the model file is the page\'s, and the engine given it shows the CLI\'s last row', (t) => {
  const { metrics, text, parsed } = trainOnce();
  assert.deepEqual(metrics.columns,
    ['epoch', 'training_loss', 'validation_loss', 'test_loss', 'training_accuracy', 'test_accuracy']);
  assert.deepEqual(metrics.rows.map((r) => r[0]), Array.from({ length: EPOCHS + 1 }, (_, i) => i));
  const last = metrics.rows[EPOCHS];
  assert.ok(last[1] < metrics.rows[0][1] / 2, `training loss ${metrics.rows[0][1]} -> ${last[1]}`);

  assert.equal(modelToJson(parsed), text, 'byte for byte what the page writes');
  assert.equal(parsed.epoch, EPOCHS);
  assert.deepEqual(parsed.layerSizes, [2, 5, 3, 1]);
  for (const [k, v] of Object.entries(CONFIG)) assert.deepEqual(parsed.settings[k], v, k);

  withEngine((engine) => {
    engine.configure(parsed.settings);
    engine.setParams(parsed.params);
    assert.deepEqual(engine.params(), parsed.params, 'the weights as written');
    largest = 0;
    metricsRow(engine.metrics(), metrics.columns).forEach((v, i) => close(v, last[i + 1], metrics.columns[i + 1]));
    t.diagnostic(`metrics of the loaded weights: largest relative |wasm - CLI| ${largest.toExponential(2)}`);
  });
  // Trained from the same settings, the wasm engine ends where the CLI did.
  withEngine((engine) => {
    engine.configure(CONFIG);
    engine.trainEpochs(EPOCHS);
    const drift = engine.params().reduce((m, v, i) => Math.max(m, Math.abs(v - parsed.params[i])), 0);
    t.diagnostic(`trained in wasm from the same settings: params within ${drift.toExponential(2)} of the CLI's`);
    assert.ok(drift <= 1e-5, `params differ by ${drift}`);
    metricsRow(engine.metrics(), metrics.columns).forEach((v, i) => {
      const c = metrics.columns[i + 1];
      if (c.endsWith('accuracy')) assert.equal(v, last[i + 1], c);
      else assert.ok(Math.abs(v - last[i + 1]) <= 1e-5 * Math.abs(last[i + 1]), `${c}: wasm ${v}, CLI ${last[i + 1]}`);
    });
  });
});

test('train --config on a model file continues from its weights, counting from epoch 0', () => {
  const { metrics, modelPath } = trainOnce();
  const more = cli('train', '--config', modelPath, '--epochs', '3', '--metrics', file('more.csv'));
  assert.equal(more.status, 0, more.stderr);
  assert.equal(more.text, '', 'the CSV went to the file');
  const next = csv(fs.readFileSync(file('more.csv'), 'utf8'));
  assert.deepEqual(next.rows.map((r) => r[0]), [0, 1, 2, 3]);
  assert.deepEqual(next.rows[0].slice(1), metrics.rows[EPOCHS].slice(1), 'the saved weights give the saved numbers');
  assert.ok(next.rows[3][1] < next.rows[0][1], 'and train on');
});

test('grid: the CSV is the engine\'s output grid over the page\'s plot', (t) => {
  const { parsed, modelPath } = trainOnce();
  const g = 16;
  const run = cli('grid', '--model', modelPath, '--size', String(g));
  assert.equal(run.status, 0, run.stderr);
  const grid = csv(run.text);
  assert.deepEqual(grid.columns, ['x1', 'x2', 'output']);
  assert.equal(grid.rows.length, g * g);
  withEngine((engine) => {
    engine.configure(parsed.settings);
    engine.setParams(parsed.params);
    const { values, nodes } = engine.evaluateGrid(g, -6, 6);
    const out = values.subarray((nodes - 1) * g * g);
    t.diagnostic(`grid: largest |wasm - CLI| ${grid.rows.reduce((m, r, i) => Math.max(m, Math.abs(r[2] - out[i])), 0).toExponential(2)}`);
    grid.rows.forEach(([x1, x2, v], i) => {
      assert.equal(x1, Math.fround(-6 + ((i % g) + 0.5) * (12 / g)), `x1 of cell ${i}`);
      assert.equal(x2, Math.fround(6 - (Math.floor(i / g) + 0.5) * (12 / g)), `x2 of cell ${i}`);
      assert.ok(Math.abs(v - out[i]) <= 2e-7 * Math.max(1, Math.abs(out[i])), `cell ${i}: CLI ${v}, wasm ${out[i]}`);
    });
  });
  assert.equal(cli('grid', '--model', modelPath, '--size', '0').status, 2);
});

test('grid: the PNG decodes to the page\'s heatmap colours', () => {
  const { parsed, modelPath } = trainOnce();
  const g = 64;
  const png = file('grid.png');
  const run = cli('grid', '--model', modelPath, '--out', png);
  assert.equal(run.status, 0, run.stderr);
  const image = decodePng(fs.readFileSync(png));
  assert.deepEqual([image.width, image.height], [g, g], "the page's 64 x 64 grid by default");
  const grid = csv(cli('grid', '--model', modelPath).text);
  assert.deepEqual(image.pixels, pagePixels(grid, g, { problem: 'binary', outputActivation: parsed.settings.outputActivation }));
  // Two known points: the centre of the circles (class 1, blue: output near +1) and a corner
  // outside them (class 0, orange: near -1).
  const at = (ix, iy) => [...image.pixels.subarray(3 * (iy * g + ix), 3 * (iy * g + ix) + 3)];
  const [r, gr, b] = at(g / 2, g / 2);
  assert.ok(b > 150 && r < 100, `centre ${r},${gr},${b} is blue`);
  const [r2, , b2] = at(0, 0);
  assert.ok(r2 > 200 && b2 < 150, `corner ${at(0, 0)} is orange`);

  // Three classes: the predicted class's colour, as the page's fillClasses.
  const blobs = file('blobs.json');
  const config = { dataset: 'blobs', classes: 3, outputActivation: 'softmax', loss: 'softmax_ce', hidden: [4] };
  assert.equal(cli('train', '--config', file('blobs-run.json', config), '--epochs', '20', '--model', blobs).status, 0);
  assert.equal(cli('grid', '--model', blobs, '--size', '24', '--out', file('blobs.png')).status, 0);
  const classes = decodePng(fs.readFileSync(file('blobs.png')));
  const blobGrid = csv(cli('grid', '--model', blobs, '--size', '24').text);
  assert.deepEqual(blobGrid.columns, ['x1', 'x2', 'class_0', 'class_1', 'class_2']);
  assert.deepEqual(classes.pixels, pagePixels(blobGrid, 24, { problem: 'multiclass', outputActivation: 'softmax' }));

  // A sigmoid output: from 0 to 1 on two classes, on the targets' −1 to 1 in regression.
  for (const [name, settings] of [['xor', { dataset: 'xor', outputActivation: 'sigmoid', loss: 'bce' }],
    ['plane', { dataset: 'plane', outputActivation: 'sigmoid', loss: 'mse' }]]) {
    const model = file(`${name}-sigmoid.json`);
    assert.equal(cli('train', '--config', file(`${name}-sigmoid-run.json`, { ...settings, hidden: [4] }), '--epochs', '20', '--model', model).status, 0);
    assert.equal(cli('grid', '--model', model, '--size', '24', '--out', file(`${name}-sigmoid.png`)).status, 0);
    const image = decodePng(fs.readFileSync(file(`${name}-sigmoid.png`)));
    const problem = name === 'plane' ? 'regression' : 'binary';
    assert.deepEqual(image.pixels, pagePixels(csv(cli('grid', '--model', model, '--size', '24').text), 24, { problem, outputActivation: 'sigmoid' }), name);
  }
});

test('a bad run file is refused with exit code 2 and the engine\'s own message', () => {
  for (const settings of [{ noise: 9 }, { dataset: 'circles', speed: 3 }, { hidden: [4, 300] }, { activation: 'swoosh' },
    { dataset: 'xor', outputActivation: 'softmax', loss: 'softmax_ce' }]) {
    const message = withEngine((engine) => {
      assert.throws(() => engine.configure(settings));
      try { engine.configure(settings); } catch (e) { return e.message; }
      return null;
    });
    const p = file('bad.json', settings);
    const run = cli('train', '--config', p, '--model', file('never.json'));
    assert.equal(run.status, 2, JSON.stringify(settings));
    assert.equal(run.stderr, `backprop train: ${p}: ${message}\n(backprop train --help for usage)\n`);
    assert.equal(run.text, '');
  }
  assert.equal(fs.existsSync(file('never.json')), false, 'no model written');
  const notJson = cli('train', '--config', file('bad.json', '{"dataset": "circles",'));
  assert.equal(notJson.status, 2);
  assert.match(notJson.stderr, /bad\.json: not valid JSON/);
  const epochs = cli('train', '--config', file('run.json', CONFIG), '--epochs', 'many');
  assert.equal(epochs.status, 2);
  assert.match(epochs.stderr, /--epochs must be a whole number from 0 to 1000000 \(got 'many'\)/);
});
