// npm run build (after build-wasm.sh): the playground as a static folder, dist/, to host anywhere.
//   dist/index.html, style.css and share.css (minified), app.js (web/main.js and its modules bundled into one classic script),
//   i18n-fr.js (the French catalogue, a classic script app.js loads when the page is in French),
//   chapters.js (the course's chapter pages and labs, a classic script app.js loads when a chapter is
//   first opened; the modules it shares with app.js are app.js's own, see sharedWithPage),
//   wasm/backprop-core.{js,wasm}: relative paths only, so it works from any folder of any static server.
//   dist/offline/index.html: ONE file with the CSS, the module's glue with its wasm inlined (base64) and
//   the bundle, for file:// (double-click) with no network: browsers will not fetch .wasm or ES modules there.
//   dist/backprop-playground.js: the <backprop-playground> element (web/element.js) as one classic script.
//   dist/backprop.js, engine.js, their .d.ts and wasm/esm/: the engine as an ES module to import, and
//   dist/package.json, which makes dist/ the npm package (its `exports` and `types` name that entry).
// Not here: building the wasm (build-wasm.sh) or serving (serve.mjs). Needs esbuild (a devDependency).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const DIST = path.join(ROOT, 'dist');
const WASM_JS = path.join(WEB, 'wasm', 'backprop-core.js');
const WASM = path.join(WEB, 'wasm', 'backprop-core.wasm');
// The importable engine: its entry, the API it re-exports, their types and the ES-module build.
export const ENGINE_MODULE_FILES = ['backprop.js', 'backprop.d.ts', 'engine.js', 'engine.d.ts',
  'wasm/esm/backprop-core.mjs', 'wasm/esm/backprop-core.wasm'];

// The script tags of web/index.html that the build replaces (checked, so a changed page fails
// loudly here instead of shipping a page that never starts).
const THEME_TAG = '<script src="theme-init.js"></script>';
const MODULE_TAG = '<script src="wasm/backprop-core.js"></script>';
const MAIN_TAG = '<script type="module" src="main.js"></script>';
const STYLE_TAG = '<link rel="stylesheet" href="style.css">';
const SHARE_STYLE_TAG = '<link rel="stylesheet" href="share.css">';
const ICON_TAG = '<link rel="icon" href="favicon.svg">';
const CHARSET_TAG = '<meta charset="utf-8">';
/** The French catalogue's script in dist/, beside app.js. */
export const CATALOGUE_SCRIPT = 'i18n-fr.js';
/** The chapters' script in dist/, beside app.js. */
export const CHAPTERS_SCRIPT = 'chapters.js';

/** The Content-Security-Policy the hosted build runs under (README, "Host it"); tested in tests/e2e/csp.e2e.mjs. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'";

// The offline file inlines everything, so 'self' means nothing there: its own policy, in a <meta>,
// allows exactly its five inline scripts (theme, module, French catalogue, page, chapters) and its stylesheet by their SHA-256,
// and the icon as data:.
// It fetches nothing: the module gets its wasm as bytes (wasmBinary), decoded from the page itself.
// frame-src 'self': uploaded alone to a web server, the Share dialog frames the file itself to
// measure and preview its embed (from file:// it does not try).
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
function offlineCsp(scripts, styles) {
  return `default-src 'none'; script-src ${scripts.map(sha256).join(' ')} 'wasm-unsafe-eval'; ` +
    `style-src ${styles.map(sha256).join(' ')}; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'`;
}

function need(file) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run bash build-scripts/build-wasm.sh first`);
  return file;
}

function replaceOnce(text, tag, replacement, what) {
  const at = text.indexOf(tag);
  if (at < 0 || text.indexOf(tag, at + 1) >= 0) throw new Error(`web/index.html: expected exactly one ${tag} (${what})`);
  return text.slice(0, at) + replacement + text.slice(at + tag.length);
}

// The same glue as the hosted build's, with its wasm handed over as bytes: every createBackpropCore()
// on the page (the playground's, the labs', a test's) gets wasmBinary and so never fetches the .wasm,
// which file:// forbids. One link of the module serves both builds.
function offlineModule(glue, wasm) {
  const install = (base64) => {
    const create = window.createBackpropCore;
    let bytes = null;
    const wasmBinary = () => (bytes ??= Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    window.createBackpropCore = (options = {}) => create({ wasmBinary: wasmBinary(), ...options });
  };
  return `${glue}
;(${install})(${JSON.stringify(wasm.toString('base64'))});
`;
}

// Text placed inside <script> or <style> must not close the element early.
function inlineSafe(text, element) {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}

// `entry` and its modules as one classic script. `define` replaces expressions, e.g. import.meta.url,
// which a classic script lacks. `stdin`: an entry written here (its imports relative to web/).
async function bundle(entry = 'main.js', define = {}, { stdin, plugins = [], banner, footer } = {}) {
  const result = await build({
    ...(stdin ? { stdin: { contents: stdin, resolveDir: WEB, sourcefile: `${entry} (built)` } } : { entryPoints: [path.join(WEB, entry)] }),
    bundle: true, format: 'iife', minify: true, write: false, legalComments: 'none',
    target: ['es2020'], charset: 'utf8', logLevel: 'silent', define, plugins,
    ...(banner ? { banner: { js: banner }, footer: { js: footer } } : {}),
  });
  return result.outputFiles[0].text;
}

// The files of web/ a bundle of `entry` holds, by their path in web/.
async function modulesOf(entry) {
  const result = await build({ entryPoints: [path.join(WEB, entry)], bundle: true, format: 'iife', write: false,
    metafile: true, absWorkingDir: WEB, logLevel: 'silent' });
  return new Set(Object.keys(result.metafile.inputs));
}

// The chapters' bundle takes the modules app.js holds (i18n, the state, the course's links...) from
// app.js, not as copies with their own state (a second language, a second catalogue): an import of
// one becomes the module app.js publishes under globalThis.BackpropModules, by its path in web/.
// `shared` collects the paths taken so, which app.js then publishes (pagePublishing).
function sharedWithPage(pageModules, shared) {
  return {
    name: 'shared-with-page',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const file = path.relative(WEB, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
        if (!pageModules.has(file)) return undefined;
        shared.add(file);
        return { path: file, namespace: 'shared-with-page' };
      });
      b.onLoad({ filter: /.*/, namespace: 'shared-with-page' }, (args) => ({
        contents: `module.exports = globalThis.BackpropModules[${JSON.stringify(args.path)}];`, loader: 'js',
      }));
    },
  };
}

// app.js's entry: the page, then the modules the chapters take from it, published by their path.
function pagePublishing(shared) {
  const names = [...shared].sort();
  return ["import './main.js';", ...names.map((file, i) => `import * as m${i} from './${file}';`),
    `globalThis.BackpropModules = { ${names.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`,
    `globalThis.BackpropBuild = ${JSON.stringify(BUILD_TOKEN)};`].join('\n');
}

// A tab opened before the site was updated holds the old app.js: the new chapters.js would take
// modules from it that no longer match (a half-drawn chapter, errors). Both files carry the build's
// id, and the chapters run only beside the app.js they were built with; else they say so
// (BackpropChaptersOutdated), and the page asks for a reload (web/course/chapter-loader.js).
const BUILD_TOKEN = '__BACKPROP_BUILD_ID__';
const onlyBesideTheirPage = {
  banner: `if(globalThis.BackpropBuild!==${JSON.stringify(BUILD_TOKEN)}){globalThis.BackpropChaptersOutdated=true}else{`,
  footer: '}',
};
// The id: a digest of both files, written where each holds the token.
function stampBuild(app, chapters) {
  const id = createHash('sha256').update(app).update(chapters).digest('hex').slice(0, 16);
  const stamp = (text) => {
    if (text.split(BUILD_TOKEN).length !== 2) throw new Error(`expected the build's id once in a bundle (${BUILD_TOKEN})`);
    return text.replace(BUILD_TOKEN, id);
  };
  return [stamp(app), stamp(chapters)];
}

// The npm package's manifest: name, version, licence and description from the repository's own,
// the engine as its entry (ES module, with types), and the site's files alongside.
function packageManifest() {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return {
    name: root.name, version: root.version, description: root.description, license: root.license, type: 'module',
    exports: {
      '.': { types: './backprop.d.ts', default: './backprop.js' },
      './engine': { types: './engine.d.ts', default: './engine.js' },
      './package.json': './package.json',
    },
    types: './backprop.d.ts',
    engines: root.engines,
  };
}

// Emscripten's loader minified (4 KB less gzipped): its top-level names (createBackpropCore) stay,
// as esbuild renames only what a script's own scopes declare; it reaches its exports by string keys.
async function minifiedGlue() {
  return (await transform(fs.readFileSync(WASM_JS, 'utf8'), { loader: 'js', minify: true, target: 'es2020', charset: 'utf8',
    legalComments: 'none', logLevel: 'silent' })).code;
}

// A stylesheet of web/ minified: comments and spaces out, the rules as written.
async function minifiedCss(file) {
  const css = fs.readFileSync(path.join(WEB, file), 'utf8');
  return (await transform(css, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' })).code;
}

/** Builds the site into `out` (default dist/; tests build into their own folders). Returns the files. */
export async function buildDist(out = DIST) {
  [WASM_JS, WASM, ...ENGINE_MODULE_FILES.map((f) => path.join(WEB, f))].forEach(need);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'wasm', 'esm'), { recursive: true });
  fs.mkdirSync(path.join(out, 'offline'), { recursive: true });

  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  // The offline file inlines both stylesheets as one <style> (one hash in its policy).
  const [styleCss, shareCss] = await Promise.all(['style.css', 'share.css'].map(minifiedCss));
  const css = `${styleCss}\n${shareCss}`;
  // The French catalogue and the chapters stay out of app.js: loaded by name when the page is in
  // French, when a chapter is first opened.
  const shared = new Set();
  const builtChapters = await bundle('course/chapters-script.js', {},
    { plugins: [sharedWithPage(await modulesOf('main.js'), shared)], ...onlyBesideTheirPage });
  const builtApp = await bundle('main.js', {
    'globalThis.BACKPROP_CATALOGUE_SCRIPT': JSON.stringify(CATALOGUE_SCRIPT),
    'globalThis.BACKPROP_CHAPTERS_SCRIPT': JSON.stringify(CHAPTERS_SCRIPT),
  }, { stdin: pagePublishing(shared) });
  const [app, chapters] = stampBuild(builtApp, builtChapters);
  const french = await bundle('i18n/fr-script.js');
  const glue = await minifiedGlue();

  // Hosted: the same page, the bundle as a classic script at the end of <body> (as the module was).
  const hosted = replaceOnce(html, MAIN_TAG, '<script src="app.js"></script>', 'the page module');
  fs.writeFileSync(path.join(out, 'index.html'), hosted);
  fs.writeFileSync(path.join(out, 'app.js'), app);
  fs.writeFileSync(path.join(out, CATALOGUE_SCRIPT), french);
  fs.writeFileSync(path.join(out, CHAPTERS_SCRIPT), chapters);
  fs.writeFileSync(path.join(out, 'style.css'), styleCss);
  fs.writeFileSync(path.join(out, 'share.css'), shareCss);
  fs.copyFileSync(path.join(WEB, 'theme-init.js'), path.join(out, 'theme-init.js'));
  fs.copyFileSync(path.join(WEB, 'favicon.svg'), path.join(out, 'favicon.svg'));
  fs.writeFileSync(path.join(out, 'wasm', 'backprop-core.js'), glue);
  fs.copyFileSync(WASM, path.join(out, 'wasm', 'backprop-core.wasm'));
  for (const f of ENGINE_MODULE_FILES) fs.copyFileSync(path.join(WEB, f), path.join(out, f));
  // The element finds the playground beside its own script: the script element's src, read as it runs.
  fs.writeFileSync(path.join(out, 'backprop-playground.js'),
    await bundle('element.js', { 'import.meta.url': 'document.currentScript.src' }));
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(packageManifest(), null, 2)}\n`);
  // The classic loader is CommonJS to Node, whatever the package's "type" says of the rest.
  fs.writeFileSync(path.join(out, 'wasm', 'package.json'), '{ "type": "commonjs" }\n');

  // Offline: everything inline in one file, under a policy that names each inline piece.
  const style = `\n${inlineSafe(css, 'style')}`;
  // The catalogue inline before the page's script, which then finds it there; the chapters after it,
  // whose modules they take (the page looks for them once parsed).
  const scripts = [inlineSafe(offlineModule(glue, fs.readFileSync(WASM)), 'script'),
    inlineSafe(app, 'script'), inlineSafe(fs.readFileSync(path.join(WEB, 'theme-init.js'), 'utf8'), 'script'),
    inlineSafe(french, 'script'), inlineSafe(chapters, 'script')];
  const icon = `data:image/svg+xml,${encodeURIComponent(fs.readFileSync(path.join(WEB, 'favicon.svg'), 'utf8').trim())}`;
  // The policy first, before any inlined text could hold a tag this looks for.
  let offline = replaceOnce(html, CHARSET_TAG, `${CHARSET_TAG}\n<meta http-equiv="Content-Security-Policy" ` +
    `content="${offlineCsp(scripts, [style])}">`, 'the charset');
  offline = replaceOnce(offline, ICON_TAG, `<link rel="icon" href="${icon}">`, 'the icon');
  offline = replaceOnce(offline, STYLE_TAG, `<style>${style}</style>`, 'the stylesheet');
  offline = replaceOnce(offline, SHARE_STYLE_TAG, '', 'the share stylesheet');
  offline = replaceOnce(offline, THEME_TAG, `<script>${scripts[2]}</script>`, 'the theme, before the first paint');
  offline = replaceOnce(offline, MODULE_TAG, `<script>${scripts[0]}</script>`, 'the wasm module');
  offline = replaceOnce(offline, MAIN_TAG, `<script>${scripts[3]}</script>\n<script>${scripts[1]}</script>\n<script>${scripts[4]}</script>`,
    'the page module');
  fs.writeFileSync(path.join(out, 'offline', 'index.html'), offline);

  return listing(out);
}

function listing(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    return d.isDirectory() ? listing(file, base) : [{ file: path.relative(base, file), bytes: fs.statSync(file).size }];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await buildDist();
  for (const f of files) console.log(`dist/${f.file.padEnd(28)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB`);
}
