// The network diagram: input features, hidden layers and outputs as cards holding a heatmap of
// each node over the input plane, joined by links coloured by the weight's sign and as thick as
// |w|, with each bias as a small square. Draws snapshots and reports the learner's gestures
// (add/remove layers and neurons, toggle features, hover, edit a weight); it never trains.
import { createHeatmap } from './heatmap.js';
import { signColor, classColor, colorTheme, rampLut } from './colors.js';
import { themeColors } from '../theme.js';
import { formatNumber, formatList } from './format.js';
import { pixelRatio, lineScale, displayVersion } from './pixels.js';
import { textScale, onTextScaleChange } from './text-scale.js';
import { language, t, tn } from '../i18n/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const CARD = 44;          // node card size in CSS pixels
const ROW = 56;           // vertical distance between cards
const COLUMN_MAX = 118;   // horizontal distance between columns, when there is room
const COLUMN_MIN = 64;
const TOP = 46;           // room for the layer headers
const LEFT = 58;          // room for the feature names at 16 px (it grows with the text)
const TAP = 24;           // a finger's target on a touch screen, in screen pixels
// style.css's touch sizing: where it applies, the +/− buttons and hit areas are TAP px on screen.
const TOUCH_SIZED = '(max-width: 45em), (pointer: coarse)';

/** Heatmap value range for a node: the activation's own range where it has one. */
export function nodeRange(activation, values, offset, count) {
  if (activation === 'tanh') return { lo: -1, hi: 1 };
  if (activation === 'sigmoid' || activation === 'step' || activation === 'softmax') return { lo: 0, hi: 1 };
  let m = 0;
  for (let i = offset; i < offset + count; ++i) {
    const v = Math.abs(values[i]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return { lo: -(m || 1), hi: m || 1 };
}

/** Link width in pixels for a weight: grows with |w|, readable at both ends. */
export function linkWidth(w) {
  return Math.min(8, 0.5 + 2.5 * Math.sqrt(Math.abs(w)));
}

/**
 * Offset of W_l[to, from] (column-major) and of b_l[unit] in the flat parameter array; of maxout
 * piece `piece` of a hidden layer when the network's units have `pieces` (k) each. Piece 0 is
 * where every network keeps W and b; pieces 1..k-1 follow all of them, layer by layer, each a W
 * and a b of the layer's shape (core/include/backprop/network.hpp).
 */
export function paramIndex(sizes, layer, to, from, piece = 0, pieces = 1) {
  const block = (l) => sizes[l + 1] * (sizes[l] + 1);  // one W and b of weight layer l
  let offset = 0;
  if (piece > 0) {
    for (let l = 0; l + 1 < sizes.length; ++l) offset += block(l);
    for (let l = 0; l < layer; ++l) offset += (pieces - 1) * block(l);
    offset += (piece - 1) * block(layer);
  } else {
    for (let l = 0; l < layer; ++l) offset += block(l);
  }
  return from === 'bias' ? offset + sizes[layer + 1] * sizes[layer] + to : offset + to + from * sizes[layer + 1];
}

/** Maxout pieces of weight layer `layer`: k for a hidden layer of a maxout network, else 1. */
export function piecesOf(sizes, layer, pieces = 1) {
  return layer + 2 < sizes.length ? pieces : 1;
}

/**
 * The piece a diagram link (or bias) of a maxout unit stands for: the one with the largest |w|
 * (the lowest on a tie), since which piece wins depends on the input. 0 for any other unit.
 */
export function largestPiece(params, sizes, pieces, layer, to, from) {
  let best = 0, size = -1;
  for (let p = 0; p < piecesOf(sizes, layer, pieces); ++p) {
    const v = Math.abs(params[paramIndex(sizes, layer, to, from, p, pieces)]);
    if (v > size) { best = p; size = v; }
  }
  return best;
}

/** A feature as the learner reads it: x1², sin x1. */
export function featureLabel(feature) {
  return feature.replace('sin_', 'sin ').replace('^2', '²');
}

/**
 * Display name of unit `unit` in diagram column `column` (0 = input features). Several outputs are
 * one per class and counted from 0 like the classes (data, legend, class to draw): output k is class k.
 */
export function unitName(featureNames, sizes, column, unit) {
  if (column === 0) return featureLabel(featureNames[unit]);
  if (column === sizes.length - 1) return sizes[column] > 1 ? t('output {n}', { n: unit }) : t('output');
  return `h${column}.${unit + 1}`;
}

const fmt = (v) => formatNumber(v, { digits: 4, missing: '–' });

/**
 * @param {HTMLElement} container
 * @param {object} handlers onAddLayer(), onRemoveLayer(), onAddNeuron(layer), onRemoveNeuron(layer),
 *   onToggleFeature(name), onHoverNode(info | null), onEditParam({ layer, to, from | 'bias', value, piece })
 *   (piece: the maxout piece the link stands for, else 0), onResize() (the panel's new width needs
 *   the diagram laid out again: call update() with a fresh snapshot)
 */
export function createNetworkView(container, handlers) {
  container.classList.add('network-view');
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('links');
  // Every node's picture in one canvas between the links and the cards: one layer for the
  // compositor to take each frame rather than one per node (the cards above it are transparent).
  const pictures = document.createElement('canvas');
  pictures.className = 'pictures';
  pictures.setAttribute('aria-hidden', 'true');
  const cards = document.createElement('div');
  cards.className = 'cards';
  const tooltip = document.createElement('div');
  tooltip.className = 'tooltip';
  tooltip.hidden = true;
  container.append(svg, pictures, cards, tooltip);

  let shape = '';           // rebuild the DOM only when the architecture changes
  let fitted = '';          // the column spacing and zoom of the last build (fit())
  let links = [];           // { path, layer, to, from }
  let biases = [];          // { rect, hit, layer, to, from }
  let heatmaps = [];        // per drawn node: { heatmap, node (grid index), layer, unit }
  let snapshot = null;
  const ramps = new Map();  // per theme and output class: its midpoint-to-colour table
  let hovered = null;       // the link or bias under the pointer, whose tooltip follows each snapshot
  let spokenWithGradient = null;  // the focused link or bias whose spoken name has its gradient

  function showTooltip(x, y, html) {
    tooltip.innerHTML = html;
    tooltip.hidden = false;
    const box = container.getBoundingClientRect();
    const z = zoom();  // client pixels → the view's own (unzoomed) pixels
    tooltip.style.left = `${Math.min((x - box.left) / z + 12, box.width / z - 180)}px`;
    tooltip.style.top = `${(y - box.top) / z + 12}px`;
  }
  const zoom = () => Number(container.style.zoom) || 1;
  function hideTooltip() { tooltip.hidden = true; hovered = null; }

  // A maxout link stands for k weights (one per piece): it shows the largest |w|, and says so.
  const pieceOf = (link) => largestPiece(snapshot.params, snapshot.sizes, snapshot.pieces ?? 1, link.layer, link.to, link.from);
  const indexOf = (link, piece = pieceOf(link)) =>
    paramIndex(snapshot.sizes, link.layer, link.to, link.from, piece, snapshot.pieces ?? 1);

  function paramText(link) {
    const { params, gradient, sizes } = snapshot;
    const k = indexOf(link);
    const name = link.from === 'bias'
      ? t('bias of {unit}', { unit: nameOf(link.layer + 1, link.to) })
      : t('weight {from} → {to}', { from: nameOf(link.layer, link.from), to: nameOf(link.layer + 1, link.to) });
    const count = piecesOf(sizes, link.layer, snapshot.pieces ?? 1);
    const piece = pieceOf(link);
    const pieces = count > 1
      ? `<br>${t('maxout piece {piece} of {count}, the largest |{w}| (pieces: {values})', { piece: piece + 1, count,
        w: link.from === 'bias' ? 'b' : 'w', values: formatList(Array.from({ length: count }, (_, p) => fmt(params[indexOf(link, p)]))) })}`
      : '';
    return `<b>${name}</b>${pieces}<br>${t('value {v}', { v: fmt(params[k]) })}` +
      (gradient ? `<br>${t('gradient dJ/d{w} {v}', { w: link.from === 'bias' ? 'b' : 'w', v: fmt(gradient[k]) })}` : '') +
      `<br><small>${count > 1 ? t('click to edit piece {piece}', { piece: piece + 1 }) : t('click to edit')}</small>`;
  }

  const spokenText = (link) => paramText(link).replace(/<br>/g, ', ').replace(/<[^>]+>/g, '');

  const nameOf = (layer, unit) => unitName(snapshot.featureNames, snapshot.sizes, layer, unit);

  function edit(link, x, y) {
    const { params } = snapshot;
    const piece = pieceOf(link);
    const k = indexOf(link, piece);
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.className = 'param-editor';
    input.value = String(Number(params[k].toPrecision(6)));
    input.setAttribute('aria-label', link.from === 'bias' ? t('bias value') : t('weight value'));
    const box = container.getBoundingClientRect();
    input.style.left = `${(x - box.left) / zoom() - 40}px`;
    input.style.top = `${(y - box.top) / zoom() - 14}px`;
    container.append(input);
    input.focus();
    input.select();
    let done = false;
    // Enter and Escape hand focus back to the link, so the keyboard goes on from there (Tab to
    // the next weight, Enter to edit again); a blur leaves it wherever the learner moved it.
    const finish = (commit, refocus) => {
      if (done) return;
      done = true;
      const value = Number(input.value);
      if (refocus && link.el?.isConnected) link.el.focus({ preventScroll: true });
      input.remove();
      if (commit && input.value.trim() !== '' && Number.isFinite(value)) {
        handlers.onEditParam?.({ layer: link.layer, to: link.to, from: link.from, value, piece });
      }
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') finish(true, true);
      if (e.key === 'Escape') finish(false, true);
    });
    input.addEventListener('blur', () => finish(true, false));
  }

  // Pointer events on the parameter's own shape, and on its wider invisible hit area if it has one.
  function attachParamEvents(el, link, hit = null) {
    const show = (e) => { showTooltip(e.clientX, e.clientY, paramText(link)); hovered = link; };
    for (const target of hit ? [el, hit] : [el]) {
      target.addEventListener('pointerenter', show);
      target.addEventListener('pointermove', show);
      target.addEventListener('pointerleave', hideTooltip);
      target.addEventListener('click', (e) => { hideTooltip(); edit(link, e.clientX, e.clientY); });
    }
    if (hit) {  // the link or bias square itself lights up while its hit area is under the pointer
      hit.addEventListener('pointerenter', () => el.classList.add('hot'));
      hit.addEventListener('pointerleave', () => el.classList.remove('hot'));
    }
    // Keyboard: Tab reaches every weight and bias; focus shows the tooltip, Enter edits.
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', paramText(link).replace(/<br>.*/, '').replace(/<[^>]+>/g, ''));
    const where = () => {
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    };
    link.el = el;  // update() re-reads a focused parameter's label when its gradient arrives
    el.addEventListener('focus', () => {
      el.setAttribute('aria-label', spokenText(link));
      spokenWithGradient = null;  // the gradient arrives with the next update
      showTooltip(...where(), paramText(link));
      hovered = link;
    });
    el.addEventListener('blur', hideTooltip);
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      hideTooltip();
      edit(link, ...where());
    });
  }

  function button(label, title, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', onClick);
    return b;
  }

  // The panel's width as its ResizeObserver last reported it (0 until then). Each build fits the
  // diagram to it, and a new width that fits differently (a phone turned, a window resized) asks
  // for a render, which builds again: update() itself never reads the page's layout.
  let panelWidth = 0;
  let refit = false;
  const panel = container.parentElement;
  if (panel && typeof ResizeObserver === 'function') {
    new ResizeObserver(([entry]) => {
      const width = entry.contentRect.width;
      if (!width || width === panelWidth) return;  // hidden, or only the diagram's height changed
      panelWidth = width;
      if (snapshot && !refit && fit(snapshot.sizes.length).key !== fitted) {
        refit = true;
        handlers.onResize?.();
      }
    }).observe(panel);
  }
  // A new default font size: the feature names' room and the columns' counts change with it.
  onTextScaleChange(() => {
    if (!snapshot || refit) return;
    refit = true;
    handlers.onResize?.();
  });

  /**
   * The column spacing and zoom for `count` columns in the panel: deep networks squeeze their
   * columns to fit before it has to scroll, and deeper still (8 hidden layers) the whole view zooms
   * out, so the output stays in view. On a touch screen the +/− buttons are TAP px on screen, so
   * the headers take more room; zoomed out, they stack (+ over −) to fit their column.
   */
  function fit(count) {
    const room = panelWidth || panel?.clientWidth || 0;
    const left = Math.round(LEFT * textScale());
    const column = Math.max(COLUMN_MIN, Math.min(COLUMN_MAX, Math.floor(((room || 700) - left - CARD - 20) / (count - 1))));
    const width = left + column * (count - 1) + CARD + 20;
    const ratio = (room || width) / width;
    const scale = ratio < 1 ? Math.max(0.5, Math.floor(ratio * 100) / 100) : 1;
    const touch = matchMedia(TOUCH_SIZED).matches;
    return { column, left, width, scale, touch, stacked: touch && scale < 1, key: `${column} ${left} ${scale} ${touch}` };
  }

  // Card positions: column per layer (inputs show every feature, the chosen ones live).
  let COLUMN = COLUMN_MAX;
  let left = LEFT;
  let top = TOP;
  let lines = 1;  // the lecture hall's line scale, read at each build
  function layout(s) {
    const columns = [s.allFeatures.map((name) => ({ name, enabled: s.featureNames.includes(name) }))];
    for (let l = 1; l < s.sizes.length; ++l) columns.push(Array.from({ length: s.sizes[l] }, (_, u) => ({ unit: u })));
    const { column, left: featureRoom, width, scale, touch, stacked, key } = fit(columns.length);
    COLUMN = column;
    left = featureRoom;
    fitted = key;
    const tap = TAP / scale;  // TAP screen pixels in the view's own
    // The layer's buttons, then each column's (stacked: + over −), then the cards.
    top = stacked ? Math.ceil(3 * tap + 8) : touch ? 2 * TAP + 2 : TOP;
    const rows = Math.max(...columns.map((c) => c.length));
    return { columns, width, height: top + rows * ROW + 10, scale, stacked, tap };
  }

  function center(col, row) {
    return { x: left + col * COLUMN, y: top + row * ROW };  // top-left of the card
  }

  // The focused control's stand-in after a rebuild: the same parameter, feature or unit, or the
  // button with the same name (a keyboard user who pressed "+" presses Enter again).
  function focusedSelector() {
    const el = document.activeElement;
    if (!el || !container.contains(el)) return null;
    const attr = ['data-param', 'data-feature', 'data-unit', 'aria-label'].find((a) => el.hasAttribute(a));
    return attr ? `${el.localName}[${attr}="${CSS.escape(el.getAttribute(attr) ?? '')}"]` : null;
  }

  function rebuild(s) {
    const focused = focusedSelector();
    build(s);
    if (focused) /** @type {HTMLElement | SVGElement | null} */ (container.querySelector(focused))?.focus({ preventScroll: true });
  }

  function build(s) {
    const { columns, width, height, scale, stacked, tap } = layout(s);
    refit = false;
    cards.replaceChildren();
    svg.replaceChildren();
    container.style.zoom = scale < 1 ? String(scale) : '';
    // Narrow columns: the per-layer +/− and count close up so neighbouring layers' never touch.
    container.classList.toggle('compact', COLUMN < 90);
    container.classList.toggle('stacked', stacked);
    container.style.setProperty('--tap', `${Math.ceil(tap * 100) / 100}px`);  // touch targets' size (style.css)
    container.style.width = `${width}px`;
    container.style.height = `${height}px`;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    const dpr = pixelRatio(pictures);
    lines = lineScale(container);
    pictures.width = Math.round(width * dpr);
    pictures.height = Math.round(height * dpr);
    pictures.style.width = `${width}px`;
    pictures.style.height = `${height}px`;
    // A card's picture fills its inside (the card is CARD px with a 1 px border, corners rounded).
    const pictureRect = (x, y) => ({ x: (x + 1) * dpr, y: (y + 1) * dpr, width: (CARD - 2) * dpr, height: (CARD - 2) * dpr });
    const painter = (x, y) => createHeatmap(pictures, { rect: pictureRect(x, y), radius: 3 * dpr });
    links = [];
    biases = [];
    heatmaps = [];

    // Headers: layer controls over each hidden column, plus add/remove layer.
    const hiddenCount = s.sizes.length - 2;
    const header = document.createElement('div');
    header.className = 'layer-controls';
    header.style.left = `${left + COLUMN - 10}px`;
    header.append(
      button('+', t('add a hidden layer'), () => handlers.onAddLayer?.()),
      button('−', t('remove the last hidden layer'), () => handlers.onRemoveLayer?.()),
      Object.assign(document.createElement('span'), { textContent: tn('{n} hidden layer', '{n} hidden layers', hiddenCount) }),
    );
    cards.append(header);
    for (let l = 1; l <= hiddenCount; ++l) {
      const h = document.createElement('div');
      h.className = 'neuron-controls';
      h.style.left = `${center(l, 0).x - (COLUMN < 90 ? 8 : 14)}px`;
      h.append(
        button('+', t('add a neuron to hidden layer {l}', { l }), () => handlers.onAddNeuron?.(l - 1)),
        button('−', t('remove a neuron from hidden layer {l}', { l }), () => handlers.onRemoveNeuron?.(l - 1)),
        // Narrow columns (or large text) show just the count; the buttons' labels say what it counts.
        Object.assign(document.createElement('span'), {
          textContent: COLUMN >= 110 * textScale() ? tn('{n} neuron', '{n} neurons', s.sizes[l]) : String(s.sizes[l]),
        }),
      );
      cards.append(h);
    }

    // Row of each live node, used for links: inputs by feature position.
    const rowOf = columns.map((col) => col.map((_, r) => r));
    const inputRow = s.featureNames.map((name) => s.allFeatures.indexOf(name));

    // Links first (under the cards), weight layer l joins column l and l+1. Under every link, a
    // transparent wide copy of it takes taps and clicks near the 1-8 px stroke (a finger needs
    // about 24 px); the visible links lie above all of them, so a click on a stroke is its own.
    const hits = document.createElementNS(SVG, 'g');
    hits.classList.add('link-hits');
    svg.append(hits);
    for (let l = 0; l + 1 < s.sizes.length; ++l) {
      for (let to = 0; to < s.sizes[l + 1]; ++to) {
        for (let from = 0; from < s.sizes[l]; ++from) {
          const a = center(l, l === 0 ? inputRow[from] : rowOf[l][from]);
          const b = center(l + 1, to);
          const x1 = a.x + CARD, y1 = a.y + CARD / 2, x2 = b.x, y2 = b.y + CARD / 2;
          const mid = (x1 + x2) / 2;
          const path = document.createElementNS(SVG, 'path');
          path.setAttribute('d', `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`);
          path.classList.add('link');
          const link = { path, layer: l, to, from };
          path.dataset.param = `${l}:${to}:${from}`;
          const hit = document.createElementNS(SVG, 'path');
          hit.setAttribute('d', path.getAttribute('d'));
          hit.classList.add('link-hit');
          hit.dataset.hit = path.dataset.param;
          hits.append(hit);
          attachParamEvents(path, link, hit);
          svg.append(path);
          links.push(link);
        }
      }
    }

    let node = 0;  // index into the grid: features, hidden units, outputs
    columns.forEach((col, c) => {
      col.forEach((entry, r) => {
        const { x, y } = center(c, r);
        const card = document.createElement('div');
        card.className = 'node';
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        if (c === 0) {
          card.classList.add('feature');
          card.classList.toggle('disabled', !entry.enabled);
          card.setAttribute('role', 'switch');
          card.setAttribute('aria-checked', String(entry.enabled));
          card.setAttribute('aria-label', t('input feature {name}', { name: entry.name }));
          card.tabIndex = 0;
          card.dataset.feature = entry.name;
          const label = document.createElement('span');
          label.className = 'node-label';
          label.textContent = featureLabel(entry.name);
          card.append(label);
          const toggle = () => handlers.onToggleFeature?.(entry.name);
          card.addEventListener('click', toggle);
          card.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); }
          });
        } else {
          card.dataset.unit = `${c}:${r}`;
          card.setAttribute('role', 'img');  // a picture of the unit's output; aria-label needs a role
          card.setAttribute('aria-label', c === s.sizes.length - 1 ? unitName(s.featureNames, s.sizes, c, r) : t('hidden layer {l} neuron {n}', { l: c, n: r + 1 }));
          card.tabIndex = 0;
        }
        if (c === 0) {
          // Features never change: drawn once from the preview grid of all features; one not in
          // use is faded (a quarter of its colour over the panel colour).
          const { g, values } = s.featureGrid;
          const offset = r * g * g;
          const { lo, hi } = nodeRange('feature', values, offset, g * g);
          painter(x, y).drawSigned(values, offset, g, { lo, hi, discretize: false });
          if (!entry.enabled) {
            const ctx = pictures.getContext('2d');
            const { x: px, y: py, width: pw, height: ph } = pictureRect(x, y);
            ctx.globalAlpha = 0.75;
            ctx.fillStyle = themeColors().panel;
            ctx.fillRect(px, py, pw, ph);
            ctx.globalAlpha = 1;
          }
        }
        if (c > 0 || entry.enabled) {
          const layer = c;
          const unit = c === 0 ? s.featureNames.indexOf(entry.name) : r;
          const gridNode = node++;
          if (c > 0) heatmaps.push({ heatmap: painter(x, y), node: gridNode, layer, unit });
          const info = () => ({ layer, unit, node: gridNode, name: nameOf(layer, unit) });
          card.addEventListener('pointerenter', () => handlers.onHoverNode?.(info()));
          card.addEventListener('focus', () => handlers.onHoverNode?.(info()));
          card.addEventListener('pointerleave', () => handlers.onHoverNode?.(null));
          card.addEventListener('blur', () => handlers.onHoverNode?.(null));
        }
        if (c > 0) {  // bias square at the lower left of the card
          const rect = document.createElementNS(SVG, 'rect');
          rect.setAttribute('x', String(x - 6));
          rect.setAttribute('y', String(y + CARD - 6));
          rect.setAttribute('width', '8');
          rect.setAttribute('height', '8');
          rect.classList.add('bias');
          const link = { layer: c - 1, to: r, from: 'bias' };
          rect.dataset.param = `${c - 1}:${r}:bias`;
          // Its hit area, as wide as a link's (style.css sizes it), left of the card (which takes
          // the taps on it) and level with the square; over the links' hit areas, so a tap near
          // the square is the bias's even where one passes, and under the links themselves.
          const hit = document.createElementNS(SVG, 'rect');
          hit.setAttribute('x', String(x));
          hit.setAttribute('y', String(y + CARD - 2));
          hit.classList.add('bias-hit');
          hit.dataset.hit = rect.dataset.param;
          attachParamEvents(rect, link, hit);
          biases.push({ rect, hit, ...link });
        }
        cards.append(card);
      });
    });
    biases.forEach((b) => hits.append(b.hit));
    biases.forEach((b) => svg.append(b.rect));  // over the links
  }

  // The links' and bias squares' colours and widths. Attributes are written only when what they
  // show changes (a tenth of a pixel, a hundredth of opacity, the sign): while training most links
  // change by less each frame, and every write costs a style recalculation and a repaint.
  function drawParams(params) {
    for (const link of links) {
      const w = params[indexOf(link)];
      setIfChanged(link, 'stroke', signColor(w));  // the step view's rule: zero is neutral grey
      setIfChanged(link, 'stroke-width', (linkWidth(w) * lines).toFixed(1));
    }
    for (const b of biases) {
      const v = params[indexOf({ layer: b.layer, to: b.to, from: 'bias' })];
      setIfChanged(b, 'fill', signColor(v));
      // fill-opacity, not opacity: an opacity makes the square a compositing effect of its own,
      // and changing one makes the browser re-layerize the whole page.
      setIfChanged(b, 'fill-opacity', Math.min(1, 0.25 + Math.abs(v)).toFixed(2));
    }
  }

  /**
   * @param {object} s { allFeatures, featureGrid: { g, values } (every feature, allFeatures order),
   *   featureNames (chosen, in input order), sizes (layerSizes), activations (per column: 'feature'
   *   for inputs, then hidden..., output), params, gradient, grid: { g, values } (the engine's
   *   evaluateGrid: chosen features, hidden units, outputs), discretize, pieces (maxout's k, else 1),
   *   linksLater, picturesLater (true: the links and bias squares, or the nodes' pictures, keep what
   *   they show until a later update), playing (training plays: a new snapshot every frame) }
   */
  function update(s) {
    snapshot = s;
    // The theme too: the feature pictures are drawn once per build, in the theme's colours.
    const key = `${s.allFeatures.join()}|${s.featureNames.join()}|${s.sizes.join()}|${colorTheme()}|${language()}|${displayVersion()}`;
    const rebuilt = key !== shape || refit;
    if (rebuilt) {
      shape = key;
      hideTooltip();  // its link is gone
      rebuild(s);
    }
    // The value (while training) and the gradient (one frame after hovering starts) arrive later.
    if (hovered && !tooltip.hidden) {
      tooltip.innerHTML = paramText(hovered);
      // A focused parameter's spoken name follows too, but while training plays only until its
      // gradient is in: a screen reader reads out each change of the focused control's name, which
      // would be every frame. Paused (or stepped), it says the value again.
      const el = hovered.el;
      if (el === document.activeElement && (!s.playing || spokenWithGradient !== el)) {
        const name = spokenText(hovered);
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        if (s.gradient) spokenWithGradient = el;
      }
    }
    if (rebuilt || !s.linksLater) drawParams(s.params);
    if (s.grid && (rebuilt || !s.picturesLater)) {  // each node's picture of its values over the plane
      const { g, values } = s.grid;
      const cells = g * g;
      for (const h of heatmaps) {
        const offset = h.node * cells;
        const activation = s.activations[h.layer];
        const { lo, hi } = nodeRange(activation, values, offset, cells);
        // A softmax output is one class's probability: the panel colour to that class's plot colour.
        let ramp = null;
        if (activation === 'softmax') {
          const id = `${colorTheme()} ${h.unit}`;
          if (!ramps.has(id)) ramps.set(id, rampLut(classColor(h.unit)));
          ramp = ramps.get(id);
        }
        h.heatmap.drawSigned(values, offset, g, { lo, hi, discretize: s.discretize, ramp });
      }
    }
  }

  return { update };
}

// Sets attribute `name` of item.path (a link) or item.rect (a bias) to `value` unless it holds it.
function setIfChanged(item, name, value) {
  const shown = (item.shown ??= {});
  if (shown[name] === value) return;
  shown[name] = value;
  (item.path ?? item.rect).setAttribute(name, value);
}
