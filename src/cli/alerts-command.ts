import { alertScope, scanAlerts, type Alert, type Period } from '../analysis/index.js';
import { cameoCode } from '../standards/index.js';
import type { CommandIO } from './command-io.js';
import { processIO } from './command-io.js';
import { createOutput } from './output.js';
import { csvLine, intOption, list, num, pickFormat, withStore } from './analysis-output.js';

export type AlertsCommandOptions = {
  db?: string;
  period?: Period;
  window?: number | string;
  threshold?: number | string;
  minEvents?: number | string;
  asOf?: string;
  limit?: number | string;
  evidence?: number | string;
  codes?: string[];
  sectors?: string[];
  dedup?: boolean;
  oneADay?: boolean;
  format?: string;
};

const CSV_HEADER = [
  'source', 'target', 'period', 'score', 'conflict_weight', 'conflict_events', 'baseline_median', 'baseline_mad', 'baseline_scale', 'method',
  'event_id', 'doc_id', 'date', 'code', 'goldstein', 'evidence',
];

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** An alert as lines for a person: the pair, the period, how big, and the evidence under it. */
const alertLines = (a: Alert, period: Period): string[] => [
  `${a.source} → ${a.target}  ${period} of ${a.period}  z ${num(a.score, 1)}: conflict weight ${num(a.current, 1)} from ${a.conflictEvents} conflict event${a.conflictEvents === 1 ? '' : 's'}` +
    ` (usual: median ${num(a.baseline.median, 1)}, MAD ${num(a.baseline.mad, 1)})`,
  ...a.events.map((e) => {
    const name = cameoCode(e.code)?.name ?? '';
    return `    ${e.date}  ${`${e.code} ${clip(name, 28)}`.padEnd(34)} ${num(e.goldstein, 1).padStart(5)}  ${clip(`${e.docId}#${e.id}`, 18).padEnd(18)}  "${clip(e.evidence.replace(/\s+/g, ' '), 80)}"`;
  }),
];

/**
 * `dyad alerts`: the directed country pairs whose conflict in the latest period (or the period of `--as-of`)
 * is far above their trailing baseline, highest score first, each with its size, period and the evidence of
 * its most severe events; a table on a terminal, JSON in a pipe, or CSV (one row per evidence event).
 */
export const runAlerts = async (opts: AlertsCommandOptions, io: CommandIO = processIO): Promise<number> => {
  const format = pickFormat(io, opts.format, 'json');
  if (!format) return 2;
  const nums: Record<string, number | undefined> = {};
  for (const [k, flag] of [['window', '--window'], ['threshold', '--threshold'], ['minEvents', '--min-events'], ['limit', '--limit'], ['evidence', '--evidence']] as const) {
    const v = intOption(flag, opts[k]);
    if (typeof v === 'string') return io.warn(v), 2;
    nums[k] = v;
  }
  return withStore(opts.db, io, (store) => {
    const period = opts.period ?? 'week';
    const options = { period, asOf: opts.asOf, codes: list(opts.codes), sectors: list(opts.sectors), dedup: opts.dedup, oneADay: opts.oneADay, ...nums };
    const alerts = scanAlerts(store.db, options);
    const scope = alertScope(store.db, options);
    const out = createOutput(io.stdout);
    if (format === 'json') out.line(JSON.stringify(alerts, null, 2));
    else if (format === 'csv') {
      out.line(csvLine(CSV_HEADER));
      for (const a of alerts) {
        const head = [a.source, a.target, a.period, a.score, a.current, a.conflictEvents, a.baseline.median, a.baseline.mad, a.baseline.scale, a.method];
        if (!a.events.length) out.line(csvLine(head));
        for (const e of a.events) out.line(csvLine([...head, e.id, e.docId, e.date, e.code, e.goldstein, e.evidence.replace(/\s+/g, ' ')]));
      }
    } else {
      if (!scope) out.line(`no alerts: the store holds too little history for a baseline of ${nums.window ?? 8} ${period}s`);
      else {
        out.line(
          `${alerts.length} alert${alerts.length === 1 ? '' : 's'} for the ${period} of ${scope.period} (events to ${scope.asOf}), against the ${scope.baseline.length} ${period}s before` +
            `${opts.dedup ? ', stories counted once' : ''}${opts.oneADay ? ', one a day' : ''}`,
        );
        for (const a of alerts) out.line(''), alertLines(a, period).forEach((l) => out.line(l));
      }
    }
    out.flush();
    return 0;
  });
};
