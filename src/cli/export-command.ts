import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { defaultDbPath, openStore, StoreError, type EventFilters, type Store } from '../store/index.js';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../store/export/index.js';
import { createOutput } from './output.js';
import { processIO, type CommandIO } from './command-io.js';

export type ExportCommandOptions = {
  format: ExportFormat;
  db?: string;
  out?: string;
  from?: string;
  to?: string;
  actor?: string[];
  code?: string[];
  modality?: string[];
  oneADay?: boolean;
  /** true or "clusters": one event per story. */
  dedup?: boolean | string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (xs?: string[]) => xs?.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);

/**
 * `dyad export`: writes the stored events that pass the filters in one of the field's layouts, to a file
 * (written under a temporary name and renamed when complete) or stdout.
 */
export const runExport = (opts: ExportCommandOptions, io: CommandIO = processIO): number => {
  const { warn } = io;
  if (!EXPORT_FORMATS.includes(opts.format)) {
    warn(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    return 2;
  }
  for (const [name, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (v !== undefined && !DAY.test(v)) {
      warn(`${name} must be YYYY-MM-DD, got "${v}"`);
      return 2;
    }
  }
  if (opts.dedup !== undefined && opts.dedup !== true && opts.dedup !== 'clusters') {
    warn(`--dedup takes "clusters" (one event per story), got "${opts.dedup}"`);
    return 2;
  }
  if (opts.format === 'parquet' && !opts.out && (io.stdout as { isTTY?: boolean }).isTTY) {
    warn('Parquet is binary: give --out FILE, or redirect stdout to a file');
    return 2;
  }
  const filters: EventFilters = {
    from: opts.from,
    to: opts.to,
    actor: list(opts.actor),
    code: list(opts.code),
    modality: list(opts.modality),
    oneADay: opts.oneADay,
    dedup: Boolean(opts.dedup),
  };
  let store: Store;
  try {
    store = openStore({ path: opts.db ?? defaultDbPath(), readonly: true });
  } catch (e) {
    warn((e as Error).message);
    return 2;
  }
  const tmp = opts.out ? `${opts.out}.${process.pid}.part` : undefined;
  try {
    let result;
    if (tmp) {
      const fd = openSync(tmp, 'w');
      let buf: string[] = [];
      let size = 0;
      const flush = () => {
        if (buf.length) writeSync(fd, buf.join(''));
        buf = [];
        size = 0;
      };
      try {
        result = exportEvents(store, opts.format, filters, (chunk) => {
          if (typeof chunk === 'string') {
            buf.push(chunk);
            size += chunk.length;
            if (size > 1 << 20) flush();
          } else {
            flush();
            writeSync(fd, chunk);
          }
        });
        flush();
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, opts.out!);
    } else {
      const out = createOutput(io.stdout);
      result = exportEvents(store, opts.format, filters, (chunk) => {
        if (typeof chunk === 'string') out.line(chunk.replace(/\n$/, ''));
        else {
          out.flush();
          io.stdout.write(chunk);
        }
      });
      out.flush();
    }
    const left = result.left ? `; ${result.left} events without a PLOVER type left out` : '';
    warn(`export: ${result.rows} ${opts.format} rows${opts.out ? ` to ${opts.out}` : ''}${left}`);
    return 0;
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    if (e instanceof StoreError) {
      warn(e.message);
      return 2;
    }
    throw e;
  } finally {
    store.close();
  }
};
