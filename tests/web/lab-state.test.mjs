// Tests for web/course/lab-state.js: a typed list of numbers, and a list field's trip through the
// link (commas on the page, _ in the link, which carries no commas or spaces). Fields are stand-ins
// with the properties lab-state reads; the selects and numbers are tested in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberList, bindLabState } from '../../web/course/lab-state.js';
import { splitHash, joinHash } from '../../web/course/route.js';

test('numberList reads commas, semicolons or spaces, and the page\'s minus sign; anything else is null', () => {
  assert.deepEqual(numberList('1.60, 0.55, 0.98'), [1.6, 0.55, 0.98]);
  assert.deepEqual(numberList(' −1;2  3e-2 '), [-1, 2, 0.03]);
  assert.equal(numberList(''), null);
  assert.equal(numberList(' , '), null);
  assert.equal(numberList('1, two'), null);
  assert.equal(numberList('1, Infinity'), null);
});

test('numberList reads a list written as the page writes it in French, with decimal commas between semicolons', () => {
  assert.deepEqual(numberList('0,7 ; 0,2 ; 0,1'), [0.7, 0.2, 0.1]);
  assert.deepEqual(numberList('2;0,75;−0,05'), [2, 0.75, -0.05]);
  assert.deepEqual(numberList('1.6, −0.5; 2'), [1.6, -0.5, 2], 'a comma before a space still separates');
  assert.deepEqual(numberList('1,2, 3'), [1, 2, 3], 'without a semicolon every comma separates');
});

// A stand-in for the shell's ctx.lab, over one route's lab keys.
function labOver(hash) {
  let route = splitHash(hash).route;
  const reported = [];
  const refused = [];
  return {
    reported,
    refused,
    report: (problems, keys) => { reported.push(...problems); refused.push(...keys); },
    values: (prefix) => Object.fromEntries(Object.entries(route.lab ?? {}).filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, v]) => [k.slice(prefix.length + 1), v])),
    save: (prefix, values) => { route = { lab: Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v])) }; },
    hash: () => joinHash(route, ''),
  };
}
const listField = (value) => ({ type: 'text', tagName: 'INPUT', dataset: { list: '' }, value });

test('a list field reads a_b_c from the link as "a, b, c", writes back with _, and leaves its default out', () => {
  const lab = labOver('#act.logits=2_-0.75_0.05');
  const logits = listField('1.60, 0.55, 0.98');
  const linked = bindLabState(lab, 'act', { logits });
  assert.deepEqual(linked.problems, []);
  assert.equal(logits.value, '2, -0.75, 0.05');
  logits.value = '3,  −1 ; 4';
  linked.save();
  assert.equal(lab.hash(), '#act.logits=3_-1_4');
  assert.deepEqual(splitHash(lab.hash()).route.lab, { 'act.logits': '3_-1_4' }, 'a value the route accepts');
  logits.value = '1.60 0.55 0.98';  // the default, however spaced
  linked.save();
  assert.equal(lab.hash(), '');
});

test('a list field refuses a link value that is not numbers, and keeps its default', () => {
  const logits = listField('1, 2');
  const lab = labOver('#act.logits=1_x');
  const linked = bindLabState(lab, 'act', { logits });
  assert.deepEqual(linked.problems, ["act.logits '1_x' is not a list of numbers separated by _"]);
  assert.deepEqual(lab.reported, linked.problems, 'reported to the shell, which says them with the rest of the link');
  assert.deepEqual(lab.refused, ['act.logits'], 'and takes the key out of the link');
  assert.equal(logits.value, '1, 2');
});

test('a number the link cannot carry as typed is written so it can: 1e+1 as 10, 1e+25 as 1e25, a list too long as typed in its shortest spelling', () => {
  const lab = labOver('');
  const logits = listField('1, 2');
  const linked = bindLabState(lab, 'act', { logits });
  logits.value = '1e+1, 1e+25, +2';  // "+" is no part of a link's lab values
  linked.save();
  assert.equal(lab.hash(), '#act.logits=10_1e25_2');
  // 0.10, 0.20, …, 1.70: 84 characters as typed, over the 80 a value may have.
  logits.value = Array.from({ length: 17 }, (_, i) => ((i + 1) / 10).toFixed(2)).join(', ');
  linked.save();
  assert.equal(lab.hash(), '#act.logits=0.1_0.2_0.3_0.4_0.5_0.6_0.7_0.8_0.9_1_1.1_1.2_1.3_1.4_1.5_1.6_1.7');
  assert.deepEqual(splitHash(lab.hash()).route.lab, { 'act.logits': '0.1_0.2_0.3_0.4_0.5_0.6_0.7_0.8_0.9_1_1.1_1.2_1.3_1.4_1.5_1.6_1.7' }, 'a value the route accepts');
});

test('a value the link cannot carry at all leaves the link at the last one that fitted, not at the default', () => {
  const lab = labOver('#act.logits=3_2');
  const logits = listField('1, 2');
  const linked = bindLabState(lab, 'act', { logits });
  logits.value = Array.from({ length: 30 }, (_, i) => String(i + 0.25)).join(', ');
  linked.save();
  assert.equal(lab.hash(), '#act.logits=3_2');
  logits.value = '4, 2';
  linked.save();
  assert.equal(lab.hash(), '#act.logits=4_2');
  logits.value = 'x'.repeat(81);
  linked.save();
  assert.equal(lab.hash(), '#act.logits=4_2');
});
