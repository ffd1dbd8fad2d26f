import type Database from 'better-sqlite3';
import type { Db } from '../store/index.js';

type Statement = Database.Statement<unknown[], unknown>;

const known = new WeakMap<Db, boolean>();
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection and SQL text (at most 500 kept): the API asks the same few shapes
 * of query again and again, and preparing one costs as much as running a small one.
 */
export const prepareCached = (db: Db, sql: string): Statement => {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    st = db.prepare(sql) as Statement;
    if (m.size >= 500) m.clear();
    m.set(sql, st);
  }
  return st;
};

/**
 * Whether the store has the rollups of migration 4 (src/store/schema.ts): per-day sums kept by triggers on
 * events. A store opened read-only at an older schema has none, and the analyses read the events instead.
 */
export const hasRollups = (db: Db): boolean => {
  let v = known.get(db);
  if (v === undefined) {
    v = Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rollup_pair_days'").get());
    // once there, always there; before it is, ask again next time (another process may migrate the store)
    if (v) known.set(db, v);
  }
  return v;
};

/** A 3-letter actor code: a country, the level the rollups keep. */
export const isCountry = (code: string): boolean => /^[A-Z]{3}$/.test(code);

/**
 * The codes that start with `prefix`, as a range of the code column: [prefix, the prefix with its last
 * character moved up one). The same set as `substr(code, 1, length(prefix)) = prefix`, read from an index.
 */
export const prefixRange = (prefix: string): [string, string] => [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];

/** Prefixes without those another one covers (19 covers 193), so that ranges don't count a code twice. */
export const disjointPrefixes = (prefixes: string[]): string[] => {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out;
};
