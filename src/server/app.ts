import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { join } from 'node:path';
import { createNewsPipeline, type NewsPipeline } from '../news-pipeline.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Store } from '../store/index.js';
import { requireToken } from './auth.js';
import { openApiDocument } from './openapi.js';
import { notFound, onError, problem, problemResponse, problemType } from './problem.js';
import type { ApiDeps, RouteSpec } from './route.js';
import { alertsRoute } from './routes/alerts.js';
import { getArticleRoute, postArticlesRoute } from './routes/articles.js';
import { codeRoute } from './routes/code.js';
import { eventsRoute } from './routes/events.js';
import { seriesRoute } from './routes/series.js';
import { statsRoute } from './routes/stats.js';
import { moversRoute, topRoute } from './routes/top.js';
import { inProcess, type QueryRunner } from './queries.js';
import { responseCache, type ResponseCacheOptions } from './response-cache.js';
import { loadWeb, serveWeb } from './web.js';

/** Every API route, in the order the OpenAPI description lists them. */
export const ROUTES: readonly RouteSpec[] = [statsRoute, eventsRoute, seriesRoute, alertsRoute, topRoute, moversRoute, getArticleRoute, postArticlesRoute, codeRoute];

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export type AppOptions = {
  store: Store;
  /** The token writes need (`Authorization: Bearer …`); without one, writes are refused. */
  token?: string;
  /** A coding pipeline already built, or a function that builds one; default: built from the dictionaries on first use. */
  pipeline?: NewsPipeline | (() => NewsPipeline);
  /** Extra actor and verb dictionaries for the pipeline built here. */
  actorFiles?: string[];
  verbFiles?: string[];
  /** The built dashboard's folder (default web/dist in the package); false serves the API only. */
  webDir?: string | false;
  /** Largest request body, in bytes (default 1 MiB); larger is 413. */
  bodyLimit?: number;
  /**
   * Host names the server answers to (default the loopback names); false answers any. A page on another site
   * can't read the API through DNS rebinding, since its requests carry that site's host name.
   */
  allowedHosts?: string[] | false;
  /** Keep the answers to GET requests until the store changes (default on); false turns it off. */
  cache?: ResponseCacheOptions | false;
  /** Runs the read queries: a worker pool's (query-pool.ts, as startServer makes), else each on this thread. */
  query?: QueryRunner;
  /** Where failures are logged (default stderr). */
  log?: (line: string) => void;
  version?: string;
};

/** The headers every response carries. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The HTTP API and the dashboard as a Hono app, for `@hono/node-server` to serve or for tests to call with
 * `app.request()`. Routes are data (routes/*.ts): registered here, and described by GET /api/openapi.json.
 *
 * @example
 *   const app = createApp({ store: openStore({ path: 'dyad.db' }), token: process.env.DYAD_TOKEN });
 *   const res = await app.request('/api/events?actor=RUS&limit=10');
 */
export const createApp = ({
  store,
  token,
  pipeline,
  actorFiles = [],
  verbFiles = [],
  webDir = join(PACKAGE_ROOT, 'web', 'dist'),
  bodyLimit: maxBody = DEFAULT_BODY_LIMIT,
  allowedHosts = LOOPBACK_HOSTS,
  cache = {},
  query = inProcess(store),
  log = (line) => process.stderr.write(`dyad serve: ${line}\n`),
  version = '0.1.0',
}: AppOptions): Hono => {
  let built: NewsPipeline | undefined = typeof pipeline === 'object' ? pipeline : undefined;
  const deps: ApiDeps = {
    store,
    token: token || undefined,
    query,
    pipeline: () => (built ??= typeof pipeline === 'function' ? pipeline() : createNewsPipeline({ actorFiles, verbFiles })),
  };
  const app = new Hono();
  app.onError(onError(log));
  app.notFound(notFound);

  app.use('*', async (c, next) => {
    if (allowedHosts) {
      const host = new URL(c.req.url).hostname;
      if (!allowedHosts.includes(host) && !allowedHosts.includes(`[${host}]`)) {
        return problemResponse({ type: problemType('bad-request'), title: 'Unknown host', status: 400, detail: `this server answers to ${allowedHosts.join(', ')}, not "${host}"` });
      }
    }
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  if (cache) app.use('/api/*', responseCache(store, cache));

  const limit = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw problem('payload-too-large', `the body is larger than ${maxBody} bytes; send fewer or shorter articles per request`, { limit: maxBody });
    },
  });

  const allowed = new Map<string, string[]>();
  for (const r of ROUTES) {
    // the token first, so a client without one is told so before its body is read
    const auth: MiddlewareHandler = async (c, next) => {
      requireToken(c, deps.token);
      await next();
    };
    const handlers = [...(r.auth ? [auth] : []), ...(r.body ? [limit] : []), (c: Parameters<RouteSpec['handler']>[0]) => r.handler(c, deps)];
    app.on(r.method.toUpperCase(), r.path, ...(handlers as [typeof limit]));
    allowed.set(r.path, [...(allowed.get(r.path) ?? []), r.method.toUpperCase()]);
  }
  const doc = openApiDocument(ROUTES, { version, bodyLimit: maxBody });
  app.get('/api/openapi.json', (c) => c.json(doc));
  allowed.set('/api/openapi.json', ['GET']);
  // a known path with another method: 405 with the methods it takes
  for (const [path, methods] of allowed) {
    app.all(path, (c) => {
      const list = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
      throw problem('method-not-allowed', `${c.req.method} is not allowed on ${path}; use ${list.join(' or ')}`, {}, { allow: list.join(', ') });
    });
  }
  app.all('/api/*', (c) => notFound(c));

  if (webDir !== false) {
    const files = loadWeb(webDir);
    app.get('*', serveWeb(files, webDir));
  }
  return app;
};
