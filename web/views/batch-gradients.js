// The per-example gradients of one parameter in a mini-batch step, as a bar chart with their
// mean: what the batch average averages. One bar per example (blue positive, orange negative, as
// on the network), a dashed line at the mean, the example the diagram follows outlined; a bar
// is a button that makes the diagram follow its example. Returns SVG markup for innerHTML;
// draws the trace's numbers and computes nothing but their positions.
import { short } from '../step-phases.js';
import { signColor } from './colors.js';
import { escapeXml } from './equations.js';
import { t } from '../i18n/i18n.js';
import { textScale } from './text-scale.js';

const BARS = 300;   // the bars' width; the mean's label sits to their right, clear of them
const WIDTH = 380;
const HEIGHT = 96;
const PAD_X = 6;
const PAD_Y = 8;
const GAP = 0.2;    // share of a slot left between bars

/**
 * Where each bar and the mean line go in a WIDTH × HEIGHT box: zero at the middle when the values
 * have both signs, otherwise at the bottom (all positive) or top (all negative).
 * @returns {{ zero: number, mean: number, bars: { x, y, width, height }[] }}
 */
export function batchGradientLayout(values, mean) {
  let hi = Math.max(0, mean), lo = Math.min(0, mean);
  for (const v of values) { hi = Math.max(hi, v); lo = Math.min(lo, v); }
  const span = hi - lo || 1;
  const top = PAD_Y, height = HEIGHT - PAD_Y - 4;
  const y = (v) => top + ((hi - v) / span) * height;
  const zero = y(0);
  const slot = (BARS - 2 * PAD_X) / values.length;
  const bars = Array.from(values, (v, i) => {
    const end = y(v);
    return { x: PAD_X + i * slot + (GAP * slot) / 2, y: Math.min(zero, end), width: slot * (1 - GAP), height: Math.abs(end - zero) };
  });
  return { zero, mean: y(mean), bars };
}

/**
 * @param {{ name: string, values: ArrayLike<number>, mean: number, current: number, points: ArrayLike<number> }} p
 *   values: dL_i/dparam per example; current: the example the diagram follows; points: dataset indices
 */
export function batchGradientsSvg({ name, values, mean, current, points }) {
  const { zero, mean: meanY, bars } = batchGradientLayout(values, mean);
  const label = t('{name}: the gradient of each of the {n} examples, and their mean {mean}', { name, n: values.length, mean: short(mean) });
  const rects = bars.map((b, i) => {
    const example = { n: i + 1, point: points[i], value: short(values[i]) };
    const title = t('example {n} (point {point}): {value}', example);
    return `<rect class="batch-bar${i === current ? ' current' : ''}" x="${b.x.toFixed(2)}" y="${b.y.toFixed(2)}" ` +
      `width="${b.width.toFixed(2)}" height="${Math.max(b.height, 0.5).toFixed(2)}" fill="${signColor(values[i])}" ` +
      `data-example="${i}" data-value="${values[i]}" tabindex="0" role="button" aria-label="${escapeXml(t('example {n} (point {point}): {value}: follow it', example))}">` +
      `<title>${escapeXml(title)}</title></rect>`;
  }).join('');
  const k = textScale();  // drawn larger, its label too, as the default font size grows
  return `<svg class="batch-gradients" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH * k}" height="${HEIGHT * k}" role="group" ` +
    `aria-label="${escapeXml(label)}" data-mean="${mean}">` +
    `<line class="zero" x1="${PAD_X}" x2="${BARS - PAD_X}" y1="${zero.toFixed(2)}" y2="${zero.toFixed(2)}"/>${rects}` +
    `<line class="mean" x1="${PAD_X}" x2="${BARS - PAD_X + 4}" y1="${meanY.toFixed(2)}" y2="${meanY.toFixed(2)}"/>` +
    `<text class="mean-label" x="${BARS - PAD_X + 8}" y="${(meanY + 3.5).toFixed(2)}">${escapeXml(t('mean {value}', { value: short(mean) }))}</text></svg>`;
}
