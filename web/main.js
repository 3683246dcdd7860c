// The page's entry: starts the core, then the playground (web/playground/) and the course shell
// (web/course/) around it.
import { createPlayground } from './playground/playground.js';
import { createCourse } from './course/shell.js';
import { splitHash } from './course/route.js';
import { answerHost } from './embed.js';
import { bindThemeSelect } from './theme.js';
import { bindLectureButton } from './lecture.js';
import { loadCatalogue } from './i18n/i18n.js';

const $ = (id) => document.getElementById(id);

async function main() {
  const reportHeight = answerHost();  // before the first await: a <backprop-playground> asks as the frame loads
  bindThemeSelect($('theme'));
  bindLectureButton($('lecture'));
  let module;
  // A link in another language: its catalogue comes while the engine starts, so the page opens in it.
  const language = loadCatalogue(new URLSearchParams(location.hash.slice(1)).get('lang') ?? 'en').catch(() => {});
  try {
    [module] = await Promise.all([window.createBackpropCore(), language]);
  } catch (e) {
    $('message-text').textContent = `The engine could not start: ${e.message ?? e}`;
    $('message').className = 'message error';
    $('message').hidden = false;
    return;
  }
  let course = null;
  // The playground rewrites the URL as it applies the link, leaving out the course's keys it could
  // not read: the course reads them from the link as it was opened, to say so.
  const openingHash = location.hash;
  // Until the shell exists, the route is the page's first hash.
  const playground = createPlayground(module, { routeHash: () => course?.route ?? splitHash(openingHash).route });
  course = createCourse({ module, playground, nav: $('course-nav'), container: $('chapter'), banner: $('active-lesson') });
  course.start(openingHash);
  document.body.dataset.ready = 'true';
  reportHeight();
}

main();
