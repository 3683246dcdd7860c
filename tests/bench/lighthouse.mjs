// Lighthouse accessibility and best-practices scores of the built page (dist/), run against
// Debian's Chromium. Lighthouse is fetched by npx on first use rather than kept as a dependency
// (it brings ~200 packages the tests do not need). Prints the scores; `npm run lighthouse`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../build-scripts/serve.mjs';
import { buildDist } from '../../build-scripts/build-dist.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
await buildDist();
const server = await serve(path.join(root, 'dist'), 0);
const base = `http://127.0.0.1:${server.address().port}/`;
try {
  for (const [name, url] of [['full page', base], ['embed (output + controls)', `${base}#embed=output,controls`]]) {
    // Asynchronous: the page is served from this process, which must keep answering meanwhile.
    const { stdout: json } = await promisify(execFile)('npx', ['--yes', LIGHTHOUSE, url, '--output=json', '--quiet',
      '--only-categories=accessibility,best-practices',
      '--chrome-flags=--headless --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8', maxBuffer: 64 << 20 });
    const { categories, audits } = JSON.parse(json);
    const score = (c) => Math.round(100 * categories[c].score);
    console.log(`${name.padEnd(28)} accessibility ${score('accessibility')}  best-practices ${score('best-practices')}`);
    // What cost points, with the elements it names, so a drop can be fixed without a second run.
    for (const ref of Object.values(categories).flatMap((c) => c.auditRefs)) {
      const audit = audits[ref.id];
      if (ref.weight === 0 || audit.score === null || audit.score === 1) continue;
      const where = (audit.details?.items ?? []).slice(0, 3).map((i) => i.node?.selector ?? '').filter(Boolean);
      console.log(`  failed: ${audit.id}: ${audit.title}${where.length ? ` (${where.join('; ')})` : ''}`);
    }
  }
} finally {
  server.close();
}
