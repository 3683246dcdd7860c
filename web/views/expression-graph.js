// A typed expression's computational graph as SVG: inputs on the left, the output on the right,
// each node with its forward value above and its gradient below, each edge with upstream × local =
// what it passes back. What is shown follows the step player: the gradients known so far, the
// node being computed, or forward mode's tangents for one input. Draws the core's numbers
// (engine.js evaluateExpression); computes none, only where things go.
import { formatNumber as short } from './format.js';
import { svgEl } from './dom.js';
import { t } from '../i18n/i18n.js';

const DX = 132, DY = 84, PAD = 60, R = 19;
// The space kept between two columns' labels and beside an edge's label, and the labels' font
// sizes (style.css .expr-svg).
const GAP = 8, CLEAR = 4, NODE_FONT = 12, EDGE_FONT = 11;
// A node's value above it and its gradient (or tangent) below it: their baselines.
const ABOVE = -R - 7, BELOW = R + 15;
// How far apart two columns move, and how many times, while an edge's label finds no clear spot.
const WIDEN_STEP = 12, WIDEN_ROUNDS = 20;
// The smallest a narrow panel shrinks the drawing to before scrolling it.
const MIN_SCALE = 0.65;
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
function arrange(graph) {
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
  return { layer, row, columns };
}

// Text boxes from a measured width (size: the font's, for the height), from the baseline down
// past the descenders.
const textBox = (x, baseline, width, size, anchor = 'middle') => {
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  return { left, right: left + width, top: baseline - size, bottom: baseline + 0.3 * size };
};
const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
const area = (a) => (a.right - a.left) * (a.bottom - a.top);
// Where along its edge a label may go, from the middle out: centred above the line, below it, then
// beside it (steep edges leave room there).
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
const SPOTS = [{ dx: 0, dy: -5, anchor: 'middle' }, { dx: 0, dy: 14, anchor: 'middle' }, { dx: 6, dy: 4, anchor: 'start' },
  { dx: -6, dy: 4, anchor: 'end' }].flatMap((side) => ALONG.map((f) => ({ f, ...side })));

/**
 * Each edge label's spot: the first along its edge that covers no node, node label or label placed
 * before it and stays inside the drawing (bounds), or else the one that covers least. labels:
 * { from: [x, y], to: [x, y], width }, or null for an edge without one.
 * @returns {({ x: number, y: number, anchor: string, covered: number } | null)[]}
 */
function placeEdgeLabels(labels, obstacles, bounds) {
  const taken = [...obstacles];
  return labels.map((label) => {
    if (label === null) return null;
    const { from, to, width } = label;
    let best = null;
    for (const { f, dx, dy, anchor } of SPOTS) {
      const x = from[0] + f * (to[0] - from[0]) + dx, y = from[1] + f * (to[1] - from[1]) + dy;
      const box = textBox(x, y, width, EDGE_FONT, anchor);
      // A few pixels clear of what stands beside it: two labels that touch read as one.
      const room = { left: box.left - CLEAR, right: box.right + CLEAR, top: box.top, bottom: box.bottom };
      const covered = taken.reduce((sum, o) => sum + overlap(room, o), area(box) - overlap(box, bounds));
      if (best === null || covered < best.covered) best = { x, y, anchor, box, covered };
      if (covered === 0) break;
    }
    taken.push(best.box);
    return { x: best.x, y: best.y, anchor: best.anchor, covered: best.covered };
  });
}

// Each node's shape and labels, as boxes the edges' labels keep off.
function nodeBoxes(graph, at, nodeWidths) {
  return graph.nodes.flatMap((n, i) => {
    const [x, y] = at[i];
    if (nodeWidths[i] === null) return [{ left: x - 16, right: x + 16, top: y - 11, bottom: y + 11 }];
    return [{ left: x - R, right: x + R, top: y - R, bottom: y + R },
      textBox(x, y + ABOVE, nodeWidths[i].value, NODE_FONT), textBox(x, y + BELOW, nodeWidths[i].grad, NODE_FONT)];
  });
}

/**
 * Where each node and each edge's label go. Two columns stand DX apart, or further where their
 * labels need it: the nodes' labels of both side by side, and each edge's label between the two
 * circles it joins. Then, while an edge's label finds no clear spot, the columns it spans move
 * apart, a step at a time.
 * nodeWidths[i]: { value, grad }, the widths of node i's labels, or null for a number;
 * edgeLabels[k]: { from, to, width } for edge k, or null for an edge without a label.
 */
function layout(graph, nodeWidths, edgeLabels) {
  const { layer, row, columns } = arrange(graph);
  const half = (i) => (nodeWidths[i] === null ? 16 : Math.max(R, nodeWidths[i].value / 2, nodeWidths[i].grad / 2));
  const reach = columns.map((col) => Math.max(R, ...col.map(half)));
  const gaps = columns.slice(1).map((_, c) => Math.max(DX, reach[c] + reach[c + 1] + GAP));
  // The columns each label spans; an edge across several shares out the room it lacks.
  const spans = edgeLabels.map((l) => l && { a: layer[l.from], b: layer[l.to], need: l.width + 2 * R + 2 * GAP });
  for (const { a, b, need } of spans.filter((s) => s !== null && s.b > s.a).sort((p, q) => (p.b - p.a) - (q.b - q.a))) {
    const short = need - gaps.slice(a, b).reduce((sum, g) => sum + g, 0);
    for (let c = a; c < b && short > 0; c += 1) gaps[c] += short / (b - a);
  }
  const left = Math.max(PAD, reach[0] + GAP), right = Math.max(PAD, reach[reach.length - 1] + GAP);
  const tallest = Math.max(...columns.map((c) => c.length));
  const height = PAD * 2 + (tallest - 1) * DY + 20;
  for (let round = 0; ; round += 1) {
    const xs = gaps.reduce((list, g) => [...list, list[list.length - 1] + g], [left]);
    const width = xs[xs.length - 1] + right;
    const at = graph.nodes.map((_, i) => [xs[layer[i]], height / 2 + row.get(i) * DY]);
    const spots = placeEdgeLabels(edgeLabels.map((l) => l && { from: at[l.from], to: at[l.to], width: l.width }),
      nodeBoxes(graph, at, nodeWidths), { left: 0, right: width, top: 0, bottom: height });
    const crowded = new Set();
    spots.forEach((spot, k) => { if (spot?.covered > 0) for (let c = spans[k].a; c < spans[k].b; c += 1) crowded.add(c); });
    if (crowded.size === 0 || round === WIDEN_ROUNDS) return { at, width, height, spots };
    for (const c of crowded) gaps[c] += WIDEN_STEP;
  }
}

// Text widths as the page draws them: measured on a canvas in the drawing's own font, a little
// wide so that boxes apart here are apart on the page (edge labels measured in bold, as the step
// player draws its current one).
function textMeasure(svg) {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(svg).fontFamily || 'system-ui, sans-serif';
  return (content, size, weight = 400) => {
    ctx.font = `${weight} ${size}px ${family}`;
    return ctx.measureText(content).width + 2;
  };
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
    const labels = nodeLabels(result);
    const out = labels[result.output];
    const measure = textMeasure(svg);
    // Each node's value and gradient (all shown), and each edge's upstream × local: what the layout
    // makes room for, whatever the step player shows, so that nothing moves from step to step.
    const valueText = (i) => `${labels[i]} = ${short(result.nodes[i].value)}`;
    const gradText = (i) => `∂${out}/∂${labels[i]} = ${short(result.nodes[i].grad)}`;
    const nodeWidths = result.nodes.map((n, i) => (n.op === 'constant' ? null
      : { value: measure(valueText(i), NODE_FONT), grad: measure(gradText(i), NODE_FONT) }));
    const edgeText = (e) => `${short(e.upstream)} × ${short(e.local)} = ${short(e.gradient)}`;
    // Labelled: every edge out of a non-constant.
    const edgeLabels = (result.edges ?? []).map((e) => (result.nodes[e.from].isConstant ? null
      : { from: e.from, to: e.to, width: measure(edgeText(e), EDGE_FONT, 600) }));
    const { at, width, height, spots } = layout(result, nodeWidths, edgeLabels);
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    // Drawn at its own size where it fits; a narrow panel shrinks it, down to MIN_SCALE (labels
    // still readable), and then scrolls it (.expr-figure). In rem (px / 16): a larger default font
    // size draws it larger, its labels and their room alike.
    svg.style.maxWidth = `${Math.max(width, 360) / 16}rem`;
    svg.style.minWidth = `${Math.round(width * MIN_SCALE) / 16}rem`;
    const known = (i) => show.gradients === undefined || show.gradients.has(i);
    const edgeShown = (e) => show.edges === undefined || show.edges.has(e);
    const tangents = show.tangents;
    const edgesLayer = svgEl('g', { class: 'expr-edges' }, svg);
    // The edges' labels over every line, not under the lines drawn after them.
    const edgeLabelsLayer = svgEl('g', { class: 'expr-edge-labels' }, svg);
    // Names and numbers only: nothing in the nodes is translated.
    const nodesLayer = svgEl('g', { class: 'expr-nodes', translate: 'no' }, svg);
    (result.edges ?? []).forEach((e, k) => {
      const [x1, y1] = at[e.from], [x2, y2] = at[e.to];
      const constant = result.nodes[e.from].isConstant;
      const current = show.currentEdges?.has(k);
      const line = svgEl('line', { x1: x1 + R, y1, x2: x2 - R, y2, class: `expr-edge${constant ? ' constant' : ''}${current ? ' current' : ''}` }, edgesLayer);
      line.dataset.edge = String(k);
      if (constant || tangents || !edgeShown(k)) return;
      const spot = spots[k];
      const group = svgEl('g', {}, edgeLabelsLayer);  // the hover text beside the label, not inside it
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
      const v = text(g, x, y + ABOVE, valueText(i), 'expr-value');
      v.dataset.value = String(n.value);
      if (tangents) {
        if (i > tangents.upTo) return;
        const tangent = text(g, x, y + BELOW, `∂${labels[i]}/∂${tangents.input} = ${short(tangents.values[i])}`, 'expr-tangent');
        tangent.dataset.tangent = String(tangents.values[i]);
        return;
      }
      if (!known(i)) return;
      const grad = text(g, x, y + BELOW, gradText(i), 'expr-grad');
      grad.dataset.grad = String(n.grad);
    });
  }

  return { update };
}
