// The page's languages (web/i18n/): the French catalogue holds every text of the page's shell
// (index.html's texts and titles, the menus' values, the course menu's chapter titles) and nothing
// the page no longer says; messages take parameters and contexts; the pseudo-locale lengthens and
// marks every message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import FR, { PARTS } from '../../web/i18n/fr.js';
import { t, tn, inContext, pseudoText } from '../../web/i18n/i18n.js';
import { VALUE_LABELS } from '../../web/views/names.js';
import { CHAPTER_LIST } from '../../web/course/chapter-list.js';
import { ROOT } from '../wasm/load-engine.mjs';

const WEB = path.join(ROOT, 'web');
const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
const entities = (s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'');
const normal = (s) => entities(s).replace(/\s+/g, ' ').trim();
// Texts with no words (numbers, symbols) and the languages' own names are not messages.
const NOT_MESSAGES = new Set(['English', 'Français']);
const isText = (s) => /[A-Za-z]{2}/.test(s) && !NOT_MESSAGES.has(s);

// index.html's texts and its title, aria-label and placeholder attributes (scripts, styles, SVG and
// MathML left out).
function pageTexts() {
  const body = html.replace(/<(script|style|svg|math)\b[\s\S]*?<\/\1>/g, '');
  const texts = [...body.matchAll(/>([^<>]+)</g)].map((m) => normal(m[1]));
  const attributes = [...body.matchAll(/\s(?:title|aria-label|placeholder)="([^"]*)"/g)].map((m) => normal(m[1]));
  return [...new Set([...texts, ...attributes])].filter(isText);
}

test('every text of the page\'s shell is in the French catalogue', () => {
  const texts = pageTexts();
  assert.ok(texts.length > 120, `${texts.length} texts`);
  // The step mode's options are values: in the catalogue under the context 'value'.
  const missing = texts.filter((s) => !Object.hasOwn(FR, s) && !Object.hasOwn(FR, inContext('value', s)));
  assert.deepEqual(missing, []);
  for (const label of Object.values(VALUE_LABELS)) assert.ok(Object.hasOwn(FR, inContext('value', label)), `the value ${label}`);
  for (const c of CHAPTER_LIST) assert.ok(Object.hasOwn(FR, c.title), `the chapter ${c.title}`);
});

// Every t('…') and tn('…', '…') in web/ with literal messages: [message, context or undefined].
function codeMessages() {
  const found = [];
  const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
  const unquote = (s) => s.replace(/\\(.)/g, '$1');
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory() && d.name !== 'wasm' && d.name !== 'i18n') { walk(file); continue; }
      if (!d.name.endsWith('.js')) continue;
      const code = fs.readFileSync(file, 'utf8');
      for (const m of code.matchAll(new RegExp(String.raw`\bt\(\s*${literal}(?:\s*,\s*(?:[^,()]|\([^()]*\))*,\s*${literal})?`, 'g'))) {
        found.push([unquote(m[1]), m[2] === undefined ? undefined : unquote(m[2]), path.relative(WEB, file)]);
      }
      for (const m of code.matchAll(new RegExp(String.raw`\btn\(\s*${literal}\s*,\s*${literal}`, 'g'))) {
        found.push([unquote(m[1]), undefined, path.relative(WEB, file)], [unquote(m[2]), undefined, path.relative(WEB, file)]);
      }
    }
  };
  walk(WEB);
  return found;
}

test('every message the code composes with t() or tn() is in the French catalogue', () => {
  const messages = codeMessages();
  assert.ok(messages.length > 20, `${messages.length} messages`);
  const missing = messages.filter(([msg, context]) => !Object.hasOwn(FR, msg) && !(context && Object.hasOwn(FR, inContext(context, msg))))
    .map(([msg, , file]) => `${file}: ${msg}`);
  assert.deepEqual(missing, []);
  // The scan reads escaped quotes, and both of tn()'s messages.
  const read = messages.map(([msg]) => msg);
  assert.ok(read.includes('there is no chapter \'{chapter}\'; showing the playground'));
  assert.ok(read.includes('{n} neuron') && read.includes('{n} neurons'));
});

test('one English message has one French text across the catalogue\'s parts', () => {
  const seen = new Map();
  const clashes = [];
  for (const [part, entries] of Object.entries(PARTS)) {
    for (const [key, value] of Object.entries(entries)) {
      const before = seen.get(key);
      if (before && before.value !== value) clashes.push(`${key}: '${before.value}' (${before.part}) / '${value}' (${part})`);
      seen.set(key, { part, value });
    }
  }
  assert.deepEqual(clashes, [], 'a second meaning takes a context (inContext)');
});

test('the French course calls the playground the bac à sable wherever the English names it, as its menus and links do', () => {
  const named = Object.entries(FR).filter(([en]) => /playground/i.test(en.replaceAll('Backprop Playground', '')));
  assert.ok(named.length > 20, `${named.length} messages`);
  assert.deepEqual(named.filter(([, fr]) => !/bac à sable/i.test(fr)).map(([en]) => en), []);
});

// French puts a no-break space (U+00A0) before the percent sign, as Intl.NumberFormat('fr') does and as
// formatPercent writes the page's own numbers (the readouts, tested end to end).
test('the French catalogue writes every percentage with a no-break space before the sign', () => {
  const percentages = Object.values(FR).flatMap((fr) => [...fr.matchAll(/[\d}]\s*%/g)].map((m) => m[0]));
  assert.ok(percentages.length > 10, `${percentages.length} percentages`);
  assert.deepEqual(percentages.filter((p) => !/^.\u00a0%$/.test(p)), []);
  assert.equal(new Intl.NumberFormat('fr', { style: 'percent' }).format(0.95), '95\u00a0%');
});

test('the catalogue holds nothing the page no longer says: each message is in its source', () => {
  const sources = [];
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory() && d.name !== 'wasm' && d.name !== 'i18n') walk(file);
      else if (/\.(js|html|cpp)$/.test(d.name)) sources.push(fs.readFileSync(file, 'utf8'));
    }
  };
  walk(WEB);
  walk(path.join(ROOT, 'core'));  // texts the core writes and the page shows (e.g. activation formulas)
  // A message written as 'one literal ' + 'after another' reads as one.
  const source = entities(sources.join('\n')).replace(/'\s*\+\s*'/g, '').replace(/\\'/g, '\'').replace(/\s+/g, ' ');
  const stale = Object.keys(FR).map((key) => key.split('\u0004').pop()).filter((msg) => !source.includes(msg));
  assert.deepEqual(stale, []);
});

test('French messages: their own text, parameters and contexts; the pseudo-locale marks and lengthens', () => {
  // t() in English (the language in force in Node) is the message itself, parameters filled.
  assert.equal(t('Learning rate'), 'Learning rate');
  assert.equal(t('{n} of {m}', { n: 2, m: 3 }), '2 of 3');
  assert.equal(t('{n} of {m}', { n: 2 }), '2 of {m}', 'a missing parameter stays visible');
  assert.deepEqual([0, 1, 2].map((n) => tn('{n} neuron', '{n} neurons', n)), ['0 neurons', '1 neuron', '2 neurons']);
  assert.equal(FR['{n} neuron'], '{n} neurone', 'French: 0 and 1 take the singular (tn chooses)');
  // One English text, two meanings.
  assert.equal(FR.Step, 'Pas');
  assert.equal(FR[inContext('value', 'Step')], 'Échelon');
  // A hint that says which rate is wanted, not that the rate tried is it.
  assert.equal(FR['not this rate ({rate}): the smallest above 2/20 = 0.1 is the one'], 'pas ce taux ({rate}) : il faut le plus petit au-dessus de 2/20 = 0,1');
  // Every French message is French text, not the English left in place by mistake (names of
  // methods and notation aside).
  const same = Object.entries(FR).filter(([k, v]) => k.split('\u0004').pop() === v).map(([k]) => k.split('\u0004').pop());
  for (const s of same) assert.match(s, /^(Backprop Playground|Auto|Activation|classification|Points|Classes|Momentum|Dropout|Pause|activations|Initialisation|test|validation|Tanh|ReLU|Leaky ReLU|ELU|Softplus|GELU|Swish \(SiLU\)|PReLU|Maxout|Softmax|SGD|Adam)$/, `untranslated: ${s}`);
  // The pseudo-locale: no plain ASCII letter left, at least 40% longer, bracketed.
  for (const msg of ['Learning rate', 'Open in the full playground', 'Epoch']) {
    const p = pseudoText(msg);
    assert.ok(!/[aceinosuyACEINOSUY]/.test(p), p);
    assert.ok(p.length >= 1.4 * msg.length + 2, p);
    assert.match(p, /^⟦.*⟧$/);
  }
  assert.match(pseudoText('Not yet: {missing}.'), /\{missing\}/, 'placeholders are left for t() to fill');
});
