// ESLint's recommended rules over the page's modules (browser), the build scripts and the tests
// (Node; the end-to-end tests also hold functions that run in the page). Checked by npm test
// (tests/scripts/lint.test.mjs); `npx eslint .` lists the same.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/wasm/', 'dist/', 'build/', 'node_modules/', 'test-results/', 'tmp-probe/'] },
  js.configs.recommended,
  { rules: { 'no-unused-vars': ['error', { ignoreRestSiblings: true }] } },  // { a: _, ...rest } drops a
  { files: ['web/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['build-scripts/**', 'tests/**'], languageOptions: { globals: { ...globals.node } } },
  // Functions that run in the page: the end-to-end tests' and benches' evaluate() callbacks, and the
  // offline build's loader (build-dist.mjs writes it into the page).
  { files: ['tests/e2e/**', 'tests/bench/**', 'build-scripts/build-dist.mjs'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
];
