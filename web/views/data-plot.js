// The big output panel: the network's output over the input plane [-6, 6]^2 as a heatmap, the
// data points on top (train filled, test hollow, validation diamonds, one highlighted ring),
// axes with tick labels and a legend in real text. In drawing mode the pointer adds points
// (click, tap) or removes them (shift-click / right-click, touch and hold) through callbacks. For
// 1-D data (a snapshot with `curve`) the same square shows y against x: the points at (x, target),
// the network's output curve over x, and no heatmap; the vertical axis then spans y in [-1.5, 1.5].
// Not here: evaluating the network (the snapshot carries the grid) or editing the data.

import { createHeatmap } from './heatmap.js';
import { classColor, colorTheme, divergingRgb, rgbToCss, MIDPOINT } from './colors.js';
import { themeColors } from '../theme.js';
import { formatNumber } from './format.js';
import { htmlEl, svgEl } from './dom.js';
import { pixelRatio } from './pixels.js';
import { textScale, onTextScaleChange } from './text-scale.js';
import { t, tn, language } from '../i18n/i18n.js';

export const PLANE_LO = -6;
export const PLANE_HI = 6;
/** 1-D plots: plane units per unit of y, so the square's [-6, 6] holds y in [-1.5, 1.5]. */
export const CURVE_Y_SCALE = 4;

// ---------------------------------------------------------------------------------------------
// Pure helpers (unit-tested in Node)

/**
 * Plane → pixel in a size x size square: x1 grows to the right, x2 grows upwards (pixel y down).
 * @returns {number[]} [px, py] (CSS pixels, fractional)
 */
export function planeToPixel(x1, x2, size, lo = PLANE_LO, hi = PLANE_HI) {
  const s = size / (hi - lo);
  return [(x1 - lo) * s, (hi - x2) * s];
}

/**
 * Pixel → plane, the inverse of planeToPixel.
 * @returns {number[]} [x1, x2]
 */
export function pixelToPlane(px, py, size, lo = PLANE_LO, hi = PLANE_HI) {
  const s = (hi - lo) / size;
  return [lo + px * s, hi - py * s];
}

/**
 * A pointer event's client coordinates → plane, using the element's on-screen rectangle
 * (getBoundingClientRect), so CSS scaling, zoom and the canvas's device-pixel size do not matter.
 * @param {{ left: number, top: number, width: number, height: number }} rect
 * @returns {number[]} [x1, x2]
 */
export function clientToPlane(clientX, clientY, rect, lo = PLANE_LO, hi = PLANE_HI) {
  return [
    lo + ((clientX - rect.left) / rect.width) * (hi - lo),
    hi - ((clientY - rect.top) / rect.height) * (hi - lo),
  ];
}

/** Tick values for the plane's axes: every 2 units, or every 3 on a small plot. */
export function planeTicks(size, lo = PLANE_LO, hi = PLANE_HI) {
  const step = size < 220 ? 3 : 2;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.push(v);
  return ticks;
}

/** The fill colour of a data point: its class colour, or its target on the diverging scale. */
export function pointColor(label, problem) {
  if (problem === 'regression') return rgbToCss(divergingRgb(label));
  return classColor(label);
}

// Two arrays (or nulls) with the same values in the same order.
function sameValues(a, b) {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}

/** The plot's accessible name, e.g. "Output of the network over the input plane with 100 training points". */
export function describePlot(snapshot) {
  const p = snapshot?.points;
  const train = p?.train?.length ?? 0;
  const parts = [tn('{n} training point', '{n} training points', train)];
  if (snapshot?.showTest && p?.test?.length) parts.push(tn('{n} test point', '{n} test points', p.test.length));
  if (p?.validation?.length) parts.push(tn('{n} validation point', '{n} validation points', p.validation.length));
  const what = snapshot?.curve ? t('Output of the network over x') : snapshot?.grid ? t('Output of the network over the input plane') : t('The input plane');
  const tail = parts.length > 1 ? t('{list} and {last}', { list: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] }) : parts[0];
  const drawing = snapshot?.drawing ? `. ${t('Drawing mode: click or tap to add a point; shift-click, right-click or touch and hold a point to remove it')}` : '';
  return `${t('{what} with {points}', { what, points: tail })}${drawing}`;
}

/** A number for a legend label: at most 3 significant digits, proper minus sign. */
/**
 * Index of the point of interleaved `xy` nearest to (x1, x2) within `radius` (plane units), among
 * `indices` (default all), or -1 when none is that close.
 */
export function nearestPoint(xy, x1, x2, radius, indices = null) {
  let best = -1, bestD = radius * radius;
  const n = indices ? indices.length : xy.length / 2;
  for (let k = 0; k < n; ++k) {
    const i = indices ? indices[k] : k;
    const d = (xy[2 * i] - x1) ** 2 + (xy[2 * i + 1] - x2) ** 2;
    if (d < bestD) { bestD = d; best = i; }
  }
  return best;
}

export function formatRange(v) {
  return formatNumber(v);
}

// ---------------------------------------------------------------------------------------------
// The view (DOM)

/**
 * Room around the plane for the axes' labels, in CSS pixels (the figure is size + left + right
 * wide): as large as the labels, which grow with the default font size (views/text-scale.js).
 */
export function plotMargin(scale = textScale()) {
  const [left, right, top, bottom] = [34, 8, 6, 30].map((px) => Math.round(px * scale));
  return { left, right, top, bottom };
}
// How far the heatmap's colours go from white: paler than the thumbnails so the points stand out.
const PLOT_STRENGTH = 0.6;
// Ink, ticks and frame are style.css's classes (data-plot-*), so they follow the theme.
// Touch: how long a press on a point removes it, how far a finger may wander in a tap, and how
// near a point a finger must land (CSS pixels, about a fingertip: markers are 3-4 px).
const HOLD_MS = 500;
const TAP_SLOP_PX = 10;
const FINGER_RADIUS_PX = 24;

const el = htmlEl;
const svg = svgEl;

/**
 * Builds the output panel inside `container`.
 * @param {HTMLElement} container
 * @param {{ size?: number,
 *           onAddPoint?: (x1: number, x2: number, info: { shift: boolean, button: number }) => void,
 *           onRemoveNear?: (x1: number, x2: number, radius?: number) => void,
 *           onPick?: (x1: number, x2: number) => void }} [options] onPick: a click (or tap) outside
 *   drawing mode; onRemoveNear's radius (plane units) is a finger's, for a touch
 * @returns {{ update(snapshot: PlotSnapshot): void, setSize(size: number): void, destroy(): void,
 *             element: HTMLElement }}
 *
 * @typedef {{ grid: null|{ g: number, values: ArrayLike<number>, offsets: ArrayLike<number> },
 *             mode: 'signed'|'classes', lo: number, hi: number, discretize?: boolean,
 *             points: { xy: ArrayLike<number>, labels: ArrayLike<number>,
 *                       problem: 'binary'|'multiclass'|'regression', classes: number,
 *                       train: ArrayLike<number>, test: ArrayLike<number>, validation?: ArrayLike<number> },
 *             showTest?: boolean, highlight?: number|null, drawing?: boolean }} PlotSnapshot
 *   signed: grid.offsets[0] is the one output node, coloured from lo (orange) to hi (blue).
 *   classes: one offset per class, argmax colour, paler where the margin is small; lo/hi are the
 *   output activation's range (0, 1 for softmax).
 */
export function createDataPlot(container, { size = 300, onAddPoint, onRemoveNear, onPick } = {}) {
  const root = el('div', { display: 'inline-block', position: 'relative' }, 'data-plot');
  // The picture is one image to assistive technology; the legend stays outside it as real text.
  const figure = el('div', { position: 'relative' }, 'data-plot-figure');
  figure.setAttribute('role', 'img');
  const heatCanvas = el('canvas', { position: 'absolute', display: 'block' }, 'data-plot-heatmap');
  const pointCanvas = el('canvas', { position: 'absolute', display: 'block' }, 'data-plot-points');
  const axes = svg('svg', { 'aria-hidden': 'true', class: 'data-plot-axes' });
  axes.style.position = 'absolute';
  axes.style.left = '0';
  axes.style.top = '0';
  axes.style.pointerEvents = 'none';
  axes.style.overflow = 'visible';
  figure.append(heatCanvas, pointCanvas, axes);
  const legend = el('div', {
    display: 'flex', flexDirection: 'column', gap: '0.25rem', fontSize: '0.75rem',
    lineHeight: '1rem', color: 'var(--ink)', marginTop: '0.25rem',
  }, 'data-plot-legend');
  root.append(figure, legend);
  container.append(root);

  const heatmap = createHeatmap(heatCanvas, { strength: PLOT_STRENGTH });
  const pointCtx = pointCanvas.getContext('2d');
  let plotSize = size;
  let margin = plotMargin();
  let dpr = 1;
  let snapshot = null;
  let pointsKey = null;   // what the points layer was last drawn from (skip redraws when equal)
  let legendKey = '';
  let curvePath = null;   // the 1-D output curve (an SVG path over the square)
  let axesMode = false;   // the axes were drawn for 1-D data

  function setSize(next) {
    plotSize = next;
    margin = plotMargin();
    dpr = pixelRatio(figure);
    const w = margin.left + plotSize + margin.right;
    const h = margin.top + plotSize + margin.bottom;
    figure.style.width = `${w}px`;
    figure.style.height = `${h}px`;
    legend.style.marginLeft = `${margin.left}px`;
    for (const c of [heatCanvas, pointCanvas]) {
      c.style.left = `${margin.left}px`;
      c.style.top = `${margin.top}px`;
      c.style.width = `${plotSize}px`;
      c.style.height = `${plotSize}px`;
    }
    pointCanvas.width = Math.round(plotSize * dpr);
    pointCanvas.height = Math.round(plotSize * dpr);
    legend.style.maxWidth = `${plotSize}px`;
    drawAxes();
    pointsKey = null;
    if (snapshot) update(snapshot);
  }

  function drawAxes() {
    const oneD = !!snapshot?.curve;
    const w = margin.left + plotSize + margin.right;
    const h = margin.top + plotSize + margin.bottom;
    axes.setAttribute('width', w);
    axes.setAttribute('height', h);
    axes.setAttribute('viewBox', `0 0 ${w} ${h}`);
    axes.replaceChildren();
    const x0 = margin.left, y0 = margin.top, s = plotSize;
    const k = textScale();  // the labels' size (style.css, in rem) over their size at 16 px
    axes.append(svg('rect', { x: x0 - 0.5, y: y0 - 0.5, width: s + 1, height: s + 1, fill: 'none', class: 'data-plot-frame' }));
    const font = { class: 'data-plot-label', 'font-family': 'inherit' };
    for (const t of planeTicks(s)) {
      const [px, py] = planeToPixel(t, t, s);
      const x = x0 + px, y = y0 + py;
      axes.append(svg('line', { x1: x, y1: y0 + s, x2: x, y2: y0 + s + 4, class: 'data-plot-tick' }));
      axes.append(svg('line', { x1: x0 - 4, y1: y, x2: x0, y2: y, class: 'data-plot-tick' }));
      const label = String(t).replace('-', '−');
      const tx = svg('text', { ...font, x, y: y0 + s + 4 + 10 * k, 'text-anchor': 'middle' });
      tx.textContent = label;
      const ty = svg('text', { ...font, x: x0 - 6, y: y + 3.5 * k, 'text-anchor': 'end' });
      ty.textContent = oneD ? formatNumber(t / CURVE_Y_SCALE).replace('-', '−') : label;
      axes.append(tx, ty);
    }
    if (oneD) {  // y = 0, for reading the curve's sign
      const [, py] = planeToPixel(0, 0, s);
      axes.append(svg('line', { x1: x0, y1: y0 + py, x2: x0 + s, y2: y0 + py, class: 'data-plot-zero' }));
    }
    const titleFont = { class: 'data-plot-label data-plot-title', 'font-family': 'inherit', 'font-style': 'italic' };
    const xt = svg('text', { ...titleFont, x: x0 + s / 2, y: y0 + s + 27 * k, 'text-anchor': 'middle' });
    xt.textContent = oneD ? 'x' : 'x₁';
    const yt = svg('text', { ...titleFont, x: 7 * k, y: y0 + s / 2 + 4 * k, 'text-anchor': 'middle' });
    yt.textContent = oneD ? 'y' : 'x₂';
    axes.append(xt, yt);
    curvePath = svg('path', { fill: 'none', 'stroke-width': 2, class: 'data-plot-curve',
      transform: `translate(${x0} ${y0})` });
    axes.append(curvePath);
    axesMode = oneD;
  }

  // ---- legend (real text) -------------------------------------------------------------------
  function swatch(style) {
    return el('span', { display: 'inline-block', flex: 'none', ...style });
  }
  function item(children, title) {
    const e = el('span', { display: 'inline-flex', alignItems: 'center', gap: '5px', whiteSpace: 'nowrap' }, 'data-plot-legend-item');
    e.append(...children.map((c) => (typeof c === 'string' ? document.createTextNode(c) : c)));
    if (title) e.title = title;
    return e;
  }
  function colorBar(s, problem) {
    const [lo, hi] = [s.lo ?? -1, s.hi ?? 1];
    const neg = rgbToCss(divergingRgb(-PLOT_STRENGTH)), pos = rgbToCss(divergingRgb(PLOT_STRENGTH));
    const bar = swatch({
      width: '96px', height: '9px', borderRadius: '2px', boxShadow: 'inset 0 0 0 1px var(--line)',
      background: s.discretize
        ? `linear-gradient(to right, ${neg} 50%, ${pos} 50%)`
        : `linear-gradient(to right, ${neg}, ${MIDPOINT}, ${pos})`,
    });
    const scale = el('span', { display: 'flex', justifyContent: 'space-between', fontSize: '0.625rem', lineHeight: '0.75rem', color: 'var(--muted)' });
    for (const v of [lo, (lo + hi) / 2, hi]) {
      const t = el('span');
      t.textContent = formatRange(v);
      scale.append(t);
    }
    const column = el('span', { display: 'inline-flex', flexDirection: 'column', gap: '1px', paddingTop: '3px' });
    column.append(bar, scale);
    const title = problem === 'regression' ? 'output (colour) and target (points)' : 'network output: class 0 below the midpoint, class 1 above';
    if (problem === 'binary') {
      return item([swatch({ width: '10px', height: '10px', borderRadius: '50%', background: classColor(0) }), t('class {k}', { k: 0 }), column,
        t('class {k}', { k: 1 }), swatch({ width: '10px', height: '10px', borderRadius: '50%', background: classColor(1) })], title);
    }
    return item(['output', column], title);
  }

  function updateLegend(s) {
    const p = s.points || {};
    const problem = p.problem || 'binary';
    const classes = problem === 'binary' ? 2 : p.classes || 0;
    const hasVal = !!p.validation?.length;
    const key = [s.mode, s.lo, s.hi, problem, classes, !!s.showTest, hasVal, !!s.discretize, !!s.curve, colorTheme(), language()].join('|');
    if (key === legendKey) return;
    legendKey = key;
    const output = el('div', { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px' });
    if (s.curve) {
      output.append(item([swatch({ width: '18px', height: '2px', background: 'var(--ink)' }), 'network output'],
        'the network\'s output y over x; points at their targets'));
    } else if (s.mode === 'classes') {
      for (let k = 0; k < classes; ++k) {
        output.append(item([swatch({ width: '10px', height: '10px', borderRadius: '50%', background: classColor(k) }), t('class {k}', { k })]));
      }
    } else {
      output.append(colorBar(s, problem));
    }
    const markers = el('div', { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 12px', color: 'var(--muted)' });
    const grey = '#7a7a7a';
    const base = { width: '9px', height: '9px', boxSizing: 'border-box' };
    markers.append(item([swatch({ ...base, borderRadius: '50%', background: grey, boxShadow: '0 0 0 1px var(--panel), 0 0 0 1.5px var(--line-strong)' }), 'train']));
    if (s.showTest) markers.append(item([swatch({ ...base, borderRadius: '50%', background: 'var(--panel)', border: `2px solid ${grey}` }), 'test']));
    if (hasVal) markers.append(item([swatch({ ...base, width: '8px', height: '8px', transform: 'rotate(45deg)', background: grey, boxShadow: '0 0 0 1px var(--panel)' }), 'validation']));
    legend.replaceChildren(output, markers);
  }

  // ---- points layer -------------------------------------------------------------------------
  function drawPoints(s) {
    const p = s.points;
    // The arrays' values, not their identity: the page reads the data set from the core afresh
    // each frame, and redrawing 500 markers costs more than comparing a few thousand numbers.
    const key = { arrays: p ? [p.xy, p.labels, p.train, p.test, p.validation] : [],
      scalars: [p?.problem, !!s.showTest, s.highlight ?? null, plotSize, dpr, !!s.curve, colorTheme()] };
    if (pointsKey && key.scalars.every((v, i) => v === pointsKey.scalars[i]) &&
        key.arrays.length === pointsKey.arrays.length && key.arrays.every((a, i) => sameValues(a, pointsKey.arrays[i]))) return;
    pointsKey = { scalars: key.scalars, arrays: key.arrays.map((a) => (a ? Array.from(a) : a)) };
    const ctx = pointCtx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, plotSize, plotSize);
    if (!p || !p.xy) return;
    const r = Math.max(2.6, Math.min(4.2, plotSize / 80));
    const n = p.labels.length;
    // More points → smaller markers, so dense data sets stay readable.
    const scale = n > 1500 ? 0.7 : n > 600 ? 0.85 : 1;
    const radius = r * scale;
    const colorOf = (i) => pointColor(p.labels[i], p.problem);
    // A halo in the panel's colour, and a thin rim of the other lightness so points near the
    // midpoint's colour (regression targets near 0) still show.
    const { panel: halo } = themeColors();
    const dark = colorTheme() === 'dark';
    const rim = dark ? 'rgba(255,255,255,0.5)' : p.problem === 'regression' ? 'rgba(0,0,0,0.55)' : 'rgba(0,0,0,0.4)';
    const at = s.curve ? (i) => planeToPixel(p.xy[2 * i], p.labels[i] * CURVE_Y_SCALE, plotSize)
      : (i) => planeToPixel(p.xy[2 * i], p.xy[2 * i + 1], plotSize);

    ctx.lineWidth = 1;
    if (s.showTest && p.test) {
      for (const i of p.test) {
        const [x, y] = at(i);
        ctx.beginPath();
        ctx.arc(x, y, radius + 0.3, 0, 2 * Math.PI);
        ctx.fillStyle = halo;
        ctx.fill();
        ctx.lineWidth = 1.8;
        ctx.strokeStyle = colorOf(i);
        ctx.stroke();
        ctx.beginPath();  // thin dark rim keeps the ring visible on its own colour
        ctx.arc(x, y, radius + 1.35, 0, 2 * Math.PI);
        ctx.lineWidth = 0.6;
        ctx.strokeStyle = dark ? 'rgba(255,255,255,0.5)' : 'rgba(0,0,0,0.45)';
        ctx.stroke();
      }
    }
    if (p.validation) {
      const d = radius * 1.25;
      const diamond = (x, y, h) => {
        ctx.beginPath();
        ctx.moveTo(x, y - h); ctx.lineTo(x + h, y); ctx.lineTo(x, y + h); ctx.lineTo(x - h, y);
        ctx.closePath();
      };
      for (const i of p.validation) {
        const [x, y] = at(i);
        diamond(x, y, d + 1.5);
        ctx.fillStyle = rim;
        ctx.fill();
        diamond(x, y, d);
        ctx.fillStyle = colorOf(i);
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = halo;
        ctx.stroke();
      }
    }
    if (p.train) {
      for (const i of p.train) {
        const [x, y] = at(i);
        ctx.beginPath();
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
        ctx.fillStyle = colorOf(i);
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = halo;
        ctx.stroke();
        ctx.beginPath();  // thin dark rim: white-ish points (regression targets near 0) on white
        ctx.arc(x, y, radius + 0.9, 0, 2 * Math.PI);
        ctx.lineWidth = 0.6;
        ctx.strokeStyle = rim;
        ctx.stroke();
      }
    }
    const h = s.highlight;
    if (h !== null && h !== undefined && h >= 0 && 2 * h + 1 < p.xy.length) {
      const [x, y] = at(h);
      ctx.beginPath();
      ctx.arc(x, y, radius + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 4;
      ctx.strokeStyle = halo;
      ctx.stroke();
      ctx.lineWidth = 2;
      ctx.strokeStyle = themeColors().ink;
      ctx.stroke();
    }
  }

  // ---- heatmap ------------------------------------------------------------------------------
  function drawHeatmap(s) {
    const grid = s.grid;
    if (!grid || !grid.values || !grid.offsets?.length) {
      heatmap.clear();
      return;
    }
    // One canvas pixel per grid cell, scaled to the square by the browser when it composites the
    // page (smoothly, or cell by cell when discretized): no per-frame upscaling on the main thread.
    if (heatCanvas.width !== grid.g || heatCanvas.height !== grid.g) {
      heatCanvas.width = grid.g;
      heatCanvas.height = grid.g;
    }
    heatCanvas.style.imageRendering = s.discretize ? 'pixelated' : '';
    const opts = { lo: s.lo, hi: s.hi, discretize: !!s.discretize };
    if (s.mode === 'classes') heatmap.drawClasses(grid.values, grid.offsets, grid.g, opts);
    else heatmap.drawSigned(grid.values, grid.offsets[0], grid.g, opts);
  }

  // The output over x: a polyline through the core's samples, y clipped to the square.
  function drawCurve(s) {
    if (!s.curve) {
      if (curvePath.getAttribute('d')) curvePath.setAttribute('d', '');
      return;
    }
    const { x, y } = s.curve;
    const limit = PLANE_HI / CURVE_Y_SCALE + 0.05;
    let d = '';
    for (let j = 0; j < x.length; ++j) {
      const v = Math.max(-limit, Math.min(limit, y[j]));
      const [px, py] = planeToPixel(x[j], Number.isFinite(v) ? v * CURVE_Y_SCALE : 0, plotSize);
      d += `${j ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`;
    }
    curvePath.setAttribute('d', d);
  }

  function update(next) {
    snapshot = next;
    if (!!next.curve !== axesMode) drawAxes();
    drawCurve(next);
    drawHeatmap(next);
    drawPoints(next);
    updateLegend(next);
    const label = describePlot(next);
    if (figure.getAttribute('aria-label') !== label) figure.setAttribute('aria-label', label);
    pointCanvas.style.cursor = next.drawing ? 'crosshair' : onPick ? 'pointer' : '';
    // A swipe on the plot scrolls the page (on a phone the plot fills most of the screen), except
    // while drawing, where a touch is a tap or a hold on the plane.
    pointCanvas.style.touchAction = next.drawing ? 'none' : 'manipulation';
  }

  // ---- drawing mode -------------------------------------------------------------------------
  // A touch acts when it ends as a tap (a swipe that became a scroll ends in pointercancel), or,
  // drawing, when held still on the plane: a tap adds a point, however near the others, and a
  // hold removes the one under the finger. The mouse acts at once, as before.
  let touch = null;  // { id, clientX, clientY, x1, x2, timer }

  function planeAt(event) {
    let [x1, x2] = clientToPlane(event.clientX, event.clientY, pointCanvas.getBoundingClientRect());
    if (x1 < PLANE_LO || x1 > PLANE_HI || x2 < PLANE_LO || x2 > PLANE_HI) return null;
    // 1-D data: drawing gives (x, y) with y in [-1, 1]; picking goes by x alone (points sit at x2 = 0).
    if (snapshot?.curve) x2 = snapshot.drawing ? Math.max(-1, Math.min(1, x2 / CURVE_Y_SCALE)) : 0;
    return [x1, x2];
  }
  function endTouch() {
    clearTimeout(touch?.timer);
    touch = null;
  }
  function onPointerDown(event) {
    if (!snapshot?.drawing && !onPick) return;
    const at = planeAt(event);
    if (!at) return;
    const [x1, x2] = at;
    if (event.pointerType === 'touch') {
      endTouch();
      touch = { id: event.pointerId, clientX: event.clientX, clientY: event.clientY, x1, x2, timer: 0 };
      if (snapshot?.drawing) {
        const radius = FINGER_RADIUS_PX / pointCanvas.getBoundingClientRect().width * (PLANE_HI - PLANE_LO);
        touch.timer = setTimeout(() => { endTouch(); onRemoveNear?.(x1, x2, radius); }, HOLD_MS);
      }
      return;
    }
    if (!snapshot?.drawing) {  // picking a point (the step panel), not drawing one
      if (event.button === 0) onPick(x1, x2);
      return;
    }
    event.preventDefault();
    if (event.button === 2 || event.shiftKey) onRemoveNear?.(x1, x2);
    else if (event.button === 0) onAddPoint?.(x1, x2, { shift: false, button: 0 });
  }
  function onPointerMove(event) {
    if (touch?.id === event.pointerId && Math.hypot(event.clientX - touch.clientX, event.clientY - touch.clientY) > TAP_SLOP_PX) endTouch();
  }
  function onPointerUp(event) {
    if (touch?.id !== event.pointerId) return;
    const { x1, x2 } = touch;
    endTouch();
    if (snapshot?.drawing) onAddPoint?.(x1, x2, { shift: false, button: 0 });
    else onPick?.(x1, x2);
  }
  function onPointerCancel(event) {
    if (touch?.id === event.pointerId) endTouch();
  }
  function onContextMenu(event) {
    if (snapshot?.drawing) event.preventDefault();  // right-click (or a held touch) removes instead
  }
  const listeners = { pointerdown: onPointerDown, pointermove: onPointerMove, pointerup: onPointerUp,
    pointercancel: onPointerCancel, contextmenu: onContextMenu };
  for (const [type, listener] of Object.entries(listeners)) pointCanvas.addEventListener(type, listener);

  setSize(size);
  const stopTextScale = onTextScaleChange(() => setSize(plotSize));  // the axes' labels take their new room

  return {
    element: root,
    /** Draws a snapshot: heatmap every call; points and legend only when they changed. */
    update,
    /** Changes the plot's side in CSS pixels (also re-reads the device pixel ratio). */
    setSize,
    /** Removes the view and its listeners. */
    destroy() {
      endTouch();
      stopTextScale();
      for (const [type, listener] of Object.entries(listeners)) pointCanvas.removeEventListener(type, listener);
      root.remove();
    },
  };
}
