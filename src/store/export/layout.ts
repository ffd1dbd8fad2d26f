import type { StoredEvent } from '../queries.js';
import { csvCell, tsvCell, type Cell } from './fields.js';

/** A delimited export: the columns in order, whether a header row names them, and one row per event. */
export type DelimitedLayout = {
  name: string;
  description: string;
  extension: string;
  delimiter: '\t' | ',';
  columns: readonly string[];
  header: boolean;
  /** Events this layout cannot hold (e.g. without a PLOVER type) give null and are left out. */
  row(e: StoredEvent): Cell[] | null;
};

/** One line of the layout, without its line break. */
export const formatLine = (layout: DelimitedLayout, cells: Cell[]): string => {
  if (cells.length !== layout.columns.length) throw new Error(`${layout.name}: a row of ${cells.length} cells, the layout has ${layout.columns.length} columns`);
  return cells.map(layout.delimiter === '\t' ? tsvCell : csvCell).join(layout.delimiter);
};
