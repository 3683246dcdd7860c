// The loss chart: loss per epoch for a few series (train / validation / test), linear or log y,
// an optional accuracy panel under it sharing the epoch axis, a dashed marker line (e.g. the
// early-stopping epoch), a legend in real text, and a hover guide with a tooltip of exact values.
// Redrawn every frame, so long series are reduced to min/max per pixel column before drawing.
// Not here: recording the history (the controller owns it) or computing any loss.
import { formatNumber, formatFixed, formatList, formatPercent, withSeparator } from './format.js';
import { htmlEl } from './dom.js';
import { themeColors } from '../theme.js';
import { pixelRatio, lineScale } from './pixels.js';
import { registerVectorDrawing } from './figure-export.js';
import { textScale, onTextScaleChange } from './text-scale.js';
import { t } from '../i18n/i18n.js';

const FONT_SIZE = 11;  // px at the browsers' default 16 px font size; the text and its room grow with it
// The canvas's colours come from the theme's CSS variables (read per draw, cached per theme).
const TEXT = () => themeColors().muted;
const AXIS = () => themeColors().lineStrong;
const GRID = () => themeColors().track;
const GRID_MINOR = () => themeColors().subtle;
const EMPTY_TEXT = () => themeColors().muted;

// ---------------------------------------------------------------------------------------------
// Pure helpers (unit-tested in Node)

/**
 * A "nice" tick step (1, 2 or 5 times a power of ten) giving at most maxCount ticks in [min, max].
 * @returns {number} step > 0, or NaN for an empty / non-finite range
 */
export function niceStep(min, max, maxCount = 5) {
  const span = Math.abs(max - min);
  if (!Number.isFinite(span) || span === 0) return NaN;
  const count = Math.max(2, Math.floor(maxCount));
  let step = 10 ** Math.floor(Math.log10(span / (count - 1)));
  for (let guard = 0; guard < 8; ++guard) {
    for (const m of [1, 2, 5]) {
      const s = m * step;
      const lo = Math.min(min, max), hi = Math.max(min, max);
      if (Math.floor(hi / s + 1e-9) - Math.ceil(lo / s - 1e-9) + 1 <= count) return s;
    }
    step *= 10;
  }
  return NaN;
}

// k * step without binary noise (0.30000000000000004 → 0.3): steps are m * 10^e, m in {1,2,5}.
function multiple(k, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return decimals ? Number((k * step).toFixed(decimals)) : k * step;
}

/**
 * Round tick values (multiples of a 1/2/5 step) inside [min, max], at most maxCount of them
 * (at least 2 are aimed for). min === max gives [min]; a non-finite bound gives [].
 * @returns {number[]} ascending
 */
export function niceTicks(min, max, maxCount = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) return [min];
  const step = niceStep(min, max, maxCount);
  const ticks = [];
  for (let k = Math.ceil(min / step - 1e-9); k <= Math.floor(max / step + 1e-9); ++k) {
    ticks.push(multiple(k, step) + 0);  // + 0 turns -0 into 0
  }
  return ticks;
}

/**
 * [min, max] widened outwards to multiples of the nice step (for an axis that starts and ends
 * on a tick). A zero-width range is widened to a unit around it.
 */
export function niceDomain(min, max, maxCount = 5) {
  if (min === max) return min === 0 ? [0, 1] : [min - Math.abs(min) / 2, max + Math.abs(max) / 2];
  const step = niceStep(min, max, maxCount);
  return [multiple(Math.floor(min / step + 1e-9), step), multiple(Math.ceil(max / step - 1e-9), step)];
}

/**
 * Decade ticks (powers of ten) covering [min, max] for a log axis: from the decade at or below
 * min to the one at or above max. When there are more than maxCount decades, every 2nd, 3rd...
 * decade is kept so the labels stay readable. Non-positive or non-finite bounds give [].
 * @returns {number[]} ascending powers of ten; the first and last are the axis domain
 */
export function logTicks(min, max, maxCount = 6) {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  const lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi === lo) hi = lo + 1;
  const stride = Math.max(1, Math.ceil((hi - lo) / Math.max(1, maxCount - 1)));
  const ticks = [];
  for (let k = lo; ; k += stride) {
    ticks.push(Number(`1e${k}`));  // exact decimal, unlike 10 ** -3
    if (k >= hi) break;
  }
  return ticks;
}

/**
 * Index of the element of ascending xs nearest to x (binary search; ties go to the lower index).
 * @returns {number} -1 when xs is empty or x is NaN
 */
export function nearestIndex(xs, x) {
  const n = xs.length;
  if (n === 0 || Number.isNaN(x)) return -1;
  let lo = 0, hi = n - 1;
  if (x <= xs[0]) return 0;
  if (x >= xs[hi]) return hi;
  while (hi - lo > 1) {  // invariant: xs[lo] < x < xs[hi]
    const mid = (lo + hi) >> 1;
    if (xs[mid] === x) return mid;
    if (xs[mid] < x) lo = mid; else hi = mid;
  }
  return x - xs[lo] <= xs[hi] - x ? lo : hi;
}

/**
 * Reduces a line to at most 2 points per pixel column, keeping each column's minimum and maximum
 * in their original order so spikes stay visible. NaN values are skipped; a column holding only
 * NaN yields one NaN point so the line still breaks there. The inputs are not modified; when they
 * already have at most 2 points per column they are returned as they are.
 * @param {ArrayLike<number>} xs ascending
 * @param {ArrayLike<number>} ys
 * @param {number} pixelWidth number of columns
 * @param {number} [x0=xs[0]] x of the left edge of column 0
 * @param {number} [x1=xs[last]] x of the right edge of the last column
 * @param {boolean} [positiveOnly=false] treat values <= 0 like NaN (for a log axis)
 * @returns {{ xs: ArrayLike<number>, ys: ArrayLike<number> }}
 */
export function downsample(xs, ys, pixelWidth, x0 = xs[0], x1 = xs[xs.length - 1], positiveOnly = false) {
  const n = Math.min(xs.length, ys.length);
  const columns = Math.max(1, Math.floor(pixelWidth));
  if (n <= 2 * columns) {
    if (!positiveOnly) return { xs, ys };
    const out = Float64Array.from({ length: n }, (_, i) => (ys[i] > 0 ? ys[i] : NaN));
    return { xs, ys: out };
  }
  const outX = new Float64Array(2 * columns + 2);
  const outY = new Float64Array(2 * columns + 2);
  let m = 0;
  const scale = x1 > x0 ? columns / (x1 - x0) : 0;
  let column = -1, iMin = -1, iMax = -1, sawNaN = false;
  const flush = () => {
    if (iMin < 0) {
      if (sawNaN) { outX[m] = outX[m - 1] ?? xs[0]; outY[m++] = NaN; }
      return;
    }
    const a = Math.min(iMin, iMax), b = Math.max(iMin, iMax);
    outX[m] = xs[a]; outY[m++] = ys[a];
    if (b !== a) { outX[m] = xs[b]; outY[m++] = ys[b]; }
  };
  for (let i = 0; i < n; ++i) {
    let c = Math.floor((xs[i] - x0) * scale);
    c = c < 0 ? 0 : c >= columns ? columns - 1 : c;
    if (c !== column) {
      if (column >= 0) flush();
      column = c; iMin = iMax = -1; sawNaN = false;
    }
    const y = ys[i];
    if (y !== y || (positiveOnly && y <= 0)) { sawNaN = true; continue; }
    if (iMin < 0 || y < ys[iMin]) iMin = i;
    if (iMax < 0 || y > ys[iMax]) iMax = i;
  }
  flush();
  return { xs: outX.subarray(0, m), ys: outY.subarray(0, m) };
}

/** A value with 4 significant digits in the page's format ('0.1234', '1.235×10⁻⁷'); NaN/undefined → '–'. */
export function formatValue(v) {
  return formatNumber(typeof v === 'number' ? v : NaN, { digits: 4, missing: '–' });
}

/**
 * Normalises a series' points to { xs, ys } without copying when possible.
 * Accepts an interleaved [x0, y0, x1, y1, ...] (typed) array, an array of [x, y] pairs, or
 * { xs, ys }.
 */
export function seriesXY(points) {
  if (!points) return { xs: [], ys: [] };
  if (points.xs && points.ys) return points;
  const n = points.length;
  if (n > 0 && typeof points[0] === 'object' && points[0] !== null) {
    const xs = new Float64Array(n), ys = new Float64Array(n);
    for (let i = 0; i < n; ++i) { xs[i] = points[i][0]; ys[i] = points[i][1]; }
    return { xs, ys };
  }
  const half = n >> 1;
  const xs = new Float64Array(half), ys = new Float64Array(half);
  for (let i = 0; i < half; ++i) { xs[i] = points[2 * i]; ys[i] = points[2 * i + 1]; }
  return { xs, ys };
}

// Axis label for a tick, with as many decimals as the step needs, in the language's format; 12000 → '12k'.
function tickLabel(v, step) {
  if (Math.abs(v) >= 1e4 && step >= 1000) return `${withSeparator(Number((v / 1000).toFixed(Math.max(0, -Math.floor(Math.log10(step / 1000) + 1e-9)))))}k`;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return formatFixed(v, decimals);
}

/**
 * Where to centre a label of `labelWidth` meant to be centred on `x`, so that all of it stays on a
 * canvas `width` wide, `inset` pixels from its edges: on x, or moved in just enough (the last x
 * tick sits on the plot's right edge, with less room beyond it than half a label such as 0.010).
 */
export function fitLabel(x, labelWidth, width, inset = 2) {
  return Math.max(labelWidth / 2 + inset, Math.min(x, width - labelWidth / 2 - inset));
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
function decadeLabel(v) {
  const k = Math.round(Math.log10(v));
  if (k >= -3 && k <= 3) return withSeparator(Number(`1e${k}`));
  return '10' + String(k).split('').map((c) => SUPERSCRIPT[c]).join('');
}

// ---------------------------------------------------------------------------------------------
// The chart (DOM)

const dashPattern = (dash) => (Array.isArray(dash) ? dash : dash ? [5, 4] : []);
/** The CSS border style that draws a series' dash as a swatch (the legend's and the readout's). */
export const swatchStyle = (dash) => {
  const pattern = dashPattern(dash);
  return pattern.length === 0 ? 'solid' : pattern[0] <= 2 ? 'dotted' : 'dashed';
};

/**
 * The legend's entries: one per style (colour and dash), named by the series' `legend` name
 * (else its name). The panels are titled on the canvas, so test loss and test accuracy drawn
 * alike are one entry, "test", not two.
 * @param {ChartSeries[]} series
 * @returns {{ name: string, color: string, dash: number[] }[]}
 */
export function legendEntries(series) {
  const seen = new Set();
  const out = [];
  for (const s of series) {
    const name = s.legend ?? s.name;
    const dash = dashPattern(s.dash);
    const key = `${name}|${s.color}|${dash.join(',')}`;
    if (!seen.has(key)) { seen.add(key); out.push({ name, color: s.color, dash }); }
  }
  return out;
}

const el = htmlEl;

/**
 * Builds the chart inside `container` (give the container a height in rem, e.g. 11.875rem, so its
 * drawn labels have room as the text grows; without one the chart is 9.375rem tall, 150 px at the
 * default font size). The canvas follows the container's size and the device pixel ratio.
 * @param {HTMLElement} container
 * @param {{ ariaLabel?: string }} [options]
 * @returns {{ update(snapshot: ChartSnapshot): void, resize(): void, destroy(): void, element: HTMLElement }}
 *
 * @typedef {{ name: string, legend?: string, color: string, dash?: boolean|number[],
 *             points: Float64Array|number[]|number[][]|{xs, ys} }} ChartSeries
 *   legend: the legend's name for this style (default name); series alike in both panels share it.
 *   points: interleaved x, y (x = epoch), or [epoch, value] pairs, or { xs, ys }; xs ascending.
 * @typedef {{ series: ChartSeries[], logScale?: boolean, yLabel?: string, xLabel?: string,
 *             marker?: null|{ x: number, label?: string },
 *             accuracy?: null|{ series: ChartSeries[], yLabel?: string } }} ChartSnapshot
 *   accuracy: an optional small panel under the loss (0–100 %, values as fractions 0..1).
 */
export function createChart(container, { ariaLabel = 'Loss per epoch' } = {}) {
  const root = el('div', {
    position: 'relative', width: '100%', height: '100%', display: 'flex', flexDirection: 'column',
    minHeight: '9.375rem',  // 150 px at 16 px: the labels drawn in it grow with the text
  }, 'chart');
  const legend = el('div', {
    display: 'flex', flexWrap: 'wrap', gap: '0.125rem 0.875rem', fontSize: '0.75rem', lineHeight: '1rem',
    color: 'var(--ink)', padding: '0 0.25rem 0.125rem 0.25rem', minHeight: '1rem',
  }, 'chart-legend');
  const plot = el('div', { position: 'relative', flex: '1 1 auto', minHeight: '5.625rem' }, 'chart-plot');
  const canvas = el('canvas', { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', display: 'block' });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', ariaLabel);
  const tooltip = el('div', {
    position: 'absolute', display: 'none', pointerEvents: 'none', zIndex: '2',
    background: 'var(--panel)', border: '1px solid var(--line)', borderRadius: '4px',
    boxShadow: '0 1px 4px rgba(0,0,0,0.15)', padding: '0.25rem 0.5rem', fontSize: '0.75rem',
    lineHeight: '1.0625rem', color: 'var(--ink)', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums',
  }, 'chart-tooltip');
  tooltip.setAttribute('aria-hidden', 'true');
  plot.append(canvas, tooltip);
  root.append(legend, plot);
  container.append(root);

  let ctx = canvas.getContext('2d');
  // An exported figure replays the drawing on a recording context: lines and text stay vectors.
  registerVectorDrawing(canvas, (recorder) => {
    const screen = ctx, screenFont = fontSet;
    ctx = recorder;
    fontSet = '';
    try { draw(); } finally { ctx = screen; fontSet = screenFont; }
  });
  let width = 0, height = 0, dpr = 1, lines = 1;
  let snapshot = null;
  let hoverPx = null;     // pointer x in CSS px inside the canvas, or null
  let legendKey = '';
  let layout = null;      // last drawn geometry, for hover

  function resize() {
    dpr = pixelRatio(canvas);
    lines = lineScale(container);
    family = getComputedStyle(container).fontFamily || family;
    k = textScale();
    width = Math.max(1, plot.clientWidth);
    height = Math.max(1, plot.clientHeight);
    const w = Math.round(width * dpr), h = Math.round(height * dpr);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    fontSet = '';  // a resized canvas starts from the default state
    widths.clear();  // and the page's font may have changed
    draw();
  }

  function updateLegend(all) {
    const items = legendEntries(all);
    const key = items.map((s) => `${s.name}|${s.color}|${s.dash}`).join(';');
    if (key === legendKey) return;
    legendKey = key;
    legend.replaceChildren(...items.map((s) => {
      const item = el('span', { display: 'inline-flex', alignItems: 'center', gap: '5px' }, 'chart-legend-item');
      const swatch = el('span', {
        display: 'inline-block', width: '18px', height: '0', borderTop: `2.5px ${swatchStyle(s.dash)} ${s.color}`,
      });
      item.append(swatch, document.createTextNode(s.name));
      return item;
    }));
  }

  // Series arrive every frame, usually the same growing arrays: keep their { xs, ys } copies
  // and only append what is new (a different array, or a shorter one, is copied afresh).
  let cache = new Map();
  let nextCache = new Map();
  const same = (a, b) => a === b || (a !== a && b !== b);  // NaN equals NaN here
  function samePoint(points, pairs, i, c) {
    const x = pairs ? points[i][0] : points[2 * i], y = pairs ? points[i][1] : points[2 * i + 1];
    return same(x, c.xs[i]) && same(y, c.ys[i]);
  }
  function normalised(points) {
    if (!points || points.xs) return seriesXY(points);
    const pairs = points.length > 0 && typeof points[0] === 'object';
    const n = pairs ? points.length : points.length >> 1;
    let c = cache.get(points) || nextCache.get(points);
    // Shrunk, or rewritten in place (the last point we copied differs now)? Copy afresh.
    const stale = c && (c.n > n || (c.n > 0 && !samePoint(points, pairs, c.n - 1, c)));
    if (!c || stale) c = { n: 0, xs: new Float64Array(Math.max(16, n)), ys: new Float64Array(Math.max(16, n)) };
    if (n > c.xs.length) {  // grow by doubling: appends stay O(1) amortised
      const size = Math.max(n, 2 * c.xs.length);
      const xs = new Float64Array(size), ys = new Float64Array(size);
      xs.set(c.xs.subarray(0, c.n)); ys.set(c.ys.subarray(0, c.n));
      c.xs = xs; c.ys = ys;
    }
    for (let i = c.n; i < n; ++i) {
      if (pairs) { c.xs[i] = points[i][0]; c.ys[i] = points[i][1]; } else { c.xs[i] = points[2 * i]; c.ys[i] = points[2 * i + 1]; }
    }
    c.n = n;
    nextCache.set(points, c);
    return { xs: c.xs.subarray(0, n), ys: c.ys.subarray(0, n) };
  }

  let family = 'system-ui, sans-serif';  // the page's font, read on resize (not every frame)
  let k = 1;  // views/text-scale.js's scale, likewise
  const font = (size = FONT_SIZE) => `${size * k}px ${family}`;
  // Setting a canvas's font makes the browser bring the page's style up to date first (a forced
  // style recalculation, most of a frame's drawing time here): set it only when it changes.
  let fontSet = '';
  const useFont = (size) => {
    const f = font(size);
    if (f !== fontSet) { ctx.font = f; fontSet = f; }
  };
  // measureText too: the tick labels' widths, kept per font and text (the labels repeat).
  const widths = new Map();
  const textWidth = (text) => {
    const key = `${fontSet}\u0000${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (widths.size > 500) widths.clear();
      widths.set(key, (w = ctx.measureText(text).width));
    }
    return w;
  };

  // Everything needed to draw one panel: its series (normalised), scale, domain and ticks.
  function preparePanel(series, logScale, isAccuracy) {
    const data = series.map((s) => ({ ...s, ...normalised(s.points) }));
    let lo = Infinity, hi = -Infinity;
    for (const d of data) {
      for (let i = 0; i < d.ys.length; ++i) {
        const y = d.ys[i];
        if (!Number.isFinite(y) || (logScale && y <= 0)) continue;
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    }
    const empty = !(lo <= hi);
    if (isAccuracy) return { data, log: false, domain: [0, 1], ticks: [0, 0.5, 1], labels: [0, 0.5, 1].map((v) => formatPercent(v, 0)), empty };
    if (logScale) {
      const ticks = empty ? [0.01, 0.1, 1] : logTicks(lo, hi);
      const decades = Math.round(Math.log10(ticks[ticks.length - 1] / ticks[0]));
      const labels = ticks.map(decadeLabel);
      // One decade only: label 2 and 5 as well so the axis is readable.
      const extra = decades === 1 ? [2, 5].map((m) => m * ticks[0]) : [];
      return { data, log: true, domain: [ticks[0], ticks[ticks.length - 1]], ticks: [...ticks, ...extra], labels: [...labels, ...extra.map((v) => withSeparator(Number(v.toPrecision(2))))], minor: decades <= 4, empty };
    }
    if (empty) { lo = 0; hi = 1; }
    if (lo >= 0) lo = 0;  // losses are >= 0: anchor the axis at zero so heights compare honestly
    const domain = niceDomain(lo, hi, 5);
    const ticks = niceTicks(domain[0], domain[1], 5);
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    return { data, log: false, domain, ticks, labels: ticks.map((t) => tickLabel(t, step)), empty };
  }

  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!snapshot) return;
    const lossPanel = preparePanel(snapshot.series || [], !!snapshot.logScale, false);
    const accSeries = snapshot.accuracy?.series || [];
    const accPanel = accSeries.length ? preparePanel(accSeries, false, true) : null;

    // x domain: union of every series' first..last epoch.
    let x0 = Infinity, x1 = -Infinity;
    for (const d of [...lossPanel.data, ...(accPanel?.data || [])]) {
      const n = d.xs.length;
      if (!n) continue;
      if (d.xs[0] < x0) x0 = d.xs[0];
      if (d.xs[n - 1] > x1) x1 = d.xs[n - 1];
    }
    if (!(x0 <= x1)) { x0 = 0; x1 = 1; }
    if (x0 === x1) x1 = x0 + 1;
    const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(width / (70 * k))));
    const xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : 1;

    useFont();
    const labelWidth = Math.max(...[...lossPanel.labels, ...(accPanel?.labels || [])].map(textWidth));
    const left = Math.ceil(labelWidth) + 8 + Math.round(16 * k);  // tick labels + gap + rotated axis title
    const right = 12;
    const top = snapshot.marker ? Math.round(4 + 10 * k) : 6;  // room for the marker's label
    const bottom = Math.round(30 * k);
    const plotW = Math.max(10, width - left - right);
    const available = Math.max(20, height - top - bottom);
    const gap = Math.round(16 * k);  // the two panels' facing tick labels apart
    const accH = accPanel ? Math.max(Math.round(28 * k), Math.round(available * 0.3)) : 0;
    const lossH = accPanel ? available - accH - gap : available;
    const px = (x) => left + ((x - x0) / (x1 - x0)) * plotW;

    /** @type {(typeof lossPanel & { y: number, h: number, title: string, py?: (v: number) => number })[]} */
    const panels = [{ ...lossPanel, y: top, h: lossH, title: snapshot.yLabel ?? (snapshot.logScale ? 'loss (log)' : 'loss') }];
    if (accPanel) panels.push({ ...accPanel, y: top + lossH + gap, h: accH, title: snapshot.accuracy.yLabel ?? 'accuracy' });
    for (const p of panels) {
      const [d0, d1] = p.log ? p.domain.map(Math.log10) : p.domain;
      p.py = (v) => {
        const t = ((p.log ? Math.log10(v) : v) - d0) / (d1 - d0);
        return p.y + p.h - t * p.h;
      };
    }
    layout = { left, plotW, x0, x1, top, bottom: panels[panels.length - 1].y + panels[panels.length - 1].h, panels };

    for (const p of panels) drawPanelFrame(p, left, plotW);
    // x axis ticks under the last panel.
    const last = panels[panels.length - 1];
    const axisY = last.y + last.h;
    ctx.fillStyle = TEXT();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.strokeStyle = AXIS();
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of xTicks) {
      const x = Math.round(px(t)) + 0.5;
      ctx.moveTo(x, axisY); ctx.lineTo(x, axisY + 4);
      const label = tickLabel(t, xStep);
      ctx.fillText(label, fitLabel(x, textWidth(label), width), axisY + 5);
    }
    ctx.stroke();
    ctx.fillText(snapshot.xLabel ?? t('epoch'), left + plotW / 2, axisY + 5 + Math.round(12 * k));

    // Vertical grid lines at the x ticks, in every panel.
    ctx.strokeStyle = GRID();
    ctx.beginPath();
    for (const p of panels) {
      for (const t of xTicks) {
        const x = Math.round(px(t)) + 0.5;
        if (x > left + 1) { ctx.moveTo(x, p.y); ctx.lineTo(x, p.y + p.h); }
      }
    }
    ctx.stroke();

    for (const p of panels) drawSeries(p, px, left, plotW);
    if (lossPanel.empty && !accPanel) {
      ctx.fillStyle = EMPTY_TEXT();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('No losses yet: train to see them here', left + plotW / 2, top + lossH / 2);
    }
    if (snapshot.marker && Number.isFinite(snapshot.marker.x)) drawMarker(snapshot.marker, px, panels, left, plotW);
    drawHover(panels, px);
  }

  function drawPanelFrame(p, left, plotW) {
    ctx.lineWidth = 1;
    // Minor log gridlines (2..9 x 10^k) help reading values between decades.
    if (p.log && p.minor) {
      ctx.strokeStyle = GRID_MINOR();
      ctx.beginPath();
      for (let d = p.domain[0]; d < p.domain[1] * 0.999; d *= 10) {
        for (let m = 2; m <= 9; ++m) {
          const y = Math.round(p.py(m * d)) + 0.5;
          ctx.moveTo(left, y); ctx.lineTo(left + plotW, y);
        }
      }
      ctx.stroke();
    }
    ctx.strokeStyle = GRID();
    ctx.fillStyle = TEXT();
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.beginPath();
    p.ticks.forEach((t, i) => {
      const y = Math.round(p.py(t)) + 0.5;
      ctx.moveTo(left, y); ctx.lineTo(left + plotW, y);
      ctx.fillText(p.labels[i], left - 6, y);
    });
    ctx.stroke();
    // Axes: left and bottom.
    ctx.strokeStyle = AXIS();
    ctx.beginPath();
    ctx.moveTo(left + 0.5, p.y); ctx.lineTo(left + 0.5, p.y + p.h + 0.5);
    ctx.lineTo(left + plotW, p.y + p.h + 0.5);
    ctx.stroke();
    // Rotated axis title, centred on the panel.
    ctx.save();
    ctx.translate(Math.round(9 * k), p.y + p.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(p.title, 0, 0);
    ctx.restore();
  }

  function drawSeries(p, px, left, plotW) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, p.y - 2, plotW + 2, p.h + 4);
    ctx.clip();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const d of p.data) {
      const n = d.xs.length;
      if (!n) continue;
      // Non-positive values have no log: downsample turns them into gaps.
      const reduced = downsample(d.xs, d.ys, Math.ceil(plotW * dpr), layout.x0, layout.x1, p.log);
      ctx.strokeStyle = d.color;
      ctx.fillStyle = d.color;
      ctx.lineWidth = 1.75 * lines;
      ctx.setLineDash(dashPattern(d.dash));
      ctx.beginPath();
      let pen = false, drawn = 0, lastX = 0, lastY = 0;
      for (let i = 0; i < reduced.xs.length; ++i) {
        const y = reduced.ys[i];
        if (!Number.isFinite(y)) { pen = false; continue; }
        const X = px(reduced.xs[i]), Y = p.py(y);
        if (pen) ctx.lineTo(X, Y); else ctx.moveTo(X, Y);
        pen = true; drawn++; lastX = X; lastY = Y;
      }
      ctx.stroke();
      ctx.setLineDash([]);
      if (drawn === 1) {  // a single point has no line to show
        ctx.beginPath();
        ctx.arc(lastX, lastY, 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.restore();
  }

  function drawMarker(marker, px, panels, left, plotW) {
    const x = Math.round(px(marker.x)) + 0.5;
    if (x < left - 1 || x > left + plotW + 1) return;
    const bottom = panels[panels.length - 1].y + panels[panels.length - 1].h;
    ctx.save();
    ctx.strokeStyle = themeColors().muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, panels[0].y - 2);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.restore();
    if (marker.label) {
      useFont(10);
      ctx.fillStyle = themeColors().ink;
      ctx.textBaseline = 'bottom';
      const w = textWidth(marker.label);
      const flip = x + 4 + w > left + plotW;
      ctx.textAlign = flip ? 'right' : 'left';
      ctx.fillText(marker.label, flip ? x - 4 : x + 4, panels[0].y + 1 - 2 + 0);
      useFont();
    }
  }

  // The epoch under the pointer: the nearest recorded x among all series.
  function hoverEpoch(panels) {
    if (hoverPx === null || !layout) return null;
    const x = layout.x0 + ((hoverPx - layout.left) / layout.plotW) * (layout.x1 - layout.x0);
    let best = null;
    for (const p of panels) {
      for (const d of p.data) {
        const i = nearestIndex(d.xs, x);
        if (i >= 0 && (best === null || Math.abs(d.xs[i] - x) < Math.abs(best - x))) best = d.xs[i];
      }
    }
    return best;
  }

  function drawHover(panels, px) {
    const epoch = hoverEpoch(panels);
    if (epoch === null) { tooltip.style.display = 'none'; return; }
    const x = Math.round(px(epoch)) + 0.5;
    ctx.strokeStyle = themeColors().muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, panels[0].y);
    ctx.lineTo(x, panels[panels.length - 1].y + panels[panels.length - 1].h);
    ctx.stroke();
    const rows = [];
    for (const p of panels) {
      for (const d of p.data) {
        const i = nearestIndex(d.xs, epoch);
        if (i < 0) continue;
        const v = d.ys[i];
        rows.push({ name: d.legend ?? d.name, color: d.color, dash: d.dash, text: p === panels[0] ? formatValue(v) : formatPercent(v, 1), accuracy: p !== panels[0] });
        if (Number.isFinite(v) && (!p.log || v > 0)) {
          ctx.beginPath();
          ctx.arc(x, p.py(v), 3, 0, 2 * Math.PI);
          ctx.fillStyle = themeColors().panel;
          ctx.fill();
          ctx.strokeStyle = d.color;
          ctx.lineWidth = 1.75;
          ctx.stroke();
        }
      }
    }
    // Tooltip (real text), kept inside the plot.
    const title = el('div', { fontWeight: '600', marginBottom: '1px' });
    title.textContent = `${snapshot.xLabel ?? t('epoch')} ${formatEpoch(epoch)}`;
    const lines = rows.map((r) => {
      const line = el('div', { display: 'flex', alignItems: 'center', gap: '6px' });
      const sw = el('span', { display: 'inline-block', width: '10px', height: '0', borderTop: `2.5px ${swatchStyle(r.dash)} ${r.color}` });
      const name = el('span', { flex: '1 1 auto', color: 'var(--ink)' });
      name.textContent = r.accuracy ? t('{series} accuracy', { series: r.name }) : r.name;
      const value = el('span', { marginLeft: '10px', fontWeight: '600' });
      value.textContent = r.text;
      line.append(sw, name, value);
      return line;
    });
    tooltip.replaceChildren(title, ...lines);
    tooltip.style.display = 'block';
    const tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
    let left = x + 12;
    if (left + tw > width - 2) left = x - 12 - tw;
    tooltip.style.left = `${Math.max(2, left)}px`;
    tooltip.style.top = `${Math.max(0, Math.min(height - th - 2, layout.top + 4))}px`;
  }

  // The latest value of each series, for screen readers.
  function describe(next) {
    const parts = (next.series || []).map((s) => {
      const p = s.points;
      const n = p?.ys ? p.ys.length : p?.length ?? 0;
      if (!n) return null;
      const last = p.ys ? p.ys[n - 1] : typeof p[0] === 'object' ? p[n - 1][1] : p[n - 1];
      return `${s.legend ?? s.name} ${formatValue(last)}`;
    }).filter(Boolean);
    return parts.length ? t('{chart}. Latest: {values}', { chart: t(ariaLabel), values: formatList(parts) }) : t(ariaLabel);
  }

  const formatEpoch = (e) => (Number.isInteger(e) ? String(e) : withSeparator(Number(e.toFixed(3))));

  function onMove(event) {
    const rect = canvas.getBoundingClientRect();
    const x = (event.clientX - rect.left) * (width / rect.width);
    // Anywhere over the canvas counts: the margins snap to the first / last epoch.
    hoverPx = layout ? Math.max(layout.left, Math.min(layout.left + layout.plotW, x)) : null;
    draw();
  }
  function onLeave() {
    hoverPx = null;
    draw();
  }
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerdown', onMove);
  canvas.addEventListener('pointerleave', onLeave);

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resize()) : null;
  observer?.observe(plot);
  const stopTextScale = onTextScaleChange(() => resize());  // a new default font size resizes nothing
  resize();

  return {
    element: root,
    /** Draws a new snapshot (cheap enough for every frame). */
    update(next) {
      snapshot = next;
      cache = nextCache;      // entries used by the last snapshot survive; the rest are dropped
      nextCache = new Map();
      updateLegend([...(next.series || []), ...(next.accuracy?.series || [])]);
      canvas.setAttribute('aria-label', describe(next));
      draw();
    },
    /** Re-measures the container (also done automatically when it changes size). */
    resize,
    /** Removes the chart and its listeners. */
    destroy() {
      observer?.disconnect();
      stopTextScale();
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerdown', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      root.remove();
    },
  };
}
