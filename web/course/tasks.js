// "Try this" tasks: a statement, an optional set-up (settings the task's link loads), and a check
// that reads the core's numbers after the learner acts and says whether the task is met and, if
// not, what is still missing. The checks are pure functions of what the chapter passes them
// (engine numbers, the page's settings), so Node tests can run them against the wasm engine.
// The list's markup and its status lines are here too; when to re-check is the chapter's call.
// A check's texts go through t(): the language in force when it runs (the chapter re-mounts when
// the language changes).
import { t } from '../i18n/i18n.js';
import { formatClauses, formatPercent } from '../views/format.js';
import { SETTINGS, parseHash, serializeHash, settingsDifferences } from '../state.js';
import { datasetProblem } from '../rules.js';
import { APPLIES } from '../playground/applicable.js';

/**
 * @typedef {object} Task
 * @property {string} id            unique within its chapter; the link is #chapter=<c>&task=<id>
 * @property {string} title
 * @property {string} statement     what to do, one or two sentences
 * @property {object} [setup]       settings the task's link loads (a fresh run)
 * @property {(ctx: object) => { met: boolean, missing: string[], note?: string }} check  note: numbers
 *   worth reporting either way (e.g. the accuracies reached), shown after the status
 * @property {boolean} [staysMet]   once met, stays met (through a change of language or a reload): for a
 *   statement that goes on past its goal ("then raise the noise and watch"), whose next step undoes the goal
 */

/**
 * Runs a task's check; a check that throws (e.g. no engine yet) counts as not met.
 * @param {Task} task
 * @param {object} ctx what the chapter's checks read (e.g. { engine, state })
 * @returns {{ met: boolean, missing: string[], note: string }}
 */
export function evaluate(task, ctx) {
  try {
    const r = task.check(ctx);
    return { met: Boolean(r.met), missing: r.met ? [] : r.missing, note: r.note ?? '' };
  } catch (e) {
    return { met: false, missing: [t('cannot check yet ({reason})', { reason: e.message })], note: '' };
  }
}

/**
 * A check from named conditions, all of which must hold: [[holds, 'what is missing'], ...].
 * @returns {{ met: boolean, missing: string[] }}
 */
export function allOf(conditions) {
  const missing = conditions.filter(([holds]) => !holds).map(([, text]) => text);
  return { met: missing.length === 0, missing };
}

/**
 * Whether a computed number is the target up to rounding: the sums that get there are floating point
 * ((−2.9 + 4.9)·3 is 6.000000000000002), and the page shows a few digits, so exact equality would
 * turn down an answer the page shows as right.
 */
export const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Test accuracy as the page shows it: 93.5% (93,5 % in French, with a no-break space). */
export const percent = (x) => formatPercent(x, 1, t('not measured'));

/** A percentage without its decimal when it is a whole one: 95% for 0.95, 95.5% for 0.955. */
export const wholePercent = (x) => percent(x).replace(/[.,]0(\u00a0?%)$/, '$1');

/** The condition "test accuracy of at least `least`" for allOf, from the core's metrics. */
export function testAccuracyAtLeast(metrics, least) {
  const accuracy = metrics.test.accuracy;
  return [accuracy >= least, t('test accuracy of at least {least} (now {now})', { least: wholePercent(least), now: percent(accuracy) })];
}

// Settings a set-up's run does not depend on for what it shows: another draw of the same set-up
// (new weights, new points) is the same experiment.
const SEEDS = ['dataSeed', 'seed'];

/**
 * The condition "the run is the set-up's" for allOf: the playground's state against the settings
 * a task's link loads (its set-up over the defaults), every engine setting but the seeds and those
 * the set-up does not use (Adam's betas under SGD, the classes of two-class data), with what differs.
 * @param {object} state the playground's
 * @param {object} setup the task's
 * @returns {[boolean, string]}
 */
export function keepsSetup(state, setup) {
  const wanted = parseHash(serializeHash(setup)).state;
  const applies = (key) => (key === 'classes' ? datasetProblem(wanted.dataset) === 'multiclass' : APPLIES[key]?.(wanted) ?? true);
  const keys = SETTINGS.filter((e) => e.engine && !SEEDS.includes(e.key) && applies(e.key)).map((e) => e.key);
  const differences = settingsDifferences(wanted, state, keys).map((d) =>
    t('{setting} {b} instead of {a}', { setting: t(d.label), b: d.b || t('none'), a: d.a || t('none') }));
  return [differences.length === 0, t('the set-up\'s settings, which its Set it up link restores ({differences})', { differences: formatClauses(differences) })];
}

// The staysMet tasks met so far, by id. Kept beyond one drawing of the list, since the chapter is
// drawn again when the language changes, and in this tab's sessionStorage, since a reload draws it
// again too (where storage is refused, for the visit only).
const MET_KEY = 'backprop-playground.tasks-met';
const metOnce = new Set(storedMet());

function storedMet() {
  try {
    const met = JSON.parse(sessionStorage.getItem(MET_KEY) ?? '[]');  // the getter itself may throw
    return Array.isArray(met) ? met : [];
  } catch {
    return [];
  }
}

function rememberMet(id) {
  if (metOnce.has(id)) return;
  metOnce.add(id);
  try {
    sessionStorage.setItem(MET_KEY, JSON.stringify([...metOnce]));
  } catch {
    // Storage refused: remembered for this visit only.
  }
}

// The tasks met when the chapter was last drawn, handed to the lists drawn next (carryMet): a change
// of language draws the chapter again, and a lab's run (its steps, its epochs) starts over with it,
// while what the learner did with it still counts. A carried task reads met until it is met by
// itself or the learner acts in its list's container (a click, a typed value, a choice).
let carrying = new Set();

/**
 * The tasks (ids) the lists drawn from now on start met; [] once they are drawn.
 * @param {Iterable<string>} ids
 */
export function carryMet(ids) {
  carrying = new Set(ids);
}

/**
 * Draws the task list into `container`. Each item: title, statement, a "Set up" link when the
 * task has a set-up (linkOf(task)), and a status line that update() fills. The status lines are
 * not live regions: a chapter re-checks its tasks at every render, and a status quoting the epoch
 * or a loss would be read out at every epoch while training. One quiet region under the list says
 * instead when a task becomes met, the news a learner waits for.
 * @param {HTMLElement} container
 * @param {Task[]} tasks
 * @param {{ linkOf?: (task: Task) => string|null, active?: string }} options
 * @returns {{ update(ctx: object): Map<string, { met: boolean, missing: string[] }> }}
 */
export function renderTasks(container, tasks, { linkOf = () => null, active } = {}) {
  const section = document.createElement('section');
  section.className = 'tasks';
  const heading = Object.assign(document.createElement('h3'), { textContent: 'Try this' });
  const list = document.createElement('ol');
  list.className = 'task-list';
  const statusOf = new Map();
  for (const task of tasks) {
    const item = document.createElement('li');
    item.className = 'task';
    item.id = `task-${task.id}`;
    item.dataset.task = task.id;
    if (task.id === active) item.classList.add('active');
    const title = Object.assign(document.createElement('strong'), { textContent: task.title });
    const text = Object.assign(document.createElement('p'), { textContent: task.statement });
    item.append(title, text);
    const link = linkOf(task);
    if (link) {
      const a = Object.assign(document.createElement('a'), { href: link, textContent: 'Set it up', className: 'task-link' });
      a.dataset.taskLink = task.id;
      text.append(' ', a);
    }
    const status = document.createElement('p');
    status.className = 'task-status';
    item.append(status);
    statusOf.set(task.id, status);
    list.append(item);
  }
  const announcement = Object.assign(document.createElement('p'), { className: 'visually-hidden task-announcement' });
  announcement.setAttribute('role', 'status');
  section.append(heading, list, announcement);
  container.append(section);
  const carried = new Set(tasks.map((task) => task.id).filter((id) => carrying.has(id)));
  if (carried.size > 0) {
    // Captured: the lab's own handler, on the control itself, re-checks before a bubbling one would run.
    // A control, not any click: a tap on the text to read it changes nothing.
    const acted = (e) => { if (e.target instanceof Element && e.target.closest('button, input, select, textarea, a')) carried.clear(); };
    for (const type of ['click', 'input', 'change']) container.addEventListener(type, acted, { capture: true });
  }
  // Each task's state at the last update; none before the first, which only draws the list.
  const wasMet = new Map();

  return {
    update(ctx) {
      const results = new Map();
      const metNow = [];
      for (const task of tasks) {
        const now = evaluate(task, ctx);
        if (now.met && task.staysMet) rememberMet(task.id);
        if (now.met) carried.delete(task.id);
        const r = metOnce.has(task.id) || carried.has(task.id) ? { ...now, met: true, missing: [] } : now;
        results.set(task.id, r);
        const status = statusOf.get(task.id);
        const text = (r.met ? t('Done: the task is met.') : t('Not yet: {missing}.', { missing: r.missing.join(t('; ')) })) + (r.note ? ` ${r.note}` : '');
        if (status.textContent !== text) status.textContent = text;
        status.dataset.met = String(r.met);
        status.closest('li').classList.toggle('met', r.met);
        if (r.met && wasMet.get(task.id) === false) metNow.push(t('Task met: {title}.', { title: t(task.title) }));
        wasMet.set(task.id, r.met);
      }
      if (metNow.length > 0) announcement.textContent = metNow.join(' ');
      return results;
    },
  };
}
