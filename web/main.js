// The page's entry: starts the core, then the playground (web/playground/) and the course shell
// (web/course/) around it.
import { createPlayground } from './playground/playground.js';
import { createCourse } from './course/shell.js';
import { splitHash } from './course/route.js';
import { answerHost } from './embed.js';
import { bindThemeSelect } from './theme.js';
import { bindLectureButton } from './lecture.js';
import { loadCatalogue, setLanguage, t } from './i18n/i18n.js';

const $ = (id) => document.getElementById(id);

// The message's "offline/index.html" as a link to that file with this page's hash, so that one click
// opens the same set-up in the copy that works from a file.
function linkOffline(text) {
  const name = 'offline/index.html';
  const at = text.indexOf(name);
  if (at < 0) return [text];
  const link = Object.assign(document.createElement('a'), { href: `${name}${location.hash}`, textContent: name });
  return [text.slice(0, at), link, text.slice(at + name.length)];
}

async function main() {
  const reportHeight = answerHost();  // before the first await: a <backprop-playground> asks as the frame loads
  bindThemeSelect($('theme'));
  bindLectureButton($('lecture'));
  let module;
  // A link in another language: its catalogue comes while the engine starts, so the page opens in it.
  const lang = new URLSearchParams(location.hash.slice(1)).get('lang') ?? 'en';
  const language = loadCatalogue(lang).catch(() => {});
  try {
    [module] = await Promise.all([window.createBackpropCore(), language]);
  } catch (e) {
    await language;
    setLanguage(lang);
    // From file:// the browser will not fetch the engine's .wasm: the one-file copy is made for that.
    $('message-text').replaceChildren(...(location.protocol === 'file:'
      ? linkOffline(t('The engine cannot start from a file: open offline/index.html, beside this page, which works without a server.'))
      : [t('The engine could not start: {reason}', { reason: e.message ?? String(e) })]));
    $('message').className = 'message error';
    $('message').hidden = false;
    // Without the engine no control does anything: they are shown dimmed and take no input.
    for (const part of document.querySelectorAll('.topbar > :not(.masthead), main')) {
      /** @type {HTMLElement} */ (part).inert = true;
      part.classList.add('unusable');
    }
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
