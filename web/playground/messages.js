// The message bar: one message at a time, an error, a warning or a note, shown over the page (it
// never moves the panels). A message may name its source (e.g. 'health'), so a caller can keep it
// or know what the learner closed, and may say when its cause is gone (`until`): it is then cleared
// at the next render, so no message outlives what it is about. A message composed in English by
// the core or the link's reader is shown in the page's language (message-templates.js).
import { $ } from './page.js';
import { translateMessage } from '../message-templates.js';

let until = null;  // () => true once the message on show no longer applies

/**
 * @param {string} text
 * @param {'error'|'warning'|'info'} [kind]
 * @param {{ source?: string, until?: () => boolean }} [options]
 */
export function showMessage(text, kind = 'error', { source = '', until: gone = null } = {}) {
  $('message-text').textContent = translateMessage(text);
  $('message').className = `message ${kind}`;
  $('message').dataset.source = source;
  $('message').hidden = false;
  until = gone;
}

/** Hides the message, unless it is on show and comes from `keep`; with `only`, just a message from `only`. */
export function clearMessage({ keep = null, only = null } = {}) {
  if (keep && !$('message').hidden && $('message').dataset.source === keep) return;
  if (only && $('message').dataset.source !== only) return;
  $('message').hidden = true;
  until = null;
}

/** Called after each render: clears the message whose cause is gone. */
export function expireMessage() {
  if (until && !$('message').hidden && until()) clearMessage();
}
