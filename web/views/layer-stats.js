// Per-layer gradient magnitudes and activations while training: a table with |dJ/dW| as a bar on
// a log scale, the mean slope f'(z) each layer multiplies the deltas by, the distribution of its
// activations and of its back-propagated deltas (∂L/∂z) as small histograms, and dead units; under it, |dJ/dW| of every layer over the
// epochs. Vanishing gradients (sigmoid/tanh shrinking them towards the input, saturated units at
// the ends of the histogram) and dead ReLUs show at a glance. Draws engine.layerStats() snapshots
// and their record; computes nothing about the network itself.
import { createChart } from './chart.js';
import { colorTheme, hexToRgb, rgbToHex } from './colors.js';
import { formatNumber, formatFixed, formatPercent } from './format.js';
import { setText } from './dom.js';
import { t } from '../i18n/i18n.js';

const LOG_MIN = -8;  // 1e-8: anything smaller draws as an empty bar
const LOG_MAX = 0;   // 1
const SVG = 'http://www.w3.org/2000/svg';
const HIST_W = 72;
const HIST_H = 20;
// Layer lines run from the panel's side (next to the inputs) to the ink's (the output): depth
// reads as shade, light to dark on the light panel and (per theme) dim to bright on the dark one,
// every line at least 3:1 on its panel.
const RAMPS = { light: ['#9ecae1', '#08306b'], dark: ['#3b82c4', '#c6dbef'] };

// Writes an attribute unless it already holds the value: an unchanged write still costs the
// browser a style recalculation and a repaint of the element.
function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Bar length in [0, 1] for a gradient norm on the log scale 1e-8 .. 1. */
export function logBar(value) {
  if (!(value > 0)) return 0;
  const t = (Math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN);
  return Math.max(0, Math.min(1, t));
}

/** A number of the table, 2 significant digits in the page's format: 3.2×10⁻⁴. */
export function sci(value) {
  return Number.isFinite(value) ? formatNumber(value, { digits: 2 }) : '–';
}

/** A range end for the histogram's axis: −1, 0.5, 12, 1.2×10⁻³. */
export const rangeLabel = sci;

/**
 * Bars of a histogram of fractions in a width × height box, tallest bar full height, every
 * non-empty bin at least one pixel tall so a lone activation still shows.
 * @returns {{ x: number, y: number, width: number, height: number }[]}
 */
export function histogramBars(fractions, width, height) {
  let max = 0;
  for (const f of fractions) if (f > max) max = f;
  const w = width / fractions.length;
  return Array.from(fractions, (f, i) => {
    const h = max > 0 && f > 0 ? Math.max(1, (height * f) / max) : 0;
    return { x: i * w, y: height - h, width: Math.max(0, w - 0.5), height: h };
  });
}

/**
 * Line colour of weight layer `l` of `count`: faint next to the inputs, strong at the output
 * (light to dark in the light theme, dim to bright in the dark one; `theme` defaults to the page's).
 */
export function layerColor(l, count, theme = colorTheme()) {
  const t = count > 1 ? l / (count - 1) : 1;
  const [a, b] = RAMPS[theme === 'dark' ? 'dark' : 'light'].map(hexToRgb);
  return rgbToHex(a.map((v, k) => Math.round(v + (b[k] - v) * t)));
}

function histogramSvg() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(HIST_W));
  svg.setAttribute('height', String(HIST_H));
  svg.setAttribute('viewBox', `0 0 ${HIST_W} ${HIST_H}`);
  svg.setAttribute('preserveAspectRatio', 'none');  // the stylesheet narrows it in a narrow panel: bars narrow, not shorter
  svg.setAttribute('class', 'histogram');
  svg.setAttribute('role', 'img');
  return svg;
}

/**
 * @param {HTMLElement} container
 * @returns {{ update(snapshot: { stats: object[], layerNames: string[], record?: { epochs: number[], norms: number[][] },
 *   outputActivation?: string, loss?: string }): void,
 *   resize(): void }}
 */
export function createLayerStats(container) {
  container.classList.add('layer-stats');
  const table = document.createElement('table');
  table.innerHTML = '<caption></caption><thead><tr><th scope="col">layer</th><th scope="col">|dJ/dW| (log scale)</th>' +
    '<th scope="col" title="mean f′(z): each layer multiplies the deltas passing back by this much">mean f′</th>' +
    '<th scope="col">activations</th><th scope="col" title="δ = ∂L/∂z of each unit for each training example\'s own loss, before the mean over a batch">gradients δ</th>' +
    '<th scope="col">dead</th></tr></thead>';
  // One message: the language translates it whole.
  table.caption.textContent = 'Over the training set, for each weight layer: the size of its gradient (of the data loss alone: without the L1/L2 terms that the hover and step-panel gradients include), the mean slope f′(z) its units pass back, how its activations are spread, and how the gradients backpropagation brings its units, δ = ∂L/∂z of each example\'s loss, are spread (over ±their largest size)';
  const body = document.createElement('tbody');
  table.append(body);
  const chartBox = document.createElement('div');
  chartBox.className = 'layer-history';
  container.append(table, chartBox);
  const chart = createChart(chartBox, { ariaLabel: 'Gradient size of each layer per epoch, log scale' });
  let rows = [];

  function row() {
    const tr = document.createElement('tr');
    tr.innerHTML = '<th scope="row"></th><td><span class="bar"><span class="fill"></span></span>' +
      '<span class="value"></span></td><td class="slope"></td><td class="act"></td><td class="delta"></td><td class="dead"></td>';
    body.append(tr);
    return {
      tr, name: tr.querySelector('th'), fill: tr.querySelector('.fill'), value: tr.querySelector('.value'),
      slope: tr.querySelector('.slope'), act: histogramCell(tr.querySelector('.act')), delta: histogramCell(tr.querySelector('.delta')),
      dead: tr.querySelector('.dead'),
    };
  }

  // The range ends beside the histogram, in a flex box inside the cell: a flex <td> is no longer a
  // table cell, and the browser put both histograms in one column.
  function histogramCell(td) {
    const box = document.createElement('span');
    box.className = 'histogram-cell';
    const lo = document.createElement('span');
    lo.className = 'lo';
    const hi = document.createElement('span');
    hi.className = 'hi';
    const hist = histogramSvg();
    box.append(lo, hist, hi);
    td.append(box);
    return { lo, hi, hist, bars: [] };
  }

  function drawHistogram(h, fractions, low, high, label) {
    const bars = histogramBars(fractions, HIST_W, HIST_H);
    while (h.bars.length < bars.length) {
      const rect = document.createElementNS(SVG, 'rect');
      h.hist.append(rect);
      h.bars.push(rect);
    }
    bars.forEach((b, i) => {
      const rect = h.bars[i];
      setAttr(rect, 'x', b.x.toFixed(2));
      setAttr(rect, 'y', b.y.toFixed(2));
      setAttr(rect, 'width', b.width.toFixed(2));
      setAttr(rect, 'height', b.height.toFixed(2));
    });
    setText(h.lo, rangeLabel(low));
    setText(h.hi, rangeLabel(high));
    setAttr(h.hist, 'aria-label', label);
  }

  function update({ stats, layerNames, record, outputActivation, loss }) {
    // The chart before the table: its text on a canvas would make the browser lay out the page's
    // changes first.
    if (record) {
      chart.update({
        logScale: true, yLabel: '|dJ/dW|',
        series: record.norms.map((ys, l) => ({ name: layerNames[l], color: layerColor(l, record.norms.length), points: { xs: record.epochs, ys } })),
      });
      chartBox.dataset.samples = String(record.epochs.length);
    }
    if (rows.length !== stats.length) {
      body.replaceChildren();
      rows = stats.map(row);
    }
    stats.forEach((s, l) => {
      const r = rows[l];
      setText(r.name, layerNames[l]);
      const fill = `${(100 * logBar(s.gradientNorm)).toFixed(1)}%`;
      if (r.fill.style.width !== fill) r.fill.style.width = fill;
      setText(r.value, sci(s.gradientNorm));
      r.tr.dataset.gradient = String(s.gradientNorm);
      // Softmax has no slope of one unit's own (each output depends on every z): the engine's 1
      // stands for the Jacobian cross-entropy folds away, so the cell says what δ is instead.
      const output = l === stats.length - 1;
      const noSlope = output && outputActivation === 'softmax';
      r.tr.dataset.slope = noSlope ? '' : String(s.slopeMean);
      setText(r.slope, noSlope ? '—' : formatFixed(s.slopeMean, 2));
      setAttr(r.slope, 'title', noSlope
        ? t('softmax has no slope per unit: each output depends on every z. With cross-entropy the output\'s δ = a − y.')
        : output && loss === 'bce' ? t('the sigmoid\'s slope cancels against cross-entropy\'s: the output\'s δ = a − y, not multiplied by f′') : '');
      const mean = formatFixed(s.activationMean, 2), sd = formatFixed(s.activationStd, 2);
      r.tr.title = t('activation mean {mean} ± {sd}', { mean, sd });
      drawHistogram(r.act, s.histogram, s.histogramLow, s.histogramHigh, t('{layer}: activations from {lo} to {hi}, mean {mean}, sd {sd}',
        { layer: layerNames[l], lo: rangeLabel(s.histogramLow), hi: rangeLabel(s.histogramHigh), mean, sd }));
      r.tr.dataset.histogram = Array.from(s.histogram).join(',');
      drawHistogram(r.delta, s.deltaHistogram, s.deltaLow, s.deltaHigh, t('{layer}: gradients δ = ∂L/∂z from {lo} to {hi}, sd {sd}',
        { layer: layerNames[l], lo: rangeLabel(s.deltaLow), hi: rangeLabel(s.deltaHigh), sd: sci(s.deltaStd) }));
      r.tr.dataset.deltaHistogram = Array.from(s.deltaHistogram).join(',');
      r.tr.dataset.deltaStd = String(s.deltaStd);
      r.delta.hist.closest('td').title = t('δ = ∂L/∂z: mean {mean}, sd {sd}, largest |δ| {largest}',
        { mean: sci(s.deltaMean), sd: sci(s.deltaStd), largest: sci(s.deltaMaxAbs) });
      setText(r.dead, formatPercent(s.deadFraction, 0));
    });
  }

  return { update, resize: () => chart.resize() };
}
