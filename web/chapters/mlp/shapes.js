// The MLP chapter's widget: the current network's layers as the core holds them (layerSizes(),
// layers()): each weight matrix's shape, its weights and biases, and the totals. Redrawn when the
// playground renders and the architecture changed.
import { t } from '../../i18n/i18n.js';

/** @returns {() => void} clean-up */
export function createShapesWidget(container, { playground }) {
  const box = document.createElement('section');
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
    const key = sizes.join(',');
    if (key === shown) return;
    shown = key;
    const layers = engine.layers();
    let weights = 0, biases = 0;
    const rows = layers.map((layer, l) => {
      const w = layer.W.length, b = layer.b.length;
      weights += w; biases += b;
      const name = l === layers.length - 1 ? t('output') : t('hidden {l}', { l: l + 1 });
      return `<tr data-layer="${l + 1}"><td>W${l + 1} (${name})</td><td data-shape>${layer.rows}×${layer.cols}</td><td>${w}</td><td>${b}</td></tr>`;
    });
    table.tBodies[0].innerHTML = rows.join('');
    const total = engine.params().length;
    /** @type {HTMLElement} */
    const summary = box.querySelector('.shapes-summary');
    summary.textContent = t('Layer sizes [{sizes}]: {weights} weights + {biases} biases = {total} parameters.',
      { sizes: sizes.join(', '), weights, biases, total });
    summary.dataset.weights = String(weights);
    summary.dataset.biases = String(biases);
    summary.dataset.total = String(total);
  };
  draw();
  return playground.onRender(draw);
}
