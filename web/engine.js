// The JS API of the core, and the only file that touches the wasm module. A thin wrapper over the
// Embind classes `Core` (the playground), `ClassicUnit` (the perceptron and Adaline rules) and
// `Descent` (gradient descent on two-parameter losses), the activation lab's and the computational-graphs lab's free functions: it turns the core's error strings into Errors, copies results out of wasm memory, and names things
// the JS way. No maths here: every number comes from the core.

/** Error raised for any setting or call the core rejects; `message` names the bad setting. */
export class EngineError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EngineError';
  }
}

// Limits the core enforces (core/include/backprop/dataset.hpp, the bindings), for calls other than configure (whose
// limits come from the settings schema).
const MAX_POINTS = 5000;        // kMaxPoints
const MAX_GRID = 1024;          // the bindings' grid-size limit
const MAX_LINE_SAMPLES = 4096;  // kMaxLineSamples
const INT32_MAX = 2147483647;   // Embind passes int arguments modulo 2^32: 2**32 would become 0

// A value in a message, safely: String() of a Symbol or of a hostile object would throw.
function describe(v) {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

// The core's own wording for a range error (range_message in core/playground.cpp).
const outOfRange = (name, n, lo, hi) => new EngineError(`${name} ${describe(n)} is out of range (${lo}..${hi})`);

// A whole number (not NaN, not 1.5, not '3') that Embind can pass as an int without wrapping.
function whole(name, n) {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new EngineError(`${name} must be a whole number (got ${describe(n)})`);
  return n;
}
function wholeIn(name, n, lo, hi) {
  whole(name, n);
  if (n < lo || n > hi) throw outOfRange(name, n, lo, hi);
  return n;
}
function finite(name, v) {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${name} must be a finite number (got ${describe(v)})`);
  return v;
}

// Finite bounds with lo < hi (the core's wording).
function bounds(lo, hi) {
  if (typeof lo !== 'number' || typeof hi !== 'number' || !(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new EngineError(`bounds must be finite with lo < hi (got ${describe(lo)}, ${describe(hi)})`);
  }
}

// An array of numbers (plain or typed) copied to a Float32Array (or `Type`), its length checked
// before any item is read. Items must be numbers: Float32Array.from would turn '1' into 1 and call valueOf.
/** @param {Float32ArrayConstructor|Float64ArrayConstructor} [Type] */
function numbers(name, values, maxLength, Type = Float32Array) {
  try {
    return readNumbers(name, values, maxLength, Type);
  } catch (e) {  // a Proxy's trap or an array item's getter may throw
    if (e instanceof EngineError) throw e;
    throw new EngineError(`reading ${name} failed: ${e instanceof Error ? e.message : describe(e)}`);
  }
}
/**
 * @param {string} name
 * @param {ArrayLike<number>} values as the caller passed it (anything: checked here before use)
 * @param {number} maxLength
 * @param {Float32ArrayConstructor|Float64ArrayConstructor} Type
 */
function readNumbers(name, values, maxLength, Type) {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView) &&
    !(values instanceof BigInt64Array) && !(values instanceof BigUint64Array);
  if (!typed && !Array.isArray(values)) throw new EngineError(`${name} must be an array of numbers (got ${describe(values)})`);
  if (values.length > maxLength) throw new EngineError(`${name} has ${values.length} numbers (at most ${maxLength})`);
  if (typed) return Type.from(values);
  const out = new Type(values.length);
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (typeof v !== 'number') throw new EngineError(`${name}[${i}] must be a number (got ${describe(v)})`);
    out[i] = v;
  }
  return out;
}

// The settings object read once, in JS, into plain values: every known key (even through
// getters or a Proxy), lists copied item by item. Only this copy reaches wasm, so no user code
// runs while C++ holds handles (a throwing getter would unwind through wasm and leak them; one
// that disposes the engine would leave C++ writing to freed memory).
function snapshotSettings(settings, schema) {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new EngineError('settings must be an object');
  }
  const out = {};
  let key = null;
  try {
    for (key of Object.keys(settings)) {
      if (!schema.has(key)) throw new EngineError(`unknown setting '${describe(key).slice(1, -1)}'`);
    }
    for (const [k, entry] of schema) {
      key = k;
      const v = settings[k];
      if (v === undefined) continue;
      out[k] = entry.maxItems === undefined ? v : snapshotList(k, v, entry.maxItems);
    }
  } catch (e) {
    if (e instanceof EngineError) throw e;
    throw new EngineError(`reading setting '${key}' failed: ${e instanceof Error ? e.message : describe(e)}`);
  }
  return out;
}

// A list's length is checked before any item is read, so a hostile `hidden: new Array(1e6)` is
// refused at once instead of read item by item (the core's wording).
function snapshotList(key, v, max) {
  if (!Array.isArray(v)) return v;  // the bindings name the expected type
  if (v.length > max) throw new EngineError(`${key} must have at most ${max} items (got ${v.length})`);
  return Array.from({ length: v.length }, (_, i) => v[i]);
}

// An options object read once into plain values (so no user getter runs while wasm holds
// handles): unknown keys refused, missing ones taken from `defaults`.
function readOptions(name, options, defaults) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new EngineError(`${name} must be an object (got ${describe(options)})`);
  }
  const out = { ...defaults };
  let key = null;
  try {
    for (key of Object.keys(options)) {
      if (!Object.hasOwn(defaults, key)) {
        throw new EngineError(`unknown ${name} key ${describe(key)} (${Object.keys(defaults).join(', ')})`);
      }
    }
    for (key of Object.keys(defaults)) {
      const v = options[key];
      if (v !== undefined) out[key] = v;
    }
  } catch (e) {
    if (e instanceof EngineError) throw e;
    throw new EngineError(`reading ${name} '${key}' failed: ${e instanceof Error ? e.message : describe(e)}`);
  }
  return out;
}

// Calls that only report success return "" (fine) or a message; calls that return data return
// either the data or a message.
function check(result) {
  if (typeof result === 'string') {
    if (result !== '') throw new EngineError(result);
    return undefined;
  }
  return result;
}

/**
 * Loads the module and returns an Engine.
 * @param {Function} createBackpropCore the Emscripten factory (global in the page; require() in Node)
 * @param {object} [moduleOptions] passed to the factory, e.g. { wasmBinary } in Node
 */
export async function createEngine(createBackpropCore, moduleOptions = {}) {
  const module = await createBackpropCore(moduleOptions);
  return new Engine(module);
}

/**
 * The chain-rule lesson's graph f(x, y, z) = (x + y) z, computed by the core: nodes x, y, z, q, f
 * each { name, value, grad (df/dnode), inputs, local (dnode/dinput), edgeGradient (grad x local) }.
 * @param module the loaded Emscripten module (engine.module)
 */
export function sumTimesGraph(module, x, y, z) {
  for (const [name, v] of [['x', x], ['y', y], ['z', z]]) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new EngineError(`${name} must be a finite number (got ${v})`);
  }
  return module.sumTimesGraph(x, y, z);
}

const SETTING_TYPES = ['number', 'integer', 'enum', 'integer list', 'enum list'];

/**
 * The settings schema, from the core (core/include/backprop/settings_schema.hpp): one frozen entry per setting
 * configure() accepts, in the README's order:
 * { key (as configure and links spell it), label (as the page names it to the learner),
 *   type ('number' | 'integer' | 'enum' | 'integer list' | 'enum list'), default,
 *   keepsWeights (changing only such settings keeps the trained weights),
 *   min, max, minOpen, maxOpen (numbers, and each item of an integer list),
 *   minItems, maxItems (lists), values (enums: the allowed names) }.
 * Checked here, so a page built on it fails loudly at start rather than subtly later.
 * @param module the loaded Emscripten module
 */
export function settingsSchema(module) {
  const schema = module.settingsSchema();
  const keys = new Set();
  for (const e of schema) {
    const where = `settings schema entry '${e.key}'`;
    if (typeof e.key !== 'string' || keys.has(e.key)) throw new EngineError(`${where}: key missing or repeated`);
    keys.add(e.key);
    if (typeof e.label !== 'string' || e.label === '') throw new EngineError(`${where}: no label`);
    if (!SETTING_TYPES.includes(e.type)) throw new EngineError(`${where}: unknown type '${e.type}'`);
    if (typeof e.keepsWeights !== 'boolean') throw new EngineError(`${where}: keepsWeights is not a boolean`);
    const enumType = e.type === 'enum' || e.type === 'enum list';
    if (enumType && !(Array.isArray(e.values) && e.values.length > 0)) throw new EngineError(`${where}: no values`);
    if (!enumType && !(e.min <= e.max)) throw new EngineError(`${where}: min ${e.min} > max ${e.max}`);
  }
  return deepFreeze(schema);
}

/**
 * The output activation / loss pairings, from the core: per problem ('binary', 'multiclass',
 * 'regression') { outputActivations (offered, best first), losses: { [activation]: valid losses,
 * preferred first }, default: { outputActivation, loss } }. Frozen.
 */
export function outputPairings(module) {
  return deepFreeze(module.outputPairings());
}

function deepFreeze(o) {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

// Engine.lossSlice()'s and beginLossSlice()'s options, read and checked alike, for the core's `call`.
function sliceOf(core, call, options) {
  const o = readOptions('slice options', options, { directions: 'random', seed: 1, grid: 21, range: 1 });
  if (typeof o.directions !== 'string') throw new EngineError(`unknown directions ${describe(o.directions)} (random or trajectory)`);
  const slice = check(core[call](o.directions, whole('seed', o.seed), whole('grid size', o.grid), finite('range', o.range)));
  return { directions: o.directions, ...slice };
}

export class Engine {
  constructor(module) {
    this.module = module;
    this.core = new module.Core();
    // The keys configure() accepts, from the core's schema.
    this.schema = new Map(settingsSchema(module).map((e) => [e.key, e]));
  }

  /** The settings schema (see settingsSchema()). */
  settingsSchema() { return [...this.schema.values()]; }
  /** True when changing only `key` keeps the trained weights (the schema's keepsWeights). */
  keepsWeights(key) { return this.schema.get(key)?.keepsWeights === true; }

  // The live wasm object, or an EngineError once disposed (Embind would throw a BindingError, or a
  // TypeError once the wrapper dropped it).
  live() {
    if (!this.core) throw new EngineError('this engine has been disposed');
    return this.core;
  }
  // Sizes for range messages and checks that the core cannot make safely itself.
  dataSize() { return this.live().dataset().labels.length; }
  trainSize() { return this.live().dataset().train.length; }

  // An index or count the core range-checks itself, once it fits an int32 (else Embind would wrap
  // it); beyond that, the error names the real range.
  indexIn(name, n, lo, hiOf) {
    whole(name, n);
    if (n < lo || n > INT32_MAX) throw outOfRange(name, n, lo, hiOf());
    return n;
  }

  /** Frees the wasm object. Every later call throws EngineError; disposing twice is harmless. */
  dispose() {
    if (this.core) this.core.delete();
    this.core = null;
  }

  /**
   * Changes any settings (a partial object changes only the keys it names). Throws EngineError
   * naming the bad setting by its key (unknown keys too) and leaves everything as it was.
   * Changing only settings whose schema entry keepsWeights keeps the weights; anything else
   * starts a new run from `seed`.
   */
  configure(settings) {
    this.live();
    const plain = snapshotSettings(settings, this.schema);
    check(this.live().configure(plain));  // live() again: a getter may have disposed the engine
    return this;
  }
  /** The full current settings (see README for every key). */
  settings() { return this.live().settings(); }

  /**
   * Replaces the data with the learner's own points.
   * @param {Float32Array|number[]} xy interleaved x1, x2 per point
   * @param {Float32Array|number[]} labels class index (0..classes-1) or regression target
   * @param {'binary'|'multiclass'|'regression'} problem
   */
  setCustomData(xy, labels, problem = 'binary', classes = 2) {
    this.live();
    const l = numbers('labels', labels, MAX_POINTS);
    const p = numbers('xy', xy, 2 * MAX_POINTS + 1);
    if (typeof problem !== 'string') throw new EngineError(`unknown problem ${describe(problem)} (binary, multiclass or regression)`);
    whole('classes', classes);
    if (classes < 1 || classes > INT32_MAX) throw new EngineError(`classes must be between 2 and 8 (got ${classes})`);
    check(this.live().setCustomData(p, l, problem, classes));
    return this;
  }

  /**
   * Replaces the data with a drawn curve: 1-D regression points (x -> y), dataset 'curve'.
   * @param {Float32Array|number[]} xs
   * @param {Float32Array|number[]} ys targets
   */
  setCurveData(xs, ys) {
    this.live();
    const y = numbers('ys', ys, MAX_POINTS);
    const x = numbers('xs', xs, MAX_POINTS + 1);
    check(this.live().setCurveData(x, y));
    return this;
  }

  /**
   * 1-D data only: the network at `samples` points x from lo to hi (both included) as a sum of its
   * last hidden layer's scaled units, F(x) = Σ alpha_i a_i(x) + bias (core/include/backprop/approximation.hpp):
   * { x, units, terms (unit i's curve at terms.subarray(i * samples, (i + 1) * samples)), alpha,
   * bias, z (the output's pre-activation), output }.
   */
  unitSum(samples = 201, lo = -6, hi = 6) {
    this.live();
    wholeIn('samples', samples, 2, MAX_LINE_SAMPLES);
    bounds(lo, hi);
    return check(this.live().unitSum(samples, lo, hi));
  }

  /**
   * Over a g x g grid of [lo, hi]^2 (rows as evaluateGrid): how many first-layer units are on the
   * positive side of their line w_i·x + b_i = 0 (Int32Array): all of them is the AND of the
   * half-planes, one or more the OR. { towardOutput: true }: on the side that raises the output
   * (the negative side for a unit whose output weight is negative; one hidden layer, one output).
   */
  positiveSides(g, lo = -6, hi = 6, { towardOutput = false } = {}) {
    this.live();
    wholeIn('grid size', g, 1, MAX_GRID);
    bounds(lo, hi);
    if (typeof towardOutput !== 'boolean') throw new EngineError(`towardOutput must be true or false (got ${describe(towardOutput)})`);
    return check(this.live().positiveSides(g, lo, hi, towardOutput));
  }

  /** Restarts training from the same initial weights (same seed => same run). */
  reset() { this.live().reset(); return this; }
  trainEpochs(n = 1) { check(this.live().trainEpochs(wholeIn('epochs', n, 0, 1000000))); return this; }
  trainBatches(n = 1) { check(this.live().trainBatches(wholeIn('batches', n, 0, 100000000))); return this; }
  /** One update on the next `n` examples of the epoch order (n = 1: one stochastic step). */
  trainExamples(n = 1) {
    check(this.live().trainExamples(this.indexIn('examples', n, 1, () => this.trainSize())));
    return this;
  }
  /** { epoch, updates, epochPosition, learningRate, diverged } */
  progress() { return this.live().progress(); }
  /** Dataset indices the next trainExamples(n) would use (n in 1..training examples, as there). */
  nextBatch(n) {
    this.live();
    // The core range-checks too (returning a message instead of indices), so check() either way.
    return check(this.core.nextBatch(wholeIn('examples', n, 1, this.trainSize())));
  }

  /** Neurons per layer: [inputs, ...hidden, outputs]. */
  layerSizes() { return this.live().layerSizes(); }
  /**
   * All parameters, one Float32Array: per weight layer l, W (out x in) column-major
   * (W[j + i*out] is the weight from input i to unit j), then b (out); with PReLU, then each hidden
   * unit's slope, layer by layer; with maxout, then pieces 1..k-1 of each hidden layer (W, b each;
   * piece 0 is the W and b above).
   */
  params() { return this.live().params(); }
  /**
   * PReLU's learned slopes: per hidden layer a Float32Array with each unit's slope aᵢ (a copy, read
   * from params() where the core keeps them, after every W and b); [] for any other activation.
   */
  preluSlopes() { return this.live().preluSlopes(); }
  /** dJ/dw at the current weights (training-set mean loss + L1/L2), same layout as params(). */
  gradient() { return this.live().gradient(); }
  setParams(values) {
    const expected = this.params().length;  // the core's count (with PReLU slopes, more than W and b)
    let length;
    try { length = values?.length; } catch { length = undefined; }  // a Proxy's trap: numbers() reports it
    if (typeof length === 'number' && typeof values === 'object' && length !== expected) {
      throw new EngineError(`expected ${expected} parameters, got ${length}`);
    }
    check(this.live().setParams(numbers('parameters', values, expected)));
    return this;
  }
  /**
   * Per layer { W: Float32Array (column-major), b: Float32Array, rows, cols, pieces } views of
   * params(). pieces: [{ W, b }] per maxout piece (piece 0 is W and b themselves; pieces 1..k-1
   * follow every layer's W and b, layer by layer); [{ W, b }] alone for any other layer.
   */
  layers() {
    const sizes = this.layerSizes();
    const p = this.params();
    const k = this.maxoutPieces();
    const out = [];
    let offset = 0;
    const view = (rows, cols) => {
      const v = { W: p.subarray(offset, offset + rows * cols), b: p.subarray(offset + rows * cols, offset + rows * (cols + 1)) };
      offset += rows * (cols + 1);
      return v;
    };
    for (let l = 0; l + 1 < sizes.length; ++l) {
      const rows = sizes[l + 1], cols = sizes[l];
      const first = view(rows, cols);
      out.push({ ...first, rows, cols, pieces: [first] });
    }
    for (let l = 0; l + 2 < sizes.length && k > 1; ++l) {
      for (let piece = 1; piece < k; ++piece) out[l].pieces.push(view(sizes[l + 1], sizes[l]));
    }
    return out;
  }
  /** Maxout's k, the pieces of each hidden unit; 1 for every other activation. */
  maxoutPieces() {
    const s = this.settings();
    return s.activation === 'maxout' ? s.maxoutPieces : 1;
  }
  /** One weight; `piece` picks a maxout piece (0 to k − 1; 0, the only one, otherwise). */
  setWeight(layer, to, from, value, piece = 0) {
    const sizes = this.layerSizes();
    wholeIn('layer', layer, 0, sizes.length - 2);
    wholeIn('unit', to, 0, sizes[layer + 1] - 1);
    wholeIn('input', from, 0, sizes[layer] - 1);
    wholeIn('piece', piece, 0, layer + 2 < sizes.length ? this.maxoutPieces() - 1 : 0);
    check(this.core.setWeight(layer, to, from, finite('weight', value), piece));
    return this;
  }
  setBias(layer, unit, value, piece = 0) {
    const sizes = this.layerSizes();
    wholeIn('layer', layer, 0, sizes.length - 2);
    wholeIn('unit', unit, 0, sizes[layer + 1] - 1);
    wholeIn('piece', piece, 0, layer + 2 < sizes.length ? this.maxoutPieces() - 1 : 0);
    check(this.core.setBias(layer, unit, finite('bias', value), piece));
    return this;
  }

  /** { problem, classes, xy, labels, train, validation, test } (index arrays into the points). */
  dataset() { return this.live().dataset(); }
  /** { train, validation, test }, each { loss, accuracy, count } (NaN where undefined). */
  metrics() { return this.live().metrics(); }
  /**
   * Per weight layer, over the training set: { gradientNorm, activationMean, activationStd,
   * slopeMean (mean f'(z)), deadFraction, histogram (Float64Array: the fraction of activations in
   * each equal bin), histogramLow, histogramHigh (f's range if bounded, else the observed one),
   * deltaMean, deltaStd, deltaMaxAbs, deltaHistogram (Float64Array, 25 bins: the back-propagated
   * δ = ∂L/∂z of every unit and training example, each example's own loss), deltaLow, deltaHigh
   * (−r and r: r = the layer's largest |δ|, or deltaRange), distinctUnits (units that are not copies
   * of another: 1 when symmetry was never broken) }.
   * @param {{ deltaRange?: number }} [options] deltaRange > 0 bins every layer's δ over
   *   [−deltaRange, deltaRange] (the end bins take what lies beyond), so layers compare bar for bar;
   *   0 (default): each layer its own range.
   */
  layerStats(options = {}) {
    this.live();
    const { deltaRange } = readOptions('layer stats options', options, { deltaRange: 0 });
    if (deltaRange === 0) return this.live().layerStats();
    return check(this.live().layerStatsOver(finite('deltaRange', deltaRange)));
  }

  /**
   * What the inputScaling setting does to each input feature, in the order of `features`:
   * { mean, sd } (Float32Array each), the network seeing (x − mean) / sd. Fitted on the training
   * split only; mean 0 and sd 1 with inputScaling none.
   */
  featureScaling() { return this.live().featureScaling(); }

  /** Forward + backward record of dataset point `index` at the current weights (no change). */
  trace(index) {
    return check(this.live().trace(this.indexIn('example index', index, 0, () => this.dataSize() - 1)));
  }
  /**
   * One traced update on the next `n` examples: per-example traces (layers with contribution,
   * dLossDA and, with dropout, the mask the update drew: 0 dropped, 1/(1-p) kept), gradients, params before/after and their difference `update`, the optimizer with its
   * state (velocityBefore/After for momentum; moment1/2, moment1Hat/2Hat, adamStep for Adam).
   */
  traceStep(n = 1) {
    return check(this.live().traceStep(this.indexIn('examples', n, 1, () => this.trainSize())));
  }
  /** One update on training example `index` alone, epoch order untouched: traceStep's fields, batch [index]. */
  traceStepOn(index) {
    return check(this.live().traceStepOn(this.indexIn('example index', index, 0, () => this.dataSize() - 1)));
  }

  /**
   * Records a snapshot of the current weights for lossSlice(): its trajectory directions and path.
   * Call it as training goes (say every epoch); past 256 snapshots (fewer for a large network) every
   * other one is dropped and recording slows to match, so a long run stays evenly spread, first and
   * newest kept. New initial weights (reset(), or configure() / setCustomData() that start a new run)
   * clear it; edited weights and settings that keep the weights do not. Throws if the weights have
   * diverged.
   */
  recordTrajectory() { check(this.live().recordTrajectory()); return this; }
  /** Forgets the recorded snapshots. */
  clearTrajectory() { this.live().clearTrajectory(); return this; }
  /** How many snapshots are recorded. */
  trajectoryLength() { return this.live().trajectoryLength(); }
  /**
   * The loss landscape in a plane through the current weights θ: the mean training loss (data loss
   * only, no L1/L2: at the centre it is metrics().train.loss) at θ + α·d1 + β·d2 on a grid × grid
   * lattice of [−range, range]², endpoints included.
   * @param {{ directions?: 'random'|'trajectory', seed?: number, grid?: number, range?: number }} [options]
   *   directions: 'random' (default) are filter-normalised Gaussian directions drawn from `seed`
   *   (each unit's incoming weights scaled to their norm in θ, biases 0); 'trajectory' the top two
   *   principal directions of the recorded snapshots (at least 3, which must spread in two
   *   dimensions), unit length and orthogonal. grid: points a side, 2..101 (default 21; odd puts a
   *   point at θ). range: in (0, 1000] (default 1). A slice over the work limit (about half a second in
   *   the browser) is refused with the largest grid that fits.
   * @returns {{ directions, grid, range, loss: Float64Array, centerLoss: number, d1: Float32Array,
   *   d2: Float32Array, explained: number[], path: Float64Array, pathLoss: Float64Array,
   *   pathRecords: Float64Array }} loss: grid² values, row-major, row 0 at β = +range, column 0 at
   *   α = −range; d1, d2 in the params() layout; explained: the fraction of the trajectory's variance
   *   along d1 and d2 (0, 0 for random); path: each snapshot's (α, β), interleaved (the nearest point
   *   of the plane); pathLoss: the loss at each snapshot itself; pathRecords: which recordTrajectory()
   *   call since the last clear each snapshot came from.
   */
  lossSlice(options = {}) { return sliceOf(this.live(), 'lossSlice', options); }
  /**
   * The same slice as lossSlice(options), to compute a block of rows at a time with lossSliceRows()
   * (a caller that must not hold the page for the whole grid). It checks and refuses what lossSlice()
   * does, and does all the work but the grid's: it returns the slice with every loss NaN. The rows
   * are then of this plane through these weights, whatever the engine trains or records meanwhile,
   * and equal lossSlice()'s bit for bit. One slice at a time: the next call replaces it.
   * @param {{ directions?: 'random'|'trajectory', seed?: number, grid?: number, range?: number }} [options]
   */
  beginLossSlice(options = {}) { return sliceOf(this.live(), 'beginLossSlice', options); }
  /**
   * Rows first .. first + count − 1 of the slice begun by beginLossSlice(): count × grid losses,
   * row-major, as in its loss. Throws before any slice is begun, or for rows outside it.
   * @returns {Float64Array}
   */
  lossSliceRows(first, count) {
    return check(this.live().lossSliceRows(whole('first row', first), whole('row count', count)));
  }

  /**
   * Every node (features, hidden units, outputs) over a g x g grid of [lo, hi]^2, node-major,
   * row 0 at the top (x2 = hi). With { copy: false } the array is a view into wasm memory that is
   * valid only until the next call into the engine (faster for per-frame heatmaps).
   * @param {{ copy?: boolean }} [options]
   */
  evaluateGrid(g, lo = -6, hi = 6, options = {}) {
    this.live();
    wholeIn('grid size', g, 1, MAX_GRID);
    if (typeof lo !== 'number' || typeof hi !== 'number' || !(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new EngineError(`grid bounds must be finite with lo < hi (got ${describe(lo)}, ${describe(hi)})`);
    }
    if (options === null || typeof options !== 'object') throw new EngineError(`grid options must be an object (got ${describe(options)})`);
    const copy = options.copy ?? true;
    if (typeof copy !== 'boolean') throw new EngineError(`grid option copy must be true or false (got ${describe(copy)})`);
    const view = check(this.live().evaluateGrid(g, lo, hi));
    return { size: g, nodes: this.core.nodeCount(), values: copy ? view.slice() : view };
  }
}

// ---- the classic single units (core/include/backprop/classic_unit.hpp) ----

const MAX_CLASSIC_INPUTS = 16;       // kMaxClassicInputs
const MAX_CLASSIC_EXAMPLES = 10000;  // kMaxClassicExamples
const MAX_MCCULLOCH_PITTS_INPUTS = 8;  // kMaxMcCullochPittsInputs

/**
 * The truth table of a McCulloch–Pitts unit, from the core: one 0/1 output per input pattern in
 * binary counting order (for two inputs: 00, 01, 10, 11). The unit fires when no inhibitory input
 * is active and at least `threshold` excitatory inputs are.
 * @param module the loaded Emscripten module (engine.module)
 * @param {boolean[]} inhibitory one flag per input (1 to 8 inputs)
 * @param {number} threshold θ, a whole number from 0 to the number of inputs
 * @returns {Int32Array}
 */
export function mcCullochPittsTable(module, inhibitory, threshold) {
  if (!Array.isArray(inhibitory)) throw new EngineError(`inhibitory must be an array of true/false (got ${describe(inhibitory)})`);
  if (inhibitory.length > MAX_MCCULLOCH_PITTS_INPUTS) {
    throw new EngineError(`a McCulloch-Pitts unit has 1 to ${MAX_MCCULLOCH_PITTS_INPUTS} inputs (got ${inhibitory.length})`);
  }
  const flags = Array.from({ length: inhibitory.length }, (_, i) => inhibitory[i]);
  return check(module.mcCullochPittsTable(flags, whole('threshold', threshold)));
}

/**
 * One unit taught by Rosenblatt's perceptron rule or Widrow and Hoff's Adaline rule, one example
 * at a time (or summed over each epoch with batch: true), every update recorded by the core.
 * Weights have the bias first: w0 on a constant input x0 = 1.
 */
export class ClassicUnit {
  /** @param module the loaded Emscripten module (engine.module) */
  constructor(module) {
    this.unit = new module.ClassicUnit();
  }

  live() {
    if (!this.unit) throw new EngineError('this unit has been disposed');
    return this.unit;
  }

  /**
   * Starts over.
   * @param {{ rule: 'perceptron'|'adaline', coding: 'binary'|'bipolar', learningRate: number,
   *   batch?: boolean, shuffle?: boolean, seed?: number }} settings
   * @param {number[][]} examples one array of inputs per example (1 to 16 inputs, up to 10,000 examples)
   * @param {number[]} targets one per example: 0/1 (binary) or -1/1 (bipolar)
   * @param {number[]} weights the bias first, then one per input
   */
  reset(settings, examples, targets, weights) {
    if (settings === null || typeof settings !== 'object') throw new EngineError('settings must be an object');
    const { rule, coding, learningRate, batch = false, shuffle = false, seed = 1 } = settings;
    const plain = { rule, coding, learningRate, batch, shuffle, seed };
    if (!Array.isArray(examples) || examples.length === 0) {
      throw new EngineError(`examples must be a non-empty array of input arrays (got ${describe(examples)})`);
    }
    if (examples.length > MAX_CLASSIC_EXAMPLES) {
      throw new EngineError(`the unit learns from 1 to ${MAX_CLASSIC_EXAMPLES} examples (got ${examples.length})`);
    }
    const rows = examples.map((x, i) => numbers(`examples[${i}]`, x, MAX_CLASSIC_INPUTS));
    const n = rows[0].length;
    const flat = new Float32Array(n * rows.length);
    rows.forEach((x, i) => {
      if (x.length !== n) throw new EngineError(`every example needs ${n} inputs (examples[${i}] has ${x.length})`);
      flat.set(x, i * n);
    });
    const t = numbers('targets', targets, MAX_CLASSIC_EXAMPLES);
    if (t.length !== rows.length) throw new EngineError(`one target per example: ${rows.length} examples, ${t.length} targets`);
    const w = numbers('weights', weights, MAX_CLASSIC_INPUTS + 1);
    check(this.live().reset(plain, flat, n, t, w));
  }

  /**
   * Learns from the next example: { epoch, example, input (1, x1, ..), weights (before), sum z,
   * output y, target t, error t − y, deltaW α(t − y)x, update (what the weights changed by),
   * mistake (the thresholded sum is wrong) }.
   */
  step() { return check(this.live().step()); }
  /** Trains to the end of the current epoch and on until `epochs` more are complete (stops if the weights diverge). */
  trainEpochs(epochs) { check(this.live().trainEpochs(whole('epochs', epochs))); }
  /** { weights, epoch (completed), position (in the current epoch), converged, diverged, cost J(w) } */
  state() { return this.live().state(); }
  /** Completed epochs from index `since` on: { first, mistakes: Int32Array, cost: Float64Array }. */
  history(since = 0) { return check(this.live().history(whole('since', since))); }

  dispose() {
    if (this.unit) this.unit.delete();
    this.unit = null;
  }
}

// ---- gradient descent on two-parameter losses (core/include/backprop/descent.hpp) ----

// The training settings a Descent takes, under the playground's keys (L1, L2 and dropout do not apply).
const DESCENT_KEYS = ['learningRate', 'batchSize', 'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon', 'decay', 'decayRate', 'decaySteps'];
const MAX_DESCENT_POINTS = 1000;  // kMaxDescentPoints

/** The surfaces a Descent minimises: linear_regression, sigmoid_squared, sigmoid_cross_entropy, saddle, two_minima, bowl. */
export function surfaceNames(module) { return module.surfaceNames(); }

/**
 * Gradient descent on a loss of two parameters w = (w0, w1) that can be drawn exactly: the
 * trainer's own update (SGD, momentum, Adam; decay; full batch, mini-batches or single points),
 * each step recorded, the path kept, and J on a grid for contours.
 */
export class Descent {
  /** @param module the loaded Emscripten module (engine.module) */
  constructor(module) {
    this.unit = new module.Descent();
    const schema = new Map(settingsSchema(module).map((e) => [e.key, e]));
    this.schema = new Map(DESCENT_KEYS.map((k) => [k, schema.get(k)]));
  }

  live() {
    if (!this.unit) throw new EngineError('this descent has been disposed');
    return this.unit;
  }

  /**
   * Starts over at `start` = [w0, w1].
   * @param {string} surface one of surfaceNames()
   * @param {object} settings training settings under the playground's keys (learningRate, batchSize,
   *   optimizer, momentum, beta1, beta2, epsilon, decay, decayRate, decaySteps); the rest default
   * @param {{ x: number[], t: number[] }|null} points the data models' 1-D points (null for the test functions)
   * @param {number[]} start
   * @param {number} [seed] the order of the points in each epoch
   */
  reset(surface, settings, points, start, seed = 1) {
    if (typeof surface !== 'string') throw new EngineError(`surface must be a name (got ${describe(surface)})`);
    const plain = snapshotSettings(settings, this.schema);
    const x = numbers('points.x', points?.x ?? [], MAX_DESCENT_POINTS);
    const t = numbers('points.t', points?.t ?? [], MAX_DESCENT_POINTS);
    const [w0, w1] = numbers('start', start, 2);
    if (start.length !== 2) throw new EngineError(`start must be [w0, w1] (got ${start.length} number${start.length === 1 ? '' : 's'})`);
    check(this.live().reset(surface, plain, x, t, finite('w0', w0), finite('w1', w1), whole('seed', seed)));
  }
  /** Changes the optimiser settings mid-run; another optimiser starts from zero moments. */
  setSettings(settings) { check(this.live().setSettings(snapshotSettings(settings, this.schema))); }

  /** One update: { step, epoch, batch, weights (before), gradient, learningRate, update, lossBefore, lossAfter }. */
  step() { return check(this.live().step()); }
  /** `n` updates (stops early if the weights diverge). */
  run(n) { check(this.live().run(whole('steps', n))); }
  /** { surface, weights, steps, epoch, learningRate, loss, gradient: ∂J/∂w over all points here, diverged } */
  state() { return this.live().state(); }
  /**
   * Each point's part in J and its gradient at the current weights, in order (empty for the test
   * functions): { z, h, error: h − t, slope: dh/dz, delta: ∂(its loss)/∂z, loss }. ∂J/∂w0 is the
   * mean of delta, ∂J/∂w1 the mean of delta·x.
   */
  terms() { return this.live().terms(); }
  /** { weights: Float32Array of (w0, w1) pairs from the start, loss: Float64Array, J at each } */
  path() { return this.live().path(); }
  /** J on an n x n grid over [lo0, hi0] x [lo1, hi1], row 0 at w1 = hi1: Float64Array. */
  grid(lo0, hi0, lo1, hi1, n) {
    return check(this.live().grid(finite('lo0', lo0), finite('hi0', hi0), finite('lo1', lo1), finite('hi1', hi1), whole('grid size', n)));
  }

  dispose() {
    if (this.unit) this.unit.delete();
    this.unit = null;
  }
}

// ---- the activation lab (core/include/backprop/activation.hpp) ----

const MAX_CURVE_POINTS = 10000;  // kMaxCurvePoints
const MAX_LOGITS = 100;          // kMaxLogits
const MAX_CHAIN_PATHS = 16;      // kMaxChainPaths
const MAX_CHAIN_FACTORS = 100;   // kMaxChainFactors
const ACTIVATION_PARAMS = { leakySlope: 0.01, eluAlpha: 1 };  // the settings' defaults

// 1 to `maxLength` finite numbers as a Float64Array, naming the first bad one.
function finiteNumbers(name, values, maxLength) {
  const out = numbers(name, values, maxLength, Float64Array);
  if (out.length === 0) throw new EngineError(`${name} must have at least one number`);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new EngineError(`${name}[${bad}] must be a finite number (got ${describe(out[bad])})`);
  return out;
}

// { leakySlope, eluAlpha } under the playground's keys, each optional (its default otherwise).
function activationParams(params) {
  if (params === undefined) return ACTIVATION_PARAMS;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new EngineError('params must be an object');
  const unknown = Object.keys(params).find((k) => !(k in ACTIVATION_PARAMS));
  if (unknown !== undefined) throw new EngineError(`unknown activation parameter '${describe(unknown).slice(1, -1)}' (leakySlope, eluAlpha)`);
  const { leakySlope = ACTIVATION_PARAMS.leakySlope, eluAlpha = ACTIVATION_PARAMS.eluAlpha } = params;
  return { leakySlope: finite('leakySlope', leakySlope), eluAlpha: finite('eluAlpha', eluAlpha) };
}

/**
 * Every activation the core has, by name: linear, step, sigmoid, tanh, relu, leaky_relu, elu,
 * softplus, abs, gelu, swish (these three for hidden layers only), softmax (softmax last: the only
 * one that is not elementwise).
 * @param module the loaded Emscripten module (engine.module)
 * @returns {string[]}
 */
export function activationNames(module) { return module.activationNames(); }

/**
 * Each elementwise activation's properties, measured by the core on the network's own code paths:
 * { name, formula, derivative (as text), cost ('none', 'comparison', 'exp', 'exp + log'), low,
 * high (the range's ends, ±Infinity when unbounded), lowOpen, highOpen, twoValued (only its two
 * ends: the step), zeroCentred (odd), negativeOutputs, saturatesLow, saturatesHigh (f′ → 0 as
 * z → −∞ / +∞), maxSlope (the largest f′, on z in [−40, 40]), maxSlopeAt (the z nearest 0 where f′ reaches it),
 * smooth (differentiable everywhere) }, in activationNames() order.
 * @param module the loaded Emscripten module
 * @param {{ leakySlope?: number, eluAlpha?: number }} [params] leaky ReLU's slope in [0, 1), ELU's α in (0, 10]
 * @returns {object[]}
 */
export function activationProperties(module, params) {
  const p = activationParams(params);
  return check(module.activationProperties(p.leakySlope, p.eluAlpha));
}

/**
 * f(z) and f′(z) of one elementwise activation at each z, as a network computes them (in float).
 * @param module the loaded Emscripten module
 * @param {string} name one of activationNames() but softmax
 * @param {number[]|Float64Array} zs 1 to 10,000 finite numbers
 * @param {{ leakySlope?: number, eluAlpha?: number }} [params]
 * @returns {{ f: Float64Array, df: Float64Array }}
 */
export function activationCurve(module, name, zs, params) {
  if (typeof name !== 'string') throw new EngineError(`the activation must be a name (got ${describe(name)})`);
  const z = finiteNumbers('z', zs, MAX_CURVE_POINTS);
  const p = activationParams(params);
  return check(module.activationCurve(name, z, p.leakySlope, p.eluAlpha));
}

/**
 * softmax(z)ᵢ = e^zᵢ / Σₖ e^zₖ of one vector of logits, by the network's softmax output layer.
 * @param module the loaded Emscripten module
 * @param {number[]|Float64Array} logits 1 to 100 finite numbers
 * @returns {Float64Array} probabilities summing to 1
 */
export function softmax(module, logits) {
  return check(module.softmax(finiteNumbers('logits', logits, MAX_LOGITS)));
}

/**
 * The chain rule along paths of local derivatives, in double: each path's running products (the
 * gradient after each factor) and their sum over the paths (gradients add where paths meet).
 * @param module the loaded Emscripten module
 * @param {Array<number[]|Float64Array>} paths 1 to 16 paths of 1 to 100 finite factors
 * @returns {{ running: Float64Array[], total: number }}
 */
export function chainProducts(module, paths) {
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_CHAIN_PATHS) {
    throw new EngineError(`paths must be an array of 1 to ${MAX_CHAIN_PATHS} arrays of numbers (got ${Array.isArray(paths) ? `${paths.length}` : describe(paths)})`);
  }
  const copies = Array.from({ length: paths.length }, (_, i) => finiteNumbers(`paths[${i}]`, paths[i], MAX_CHAIN_FACTORS));
  return check(module.chainProducts(copies));
}

// ---- the computational-graphs lab (core/include/backprop/expression.hpp) ----


/**
 * The lecture's examples: [{ id, title, text, values: [{ name, value }] }], values in the order the
 * names first appear.
 * @param module the loaded Emscripten module (engine.module)
 */
export function expressionPresets(module) { return module.expressionPresets(); }

function expressionText(text) {
  if (typeof text !== 'string') throw new EngineError(`the expression must be a string (got ${describe(text)})`);
  return text;
}

// A text past twice the core's limit in UTF-16 units has more characters than it allows (a character
// is one or two units): refused here, before its copy into the module. At the first character past
// the limit, as the core places it.
const beyondLimit = (module, text) => text.length > 2 * module.maxExpressionLength;
function tooLong(module, text) {
  let position = 0, characters = 0;
  for (const character of text) {
    if (++characters > module.maxExpressionLength) break;
    position += character.length;
  }
  return { ok: false, stage: 'parse', position, error: `the text is longer than ${module.maxExpressionLength} characters` };
}

/**
 * Parses a typed expression or program ("q = x + y; f = q*z"): { ok: true, text (the graph printed
 * back), variables (names, in the order they appear), variableNodes, output, nodes: [{ op, symbol,
 * name, constant, inputs, position, isConstant }] }, or { ok: false, stage: 'parse', error,
 * position } (UTF-16 units into the text) for a bad expression — data to show, not a throw.
 * @param module the loaded Emscripten module
 * @param {string} text
 */
export function parseExpression(module, text) {
  if (beyondLimit(module, expressionText(text))) return tooLong(module, text);
  return module.parseExpression(text);
}

/**
 * Parses and evaluates `text` with the inputs' values by name: the graph as parseExpression gives
 * it, each node with value and grad (d output / d node by reverse mode), edges [{ from, to, slot,
 * local (d to / d from), upstream (d output / d to), gradient (upstream × local) }], reverse
 * { nodes, edges } (the order reverse mode finalises gradients and multiplies edges), forward
 * { tangents (per input, d node / d input for every node: one dual-number pass each), grad },
 * paths (per input { count, listed: [{ nodes, edges, product }] }). A bad expression or a value outside
 * an operation's domain (division by zero, log of a non-positive number, …) gives { ok: false,
 * stage, error, position } (and `graph` when it parsed).
 * @param module the loaded Emscripten module
 * @param {string} text
 * @param {Object<string, number>} values every input's value by name
 */
export function evaluateExpression(module, text, values) {
  if (beyondLimit(module, expressionText(text))) return tooLong(module, text);
  if (values === null || typeof values !== 'object' || Array.isArray(values)) throw new EngineError('values must be an object of numbers by name');
  const graph = module.parseExpression(text);
  if (!graph.ok) return graph;
  const missing = graph.variables.filter((name) => !Object.hasOwn(values, name));
  if (missing.length) throw new EngineError(`no value for ${missing.map((m) => `'${m}'`).join(', ')}`);
  const x = graph.variables.map((name) => values[name]);
  const bad = x.findIndex((v) => typeof v !== 'number');
  if (bad >= 0) throw new EngineError(`${graph.variables[bad]} must be a number (got ${describe(x[bad])})`);
  return check(module.evaluateExpression(text, x));
}
