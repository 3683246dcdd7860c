// Loads the wasm build (web/wasm/backprop-core.{js,wasm}) in Node for the tests in tests/wasm/.
// Passes the .wasm bytes in, because the Emscripten 3.1.6 loader would otherwise try Node's global
// fetch() on a file path and fail. Each load is a fresh module instance with its own memory. Plus
// the EngineError assertion the engine suites share.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { EngineError, createEngine } from '../../web/engine.js';

export { Engine, EngineError, createEngine } from '../../web/engine.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WASM_DIR = path.join(ROOT, 'web', 'wasm');
const require = createRequire(import.meta.url);

let wasmBinary;
function factory() {
  const js = path.join(WASM_DIR, 'backprop-core.js');
  if (!fs.existsSync(js)) throw new Error(`${js} is missing: run bash build-scripts/build-wasm.sh first`);
  wasmBinary ??= fs.readFileSync(path.join(WASM_DIR, 'backprop-core.wasm'));
  return require(js);
}

/** A new Emscripten module instance; for many Engines in one module use new Engine(module). */
export async function loadModule() {
  return factory()({ wasmBinary });
}

/** A new Engine in its own module instance, through the page's entry point createEngine(). */
export async function loadEngine() {
  return createEngine(factory(), { wasmBinary });
}

/** Asserts that `fn` throws an EngineError (an Error named so) whose message matches `pattern`. */
export function assertEngineError(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof EngineError, `expected EngineError, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'EngineError');
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}
