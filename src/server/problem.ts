import type { Context } from 'hono';

/**
 * Errors as RFC 9457 problem details: every error the API answers is `application/problem+json` with
 * `{type, title, status, detail}`. `type` is a stable URI per kind of problem (relative to the API, so a client
 * can branch on it); `detail` says what was wrong with this request and how to fix it.
 */
export type Problem = { type: string; title: string; status: number; detail: string; [extra: string]: unknown };

/** The kinds of problem the API reports, with their status and title. */
export const PROBLEMS = {
  'bad-request': { status: 400, title: 'Bad request' },
  'invalid-parameter': { status: 400, title: 'Invalid parameter' },
  'invalid-body': { status: 400, title: 'Invalid request body' },
  unauthorized: { status: 401, title: 'Missing token' },
  forbidden: { status: 403, title: 'Wrong token' },
  'writes-disabled': { status: 403, title: 'Writes are disabled' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'store-busy': { status: 503, title: 'Store busy' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

export const problemType = (kind: ProblemKind): string => `/api/problems/${kind}`;

/** A problem thrown from a handler; `app.onError` answers it as problem JSON. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(kind: ProblemKind, detail: string, extra: Record<string, unknown> = {}, readonly headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'ProblemError';
    const { status, title } = PROBLEMS[kind];
    this.problem = { type: problemType(kind), title, status, detail, ...extra };
  }
}

/** Shorthand: `throw problem('invalid-parameter', 'limit must be 1 to 500', {parameter: 'limit'})`. */
export const problem = (kind: ProblemKind, detail: string, extra?: Record<string, unknown>, headers?: Record<string, string>) =>
  new ProblemError(kind, detail, extra, headers);

/** The response for a problem. */
export const problemResponse = (p: Problem, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(p), { status: p.status, headers: { 'content-type': 'application/problem+json', ...headers } });

/** The query parameter of an analysis option where the names differ (lists are singular in the API, as in /api/events). */
const ANALYSIS_PARAMS: Record<string, string> = { codes: 'code', sectors: 'sector' };

/** `app.onError`: ProblemErrors as themselves, analysis option errors as 400, store errors as 503 (busy) or 500, anything else as 500 without internals. */
export const onError =
  (log: (line: string) => void) =>
  (err: Error, c: Context): Response => {
    if (err instanceof ProblemError) return problemResponse(err.problem, err.headers);
    // an analysis refusing an option (src/analysis/analysis-error.ts) names it: a bad parameter
    if (err.name === 'AnalysisError') {
      const option = (err as { option?: string }).option;
      const parameter = option ? (ANALYSIS_PARAMS[option] ?? option) : undefined;
      return problemResponse({ type: problemType('invalid-parameter'), title: PROBLEMS['invalid-parameter'].title, status: 400, detail: err.message, ...(parameter ? { parameter } : {}) });
    }
    const code = (err as { code?: string }).code;
    if (err.name === 'StoreError' && code === 'locked') {
      return problemResponse({ type: problemType('store-busy'), title: PROBLEMS['store-busy'].title, status: 503, detail: 'the store is busy (another process is writing to it); try again shortly' }, { 'retry-after': '1' });
    }
    log(`${c.req.method} ${new URL(c.req.url).pathname}: ${err.stack ?? err.message}`);
    return problemResponse({ type: problemType('internal'), title: PROBLEMS.internal.title, status: 500, detail: 'the server failed on this request; the error is in its log' });
  };

/** `app.notFound`: no such route (or file). */
export const notFound = (c: Context): Response =>
  problemResponse({ type: problemType('not-found'), title: PROBLEMS['not-found'].title, status: 404, detail: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` });
