// Tests for web/course/lab-state.js: a typed list of numbers, a list field's trip through the link
// (commas on the page, _ in the link, which carries no commas or spaces), and the link values a
// checkbox, a slider and a number box take or refuse. Fields are stand-ins with the properties
// lab-state reads; the selects, and a number box emptying itself on 0x3, are tested in Chromium.
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

test('a checkbox reads 1 or 0 from the link and refuses anything else; it travels only when it differs from its default', () => {
  const box = () => ({ type: 'checkbox', tagName: 'INPUT', checked: false, value: 'on' });
  const race = box();
  const lab = labOver('#descent.race=1');
  const linked = bindLabState(lab, 'descent', { race });
  assert.deepEqual(linked.problems, []);
  assert.equal(race.checked, true);
  race.checked = false;
  linked.save();
  assert.equal(lab.hash(), '', 'unticked, its default, it leaves the link');
  race.checked = true;
  linked.save();
  assert.equal(lab.hash(), '#descent.race=1');
  const refused = box();
  assert.deepEqual(bindLabState(labOver('#descent.race=yes'), 'descent', { race: refused }).problems, ["descent.race 'yes' is not 0 or 1"]);
  assert.equal(refused.checked, false);
  const off = { ...box(), checked: true };
  assert.deepEqual(bindLabState(labOver('#descent.race=0'), 'descent', { race: off }).problems, []);
  assert.equal(off.checked, false);
});

test('a slider or a whole-number box takes a link value at its ends and on its steps, and names why it refuses the others', () => {
  const slider = () => ({ type: 'range', tagName: 'INPUT', min: '-1', max: '1', step: '0.5', value: '0' });
  const box = () => ({ type: 'number', tagName: 'INPUT', min: '1', max: '12', step: '1', value: '4' });
  const read = (make, value) => {
    const field = make();
    const { problems } = bindLabState(labOver(`#lab.f=${value}`), 'lab', { f: field });
    return problems.length ? problems[0] : field.value;
  };
  for (const v of ['-1', '1', '0.5']) assert.equal(read(slider, v), v, `slider at ${v}`);
  assert.equal(read(slider, '1.5'), "lab.f '1.5' is outside -1…1");
  assert.equal(read(slider, '-1.5'), "lab.f '-1.5' is outside -1…1");
  assert.equal(read(slider, '0.25'), "lab.f '0.25' is not one of the slider's steps of 0.5");
  for (const v of ['1', '12']) assert.equal(read(box, v), v, `box at ${v}`);
  assert.equal(read(box, '13'), "lab.f '13' is outside 1…12");
  assert.equal(read(box, '2.5'), "lab.f '2.5' is not a whole number");
  assert.equal(read(box, 'abc'), "lab.f 'abc' is not a number");
  // A box for whole numbers that steps by more than 1 (epochs by 50) is a whole-number box too.
  const epochs = () => ({ ...box(), min: '0', max: '1000', step: '50', value: '300' });
  assert.equal(read(epochs, '2.5'), "lab.f '2.5' is not a whole number");
  assert.equal(read(epochs, '120'), '120', 'any whole number, not only a multiple of its step');
  assert.equal(read(() => ({ ...box(), min: '0.5', step: '1' }), '2.5'), '2.5', 'steps of 1 from 0.5 are not whole numbers');
  // Without a minimum or maximum a field has no end; a box that is not whole-number takes a fraction.
  assert.equal(read(() => ({ ...box(), min: '', max: '', step: 'any' }), '-1e6'), '-1e6');
  assert.equal(read(() => ({ ...box(), step: 'any' }), '2.5'), '2.5');
  assert.equal(read(() => ({ ...slider(), min: '' }), '-7.5'), '-7.5');
});
