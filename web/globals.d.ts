// What the page's classic scripts add to window, for the type check of web/ (web/tsconfig.json):
// wasm/backprop-core.js, Emscripten's loader, defines the core's factory as a global.
import type { BackpropCoreFactory } from './engine.js';

declare global {
  interface Window {
    createBackpropCore: BackpropCoreFactory;
  }
}
