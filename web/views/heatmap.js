// Canvas heatmaps of one node (signed values) or of K output nodes (class regions) over the g x g
// grid from engine.evaluateGrid: row 0 at the top (x2 = hi). Pixels are filled from lookup
// tables into a reused g x g buffer, then scaled up into a reused ImageData of the target area,
// so a frame allocates nothing. Used for the neuron thumbnails (many small canvases) and the big output plot.
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

// Where each destination pixel samples the g source cells along one axis, as a drawImage with
// smoothing does: pixel centres mapped back to the grid, clamped at the edges. `lo` and `hi` are
// the two cells, `t` (0..256) and `weight` (0..1) the weight of `hi`; `used`, every cell some
// pixel reads. Where the weight is 0 (the clamped edges), `hi` is `lo`: a cell a pixel does not
// depend on is never read, so a NaN there cannot spread through a zero weight.
export function axisSamples(g, n, smooth) {
  const lo = new Int32Array(n), hi = new Int32Array(n), t = new Int32Array(n), weight = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    const u = ((i + 0.5) * g) / n - 0.5;
    if (!smooth) { lo[i] = hi[i] = Math.min(g - 1, Math.max(0, Math.floor(((i + 0.5) * g) / n))); continue; }
    const c = Math.min(g - 1, Math.max(0, u));
    lo[i] = Math.floor(c);
    weight[i] = c - lo[i];
    hi[i] = weight[i] === 0 ? lo[i] : Math.min(g - 1, lo[i] + 1);
    t[i] = Math.round(weight[i] * 256);
  }
  return { lo, hi, t, weight, used: Int32Array.from(new Set([...lo, ...hi])) };
}

/**
 * Each pixel's opacity (0..255) in a width x height box with corners rounded by `radius`: the
 * share of the pixel inside the rounded box (4 x 4 samples), so the corners are antialiased.
 * @returns {Uint8Array|null} null without rounding
 */
export function roundedMask(width, height, radius) {
  if (!(radius > 0)) return null;
  const mask = new Uint8Array(width * height).fill(255);
  const r = Math.min(radius, width / 2, height / 2);
  const inside = (x, y) => {
    const cx = x < r ? r : x > width - r ? width - r : x;
    const cy = y < r ? r : y > height - r ? height - r : y;
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const span = Math.ceil(r);
  for (let y = 0; y < height; ++y) {
    for (let x = 0; x < width; ++x) {
      if ((x >= span && x < width - span) || (y >= span && y < height - span)) continue;
      let hits = 0;
      for (let sy = 0; sy < 4; ++sy) for (let sx = 0; sx < 4; ++sx) hits += inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) ? 1 : 0;
      mask[y * width + x] = Math.round((255 * hits) / 16);
    }
  }
  return mask;
}

/**
 * Scales g x g RGBA pixels up to width x height: bilinear like a smoothed drawImage, or nearest
 * cells when `smooth` is false; `mask` (roundedMask) sets each pixel's opacity. In two passes:
 * each grid row an output row reads across to `width` (channels × 256 in `rows`), then every output row between two
 * of those, written a 32-bit pixel at a time (little-endian RGBA, as on every machine a browser
 * runs WebAssembly on).
 * @param {Uint8ClampedArray} src g*g*4 bytes
 * @param {Uint8ClampedArray} out width*height*4 bytes
 * @param {{ x: ReturnType<typeof axisSamples>, y: ReturnType<typeof axisSamples> }} samples the sampling of both axes
 * @param {Uint8Array|null} mask
 * @param {Int32Array} rows scratch of at least g*width*3
 */
export function upscale(src, g, out, width, height, samples, mask, rows) {
  const xlo = samples.x.lo, xhi = samples.x.hi, xt = samples.x.t;
  const ylo = samples.y.lo, yhi = samples.y.hi, yt = samples.y.t, used = samples.y.used;
  const w3 = width * 3;
  for (let k = 0; k < used.length; ++k) {
    const row = used[k] * g * 4;
    for (let x = 0, q = used[k] * w3; x < width; ++x, q += 3) {
      const a = row + xlo[x] * 4, b = row + xhi[x] * 4, t = xt[x], u = 256 - t;
      rows[q] = src[a] * u + src[b] * t;
      rows[q + 1] = src[a + 1] * u + src[b + 1] * t;
      rows[q + 2] = src[a + 2] * u + src[b + 2] * t;
    }
  }
  const pixels = words(out);
  for (let y = 0, p = 0; y < height; ++y) {
    const r0 = ylo[y] * w3, r1 = yhi[y] * w3, t = yt[y], u = 256 - t;
    for (let q = 0; q < w3; ++p, q += 3) {
      const red = (rows[r0 + q] * u + rows[r1 + q] * t + 32768) >> 16;
      const green = (rows[r0 + q + 1] * u + rows[r1 + q + 1] * t + 32768) >> 16;
      const blue = (rows[r0 + q + 2] * u + rows[r1 + q + 2] * t + 32768) >> 16;
      pixels[p] = ((mask === null ? 255 : mask[p]) << 24) | (blue << 16) | (green << 8) | red;
    }
  }
}

/**
 * fillSigned straight at the target's size: each pixel's value interpolated from the grid
 * (samples: axisSamples of both axes, smooth or nearest), then coloured, and its opacity from
 * `mask`. Cheaper than colouring the grid and scaling three channels, and as smooth.
 * @param {Uint8ClampedArray} out width*height*4 bytes
 */
export function fillSignedScaled(out, values, offset, g, lo, hi, discretize, lut, samples, width, height, mask) {
  const pixels = words(out);
  const table = words(lut);
  const last = table.length - 1;
  const mid = (lo + hi) / 2;
  const sharp = discretize || !(hi > lo);
  const scale = last / (hi - lo), start = 0.5 - lo * scale;  // index + 0.5 = v * scale + start
  const xlo = samples.x.lo, xhi = samples.x.hi, xt = samples.x.weight;
  const ylo = samples.y.lo, yhi = samples.y.hi, yt = samples.y.weight;
  const alpha = mask ?? opaque(width * height);
  // No branch on the weights: where one is 0, hi is lo (axisSamples), so a NaN cannot spread.
  for (let y = 0, p = 0; y < height; ++y) {
    const r0 = offset + ylo[y] * g, r1 = offset + yhi[y] * g, ty = yt[y], uy = 1 - ty;
    for (let x = 0; x < width; ++x, ++p) {
      const tx = xt[x], ux = 1 - tx, a = xlo[x], b = xhi[x];
      const v = (values[r0 + a] * ux + values[r0 + b] * tx) * uy + (values[r1 + a] * ux + values[r1 + b] * tx) * ty;
      let word;
      if (v !== v) word = NAN_WORD;
      else if (sharp) word = table[v >= mid ? last : 0];
      else {
        const i = v * scale + start;
        word = table[i <= 0 ? 0 : i >= last ? last : i | 0];
      }
      pixels[p] = (word & 0xffffff) | (alpha[p] << 24);
    }
  }
}

// A mask of full opacity, one per size, kept.
const opaqueMasks = new Map();
function opaque(count) {
  if (!opaqueMasks.has(count)) opaqueMasks.set(count, new Uint8Array(count).fill(255));
  return opaqueMasks.get(count);
}

/**
 * A heatmap painter bound to one canvas. It fills the whole canvas (canvas.width x height device
 * pixels), or only `rect` of it (many pictures sharing one canvas, its corners rounded by `radius`
 * and transparent outside them); size the canvas before drawing. The grid's colours are scaled up
 * here and written with putImageData: a drawImage with smoothing and a rounded clip cost the
 * browser several times more to rasterise, every frame. Buffers are reused while sizes stay.
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
  let cells = null;     // g x g colours
  let image = null;     // the area's pixels (cells' own when one pixel is one cell)
  let shape = '';       // what `image`, `samples` and `mask` were made for
  let samples = null;
  let mask = null;
  let rows = new Int32Array(0);

  /**
   * The area in whole device pixels, with `image`, `samples` and `mask` ready for a g x g grid;
   * `scaled` is false when one pixel is one cell (then `cells` is the image).
   */
  function target(g, discretize) {
    const box = rect ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
    const x = Math.round(box.x), y = Math.round(box.y), width = Math.round(box.width), height = Math.round(box.height);
    if (cells?.length !== g * g * 4) cells = new Uint8ClampedArray(g * g * 4);
    const scaled = !(width === g && height === g && !radius);
    const key = `${g} ${width} ${height} ${discretize}`;
    if (width >= 1 && height >= 1 && key !== shape) {
      if (!scaled) image = new ImageData(cells, g, g);
      else {
        // Smooth scaling gives the soft look of a continuous function; discretized maps are
        // piecewise-constant by definition, so show the grid cells crisply.
        samples = { x: axisSamples(g, width, !discretize), y: axisSamples(g, height, !discretize) };
        if (image?.width !== width || image?.height !== height || image.data === cells) {
          image = ctx.createImageData(width, height);
          mask = roundedMask(width, height, radius);
        }
        if (rows.length < g * width * 3) rows = new Int32Array(g * width * 3);
      }
      shape = key;
    }
    return { x, y, width, height, scaled, drawable: width >= 1 && height >= 1 };
  }

  return {
    // `ramp`: an optional RGBA table (index 0 <-> lo) in place of the diverging scale.
    drawSigned(values, offset, g, { lo = -1, hi = 1, discretize = false, ramp = null } = {}) {
      const t = target(g, discretize);
      if (!t.drawable) return;
      const table = ramp ?? lut().signed;
      if (t.scaled) fillSignedScaled(image.data, values, offset, g, lo, hi, discretize, table, samples, t.width, t.height, mask);
      else fillSigned(cells, values, offset, g, lo, hi, discretize, table);
      ctx.putImageData(image, t.x, t.y);
    },
    drawClasses(values, offsets, g, { lo = 0, hi = 1, discretize = false } = {}) {
      const t = target(g, discretize);
      if (!t.drawable) return;
      fillClasses(cells, values, offsets, g, lo, hi, discretize, lut().classes);
      if (t.scaled) upscale(cells, g, image.data, t.width, t.height, samples, mask, rows);
      ctx.putImageData(image, t.x, t.y);
    },
    clear() {
      const { x, y, width, height } = rect ?? { x: 0, y: 0, width: canvas.width, height: canvas.height };
      ctx.clearRect(x, y, width, height);
    },
  };
}
