import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/store-fixtures.js';
import { insertSyntheticEvents, seededRandom, type SyntheticEvent } from '../../scripts/synthetic-events.js';
import { openStore, type Store } from '../store/index.js';
import { AnalysisError, addPeriods, pairSeries, periodsBetween, periodSql, periodStart, topActors, topPairs, type SeriesPoint } from './index.js';

const dir = tempDir('dyad-analysis-');
let n = 0;
const storeWith = (events: SyntheticEvent[]): Store => {
  const s = openStore({ path: join(dir, `s${++n}.db`) });
  insertSyntheticEvents(s.db, events);
  return s;
};
const ev = (date: string, source: string | null, target: string | null, code: string, more: Partial<SyntheticEvent> = {}): SyntheticEvent => ({ date, source, target, code, ...more });

/**
 * A small store counted by hand. Weeks start on Monday: 2024-01-01 is a Monday, 2024-01-21 a Sunday.
 * Goldstein: 190 −10, 195 −10, 112 −2, 120 −4, 040 +1, 057 +8, 073 +7.4.
 */
const HAND = [
  ev('2024-01-01', 'RUS', 'UKR', '190'),
  ev('2024-01-03', 'RUS', 'UKR', '112'),
  ev('2024-01-02', 'UKR', 'RUS', '190'),
  ev('2024-01-08', 'RUS', 'UKR', '040'),
  ev('2024-01-10', 'RUSGOV', 'UKRMIL', '195'),
  ev('2024-01-21', 'UKR', 'RUS', '057'),
  ev('2024-02-05', 'RUS', 'UKR', '073'),
  ev('2024-01-04', 'RUS', 'USA', '040'),
  ev('2024-01-05', 'RUS', null, '120'),
  ev('2024-01-05', 'USA', 'CHN', '112'),
];
const compact = (ps: SeriesPoint[]) => ps.map((p) => [p.period, p.events, p.quad.join(''), p.goldsteinSum]);

test('periods: SQL and JavaScript agree on the start of every day, week and month', () => {
  const s = openStore({ path: join(dir, 'periods.db') });
  const days = periodsBetween('2023-12-25', '2024-03-05', 'day');
  for (const period of ['day', 'week', 'month'] as const) {
    const sql = s.db.prepare(`SELECT ${periodSql(period, 'd')} FROM (SELECT ? AS d)`).pluck();
    for (const d of days) assert.equal(sql.get(d), periodStart(d, period), `${period} of ${d}`);
  }
  assert.equal(periodStart('2024-01-21', 'week'), '2024-01-15', 'a Sunday ends the ISO week that began on Monday');
  assert.equal(addPeriods('2024-01-01', 'month', -1), '2023-12-01');
  assert.equal(addPeriods('2023-11-01', 'month', 14), '2025-01-01');
  assert.deepEqual(periodsBetween('2024-01-31', '2024-03-01', 'month'), ['2024-01-01', '2024-02-01', '2024-03-01']);
  s.close();
});

test('pairSeries: weekly counts, quads and Goldstein of a pair as counted by hand, both directions and each, zero-filled', () => {
  const s = storeWith(HAND);
  const r = pairSeries(s.db, { a: 'rus', b: 'UKR', period: 'week' });
  assert.equal(r.a, 'RUS');
  assert.equal(r.b, 'UKR');
  assert.equal(r.direction, 'both');
  assert.deepEqual(compact(r.points), [
    ['2024-01-01', 3, '0012', -22],
    ['2024-01-08', 2, '1001', -9],
    ['2024-01-15', 1, '1000', 8],
    ['2024-01-22', 0, '0000', 0],
    ['2024-01-29', 0, '0000', 0],
    ['2024-02-05', 1, '0100', 7.4],
  ]);
  const [w1] = r.points;
  assert.equal(w1.goldsteinMean, Number((-22 / 3).toFixed(6)));
  assert.equal(w1.conflictShare, 1);
  assert.equal(w1.conflictWeight, 22);
  assert.equal(r.points[3].goldsteinMean, null, 'no events: no mean');
  assert.equal(r.points[3].conflictShare, 0);
  assert.equal(r.points[1].conflictWeight, 10);
  assert.deepEqual(compact(r.directions!.ab).map((p) => p[1]), [2, 2, 0, 0, 0, 1]);
  assert.deepEqual(compact(r.directions!.ba).map((p) => p[1]), [1, 0, 1, 0, 0, 0]);
  assert.deepEqual(pairSeries(s.db, { a: 'RUS', b: 'UKR', direction: 'ba' }).points.map((p) => p.events), [1, 0, 1], 'ba runs from its own first to last event');
  assert.equal(pairSeries(s.db, { a: 'RUS', b: 'UKR', direction: 'ab' }).directions, undefined);
  s.close();
});

test('pairSeries: months, from and to, full actor codes, a with everyone, codes and sectors', () => {
  const s = storeWith(HAND);
  const m = pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'month' });
  assert.deepEqual(compact(m.points), [['2024-01-01', 6, '2013', -23], ['2024-02-01', 1, '0100', 7.4]]);
  const cut = pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'week', from: '2024-01-03', to: '2024-01-16' });
  assert.deepEqual(compact(cut.points), [['2024-01-01', 1, '0010', -2], ['2024-01-08', 2, '1001', -9], ['2024-01-15', 0, '0000', 0]]);
  const empty = pairSeries(s.db, { a: 'RUS', b: 'UKR', from: '2025-01-01', to: '2025-01-14' });
  assert.deepEqual(empty.points.map((p) => p.events), [0, 0, 0], 'a range without events is still a point per period');
  // a full code matches its code exactly: RUSGOV -> UKRMIL only
  assert.deepEqual(compact(pairSeries(s.db, { a: 'RUSGOV', b: 'UKR', period: 'month' }).points), [['2024-01-01', 1, '0001', -10]]);
  assert.deepEqual(pairSeries(s.db, { a: 'RUSGOV', b: 'UKRGOV', period: 'month' }).points, []);
  // RUS with everyone: the pair's 7, RUS -> USA, RUS -> (no target); not USA -> CHN
  const all = pairSeries(s.db, { a: 'RUS', period: 'month' });
  assert.deepEqual(all.points.map((p) => p.events), [8, 1]);
  assert.equal(all.b, null);
  assert.deepEqual(all.directions!.ab.map((p) => p.events), [6, 1]);
  assert.deepEqual(all.directions!.ba.map((p) => p.events), [2, 0]);
  assert.deepEqual(pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'month', codes: ['19'] }).points.map((p) => p.events), [3]);
  assert.deepEqual(pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'month', codes: ['19', '04'] }).points.map((p) => p.events), [4]);
  assert.deepEqual(pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'month', sectors: ['mil'] }).points.map((p) => p.events), [1]);
  s.close();
});

test('pairSeries: dedup counts a syndicated story once, one-a-day counts a day once, and they combine as in exports', () => {
  const s = storeWith([
    // one story (cluster 7) told by three articles on two days: the same RUS -> UKR attack
    ev('2024-03-04', 'RUS', 'UKR', '190', { doc: 'wire-a', cluster: 7 }),
    ev('2024-03-04', 'RUS', 'UKR', '190', { doc: 'wire-b', cluster: 7 }),
    ev('2024-03-05', 'RUS', 'UKR', '190', { doc: 'wire-c', cluster: 7 }),
    // two separate stories of the same day, source, target and code
    ev('2024-03-06', 'RUS', 'UKR', '112', { doc: 'paper-1' }),
    ev('2024-03-06', 'RUS', 'UKR', '112', { doc: 'paper-2' }),
    // another code in the same story: counted on its own
    ev('2024-03-04', 'RUS', 'UKR', '040', { doc: 'wire-a', cluster: 7 }),
  ]);
  const count = (o: object) => pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'week', ...o }).points.map((p) => p.events);
  assert.deepEqual(count({}), [6]);
  assert.deepEqual(count({ dedup: true }), [4], 'the story once: 190, 040, and both 112s (two stories)');
  assert.deepEqual(count({ oneADay: true }), [4], '190 on the 4th once, on the 5th once; 112 on the 6th once; 040');
  assert.deepEqual(count({ dedup: true, oneADay: true }), [3]);
  const w = pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'week', dedup: true }).points[0];
  assert.equal(w.goldsteinSum, -10 - 2 - 2 + 1);
  s.close();
});

test('pairSeries: normalize divides by all events stored for the period', () => {
  const s = storeWith(HAND);
  const r = pairSeries(s.db, { a: 'RUS', b: 'UKR', period: 'week', normalize: true, to: '2024-01-21' });
  // week of 2024-01-01: the pair's 3 among the 6 stored (with RUS-USA, RUS-none, USA-CHN); then 2 of 2, 1 of 1
  assert.deepEqual(r.points.map((p) => p.normalized), [3 / 6, 2 / 2, 1 / 1]);
  assert.equal(pairSeries(s.db, { a: 'RUS', b: 'UKR' }).points[0].normalized, undefined);
  s.close();
});

test('pairSeries and top lists refuse options they cannot use, naming them', () => {
  const s = storeWith(HAND);
  const refuses = (f: () => unknown, option: string) => assert.throws(f, (e: unknown) => e instanceof AnalysisError && e.option === option);
  refuses(() => pairSeries(s.db, { a: 'RUS', period: 'year' as never }), 'period');
  refuses(() => pairSeries(s.db, { a: 'R' }), 'a');
  refuses(() => pairSeries(s.db, { a: 'RUS', b: 'U-K' }), 'b');
  refuses(() => pairSeries(s.db, { a: 'RUS', from: '2024-02-30' }), 'from');
  refuses(() => pairSeries(s.db, { a: 'RUS', from: '2024-03-01', to: '2024-02-01' }), 'from');
  refuses(() => pairSeries(s.db, { a: 'RUS', codes: ['19%'] }), 'codes');
  refuses(() => pairSeries(s.db, { a: 'RUS', sectors: ['MILITARY'] }), 'sectors');
  refuses(() => pairSeries(s.db, { a: 'RUS', direction: 'up' as never }), 'direction');
  refuses(() => topPairs(s.db, { limit: 0 }), 'limit');
  s.close();
});

test('topPairs and topActors: directed pairs and countries by events, hand-counted', () => {
  const s = storeWith(HAND);
  assert.deepEqual(
    topPairs(s.db, { limit: 3 }).map((p) => [p.source, p.target, p.events, p.quad.join('')]),
    [['RUS', 'UKR', 5, '1112'], ['UKR', 'RUS', 2, '1001'], ['RUS', 'USA', 1, '1000']],
  );
  assert.deepEqual(topPairs(s.db, { from: '2024-01-08', to: '2024-01-31' }).map((p) => `${p.source}-${p.target}:${p.events}`), ['RUS-UKR:2', 'UKR-RUS:1']);
  const actors = topActors(s.db);
  assert.deepEqual(actors.map((a) => [a.actor, a.events, a.asSource, a.asTarget]), [
    ['RUS', 9, 7, 2],
    ['UKR', 7, 2, 5],
    ['USA', 2, 1, 1],
    ['CHN', 1, 0, 1],
  ]);
  s.close();
});

test('pairSeries: the rollups and the events give the same series, for every option the rollups answer and after deletes', () => {
  const rnd = seededRandom(3);
  const countries = ['RUS', 'UKR', 'USA', 'CHN'];
  const sectors = ['', '', 'GOV', 'MIL'];
  const codes = ['010', '040', '057', '073', '112', '120', '138', '172', '190', '193', '195', '204'];
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const events: SyntheticEvent[] = [];
  for (let i = 0; i < 3000; i++) {
    const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 200) * 86_400_000).toISOString().slice(0, 10);
    events.push(ev(d, rnd() < 0.05 ? null : pick(countries) + pick(sectors), rnd() < 0.1 ? null : pick(countries) + pick(sectors) + pick(sectors), pick(codes), { doc: `d${i >> 2}` }));
  }
  const s = storeWith(events);
  const check = (label: string) => {
    for (const [a, b] of [['RUS', 'UKR'], ['UKR', 'RUS'], ['RUS', 'RUS'], ['USA', undefined], ['CHN', 'USA']] as const)
      for (const direction of ['both', 'ab', 'ba'] as const)
        for (const period of ['day', 'week', 'month'] as const)
          for (const extra of [{}, { codes: ['19'] }, { codes: ['11', '19', '04'] }, { from: '2024-02-10', to: '2024-05-03' }, { from: '2024-03-01', codes: ['17'] }, { normalize: true }, { sectors: ['mil'] }, { sectors: ['GOV'], from: '2024-02-01' }]) {
            const opts = { a, ...(b ? { b } : {}), direction, period, ...extra };
            assert.deepEqual(pairSeries(s.db, opts), pairSeries(s.db, { ...opts, scan: true }), `${label}: ${JSON.stringify(opts)}`);
          }
  };
  check('as inserted');
  // a deleted article's events leave the rollups (a cell can fall to zero and go), as a recode's rewrite does
  s.db.prepare("DELETE FROM articles WHERE id IN (SELECT id FROM articles WHERE id % 3 = 0)").run();
  s.db.prepare("DELETE FROM events WHERE cameo_code = '193'").run();
  check('after deletes');
  assert.equal(s.db.prepare('SELECT count(*) FROM rollup_pair_days WHERE n <= 0').pluck().get(), 0, 'no empty cells are kept');
  // and the series above did come from the rollups
  const before = pairSeries(s.db, { a: 'RUS', b: 'UKR' });
  s.db.prepare("DELETE FROM rollup_pair_days WHERE source_country = 'RUS'").run();
  assert.notDeepEqual(pairSeries(s.db, { a: 'RUS', b: 'UKR' }), before);
  s.close();
});
