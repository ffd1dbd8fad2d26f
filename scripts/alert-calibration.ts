/**
 * How often the alert method fires on noise, and how often it finds a jump: pairs whose conflict events
 * arrive at random (Poisson, or overdispersed: each week's rate off by up to ±30%), with codes drawn from
 * CAMEO's conflict codes, scored by `robustScore` with the defaults of `scanAlerts` (8 weeks, 3.5, 5 events).
 * The numbers in docs/analysis.md come from this script.
 *   npm run build && node dist/scripts/alert-calibration.js [--trials 100000]
 */
import { robustScore, type ConflictCell } from '../src/analysis/index.js';
import { goldstein } from '../src/standards/index.js';
import { CODES_BY_QUAD, poisson, seededRandom } from './synthetic-events.js';

const i = process.argv.indexOf('--trials');
const trials = i > 0 ? Number(process.argv[i + 1]) : 100_000;
const rnd = seededRandom(7);
const weights = [...CODES_BY_QUAD[3], ...CODES_BY_QUAD[4]].map((c) => Math.abs(goldstein(c)!));
const cell = (lambda: number, spread: number): ConflictCell => {
  const n = poisson(rnd, lambda * Math.exp(spread * (rnd() * 2 - 1)));
  let weight = 0;
  let weight2 = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[Math.floor(rnd() * weights.length)];
    weight += w;
    weight2 += w * w;
  }
  return { events: n, weight, weight2 };
};
const alerts = (c: ConflictCell, base: ConflictCell[]) => c.events >= 5 && robustScore(base, c).score >= 3.5;

console.log('conflict events a week | noise: false alarms per 1,000 pair-weeks (Poisson / overdispersed) | jump to 2x+5, 4x+5: found');
for (const lambda of [1, 3, 6, 10, 25, 60]) {
  const row: string[] = [];
  for (const spread of [0, 0.3]) {
    let fa = 0;
    for (let t = 0; t < trials; t++) if (alerts(cell(lambda, spread), Array.from({ length: 8 }, () => cell(lambda, spread)))) fa++;
    row.push(((fa / trials) * 1000).toFixed(1));
  }
  const found = [2, 4].map((m) => {
    let d = 0;
    for (let t = 0; t < trials / 10; t++) if (alerts(cell(lambda * m + 5, 0), Array.from({ length: 8 }, () => cell(lambda, 0)))) d++;
    return `${Math.round((d / (trials / 10)) * 100)}%`;
  });
  console.log(`${String(lambda).padStart(4)}                   | ${row.join(' / ').padEnd(12)}                                          | ${found.join(', ')}`);
}
