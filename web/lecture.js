// The lecture-hall mode: the page for a projector. Full screen, and everything larger: the page is
// zoomed to fill the screen as it fills a 1,280 × 800 window, the step diagram zoomed once more so
// its numbers read from the back of a room, and data lines drawn thicker (--line-scale). Escape,
// leaving full screen, leaves the mode. A page preference, never in the link or saved.
// Not here: the sizes themselves (style.css, html.lecture) or how views redraw (they listen for
// `lecturechange` on document, or read views/pixels.js when they lay out).

const BASE = { width: 1280, height: 800 };
const MAX_ZOOM = 2;

/** The page's zoom in the lecture hall for a window of `width` × `height` CSS pixels (1 to 2). */
export function lectureZoom(width, height) {
  return Math.max(1, Math.min(MAX_ZOOM, width / BASE.width, height / BASE.height));
}

/** Wires the toggle `button` (aria-pressed) to the mode. */
export function bindLectureButton(button, { doc = document, win = window } = {}) {
  const root = doc.documentElement;
  const on = () => root.classList.contains('lecture');
  const fit = () => root.style.setProperty('--lecture-zoom', String(lectureZoom(win.innerWidth, win.innerHeight)));
  function set(next) {
    if (next === on()) return;
    root.classList.toggle('lecture', next);
    if (next) fit();
    else root.style.removeProperty('--lecture-zoom');
    button.setAttribute('aria-pressed', String(next));
    doc.dispatchEvent(new CustomEvent('lecturechange', { detail: { on: next } }));
  }
  button.addEventListener('click', () => {
    const next = !on();
    set(next);
    // Full screen is asked for, not required: a browser or frame may refuse it, and the mode stays.
    const request = next && !doc.fullscreenElement ? root.requestFullscreen?.() : !next && doc.fullscreenElement ? doc.exitFullscreen?.() : null;
    request?.catch?.(() => {});
  });
  doc.addEventListener('fullscreenchange', () => { if (!doc.fullscreenElement) set(false); });
  // Entering full screen resizes the window: the zoom follows, and the views lay out again.
  win.addEventListener('resize', () => {
    if (!on()) return;
    fit();
    doc.dispatchEvent(new CustomEvent('lecturechange', { detail: { on: true } }));
  });
}
