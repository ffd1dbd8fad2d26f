import type { RouteSpec } from './route.js';
import { ref, SCHEMAS } from './schemas.js';

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

/** Hono's `/api/articles/:id` as OpenAPI's `/api/articles/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

/**
 * The OpenAPI 3.1 description of the routes, built from the same route objects the app registers: the query
 * parameters with their schemas, the bodies, the success responses, and the problem responses each route can
 * give (400 for parameters or bodies, 401/403 for writes, 404 for ids, 413/415 for bodies, 500 always).
 */
export const openApiDocument = (routes: readonly RouteSpec[], { version = '0.1.0', bodyLimit }: { version?: string; bodyLimit: number }) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters = [
      ...Object.entries(r.pathParams ?? {}).map(([name, p]) => ({ name, in: 'path', required: true, description: p.description, schema: p.schema })),
      ...Object.entries(r.query ?? {}).map(([name, p]) => ({
        name,
        in: 'query',
        required: p.required,
        description: p.description,
        ...(p.list ? { schema: { type: 'array', items: p.schema }, style: 'form', explode: true } : { schema: p.schema }),
      })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) responses[status] = { description: res.description, content: { 'application/json': { schema: res.schema } } };
    if (parameters.length || r.body) responses['400'] = problemResponse('a parameter or the body is not valid');
    if (r.auth) {
      responses['401'] = problemResponse('no `Authorization: Bearer` token');
      responses['403'] = problemResponse('a wrong token, or the server has no write token');
    }
    if (r.pathParams) responses['404'] = problemResponse('no such item');
    if (r.body) {
      responses['413'] = problemResponse(`the body is larger than ${bodyLimit} bytes`);
      responses['415'] = problemResponse('the body is not JSON');
    }
    responses['500'] = problemResponse('the server failed');
    (paths[openApiPath(r.path)] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, description: r.body.description, content: { 'application/json': { schema: r.body.schema, ...(r.body.example ? { example: r.body.example } : {}) } } } }
        : {}),
      ...(r.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      responses,
    };
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'openApi',
      summary: 'This description',
      tags: ['meta'],
      security: [],
      responses: { 200: { description: 'the OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'dyad API',
      version,
      description:
        'Political events coded from news text: query the stored events, their time series and alerts, read an article with the spans of its events, code pasted text, and ingest articles. Reads are open; writes need the server\'s token as `Authorization: Bearer <token>`. Every error is an RFC 9457 problem (application/problem+json).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'DYAD_TOKEN, or `token:` in the config file' } },
    },
  };
};
