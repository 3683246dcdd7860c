// A typed expression's computational graph as SVG: inputs on the left, the output on the right,
// each node with its forward value above and its gradient below, each edge with upstream × local =
// what it passes back. What is shown follows the step player: the gradients known so far, the
// node being computed, or forward mode's tangents for one input. Draws the core's numbers
// (engine.js evaluateExpression); computes none, only where things go.
import { formatNumber as short } from './format.js';
import { svgEl } from './dom.js';
import { t } from '../i18n/i18n.js';

const DX = 132, DY = 84, PAD = 60, R = 19;
const SUB = '₀₁₂₃₄₅₆₇₈₉';
const subscript = (k) => String(k).split('').map((d) => SUB[Number(d)]).join('');

/**
 * What the page calls each node: its name, or its number, or f for an unnamed output (when no
 * name is f), or v₁, v₂, … for other unnamed operations.
 * @param {object} graph parseExpression's or evaluateExpression's result
 * @returns {string[]}
 */
export function nodeLabels(graph) {
  let k = 0;
  const f = graph.nodes.some((n) => n.name === 'f') ? null : 'f';
  return graph.nodes.map((n, i) => (n.name ? n.name : n.op === 'constant' ? short(n.constant)
    : i === graph.output && f ? f : `v${subscript(++k)}`));
}

// Columns by depth (a number sits just left of its first user), rows ordered by where their
// inputs and users sit, to keep crossings few.
function layout(graph) {
  const { nodes } = graph;
  const layer = nodes.map(() => 0);
  nodes.forEach((n, i) => {
    const deps = n.inputs.filter((k) => nodes[k].op !== 'constant');
    layer[i] = n.inputs.length === 0 ? 0 : 1 + Math.max(0, ...deps.map((k) => layer[k]));
  });
  const users = nodes.map(() => []);
  nodes.forEach((n, i) => n.inputs.forEach((k) => users[k].push(i)));
  nodes.forEach((n, i) => {
    if (n.op === 'constant' && users[i].length) layer[i] = Math.max(0, Math.min(...users[i].map((u) => layer[u])) - 1);
  });
  const columns = [];
  nodes.forEach((_, i) => (columns[layer[i]] ??= []).push(i));
  for (let c = 0; c < columns.length; c += 1) columns[c] ??= [];
  const row = new Map();
  const place = (col) => col.forEach((i, r) => row.set(i, r - (col.length - 1) / 2));
  columns.forEach(place);
  const mean = (list, fallback) => (list.length ? list.reduce((s, k) => s + row.get(k), 0) / list.length : fallback);
  // Each column sorted by the mean row of its neighbours, rightwards then leftwards.
  const sortBy = (col, near) => {
    const key = new Map(col.map((i) => [i, mean(near(i), row.get(i))]));
    col.sort((a, b) => key.get(a) - key.get(b));
    place(col);
  };
  for (let sweep = 0; sweep < 4; sweep += 1) {
    for (const col of columns) sortBy(col, (i) => nodes[i].inputs);
    for (const col of [...columns].reverse()) sortBy(col, (i) => users[i]);
  }
  const tallest = Math.max(...columns.map((c) => c.length));
  const width = PAD * 2 + (columns.length - 1) * DX + 40, height = PAD * 2 + (tallest - 1) * DY + 20;
  const at = nodes.map((_, i) => [PAD + 20 + layer[i] * DX, height / 2 + row.get(i) * DY]);
  return { at, width, height };
}

// Text boxes, estimated from the number of characters (the drawing's font: 12px, the edges' 11px),
// a little wide so that boxes apart here are apart on the page.
const CHAR_WIDTH = 0.62;
const textBox = (x, baseline, content, size, anchor = 'middle') => {
  const width = [...content].length * size * CHAR_WIDTH;
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  return { left, right: left + width, top: baseline - size, bottom: baseline + 0.3 * size };
};
const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
// Where along its edge a label may go, from the middle out: centred above the line, below it, then
// beside it (steep edges leave room there).
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
const SPOTS = [{ dx: 0, dy: -5, anchor: 'middle' }, { dx: 0, dy: 14, anchor: 'middle' }, { dx: 6, dy: 4, anchor: 'start' },
  { dx: -6, dy: 4, anchor: 'end' }].flatMap((side) => ALONG.map((f) => ({ f, ...side })));

/**
 * Each edge label's spot: the first along its edge that covers no node, node label or label placed
 * before it, or else the one that covers least. labels: { from: [x, y], to: [x, y], content }, or
 * null for an edge without one.
 * @returns {({ x: number, y: number, anchor: string } | null)[]}
 */
function placeEdgeLabels(labels, obstacles) {
  const taken = [...obstacles];
  return labels.map((label) => {
    if (label === null) return null;
    const { from, to, content } = label;
    let best = null;
    for (const { f, dx, dy, anchor } of SPOTS) {
      const x = from[0] + f * (to[0] - from[0]) + dx, y = from[1] + f * (to[1] - from[1]) + dy;
      const box = textBox(x, y, content, 11, anchor);
      const covered = taken.reduce((sum, o) => sum + overlap(box, o), 0);
      if (best === null || covered < best.covered) best = { x, y, anchor, box, covered };
      if (covered === 0) break;
    }
    taken.push(best.box);
    return { x: best.x, y: best.y, anchor: best.anchor };
  });
}

/**
 * @param {SVGSVGElement} svg an empty <svg> to draw into
 * @returns {{ update(result: object, show?: object) }} show: { gradients: Set of nodes whose
 *   gradient is shown (all when absent), edges: Set of edges whose upstream × local is shown,
 *   current: the node being computed, currentEdges: Set, tangents: { values, upTo, input } for a
 *   forward-mode pass (tangents of nodes up to upTo in node order) }
 */
export function createExpressionGraph(svg) {
  const text = (parent, x, y, content, cls, anchor = 'middle') => {
    const el = svgEl('text', { x, y, class: cls, 'text-anchor': anchor }, parent);
    el.textContent = content;
    return el;
  };

  function update(result, show = {}) {
    svg.replaceChildren();
    const { at, width, height } = layout(result);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.style.maxWidth = `${Math.max(width, 360)}px`;
    const labels = nodeLabels(result);
    const out = labels[result.output];
    const known = (i) => show.gradients === undefined || show.gradients.has(i);
    const edgeShown = (e) => show.edges === undefined || show.edges.has(e);
    const tangents = show.tangents;
    const edgesLayer = svgEl('g', { class: 'expr-edges' }, svg);
    // Names and numbers only: nothing in the nodes is translated.
    const nodesLayer = svgEl('g', { class: 'expr-nodes', translate: 'no' }, svg);
    // The nodes and their labels (all gradients shown), as obstacles the edges' labels keep off.
    const obstacles = result.nodes.flatMap((n, i) => {
      const [x, y] = at[i];
      if (n.op === 'constant') return [{ left: x - 16, right: x + 16, top: y - 11, bottom: y + 11 }];
      return [{ left: x - R, right: x + R, top: y - R, bottom: y + R },
        textBox(x, y - R - 7, `${labels[i]} = ${short(n.value)}`, 12), textBox(x, y + R + 15, `∂${out}/∂${labels[i]} = ${short(n.grad)}`, 12)];
    });
    const edgeText = (e) => `${short(e.upstream)} × ${short(e.local)} = ${short(e.gradient)}`;
    // Placed for every edge out of a non-constant, so that labels stay put as the step player shows them.
    const spots = placeEdgeLabels((result.edges ?? []).map((e) => (result.nodes[e.from].isConstant ? null
      : { from: at[e.from], to: at[e.to], content: edgeText(e) })), obstacles);
    (result.edges ?? []).forEach((e, k) => {
      const [x1, y1] = at[e.from], [x2, y2] = at[e.to];
      const constant = result.nodes[e.from].isConstant;
      const current = show.currentEdges?.has(k);
      const line = svgEl('line', { x1: x1 + R, y1, x2: x2 - R, y2, class: `expr-edge${constant ? ' constant' : ''}${current ? ' current' : ''}` }, edgesLayer);
      line.dataset.edge = String(k);
      if (constant || tangents || !edgeShown(k)) return;
      const spot = spots[k];
      const group = svgEl('g', {}, edgesLayer);  // the hover text beside the label, not inside it
      const label = text(group, spot.x, spot.y, edgeText(e), `expr-backward${current ? ' current' : ''}`, spot.anchor);
      label.dataset.edge = String(k);
      label.dataset.from = labels[e.from];
      label.dataset.to = labels[e.to];
      label.dataset.local = String(e.local);
      label.dataset.gradient = String(e.gradient);
      const title = svgEl('title', {}, group);
      title.textContent = t('{from} → {to}: local ∂{to}/∂{from} = {local}; upstream ∂{out}/∂{to} = {upstream}; passes back {gradient} to ∂{out}/∂{from}',
        { from: labels[e.from], to: labels[e.to], out, local: short(e.local), upstream: short(e.upstream), gradient: short(e.gradient) });
    });
    result.nodes.forEach((n, i) => {
      const [x, y] = at[i];
      const g = svgEl('g', { class: `expr-node ${n.op}${show.current === i ? ' current' : ''}` }, nodesLayer);
      g.dataset.node = String(i);
      g.dataset.label = labels[i];
      if (n.op === 'constant') {
        svgEl('rect', { x: x - 16, y: y - 11, width: 32, height: 22, rx: 4, class: 'expr-shape' }, g);
        text(g, x, y + 4, short(n.constant), 'expr-symbol constant');
        return;
      }
      svgEl('circle', { cx: x, cy: y, r: R, class: 'expr-shape' }, g);
      text(g, x, y + 5, n.op === 'variable' ? n.name : n.symbol, 'expr-symbol');
      const v = text(g, x, y - R - 7, `${labels[i]} = ${short(n.value)}`, 'expr-value');
      v.dataset.value = String(n.value);
      if (tangents) {
        if (i > tangents.upTo) return;
        const tangent = text(g, x, y + R + 15, `∂${labels[i]}/∂${tangents.input} = ${short(tangents.values[i])}`, 'expr-tangent');
        tangent.dataset.tangent = String(tangents.values[i]);
        return;
      }
      if (!known(i)) return;
      const grad = text(g, x, y + R + 15, `∂${out}/∂${labels[i]} = ${short(n.grad)}`, 'expr-grad');
      grad.dataset.grad = String(n.grad);
    });
  }

  return { update };
}
