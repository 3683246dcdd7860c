// The chapters' pages and labs (chapters.js and what only they import) come when a chapter is first
// opened, not with the page: a visit to the playground alone never loads them. The bundled page
// (dist/) finds them as a classic script beside its own, whose name the build defines
// (globalThis.BACKPROP_CHAPTERS_SCRIPT), or already on the page (the one-file offline page inlines
// it); the page's modules import them.
import { loadScript } from '../load-script.js';

const MODULE = './chapters.js';  // a variable: bundlers leave the import alone
let loading = null;
let chapters = null;

/** @typedef {typeof import('./chapters.js')} Chapters */

/** The chapters found were built for a newer page than this one (the site was updated since it was
 * opened): only a reload brings the page that matches them. */
export class OutdatedPage extends Error {}

/** The chapters once loaded, else null. */
export const loadedChapters = () => /** @type {Chapters|null} */ (chapters);

// The one-file page's inline copy runs after the page's own script: it has once the page is parsed.
const parsed = () => new Promise((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

/**
 * Loads the chapters, once; a failed load is tried again at the next call.
 * @returns {Promise<Chapters>}
 */
export function loadChapters() {
  const script = globalThis.BACKPROP_CHAPTERS_SCRIPT;
  const registered = () => globalThis.BackpropChapters;
  loading ??= parsed()
    .then(() => registered() ?? (script ? loadScript(script).then(registered) : import(MODULE)))
    .then((loaded) => {
      if (globalThis.BackpropChaptersOutdated) throw new OutdatedPage('the chapters are of a newer build than the page');
      if (!loaded) throw new Error('the chapters did not register');
      chapters = loaded;
      return loaded;
    })
    .catch((e) => { loading = null; throw e; });
  return loading;
}
