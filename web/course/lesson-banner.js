// The active lesson's banner: its title, its text and Close, kept in view while the playground runs
// the lesson. On a small screen (style.css) the sticky banner with its text under the run bar would
// cover up to half of it at every scroll position, so there only its title line stays stuck: the
// text folds away once the learner scrolls on with the banner stuck over the page, and the Text
// button (aria-expanded) shows it again. On a wide screen the button is hidden and the text stays.
import { t } from '../i18n/i18n.js';

// How far the learner scrolls, the banner stuck, before its text folds: a touch that barely moves
// the page leaves it open.
const FOLD_AFTER = 24;  // px

/**
 * @param {HTMLElement} banner the page's #active-lesson
 * @returns {{ show(lesson?: { id: string, title: string, text: string }, close?: HTMLElement): void }}
 *   show: `lesson` in the banner with its `close` link, or no banner without one
 */
export function createLessonBanner(banner) {
  const TEXT_ID = 'active-lesson-text';
  let lessonId = null;
  let folded = false;
  // The banner's height and the scroll position when it was last seen open: a change of height is
  // the browser keeping the page in place as the text unfolded or wrapped again (scroll
  // anchoring), which moves the page but is no scroll of the learner's.
  let seen = { height: 0, y: 0 };
  let toggle = null;

  function fold(on) {
    folded = on;
    banner.classList.toggle('folded', on);
    toggle?.setAttribute('aria-expanded', String(!on));
  }

  function show(lesson, close) {
    banner.hidden = !lesson;
    if (!lesson) {
      banner.replaceChildren();
      lessonId = null;
      return;
    }
    // The same lesson again (another language, back to its link) stays as the learner left it.
    if (lesson.id !== lessonId) fold(false);
    lessonId = lesson.id;
    const title = Object.assign(document.createElement('strong'), { textContent: t('Lesson: {title}', { title: t(lesson.title) }) });
    toggle = Object.assign(document.createElement('button'), { type: 'button', className: 'banner-toggle', textContent: 'Text' });
    toggle.setAttribute('aria-controls', TEXT_ID);
    toggle.addEventListener('click', () => {
      // Seen at the folded height: the next scroll, the browser's, takes the open banner's place.
      seen = { height: banner.offsetHeight, y: scrollY };
      fold(!folded);
    });
    const text = Object.assign(document.createElement('p'), { id: TEXT_ID, className: 'banner-text', textContent: lesson.text });
    banner.replaceChildren(title, toggle, close, text);
    fold(folded);
    seen = { height: banner.offsetHeight, y: scrollY };
  }

  // The banner covers the page when what follows it has scrolled up under it.
  const covers = () => banner.getBoundingClientRect().bottom > (banner.nextElementSibling?.getBoundingClientRect().top ?? Infinity);

  window.addEventListener('scroll', () => {
    // Nothing to fold: no lesson, already folded, or a wide screen (no button, the text stays).
    if (banner.hidden || folded || !toggle?.offsetWidth) return;
    const height = banner.offsetHeight;
    if (height !== seen.height) seen = { height, y: scrollY };
    else if (Math.abs(scrollY - seen.y) > FOLD_AFTER && covers()) fold(true);
  }, { passive: true });

  return { show };
}
