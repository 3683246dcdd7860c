// What the page's classic scripts add to window, for the type check of web/ (web/tsconfig.json):
// wasm/backprop-core.js, Emscripten's loader, defines the core's factory as a global; the bundled
// page's French catalogue (dist/i18n-fr.js) registers itself, under a name the build defines.
import type { BackpropCoreFactory } from './engine.js';

declare global {
  interface Window {
    createBackpropCore: BackpropCoreFactory;
  }
  var BackpropCatalogues: { [language: string]: { [message: string]: string } } | undefined;
  var BACKPROP_CATALOGUE_SCRIPT: string | undefined;
}
