// The engine as a typed ES-module package, the way a course author uses it: dist/ (build-dist.mjs)
// installed as node_modules/backprop-playground in a scratch project, tests/types/usage.ts
// type-checked against it by tsc (strict) and run in Node. Plus web/engine.d.ts checked against the
// running engine: every export, every method of its classes, every setting and every allowed name.
// Needs the wasm built (both loaders: web/wasm/ and web/wasm/esm/).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ts from 'typescript';

import { buildDist } from '../../build-scripts/build-dist.mjs';
import { loadEngine, loadModule, ROOT } from '../wasm/load-engine.mjs';
import { ClassicUnit, activationCurve } from '../../web/engine.js';

const PROJECT = path.join(ROOT, 'test-results', 'types-consumer');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const T = { timeout: 120000 };

// A scratch project with the package installed and the usage file copied in.
before(async () => {
  fs.rmSync(PROJECT, { recursive: true, force: true });
  await buildDist(path.join(PROJECT, 'node_modules', 'backprop-playground'));
  fs.writeFileSync(path.join(PROJECT, 'package.json'), '{ "private": true, "type": "module" }\n');
  for (const f of ['usage.ts', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, 'tests', 'types', f), path.join(PROJECT, f));
});

function tsc(project) {
  return spawnSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8' });
}

test('the typed usage file compiles against the package, and runs on its ES module with the page module\'s numbers', T, async () => {
  const result = tsc(PROJECT);
  assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
  const printed = JSON.parse(execFileSync(process.execPath, [path.join(PROJECT, 'out', 'usage.js')], { encoding: 'utf8' }));

  // The same calls on the classic module the page loads.
  const engine = await loadEngine();
  engine.configure({ dataset: 'circles', noise: 0.1, hidden: [4, 2], activation: 'relu', seed: 2 }).trainEpochs(20);
  const metrics = engine.metrics();
  const step = engine.traceStep(1);
  const module = await loadModule();
  const unit = new ClassicUnit(module);
  unit.reset({ rule: 'perceptron', coding: 'binary', learningRate: 1 }, [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1], [0, 0, 0]);
  unit.trainEpochs(10);
  assert.deepEqual(printed, {
    epoch: 20,
    trainLoss: metrics.train.loss,
    testAccuracy: metrics.test.accuracy,
    stepLoss: step.lossBefore,
    gridValues: 9 * 64,  // features 2 + hidden 6 + output 1 nodes, 8 × 8 points each
    firstWeight: engine.layers()[0].W[0],
    refused: 'learningRate must be in (0, 100] (got -1)',
    settings: engine.settingsSchema().length,
    tanhSlopeAt0: activationCurve(module, 'tanh', [0]).df[0],
    andLearned: unit.state().converged,
  });
  assert.equal(printed.andLearned, true, 'the perceptron learns AND in 10 epochs');
});

test('tsc rejects a mistake the types describe (an activation that does not exist)', T, () => {
  const wrong = path.join(PROJECT, 'wrong');
  fs.mkdirSync(wrong, { recursive: true });
  const usage = fs.readFileSync(path.join(PROJECT, 'usage.ts'), 'utf8');
  const marker = "  // @ts-expect-error 'relu6' is not an activation\n";
  assert.ok(usage.includes(marker));
  fs.writeFileSync(path.join(wrong, 'usage.ts'), usage.replace(marker, ''));
  fs.copyFileSync(path.join(PROJECT, 'tsconfig.json'), path.join(wrong, 'tsconfig.json'));
  const result = tsc(wrong);
  assert.notEqual(result.status, 0);
  assert.match(result.stdout, /usage\.ts\(\d+,\d+\): error TS\d+: Type '"relu6"' is not assignable to type 'HiddenActivation/);
  assert.equal(result.stdout.trim().split('\n').filter((l) => / error TS/.test(l)).length, 1, result.stdout);
});

// ---- web/engine.d.ts against the running engine ----

let parsed;
function declarations() {
  parsed ??= parseDeclarations();
  return parsed;
}
function parseDeclarations() {
  const entry = path.join(ROOT, 'web', 'backprop.d.ts');
  const program = ts.createProgram([entry], { strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(problems, [], 'the declaration files compile');
  const checker = program.getTypeChecker();
  const resolve = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)))
    .map((s) => [s.name, resolve(s)]));
  return { checker, exports };
}

// String literal names of a union type (or of an array's item type).
function literalNames(checker, type) {
  const item = checker.isArrayType(type) ? checker.getTypeArguments(type)[0] : type;
  const parts = item.isUnion() ? item.types : [item];
  return parts.map((t) => (t.isStringLiteral() ? t.value : checker.typeToString(t)));
}

// Methods of the classes' prototypes that are the engine's own plumbing, not its API.
const INTERNAL_METHODS = new Set(['constructor', 'live', 'indexIn']);

test('web/engine.d.ts declares every export, and every method of Engine, ClassicUnit and Descent, and nothing else', T, async () => {
  const { checker, exports } = declarations();
  const runtime = await import('../../web/backprop.js');
  const values = [...exports].filter(([, s]) => s.flags & ts.SymbolFlags.Value).map(([name]) => name);
  assert.deepEqual(values.sort(), Object.keys(runtime).sort());
  for (const name of ['Engine', 'ClassicUnit', 'Descent']) {
    const declared = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(exports.get(name)))
      .filter((p) => p.flags & ts.SymbolFlags.Method).map((p) => p.name);
    const actual = Object.getOwnPropertyNames(runtime[name].prototype).filter((m) => !INTERNAL_METHODS.has(m));
    assert.deepEqual(declared.sort(), actual.sort(), `${name}'s methods`);
  }
});

test('the Settings type has every setting of the core\'s schema, with its allowed names', T, async () => {
  const { checker, exports } = declarations();
  const settings = checker.getDeclaredTypeOfSymbol(exports.get('Settings'));
  const declared = new Map(checker.getPropertiesOfType(settings).map((p) => [p.name, checker.getTypeOfSymbol(p)]));
  const engine = await loadEngine();
  const schema = engine.settingsSchema();
  assert.deepEqual([...declared.keys()], schema.map((e) => e.key), 'the same keys, in the schema\'s order');
  for (const entry of schema) {
    const type = declared.get(entry.key);
    const expected = { number: 'number', integer: 'number', 'integer list': 'number[]' }[entry.type];
    if (expected) {
      assert.equal(checker.typeToString(type), expected, entry.key);
    } else {
      assert.deepEqual(literalNames(checker, type).sort(), [...entry.values].sort(), `${entry.key}'s names`);
      assert.equal(checker.isArrayType(type), entry.type === 'enum list', `${entry.key} is a list`);
    }
  }
});
