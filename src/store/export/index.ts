import { selectEvents, type EventFilters, type StoredEvent } from '../queries.js';
import type { Store } from '../open-store.js';
import { csv } from './csv.js';
import { gdelt } from './gdelt.js';
import { icews } from './icews.js';
import { formatLine, type DelimitedLayout } from './layout.js';
import { parquetBytes } from './parquet.js';
import { phoenix } from './phoenix.js';
import { ploverRecord } from './plover-jsonl.js';
import { polecat } from './polecat.js';
import type { ExportFormat } from './formats.js';

export * from './fields.js';
export { CSV_EXPORT_COLUMNS, csvRow } from './csv.js';
export { GDELT_COLUMNS, gdeltRow, fractionDate } from './gdelt.js';
export { ICEWS_COLUMNS, icewsRow } from './icews.js';
export { PHOENIX_COLUMNS, phoenixRow, pentaClass } from './phoenix.js';
export { POLECAT_COLUMNS, polecatRow } from './polecat.js';
export { ploverRecord } from './plover-jsonl.js';
export { PARQUET_COLUMNS, parquetBytes } from './parquet.js';
export { formatLine, type DelimitedLayout } from './layout.js';

export { EXPORT_FORMATS, type ExportFormat } from './formats.js';

export const LAYOUTS: Readonly<Record<'gdelt' | 'icews' | 'phoenix' | 'polecat' | 'csv', DelimitedLayout>> = { gdelt, icews, phoenix, polecat, csv };

export type ExportResult = {
  /** Rows written. */
  rows: number;
  /** Events the format cannot hold (no PLOVER type, for polecat and plover-jsonl), left out. */
  left: number;
};

/**
 * Writes the events that pass the filters in the format, through `write` (text lines, or the bytes of a
 * Parquet file in one piece).
 */
export const exportEvents = (store: Store, format: ExportFormat, filters: EventFilters, write: (chunk: string | Uint8Array) => void): ExportResult => {
  const events = selectEvents(store, filters);
  return writeEvents(events, format, write);
};

/** The same, over events already selected. */
export const writeEvents = (events: Iterable<StoredEvent>, format: ExportFormat, write: (chunk: string | Uint8Array) => void): ExportResult => {
  const r: ExportResult = { rows: 0, left: 0 };
  if (format === 'parquet') {
    const { bytes, rows } = parquetBytes(events);
    write(bytes);
    r.rows = rows;
    return r;
  }
  if (format === 'plover-jsonl') {
    for (const e of events) {
      const rec = ploverRecord(e);
      if (rec) write(JSON.stringify(rec) + '\n'), r.rows++;
      else r.left++;
    }
    return r;
  }
  const layout = LAYOUTS[format];
  if (layout.header) write(formatLine(layout, [...layout.columns]) + '\n');
  for (const e of events) {
    const cells = layout.row(e);
    if (cells) write(formatLine(layout, cells) + '\n'), r.rows++;
    else r.left++;
  }
  return r;
};
