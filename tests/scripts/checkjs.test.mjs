// The page's JavaScript passes `tsc --checkJs` as web/tsconfig.json sets it up (JSDoc types where
// inference needs them; web/globals.d.ts for what the page adds to window; engine.d.ts for every
// import of engine.js, engine.js itself checked too). An error fails here with its file, line and
// message; `npx tsc -p web/tsconfig.json` lists the same. The second test shows the check can fail
// (one file changed in memory, checked alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const T = { timeout: 180000 };

/** Runs tsc on `project`; its errors as "file:line: TSnnnn message", the files it read, its exit status. */
function checkJs(project, extra = []) {
  const run = spawnSync(process.execPath, [TSC, '-p', project, '--pretty', 'false', ...extra], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.error, undefined, 'tsc runs');
  const lines = run.stdout.split('\n');
  const errors = lines.flatMap((l) => {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(l);
    if (m) return [`${path.relative(ROOT, path.resolve(ROOT, m[1]))}:${m[2]}: ${m[3]} ${m[4]}`];
    return / error TS\d+/.test(l) ? [l] : [];  // an error with no file (the config itself)
  });
  const files = lines.filter((l) => path.isAbsolute(l)).map((f) => path.relative(path.dirname(project), f));
  return { errors, files, status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('tsc --checkJs finds no error in web/', T, () => {
  const { errors, files, status, output } = checkJs(path.join(ROOT, 'web', 'tsconfig.json'), ['--listFiles']);
  assert.deepEqual(errors, []);
  assert.equal(status, 0, output.slice(0, 2000));
  // It read the page's modules, engine.js beside its declarations, and nothing of Emscripten's.
  for (const f of ['engine.js', 'engine.d.ts', 'globals.d.ts', 'main.js', 'playground/training.js', 'course/shell.js',
    'chapters/activations/activation-lab.js']) assert.ok(files.includes(f), `${f} is checked`);
  assert.ok(files.filter((f) => f.endsWith('.js')).length > 80, `${files.length} files`);
  assert.deepEqual(files.filter((f) => f.startsWith('wasm')), []);
});

test('tsc --checkJs names a mistake: a number assigned to an input\'s value (a string)', T, () => {
  // web/'s own program with one file changed in memory; the compiler reuses the other files from the
  // first program and checks only the changed one (a second whole run would cost 10 CPU-seconds).
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'web', 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const share = path.join(ROOT, 'web', 'playground', 'share.js');
  const right = "  input('embed-width').value = '600';\n";
  const source = fs.readFileSync(share, 'utf8');
  assert.ok(source.includes(right));
  const wrong = source.replace(right, "  input('embed-width').value = 600;\n");
  const line = source.slice(0, source.indexOf(right)).split('\n').length;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, ...rest) => (path.resolve(file) === share ? ts.createSourceFile(file, wrong, ts.ScriptTarget.ES2022, true) : read(file, ...rest));
  const changed = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, oldProgram: program });
  const errors = changed.getSemanticDiagnostics(changed.getSourceFile(share)).map((d) =>
    `${path.relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  assert.deepEqual(errors, [`web/playground/share.js:${line}: TS2322 Type 'number' is not assignable to type 'string'.`]);
});
