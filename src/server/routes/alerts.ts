import { problem } from '../problem.js';
import { ACTOR_CODE, dateParam, enumParam, EVENT_CODE, flagParam, intParam, listParam, numberParam, readQuery, textParam } from '../params.js';
import { defineRoute, jsonBody } from '../route.js';
import { ref } from '../schemas.js';

export const ALERTS_QUERY = {
  a: textParam("one pair's alerts: every period of its series that would have alerted (a country or a full actor code)", ACTOR_CODE, 'RUS'),
  b: textParam('the other actor of the pair (with a)', ACTOR_CODE, 'UKR'),
  direction: enumParam('with a: ab (a is the source), ba (a is the target) or both', ['both', 'ab', 'ba'] as const, 'both'),
  from: dateParam('with a: first day of the series scored (default the first event)'),
  to: dateParam('with a: last day of the series scored (default the last event)'),
  asOf: dateParam('without a: the day of the scan; its period is scored (default the last event\'s date)'),
  period: enumParam('length of a period', ['day', 'week', 'month'] as const, 'week'),
  window: intParam('trailing periods in the baseline', { min: 1, max: 520, fallback: 8 }),
  threshold: numberParam('lowest robust z-score that alerts', { min: 0.1, max: 1000, fallback: 3.5 }),
  minEvents: intParam('fewest conflict events in the period for an alert', { min: 1, max: 1_000_000, fallback: 5 }),
  limit: intParam('without a: at most this many alerts, highest scores first', { min: 1, max: 1000, fallback: 100 }),
  evidence: intParam('without a: evidence events per alert, most severe first', { min: 0, max: 50, fallback: 5 }),
  code: listParam('CAMEO code prefixes (19) or PLOVER types (ASSAULT)', EVENT_CODE, '19'),
  sector: listParam("CAMEO sectors (MIL, GOV): the source's or target's sectors hold one", /^[A-Za-z]{3}$/, 'MIL'),
  dedup: flagParam('count a syndicated story once'),
  oneADay: flagParam('one event per date, source, target and code'),
};

export const alertsRoute = defineRoute({
  method: 'get',
  path: '/api/alerts',
  operationId: 'listAlerts',
  tag: 'analysis',
  summary: 'Escalation alerts: directed pairs whose conflict is far above their own recent level',
  description:
    "Without `a`: a scan of every directed country pair, scoring the period of `asOf` (default the last event's) against each pair's trailing `window` periods with a robust z-score, highest first, each with its most severe events (`scope` names the periods scored). With `a` (and `b`): every period of that pair's series that would have alerted on its own day, to mark on its chart.",
  query: ALERTS_QUERY,
  responses: { 200: { description: 'the alerts', schema: ref('Alerts') } },
  handler: async (c, { query }) => {
    const q = readQuery(c, ALERTS_QUERY);
    const scoring = { period: q.period, window: q.window, threshold: q.threshold, minEvents: q.minEvents };
    const filters = { codes: q.code, sectors: q.sector, dedup: q.dedup, oneADay: q.oneADay };
    if (q.a) {
      if (q.asOf) throw problem('invalid-parameter', 'asOf: goes with a scan (no a); a pair is scored over from..to', { parameter: 'asOf' });
      const a = q.a.toUpperCase();
      const b = q.b?.toUpperCase();
      const opts = { ...scoring, ...filters, a, ...(b ? { b } : {}), direction: q.direction, from: q.from, to: q.to };
      return jsonBody(await query('pairAlerts', { opts, a, b: b ?? null, direction: q.direction, period: q.period }));
    }
    for (const name of ['b', 'from', 'to'] as const) if (q[name]) throw problem('invalid-parameter', `${name}: goes with a (one pair's alerts)`, { parameter: name });
    return jsonBody(await query('scanAlerts', { opts: { ...scoring, ...filters, asOf: q.asOf, limit: q.limit, evidence: q.evidence } }));
  },
});
