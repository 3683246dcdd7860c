// Per-layer gradient magnitudes and activations while training: a table with |dJ/dW| as a bar on
// a log scale, the mean slope f'(z) each layer multiplies the deltas by, the distribution of its
// activations as a small histogram, and dead units; under it, |dJ/dW| of every layer over the
// epochs. Vanishing gradients (sigmoid/tanh shrinking them towards the input, saturated units at
// the ends of the histogram) and dead ReLUs show at a glance. Draws engine.layerStats() snapshots
// and their record; computes nothing about the network itself.
import { createChart } from './chart.js';
import { hexToRgb, rgbToHex } from './colors.js';

const LOG_MIN = -8;  // 1e-8: anything smaller draws as an empty bar
const LOG_MAX = 0;   // 1
const SVG = 'http://www.w3.org/2000/svg';
const HIST_W = 72;
const HIST_H = 20;
// Layer lines run from light (next to the inputs) to dark (the output): depth reads as shade.
const SHALLOW = '#9ecae1';
const DEEP = '#08306b';

/** Bar length in [0, 1] for a gradient norm on the log scale 1e-8 .. 1. */
export function logBar(value) {
  if (!(value > 0)) return 0;
  const t = (Math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN);
  return Math.max(0, Math.min(1, t));
}

/** Short scientific notation for the table: 3.2e-4. */
export function sci(value) {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  return value.toExponential(1).replace('e+', 'e');
}

/** A range end for the histogram's axis: -1, 0.5, 12, 1.2e3. */
export function rangeLabel(v) {
  if (!Number.isFinite(v)) return '–';
  return Math.abs(v) >= 1e3 || (v !== 0 && Math.abs(v) < 1e-2) ? sci(v) : String(Number(v.toPrecision(2))).replace('-', '−');
}

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

/** Line colour of weight layer `l` of `count`: light next to the inputs, dark at the output. */
export function layerColor(l, count) {
  const t = count > 1 ? l / (count - 1) : 1;
  const a = hexToRgb(SHALLOW), b = hexToRgb(DEEP);
  return rgbToHex(a.map((v, k) => Math.round(v + (b[k] - v) * t)));
}

function histogramSvg() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', HIST_W);
  svg.setAttribute('height', HIST_H);
  svg.setAttribute('viewBox', `0 0 ${HIST_W} ${HIST_H}`);
  svg.setAttribute('class', 'histogram');
  svg.setAttribute('role', 'img');
  return svg;
}

/**
 * @param {HTMLElement} container
 * @returns {{ update(snapshot: { stats: object[], layerNames: string[], record?: { epochs: number[], norms: number[][] } }) }}
 */
export function createLayerStats(container) {
  container.classList.add('layer-stats');
  const table = document.createElement('table');
  table.innerHTML = '<caption>Over the training set, for each weight layer: the size of its gradient (of the data ' +
    'loss alone: without the L1/L2 terms that engine.gradient() and the step panel include), the mean slope ' +
    'f′(z) its units pass back, and how its activations are spread</caption>' +
    '<thead><tr><th scope="col">layer</th><th scope="col">|dJ/dW| (log scale)</th>' +
    '<th scope="col" title="mean f′(z): each layer multiplies the deltas passing back by this much">mean f′</th>' +
    '<th scope="col">activations</th><th scope="col">dead</th></tr></thead>';
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
      '<span class="value"></span></td><td class="slope"></td><td class="act"><span class="lo"></span></td><td class="dead"></td>';
    const hist = histogramSvg();
    const act = tr.querySelector('.act');
    const hi = document.createElement('span');
    hi.className = 'hi';
    act.append(hist, hi);
    body.append(tr);
    return {
      tr, name: tr.querySelector('th'), fill: tr.querySelector('.fill'), value: tr.querySelector('.value'),
      slope: tr.querySelector('.slope'), lo: act.querySelector('.lo'), hi, hist, bars: [], dead: tr.querySelector('.dead'),
    };
  }

  function drawHistogram(r, s, name) {
    const bars = histogramBars(s.histogram, HIST_W, HIST_H);
    while (r.bars.length < bars.length) {
      const rect = document.createElementNS(SVG, 'rect');
      r.hist.append(rect);
      r.bars.push(rect);
    }
    bars.forEach((b, i) => {
      const rect = r.bars[i];
      rect.setAttribute('x', b.x.toFixed(2));
      rect.setAttribute('y', b.y.toFixed(2));
      rect.setAttribute('width', b.width.toFixed(2));
      rect.setAttribute('height', b.height.toFixed(2));
    });
    r.lo.textContent = rangeLabel(s.histogramLow);
    r.hi.textContent = rangeLabel(s.histogramHigh);
    r.hist.setAttribute('aria-label', `${name}: activations from ${rangeLabel(s.histogramLow)} to ${rangeLabel(s.histogramHigh)}, ` +
      `mean ${s.activationMean.toFixed(2)}, sd ${s.activationStd.toFixed(2)}`);
    r.tr.dataset.histogram = Array.from(s.histogram).join(',');
  }

  function update({ stats, layerNames, record }) {
    if (rows.length !== stats.length) {
      body.replaceChildren();
      rows = stats.map(row);
    }
    stats.forEach((s, l) => {
      const r = rows[l];
      r.name.textContent = layerNames[l];
      r.fill.style.width = `${(100 * logBar(s.gradientNorm)).toFixed(1)}%`;
      r.value.textContent = sci(s.gradientNorm);
      r.tr.dataset.gradient = String(s.gradientNorm);
      r.tr.dataset.slope = String(s.slopeMean);
      r.slope.textContent = Number.isFinite(s.slopeMean) ? s.slopeMean.toFixed(2) : '–';
      r.tr.title = `activation mean ${s.activationMean.toFixed(2)} ± ${s.activationStd.toFixed(2)}`;
      drawHistogram(r, s, layerNames[l]);
      r.dead.textContent = `${Math.round(100 * s.deadFraction)}%`;
    });
    if (record) {
      chartBox.dataset.samples = String(record.epochs.length);
      chart.update({
        logScale: true, yLabel: '|dJ/dW|',
        series: record.norms.map((ys, l) => ({ name: layerNames[l], color: layerColor(l, record.norms.length), points: { xs: record.epochs, ys } })),
      });
    }
  }

  return { update, resize: () => chart.resize() };
}
