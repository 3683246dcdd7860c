// The backpropagation chapter's computational graph: f(x, y, z) = (x + y)·z with the core's forward
// values and gradients (engine.js sumTimesGraph), redrawn as the learner types, and its own task
// checked from the same numbers. Its x, y and z travel in the link (chain.x=…), so a reload, a
// shared link or a change of language (which draws the chapter again) keeps them.
import { sumTimesGraph } from '../../engine.js';
import { bindLabState } from '../../course/lab-state.js';
import { showingRefusals } from '../../course/lab-wiring.js';
import { createGraphLesson } from '../../views/graph-lesson.js';
import { renderTasks } from '../../course/tasks.js';
import { t } from '../../i18n/i18n.js';

// The nodes the core computes, as the message names them.
const NODE_NAME = { x: 'x', y: 'y', z: 'z', q: 'q = x + y', f: 'f = q · z' };

// The first number of the graph that is not finite (inputs near the float limit), as the message
// names it, or null: ∞ and NaN are refused, as the expression lab refuses them, not drawn.
function overflowOf(nodes) {
  const value = nodes.find((n) => !Number.isFinite(n.value));
  if (value) return NODE_NAME[value.name];
  const grad = nodes.find((n) => !Number.isFinite(n.grad) || ![...n.local, ...n.edgeGradient].every(Number.isFinite));
  return grad ? `∂f/∂${grad.name}` : null;
}

/** @returns {() => void} clean-up */
export function createGraphWidget(container, { module, playground, route, lab }, tasks) {
  const section = document.createElement('section');
  section.id = 'graph-lesson';
  section.className = 'widget graph-lesson';
  section.dataset.hide = 'graphLesson';
  section.innerHTML = `
  <h3 id="graph-title">The chain rule on a computational graph</h3>
  <p class="hint">f(x, y, z) = (x + y) · z with q = x + y. Forward values run left to right above each
    edge; below it, the gradient flowing back: upstream ∂f/∂node × local derivative. Change the inputs.</p>
  <div class="row">
    <label class="compact">x <input id="graph-x" type="number" step="any" value="-2"></label>
    <label class="compact">y <input id="graph-y" type="number" step="any" value="5"></label>
    <label class="compact">z <input id="graph-z" type="number" step="any" value="-4"></label>
  </div>
  <p id="graph-error" class="graph-error" role="status"></p>
  <svg id="graph-svg" role="group" aria-label="Computational graph of f = (x + y) z with values and gradients"></svg>`;
  container.append(section);
  const svg = /** @type {SVGSVGElement} */ (section.querySelector('#graph-svg'));
  const view = createGraphLesson(svg);
  const list = renderTasks(section, tasks, { active: route.task });
  const inputs = ['graph-x', 'graph-y', 'graph-z'].map((id) => /** @type {HTMLInputElement} */ (section.querySelector(`#${id}`)));
  const linked = bindLabState(lab, 'chain', { x: inputs[0], y: inputs[1], z: inputs[2] });
  const redraw = () => {
    // A cleared or half-typed field is not 0: it is marked, and the graph keeps its last numbers.
    const values = inputs.map((el) => (el.value.trim() === '' ? NaN : Number(el.value)));
    inputs.forEach((el, i) => el.setAttribute('aria-invalid', String(!Number.isFinite(values[i]))));
    if (!values.every(Number.isFinite)) return;
    linked.save();
    const [x, y, z] = values;
    showingRefusals(playground, () => {
      const nodes = sumTimesGraph(module, x, y, z);
      const overflow = overflowOf(nodes);
      section.querySelector('#graph-error').textContent = overflow === null ? ''
        : t('Cannot evaluate this: {what} overflows here (the result is not a finite number).', { what: overflow });
      // Refused: the last numbers stay, faded, and the task reads none.
      svg.classList.toggle('stale', overflow !== null);
      if (overflow === null) view.update(nodes);
      list.update({ nodes: overflow === null ? nodes : null });
    });
  };
  for (const el of inputs) el.addEventListener('input', redraw);
  redraw();
  return () => section.remove();
}
