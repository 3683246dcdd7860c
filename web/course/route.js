// The course's part of the URL hash: `chapter`, `lesson`, `task` and `widget` lead the hash, then
// the labs' own settings under their prefix (rules.data=xor), then the playground's settings keys
// (#chapter=mlp&lesson=xor-hidden&dataset=xor&hidden=). Splits a hash into the parts and joins them
// back. Pure: no DOM; the shell decides what a route shows.
import { RUN_B_PREFIX } from '../state.js';

export const ROUTE_KEYS = Object.freeze(['chapter', 'lesson', 'task', 'widget']);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
// A lab's setting: prefix.name, with a short plain value (a choice's id, a number, or numbers
// joined by _).
const LAB_KEY = /^[a-z]+\.[a-z][a-z0-9-]{0,31}$/;
export const LAB_VALUE = /^[A-Za-z0-9._-]{1,80}$/;

/**
 * @param {string} hash '#chapter=mlp&dataset=xor' (or without '#')
 * @returns {{ route: { chapter?: string, lesson?: string, task?: string, widget?: string,
 *   lab?: Object<string, string> }, settings: string, errors: string[] }} lab: the labs' keys in
 *   order; settings: the rest as a hash ('' when none); a malformed id or lab value is an error
 */
export function splitHash(hash) {
  const text = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  const route = {};
  const rest = [];
  const errors = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    // b.activation is run B's setting (state.js), not a lab named b.
    const isLab = LAB_KEY.test(key) && !key.startsWith(RUN_B_PREFIX);
    if (!ROUTE_KEYS.includes(key) && !isLab) { rest.push(part); continue; }
    let value = eq < 0 ? '' : part.slice(eq + 1);
    try { value = decodeURIComponent(value); } catch { value = ''; }
    if (isLab) {
      if (LAB_VALUE.test(value)) route.lab = { ...route.lab, [key]: value };
      else errors.push(`${key} '${value.slice(0, 40)}' is not a valid value`);
    } else if (ID.test(value)) route[key] = value;
    else errors.push(`${key} '${value.slice(0, 40)}' is not a valid id`);
  }
  return { route, settings: rest.length ? `#${rest.join('&')}` : '', errors };
}

/**
 * Where the course is: a chapter and what in it, and the labs' own keys (prefix.name).
 * @typedef {{ chapter?: string, lesson?: string, task?: string, widget?: string, lab?: Object<string, string> }} Route
 */

/**
 * The hash of a route and a settings hash (as serializeHash writes it); '' when both are empty.
 * @param {Route} route
 * @param {string} settings '#a=1&b=2' or ''
 */
export function joinHash(route, settings) {
  const parts = ROUTE_KEYS.filter((k) => route?.[k]).map((k) => `${k}=${encodeURIComponent(route[k])}`);
  for (const [k, v] of Object.entries(route?.lab ?? {})) parts.push(`${k}=${encodeURIComponent(v)}`);
  const rest = (settings ?? '').replace(/^#/, '');
  if (rest) parts.push(rest);
  return parts.length ? `#${parts.join('&')}` : '';
}
