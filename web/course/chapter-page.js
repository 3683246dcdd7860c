// The parts every chapter page is built from: its heading and text (author-written markup with
// MathML), its lesson links, its "Try this" tasks. A chapter composes them with its own widgets.
import { lessonHash, taskHash } from './links.js';
import { renderTasks } from './tasks.js';
import { renderHeading } from './chapter-heading.js';

/**
 * The chapter's heading and explanation. `html` is the chapter's own static markup (paragraphs
 * with <math> elements), never user input.
 */
export function renderIntro(container, { number, title, html }) {
  renderHeading(container, { number, title });
  const text = document.createElement('div');
  text.className = 'chapter-text';
  text.innerHTML = html;
  container.append(text);
  return text;
}

/** The chapter's lessons: one link per lesson (a fresh run of its set-up) with its paragraph. */
export function renderLessons(container, chapterId, lessons, active) {
  if (lessons.length === 0) return;
  const section = document.createElement('section');
  section.className = 'lessons';
  section.dataset.hide = 'lessons';
  const h3 = Object.assign(document.createElement('h3'), { textContent: 'Lessons' });
  const list = document.createElement('ol');
  list.className = 'lesson-list';
  for (const lesson of lessons) {
    const item = document.createElement('li');
    item.id = `lesson-${lesson.id}`;
    if (lesson.id === active) item.classList.add('active');
    const link = Object.assign(document.createElement('a'), { href: lessonHash(chapterId, lesson), textContent: lesson.title });
    link.dataset.lesson = lesson.id;
    item.append(link, Object.assign(document.createElement('p'), { textContent: lesson.text }));
    list.append(item);
  }
  section.append(h3, list);
  container.append(section);
}

/** The chapter's tasks, each with a "Set it up" link when it has a set-up. */
export function renderChapterTasks(container, chapterId, tasks, active) {
  return renderTasks(container, tasks, { linkOf: (t) => (t.setup ? taskHash(chapterId, t) : null), active });
}
