// The Chromium files run in three parts (tests/e2e/chromium-*.test.mjs), each a list of imports:
// every *.e2e.mjs file must be in exactly one, or npm test would skip it or run it twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'e2e');

test('every Chromium file is imported by exactly one part, and every import exists', () => {
  const files = fs.readdirSync(E2E);
  const parts = files.filter((f) => /^chromium-.*\.test\.mjs$/.test(f));
  assert.ok(parts.length >= 2, `parts: ${parts}`);
  const owners = new Map();
  for (const part of parts) {
    const source = fs.readFileSync(path.join(E2E, part), 'utf8');
    for (const [, file] of source.matchAll(/^import '\.\/([^']+)';$/gm)) {
      assert.ok(files.includes(file), `${part} imports ${file}, which does not exist`);
      owners.set(file, [...(owners.get(file) ?? []), part]);
    }
  }
  for (const file of files.filter((f) => f.endsWith('.e2e.mjs'))) {
    assert.deepEqual(owners.get(file)?.length, 1, `${file} is in ${owners.get(file)?.join(', ') || 'no part'}`);
  }
  // Nothing else in tests/e2e/ is a test file of its own (node --test would run it alone).
  assert.deepEqual(files.filter((f) => f.endsWith('.test.mjs')).sort(), parts.sort());
});
