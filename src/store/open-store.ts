import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './schema.js';

export type Db = Database.Database;

/** Why a store could not be used: `code` names the case, `message` says what to do about it. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'corrupt' | 'newer-schema' | 'locked' | 'io',
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export type Store = { readonly db: Db; readonly path: string; readonly readonly: boolean; close(): void };

export type OpenStoreOptions = {
  /** Path of the SQLite file; default `defaultDbPath()`. */
  path?: string;
  /** Open for reading only: the file must exist and no migration runs. */
  readonly?: boolean;
};

/** `DYAD_DB`, else ./dyad.db in the working folder. */
export const defaultDbPath = (): string => process.env.DYAD_DB || 'dyad.db';

/** SQLite's error codes for a file that is not a database or is damaged. */
const CORRUPT = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** A SQLite error as a StoreError that names the file, or the error itself when it is something else. */
export const storeError = (e: unknown, path: string): Error => {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message;
  if (CORRUPT.has(code) || /malformed|not a database/i.test(msg)) {
    return new StoreError('corrupt', `${path}: the database file is corrupt or not a dyad store (${msg}); nothing was written. Move it aside and ingest again, or restore a backup.`, path);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new StoreError('locked', `${path}: the database is busy (another dyad is writing to it); try again when it is done.`, path);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_FULL') {
    return new StoreError('io', `${path}: ${msg} (${code})`, path);
  }
  return e as Error;
};

/** Applies the migrations after the file's `user_version`, each in its own transaction. */
export const migrate = (db: Db, path: string, migrations: readonly Migration[] = MIGRATIONS): number => {
  const at = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1].version;
  if (at > latest) {
    throw new StoreError('newer-schema', `${path}: the store has schema version ${at}, and this dyad knows up to ${latest}; upgrade dyad to use it.`, path);
  }
  for (const m of migrations) {
    if (m.version <= at) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
        `migration.${m.version}`,
        `${m.name} applied ${new Date().toISOString()}`,
      );
    })();
  }
  return latest;
};

/**
 * Opens (and creates, unless read-only) the store: WAL journal, so a process killed in the middle of a write
 * loses at most the transaction it was in and readers never wait; foreign keys on; the schema migrated to the
 * latest version. A file that is not a SQLite database, or is damaged, throws StoreError 'corrupt'.
 */
export const openStore = ({ path = defaultDbPath(), readonly = false }: OpenStoreOptions = {}): Store => {
  const full = resolve(path);
  if (readonly && !existsSync(full)) {
    throw new StoreError('not-found', `${path}: no such store; create one with \`dyad ingest\` (or give --db / DYAD_DB).`, path);
  }
  if (!readonly) mkdirSync(dirname(full), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(full, { readonly, fileMustExist: readonly });
    db.pragma('busy_timeout = 10000');
    // reading the schema is the first thing that touches the file's pages: a foreign or damaged file fails here
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, path);
    } else {
      const v = db.pragma('user_version', { simple: true }) as number;
      if (v === 0) throw new StoreError('not-found', `${path}: not a dyad store (no schema); create one with \`dyad ingest\`.`, path);
      if (v > SCHEMA_VERSION) throw new StoreError('newer-schema', `${path}: the store has schema version ${v}, and this dyad knows up to ${SCHEMA_VERSION}; upgrade dyad to use it.`, path);
    }
  } catch (e) {
    db?.close();
    throw storeError(e, path);
  }
  const opened = db;
  return Object.freeze({
    db: opened,
    path,
    readonly,
    close: () => {
      if (opened.open) opened.close();
    },
  });
};

export const getMeta = (store: Store, key: string): string | undefined =>
  (store.db.prepare('SELECT value FROM store_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export const setMeta = (store: Store, key: string, value: string): void => {
  store.db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
};
