// Runs the benchmark program (tests/bench/bench.cpp) natively and as wasm under Node, figure by
// figure, interleaved (native then wasm, then wasm then native, ...) so that both see the same
// machine, each run warmed up and then timed for a few seconds; prints each figure's median and
// min–max over the repetitions, the wasm/native ratio (the median of each repetition's ratio of
// its two neighbouring runs, which a slow spell of the machine moves less than a ratio of the
// medians of runs minutes apart), the arithmetic rate against
// the single-core SIMD ceiling (measured by the same program: its figure "peak"), and the issue's
// targets. Then the grid once more through the page's JS API.
// Usage: node tests/bench/compare.mjs [repetitions=3] [seconds=3]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../web/engine.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const repetitions = Number(process.argv[2] || 3);
const seconds = Number(process.argv[3] || 3);
const WARMUP_SECONDS = 0.5;  // V8 runs the wasm on its baseline tier for the first few hundred ms

const FIGURES = [
  { id: 'a', label: '(a) circles 2-[4,2]-1 tanh', target: { wasm: 100000 } },
  { id: 'b', label: '(b) spiral 7-[8x6]-1 ReLU', target: { ceiling: 0.5 } },
  { id: 'd', label: '(d) circles 2-[64,64]-1 tanh' },
  { id: 'c', label: '(c) 100x100 grid of (b), every node', target: { wasmMs: 1 } },
];
const RATIO_TARGET = 0.8;  // wasm at least 80% of native on every figure

const builds = {
  native: [path.join(root, 'build/native/backprop_bench')],
  wasm: [process.execPath, '--no-experimental-fetch', path.join(root, 'build/wasm/backprop_bench.js')],
};
function run(build, figure, runSeconds = seconds) {
  const [exe, ...args] = builds[build];
  const [value, unit, flops] = execFileSync(exe, [...args, figure, String(WARMUP_SECONDS), String(runSeconds)],
    { encoding: 'utf8' }).trim().split(/\s+/);
  return { value: Number(value), unit, flops: Number(flops) };
}

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const results = Object.fromEntries(FIGURES.map((f) => [f.id, { native: [], wasm: [] }]));
// The ceiling: the most 4-lane multiplies and adds either build issues on this core (no FMA: the
// native build is generic x86-64, wasm SIMD has none), measured, since cores differ in their ports
// and their turbo clocks. A second is plenty: it is steady from the first calls on.
const PEAK_SECONDS = 1;
const peak = { native: [], wasm: [] };
for (let rep = 0; rep < repetitions; ++rep) {
  const order = rep % 2 === 0 ? ['native', 'wasm'] : ['wasm', 'native'];
  for (const build of order) peak[build].push(run(build, 'peak', PEAK_SECONDS));
  for (const f of FIGURES) for (const build of order) results[f.id][build].push(run(build, f.id));
}
const peakNative = median(peak.native.map((r) => r.value));
const peakWasm = median(peak.wasm.map((r) => r.value));
const ceiling = Math.max(peakNative, peakWasm);  // GFLOP/s, one core

const pad = (s, n) => String(s).padEnd(n);
const fmt = (v, unit) => (unit === 'ms/call' ? v.toFixed(3) : String(Math.round(v)));
const spread = (runs, unit) => `${fmt(median(runs.map((r) => r.value)), unit)} (${fmt(Math.min(...runs.map((r) => r.value)), unit)}–${fmt(Math.max(...runs.map((r) => r.value)), unit)})`;
// GFLOP/s of a run: flops per epoch x epochs/s, or flops per call / (ms per call).
const gflops = (r) => (r.unit === 'ms/call' ? r.flops / (r.value * 1e6) : (r.flops * r.value) / 1e9);

console.log(`${repetitions} repetitions of ${seconds} s per figure and build, interleaved, after ${WARMUP_SECONDS} s of warm-up each; median (min–max)`);
console.log(`ceiling: ${ceiling.toFixed(1)} GFLOP/s, measured (native ${peakNative.toFixed(1)}, wasm ${peakWasm.toFixed(1)}): one core, independent chains of 4-lane multiplies and adds, no FMA`);
console.log(pad('figure', 38) + pad('unit', 10) + pad('native', 24) + pad('wasm', 24) + pad('wasm/native', 13) + pad('GFLOP/s n / w', 16) + 'of ceiling n / w');
const targets = [];
for (const f of FIGURES) {
  const { native, wasm } = results[f.id];
  const unit = native[0].unit;
  const wMed = median(wasm.map((r) => r.value));
  const ratio = median(native.map((n, i) => (unit === 'ms/call' ? n.value / wasm[i].value : wasm[i].value / n.value)));
  const nG = median(native.map(gflops));
  const wG = median(wasm.map(gflops));
  console.log(pad(f.label, 38) + pad(unit, 10) + pad(spread(native, unit), 24) + pad(spread(wasm, unit), 24) +
    pad(`${(100 * ratio).toFixed(0)}%`, 13) + pad(`${nG.toFixed(2)} / ${wG.toFixed(2)}`, 16) +
    `${(100 * nG / ceiling).toFixed(0)}% / ${(100 * wG / ceiling).toFixed(0)}%`);
  targets.push([`${f.label}: wasm >= ${100 * RATIO_TARGET}% of native`, ratio >= RATIO_TARGET, `${(100 * ratio).toFixed(0)}%`]);
  if (f.target?.wasm) targets.push([`${f.label}: wasm >= ${f.target.wasm} epochs/s`, wMed >= f.target.wasm, `${Math.round(wMed)}`]);
  if (f.target?.ceiling) {
    targets.push([`${f.label}: >= ${100 * f.target.ceiling}% of the ceiling, native`, nG / ceiling >= f.target.ceiling, `${(100 * nG / ceiling).toFixed(0)}%`]);
    targets.push([`${f.label}: >= ${100 * f.target.ceiling}% of the ceiling, wasm`, wG / ceiling >= f.target.ceiling, `${(100 * wG / ceiling).toFixed(0)}%`]);
  }
  if (f.target?.wasmMs) targets.push([`${f.label}: wasm under ${f.target.wasmMs} ms`, wMed < f.target.wasmMs, `${wMed.toFixed(3)} ms`]);
}

// (c) again, as the page calls it: through Embind and engine.js, result left in wasm memory.
const require = createRequire(import.meta.url);
const factory = require(path.join(root, 'web/wasm/backprop-core.js'));
const engine = await createEngine(factory, { wasmBinary: fs.readFileSync(path.join(root, 'web/wasm/backprop-core.wasm')) });
engine.configure({
  dataset: 'spiral', points: 500, trainRatio: 0.5,
  features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2'],
  hidden: [8, 8, 8, 8, 8, 8], activation: 'relu', init: 'he_uniform', batchSize: 10, learningRate: 0.01,
});
const timeGrid = (budgetSeconds) => {
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetSeconds * 1000) {
    engine.evaluateGrid(100, -6, 6, { copy: false });
    ++calls;
  }
  return (performance.now() - t0) / calls;
};
timeGrid(WARMUP_SECONDS);
const api = Array.from({ length: repetitions }, () => timeGrid(Math.min(seconds, 1)));
engine.dispose();
console.log(pad('(c) via engine.evaluateGrid (JS API)', 38) + pad('ms/call', 10) + pad('-', 24) +
  `${median(api).toFixed(3)} (${Math.min(...api).toFixed(3)}–${Math.max(...api).toFixed(3)})`);

console.log('\ntargets (issue: the engine close to the limit)');
for (const [what, met, value] of targets) console.log(`  ${met ? 'met    ' : 'not met'}  ${pad(what, 62)} ${value}`);
