/**
 * The store's schema as numbered migrations. A migration is never edited once released: a change to the
 * schema is a new migration at the end. `PRAGMA user_version` holds the number of the last one applied.
 * docs/store.md describes every table and column.
 */
export type Migration = { version: number; name: string; sql: string };

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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
