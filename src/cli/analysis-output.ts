import { AnalysisError } from '../analysis/index.js';
import { defaultDbPath, openStore, StoreError, type Store } from '../store/index.js';
import type { CommandIO } from './command-io.js';
import { csvField } from './format-events.js';

/** Output formats of the analysis commands. */
export type AnalysisFormat = 'table' | 'csv' | 'json';
export const ANALYSIS_FORMATS: readonly AnalysisFormat[] = ['table', 'csv', 'json'];

/** The format asked for, else a table on a terminal and `piped` in a pipe; undefined (after a warning) for an unknown one. */
export const pickFormat = (io: CommandIO, format: string | undefined, piped: AnalysisFormat): AnalysisFormat | undefined => {
  if (format === undefined) return io.stdout.isTTY ? 'table' : piped;
  if (ANALYSIS_FORMATS.includes(format as AnalysisFormat)) return format as AnalysisFormat;
  io.warn(`--format must be one of ${ANALYSIS_FORMATS.join(', ')}, got "${format}"`);
  return undefined;
};

/** Comma-separated lists given once or many times (`--codes 19,18` or `--codes 19 --codes 18`) as one list. */
export const list = (xs?: string[] | string): string[] | undefined => {
  if (xs === undefined) return undefined;
  const out = (Array.isArray(xs) ? xs : [xs]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return out.length ? out : undefined;
};

/** A whole number from an option, or the error message to print. */
export const intOption = (name: string, v: unknown): number | string | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : `${name} must be a number, got "${String(v)}"`;
};

/** Opens the store to read, or says why it can't (exit 2). */
export const readStore = (db: string | undefined, io: CommandIO): Store | undefined => {
  try {
    return openStore({ path: db ?? defaultDbPath(), readonly: true });
  } catch (e) {
    io.warn((e as Error).message);
    return undefined;
  }
};

/**
 * Runs an analysis command's body with the store open: a refused option (AnalysisError, with `--` before the
 * option's name) or an unusable store is reported and exits 2; anything else is a bug and is thrown.
 */
export const withStore = async (db: string | undefined, io: CommandIO, run: (store: Store) => Promise<number> | number): Promise<number> => {
  const store = readStore(db, io);
  if (!store) return 2;
  try {
    return await run(store);
  } catch (e) {
    if (e instanceof AnalysisError) {
      io.warn(e.message.replace(new RegExp(`^${e.option}\\b`), optionName(e.option)));
      return 2;
    }
    if (e instanceof StoreError) {
      io.warn(e.message);
      return 2;
    }
    throw e;
  } finally {
    store.close();
  }
};

/** An analysis option as the command line spells it: `minEvents` is `--min-events`, the actors `a` and `b` are the arguments A and B. */
const optionName = (o: string) => (o === 'a' || o === 'b' ? o.toUpperCase() : `--${o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

/** Lines of a table with columns padded to their widest cell; `right` aligns the columns of numbers. */
export const renderTable = (header: string[], rows: string[][], right: boolean[] = []): string[] => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - [...c].length));
        return right[i] ? pad + c : i === cells.length - 1 ? c : c + pad;
      })
      .join('  ');
  return [line(header), ...rows.map(line)].map((l) => l.trimEnd());
};

/** One CSV line (RFC 4180 quoting). */
export const csvLine = (cells: unknown[]): string => cells.map(csvField).join(',');

/** A number for a table: at most `digits` decimals, no trailing zeros; "-" for null. */
export const num = (v: number | null | undefined, digits = 2): string => (v == null ? '-' : String(Number(v.toFixed(digits))));
