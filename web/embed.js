// Embedding the playground in another page: the embed mode an `embed=` link turns on (only the
// chosen parts, no page chrome; the look is in style.css and share.css under body.embed), and the
// address and <iframe> snippet the Share / embed dialog offers. The size it suggests is measured, not guessed
// (playground/embed-frames.js). No engine and no settings logic: the controller passes the
// state's `embed` list and the link.
import { EMBEDDABLE } from './state.js';

// The <backprop-playground> element's messages (web/element.js): it asks a frame with no height of
// its own to lay out at its natural height (as the Share dialog measures it) and report that height.
export const HOST_MEASURE = 'backprop-playground:measure';
export const HOST_HEIGHT = 'backprop-playground:height';
// And, as the course page scrolls, how far down the frame the window reaches: the frame is as tall
// as its content, so its messages go at the foot of the part in view, not of the whole (below the fold).
export const HOST_VIEW = 'backprop-playground:view';

/**
 * In a frame: when the parent element asks, drops the layouts that fit the frame's height and
 * reports the content's height to it, at once and whenever it changes. Call before the engine
 * loads (the element asks on the frame's load event); call the returned function once the page is
 * laid out: a frame out of view, from another origin, gets no ResizeObserver callbacks until shown.
 */
export function answerHost(win = window) {
  if (win.parent === win) return () => {};
  let measuring = false;
  const doc = win.document;
  const report = () => {
    if (measuring) win.parent.postMessage({ type: HOST_HEIGHT, height: doc.documentElement.getBoundingClientRect().height }, '*');
  };
  win.addEventListener('message', (event) => {
    if (event.source !== win.parent) return;
    if (event.data?.type === HOST_VIEW && measuring && Number.isFinite(event.data.bottom)) {
      doc.body.classList.add('host-view');
      doc.body.style.setProperty('--host-view-bottom', `${Math.round(event.data.bottom)}px`);
    }
    if (event.data?.type !== HOST_MEASURE || measuring) return;
    measuring = true;
    doc.body.classList.add('embed-measure');
    report();
    new win.ResizeObserver(report).observe(doc.documentElement);
  });
  return report;
}

const PART_LABELS = { data: 'data', network: 'network', output: 'output', controls: 'run buttons', backprop: 'one step, animated', chapter: 'the chapter (text, widgets, tasks)', lab: 'the chapter\'s labs alone (widget= picks one)', compare: 'the comparison of two runs' };

/** Turns embed mode on (parts non-empty) or off, showing only `parts`. */
export function applyEmbed(doc, parts) {
  const on = parts.length > 0;
  doc.body.classList.toggle('embed', on);
  for (const p of EMBEDDABLE) doc.body.classList.toggle(`embed-${p}`, on && parts.includes(p));
  doc.body.classList.toggle('embed-compact', on && isCompact(parts));
}

/**
 * The compact layout (plot and play first, the plot scaled to the frame's height) is for an
 * embed of the output without the other panels, the step animation, a chapter or a comparison beside it.
 */
export function isCompact(parts) {
  return parts.includes('output') && !parts.some((p) => ['data', 'network', 'backprop', 'chapter', 'lab', 'compare'].includes(p));
}

/**
 * The address a shared link or an embed points at: the page's (`loc`, its location) without its
 * query or hash, then `hash`. Read from the href, not origin + pathname: in Firefox a file:// page's
 * origin is the string "null" (and a network share's host is not in the path).
 * @param {{ href: string }} loc
 * @param {string} hash '#…' or ''
 */
export function pageLink(loc, hash) {
  const url = new URL(loc.href);
  url.search = '';
  url.hash = '';
  return `${url.href}${hash}`;
}

const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML to paste into another page. */
export function iframeSnippet(src, width, height, title = 'Backprop Playground') {
  return `<iframe src="${attr(src)}" width="${Math.round(width)}" height="${Math.round(height)}" ` +
    `title="${attr(title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/**
 * Fills `container` with one checkbox per embeddable part (all ticked but the run buttons'
 * siblings as given in `initial`), calling onChange when one changes. Returns a reader of the choice.
 */
export function createPartOptions(container, initial, onChange) {
  for (const part of EMBEDDABLE) {
    const label = document.createElement('label');
    label.className = 'check';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: part, id: `embed-part-${part}` });
    box.checked = initial.includes(part);
    box.addEventListener('change', onChange);
    label.append(box, ` ${PART_LABELS[part]}`);
    container.append(label);
  }
  return () => [...container.querySelectorAll('input:checked')].map((el) => el.value);
}
