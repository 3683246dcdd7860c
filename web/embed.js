// Embedding the playground in another page: the embed mode an `embed=` link turns on (only the
// chosen parts, no page chrome; the look is in style.css under body.embed), the size suggested for
// an iframe of those parts, and the <iframe> snippet the Share / embed box offers.
// No engine and no settings logic: the controller passes the state's `embed` list and the link.
import { EMBEDDABLE } from './state.js';

const PART_LABELS = { data: 'data', network: 'network', output: 'output', controls: 'run buttons', backprop: 'one step, animated', chapter: 'the chapter (text, widgets, tasks)' };

/** Turns embed mode on (parts non-empty) or off, showing only `parts`. */
export function applyEmbed(doc, parts) {
  const on = parts.length > 0;
  doc.body.classList.toggle('embed', on);
  for (const p of EMBEDDABLE) doc.body.classList.toggle(`embed-${p}`, on && parts.includes(p));
}

/**
 * A width and height (CSS px) that fit `parts` without scrolling sideways: the panels side by
 * side, the run buttons as a bar above them, the step animation below them.
 */
export function suggestedSize(parts) {
  const widths = { data: 270, network: 520, output: 390 };
  const panels = parts.filter((p) => p in widths);
  const width = Math.max(360, panels.reduce((w, p) => w + widths[p], 0) + 8 * (panels.length + 1));
  let height = (panels.includes('output') ? 760 : panels.length ? 600 : 0) + (parts.includes('controls') ? 70 : 0);
  // The step animation runs the full width under the panels: picker, network and equations.
  if (parts.includes('backprop')) height += 780;
  // The chapter's text, widgets and tasks run above the panels.
  if (parts.includes('chapter')) height += 700;
  return { width: parts.includes('backprop') ? Math.max(width, 1100) : width, height: Math.max(height, 120) };
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
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: part });
    box.checked = initial.includes(part);
    box.addEventListener('change', onChange);
    label.append(box, ` ${PART_LABELS[part]}`);
    container.append(label);
  }
  return () => [...container.querySelectorAll('input:checked')].map((el) => el.value);
}
