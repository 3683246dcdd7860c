// The Share / embed dialog's frame: one same-origin iframe of the embed link, in which the size the
// embed needs is measured from its real content (scrollWidth/scrollHeight at a range of widths) and
// which then previews it at the chosen size, reporting whether that size scrolls or cuts off the
// output plot. A new link loads a new frame; a new size only resizes it (one page load per link, not
// one to measure and another to preview). A file:// page may not read another frame's document, so
// this needs http(s). Not here: the dialog's controls (share.js) or the embed mode itself (embed.js).

/** True where the dialog can measure and preview (a served page, not the offline file). */
export const canMeasure = () => location.protocol === 'http:' || location.protocol === 'https:';

// Frame widths tried, narrow to wide: the smallest that shows the content at its best is suggested.
const WIDTHS = [360, 480, 600, 720, 840, 960, 1080, 1200, 1320, 1440];
const LOAD_TIMEOUT_MS = 20000;

// Resolves after `n` animation frames of the page in `frame`; rejects if the frame is taken out of
// the document first (its frames then never come, and whatever waits would wait for ever).
function nextFrames(frame, n = 3) {
  return new Promise((resolve, reject) => {
    const watch = setInterval(() => {
      if (frame.isConnected) return;
      clearInterval(watch);
      reject(new Error('stopped'));
    }, 100);
    const tick = (k) => {
      if (!frame.isConnected) return;  // the watch says so
      if (k > 0) return frame.contentWindow.requestAnimationFrame(() => tick(k - 1));
      clearInterval(watch);
      resolve();
    };
    try {
      tick(n);
    } catch (e) {
      clearInterval(watch);
      reject(e);
    }
  });
}

// Loads `src` in `frame` (already in the document) and resolves once the playground inside is
// ready and no lab in it is still computing its first numbers (course/sliced.js marks it aria-busy:
// measured before they land, the embed would be too short for them); rejects if the frame is taken
// out of the document first or the page never starts.
function load(frame, src) {
  return new Promise((resolve, reject) => {
    const end = Date.now() + LOAD_TIMEOUT_MS;
    const poll = () => {
      if (!frame.isConnected) reject(new Error('stopped'));
      else if (frame.contentDocument?.body?.dataset.ready === 'true' && !frame.contentDocument.querySelector('[aria-busy="true"]')) {
        nextFrames(frame).then(resolve, reject);
      }
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

// The size that shows the embed without scrolling, read in its loaded `frame`: at each candidate
// width (with the compact layout's height cap off, so the plot takes its natural size) the
// content's own scrollWidth and scrollHeight. Of the widths whose content fits sideways and shows
// the output plot (if any) within 15% of its largest, the narrowest within 3% of the lowest
// height (a frame 120 px wider for a dozen pixels less height fits fewer pages), with the height
// its content needs there, checked once more at exactly that size.
// Null if isStale() turns true on the way.
async function measure(frame, isStale) {
  const at = async (width, height) => {
    frame.style.width = `${width}px`;
    frame.style.height = `${height}px`;
    await nextFrames(frame);
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
  const best = large.find((r) => r.scrollHeight <= lowest * 1.03);
  let { width } = best;
  let height = best.scrollHeight;
  // Without the measuring scrollbar the content is a little wider, never taller: check and settle.
  for (let i = 0; i < 4; ++i) {
    if (isStale()) return null;
    const r = await at(width, height);
    if (r.scrollWidth <= r.clientWidth && r.scrollHeight <= r.clientHeight) break;
    width = Math.max(width, r.scrollWidth);
    height = Math.max(height, r.scrollHeight);
  }
  return { width, height, rows };
}

/**
 * The embed frame shown in `box`. Its operations run one after another (a measurement never
 * resizes the frame under a preview's reading, or the other way round):
 * - open(src): loads the link in a new frame (nothing if it is already loaded); rejects if the
 *   playground inside does not start, or if a newer link replaced it first;
 * - measure(isStale): { width, height, rows }, the size the loaded embed needs (null if stale);
 * - show(width, height): the embed at that size, scaled down to fit the box, and what it shows
 *   there: { scrolls, plotHidden, needWidth, needHeight };
 * - clear(): removes the frame (its playground stops).
 */
export function createEmbedFrame(box) {
  let frame = null;
  let src = '';
  let loaded = null;  // the promise of the current frame's load
  let queue = Promise.resolve();
  const enqueue = (fn) => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };
  const current = () => {
    if (!frame) throw new Error('no embed loaded');
    return frame;
  };
  return {
    open(next) {
      if (frame && src === next) return loaded;
      frame?.remove();
      const f = document.createElement('iframe');
      f.title = 'Preview of the embed';
      // A picture of the embed to try with the mouse, out of the dialog's Tab order: a keyboard went
      // through its fifty controls, where Esc was the preview's and left the dialog open.
      f.tabIndex = -1;
      f.classList.add('measuring');  // unseen until shown at its size
      f.style.width = `${WIDTHS[0]}px`;
      f.style.height = '300px';
      box.replaceChildren(f);
      frame = f;
      src = next;
      loaded = enqueue(() => load(f, next));
      return loaded;
    },
    measure(isStale = () => false) {
      return enqueue(async () => {
        const f = current();
        f.classList.add('measuring');
        f.style.transform = '';
        f.contentDocument.body.classList.add('embed-measure');
        try {
          return await measure(f, isStale);
        } finally {
          f.contentDocument?.body.classList.remove('embed-measure');
        }
      });
    },
    show(width, height) {
      return enqueue(async () => {
        const f = current();
        f.style.width = `${width}px`;
        f.style.height = `${height}px`;
        f.style.transform = `scale(${Math.min(1, box.clientWidth / width, box.clientHeight / height)})`;
        f.classList.remove('measuring');
        await nextFrames(f);
        const s = inspect(f);
        const view = f.contentWindow;
        return {
          scrolls: s.scrollWidth > s.clientWidth || s.scrollHeight > s.clientHeight,
          plotHidden: Boolean(s.plot) && (s.plot.right > view.innerWidth + 0.5 || s.plot.bottom > view.innerHeight + 0.5),
          needWidth: s.scrollWidth, needHeight: s.scrollHeight,
        };
      });
    },
    clear() {
      frame?.remove();
      frame = null;
      src = '';
      box.replaceChildren();
    },
  };
}
