// The settings schema from the core (engine.settingsSchema(), core/include/backprop/settings_schema.hpp) against
// the copies the web layer keeps: state.js's table (defaults, ranges, values, labels; a field an
// entry lists in `own` is the page's deliberate difference), rules.js's output/loss pairings, the
// keys engine.settings() reports, and the README's settings table (both ways). Also: an engine
// error names the setting by its JS key.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { loadModule, Engine, EngineError, ROOT } from './load-engine.mjs';
import { settingsSchema, outputPairings } from '../../web/engine.js';
import { SETTINGS } from '../../web/state.js';
import { outputActivations, losses, defaultPair } from '../../web/rules.js';
import { settingCells } from './settings-table.mjs';

let module, schema;
before(async () => {
  module = await loadModule();
  schema = settingsSchema(module);
});

// state.js's kinds under the schema's type names.
const KIND = { number: 'number', int: 'integer', enum: 'enum', 'list-int': 'integer list', 'list-enum': 'enum list' };

describe("state.js's table equals the core's schema", () => {
  test('the same engine keys, in the same order', () => {
    assert.deepEqual(SETTINGS.filter((e) => e.engine).map((e) => e.key), schema.map((e) => e.key));
  });
  test('every key: label, type, range, values and default (except the fields it owns)', () => {
    for (const c of schema) {
      const p = SETTINGS.find((e) => e.key === c.key);
      const own = new Set(p.own ?? []);
      const same = (field, page, core) => {
        if (!own.has(field)) assert.deepEqual(page, core, `${c.key}: ${field}`);
      };
      same('label', p.label, c.label);
      same('kind', KIND[p.kind], c.type);
      same('default', p.default, c.default);
      if (c.values) same('values', p.values, c.values);
      if (c.min !== undefined) {
        same('min', p.min, c.min);
        same('max', p.max, c.max);
        same('minOpen', p.minOpen ?? false, c.minOpen);
        same('maxOpen', p.maxOpen ?? false, c.maxOpen);
      }
      if (c.minItems !== undefined) {
        same('minLength', p.minLength, c.minItems);
        same('maxLength', p.maxLength, c.maxItems);
      }
      // What the page owns must be a real difference, or the `own` note is stale.
      const field = { maxLength: 'maxItems', minLength: 'minItems' };
      for (const f of own) assert.notDeepEqual(p[f], c[field[f] ?? f], `${c.key}: '${f}' is listed as own but equals the core's`);
    }
  });
  test("engine.settings() reports exactly the schema's keys, defaults included", () => {
    const engine = new Engine(module);
    const settings = engine.settings();
    assert.deepEqual(Object.keys(settings), schema.map((e) => e.key));
    for (const e of schema) {
      const v = settings[e.key];
      // Float settings come back as the float they are stored in (0.03 -> 0.0299999993...).
      if (e.type === 'number') assert.equal(Math.fround(v), Math.fround(e.default), e.key);
      else assert.deepEqual(v, e.default, e.key);
    }
    engine.dispose();
  });
});

describe('keepsWeights: what configure() does', () => {
  test('exactly the training settings keep the weights', () => {
    const engine = new Engine(module);
    const keep = schema.filter((e) => e.keepsWeights).map((e) => e.key);
    assert.deepEqual(keep, ['learningRate', 'batchSize', 'l1', 'l2', 'decay', 'decayRate', 'decaySteps',
      'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon', 'dropout']);
    for (const e of schema) assert.equal(engine.keepsWeights(e.key), e.keepsWeights);
    assert.equal(engine.keepsWeights('noSuchKey'), false);
    // One of each: learningRate keeps the trained weights, noise redraws them.
    engine.trainEpochs(3);
    const trained = engine.params();
    engine.configure({ learningRate: 0.1 });
    assert.deepEqual(engine.params(), trained);
    engine.configure({ noise: 0.2 });
    assert.notDeepEqual(engine.params(), trained);
    assert.equal(engine.progress().epoch, 0);
    engine.dispose();
  });
});

describe("rules.js's pairings equal the core's", () => {
  test('offered output activations, valid losses and the default pair, for every problem', () => {
    const core = outputPairings(module);
    assert.deepEqual(Object.keys(core), ['binary', 'multiclass', 'regression']);
    for (const [problem, c] of Object.entries(core)) {
      assert.deepEqual(outputActivations(problem), c.outputActivations, problem);
      for (const a of c.outputActivations) assert.deepEqual(losses(problem, a), c.losses[a], `${problem} ${a}`);
      assert.deepEqual(defaultPair(problem), c.default, problem);
    }
  });
});

describe('engine errors name the setting by its JS key', () => {
  test("{ trainRatio: 0 } says trainRatio, not train_ratio", () => {
    const engine = new Engine(module);
    assert.throws(() => engine.configure({ trainRatio: 0 }),
      (e) => e instanceof EngineError && e.message === 'trainRatio must be in (0, 1] (got 0)');
    engine.dispose();
  });
  test('every number or integer setting out of range: the message starts with its key', () => {
    const engine = new Engine(module);
    for (const e of schema.filter((s) => s.type === 'number' || s.type === 'integer')) {
      const bad = e.maxOpen ? e.max : e.max + 1 + Math.abs(e.max);
      assert.throws(() => engine.configure({ [e.key]: bad }), (err) => err.message.startsWith(`${e.key} must be`), e.key);
    }
    engine.dispose();
  });
});

// The README's "### Settings" table: | key | values | default | keeps weights | meaning |.
function readmeRows() {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf('\n### Settings\n');
  assert.ok(start >= 0, 'README has a ### Settings section');
  const lines = text.slice(start).split('\n').slice(2);
  const table = [];
  for (const line of lines) {
    if (!line.startsWith('|')) { if (table.length) break; continue; }
    table.push(line);
  }
  // A meaning that needs '|' writes it without spaces around it (Σ\\|w\\|).
  const cells = (line) => line.slice(2, -2).split(' | ');
  return table.slice(2).map(cells);
}

describe("the README's settings table matches the schema", () => {
  test('one row per key, in order, with the schema values, default and keeps-weights', () => {
    const rows = readmeRows();
    assert.deepEqual(rows.map((r) => r[0]), schema.map((e) => `\`${e.key}\``), 'the keys, both ways');
    for (const e of schema) {
      const r = rows.find((x) => x[0] === `\`${e.key}\``);
      assert.deepEqual(r.slice(0, 4), settingCells(e), e.key);
    }
  });
});
