// Binds the page's form controls ([data-key] elements) to the settings table: fills the select
// options, reads a changed control as a typed value, and shows a state in the controls. Knows
// nothing about the engine; the controller decides what a change means.
import { VALUE_LABELS } from './views/names.js';
import { decimalSeparator, onLanguageChange } from './i18n/i18n.js';
import { formatPercent } from './views/format.js';


/** Display text of a setting's value (numbers with the language's decimal separator). */
export function valueLabel(value) {
  if (typeof value === 'number') return String(value).replace('.', decimalSeparator());
  return VALUE_LABELS[value] ?? String(value);
}

/** Text for a slider's output: ratios as percentages, others as they are. */
export function sliderText(key, value) {
  if (key === 'trainRatio' || key === 'validationRatio' || key === 'noise') return formatPercent(value, 0);
  return String(value);
}

const isWhole = (x) => Math.abs(x - Math.round(x)) < 1e-6;
// Decimal places of a number as written: 0.42 → 2, 5 → 0 (at most 12).
function decimals(x) {
  let d = 0;
  while (d < 12 && Math.abs(x * 10 ** d - Math.round(x * 10 ** d)) > 1e-9 * Math.max(1, Math.abs(x * 10 ** d))) d += 1;
  return d;
}

/**
 * The range and step a slider needs to show `value` exactly: its own (`base`, as the page writes
 * it) grown to take in the value and every value `reached` before (a link may set any value the
 * core takes, beyond the slider's ends: points=2000, batchSize=500), with the slider's own step
 * when the value and both ends lie on it, else the finest step the numbers need (points=205: 1).
 * Pinned at an end, the thumb would say one value while the readout and the engine use another.
 * @param {{ min: number, max: number, step: number }} base
 * @param {number} value
 * @param {{ min: number, max: number }} [reached]
 * @returns {{ min: number, max: number, step: number }}
 */
export function sliderRange(base, value, reached = { min: value, max: value }) {
  if (!Number.isFinite(value)) return base;
  const min = Math.min(base.min, reached.min, value), max = Math.max(base.max, reached.max, value);
  const fits = (step) => [value, max].every((v) => isWhole((v - min) / step));
  const step = fits(base.step) ? base.step : 10 ** -Math.max(...[value, min, max, base.step].map(decimals));
  return { min, max, step };
}

/**
 * @param {ParentNode} root
 * @param {ReadonlyArray<object>} table state.js SETTINGS
 * @param {(key: string, value: any) => void} onChange called with a typed value
 */
export function createControls(root, table, onChange) {
  const entries = new Map(table.map((e) => [e.key, e]));
  /** @type {NodeListOf<HTMLInputElement|HTMLSelectElement>} */
  const controls = root.querySelectorAll('[data-key]');
  const elements = [...controls].filter((el) => entries.has(el.dataset.key));
  // What only a select or only an input has, for the type checker (told apart by tagName and type below).
  const asSelect = (/** @type {Element} */ el) => /** @type {HTMLSelectElement} */ (el);
  const asInput = (/** @type {Element} */ el) => /** @type {HTMLInputElement} */ (el);
  // Each slider's range as the page writes it, and how far the values it has shown reached: once
  // grown to a link's value, a slider keeps it in reach, so a drag can bring the value back (until
  // another link is loaded: forgetReach).
  const ranges = new Map(elements.filter((el) => el.type === 'range').map((el) => {
    const base = { min: Number(asInput(el).min), max: Number(asInput(el).max), step: Number(asInput(el).step) };
    return [el, { base, reached: { min: base.min, max: base.max } }];
  }));
  const showOnSlider = (/** @type {HTMLInputElement} */ el, value) => {
    const range = ranges.get(el);
    const { min, max, step } = sliderRange(range.base, value, range.reached);
    range.reached = { min, max };
    // The ends and the step before the value, or the browser would clamp it to the old ones.
    for (const [name, v] of [['min', min], ['max', max], ['step', step]]) if (el[name] !== String(v)) el[name] = String(v);
    if (el.value !== String(value)) el.value = String(value);
  };

  for (const el of elements) {
    const entry = entries.get(el.dataset.key);
    // The options' texts are values' names, which the catalogues hold in the context 'value'.
    if (el.tagName === 'SELECT') el.dataset.i18nContext = 'value';
    if (el.tagName === 'SELECT' && asSelect(el).options.length === 0) {
      const values = el.dataset.choices ? el.dataset.choices.split(',').map((v) => (v === entry.word ? v : Number(v))) : entry.values;
      for (const v of values) el.append(new Option(valueLabel(v), String(v)));
    }
    if (el.type === 'number') {
      if (entry.min !== undefined) asInput(el).min = String(entry.min);
      if (entry.max !== undefined) asInput(el).max = String(entry.max);
    }
    const read = () => {
      if (el.type === 'checkbox') return asInput(el).checked;
      if (entry.word !== undefined && el.value === entry.word) return el.value;
      if (entry.kind === 'number' || entry.kind === 'int') return el.value.trim() === '' ? NaN : Number(el.value);
      return el.value;
    };
    const showLabel = () => {
      /** @type {HTMLOutputElement} */
      const out = root.querySelector(`output[data-for="${entry.key}"]`);
      if (out) out.value = sliderText(entry.key, read());
    };
    // A touch that lands on a slider moves its thumb at once (Chromium), and still reports the
    // change after the browser took the gesture over as a scroll (pointercancel): such a swipe
    // puts the slider back instead of changing the setting. Mouse and keyboard never cancel.
    let valueAtTouch = null;
    let scrolledAway = false;
    if (el.type === 'range') {
      el.addEventListener('input', showLabel);  // live label while dragging; the change applies on release
      el.addEventListener('pointerdown', () => { valueAtTouch = el.value; scrolledAway = false; });
      el.addEventListener('pointercancel', () => {
        if (valueAtTouch === null) return;
        scrolledAway = true;
        el.value = valueAtTouch;
        showLabel();
      });
    }
    el.addEventListener('change', () => {
      // (Chromium sends no change once the value is back; a browser that still does is ignored.)
      const putBack = scrolledAway && el.value === valueAtTouch;
      scrolledAway = false;
      if (!putBack) onChange(entry.key, read());
    });
  }

  // Numbers in the menus follow the language's decimal separator (names are translated as text).
  onLanguageChange(() => {
    for (const el of elements) {
      if (el.tagName !== 'SELECT') continue;
      for (const o of asSelect(el).options) if (o.value !== '' && Number.isFinite(Number(o.value))) o.text = valueLabel(Number(o.value));
    }
  });

  /**
   * Shows `state` in the controls. `allowed` maps a key to the values it may take now (the other
   * options are disabled), e.g. { outputActivation: [...], loss: [...] }.
   */
  function show(state, allowed = {}) {
    for (const el of elements) {
      const key = el.dataset.key;
      const value = state[key];
      if (el.type === 'checkbox') {
        asInput(el).checked = Boolean(value);
      } else if (el.tagName === 'SELECT') {
        if (![...asSelect(el).options].some((o) => o.value === String(value))) {
          el.append(new Option(valueLabel(value), String(value)));  // e.g. a learning rate from a link
        }
        el.value = String(value);
        for (const o of asSelect(el).options) o.disabled = allowed[key] ? !allowed[key].includes(o.value) : false;
      } else if (ranges.has(el)) {
        showOnSlider(asInput(el), value);
      } else if (el.value !== String(value)) {
        // Focused inputs too: a value the engine rejected must not stay on show as if in use.
        el.value = String(value);
      }
      /** @type {HTMLOutputElement} */
      const out = root.querySelector(`output[data-for="${key}"]`);
      if (out) out.value = sliderText(key, value);
    }
  }

  /**
   * Sliders back on their own ranges, grown only to the values shown next: a new link's set-up is
   * shown as it would be on a fresh page, not on the ranges and steps an earlier link needed.
   */
  function forgetReach() {
    for (const range of ranges.values()) range.reached = { min: range.base.min, max: range.base.max };
  }

  return { show, forgetReach };
}
