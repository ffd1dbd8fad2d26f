/**
 * The store's schema as numbered migrations. A migration is never edited once released: a change to the
 * schema is a new migration at the end. `PRAGMA user_version` holds the number of the last one applied.
 * docs/store.md describes every table and column.
 */
export type Migration = { version: number; name: string; sql: string };

/** The parts of an event the pair rollups sum, as SQL over the row \`r\` (NEW or OLD). */
const pairSums = (r: string) => [
  '1',
  `(${r}.quad_class = 1)`,
  `(${r}.quad_class = 2)`,
  `(${r}.quad_class = 3)`,
  `(${r}.quad_class = 4)`,
  `coalesce(CAST(round(${r}.goldstein * 10) AS INTEGER), 0)`,
  `(${r}.goldstein IS NOT NULL)`,
  `(CASE WHEN ${r}.quad_class >= 3 THEN coalesce(CAST(round(abs(${r}.goldstein) * 10) AS INTEGER), 50) ELSE 0 END)`,
  `(CASE WHEN ${r}.quad_class >= 3 THEN coalesce(CAST(round(abs(${r}.goldstein) * 10) AS INTEGER), 50) ELSE 0 END) * (CASE WHEN ${r}.quad_class >= 3 THEN coalesce(CAST(round(abs(${r}.goldstein) * 10) AS INTEGER), 50) ELSE 0 END)`,
];
const SUM_COLUMNS = ['n', 'q1', 'q2', 'q3', 'q4', 'g10', 'gn', 'cw10', 'cw100'];

/** The rollups: their key columns and the event's values for them. */
const ROLLUPS = (r: string): { table: string; keys: [string, string][]; sums: boolean }[] => [
  { table: 'rollup_days', keys: [['date', `${r}.date`], ['modality', `${r}.modality`]], sums: false },
  { table: 'rollup_codes', keys: [['cameo_code', `${r}.cameo_code`], ['date', `${r}.date`], ['modality', `${r}.modality`]], sums: false },
  {
    table: 'rollup_pair_days',
    keys: [['source_country', `coalesce(${r}.source_country, '')`], ['target_country', `coalesce(${r}.target_country, '')`], ['date', `${r}.date`]],
    sums: true,
  },
  {
    table: 'rollup_pair_roots',
    keys: [['source_country', `coalesce(${r}.source_country, '')`], ['target_country', `coalesce(${r}.target_country, '')`], ['root', `substr(${r}.cameo_code, 1, 2)`], ['date', `${r}.date`]],
    sums: true,
  },
];

const addRow = (r: string) =>
  ROLLUPS(r)
    .map(({ table, keys, sums }) => {
      const cols = sums ? SUM_COLUMNS : ['n'];
      const vals = sums ? pairSums(r) : ['1'];
      return `  INSERT INTO ${table} (${[...keys.map((k) => k[0]), ...cols].join(', ')}) VALUES (${[...keys.map((k) => k[1]), ...vals].join(', ')})
    ON CONFLICT DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
    })
    .join('\n');

const takeRow = (r: string) =>
  ROLLUPS(r)
    .map(({ table, keys, sums }) => {
      const cols = sums ? SUM_COLUMNS : ['n'];
      const vals = sums ? pairSums(r) : ['1'];
      const where = keys.map(([k, v]) => `${k} = ${v}`).join(' AND ');
      return `  UPDATE ${table} SET ${cols.map((c, i) => `${c} = ${c} - ${vals[i]}`).join(', ')} WHERE ${where};
  DELETE FROM ${table} WHERE ${where} AND n <= 0;`;
    })
    .join('\n');

/**
 * The sectors of an event, as the analyses' sector filter reads them (src/analysis/event-rows.ts): each
 * 3-letter part of the source's and the target's sector columns (GOVMIL is GOV and MIL).
 */
const sectorParts = (r: string) => ['source', 'target'].flatMap((side) => [1, 4, 7].map((at) => `substr(${r}.${side}_sector, ${at}, 3)`));
const SECTOR_KEYS = ['source_country', 'target_country', 'sector', 'date'];

/** rollup_pair_sectors: a row per distinct sector of the event (an event with none has none). */
const addSectors = (r: string) => `  INSERT INTO rollup_pair_sectors (${[...SECTOR_KEYS, ...SUM_COLUMNS].join(', ')})
    SELECT coalesce(${r}.source_country, ''), coalesce(${r}.target_country, ''), s, ${r}.date, ${pairSums(r).join(', ')}
      FROM (${sectorParts(r).map((x) => `SELECT ${x} AS s`).join(' UNION ')}) WHERE s IS NOT NULL AND s <> ''
    ON CONFLICT DO UPDATE SET ${SUM_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
const takeSectors = (r: string) => {
  const where = `source_country = coalesce(${r}.source_country, '') AND target_country = coalesce(${r}.target_country, '') AND date = ${r}.date AND sector IN (${sectorParts(r).join(', ')})`;
  return `  UPDATE rollup_pair_sectors SET ${SUM_COLUMNS.map((c, i) => `${c} = ${c} - ${pairSums(r)[i]}`).join(', ')} WHERE ${where};
  DELETE FROM rollup_pair_sectors WHERE ${where} AND n <= 0;`;
};
/** The rows of rollup_pair_sectors from the events, as a SELECT (the backfill, and the tests' check). */
const sectorRows = () => `SELECT source_country, target_country, s, date, ${pairSums('e').map((v) => `sum(${v})`).join(', ')} FROM (
  SELECT DISTINCT e.id, coalesce(e.source_country, '') AS source_country, coalesce(e.target_country, '') AS target_country, e.date, e.quad_class, e.goldstein,
         CASE k ${sectorParts('e').map((x, i) => `WHEN ${i + 1} THEN ${x}`).join(' ')} END AS s
    FROM events e, (${[1, 2, 3, 4, 5, 6].map((k) => `SELECT ${k} AS k`).join(' UNION ALL ')})
) e WHERE s IS NOT NULL AND s <> '' GROUP BY 1, 2, 3, 4`;

/** Triggers that keep the rollups equal to the events. */
const rollupTriggers = () => `
CREATE TRIGGER events_rollup_insert AFTER INSERT ON events BEGIN
${addRow('NEW')}
${addSectors('NEW')}
END;
CREATE TRIGGER events_rollup_delete AFTER DELETE ON events BEGIN
${takeRow('OLD')}
${takeSectors('OLD')}
END;
CREATE TRIGGER events_rollup_update AFTER UPDATE OF date, modality, cameo_code, source_country, target_country, source_sector, target_sector, quad_class, goldstein ON events BEGIN
${takeRow('OLD')}
${takeSectors('OLD')}
${addRow('NEW')}
${addSectors('NEW')}
END;`;

/**
 * The rollup rows that differ from a GROUP BY over the events, per table (empty when they agree): what the
 * tests check after ingest, recode and deletes.
 */
export const rollupDifferences = (db: { prepare(sql: string): { all(): unknown[] } }): Record<string, unknown[]> => {
  const out: Record<string, unknown[]> = {};
  for (const { table, keys, sums } of ROLLUPS('e')) {
    const cols = [...keys.map((k) => k[0]), ...(sums ? SUM_COLUMNS : ['n'])];
    const vals = sums ? pairSums('e') : ['1'];
    const fresh = `SELECT ${keys.map((k) => k[1]).join(', ')}, ${vals.map((v) => `sum(${v})`).join(', ')} FROM events e GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
    const kept = `SELECT ${cols.join(', ')} FROM ${table}`;
    const rows = db.prepare(`SELECT 'missing' AS kind, * FROM (${fresh} EXCEPT ${kept}) UNION ALL SELECT 'extra', * FROM (${kept} EXCEPT ${fresh})`).all();
    if (rows.length) out[table] = rows;
  }
  const kept = `SELECT ${[...SECTOR_KEYS, ...SUM_COLUMNS].join(', ')} FROM rollup_pair_sectors`;
  const rows = db.prepare(`SELECT 'missing' AS kind, * FROM (${sectorRows()} EXCEPT ${kept}) UNION ALL SELECT 'extra', * FROM (${kept} EXCEPT ${sectorRows()})`).all();
  if (rows.length) out.rollup_pair_sectors = rows;
  return out;
};

/**
 * A bulk load of events (the benchmarks' synthetic stores): the rollup triggers are dropped while `load`
 * runs, and after it the rollups are filled again from all the events and the triggers put back, which is
 * several times faster than a million trigger upserts. Only for a loader that has the store to itself.
 */
export const withoutRollupTriggers = <T>(db: { exec(sql: string): unknown }, load: () => T): T => {
  for (const t of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER IF EXISTS events_rollup_${t}`);
  try {
    return load();
  } finally {
    db.exec(`BEGIN;
${['rollup_days', 'rollup_codes', 'rollup_pair_days', 'rollup_pair_roots', 'rollup_pair_sectors'].map((t) => `DELETE FROM ${t};`).join('\n')}
${rollupFill()}
${rollupTriggers()}
COMMIT;`);
  }
};

/** Fills the rollups from the events a store holds (the migration's backfill). */
const rollupFill = () =>
  `INSERT INTO rollup_pair_sectors (${[...SECTOR_KEYS, ...SUM_COLUMNS].join(', ')})\n${sectorRows()};\n` +
  ROLLUPS('e')
    .map(({ table, keys, sums }) => {
      const cols = sums ? SUM_COLUMNS : ['n'];
      const vals = sums ? pairSums('e') : ['1'];
      return `INSERT INTO ${table} (${[...keys.map((k) => k[0]), ...cols].join(', ')})
  SELECT ${keys.map((k) => k[1]).join(', ')}, ${vals.map((v) => `sum(${v})`).join(', ')} FROM events e GROUP BY ${keys.map((_, i) => i + 1).join(', ')};`;
    })
    .join('\n');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles-events-actors-clusters',
    sql: `
CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clusters (
  id         INTEGER PRIMARY KEY,
  first_date TEXT NOT NULL,
  last_date  TEXT NOT NULL,
  articles   INTEGER NOT NULL,
  sources    INTEGER NOT NULL
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  doc_id        TEXT NOT NULL,
  url           TEXT,
  title         TEXT,
  source        TEXT,
  publisher     TEXT,
  date          TEXT NOT NULL,
  date_source   TEXT NOT NULL,
  origin        TEXT,
  language      TEXT,
  skipped       TEXT,
  lead_sentence INTEGER,
  cluster_id    INTEGER NOT NULL REFERENCES clusters(id),
  similarity    REAL,
  minhash       BLOB NOT NULL,
  dictionary    TEXT,
  ingested_at   TEXT NOT NULL,
  text          TEXT NOT NULL
);
CREATE INDEX articles_cluster ON articles(cluster_id);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE lsh_buckets (
  key        INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

CREATE TABLE events (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  doc_id            TEXT NOT NULL,
  cluster_id        INTEGER NOT NULL,
  date              TEXT NOT NULL,
  sentence_index    INTEGER NOT NULL,
  sentence_start    INTEGER NOT NULL,
  sentence_end      INTEGER NOT NULL,
  source_code       TEXT,
  source_country    TEXT,
  source_sector     TEXT,
  source_text       TEXT,
  source_name       TEXT,
  source_entry      TEXT,
  source_dictionary TEXT,
  source_start      INTEGER,
  source_end        INTEGER,
  target_code       TEXT,
  target_country    TEXT,
  target_sector     TEXT,
  target_text       TEXT,
  target_name       TEXT,
  target_entry      TEXT,
  target_dictionary TEXT,
  target_start      INTEGER,
  target_end        INTEGER,
  cameo_code        TEXT NOT NULL,
  cameo_root        TEXT NOT NULL,
  cameo_name        TEXT NOT NULL,
  plover_type       TEXT,
  plover_mode       TEXT,
  plover_context    TEXT,
  goldstein         REAL,
  quad_class        INTEGER NOT NULL,
  modality          TEXT NOT NULL,
  place             TEXT,
  verb_start        INTEGER NOT NULL,
  verb_end          INTEGER NOT NULL,
  evidence_start    INTEGER NOT NULL,
  evidence_end      INTEGER NOT NULL,
  evidence_text     TEXT NOT NULL,
  rule_id           TEXT NOT NULL,
  dictionary        TEXT NOT NULL
);
CREATE INDEX events_pair_date ON events(source_country, target_country, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_cluster ON events(cluster_id);

CREATE TABLE actors (
  code       TEXT NOT NULL,
  entry      TEXT NOT NULL,
  country    TEXT,
  sector     TEXT,
  name       TEXT,
  dictionary TEXT NOT NULL,
  mentions   INTEGER NOT NULL,
  articles   INTEGER NOT NULL,
  first_date TEXT NOT NULL,
  last_date  TEXT NOT NULL,
  PRIMARY KEY (code, entry)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'event places with country, region and coordinates',
    sql: `
ALTER TABLE events ADD COLUMN place_country TEXT;
ALTER TABLE events ADD COLUMN place_region  TEXT;
ALTER TABLE events ADD COLUMN place_lat     REAL;
ALTER TABLE events ADD COLUMN place_lon     REAL;
ALTER TABLE events ADD COLUMN place_kind    TEXT;
`,
  },
  {
    version: 3,
    name: 'covering indexes for series, alerts and top lists (src/analysis)',
    // Each index leads with what a query seeks on (a pair, a date range, a target, a full code) and carries
    // every column the analyses count with, so a series of a million events reads index pages only, never
    // the wide event rows (docs/analysis.md, "Indexes").
    sql: `
CREATE INDEX events_pair_cover ON events(source_country, target_country, date,
  quad_class, goldstein, cameo_code, source_code, target_code, source_sector, target_sector, cluster_id);
CREATE INDEX events_date_cover ON events(date,
  source_country, target_country, quad_class, goldstein, cameo_code, source_code, target_code, source_sector, target_sector, cluster_id);
CREATE INDEX events_target_cover ON events(target_country, date,
  source_country, quad_class, goldstein, cameo_code, source_code, target_code, source_sector, target_sector, cluster_id);
CREATE INDEX events_source_code_date ON events(source_code, date);
CREATE INDEX events_target_code_date ON events(target_code, date);
`,
  },
  {
    version: 4,
    name: 'rollups: event counts per day kept by triggers (series, event totals), and a covering index by source country and date',
    // Per-day sums that src/analysis (pairSeries, periodTotals) and the API's event totals read instead of the
    // events when their filters allow (docs/store.md, "Rollups"). Triggers on events keep them: every insert and
    // delete (ingest, recode, an article's cascade) adds or takes away the event's part, and a cell that falls
    // to zero events is removed, so the rollups always equal a GROUP BY over the events. Goldstein sums are
    // kept in tenths (CAMEO's Goldstein scores have one decimal) and the squared weights in hundredths, as
    // integers, so that adding and taking away never drifts. A missing country is ''.
    sql: `
CREATE TABLE rollup_days (
  date     TEXT NOT NULL,
  modality TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (date, modality)
) WITHOUT ROWID;

CREATE TABLE rollup_codes (
  cameo_code TEXT NOT NULL,
  date       TEXT NOT NULL,
  modality   TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (cameo_code, date, modality)
) WITHOUT ROWID;

CREATE TABLE rollup_pair_days (
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  date           TEXT NOT NULL,
  n   INTEGER NOT NULL,
  q1  INTEGER NOT NULL,
  q2  INTEGER NOT NULL,
  q3  INTEGER NOT NULL,
  q4  INTEGER NOT NULL,
  g10 INTEGER NOT NULL,
  gn  INTEGER NOT NULL,
  cw10 INTEGER NOT NULL,
  cw100 INTEGER NOT NULL,
  PRIMARY KEY (source_country, target_country, date)
) WITHOUT ROWID;
-- an actor's days on either side, with the count: an actor's event total over dates reads these only
CREATE INDEX rollup_pair_days_source ON rollup_pair_days(source_country, date, target_country, n);
CREATE INDEX rollup_pair_days_target ON rollup_pair_days(target_country, date, source_country, n);

CREATE TABLE rollup_pair_roots (
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  root           TEXT NOT NULL,
  date           TEXT NOT NULL,
  n   INTEGER NOT NULL,
  q1  INTEGER NOT NULL,
  q2  INTEGER NOT NULL,
  q3  INTEGER NOT NULL,
  q4  INTEGER NOT NULL,
  g10 INTEGER NOT NULL,
  gn  INTEGER NOT NULL,
  cw10 INTEGER NOT NULL,
  cw100 INTEGER NOT NULL,
  PRIMARY KEY (source_country, target_country, root, date)
) WITHOUT ROWID;
CREATE INDEX rollup_pair_roots_target ON rollup_pair_roots(target_country, root, date);

CREATE TABLE rollup_pair_sectors (
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  sector         TEXT NOT NULL,
  date           TEXT NOT NULL,
  n   INTEGER NOT NULL,
  q1  INTEGER NOT NULL,
  q2  INTEGER NOT NULL,
  q3  INTEGER NOT NULL,
  q4  INTEGER NOT NULL,
  g10 INTEGER NOT NULL,
  gn  INTEGER NOT NULL,
  cw10 INTEGER NOT NULL,
  cw100 INTEGER NOT NULL,
  PRIMARY KEY (source_country, target_country, sector, date)
) WITHOUT ROWID;
CREATE INDEX rollup_pair_sectors_target ON rollup_pair_sectors(target_country, sector, date);

${rollupTriggers()}

${rollupFill()}

CREATE INDEX events_source_cover ON events(source_country, date,
  target_country, quad_class, goldstein, cameo_code, source_code, target_code, source_sector, target_sector, cluster_id);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
