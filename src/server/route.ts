import type { Context } from 'hono';
import type { NewsPipeline } from '../news-pipeline.js';
import type { Store } from '../store/index.js';
import type { ParamSpecs } from './params.js';
import type { QueryRunner } from './queries.js';

/** What every handler can use: the store, the coding pipeline, and the write token. */
export type ApiDeps = {
  store: Store;
  /** The coding pipeline; built on first use (loading the dictionaries takes seconds), then kept. */
  pipeline: () => NewsPipeline;
  /** The token writes need; without one, writes are refused. */
  token?: string;
  /** Runs a read query (queries.ts): on the server's worker threads, or on this thread. */
  query: QueryRunner;
};

/** An answer whose JSON body a query built (queries.ts), with the header c.json gives. */
export const jsonBody = (body: string): Response => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

export type JsonSchema = Record<string, unknown>;

/**
 * A route as data: its method, path and parameters are what the app registers and checks, and also what
 * GET /api/openapi.json describes, so the two can't disagree.
 */
export type RouteSpec = {
  method: 'get' | 'post';
  /** Hono's form: /api/articles/:id */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: ParamSpecs;
  /** Path parameters, by name. */
  pathParams?: Record<string, { description: string; schema: JsonSchema }>;
  /** The JSON body's schema; the route then needs `content-type: application/json`. */
  body?: { description: string; schema: JsonSchema; example?: unknown };
  /** Writes: needs `Authorization: Bearer <token>`. */
  auth?: boolean;
  /** The success responses: status → description and schema. */
  responses: Record<number, { description: string; schema: JsonSchema }>;
  handler: (c: Context, deps: ApiDeps) => Response | Promise<Response>;
};

export const defineRoute = (r: RouteSpec): RouteSpec => Object.freeze(r);
