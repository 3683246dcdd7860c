// A trained model as a JSON file: the engine settings, layer sizes, every parameter and the epoch
// (and, for the learner's 2-D points, the problem they pose, which no setting names), written
// deterministically (no timestamp) so the same model always gives the same bytes.
// Parameters are float32 (the core's Scalar) printed with the fewest digits that read back to the
// same float32, so loading is bit-exact. Pure: no DOM, no engine, no file dialogs; the
// controller passes engine.settings()/layerSizes()/params() in and feeds parseModel's result back.

import { SETTINGS, checkValue, validate } from './state.js';
import { fitToProblem, datasetProblem, isCurveDataset } from './rules.js';

export const MODEL_FORMAT = 'backprop-playground-model';
export const MODEL_VERSION = 1;
const ENGINE_ORDER = SETTINGS.filter((e) => e.engine).map((e) => e.key);
const ENGINE_KEYS = new Set(ENGINE_ORDER);
const PARAMS_PER_LINE = 8;
const PROBLEMS = ['binary', 'multiclass', 'regression'];
const DATASETS = SETTINGS.find((e) => e.key === 'dataset').values;
/** Largest model file read (bytes). The page's largest network (7 features, 8 hidden layers of 16,
 * 8 outputs) has 2,168 parameters, about 30 kB of JSON; larger files are refused unread. */
export const MAX_MODEL_BYTES = 1_000_000;

/** The message for a file of `size` bytes over MAX_MODEL_BYTES, or null. */
export function modelSizeProblem(size) {
  return size > MAX_MODEL_BYTES
    ? `the file is too large (${(size / 1e6).toFixed(1)} MB; a model file may have at most ${MAX_MODEL_BYTES / 1e6} MB)` : null;
}

// The shortest decimal that reads back as the same float32 (at most 9 significant digits).
function float32Text(v) {
  const f = Math.fround(v);
  if (Object.is(f, -0)) return '-0';  // JSON.stringify would drop the sign
  for (let p = 1; p < 9; ++p) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(Number(f.toPrecision(9)));
}

// Settings hold float32 values widened to double (learningRate 0.029999999329447746): write
// fractions as their shortest float32 text (0.03), which the engine reads back to the same float.
// Whole numbers stay as they are: seeds are uint32, not float32.
function settingsReplacer(key, v) {
  return typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(float32Text(v)) : v;
}

// The parameters a network of these layer sizes holds: per weight layer, W (out x in) and b (out);
// then PReLU's slope per hidden unit, or maxout's pieces 1..k-1 of every hidden layer, each a W and
// b of the layer's shape (core/include/backprop/network.hpp).
function paramCount(sizes, activation, maxoutPieces) {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; ++l) n += (sizes[l] + 1) * sizes[l + 1];
  if (activation === 'prelu') n += sizes.slice(1, -1).reduce((sum, units) => sum + units, 0);
  if (activation === 'maxout') for (let l = 0; l + 2 < sizes.length; ++l) n += (maxoutPieces - 1) * (sizes[l] + 1) * sizes[l + 1];
  return n;
}

// Problems shared by writing and reading, so a file that was written can always be read.
function checkModel({ settings, layerSizes, params, epoch, problem }) {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    return 'model file has no settings';
  }
  for (const k of Object.keys(settings)) {
    if (!ENGINE_KEYS.has(k)) return `model settings: unknown setting '${k.slice(0, 40)}'`;
  }
  const sizes = Array.isArray(layerSizes) ? layerSizes : null;
  if (!sizes || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 100000)) {
    return 'model layerSizes must be a list of at least 2 whole numbers (inputs, ..., outputs)';
  }
  if (Array.isArray(settings.hidden) && settings.hidden.join() !== sizes.slice(1, -1).join()) {
    return `model layer sizes ${sizes.join(',')} do not match its hidden layers ${settings.hidden.join(',') || '(none)'}`;
  }
  if (Array.isArray(settings.features) && settings.features.length !== sizes[0]) {
    return `model layer sizes ${sizes.join(',')} do not match its ${settings.features.length} features`;
  }
  if (settings.activation === 'maxout') {
    const k = settings.maxoutPieces ?? 2;
    if (!Number.isInteger(k) || k < 2 || k > 4) return `model maxoutPieces must be 2, 3 or 4 (got ${String(k).slice(0, 40)})`;
  }
  const expected = paramCount(sizes, settings.activation, settings.maxoutPieces ?? 2);
  if (!params || typeof params.length !== 'number') return 'model file has no params';
  if (params.length !== expected) {
    return `model params has ${params.length} numbers but layer sizes ${sizes.join(',')} need ${expected}`;
  }
  for (let i = 0; i < params.length; ++i) {
    const v = params[i];
    if (typeof v !== 'number' || !Number.isFinite(Math.fround(v))) {
      return `model params[${i}] is not a finite float32 number (got ${String(v).slice(0, 40)})`;
    }
  }
  if (!(Number.isInteger(epoch) && epoch >= 0)) return `model epoch must be a whole number ≥ 0 (got ${epoch})`;
  if (problem !== undefined) {
    // Quoted as the file has it: ["binary"] is not binary.
    if (!PROBLEMS.includes(problem)) return `model problem must be binary, multiclass or regression (got ${quoted(problem)})`;
    const outputs = sizes[sizes.length - 1];
    if ((problem === 'multiclass') !== (outputs > 1)) return `model problem ${problem} does not fit its layer sizes ${sizes.join(',')}`;
    // Only the learner's 2-D points leave their problem to the file; any other dataset poses its
    // own, and a file that says otherwise was edited wrong (read silently, the field would mean nothing).
    const dataset = settings.dataset;
    if (dataset !== 'custom' && DATASETS.includes(dataset) && datasetProblem(dataset) !== problem) {
      return `model problem ${problem} does not fit its dataset ${dataset}`;
    }
  }
  return null;
}

/**
 * Writes a model file: pretty JSON with format, version, settings, for a model of the learner's
 * 2-D points (dataset 'custom') the problem they pose, layerSizes, params (a flat number array in
 * engine.params() layout) and epoch. Deterministic. Throws an Error (e.g. on NaN weights or a
 * params length that does not match layerSizes) rather than write a file that parseModel would refuse.
 * Every other model's file is the command-line tool's byte for byte (core/cli/model_file.cpp); the
 * tool, and a page from before the problem was written, read past the field.
 * @param {{ settings: object, layerSizes: number[], params: Float32Array|number[], epoch: number,
 *   problem?: 'binary'|'multiclass'|'regression' }} model problem: the data's, written only for 'custom'
 * @returns {string}
 */
export function modelToJson({ settings, layerSizes, params, epoch, problem }) {
  const sizes = Array.from(layerSizes ?? [], Number);
  // Only the learner's 2-D points leave the problem unsaid: a regression model of imported points
  // would load onto XOR without it. Any other dataset names its own.
  const data = settings?.dataset === 'custom' ? problem : undefined;
  const refused = checkModel({ settings, layerSizes: sizes, params, epoch, problem: data });
  if (refused) throw new Error(refused);
  const lines = [];
  for (let i = 0; i < params.length; i += PARAMS_PER_LINE) {
    lines.push(`    ${Array.from(params.slice(i, i + PARAMS_PER_LINE), float32Text).join(', ')}`);
  }
  // One setting per line, in the settings table's order whatever the object's key order.
  const settingsLines = ENGINE_ORDER.filter((k) => Object.hasOwn(settings, k))
    .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(settings[k], settingsReplacer)}`);
  const settingsText = settingsLines.length ? `{\n${settingsLines.join(',\n')}\n  }` : '{}';
  return [
    '{',
    `  "format": ${JSON.stringify(MODEL_FORMAT)},`,
    `  "version": ${MODEL_VERSION},`,
    `  "settings": ${settingsText},`,
    ...(data === undefined ? [] : [`  "problem": ${JSON.stringify(data)},`]),
    `  "layerSizes": ${JSON.stringify(sizes)},`,
    `  "params": [\n${lines.join(',\n')}\n  ],`,
    `  "epoch": ${epoch}`,
    '}',
    '',
  ].join('\n');
}

// A value from the file, quoted for a message and cut short: a mutated file must not make a page-long message.
function quoted(value) {
  const text = JSON.stringify(value) ?? 'missing';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Reads a model file. Throws an Error with a message fit to show: not JSON, not a model file,
 * unsupported version, missing or unknown settings, layer sizes that do not match the settings
 * or the params, non-finite params, a problem that is not one or does not fit the outputs.
 * @param {string} text
 * @returns {{ settings: object, layerSizes: number[], params: Float32Array, epoch: number,
 *   problem?: string }} problem: the learner's points' (files of 'custom' data written since it was recorded)
 */
export function parseModel(text) {
  if (typeof text !== 'string') throw new Error('model file must be text');
  const tooBig = modelSizeProblem(text.length);
  if (tooBig) throw new Error(tooBig);
  let root;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw new Error(`not a model file: not valid JSON (${err.message})`);
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw new Error('not a model file: expected a JSON object');
  }
  if (root.format !== MODEL_FORMAT) {
    throw new Error(`not a Backprop Playground model file (format is ${quoted(root.format)}, expected '${MODEL_FORMAT}')`);
  }
  if (root.version !== MODEL_VERSION) {
    throw new Error(`model file version ${quoted(root.version)} is not supported (this page reads version ${MODEL_VERSION})`);
  }
  const model = { settings: root.settings, layerSizes: root.layerSizes, params: root.params, epoch: root.epoch ?? 0, problem: root.problem };
  if (!Array.isArray(model.params) && model.params !== undefined) model.params = null;
  const problem = checkModel(model);
  if (problem) throw new Error(problem);
  // Unknown keys (so '__proto__' too) were refused above: a plain copy is safe to spread.
  return {
    settings: { ...model.settings },
    layerSizes: model.layerSizes.slice(),
    params: Float32Array.from(model.params),
    epoch: model.epoch,
    ...(model.problem === undefined ? {} : { problem: model.problem }),
  };
}

// The learner's points by kind: a drawn curve has one input (x), drawn or imported points two.
const inputsOf = (points) => (points.inputs === 1 ? 1 : 2);

/**
 * Checks a parsed model against the page before anything changes, so loading is all-or-nothing:
 * every setting within the page's own limits (those of a link), the settings consistent as a
 * whole, and the layer sizes those settings give on the page's data equal to the model's (so its
 * parameters fit). Throws an Error naming the first misfit.
 * A model trained on the learner's points (dataset 'custom' or 'curve') loads onto the learner's
 * points of that kind, in use or kept aside, never onto the other kind (a curve is not 2-D points
 * nor the reverse); without such points, onto a generated dataset of its kind, said in a note.
 * @param {{ settings: object, layerSizes: number[], params?: ArrayLike<number>, problem?: string }} model from parseModel
 * @param {object} state the page's current settings (the keys the model leaves out stay)
 * @param {{ problem: string, classes: number, labels: ArrayLike<number>, inputs?: number }|null} custom the page's drawn points, if any
 * @param {{ problem: string, classes: number, labels: ArrayLike<number>, inputs?: number }|null} kept the drawn points of the other kind kept aside, if any
 * @returns {{ state: object, notes: string[], points: object|null }} the settings to apply; each
 *   change the page made to fit its data (e.g. "outputActivation softmax → tanh (softmax needs
 *   multi-class data)"); the drawn points to train on (custom or kept), null on a generated dataset
 */
export function planModelLoad(model, state, custom = null, kept = null) {
  for (const [key, value] of Object.entries(model.settings)) {
    const problem = checkValue(key, value);
    if (problem) throw new Error(`model setting ${problem} (the page's limit)`);
  }
  const notes = [];
  const next = { ...state, ...model.settings };
  let points = null;
  if (next.dataset === 'custom' || next.dataset === 'curve') {
    const curve = next.dataset === 'curve';
    // The problem the points posed, where the file says (a curve is regression; older files of 2-D
    // points do not say, and then any 2-D points are of their kind).
    const posed = curve ? 'regression' : model.problem;
    points = [custom, kept].find((c) => c && c.labels.length > 0 && inputsOf(c) === (curve ? 1 : 2) &&
      (curve || !posed || c.problem === posed)) ?? null;
    const trained = curve ? 'a drawn curve' : posed ? `drawn or imported ${posed} points` : 'drawn or imported points';
    if (!points) {
      // The page's generated dataset if it is of the model's kind, else the first of that kind. A
      // model of several outputs learned classes, one output each: a multi-class set of that many.
      const classes = model.layerSizes[model.layerSizes.length - 1];
      const generated = state.dataset !== 'custom' && state.dataset !== 'curve' && isCurveDataset(state.dataset) === curve;
      const ofKind = generated && (posed ? datasetProblem(state.dataset) === posed
        : (datasetProblem(state.dataset) === 'multiclass') === (classes > 1));
      const first = { binary: 'xor', multiclass: 'blobs', regression: curve ? 'sine' : 'plane' };
      next.dataset = ofKind ? state.dataset : first[posed ?? (classes > 1 ? 'multiclass' : 'binary')];
      if (classes > 1) next.classes = classes;
      notes.push(`the model was trained on ${trained}, which this page does not have: using ${next.dataset}`);
    } else if (points !== custom) {
      notes.push(curve ? 'the model was trained on a drawn curve: using yours (your 2-D points stay under "your data")'
        : 'the model was trained on drawn or imported points: using yours (your curve stays under "your curve")');
    }
  }
  const invalid = validate(next);
  if (invalid.length) throw new Error(`model settings: ${invalid[0]}`);
  const problem = next.dataset === 'custom' ? points.problem : datasetProblem(next.dataset);
  const fitted = fitToProblem(next, problem);
  const outputs = problem !== 'multiclass' ? 1 : next.dataset === 'custom' ? points.classes : next.classes;
  // The inputs as the page will wire them: on 1-D data, x1's features only (fitToProblem's change).
  const needed = [fitted.state.features.length, ...next.hidden, outputs];
  const sizes = model.layerSizes;
  const data = next.dataset === 'custom' ? `the drawn ${problem} points need` : `${next.dataset} (${problem}) needs`;
  if (sizes[sizes.length - 1] !== outputs) {
    throw new Error(`the model has ${sizes[sizes.length - 1]} output${sizes[sizes.length - 1] === 1 ? '' : 's'} but ${data} ${outputs}`);
  }
  if (sizes[0] !== needed[0] && fitted.state.features.length !== next.features.length) {
    throw new Error(`the model's inputs ${next.features.join(', ')} need x2, which ${next.dataset} (1-D data) does not have`);
  }
  if (sizes.join() !== needed.join()) {
    throw new Error(`the model's layer sizes ${sizes.join(',')} do not match its settings on this page (${needed.join(',')})`);
  }
  // parseModel counted the parameters by the file's activation and pieces, or the core's defaults
  // where it leaves them out; the page keeps its own then (a PReLU page, 3 maxout pieces).
  const count = paramCount(sizes, fitted.state.activation, fitted.state.maxoutPieces);
  if (model.params && model.params.length !== count) {
    throw new Error(`model params has ${model.params.length} numbers but layer sizes ${sizes.join(',')} need ${count}`);
  }
  notes.push(...fitted.changes.map((c) => c.text));
  return { state: fitted.state, notes, points };
}
