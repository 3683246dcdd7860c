// The course's part of the URL hash: `chapter`, `lesson` and `task` lead the hash, the
// playground's settings keys follow (#chapter=mlp&lesson=xor-hidden&dataset=xor&hidden=). Splits a
// hash into the two and joins them back. Pure: no DOM; the shell decides what a route shows.

export const ROUTE_KEYS = Object.freeze(['chapter', 'lesson', 'task']);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * @param {string} hash '#chapter=mlp&dataset=xor' (or without '#')
 * @returns {{ route: { chapter?: string, lesson?: string, task?: string }, settings: string,
 *   errors: string[] }} settings: the rest as a hash ('' when none); a malformed id is an error
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
    if (!ROUTE_KEYS.includes(key)) { rest.push(part); continue; }
    let value = eq < 0 ? '' : part.slice(eq + 1);
    try { value = decodeURIComponent(value); } catch { value = ''; }
    if (ID.test(value)) route[key] = value;
    else errors.push(`${key} '${value.slice(0, 40)}' is not a valid id`);
  }
  return { route, settings: rest.length ? `#${rest.join('&')}` : '', errors };
}

/**
 * The hash of a route and a settings hash (as serializeHash writes it); '' when both are empty.
 * @param {{ chapter?: string, lesson?: string, task?: string }} route
 * @param {string} settings '#a=1&b=2' or ''
 */
export function joinHash(route, settings) {
  const parts = ROUTE_KEYS.filter((k) => route?.[k]).map((k) => `${k}=${encodeURIComponent(route[k])}`);
  const rest = (settings ?? '').replace(/^#/, '');
  if (rest) parts.push(rest);
  return parts.length ? `#${parts.join('&')}` : '';
}
