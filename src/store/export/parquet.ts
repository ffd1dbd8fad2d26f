import { parquetWriteBuffer } from 'hyparquet-writer';
import type { StoredEvent } from '../queries.js';

type ColumnType = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE';
type Column = { name: string; type: ColumnType; get: (e: StoredEvent) => string | number | null };

/**
 * Parquet columns: the CSV export's columns with their types (codes stay strings, so "010" keeps its zero),
 * plus the actors' texts and the sentence. One row group; written whole, as Parquet files are.
 */
export const PARQUET_COLUMNS: readonly Column[] = [
  { name: 'event_id', type: 'INT64', get: (e) => e.id },
  { name: 'doc_id', type: 'STRING', get: (e) => e.docId },
  { name: 'date', type: 'STRING', get: (e) => e.date },
  { name: 'source', type: 'STRING', get: (e) => e.source?.code ?? null },
  { name: 'source_country', type: 'STRING', get: (e) => e.source?.country ?? null },
  { name: 'source_sector', type: 'STRING', get: (e) => e.source?.sector ?? null },
  { name: 'source_text', type: 'STRING', get: (e) => e.source?.text ?? null },
  { name: 'target', type: 'STRING', get: (e) => e.target?.code ?? null },
  { name: 'target_country', type: 'STRING', get: (e) => e.target?.country ?? null },
  { name: 'target_sector', type: 'STRING', get: (e) => e.target?.sector ?? null },
  { name: 'target_text', type: 'STRING', get: (e) => e.target?.text ?? null },
  { name: 'cameo', type: 'STRING', get: (e) => e.cameoCode },
  { name: 'cameo_root', type: 'STRING', get: (e) => e.cameoRoot },
  { name: 'cameo_name', type: 'STRING', get: (e) => e.cameoName },
  { name: 'plover_type', type: 'STRING', get: (e) => e.plover?.type ?? null },
  { name: 'plover_mode', type: 'STRING', get: (e) => e.plover?.mode ?? null },
  { name: 'plover_context', type: 'STRING', get: (e) => e.plover?.context ?? null },
  { name: 'goldstein', type: 'DOUBLE', get: (e) => e.goldstein },
  { name: 'quad_class', type: 'INT32', get: (e) => e.quadClass },
  { name: 'modality', type: 'STRING', get: (e) => e.modality },
  { name: 'place', type: 'STRING', get: (e) => e.place },
  { name: 'sentence_index', type: 'INT32', get: (e) => e.sentence.index },
  { name: 'evidence_start', type: 'INT32', get: (e) => e.evidence.start },
  { name: 'evidence_end', type: 'INT32', get: (e) => e.evidence.end },
  { name: 'evidence', type: 'STRING', get: (e) => e.evidence.text },
  { name: 'rule_id', type: 'STRING', get: (e) => e.ruleId },
  { name: 'dictionary', type: 'STRING', get: (e) => e.dictionary },
  { name: 'cluster_id', type: 'INT64', get: (e) => e.clusterId },
  { name: 'num_articles', type: 'INT32', get: (e) => e.numArticles },
  { name: 'num_sources', type: 'INT32', get: (e) => e.numSources },
  { name: 'publisher', type: 'STRING', get: (e) => e.article.publisher },
  { name: 'url', type: 'STRING', get: (e) => e.article.url },
  { name: 'title', type: 'STRING', get: (e) => e.article.title },
];

/** The events as the bytes of a Parquet file. */
export const parquetBytes = (events: Iterable<StoredEvent>): { bytes: Uint8Array; rows: number } => {
  const data: (string | number | bigint | null)[][] = PARQUET_COLUMNS.map(() => []);
  let rows = 0;
  for (const e of events) {
    PARQUET_COLUMNS.forEach((c, i) => {
      const v = c.get(e);
      data[i].push(c.type === 'INT64' && v != null ? BigInt(v) : v);
    });
    rows++;
  }
  const buf = parquetWriteBuffer({ columnData: PARQUET_COLUMNS.map((c, i) => ({ name: c.name, type: c.type, data: data[i] })) });
  return { bytes: new Uint8Array(buf), rows };
};
