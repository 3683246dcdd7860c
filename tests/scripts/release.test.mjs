// npm run release (build-scripts/release.mjs): a zip of the built site and the npm package, named
// with package.json's version, refused without a CHANGELOG section for it. The zip is read back here
// (an independent reader: central directory, inflate, CRC) and the package is installed with npm in
// a scratch project and imported, as a course author would. Needs the wasm built.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

import { release, changelogSection } from '../../build-scripts/release.mjs';
import { buildDist } from '../../build-scripts/build-dist.mjs';
import { ROOT } from '../wasm/load-engine.mjs';

const OUT = path.join(ROOT, 'test-results', 'release');
const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const STEM = `${name}-${version}`;
const T = { timeout: 120000 };
let made;

before(async () => {
  made = await release({ out: OUT });
});

// Every entry of a zip: name -> bytes, each checked against its stored size and CRC-32.
function readZip(file) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'an end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; ++i) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const [method, crc, packedSize, size] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)];
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + packedSize);
    const data = method === 8 ? zlib.inflateRawSync(packed) : packed;
    assert.equal(data.length, size, `${entryName}'s size`);
    if (typeof zlib.crc32 === 'function') assert.equal(zlib.crc32(data), crc, `${entryName}'s CRC-32`);
    entries.set(entryName, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

test('the release is a zip of the built site and the npm package, named with the version', T, async () => {
  assert.equal(made.version, version);
  assert.equal(made.zip, path.join(OUT, `${STEM}.zip`));
  assert.equal(made.tarball, path.join(OUT, `${STEM}.tgz`));
  assert.deepEqual(fs.readdirSync(OUT).sort(), [`${STEM}.tgz`, `${STEM}.zip`], 'nothing else left behind');
  assert.equal(made.notes, changelogSection(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version));

  // The zip holds exactly the site as build-dist makes it, byte for byte.
  const site = path.join(ROOT, 'test-results', 'release-site');
  const files = await buildDist(site);
  const entries = readZip(made.zip);
  assert.deepEqual([...entries.keys()].sort(), files.map((f) => `${STEM}/${f.file}`).sort());
  for (const f of ['offline/index.html', 'backprop-playground.js', 'backprop.js', 'wasm/esm/backprop-core.wasm', 'package.json']) {
    assert.ok(entries.get(`${STEM}/${f}`).equals(fs.readFileSync(path.join(site, f))), `${f} as built`);
  }
  assert.equal(JSON.parse(entries.get(`${STEM}/package.json`)).version, version);
});

test('the package installs with npm and its engine imports and trains', T, () => {
  const project = path.join(ROOT, 'test-results', 'release-consumer');
  fs.rmSync(project, { recursive: true, force: true });
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', made.tarball], { cwd: project });
  fs.writeFileSync(path.join(project, 'use.mjs'), `
import { loadEngine } from 'backprop-playground';
import pkg from 'backprop-playground/package.json' with { type: 'json' };
const engine = await loadEngine();
engine.configure({ dataset: 'xor', hidden: [4], learningRate: 0.3 }).trainEpochs(100);
console.log(JSON.stringify({ version: pkg.version, epoch: engine.progress().epoch, loss: engine.metrics().train.loss }));
`);
  const printed = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.equal(printed.version, version);
  assert.equal(printed.epoch, 100);
  assert.ok(printed.loss < 0.25, `XOR's training loss after 100 epochs: ${printed.loss}`);
  assert.ok(fs.existsSync(path.join(project, 'node_modules', name, 'offline', 'index.html')), 'the offline page comes with it');
});

test('without a CHANGELOG section for the version, nothing is made', T, async () => {
  const changelog = path.join(ROOT, 'test-results', 'CHANGELOG-without-version.md');
  fs.writeFileSync(changelog, '# Changelog\n\n## 0.0.1 — 2026-01-01\n\n- an older release\n');
  const out = path.join(ROOT, 'test-results', 'release-refused');
  fs.rmSync(out, { recursive: true, force: true });
  await assert.rejects(release({ out, changelog }), new RegExp(`no section "## ${version.replace(/\./g, '\\.')}"`));
  assert.equal(fs.existsSync(out), false);
  assert.equal(changelogSection('## 0.1.0\n\n## 0.0.9\n- x\n', '0.1.0'), '', 'an empty section is no section');
});
