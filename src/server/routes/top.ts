import { dateParam, enumParam, EVENT_CODE, flagParam, intParam, listParam, readQuery } from '../params.js';
import { defineRoute, jsonBody } from '../route.js';
import { ref } from '../schemas.js';

const FILTERS = {
  code: listParam('CAMEO code prefixes (19) or PLOVER types (ASSAULT)', EVENT_CODE, '19'),
  sector: listParam("CAMEO sectors (MIL, GOV): the source's or target's sectors hold one", /^[A-Za-z]{3}$/, 'MIL'),
  dedup: flagParam('count a syndicated story once'),
  oneADay: flagParam('one event per date, source, target and code'),
};

export const TOP_QUERY = {
  from: dateParam('first event date, inclusive'),
  to: dateParam('last event date, inclusive'),
  limit: intParam('how many pairs and how many actors', { min: 1, max: 500, fallback: 10 }),
  ...FILTERS,
};

export const topRoute = defineRoute({
  method: 'get',
  path: '/api/top',
  operationId: 'topPairsAndActors',
  tag: 'analysis',
  summary: 'The directed country pairs and the countries with the most events',
  description: 'Each with its events, QuadClass counts, Goldstein sum and mean, and share of conflict; an actor also with its events as source and as target.',
  query: TOP_QUERY,
  responses: { 200: { description: 'the pairs and the actors, most events first', schema: ref('Top') } },
  handler: async (c, { query }) => {
    const q = readQuery(c, TOP_QUERY);
    return jsonBody(await query('top', { from: q.from, to: q.to, limit: q.limit, codes: q.code, sectors: q.sector, dedup: q.dedup, oneADay: q.oneADay }));
  },
});

export const MOVERS_QUERY = {
  asOf: dateParam("the day whose period is compared with the one before (default the last event's date)"),
  period: enumParam('length of a period', ['day', 'week', 'month'] as const, 'week'),
  measure: enumParam('what changed: events, conflict events, or conflict weight (Σ|Goldstein|)', ['events', 'conflict', 'weight'] as const, 'events'),
  limit: intParam('how many pairs', { min: 1, max: 500, fallback: 10 }),
  ...FILTERS,
};

export const moversRoute = defineRoute({
  method: 'get',
  path: '/api/movers',
  operationId: 'movers',
  tag: 'analysis',
  summary: 'The directed country pairs whose events changed the most from the previous period',
  query: MOVERS_QUERY,
  responses: { 200: { description: 'the pairs, largest change first (rises and falls alike)', schema: { type: 'object', properties: { movers: { type: 'array', items: { type: 'object' } } } } } },
  handler: async (c, { query }) => {
    const q = readQuery(c, MOVERS_QUERY);
    return jsonBody(await query('movers', { asOf: q.asOf, period: q.period, measure: q.measure, limit: q.limit, codes: q.code, sectors: q.sector, dedup: q.dedup, oneADay: q.oneADay }));
  },
});
