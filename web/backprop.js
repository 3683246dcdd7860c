// The engine to import: `import { loadEngine } from './backprop.js'` in a page, a bundler or Node.
// loadEngine() loads the ES-module build of the wasm (wasm/esm/, linked with -sEXPORT_ES6) and
// returns an Engine; everything web/engine.js exports comes with it. The page itself does not use
// this file: it loads the classic build, which its offline single file can inline.
import createBackpropCore from './wasm/esm/backprop-core.mjs';
import { createEngine } from './engine.js';

export * from './engine.js';
export { createBackpropCore };

const WASM_URL = new URL('./wasm/esm/backprop-core.wasm', import.meta.url);
const isNode = typeof globalThis.process?.versions?.node === 'string' && typeof globalThis.window === 'undefined';

// The module's options, with the wasm's bytes read from disk in Node: the loader fetches the .wasm
// by URL, which Node's fetch does not do for file: URLs.
async function withWasm(options) {
  if (options === null || typeof options !== 'object') throw new TypeError('module options must be an object');
  if (!isNode || options.wasmBinary || options.locateFile) return options;
  const fsModule = 'node:fs/promises';  // a variable, so bundlers for the browser leave it alone
  const { readFile } = await import(/* webpackIgnore: true */ fsModule);
  return { ...options, wasmBinary: await readFile(WASM_URL) };
}

/**
 * A new instance of the wasm module (its own memory), for ClassicUnit, Descent and the free
 * functions, or for several Engines: `new Engine(module)`.
 * @param {import('./engine.js').ModuleOptions} [options] passed to the Emscripten factory
 */
export async function loadModule(options = {}) {
  return createBackpropCore(await withWasm(options));
}

/**
 * A new Engine in its own module instance.
 * @param {import('./engine.js').ModuleOptions} [options] passed to the Emscripten factory
 */
export async function loadEngine(options = {}) {
  return createEngine(createBackpropCore, await withWasm(options));
}
