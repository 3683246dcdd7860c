// A lab's controls in the URL: each named field travels as prefix.name=value (route.js), is read
// when the lab is mounted and written back whenever the lab starts over on new settings. Only
// values that differ from the field's default are written, so a plain chapter link stays short.
// A text field marked data-list holds numbers separated by commas ("1.60, 0.55, 0.98"; in French
// "1,60 ; 0,55 ; 0,98", as the page writes numbers): it travels as 1.60_0.55_0.98, since a link's lab
// values carry no commas or spaces, and is shown from the link in the page's format. A number the link cannot
// carry as typed (1e+1) goes in a spelling it can (10); a value it cannot carry at all (too long)
// leaves the link at the last one that fitted, and a note under the field says so.
import { LAB_VALUE } from './route.js';
import { t } from '../i18n/i18n.js';
import { translateMessage } from '../message-templates.js';
import { formatClauses, formatList, withSeparator } from '../views/format.js';

// A list with semicolons between its numbers may write them with a decimal comma, as the page does
// in French (0,7 ; 0,2 ; 0,1): there a comma between two digits is the decimal point.
const decimalCommas = (text) => (text.includes(';') ? text.replace(/(\d),(?=\d)/g, '$1.') : text);
const tokens = (text) => decimalCommas(text.replaceAll('−', '-')).split(/[\s,;]+/).filter((t) => t !== '');

/**
 * The numbers of a typed list ("1.6, −0.5; 2", or "1,6 ; −0,5 ; 2"), or null when it is empty or any item is not a finite
 * number. The minus sign may be U+2212, as the page prints it.
 * @param {string} text
 * @returns {number[]|null}
 */
export function numberList(text) {
  const values = tokens(text).map(Number);
  return values.length > 0 && values.every(Number.isFinite) ? values : null;
}

const isList = (el) => el.dataset?.list !== undefined;

const read = (el) => (el.type === 'checkbox' ? (el.checked ? '1' : '0') : isList(el) ? tokens(el.value).join('_') : el.value);

// The characters of a link's lab value (route.js's LAB_VALUE, without its length).
const LINK_CHARS = /^[A-Za-z0-9._-]*$/;
// A number as the link writes it: as typed where it can, else (or, when `short`, always) its
// shortest spelling, which the link can carry: 1e+1 as 1e1, +5 as 5, 0.10 as 0.1.
const spell = (token, short) => {
  const n = Number(token);
  return Number.isFinite(n) && (short || !LINK_CHARS.test(token)) ? String(n).replace('e+', 'e') : token;
};

// The field's value as the link carries it, or null when it cannot: too long, or not numbers.
function linkValue(el) {
  const value = read(el);
  if (LAB_VALUE.test(value)) return value;
  if (el.type === 'checkbox' || el.tagName === 'SELECT') return null;
  const parts = isList(el) ? tokens(el.value) : [el.value];
  for (const short of [false, true]) {
    const spelled = parts.map((p) => spell(p, short)).join('_');
    if (LAB_VALUE.test(spelled)) return spelled;
  }
  return null;
}

// Says under a field that the link cannot carry its value (or takes that back), as the expression
// lab does for its expression: a copied link would otherwise open on an older value unsaid.
const linkNotes = new WeakMap();  // field → its note, made the first time it is needed
function showLinkNote(el, shown) {
  let note = linkNotes.get(el);
  if (!note && shown && el.ownerDocument) {
    note = Object.assign(el.ownerDocument.createElement('p'), { className: 'hint lab-link-note' });
    if (el.id) note.id = `${el.id}-link-note`;
    note.setAttribute('role', 'status');
    (el.closest('.row') ?? el.closest('label') ?? el).after(note);
    linkNotes.set(el, note);
  }
  if (!note) return;
  note.textContent = shown ? t('This value is too long for the link, or holds a character it cannot carry: the link keeps the last one that fitted.') : '';
  note.hidden = !shown;
}

// Sets `el` to the link's `value`; returns why not, or null.
function write(el, value) {
  if (isList(el)) {
    if (numberList(value.replaceAll('_', ' ')) === null) return 'is not a list of numbers separated by _';
    const parts = value.split('_');
    // One number alone keeps its point: with no semicolon, 0,5 would read as two numbers.
    el.value = parts.length > 1 ? formatList(parts.map(withSeparator)) : value;
    return null;
  }
  if (el.tagName === 'SELECT') {
    const options = [...el.options].map((o) => o.value);
    if (!options.includes(value)) return `is not one of ${options.join(', ')}`;
    el.value = value;
    return null;
  }
  if (el.type === 'checkbox') {
    if (value !== '0' && value !== '1') return 'is not 0 or 1';
    el.checked = value === '1';
    return null;
  }
  const n = Number(value);
  const min = el.min === '' ? -Infinity : Number(el.min), max = el.max === '' ? Infinity : Number(el.max);
  if (!Number.isFinite(n)) return 'is not a number';
  if (n < min || n > max) return `is outside ${Number.isFinite(min) ? min : '−∞'}…${Number.isFinite(max) ? max : '∞'}`;
  // A slider would round it to its step without a word.
  const step = Number(el.step);
  if (el.type === 'range' && step > 0) {
    const k = (n - (Number.isFinite(min) ? min : 0)) / step;
    if (Math.abs(k - Math.round(k)) > 1e-9) return `is not one of the slider's steps of ${step}`;
  }
  // A whole-number box (a whole step from a whole minimum: 1, or 50 for a lab's epochs) would show
  // 2.5 as invalid, and the lab would refuse it unsaid, drawing nothing.
  const wholeBox = el.type === 'number' && /^[1-9]\d*$/.test(el.step) && (!el.min || Number.isInteger(Number(el.min)));
  if (wholeBox && !Number.isInteger(n)) return 'is not a whole number';
  const before = el.value;
  el.value = value;
  // A number box empties itself on text it cannot show (0x3, which Number() reads as 3).
  if (el.type === 'number' && el.value === '') {
    el.value = before;
    return 'is not a number';
  }
  return null;
}

/**
 * Sets `fields` from the link and returns what could not be read, and save() to call after each change.
 * @param {{ values(prefix: string): Object<string, string>, save(prefix: string, values: object, unlinked?: Object<string, string>): void,
 *   report(problems: string[], keys?: string[]): void, unlinked?(prefix: string): Object<string, string> }|undefined} lab
 *   the shell's ctx.lab (undefined outside the course: nothing is read or written); unlinked: the
 *   values typed that the link could not hold, kept by the page while it shows the chapter again
 * @param {string} prefix the lab's prefix in the URL (rules, descent, ...)
 * @param {Object<string, HTMLSelectElement|HTMLInputElement>} fields by the name they travel under
 * @returns {{ problems: string[], save(): void }}
 */
export function bindLabState(lab, prefix, fields) {
  const defaults = Object.fromEntries(Object.entries(fields).map(([name, el]) => [name, read(el)]));
  const problems = [];
  const refused = [];  // their keys: they leave the link, the field keeping its default
  for (const [name, value] of Object.entries(lab?.values(prefix) ?? {})) {
    const why = fields[name] ? write(fields[name], value) : 'is not a setting of this lab';
    if (why) {
      problems.push(`${prefix}.${name} '${value}' ${why}`);
      refused.push(`${prefix}.${name}`);
    }
  }
  if (problems.length) lab?.report(problems, refused);  // said once, with every other part of the link not understood
  // What the link holds for each field: a value it cannot carry leaves it at the last one that fitted.
  const carried = Object.fromEntries(Object.entries(fields).map(([name, el]) => [name, read(el)]));
  // What was typed beyond what the link holds, as the learner left it before the chapter was shown
  // again (in another language): back in its field, and said again.
  for (const [name, value] of Object.entries(lab?.unlinked?.(prefix) ?? {})) {
    if (!fields[name]) continue;
    fields[name].value = value;
    showLinkNote(fields[name], true);
  }
  return {
    problems,
    save() {
      /** @type {Object<string, string>} */
      const unlinked = {};
      for (const [name, el] of Object.entries(fields)) {
        const value = linkValue(el);
        if (value !== null) carried[name] = value;
        else unlinked[name] = el.value;
        showLinkNote(el, value === null);
      }
      lab?.save(prefix, Object.fromEntries(Object.entries(carried).filter(([name, v]) => v !== defaults[name])), unlinked);
    },
  };
}

/**
 * The message for a lab's unreadable link values, in the language in force: each problem is
 * translated before they are joined, since a joined list cannot be told apart again.
 */
export const linkProblems = (problems) => t('Some of the link was not understood: {problems}.',
  { problems: formatClauses(problems.map(translateMessage)) });
