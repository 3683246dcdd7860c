// web/views/colors.js: the diverging scale (ends, white midpoint, clamping, NaN), its lookup
// table, the class palette (eight distinct colours, classes 0/1 = the binary pair), and WCAG
// contrast of the negative/positive line and text colours on white.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  NEGATIVE, POSITIVE, NEGATIVE_FILL, POSITIVE_FILL, NEUTRAL, CLASS_COLORS,
  hexToRgb, rgbToHex, rgbToCss, mixWithWhite, divergingRgb, divergingLut, classRgb, classColor,
  signColor, relativeLuminance, contrastRatio,
} from '../../web/views/colors.js';

// CIE L*a*b* of an sRGB hex colour (D65), for perceptual distances between class colours.
function lab(hex) {
  const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const [r, g, b] = hexToRgb(hex).map(lin);
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

test('hex and rgb conversions round-trip', () => {
  assert.deepEqual(hexToRgb('#0072B2'), [0, 114, 178]);
  assert.deepEqual(hexToRgb('#fff'), [255, 255, 255]);
  assert.equal(rgbToHex([0, 114, 178]), '#0072b2');
  assert.equal(rgbToHex([300, -4, 12.6]), '#ff000d');
  assert.equal(rgbToCss([1, 2, 3]), 'rgb(1,2,3)');
  assert.equal(rgbToCss([1, 2, 3, 0.5]), 'rgba(1,2,3,0.5)');
  for (const c of CLASS_COLORS) assert.equal(rgbToHex(hexToRgb(c)), c.toLowerCase());
});

test('the diverging scale: orange at -1, white at 0, blue at +1', () => {
  assert.deepEqual(divergingRgb(-1), hexToRgb(NEGATIVE_FILL));
  assert.deepEqual(divergingRgb(1), hexToRgb(POSITIVE_FILL));
  assert.deepEqual(divergingRgb(0), [255, 255, 255]);
  assert.deepEqual(divergingRgb(-0), [255, 255, 255]);
  // Half-way is half-way to white, component by component.
  const half = divergingRgb(0.5);
  hexToRgb(POSITIVE_FILL).forEach((c, i) => assert.ok(Math.abs(half[i] - (c + 255) / 2) <= 0.5));
});

test('the diverging scale clamps, and NaN is grey', () => {
  assert.deepEqual(divergingRgb(-7), divergingRgb(-1));
  assert.deepEqual(divergingRgb(3), divergingRgb(1));
  assert.deepEqual(divergingRgb(Infinity), divergingRgb(1));
  assert.deepEqual(divergingRgb(-Infinity), divergingRgb(-1));
  assert.deepEqual(divergingRgb(NaN), hexToRgb(NEUTRAL));
  for (const t of [-1, -0.3, 0, 0.7, 1]) {
    for (const c of divergingRgb(t)) assert.ok(Number.isInteger(c) && c >= 0 && c <= 255);
  }
});

test('divergingLut: steps RGBA entries from -1 to +1, opaque', () => {
  const lut = divergingLut();
  assert.ok(lut instanceof Uint8ClampedArray);
  assert.equal(lut.length, 256 * 4);
  assert.deepEqual([...lut.slice(0, 3)], divergingRgb(-1));
  assert.deepEqual([...lut.slice(255 * 4, 255 * 4 + 3)], divergingRgb(1));
  for (let i = 3; i < lut.length; i += 4) assert.equal(lut[i], 255);
  const odd = divergingLut(5);
  assert.equal(odd.length, 20);
  assert.deepEqual([...odd.slice(8, 11)], [255, 255, 255]);  // entry 2 is t = 0
  // A weaker strength stops short of the full colours.
  const pale = divergingLut(3, 0.5);
  assert.deepEqual([...pale.slice(0, 3)], divergingRgb(-0.5));
  assert.equal(divergingLut(1).length, 8);  // at least two entries
});

test('class palette: eight distinct colours; classes 0 and 1 are the binary pair', () => {
  assert.equal(CLASS_COLORS.length, 8);
  assert.equal(CLASS_COLORS[0], NEGATIVE_FILL);
  assert.equal(CLASS_COLORS[1], POSITIVE_FILL);
  assert.equal(new Set(CLASS_COLORS.map((c) => c.toLowerCase())).size, 8);
  for (let i = 0; i < 8; ++i) {
    for (let j = i + 1; j < 8; ++j) {
      const [a, b] = [lab(CLASS_COLORS[i]), lab(CLASS_COLORS[j])];
      const dE = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      assert.ok(dE > 20, `classes ${i} and ${j} are too alike (ΔE ${dE.toFixed(1)})`);
    }
    // None is so light that it vanishes on white.
    assert.ok(contrastRatio(CLASS_COLORS[i], '#ffffff') > 1.4, CLASS_COLORS[i]);
  }
  assert.deepEqual(classRgb(0), hexToRgb(CLASS_COLORS[0]));
  assert.deepEqual(classRgb(9), classRgb(1));  // wraps
  assert.deepEqual(classRgb(NaN), hexToRgb(NEUTRAL));
  assert.deepEqual(classRgb(-1), hexToRgb(NEUTRAL));
  assert.equal(classColor(2), CLASS_COLORS[2].toLowerCase());
});

test('mixWithWhite', () => {
  assert.deepEqual(mixWithWhite([0, 114, 178], 0), [0, 114, 178]);
  assert.deepEqual(mixWithWhite([0, 114, 178], 1), [255, 255, 255]);
  assert.deepEqual(mixWithWhite([0, 100, 255], 0.5), [128, 178, 255]);
  assert.deepEqual(mixWithWhite([0, 100, 255], 2), [255, 255, 255]);
  assert.deepEqual(mixWithWhite([0, 100, 255], -1), [0, 100, 255]);
  assert.deepEqual(mixWithWhite([0, 100, 255], NaN), [0, 100, 255]);
  const rgb = [10, 20, 30];
  mixWithWhite(rgb, 0.5);
  assert.deepEqual(rgb, [10, 20, 30]);  // input untouched
});

test('signColor: weights by sign, zero and NaN neutral', () => {
  assert.equal(signColor(0.3), POSITIVE);
  assert.equal(signColor(-2), NEGATIVE);
  assert.equal(signColor(0), NEUTRAL);
  assert.equal(signColor(NaN), NEUTRAL);
});

test('WCAG helpers against known values', () => {
  assert.equal(relativeLuminance('#000000'), 0);
  assert.equal(relativeLuminance('#ffffff'), 1);
  assert.equal(relativeLuminance([255, 255, 255]), 1);
  assert.equal(contrastRatio('#000', '#fff'), 21);
  assert.equal(contrastRatio('#fff', '#fff'), 1);
  // #767676 is the classic lightest grey with 4.5:1 on white; #777777 just misses it.
  assert.ok(contrastRatio('#767676', '#ffffff') >= 4.5);
  assert.ok(contrastRatio('#777777', '#ffffff') < 4.5);
  assert.equal(contrastRatio('#0072B2', '#fff'), contrastRatio('#fff', '#0072B2'));
});

test('negative and positive line/text colours have at least 3:1 contrast on white', () => {
  assert.ok(contrastRatio(NEGATIVE, '#ffffff') >= 3, `NEGATIVE ${contrastRatio(NEGATIVE, '#fff')}`);
  assert.ok(contrastRatio(POSITIVE, '#ffffff') >= 3, `POSITIVE ${contrastRatio(POSITIVE, '#fff')}`);
  // and they remain recognisably the orange / blue of the fills (same hue family)
  const [nr, ng, nb] = hexToRgb(NEGATIVE);
  assert.ok(nr > ng && ng > nb);
  const [pr, pg, pb] = hexToRgb(POSITIVE);
  assert.ok(pb > pg && pg > pr);
});

test('rampLut runs from white to the class colour', async () => {
  const { rampLut, hexToRgb, CLASS_COLORS } = await import('../../web/views/colors.js');
  const lut = rampLut(CLASS_COLORS[2], 5);
  assert.equal(lut.length, 20);
  assert.deepEqual(Array.from(lut.slice(0, 4)), [255, 255, 255, 255]);
  assert.deepEqual(Array.from(lut.slice(16, 19)), hexToRgb(CLASS_COLORS[2]));
});
