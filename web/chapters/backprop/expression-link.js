// The computational-graphs lab's expression in a link. A lab value may only hold letters, digits,
// '.', '-' and '_' (course/route.js), so the text travels with '_' escapes: `_a` +, `_t` *, `_d` /,
// `_p` ^, `_l` (, `_r` ), `_e` =, `_s` ;, `_n` a new line, `__` a space, `_u` an underscore, and
// the capitals for an operator with a space either side (`_A` " + ", `_M` " - ", `_T` " * ",
// `_D` " / ", `_P` " ^ ", `_E` " = ", `_S` "; "), so "q = x + y; f = q*z" is q_Ex_Ay_Sf_Eq_tz.
// Typographic operators (− × · ÷) travel as their ASCII forms. Pure: no DOM.

const SPACED = [[' + ', 'A'], [' - ', 'M'], [' * ', 'T'], [' / ', 'D'], [' ^ ', 'P'], [' = ', 'E'], ['; ', 'S']];
const SINGLE = [['+', 'a'], ['*', 't'], ['/', 'd'], ['^', 'p'], ['(', 'l'], [')', 'r'], ['=', 'e'], [';', 's'],
  ['\n', 'n'], [' ', '_'], ['_', 'u']];
const TYPOGRAPHIC = [['\u2212', '-'], ['\u2013', '-'], ['\u00d7', '*'], ['\u00b7', '*'], ['\u22c5', '*'], ['\u00f7', '/']];
const DECODE = new Map([...SPACED, ...SINGLE].map(([text, code]) => [code, text]));

/**
 * The text as a link value, or null when it holds a character that cannot travel.
 * @param {string} text
 * @returns {string|null}
 */
export function encodeExpression(text) {
  let s = text.replace(/\r\n?/g, '\n');
  for (const [from, to] of TYPOGRAPHIC) s = s.replaceAll(from, to);
  let out = '';
  for (let i = 0; i < s.length;) {
    const spaced = SPACED.find(([t]) => s.startsWith(t, i));
    if (spaced) { out += `_${spaced[1]}`; i += spaced[0].length; continue; }
    const c = s[i];
    if (/[A-Za-z0-9.-]/.test(c)) out += c;
    else {
      const single = SINGLE.find(([t]) => t === c);
      if (!single) return null;
      out += `_${single[1]}`;
    }
    i += 1;
  }
  return out;
}

/**
 * The text a link value stands for, or null when it is not one encodeExpression writes.
 * @param {string} value
 * @returns {string|null}
 */
export function decodeExpression(value) {
  if (!/^[A-Za-z0-9._-]*$/.test(value)) return null;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    if (value[i] !== '_') { out += value[i]; continue; }
    const text = DECODE.get(value[i + 1]);
    if (text === undefined) return null;
    out += text;
    i += 1;
  }
  return out;
}
