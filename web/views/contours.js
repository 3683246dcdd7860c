// A loss on an n x n grid (row 0 at the top) as bands of log J, like contour lines: light at the
// highest values, darker towards the minimum. The canvas is n x n pixels, scaled up by CSS. Values
// that are not finite (a loss that overflowed) are drawn as the highest.

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
  for (let i = 0; i < n * n; ++i) {
    const u = Number.isFinite(values[i]) ? scale(values[i]) / top : 1;  // 0 at the minimum, 1 at the maximum
    const band = Math.floor(u * 12) % 2 === 0 ? 0 : 10;
    const light = 150 + 95 * u + band;
    image.data.set([light * 0.82, light * 0.9, Math.min(255, light + 15), 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}
