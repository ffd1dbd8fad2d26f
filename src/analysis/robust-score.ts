/**
 * The robust z-score behind alerts (docs/analysis.md has the reasoning): how far a period's conflict weight
 * lies above the median of the periods before it, in units of their median absolute deviation, scaled to a
 * standard deviation and floored by the spread that counting noise alone would give.
 */

/** A period's conflict: events of quad 3 and 4, the sum of their |Goldstein| and the sum of its squares. */
export type ConflictCell = { events: number; weight: number; weight2: number };

/** 1.4826 × MAD estimates the standard deviation of normally distributed values. */
export const MAD_TO_SD = 1.4826;

/** Weight of one conflict event where a pair has none to learn from: the middle of the |Goldstein| scale. */
export const DEFAULT_EVENT_WEIGHT = 5;

export type RobustScore = {
  /** Median of the baseline's weights. */
  median: number;
  /** Median absolute deviation of the baseline's weights from their median. */
  mad: number;
  /** The spread the score divides by: max(1.4826 × MAD, the counting-noise floor). */
  scale: number;
  /** (current − median) / scale. */
  score: number;
};

/** The median of numbers (the mean of the two middle ones for an even count); 0 for none. */
export const median = (xs: readonly number[]): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/**
 * The score of `current` against its `baseline` periods (oldest first; periods without events are zero cells).
 *
 * The floor: conflict events arrive at random even when nothing changes, so a period's weight varies like a
 * compound Poisson sum; its variance is (expected events) × E[w²], and with the expected weight m = events ×
 * E[w], the standard deviation is √(m × k) where k = E[w²] / E[w] is the pair's weight of a typical event.
 * The floor is that deviation at the median plus one event, √((median + k) × k), so a pair whose baseline is
 * flat (MAD 0) or empty (median 0) still needs several events above its usual level to score high.
 */
export const robustScore = (baseline: readonly ConflictCell[], current: ConflictCell): RobustScore => {
  const weights = baseline.map((c) => c.weight);
  const med = median(weights);
  const mad = median(weights.map((w) => Math.abs(w - med)));
  let w = current.weight;
  let w2 = current.weight2;
  for (const c of baseline) (w += c.weight), (w2 += c.weight2);
  const k = w > 0 ? w2 / w : DEFAULT_EVENT_WEIGHT;
  const floor = Math.sqrt((med + k) * k);
  const scale = Math.max(MAD_TO_SD * mad, floor);
  return { median: med, mad, scale, score: (current.weight - med) / scale };
};
