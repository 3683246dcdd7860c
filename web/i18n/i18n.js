// The page's languages. A message's English text is its id (as in gettext): the page and its
// code are written in English, and each other language has one catalogue mapping English to its
// own text (web/i18n/fr.js, one file per part of the page under fr/). translateTree() translates
// what the page shows — text and the title, aria-label and placeholder attributes — remembering
// each node's English so the language can change back and forth; t() translates one message in code, with {name} parameters. The
// pseudo-locale ('pseudo', for tests) writes every message longer, accented and right to left, to
// catch truncation and layouts that assume left-to-right. Numbers: the separators. The French
// catalogue is loaded when a language needs it (loadCatalogue): a page in English never loads it.
// Not here: which language the page is in (the `lang` link key, web/state.js) or drawing.
import { inContext } from './context.js';
import { loadScript } from '../load-script.js';

export { inContext };

/** The pseudo-locale's code (the Language menu lists English and French; links may ask for this). */
export const PSEUDO = 'pseudo';
const CATALOGUES = {};

/** The French catalogue once loaded, else empty: it lists every message the page shows. */
export const catalogue = () => CATALOGUES.fr ?? {};

// The bundled page (dist/) finds the catalogue as a classic script beside its own, whose name the
// build defines (globalThis.BACKPROP_CATALOGUE_SCRIPT), or already on the page (the one-file
// offline page inlines it); the page's modules import it.
const MODULE = './fr.js';  // a variable: bundlers leave the import alone
let loading = null;

/** Loads the catalogue `code` needs (French, which the pseudo-locale reads too), once. */
export function loadCatalogue(code) {
  if ((code !== 'fr' && code !== PSEUDO) || CATALOGUES.fr) return Promise.resolve();
  const inlined = () => globalThis.BackpropCatalogues?.fr;
  const script = globalThis.BACKPROP_CATALOGUE_SCRIPT;
  loading ??= (inlined() ? Promise.resolve(inlined())
    : script ? loadScript(script).then(inlined)
      : import(MODULE).then((m) => m.default))
    .then((fr) => {
      if (!fr) throw new Error('the French catalogue did not register');
      CATALOGUES.fr = fr;
    })
    .catch((e) => { loading = null; throw e; });
  return loading;
}

const ATTRIBUTES = ['title', 'aria-label', 'placeholder'];

let current = 'en';
const listeners = new Set();

/** The language in force: 'en', 'fr' or 'pseudo'. */
export function language() { return current; }

/** The decimal separator of the language in force. */
export function decimalSeparator() { return current === 'fr' ? ',' : '.'; }
/** The thousands separator of the language in force (French: a narrow no-break space). */
export function thousandsSeparator() { return current === 'fr' ? '\u202f' : ','; }

// Accented look-alikes, so untranslated text (plain ASCII) stands out in the pseudo-locale.
const ACCENTED = Object.fromEntries([...'aceinosuyACEINOSUY'].map((c, i) => [c, 'àçéîñöšûýÀÇÉÎÑÖŠÛÝ'[i]]));
/**
 * The pseudo-locale's text for an English message: accented, 40% longer, in brackets. The padding
 * comes in words of up to five dots, so that it wraps like text rather than forming one long word.
 */
export function pseudoText(text) {
  // {name} placeholders stay as they are, so that t() fills them.
  const accented = text.replace(/\{\w+\}|[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
  const pad = '·'.repeat(Math.ceil(text.length * 0.4)).replace(/·{5}(?=·)/g, '$& ');
  return `⟦${accented} ${pad}⟧`;
}

/**
 * A message in the language in force: `msgid` is its English text; `{name}` placeholders take
 * `params`; `context` tells apart two meanings of one English text. A message with no
 * translation stays English.
 */
export function t(msgid, params, context) {
  const catalogue = CATALOGUES[current];
  let text = current === PSEUDO ? pseudoText(msgid)
    : (context && catalogue?.[inContext(context, msgid)]) ?? catalogue?.[msgid] ?? msgid;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return text;
}

/**
 * A message about a count: `one` ('{n} neuron') or `other` ('{n} neurons') as the language in
 * force chooses for `n` (English: 1 is singular; French: 0 and 1 are), with n and `params` filled.
 */
export function tn(one, other, n, params) {
  const singular = current === 'fr' ? Math.abs(n) < 2 : n === 1;
  return t(singular ? one : other, { ...params, n });
}

// Each text node's and attribute's English, so that it can be translated again into any language.
const englishText = new WeakMap();
const englishAttributes = new WeakMap();

// A message the catalogues know: the French catalogue lists every message (numbers and names the
// page computes are not messages, and stay as they are).
const isMessage = (text, context) => Object.hasOwn(catalogue(), text) || (context && Object.hasOwn(catalogue(), inContext(context, text)));
// The context a node's text is in: its nearest data-i18n-context.
const contextOf = (el) => el?.closest('[data-i18n-context]')?.dataset.i18nContext;

// A text node's English: what it was translated from, unless the page has rewritten it since. The
// spaces around it are the English node's, so that a translation may begin with one (' ; ' after a
// formula) and translating again gives the same text.
function translateText(node) {
  const raw = node.nodeValue;
  const known = englishText.get(node);
  const source = known && raw === known.shown ? known.source : raw;
  const english = source.trim().replace(/\s+/g, ' ');
  const context = contextOf(node.parentElement);
  if (!isMessage(english, context)) return;
  const shown = `${source.match(/^\s*/)[0]}${t(english, undefined, context)}${source.match(/\s*$/)[0]}`;
  englishText.set(node, { source, shown });
  if (raw !== shown) node.nodeValue = shown;
}

function translateAttributes(el) {
  let known = englishAttributes.get(el);
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const entry = known?.[name];
    const source = entry && value === entry.shown ? entry.english : value;
    if (!isMessage(source)) continue;
    const shown = t(source);
    known = { ...known, [name]: { english: source, shown } };
    if (value !== shown) el.setAttribute(name, shown);
  }
  if (known) englishAttributes.set(el, known);
}

/** Translates the text and attributes under `root` into the language in force. */
export function translateTree(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (n.nodeType === 1 && (n.closest('[translate="no"], script, style, math')) ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT),
  });
  if (root.nodeType === 1) translateAttributes(root);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) translateText(n);
    else translateAttributes(n);
  }
}

// In a language other than English, what the page adds or rewrites later (a message, a menu, a
// caption) is translated as it appears, when it is a message the catalogues know.
let observer = null;
function watch(doc) {
  observer ??= new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') translateText(r.target);
      else if (r.type === 'attributes') translateAttributes(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 3) translateText(n); else if (n.nodeType === 1) translateTree(n);
    }
  });
  observer.observe(doc.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
}

/**
 * Changes the language: `lang` and `dir` on <html>, everything under document.body translated,
 * and the listeners told (views that draw text on canvases redraw).
 */
export function setLanguage(code, doc = document) {
  const next = code === 'fr' || code === PSEUDO ? code : 'en';
  // Not loaded yet: the page stays in its language until the catalogue is there (a failed load: in it).
  if (next !== 'en' && !CATALOGUES.fr) {
    loadCatalogue(next).then(() => setLanguage(code, doc), () => {});
    return;
  }
  if (next === current && doc.documentElement.lang === langAttribute(next)) return;
  current = next;
  observer?.disconnect();
  doc.documentElement.lang = langAttribute(next);
  doc.documentElement.dir = next === PSEUDO ? 'rtl' : 'ltr';
  translateTree(doc.body);
  if (next !== 'en') watch(doc);
  for (const fn of listeners) fn(next);
}
const langAttribute = (code) => (code === PSEUDO ? 'en-XA' : code);

/** Calls `fn(code)` after each change of language; returns a function that stops it. */
export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
