// Chapter 1, the neuron: McCulloch and Pitts' unit (excitatory and inhibitory inputs, a threshold;
// its own widget), then the weighted sum, bias and threshold activation on the four binary inputs,
// whose weights the learner sets, with logic-gate tasks checked from the core's outputs. No
// playground under it.
import { chapterInfo } from '../../course/chapter-list.js';
import { renderIntro, renderChapterTasks } from '../../course/chapter-page.js';
import { allOf } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { formatNumber } from '../../views/format.js';
import { t } from '../../i18n/i18n.js';
import { beyondFloat, floatRangeProblem, inFloatRange, refuseBeyondFloat } from '../float-fields.js';
import { createMcCullochPittsWidget, mpTasks } from './mcculloch-pitts.js';
import { createUnit, setUnit, unitOutputs, zeroByRounding } from './unit.js';

const html = `
<p>An artificial neuron weighs its inputs, adds a bias and passes the sum through an activation function:
<math display="block"><mi>z</mi><mo>=</mo><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>w</mi><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub><mo>+</mo><mi>b</mi><mo>,</mo><mspace width="1em"/><mi>a</mi><mo>=</mo><mi>f</mi><mo>(</mo><mi>z</mi><mo>)</mo></math>
The first such model, McCulloch and Pitts' of 1943, takes inputs of 0 or 1, each excitatory or
inhibitory, and fires (outputs 1) when no inhibitory input is active and at least
<math><mi>θ</mi></math> excitatory inputs are; it has no weights to learn. Its successors weigh the
inputs with real numbers and fire through the threshold function,
<math><mi>f</mi><mo>(</mo><mi>z</mi><mo>)</mo><mo>=</mo><mn>1</mn></math> for
<math><mi>z</mi><mo>&gt;</mo><mn>0</mn></math> and 0 otherwise.</p>
<p>The inputs where it fires form a half-plane, bounded by the line
<math><msub><mi>w</mi><mn>1</mn></msub><msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><msub><mi>w</mi><mn>2</mn></msub><msub><mi>x</mi><mn>2</mn></msub><mo>+</mo><mi>b</mi><mo>=</mo><mn>0</mn></math>,
so one unit can compute AND, OR or NAND of two binary inputs, but not XOR. In the threshold unit's widget its two weights
and its bias are yours; it starts as AND. The core computes z and the output for each input.</p>`;

const TARGETS = { nand: [1, 1, 1, 0], or: [0, 1, 1, 1] };

function gateCheck(name, targets) {
  return ({ outputs }) => allOf(outputs.map((o, i) => [o.output === targets[i],
    t('for x = ({x}) the output is {output}, {gate} needs {target}', { x: o.input.join(', '), output: o.output, gate: name, target: targets[i] })]));
}

const unitTasks = [
  { id: 'nand', title: 'NAND', statement: 'Set the weights and the bias so the unit computes NAND: output 0 only when both inputs are 1.',
    check: gateCheck('NAND', TARGETS.nand) },
  { id: 'or', title: 'OR', statement: 'Now make it compute OR: output 1 when at least one input is 1.',
    check: gateCheck('OR', TARGETS.or) },
];
// The McCulloch–Pitts widget draws and checks its own; all are listed for routing.
export const tasks = [...mpTasks, ...unitTasks];

export const { id, title, playground } = chapterInfo('neuron');
export const lessons = [];

let engine = null;
let removeMcCullochPitts = null;

export function mount(container, { module, route, number, lab }) {
  renderIntro(container, { number, title, html });
  removeMcCullochPitts = createMcCullochPittsWidget(container, { module, route, lab });
  engine = createUnit(module);
  const widget = document.createElement('section');
  widget.id = 'neuron-unit';
  widget.className = 'widget neuron-unit';
  widget.innerHTML = `
    <h3>One threshold unit</h3>
    <div class="row">
      <label class="compact">w1 <input id="neuron-w1" type="number" step="0.5" value="1"></label>
      <label class="compact">w2 <input id="neuron-w2" type="number" step="0.5" value="1"></label>
      <label class="compact">b <input id="neuron-b" type="number" step="0.5" value="-1.5"></label>
    </div>
    <p id="neuron-error" class="act-error" role="status"></p>
    <table class="neuron-table"><thead><tr><th scope="col">x1</th><th scope="col">x2</th><th scope="col">z</th><th scope="col">output</th></tr></thead><tbody></tbody></table>
    <p id="neuron-rounding" class="hint" hidden></p>`;
  container.append(widget);
  const list = renderChapterTasks(widget, id, unitTasks, route.task);
  const inputs = ['w1', 'w2', 'b'].map((k) => /** @type {HTMLInputElement} */ (widget.querySelector(`#neuron-${k}`)));
  const fields = { w1: inputs[0], w2: inputs[1], b: inputs[2] };
  const linked = bindLabState(lab, 'unit', fields);
  refuseBeyondFloat(lab, 'unit', fields);
  const body = widget.querySelector('tbody');
  const redraw = () => {
    const values = inputs.map((el) => (el.value.trim() === '' ? NaN : Number(el.value)));
    // (a number beyond float's range, 1e39, the core would refuse)
    inputs.forEach((el, i) => el.setAttribute('aria-invalid', String(!inFloatRange(values[i]))));
    widget.querySelector('#neuron-error').textContent = Object.entries(fields).filter(([, el]) => beyondFloat(el))
      .map(([name]) => floatRangeProblem(name)).join('; ');
    if (!values.every(inFloatRange)) return;  // a half-typed field keeps the last numbers
    linked.save();
    const [w1, w2, b] = values;
    setUnit(engine, { w1, w2, b });
    const outputs = unitOutputs(engine);
    body.innerHTML = outputs.map((o, i) => `<tr data-point="${i}"><td>${o.input[0]}</td><td>${o.input[1]}</td>` +
      `<td>${formatNumber(o.z)}</td><td data-output="${o.output}">${o.output}</td></tr>`).join('');
    // 0.3, 0.6 and −0.9 give z = 5.96×10⁻⁸ at (1, 1): said, since the table alone shows the unit
    // firing where the learner's sum on paper says it does not.
    const rounding = /** @type {HTMLElement} */ (widget.querySelector('#neuron-rounding'));
    const near = zeroByRounding(outputs, { w1, w2, b });
    rounding.hidden = near.length === 0;
    rounding.textContent = near.map((o) => t('For x = ({x}), z is {z} rather than 0: the core computes in single precision (float32), in which the weights and the bias typed are not all exact, so a sum that is 0 on paper lands just above or below 0, and rounding decides the output ({output}). Move the bias a little to put the boundary clearly on one side.',
      { x: o.input.join(', '), z: formatNumber(o.z), output: o.output })).join(' ');
    list.update({ outputs });
  };
  for (const el of inputs) el.addEventListener('input', redraw);
  redraw();
}

export function unmount() {
  removeMcCullochPitts?.();
  removeMcCullochPitts = null;
  engine?.dispose();
  engine = null;
}
