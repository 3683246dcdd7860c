// <backprop-playground>: the playground as an HTML element for course pages, e.g.
//   <script src="playground/backprop-playground.js"></script>
//   <backprop-playground dataset="circles" hidden="4,2" parts="output,controls"></backprop-playground>
// Each element is an embed (an iframe of the playground beside this script: index.html, or the
// one-file offline/index.html on file://), so each has its own engine, its own state and the page's
// own look and link checks. Attributes are the link's keys, spelt as in a link (learningRate) or in
// HTML's way (learningrate, learning-rate); `parts` are the embed's parts; `height` fixes the height,
// otherwise the element takes its content's height at the width of its container; `src` names
// another copy of the playground. A changed attribute reloads that element only. Built into
// dist/backprop-playground.js (one classic script) by build-dist.mjs.
import { elementLink } from './element-link.js';
import { HOST_MEASURE, HOST_HEIGHT, HOST_VIEW } from './embed.js';

// This script's folder: the playground is beside it. (In the bundle, import.meta.url is the
// script element's src, read as the script runs.)
const HERE = new URL('.', import.meta.url);
const FIRST_HEIGHT = '480px';  // until the content reports its own

// The height the `height` attribute fixes, as CSS, or null for the content's own: none given,
// "auto", or a value that is no length ("tall"), which left the frame at a browser's 150 px, scrolling.
function fixedHeight(value) {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return `${value}px`;
  return value.trim().toLowerCase() !== 'auto' && CSS.supports('height', value) ? value : null;
}

const sheet = typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : null;
sheet?.replaceSync(':host { display: block; } ' +
  'iframe { display: block; width: 100%; border: 0; }');

// Height reports come to the window; each goes to the element whose frame sent it.
const elements = new Set();
window.addEventListener('message', (event) => {
  if (event.data?.type !== HOST_HEIGHT) return;
  for (const el of elements) if (el.frame?.contentWindow === event.source) el.fit(event.data.height);
});

// As the page scrolls or resizes, each frame as tall as its content learns how far down it the
// window reaches (once a frame, for all elements), for its messages.
let viewQueued = false;
function queueView() {
  if (viewQueued) return;
  viewQueued = true;
  requestAnimationFrame(() => {
    viewQueued = false;
    for (const el of elements) el.tellView();
  });
}
window.addEventListener('scroll', queueView, { passive: true });
window.addEventListener('resize', queueView);

class BackpropPlayground extends HTMLElement {
  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    if (sheet) this.root.adoptedStyleSheets = [sheet];
    this.frame = null;
    this.pending = false;
    // Any attribute may be a link key, so all are watched (observedAttributes must list names).
    new MutationObserver(() => this.schedule()).observe(this, { attributes: true });
  }

  connectedCallback() {
    elements.add(this);
    if (!this.frame) this.render();
  }

  disconnectedCallback() {
    elements.delete(this);
  }

  /** The link this element shows. */
  get link() { return elementLink(this.attributes, HERE, location.protocol, document.baseURI); }

  // Several attributes set in a row reload the frame once.
  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      if (this.isConnected) this.render();
    });
  }

  // A new frame (a link that differs only in its hash would not reload the page in it), unless
  // nothing it is made from changed: the parser's own attributes arrive as mutations too.
  render() {
    const made = JSON.stringify([this.link, ...['title', 'loading', 'height'].map((a) => this.getAttribute(a))]);
    if (this.frame && this.made === made) return;
    this.made = made;
    const frame = document.createElement('iframe');
    frame.title = this.getAttribute('title') || 'Backprop Playground';
    frame.loading = this.getAttribute('loading') === 'lazy' ? 'lazy' : 'eager';
    const fixed = fixedHeight(this.getAttribute('height'));
    frame.style.height = fixed ?? FIRST_HEIGHT;
    if (!sheet) Object.assign(frame.style, { display: 'block', width: '100%', border: '0' });
    // With no height given, the page lays itself out at its natural height and reports it.
    if (!fixed) {
      frame.addEventListener('load', () => {
        frame.contentWindow?.postMessage({ type: HOST_MEASURE }, '*');
        this.tellView();
      });
    }
    frame.src = this.link;
    this.frame?.remove();
    this.frame = frame;
    this.root.append(frame);
  }

  // The content's height, reported by the page in the frame.
  fit(height) {
    if (fixedHeight(this.getAttribute('height')) || !Number.isFinite(height) || height < 50 || height > 20000) return;
    this.frame.style.height = `${Math.ceil(height)}px`;
    queueView();
  }

  // How far down the frame the window reaches, for a frame as tall as its content.
  tellView() {
    if (!this.frame || fixedHeight(this.getAttribute('height'))) return;
    const box = this.frame.getBoundingClientRect();
    const bottom = Math.min(Math.max(window.innerHeight - box.top, 0), box.height);
    this.frame.contentWindow?.postMessage({ type: HOST_VIEW, bottom }, '*');
  }
}

if (!customElements.get('backprop-playground')) customElements.define('backprop-playground', BackpropPlayground);
export { BackpropPlayground };
