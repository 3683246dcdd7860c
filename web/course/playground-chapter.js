// A chapter that teaches on the playground: its text, its own widgets, its lessons and its tasks,
// with the playground shown under it. The tasks are re-checked after every render of the
// playground (the numbers they read are the core's, as the learner leaves them).
import { renderIntro, renderLessons, renderChapterTasks } from './chapter-page.js';

/**
 * @param {{ id: string, title: string, html: string, lessons?: object[], tasks?: object[],
 *   widgets?: Array<(container: HTMLElement, ctx: object) => (() => void)|void>, widgetTasks?: object[] }} spec
 *   widgets: each draws into the chapter and returns its clean-up; widgetTasks: tasks a widget draws
 *   and checks itself (listed for routing)
 * @returns {{ id, title, playground: true, lessons, tasks, mount(container, ctx), unmount() }}
 */
export function playgroundChapter({ id, title, html, lessons = [], tasks = [], widgets = [], widgetTasks = [] }) {
  let cleanup = [];
  return {
    id, title, playground: true, lessons, tasks: [...tasks, ...widgetTasks],
    mount(container, { module, playground, route, number, lab }) {
      renderIntro(container, { number, title, html });
      for (const widget of widgets) cleanup.push(widget(container, { module, playground, route, lab }));
      renderLessons(container, id, lessons, route.lesson);
      if (tasks.length > 0) {
        const list = renderChapterTasks(container, id, tasks, route.task);
        const check = () => list.update({ engine: playground.engine(), state: playground.state(), history: playground.history() });
        check();
        cleanup.push(playground.onRender(check));
      }
    },
    unmount() {
      for (const f of cleanup) f?.();
      cleanup = [];
    },
  };
}

/** True when two lists hold the same values in the same order. */
export const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
