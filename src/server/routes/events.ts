import type { EventOrder } from '../event-page.js';
import { ACTOR_CODE, dateParam, enumParam, EVENT_CODE, intParam, isDay, listParam, MODALITIES, readQuery, textParam } from '../params.js';
import { problem } from '../problem.js';
import { defineRoute, jsonBody } from '../route.js';
import { encodeCursor } from '../queries.js';
import { ref } from '../schemas.js';

export const MAX_PAGE = 500;

const EVENT_QUERY = {
  from: dateParam('first event date, inclusive'),
  to: dateParam('last event date, inclusive'),
  actor: listParam('source or target is one of these: a country (RUS, which matches RUSGOV and RUSMIL) or a full actor code (RUSGOV, matched exactly)', ACTOR_CODE, 'RUS'),
  source: listParam('source is one of these (countries or full codes, as for actor)', ACTOR_CODE, 'RUS'),
  target: listParam('target is one of these (countries or full codes, as for actor)', ACTOR_CODE, 'UKR'),
  pair: listParam("two actors: the events between them, either way; the events a series of the pair counts", ACTOR_CODE, 'RUS,UKR'),
  code: listParam('CAMEO codes (19 matches 190-196) or PLOVER types (ASSAULT)', EVENT_CODE, '19'),
  modality: listParam(`modalities to keep: ${MODALITIES.join(', ')}`, new RegExp(`^(${MODALITIES.join('|')})$`), 'asserted'),
  order: enumParam('date order: newest first (desc) or oldest first (asc)', ['desc', 'asc'] as const, 'desc'),
  limit: intParam(`events per page (at most ${MAX_PAGE})`, { min: 1, max: MAX_PAGE, fallback: 50 }),
  offset: intParam('events to skip (offset paging; prefer cursor for deep pages)', { min: 0, max: 10_000_000, fallback: 0 }),
  cursor: textParam("the previous page's nextCursor (keyset paging)", /^[A-Za-z0-9_-]{1,200}$/, 'WyIyMDIyLTAxLTIxIiwxMiwiZGVzYyJd'),
};

export { encodeCursor };

export const decodeCursor = (cursor: string, order: EventOrder): { date: string; id: number } => {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'string' || !isDay(v[0]) || !Number.isSafeInteger(v[1]) || (v[2] !== 'asc' && v[2] !== 'desc')) {
    throw problem('invalid-parameter', 'cursor: not a cursor this server gave out; start again without one', { parameter: 'cursor' });
  }
  if (v[2] !== order) throw problem('invalid-parameter', `cursor: it belongs to order=${v[2]}; keep the order while paging`, { parameter: 'cursor' });
  return { date: v[0], id: v[1] };
};

export const eventsRoute = defineRoute({
  method: 'get',
  path: '/api/events',
  operationId: 'listEvents',
  tag: 'events',
  summary: 'Stored events, filtered and paged',
  description:
    'Events in date order (newest first by default) with the total that pass the filters. The total is exact where the store\'s rollups answer it (dates, modality and CAMEO codes without actors; countries with dates; a pair of countries with CAMEO roots) or where at most 10,000 events pass; past that it is 10,000 with `totalExact: false` ("10,000+"). Page with `cursor` (the previous page\'s `nextCursor`: stable while events are added) or with `offset`. Lists take repeated parameters or commas.',
  query: EVENT_QUERY,
  responses: { 200: { description: 'one page of events', schema: ref('EventPage') } },
  handler: async (c, { query }) => {
    const q = readQuery(c, EVENT_QUERY);
    if (q.cursor && q.offset) throw problem('invalid-parameter', 'offset: give cursor or offset, not both', { parameter: 'offset' });
    if (q.pair && q.pair.length !== 2) throw problem('invalid-parameter', `pair: give two codes, got ${q.pair.length}`, { parameter: 'pair' });
    if (q.from && q.to && q.from > q.to) throw problem('invalid-parameter', `from: ${q.from} is after to (${q.to})`, { parameter: 'from' });
    const filters = { from: q.from, to: q.to, actor: q.actor, source: q.source, target: q.target, pair: q.pair as [string, string] | undefined, code: q.code, modality: q.modality };
    const start = q.cursor ? { after: decodeCursor(q.cursor, q.order) } : { offset: q.offset };
    return jsonBody(await query('events', { filters, limit: q.limit, order: q.order, start, cursor: Boolean(q.cursor), offset: q.offset }));
  },
});
