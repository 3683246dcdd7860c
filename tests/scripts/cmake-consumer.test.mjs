// The core as a library in someone else's CMake project (tests/cmake-consumer/): added with
// add_subdirectory, then installed from that build and found with find_package(backprop). Both
// builds of the consumer must compile against <backprop/...> headers, link backprop::core and print
// the same numbers. Built unoptimised and without debug information (build type None) with clang,
// the quickest here (about 47 CPU-seconds); the core compiles once.
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
