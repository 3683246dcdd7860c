// The course shell: the chapter menu, routing by the URL hash (#chapter=..., &lesson=..., &task=...,
// beside the playground's settings keys), mounting one chapter at a time, and the banner that keeps
// the active lesson's text in view. Back and forward work through hashchange. The shell owns the
// page chrome; chapters own their content; the playground is the default route. The chapters' pages
// and labs load when one is first opened (chapter-loader.js): until then its place shows it busy.
import { serializeHash } from '../state.js';
import { splitHash, joinHash } from './route.js';
import { CHAPTER_LIST, chapterInfo } from './chapter-list.js';
import { loadChapters, loadedChapters, OutdatedPage } from './chapter-loader.js';
import { linkProblems } from './lab-state.js';
import { labsLeft } from './lab-wiring.js';
import { withLabs, withPageSettings } from './links.js';
import { createLessonBanner } from './lesson-banner.js';
import { holdLabHeights, keepInView } from './first-numbers.js';
import { renderHeading } from './chapter-heading.js';
import { carryMet } from './tasks.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

const BRAND = 'Backprop Playground';

/**
 * @param {{ module: object, playground: object, nav: HTMLElement, container: HTMLElement,
 *   status: HTMLElement, banner: HTMLElement }} deps playground: createPlayground()'s API; status: a
 *   live region outside the container, which is aria-busy while a chapter loads (a screen reader
 *   holds back what a busy region says, and may not read a status added with its text)
 * @returns {{ route: import('./route.js').Route, start(openingHash?: string): Promise<void> }}
 */
export function createCourse({ module, playground, nav, container, status: loadingStatus, banner }) {
  const shell = { route: splitHash(location.hash).route, start };
  let mounted = null;      // the chapter module shown
  let mountedKey = '';     // its route, so an unchanged route is not re-mounted
  let stopKeeping = () => {};  // stops keeping the last link's task or lab in view (first-numbers.js)

  // Moving between chapters keeps the playground as the learner left it (its settings, the
  // language) and each chapter's labs as they were when it was left (labsOf): a chapter's link
  // carries them, written again as it is pointed at or focused, so a copied link or one opened in a
  // new tab carries them too.
  const labsOf = new Map();  // chapter id → its labs' keys (route.lab) as last shown
  const chapterHash = (id) => joinHash(id ? { chapter: id, lab: labsOf.get(id) } : {}, serializeHash(playground.state())) || '#';
  const chapterLink = (id, onFollow = () => {}) => {
    const a = Object.assign(document.createElement('a'), { href: chapterHash(id) });
    const refresh = () => { a.href = chapterHash(id); };
    a.addEventListener('pointerenter', refresh);
    a.addEventListener('focus', refresh);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      onFollow();
      location.hash = chapterHash(id);
    });
    return a;
  };

  // ---- the menu ----
  const menu = document.createElement('details');
  menu.className = 'course-menu';
  const summary = document.createElement('summary');
  summary.innerHTML = '<span class="course-menu-label">Chapters</span> <span id="course-current" class="course-current"></span>';
  const list = document.createElement('ol');
  list.className = 'course-list';
  const entries = [{ id: null, title: 'Playground' }, ...CHAPTER_LIST];
  entries.forEach((c, i) => {
    const item = document.createElement('li');
    const link = chapterLink(c.id, () => closeMenu({ toContent: Boolean(c.id) && link.getAttribute('aria-current') !== 'page' }));
    link.dataset.chapterLink = c.id ?? 'playground';
    // The title its own text node: the language changes it as a whole message.
    if (c.id) link.append(`${i}. `, c.title);
    else link.textContent = 'Playground (free)';
    item.append(link);
    list.append(item);
  });
  menu.append(summary, list);
  nav.append(menu);
  // Opened, the menu fetches the chapters ahead of a choice, so that the chosen one shows at once; a
  // failure here says nothing (loadChapters tries again when a chapter is chosen, and says so then).
  menu.addEventListener('toggle', () => { if (menu.open) loadChapters().catch(() => {}); });
  // Closed, the menu's links are hidden: focus that was on one goes back to its summary, not to
  // the page's start; or, another chapter chosen (toContent), on to its heading, as the chapters'
  // next and previous links take it (show() puts it there once the chapter is shown: meanwhile it
  // rests on the page, not on a summary that would keep it in the header).
  function closeMenu({ toContent = false } = {}) {
    if (menu.contains(document.activeElement)) {
      if (toContent) /** @type {HTMLElement} */ (document.activeElement).blur();
      else summary.focus();
    }
    menu.open = false;
  }
  // The open menu covers the header's controls and the output: a click or focus elsewhere, or
  // Escape, closes it.
  document.addEventListener('click', (e) => { if (menu.open && !menu.contains(/** @type {Node} */ (e.target))) menu.open = false; });
  menu.addEventListener('focusout', (e) => {
    const to = /** @type {Node | null} */ (e.relatedTarget);
    if (menu.open && to && !menu.contains(to)) menu.open = false;
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !menu.open) return;
    e.preventDefault();
    closeMenu();
  });

  // ---- routing ----
  // What a mounted chapter shows: re-mounted when any of it changes. Not the lesson or task: their
  // links set up the playground, and the labs keep what the learner did in them.
  const keyOf = (chapter, route) => JSON.stringify([chapter?.id, route.widget, route.lab ?? {}]);
  // A lesson's or task's link: its set-up, with the labs' keys as they are and the page's own
  // settings (the language, how it shows the run), written again as it is pointed at, focused or
  // followed.
  const SET_UP_LINKS = 'a[data-lesson], a[data-task-link]';
  const setUpOf = new WeakMap();  // link → the set-up's hash it was made with
  function refreshSetUpLink(a) {
    if (!setUpOf.has(a)) setUpOf.set(a, a.getAttribute('href'));
    a.setAttribute('href', withPageSettings(withLabs(setUpOf.get(a), shell.route.lab), playground.state()));
  }
  for (const type of ['pointerover', 'focusin']) {
    container.addEventListener(type, (e) => {
      const a = /** @type {Element} */ (e.target).closest(SET_UP_LINKS);
      if (a) refreshSetUpLink(a);
    });
  }
  // The labs' keys changed (a lab saved, a mount read them): remembered for the chapter's links, and
  // carried by its lesson and task links.
  function labsChanged() {
    if (!mounted) return;
    labsOf.set(mounted.id, shell.route.lab);
    for (const a of container.querySelectorAll(SET_UP_LINKS)) refreshSetUpLink(a);
  }
  // The labs' settings in the URL (route.js: prefix.name=value), for web/course/lab-state.js.
  let labsRead = new Set();  // the prefixes the mounted labs read
  let labProblems = [];      // what they could not read, said with the route's own problems
  let labRefused = [];       // the keys of those values (prefix.name), which leave the link
  // Values typed into the labs that their link cannot hold (lab-state.js), by prefix: the chapter
  // shown again in another language puts them back, where its link alone would lose them.
  let unlinked = new Map();
  // What the labs show beyond their fields (an answer asked for, a preset's note), by prefix: not in
  // the link, but kept as the values typed are when the chapter is shown again in another language.
  let shownByLab = new Map();
  const lab = {
    values(prefix) {
      labsRead.add(prefix);
      const start = `${prefix}.`;
      return Object.fromEntries(Object.entries(shell.route.lab ?? {}).filter(([k]) => k.startsWith(start)).map(([k, v]) => [k.slice(start.length), v]));
    },
    save(prefix, values, typed = {}) {
      if (Object.keys(typed).length > 0) unlinked.set(prefix, typed);
      else unlinked.delete(prefix);
      const entries = Object.entries(shell.route.lab ?? {}).filter(([k]) => !k.startsWith(`${prefix}.`));
      for (const [name, v] of Object.entries(values)) entries.push([`${prefix}.${name}`, String(v)]);
      const { lab: _, ...route } = shell.route;
      shell.route = entries.length ? { ...route, lab: Object.fromEntries(entries) } : route;
      mountedKey = keyOf(mounted, shell.route);
      writeUrl();
      labsChanged();
    },
    report(problems, keys = []) {
      labProblems.push(...problems);
      labRefused.push(...keys);
    },
    unlinked: (prefix) => unlinked.get(prefix) ?? {},
    keep(prefix, shown) { shownByLab.set(prefix, shown); },
    kept: (prefix) => shownByLab.get(prefix) ?? {},
  };

  /**
   * @param {import('./route.js').Route} route
   * @param {{ keepTyped?: boolean }} [options] keepTyped: the same chapter again, its labs as typed
   */
  function show(route, { keepTyped = false } = {}) {
    const info = route.chapter ? chapterInfo(route.chapter) : undefined;
    const chapter = info ? loadedChapters().chapterById(info.id) : null;
    const problems = [];
    // What the link had that the page does not take leaves it, said: it would travel on for good, in
    // the URL and in Share links. route: chapter, lesson, task, widget; lab: prefix.name.
    const refused = { route: [], lab: [] };
    if (route.chapter && !chapter) {
      problems.push(t('there is no chapter \'{chapter}\'; showing the playground', { chapter: route.chapter }));
      refused.route.push('chapter', 'lesson', 'task', 'widget');
    }
    // A lab, lesson or task names no chapter of its own (an element's widget="descent-lab" without
    // chapter=): said and dropped, as is an embed of a chapter's part, which would be a blank frame.
    if (!route.chapter) {
      for (const key of ['lesson', 'task', 'widget']) {
        if (!route[key]) continue;
        problems.push(t('{key} \'{id}\' belongs to a chapter the link does not name (chapter=…); ignored', { key, id: route[key] }));
        refused.route.push(key);
      }
      const embed = playground.state().embed;
      if (embed.includes('chapter') || embed.includes('lab')) {
        problems.push(t('embed={parts} shows a chapter\'s part, but the link names no chapter (chapter=…)', { parts: embed.join(',') }));
      }
    }
    if (chapter && route.lesson && !chapter.lessons.some((l) => l.id === route.lesson)) {
      problems.push(t('chapter \'{chapter}\' has no lesson \'{lesson}\'', { chapter: chapter.id, lesson: route.lesson }));
      refused.route.push('lesson');
    }
    if (chapter && route.task && !chapter.tasks.some((task) => task.id === route.task)) {
      problems.push(t('chapter \'{chapter}\' has no task \'{task}\'', { chapter: chapter.id, task: route.task }));
      refused.route.push('task');
    }
    const key = keyOf(chapter, route);
    const remount = key !== mountedKey;
    // Another chapter than the one shown (not the page's first, nor the same one in another language).
    const arrived = mountedKey !== '' && chapter !== mounted;
    // Its place showed it loading from its top already (showPending): the learner may have scrolled on since.
    const scrolledWhilePending = mountedKey === 'pending';
    // Focus on the loading place's heading (Try again pressed) goes on to the chapter's.
    const focusInPending = container.contains(document.activeElement) && container.querySelector('.chapter-pending') !== null;
    if (remount) {
      mounted?.unmount();
      container.replaceChildren();
      labsLeft(playground);
      mounted = chapter;
      mountedKey = key;
      labsRead = new Set();
      labProblems = [];
      labRefused = [];
      if (!keepTyped) {
        unlinked = new Map();
        shownByLab = new Map();
      }
      if (chapter) {
        const number = CHAPTER_LIST.indexOf(info) + 1;
        chapter.mount(container, { module, playground, route, number, lab });
        container.append(chapterLinks(number));
      }
      // Keys no lab here reads are named and leave the link, as the values the labs refused do.
      const unread = Object.keys(route.lab ?? {}).filter((k) => !labsRead.has(k.split('.')[0]));
      for (const k of unread) labProblems.push(chapter ? t('no lab in this chapter reads {key}', { key: k }) : t('no lab on the playground reads {key}', { key: k }));
      refused.lab.push(...unread, ...labRefused);
      problems.push(...labProblems);
    }
    for (const item of container.querySelectorAll('.lesson-list > li, .task-list > li')) {
      item.classList.toggle('active', item.id === `lesson-${route.lesson}` || item.id === `task-${route.task}`);
    }
    // widget=: that lab in view; in an embed of the labs, the only one shown.
    const widgets = [...container.querySelectorAll(':scope > .widget')];
    const widget = route.widget && widgets.find((w) => w.id === route.widget);
    if (chapter && route.widget && !widget) {
      problems.push(t('chapter \'{chapter}\' has no lab \'{lab}\'', { chapter: chapter.id, lab: route.widget }));
      refused.route.push('widget');
    }
    forget(refused);
    // Once the refused keys are out: the chapter's links carry only what its labs took, and so do
    // not say it again.
    if (remount) labsChanged();
    for (const w of widgets) w.classList.toggle('widget-other', Boolean(widget) && w !== widget);
    container.hidden = !chapter;
    container.removeAttribute('aria-busy');
    loadingStatus.textContent = '';
    document.body.dataset.chapter = chapter ? chapter.id : 'playground';
    document.body.classList.toggle('no-playground', Boolean(chapter && !chapter.playground));
    markCurrent(chapter ? info : null);
    showBanner(chapter?.lessons.find((l) => l.id === route.lesson));
    // A task's link brings its box into view (on a phone it lies below the chapter's text), again
    // after the set-up's render, which re-checks the tasks above it: their statuses may grow.
    // Both again once the labs computing their first numbers in slices have them.
    stopKeeping();
    const box = chapter && route.task ? document.getElementById(`task-${route.task}`) : null;
    if (box) {
      box.scrollIntoView({ block: 'nearest' });
      requestAnimationFrame(() => box.scrollIntoView({ block: 'nearest' }));
      stopKeeping = keepInView(container, box, 'nearest');
    }
    else if (widget) {
      widget.scrollIntoView({ block: 'start' });
      stopKeeping = keepInView(container, widget, 'start');
    }
    // Another chapter is read from its top, as a lesson is. Focus on the link followed, now gone (the
    // chapter's next or previous), moves to the heading: the next Tab goes on from there.
    else if (arrived) {
      if (!scrolledWhilePending) window.scrollTo({ top: 0 });
      if (!document.activeElement || document.activeElement === document.body) document.getElementById('chapter-title')?.focus({ preventScroll: true });
    }
    if (focusInPending && document.activeElement === document.body) document.getElementById('chapter-title')?.focus({ preventScroll: true });
    return problems;
  }

  // The header's and the tab's title, and the menu's current entry: the chapter `info` or the playground.
  function markCurrent(info) {
    document.title = info ? `${t(info.title)} · ${BRAND}` : BRAND;
    document.getElementById('course-current').textContent = info ? info.title : 'Playground';
    for (const a of list.querySelectorAll('a')) {
      if (a.dataset.chapterLink === (info?.id ?? 'playground')) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  // A chapter opened before the chapters have come shows its place busy until they have, then
  // itself; if they cannot come, a message with a button to try again. The route, in the URL, and
  // the playground stay as they are meanwhile: nothing the learner set is lost, and the playground
  // works on. `then` shows the route once the chapters are there; the promise settles once shown
  // or said not to load.
  let asked = 0;  // counts the routes shown: a load that ends after another route was asked for shows nothing
  function whenLoaded(route, then) {
    const ticket = ++asked;
    const info = route.chapter ? chapterInfo(route.chapter) : undefined;
    if (!info || loadedChapters()) {
      then();
      return Promise.resolve();
    }
    showPending(info, 'loading');
    return loadChapters().then(
      () => { if (ticket === asked) then(); },
      (e) => {
        if (ticket !== asked) return;
        if (e instanceof OutdatedPage) showPending(info, 'outdated', () => { location.reload(); });
        else showPending(info, 'failed', () => { whenLoaded(shell.route, then); });
      });
  }

  // The chapter's place while its page cannot be shown: its heading, then that it is loading
  // (aria-busy, as a lab computing its first numbers is), could not load, with `retry`, or is of a
  // newer version of the site than this page, with `retry` reloading it.
  // No chapter is mounted yet: none can be before the chapters have come.
  function showPending(info, state, retry = () => {}) {
    // Whatever comes next is shown anew; the chapter, once it comes, as arriving from the page shown
    // before. Arriving, the place is read from its top now, as a chapter shown at once is (show).
    if (mountedKey !== '' && mountedKey !== 'pending') window.scrollTo({ top: 0 });
    if (mountedKey !== '') mountedKey = 'pending';
    const number = CHAPTER_LIST.indexOf(info) + 1;
    // Focus in the place (Try again pressed) stays there, not lost to the page's start.
    const hadFocus = container.contains(document.activeElement);
    container.replaceChildren();
    renderHeading(container, { number, title: info.title });
    const status = Object.assign(document.createElement('div'), { className: 'chapter-pending' });
    if (state === 'loading') {
      status.append(Object.assign(document.createElement('p'), { textContent: t('Loading the chapter…') }));
      container.setAttribute('aria-busy', 'true');
      loadingStatus.textContent = t('Loading the chapter…');
    }
    else {
      status.setAttribute('role', 'alert');
      const outdated = state === 'outdated';
      const again = Object.assign(document.createElement('button'), { type: 'button',
        textContent: outdated ? t('Reload the page') : t('Try again') });
      again.addEventListener('click', retry);
      status.append(Object.assign(document.createElement('p'), { className: 'act-error',
        textContent: outdated
          ? t('The site has been updated since this page was opened. Reload the page to open the chapter: the link keeps your settings, but training starts again.')
          : t('This chapter could not be loaded. Check the connection, then try again; the playground works meanwhile.') }), again);
      container.removeAttribute('aria-busy');
      loadingStatus.textContent = '';
    }
    container.append(status);
    if (hadFocus) /** @type {HTMLElement} */ (status.querySelector('button') ?? container.querySelector('#chapter-title')).focus({ preventScroll: true });
    container.hidden = false;
    // The page laid out for the chapter already (the playground under it or not): it does not jump when it comes.
    document.body.dataset.chapter = info.id;
    document.body.classList.toggle('no-playground', !info.playground);
    markCurrent(info);
    writeUrl();  // the entry is shown (Back and Forward tell it apart from a new link), with the route as it came
  }

  // Takes out of the route, and so out of the URL, the keys the page refused.
  function forget({ route: routeKeys, lab: labKeys }) {
    const { lab: labs = {}, ...rest } = shell.route;
    const kept = Object.entries(labs).filter(([k]) => !labKeys.includes(k));
    if (!routeKeys.some((k) => rest[k] !== undefined) && kept.length === Object.keys(labs).length) return;
    for (const k of routeKeys) delete rest[k];
    shell.route = kept.length ? { ...rest, lab: Object.fromEntries(kept) } : rest;
    mountedKey = keyOf(mounted, shell.route);
    writeUrl();
  }

  // The state of every entry the page has shown (writeUrl). A link followed or a hash typed makes an
  // entry without it: Back or Forward to a shown entry is told apart from a new link (onHashChange).
  const SHOWN = { shown: true };
  const wasShown = () => history.state?.shown === true;
  // The current entry's URL says what is shown: the route and the playground's settings as they are.
  function writeUrl() {
    history.replaceState(SHOWN, '', joinHash(shell.route, serializeHash(playground.state())) || location.pathname + location.search);
    playground.urlChanged();  // the links made from the URL follow it
  }

  // Previous and next chapter, at the end of each chapter.
  function chapterLinks(number) {
    const navLinks = document.createElement('nav');
    navLinks.className = 'chapter-nav';
    navLinks.setAttribute('aria-label', 'Previous and next chapter');
    const prev = CHAPTER_LIST[number - 2], next = CHAPTER_LIST[number];
    /** @type {[import('./chapter-list.js').ChapterInfo, (title: string) => string[]][]} */
    const sides = [[prev, (title) => ['← ', title]], [next, (title) => [title, ' →']]];
    for (const [c, text] of sides) {
      if (!c) { navLinks.append(document.createElement('span')); continue; }
      // The title its own text node: the language translates it as a whole message.
      const a = chapterLink(c.id);
      a.append(...text(c.title));
      navLinks.append(a);
    }
    return navLinks;
  }

  // The active lesson stays in view while the playground runs it.
  const lessonBanner = createLessonBanner(banner);
  function showBanner(lesson) {
    if (!lesson) { lessonBanner.show(); return; }
    // Closing the lesson leaves the playground and the labs as they are.
    const closeHash = () => joinHash({ chapter: shell.route.chapter, lab: shell.route.lab }, serializeHash(playground.state()));
    const close = Object.assign(document.createElement('a'), { href: closeHash(), textContent: 'Close' });
    close.className = 'banner-close';
    close.addEventListener('click', (e) => {
      e.preventDefault();
      location.hash = closeHash();
    });
    lessonBanner.show(lesson, close);
  }

  function onHashChange() {
    // A new link clears the last one's warning, though it may load no settings; other messages stay.
    playground.clearMessage({ only: 'link' });
    const previous = shell.route;
    const { route, settings, errors } = splitHash(location.hash);
    shell.route = route;
    // Back or Forward to an entry the page has shown moves the course only: the playground stays as
    // the learner left it (its settings, the language, the run), as the chapter links keep it, and
    // the entry's URL is written again to say so. A new entry brings its own: a lesson or task link
    // always starts a fresh run of its set-up; other links load their settings when they differ
    // from the page's.
    const traversal = wasShown();
    const lessonOrTask = !traversal && Boolean(route.lesson || route.task) &&
      (route.lesson !== previous.lesson || route.task !== previous.task || settings !== serializeHash(playground.state()));
    if (lessonOrTask) {
      playground.loadFromHash({ fresh: true });
      window.scrollTo({ top: 0 });  // the set-up starts at the top: run buttons, then the chapter, then the playground
    }
    else if (!traversal && settings !== serializeHash(playground.state())) playground.loadFromHash();
    whenLoaded(route, () => {
      const problems = [...errors, ...show(shell.route)];
      writeUrl();
      if (problems.length) playground.showMessage(linkProblems(problems), 'warning', { source: 'link' });
    });
  }

  // A click on the link of the lesson or task already shown starts it again (the hash does not change,
  // or changes only in the labs' own keys, which the link leaves out).
  const withoutLabs = (hash) => {
    const { route, settings } = splitHash(hash);
    return joinHash({ chapter: route.chapter, lesson: route.lesson, task: route.task }, settings);
  };
  container.addEventListener('click', (e) => {
    const a = /** @type {Element} */ (e.target).closest(SET_UP_LINKS);
    if (!a) return;
    refreshSetUpLink(a);
    if (withoutLabs(a.getAttribute('href')) === withoutLabs(location.hash)) {
      playground.loadFromHash({ fresh: true });
      window.scrollTo({ top: 0 });
    }
  });

  /**
   * @param {string} [openingHash] the link the page was opened with, before the playground rewrote it
   * @returns {Promise<void>} settles once the page's first route is shown (or said not to load)
   */
  function start(openingHash = location.hash) {
    const { errors } = splitHash(openingHash);
    const shown = whenLoaded(shell.route, () => {
      const problems = [...errors, ...show(shell.route)];
      if (problems.length) playground.showMessage(linkProblems(problems), 'warning', { source: 'link' });
      writeUrl();
    });
    window.addEventListener('hashchange', onHashChange);
    // A chapter composes some of its texts (a task's status, a lab's readings) in the language in
    // force: it is mounted again in the new one. Its labs' settings are in the link, so they stay,
    // and so do the values typed that the link could not hold.
    onLanguageChange(() => {
      whenLoaded(shell.route, () => {
        mountedKey = '';
        const hold = holdLabHeights(container);
        // The labs start their runs over; the tasks the learner met with them stay met.
        carryMet([...container.querySelectorAll('.task-list > li.met')].map((item) => /** @type {HTMLElement} */ (item).dataset.task));
        const problems = show(shell.route, { keepTyped: true });
        carryMet([]);
        hold();
        if (problems.length) playground.showMessage(linkProblems(problems), 'warning', { source: 'link' });
      });
    });
    return shown;
  }

  return shell;
}
