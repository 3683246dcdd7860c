// The element builders the views share: an SVG element with attributes, an HTML element with
// inline style and a class; and the writes a frame repeats, made only when they change something.
// Nothing else: views keep their own drawing.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with `attrs` set, appended to `parent` when given. */
export function svgEl(tag, attrs = {}, parent) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
}

/**
 * Shows or hides `el` unless it already is: rewriting `hidden`, even unchanged, makes the browser
 * recompute the element's style in that frame.
 */
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** Sets `el`'s text unless it already reads so (a new text node means a new layout). */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** An HTML element with inline `style` and `className`. */
export function htmlEl(tag, style, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (style) Object.assign(e.style, style);
  return e;
}
