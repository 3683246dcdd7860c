// The English messages translated where they are shown (web/message-templates.js): every template
// has a French text with the same placeholders, and the messages the link's reader, CSV files and
// the page's rules compose match their template, placeholders and all.
// Not here: the page showing them in French (tests/e2e/i18n-playground.e2e.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import FR from '../../web/i18n/fr.js';
import { TEMPLATES, matchTemplate } from '../../web/message-templates.js';
import { parseHash, parseSetting } from '../../web/state.js';
import { parseCsv } from '../../web/csv.js';
import { fitToProblem } from '../../web/rules.js';
import { planModelLoad, parseModel, modelSizeProblem } from '../../web/model-file.js';
import { defaults } from '../../web/state.js';

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every template has a French text with the same placeholders', () => {
  assert.ok(TEMPLATES.length > 100, `${TEMPLATES.length} templates`);
  for (const template of TEMPLATES) {
    assert.ok(Object.hasOwn(FR, template), `no French for: ${template}`);
    assert.deepEqual([...new Set(placeholders(FR[template]))], [...new Set(placeholders(template))], template);
  }
});

test('the link\'s, CSV files\' and the rules\' messages match their templates', () => {
  const { errors } = parseHash('#learningRat=0.1&noise=2&hidden=4,x&compare=1&b.dataset=spiral&b.activation=bogus');
  assert.equal(errors.length, 5);
  const matched = errors.map((e) => matchTemplate(e));
  assert.deepEqual(matched.map((m) => m?.template), [
    'unknown setting \'{key}\' ignored',
    '{key}: \'{value}\' {problem}; using {default}',
    '{key}: \'{value}\' {problem}; using {default}',
    '{key}: run B shares the {label} with run A; ignored',
    '{key}: \'{value}\' {problem}; run B uses run A\'s {default}',
  ]);
  // A placeholder's phrase is a template in turn.
  assert.deepEqual(matched[1].params, { key: 'noise', value: '2', problem: 'is out of range [0, 1]', default: '0' });
  assert.equal(matchTemplate(matched[1].params.problem).template, 'is out of range {range}');
  assert.equal(matchTemplate(matched[2].params.problem).template, 'has {item}, which {problem}');
  assert.equal(matchTemplate(parseSetting('learningRate', '200').error).template, '{label} \'{value}\' {problem}');
  assert.equal(matchTemplate(parseHash('#hide=play,nope').errors[0])?.template,
    '{key}: \'{value}\' names no control a link can hide (the Share / embed dialog lists them); ignored');
  const csvError = (text) => { try { parseCsv(text); } catch (e) { return e.message; } return null; };
  for (const text of ['x1,x2,label\n1,2,0\n1,abc,1\n', '1,2,0\n3,4\n', 'x1,x2,label\n9,0,1\n', 'x1,x2,label\n', 'x1,x2,label\n0,0,0\n1,1,0.5\n1,1,3\n']) {
    const message = csvError(text);
    assert.ok(message && matchTemplate(message), `no template for: ${message}`);
  }
  const { changes } = fitToProblem({ ...defaults(), loss: 'bce' }, 'binary');
  assert.ok(changes.length > 0);
  for (const c of changes) assert.ok(matchTemplate(c.text), `no template for: ${c.text}`);
});

test('a model file\'s refusals and notes match their templates, the data\'s ids as {dataset} and {problem}', () => {
  // The page translates those two placeholders as it names them (tests/e2e/i18n-playground.e2e.mjs).
  const refusal = (settings, layerSizes, custom = null) => {
    try { planModelLoad({ settings, layerSizes }, defaults(), custom); } catch (e) { return e.message; }
    assert.fail(`loaded: ${JSON.stringify(settings)}`);
  };
  const softmax = { outputActivation: 'softmax', loss: 'softmax_ce' };
  const cases = [
    [refusal({ dataset: 'circles', hidden: [4] }, [2, 4, 3]),
      'the model has {n} outputs but {dataset} ({problem}) needs {outputs}', { n: '3', dataset: 'circles', problem: 'binary', outputs: '1' }],
    [refusal({ dataset: 'multi_spiral', classes: 3, hidden: [4], ...softmax }, [2, 4, 1]),
      'the model has {n} output but {dataset} ({problem}) needs {outputs}', { n: '1', dataset: 'multi_spiral', problem: 'multiclass', outputs: '3' }],
    [refusal({ dataset: 'custom', hidden: [4], ...softmax }, [2, 4, 3], { problem: 'multiclass', classes: 5, labels: [0, 4], inputs: 2 }),
      'the model has {n} outputs but the drawn {problem} points need {outputs}', { n: '3', problem: 'multiclass', outputs: '5' }],
    [refusal({ dataset: 'sine', features: ['x1', 'x2'], hidden: [4] }, [2, 4, 1]),
      'the model\'s inputs {names} need x2, which {dataset} (1-D data) does not have', { names: 'x1, x2', dataset: 'sine' }],
    [planModelLoad({ settings: { dataset: 'curve', features: ['x1'], hidden: [4] }, layerSizes: [1, 4, 1] }, defaults()).notes[0],
      'the model was trained on a drawn curve, which this page does not have: using {dataset}', { dataset: 'sine' }],
  ];
  for (const [message, template, params] of cases) assert.deepEqual(matchTemplate(message), { template, params }, message);
});

test('a model file\'s own faults (a file of another network, a huge or NaN weight, too large) match their templates', () => {
  // parseModel's refusals are shown in the page's language like planModelLoad's: a file edited by
  // hand or saved from another network reached a French page in English.
  const good = { format: 'backprop-playground-model', version: 1, settings: { dataset: 'xor', hidden: [2] },
    layerSizes: [2, 2, 1], params: new Array(9).fill(0.1), epoch: 0 };
  const refusal = (change) => {
    try { parseModel(JSON.stringify({ ...good, ...change })); } catch (e) { return e.message; }
    assert.fail(`read: ${JSON.stringify(change)}`);
  };
  const cases = [
    [refusal({ layerSizes: 'x' }), 'model layerSizes must be a list of at least 2 whole numbers (inputs, ..., outputs)', {}],
    [refusal({ layerSizes: [2, 3, 1] }), 'model layer sizes {sizes} do not match its hidden layers {hidden}', { sizes: '2,3,1', hidden: '2' }],
    [refusal({ settings: { ...good.settings, features: ['x1'] } }), 'model layer sizes {sizes} do not match its {n} features', { sizes: '2,2,1', n: '1' }],
    [refusal({ params: new Array(8).fill(0.1) }), 'model params has {n} numbers but layer sizes {sizes} need {expected}', { n: '8', sizes: '2,2,1', expected: '9' }],
    [refusal({ params: [1e39, ...new Array(8).fill(0.1)] }), 'model params[{i}] is not a finite float32 number (got {value})', { i: '0', value: '1e+39' }],
    [refusal({ epoch: -1 }), 'model epoch must be a whole number ≥ 0 (got {value})', { value: '-1' }],
    [refusal({ settings: { ...good.settings, activation: 'maxout', maxoutPieces: 9 } }), 'model maxoutPieces must be 2, 3 or 4 (got {value})', { value: '9' }],
    [modelSizeProblem(2e6), 'the file is too large ({x} MB; a model file may have at most {max} MB)', { x: '2.0', max: '1' }],
  ];
  for (const [message, template, params] of cases) assert.deepEqual(matchTemplate(message), { template, params }, message);
  // A file with no hidden layers says so in words, a template of its own (the words translated).
  assert.equal(matchTemplate(refusal({ settings: { dataset: 'xor', hidden: [] }, layerSizes: [2, 1, 1], params: new Array(5).fill(0) })).template,
    'model layer sizes {sizes} do not match its hidden layers (none)');
});

test('an English message no template knows is not matched', () => {
  assert.equal(matchTemplate('something else entirely'), null);
});
