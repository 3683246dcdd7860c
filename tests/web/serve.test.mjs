// build-scripts/serve.mjs: serves files under its root and nothing beside it, whatever the request's
// spelling (../, %2f-encoded ../, a sibling folder whose name starts with the root's, NUL bytes); and
// the extra pages the tests add (their embeds' host pages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';

import { serve, inside } from '../../build-scripts/serve.mjs';

let dir, server, port;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-test-'));
  fs.mkdirSync(path.join(dir, 'web', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'web', 'index.html'), 'home');
  fs.writeFileSync(path.join(dir, 'web', 'sub', 'a.txt'), 'inside');
  fs.writeFileSync(path.join(dir, 'web', '..dots.txt'), 'dots');  // a legitimate name starting with ..
  fs.writeFileSync(path.join(dir, 'web-secret.txt'), 'SECRET');
  fs.mkdirSync(path.join(dir, 'webby'));
  fs.writeFileSync(path.join(dir, 'webby', 'key.txt'), 'SECRET');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  server = await serve(path.join(dir, 'web'), 0);
  port = server.address().port;
});
after(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The raw request path, unnormalised (fetch and URL would resolve ../ before sending).
function get(rawPath, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body, headers: res.headers }));
    }).on('error', reject);
  });
}

test('files under the root are served', async () => {
  const plain = async (p) => { const { status, body } = await get(p); return { status, body }; };
  assert.deepEqual(await plain('/'), { status: 200, body: 'home' });
  assert.deepEqual(await plain('/sub/a.txt'), { status: 200, body: 'inside' });
  assert.deepEqual(await plain('/sub/../sub/a.txt'), { status: 200, body: 'inside' });
  assert.deepEqual(await plain('/..dots.txt'), { status: 200, body: 'dots' });
  assert.equal((await get('/missing.txt')).status, 404);
});

test('an unchanged file is revalidated with a 304 and no body; an edited one is sent again', async () => {
  const first = await get('/sub/a.txt');
  assert.equal(first.headers['cache-control'], 'no-cache', 'always asked again: an edit shows on reload');
  assert.match(first.headers.etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
  const again = await get('/sub/a.txt', { 'if-none-match': first.headers.etag });
  assert.deepEqual([again.status, again.body, again.headers.etag], [304, '', first.headers.etag]);
  fs.writeFileSync(path.join(dir, 'web', 'sub', 'a.txt'), 'edited inside');
  const edited = await get('/sub/a.txt', { 'if-none-match': first.headers.etag });
  assert.deepEqual([edited.status, edited.body], [200, 'edited inside']);
  assert.notEqual(edited.headers.etag, first.headers.etag);
  fs.writeFileSync(path.join(dir, 'web', 'sub', 'a.txt'), 'inside');
});

test('nothing outside the root is served, however the path is spelled', async () => {
  for (const p of ['/..%2fweb-secret.txt', '/..%2Fwebby%2Fkey.txt', '/../web-secret.txt', '/..%2fsecret.txt',
    '/sub/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00', '/a%00b']) {
    const { status, body } = await get(p);
    assert.notEqual(body, 'SECRET', `${p} leaked a file outside the root`);
    assert.ok(status === 403 || status === 404 || status === 400, `${p}: status ${status}`);
  }
  assert.equal((await get('/..%2fweb-secret.txt')).status, 403);
  assert.equal((await get('/a%00b')).status, 400);
  assert.equal((await get('/sub/a.txt')).status, 200, 'the server survived');
});

test('inside() compares whole path segments', () => {
  assert.equal(inside('/srv/web', '/srv/web'), true);
  assert.equal(inside('/srv/web', '/srv/web/a/b.js'), true);
  assert.equal(inside('/srv/web', '/srv/web/..x'), true);
  assert.equal(inside('/srv/web', '/srv/web-secret.txt'), false);
  assert.equal(inside('/srv/web', '/srv/webby/x'), false);
  assert.equal(inside('/srv/web', '/srv'), false);
  assert.equal(inside('/srv/web', '/etc/passwd'), false);
});

test('pages given to serve() answer their paths before the files, never cached, and can change between requests', async () => {
  const pages = new Map([['/host.html', '<p>first</p>']]);
  const other = await serve(path.join(dir, 'web'), 0, '127.0.0.1', { pages, headers: { 'cache-control': 'max-age=3600' } });
  const at = (p) => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: other.address().port, path: p }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body, type: res.headers['content-type'], cache: res.headers['cache-control'] }));
    }).on('error', reject);
  });
  try {
    assert.deepEqual(await at('/host.html'), { status: 200, body: '<p>first</p>', type: 'text/html; charset=utf-8', cache: 'no-store' });
    pages.set('/host.html', '<p>second</p>');
    assert.equal((await at('/host.html')).body, '<p>second</p>');
    assert.equal((await at('/sub/a.txt')).body, 'inside', 'files still served');
  } finally {
    other.close();
  }
});
