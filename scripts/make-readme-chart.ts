/**
 * Draws docs/trend-example.svg, the trend chart of the README. The bundled examples (examples/) are 6
 * articles on 4 days, too few for a series, so they are ingested with generated articles
 * (scripts/generate-corpus.ts, seeded) and a planted flare-up between Russia and Ukraine in February 2022
 * (articles built from the same sentence templates), all coded by the news pipeline into a temporary store;
 * then the chart is drawn as `dyad trend RUS UKR --period month --plot FILE` draws it.
 *   npm run build && node dist/scripts/make-readme-chart.js [--out docs/trend-example.svg] [--articles 3000]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pairAlerts, pairSeries, renderTrendSvg } from '../src/analysis/index.js';
import { readInputs } from '../src/ingest/index.js';
import { ingestArticles } from '../src/ingest/ingest-corpus.js';
import { createNewsPipeline } from '../src/news-pipeline.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { openStore } from '../src/store/index.js';
import { generateArticles, seeded, type GeneratedArticle } from './generate-corpus.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = arg('--out') ?? join(PACKAGE_ROOT, 'docs/trend-example.svg');
const count = Number(arg('--articles') ?? 3000);

const RUSSIA = ['Russia', 'Russian troops', 'The Kremlin', 'Moscow'];
const UKRAINE = ['Ukraine', 'Ukrainian forces', 'Kyiv'];
const ACTS = [
  'shelled positions held by {T}', 'deployed troops near the border with {T}', 'accused {T} of violating the agreement',
  'threatened {T} with sanctions', 'rejected the demands of {T}', 'criticized {T} over the strikes',
];

/** Articles of a flare-up: Russian actors against Ukrainian ones, every day of February 2022 (no weekday in the text, so each event is dated by its article). */
function* flareUp(): Generator<GeneratedArticle> {
  const rnd = seeded(2022);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  for (let d = 1; d <= 28; d++) {
    for (let k = 0; k < 1; k++) {
      const sentences = Array.from({ length: 2 }, () => `${pick(RUSSIA)} ${pick(ACTS).replace('{T}', pick(UKRAINE))}.`);
      yield { id: `flare-${d}-${k}`, date: `2022-02-${String(d).padStart(2, '0')}`, title: sentences[0].slice(0, 60), source: 'dyad-generated', text: `KYIV (dyad wire) — ${sentences.join(' ')}` };
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'dyad-readme-chart-'));
try {
  const corpus = join(dir, 'generated.jsonl');
  writeFileSync(corpus, [...generateArticles(count), ...flareUp()].map((a) => JSON.stringify(a)).join('\n') + '\n');
  const store = openStore({ path: join(dir, 'chart.db') });
  const pipeline = createNewsPipeline();
  const stats = await ingestArticles(store, pipeline, readInputs([join(PACKAGE_ROOT, 'examples'), corpus], { onProblem: (p) => console.error(p) }), {
    dictionary: pipeline.verbs.version,
  });
  const series = pairSeries(store.db, { a: 'RUS', b: 'UKR', period: 'month', from: '2021-01-01', to: '2023-12-31' });
  const alerts = pairAlerts(store.db, { a: 'RUS', b: 'UKR', period: 'month', from: '2021-01-01', to: '2023-12-31' });
  const svg = await renderTrendSvg(series, {
    alerts,
    title: 'Russia – Ukraine: events per month, both directions',
    // Vega sizes text without a canvas by an estimate that runs long: a subtitle past ~70 characters widens the picture
    subtitle: `examples/ + ${count.toLocaleString('en')} generated articles; a flare-up planted in Feb 2022`,
  });
  writeFileSync(out, svg);
  store.close();
  console.log(`${out}: ${stats.events} events coded; ${series.points.length} months, ${series.points.reduce((n, p) => n + p.events, 0)} RUS–UKR events, alerts ${alerts.map((a) => `${a.period} (z ${a.score})`).join(', ') || 'none'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
