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

// The message's "offline/index.html" as a link to that file with this page's hash in `lang`, so that
// one click opens the same set-up, in the language shown, in the copy that works from a file.
function linkOffline(text, lang) {
  const name = 'offline/index.html';
  const at = text.indexOf(name);
  if (at < 0) return [text];
  const keys = location.hash.slice(1).split('&').filter((key) => key && !key.startsWith('lang='));
  const hash = [...keys, ...(lang === 'en' ? [] : [`lang=${lang}`])].join('&');
  const link = Object.assign(document.createElement('a'), { href: `${name}${hash ? `#${hash}` : ''}`, textContent: name });
  return [text.slice(0, at), link, text.slice(at + name.length)];
}

// Without the engine: the message says why, in the link's language, and every control but the
// theme, the language and the lecture hall is dimmed and takes no input.
function showEngineFailure(error, lang) {
  const say = (code) => {
    setLanguage(code);
    // From file:// the browser will not fetch the engine's .wasm: the one-file copy is made for that.
    $('message-text').replaceChildren(...(location.protocol === 'file:'
      ? linkOffline(t('The engine cannot start from a file: open offline/index.html, beside this page, which works without a server.'), code)
      : [t('The engine could not start: {reason}', { reason: error.message ?? String(error) })]));
  };
  say(lang);
  $('message').className = 'message error';
  $('message').hidden = false;
  const menu = /** @type {HTMLSelectElement} */ ($('language'));
  menu.value = lang;
  if (menu.selectedIndex < 0) menu.value = 'en';  // a language the menu does not offer was shown in English
  menu.addEventListener('change', async () => {
    const code = menu.value;
    await loadCatalogue(code).catch(() => {});
    say(code);
  });
  for (const part of document.querySelectorAll('.topbar > :not(.masthead), main')) {
    /** @type {HTMLElement} */ (part).inert = true;
    part.classList.add('unusable');
  }
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
    showEngineFailure(e, lang);
    return;
  }
  let course = null;
  // The playground rewrites the URL as it applies the link, leaving out the course's keys it could
  // not read: the course reads them from the link as it was opened, to say so.
  const openingHash = location.hash;
  // Until the shell exists, the route is the page's first hash.
  const playground = createPlayground(module, { routeHash: () => course?.route ?? splitHash(openingHash).route });
  course = createCourse({ module, playground, nav: $('course-nav'), container: $('chapter'),
    status: $('chapter-status'), banner: $('active-lesson') });
  // Ready once the link's chapter, if any, is shown: its page and labs may have to load first.
  await course.start(openingHash);
  document.body.dataset.ready = 'true';
  reportHeight();
}

main();
