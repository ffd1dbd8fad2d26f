/**
 * Synthetic events written straight into a store, for the analysis tests and `npm run bench:analysis`: no
 * text is coded, each event is one prepared INSERT (with its article and story), in large transactions.
 * Draws are seeded (mulberry32), so every run writes the same store.
 */
import { cameoCode, CAMEO_EVENT_CODES, goldstein } from '../src/standards/index.js';
import type { Db } from '../src/store/index.js';

/** An event to write: a date, actor codes (country = the first three letters, sector = the rest) and a CAMEO code. */
export type SyntheticEvent = {
  date: string;
  source: string | null;
  target: string | null;
  code: string;
  /** The article's doc id: events with the same one (in one call) share an article; default one article per event. */
  doc?: string;
  /** The story (cluster id): articles with the same one are near-duplicates; default one story per article. */
  cluster?: number;
  evidence?: string;
};

/** A small fast seeded PRNG (mulberry32), uniform on [0, 1). */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A Poisson draw with mean `lambda` (Knuth's method below 30, a rounded normal above). */
export const poisson = (rnd: () => number, lambda: number): number => {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(rnd)));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
};

const gauss = (rnd: () => number) => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/** Base-level CAMEO codes by QuadClass, to draw from. */
export const CODES_BY_QUAD: Record<1 | 2 | 3 | 4, string[]> = { 1: [], 2: [], 3: [], 4: [] };
for (const c of CAMEO_EVENT_CODES) if (c.level === 'base' && c.goldstein !== null) CODES_BY_QUAD[c.quadClass].push(c.code);

const side = (code: string | null) => (code ? [code, code.slice(0, 3), code.length > 3 ? code.slice(3) : null] : [null, null, null]);

/**
 * Writes the events, their articles and stories, `batch` events to a transaction; returns how many were
 * written. Article ids and story ids continue from those in the store.
 */
export const insertSyntheticEvents = (db: Db, events: Iterable<SyntheticEvent>, { batch = 200_000 }: { batch?: number } = {}): number => {
  const articleIds = new Map<string, number>();
  const clusters = new Set<number>();
  const insertCluster = db.prepare('INSERT OR IGNORE INTO clusters (id, first_date, last_date, articles, sources) VALUES (?, ?, ?, 1, 1)');
  const newCluster = db.prepare("INSERT INTO clusters (first_date, last_date, articles, sources) VALUES (?, ?, 1, 1)");
  const insertArticle = db.prepare(
    `INSERT INTO articles (content_hash, doc_id, publisher, date, date_source, language, lead_sentence, cluster_id, minhash, dictionary, ingested_at, text)
     VALUES (?, ?, ?, ?, 'input', 'eng', 0, ?, x'', 'synthetic', '2024-01-01T00:00:00.000Z', ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (article_id, doc_id, cluster_id, date, sentence_index, sentence_start, sentence_end,
       source_code, source_country, source_sector, target_code, target_country, target_sector,
       cameo_code, cameo_root, cameo_name, goldstein, quad_class, modality, verb_start, verb_end, evidence_start, evidence_end,
       evidence_text, rule_id, dictionary)
     VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', 0, 1, 0, ?, ?, ?, 'synthetic')`,
  );
  const codes = new Map<string, { root: string; name: string; goldstein: number | null; quad: number }>();
  const info = (code: string) => {
    let c = codes.get(code);
    if (!c) {
      const r = cameoCode(code);
      if (!r) throw new Error(`synthetic event: unknown CAMEO code ${code}`);
      codes.set(code, (c = { root: r.root, name: r.name, goldstein: goldstein(code), quad: r.quadClass }));
    }
    return c;
  };
  const articleClusters = new Map<number, number>();
  let n = 0;
  let auto = db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number;
  const write = db.transaction((rows: SyntheticEvent[]) => {
    for (const e of rows) {
      const doc = e.doc ?? `auto-${++auto}`;
      let article = articleIds.get(doc);
      const evidence = e.evidence ?? `${e.source ?? 'someone'} ${e.code} ${e.target ?? ''}`.trim();
      if (article === undefined) {
        let cluster = e.cluster;
        if (cluster === undefined) cluster = Number(newCluster.run(e.date, e.date).lastInsertRowid);
        else if (!clusters.has(cluster)) insertCluster.run(cluster, e.date, e.date), clusters.add(cluster);
        article = Number(insertArticle.run(`synthetic:${doc}`, doc, `pub-${doc}`, e.date, cluster, evidence).lastInsertRowid);
        articleIds.set(doc, article);
        articleClusters.set(article, cluster);
      }
      const c = info(e.code);
      insertEvent.run(article, doc, articleClusters.get(article), e.date, evidence.length, ...side(e.source), ...side(e.target), e.code, c.root, c.name, c.goldstein, c.quad, evidence.length, evidence, `synthetic.${e.code}`);
      n++;
    }
  });
  let buf: SyntheticEvent[] = [];
  for (const e of events) {
    buf.push(e);
    if (buf.length >= batch) write(buf), (buf = []);
  }
  if (buf.length) write(buf);
  return n;
};

/** A week's count of a kind of event: a Poisson mean, or an exact count (with the codes to draw from). */
export type WeekCount = number | { exactly: number; codes?: string[] };

/**
 * A pair's events week by week from `start` (a Monday): each week `conflict(w)` conflict events (quad 3 or 4)
 * and `coop(w)` cooperation events (quad 1 or 2), on random days of the week, with random base codes.
 */
export const weeklyPairEvents = ({
  rnd,
  source,
  target,
  start,
  weeks,
  conflict,
  coop,
}: {
  rnd: () => number;
  source: string;
  target: string;
  start: string;
  weeks: number;
  conflict: (week: number) => WeekCount;
  coop: (week: number) => WeekCount;
}): SyntheticEvent[] => {
  const out: SyntheticEvent[] = [];
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)];
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const day = (w: number) => new Date(t0 + (w * 7 + Math.floor(rnd() * 7)) * 86_400_000).toISOString().slice(0, 10);
  const draw = (c: WeekCount, codes: string[], w: number, kind: string) => {
    const n = typeof c === 'number' ? poisson(rnd, c) : c.exactly;
    const from = typeof c === 'number' || !c.codes ? codes : c.codes;
    for (let i = 0; i < n; i++) out.push({ date: day(w), source, target, code: pick(from), evidence: `${source} ${kind} ${target} #${w}.${i}` });
  };
  for (let w = 0; w < weeks; w++) {
    draw(conflict(w), [...CODES_BY_QUAD[3], ...CODES_BY_QUAD[4]], w, 'against');
    draw(coop(w), [...CODES_BY_QUAD[1], ...CODES_BY_QUAD[2]], w, 'with');
  }
  return out;
};
