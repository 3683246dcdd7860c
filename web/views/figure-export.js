// A figure on the page as a file: reads the figure's own elements as drawn now (canvases, SVG
// shapes and text, HTML boxes and text) into one flat display list in the figure's CSS pixels,
// every colour and font resolved from the computed style, then writes that list as a standalone SVG
// (vector shapes and text, canvases as embedded PNG <image>s, no CSS variables, no stylesheet) or
// paints it on a canvas at 2x for a PNG; a caption strip of settings goes under either.
// No <img> or blob: images are needed: the page's CSP allows neither (img-src falls back to 'self').
// Not here: which figures there are, their captions or the buttons (playground/figures.js).
import { hexToRgb, rgbToCss, rgbToHex } from './colors.js';
import { textScale } from './text-scale.js';

// Controls and pop-ups are not part of the picture, nor invisible hit areas.
const SKIP = 'button, input, select, textarea, label.file-button, .tooltip, .figure-export, [data-export="skip"], title, desc, defs, clipPath, mask, script, style';
const SHAPES = new Set(['path', 'line', 'rect', 'circle', 'ellipse', 'polyline', 'polygon']);

// ---- colours ------------------------------------------------------------------------------------

let probe = null;
const colorCache = new Map();
/**
 * Any computed CSS colour as { hex: '#rrggbb', alpha: 0..1 }, or null for none / transparent.
 * The browser's own canvas parser normalises it, so color(srgb ...) and the like work too.
 */
export function resolveColor(css) {
  if (!css || css === 'none' || css === 'transparent' || css.startsWith('url(')) return null;
  if (colorCache.has(css)) return colorCache.get(css);
  probe ??= document.createElement('canvas').getContext('2d');
  probe.fillStyle = '#000000';
  probe.fillStyle = css;
  const v = probe.fillStyle;  // '#rrggbb' or 'rgba(r, g, b, a)'
  let out;
  if (v.startsWith('#')) out = { hex: v, alpha: 1 };
  else {
    const [r, g, b, a] = v.match(/[\d.]+/g).map(Number);
    out = a === 0 ? null : { hex: rgbToHex([r, g, b]), alpha: a ?? 1 };
  }
  colorCache.set(css, out);
  return out;
}

// ---- canvases drawn as vectors ------------------------------------------------------------------

// A view whose canvas holds lines and text (the loss chart) registers its draw function here; the
// export then replays it on a recording context instead of embedding the canvas's pixels.
const vectorDrawings = new WeakMap();
/** Registers `draw(ctx)`, which paints `canvas`'s picture on the 2-D context it is given. */
export function registerVectorDrawing(canvas, draw) {
  vectorDrawings.set(canvas, draw);
}

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const f2 = (v) => Number(v.toFixed(3));

/** "italic 600 12px system-ui" as { family, size, weight, style }. */
export function parseCanvasFont(font) {
  const m = /^\s*((?:(?:italic|oblique|normal|bold|bolder|lighter|[1-9]00)\s+)*)([\d.]+)px(?:\/\S+)?\s+(.+)$/.exec(font);
  if (!m) return { family: 'sans-serif', size: 10, weight: '400', style: 'normal' };
  const words = m[1].trim().split(/\s+/);
  const weight = words.find((w) => /^(bold|bolder|lighter|[1-9]00)$/.test(w));
  return { family: m[3], size: Number(m[2]), weight: weight === 'bold' ? '700' : weight ?? '400', style: words.includes('italic') ? 'italic' : 'normal' };
}

// A 2-D affine matrix [a, b, c, d, e, f] applied to a canvas context.
const applyMatrix = (ctx, m) => ctx.transform(m[0], m[1], m[2], m[3], m[4], m[5]);

/**
 * The subset of CanvasRenderingContext2D that line charts use, recording each stroke, fill and
 * text as display-list items (paths in SVG syntax) instead of painting pixels. `base` maps the
 * canvas's device pixels to the figure's CSS pixels.
 */
class VectorContext {
  constructor(items, base, alpha) {
    this.items = items;
    this.base = base;
    this.alpha = alpha;
    this.m = base;
    this.d = '';
    this.clipping = null;
    /** @type {number[]} */
    this.dash = [];
    /** @type {object[]} */
    this.stack = [];
    // The drawing state, with a canvas's defaults.
    this.fillStyle = '#000';
    this.strokeStyle = '#000';
    this.lineWidth = 1;
    this.lineCap = 'butt';
    this.lineJoin = 'miter';
    this.font = '10px sans-serif';
    this.textAlign = 'start';
    this.textBaseline = 'alphabetic';
    this.globalAlpha = 1;
    this.canvas = { width: 0, height: 0 };
  }
  state() {
    const { m, clipping, dash, fillStyle, strokeStyle, lineWidth, lineCap, lineJoin, font, textAlign, textBaseline, globalAlpha } = this;
    return { m, clipping, dash, fillStyle, strokeStyle, lineWidth, lineCap, lineJoin, font, textAlign, textBaseline, globalAlpha };
  }
  save() { this.stack.push(this.state()); }
  restore() { if (this.stack.length) Object.assign(this, this.stack.pop()); }
  setTransform(a, b, c, d, e, f) { this.m = multiply(this.base, [a, b, c, d, e, f]); }
  resetTransform() { this.m = this.base; }
  transform(a, b, c, d, e, f) { this.m = multiply(this.m, [a, b, c, d, e, f]); }
  translate(x, y) { this.transform(1, 0, 0, 1, x, y); }
  scale(x, y) { this.transform(x, 0, 0, y, 0, 0); }
  rotate(t) { this.transform(Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t), 0, 0); }
  setLineDash(dash) { this.dash = [...dash]; }
  getLineDash() { return [...this.dash]; }
  beginPath() { this.d = ''; }
  moveTo(x, y) { this.d += `M${f2(x)} ${f2(y)}`; }
  lineTo(x, y) { this.d += `${this.d ? 'L' : 'M'}${f2(x)} ${f2(y)}`; }
  closePath() { this.d += 'Z'; }
  rect(x, y, w, h) { this.d += `M${f2(x)} ${f2(y)}h${f2(w)}v${f2(h)}h${f2(-w)}Z`; }
  arc(cx, cy, r, a0, a1, ccw = false) {
    const at = (a) => `${f2(cx + r * Math.cos(a))} ${f2(cy + r * Math.sin(a))}`;
    let sweep = ccw ? a0 - a1 : a1 - a0;
    this.d += `${this.d ? 'L' : 'M'}${at(a0)}`;
    if (sweep >= 2 * Math.PI - 1e-9) {  // a whole circle: two half arcs
      const mid = a0 + (ccw ? -Math.PI : Math.PI);
      this.d += `A${f2(r)} ${f2(r)} 0 0 ${ccw ? 0 : 1} ${at(mid)}A${f2(r)} ${f2(r)} 0 0 ${ccw ? 0 : 1} ${at(a0)}`;
      return;
    }
    sweep = ((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    this.d += `A${f2(r)} ${f2(r)} 0 ${sweep > Math.PI ? 1 : 0} ${ccw ? 0 : 1} ${at(a1)}`;
  }
  clip() { this.clipping = { d: this.d, matrix: this.m }; }
  clearRect() {}
  fillRect(x, y, w, h) { const d = this.d; this.beginPath(); this.rect(x, y, w, h); this.fill(); this.d = d; }
  measureText(text) {
    metricsCtx ??= document.createElement('canvas').getContext('2d');
    metricsCtx.font = this.font;
    return metricsCtx.measureText(text);
  }
  shape(fill, stroke) {
    if (!this.d) return;
    this.items.push({
      type: 'shape', tag: 'path', geometry: { d: this.d }, matrix: this.m, clip: this.clipping,
      fill, fillOpacity: 1, fillRule: 'nonzero', stroke, strokeOpacity: 1, strokeWidth: this.lineWidth,
      dash: this.dash.length ? this.dash : null, linecap: this.lineCap, linejoin: this.lineJoin, alpha: this.alpha * this.globalAlpha,
    });
  }
  stroke() { const c = resolveColor(this.strokeStyle); if (c) this.shape(null, c); }
  fill() { const c = resolveColor(this.fillStyle); if (c) this.shape(c, null); }
  fillText(text, x, y) {
    const fill = resolveColor(this.fillStyle);
    if (!fill) return;
    const anchor = { center: 'middle', right: 'end', end: 'end' }[this.textAlign] ?? 'start';
    this.items.push({ type: 'text', text: String(text), x, y, matrix: this.m, clip: this.clipping, font: parseCanvasFont(this.font), fill,
      stroke: null, anchor, baseline: this.textBaseline, alpha: this.alpha * this.globalAlpha });
  }
}

// ---- reading the figure ---------------------------------------------------------------------------

const num = (s) => Number.parseFloat(s) || 0;
const fontOf = (cs, zoom = 1) => ({
  family: cs.fontFamily, size: num(cs.fontSize) * zoom, weight: cs.fontWeight, style: cs.fontStyle,
});
const canvasFont = (f) => `${f.style} ${f.weight} ${f.size}px ${f.family}`;

let metricsCtx = null;
function ascentOf(font) {
  metricsCtx ??= document.createElement('canvas').getContext('2d');
  metricsCtx.font = canvasFont(font);
  const m = metricsCtx.measureText('Hg');
  return { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
}

// Top-level commas of a CSS function's arguments (not those inside rgb(...)).
function splitArgs(s) {
  const out = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; ++i) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) { out.push(s.slice(start, i).trim()); start = i + 1; }
  }
  out.push(s.slice(start).trim());
  return out;
}

/** A computed `linear-gradient(...)` as { horizontal, stops: [{ offset 0..1, color }] }, else null. */
export function parseLinearGradient(css) {
  const m = /^linear-gradient\((.*)\)$/.exec(css.trim());
  if (!m) return null;
  const args = splitArgs(m[1]);
  let horizontal = false;
  if (/^(to |-?[\d.]+deg)/.test(args[0])) {
    const dir = args.shift();
    horizontal = dir === 'to right' || dir === '90deg';
    if (!horizontal && dir !== 'to bottom' && dir !== '180deg') return null;
  }
  const stops = args.map((a) => {
    const p = /\s([\d.]+)%$/.exec(a);
    return { color: resolveColor(p ? a.slice(0, p.index) : a), offset: p ? Number(p[1]) / 100 : null };
  });
  stops.forEach((s, i) => { s.offset ??= stops.length > 1 ? i / (stops.length - 1) : 0; });
  return stops.every((s) => s.color) ? { horizontal, stops } : null;
}

/**
 * The figure under `root` as drawn now: { width, height, items } in CSS pixels from its top left.
 * Items, in painting order: image (a canvas), shape (an SVG shape with its matrix), text (SVG or
 * HTML text with its matrix), box (an HTML element's background and border).
 * @param {Element} root
 */
export function readFigure(root) {
  const frame = root.getBoundingClientRect();
  const ox = frame.left, oy = frame.top;
  const items = [];

  function box(el, cs, alpha) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    const zoom = el.currentCSSZoom ?? 1;
    const fill = resolveColor(cs.backgroundColor);
    const gradient = cs.backgroundImage !== 'none' ? parseLinearGradient(cs.backgroundImage) : null;
    const sides = ['Top', 'Right', 'Bottom', 'Left'].map((s) => ({
      width: cs[`border${s}Style`] === 'none' || cs[`border${s}Style`] === 'hidden' ? 0 : num(cs[`border${s}Width`]) * zoom,
      color: resolveColor(cs[`border${s}Color`]),
    }));
    const uniform = sides.every((s) => s.width === sides[0].width && s.color?.hex === sides[0].color?.hex && s.color?.alpha === sides[0].color?.alpha);
    if (!fill && !gradient && sides.every((s) => !s.width || !s.color)) return;
    const rad = cs.borderTopLeftRadius;
    let radius = rad.endsWith('%') ? (num(rad) / 100) * Math.min(r.width, r.height) : num(rad) * zoom;
    radius = Math.min(radius, r.width / 2, r.height / 2);
    const x = r.left - ox, y = r.top - oy;
    items.push({ type: 'box', x, y, width: r.width, height: r.height, radius, fill, gradient, alpha,
      border: uniform && sides[0].width > 0 && sides[0].color ? sides[0] : null });
    if (!uniform) {  // each side its own strip (e.g. a swatch that is only a top border)
      const [t, rt, bt, lf] = sides;
      const strips = [
        [t, x, y, r.width, t.width], [bt, x, y + r.height - bt.width, r.width, bt.width],
        [lf, x, y, lf.width, r.height], [rt, x + r.width - rt.width, y, rt.width, r.height],
      ];
      for (const [s, sx, sy, w, h] of strips) {
        if (s.width > 0 && s.color) items.push({ type: 'box', x: sx, y: sy, width: w, height: h, radius: 0, fill: s.color, alpha });
      }
    }
  }

  function htmlText(node, alpha) {
    const el = node.parentElement;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') return;
    const color = resolveColor(cs.color);
    if (!color || !node.data.trim()) return;
    const font = fontOf(cs, el.currentCSSZoom ?? 1);
    const { ascent, descent } = ascentOf(font);
    const range = document.createRange();
    const put = (text, rect) => {
      if (rect.width <= 0 && rect.height <= 0) return;
      const baseline = rect.top + (rect.height - (ascent + descent)) / 2 + ascent;
      items.push({ type: 'text', text, x: rect.left - ox, y: baseline - oy, matrix: null, font, fill: color, stroke: null, anchor: 'start', baseline: 'alphabetic', alpha });
    };
    range.selectNodeContents(node);
    const rects = range.getClientRects();
    if (rects.length <= 1) {
      if (rects.length) put(node.data.replace(/\s+/g, ' ').trim(), rects[0]);
      return;
    }
    // Wrapped text: its words, gathered by line.
    const lines = [];
    for (const m of node.data.matchAll(/\S+/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const line = lines.find((l) => Math.abs(l.rect.top - rect.top) < 2);
      if (line) line.words.push(m[0]);
      else lines.push({ rect, words: [m[0]] });
    }
    for (const l of lines) put(l.words.join(' '), l.rect);
  }

  function matrixOf(el) {
    const m = el.getScreenCTM();
    return m ? [m.a, m.b, m.c, m.d, m.e - ox, m.f - oy] : null;
  }

  function paint(cs, alpha) {
    return {
      fill: resolveColor(cs.fill), fillOpacity: num(cs.fillOpacity), fillRule: cs.fillRule,
      stroke: resolveColor(cs.stroke), strokeOpacity: num(cs.strokeOpacity), strokeWidth: num(cs.strokeWidth),
      dash: cs.strokeDasharray === 'none' ? null : cs.strokeDasharray.split(/[\s,]+/).map(num),
      linecap: cs.strokeLinecap, linejoin: cs.strokeLinejoin, alpha,
    };
  }

  function svgNode(el, cs, alpha) {
    const tag = el.localName;
    if (SHAPES.has(tag)) {
      if (cs.visibility !== 'visible') return;
      const p = paint(cs, alpha);
      if (!p.fill && !(p.stroke && p.strokeWidth > 0)) return;
      const geometry = shapeGeometry(el, tag);
      if (geometry) items.push({ type: 'shape', tag, geometry, matrix: matrixOf(el), ...p });
      return;
    }
    if (tag === 'text') {
      if (cs.visibility !== 'visible' || !el.textContent.trim()) return;
      const p = paint(cs, alpha);
      const x = el.x.baseVal.length ? el.x.baseVal[0].value : 0;
      const y = el.y.baseVal.length ? el.y.baseVal[0].value : 0;
      const db = cs.dominantBaseline;
      items.push({
        type: 'text', text: el.textContent, x, y, matrix: matrixOf(el), font: fontOf(cs), fill: p.fill && { ...p.fill, alpha: p.fill.alpha * p.fillOpacity },
        stroke: cs.paintOrder.startsWith('stroke') && p.stroke && p.strokeWidth > 0 ? { color: p.stroke, width: p.strokeWidth } : null,
        anchor: cs.textAnchor, baseline: db === 'central' || db === 'middle' ? 'middle' : db === 'hanging' ? 'hanging' : 'alphabetic', alpha,
      });
      return;
    }
    if (tag === 'svg' || tag === 'g' || tag === 'a') {
      for (const child of el.children) visit(child, alpha);
    }
  }

  function visit(el, opacity) {
    if (el.matches(SKIP)) return;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return;
    const alpha = opacity * num(cs.opacity);
    if (alpha <= 0) return;
    if (el instanceof SVGElement) {
      if (el.localName === 'svg' && cs.visibility === 'visible') box(el, cs, alpha);  // an <svg>'s own CSS box
      svgNode(el, cs, alpha);
      return;
    }
    if (cs.visibility === 'visible') {
      box(el, cs, alpha);
      if (el.localName === 'canvas' && el.width > 0 && el.height > 0) {
        const r = el.getBoundingClientRect();
        const vector = vectorDrawings.get(el);
        if (vector) vector(new VectorContext(items, [r.width / el.width, 0, 0, r.height / el.height, r.left - ox, r.top - oy], alpha));
        // A canvas the browser scales (the output plot's heatmap, one pixel per grid cell) keeps its
        // scaling: smooth, or cell by cell when pixelated.
        else items.push({ type: 'image', canvas: el, x: r.left - ox, y: r.top - oy, width: r.width, height: r.height, alpha, pixelated: cs.imageRendering === 'pixelated' });
      }
    }
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) htmlText(child, alpha);
      else if (child.nodeType === Node.ELEMENT_NODE) visit(child, alpha);
    }
  }

  visit(root, 1);
  return { width: Math.round(frame.width), height: Math.round(frame.height), items };
}

function shapeGeometry(el, tag) {
  const v = (name) => el[name].baseVal.value;
  switch (tag) {
    case 'path': return el.getAttribute('d') ? { d: el.getAttribute('d') } : null;
    case 'line': return { x1: v('x1'), y1: v('y1'), x2: v('x2'), y2: v('y2') };
    case 'rect': return { x: v('x'), y: v('y'), width: v('width'), height: v('height'), rx: el.rx.baseVal.value || el.ry.baseVal.value };
    case 'circle': return { cx: v('cx'), cy: v('cy'), r: v('r') };
    case 'ellipse': return { cx: v('cx'), cy: v('cy'), rx: v('rx'), ry: v('ry') };
    default: {  // polyline, polygon
      const points = [...el.points].map((p) => `${p.x},${p.y}`).join(' ');
      return points ? { points } : null;
    }
  }
}

// ---- the caption --------------------------------------------------------------------------------

/** `parts` (strings) joined by " · " into lines no wider than `width` with `measure(text)`. */
export function wrapCaption(parts, width, measure) {
  const lines = [];
  let line = '';
  for (const part of parts) {
    const next = line ? `${line} · ${part}` : part;
    if (line && measure(next) > width) { lines.push(line); line = part; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

// At the default font size; the caption grows with it, as the figure's own text does.
const CAPTION = { size: 12, line: 16, pad: 8 };

function captionLayout(parts, width, { family, ink, muted, line }) {
  const k = textScale();
  const [size, step, pad] = [CAPTION.size * k, CAPTION.line * k, CAPTION.pad * k];
  const font = { family, size, weight: '400', style: 'normal' };
  metricsCtx ??= document.createElement('canvas').getContext('2d');
  metricsCtx.font = canvasFont(font);
  const lines = wrapCaption(parts, width - 2 * pad, (t) => metricsCtx.measureText(t).width);
  // baseline(i): line i's, under a figure `height` tall
  const baseline = (height, i) => height + pad + (i + 1) * step - 4 * k;
  return { font, lines, pad, baseline, height: lines.length ? 2 * pad + lines.length * step : 0, ink, muted, line };
}

// ---- SVG -----------------------------------------------------------------------------------------

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (v) => Number(v.toFixed(2));
const matrixAttr = (m) => (m ? ` transform="matrix(${m.map(r2).join(' ')})"` : '');
const colorAttrs = (name, c, extra = 1) => (c ? ` ${name}="${c.hex}"${c.alpha * extra < 1 ? ` ${name}-opacity="${r2(c.alpha * extra)}"` : ''}` : ` ${name}="none"`);
const fontAttrs = (f) => ` font-family="${esc(f.family)}" font-size="${r2(f.size)}"${f.weight !== '400' ? ` font-weight="${f.weight}"` : ''}${f.style !== 'normal' ? ` font-style="${f.style}"` : ''}`;
const opacityAttr = (a) => (a < 1 ? ` opacity="${r2(a)}"` : '');
// The canvas's text baselines in SVG's words (alphabetic is both's default).
const BASELINES = { middle: 'central', top: 'text-before-edge', hanging: 'hanging', bottom: 'text-after-edge', ideographic: 'ideographic' };

/**
 * The figure as a standalone SVG document (a string).
 * @param {{ width, height, items }} figure from readFigure
 * @param {string[]} captionParts the settings, joined with " · " and wrapped under the figure
 * @param {{ panel: string, ink: string, muted: string, line: string, family: string }} theme CSS colours
 * @param {string} [title] the figure's name, for the file's <title>
 */
export function figureSvg(figure, captionParts, theme, title = '') {
  const { width, height, items } = figure;
  const cap = captionLayout(captionParts, width, theme);
  const total = height + cap.height;
  const defs = [];
  const out = [];
  const clips = new Map();
  const clipAttr = (clip) => {
    if (!clip) return '';
    if (!clips.has(clip)) {
      clips.set(clip, `c${clips.size + 1}`);
      defs.push(`<clipPath id="${clips.get(clip)}" clipPathUnits="userSpaceOnUse"><path d="${esc(clip.d)}"${matrixAttr(clip.matrix)}/></clipPath>`);
    }
    return ` clip-path="url(#${clips.get(clip)})"`;
  };
  for (const it of items) {
    if (it.type === 'image') {
      out.push(`<image x="${r2(it.x)}" y="${r2(it.y)}" width="${r2(it.width)}" height="${r2(it.height)}" preserveAspectRatio="none"${it.pixelated ? ' style="image-rendering:pixelated"' : ''}${opacityAttr(it.alpha)} xlink:href="${it.canvas.toDataURL('image/png')}"/>`);
    } else if (it.type === 'box') {
      let fill = colorAttrs('fill', it.fill);
      if (it.gradient) {
        const id = `g${defs.length + 1}`;
        const [x2, y2] = it.gradient.horizontal ? [1, 0] : [0, 1];
        defs.push(`<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${it.gradient.stops.map((s) =>
          `<stop offset="${r2(s.offset)}" stop-color="${s.color.hex}"${s.color.alpha < 1 ? ` stop-opacity="${r2(s.color.alpha)}"` : ''}/>`).join('')}</linearGradient>`);
        fill = ` fill="url(#${id})"`;
      }
      const b = it.border;
      const inset = b ? b.width / 2 : 0;
      if (it.fill || it.gradient) {
        out.push(`<rect x="${r2(it.x)}" y="${r2(it.y)}" width="${r2(it.width)}" height="${r2(it.height)}"${it.radius ? ` rx="${r2(it.radius)}"` : ''}${fill}${opacityAttr(it.alpha)}/>`);
      }
      if (b) {
        out.push(`<rect x="${r2(it.x + inset)}" y="${r2(it.y + inset)}" width="${r2(it.width - 2 * inset)}" height="${r2(it.height - 2 * inset)}"` +
          `${it.radius ? ` rx="${r2(Math.max(0, it.radius - inset))}"` : ''} fill="none"${colorAttrs('stroke', b.color)} stroke-width="${r2(b.width)}"${opacityAttr(it.alpha)}/>`);
      }
    } else if (it.type === 'shape') {
      const g = Object.entries(it.geometry).map(([k, v]) => (k === 'rx' && !v ? '' : ` ${k}="${typeof v === 'number' ? r2(v) : esc(v)}"`)).join('');
      const stroke = it.stroke && it.strokeWidth > 0
        ? `${colorAttrs('stroke', it.stroke, it.strokeOpacity)} stroke-width="${r2(it.strokeWidth)}"` +
          `${it.dash ? ` stroke-dasharray="${it.dash.map(r2).join(' ')}"` : ''}${it.linecap !== 'butt' ? ` stroke-linecap="${it.linecap}"` : ''}` +
          `${it.linejoin !== 'miter' ? ` stroke-linejoin="${it.linejoin}"` : ''}`
        : ' stroke="none"';
      const rule = it.fillRule === 'evenodd' ? ' fill-rule="evenodd"' : '';
      const shape = `<${it.tag}${g}${matrixAttr(it.matrix)}${colorAttrs('fill', it.fill, it.fillOpacity)}${rule}${stroke}${opacityAttr(it.alpha)}/>`;
      out.push(it.clip ? `<g${clipAttr(it.clip)}>${shape}</g>` : shape);
    } else {
      const anchor = it.anchor !== 'start' ? ` text-anchor="${it.anchor}"` : '';
      const base = BASELINES[it.baseline] ? ` dominant-baseline="${BASELINES[it.baseline]}"` : '';
      const stroke = it.stroke ? `${colorAttrs('stroke', it.stroke.color)} stroke-width="${r2(it.stroke.width)}" paint-order="stroke"` : '';
      const text = `<text x="${r2(it.x)}" y="${r2(it.y)}"${matrixAttr(it.matrix)}${fontAttrs(it.font)}${anchor}${base}${colorAttrs('fill', it.fill)}${stroke}${opacityAttr(it.alpha)} xml:space="preserve">${esc(it.text)}</text>`;
      out.push(it.clip ? `<g${clipAttr(it.clip)}>${text}</g>` : text);
    }
  }
  const caption = [];
  if (cap.lines.length) {
    const line = resolveColor(theme.line);
    caption.push(`<line x1="0" y1="${height + 0.5}" x2="${width}" y2="${height + 0.5}"${colorAttrs('stroke', line)} stroke-width="1"/>`);
    cap.lines.forEach((text, i) => {
      caption.push(`<text x="${r2(cap.pad)}" y="${r2(cap.baseline(height, i))}"${fontAttrs(cap.font)}${colorAttrs('fill', resolveColor(theme.ink))}>${esc(text)}</text>`);
    });
  }
  const panel = resolveColor(theme.panel);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">\n` +
    (title ? `<title>${esc(title)}</title>\n` : '') +
    (defs.length ? `<defs>${defs.join('')}</defs>\n` : '') +
    `<rect width="${width}" height="${total}"${colorAttrs('fill', panel)}/>\n` +
    `<g class="figure">\n${out.join('\n')}\n</g>\n<g class="caption">\n${caption.join('\n')}\n</g>\n</svg>\n`;
}

// ---- PNG ------------------------------------------------------------------------------------------

const rgba = (c, extra = 1) => rgbToCss([...hexToRgb(c.hex), c.alpha * extra]);

function shapePath(it) {
  const g = it.geometry;
  const p = new Path2D();
  switch (it.tag) {
    case 'path': return new Path2D(g.d);
    case 'line': p.moveTo(g.x1, g.y1); p.lineTo(g.x2, g.y2); return p;
    case 'rect': if (g.rx) p.roundRect(g.x, g.y, g.width, g.height, g.rx); else p.rect(g.x, g.y, g.width, g.height); return p;
    case 'circle': p.arc(g.cx, g.cy, g.r, 0, 2 * Math.PI); return p;
    case 'ellipse': p.ellipse(g.cx, g.cy, g.rx, g.ry, 0, 0, 2 * Math.PI); return p;
    default: {
      const pts = g.points.split(' ').map((s) => s.split(',').map(Number));
      pts.forEach(([x, y], i) => (i ? p.lineTo(x, y) : p.moveTo(x, y)));
      if (it.tag === 'polygon') p.closePath();
      return p;
    }
  }
}

/**
 * Paints the figure and its caption on a new canvas at `scale` device pixels per CSS pixel.
 * Arguments as figureSvg. Returns the canvas (canvas.toBlob gives the PNG).
 */
export function figureCanvas(figure, captionParts, theme, scale = 2) {
  const { width, height, items } = figure;
  const cap = captionLayout(captionParts, width, theme);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round((height + cap.height) * scale);
  const ctx = canvas.getContext('2d');
  const base = () => ctx.setTransform(scale, 0, 0, scale, 0, 0);
  base();
  ctx.fillStyle = rgba(resolveColor(theme.panel));
  ctx.fillRect(0, 0, width, height + cap.height);
  for (const it of items) {
    ctx.save();
    ctx.globalAlpha = it.alpha;
    if (it.clip) {
      applyMatrix(ctx, it.clip.matrix);
      ctx.clip(new Path2D(it.clip.d));
      base();
    }
    if (it.type === 'image') {
      ctx.imageSmoothingEnabled = !it.pixelated;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(it.canvas, it.x, it.y, it.width, it.height);
    } else if (it.type === 'box') {
      const p = new Path2D();
      p.roundRect(it.x, it.y, it.width, it.height, it.radius);
      if (it.gradient) {
        const grad = it.gradient.horizontal ? ctx.createLinearGradient(it.x, 0, it.x + it.width, 0) : ctx.createLinearGradient(0, it.y, 0, it.y + it.height);
        for (const s of it.gradient.stops) grad.addColorStop(s.offset, rgba(s.color));
        ctx.fillStyle = grad;
        ctx.fill(p);
      } else if (it.fill) {
        ctx.fillStyle = rgba(it.fill);
        ctx.fill(p);
      }
      if (it.border) {
        const i = it.border.width / 2;
        const q = new Path2D();
        q.roundRect(it.x + i, it.y + i, it.width - 2 * i, it.height - 2 * i, Math.max(0, it.radius - i));
        ctx.strokeStyle = rgba(it.border.color);
        ctx.lineWidth = it.border.width;
        ctx.stroke(q);
      }
    } else if (it.type === 'shape') {
      if (it.matrix) applyMatrix(ctx, it.matrix);
      const p = shapePath(it);
      if (it.fill) {
        ctx.fillStyle = rgba(it.fill, it.fillOpacity);
        ctx.fill(p, it.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
      }
      if (it.stroke && it.strokeWidth > 0) {
        ctx.strokeStyle = rgba(it.stroke, it.strokeOpacity);
        ctx.lineWidth = it.strokeWidth;
        ctx.lineCap = it.linecap;
        ctx.lineJoin = it.linejoin;
        if (it.dash) ctx.setLineDash(it.dash);
        ctx.stroke(p);
      }
    } else {
      if (it.matrix) applyMatrix(ctx, it.matrix);
      ctx.font = canvasFont(it.font);
      ctx.textAlign = it.anchor === 'middle' ? 'center' : it.anchor === 'end' ? 'end' : 'start';
      ctx.textBaseline = it.baseline;
      if (it.stroke) {
        ctx.strokeStyle = rgba(it.stroke.color);
        ctx.lineWidth = it.stroke.width;
        ctx.lineJoin = 'round';
        ctx.strokeText(it.text, it.x, it.y);
      }
      if (it.fill) {
        ctx.fillStyle = rgba(it.fill);
        ctx.fillText(it.text, it.x, it.y);
      }
    }
    ctx.restore();
    base();
  }
  if (cap.lines.length) {
    ctx.fillStyle = rgba(resolveColor(theme.line));
    ctx.fillRect(0, height, width, 1);
    ctx.font = canvasFont(cap.font);
    ctx.fillStyle = rgba(resolveColor(theme.ink));
    ctx.textBaseline = 'alphabetic';
    cap.lines.forEach((text, i) => ctx.fillText(text, cap.pad, cap.baseline(height, i)));
  }
  return canvas;
}

/** The PNG of figureCanvas as a Blob. */
export function figurePng(figure, captionParts, theme, scale = 2) {
  const canvas = figureCanvas(figure, captionParts, theme, scale);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}
