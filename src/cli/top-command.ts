import { movers, topActors, topPairs, type Period } from '../analysis/index.js';
import type { CommandIO } from './command-io.js';
import { processIO } from './command-io.js';
import { createOutput } from './output.js';
import { csvLine, intOption, list, num, pickFormat, renderTable, withStore } from './analysis-output.js';

export type TopCommandOptions = {
  db?: string;
  /** The countries in the most events instead of the pairs. */
  actors?: boolean;
  /** The pairs whose events changed most from the previous period. */
  movers?: boolean;
  from?: string;
  to?: string;
  period?: Period;
  asOf?: string;
  measure?: 'events' | 'conflict' | 'weight';
  limit?: number | string;
  codes?: string[];
  sectors?: string[];
  dedup?: boolean;
  oneADay?: boolean;
  format?: string;
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * `dyad top`: the directed country pairs with the most events (`--actors`: the countries; `--movers`: the
 * pairs that changed most from the period before the latest), as a table, CSV or JSON.
 */
export const runTop = async (opts: TopCommandOptions, io: CommandIO = processIO): Promise<number> => {
  const format = pickFormat(io, opts.format, 'csv');
  if (!format) return 2;
  const limit = intOption('--limit', opts.limit);
  if (typeof limit === 'string') return io.warn(limit), 2;
  if (opts.actors && opts.movers) return io.warn('--actors and --movers: choose one'), 2;
  return withStore(opts.db, io, (store) => {
    const filters = { codes: list(opts.codes), sectors: list(opts.sectors), dedup: opts.dedup, oneADay: opts.oneADay, ...(limit !== undefined ? { limit } : {}) };
    const out = createOutput(io.stdout);
    if (opts.movers) {
      const rows = movers(store.db, { ...filters, period: opts.period, asOf: opts.asOf, measure: opts.measure });
      const measure = opts.measure ?? 'events';
      if (format === 'json') out.line(JSON.stringify(rows, null, 2));
      else if (format === 'csv') {
        out.line(csvLine(['source', 'target', 'period', 'previous_period', 'events', 'previous_events', 'conflict', 'previous_conflict', 'weight', 'previous_weight', 'change', 'ratio']));
        for (const m of rows) out.line(csvLine([m.source, m.target, m.period, m.previousPeriod, m.current.events, m.previous.events, m.current.conflict, m.previous.conflict, m.current.weight, m.previous.weight, m.change, m.ratio]));
      } else {
        if (rows[0]) out.line(`${measure === 'events' ? 'events' : measure === 'conflict' ? 'conflict events' : 'conflict weight'}: the ${opts.period ?? 'week'} of ${rows[0].period} against the one of ${rows[0].previousPeriod}`);
        const table = rows.map((m) => [m.source, m.target, num(m.previous[measure], 1), num(m.current[measure], 1), `${m.change > 0 ? '+' : ''}${num(m.change, 1)}`, m.ratio === null ? 'new' : `×${num(m.ratio, 2)}`]);
        for (const l of renderTable(['SOURCE', 'TARGET', 'BEFORE', 'NOW', 'CHANGE', 'RATIO'], table, [false, false, true, true, true, true])) out.line(l);
      }
    } else if (opts.actors) {
      const rows = topActors(store.db, { ...filters, from: opts.from, to: opts.to });
      if (format === 'json') out.line(JSON.stringify(rows, null, 2));
      else if (format === 'csv') {
        out.line(csvLine(['actor', 'events', 'as_source', 'as_target', 'verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict', 'goldstein_mean', 'conflict_share']));
        for (const r of rows) out.line(csvLine([r.actor, r.events, r.asSource, r.asTarget, ...r.quad, r.goldsteinMean, r.conflictShare]));
      } else {
        const table = rows.map((r) => [r.actor, String(r.events), String(r.asSource), String(r.asTarget), num(r.goldsteinMean), pct(r.conflictShare)]);
        for (const l of renderTable(['ACTOR', 'EVENTS', 'AS SOURCE', 'AS TARGET', 'GOLDSTEIN', 'CONFLICT'], table, [false, true, true, true, true, true])) out.line(l);
      }
    } else {
      const rows = topPairs(store.db, { ...filters, from: opts.from, to: opts.to });
      if (format === 'json') out.line(JSON.stringify(rows, null, 2));
      else if (format === 'csv') {
        out.line(csvLine(['source', 'target', 'events', 'verbal_coop', 'material_coop', 'verbal_conflict', 'material_conflict', 'goldstein_sum', 'goldstein_mean', 'conflict_share']));
        for (const r of rows) out.line(csvLine([r.source, r.target, r.events, ...r.quad, r.goldsteinSum, r.goldsteinMean, r.conflictShare]));
      } else {
        const table = rows.map((r) => [r.source, r.target, String(r.events), ...r.quad.map(String), num(r.goldsteinMean), pct(r.conflictShare)]);
        for (const l of renderTable(['SOURCE', 'TARGET', 'EVENTS', 'V-COOP', 'M-COOP', 'V-CONF', 'M-CONF', 'GOLDSTEIN', 'CONFLICT'], table, [false, false, true, true, true, true, true, true, true])) out.line(l);
      }
    }
    out.flush();
    return 0;
  });
};
