// The neuron chapter's McCulloch–Pitts unit: two binary inputs, each excitatory or inhibitory, and
// a threshold θ; its truth table from the core (engine.js mcCullochPittsTable) lights up as the
// learner switches inputs and moves θ. Presets for AND, OR, NOT; a search over every setting
// that shows no single unit computes XOR; and XOR from two layers of such units.
import { mcCullochPittsTable } from '../../engine.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { t } from '../../i18n/i18n.js';

const ROWS = [[0, 0], [0, 1], [1, 0], [1, 1]];
const PRESETS = {
  and: { title: 'AND', inhibitory: [false, false], threshold: 2 },
  or: { title: 'OR', inhibitory: [false, false], threshold: 1 },
  not: { title: 'NOT x2', inhibitory: [false, true], threshold: 0, note: 'With θ = 0, x1 does not matter: the unit fires unless x2, inhibitory, is active.' },
  andNot: { title: 'x1 AND NOT x2', inhibitory: [false, true], threshold: 1 },
};
export const XOR = Object.freeze([0, 1, 1, 0]);

/** Every single-unit setting on two inputs (each input either kind, θ from 0 to 2) with its table. */
export function everySetting(module) {
  const out = [];
  for (const a of [false, true]) {
    for (const b of [false, true]) {
      for (let threshold = 0; threshold <= 2; ++threshold) {
        out.push({ inhibitory: [a, b], threshold, table: [...mcCullochPittsTable(module, [a, b], threshold)] });
      }
    }
  }
  return out;
}

/**
 * XOR from two layers: h1 = x1 AND NOT x2, h2 = x2 AND NOT x1 (one inhibitory input each, θ = 1),
 * then y = h1 OR h2 (θ = 1). Every unit's output is read from its table in the core.
 * @returns {{ h1: number[], h2: number[], y: number[] }} per input row
 */
export function xorFromTwoLayers(module) {
  const h1 = mcCullochPittsTable(module, [false, true], 1);
  const h2 = mcCullochPittsTable(module, [true, false], 1);
  const or = mcCullochPittsTable(module, [false, false], 1);
  const y = ROWS.map((_, r) => or[2 * h1[r] + h2[r]]);
  return { h1: [...h1], h2: [...h2], y };
}

export const mpTasks = [
  { id: 'mp-nor', title: 'NOR with one unit',
    statement: 'Make the McCulloch–Pitts unit fire only when neither input is active (NOR): choose each input\'s kind and θ.',
    check: ({ table }) => {
      const want = [1, 0, 0, 0];
      const wrong = ROWS.filter((_, r) => table[r] !== want[r]);
      return { met: wrong.length === 0, missing: wrong.map((row) => t('x = ({x}) gives the wrong output', { x: row.join(', ') })) };
    } },
];

/** @returns {() => void} clean-up */
export function createMcCullochPittsWidget(container, { module, route, lab }, tasks = mpTasks) {
  const section = document.createElement('section');
  section.id = 'mp-unit';
  section.className = 'widget mp-unit';
  section.innerHTML = `
  <h3>McCulloch and Pitts' unit (1943)</h3>
  <p class="hint">Inputs and output are 0 or 1. The unit fires when no inhibitory input is active and at
    least θ excitatory inputs are. Nothing is learned: the kinds of input and θ are set by hand.</p>
  <div class="row mp-presets" role="group" aria-label="Presets">
    ${Object.entries(PRESETS).map(([k, p]) => `<button type="button" data-preset="${k}">${p.title}</button>`).join('')}
  </div>
  <div class="row">
    <label class="compact">x1 <select id="mp-kind-1"><option value="excitatory">excitatory</option><option value="inhibitory">inhibitory</option></select></label>
    <label class="compact">x2 <select id="mp-kind-2"><option value="excitatory">excitatory</option><option value="inhibitory">inhibitory</option></select></label>
    <label class="compact">θ <input id="mp-threshold" type="range" min="0" max="2" step="1" value="2"> <output id="mp-theta">2</output></label>
  </div>
  <table class="mp-table"><thead><tr><th scope="col">x1</th><th scope="col">x2</th><th scope="col">fires</th></tr></thead><tbody></tbody></table>
  <p id="mp-note" class="hint"></p>
  <div class="row"><button id="mp-xor" type="button">Can one unit compute XOR?</button></div>
  <div id="mp-xor-answer" hidden></div>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  const body = section.querySelector('tbody');
  /** @type {{ kind1: HTMLSelectElement, kind2: HTMLSelectElement, theta: HTMLInputElement }} */
  const fields = { kind1: $('mp-kind-1'), kind2: $('mp-kind-2'), theta: $('mp-threshold') };
  const linked = bindLabState(lab, 'mp', fields);
  // Beyond the fields, the XOR answer asked for and the preset whose note shows: kept through a change
  // of language, which draws the chapter again (the shell's lab.keep), though no link carries them.
  /** @type {{ xor: boolean, preset: string }} */
  const shown = { xor: false, preset: '', ...lab?.kept?.('mp') };
  const keep = () => lab?.keep?.('mp', { ...shown });

  // preset: the one just chosen, whose note shows until a field changes.
  const render = (preset = '') => {
    linked.save();
    shown.preset = preset;
    keep();
    const inhibitory = [fields.kind1.value === 'inhibitory', fields.kind2.value === 'inhibitory'];
    const threshold = Number(fields.theta.value);
    $('mp-theta').textContent = String(threshold);
    const table = [...mcCullochPittsTable(module, inhibitory, threshold)];
    body.innerHTML = ROWS.map(([a, b], r) => `<tr data-row="${a}${b}" data-fires="${table[r]}"><td>${a}</td><td>${b}</td><td>${table[r]}</td></tr>`).join('');
    $('mp-note').textContent = PRESETS[preset]?.note ?? '';
    list.update({ table });
  };
  /** @type {NodeListOf<HTMLButtonElement>} */ (section.querySelectorAll('[data-preset]')).forEach((button) => button.addEventListener('click', () => {
    const p = PRESETS[button.dataset.preset];
    p.inhibitory.forEach((inh, j) => { /** @type {HTMLSelectElement} */ ($(`mp-kind-${j + 1}`)).value = inh ? 'inhibitory' : 'excitatory'; });
    fields.theta.value = String(p.threshold);
    render(button.dataset.preset);
  }));
  for (const id of ['mp-kind-1', 'mp-kind-2', 'mp-threshold']) $(id).addEventListener('input', () => render());

  const showXor = () => {
    const settings = everySetting(module);
    const hits = settings.filter((s) => s.table.every((v, r) => v === XOR[r]));
    const { h1, h2, y } = xorFromTwoLayers(module);
    const answer = $('mp-xor-answer');
    answer.hidden = false;
    answer.innerHTML = `
      <p id="mp-xor-verdict"><span>${hits.length === 0
    ? t('No: the core tried all {n} settings of one unit (each input either kind, θ = 0, 1 or 2) and none gives 0, 1, 1, 0.', { n: settings.length })
    : t('The core tried all {n} settings of one unit (each input either kind, θ = 0, 1 or 2) and {hits} give 0, 1, 1, 0.', { n: settings.length, hits: hits.length })}</span>
      The inputs where a unit fires lie on one side of a line, and no line puts (0, 1) and (1, 0) on one
      side with (0, 0) and (1, 1) on the other: XOR is not linearly separable (Minsky and Papert, 1969).</p>
      <p>Two layers do it: h1 = x1 AND NOT x2 and h2 = x2 AND NOT x1 (an inhibitory input each, θ = 1), then
      y = h1 OR h2 (θ = 1).</p>
      <table class="mp-table mp-xor-table"><thead><tr><th scope="col">x1</th><th scope="col">x2</th><th scope="col">h1</th><th scope="col">h2</th><th scope="col">y</th></tr></thead>
      <tbody>${ROWS.map(([a, b], r) => `<tr data-fires="${y[r]}"><td>${a}</td><td>${b}</td><td>${h1[r]}</td><td>${h2[r]}</td><td>${y[r]}</td></tr>`).join('')}</tbody></table>`;
  };
  $('mp-xor').addEventListener('click', () => {
    showXor();
    shown.xor = true;
    keep();
  });
  render(shown.preset);
  if (shown.xor) showXor();
  return () => section.remove();
}
