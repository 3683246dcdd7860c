// The pseudo-locale's check, shared by the languages' end-to-end files: in the page, the texts
// under `roots` (text nodes, and the title, aria-label and placeholder attributes) with a word
// outside the pseudo-locale's brackets, that is text no message covers. Formulas, code and what is
// marked translate="no" are not text; `skip` names more (e.g. hidden parts). `notation`: words
// that are the same in every language (names of gates, functions, a link's keys).
// Not here: what a test does before it looks (the test files).

/**
 * Runs in the page (page.evaluate(untranslated, { roots, skip, notation })).
 * @param {{ roots: string[], skip?: string, notation: string[] }} options roots and skip are selectors
 * @returns {string[]} each untranslated text in full, as the catalogue's key must be written
 */
export function untranslated({ roots, skip = '', notation }) {
  const allowed = new Set(notation);
  const rejected = ['math, code, script, style, [translate="no"]', skip].filter(Boolean).join(', ');
  const strip = (s) => { for (let p = ''; p !== s;) { p = s; s = s.replace(/⟦[^⟦⟧]*⟧/g, ' '); } return s; };
  const words = (s) => (strip(s).match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []).filter((w) => !allowed.has(w));
  const found = [];
  const note = (where, text) => { if (words(text).length) found.push(`${where}: "${text.trim().replace(/\s+/g, ' ')}"`); };
  for (const root of roots.map((r) => document.querySelector(r))) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (n.nodeType === 1 && /** @type {Element} */ (n).matches(rejected) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) { note(n.parentElement.tagName.toLowerCase(), n.nodeValue); continue; }
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = /** @type {Element} */ (n).getAttribute(name);
        if (value) note(`${/** @type {Element} */ (n).tagName.toLowerCase()}[${name}]`, value);
      }
    }
  }
  return found;
}
