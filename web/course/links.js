// Links into the course: a chapter, a lesson (its set-up as settings), a task (its set-up), each a
// hash made with state.js's serializeHash, so the settings keys and values are the table's.
import { serializeHash, parseHash } from '../state.js';
import { joinHash, splitHash } from './route.js';

/** The hash of a chapter, optionally with settings to carry along (serializeHash's '#...'). */
export function chapterHash(chapterId, settingsHash = '') {
  return joinHash(chapterId ? { chapter: chapterId } : {}, settingsHash);
}

/** The hash of a lesson: its chapter, its id and its set-up. */
export function lessonHash(chapterId, lesson) {
  return joinHash({ chapter: chapterId, lesson: lesson.id }, serializeHash(lesson.settings));
}

/** The hash of a task: its chapter, its id and its set-up (if it has one). */
export function taskHash(chapterId, task) {
  return joinHash({ chapter: chapterId, task: task.id }, task.setup ? serializeHash(task.setup) : '');
}

/**
 * `hash` with the labs' keys `lab` in place of its own: a lesson's or task's link sets up the
 * playground, and with the labs' keys as they are it leaves the chapter's labs as the learner has them.
 * @param {string} hash
 * @param {Object<string, string>|undefined} lab
 */
export function withLabs(hash, lab) {
  const { route, settings } = splitHash(hash);
  return joinHash({ ...route, lab }, settings);
}

// The page's own settings, which no lesson or task is about: its language and how it shows the run.
const PAGE_KEYS = ['lang', 'speed', 'showTest', 'discretize', 'logScale', 'hide', 'embed'];

/**
 * `hash`, a lesson's or task's link, with the page's own settings as `state` has them where its
 * set-up does not set them: following it sets up the run, not a page in English at one epoch a frame.
 * @param {string} hash
 * @param {object} state the playground's state
 */
export function withPageSettings(hash, state) {
  const { route, settings } = splitHash(hash);
  const setUp = parseHash(settings).state;
  const set = new Set(settings.replace(/^#/, '').split('&').map((part) => part.split('=')[0]));
  for (const key of PAGE_KEYS) if (!set.has(key)) setUp[key] = state[key];
  return joinHash(route, serializeHash(setUp));
}
