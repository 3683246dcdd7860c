// The JS API of the core, and the only file that touches the wasm module. A thin wrapper over the
// Embind class `Core`: it turns the core's error strings into Errors, copies results out of wasm
// memory, and names things the JS way. No maths here: every number comes from the core.

/** Error raised for any setting or call the core rejects; `message` names the bad setting. */
export class EngineError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EngineError';
  }
}

// Embind would silently truncate 1.5 to 1 and NaN to 0: counts and indices must be whole numbers.
function whole(name, n) {
  if (!Number.isInteger(n)) throw new EngineError(`${name} must be a whole number (got ${n})`);
  return n;
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

export class Engine {
  constructor(module) {
    this.module = module;
    this.core = new module.Core();
  }

  /** Frees the wasm object. The engine is unusable afterwards. */
  dispose() {
    if (this.core) this.core.delete();
    this.core = null;
  }

  /**
   * Changes any settings (a partial object changes only the keys it names). Throws EngineError
   * naming the bad setting and leaves everything as it was. Changing only training settings
   * (learningRate, batchSize, l1, l2, decay*, optimizer, momentum, beta*, epsilon, dropout)
   * keeps the weights; anything else starts a new run from `seed`.
   */
  configure(settings) {
    check(this.core.configure(settings));
    return this;
  }
  /** The full current settings (see README for every key). */
  settings() { return this.core.settings(); }

  /**
   * Replaces the data with the learner's own points.
   * @param {Float32Array|number[]} xy interleaved x1, x2 per point
   * @param {Float32Array|number[]} labels class index (0..classes-1) or regression target
   * @param {'binary'|'multiclass'|'regression'} problem
   */
  setCustomData(xy, labels, problem = 'binary', classes = 2) {
    check(this.core.setCustomData(Float32Array.from(xy), Float32Array.from(labels), problem, classes));
    return this;
  }

  /** Restarts training from the same initial weights (same seed => same run). */
  reset() { this.core.reset(); return this; }
  trainEpochs(n = 1) { check(this.core.trainEpochs(whole('epochs', n))); return this; }
  trainBatches(n = 1) { check(this.core.trainBatches(whole('batches', n))); return this; }
  /** One update on the next `n` examples of the epoch order (n = 1: one stochastic step). */
  trainExamples(n = 1) { check(this.core.trainExamples(whole('examples', n))); return this; }
  /** { epoch, updates, epochPosition, learningRate, diverged } */
  progress() { return this.core.progress(); }
  /** Dataset indices the next trainExamples(n) would use. */
  nextBatch(n) { return check(this.core.nextBatch(whole('examples', n))); }

  /** Neurons per layer: [inputs, ...hidden, outputs]. */
  layerSizes() { return this.core.layerSizes(); }
  /**
   * All parameters, one Float32Array: per weight layer l, W (out x in) column-major
   * (W[j + i*out] is the weight from input i to unit j), then b (out).
   */
  params() { return this.core.params(); }
  /** dJ/dw at the current weights (training-set mean loss + L1/L2), same layout as params(). */
  gradient() { return this.core.gradient(); }
  setParams(values) { check(this.core.setParams(Float32Array.from(values))); return this; }
  /** Per layer { W: Float32Array (column-major), b: Float32Array, rows, cols } views of params(). */
  layers() {
    const sizes = this.layerSizes();
    const p = this.params();
    const out = [];
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; ++l) {
      const rows = sizes[l + 1], cols = sizes[l];
      out.push({ W: p.subarray(offset, offset + rows * cols), b: p.subarray(offset + rows * cols, offset + rows * (cols + 1)), rows, cols });
      offset += rows * (cols + 1);
    }
    return out;
  }
  setWeight(layer, to, from, value) {
    check(this.core.setWeight(whole('layer', layer), whole('unit', to), whole('input', from), value));
    return this;
  }
  setBias(layer, unit, value) { check(this.core.setBias(whole('layer', layer), whole('unit', unit), value)); return this; }

  /** { problem, classes, xy, labels, train, validation, test } (index arrays into the points). */
  dataset() { return this.core.dataset(); }
  /** { train, validation, test }, each { loss, accuracy, count } (NaN where undefined). */
  metrics() { return this.core.metrics(); }
  /**
   * Per weight layer, over the training set: { gradientNorm, activationMean, activationStd,
   * slopeMean (mean f'(z)), deadFraction, histogram (Float64Array: the fraction of activations in
   * each equal bin), histogramLow, histogramHigh (f's range if bounded, else the observed one) }.
   */
  layerStats() { return this.core.layerStats(); }

  /** Forward + backward record of dataset point `index` at the current weights (no change). */
  trace(index) { return check(this.core.trace(whole('example index', index))); }
  /**
   * One traced update on the next `n` examples: per-example traces (layers with contribution,
   * dLossDA and, with dropout, the mask the update drew: 0 dropped, 1/(1-p) kept), gradients, params before/after and their difference `update`, the optimizer with its
   * state (velocityBefore/After for momentum; moment1/2, moment1Hat/2Hat, adamStep for Adam).
   */
  traceStep(n = 1) { return check(this.core.traceStep(whole('examples', n))); }
  /** One update on training example `index` alone, epoch order untouched: traceStep's fields, batch [index]. */
  traceStepOn(index) { return check(this.core.traceStepOn(whole('example index', index))); }

  /**
   * Every node (features, hidden units, outputs) over a g x g grid of [lo, hi]^2, node-major,
   * row 0 at the top (x2 = hi). With { copy: false } the array is a view into wasm memory that is
   * valid only until the next call into the engine (faster for per-frame heatmaps).
   */
  evaluateGrid(g, lo = -6, hi = 6, { copy = true } = {}) {
    const view = check(this.core.evaluateGrid(whole('grid size', g), lo, hi));
    return { size: g, nodes: this.core.nodeCount(), values: copy ? view.slice() : view };
  }
}
