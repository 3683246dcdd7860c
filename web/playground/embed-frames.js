// The Share / embed dialog's iframes of an embed link, same origin: a hidden one in which the
// size an embed needs is measured from its real content (scrollWidth/scrollHeight at a range of
// widths), and the preview at the chosen size, which reports whether that size scrolls or cuts off
// the output plot. A file:// page may not read another frame's document, so both need http(s).
// Not here: the dialog's controls (share.js) or the embed mode itself (embed.js).

/** True where the dialog can measure and preview (a served page, not the offline file). */
export const canMeasure = () => location.protocol === 'http:' || location.protocol === 'https:';

// Frame widths tried, narrow to wide: the smallest that shows the content at its best is suggested.
const WIDTHS = [360, 480, 600, 720, 840, 960, 1080, 1200, 1320, 1440];
const LOAD_TIMEOUT_MS = 20000;

function nextFrames(win, n = 3) {
  return new Promise((resolve) => {
    const tick = (k) => (k === 0 ? resolve() : win.requestAnimationFrame(() => tick(k - 1)));
    tick(n);
  });
}

// Loads `src` in `frame` (already in the document) and resolves once the playground inside is
// ready; rejects if the frame is taken out of the document first or the page never starts.
function load(frame, src) {
  return new Promise((resolve, reject) => {
    const end = Date.now() + LOAD_TIMEOUT_MS;
    const poll = () => {
      if (!frame.isConnected) reject(new Error('stopped'));
      else if (frame.contentDocument?.body?.dataset.ready === 'true') nextFrames(frame.contentWindow).then(resolve);
      else if (Date.now() > end) reject(new Error('the embedded playground did not start'));
      else setTimeout(poll, 30);
    };
    frame.src = src;
    setTimeout(poll, 30);
  });
}

// What a frame's document shows at its current size: overflow both ways, and the output plot's box.
function inspect(frame) {
  const doc = frame.contentDocument;
  const root = doc.documentElement;
  const canvas = doc.querySelector('#plot canvas');
  const plot = canvas && canvas.getClientRects().length ? canvas.getBoundingClientRect() : null;
  return {
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    scrollHeight: root.scrollHeight, clientHeight: root.clientHeight,
    plot: plot && { right: plot.right, bottom: plot.bottom, width: plot.width },
  };
}

/**
 * The iframe size that shows the embed at `src` without scrolling: at each candidate width (with
 * the compact layout's height cap off, so the plot takes its natural size) the content's own
 * scrollWidth and scrollHeight are read. Of the widths whose content fits sideways and shows the
 * output plot (if any) within 15% of its largest, the narrowest within 24 px of the lowest height
 * is suggested, with the height its content needs there, checked once more at exactly that size.
 * isStale() true (the dialog closed or the choice changed) stops it early, removing its frame.
 * @returns {Promise<{ width: number, height: number, rows: object[] } | null>}
 */
export async function measureEmbed(src, isStale = () => false) {
  const frame = document.createElement('iframe');
  // A removed frame stops loading and running.
  const stop = setInterval(() => {
    if (!isStale()) return;
    frame.remove();
    clearInterval(stop);
  }, 100);
  frame.className = 'embed-measurer';
  frame.title = 'Measuring the embed';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.width = `${WIDTHS[0]}px`;
  frame.style.height = '300px';
  document.body.append(frame);
  try {
    await load(frame, src);
    if (isStale()) return null;
    frame.contentDocument.body.classList.add('embed-measure');
    const at = async (width, height) => {
      frame.style.width = `${width}px`;
      frame.style.height = `${height}px`;
      await nextFrames(frame.contentWindow);
      return { width, ...inspect(frame) };
    };
    const rows = [];
    for (const width of WIDTHS) {
      if (isStale()) return null;
      rows.push(await at(width, 300));
    }
    const fits = rows.filter((r) => r.scrollWidth <= r.clientWidth);
    const pool = fits.length ? fits : rows;
    // The plot near its largest first (a small decision boundary is no use), then the lowest height.
    const widestPlot = Math.max(0, ...pool.map((r) => r.plot?.width ?? 0));
    const large = pool.filter((r) => (r.plot?.width ?? 0) >= 0.85 * widestPlot);
    const lowest = Math.min(...large.map((r) => r.scrollHeight));
    const best = large.find((r) => r.scrollHeight <= lowest + 24);
    let { width } = best;
    let height = best.scrollHeight;
    // Without the measuring scrollbar the content is a little wider, never taller: check and settle.
    for (let i = 0; i < 4; ++i) {
      const r = await at(width, height);
      if (r.scrollWidth <= r.clientWidth && r.scrollHeight <= r.clientHeight) break;
      width = Math.max(width, r.scrollWidth);
      height = Math.max(height, r.scrollHeight);
    }
    return { width, height, rows };
  } finally {
    clearInterval(stop);
    frame.remove();
  }
}

/**
 * Shows the embed at `src` in `box`, at width x height scaled down to fit the box, and resolves
 * with what it shows there: { scrolls, plotHidden, needWidth, needHeight }. A newer call replaces
 * the frame; the older call then resolves with null.
 */
export function createPreview(box) {
  let current = null;
  return async function preview(src, width, height) {
    const frame = document.createElement('iframe');
    frame.title = 'Preview of the embed';
    frame.width = String(width);
    frame.height = String(height);
    const scale = Math.min(1, box.clientWidth / width, box.clientHeight / height);
    frame.style.transform = `scale(${scale})`;
    current?.remove();
    current = frame;
    box.replaceChildren(frame);
    try {
      await load(frame, src);
    } catch {
      return current === frame ? { failed: true } : null;
    }
    if (current !== frame) return null;
    const s = inspect(frame);
    const view = frame.contentWindow;
    return {
      scrolls: s.scrollWidth > s.clientWidth || s.scrollHeight > s.clientHeight,
      plotHidden: Boolean(s.plot) && (s.plot.right > view.innerWidth + 0.5 || s.plot.bottom > view.innerHeight + 0.5),
      needWidth: s.scrollWidth, needHeight: s.scrollHeight,
      document: frame.contentDocument,
    };
  };
}
