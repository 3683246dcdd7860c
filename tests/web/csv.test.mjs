// web/csv.js: export format, import of the formats people actually have (headers, separators,
// CRLF, comments, quotes, decimal commas), problem inference, and every error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv, parseCsv, isHeader, isCurveHeader, csvSizeProblem, MAX_CSV_POINTS, MAX_CSV_BYTES } from '../../web/csv.js';

const arr = (a) => Array.from(a);
const rows = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

test('toCsv: header, one row per point, up to 6 significant digits, no -0', () => {
  assert.equal(toCsv([1, 2, -0.5, 0.25], [0, 1]), 'x1,x2,label\n1,2,0\n-0.5,0.25,1\n');
  assert.equal(toCsv(new Float32Array([0.1, -0.3, 1 / 3, -0]), new Float32Array([2, 0.123456789])),
    'x1,x2,label\n0.1,-0.3,2\n0.333333,0,0.123457\n');
  assert.equal(toCsv([-5.999999, 1e-7], [-1]), 'x1,x2,label\n-6,1e-7,-1\n');
  assert.equal(toCsv([], []), 'x1,x2,label\n');
  assert.throws(() => toCsv([1, 2, 3], [0]), { message: /^3 coordinates for 1 labels/ });
  assert.throws(() => toCsv([NaN, 2], [0]), { message: /^point 0 has a value that is not a finite number$/ });
});

test('round trip: parseCsv(toCsv(...)) within 6 significant digits, problem inferred', () => {
  let seed = 9;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (const [problem, label, classes] of [
    ['binary', () => Math.floor(rand() * 2), 2],
    ['multiclass', (i) => i % 5, 5],
    ['regression', () => 2 * rand() - 1, 1],
  ]) {
    const n = 300;
    const xy = Float32Array.from({ length: 2 * n }, () => 12 * rand() - 6);
    const labels = Float32Array.from({ length: n }, (_, i) => label(i));
    const d = parseCsv(toCsv(xy, labels));
    assert.equal(d.problem, problem);
    assert.equal(d.classes, classes);
    assert.ok(d.xy instanceof Float32Array && d.labels instanceof Float32Array);
    for (let i = 0; i < 2 * n; ++i) assert.ok(Math.abs(d.xy[i] - xy[i]) <= 5e-6 * Math.abs(xy[i]) + 1e-7);
    for (let i = 0; i < n; ++i) assert.ok(Math.abs(d.labels[i] - labels[i]) <= 5e-6 * Math.abs(labels[i]) + 1e-7);
  }
});

test('parseCsv: headers, separators, CRLF, comments, blanks, whitespace, quotes, BOM', () => {
  const expected = { xy: [1.5, -2, 0, 3], labels: [1, 0] };
  const inputs = [
    'x1,x2,label\n1.5,-2,1\n0,3,0\n',
    '1.5,-2,1\n0,3,0',
    'X1,X2,LABEL\r\n1.5,-2,1\r\n0,3,0\r\n',
    '\uFEFFx1;x2;label\n1.5;-2;1\n0;3;0',
    'x1\tx2\tlabel\n1.5\t-2\t1\n0\t3\t0',
    '# exported by hand\n\n  x1 , x2 , label  \n\n# a comment\n 1.5 , -2 , 1 \n\t\n0,3,0\n\n',
    '"x1","x2","label"\n"1.5","-2","1"\n" 0 ",3,"0"',
    '1,5;-2;1\n0;3;0',          // decimal comma with semicolons
    '"1,5"\t-2,0\t1\n0\t3\t0',  // and with tabs
    '+1.5,-2e0,1\n.0,3.,0\r',
    '# exported by hand, x1 and x2\n\nx1;x2;label\n1,5;-2;1\n0;3;0',  // the separator from the header, not the comment
  ];
  for (const text of inputs) {
    const d = parseCsv(text);
    assert.deepEqual({ xy: arr(d.xy), labels: arr(d.labels) }, expected, JSON.stringify(text));
    assert.equal(d.problem, 'binary');
    assert.equal(d.classes, 2);
  }
});

test('parseCsv: problem inference', () => {
  const infer = (labels) => {
    const d = parseCsv(labels.map((y) => `0,0,${y}`).join('\n'));
    return [d.problem, d.classes, arr(d.labels)];
  };
  assert.deepEqual(infer([0, 1, 1]), ['binary', 2, [0, 1, 1]]);
  assert.deepEqual(infer([0, 0]), ['binary', 2, [0, 0]]);
  assert.deepEqual(infer([1]), ['binary', 2, [1]]);
  assert.deepEqual(infer([-1, 1, -1]), ['binary', 2, [0, 1, 0]]);         // -1/+1 read as 0/1
  assert.deepEqual(infer(['-1', '+1']), ['binary', 2, [0, 1]]);
  assert.deepEqual(infer([-1]), ['binary', 2, [0]]);
  assert.deepEqual(infer([0, 2, 1]), ['multiclass', 3, [0, 2, 1]]);
  assert.deepEqual(infer([7, 0]), ['multiclass', 8, [7, 0]]);
  assert.deepEqual(infer([2, 2]), ['multiclass', 3, [2, 2]]);
  assert.deepEqual(infer([0.5, -1, 1]), ['regression', 1, [0.5, -1, 1]]);
  assert.deepEqual(infer([-1, 0, 1]), ['regression', 1, [-1, 0, 1]]);    // not all +-1, not all classes
  assert.deepEqual(infer(['1.0', '0.0']), ['binary', 2, [1, 0]]);
});

test('parseCsv: a given problem is checked instead of inferred', () => {
  const text = '0,0,0\n1,1,1';
  assert.equal(parseCsv(text, { problem: 'multiclass' }).classes, 2);
  assert.equal(parseCsv(text, { problem: 'regression' }).problem, 'regression');
  assert.deepEqual(arr(parseCsv('0,0,3\n0,0,0', { problem: 'multiclass' }).labels), [3, 0]);
  assert.equal(parseCsv('0,0,3\n0,0,0', { problem: 'multiclass' }).classes, 4);
  assert.deepEqual(arr(parseCsv('0,0,-1\n0,0,1', { problem: 'binary' }).labels), [0, 1]);
  assert.deepEqual(arr(parseCsv('0,0,-1\n0,0,1', { problem: 'regression' }).labels), [-1, 1]);
});

test('parseCsv: errors name the line and the fault', () => {
  const cases = [
    ['x1,x2,label\n1,2,0\n# note\nabc,2,0', undefined, /^line 4: 'abc' is not a number$/],
    ['x1,x2,label\r\n1,2,0\r\n\r\nabc,2,0\r\n', undefined, /^line 4: 'abc' is not a number$/],  // CRLF is one line break
    ['1,2,0\n1,2', undefined, /^line 2: expected 3 columns \(x1,x2,label\), got 2$/],
    ['1,2,0,\n', undefined, /^line 1: expected 3 columns \(x1,x2,label\), got 4$/],
    ['1;2;0\n1,2,0', undefined, /^line 2: expected 3 columns.*got 1$/],
    ['1,2,0\n1,2,', undefined, /^line 2: '' is not a number$/],
    ['1,2,0\n1,2,0x1', undefined, /^line 2: '0x1' is not a number$/],
    ['1,2,0\n1,Infinity,0', undefined, /^line 2: 'Infinity' is not a number$/],
    ['1,2,0\n1,2,NaN', undefined, /^line 2: 'NaN' is not a number$/],
    ['1,2,0\n1,2,1e999', undefined, /^line 2: label Infinity is not a class.*nor a regression target/],
    ['1,5,2,0', undefined, /^line 1: expected 3 columns/],   // decimal comma needs ; or tab
    ['\n\n6.5,0,0', undefined, /^line 3: x1 6\.5 is outside \[-6, 6\]$/],
    ['0,0,0\n0,-7,0', undefined, /^line 2: x2 -7 is outside \[-6, 6\]$/],
    ['a,b,c\n1,2,0', undefined, /^line 1: 'a,b,c' is not a header \(x1,x2,label or x,y,label\) nor a row of numbers$/],
    ['x1,x2,label\nx1,x2,label', undefined, /^line 2: 'x1' is not a number$/],
    ['', undefined, /^no data rows$/],
    ['x1,x2,label\n# nothing\n\n', undefined, /^no data rows$/],
    ['0,0,0\n0,0,1\n0,0,2.5', undefined, /^line 3: label 2\.5 is not a class \(whole number 0\.\.7\) nor a regression target in \[-1, 1\]$/],
    ['0,0,0\n0,0,8', undefined, /^line 2: label 8 is not a class \(whole number 0\.\.7\) nor a regression target/],
    ['0,0,0.5\n0,0,3', undefined, /^line 2: label 3 is outside \[-1, 1\] \(labels were read as regression targets because line 1 has 0\.5, which is not a class 0\.\.7\)$/],
    ['0,0,2\n0,0,-1', undefined, /^line 1: label 2 is outside \[-1, 1\] \(.*because line 2 has -1, which is not a class/],
    ['0,0,0\n0,0,2.5', 'multiclass', /^line 2: label 2\.5 is not a class \(whole number 0\.\.7\)$/],
    ['0,0,0\n0,0,-1', 'multiclass', /^line 2: label -1 is not a class/],
    ['0,0,0\n0,0,2', 'binary', /^line 2: label 2 is not a binary class \(0 or 1\)$/],
    ['0,0,-1\n0,0,0', 'binary', /^line 2: label 0 is not a binary class \(-1 or \+1, like the other rows\)$/],
    ['0,0,0\n0,0,1.5', 'regression', /^line 2: regression target 1\.5 is outside \[-1, 1\]$/],
    ['0,0,0', 'ordinal', /^unknown problem 'ordinal'/],
  ];
  for (const [text, problem, re] of cases) {
    assert.throws(() => parseCsv(text, problem && { problem }), { message: re }, JSON.stringify(text));
  }
  assert.throws(() => parseCsv(undefined), { message: /^CSV must be text$/ });
  assert.throws(() => parseCsv(new Uint8Array(3)), { message: /^CSV must be text$/ });
  const long = `${'a'.repeat(1000)},b,c`;
  assert.throws(() => parseCsv(long), (e) => e.message.length < 120);
});

test('parseCsv: at most MAX_CSV_POINTS points', () => {
  assert.equal(MAX_CSV_POINTS, 5000);
  const ok = rows(MAX_CSV_POINTS, (i) => `${(i % 100) / 10 - 5},0,${i % 2}`);
  assert.equal(parseCsv(`x1,x2,label\n${ok}\n# trailing comment\n`).labels.length, MAX_CSV_POINTS);
  assert.throws(() => parseCsv(`${ok}\n0,0,0`), { message: /^too many points \(max 5000\)$/ });
});

test('parseCsv: RFC 4180 quoting (separator, "" and line breaks inside quotes; CRLF)', () => {
  const read = (text) => { const d = parseCsv(text); return [arr(d.xy), arr(d.labels)]; };
  // A quoted field may hold the separator: with commas, "1,5" is a decimal comma.
  assert.deepEqual(read('"1,5","2,5",0\r\n"-1,25",3,1\r\n'), [[1.5, 2.5, -1.25, 3], [0, 1]]);
  assert.deepEqual(read('"x1","x2","label"\r\n"1.5","-2","1"\r\n'), [[1.5, -2], [1]]);
  assert.deepEqual(read('x1;x2;label\n"1;5";2;0'.replace('1;5', '1,5')), [[1.5, 2], [0]]);
  // "" is one quote (only headers could hold one; numbers cannot).
  assert.throws(() => parseCsv('"1""",2,0'), { message: /^line 1: '1"' is not a number$/ });
  // A quoted field over a line break: the record keeps its first line's number, the next its own.
  assert.throws(() => parseCsv('1,2,0\n"3\n4",4,0\nabc,1,0'), { message: /^line 2: '3\n4' is not a number$/ });
  assert.throws(() => parseCsv('1,2,0\n"1\n",0,0\nabc,1,0'), { message: /^line 4: 'abc' is not a number$/ });
  assert.deepEqual(read('1,2,0\r3,4,1\r'), [[1, 2, 3, 4], [0, 1]]);  // old Mac line ends
  // Separator detection ignores separators inside quotes and whitespace at the ends of the row.
  assert.deepEqual(read('"1;5",2,0'.replace('1;5', '1,5')), [[1.5, 2], [0]]);
  assert.deepEqual(read('1,2,0\t\n3,4,1  '), [[1, 2, 3, 4], [0, 1]]);
  assert.deepEqual(read('1\t2\t0\n\t\n3\t4\t1'), [[1, 2, 3, 4], [0, 1]]);
  // Broken quoting is named, with its line.
  assert.throws(() => parseCsv('1,2,0\n"3,4,0'), { message: /^line 2: a quoted field is not closed$/ });
  assert.throws(() => parseCsv('1,2,0\n"3"x,4,0'), { message: /^line 2: unexpected text after a closing quote$/ });
  assert.throws(() => parseCsv('1,2,0\n3,4"",0'), { message: /^line 2: a quote inside an unquoted field/ });
});

test('1-D data (a curve): written as x,y, read back as 1-D regression; older x2 = 0 exports too', () => {
  assert.equal(toCsv([-1.5, 0, 2, 0], [0.25, -1], { inputs: 1 }), 'x,y\n-1.5,0.25\n2,-1\n');
  assert.equal(toCsv([], [], { inputs: 1 }), 'x,y\n');
  let d = parseCsv('x,y\n-1.5,0.25\n2,-1\n');
  assert.deepEqual([arr(d.xy), arr(d.labels), d.problem, d.classes, d.inputs], [[-1.5, 0, 2, 0], [0.25, -1], 'regression', 1, 1]);
  // Whole-number targets stay a curve's (not classes), and no header is needed: two cells say 1-D.
  d = parseCsv('1,1\n2,0\n3,1\n');
  assert.deepEqual([arr(d.labels), d.problem, d.inputs], [[1, 0, 1], 'regression', 1]);
  d = parseCsv('X;Target\n0,5;-0,5\n');
  assert.deepEqual([arr(d.xy), arr(d.labels), d.inputs], [[0.5, 0], [-0.5], 1]);
  // An export from before x,y: regression with every x2 = 0 is a curve; anything else stays 2-D.
  assert.equal(parseCsv('x1,x2,label\n-1,0,0.5\n1,0,-0.25\n').inputs, 1);
  assert.equal(parseCsv('x1,x2,label\n-1,0,0.5\n1,0.5,-0.25\n').inputs, 2);
  assert.equal(parseCsv('x1,x2,label\n-1,0,0\n1,0,1\n').inputs, 2, 'binary points on a line are 2-D');
  assert.equal(parseCsv(toCsv([1, 2, -0.5, 0.25], [0, 1])).inputs, 2);
  // Errors: rows of another width, targets outside [-1, 1], x outside the plane, a class problem.
  assert.throws(() => parseCsv('x,y\n1,0.5\n1,2,0\n'), { message: /^line 3: expected 2 columns \(x,y\), got 3$/ });
  assert.throws(() => parseCsv('x,y\n1,3\n'), { message: /^line 2: regression target 3 is outside \[-1, 1\]$/ });
  assert.throws(() => parseCsv('x,y\n7,0\n'), { message: /^line 2: x1 7 is outside \[-6, 6\]$/ });
  assert.throws(() => parseCsv('x,y\n1,1\n', { problem: 'binary' }),
    { message: /^a file of x,y columns holds regression targets, not binary labels$/ });
  assert.equal(isCurveHeader(['x', 'y']), true);
  assert.equal(isCurveHeader(['x2', 'y']), false);
  assert.equal(isCurveHeader(['x', 'y', 'label']), false);
});

test('parseCsv: common header spellings', () => {
  for (const header of ['x1,x2,label', 'x,y,label', 'x1,x2,y', 'X,Y,Class', 'x,y,class', 'x1,x2,target',
    'x_1,x_2,label', 'x0,x1,y', 'x,y,z', '"x";"y";"label"', 'x1\tx2\tvalue']) {
    const sep = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
    const d = parseCsv(`${header}\n1${sep}2${sep}1\n3${sep}4${sep}0`);
    assert.deepEqual([arr(d.xy), arr(d.labels)], [[1, 2, 3, 4], [1, 0]], header);
  }
  assert.equal(isHeader(['x', 'y', 'y']), false);
  assert.equal(isHeader(['x2', 'x1', 'label']), false);
  assert.equal(isHeader(['x1', 'x2']), false);
  assert.throws(() => parseCsv('x,y\n1,2'), { message: /^line 2: regression target 2 is outside \[-1, 1\]$/ }, 'x,y: a curve');
  assert.throws(() => parseCsv('lat,lon,label\n1,2,0'), { message: /^line 1: 'lat,lon,label' is not a header/ });
});

test('parseCsv: size caps refuse before reading, and reading stops at the first row past the limit', () => {
  assert.equal(MAX_CSV_BYTES, 2_000_000);
  assert.equal(csvSizeProblem(MAX_CSV_BYTES), null);
  assert.match(csvSizeProblem(11e6), /^the file is too large \(11\.0 MB; a data file may have at most 2 MB\)$/);
  assert.throws(() => parseCsv('0,0,0\n'.repeat(MAX_CSV_BYTES / 6 + 1)), { message: /too large/ });
  // Past row 5000 the text is broken (an unclosed quote): it must never be reached.
  const full = rows(MAX_CSV_POINTS, (i) => `0,0,${i % 2}`);
  assert.throws(() => parseCsv(`${full}\n1,1,1\n"never read`), { message: /^too many points \(max 5000\)$/ });
});
