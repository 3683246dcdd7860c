// The page's settings as one declarative table, the URL hash <-> state conversion it drives, and
// the compact packing of drawn points into a link (encodePoints/decodePoints). Every key the page
// keeps (engine and UI-only) is one SETTINGS entry; parsing, validation, serialisation and the
// engine's settings object all read that table.
// Pure: no DOM, no engine, no module-level mutable state; imports only the pure pairing rules
// (rules.js). Not the controller:
// it decides when to read the hash and what to do with the errors.

import { datasetProblem, followData, followRunA } from './rules.js';

// ---- the table ----

const DATASETS = ['xor', 'circles', 'gaussians', 'spiral', 'moons', 'blobs', 'multi_spiral', 'plane',
  'multi_gaussian', 'custom', 'sine', 'step', 'abs', 'bump', 'curve'];
/** The 1-D sets (x -> y regression): one input feature, x1. */
export const CURVE_DATASETS = Object.freeze(['sine', 'step', 'abs', 'bump', 'curve']);
const ONE_INPUT = Object.fromEntries(CURVE_DATASETS.map((d) => [d, ['x1']]));
const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin_x1', 'sin_x2'];
const ACTIVATIONS = ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus'];
const HIDDEN_ONLY = ['abs', 'gelu', 'swish', 'prelu', 'maxout'];  // hidden layers only (core: hidden_only)
const UINT32_MAX = 4294967295;

/** Most drawn/imported points the page puts in a link; larger data sets are not shared by URL. */
export const MAX_LINK_POINTS = 500;

// Engine keys are a copy of the core's settings schema (core/include/backprop/settings_schema.hpp: key, label,
// range, values, default), read here before the wasm loads; tests/wasm/settings-schema.test.mjs
// holds every field to it except those an entry lists in `own` (where the page deliberately
// differs). minOpen/maxOpen mark exclusive bounds: learningRate is in (0, 100].
const BASE = [
  { key: 'dataset', label: 'dataset', kind: 'enum', values: DATASETS, default: 'xor', engine: true },
  // byDataset: a dataset's own default. The spiral needs 500 points (TensorFlow Playground's count)
  // for its standard recipe, all seven features and 8-6 tanh, to reach test loss < 0.1 within
  // 1,000 epochs (tests/wasm/dataset-defaults.test.mjs); with 200 it stays near 75% accuracy.
  { key: 'points', label: 'points', kind: 'int', min: 1, max: 5000, default: 200, byDataset: { spiral: 500 }, engine: true },
  { key: 'noise', label: 'noise', kind: 'number', min: 0, max: 1, default: 0, engine: true },
  { key: 'dataSeed', label: 'data seed', kind: 'int', min: 0, max: UINT32_MAX, default: 1, engine: true },
  { key: 'classes', label: 'classes', kind: 'int', min: 3, max: 8, default: 3, engine: true },
  { key: 'trainRatio', label: 'training ratio', kind: 'number', min: 0, max: 1, minOpen: true, default: 0.5, engine: true },
  { key: 'validationRatio', label: 'validation ratio', kind: 'number', min: 0, max: 1, default: 0, engine: true },
  // The 1-D sets have x1 only (the core refuses features of x2 there).
  { key: 'features', label: 'features', kind: 'list-enum', values: FEATURES, minLength: 1, maxLength: FEATURES.length, default: ['x1', 'x2'], byDataset: ONE_INPUT, engine: true, perRun: true },
  { key: 'inputScaling', label: 'input scaling', kind: 'enum', values: ['none', 'standardise'], default: 'none', engine: true, perRun: true },
  // The page's limits are stricter than the core's (16 layers of 256): a diagram the learner can read.
  { key: 'hidden', label: 'hidden layers', kind: 'list-int', min: 1, max: 16, minLength: 0, maxLength: 8, default: [4, 2], engine: true, perRun: true, own: ['max', 'maxLength'] },
  { key: 'activation', label: 'activation', kind: 'enum', values: [...ACTIVATIONS, ...HIDDEN_ONLY], default: 'tanh', engine: true, perRun: true },
  { key: 'outputActivation', label: 'output activation', kind: 'enum', values: [...ACTIVATIONS, 'softmax'], default: 'tanh', engine: true, perRun: true },
  { key: 'leakySlope', label: 'leaky ReLU slope', kind: 'number', min: 0, max: 1, maxOpen: true, default: 0.01, engine: true, perRun: true },
  { key: 'eluAlpha', label: 'ELU alpha', kind: 'number', min: 0, max: 10, minOpen: true, default: 1, engine: true, perRun: true },
  { key: 'maxoutPieces', label: 'maxout pieces', kind: 'int', min: 2, max: 4, default: 2, engine: true, perRun: true },
  { key: 'loss', label: 'loss', kind: 'enum', values: ['mse', 'bce', 'softmax_ce'], default: 'mse', engine: true, perRun: true },
  { key: 'init', label: 'weight init', kind: 'enum', values: ['zeros', 'uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'normal_scale', 'uniform_scale'], default: 'xavier_uniform', engine: true, perRun: true },
  { key: 'initScale', label: 'initial weight scale', kind: 'number', min: 0, max: 10, minOpen: true, default: 1, engine: true, perRun: true },
  { key: 'biasInit', label: 'bias init', kind: 'number', min: -10, max: 10, default: 0, engine: true, perRun: true },
  // The page opens on seed 2: seed 1 leaves the default XOR net in a local minimum (74%), a fine
  // lesson later but a poor first impression.
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: UINT32_MAX, default: 2, engine: true, own: ['default'] },
  { key: 'learningRate', label: 'learning rate', kind: 'number', min: 0, max: 100, minOpen: true, default: 0.03, engine: true, perRun: true },
  { key: 'batchSize', label: 'batch size', kind: 'int', min: 1, max: 100000, default: 10, engine: true, perRun: true },
  { key: 'l1', label: 'L1 rate', kind: 'number', min: 0, max: 10, default: 0, engine: true, perRun: true },
  { key: 'l2', label: 'L2 rate', kind: 'number', min: 0, max: 10, default: 0, engine: true, perRun: true },
  { key: 'decay', label: 'learning-rate decay', kind: 'enum', values: ['none', 'inverse_time', 'exponential'], default: 'none', engine: true, perRun: true },
  { key: 'decayRate', label: 'decay rate', kind: 'number', min: 0, max: 1, minOpen: true, default: 0.99, engine: true, perRun: true },
  { key: 'decaySteps', label: 'decay steps', kind: 'number', min: 0, max: 1e9, minOpen: true, default: 100, engine: true, perRun: true },
  { key: 'optimizer', label: 'optimizer', kind: 'enum', values: ['sgd', 'momentum', 'adam'], default: 'sgd', engine: true, perRun: true },
  { key: 'momentum', label: 'momentum', kind: 'number', min: 0, max: 1, maxOpen: true, default: 0.9, engine: true, perRun: true },
  { key: 'beta1', label: 'Adam beta1', kind: 'number', min: 0, max: 1, maxOpen: true, default: 0.9, engine: true, perRun: true },
  { key: 'beta2', label: 'Adam beta2', kind: 'number', min: 0, max: 1, maxOpen: true, default: 0.999, engine: true, perRun: true },
  { key: 'epsilon', label: 'Adam epsilon', kind: 'number', min: 0, max: 1, minOpen: true, default: 1e-8, engine: true, perRun: true },
  { key: 'dropout', label: 'dropout', kind: 'number', min: 0, max: 0.95, default: 0, engine: true, perRun: true },
  // UI-only: the controller's own options.
  { key: 'stepMode', label: 'step mode', kind: 'enum', values: ['epoch', 'batch', 'example'], default: 'epoch' },
  // Epochs per frame; `word` is a value the int may also take: 'max', as many epochs as fit the
  // frame's training budget (web/playground/frame-budget.js).
  { key: 'speed', label: 'epochs per frame', kind: 'int', min: 1, max: 100, word: 'max', default: 1 },
  { key: 'showTest', label: 'show test data', kind: 'bool', default: false },
  { key: 'discretize', label: 'discretize output', kind: 'bool', default: false },
  { key: 'logScale', label: 'log-scale loss chart', kind: 'bool', default: false },
  { key: 'earlyStopping', label: 'early stopping', kind: 'bool', default: false },
  { key: 'patience', label: 'patience', kind: 'int', min: 1, max: 1000, default: 20 },
  // A second run beside the first (web/playground/compare.js), differing in the `b` entry's keys.
  { key: 'compare', label: 'compare two runs', kind: 'bool', default: false },
  // The page's language (web/i18n/): English, French, or the pseudo-locale tests use.
  { key: 'lang', label: 'language', kind: 'enum', values: ['en', 'fr', 'pseudo'], default: 'en' },
];

/** Names a link may hide with `hide=`: every settings key plus these controls and panels. */
export const HIDEABLE = Object.freeze([...BASE.map((e) => e.key), 'hide', 'data', 'b', 'play', 'step',
  'reset', 'dataPanel', 'featuresPanel', 'networkPanel', 'outputPanel', 'draw', 'csv', 'share', 'model', 'more', 'layerStats', 'lessons', 'graphLesson', 'stepPanel']);

/**
 * Parts an `embed=` link may show: the three panels, the run buttons, the step panel, the course
 * chapter, its labs alone, the comparison of two runs (with compare=1).
 */
export const EMBEDDABLE = Object.freeze(['data', 'network', 'output', 'controls', 'backprop', 'chapter', 'lab', 'compare']);

/**
 * One entry per key, in URL order: { key, label, kind, default, engine?, perRun?, values?, min?,
 * max?, minOpen?, maxOpen?, word?, minLength?, maxLength?, check?, byDataset?, own?, leavesOutUnknown? }. perRun: run
 * B of a comparison may set it differently (under b.key). Frozen, defaults included.
 */
export const SETTINGS = deepFreeze([
  ...BASE,
  // leavesOutUnknown: a link's names that are no control are named and left out, the others still
  // hide (refused whole, one typo showed a learner every control the teacher had hidden).
  { key: 'hide', label: 'hidden controls', kind: 'list-enum', values: HIDEABLE, minLength: 0, maxLength: HIDEABLE.length, default: [], leavesOutUnknown: true },
  // Embed mode (for an iframe): only these parts, without the page's header and hints; [] = the whole page.
  { key: 'embed', label: 'embedded parts', kind: 'list-enum', values: EMBEDDABLE, minLength: 0, maxLength: EMBEDDABLE.length, default: [] },
  // Run B of a comparison: the settings it sets differently from run A, { key: value } over the
  // perRun entries, each travelling as b.key=value (RUN_B_PREFIX) and checked by that entry; only
  // with compare on. The data and the seed are never per run: both runs learn the same points from
  // the same initial draw.
  { key: 'b', label: "run B's settings", kind: 'run-b', default: {} },
  // Last, so the long blob ends the link. Checked by decoding it (see decodePoints).
  { key: 'data', label: 'custom points', kind: 'string', maxLength: 2 + 8 * MAX_LINK_POINTS, default: '', check: checkPointsString },
]);

const BY_KEY = new Map(SETTINGS.map((e) => [e.key, e]));  // a Map, so '__proto__' is just unknown

/** The link's prefix of run B's keys: b.activation=relu. */
export const RUN_B_PREFIX = 'b.';
/** The keys run B may set differently, in table order. */
export const PER_RUN_KEYS = Object.freeze(SETTINGS.filter((e) => e.perRun).map((e) => e.key));

function deepFreeze(o) {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

// ---- values: check, parse, format ----

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const copy = (v) => (Array.isArray(v) ? v.slice()
  : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v);
const same = (a, b) => {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return a === b;
};

// Strict decimal: no hex, no 'Infinity', no '' (which Number() would read as 0).
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function clip(s, n = 40) {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
function rangeText(e) {
  if (e.kind === 'int' || e.kind === 'list-int') return `${e.min}..${e.max}`;
  return `${e.minOpen ? '(' : '['}${e.min}, ${e.max}${e.maxOpen ? ')' : ']'}`;
}
function inRange(e, n) {
  return (e.minOpen ? n > e.min : n >= e.min) && (e.maxOpen ? n < e.max : n <= e.max);
}

// Problem with one scalar (a number, or an enum name) as a phrase that follows the value,
// e.g. "is out of range 1..16"; null when fine.
function scalarProblem(e, v) {
  const integer = e.kind === 'int' || e.kind === 'list-int';
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'is not a number';
  if (integer && !Number.isInteger(v)) return 'is not a whole number';
  if (!inRange(e, v)) return `is out of range ${rangeText(e)}`;
  // The core holds these as 32-bit floats: 1e-50 would reach it as 0, which it refuses, and the
  // whole link with it. Refused here, the rest of the link still applies.
  if (e.engine && e.kind === 'number' && !inRange(e, Math.fround(v))) return `is ${Math.fround(v)} as a 32-bit float, out of range ${rangeText(e)}`;
  return null;
}

// Problem with a typed value of entry e, as a phrase following the value; null when fine.
function problemWith(e, v) {
  switch (e.kind) {
    case 'enum':
      return e.values.includes(v) ? null : `is not one of ${e.values.join(', ')}`;
    case 'number':
    case 'int': {
      if (e.word !== undefined && v === e.word) return null;
      const p = scalarProblem(e, v);
      return p && e.word !== undefined ? `${p} (or '${e.word}')` : p;
    }
    case 'bool':
      return typeof v === 'boolean' ? null : 'is not true or false';
    case 'string':
      if (typeof v !== 'string') return 'is not a string';
      if (v.length > e.maxLength) return `is too long (at most ${e.maxLength} characters)`;
      return e.check ? e.check(v) : null;
    case 'list-int':
    case 'list-enum': {
      if (!Array.isArray(v)) return 'is not a list';
      if (v.length < e.minLength) return `is empty (choose at least ${e.minLength})`;
      if (v.length > e.maxLength) return `has ${v.length} items (at most ${e.maxLength})`;
      for (let i = 0; i < v.length; ++i) {
        const p = e.kind === 'list-int' ? scalarProblem(e, v[i])
          : e.values.includes(v[i]) ? null : `is not one of ${e.values.join(', ')}`;
        if (p) return `has ${showItem(v[i])}, which ${p}`;
        if (e.kind === 'list-enum' && v.indexOf(v[i]) !== i) return `has '${v[i]}' twice`;
      }
      return null;
    }
    case 'run-b': {
      if (!isObject(v)) return 'is not an object';
      for (const [k, x] of Object.entries(v)) {
        const inner = BY_KEY.get(k);
        if (!inner) return `has unknown setting '${clip(k)}'`;
        if (!inner.perRun) return `has ${inner.label}, which run B shares with run A`;
        const p = problemWith(inner, x);
        if (p) return `has ${inner.label} ${show(x)}, which ${p}`;
      }
      return null;
    }
    default:
      return 'has an unknown kind';
  }
}

function showItem(v) {
  return typeof v === 'string' ? `'${clip(v)}'` : String(v);
}
function show(v) {
  if (Array.isArray(v)) return `[${v.map(showItem).join(', ')}]`;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? showItem(v) : typeof v;
}

function parseNumber(e, text) {
  if (text.length > 400 || !NUMBER.test(text)) return { problem: 'is not a number' };
  const n = Number(text) + 0;  // + 0 turns -0 into 0
  if (!Number.isFinite(n)) return { problem: `is out of range ${rangeText(e)}` };
  return { value: n };
}

// URL text -> { value } or { problem } (a phrase following the quoted text). Type errors only;
// range and membership come from problemWith afterwards.
function parseText(e, text) {
  switch (e.kind) {
    case 'enum':
    case 'string':
      return { value: text };
    case 'number':
    case 'int':
      if (e.word === undefined) return parseNumber(e, text);
      if (text === e.word) return { value: text };
      return NUMBER.test(text) ? parseNumber(e, text) : { problem: `is not a number (or '${e.word}')` };
    case 'bool':
      if (text === '1' || text === 'true') return { value: true };
      if (text === '0' || text === 'false') return { value: false };
      return { problem: 'is not 1 or 0' };
    case 'list-enum':
      return { value: text === '' ? [] : text.split(',') };
    case 'list-int': {
      if (text === '') return { value: [] };
      const items = text.split(',');
      if (items.length > e.maxLength) return { problem: `has ${items.length} items (at most ${e.maxLength})` };
      const value = [];
      for (const item of items) {
        const n = parseNumber(e, item);
        if (n.problem) return { problem: `has '${clip(item)}', which ${n.problem}` };
        value.push(n.value);
      }
      return { value };
    }
    default:
      return { problem: 'has an unknown kind' };
  }
}

// The URL form of a value, before %-encoding: shortest round-trip numbers, comma lists, 1/0.
function formatValue(e, v) {
  if (e.kind === 'bool') return v ? '1' : '0';
  if (Array.isArray(v)) return v.map(String).join(',');
  return String(v);
}

// RFC 3986 allows these in a fragment unencoded; everything else (notably & = # % + ^ and
// spaces) is %-encoded, so `features=x1,x1*x2,x1%5E2` stays readable and safe to paste anywhere.
function encodeText(s) {
  return s.replace(/[^A-Za-z0-9\-._~!$'()*,;:@/?]/gu, (c) => encodeURIComponent(c));
}

/**
 * Checks one typed value against the table.
 * @param {string} key a settings key
 * @param {*} value
 * @returns {string|null} null when valid, else e.g. "learning rate 200 is out of range (0, 100]"
 */
export function checkValue(key, value) {
  const e = BY_KEY.get(key);
  if (!e) return `unknown setting '${clip(String(key))}'`;
  const p = problemWith(e, value);
  return p ? `${e.label} ${show(value)} ${p}` : null;
}

// The one rule that spans two keys (the core's check_split, same tolerance).
function ratioProblem(state) {
  const t = state.trainRatio, v = state.validationRatio;
  return typeof t === 'number' && typeof v === 'number' && t + v > 1 + 1e-6
    ? `plus training ratio ${t} is more than 1` : null;
}

/**
 * Checks a whole state: every key present and valid, no unknown keys, ratios summing to at most 1.
 * (Pairings such as softmax needing a multi-class data set are left to the engine.)
 * @param {object} state
 * @returns {string[]} messages; empty when valid
 */
export function validate(state) {
  if (state === null || typeof state !== 'object') return ['state must be an object'];
  const errors = [];
  for (const e of SETTINGS) {
    if (!Object.hasOwn(state, e.key)) errors.push(`${e.label} is missing`);
    else {
      const m = checkValue(e.key, state[e.key]);
      if (m) errors.push(m);
    }
  }
  for (const k of Object.keys(state)) if (!BY_KEY.has(k)) errors.push(`unknown setting '${clip(k)}'`);
  const r = errors.length === 0 && ratioProblem(state);
  if (r) errors.push(`validation ratio ${state.validationRatio} ${r}`);
  return errors;
}

/**
 * The default of `key` for `dataset`: its byDataset entry if it has one (points: 500 for the
 * spiral), else the table's default. A fresh copy.
 */
export function defaultFor(key, dataset) {
  const e = BY_KEY.get(key);
  return copy(Object.hasOwn(e.byDataset ?? {}, dataset) ? e.byDataset[dataset] : e.default);
}

/**
 * The state with another dataset: keys still at the old dataset's default take the new one's (a
 * count the learner chose stays).
 */
export function withDataset(state, dataset) {
  const next = { ...state, dataset };
  for (const e of SETTINGS) {
    if (e.byDataset && same(state[e.key], defaultFor(e.key, state.dataset))) next[e.key] = defaultFor(e.key, dataset);
  }
  return next;
}

/**
 * The page's state: the engine's settings and the page's own keys, one per SETTINGS entry.
 * @typedef {import('./engine.js').Settings & { stepMode: 'epoch'|'batch'|'example', speed: number|'max',
 *   showTest: boolean, discretize: boolean, logScale: boolean, earlyStopping: boolean, patience: number,
 *   compare: boolean, hide: string[], embed: string[], b: Partial<import('./engine.js').Settings>, data: string }} PageState
 */

/**
 * A fresh state object holding every key's default (lists are new arrays).
 * @returns {PageState}
 */
export function defaults() {
  const state = /** @type {PageState} */ ({});  // filled from the table
  for (const e of SETTINGS) state[e.key] = copy(e.default);
  return state;
}

// Longest raw (still %-encoded) value a link may carry: the points blob, every character
// %-encoded. Longer values are refused before decoding, which for megabytes takes seconds.
const MAX_RAW_VALUE = 3 * (2 + 8 * MAX_LINK_POINTS);
const MAX_RAW_KEY = 64;        // the longest key is far shorter
const MAX_UNKNOWN_NAMED = 3;   // unknown keys named in full; the rest are counted

/**
 * Reads a URL hash. Starts from the defaults; a bad value keeps the default and adds an error
 * naming the key and the value; unknown keys add an error too (the first few by name, then a
 * count). Repeated keys: the last wins. An output activation or loss the link leaves out follows
 * its data (followData); run B's, run A's and the data (followRunA). Never throws; values over
 * MAX_RAW_VALUE characters are refused without being decoded.
 * @param {string} hash '#a=1&b=2', 'a=1&b=2' or ''
 * @returns {{ state: object, errors: string[] }}
 */
export function parseHash(hash) {
  const { state, errors } = parseHashNaming(hash);
  return { state, errors };
}

/**
 * parseHash, and which of the keys that may follow the data (output activation, loss) the link
 * names: a reader that learns the data's problem only later (the page's own points) fills the others.
 * namedB: run B's output and loss as the link names them, kept even where equal to run A's now,
 * which that reader may still change.
 * @param {string} hash
 * @returns {{ state: object, errors: string[], named: Set<string>, namedB: object }}
 */
export function parseHashNaming(hash) {
  const state = defaults();
  const errors = [];
  const text = typeof hash === 'string' ? (hash[0] === '#' ? hash.slice(1) : hash) : '';
  const raw = new Map();  // key -> text, last one wins
  const rawB = new Map();  // run B's keys (b.key), without the prefix
  const unknown = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    if (k.length > MAX_RAW_KEY) {
      unknown.push(k);
      continue;
    }
    let key, value;
    try {
      key = decodeURIComponent(k);
      if (v.length > MAX_RAW_VALUE) {
        if (BY_KEY.has(key) && key !== 'b') raw.set(key, { length: v.length });  // reported below, in table order
        else if (key.startsWith(RUN_B_PREFIX)) rawB.set(key.slice(RUN_B_PREFIX.length), { length: v.length });
        else unknown.push(key);
        continue;
      }
      value = decodeURIComponent(v);
    } catch {
      errors.push(`'${clip(part)}' is not valid %-encoding; ignored`);
      continue;
    }
    if (key.startsWith(RUN_B_PREFIX)) rawB.set(key.slice(RUN_B_PREFIX.length), value);
    else if (BY_KEY.has(key) && key !== 'b') raw.set(key, value);  // run B's keys come one by one
    else unknown.push(key);
  }
  if (unknown.length > MAX_UNKNOWN_NAMED) {
    const names = unknown.slice(0, MAX_UNKNOWN_NAMED).map((k) => `'${clip(k)}'`).join(', ');
    errors.push(`unknown settings ${names} and ${unknown.length - MAX_UNKNOWN_NAMED} more ignored`);
  } else {
    for (const k of unknown) errors.push(`unknown setting '${clip(k)}' ignored`);
  }
  // Table order, so messages come out in a stable order whatever the link's order. The dataset
  // comes first, so a key with per-dataset defaults falls back to the link's dataset's default.
  for (const e of SETTINGS) {
    if (e.byDataset) state[e.key] = defaultFor(e.key, state.dataset);
    if (!raw.has(e.key)) continue;
    const t = raw.get(e.key);
    if (typeof t !== 'string') {
      errors.push(`${e.key}: the value is ${t.length} characters long (at most ${MAX_RAW_VALUE}); using ${shownDefault(e, state)}`);
      continue;
    }
    let parsed = parseText(e, t);
    if (e.leavesOutUnknown && !parsed.problem) parsed = { value: knownItems(e, parsed.value, errors) };
    const problem = parsed.problem ?? problemWith(e, parsed.value);
    if (problem) errors.push(`${e.key}: '${clip(t)}' ${problem}; using ${shownDefault(e, state)}`);
    else state[e.key] = parsed.value;
  }
  const r = ratioProblem(state);
  if (r) {
    const e = BY_KEY.get('validationRatio');
    errors.push(`validationRatio: '${clip(raw.get('validationRatio'))}' ${r}; using ${shownDefault(e)}`);
    state.validationRatio = e.default;
  }
  // An output or loss the link leaves out follows its data, as when the data is picked by hand.
  const named = new Set(PAIR_KEYS.filter((k) => raw.has(k)));
  const problem = linkProblem(state);
  if (problem) Object.assign(state, pairOf(followData(state, named, problem, pairOf(defaults()))));
  const runB = parseRunB(rawB, state, errors);
  state.b = problem ? withRunBPair(state, runB.b, runB.pair, problem) : runB.b;
  return { state, errors, named, namedB: runB.pair };
}

// A list's known names, once each; the others named in one error (the hide= list's entry).
function knownItems(e, list, errors) {
  const unknown = list.filter((v) => !e.values.includes(v));
  if (unknown.length) errors.push(`${e.key}: '${clip(unknown.join(','))}' names no control a link can hide (the Share / embed dialog lists them); ignored`);
  return [...new Set(list.filter((v) => e.values.includes(v)))];
}

/**
 * Run B's differences `b` with its output and loss as a link means them: those it names (namedB)
 * as written, those it leaves out following run A's and the data (followRunA), each kept in `b`
 * only where it differs from run A's.
 * @param {object} state run A's state
 * @param {object} b run B's differences as read
 * @param {object} namedB run B's output and loss as the link names them
 * @param {string} problem
 */
export function withRunBPair(state, b, namedB, problem) {
  const pairB = followRunA({ ...pairOf(state), ...namedB }, new Set(Object.keys(namedB)), pairOf(state), problem, pairOf(defaults()));
  const next = { ...b };
  for (const k of PAIR_KEYS) {
    if (pairB[k] === state[k]) delete next[k];
    else next[k] = pairB[k];
  }
  return next;
}

// The two keys a link may leave to its data (followData), and their values in a state.
const PAIR_KEYS = ['outputActivation', 'loss'];
const pairOf = (state) => ({ outputActivation: state.outputActivation, loss: state.loss });
// `base`'s pair with the keys of it that `state` sets.
const pairOver = (base, state) => ({ ...base, ...Object.fromEntries(PAIR_KEYS.filter((k) => Object.hasOwn(state, k)).map((k) => [k, state[k]])) });

/**
 * The problem a link's data poses: its dataset's, or for the learner's points the one their
 * packed string names; null when the link carries no points to tell (the page's own may).
 * @param {{ dataset?: string, data?: string }} state
 * @returns {'binary'|'multiclass'|'regression'|null}
 */
function linkProblem(state) {
  const dataset = state.dataset ?? BY_KEY.get('dataset').default;
  if (dataset !== 'custom') return datasetProblem(dataset);
  const p = state.data?.[1];  // encodePoints' problem character (a string parseHash let through is valid)
  return problemOfChar(p ?? '');
}

// Run B's keys of a link (b.key -> text, prefix removed), read by their own entries after run A's
// state is complete: a bad value leaves run B with run A's, and a value equal to run A's is no
// difference. Only with compare on. { b, pair }: pair, run B's valid output and loss whether or
// not they differ from run A's.
function parseRunB(rawB, state, errors) {
  const b = {}, pair = {};
  if (rawB.size > 0 && !state.compare) {
    errors.push(`${[...rawB.keys()].map((k) => `${RUN_B_PREFIX}${clip(k)}`).join(', ')}: run B's settings need compare=1; ignored`);
    return { b, pair };
  }
  for (const k of rawB.keys()) {
    const e = BY_KEY.get(k);
    if (!e) errors.push(`${RUN_B_PREFIX}${clip(k)}: unknown setting; ignored`);
    else if (!e.perRun) errors.push(`${RUN_B_PREFIX}${k}: run B shares the ${e.label} with run A; ignored`);
  }
  for (const e of SETTINGS) {
    if (!e.perRun || !rawB.has(e.key)) continue;
    const t = rawB.get(e.key);
    const keeps = `run B uses run A's ${shownDefault(e, state)}`;
    if (typeof t !== 'string') {
      errors.push(`${RUN_B_PREFIX}${e.key}: the value is ${t.length} characters long (at most ${MAX_RAW_VALUE}); ${keeps}`);
      continue;
    }
    const parsed = parseText(e, t);
    const problem = parsed.problem ?? problemWith(e, parsed.value);
    if (problem) errors.push(`${RUN_B_PREFIX}${e.key}: '${clip(t)}' ${problem}; ${keeps}`);
    else {
      if (PAIR_KEYS.includes(e.key)) pair[e.key] = parsed.value;
      if (!same(parsed.value, state[e.key])) b[e.key] = parsed.value;
    }
  }
  return { b, pair };
}

/**
 * Reads one typed value of `key` as a link would (the same parsing and checks), for a text field.
 * @param {string} key a settings key
 * @param {string} text e.g. '0.3', '8,4', 'relu'
 * @returns {{ value: * } | { error: string }} error e.g. "learning rate '200' is out of range (0, 100]"
 */
export function parseSetting(key, text) {
  const e = BY_KEY.get(key);
  if (!e) return { error: `unknown setting '${clip(String(key))}'` };
  const t = String(text).trim();
  const parsed = parseText(e, t);
  const problem = parsed.problem ?? problemWith(e, parsed.value);
  return problem ? { error: `${e.label} '${clip(t)}' ${problem}` } : { value: parsed.value };
}

function shownDefault(e, state) {
  const t = formatValue(e, state ? state[e.key] : e.default);
  return t === '' ? 'none' : t;
}

/**
 * Writes the keys that differ from their defaults, in table order, as '#key=value&...'.
 * Returns '' when everything is default. Keys missing from `state` count as default; values are
 * written as they are (invalid ones come back as parseHash errors).
 * @param {object} state
 * @returns {string}
 */
export function serializeHash(state) {
  const parts = [];
  const pair = pairToWrite(state);
  for (const e of SETTINGS) {
    if (e.kind === 'run-b') {
      if (state.compare) parts.push(...runBParts(state));
      continue;
    }
    const def = e.byDataset ? defaultFor(e.key, state.dataset) : e.default;
    if (!Object.hasOwn(state, e.key) || (same(state[e.key], def) && !pair.has(e.key))) continue;
    parts.push(`${e.key}=${encodeText(formatValue(e, state[e.key]))}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

// The output and loss keys a link must name: those off the table's default, or both when the
// reader, filling the others from the data (followData), would not arrive at the state's pair
// (blobs with a tanh output and MSE: a bare dataset=blobs now means softmax + cross-entropy).
function pairToWrite(state) {
  const table = pairOf(defaults());
  const pair = pairOver(table, state);
  const named = new Set(PAIR_KEYS.filter((k) => pair[k] !== table[k]));
  const problem = linkProblem(state);
  const read = problem && followData(pair, named, problem, table);
  return read && PAIR_KEYS.every((k) => read[k] === pair[k]) ? named : new Set(PAIR_KEYS.filter((k) => Object.hasOwn(state, k)));
}

// b.key=value for each of run B's settings that differs from run A's, in table order, and run B's
// output and loss both where the reader would not arrive at them (runBPairToWrite).
function runBParts(state) {
  const b = isObject(state.b) ? state.b : {};
  const pair = runBPairToWrite(state, b);
  return SETTINGS.filter((e) => e.perRun && ((Object.hasOwn(b, e.key) && !same(b[e.key], state[e.key])) || pair.has(e.key)))
    .map((e) => `${RUN_B_PREFIX}${e.key}=${encodeText(formatValue(e, Object.hasOwn(b, e.key) ? b[e.key] : state[e.key]))}`);
}

// Run B's output and loss keys a link must name: those off run A's, or both when the reader,
// filling the others from run A's and the data (followRunA), would not arrive at run B's pair.
function runBPairToWrite(state, b) {
  const table = pairOf(defaults());
  const pairA = pairOver(table, state);
  const pairB = pairOver(pairA, b);
  const named = new Set(PAIR_KEYS.filter((k) => pairB[k] !== pairA[k]));
  if (named.size === 0) return named;  // a run B with run A's pair reads back as run A's
  const problem = linkProblem(state);
  const read = problem && followRunA(pairB, named, pairA, problem, table);
  return read && PAIR_KEYS.every((k) => read[k] === pairB[k]) ? named : new Set(PAIR_KEYS);
}

/**
 * Run B's whole state: run A's with `b` laid over it (its perRun keys only), compare and b cleared.
 * @param {object} state run A's state, with b
 * @returns {object}
 */
export function runBState(state) {
  const next = copy(state);
  const b = isObject(state.b) ? state.b : {};
  for (const k of PER_RUN_KEYS) if (Object.hasOwn(b, k)) next[k] = copy(b[k]);
  return { ...next, compare: false, b: {} };
}

/**
 * The settings in which run B differs from run A, in table order: [{ key, label, a, b }] with the
 * values as a link writes them ('relu', '8,4', '0.3').
 */
export function runBDifferences(state) {
  const b = isObject(state.b) ? state.b : {};
  return settingsDifferences(state, b, SETTINGS.filter((e) => e.perRun && Object.hasOwn(b, e.key)).map((e) => e.key));
}

/**
 * The settings among `keys` in which state `b` differs from state `a`, in table order:
 * [{ key, label, a, b }] with the values as a link writes them.
 * @param {object} a
 * @param {object} b
 * @param {string[]} keys
 */
export function settingsDifferences(a, b, keys) {
  return SETTINGS.filter((e) => keys.includes(e.key) && !same(b[e.key], a[e.key]))
    .map((e) => ({ key: e.key, label: e.label, a: formatValue(e, a[e.key]), b: formatValue(e, b[e.key]) }));
}

/**
 * Run B's differences of a full run-B state: the perRun keys where `stateB` differs from run A's
 * `state`, as a `b` object.
 */
export function runBDiff(state, stateB) {
  const b = {};
  for (const k of PER_RUN_KEYS) if (!same(stateB[k], state[k])) b[k] = copy(stateB[k]);
  return b;
}

/**
 * The engine keys of a state, for engine.configure() (lists copied; missing keys get defaults).
 * @param {object} state
 * @returns {object}
 */
export function engineSettings(state) {
  const out = {};
  for (const e of SETTINGS) {
    if (e.engine) out[e.key] = copy(Object.hasOwn(state, e.key) ? state[e.key] : e.default);
  }
  return out;
}

// ---- custom points in a link ----
// Format: version '1', a problem char ('b' binary, 'r' regression, '2'..'8' multi-class with
// that many classes), then base64url (no padding) of little-endian int16 triples per point:
// round(x1*100), round(x2*100) in -600..600, and the label (class) or round(target*100) in -100..100.
// 6 bytes per point = exactly 8 base64 characters, so no padding is ever needed.

const VERSION = '1';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil(((Math.min(3, bytes.length - i)) * 8) / 6);
    for (let k = 0; k < chars; ++k) s += B64[(n >> (18 - 6 * k)) & 63];
  }
  return s;
}
function fromBase64url(s) {
  if (s.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((s.length * 6) / 8));
  let acc = 0, bits = 0, j = 0;
  for (let i = 0; i < s.length; ++i) {
    const d = B64.indexOf(s[i]);
    if (d < 0) return null;
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

/** A coordinate or regression target as a link carries it: on encodePoints' grid of 0.01. */
export const onLinkGrid = (v) => Math.round(v * 100) / 100;

const problemChar = (problem, classes) =>
  (problem === 'binary' ? 'b' : problem === 'regression' ? 'r' : String(classes));
// problemChar read back: the problem, or null for a character it never writes.
const problemOfChar = (p) => (p === 'b' ? 'binary' : p === 'r' ? 'regression' : /^[2-8]$/.test(p) ? 'multiclass' : null);

/**
 * Packs drawn/imported points into a compact URL-safe string (quantised to 0.01).
 * Throws an Error on points outside [-6, 6], labels not matching the problem, or more than
 * MAX_LINK_POINTS points.
 * @param {Float32Array|number[]} xy interleaved x1, x2
 * @param {Float32Array|number[]} labels class index, or regression target in [-1, 1]
 * @param {'binary'|'multiclass'|'regression'} problem
 * @param {number} [classes] multi-class only: 2..8 (default: largest label + 1)
 * @returns {string}
 */
export function encodePoints(xy, labels, problem, classes) {
  const n = labels.length;
  if (xy.length !== 2 * n) throw new Error(`points: ${xy.length} coordinates for ${n} labels (need 2 per label)`);
  if (n < 1) throw new Error('points: no points');
  if (n > MAX_LINK_POINTS) throw new Error(`points: too many for a link (${n}; max ${MAX_LINK_POINTS})`);
  if (problem === 'multiclass') {
    if (classes === undefined) {
      classes = 2;
      for (const y of labels) if (Number.isInteger(y) && y >= classes) classes = y + 1;
    }
    if (!(Number.isInteger(classes) && classes >= 2 && classes <= 8)) {
      throw new Error(`points: classes ${classes} is out of range 2..8`);
    }
  } else if (problem === 'binary') {
    classes = 2;
  } else if (problem !== 'regression') {
    throw new Error(`points: unknown problem '${problem}' (binary, multiclass or regression)`);
  }
  const view = new DataView(new ArrayBuffer(6 * n));
  for (let i = 0; i < n; ++i) {
    for (let d = 0; d < 2; ++d) {
      const v = Number(xy[2 * i + d]);
      if (!(v >= -6 && v <= 6)) throw new Error(`points: point ${i} x${d + 1} ${v} is outside [-6, 6]`);
      view.setInt16(6 * i + 2 * d, Math.round(v * 100), true);
    }
    const y = Number(labels[i]);
    let q;
    if (problem === 'regression') {
      if (!(y >= -1 && y <= 1)) throw new Error(`points: point ${i} target ${y} is outside [-1, 1]`);
      q = Math.round(y * 100);
    } else {
      if (!(Number.isInteger(y) && y >= 0 && y < classes)) {
        throw new Error(`points: point ${i} label ${y} is not a class 0..${classes - 1}`);
      }
      q = y;
    }
    view.setInt16(6 * i + 4, q, true);
  }
  return VERSION + problemChar(problem, classes) + toBase64url(new Uint8Array(view.buffer));
}

/**
 * Unpacks encodePoints' string. Throws an Error naming what is wrong (version, problem,
 * base64url, length, a value out of range).
 * @param {string} s
 * @returns {{ xy: Float32Array, labels: Float32Array, problem: string, classes: number }}
 */
export function decodePoints(s) {
  if (typeof s !== 'string') throw new Error('points link: not a string');
  if (s[0] !== VERSION) throw new Error(`points link: version '${clip(s.slice(0, 1))}' is not supported (expected '${VERSION}')`);
  const p = s[1] ?? '';
  const problem = problemOfChar(p);
  if (!problem) throw new Error(`points link: unknown problem '${clip(p)}' (expected b, r or 2..8)`);
  const classes = problem === 'binary' ? 2 : problem === 'regression' ? 1 : Number(p);
  const body = s.slice(2);
  if (body.length === 0) throw new Error('points link: no points');
  if (body.length % 8 !== 0) throw new Error(`points link: length ${body.length} is not a whole number of points (8 characters each)`);
  const n = body.length / 8;
  if (n > MAX_LINK_POINTS) throw new Error(`points link: too many points (${n}; max ${MAX_LINK_POINTS})`);
  const bytes = fromBase64url(body);
  if (!bytes) throw new Error('points link: not base64url (A-Z a-z 0-9 - _)');
  const view = new DataView(bytes.buffer);
  const xy = new Float32Array(2 * n);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; ++i) {
    for (let d = 0; d < 2; ++d) {
      const q = view.getInt16(6 * i + 2 * d, true);
      if (q < -600 || q > 600) throw new Error(`points link: point ${i} x${d + 1} ${q / 100} is outside [-6, 6]`);
      xy[2 * i + d] = q / 100;
    }
    const q = view.getInt16(6 * i + 4, true);
    if (problem === 'regression') {
      if (q < -100 || q > 100) throw new Error(`points link: point ${i} target ${q / 100} is outside [-1, 1]`);
      labels[i] = q / 100;
    } else {
      if (q < 0 || q >= classes) throw new Error(`points link: point ${i} label ${q} is not a class 0..${classes - 1}`);
      labels[i] = q;
    }
  }
  return { xy, labels, problem, classes };
}

// The `data` entry's check: a phrase for problemWith, or null.
function checkPointsString(s) {
  if (s === '') return null;
  try {
    decodePoints(s);
    return null;
  } catch (err) {
    return `is not valid (${err.message})`;
  }
}
