// The drawn text's scale: the root element's font size (the browser's default font size, its
// Appearance setting, which low-vision readers raise to 20 or 24 px) over the 16 px the figures
// were laid out for. SVG text sized in rem follows it by itself; canvas text, and the px room
// kept around labels (margins, offsets), multiply by textScale(). It is read once, then again only
// when a hidden 1rem-wide probe changes width (a font-size change fires no resize or event), so
// views read a number every frame, never the page's style.
// Not here: what grows with it (each view).

const BASE = 16;
const hasDom = typeof document !== 'undefined' && typeof getComputedStyle === 'function';
const listeners = new Set();
let scale = 1;
let probe = null;

function read() {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size / BASE : 1;
}

function watch() {
  if (probe || !hasDom || typeof ResizeObserver !== 'function') return;
  probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;left:0;top:0;width:1rem;height:0;visibility:hidden;pointer-events:none';
  document.documentElement.append(probe);
  new ResizeObserver(() => {
    const next = read();
    if (next === scale) return;
    scale = next;
    for (const fn of listeners) fn(scale);
  }).observe(probe);
}

if (hasDom) scale = read();

/** The root font size over 16 px: 1 at the browsers' default, 1.5 at 24 px (1 in Node). */
export const textScale = () => scale;

/** Calls `fn(scale)` whenever the root font size changes; returns a function that stops it. */
export function onTextScaleChange(fn) {
  watch();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
