// The core as a library in someone else's CMake project (tests/cmake-consumer/): added with
// add_subdirectory, then installed from that build and found with find_package(backprop). Both
// builds of the consumer must compile against <backprop/...> headers, link backprop::core and print
// the same numbers. Built unoptimised and without debug information (build type None) with clang,
// the quickest here (about 47 CPU-seconds); the core compiles once. Under Emscripten, the consumer's
// build has the core alone: the page's wasm modules are the top-level build's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONSUMER = path.join(ROOT, 'tests', 'cmake-consumer');
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function build(dir, extra) {
  run('cmake', ['-S', CONSUMER, '-B', dir, '-DCMAKE_BUILD_TYPE=None', '-DCMAKE_CXX_COMPILER=clang++', ...extra]);
  run('cmake', ['--build', dir, '-j', String(os.availableParallelism?.() ?? 2)]);
  return run(path.join(dir, 'consumer'), []).trim();
}

test('a consumer project builds on the core with add_subdirectory and with find_package', { timeout: 600000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-consumer-'));
  try {
    const viaSubdirectory = build(path.join(tmp, 'subdirectory'), [`-DBACKPROP_SOURCE=${ROOT}`]);
    assert.match(viaSubdirectory, /^epochs 300, test loss 0\.\d+, test accuracy (0|1)\.\d+, parameters 25$/);
    const [, loss] = /test loss ([\d.]+)/.exec(viaSubdirectory);
    assert.ok(Number(loss) < 0.2, `XOR test loss after 300 epochs: ${loss}`);
    // No test targets in a consumer's build: only the library (and the consumer).
    assert.equal(fs.existsSync(path.join(tmp, 'subdirectory', 'backprop', 'core_tests_float')), false);

    run('cmake', ['--install', path.join(tmp, 'subdirectory'), '--prefix', path.join(tmp, 'prefix')]);
    for (const file of ['include/backprop/playground.hpp', 'include/backprop/network.hpp', 'lib/cmake/backprop/backprop-config.cmake']) {
      assert.ok(fs.existsSync(path.join(tmp, 'prefix', file)), `installed ${file}`);
    }
    const viaPackage = build(path.join(tmp, 'package'), [`-DCMAKE_PREFIX_PATH=${path.join(tmp, 'prefix')}`]);
    assert.equal(viaPackage, viaSubdirectory, 'the same core, the same numbers');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

const targets = (dir) => run('cmake', ['--build', dir, '--target', 'help']).split('\n')
  .map((l) => /^\.\.\. (\w+)/.exec(l)?.[1]).filter(Boolean);

test('under Emscripten, add_subdirectory gives a consumer the core and not the page\'s wasm modules', { timeout: 120000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-consumer-wasm-'));
  try {
    const env = { ...process.env, NODE_PATH: ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean).join(':') };
    execFileSync('emcmake', ['cmake', '-S', CONSUMER, '-B', tmp, `-DBACKPROP_SOURCE=${ROOT}`,
      '-DEigen3_DIR=/usr/share/eigen3/cmake'], { env, stdio: 'ignore' });
    const consumer = targets(tmp);
    assert.ok(consumer.includes('backprop_core') && consumer.includes('consumer'), consumer.join(' '));
    assert.deepEqual(consumer.filter((t) => /wasm|bindings|bench/.test(t)), []);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // The top-level build (npm test's, built before this runs) has them.
  const own = targets(path.join(ROOT, 'build', 'wasm'));
  for (const t of ['backprop_wasm', 'backprop_wasm_esm']) assert.ok(own.includes(t), `the top-level build has ${t}`);
});
