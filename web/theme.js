// The colour theme, a page preference (never in the link): 'auto' follows the system's
// prefers-color-scheme, 'light' and 'dark' are the learner's choice, saved in localStorage and
// applied as data-theme on <html> (web/theme-init.js does that before the first paint; this module
// takes over). Views that paint canvases or inline colours read the theme's CSS variables through
// themeColors() and redraw on onThemeChange; views/colors.js follows through setColorTheme.
// Not here: the colours themselves (style.css's variables, views/colors.js's THEMES).
import { setColorTheme } from './views/colors.js';

export const THEME_KEY = 'backprop-theme';
export const PREFERENCES = Object.freeze(['auto', 'light', 'dark']);

// Node (the views' unit tests) has no document: there the theme is light and nothing listens.
const hasDom = typeof document !== 'undefined';
const root = () => document.documentElement;
const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
// Paper is light whatever the theme (style.css's dark colours are for the screen): while printing,
// the canvases repaint in the light colours too.
const printQuery = typeof matchMedia === 'function' ? matchMedia('print') : null;
let printing = false;
const listeners = new Set();
const cache = new Map();
let last = null;

/** The saved preference: 'auto', 'light' or 'dark' ('auto' when none is saved or storage throws). */
export function readPreference() {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    return PREFERENCES.includes(saved) ? saved : 'auto';
  } catch {
    return 'auto';
  }
}

/** The theme in force: 'light' or 'dark' (data-theme if set, else the system's; light in print). */
export function currentTheme() {
  if (!hasDom || printing || printQuery?.matches) return 'light';
  const set = root().getAttribute('data-theme');
  if (set === 'light' || set === 'dark') return set;
  return darkQuery?.matches ? 'dark' : 'light';
}

/**
 * Applies and saves a preference ('auto' removes data-theme and the saved value). Storage that
 * throws only means the choice lasts until the page closes.
 */
export function setPreference(pref) {
  const value = applyPreference(pref);
  try {
    if (value === 'auto') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, value);
  } catch {
    // not saved; the page still switches
  }
}

// Puts a preference in force on this page without saving it; returns it ('auto' for anything else).
function applyPreference(pref) {
  const value = PREFERENCES.includes(pref) ? pref : 'auto';
  if (value === 'auto') root().removeAttribute('data-theme');
  else root().setAttribute('data-theme', value);
  changed();
  return value;
}

// Tells colors.js and every listener when the theme in force changes, and fires `themechange` on
// document (detail: { theme }) for code that does not import this module.
function changed() {
  const theme = currentTheme();
  if (theme === last) return;
  last = theme;
  setColorTheme(theme);
  for (const fn of [...listeners]) fn(theme);
  document.dispatchEvent(new CustomEvent('themechange', { detail: { theme } }));
}

/** Calls fn(theme) whenever the theme in force changes. Returns the unsubscribe function. */
export function onThemeChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * The theme's colours by variable name without the dashes ({ ink, muted, panel, ... }), read once
 * per theme from <html>'s computed style, for canvases (which cannot use var()).
 * @returns {Record<string, string>}
 */
export function themeColors() {
  const theme = currentTheme();
  if (!cache.has(theme)) cache.set(theme, readColors(theme));
  return cache.get(theme);
}

// `theme`'s variables as <html> computes them with data-theme set to it for the read, so they are
// that theme's whatever the page shows now: at beforeprint the screen's dark rules still apply, and
// the style as it stood gave dark colours for print's light theme, cached under 'light' for good.
function readColors(theme) {
  const el = root();
  const set = el.getAttribute('data-theme');
  el.setAttribute('data-theme', theme);
  try {
    const style = getComputedStyle(el);
    const colors = {};
    for (const name of ['ink', 'muted', 'line', 'line-strong', 'track', 'subtle', 'panel', 'page', 'accent', 'negative', 'positive', 'midpoint']) {
      colors[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = style.getPropertyValue(`--${name}`).trim();
    }
    return colors;
  } finally {
    if (set === null) el.removeAttribute('data-theme');
    else el.setAttribute('data-theme', set);
  }
}

/**
 * Wires the header's Theme menu (a <select> of PREFERENCES): shows the saved preference, applies a
 * new one, and follows a choice made in another tab of the page (the storage event reaches only
 * the other tabs; key null: storage cleared). An embed follows its reader's system, as at load.
 * Returns a cleanup function.
 */
export function bindThemeSelect(select) {
  select.value = readPreference();
  const onChange = () => setPreference(select.value);
  const onStorage = (event) => {
    if ((event.key !== THEME_KEY && event.key !== null) || document.body.classList.contains('embed')) return;
    select.value = applyPreference(readPreference());
  };
  select.addEventListener('change', onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    select.removeEventListener('change', onChange);
    window.removeEventListener('storage', onStorage);
  };
}

// Start in step with the page (theme-init.js may have set data-theme) and follow the system while
// no choice overrides it.
if (hasDom) {
  last = currentTheme();
  setColorTheme(last);
  darkQuery?.addEventListener?.('change', changed);
  printQuery?.addEventListener?.('change', changed);
  // Before the print media applies, so listeners that paint at once (the playground) paint light.
  window.addEventListener('beforeprint', () => { printing = true; changed(); });
  window.addEventListener('afterprint', () => { printing = false; changed(); });
}
