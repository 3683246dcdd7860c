// The link a <backprop-playground> element's attributes describe (web/element.js): its attributes
// are the link's keys, spelt as in a link (learningRate) or in HTML's way (learningrate, HTML
// lower-cases attribute names; learning-rate), `parts` the embed's parts, `src` another copy of the
// playground. Pure: no DOM, so Node tests it.
import { SETTINGS } from './state.js';
import { ROUTE_KEYS } from './course/route.js';

export const DEFAULT_PARTS = 'data,network,output,controls';
// The element's own attributes (and HTML's global ones): not link keys. `hidden` is not among them:
// it is the link's hidden layers, as in hidden="4,2" (the element stays visible: its shadow style
// outranks the browser's [hidden] rule).
// Nor is `lang`: lang="fr" opens that element's page in French.
const OWN = new Set(['parts', 'height', 'src', 'title', 'loading', 'id', 'class', 'style', 'slot', 'part',
  'dir', 'tabindex', 'is', 'autofocus', 'nonce']);

// Link keys by the names an attribute may take: as spelt, lower-cased and kebab-case.
const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const KEYS = new Map();
for (const key of [...ROUTE_KEYS, ...SETTINGS.map((e) => e.key)]) {
  for (const name of [key, key.toLowerCase(), kebab(key)]) KEYS.set(name, key);
}
// Run B's keys (b.activation) too. Any other name goes to the link as it is, so that the page
// names a misspelt key in its message rather than the element dropping it unseen.
const linkKey = (name) => KEYS.get(name) ?? (name.startsWith('b.') && KEYS.has(name.slice(2)) ? `b.${KEYS.get(name.slice(2))}` : name);
// Commas read better in a link and mean nothing special in a hash.
const encode = (text) => encodeURIComponent(text).replace(/%2C/gi, ',');
const isOwn = (name) => OWN.has(name) || name.startsWith('aria-') || name.startsWith('data-') || /^on[a-z]+$/.test(name);

/**
 * The embed link for an element's attributes.
 * @param {Iterable<{ name: string, value: string }>} attributes the element's, in order
 * @param {URL|string} base the folder of the playground (beside the element's script)
 * @param {string} protocol the course page's (file: loads the one-file offline page)
 * @param {string} baseURI the course page's, against which a `src` attribute is read
 */
export function elementLink(attributes, base, protocol, baseURI) {
  const parts = [];
  let embed = DEFAULT_PARTS, src = null;
  for (const { name, value } of attributes) {
    if (name === 'parts') embed = value.replace(/\s+/g, '') || DEFAULT_PARTS;
    else if (name === 'src') src = value;
    else if (!isOwn(name)) parts.push(`${encode(linkKey(name))}=${encode(value)}`);
  }
  parts.push(`embed=${encode(embed)}`);
  const page = src ? new URL(src, baseURI) : new URL(protocol === 'file:' ? 'offline/index.html' : 'index.html', base);
  page.hash = parts.join('&');
  return page.href;
}
