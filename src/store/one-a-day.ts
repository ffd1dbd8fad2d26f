/**
 * The field's "one-a-day" filter (Phoenix `postprocess.py`, and the usual filter on GDELT and ICEWS): of the
 * events with the same date, source, target and event code, one is kept, the one with the lowest id; it carries
 * how many were merged and, as JSON, the id, doc id, sentence, URL and publisher of each of them.
 *
 * `oneADaySql` wraps any query over events that returns their columns (`id`, `date`, `source_code`,
 * `target_code`, `cameo_code`, `doc_id`, `sentence_index`, and `url` and `publisher` of the article), so
 * exports and later analyses filter the same way.
 */
export const oneADaySql = (inner: string): string => `
WITH day_rows AS (${inner}),
day_groups AS (
  SELECT date AS day, coalesce(source_code, '') AS sk, coalesce(target_code, '') AS tk, cameo_code AS code,
         min(id) AS keep_id, count(*) AS day_count,
         json_group_array(json_array(id, doc_id, sentence_index, url, publisher) ORDER BY id) AS day_merged
    FROM day_rows GROUP BY 1, 2, 3, 4
)
SELECT day_rows.*, day_groups.day_count, day_groups.day_merged
  FROM day_rows JOIN day_groups ON day_rows.id = day_groups.keep_id`;

/** One merged event of a one-a-day group, as `day_merged` lists them. */
export type MergedEvent = { id: number; docId: string; sentence: number; url: string | null; publisher: string | null };

export const parseMerged = (json: string | null | undefined): MergedEvent[] =>
  json ? (JSON.parse(json) as [number, string, number, string | null, string | null][]).map(([id, docId, sentence, url, publisher]) => ({ id, docId, sentence, url, publisher })) : [];

/** The same filter over rows in memory, for callers that hold events already: the first of each day's key wins. */
export const oneADay = <T extends { date: string; source: { code: string } | null; target: { code: string } | null; cameoCode: string }>(rows: Iterable<T>): T[] => {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    const k = `${r.date}\u0000${r.source?.code ?? ''}\u0000${r.target?.code ?? ''}\u0000${r.cameoCode}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
};
