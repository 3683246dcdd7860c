// A loss on an n x n grid (row 0 at the top) as bands of log J, like contour lines: light at the
// highest values, darker towards the minimum. The canvas is n x n pixels, scaled up by CSS. Values
// that are not finite (a loss that overflowed) are drawn as the highest. In the dark theme the bands
// are dark too (near the panel at the minimum), so that the paths drawn over them in the theme's
// ink, light there, stand out as they do in the light theme. Redraw on a theme change.

import { colorTheme } from './colors.js';

/**
 * @param {HTMLCanvasElement} canvas n x n
 * @param {Iterable<number> & ArrayLike<number>} values n * n, row-major
 * @param {number} n
 */
export function drawContours(canvas, values, n) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(n, n);
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = (v) => Math.log1p((v - lo) / ((hi - lo) / 200 || 1));
  const top = scale(hi) || 1;
  const dark = colorTheme() === 'dark';
  for (let i = 0; i < n * n; ++i) {
    const u = Number.isFinite(values[i]) ? scale(values[i]) / top : 1;  // 0 at the minimum, 1 at the maximum
    const odd = Math.floor(u * 12) % 2 === 1;
    if (dark) {
      const level = 22 + 62 * u + (odd ? 7 : 0);
      image.data.set([level * 0.9, level * 0.95, level * 1.25 + 6, 255], 4 * i);
    } else {
      const light = 150 + 95 * u + (odd ? 10 : 0);
      image.data.set([light * 0.82, light * 0.9, Math.min(255, light + 15), 255], 4 * i);
    }
  }
  ctx.putImageData(image, 0, 0);
}
