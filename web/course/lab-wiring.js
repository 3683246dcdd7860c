// The plumbing every lab shares: listeners that go with the lab, and the lab's messages (the
// core's refusals among them, shown rather than thrown), each of which goes with its cause.
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

let mounts = 0;     // bumped as the shell takes a chapter's labs off the page
let succeeded = 0;  // calls through showingRefusals that the core did not refuse

/** The shell calls this as it takes a chapter's labs off the page: their messages go with them. */
export function labsLeft(playground) {
  mounts += 1;
  playground.expireMessage();
}

/** A lab calls this once it has changed (a reset, a step): its message goes now if its cause has. */
export const labChanged = (playground) => playground.expireMessage();

/**
 * Shows a lab's message in the page's message bar. It goes once `gone()` is true (checked at the
 * playground's next render and at labChanged()) or when the lab leaves the page: a message about a
 * lab must not outlive its cause nor stay on another chapter.
 */
export function showLabMessage(playground, text, gone = () => false) {
  const shownIn = mounts;
  playground.showMessage(text, 'error', { until: () => mounts !== shownIn || gone() });
}

/**
 * Runs `f`; an EngineError (a call the core refused, with its reason) becomes a lab message, which
 * goes when `gone()` is true or, by default, once a later call through here is not refused.
 * @returns {boolean} whether `f` ran without a refusal
 */
export function showingRefusals(playground, f, prefix = '', gone = null) {
  try {
    f();
    succeeded += 1;
    labChanged(playground);
    return true;
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const at = succeeded;
    showLabMessage(playground, `${prefix}${e.message}`, gone ?? (() => succeeded !== at));
    return false;
  }
}
