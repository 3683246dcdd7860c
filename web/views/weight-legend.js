// The permanent legend for the network's links: colour by the weight's sign and thickness by |w|,
// drawn with the same rule the diagrams use (signColor, linkWidth), so the legend cannot disagree.
import { signColor } from './colors.js';
import { linkWidth } from './network.js';
import { svgEl } from './dom.js';

function sample(w, width = 26) {
  const svg = svgEl('svg', { width, height: 10, 'aria-hidden': 'true' });
  svgEl('line', { x1: 1, y1: 5, x2: width - 1, y2: 5, stroke: signColor(w), 'stroke-width': linkWidth(w).toFixed(2), 'stroke-linecap': 'round' }, svg);
  return svg;
}

/** Fills `container` with the legend: negative, zero, positive, and thin to thick for |w|. */
export function createWeightLegend(container) {
  container.replaceChildren();
  container.setAttribute('role', 'group');
  container.setAttribute('aria-label', 'Link colours: negative weights orange, zero grey, positive blue; thicker for a larger |w|');
  const item = (nodes, text) => {
    const span = document.createElement('span');
    span.append(...nodes, text);
    container.append(span);
  };
  const title = document.createElement('span');
  title.textContent = 'Weights:';
  container.append(title);
  item([sample(-1)], 'negative');
  item([sample(0)], 'zero');
  item([sample(1)], 'positive');
  item([sample(0.05, 18), sample(4, 18)], 'thickness = |w|');
}
