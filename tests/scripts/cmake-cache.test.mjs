// A copied or moved checkout must still build: build-scripts/cmake-cache.sh's reset_stale_cache
// removes a build folder whose CMakeCache.txt names another source folder (CMake would refuse to
// configure there), and leaves one configured for this checkout alone. Every script that runs
// CMake calls it on its own build folder before configuring.
// reset_compiler does the same for a folder configured with another compiler (build/asan moved
// from g++ to clang). Not here: the builds themselves (npm test runs them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// A build folder with a minimal cache recording `source`, and one object file.
function buildFolder(source, compiler = '/usr/bin/c++') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cache-'));
  fs.writeFileSync(path.join(dir, 'CMakeCache.txt'), '# This is the CMakeCache file.\nCMAKE_BUILD_TYPE:STRING=Release\n' +
    `CMAKE_CXX_COMPILER:FILEPATH=${compiler}\nCMAKE_HOME_DIRECTORY:INTERNAL=${source}\n`);
  fs.writeFileSync(path.join(dir, 'core.o'), 'object');
  return dir;
}

// Runs reset_stale_cache from the checkout's root, as the build scripts do; returns stderr.
function resetStaleCache(dir) {
  return execFileSync('bash', ['-c', 'source build-scripts/cmake-cache.sh && reset_stale_cache "$1" 2>&1', '_', dir],
    { cwd: ROOT, encoding: 'utf8' });
}
const resetCompiler = (dir, compiler) => execFileSync('bash',
  ['-c', 'source build-scripts/cmake-cache.sh && reset_compiler "$1" "$2" 2>&1', '_', dir, compiler], { cwd: ROOT, encoding: 'utf8' });

test('a cache configured for another folder (a moved checkout) is removed, with a note', () => {
  const dir = buildFolder('/home/someone/old-place/backprop-playground');
  try {
    const said = resetStaleCache(dir);
    assert.equal(fs.existsSync(dir), false);
    assert.match(said, /configured for \/home\/someone\/old-place\/backprop-playground; reconfiguring/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache configured for this checkout, and a folder without a cache, are left alone', () => {
  const mine = buildFolder(ROOT);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-cache-'));
  try {
    assert.equal(resetStaleCache(mine), '');
    assert.ok(fs.existsSync(path.join(mine, 'core.o')));
    assert.equal(resetStaleCache(empty), '');
    assert.ok(fs.existsSync(empty));
    assert.equal(resetStaleCache(path.join(empty, 'missing')), '');
  } finally {
    fs.rmSync(mine, { recursive: true, force: true });
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('a cache configured with another compiler is removed, with a note; the same compiler is kept', () => {
  const gcc = buildFolder(ROOT, '/usr/bin/c++');
  const clang = buildFolder(ROOT, '/usr/bin/clang++');
  try {
    assert.match(resetCompiler(gcc, 'clang++'), /configured with \/usr\/bin\/c\+\+; reconfiguring from scratch with clang\+\+/);
    assert.equal(fs.existsSync(gcc), false);
    assert.equal(resetCompiler(clang, 'clang++'), '');
    assert.ok(fs.existsSync(path.join(clang, 'core.o')));
  } finally {
    fs.rmSync(gcc, { recursive: true, force: true });
    fs.rmSync(clang, { recursive: true, force: true });
  }
});

test('every script that configures CMake resets its own build folder first', () => {
  const scripts = fs.readdirSync(path.join(ROOT, 'build-scripts')).filter((f) => f.endsWith('.sh'));
  const configuring = scripts.filter((f) => /cmake -S/.test(fs.readFileSync(path.join(ROOT, 'build-scripts', f), 'utf8')));
  assert.ok(configuring.includes('build-native.sh') && configuring.includes('build-wasm.sh'), `scripts that configure: ${configuring}`);
  for (const f of configuring) {
    const text = fs.readFileSync(path.join(ROOT, 'build-scripts', f), 'utf8');
    const folder = text.match(/cmake -S \. -B (\S+)/)[1];
    const reset = text.indexOf(`reset_stale_cache ${folder}\n`);
    assert.ok(reset >= 0 && reset < text.indexOf('cmake -S'), `${f} must call reset_stale_cache ${folder} before configuring`);
  }
});
