// The MLP chapter's widget: the current network's layers as the core holds them (layerSizes(),
// layers(), preluSlopes()): each weight matrix's shape, its weights and biases (with maxout, every
// piece's), PReLU's slopes, and the totals, which add up to the core's count of parameters. Redrawn
// when the playground renders and the architecture or the activation changed.
import { t, tn } from '../../i18n/i18n.js';

const sum = (arrays) => arrays.reduce((n, a) => n + a.length, 0);

/** @returns {() => void} clean-up */
export function createShapesWidget(container, { playground }) {
  const box = document.createElement('section');
  box.id = 'network-numbers';  // widget= names it, as it does the labs
  box.className = 'widget shapes';
  box.innerHTML = '<h3>The current network in numbers</h3><p class="shapes-summary" id="shapes-summary"></p>';
  const table = document.createElement('table');
  table.className = 'shapes-table';
  table.innerHTML = '<thead><tr><th scope="col">layer</th><th scope="col">W shape</th><th scope="col">weights</th><th scope="col">biases</th></tr></thead><tbody></tbody>';
  box.append(table);
  container.append(box);
  let shown = '';
  const draw = () => {
    const engine = playground.engine();
    const sizes = engine.layerSizes();
    // Maxout's pieces and PReLU's slopes change the count as the sizes do.
    const { activation, maxoutPieces } = engine.settings();
    const key = `${sizes.join(',')} ${activation} ${maxoutPieces}`;
    if (key === shown) return;
    shown = key;
    const layers = engine.layers();
    let weights = 0, biases = 0;
    const rows = layers.map((layer, l) => {
      const w = sum(layer.pieces.map((p) => p.W)), b = sum(layer.pieces.map((p) => p.b));
      weights += w; biases += b;
      const k = layer.pieces.length;
      const name = l === layers.length - 1 ? t('output')
        : k > 1 ? tn('hidden {l}, {n} piece', 'hidden {l}, {n} pieces', k, { l: l + 1 }) : t('hidden {l}', { l: l + 1 });
      return `<tr data-layer="${l + 1}"><td>W${l + 1} (${name})</td><td data-shape>${layer.rows}×${layer.cols}</td><td>${w}</td><td>${b}</td></tr>`;
    });
    table.tBodies[0].innerHTML = rows.join('');
    const slopes = sum(engine.preluSlopes());
    const total = engine.params().length;
    /** @type {HTMLElement} */
    const summary = box.querySelector('.shapes-summary');
    // Each count its own singular or plural: one input and no hidden layer give 1 weight and 1 bias.
    const terms = [tn('{n} weight', '{n} weights', weights), tn('{n} bias', '{n} biases', biases)];
    if (slopes > 0) terms.push(tn('{n} PReLU slope', '{n} PReLU slopes', slopes));
    summary.textContent = t('Layer sizes [{sizes}]: {terms} = {total}.',
      { sizes: sizes.join(', '), terms: terms.join(' + '), total: tn('{n} parameter', '{n} parameters', total) });
    summary.dataset.weights = String(weights);
    summary.dataset.biases = String(biases);
    summary.dataset.slopes = String(slopes);
    summary.dataset.total = String(total);
  };
  draw();
  return playground.onRender(draw);
}
