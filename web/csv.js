// Data sets as CSV text: export the points (x1, x2, label; a curve's as x, y) and import a learner's
// own file, inferring the problem (binary, multi-class, regression) from the labels.
// Pure: no DOM, no engine, no file reading (the controller hands over the text). Errors are
// thrown as Error with a message naming the line and the fault, ready to show as is.

/** Most points an imported file may hold (the core's limit). */
export const MAX_CSV_POINTS = 5000;
/** Largest CSV file read (bytes, or characters of text): 5000 rows need about 150 kB, so 2 MB leaves
 * room for comments and long numbers while a wrong file is refused before it is read. */
export const MAX_CSV_BYTES = 2_000_000;

/** The message for a file of `size` bytes over MAX_CSV_BYTES, or null. */
export function csvSizeProblem(size) {
  return size > MAX_CSV_BYTES
    ? `the file is too large (${(size / 1e6).toFixed(1)} MB; a data file may have at most ${MAX_CSV_BYTES / 1e6} MB)` : null;
}
const DOMAIN = 6;      // points lie in [-6, 6]^2
const MAX_CLASS = 7;   // 8 classes at most
const PROBLEMS = ['binary', 'multiclass', 'regression'];

// Strict decimal: Number() alone would take '', '0x1f' and 'Infinity'.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

const sig6 = (v) => String(Number(v.toPrecision(6)) + 0);  // + 0: no '-0'

/**
 * Writes points as CSV with a header row: 'x1,x2,label\n' then one row per point, numbers with
 * up to 6 significant digits. 1-D data (a curve, x -> y) is written 'x,y\n' then x,y rows, so it
 * reads back as a curve rather than as 2-D points on the line x2 = 0.
 * @param {Float32Array|number[]} xy interleaved x1, x2 (x2 is 0 on 1-D data)
 * @param {Float32Array|number[]} labels class index or regression target
 * @param {{ inputs?: number }} [options] inputs: 1 for 1-D data
 * @returns {string}
 */
export function toCsv(xy, labels, { inputs = 2 } = {}) {
  if (xy.length !== 2 * labels.length) {
    throw new Error(`${xy.length} coordinates for ${labels.length} labels (need 2 per label)`);
  }
  const oneD = inputs === 1;
  const rows = [oneD ? 'x,y' : 'x1,x2,label'];
  for (let i = 0; i < labels.length; ++i) {
    const row = (oneD ? [xy[2 * i], labels[i]] : [xy[2 * i], xy[2 * i + 1], labels[i]]).map(Number);
    if (!row.every(Number.isFinite)) throw new Error(`point ${i} has a value that is not a finite number`);
    rows.push(row.map(sig6).join(','));
  }
  return `${rows.join('\n')}\n`;
}

const isClass = (y) => Number.isInteger(y) && y >= 0 && y <= MAX_CLASS;
const inUnit = (y) => y >= -1 && y <= 1;

// Header spellings people export: the two coordinates as a pair, then the label's column.
const COORDINATE_PAIRS = [['x1', 'x2'], ['x', 'y'], ['x_1', 'x_2'], ['x0', 'x1']];
const LABEL_NAMES = ['label', 'y', 'class', 'target', 'z', 'value'];
const X_NAMES = ['x', 'x1'];  // a 1-D file's input column

/** Whether two cells are a 1-D header row: x,y (or x,target, x1,y, ...; any case). */
export function isCurveHeader(cells) {
  if (cells.length !== 2) return false;
  const [a, b] = cells.map((t) => t.toLowerCase());
  return X_NAMES.includes(a) && LABEL_NAMES.includes(b);
}

/** Whether three cells are a header row, e.g. x1,x2,label or x,y,label or x1,x2,y (any case). */
export function isHeader(cells) {
  if (cells.length !== 3) return false;
  const [a, b, c] = cells.map((t) => t.toLowerCase());
  return COORDINATE_PAIRS.some(([p, q]) => a === p && b === q) && LABEL_NAMES.includes(c) && c !== b;
}

// The separator: tab, else semicolon, else comma, as found outside quotes (and between the
// first and last characters) in the first row that is not blank or a comment.
function detectSeparator(text) {
  let i = 0;
  while (i < text.length) {
    let outside = '', quoted = false;
    for (; i < text.length; ++i) {  // one line; a quoted field may run over line breaks
      const ch = text[i];
      if (ch === '"') { quoted = !quoted; outside += 'q'; continue; }
      if (quoted) continue;
      if (ch === '\n' || ch === '\r') { ++i; break; }
      outside += ch;
    }
    const line = outside.trim();
    if (line === '' || line.startsWith('#')) continue;
    return line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
  }
  return ',';
}

/**
 * The records of CSV text as RFC 4180 reads them: fields split on `sep`, records on CRLF, LF or
 * CR; a field in double quotes may hold the separator, line breaks and "" (one quote). Also
 * skipped: blank lines and lines starting with '#'. Each cell is trimmed; quoted cells say so.
 * A generator, so a caller that stops early (too many rows) never tokenizes the rest.
 * @yields {{ line: number, cells: string[], quoted: boolean[] }}
 */
export function* csvRecords(text, sep) {
  const n = text.length;
  let i = 0, line = 1;
  const endOfLine = () => {  // at a line break: step over it (CRLF as one)
    if (text[i] === '\r' && text[i + 1] === '\n') ++i;
    ++i;
    ++line;
  };
  while (i < n) {
    // Blank and comment lines.
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) ++j;
    if (j >= n) return;
    if (text[j] === '\n' || text[j] === '\r' || text[j] === '#') {
      i = j;
      while (i < n && text[i] !== '\n' && text[i] !== '\r') ++i;
      if (i < n) endOfLine();
      continue;
    }
    const start = line, cells = [], quoted = [];
    for (;;) {  // one field per turn
      while (i < n && (text[i] === ' ' || (text[i] === '\t' && sep !== '\t'))) ++i;
      let cell = '', isQuoted = false;
      if (text[i] === '"') {
        isQuoted = true;
        ++i;
        for (;;) {
          if (i >= n) throw new Error(`line ${start}: a quoted field is not closed`);
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error(`line ${start}: a quoted field is not closed`);
          const chunk = text.slice(i, q);
          line += (chunk.match(/\r\n|\r|\n/g) ?? []).length;
          cell += chunk;
          i = q + 1;
          if (text[i] === '"') { cell += '"'; ++i; } else break;
        }
        while (i < n && (text[i] === ' ' || (text[i] === '\t' && sep !== '\t'))) ++i;
        if (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          throw new Error(`line ${line}: unexpected text after a closing quote`);
        }
      } else {
        const from = i;
        while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new Error(`line ${line}: a quote inside an unquoted field (quote the whole field)`);
          ++i;
        }
        cell = text.slice(from, i);
      }
      cells.push(cell.trim());
      quoted.push(isQuoted);
      if (i < n && text[i] === sep) { ++i; continue; }
      break;
    }
    if (i < n) endOfLine();
    yield { line: start, cells, quoted };
  }
}

/**
 * Reads points from CSV text.
 * - RFC 4180: fields in double quotes may hold the separator ("1,5","2,5",0), "" for a quote and
 *   line breaks; records end with CRLF, LF or CR.
 * - Separators: comma, semicolon or tab (taken from the first row, outside quotes). A decimal comma
 *   is read in a quoted field, or in any field when the separator is a semicolon or tab
 *   ('1,5;-2,25;0', as spreadsheets write it in many locales).
 * - Ignored: blank lines, lines starting with '#', whitespace around cells, a byte-order mark. An
 *   optional first row naming the columns: x1,x2,label; x,y,label; x1,x2,y; x,y,class; ... (any case).
 * - Coordinates must lie in [-6, 6]; at most MAX_CSV_POINTS rows (reading stops at the first row
 *   past it) and MAX_CSV_BYTES characters (refused before reading).
 * - Problem, unless given: labels all 0/1 -> binary; all -1/+1 -> binary too (-1 read as 0);
 *   whole numbers 0..7 with a 2 or more -> multi-class (classes = largest + 1); otherwise
 *   regression, whose targets must lie in [-1, 1].
 * - 1-D data (a curve, inputs 1, x2 = 0 in xy): a file of two columns (header x,y or a first row
 *   of two cells), always regression; or a regression file whose x2 are all 0 (as the page
 *   exported curves before it wrote x,y).
 * @param {string} text
 * @param {{ problem?: 'binary'|'multiclass'|'regression' }} [options] force the problem
 * @returns {{ xy: Float32Array, labels: Float32Array, problem: string, classes: number, inputs: number }}
 * @throws {Error} e.g. "line 4: 'abc' is not a number"
 */
export function parseCsv(text, { problem } = {}) {
  if (typeof text !== 'string') throw new Error('CSV must be text');
  if (problem !== undefined && !PROBLEMS.includes(problem)) {
    throw new Error(`unknown problem '${problem}' (binary, multiclass or regression)`);
  }
  const sizeProblem = csvSizeProblem(text.length);
  if (sizeProblem) throw new Error(sizeProblem);
  text = text.replace(/^\uFEFF/, '');
  const sep = detectSeparator(text);
  const xy = [], labels = [], lineOf = [];
  let first = true, columns = 3;
  for (const { line, cells, quoted } of csvRecords(text, sep)) {
    const at = `line ${line}`;
    if (first) {
      first = false;
      if (cells.length === 2) columns = 2;  // x,y: the first row, header or not, says so
      if (isHeader(cells) || isCurveHeader(cells)) continue;
      if (!cells.some((c) => NUMBER.test(c))) {
        throw new Error(`${at}: '${clip(cells.join(sep === '\t' ? ' ' : sep))}' is not a header (x1,x2,label or x,y,label) nor a row of numbers`);
      }
    }
    if (cells.length !== columns) {
      throw new Error(columns === 2 ? `${at}: expected 2 columns (x,y), got ${cells.length}`
        : `${at}: expected 3 columns (x1,x2,label), got ${cells.length}`);
    }
    if (columns === 2) cells.splice(1, 0, '0');  // x2 = 0, as the core holds a curve
    const values = cells.map((c, k) => {
      const t = (quoted[k] || sep !== ',') && /^[+-]?\d+,\d+$/.test(c) ? c.replace(',', '.') : c;
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
    lineOf.push(line);
  }
  if (labels.length === 0) throw new Error('no data rows');
  if (columns === 2 && problem !== undefined && problem !== 'regression') {
    throw new Error(`a file of x,y columns holds regression targets, not ${problem} labels`);
  }
  const kind = columns === 2 ? 'regression' : problem ?? inferProblem(labels);
  checkLabels(kind, labels, lineOf, problem === undefined && columns === 3);
  const signed = kind === 'binary' && labels.some((y) => y === -1);
  let max = 0;
  for (const y of labels) if (y > max) max = y;
  return {
    xy: Float32Array.from(xy),
    labels: Float32Array.from(labels, (y) => (signed && y === -1 ? 0 : y)),
    problem: kind,
    classes: kind === 'binary' ? 2 : kind === 'regression' ? 1 : Math.max(2, max + 1),
    inputs: kind === 'regression' && xy.every((v, k) => k % 2 === 0 || v === 0) ? 1 : 2,
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
