// The README's settings table, row by row, from the core's settings schema: the key, its values
// (range or names), its default and whether changing it keeps the weights, as Markdown cells.
// Used by settings-schema.test.mjs to check the README; `node tests/wasm/settings-table.mjs`
// prints the generated columns (the README adds a free-text "meaning" column to each row).
import { fileURLToPath } from 'node:url';

import { loadModule } from './load-engine.mjs';
import { settingsSchema } from '../../web/engine.js';

const code = (s) => `\`${s}\``;
const names = (values) => values.map(code).join(', ');
const between = (e) => `${e.min}..${e.max}`;
const interval = (e) => `${e.minOpen ? '(' : '['}${e.min}, ${e.max}${e.maxOpen ? ')' : ']'}`;

/** The generated cells of one schema entry: [key, values, default, keeps weights]. */
export function settingCells(e) {
  const values = {
    number: () => interval(e),
    integer: () => between(e),
    enum: () => names(e.values),
    'integer list': () => `${e.minItems}..${e.maxItems} items, each ${between(e)}`,
    'enum list': () => `${e.minItems}..${e.maxItems} of ${names(e.values)}`,
  }[e.type]();
  const d = e.default;
  const shown = Array.isArray(d) ? code(`[${d.map((v) => (typeof v === 'string' ? `'${v}'` : v)).join(', ')}]`)
    : typeof d === 'string' ? code(d) : String(d);
  return [code(e.key), values, shown, e.keepsWeights ? 'yes' : 'no'];
}

/** The Markdown table's rows for cells from settingCells, each ending with a meaning cell. */
export const row = (cells, meaning = '') => `| ${[...cells, meaning].join(' | ')} |`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const schema = settingsSchema(await loadModule());
  for (const e of schema) console.log(row(settingCells(e), e.label));
}
