// The JavaScript (the page's modules, the build scripts, the tests) passes ESLint's recommended
// rules as eslint.config.js sets them up: a problem fails here with its file, line and rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('ESLint finds no problem in the JavaScript', { timeout: 120000 }, async () => {
  const eslint = new ESLint({ cwd: ROOT });
  const results = await eslint.lintFiles(['.']);
  const linted = results.map((r) => path.relative(ROOT, r.filePath));
  assert.ok(linted.includes('web/playground/training.js') && linted.includes('tests/e2e/browser.mjs'),
    `${linted.length} files linted`);
  const problems = results.flatMap((r) => r.messages.map((m) =>
    `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`));
  assert.deepEqual(problems, []);
});
