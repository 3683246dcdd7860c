// The message bar under the header: one message at a time, an error, a warning or a note.
import { $ } from './page.js';

export function showMessage(text, kind = 'error') {
  $('message-text').textContent = text;
  $('message').className = `message ${kind}`;
  $('message').hidden = false;
}
export function clearMessage() { $('message').hidden = true; }
