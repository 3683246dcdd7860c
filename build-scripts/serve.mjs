// A small static file server for web/ on localhost (no dependencies). Prints the address.
// Usage: node build-scripts/serve.mjs [--port N] [--root DIR]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/** Whether `file` is `base` or below it, by whole path segments: /srv/web-secret is not in /srv/web. */
export function inside(base, file) {
  const rel = path.relative(base, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Serves `root`; `headers` are added to every file response (the tests send a CSP this way).
 * `pages` (a Map of path to HTML, read at each request) answers those paths before the files: the
 * tests' host pages for embeds, served like any page so that the browser caches what they load.
 */
export function serve(root, port = 8080, host = '127.0.0.1', { headers = {}, pages = new Map() } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname.includes('\0')) {  // fs would throw on it
      res.writeHead(400).end('bad request');
      return;
    }
    if (pages.has(pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers, 'cache-control': 'no-store' }).end(pages.get(pathname));
      return;
    }
    let file = path.join(base, pathname);
    if (!inside(base, file)) {  // no escaping the root with ../ (or %2f-encoded ../)
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.stat(file, (statErr, stat) => {
      if (statErr || !stat.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      // no-cache with a validator: the browser asks each time and an unchanged file costs a 304,
      // while its parsed scripts and compiled wasm stay cached.
      const etag = `"${stat.size.toString(16)}-${Math.round(stat.mtimeMs).toString(16)}"`;
      const common = { 'cache-control': 'no-cache', etag, ...headers };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common).end();
        return;
      }
      fs.readFile(file, (err, body) => {
        if (err) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...common });
        res.end(body);
      });
    });
  });
  // A busy port is common (another dev server): try the next few before giving up.
  return new Promise((resolve, reject) => {
    let attempt = 0;
    server.on('error', (err) => {
      if (err.code === 'EADDRINUSE' && port !== 0 && attempt < 20) {
        attempt += 1;
        server.listen(port + attempt, host);
      } else {
        reject(err);
      }
    });
    server.once('listening', () => resolve(server));
    server.listen(port, host);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = arg('--root', path.join(here, '..', 'web'));
  const port = Number(arg('--port', process.env.PORT || 8080));
  const server = await serve(root, port);
  console.log(`Backprop Playground is running at http://localhost:${server.address().port}/`);
  console.log('Press Ctrl+C to stop.');
}
