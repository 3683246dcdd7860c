// The message bar under the header: one message at a time, an error, a warning or a note. A message
// may name its source (e.g. 'health'), so a caller can keep it or know what the learner closed.
import { $ } from './page.js';

export function showMessage(text, kind = 'error', { source = '' } = {}) {
  $('message-text').textContent = text;
  $('message').className = `message ${kind}`;
  $('message').dataset.source = source;
  $('message').hidden = false;
}

/** Hides the message, unless it is on show and comes from `keep`. */
export function clearMessage({ keep = null } = {}) {
  if (keep && !$('message').hidden && $('message').dataset.source === keep) return;
  $('message').hidden = true;
}
