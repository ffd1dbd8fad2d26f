import { pairAlerts, pairSeries, sparkline, writeTrendChart, type Direction, type Period, type SeriesAlert } from '../analysis/index.js';
import type { CommandIO } from './command-io.js';
import { processIO } from './command-io.js';
import { createOutput } from './output.js';
import { csvLine, intOption, list, num, pickFormat, renderTable, withStore } from './analysis-output.js';

export type TrendCommandOptions = {
  db?: string;
  period?: Period;
  from?: string;
  to?: string;
  codes?: string[];
  sectors?: string[];
  oneADay?: boolean;
  dedup?: boolean;
  normalize?: boolean;
  direction?: Direction;
  format?: string;
  /** Draw the series to this file (.svg or .png). */
  plot?: string;
  /** Alert scoring of the marked periods. */
  window?: number | string;
  threshold?: number | string;
  minEvents?: number | string;
};

const CSV_HEADER = ['period', 'events', 'verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict', 'goldstein_sum', 'goldstein_mean', 'conflict_share', 'conflict_weight'];

/**
 * `dyad trend A [B]`: the time series of a pair (or of A with everyone) as a table (ending, on a terminal, with
 * a sparkline of conflict), CSV or JSON, each period with its alert score where it alerts; `--plot FILE`
 * draws it to an SVG or PNG.
 */
export const runTrend = async (a: string, b: string | undefined, opts: TrendCommandOptions, io: CommandIO = processIO): Promise<number> => {
  const format = pickFormat(io, opts.format, 'csv');
  if (!format) return 2;
  const scoring: Record<string, number | undefined> = {};
  for (const [k, flag] of [['window', '--window'], ['threshold', '--threshold'], ['minEvents', '--min-events']] as const) {
    const v = intOption(flag, opts[k]);
    if (typeof v === 'string') return io.warn(v), 2;
    scoring[k] = v;
  }
  return withStore(opts.db, io, async (store) => {
    const filters = {
      from: opts.from,
      to: opts.to,
      codes: list(opts.codes),
      sectors: list(opts.sectors),
      dedup: opts.dedup,
      oneADay: opts.oneADay,
    };
    const series = pairSeries(store.db, { a, b, period: opts.period ?? 'week', direction: opts.direction, normalize: opts.normalize, ...filters });
    const alerts = pairAlerts(store.db, { a, b, period: series.period, direction: series.direction, ...filters, ...scoring });
    const byPeriod = new Map<string, SeriesAlert>(alerts.map((x) => [x.period, x]));
    const who = series.b ? `${series.a}–${series.b}` : `${series.a} with everyone`;
    if (!series.points.length) io.warn(`trend: no events for ${who}${opts.from || opts.to ? ' in that range' : ''} in the store`);
    const out = createOutput(io.stdout);
    if (format === 'json') {
      out.line(JSON.stringify({ ...series, alerts }, null, 2));
    } else if (format === 'csv') {
      out.line(csvLine([...CSV_HEADER, ...(opts.normalize ? ['normalized'] : []), 'alert_score']));
      for (const p of series.points) {
        out.line(csvLine([p.period, p.events, ...p.quad, p.goldsteinSum, p.goldsteinMean, p.conflictShare, p.conflictWeight, ...(opts.normalize ? [p.normalized] : []), byPeriod.get(p.period)?.score]));
      }
    } else {
      const header = ['PERIOD', 'EVENTS', 'V-COOP', 'M-COOP', 'V-CONF', 'M-CONF', 'GOLDSTEIN', 'CONFLICT', ...(opts.normalize ? ['SHARE'] : []), 'ALERT'];
      const rows = series.points.map((p) => [
        p.period,
        String(p.events),
        ...p.quad.map(String),
        num(p.goldsteinMean),
        `${Math.round(p.conflictShare * 100)}%`,
        ...(opts.normalize ? [`${num((p.normalized ?? 0) * 100, 3)}%`] : []),
        byPeriod.has(p.period) ? `z ${num(byPeriod.get(p.period)!.score, 1)}` : '',
      ]);
      out.line(`${who}, per ${series.period}${series.direction === 'both' ? '' : ` (${series.direction === 'ab' ? `${series.a} as source` : `${series.a} as target`})`}`);
      for (const l of renderTable(header, rows, header.map((_, i) => i > 0 && i < header.length - 1))) out.line(l);
      if (io.stdout.isTTY && series.points.length) {
        const conflict = series.points.map((p) => p.quad[2] + p.quad[3]);
        out.line(`conflict  ${sparkline(conflict)}  (max ${Math.max(...conflict)} a ${series.period}; ${alerts.length} alert${alerts.length === 1 ? '' : 's'})`);
      }
    }
    out.flush();
    if (opts.plot) {
      const kind = await writeTrendChart(opts.plot, series, {
        alerts,
        subtitle: [filters.codes && `codes ${filters.codes.join(',')}`, filters.sectors && `sectors ${filters.sectors.join(',')}`, opts.dedup && 'stories once', opts.oneADay && 'one a day']
          .filter(Boolean)
          .join(' · ') || undefined,
      });
      io.warn(`trend: ${kind.toUpperCase()} chart of ${series.points.length} ${series.period}s written to ${opts.plot}, ${alerts.length} alert${alerts.length === 1 ? '' : 's'} marked`);
    }
    return 0;
  });
};
