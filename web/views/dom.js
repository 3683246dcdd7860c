// The element builders the views share: an SVG element with attributes, an HTML element with
// inline style and a class. Nothing else: views keep their own drawing.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with `attrs` set, appended to `parent` when given. */
export function svgEl(tag, attrs = {}, parent) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
}

/** An HTML element with inline `style` and `className`. */
export function htmlEl(tag, style, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (style) Object.assign(e.style, style);
  return e;
}
