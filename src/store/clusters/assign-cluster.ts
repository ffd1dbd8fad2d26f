import type { Db } from '../open-store.js';
import { bandKeys, isEmptySignature, MINHASH_DEFAULTS, signatureFromBytes, similarity, type MinHashOptions } from './minhash.js';

export type ClusterOptions = MinHashOptions & {
  /** Least estimated Jaccard similarity of word shingles for two articles to be one story (default 0.6). */
  threshold?: number;
  /** Most candidate articles compared in full for one new article (default 50, those sharing most buckets). */
  maxCandidates?: number;
};

export type ClusterMatch = { clusterId: number; articleId: number; similarity: number };

/**
 * Finds the story an article belongs to through the LSH buckets stored in `lsh_buckets`: the candidate that
 * shares the most bands is compared signature to signature, and the most similar one at or over the threshold
 * wins. Returns null for a new story. `addToBuckets` files the article so that later ones can find it.
 */
export const createClusterIndex = (db: Db, { threshold = 0.6, maxCandidates = 50, bands = MINHASH_DEFAULTS.bands }: ClusterOptions = {}) => {
  const marks = Array.from({ length: bands }, () => '?').join(',');
  const candidates = db.prepare(
    `SELECT b.article_id AS id, a.cluster_id AS clusterId, a.minhash AS minhash, count(*) AS shared
       FROM lsh_buckets b JOIN articles a ON a.id = b.article_id
      WHERE b.key IN (${marks})
      GROUP BY b.article_id ORDER BY shared DESC, b.article_id LIMIT ?`,
  );
  const insertKey = db.prepare('INSERT OR IGNORE INTO lsh_buckets (key, article_id) VALUES (?, ?)');
  return {
    keys: (sig: Uint32Array): number[] | null => (isEmptySignature(sig) ? null : bandKeys(sig, { bands })),
    find(sig: Uint32Array, keys: number[] | null): ClusterMatch | null {
      if (!keys) return null;
      let best: ClusterMatch | null = null;
      for (const c of candidates.all(...keys, maxCandidates) as { id: number; clusterId: number; minhash: Buffer }[]) {
        const s = similarity(sig, signatureFromBytes(c.minhash));
        if (s >= threshold && (!best || s > best.similarity)) best = { clusterId: c.clusterId, articleId: c.id, similarity: s };
      }
      return best;
    },
    add(articleId: number, keys: number[] | null): void {
      if (keys) for (const k of keys) insertKey.run(k, articleId);
    },
  };
};
