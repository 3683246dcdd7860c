// The C++ sources (core/, tests/, web/bindings/, build-scripts/wasm-eigen/) keep the style in
// .clang-format, checked with the clang-format Debian ships (setup.sh installs it). A file that is
// not formatted fails here by name; `clang-format -i $(git ls-files '*.cpp' '*.hpp' '*.h')` fixes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('every C++ file is formatted as .clang-format says', () => {
  const files = execFileSync('git', ['ls-files', '*.cpp', '*.hpp', '*.h'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n').filter(Boolean);
  assert.ok(files.includes('core/network.cpp') && files.length > 50, `${files.length} C++ files`);
  const run = spawnSync('clang-format', ['--dry-run', '--Werror', ...files], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.error, undefined, 'clang-format runs');
  const unformatted = [...new Set([...run.stderr.matchAll(/^(\S+?):\d+:\d+: error/gm)].map((m) => m[1]))];
  assert.deepEqual(unformatted, [], 'files not formatted as .clang-format says');
  assert.equal(run.status, 0, run.stderr.slice(0, 2000));
});
