// The page's colour scheme, colour-blind safe (Okabe–Ito based): orange for negative / class 0,
// blue for positive / class 1, the panel colour at zero, and up to eight class colours, in a light
// and a dark variant (THEMES; setColorTheme switches the live exports below). Pure functions only
// (no DOM), shared by every view so a value has the same colour everywhere.
// Not here: drawing (the heatmap fills pixels from the tables made here) or choosing the theme
// (web/theme.js, which calls setColorTheme).

/**
 * The data colours of each theme. Contrast ratios (WCAG, computed by contrastRatio below and
 * checked in tests/web/theme.test.mjs) against the theme's panel (its `midpoint`):
 *   light, on #FFFFFF: negative #C77C00 3.3:1, positive #0072B2 5.2:1 (lines, large text, marks);
 *   dark, on #1E2125: negative #E69F00 7.2:1, positive #56B4E9 (Okabe–Ito sky blue) 7.0:1, so both
 *   pass even the 4.5:1 of body text. The fills keep the Okabe–Ito orange and blue in both themes
 *   (a class keeps its colour); the blue fill has 3.1:1 on the dark panel, enough for areas and
 *   marks (3:1). The diverging scale runs from the fill orange through the panel colour to the fill
 *   blue, so orange and blue differ in hue (blue–yellow axis, seen by every common colour-vision
 *   deficiency) and both ends stand out from zero by lightness in either theme.
 * negative: orange lines and text; positive: blue lines and text; midpoint: zero in the diverging
 * scale and the start of the class ramps; classColors: see CLASS_COLORS.
 */
export const THEMES = Object.freeze({
  light: Object.freeze({
    negative: '#C77C00', positive: '#0072B2', midpoint: '#FFFFFF',
    // Okabe–Ito's yellow darkened a little and a dark grey standing in for black, to show on white.
    classColors: Object.freeze(['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#D9C91A', '#5F5F5F']),
  }),
  dark: Object.freeze({
    negative: '#E69F00', positive: '#56B4E9', midpoint: '#1E2125',
    // Okabe–Ito's own yellow and a light grey, to show on the dark panel.
    classColors: Object.freeze(['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#BDBDBD']),
  }),
});

/**
 * Orange for negative values and class 0 (lines and text). Light: Okabe–Ito's #E69F00 darkened
 * (same hue) until it has a 3:1 contrast on white, so links and text drawn in it stay legible
 * (WCAG 1.4.11 / large text). Dark: #E69F00 itself. A live binding: setColorTheme changes it.
 */
export let NEGATIVE = THEMES.light.negative;
/** Blue for positive values and class 1 (light: Okabe–Ito blue, 5.2:1 on white; dark: sky blue). */
export let POSITIVE = THEMES.light.positive;
/**
 * The same pair at full strength for areas (heatmaps, data points, class 0/1 swatches): area
 * colours need no text contrast, and the brighter orange reads as orange rather than ochre.
 * The same in both themes.
 */
export const NEGATIVE_FILL = '#E69F00';
export const POSITIVE_FILL = '#0072B2';
/** Neutral grey: a weight of exactly zero, NaN, "no value" (3.2:1 on white, 6.0:1 on the dark panel). */
export const NEUTRAL = '#9E9E9E';
/** The colour of zero in the diverging scale: the theme's panel colour. */
export let MIDPOINT = THEMES.light.midpoint;

/**
 * One colour per class (up to 8), in an order that keeps the first few maximally distinct.
 * Classes 0 and 1 are the binary pair (the fill orange and blue). The rest are Okabe–Ito's
 * bluish green, reddish purple, sky blue, vermillion, yellow and a grey standing in for black
 * (the last two per theme, see THEMES).
 */
export let CLASS_COLORS = THEMES.light.classColors;

let themeName = 'light';

/** The theme the live colours are for: 'light' or 'dark'. */
export function colorTheme() {
  return themeName;
}

/**
 * Switches the live colours (NEGATIVE, POSITIVE, MIDPOINT, CLASS_COLORS and every function below)
 * to `name`'s; anything else than 'dark' means light. Tables made before (divergingLut, rampLut)
 * keep their colours: key caches by colorTheme().
 */
export function setColorTheme(name) {
  themeName = name === 'dark' ? 'dark' : 'light';
  const t = THEMES[themeName];
  NEGATIVE = t.negative;
  POSITIVE = t.positive;
  MIDPOINT = t.midpoint;
  CLASS_COLORS = t.classColors;
  MID_RGB = hexToRgb(MIDPOINT);
  CLASS_RGB = CLASS_COLORS.map(hexToRgb);
}

/** '#rrggbb' (or '#rgb') → [r, g, b] ints. */
export function hexToRgb(hex) {
  let h = String(hex).replace(/^#/, '');
  if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
  const n = parseInt(h, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const clampByte = (x) => (x < 0 ? 0 : x > 255 ? 255 : Math.round(x));

/** [r, g, b] → '#rrggbb' (components rounded and clamped to 0..255). */
export function rgbToHex(rgb) {
  return '#' + rgb.slice(0, 3).map((c) => clampByte(c).toString(16).padStart(2, '0')).join('');
}

/** [r, g, b] or [r, g, b, a (0..1)] → a CSS colour string, e.g. 'rgb(199,124,0)'. */
export function rgbToCss(rgb) {
  const [r, g, b] = rgb.map(clampByte);
  return rgb.length > 3 ? `rgba(${r},${g},${b},${rgb[3]})` : `rgb(${r},${g},${b})`;
}

const NEG_RGB = hexToRgb(NEGATIVE_FILL);
const POS_RGB = hexToRgb(POSITIVE_FILL);
const NEUTRAL_RGB = hexToRgb(NEUTRAL);
let MID_RGB = hexToRgb(MIDPOINT);
let CLASS_RGB = CLASS_COLORS.map(hexToRgb);

/**
 * Blends a colour towards white: amount 0 keeps it, 1 gives white.
 * @param {number[]} rgb [r, g, b]
 * @param {number} amount 0..1 (clamped)
 * @returns {number[]} new [r, g, b] ints
 */
export function mixWithWhite(rgb, amount) {
  return mixToward(rgb, [255, 255, 255], amount);
}

/**
 * Blends a colour towards `target`: amount 0 keeps it, 1 gives the target.
 * @param {number[]} rgb [r, g, b]
 * @param {number[]} target [r, g, b]
 * @param {number} amount 0..1 (clamped)
 * @returns {number[]} new [r, g, b] ints
 */
export function mixToward(rgb, target, amount) {
  const a = amount > 1 ? 1 : amount > 0 ? amount : 0;  // NaN → 0
  return [0, 1, 2].map((i) => Math.round(rgb[i] + (target[i] - rgb[i]) * a));
}

/** Blends a colour towards the theme's midpoint (white in light, the dark panel in dark). */
export function mixWithMidpoint(rgb, amount) {
  return mixToward(rgb, MID_RGB, amount);
}

/**
 * The diverging scale: t = -1 → NEGATIVE_FILL, 0 → MIDPOINT, +1 → POSITIVE_FILL, linear in sRGB
 * between (like TensorFlow Playground: a small |t| is a faint tint, so the zero line reads as
 * the panel: white in light, the dark panel in dark). t is clamped to [-1, 1]; NaN gives NEUTRAL grey.
 * @param {number} t
 * @returns {number[]} [r, g, b] ints
 */
export function divergingRgb(t) {
  if (Number.isNaN(t) || typeof t !== 'number') return NEUTRAL_RGB.slice();
  const u = t > 1 ? 1 : t < -1 ? -1 : t;
  const end = u < 0 ? NEG_RGB : POS_RGB;
  const a = Math.abs(u);
  return [0, 1, 2].map((i) => Math.round(MID_RGB[i] + (end[i] - MID_RGB[i]) * a));
}

/**
 * The diverging scale as a lookup table for painting: entry i (RGBA at 4i) is
 * divergingRgb(strength * (-1 + 2i / (steps - 1))), alpha 255. A strength below 1 gives a paler
 * map (the output plot uses one so the data points on it stand out).
 * @param {number} [steps=256] at least 2
 * @param {number} [strength=1] 0..1, how far the ends go from white towards the full colours
 * @returns {Uint8ClampedArray} steps * 4 bytes
 */
export function divergingLut(steps = 256, strength = 1) {
  const n = Math.max(2, Math.floor(steps));
  const lut = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; ++i) {
    const [r, g, b] = divergingRgb(strength * (-1 + (2 * i) / (n - 1)));
    lut.set([r, g, b, 255], 4 * i);
  }
  return lut;
}

/**
 * Colour of class k (0-based; wraps after 8). NaN or a negative k gives NEUTRAL.
 * @returns {number[]} [r, g, b] ints
 */
export function classRgb(k) {
  if (!(k >= 0)) return NEUTRAL_RGB.slice();
  return CLASS_RGB[Math.floor(k) % CLASS_RGB.length].slice();
}

/** Hex colour of class k (0-based; wraps after 8). */
export function classColor(k) {
  return rgbToHex(classRgb(k));
}

/**
 * Colour of a weight or bias by its sign: NEGATIVE below zero, POSITIVE above, NEUTRAL for 0/NaN.
 * @returns {string} hex
 */
export function signColor(v) {
  return v > 0 ? POSITIVE : v < 0 ? NEGATIVE : NEUTRAL;
}

/** WCAG relative luminance of an sRGB colour ([r, g, b] ints or a hex string), 0..1. */
export function relativeLuminance(color) {
  const rgb = typeof color === 'string' ? hexToRgb(color) : color;
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}

/** WCAG contrast ratio of two colours (hex or [r, g, b]), 1..21, order-independent. */
export function contrastRatio(a, b) {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * RGBA table from MIDPOINT (index 0; white in light) to `hex` (last index), for one class's
 * probability map: the thumbnail of multi-class output k then reads in the same colour as class k
 * in the plot.
 * @returns {Uint8ClampedArray} steps*4 bytes
 */
export function rampLut(hex, steps = 256) {
  const [r, g, b] = hexToRgb(hex);
  const [r0, g0, b0] = MID_RGB;
  const out = new Uint8ClampedArray(steps * 4);
  for (let i = 0; i < steps; ++i) {
    const t = i / (steps - 1);
    out[4 * i] = Math.round(r0 + (r - r0) * t);
    out[4 * i + 1] = Math.round(g0 + (g - g0) * t);
    out[4 * i + 2] = Math.round(b0 + (b - b0) * t);
    out[4 * i + 3] = 255;
  }
  return out;
}
