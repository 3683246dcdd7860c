// The page's one number format for display, used by every view: `digits` significant digits
// without trailing zeros, a real minus sign (U+2212), and powers of ten for very small or large
// magnitudes, written 1.23×10⁻⁵ in text and as <msup> in MathML (numberParts gives both halves).
// Not for files or links: CSV and model JSON keep plain JS numbers (csv.js, model-file.js).

import { decimalSeparator } from '../i18n/i18n.js';

const MINUS = '−';
const SUPERSCRIPT = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '−': '⁻' };
// Plain decimals in [SMALL, LARGE) after rounding; a power of ten outside.
const SMALL = 1e-3;
const LARGE = 1e4;

// A minus sign for the hyphen, and the language's decimal separator.
const minus = (s) => s.replace('-', MINUS).replace('.', decimalSeparator());

/**
 * Mantissa and exponent (null for plain decimals) of a finite number, as strings with U+2212.
 * @param {number} v finite
 * @param {number} [digits] significant digits
 * @returns {{ mant: string, exp: string|null }}
 */
export function numberParts(v, digits = 3) {
  const rounded = Number(v.toPrecision(digits));  // first, so 9999.9 goes to exponent form
  const a = Math.abs(rounded);
  if (a === 0) return { mant: '0', exp: null };
  if (a >= SMALL && a < LARGE) return { mant: minus(String(rounded)), exp: null };
  const [m, e] = v.toExponential(digits - 1).split('e');
  return { mant: minus(String(Number(m))), exp: minus(String(Number(e))) };
}

/**
 * A number as display text: formatNumber(-0.0000123) is '−1.23×10⁻⁵', formatNumber(0.5) '0.5'.
 * @param {number} v
 * @param {{ digits?: number, missing?: string }} [options] missing: the text for undefined, null
 *   and NaN (default 'NaN'; '–' where a value is simply not there yet)
 */
export function formatNumber(v, { digits = 3, missing = 'NaN' } = {}) {
  if (v === undefined || v === null || Number.isNaN(v)) return missing;
  v = Number(v);
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  const { mant, exp } = numberParts(v, digits);
  return exp === null ? mant : `${mant}×10${[...exp].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** `v` with `decimals` digits after the separator (the language's: 0.7233, 0,7233) and a real minus; `missing` for NaN. */
export function formatFixed(v, decimals, missing = '–') {
  return Number.isFinite(v) ? minus(v.toFixed(decimals)) : missing;
}

/**
 * A number already written as text ('93.5') as a percentage: '93.5%' in English, '93,5 %' in French,
 * which puts a no-break space (U+00A0) before the sign, as Intl.NumberFormat('fr') does and as the
 * catalogue writes "95 %", so a line never breaks between a number and its sign.
 */
export function withPercentSign(text) {
  return `${text}${decimalSeparator() === ',' ? '\u00a0%' : '%'}`;
}

/** A fraction as a percentage with `decimals` decimals: '93.5%', '93,5 %' in French (withPercentSign). */
export function formatPercent(fraction, decimals, missing = '–') {
  return Number.isFinite(fraction) ? withPercentSign(formatFixed(100 * fraction, decimals)) : missing;
}

/** Between the numbers of a list: ', ', or ' ; ' where the comma is the decimal separator ([0,7 ; 0,2]). */
export const numberListSeparator = () => (decimalSeparator() === ',' ? ' ; ' : ', ');

/**
 * Numbers as a tuple: formatTuple([0.5, -1]) is '(0.5, −1)', and '(0,5 ; −1)' in French, where the
 * decimal comma would make a comma between the numbers ambiguous.
 * @param {Iterable<number>} values
 * @param {{ digits?: number, missing?: string }} [options] as formatNumber's
 */
export function formatTuple(values, options) {
  return `(${[...values].map((v) => formatNumber(v, options)).join(numberListSeparator())})`;
}

/** Numbers in a list, already written: '0.5, 1.2' in English; '0,5 ; 1,2' in French. */
export function formatList(texts) {
  return texts.join(numberListSeparator());
}

/** A number already written as text ('1.23e+3', '0.5') with the language's decimal separator. */
export function withSeparator(text) {
  return String(text).replace('.', decimalSeparator());
}

/**
 * A colon after a formula the code writes (not a message): ':' in English; ' :' in French, whose
 * typography puts a space before it, here a no-break one (U+00A0) so the colon never starts a line.
 */
export const colon = () => (decimalSeparator() === ',' ? '\u00a0:' : ':');

/** Clauses in a list: 'a; b' in English, 'a ; b' in French (a space before the semicolon). */
export function formatClauses(texts) {
  return texts.join(decimalSeparator() === ',' ? ' ; ' : '; ');
}
