// The types of web/backprop.js, the engine's importable entry (the npm package's main export).
import type { BackpropCoreFactory, BackpropModule, Engine, ModuleOptions } from './engine.js';

export * from './engine.js';

/** The Emscripten factory of the ES-module build. */
export const createBackpropCore: BackpropCoreFactory;
/** A new instance of the wasm module (its own memory), for ClassicUnit, Descent, the free functions or `new Engine(module)`. */
export function loadModule(options?: ModuleOptions): Promise<BackpropModule>;
/** A new Engine in its own module instance; in Node the wasm is read from disk. */
export function loadEngine(options?: ModuleOptions): Promise<Engine>;
