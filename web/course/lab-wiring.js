// The plumbing every lab shares: listeners that go with the lab, and the core's refusals shown as
// messages rather than thrown.
import { EngineError } from '../engine.js';

/**
 * Listeners removed all at once when the lab is: a field edited as the chapter is left still fires
 * "change" on blur, which must not reach the lab's disposed engine objects.
 * @returns {{ on(el: EventTarget, type: string, f: EventListener): void, off(): void }}
 */
export function labListeners() {
  const controller = new AbortController();
  return {
    on: (el, type, f) => el.addEventListener(type, f, { signal: controller.signal }),
    off: () => controller.abort(),
  };
}

/**
 * Runs `f`; an EngineError (a call the core refused, with its reason) becomes a message in the page.
 * @returns {boolean} whether `f` ran without a refusal
 */
export function showingRefusals(playground, f, prefix = '') {
  try {
    f();
    return true;
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    playground.showMessage(`${prefix}${e.message}`);
    return false;
  }
}
