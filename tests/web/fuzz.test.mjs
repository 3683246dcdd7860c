// Seeded fuzzing of everything the page reads from outside: links (readLink over parseHash and
// decodePoints), CSV files (parseCsv) and model files (parseModel, then planModelLoad). Each case
// is a mutation of a valid input or plain garbage; none may throw anything but an Error with a
// message, a refusal names what it refused, what is accepted is valid, and nothing passed in is
// changed. Fixed seeds, so a failure reproduces; a few thousand cases each, a few seconds in all.
// The engine's own calls are fuzzed in tests/wasm/engine-fuzz.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readLink } from '../../web/link-load.js';
import { SETTINGS, defaults, validate, serializeHash, encodePoints, parseHash } from '../../web/state.js';
import { parseCsv, toCsv, MAX_CSV_POINTS } from '../../web/csv.js';
import { parseModel, modelToJson, planModelLoad } from '../../web/model-file.js';
import { datasetProblem } from '../../web/rules.js';
import { prng } from '../support/prng.mjs';

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, n) => Math.floor(rand() * n);

const ATOMS = ['&', '=', '#', '%', '%2', '%41', '%E0%A4', '%ZZ', ',', ';', '"', '""', '\n', '\r\n', '\r', '\t', ' ',
  '+', '-', '.', 'e', '0', '1', '9', '-7', '1e999', 'NaN', 'Infinity', '0x1f', '\u0000', '\ud800', '😀', '\uFEFF',
  '__proto__', 'constructor', 'x1', 'x2', 'label', '#', 'softmax', 'custom', 'AAAAAAAA', '{', '}', '[', ']', ':',
  'null', 'true', '"format"', '"params"', '"settings"', '"layerSizes"', '1b', '3b'];

// Mutates text: deletes, duplicates, swaps in atoms or random characters.
function mutate(rand, text, maxEdits = 6) {
  let s = text;
  const edits = 1 + int(rand, maxEdits);
  for (let k = 0; k < edits; ++k) {
    const at = int(rand, s.length + 1);
    const r = rand();
    if (r < 0.3) s = s.slice(0, at) + s.slice(at + 1 + int(rand, 8));
    else if (r < 0.6) s = s.slice(0, at) + pick(rand, ATOMS) + s.slice(at);
    else if (r < 0.75) s = s.slice(0, at) + String.fromCharCode(int(rand, 0x3000)) + s.slice(at);
    else if (r < 0.9) { const from = int(rand, s.length + 1); s = s.slice(0, at) + s.slice(from, from + int(rand, 40)) + s.slice(at); }
    else s = s.slice(0, at) + pick(rand, ATOMS).repeat(1 + int(rand, 50)) + s.slice(at);
  }
  return s;
}

function randomState(rand) {
  const s = defaults();
  for (const e of SETTINGS) {
    if (rand() < 0.7 || e.key === 'data') continue;
    if (e.kind === 'enum') s[e.key] = pick(rand, e.values);
    else if (e.kind === 'bool') s[e.key] = rand() < 0.5;
    else if (e.kind === 'int') s[e.key] = e.min + int(rand, Math.min(e.max - e.min + 1, 1000));
    else if (e.kind === 'number') s[e.key] = Number((e.min + (e.max - e.min) * (0.01 + 0.98 * rand())).toPrecision(3));
    else if (e.kind === 'list-int') s[e.key] = Array.from({ length: int(rand, e.maxLength + 1) }, () => e.min + int(rand, e.max - e.min + 1));
    else if (e.kind === 'list-enum') s[e.key] = e.values.filter(() => rand() < 0.3).slice(0, e.maxLength);
  }
  if (s.features.length === 0) s.features = ['x1'];
  if (s.trainRatio + s.validationRatio > 1) s.validationRatio = 0;
  if (rand() < 0.3) {
    const n = 1 + int(rand, 20);
    const xy = Array.from({ length: 2 * n }, () => Math.round((rand() * 12 - 6) * 100) / 100);
    s.data = encodePoints(xy, Array.from({ length: n }, () => int(rand, 2)), 'binary');
    if (rand() < 0.5) s.dataset = 'custom';
  }
  return s;
}

test('links: 3000 mutated and random links never throw, give a valid state and name each refused key', () => {
  const rand = prng(20261130);
  for (let i = 0; i < 3000; ++i) {
    const hash = i % 3 === 0 ? Array.from({ length: int(rand, 40) }, () => pick(rand, ATOMS)).join('')
      : mutate(rand, serializeHash(randomState(rand)));
    let link;
    assert.doesNotThrow(() => { link = readLink(hash); }, hash);
    assert.deepEqual(validate(link.state), [], hash);
    assert.equal(typeof link.message, 'string');
    if (link.state.dataset === 'custom') assert.ok(link.custom, `custom data without points: ${hash}`);
    // Every key the link gives (its last value, the one that counts) is used as written or named:
    // refused on its own, or valid alone but not used in the end (the ratios' sum, a pairing).
    const last = new Map(hash.replace(/^#/, '').split('&').map((part) => [part.split('=')[0], part]));
    for (const [key, part] of last) {
      if (!SETTINGS.some((e) => e.key === key)) continue;
      const alone = parseHash(part);
      const used = JSON.stringify(alone.state[key]) === JSON.stringify(link.state[key]);
      const refused = alone.errors.length > 0 && key !== 'validationRatio';  // alone, checked against the default trainRatio
      if ((refused || (alone.errors.length === 0 && !used)) && !link.message.includes(key)) {
        assert.fail(`${key} ${refused ? 'refused' : 'changed'} silently in ${hash}: ${link.message}`);
      }
    }
    assert.ok(link.message.length < 4000, `message of ${link.message.length} characters`);
  }
  assert.deepEqual(Object.keys(Object.prototype), []);
});

test('CSV: 3000 mutated and random files parse to valid points or throw a named Error', () => {
  const rand = prng(4180);
  const valid = (problem) => {
    const n = 1 + int(rand, 30);
    const xy = Array.from({ length: 2 * n }, () => rand() * 12 - 6);
    const labels = Array.from({ length: n }, () => (problem === 'regression' ? rand() * 2 - 1 : int(rand, problem === 'binary' ? 2 : 5)));
    return toCsv(xy, labels);
  };
  let accepted = 0;
  for (let i = 0; i < 3000; ++i) {
    const text = i % 4 === 0 ? Array.from({ length: int(rand, 60) }, () => pick(rand, ATOMS)).join('')
      : mutate(rand, valid(pick(rand, ['binary', 'multiclass', 'regression'])), 2);
    let d;
    try {
      d = parseCsv(text);
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError), `${e?.name}: ${JSON.stringify(text)}`);
      assert.ok(e.message.length > 0 && e.message.length < 300, e.message);
      assert.match(e.message, /^(line \d+: |no data rows|too many points|the file is too large)/, JSON.stringify(text));
      continue;
    }
    accepted += 1;
    const n = d.labels.length;
    assert.ok(n >= 1 && n <= MAX_CSV_POINTS && d.xy.length === 2 * n);
    assert.ok(d.xy.every((v) => Math.abs(v) <= 6), JSON.stringify(text));
    if (d.problem === 'binary') assert.ok(d.labels.every((y) => y === 0 || y === 1));
    else if (d.problem === 'multiclass') assert.ok(d.labels.every((y) => Number.isInteger(y) && y >= 0 && y < d.classes));
    else assert.ok(d.labels.every((y) => y >= -1 && y <= 1));
  }
  assert.ok(accepted > 100, `${accepted} accepted`);  // the mutations do not only produce garbage
});

test('model files: 2000 mutated files are read and planned whole, or refused with a named Error and nothing changed', () => {
  const rand = prng(1234567);
  let planned = 0;
  for (let i = 0; i < 2000; ++i) {
    const state = randomState(rand);
    state.data = '';
    if (state.dataset === 'custom') state.dataset = 'xor';
    const problem = datasetProblem(state.dataset);
    const outputs = problem === 'multiclass' ? state.classes : 1;
    const sizes = [state.features.length, ...state.hidden, outputs];
    const slopes = state.activation === 'prelu' ? state.hidden.reduce((n, h) => n + h, 0) : 0;  // PReLU's, after W and b
    // Maxout's pieces 2..k of every hidden layer, after W and b.
    const pieces = state.activation === 'maxout' ? (state.maxoutPieces - 1) * sizes.slice(1, -1).reduce((n, out, l) => n + (sizes[l] + 1) * out, 0) : 0;
    const count = sizes.slice(1).reduce((n, out, l) => n + (sizes[l] + 1) * out, 0) + slopes + pieces;
    const settings = Object.fromEntries(SETTINGS.filter((e) => e.engine).map((e) => [e.key, state[e.key]]));
    const text = modelToJson({ settings, layerSizes: sizes, params: Float32Array.from({ length: count }, () => rand() - 0.5), epoch: int(rand, 100) });
    const file = i % 5 === 0 ? text : mutate(rand, text);
    const page = randomState(rand);
    const pageCopy = structuredClone(page);
    // The learner's points: 2-D or a curve (inputs 1), some empty (after Clear), some kept aside.
    const points = () => (rand() < 0.3 ? { problem: pick(rand, ['binary', 'multiclass', 'regression']), classes: 2 + int(rand, 7),
      labels: new Array(int(rand, 3)).fill(0), inputs: 1 + int(rand, 2) } : null);
    const custom = points(), kept = points();
    try {
      const model = parseModel(file);
      const plan = planModelLoad(model, page, custom, kept);
      planned += 1;
      assert.deepEqual(validate(plan.state), [], file);
      assert.ok(plan.notes.every((n) => typeof n === 'string'));
      assert.equal(plan.state.features.length, model.layerSizes[0]);
      assert.deepEqual(plan.state.hidden, model.layerSizes.slice(1, -1));
      // Drawn points only of the model's kind: a curve is never read as 2-D points, nor the reverse.
      if (plan.points) assert.equal(plan.points.inputs === 1, plan.state.dataset === 'curve');
      else assert.ok(plan.state.dataset !== 'custom' && plan.state.dataset !== 'curve');
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError), `${e?.name}: ${e?.message}`);
      assert.ok(e.message.length > 0 && e.message.length < 400, e.message);
    }
    assert.deepEqual(page, pageCopy, 'the page state passed in was changed');
  }
  assert.ok(planned > 200, `${planned} planned`);
});
