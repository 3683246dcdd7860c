// Lab fields whose numbers go to the core, which computes in float: 1e39 is a finite number to JS but
// infinite in float, and the core refuses it. A lab checks such a field before the core sees it:
// typed, the field is marked invalid with floatRangeProblem's message; from a link, refuseBeyondFloat
// puts it back to its default and says so with the link's other problems.
import { numberList } from '../course/lab-state.js';
import { formatNumber } from '../views/format.js';
import { t } from '../i18n/i18n.js';

/** The largest float. */
export const FLOAT_MAX = 3.4028234663852886e38;

/** Whether the core can take `v`: finite once rounded to float, as the core rounds it. */
export const inFloatRange = (v) => Number.isFinite(Math.fround(v));

/**
 * Why a typed number the core cannot take is refused, in the language in force. `name`: the field's
 * label; `list`: whether the field holds several numbers.
 */
export function floatRangeProblem(name, list = false) {
  const bounds = { name, low: formatNumber(-FLOAT_MAX), high: formatNumber(FLOAT_MAX) };
  return list ? t('{name}: each number must be from {low} to {high}, the core\'s float range', bounds)
    : t('{name} must be a number from {low} to {high}, the core\'s float range', bounds);
}

/**
 * Whether a field's text holds a number (or, for a data-list field, a list of numbers) beyond
 * float's range: a number, but one the core cannot take.
 * @param {HTMLInputElement} el
 */
export function beyondFloat(el) {
  if (el.dataset.list !== undefined) return numberList(el.value)?.some((v) => !inFloatRange(v)) ?? false;
  const v = el.value.trim() === '' ? NaN : Number(el.value);
  return Number.isFinite(v) && !inFloatRange(v);
}

/**
 * Puts back to its default (the value it was written with) each of `fields` the link set beyond
 * float's range, and reports it with the link's other problems, in lab-state's words. Call right
 * after bindLabState has read the link into the fields.
 * @param {Object<string, HTMLInputElement>} fields by the name they travel under, as given to bindLabState
 */
export function refuseBeyondFloat(lab, prefix, fields) {
  const values = lab?.values(prefix) ?? {};
  const problems = [];
  const refused = [];
  for (const [name, el] of Object.entries(fields)) {
    if (!Object.hasOwn(values, name) || !beyondFloat(el)) continue;
    refused.push(`${prefix}.${name}`);
    const list = el.dataset.list !== undefined;
    problems.push(`${prefix}.${name} '${values[name]}' ${list ? 'has a number beyond the core\'s float range (±3.4×10³⁸)'
      : 'is beyond the core\'s float range (±3.4×10³⁸)'}`);
    el.value = el.defaultValue;
  }
  if (problems.length) lab.report(problems, refused);
}
