// The learner's points kept for this tab (sessionStorage), so that a reload finds them again: a link
// carries at most MAX_LINK_POINTS, and points past that (one drawn on the spiral's 500, an imported
// file of 800) were lost to a reload. Restored, they are the page's own points, which a link naming
// "your data" without points runs on, as after a link followed in the page. Not in an embed: it shows
// what its link carries, as a student's would (and the Share dialog's preview shares the tab).
// Not here: the points themselves (points.js) and reading a link (link-load.js).
import { MAX_CSV_POINTS } from '../csv.js';

const KEY = 'backprop-playground.points';
const PROBLEMS = ['binary', 'multiclass', 'regression'];

/**
 * Keeps the learner's points, in use and kept aside, for the tab. Storage refused or full: the
 * points live on in the page as before, only not across a reload.
 * @param {object|null} custom page.custom
 * @param {object|null} other page.otherCustom
 */
export function storePoints(custom, other) {
  const plain = (c) => c && { xy: Array.from(c.xy), labels: Array.from(c.labels), problem: c.problem, classes: c.classes, inputs: c.inputs };
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ custom: plain(custom), other: plain(other) }));
  } catch { /* refused: kept for the visit only */ }
}

/**
 * The points this tab kept, or nulls when none (or storage refused, or a value that is not points).
 * @returns {{ custom: object|null, other: object|null }}
 */
export function storedPoints() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return { custom: validPoints(kept?.custom), other: validPoints(kept?.other) };
  } catch {
    return { custom: null, other: null };
  }
}

// The points as setCustom takes them, or null for anything else: another version's or a hand-edited value.
function validPoints(c) {
  if (!c || !Array.isArray(c.xy) || !Array.isArray(c.labels) || !PROBLEMS.includes(c.problem)) return null;
  const n = c.labels.length;
  // None (after Clear) is nothing to find again: a reload then falls back as a link without points does.
  if (n === 0 || n > MAX_CSV_POINTS || c.xy.length !== 2 * n || !Number.isInteger(c.classes) || c.classes < 1 || c.classes > 8) return null;
  if (!c.xy.every((v) => typeof v === 'number' && Math.abs(v) <= 6)) return null;
  const label = c.problem === 'regression' ? (y) => Math.abs(y) <= 1 : (y) => Number.isInteger(y) && y >= 0 && y < Math.max(2, c.classes);
  if (!c.labels.every((y) => typeof y === 'number' && label(y))) return null;
  return { xy: c.xy, labels: c.labels, problem: c.problem, classes: c.classes, inputs: c.inputs === 1 ? 1 : 2 };
}
