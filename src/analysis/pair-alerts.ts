import type { Db } from '../store/index.js';
import { conflictCells, firstFullPeriod, storeDates } from './conflict-cells.js';
import { actorCode, checkDay, type EventRowFilters } from './event-rows.js';
import { pairConditions, pickDirection, round, type Direction } from './pair-series.js';
import { addPeriods, periodsBetween } from './period.js';
import { robustScore, type ConflictCell } from './robust-score.js';
import { alertScoring, ALERT_METHOD, type AlertScoring } from './scan-alerts.js';

/** Options of `pairAlerts`: the series' actors and filters, and the alert scoring. */
export type PairAlertsOptions = AlertScoring &
  EventRowFilters & {
    a: string;
    b?: string;
    direction?: Direction;
  };

/** A period of a pair's series that alerts. */
export type SeriesAlert = {
  period: string;
  score: number;
  current: number;
  conflictEvents: number;
  baseline: { median: number; mad: number; scale: number };
  method: string;
};

/**
 * Every period of a pair's series (between `from` and `to`, else the store's first and last event) that
 * `scanAlerts` would have raised on its own day: each period scored against its trailing window, with the
 * same measure, floor and thresholds. Draws the alert marks of a trend chart.
 */
export const pairAlerts = (db: Db, opts: PairAlertsOptions): SeriesAlert[] => {
  const { period, window, threshold, minEvents } = alertScoring(opts);
  const a = actorCode('a', opts.a);
  const b = opts.b ? actorCode('b', opts.b) : undefined;
  const dates = storeDates(db);
  if (!dates) return [];
  const from = checkDay('from', opts.from) ?? dates.first;
  const to = checkDay('to', opts.to) ?? dates.last;
  const first = firstFullPeriod(dates.first, period);
  const cond = pairConditions(a, b);
  const direction = opts.direction ?? 'both';
  const periods = periodsBetween(from, to, period);
  if (!periods.length) return [];
  const readFrom = addPeriods(periods[0], period, -window);
  const cells = new Map<string, ConflictCell>(
    conflictCells(db, { period, from: readFrom < first ? first : readFrom, to, filters: opts, anyOf: pickDirection(cond, direction), byPair: false }).map((c) => [c.p, c]),
  );
  const out: SeriesAlert[] = [];
  for (const p of periods) {
    const current = cells.get(p);
    if (!current || current.events < minEvents) continue;
    const baseline: ConflictCell[] = [];
    for (let i = window; i >= 1; i--) {
      const q = addPeriods(p, period, -i);
      if (q >= first) baseline.push(cells.get(q) ?? { events: 0, weight: 0, weight2: 0 });
    }
    if (baseline.length < Math.ceil(window / 2)) continue;
    const s = robustScore(baseline, current);
    if (s.score < threshold) continue;
    out.push({
      period: p,
      score: round(s.score, 3),
      current: round(current.weight, 3),
      conflictEvents: current.events,
      baseline: { median: round(s.median, 3), mad: round(s.mad, 3), scale: round(s.scale, 3) },
      method: ALERT_METHOD,
    });
  }
  return out;
};
