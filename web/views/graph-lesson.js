// The chain rule on a computational graph: f(x, y, z) = (x + y) z drawn as nodes and edges, each
// edge showing the forward value (above) and the gradient flowing back, upstream x local (below).
// Draws the core's numbers (engine.js sumTimesGraph); computes nothing itself.

import { formatNumber as short } from './format.js';
import { svgEl } from './dom.js';
// Node positions in the 620 x 260 drawing: inputs on the left, q in the middle, f on the right.
const POSITION = { x: [150, 40], y: [150, 130], z: [150, 220], q: [350, 85], f: [540, 150] };
const OP_LABEL = { q: '+', f: '×' };

/**
 * @param {SVGSVGElement} svg an empty <svg> to draw into
 * @returns {{ update(nodes: object[]) }}
 */
export function createGraphLesson(svg) {
  svg.setAttribute('viewBox', '0 0 640 262');
  const text = (x, y, content, cls, anchor = 'middle') => {
    const t = svgEl('text', { x, y, class: cls, 'text-anchor': anchor }, svg);
    t.textContent = content;
    return t;
  };

  function update(nodes) {
    svg.replaceChildren();
    nodes.forEach((n) => {  // edges first, under the nodes
      n.inputs.forEach((from, k) => {
        const a = POSITION[nodes[from].name], b = POSITION[n.name];
        svgEl('line', { x1: a[0] + 22, y1: a[1], x2: b[0] - 22, y2: b[1], class: 'edge' }, svg);
        const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
        text(mx, my - 8, short(nodes[from].value), 'forward').dataset.edge = `${nodes[from].name}-${n.name}`;
        const back = text(mx, my + 16, `${short(n.grad)} × ${short(n.local[k])} = ${short(n.edgeGradient[k])}`, 'backward');
        back.dataset.edge = `${nodes[from].name}-${n.name}`;
        back.dataset.value = String(n.edgeGradient[k]);
      });
    });
    for (const n of nodes) {
      const [x, y] = POSITION[n.name];
      svgEl('circle', { cx: x, cy: y, r: 22, class: 'node' }, svg);
      text(x, y + 5, OP_LABEL[n.name] ?? n.name, 'label');
      // Inputs carry their labels on the left; q and f above and below.
      const input = n.inputs.length === 0;
      const v = input ? text(x - 30, y - 3, `${n.name} = ${short(n.value)}`, 'value', 'end')
        : text(x, y - 30, `${n.name} = ${short(n.value)}`, 'value');
      v.dataset.node = n.name;
      v.dataset.value = String(n.value);
      const g = input ? text(x - 30, y + 15, `∂f/∂${n.name} = ${short(n.grad)}`, 'grad', 'end')
        : text(x, y + 42, `∂f/∂${n.name} = ${short(n.grad)}`, 'grad');
      g.dataset.node = n.name;
      g.dataset.grad = String(n.grad);
    }
  }

  return { update };
}
