// Data sets as CSV text: export the points (x1, x2, label) and import a learner's own file,
// inferring the problem (binary, multi-class, regression) from the labels.
// Pure: no DOM, no engine, no file reading (the controller hands over the text). Errors are
// thrown as Error with a message naming the line and the fault, ready to show as is.

/** Most points an imported file may hold (the core's limit). */
export const MAX_CSV_POINTS = 5000;
const DOMAIN = 6;      // points lie in [-6, 6]^2
const MAX_CLASS = 7;   // 8 classes at most
const PROBLEMS = ['binary', 'multiclass', 'regression'];

// Strict decimal: Number() alone would take '', '0x1f' and 'Infinity'.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

const sig6 = (v) => String(Number(v.toPrecision(6)) + 0);  // + 0: no '-0'

/**
 * Writes points as CSV with a header row: 'x1,x2,label\n' then one row per point, numbers with
 * up to 6 significant digits.
 * @param {Float32Array|number[]} xy interleaved x1, x2
 * @param {Float32Array|number[]} labels class index or regression target
 * @returns {string}
 */
export function toCsv(xy, labels) {
  if (xy.length !== 2 * labels.length) {
    throw new Error(`${xy.length} coordinates for ${labels.length} labels (need 2 per label)`);
  }
  const rows = ['x1,x2,label'];
  for (let i = 0; i < labels.length; ++i) {
    const row = [xy[2 * i], xy[2 * i + 1], labels[i]].map(Number);
    if (!row.every(Number.isFinite)) throw new Error(`point ${i} has a value that is not a finite number`);
    rows.push(row.map(sig6).join(','));
  }
  return `${rows.join('\n')}\n`;
}

// One cell: trimmed, surrounding double quotes removed.
function unquote(cell) {
  const t = cell.trim();
  return t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"' ? t.slice(1, -1).trim() : t;
}

const isClass = (y) => Number.isInteger(y) && y >= 0 && y <= MAX_CLASS;
const inUnit = (y) => y >= -1 && y <= 1;

/**
 * Reads points from CSV text.
 * - Separators: comma, semicolon or tab (taken from the first row). With semicolons or tabs a
 *   decimal comma is accepted too ('1,5;-2,25;0', as spreadsheets write it in many locales).
 * - Ignored: blank lines, lines starting with '#', surrounding whitespace, double quotes around
 *   a cell, CRLF line ends, a byte-order mark. An optional first row x1,x2,label (any case).
 * - Coordinates must lie in [-6, 6]; at most MAX_CSV_POINTS rows.
 * - Problem, unless given: labels all 0/1 -> binary; all -1/+1 -> binary too (-1 read as 0);
 *   whole numbers 0..7 with a 2 or more -> multi-class (classes = largest + 1); otherwise
 *   regression, whose targets must lie in [-1, 1].
 * @param {string} text
 * @param {{ problem?: 'binary'|'multiclass'|'regression' }} [options] force the problem
 * @returns {{ xy: Float32Array, labels: Float32Array, problem: string, classes: number }}
 * @throws {Error} e.g. "line 4: 'abc' is not a number"
 */
export function parseCsv(text, { problem } = {}) {
  if (typeof text !== 'string') throw new Error('CSV must be text');
  if (problem !== undefined && !PROBLEMS.includes(problem)) {
    throw new Error(`unknown problem '${problem}' (binary, multiclass or regression)`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const xy = [], labels = [], lineOf = [];
  let sep = null;
  for (let i = 0; i < lines.length; ++i) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = `line ${i + 1}`;
    const first = sep === null;
    if (first) sep = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
    const cells = line.split(sep).map(unquote);
    if (first && cells.join(',').toLowerCase() === 'x1,x2,label') continue;
    if (first && !cells.some((c) => NUMBER.test(c))) {
      throw new Error(`${at}: '${clip(line)}' is not a header x1,x2,label nor a row of numbers`);
    }
    if (cells.length !== 3) throw new Error(`${at}: expected 3 columns (x1,x2,label), got ${cells.length}`);
    const values = cells.map((c) => {
      const t = sep !== ',' && /^[+-]?\d+,\d+$/.test(c) ? c.replace(',', '.') : c;
      if (!NUMBER.test(t)) throw new Error(`${at}: '${clip(c)}' is not a number`);
      return Number(t) + 0;  // no -0 labels
    });
    for (let d = 0; d < 2; ++d) {
      if (!(Math.abs(values[d]) <= DOMAIN)) {
        throw new Error(`${at}: x${d + 1} ${values[d]} is outside [-${DOMAIN}, ${DOMAIN}]`);
      }
    }
    if (labels.length === MAX_CSV_POINTS) throw new Error(`too many points (max ${MAX_CSV_POINTS})`);
    xy.push(values[0], values[1]);
    labels.push(values[2]);
    lineOf.push(i + 1);
  }
  if (labels.length === 0) throw new Error('no data rows');
  const kind = problem ?? inferProblem(labels);
  checkLabels(kind, labels, lineOf, problem === undefined);
  const signed = kind === 'binary' && labels.some((y) => y === -1);
  const max = Math.max(...labels);
  return {
    xy: Float32Array.from(xy),
    labels: Float32Array.from(labels, (y) => (signed && y === -1 ? 0 : y)),
    problem: kind,
    classes: kind === 'binary' ? 2 : kind === 'regression' ? 1 : Math.max(2, max + 1),
  };
}

function inferProblem(labels) {
  if (labels.every((y) => y === 0 || y === 1)) return 'binary';
  if (labels.every((y) => y === -1 || y === 1)) return 'binary';
  if (labels.every(isClass)) return 'multiclass';
  return 'regression';
}

// Throws naming the first line whose label does not fit the problem.
function checkLabels(kind, labels, lineOf, inferred) {
  const signed = kind === 'binary' && labels.some((y) => y === -1);
  for (let i = 0; i < labels.length; ++i) {
    const y = labels[i], at = `line ${lineOf[i]}`;
    if (kind === 'binary') {
      const ok = signed ? y === -1 || y === 1 : y === 0 || y === 1;
      if (!ok) {
        throw new Error(`${at}: label ${y} is not a binary class (${signed ? '-1 or +1, like the other rows' : '0 or 1'})`);
      }
    } else if (kind === 'multiclass') {
      if (!isClass(y)) throw new Error(`${at}: label ${y} is not a class (whole number 0..${MAX_CLASS})`);
    } else if (!inUnit(y)) {
      if (!inferred) throw new Error(`${at}: regression target ${y} is outside [-1, 1]`);
      if (!isClass(y)) {
        throw new Error(`${at}: label ${y} is not a class (whole number 0..${MAX_CLASS}) nor a regression target in [-1, 1]`);
      }
      // A class label in a file read as regression: say which row made it regression.
      const why = labels.findIndex((v) => !isClass(v));
      throw new Error(`${at}: label ${y} is outside [-1, 1] (labels were read as regression targets because ` +
        `line ${lineOf[why]} has ${labels[why]}, which is not a class 0..${MAX_CLASS})`);
    }
  }
}

function clip(s, n = 40) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
