import { ACTOR_CODE, dateParam, enumParam, EVENT_CODE, flagParam, listParam, readQuery, textParam } from '../params.js';
import { defineRoute, jsonBody } from '../route.js';
import { ref } from '../schemas.js';

export const SERIES_QUERY = {
  a: textParam('an actor: a country (RUS, matched on the country) or a full actor code (RUSGOV, matched exactly)', ACTOR_CODE, 'RUS', true),
  b: textParam('the other actor, in the same form; absent: a with everyone', ACTOR_CODE, 'UKR'),
  period: enumParam('length of a period; each is named by its first day', ['day', 'week', 'month'] as const, 'week'),
  from: dateParam('first event date, inclusive (default the first event)'),
  to: dateParam('last event date, inclusive (default the last event)'),
  code: listParam('CAMEO code prefixes (19) or PLOVER types (ASSAULT)', EVENT_CODE, '19'),
  sector: listParam("CAMEO sectors (MIL, GOV): the source's or target's sectors hold one", /^[A-Za-z]{3}$/, 'MIL'),
  direction: enumParam('ab: a is the source; ba: a is the target; both: either (and `directions` holds each)', ['both', 'ab', 'ba'] as const, 'both'),
  dedup: flagParam("count a syndicated story once (near-duplicate articles' events with the same source, target and code)"),
  oneADay: flagParam('one event per date, source, target and code'),
  normalize: flagParam("add each period's share of all events stored for it (`normalized`)"),
};

export const seriesRoute = defineRoute({
  method: 'get',
  path: '/api/series',
  operationId: 'pairSeries',
  tag: 'analysis',
  summary: 'The conflict–cooperation time series of a pair of actors',
  description: 'Per period: events, their QuadClasses, Goldstein sum and mean, share of conflict and the conflict weight alerts score, with a point for every period of the range.',
  query: SERIES_QUERY,
  responses: { 200: { description: 'the series', schema: ref('Series') } },
  handler: async (c, { query }) => {
    const q = readQuery(c, SERIES_QUERY);
    return jsonBody(
      await query('series', {
        a: q.a.toUpperCase(),
        ...(q.b ? { b: q.b.toUpperCase() } : {}),
        period: q.period,
        from: q.from,
        to: q.to,
        codes: q.code,
        sectors: q.sector,
        direction: q.direction,
        dedup: q.dedup,
        oneADay: q.oneADay,
        normalize: q.normalize,
      }),
    );
  },
});
