// web/csv.js: export format, import of the formats people actually have (headers, separators,
// CRLF, comments, quotes, decimal commas), problem inference, and every error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv, parseCsv, MAX_CSV_POINTS } from '../../web/csv.js';

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
    ['x,y,class\n1,2,0', undefined, /^line 1: 'x,y,class' is not a header x1,x2,label nor a row of numbers$/],
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
