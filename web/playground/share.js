// The Share / embed box: the link to this set-up, the controls to hide from learners, the parts
// to embed and the iframe snippet with its suggested size.
import { SETTINGS, HIDEABLE, MAX_LINK_POINTS, serializeHash } from '../state.js';
import { suggestedSize, iframeSnippet, createPartOptions } from '../embed.js';
import { joinHash } from '../course/route.js';
import { page, $ } from './page.js';
import { showMessage } from './messages.js';

export function shareUrl(hide, embed = []) {
  const state = { ...page.state, hide, embed };
  if (state.dataset === 'custom' && !state.data) {
    showMessage(`Your data has more than ${MAX_LINK_POINTS} points, too many for a link: export it as CSV to share it.`, 'info');
  }
  return `${location.origin}${location.pathname}${joinHash(page.routeHash(), serializeHash(state))}`;
}

export function updateShareLink() {
  const hide = [...document.querySelectorAll('#hide-options input:checked')].map((el) => el.value);
  $('share-url').value = shareUrl(hide);
  $('embed-code').value = iframeSnippet(shareUrl(hide, page.embedParts()),
    Number($('embed-width').value) || 0, Number($('embed-height').value) || 0);
}

// The embed choices of the Share / embed box: which parts, and the iframe's size (suggested
// for the parts chosen, editable).
export function buildEmbedOptions() {
  const fit = () => {
    const { width, height } = suggestedSize(page.embedParts());
    $('embed-width').value = String(width);
    $('embed-height').value = String(height);
  };
  page.embedParts = createPartOptions($('embed-options'), ['controls', 'network', 'output'], () => {
    fit();
    updateShareLink();
  });
  fit();
  for (const id of ['embed-width', 'embed-height']) $(id).addEventListener('input', updateShareLink);
  $('embed-code').addEventListener('focus', (e) => e.target.select());
}

export function buildHideOptions() {
  const container = $('hide-options');
  for (const key of HIDEABLE.filter((k) => k !== 'hide' && k !== 'data')) {
    const label = document.createElement('label');
    label.className = 'check';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: key });
    box.checked = page.state.hide.includes(key);
    box.addEventListener('change', updateShareLink);
    const entry = SETTINGS.find((e) => e.key === key);
    label.append(box, ` ${entry ? entry.label : key.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
    container.append(label);
  }
}

/** Wires the Share / embed button. */
export function wireShare() {
  $('share').addEventListener('click', () => {
    const box = $('share-box');
    box.hidden = !box.hidden;
    $('share').setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) {
      updateShareLink();
      $('share-url').select();
    }
  });
}
