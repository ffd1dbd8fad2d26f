import { AnalysisError } from './analysis-error.js';
import { isDay, PERIODS, type Period } from './period.js';

/** Filters shared by every analysis: which events count, and how a story or a day's repeats count once. */
export type EventRowFilters = {
  /** First and last event date, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** CAMEO code prefixes (`19` keeps 190–196) or PLOVER types (`ASSAULT`). */
  codes?: string[];
  /** CAMEO sector codes (`MIL`, `GOV`): an event is kept when its source's or its target's sectors hold one. */
  sectors?: string[];
  /** Count a syndicated story once: of a story's events with the same source, target and code, the earliest. */
  dedup?: boolean;
  /** The one-a-day filter: one event per date, source, target and code (the lowest id). */
  oneADay?: boolean;
};

/**
 * The columns of the rows `eventRowsSql` returns: all of them are in the covering indexes of migration 3
 * (src/store/schema.ts), so counting reads indexes only, never the wide event rows.
 */
export const ROW_COLUMNS = 'id, cluster_id, date, source_code, source_country, target_code, target_country, cameo_code, quad_class, goldstein';

/** A condition over the events' columns, with its parameters. */
export type Condition = { sql: string; params: unknown[] };

/**
 * The weight of an event in the conflict measure: |Goldstein| of a verbal or material conflict event (quad 3
 * or 4; 5 for the four codes that have no Goldstein score), 0 for cooperation.
 */
export const CONFLICT_WEIGHT_SQL = 'CASE WHEN quad_class >= 3 THEN coalesce(abs(goldstein), 5.0) ELSE 0.0 END';

/**
 * How an actor code matches a side of an event: a 3-letter code is a country and matches the country column
 * (`RUS` matches RUSGOV and RUSMIL), a longer one is a full actor code and matches the code column exactly.
 */
export const actorSql = (side: 'source' | 'target', code: string): { sql: string; params: string[] } => ({
  sql: /^[A-Z]{3}$/.test(code) ? `${side}_country = ?` : `${side}_code = ?`,
  params: [code],
});

/** An actor code as the store spells it, or an AnalysisError naming the option. */
export const actorCode = (option: string, code: unknown): string => {
  const c = typeof code === 'string' ? code.trim().toUpperCase() : '';
  if (!/^[A-Z0-9]{3,}$/.test(c)) throw new AnalysisError(option, `${option} must be an actor code (a country such as RUS, or a full code such as RUSGOV), got "${String(code)}"`);
  return c;
};

export const checkDay = (option: string, v: string | undefined): string | undefined => {
  if (v !== undefined && !isDay(v)) throw new AnalysisError(option, `${option} must be a date YYYY-MM-DD, got "${v}"`);
  return v;
};

export const checkPeriod = (v: unknown): Period => {
  if (!PERIODS.includes(v as Period)) throw new AnalysisError('period', `period must be one of ${PERIODS.join(', ')}, got "${String(v)}"`);
  return v as Period;
};

export const checkCount = (option: string, v: number, min: number): number => {
  if (!Number.isInteger(v) || v < min) throw new AnalysisError(option, `${option} must be a whole number of at least ${min}, got ${v}`);
  return v;
};

/**
 * The SQL of the events that pass the filters and the extra conditions `where`, one row per counted event with
 * the columns of ROW_COLUMNS. With `anyOf`, an event must also meet one of those conditions; each is a branch
 * of a UNION ALL (an event that meets several is read once, by the first it meets), so that each branch seeks
 * its own index, where an OR would make SQLite fetch every row from the table. Filters are applied first, then
 * `dedup`, then `oneADay`, as in the store's event query (src/store/queries.ts), so an analysis counts what an
 * export of the same filters writes.
 */
export const eventRowsSql = (f: EventRowFilters, where: Condition[] = [], anyOf: Condition[] = []): { sql: string; params: unknown[] } => {
  const conds: string[] = [];
  const params: unknown[] = [];
  const from = checkDay('from', f.from);
  const to = checkDay('to', f.to);
  if (from) conds.push('date >= ?'), params.push(from);
  if (to) conds.push('date <= ?'), params.push(to);
  if (from && to && from > to) throw new AnalysisError('from', `from (${from}) is after to (${to})`);
  for (const w of where) conds.push(w.sql), params.push(...w.params);
  const codes = (f.codes ?? []).map((c) => c.trim()).filter(Boolean);
  if (codes.length) {
    const ors: string[] = [];
    for (const c of codes) {
      if (/^\d{2,4}$/.test(c)) ors.push('substr(cameo_code, 1, ?) = ?'), params.push(c.length, c);
      else if (/^[A-Za-z_]+$/.test(c)) ors.push('plover_type = ?'), params.push(c.toUpperCase());
      else throw new AnalysisError('codes', `codes must be CAMEO code prefixes (19, 193) or PLOVER types (ASSAULT), got "${c}"`);
    }
    conds.push(`(${ors.join(' OR ')})`);
  }
  const sectors = (f.sectors ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (sectors.length) {
    const ors: string[] = [];
    for (const s of sectors) {
      if (!/^[A-Z]{3}$/.test(s)) throw new AnalysisError('sectors', `sectors must be 3-letter CAMEO sector codes (MIL, GOV, REB), got "${s}"`);
      // a sector column holds one or more 3-letter codes run together (GOV, GOVMIL): compare each of the first three
      for (const side of ['source_sector', 'target_sector']) {
        ors.push(`? IN (substr(${side}, 1, 3), substr(${side}, 4, 3), substr(${side}, 7, 3))`);
        params.push(s);
      }
    }
    conds.push(`(${ors.join(' OR ')})`);
  }
  const select = (extra: Condition[]) => {
    const all = [...conds, ...extra.map((c) => c.sql)];
    return `SELECT ${ROW_COLUMNS} FROM events${all.length ? ` WHERE ${all.join(' AND ')}` : ''}`;
  };
  let sql: string;
  let sqlParams: unknown[];
  if (anyOf.length <= 1) {
    sql = select(anyOf);
    sqlParams = [...params, ...anyOf.flatMap((c) => c.params)];
  } else {
    // branch i: the filters, condition i, and none of the conditions before it
    const branches = anyOf.map((c, i) => [c, ...anyOf.slice(0, i).map((d) => ({ sql: `NOT coalesce(${d.sql}, 0)`, params: d.params }))]);
    sql = branches.map((b) => select(b)).join('\nUNION ALL\n');
    sqlParams = branches.flatMap((b) => [...params, ...b.flatMap((c) => c.params)]);
  }
  if (f.dedup) {
    sql = `SELECT ${ROW_COLUMNS} FROM (
  SELECT ${ROW_COLUMNS}, row_number() OVER (
    PARTITION BY cluster_id, coalesce(source_code, ''), coalesce(target_code, ''), cameo_code ORDER BY date, id) AS story_rank
  FROM (${sql})) WHERE story_rank = 1`;
  }
  if (f.oneADay) {
    // with one min() aggregate, SQLite takes the other columns from the row that has the minimum id
    sql = `SELECT min(id) AS id, ${ROW_COLUMNS.replace('id, ', '')} FROM (${sql})
  GROUP BY date, coalesce(source_code, ''), coalesce(target_code, ''), cameo_code`;
  }
  return { sql, params: sqlParams };
};
