// Canvas pixels per CSS pixel for an element: the device's ratio times the CSS zoom the element is
// under (the lecture-hall mode zooms the page; a deep network's diagram zooms itself out), so a
// canvas's backing store matches what is shown and stays crisp. And the lecture hall's line scale.
// Pure reads: no drawing.

// Bumped when the lecture hall changes what the two functions below read, so a view can key its
// layout on it every frame instead of reading styles every frame.
let version = 0;
if (typeof document !== 'undefined') document.addEventListener('lecturechange', () => { version += 1; });
/** A number that changes whenever pixelRatio() or lineScale() may have. */
export const displayVersion = () => version;

/** Backing-store pixels per CSS pixel of `el` (1 where there is no window, as in Node). */
export function pixelRatio(el) {
  const device = (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
  return device * (el?.currentCSSZoom || 1);
}

/** How much thicker data lines are drawn: the `--line-scale` CSS variable (1 unless the lecture hall sets it). */
export function lineScale(el) {
  if (!el || typeof getComputedStyle !== 'function') return 1;
  const v = parseFloat(getComputedStyle(el).getPropertyValue('--line-scale'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}
