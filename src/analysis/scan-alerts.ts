import type { Db } from '../store/index.js';
import { AnalysisError } from './analysis-error.js';
import { conflictCells, firstFullPeriod, storeDates } from './conflict-cells.js';
import { checkCount, checkDay, checkPeriod, CONFLICT_WEIGHT_SQL, eventRowsSql, type EventRowFilters } from './event-rows.js';
import { addPeriods, periodStart, type Period } from './period.js';
import { robustScore, type ConflictCell } from './robust-score.js';
import { round } from './pair-series.js';

/** The name of the alert method, as alerts carry it. */
export const ALERT_METHOD = 'robust-z:conflict-weight';

/** How alerts are scored; shared by `scanAlerts` and `pairAlerts`. */
export type AlertScoring = {
  /** Length of a period; default `week`. */
  period?: Period;
  /** Trailing periods in the baseline; default 8. */
  window?: number;
  /** Lowest score that alerts; default 3.5 (Iglewicz and Hoaglin's cut-off for modified z-scores). */
  threshold?: number;
  /** Fewest conflict events in the period for an alert; default 5. */
  minEvents?: number;
};

/** Options of `scanAlerts`. */
export type ScanAlertsOptions = AlertScoring &
  Pick<EventRowFilters, 'codes' | 'sectors' | 'dedup' | 'oneADay'> & {
    /** The day the scan is made on: its period is scored, events after it are not read; default the last event's date. */
    asOf?: string;
    /** At most this many alerts, the highest scores; default all. */
    limit?: number;
    /** Evidence events per alert, the most severe first; default 5. */
    evidence?: number;
  };

/** An event behind an alert, with the words it was coded from. */
export type AlertEvent = { id: number; docId: string; date: string; code: string; goldstein: number | null; evidence: string };

/** A directed country pair whose conflict in the scanned period is far above its own recent level. */
export type Alert = {
  source: string;
  target: string;
  /** The scanned period's first day. */
  period: string;
  /** Robust z-score: (current − baseline median) / scale. */
  score: number;
  /** Conflict weight of the period: Σ|Goldstein| of its conflict events. */
  current: number;
  /** Conflict events in the period. */
  conflictEvents: number;
  /** The trailing periods: median and MAD of their conflict weight, the scale used, and the weights, oldest first. */
  baseline: { median: number; mad: number; scale: number; values: number[] };
  method: string;
  /** The most severe conflict events of the period (at most `evidence`). */
  events: AlertEvent[];
};

/** What a scan looks at: the scored period, the baseline periods, and the last day read. */
export type AlertScope = { period: string; asOf: string; baseline: string[] };

/** The scoring options with their defaults, checked. */
export const alertScoring = (o: AlertScoring) => {
  const { period = 'week', window = 8, threshold = 3.5, minEvents = 5 } = o;
  checkPeriod(period);
  checkCount('window', window, 1);
  checkCount('minEvents', minEvents, 1);
  if (!(threshold > 0)) throw new AnalysisError('threshold', `threshold must be a number above 0, got ${threshold}`);
  return { period, window, threshold, minEvents };
};

/** Baselines shorter than this many periods (half the window, rounded up) are too short to score against. */
const minBaseline = (window: number) => Math.ceil(window / 2);

/**
 * The period a scan scores and its baseline: the `window` periods before it that the store covers in full.
 * Undefined for an empty store or one whose history is shorter than half the window.
 */
export const alertScope = (db: Db, opts: Pick<ScanAlertsOptions, 'period' | 'window' | 'asOf'> = {}): AlertScope | undefined => {
  const { period = 'week', window = 8 } = opts;
  checkPeriod(period);
  checkCount('window', window, 1);
  const dates = storeDates(db);
  if (!dates) return undefined;
  const asOf = checkDay('asOf', opts.asOf) ?? dates.last;
  const current = periodStart(asOf, period);
  const first = firstFullPeriod(dates.first, period);
  const baseline: string[] = [];
  for (let i = window; i >= 1; i--) {
    const p = addPeriods(current, period, -i);
    if (p >= first) baseline.push(p);
  }
  return baseline.length >= minBaseline(window) ? { period: current, asOf, baseline } : undefined;
};

const ZERO: ConflictCell = { events: 0, weight: 0, weight2: 0 };

/**
 * Scans every directed country pair for escalation: scores the conflict weight of the period that holds
 * `asOf` (by default the period of the last stored event) against the pair's trailing `window` periods with a
 * robust z-score (see robustScore and docs/analysis.md), and returns the pairs at or above `threshold` with at
 * least `minEvents` conflict events, highest score first, each with the evidence of its most severe events.
 * Reads only the days of the window, grouped in SQL; empty when the store's history is shorter than half the
 * window.
 *
 * @example
 * scanAlerts(store.db, { period: 'week', dedup: true, limit: 10 })
 * // -> [{ source: 'RUS', target: 'UKR', period: '2022-02-21', score: 9.4, current: 412.6, conflictEvents: 47,
 * //       baseline: { median: 38.2, mad: 9.1, scale: 13.5, values: [...] }, method: 'robust-z:conflict-weight', events: [...] }]
 */
export const scanAlerts = (db: Db, opts: ScanAlertsOptions = {}): Alert[] => {
  const { period, window, threshold, minEvents } = alertScoring(opts);
  const { limit, evidence = 5 } = opts;
  if (limit !== undefined) checkCount('limit', limit, 1);
  checkCount('evidence', evidence, 0);
  const scope = alertScope(db, { period, window, asOf: opts.asOf });
  if (!scope) return [];
  const filters: EventRowFilters = { codes: opts.codes, sectors: opts.sectors, dedup: opts.dedup, oneADay: opts.oneADay };
  const cells = conflictCells(db, {
    period,
    from: scope.baseline[0],
    to: scope.asOf,
    filters,
    where: [{ sql: 'source_country IS NOT NULL AND target_country IS NOT NULL', params: [] }],
    byPair: true,
  });
  const pairs = new Map<string, Map<string, ConflictCell>>();
  for (const c of cells) {
    const k = `${c.source}\u0000${c.target}`;
    let m = pairs.get(k);
    if (!m) pairs.set(k, (m = new Map()));
    m.set(c.p, c);
  }
  const alerts: Alert[] = [];
  for (const [k, m] of pairs) {
    const current = m.get(scope.period);
    if (!current || current.events < minEvents) continue;
    const baseline = scope.baseline.map((p) => m.get(p) ?? ZERO);
    const s = robustScore(baseline, current);
    if (s.score < threshold) continue;
    const [source, target] = k.split('\u0000');
    alerts.push({
      source,
      target,
      period: scope.period,
      score: round(s.score, 3),
      current: round(current.weight, 3),
      conflictEvents: current.events,
      baseline: { median: round(s.median, 3), mad: round(s.mad, 3), scale: round(s.scale, 3), values: baseline.map((c) => round(c.weight, 3)) },
      method: ALERT_METHOD,
      events: [],
    });
  }
  alerts.sort((x, y) => y.score - x.score || y.current - x.current || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  const out = limit === undefined ? alerts : alerts.slice(0, limit);
  if (evidence > 0) for (const al of out) al.events = alertEvidence(db, al, scope.baseline[0], scope.asOf, filters, evidence);
  return out;
};

/**
 * The most severe conflict events of a pair in a period (up to `asOf`), with their evidence. The rows are
 * filtered over the same days as the scores (from the baseline's start), so dedup and one-a-day keep the
 * same events: a story first told in the baseline is not evidence of the current period.
 */
const alertEvidence = (db: Db, al: Pick<Alert, 'source' | 'target' | 'period'>, from: string, asOf: string, filters: EventRowFilters, n: number): AlertEvent[] => {
  const rows = eventRowsSql({ ...filters, from, to: asOf }, [{ sql: 'source_country = ? AND target_country = ? AND quad_class >= 3', params: [al.source, al.target] }]);
  const sql = `SELECT r.id, e.doc_id, r.date, r.cameo_code, r.goldstein, e.evidence_text
    FROM (${rows.sql}) r JOIN events e ON e.id = r.id
   WHERE r.date >= ?
   ORDER BY ${CONFLICT_WEIGHT_SQL.replace(/quad_class|goldstein/g, (c) => `r.${c}`)} DESC, r.date, r.id LIMIT ?`;
  return (db.prepare(sql).all(...rows.params, al.period, n) as { id: number; doc_id: string; date: string; cameo_code: string; goldstein: number | null; evidence_text: string }[]).map(
    (r) => ({ id: r.id, docId: r.doc_id, date: r.date, code: r.cameo_code, goldstein: r.goldstein, evidence: r.evidence_text }),
  );
};

