// The bundled page's parts that load only when needed (dist/: the French catalogue, the chapters),
// each a classic script beside the page's own: a script element with a relative src, which the
// hosted build's policy (script-src 'self') allows.
// Not here: which part is needed when (web/i18n/i18n.js, web/course/chapter-loader.js).

// The page's own script, read as it runs: the parts lie beside it, wherever the page is served from
// (the <backprop-playground> element frames the page from its own folder).
const SCRIPT_BASE = typeof document === 'undefined' ? undefined : /** @type {HTMLScriptElement|null} */ (document.currentScript)?.src;

/**
 * Runs the classic script `name` (a path relative to the page's script) once loaded.
 * @param {string} name
 * @returns {Promise<void>} rejected when it cannot be fetched: the element leaves the page, so a new try fetches it again
 */
export function loadScript(name) {
  const src = new URL(name, SCRIPT_BASE ?? document.baseURI).href;
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src });
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    document.head.append(script);
  });
}
