// Per-layer gradient magnitudes and activation statistics, as bars on a log scale, so vanishing
// gradients (sigmoid/tanh shrinking them towards the input) and dead ReLUs show while training.
// Draws engine.layerStats() snapshots; computes nothing about the network itself.

const LOG_MIN = -8;  // 1e-8: anything smaller draws as an empty bar
const LOG_MAX = 0;   // 1

/** Bar length in [0, 1] for a gradient norm on the log scale 1e-8 .. 1. */
export function logBar(value) {
  if (!(value > 0)) return 0;
  const t = (Math.log10(value) - LOG_MIN) / (LOG_MAX - LOG_MIN);
  return Math.max(0, Math.min(1, t));
}

/** Short scientific notation for the table: 3.2e-4. */
export function sci(value) {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  return value.toExponential(1).replace('e+', 'e');
}

/**
 * @param {HTMLElement} container
 * @returns {{ update(snapshot: { stats: object[], layerNames: string[] }) }}
 */
export function createLayerStats(container) {
  container.classList.add('layer-stats');
  const table = document.createElement('table');
  table.innerHTML = '<caption>Gradient size and activations per layer (training set)</caption>' +
    '<thead><tr><th scope="col">layer</th><th scope="col">|dJ/dW| (log scale)</th>' +
    '<th scope="col">activation mean ± sd</th><th scope="col">dead</th></tr></thead>';
  const body = document.createElement('tbody');
  table.append(body);
  container.append(table);
  let rows = [];

  function update({ stats, layerNames }) {
    if (rows.length !== stats.length) {
      body.replaceChildren();
      rows = stats.map((_, l) => {
        const tr = document.createElement('tr');
        tr.innerHTML = '<th scope="row"></th><td><span class="bar"><span class="fill"></span></span>' +
          '<span class="value"></span></td><td class="act"></td><td class="dead"></td>';
        body.append(tr);
        return {
          name: tr.querySelector('th'), fill: tr.querySelector('.fill'), value: tr.querySelector('.value'),
          act: tr.querySelector('.act'), dead: tr.querySelector('.dead'), tr,
        };
      });
    }
    stats.forEach((s, l) => {
      const r = rows[l];
      r.name.textContent = layerNames[l];
      r.fill.style.width = `${(100 * logBar(s.gradientNorm)).toFixed(1)}%`;
      r.value.textContent = sci(s.gradientNorm);
      r.tr.dataset.gradient = String(s.gradientNorm);
      r.act.textContent = `${s.activationMean.toFixed(2)} ± ${s.activationStd.toFixed(2)}`;
      r.dead.textContent = `${Math.round(100 * s.deadFraction)}%`;
    });
  }

  return { update };
}
