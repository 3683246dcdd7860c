// npm run release (after build-wasm.sh): the versioned files of a release, in build/release/:
//   backprop-playground-<version>.zip: the built site (dist/: the page, offline/index.html, the
//     <backprop-playground> element, the importable engine) under backprop-playground-<version>/;
//   backprop-playground-<version>.tgz: the npm package (npm pack of the same folder).
// The version is package.json's; CHANGELOG.md must have a section for it (## <version>), or nothing
// is made. Not here: building the wasm (build-wasm.sh) or publishing anything.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { buildDist } from './build-dist.mjs';
import { zipFolder } from './zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The CHANGELOG's section for `version` (its text, without the heading), or null. */
export function changelogSection(text, version) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`).test(l));
  if (at < 0) return null;
  const end = lines.findIndex((l, i) => i > at && /^## /.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n').trim();
}

/**
 * Builds the release into `out`. Throws, making nothing, when the CHANGELOG has no section for the
 * version (or an empty one).
 * @returns {{ version: string, zip: string, tarball: string, notes: string }}
 */
export async function release({ out = path.join(ROOT, 'build', 'release'), changelog = path.join(ROOT, 'CHANGELOG.md') } = {}) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const notes = changelogSection(fs.readFileSync(changelog, 'utf8'), version);
  if (!notes) throw new Error(`${path.basename(changelog)} has no section "## ${version}" for package.json's version: write one first`);

  const stem = `${name}-${version}`;
  const site = path.join(out, stem);
  fs.rmSync(out, { recursive: true, force: true });
  await buildDist(site);
  const zip = path.join(out, `${stem}.zip`);
  zipFolder(site, zip, `${stem}/`);
  // npm pack names the tarball from the package's name and version (dist/package.json has both).
  const packed = JSON.parse(execFileSync('npm', ['pack', site, '--pack-destination', out, '--json', '--loglevel=error'],
    { encoding: 'utf8' }))[0].filename;
  const tarball = path.join(out, `${stem}.tgz`);
  if (path.join(out, packed) !== tarball) fs.renameSync(path.join(out, packed), tarball);
  fs.rmSync(site, { recursive: true });
  return { version, zip, tarball, notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { version, zip, tarball } = await release();
    console.log(`release ${version}:`);
    for (const f of [zip, tarball]) console.log(`  ${path.relative(ROOT, f).padEnd(48)} ${(fs.statSync(f).size / 1024).toFixed(1).padStart(8)} KB`);
  } catch (e) {
    console.error(`release: ${e.message}`);
    process.exit(1);
  }
}
