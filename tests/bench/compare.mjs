// Runs the same benchmark program natively and as wasm under Node, then the grid evaluation once
// more through the page's JS API, and prints the figures with wasm/native ratios from this one run.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../web/engine.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seconds = process.argv[2] || '1';

function parse(output) {
  return Object.fromEntries(output.trim().split('\n').map((line) => {
    const [name, value] = line.trim().split(/\s+/);
    return [name, Number(value)];
  }));
}

const native = parse(execFileSync(path.join(root, 'build/native/backprop_bench'), [seconds], { encoding: 'utf8' }));
const wasm = parse(execFileSync(process.execPath, ['--no-experimental-fetch', path.join(root, 'build/wasm/backprop_bench.js'), seconds], { encoding: 'utf8' }));

// (c) again, as the page calls it: through Embind and engine.js, result left in wasm memory.
const require = createRequire(import.meta.url);
const factory = require(path.join(root, 'web/wasm/backprop-core.js'));
const engine = await createEngine(factory, { wasmBinary: fs.readFileSync(path.join(root, 'web/wasm/backprop-core.wasm')) });
engine.configure({
  dataset: 'spiral', points: 500, trainRatio: 0.5,
  features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2'],
  hidden: [8, 8, 8, 8, 8, 8], activation: 'relu', init: 'he_uniform', batchSize: 10, learningRate: 0.01,
});
for (let i = 0; i < 20; ++i) engine.evaluateGrid(100, -6, 6, { copy: false });
let calls = 0;
const t0 = performance.now();
while (performance.now() - t0 < Number(seconds) * 1000) {
  engine.evaluateGrid(100, -6, 6, { copy: false });
  ++calls;
}
const apiGridMs = (performance.now() - t0) / calls;
engine.dispose();

const rows = [
  ['(a) circles [4,2] tanh, epochs/s', 'a_circles_4x2_tanh_epochs_per_s', true],
  ['(b) spiral 7 features 6x8 ReLU, epochs/s', 'b_spiral_6x8_relu_epochs_per_s', true],
  ['(c) 100x100 grid, every node, ms/call', 'c_grid_100x100_ms_per_call', false],
];
const pad = (s, n) => String(s).padEnd(n);
console.log(pad('figure', 44) + pad('native', 12) + pad('wasm', 12) + 'wasm/native speed');
for (const [label, key, higherIsBetter] of rows) {
  const ratio = higherIsBetter ? wasm[key] / native[key] : native[key] / wasm[key];
  const fmt = (v) => (higherIsBetter ? Math.round(v) : v.toFixed(3));
  console.log(pad(label, 44) + pad(fmt(native[key]), 12) + pad(fmt(wasm[key]), 12) + `${(100 * ratio).toFixed(0)}%`);
}
console.log(pad('(c) via engine.evaluateGrid (JS API), ms/call', 44) + pad('-', 12) + pad(apiGridMs.toFixed(3), 12));
