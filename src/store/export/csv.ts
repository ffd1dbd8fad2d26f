import type { StoredEvent } from '../queries.js';
import type { Cell } from './fields.js';
import type { DelimitedLayout } from './layout.js';

/**
 * dyad's own CSV: the columns of `dyad code --format csv` first, in the same order, then what the store adds:
 * the story (cluster) and how many articles and publishers reported the event, and the article's URL and title.
 */
export const CSV_EXPORT_COLUMNS = [
  'docId', 'date', 'source', 'source_country', 'source_sector', 'target', 'target_country', 'target_sector',
  'cameo', 'cameo_root', 'cameo_name', 'plover_type', 'plover_mode', 'goldstein', 'quad_class', 'modality', 'place',
  'place_country', 'place_lat', 'place_lon', 'evidence_start', 'evidence_end', 'evidence', 'rule_id', 'dictionary',
  'event_id', 'plover_context', 'sentence_index', 'cluster_id', 'num_articles', 'num_sources', 'publisher', 'url', 'title',
] as const;

export const csvRow = (e: StoredEvent): Cell[] => [
  e.docId, e.date, e.source?.code, e.source?.country, e.source?.sector, e.target?.code, e.target?.country, e.target?.sector,
  e.cameoCode, e.cameoRoot, e.cameoName, e.plover?.type, e.plover?.mode, e.goldstein, e.quadClass, e.modality, e.place,
  e.placeDetail?.country, e.placeDetail?.lat, e.placeDetail?.lon, e.evidence.start, e.evidence.end, e.evidence.text.replace(/\s+/g, ' '), e.ruleId, e.dictionary,
  e.id, e.plover?.context, e.sentence.index, e.clusterId, e.numArticles, e.numSources, e.article.publisher, e.article.url, e.article.title,
];

export const csv: DelimitedLayout = {
  name: 'csv',
  description: "dyad's CSV: the columns of `dyad code --format csv`, then story and article columns; header row",
  extension: 'csv',
  delimiter: ',',
  columns: CSV_EXPORT_COLUMNS,
  header: true,
  row: csvRow,
};
