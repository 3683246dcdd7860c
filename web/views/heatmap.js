// Canvas heatmaps of one node (signed values) or of K output nodes (class regions) over the g x g
// grid from engine.evaluateGrid: row 0 at the top (x2 = hi). Pixels are filled from lookup
// tables into a reused g x g ImageData, then scaled onto the target canvas, so a frame allocates
// nothing. Used for the neuron thumbnails (many small canvases) and the big output plot.
// Not here: any model maths (values arrive computed) or deciding lo/hi (the caller knows them).

import { classRgb, colorTheme, divergingLut, hexToRgb, mixWithMidpoint, NEUTRAL, CLASS_COLORS } from './colors.js';

// 511 steps: index 255 is exactly t = 0 (the midpoint), and 1/510 steps are finer than 8-bit colour.
const SIGNED_STEPS = 511;
const CLASS_LEVELS = 256;
const [NAN_R, NAN_G, NAN_B] = hexToRgb(NEUTRAL);
const NAN_WORD = new Uint32Array(new Uint8ClampedArray([NAN_R, NAN_G, NAN_B, 255]).buffer)[0];

// The 32-bit words over RGBA bytes (a view, no copy; byteOffset and length are multiples of 4).
const wordViews = new WeakMap();
function words(bytes) {
  let view = wordViews.get(bytes);
  if (!view) wordViews.set(bytes, (view = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2)));
  return view;
}

/**
 * Per-class tint tables: entry (k * levels + j) is class k's colour mixed with the theme's
 * midpoint by 1 - strength * j / (levels - 1), so j = levels - 1 is the class colour (at
 * `strength`) and j = 0 is the midpoint (white in the light theme).
 * @param {number} [levels=256]
 * @param {number} [strength=1] 0..1
 * @returns {Uint8ClampedArray} CLASS_COLORS.length * levels * 4 bytes (RGBA)
 */
export function classLut(levels = CLASS_LEVELS, strength = 1) {
  const K = CLASS_COLORS.length;
  const lut = new Uint8ClampedArray(K * levels * 4);
  for (let k = 0; k < K; ++k) {
    for (let j = 0; j < levels; ++j) {
      const [r, g, b] = mixWithMidpoint(classRgb(k), 1 - (strength * j) / (levels - 1));
      lut.set([r, g, b, 255], 4 * (k * levels + j));
    }
  }
  return lut;
}

// Tables per theme and strength, built on first use and shared by every heatmap.
const tables = new Map();
function tablesFor(strength) {
  const key = `${colorTheme()} ${strength}`;
  if (!tables.has(key)) {
    tables.set(key, { signed: divergingLut(SIGNED_STEPS, strength), classes: classLut(CLASS_LEVELS, strength) });
  }
  return tables.get(key);
}

/**
 * Fills g*g RGBA pixels with one node's values on the diverging scale.
 * v is mapped linearly from [lo, hi] to t in [-1, 1] (clamped); with `discretize` only the side
 * of the midpoint (lo + hi) / 2 counts (t = ±1, ties go positive), which is the decision
 * threshold for tanh (0) and sigmoid (0.5) outputs alike. NaN pixels are grey.
 * @param {Uint8ClampedArray} out at least g*g*4 bytes (e.g. ImageData.data)
 * @param {ArrayLike<number>} values node-major grid values (evaluateGrid().values)
 * @param {number} offset index of the node's first value (node * g * g)
 * @param {number} g grid size
 * @param {number} lo value shown as full NEGATIVE
 * @param {number} hi value shown as full POSITIVE
 * @param {boolean} discretize
 * @param {Uint8ClampedArray} [lut] RGBA table from divergingLut (index 0 ↔ t = -1)
 */
export function fillSigned(out, values, offset, g, lo, hi, discretize, lut = tablesFor(1).signed) {
  // Whole pixels at a time: a 32-bit view of the RGBA bytes copies a table entry in one store
  // (the byte order is the table's, whatever the machine's endianness).
  const pixels = words(out);
  const table = words(lut);
  const last = table.length - 1;
  const n = g * g;
  const mid = (lo + hi) / 2;
  const sharp = discretize || !(hi > lo);  // a degenerate range can only say which side
  const scale = last / (hi - lo);
  for (let i = 0; i < n; ++i) {
    const v = values[offset + i];
    if (v !== v) {  // NaN
      pixels[i] = NAN_WORD;
    } else if (sharp) {
      pixels[i] = table[v >= mid ? last : 0];
    } else {
      const x = (v - lo) * scale + 0.5;
      pixels[i] = table[x <= 0 ? 0 : x >= last ? last : x | 0];
    }
  }
}

/**
 * Fills g*g RGBA pixels with class regions: the argmax class's colour, mixed with white by how
 * unsure the network is. Confidence = (best - runner-up) / (hi - lo), the margin of the winner
 * over the runner-up as a fraction of the output range: full colour deep in a region, white on
 * a decision boundary (for softmax, lo = 0, hi = 1). With `discretize`, pure argmax colours.
 * Any NaN output makes the pixel grey.
 * @param {Uint8ClampedArray} out at least g*g*4 bytes
 * @param {ArrayLike<number>} values node-major grid values
 * @param {ArrayLike<number>} offsets first-value index of each output node (class k ↔ offsets[k])
 * @param {number} g grid size
 * @param {number} lo smallest possible output (0 for softmax/sigmoid, -1 for tanh)
 * @param {number} hi largest possible output
 * @param {boolean} discretize
 * @param {Uint8ClampedArray} [lut] table from classLut()
 * @param {number} [levels=256] levels per class in lut
 */
export function fillClasses(out, values, offsets, g, lo, hi, discretize, lut = tablesFor(1).classes, levels = CLASS_LEVELS) {
  const K = offsets.length;
  const palette = lut.length / 4 / levels;
  const n = g * g;
  const top = levels - 1;
  const scale = hi > lo ? top / (hi - lo) : Infinity;
  for (let i = 0, p = 0; i < n; ++i, p += 4) {
    let best = -Infinity, second = -Infinity, arg = 0, nan = false;
    for (let k = 0; k < K; ++k) {
      const v = values[offsets[k] + i];
      if (v !== v) { nan = true; break; }
      if (v > best) { second = best; best = v; arg = k; } else if (v > second) second = v;
    }
    if (nan || K === 0) {
      out[p] = NAN_R; out[p + 1] = NAN_G; out[p + 2] = NAN_B; out[p + 3] = 255;
      continue;
    }
    let j = top;
    if (!discretize && K > 1) {
      const x = (best - second) * scale + 0.5;
      j = x >= top ? top : x | 0;  // margin >= 0, so no lower clamp
    }
    const q = ((arg % palette) * levels + j) * 4;
    out[p] = lut[q]; out[p + 1] = lut[q + 1]; out[p + 2] = lut[q + 2]; out[p + 3] = 255;
  }
}

function makeCanvas(g) {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(g, g);
  const c = document.createElement('canvas');
  c.width = g;
  c.height = g;
  return c;
}

/**
 * A heatmap painter bound to one canvas. It fills the whole canvas (canvas.width x height device
 * pixels), or only `rect` of it (many pictures sharing one canvas, clipped to rounded corners of
 * `radius`); size the canvas before drawing. The g x g buffers are reused while g is unchanged.
 * @param {HTMLCanvasElement} canvas
 * @param {{ strength?: number, rect?: { x: number, y: number, width: number, height: number },
 *   radius?: number }} [options] strength 0..1 of the colours (1 = full; the output plot uses less
 *   so that the data points stand out); rect and radius in device pixels
 * @returns {{
 *   drawSigned(values: ArrayLike<number>, offset: number, g: number,
 *              opts?: { lo?: number, hi?: number, discretize?: boolean, ramp?: Uint8ClampedArray|null }): void,
 *   drawClasses(values: ArrayLike<number>, offsets: ArrayLike<number>, g: number,
 *               opts?: { lo?: number, hi?: number, discretize?: boolean }): void,
 *   clear(): void }}
 */
export function createHeatmap(canvas, { strength = 1, rect = null, radius = 0 } = {}) {
  const ctx = canvas.getContext('2d');
  const lut = () => tablesFor(strength);  // the theme's tables (the midpoint is the panel colour)
  let size = 0;
  let buffer = null;
  let bufferCtx = null;
  let image = null;

  function prepare(g) {
    if (g !== size) {
      buffer = makeCanvas(g);
      bufferCtx = /** @type {CanvasRenderingContext2D|OffscreenCanvasRenderingContext2D} */ (buffer.getContext('2d'));
      image = bufferCtx.createImageData(g, g);
      size = g;
    }
    return image.data;
  }

  const area = () => rect ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };

  function blit(discretize) {
    bufferCtx.putImageData(image, 0, 0);
    const { x, y, width, height } = area();
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (radius > 0) {
      ctx.beginPath();
      ctx.roundRect(x, y, width, height, radius);
      ctx.clip();
    }
    // Smooth upscaling gives the soft look of a continuous function; discretized maps are
    // piecewise-constant by definition, so show the grid cells crisply.
    ctx.imageSmoothingEnabled = !discretize;
    if (!discretize) ctx.imageSmoothingQuality = 'medium';
    ctx.clearRect(x, y, width, height);
    ctx.drawImage(buffer, 0, 0, size, size, x, y, width, height);
    ctx.restore();
  }

  return {
    // `ramp`: an optional RGBA table (index 0 <-> lo) in place of the diverging scale.
    drawSigned(values, offset, g, { lo = -1, hi = 1, discretize = false, ramp = null } = {}) {
      fillSigned(prepare(g), values, offset, g, lo, hi, discretize, ramp ?? lut().signed);
      blit(discretize);
    },
    drawClasses(values, offsets, g, { lo = 0, hi = 1, discretize = false } = {}) {
      fillClasses(prepare(g), values, offsets, g, lo, hi, discretize, lut().classes);
      blit(discretize);
    },
    clear() {
      const { x, y, width, height } = area();
      ctx.clearRect(x, y, width, height);
    },
  };
}
