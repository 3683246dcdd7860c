// Links into the course: a chapter, a lesson (its set-up as settings), a task (its set-up), each a
// hash made with state.js's serializeHash, so the settings keys and values are the table's.
import { serializeHash } from '../state.js';
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
