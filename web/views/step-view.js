// One training step drawn on the learner's network: units as circles with their z, a and delta,
// links carrying the weight, the contribution w·a, the gradient dL/dw or the change Δw as the
// phases go, and pulses running forward or backward along the links of the phase being animated.
// In the update, the links are drawn as the weights again, moving from w to w′ = w + Δw.
// Colours follow the main diagram: blue for positive, orange for negative, thicker for larger.
// Draws what step-phases.js says from the core's trace; reports clicks on units, links and biases.
import { svgEl } from './dom.js';
import { linkQuantity, linkValue, short, stepParamIndex, unitName, unitReveals } from '../step-phases.js';
import { linkWidth } from './network.js';
import { divergingRgb, rgbToCss, signColor, MIDPOINT } from './colors.js';
import { themeColors } from '../theme.js';
import { language, t } from '../i18n/i18n.js';
import { textScale } from './text-scale.js';

const R = 14;            // unit radius
const ROW = 78;          // vertical distance between units
const COLUMN_MAX = 170;
const COLUMN_MIN = 100;
const LEFT = 92;         // room for the input names and values
const RIGHT = 130;       // room for the target and loss beside the output
const TOP = 24;
// Where along a link its label may sit (0 = source, 1 = target), in order of preference; a label
// that would overlap another label or a unit's numbers at each of them is left off (the link's
// tooltip and its equation still give the number).
const LABEL_AT = [0.62, 0.45, 0.78, 0.3];
const LABEL_H = 11;
const labelWidth = (text) => 5.8 * text.length + 4;

/** Link width for a gradient or a change: relative to the largest of its layer, as sqrt. */
function relativeWidth(v, max) {
  return max > 0 ? 0.8 + 5 * Math.sqrt(Math.abs(v) / max) : 0.8;
}

const el = svgEl;

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
 * @param {{ onSelect(item: null|{ type: 'unit'|'link'|'bias', column?, layer?, unit?, to?, from? }): void }} handlers
 *   null: the learner cleared the selection (a click on the background)
 */
export function createStepView(container, handlers) {
  const svg = el('svg', { class: 'step-svg', role: 'group', 'aria-label': 'The network during one training step' });
  container.append(svg);
  svg.addEventListener('click', (e) => { if (e.target === svg) select(null); });  // the background clears the selection
  let shape = '';
  let units = [];    // per column, per unit: { g, circle, lines: [text x3], x, y }
  let links = [];    // { layer, to, from, line, hit, label, x1, y1, x2, y2 }
  let biases = [];   // { layer, to, rect }
  let pulses = [];   // circle pool
  let pulseLayer;
  let lossLabel;
  let values = new Float64Array(0);  // per link, the number it carries this frame
  let labelKey = '';                 // what the label layout was made for
  let labelledStep = null;
  let obstacles = [];                // boxes labels must not cover: units and their numbers

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

  // The distance between columns that fits the diagram in its container. The lecture hall zooms
  // the diagram itself (its numbers legible from the back), and a larger default font size draws
  // it larger (every number grows, and the room around it): its room in the diagram's own pixels
  // is the container's divided by both.
  function columnWidth(sizes) {
    const ownZoom = ((svg.currentCSSZoom || 1) / (container.currentCSSZoom || 1)) * textScale();
    const room = (container.clientWidth || 900) / ownZoom - LEFT - RIGHT;
    return Math.max(COLUMN_MIN, Math.min(COLUMN_MAX, Math.floor(room / Math.max(1, sizes.length - 1))));
  }

  function rebuild(s, column) {
    const { sizes, featureNames } = s;
    svg.replaceChildren();
    const rows = Math.max(...sizes);
    const width = LEFT + column * (sizes.length - 1) + RIGHT;
    const height = TOP + rows * ROW;
    set(svg, 'width', width * textScale());
    set(svg, 'height', height * textScale());
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
      else el('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'unit-name' }, g).textContent = name.replace(t('output'), t('out'));
      const extra = c === sizes.length - 1
        ? [0, 1].map((k) => el('text', { x: x + R + 8, y: y - 2 + 12 * k, class: 'value output-extra' }, g))
        : [];
      if (c > 0) focusable(g, t('{name}: show its equation', { name }), { type: 'unit', column: c, unit: u });
      return { g, circle, lines, extra, x, y, name };
    }));
    // One loss for the whole example, above the output column (not beside one output).
    const top = units[sizes.length - 1][0];
    lossLabel = el('text', { x: top.x - R, y: top.y - R - 8, class: 'value output-extra loss' }, unitGroup);
    // The inputs are the standardised features, not the point's coordinates: said above them.
    if (s.standardised) {
      const first = units[0][0];
      el('text', { x: first.x + R, y: first.y - R - 8, 'text-anchor': 'end', class: 'value input-scaling' }, unitGroup).textContent = t('standardised');
    }
    for (let l = 0; l + 1 < sizes.length; ++l) {
      for (let to = 0; to < sizes[l + 1]; ++to) {
        for (let from = 0; from < sizes[l]; ++from) {
          const a = units[l][from], b = units[l + 1][to];
          const x1 = a.x + R, y1 = a.y, x2 = b.x - R, y2 = b.y;
          const line = el('line', { x1, y1, x2, y2, class: 'step-link', 'data-link': `${l}:${to}:${from}` }, linkGroup);
          const hit = el('line', { x1, y1, x2, y2, class: 'step-hit' }, linkGroup);
          const name = t('link {from} → {to}', { from: a.name, to: b.name });
          focusable(hit, t('{name}: show its equation', { name }), { type: 'link', layer: l, to, from });
          const title = el('title', {}, hit);
          const label = el('text', { class: 'link-label', 'text-anchor': 'middle' }, labelGroup);
          links.push({ layer: l, to, from, line, hit, title, label, name, x1, y1, x2, y2 });
        }
      }
      for (let to = 0; to < sizes[l + 1]; ++to) {
        const b = units[l + 1][to];
        const rect = el('rect', { x: b.x - R - 7, y: b.y + R - 7, width: 8, height: 8, class: 'step-bias', 'data-bias': `${l}:${to}` }, unitGroup);
        focusable(rect, t('bias of {unit}: show its equation', { unit: b.name }), { type: 'bias', layer: l, to });
        biases.push({ layer: l, to, rect });
      }
    }
    // A unit's circle and the numbers under it (or, for inputs, beside it).
    obstacles = units.flatMap((column, c) => column.map((u) => (c === 0
      ? { x0: u.x - LEFT, x1: u.x + R, y0: u.y - R, y1: u.y + R }
      : { x0: u.x - 30, x1: u.x + 30, y0: u.y - R, y1: u.y + R + 40 })));
    obstacles.push({ x0: top.x - R, x1: top.x + 110, y0: top.y - R - 20, y1: top.y - R - 4 });  // the loss
    labelKey = '';
  }

  const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

  /**
   * Places the labels of `wanted` (link indices, most important first) where they overlap no
   * other label and no unit; the rest get none. Sets each label's text and position.
   */
  function placeLabels(wanted, texts) {
    const placed = [];
    const shown = new Set();
    for (const i of wanted) {
      const link = links[i];
      const w = labelWidth(texts[i]);
      for (const t of LABEL_AT) {
        const x = link.x1 + t * (link.x2 - link.x1), y = link.y1 + t * (link.y2 - link.y1) - 3;
        const box = { x0: x - w / 2, x1: x + w / 2, y0: y - LABEL_H + 2, y1: y + 2 };
        if (placed.some((p) => overlaps(p, box)) || obstacles.some((o) => overlaps(o, box))) continue;
        placed.push(box);
        shown.add(i);
        set(link.label, 'x', x.toFixed(1));
        set(link.label, 'y', y.toFixed(1));
        break;
      }
    }
    links.forEach((link, i) => setText(link.label, shown.has(i) ? texts[i] : ''));
    return shown;
  }

  function pulse(i) {
    while (pulses.length <= i) pulses.push(el('circle', { class: 'step-pulse', r: 3 }, pulseLayer));
    return pulses[i];
  }

  /**
   * @param {object} s { featureNames, standardised (the inputs are standardised features), sizes, step (the core's trace), phases, phase, progress,
   *   revealed (last phase whose numbers show), example (index into step.examples), selected (item or null) }
   */
  function update(s) {
    // The room too: the lecture hall's zoom or a new width lays the diagram out again; and the
    // language, which the units' and links' names are composed in.
    const column = columnWidth(s.sizes);
    const key = `${s.featureNames.join()}|${s.standardised}|${s.sizes.join()}|${column}|${language()}|${textScale()}`;
    if (key !== shape) {
      shape = key;
      rebuild(s, column);
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
    const lossShown = unitReveals(phases, revealedAt, sizes.length - 1).loss;
    setText(lossLabel, !lossShown ? '' : sizes[sizes.length - 1] > 1 ? t('loss {value} (all outputs)', { value: short(ex.loss) }) : t('loss {value}', { value: short(ex.loss) }));
    setData(lossLabel, 'loss', lossShown ? ex.loss : undefined);
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
        set(g, 'aria-label', t('{unit}. Show its equation', { unit: `${u.name}${known.some(Boolean) ? `: ${known.filter(Boolean).join(', ')}` : ''}` }));
        set(u.circle, 'fill', shown.forward ? rgbToCss(divergingRgb(layer.a[j])) : MIDPOINT);
        set(u.circle, 'stroke', shown.backward ? signColor(layer.delta[j]) : themeColors().lineStrong);
        set(u.circle, 'stroke-width', shown.backward ? relativeWidth(layer.delta[j], maxDelta).toFixed(2) : 1.2);
        g.classList.toggle('selected', sel?.type === 'unit' && sel.column === c && sel.unit === j);
        // Dropout: a unit this step dropped for this example is faded once the forward pass reaches it.
        const mask = layer.mask?.length ? layer.mask[j] : undefined;
        setData(g, 'mask', shown.forward ? mask : undefined);
        g.classList.toggle('dropped', shown.forward && mask === 0);
        if (u.extra.length) {
          setText(u.extra[0], shown.loss ? t('target {value}', { value: short(ex.target[j]) }) : '');
          setText(u.extra[1], shown.loss ? `∂L/∂a ${short(ex.dLossDOutput[j])}` : '');
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
    // The update moves every weight from w to w′ over its phase; once it is shown, links are weights.
    const moving = current.kind === 'update';
    const weightAt = (k) => (moving ? step.paramsBefore[k] + Math.min(1, progress) * (step.paramsAfter[k] - step.paramsBefore[k]) : 0);
    const touches = (link) => Boolean(sel && ((sel.type === 'unit' && ((sel.column === link.layer + 1 && sel.unit === link.to) || (sel.column === link.layer && sel.unit === link.from))) ||
      (sel.type === 'link' && sel.layer === link.layer && sel.to === link.to && sel.from === link.from)));
    const signed = (q, v) => (q === 'update' && v > 0 ? `+${short(v)}` : short(v));

    // Labels: laid out again only when what they show changes (not every animation frame).
    const labelsFor = `${revealedAt}|${phase}|${s.example}|${JSON.stringify(sel)}`;
    if (labelsFor !== labelKey || step !== labelledStep) {
      labelledStep = step;
      labelKey = labelsFor;
      const texts = links.map((link, i) => signed(quantityOf[link.layer], values[i]));
      const rank = (i) => (touches(links[i]) ? 1e9 : 0) + Math.abs(values[i]) / (maxima[links[i].layer] || 1);
      const wanted = links.map((_, i) => i)
        .filter((i) => quantityOf[links[i].layer] !== 'weight' && (touches(links[i]) || active(links[i].layer)))
        .sort((a, b) => rank(b) - rank(a));
      const shown = placeLabels(wanted, texts);
      links.forEach((link, i) => {
        const q = quantityOf[link.layer];
        const what = { weight: t('weight'), contribution: 'w·a', gradient: '∂L/∂w', mean: t('mean ∂L/∂w'), update: 'Δw' }[q];
        const text = `${link.name}: ${what} ${texts[i]}`;
        setText(link.title, text);
        set(link.hit, 'aria-label', t('{link}. Show its equation', { link: text }));
        // Only the links on show are tab stops: a big network would otherwise have hundreds.
        set(link.hit, 'tabindex', shown.has(i) || touches(link) ? 0 : -1);
      });
    }

    links.forEach((link, i) => {
      const q = quantityOf[link.layer];
      const v = values[i];
      const on = active(link.layer);
      const k = moving ? stepParamIndex(step, sizes, s.example, link.layer, link.to, link.from) : -1;
      const w = moving ? weightAt(k) : v;
      set(link.line, 'stroke', signColor(w));
      set(link.line, 'stroke-width', (moving || !relative(q) ? linkWidth(w) : relativeWidth(v, maxima[link.layer])).toFixed(2));
      set(link.line, 'opacity', on ? 0.9 : 0.3);
      setData(link.line, 'quantity', q);
      setData(link.line, 'value', v);
      setData(link.line, 'before', q === 'update' ? step.paramsBefore[k] : undefined);
      setData(link.line, 'after', q === 'update' ? step.paramsAfter[k] : undefined);
      link.line.classList.toggle('selected', touches(link));
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
      const k = stepParamIndex(step, sizes, s.example, b.layer, b.to, 'bias');
      set(b.rect, 'fill', signColor(moving ? weightAt(k) : v));
      setData(b.rect, 'quantity', q);
      setData(b.rect, 'value', v);
      setData(b.rect, 'before', q === 'update' ? step.paramsBefore[k] : undefined);
      setData(b.rect, 'after', q === 'update' ? step.paramsAfter[k] : undefined);
      b.rect.classList.toggle('selected', sel?.type === 'bias' && sel.layer === b.layer && sel.to === b.to);
    }
  }

  return { update };
}
