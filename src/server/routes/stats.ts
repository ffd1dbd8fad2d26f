import { defineRoute, jsonBody } from '../route.js';
import { ref } from '../schemas.js';

export const statsRoute = defineRoute({
  method: 'get',
  path: '/api/stats',
  operationId: 'getStats',
  tag: 'store',
  summary: 'What the store holds: counts of articles, events, stories and actors, and the span of event dates',
  responses: { 200: { description: 'the counts', schema: ref('Stats') } },
  handler: async (c, { token, query }) => jsonBody(await query('stats', { writable: Boolean(token) })),
});
