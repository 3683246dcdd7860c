// One training step drawn on the learner's network: units as circles with their z, a and delta,
// links carrying the weight, the contribution w·a, the gradient dL/dw or the change Δw as the
// phases go, and pulses running forward or backward along the links of the phase being animated.
// Colours follow the main diagram: blue for positive, orange for negative, thicker for larger.
// Draws what step-phases.js says from the core's trace; reports clicks on units, links and biases.
import { linkQuantity, linkValue, short, unitName, unitReveals } from '../step-phases.js';
import { linkWidth } from './network.js';
import { divergingRgb, rgbToCss, signColor } from './colors.js';

const SVG = 'http://www.w3.org/2000/svg';
const R = 14;            // unit radius
const ROW = 78;          // vertical distance between units
const COLUMN_MAX = 170;
const COLUMN_MIN = 100;
const LEFT = 92;         // room for the input names and values
const RIGHT = 130;       // room for the target and loss beside the output
const TOP = 24;
const LABEL_ALL = 8;     // layers with at most this many links label every link
const LABEL_AT = 0.62;   // where along a link its label sits (0 = source, 1 = target)

/** Link width for a gradient or a change: relative to the largest of its layer, as sqrt. */
function relativeWidth(v, max) {
  return max > 0 ? 0.8 + 5 * Math.sqrt(Math.abs(v) / max) : 0.8;
}

const el = (name, attrs = {}, parent) => {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.append(e);
  return e;
};

// Writes an attribute only when it changes: a frame of the animation touches few of them.
function set(e, name, value) {
  const v = String(value);
  if (e.getAttribute(name) !== v) e.setAttribute(name, v);
}
function setText(e, text) {
  if (e.textContent !== text) e.textContent = text;
}
// A data attribute with an exact value for tests and assistive reading; absent until known.
function setData(e, key, value) {
  if (value === undefined) {
    if (key in e.dataset) delete e.dataset[key];
  } else if (e.dataset[key] !== String(value)) {
    e.dataset[key] = String(value);
  }
}

/**
 * @param {HTMLElement} container
 * @param {{ onSelect(item: { type: 'unit'|'link'|'bias', column?, layer?, unit?, to?, from? }): void }} handlers
 */
export function createStepView(container, handlers) {
  const svg = el('svg', { class: 'step-svg', role: 'group', 'aria-label': 'The network during one training step' });
  container.append(svg);
  let shape = '';
  let units = [];    // per column, per unit: { g, circle, lines: [text x3], x, y }
  let links = [];    // { layer, to, from, line, hit, label, x1, y1, x2, y2 }
  let biases = [];   // { layer, to, rect }
  let pulses = [];   // circle pool
  let pulseLayer;
  let values = new Float64Array(0);  // per link, the number it carries this frame

  function select(item) { handlers.onSelect?.(item); }

  function focusable(e, label, item) {
    set(e, 'tabindex', 0);
    set(e, 'role', 'button');
    set(e, 'aria-label', label);
    e.addEventListener('click', () => select(item));
    e.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(item); }
    });
  }

  function rebuild(s) {
    const { sizes, featureNames } = s;
    svg.replaceChildren();
    const rows = Math.max(...sizes);
    const room = (container.clientWidth || 900) - LEFT - RIGHT;
    const column = Math.max(COLUMN_MIN, Math.min(COLUMN_MAX, Math.floor(room / Math.max(1, sizes.length - 1))));
    const width = LEFT + column * (sizes.length - 1) + RIGHT;
    const height = TOP + rows * ROW;
    set(svg, 'width', width);
    set(svg, 'height', height);
    set(svg, 'viewBox', `0 0 ${width} ${height}`);
    const at = (c, u) => ({ x: LEFT + c * column, y: TOP + R + (u + (rows - sizes[c]) / 2) * ROW });
    const linkGroup = el('g', { class: 'step-links' }, svg);
    pulseLayer = el('g', { class: 'step-pulses' }, svg);
    const labelGroup = el('g', { class: 'step-link-labels' }, svg);
    const unitGroup = el('g', { class: 'step-units' }, svg);
    links = [];
    biases = [];
    pulses = [];
    units = sizes.map((n, c) => Array.from({ length: n }, (_, u) => {
      const { x, y } = at(c, u);
      const name = unitName(featureNames, sizes, c, u);
      const g = el('g', { class: c === 0 ? 'step-unit input' : 'step-unit', 'data-unit': `${c}:${u}` }, unitGroup);
      const circle = el('circle', { cx: x, cy: y, r: R }, g);
      const lines = c === 0
        ? [el('text', { x: x - R - 6, y: y - 2, 'text-anchor': 'end', class: 'name' }, g),
          el('text', { x: x - R - 6, y: y + 11, 'text-anchor': 'end', class: 'value' }, g)]
        : [0, 1, 2].map((k) => el('text', { x, y: y + R + 12 + 11 * k, 'text-anchor': 'middle', class: 'value' }, g));
      if (c === 0) setText(lines[0], name);
      else el('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'unit-name' }, g).textContent = name.replace('output', 'out');
      const extra = c === sizes.length - 1
        ? [0, 1, 2].map((k) => el('text', { x: x + R + 8, y: y - 8 + 12 * k, class: 'value output-extra' }, g))
        : [];
      if (c > 0) focusable(g, `${name}: show its equation`, { type: 'unit', column: c, unit: u });
      return { g, circle, lines, extra, x, y, name };
    }));
    for (let l = 0; l + 1 < sizes.length; ++l) {
      for (let to = 0; to < sizes[l + 1]; ++to) {
        for (let from = 0; from < sizes[l]; ++from) {
          const a = units[l][from], b = units[l + 1][to];
          const x1 = a.x + R, y1 = a.y, x2 = b.x - R, y2 = b.y;
          const line = el('line', { x1, y1, x2, y2, class: 'step-link', 'data-link': `${l}:${to}:${from}` }, linkGroup);
          const hit = el('line', { x1, y1, x2, y2, class: 'step-hit' }, linkGroup);
          focusable(hit, `link ${a.name} → ${b.name}: show its equation`, { type: 'link', layer: l, to, from });
          const label = el('text', { x: x1 + LABEL_AT * (x2 - x1), y: y1 + LABEL_AT * (y2 - y1) - 3, class: 'link-label', 'text-anchor': 'middle' }, labelGroup);
          links.push({ layer: l, to, from, line, hit, label, x1, y1, x2, y2 });
        }
      }
      for (let to = 0; to < sizes[l + 1]; ++to) {
        const b = units[l + 1][to];
        const rect = el('rect', { x: b.x - R - 7, y: b.y + R - 7, width: 8, height: 8, class: 'step-bias', 'data-bias': `${l}:${to}` }, unitGroup);
        focusable(rect, `bias of ${b.name}: show its equation`, { type: 'bias', layer: l, to });
        biases.push({ layer: l, to, rect });
      }
    }
  }

  function pulse(i) {
    while (pulses.length <= i) pulses.push(el('circle', { class: 'step-pulse', r: 3 }, pulseLayer));
    return pulses[i];
  }

  /**
   * @param {object} s { featureNames, sizes, step (the core's trace), phases, phase, progress,
   *   revealed (last phase whose numbers show), example (index into step.examples), selected (item or null) }
   */
  function update(s) {
    const key = `${s.featureNames.join()}|${s.sizes.join()}`;
    if (key !== shape) {
      shape = key;
      rebuild(s);
    }
    const { step, phases, phase, progress, sizes } = s;
    const current = phases[phase];
    const ex = step.examples[s.example];
    const revealedAt = s.revealed;
    setData(container, 'phase', phase);
    setData(container, 'phaseKind', current.kind);
    setData(container, 'progress', progress);
    const sel = s.selected;
    svg.classList.toggle('has-selection', Boolean(sel));

    // Units: inputs show x; others z, a once forward has reached them, delta once backward has.
    units[0].forEach((u, i) => {
      setText(u.lines[1], short(ex.input[i]));
      setData(u.g, 'a', ex.input[i]);
      set(u.circle, 'fill', rgbToCss(divergingRgb(ex.input[i])));
    });
    let pulseCount = 0;
    for (let c = 1; c < sizes.length; ++c) {
      const layer = ex.layers[c - 1];
      const shown = unitReveals(phases, revealedAt, c);
      let maxDelta = 0;
      for (const d of layer.delta) maxDelta = Math.max(maxDelta, Math.abs(d));
      units[c].forEach((u, j) => {
        const { g } = u;
        setText(u.lines[0], shown.forward ? `z ${short(layer.z[j])}` : '');
        setText(u.lines[1], shown.forward ? `a ${short(layer.a[j])}` : '');
        setText(u.lines[2], shown.backward ? `δ ${short(layer.delta[j])}` : '');
        setData(g, 'z', shown.forward ? layer.z[j] : undefined);
        setData(g, 'a', shown.forward ? layer.a[j] : undefined);
        setData(g, 'delta', shown.backward ? layer.delta[j] : undefined);
        const known = [shown.forward && `z ${short(layer.z[j])}, a ${short(layer.a[j])}`, shown.backward && `δ ${short(layer.delta[j])}`];
        set(g, 'aria-label', `${u.name}${known.some(Boolean) ? `: ${known.filter(Boolean).join(', ')}` : ''}. Show its equation`);
        set(u.circle, 'fill', shown.forward ? rgbToCss(divergingRgb(layer.a[j])) : '#fff');
        set(u.circle, 'stroke', shown.backward ? signColor(layer.delta[j]) : '#9aa0a6');
        set(u.circle, 'stroke-width', shown.backward ? relativeWidth(layer.delta[j], maxDelta).toFixed(2) : 1.2);
        g.classList.toggle('selected', sel?.type === 'unit' && sel.column === c && sel.unit === j);
        if (u.extra.length) {
          setText(u.extra[0], shown.loss ? `target ${short(ex.target[j])}` : '');
          setText(u.extra[1], shown.loss && j === 0 ? `loss ${short(ex.loss)}` : '');  // one loss for all outputs
          setText(u.extra[2], shown.loss ? `∂L/∂a ${short(ex.dLossDOutput[j])}` : '');
          setData(g, 'dLossDA', shown.loss ? ex.dLossDOutput[j] : undefined);
        }
      });
    }

    // Links: the quantity of their layer at this phase; the phase's own layer is lit and pulsing.
    const quantityOf = sizes.slice(1).map((_, l) => linkQuantity(phases, revealedAt, l));
    const relative = (q) => q === 'gradient' || q === 'mean' || q === 'update';
    const maxima = quantityOf.map(() => 0);  // per layer, for widths relative to the largest
    if (values.length !== links.length) values = new Float64Array(links.length);
    links.forEach((link, i) => {
      const v = linkValue(step, sizes, quantityOf[link.layer], s.example, link.layer, link.to, link.from);
      values[i] = v;
      if (relative(quantityOf[link.layer])) maxima[link.layer] = Math.max(maxima[link.layer], Math.abs(v));
    });
    const active = (l) => (current.kind === 'forward' || current.kind === 'backward' ? current.layer === l
      : current.kind === 'average' || current.kind === 'update');
    const animating = progress < 1 && (current.kind === 'forward' || current.kind === 'backward');
    const layerLinks = sizes.slice(1).map((n, l) => n * sizes[l]);
    links.forEach((link, i) => {
      const q = quantityOf[link.layer];
      const v = values[i];
      const on = active(link.layer);
      set(link.line, 'stroke', signColor(v));
      set(link.line, 'stroke-width', (relative(q) ? relativeWidth(v, maxima[link.layer]) : linkWidth(v)).toFixed(2));
      set(link.line, 'opacity', on ? 0.9 : 0.3);
      setData(link.line, 'quantity', q);
      setData(link.line, 'value', v);
      const touches = sel && ((sel.type === 'unit' && ((sel.column === link.layer + 1 && sel.unit === link.to) || (sel.column === link.layer && sel.unit === link.from))) ||
        (sel.type === 'link' && sel.layer === link.layer && sel.to === link.to && sel.from === link.from));
      link.line.classList.toggle('selected', Boolean(touches));
      const labelled = q !== 'weight' && (touches || (on && layerLinks[link.layer] <= LABEL_ALL));
      setText(link.label, labelled ? short(v) : '');
      // Only the links on show are tab stops: a big network would otherwise have hundreds.
      set(link.hit, 'tabindex', labelled || touches ? 0 : -1);
      if (animating && current.layer === link.layer) {
        const t = current.kind === 'forward' ? progress : 1 - progress;
        const p = pulse(pulseCount++);
        set(p, 'cx', (link.x1 + t * (link.x2 - link.x1)).toFixed(1));
        set(p, 'cy', (link.y1 + t * (link.y2 - link.y1)).toFixed(1));
        // Forward pulses carry w·a, backward ones dL/dw: sized and coloured by what they carry.
        const carried = current.kind === 'forward' ? ex.layers[link.layer].contribution[link.to + link.from * sizes[link.layer + 1]]
          : ex.layers[link.layer].dW[link.to + link.from * sizes[link.layer + 1]];
        set(p, 'fill', signColor(carried));
        set(p, 'r', (2 + Math.min(3, 3 * Math.sqrt(Math.abs(carried)))).toFixed(1));
      }
    });
    for (let i = 0; i < pulses.length; ++i) set(pulses[i], 'visibility', i < pulseCount ? 'visible' : 'hidden');
    for (const b of biases) {
      const q = quantityOf[b.layer];
      const v = linkValue(step, sizes, q, s.example, b.layer, b.to, 'bias');
      set(b.rect, 'fill', signColor(v));
      setData(b.rect, 'quantity', q);
      setData(b.rect, 'value', v);
      b.rect.classList.toggle('selected', sel?.type === 'bias' && sel.layer === b.layer && sel.to === b.to);
    }
  }

  return { update };
}
