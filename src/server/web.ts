import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context } from 'hono';
import { problemResponse, problemType } from './problem.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page's Content-Security-Policy: scripts, styles and requests from this server only, nothing inline, no
 * plugins, no framing. With the dashboard writing every datum as text, this is the second wall: even HTML that
 * got into the page could run nothing.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

type WebFile = { body: Uint8Array; type: string; immutable: boolean };

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/**
 * The built dashboard (web/dist), read into memory once: a handful of small files, served by a map lookup, so
 * no request path ever reaches the file system. Vite's hashed files under assets/ are cached for good;
 * index.html is revalidated.
 */
export const loadWeb = (dir: string): Map<string, WebFile> | undefined => {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, WebFile>();
  for (const p of walk(dir)) {
    const rel = '/' + relative(dir, p).split(sep).join('/');
    files.set(rel, { body: readFileSync(p), type: TYPES[extname(p)] ?? 'application/octet-stream', immutable: rel.startsWith('/assets/') });
  }
  return files;
};

/** The handler for GET / and the dashboard's files; without a built dashboard, a problem that says how to build it. */
export const serveWeb = (files: Map<string, WebFile> | undefined, dir: string) => (c: Context): Response => {
  const path = new URL(c.req.url).pathname;
  if (!files) {
    return problemResponse({ type: problemType('not-found'), title: 'Dashboard not built', status: 404, detail: `the dashboard is not built (no ${dir}/index.html); run \`npm run build\`. The API is under /api (see /api/openapi.json).` });
  }
  const f = files.get(path === '/' ? '/index.html' : path);
  if (!f) return problemResponse({ type: problemType('not-found'), title: 'Not found', status: 404, detail: `no file ${path}` });
  const headers: Record<string, string> = {
    'content-type': f.type,
    'cache-control': f.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (f.type.startsWith('text/html')) headers['content-security-policy'] = PAGE_CSP;
  return new Response(c.req.method === 'HEAD' ? null : f.body, { status: 200, headers });
};
