import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/store-fixtures.js';
import { CODES_BY_QUAD, insertSyntheticEvents, poisson, seededRandom, weeklyPairEvents, type SyntheticEvent, type WeekCount } from '../../scripts/synthetic-events.js';
import { openStore, type Store } from '../store/index.js';
import { goldstein } from '../standards/index.js';
import { addPeriods, AnalysisError, alertScope, median, movers, pairAlerts, robustScore, scanAlerts } from './index.js';

const dir = tempDir('dyad-alerts-');
const WEEKS = 20;
const START = '2024-01-01'; // a Monday
const LAST = addPeriods(START, 'week', WEEKS - 1); // 2024-05-13
const day = (week: number, d: number) => addPeriods(addPeriods(START, 'week', week), 'day', d);

/** A pair's events, week by week: `conflict(w)` and `coop(w)` give each week's count (or, for a number, its Poisson mean). */
const pairEvents = (rnd: () => number, source: string, target: string, conflict: (w: number) => WeekCount, coop: (w: number) => WeekCount) =>
  weeklyPairEvents({ rnd, source, target, start: START, weeks: WEEKS, conflict, coop });

const VERBAL = CODES_BY_QUAD[3].filter((c) => Math.abs(goldstein(c)!) <= 4);
const ESCALATES = new Set(['USA>IRN', 'ISR>LBN', 'ETH>ERI', 'IND>PAK']);

/**
 * A synthetic store of 20 weeks. Four pairs escalate in the last week: USA > IRN (3 conflict events a week to
 * 25), ISR > LBN (8 to 40), ETH > ERI (no conflict to 8), IND > PAK (6 verbal ones to 12 attacks: the count
 * doubles, the weight grows sevenfold). SYR > TUR escalated in week 12 and calmed down. Each of them has a
 * twin with the same number of events of each kind spread evenly over the weeks (noise of the same volume);
 * other pairs are loud but steady (25 and 40 a week), have a cooperation spike, or one story syndicated by 30
 * articles in the last week.
 */
const build = (): { store: Store; events: SyntheticEvent[] } => {
  const rnd = seededRandom(2024);
  const last = (before: number, after: number | { exactly: number; codes?: string[] }) => (w: number) => (w === WEEKS - 1 ? after : before);
  const planted = [
    pairEvents(rnd, 'USA', 'IRN', last(3, { exactly: 25 }), () => 4),
    pairEvents(rnd, 'ISR', 'LBN', last(8, { exactly: 40 }), () => 3),
    pairEvents(rnd, 'ETH', 'ERI', last(0, { exactly: 8 }), () => 2),
    pairEvents(rnd, 'IND', 'PAK', (w) => (w === WEEKS - 1 ? { exactly: 12, codes: ['190', '193', '195'] } : { exactly: poisson(rnd, 6), codes: VERBAL }), () => 5),
    pairEvents(rnd, 'SYR', 'TUR', (w) => (w === 12 ? { exactly: 30 } : 4), () => 3),
  ];
  const events = planted.flat();
  // the twins: same events of each kind over the 20 weeks, at an even rate
  const twins = ['GBR>FRA', 'DEU>POL', 'KEN>SOM', 'BRA>ARG', 'JPN>KOR'];
  planted.forEach((p, i) => {
    const conflict = p.filter((e) => Number(e.code.slice(0, 2)) >= 10).length; // roots 10–20 are conflict
    const [s, t] = twins[i].split('>');
    events.push(...pairEvents(rnd, s, t, () => conflict / WEEKS, () => (p.length - conflict) / WEEKS));
  });
  events.push(...pairEvents(rnd, 'RUS', 'UKR', () => 25, () => 10));
  events.push(...pairEvents(rnd, 'CHN', 'USA', () => 40, () => 20));
  events.push(...pairEvents(rnd, 'EGY', 'SDN', () => 3, (w) => (w === WEEKS - 1 ? 60 : 5)));
  events.push(...pairEvents(rnd, 'NGA', 'NER', () => 1, () => 1));
  events.push(...pairEvents(rnd, 'VEN', 'COL', last(0, { exactly: 4, codes: ['190'] }), () => 1));
  events.push(...pairEvents(rnd, 'CHN', 'TWN', () => 3, () => 3));
  // one CHN > TWN story told by 30 articles in the last week
  for (let i = 0; i < 30; i++) events.push({ date: day(WEEKS - 1, 2 + (i % 3)), source: 'CHN', target: 'TWN', code: '1312', doc: `wire-${i}`, cluster: 999, evidence: 'China threatened Taiwan with sanctions' });
  const store = openStore({ path: join(dir, 'alerts.db') });
  insertSyntheticEvents(store.db, events);
  return { store, events };
};

const { store, events } = build();
const pairs = (alerts: { source: string; target: string }[]) => alerts.map((a) => `${a.source}>${a.target}`).sort();

test('robustScore: median and MAD of the baseline, scaled by 1.4826, floored by counting noise', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(median([]), 0);
  const cell = (weight: number, events = weight / 5) => ({ events, weight, weight2: events * 25 });
  const wide = robustScore([10, 20, 30, 40, 50, 60, 70, 80].map((w) => cell(w)), cell(200));
  assert.equal(wide.median, 45);
  assert.equal(wide.mad, 20);
  assert.equal(wide.scale, 1.4826 * 20, 'a wide baseline: the MAD sets the scale');
  assert.equal(wide.score, (200 - 45) / (1.4826 * 20));
  const flat = robustScore(Array.from({ length: 8 }, () => cell(50)), cell(100));
  assert.equal(flat.mad, 0);
  assert.equal(flat.scale, Math.sqrt((50 + 5) * 5), 'MAD 0: the floor, √((median + k) k) with k = E[w²]/E[w] = 5');
  assert.ok(flat.score > 3 && flat.score < 4, `ten more events of weight 5 over a flat 50 scores ${flat.score}`);
  const quiet = robustScore(Array.from({ length: 8 }, () => cell(0)), cell(0));
  assert.equal(quiet.score, 0, 'nothing before, nothing now');
  assert.ok(Number.isFinite(robustScore(Array.from({ length: 8 }, () => cell(0)), cell(40)).score));
});

test('scanAlerts finds every planted escalation of the last week and nothing on noise of the same volume', () => {
  const alerts = scanAlerts(store.db, { period: 'week' });
  assert.deepEqual(pairs(alerts), [...ESCALATES, 'CHN>TWN'].sort(), 'the syndicated story alerts until it is counted once');
  for (const a of alerts) {
    assert.equal(a.period, LAST);
    assert.ok(a.score >= 3.5);
    assert.equal(a.method, 'robust-z:conflict-weight');
    assert.equal(a.baseline.values.length, 8);
    assert.equal(a.baseline.median, median(a.baseline.values));
    assert.ok(Math.abs(a.score - (a.current - a.baseline.median) / a.baseline.scale) < 1e-3, 'the score is reproducible from what the alert reports');
  }
  assert.deepEqual(alerts.map((a) => a.score), [...alerts.map((a) => a.score)].sort((x, y) => y - x), 'highest score first');
  const deduped = scanAlerts(store.db, { period: 'week', dedup: true });
  assert.deepEqual(pairs(deduped), [...ESCALATES].sort(), 'with dedup the 30 copies are one story');
  assert.deepEqual(pairs(scanAlerts(store.db, { period: 'week', oneADay: true })), [...ESCALATES].sort(), 'one-a-day merges the copies of each day');
});

test('scanAlerts: the alert says how big, and its evidence is the most severe conflict events of the pair and period', () => {
  const [ind] = scanAlerts(store.db, { period: 'week', dedup: true }).filter((a) => a.source === 'IND');
  assert.equal(ind.conflictEvents, 12);
  assert.equal(ind.current, 120, 'twelve attacks of Goldstein −10');
  assert.equal(ind.events.length, 5, 'five events of evidence by default');
  for (const e of ind.events) {
    assert.ok(['190', '193', '195'].includes(e.code));
    assert.equal(e.goldstein, -10);
    assert.ok(e.date >= LAST);
    assert.match(e.evidence, /^IND against PAK #19\./);
    assert.equal(typeof e.id, 'number');
    assert.equal(typeof e.docId, 'string');
  }
  const usa = scanAlerts(store.db, { dedup: true, evidence: 30 }).find((a) => a.source === 'USA')!;
  assert.equal(usa.events.length, 25, 'all 25 conflict events of the week, when asked for more');
  const weights = usa.events.map((e) => Math.abs(e.goldstein ?? 5));
  assert.deepEqual(weights, [...weights].sort((x, y) => y - x), 'the most severe first');
  assert.deepEqual(pairs(scanAlerts(store.db, { dedup: true, limit: 2 })), pairs(scanAlerts(store.db, { dedup: true }).slice(0, 2)));
  assert.equal(scanAlerts(store.db, { dedup: true, evidence: 0 })[0].events.length, 0);
});

test('scanAlerts as of an earlier day scores that period: the week-12 escalation, found then, not after', () => {
  const w12 = addPeriods(START, 'week', 12);
  const then = scanAlerts(store.db, { dedup: true, asOf: addPeriods(w12, 'day', 6) });
  assert.deepEqual(pairs(then), ['SYR>TUR']);
  assert.equal(then[0].period, w12);
  // events after asOf are not read: the scan on the spike's Wednesday sees only its first three days
  const wed = scanAlerts(store.db, { dedup: true, asOf: addPeriods(w12, 'day', 2), evidence: 50 });
  for (const a of wed) for (const e of a.events) assert.ok(e.date <= addPeriods(w12, 'day', 2));
  assert.deepEqual(alertScope(store.db, { asOf: addPeriods(START, 'day', 20) }), undefined, 'three weeks of history: too short for a baseline of 8');
  assert.deepEqual(scanAlerts(store.db, { asOf: addPeriods(START, 'day', 20) }), []);
  assert.deepEqual(alertScope(store.db, { asOf: addPeriods(START, 'week', 5) })!.baseline, [0, 1, 2, 3, 4].map((w) => addPeriods(START, 'week', w)));
});

test('scanAlerts over every week of the store: exactly the planted escalations, in their weeks', () => {
  const found: string[] = [];
  for (let w = 4; w < WEEKS; w++) {
    for (const a of scanAlerts(store.db, { dedup: true, asOf: addPeriods(addPeriods(START, 'week', w), 'day', 6) })) found.push(`${a.source}>${a.target}@${a.period}`);
  }
  assert.deepEqual(found.sort(), [...[...ESCALATES].map((p) => `${p}@${LAST}`), `SYR>TUR@${addPeriods(START, 'week', 12)}`].sort());
});

test('scanAlerts: thresholds and minimum events are honoured, and bad options refused', () => {
  const all = scanAlerts(store.db, { dedup: true, threshold: 0.01, minEvents: 1 });
  assert.ok(all.length > 5);
  assert.ok(scanAlerts(store.db, { dedup: true, minEvents: 13 }).every((a) => a.conflictEvents >= 13));
  assert.ok(!pairs(scanAlerts(store.db, { dedup: true })).includes('VEN>COL'), 'four attacks after weeks without conflict: under minEvents');
  assert.ok(pairs(scanAlerts(store.db, { dedup: true, minEvents: 4 })).includes('VEN>COL'));
  for (const [o, option] of [[{ window: 0 }, 'window'], [{ threshold: -1 }, 'threshold'], [{ minEvents: 0 }, 'minEvents'], [{ period: 'hour' }, 'period'], [{ asOf: '2024-13-01' }, 'asOf']] as const) {
    assert.throws(() => scanAlerts(store.db, o as never), (e: unknown) => e instanceof AnalysisError && e.option === option);
  }
});

test('pairAlerts marks the periods of one series that a scan on their day would raise', () => {
  const syr = pairAlerts(store.db, { a: 'SYR', b: 'TUR', dedup: true, direction: 'ab' });
  assert.deepEqual(syr.map((a) => a.period), [addPeriods(START, 'week', 12)]);
  const [scan] = scanAlerts(store.db, { dedup: true, asOf: addPeriods(START, 'day', 12 * 7 + 6) });
  assert.equal(syr[0].score, scan.score, 'the same score as the scan');
  assert.deepEqual(pairAlerts(store.db, { a: 'GBR', b: 'FRA', dedup: true }), []);
  assert.deepEqual(pairAlerts(store.db, { a: 'IND', b: 'PAK', from: LAST }).map((a) => a.period), [LAST]);
});

test('movers: the pairs whose events changed most from the week before', () => {
  const m = movers(store.db, { limit: 3 });
  assert.equal(m[0].source + m[0].target, 'EGYSDN', 'the cooperation spike moves the most events');
  assert.equal(m[0].period, LAST);
  assert.equal(m[0].previousPeriod, addPeriods(LAST, 'week', -1));
  const count = (s: string, t: string, from: string, to: string) => events.filter((e) => e.source === s && e.target === t && e.date >= from && e.date <= to).length;
  assert.equal(m[0].current.events, count('EGY', 'SDN', LAST, addPeriods(LAST, 'day', 6)));
  assert.equal(m[0].previous.events, count('EGY', 'SDN', m[0].previousPeriod, addPeriods(LAST, 'day', -1)));
  assert.equal(m[0].change, m[0].current.events - m[0].previous.events);
  const byWeight = movers(store.db, { measure: 'weight', dedup: true, limit: 4 });
  assert.ok(byWeight.some((x) => x.source === 'ISR'), 'ISR > LBN: the biggest rise in conflict weight');
  assert.ok(byWeight.every((x, i) => i === 0 || Math.abs(x.change) <= Math.abs(byWeight[i - 1].change)));
});
