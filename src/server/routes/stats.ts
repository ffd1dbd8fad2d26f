import { storeCounts, storeError } from '../../store/index.js';
import { defineRoute } from '../route.js';
import { ref } from '../schemas.js';

export const statsRoute = defineRoute({
  method: 'get',
  path: '/api/stats',
  operationId: 'getStats',
  tag: 'store',
  summary: 'What the store holds: counts of articles, events, stories and actors, and the span of event dates',
  responses: { 200: { description: 'the counts', schema: ref('Stats') } },
  handler: (c, { store, token }) => {
    const range = (() => {
      try {
        return store.db.prepare('SELECT min(date) AS firstDate, max(date) AS lastDate FROM events').get() as { firstDate: string | null; lastDate: string | null };
      } catch (e) {
        throw storeError(e, store.path);
      }
    })();
    return c.json({ ...storeCounts(store), ...range, writable: Boolean(token) });
  },
});
