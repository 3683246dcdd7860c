// What the page's classic scripts add to window, for the type check of web/ (web/tsconfig.json):
// wasm/backprop-core.js, Emscripten's loader, defines the core's factory as a global; the bundled
// page's French catalogue (dist/i18n-fr.js) and its chapters (dist/chapters.js) register themselves,
// under names the build defines, the chapters finding the page's shared modules under BackpropModules.
import type { BackpropCoreFactory } from './engine.js';

declare global {
  interface Window {
    createBackpropCore: BackpropCoreFactory;
  }
  var BackpropCatalogues: { [language: string]: { [message: string]: string } } | undefined;
  var BACKPROP_CATALOGUE_SCRIPT: string | undefined;
  var BackpropChapters: typeof import('./course/chapters.js') | undefined;
  var BACKPROP_CHAPTERS_SCRIPT: string | undefined;
  var BackpropModules: { [module: string]: object } | undefined;
}
