// PReLU's learned slopes while training: one row per hidden layer, each unit's slope aᵢ (the
// f(z) = aᵢ·z it applies for z < 0), from engine.preluSlopes(). Every unit starts at 0.25; a slope
// that has moved is marked, so the learner sees which units bent their negative side. Not here:
// the slopes' gradients (the step panel's trace has them).
import { formatNumber } from './format.js';

const START = 0.25;  // core/include/backprop/activation.hpp kPreluInitialSlope

/** @returns {{ update(slopes: Float32Array[]): void }} */
export function createPreluSlopes(container) {
  const note = document.createElement('p');
  note.className = 'hint';
  note.textContent = 'Each hidden unit’s slope aᵢ for z < 0, learned by backpropagation like a weight (0.25 at the start).';
  const table = document.createElement('table');
  table.className = 'prelu-slopes';
  table.setAttribute('aria-label', 'PReLU slope of each hidden unit, one row per layer');
  table.innerHTML = '<tbody></tbody>';
  container.append(note, table);
  const body = table.querySelector('tbody');
  let shape = '';
  return {
    update(slopes) {
      const key = slopes.map((s) => s.length).join(',');
      if (key !== shape) {  // rebuilt only when the layers change
        shape = key;
        body.innerHTML = slopes.map((s, l) => `<tr data-layer="${l}"><th scope="row">h${l + 1}</th>${
          Array.from(s, (_, i) => `<td data-unit="${i}"></td>`).join('')}</tr>`).join('');
      }
      slopes.forEach((s, l) => {
        const cells = body.rows[l].cells;
        s.forEach((v, i) => {
          const td = cells[i + 1];
          td.dataset.value = String(v);
          td.textContent = formatNumber(v);
          td.title = `h${l + 1}.${i + 1}: a = ${formatNumber(v, { digits: 6 })}`;
          td.classList.toggle('moved', v !== START);
        });
      });
    },
  };
}
