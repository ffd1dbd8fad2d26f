import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { insertSyntheticEvents, seededRandom, type SyntheticEvent } from '../../scripts/synthetic-events.js';
import { tempDir } from '../../test/helpers/store-fixtures.js';
import { openStore } from '../store/index.js';
import { countEvents, eventConditions, type EventPageFilters } from './event-page.js';
import { createApp, startServer } from './index.js';

const dir = tempDir('dyad-pool-');
const store = openStore({ path: join(dir, 'pool.db') });
const rnd = seededRandom(7);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const events: SyntheticEvent[] = [];
for (let i = 0; i < 4000; i++) {
  const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 150) * 86_400_000).toISOString().slice(0, 10);
  const side = () => (rnd() < 0.07 ? null : pick(['RUS', 'UKR', 'USA', 'CHN']) + pick(['', 'GOV', 'MIL']));
  events.push({ date, source: side(), target: side(), code: pick(['010', '040', '057', '112', '120', '138', '172', '190', '193', '195']), doc: `d${i >> 2}` });
}
insertSyntheticEvents(store.db, events);
store.db.prepare("UPDATE events SET modality = 'intent' WHERE id % 5 = 0").run();

/** The count of events that pass the filters, every one read: the arms of eventConditions, no rollup, no cap. */
const counted = (f: EventPageFilters): number => {
  const { arms, common } = eventConditions(f);
  return arms.reduce((n, arm) => {
    const all = [arm, ...common];
    return n + (store.db.prepare(`SELECT count(*) FROM events e WHERE ${all.map((c) => c.sql).join(' AND ')}`).pluck().get(...all.flatMap((c) => c.params)) as number);
  }, 0);
};

test('event totals: exact from the rollups where they answer, else counted up to the cap, always the true count or a floor of it', () => {
  const filters: EventPageFilters[] = [
    {}, { from: '2024-02-01', to: '2024-03-15' }, { modality: ['intent'] }, { code: ['19'] }, { code: ['19', '193', '04'], from: '2024-02-01', modality: ['asserted'] },
    { pair: ['RUS', 'UKR'] }, { pair: ['UKR', 'RUS'], code: ['19', '11'] }, { pair: ['RUS', 'RUS'], from: '2024-03-01' }, { pair: ['RUS', 'UKR'], actor: ['RUS'], source: ['UKR'] },
    { pair: ['RUS', 'UKR'], modality: ['intent'] }, { pair: ['RUS', 'UKR'], code: ['193'] }, { pair: ['RUSGOV', 'UKR'] }, { actor: ['USA'], from: '2024-02-01', to: '2024-02-20' },
    { actor: ['USA', 'CHN'] }, { source: ['USAGOV'] }, { target: ['CHN'], code: ['ASSAULT'] }, { actor: ['RUS'], code: ['19'] },
  ];
  for (const f of filters) {
    const truth = counted(f);
    assert.deepEqual(countEvents(store, f, 1e9), { total: truth, exact: true }, JSON.stringify(f));
    const capped = countEvents(store, f, 100);
    assert.ok(capped.exact ? capped.total === truth : capped.total === 100 && truth > 100, `${JSON.stringify(f)}: ${JSON.stringify(capped)} of ${truth}`);
  }
  assert.deepEqual(countEvents(store, { pair: ['RUS', 'UKR'] }, 10), { total: counted({ pair: ['RUS', 'UKR'] }), exact: true }, 'the rollups count past the cap');
});

test('worker pool: the server answers from worker threads as it does from its own thread, errors included', async () => {
  const here = createApp({ store, webDir: false, log: () => {} });
  const server = await startServer({ store, port: 0, webDir: false, cache: false, workers: 2, log: () => {} });
  try {
    const paths = [
      '/api/stats', '/api/series?a=RUS&b=UKR&period=week', '/api/series?a=USA&code=19&normalize=1', '/api/series?a=RUS&b=UKR&sector=MIL&dedup=1',
      '/api/events?pair=RUS,UKR&limit=5', '/api/events?code=19&limit=3&order=asc', '/api/alerts?a=RUS&b=UKR', '/api/alerts', '/api/top?limit=3', '/api/movers',
      '/api/series?a=RUS&code=1x9', '/api/series?a=RUS&from=2024-03-01&to=2024-02-01', '/api/alerts?period=year',
    ];
    const results = await Promise.all(paths.map((p) => fetch(server.url + p).then(async (r) => [r.status, r.headers.get('content-type'), await r.json()] as const)));
    for (const [i, p] of paths.entries()) {
      const r = await here.request(p);
      assert.deepEqual(results[i], [r.status, r.headers.get('content-type'), await r.json()], p);
    }
    assert.equal(results[10][0], 400);
  } finally {
    await server.close();
  }
});
