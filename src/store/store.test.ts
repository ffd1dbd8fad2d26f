import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { event, record, tempDir, actor } from '../../test/helpers/store-fixtures.js';
import { PACKAGE_ROOT } from '../paths.js';
import {
  createArticleWriter, createRecoder, diffEvents, eventsQuery, migrate, MIGRATIONS, openStore, rollupDifferences, SCHEMA_VERSION, selectEvents, storeCounts, StoreError, withoutRollupTriggers,
  type CodeChange,
} from './index.js';

const dir = tempDir();
let n = 0;
const fresh = () => openStore({ path: join(dir, `s${++n}.db`) });

test('a new store has the latest schema, WAL journal and foreign keys, and opening it again changes nothing', () => {
  const s = fresh();
  assert.equal(s.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(s.db.pragma('foreign_keys', { simple: true }), 1);
  const tables = s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  assert.deepEqual(tables, ['actors', 'articles', 'clusters', 'events', 'lsh_buckets', 'rollup_codes', 'rollup_days', 'rollup_pair_days', 'rollup_pair_roots', 'rollup_pair_sectors', 'store_meta']);
  assert.match(s.db.prepare("SELECT value FROM store_meta WHERE key = 'migration.1'").pluck().get() as string, /^articles-events-actors-clusters applied/);
  s.close();
  const again = openStore({ path: s.path });
  assert.equal(again.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  again.close();
});

test('migrations are numbered from 1 without gaps, so user_version names the last one applied', () => {
  MIGRATIONS.forEach((m, i) => assert.equal(m.version, i + 1));
});

test('a store written by a newer dyad is refused, not migrated down', () => {
  const s = fresh();
  s.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  s.close();
  assert.throws(() => openStore({ path: s.path }), (e: StoreError) => e.code === 'newer-schema' && e.message.includes('upgrade dyad'));
});

test('a file that is not a database, or a damaged one, is reported as corrupt with its path, and left as it was', () => {
  const junk = join(dir, 'junk.db');
  writeFileSync(junk, 'this is not a database, just text that happens to be called .db\n'.repeat(100));
  const before = readFileSync(junk);
  assert.throws(() => openStore({ path: junk }), (e: StoreError) => e.code === 'corrupt' && e.message.includes(junk));
  assert.deepEqual(readFileSync(junk), before);
  assert.throws(() => openStore({ path: junk, readonly: true }), (e: StoreError) => e.code === 'corrupt');

  // a real store cut short: its pages past the first are gone
  const s = fresh();
  const w = createArticleWriter(s);
  w.write(Array.from({ length: 40 }, (_, i) => record({ docId: `d${i}`, text: `Article ${i} says Russia threatened Latvia with sanctions. ${'Filler words here. '.repeat(40)}` })));
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  const cut = join(dir, 'cut.db');
  copyFileSync(s.path, cut);
  truncateSync(cut, Math.floor(statSync(cut).size / 3));
  assert.throws(
    () => {
      const t = openStore({ path: cut });
      try {
        storeCounts(t);
        [...selectEvents(t)];
      } finally {
        t.close();
      }
    },
    (e: StoreError) => e.code === 'corrupt',
  );
});

test('readonly open of a missing store says how to make one', () => {
  assert.throws(() => openStore({ path: join(dir, 'none.db'), readonly: true }), (e: StoreError) => e.code === 'not-found' && /dyad ingest/.test(e.message));
});

test('an article is stored once by its content hash: the same batch twice, or twice in one batch, writes it once', () => {
  const s = fresh();
  const w = createArticleWriter(s);
  const a = record();
  assert.deepEqual(w.write([a, a]), { added: 1, duplicates: 1, events: 1, syndicated: 0 });
  assert.equal(w.has(a.contentHash), true);
  assert.deepEqual(w.write([a]), { added: 0, duplicates: 1, events: 0, syndicated: 0 });
  assert.deepEqual(storeCounts(s), { articles: 1, skipped: 0, events: 1, clusters: 1, syndicated: 0, actors: 0 });
  // the same text from another publisher is another article (of the same story)
  const other = record({ source: 'Other Wire' });
  assert.notEqual(other.contentHash, a.contentHash);
  assert.equal(w.write([other]).syndicated, 1);
  s.close();
});

test('a batch is one transaction: an error in its last article leaves none of it stored', () => {
  const s = fresh();
  const w = createArticleWriter(s);
  const good = record({ docId: 'good', text: 'Russia threatened Latvia with sanctions, the ministry said on Monday.' });
  const bad = record({ docId: 'bad', text: 'Another article entirely.', events: [event({ cameo: { code: null as unknown as string, root: '13', name: 'x' } })] });
  assert.throws(() => w.write([good, bad]));
  assert.deepEqual(storeCounts(s), { articles: 0, skipped: 0, events: 0, clusters: 0, syndicated: 0, actors: 0 });
  assert.equal(s.db.prepare('SELECT count(*) FROM lsh_buckets').pluck().get(), 0);
  assert.equal(w.write([good]).added, 1);
  s.close();
});

test('every field of the event contract is stored, and read back by selectEvents', () => {
  const s = fresh();
  const text = 'WARSAW (dyad) — Latvian Foreign Minister Ilze Ozola met Polish officials in Warsaw.';
  const src = actor('LVAGOV', 'Latvian Foreign Minister Ilze Ozola', 16, { name: 'Ilze Ozola', entry: 'person:lva-ilze-ozola', dictionary: 'people.v1' });
  const tgt = actor('POLGOV', 'Polish officials', 56);
  const e = event({
    docId: 'w1', sentence: 1, source: src, target: tgt, cameo: { code: '040', root: '04', name: 'Consult' },
    plover: { type: 'CONSULT', mode: 'visit', context: 'diplomatic' }, goldstein: 1, quadClass: 1, modality: 'asserted',
    place: { text: 'Warsaw', span: { start: 75, end: 81 }, name: 'Warsaw', country: 'POL', region: 'Mazovia', lat: 52.23, lon: 21.01, kind: 'city', from: 'clause' }, verb: { start: 52, end: 55 }, evidence: { start: 16, end: 72 }, ruleId: '04.meet', dictionary: 'cameo-verbs.v9',
  });
  createArticleWriter(s).write([
    record({ docId: 'w1', text, url: 'https://www.example.org/w1', title: 'Talks', events: [e], leadSentence: 1, sentences: [{ start: 0, end: 15 }, { start: 16, end: text.length }], actors: [src, tgt, tgt] }),
  ]);
  const [got] = [...selectEvents(s)];
  assert.equal(got.docId, 'w1');
  assert.deepEqual(got.sentence, { index: 1, start: 16, end: text.length });
  assert.deepEqual(got.source, { code: 'LVAGOV', country: 'LVA', sector: 'GOV', text: src.text, name: 'Ilze Ozola', entry: 'person:lva-ilze-ozola', dictionary: 'people.v1', span: src.span });
  assert.equal(got.target?.code, 'POLGOV');
  assert.deepEqual([got.cameoCode, got.cameoRoot, got.cameoName], ['040', '04', 'Consult']);
  assert.deepEqual(got.plover, { type: 'CONSULT', mode: 'visit', context: 'diplomatic' });
  assert.deepEqual([got.goldstein, got.quadClass, got.modality, got.place, got.date], [1, 1, 'asserted', 'Warsaw', '2022-03-03']);
  assert.deepEqual(got.placeDetail, { country: 'POL', region: 'Mazovia', lat: 52.23, lon: 21.01, kind: 'city' });
  assert.deepEqual(got.verb, { start: 52, end: 55 });
  assert.deepEqual(got.evidence, { start: 16, end: 72, text: text.slice(16, 72) });
  assert.deepEqual([got.ruleId, got.dictionary], ['04.meet', 'cameo-verbs.v9']);
  assert.equal(got.article.publisher, 'example.org', 'the publisher is the URL host when there is no source');
  assert.equal(got.article.leadSentence, 1);
  assert.deepEqual([got.numArticles, got.numSources], [1, 1]);
  const actors = s.db.prepare('SELECT code, entry, name, mentions, articles FROM actors ORDER BY code').all();
  assert.deepEqual(actors, [
    { code: 'LVAGOV', entry: 'person:lva-ilze-ozola', name: 'Ilze Ozola', mentions: 1, articles: 1 },
    { code: 'POLGOV', entry: 'test:POLGOV', name: 'Polish officials', mentions: 2, articles: 1 },
  ]);
  s.close();
});

const wire = readFileSync(join(PACKAGE_ROOT, 'test/fixtures/ingest/syndicated.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; source: string; url: string; text: string });

test('syndicated copies of a wire story are one story; an unrelated article is another', () => {
  const s = fresh();
  const w = createArticleWriter(s);
  // the event at the same place in every copy: one story, four reports, three publishers (the wire twice)
  const r = w.write(wire.map((a) => record({ docId: a.id, text: a.text, source: a.source, url: a.url, events: [event({ docId: a.id })] })));
  assert.deepEqual(r, { added: 5, duplicates: 0, events: 5, syndicated: 3 });
  const rows = s.db.prepare('SELECT doc_id, cluster_id, similarity FROM articles ORDER BY id').all() as { doc_id: string; cluster_id: number; similarity: number | null }[];
  const story = rows[0].cluster_id;
  assert.deepEqual(rows.slice(0, 4).map((x) => x.cluster_id), [story, story, story, story]);
  assert.notEqual(rows[4].cluster_id, story, 'the Kenya article is a story of its own');
  for (const x of rows.slice(1, 4)) assert.ok(x.similarity! >= 0.6, `${x.doc_id} ${x.similarity}`);
  assert.deepEqual(s.db.prepare('SELECT articles, sources FROM clusters WHERE id = ?').get(story), { articles: 4, sources: 3 });

  const all = [...selectEvents(s)];
  assert.equal(all.length, 5);
  for (const e of all.filter((x) => x.clusterId === story)) assert.deepEqual([e.numArticles, e.numSources], [4, 3]);
  const once = [...selectEvents(s, { dedup: true })];
  assert.deepEqual(once.map((e) => e.docId).sort(), ['kenya-1', 'wire-1'], 'the story counts once');
  s.close();
});

test('one-a-day keeps one event per date, source, target and code, and lists what it merged', () => {
  const s = fresh();
  const w = createArticleWriter(s);
  const texts = ['Russia threatened Latvia with sanctions on Thursday in Riga.', 'In a separate report, Moscow threatened Latvia with new sanctions.', 'A week later Russia threatened Latvia again.'];
  w.write([
    record({ docId: 'a', text: texts[0], url: 'https://a.example/1', events: [event({ docId: 'a' }), event({ docId: 'a', sentence: 0, verb: { start: 1, end: 2 } })] }),
    record({ docId: 'b', text: texts[1], url: 'https://b.example/2', events: [event({ docId: 'b' })] }),
    record({ docId: 'c', text: texts[2], url: 'https://c.example/3', events: [event({ docId: 'c', date: '2022-03-10' }), event({ docId: 'c', cameo: { code: '130', root: '13', name: 'Threaten' } })] }),
  ]);
  const daily = [...selectEvents(s, { oneADay: true })];
  assert.deepEqual(daily.map((e) => [e.date, e.docId, e.cameoCode]), [
    ['2022-03-03', 'a', '1312'],
    ['2022-03-03', 'c', '130'],
    ['2022-03-10', 'c', '1312'],
  ]);
  assert.deepEqual(daily[0].merged?.map((m) => [m.docId, m.url]), [['a', 'https://a.example/1'], ['a', 'https://a.example/1'], ['b', 'https://b.example/2']]);
  assert.equal(daily[2].merged?.length, 1);
  // the same SQL wraps any event query
  assert.match(eventsQuery({ oneADay: true }).sql, /day_groups/);
  s.close();
});

test('filters: dates, actor code prefixes, CAMEO code prefixes or PLOVER types, modality', () => {
  const s = fresh();
  createArticleWriter(s).write([
    record({
      docId: 'f',
      text: 'Several things happened on several days in several places, officials said.',
      events: [
        event({ docId: 'f', date: '2022-01-01' }),
        event({ docId: 'f', date: '2022-02-01', source: actor('UKRMIL', 'Ukrainian forces', 0), target: actor('RUSMIL', 'Russian troops', 30), cameo: { code: '190', root: '19', name: 'Fight' }, plover: { type: 'ASSAULT', mode: null, context: null } }),
        event({ docId: 'f', date: '2022-03-01', modality: 'negated', cameo: { code: '193', root: '19', name: 'Fight with small arms' }, plover: { type: 'ASSAULT', mode: 'firearms', context: null } }),
        event({ docId: 'f', date: '2022-04-01', source: actor('CHN', 'China', 0), target: actor('USA', 'the United States', 20), cameo: { code: '040', root: '04', name: 'Consult' }, plover: null }),
      ],
    }),
  ]);
  const q = (f: Parameters<typeof selectEvents>[1]) => [...selectEvents(s, f)].map((e) => e.date);
  assert.deepEqual(q({ from: '2022-02-01', to: '2022-03-01' }), ['2022-02-01', '2022-03-01']);
  assert.deepEqual(q({ actor: ['RUS'] }), ['2022-01-01', '2022-02-01', '2022-03-01'], 'RUS matches RUSMIL as target, RUS as source');
  assert.deepEqual(q({ actor: ['usa', 'UKRMIL'] }), ['2022-02-01', '2022-04-01']);
  assert.deepEqual(q({ code: ['19'] }), ['2022-02-01', '2022-03-01']);
  assert.deepEqual(q({ code: ['04', 'threaten'] }), ['2022-01-01', '2022-04-01']);
  assert.deepEqual(q({ code: ['ASSAULT'], modality: ['asserted'] }), ['2022-02-01']);
  s.close();
});

test('events are indexed for per-pair time series and for dates, and the pair query uses its index', () => {
  const s = fresh();
  const cols = (index: string) => s.db.prepare(`PRAGMA index_info(${index})`).all().map((r) => (r as { name: string }).name);
  assert.deepEqual(cols('events_pair_date'), ['source_country', 'target_country', 'date']);
  assert.deepEqual(cols('events_date'), ['date']);
  const plan = s.db
    .prepare("EXPLAIN QUERY PLAN SELECT date, count(*) FROM events WHERE source_country = 'RUS' AND target_country = 'UKR' AND date BETWEEN '2022-01-01' AND '2022-12-31' GROUP BY date")
    .all()
    .map((r) => (r as { detail: string }).detail)
    .join('\n');
  assert.match(plan, /events_pair_date/);
  s.close();
});

test('recode: event differences are counted per code, and a batch replaces the events of changed articles', () => {
  const changes = new Map<string, CodeChange>();
  const k = (key: string, code: string) => ({ key, code });
  assert.equal(diffEvents([k('a', '040'), k('b', '1312')], [k('a', '040'), k('c', '130'), k('c', '130')], changes), true);
  assert.deepEqual([...changes.values()].sort((x, y) => x.code.localeCompare(y.code)), [
    { code: '040', before: 1, after: 1, added: 0, removed: 0 },
    { code: '130', before: 0, after: 2, added: 2, removed: 0 },
    { code: '1312', before: 1, after: 0, added: 0, removed: 1 },
  ]);
  assert.equal(diffEvents([k('a', '040')], [k('a', '040')], new Map()), false);

  const s = fresh();
  createArticleWriter(s).write([record({ docId: 'r' })]);
  const recoder = createRecoder(s);
  const [article] = recoder.page(0, 10);
  assert.equal(article.docId, 'r');
  assert.equal(recoder.stored(article.id).keys.length, 1);
  const next = record({ docId: 'r', events: [event({ docId: 'r', cameo: { code: '130', root: '13', name: 'Threaten' } }), event({ docId: 'r', sentence: 0, verb: { start: 0, end: 1 } })] });
  recoder.replace([{ article, record: next, changed: true }], true);
  assert.deepEqual(s.db.prepare('SELECT cameo_code FROM events ORDER BY id').pluck().all(), ['130', '1312']);
  assert.deepEqual(recoder.page(article.id, 10), []);
  assert.deepEqual(rollupDifferences(s.db), {}, 'the rollups follow a recode');
  s.close();
});

test('rollups: kept equal to the events by ingest, re-ingest, recode and deletes, and filled by the migration in an older store', () => {
  const s = fresh();
  const w = createArticleWriter(s);
  const ev = (docId: string, date: string, code: string, src: string | null, tgt: string | null, modality = 'asserted') =>
    event({ docId, date, cameo: { code, root: code.slice(0, 2), name: 'x' }, quadClass: code >= '14' ? 4 : 1, goldstein: code === '204' ? null : code >= '14' ? -9.5 : 3.4, modality: modality as 'asserted',
      source: src ? actor(src, src, 0) : null, target: tgt ? actor(tgt, tgt, 0) : null });
  w.write([
    record({ docId: 'a', text: 'one', events: [ev('a', '2024-01-01', '190', 'RUSMILGOV', 'UKRGOV'), ev('a', '2024-01-01', '040', 'RUS', 'UKR', 'intent'), ev('a', '2024-01-01', '204', 'RUS', null)] }),
    record({ docId: 'b', text: 'two', events: [ev('b', '2024-01-02', '193', 'UKR', 'RUS'), ev('b', '2024-01-02', '190', null, 'RUS')] }),
  ]);
  assert.deepEqual(rollupDifferences(s.db), {});
  assert.equal(s.db.prepare('SELECT count(*) FROM rollup_pair_days').pluck().get(), 4);
  w.write([record({ docId: 'a', text: 'one', events: [ev('a', '2024-01-01', '190', 'RUSMILGOV', 'UKRGOV')] })]);
  assert.deepEqual(rollupDifferences(s.db), {}, 'a re-ingest writes nothing');
  s.db.prepare("DELETE FROM articles WHERE doc_id = 'b'").run();
  assert.deepEqual(rollupDifferences(s.db), {}, "an article's cascade");
  assert.equal(s.db.prepare('SELECT count(*) FROM rollup_pair_days').pluck().get(), 2, 'cells without events go');
  s.db.prepare("UPDATE events SET date = '2024-02-01', cameo_code = '120' WHERE cameo_code = '040'").run();
  assert.deepEqual(rollupDifferences(s.db), {}, 'an update');
  // a store of schema 3 with events: migration 4 fills the rollups
  for (const t of ['rollup_days', 'rollup_codes', 'rollup_pair_days', 'rollup_pair_roots', 'rollup_pair_sectors']) s.db.exec(`DROP TABLE ${t}`);
  for (const t of ['insert', 'delete', 'update']) s.db.exec(`DROP TRIGGER events_rollup_${t}`);
  s.db.exec('DROP INDEX events_source_cover');
  s.db.pragma('user_version = 3');
  migrate(s.db, s.path);
  assert.deepEqual(rollupDifferences(s.db), {});
  assert.equal(s.db.prepare('SELECT sum(n) FROM rollup_days').pluck().get(), 3);
  // a bulk load without the triggers fills them after, and puts the triggers back
  withoutRollupTriggers(s.db, () => w.write([record({ docId: 'c', text: 'three', events: [ev('c', '2024-03-01', '173', 'CHN', 'TWN')] })]));
  assert.deepEqual(rollupDifferences(s.db), {});
  s.db.prepare("DELETE FROM articles WHERE doc_id = 'c'").run();
  assert.deepEqual(rollupDifferences(s.db), {}, 'the triggers are back');
  s.close();
});
