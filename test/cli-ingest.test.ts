import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parquetReadObjects } from 'hyparquet';
import { Writable } from 'node:stream';
import { PACKAGE_ROOT } from '../src/paths.js';
import { generateArticles } from '../scripts/generate-corpus.js';
import { runIngest, type IngestCommandOptions } from '../src/cli/ingest-command.js';
import { runExport, type ExportCommandOptions } from '../src/cli/export-command.js';
import { runRecode, type RecodeCommandOptions } from '../src/cli/recode-command.js';
import type { CommandIO } from '../src/cli/command-io.js';
import { createNewsPipeline, type NewsPipeline } from '../src/news-pipeline.js';

const CLI = join(PACKAGE_ROOT, 'dist/src/cli/main.js');
const FIX = join(PACKAGE_ROOT, 'test/fixtures/ingest');
const tmp = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
const env = { ...process.env, DYAD_DB: '' };
const dyad = (args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { input: opts.input, encoding: 'utf8', cwd: tmp, env: opts.env ?? env, maxBuffer: 1 << 28 });
const db = (name: string) => join(tmp, name);

/** Runs a command in-process (no new node to start), with what it writes captured. */
const capture = () => {
  let stdout = '';
  const lines: string[] = [];
  const io: CommandIO = {
    stdout: new Writable({ write: (c, _e, cb) => ((stdout += String(c)), cb()) }),
    warn: (l) => lines.push(`dyad: ${l}`),
  };
  return { io, out: () => stdout, err: () => lines.join('\n') };
};
let shared: NewsPipeline | undefined;
const pipeline = () => (shared ??= createNewsPipeline());
const ingest = async (inputs: string[], opts: IngestCommandOptions) => {
  const c = capture();
  const status = await runIngest(inputs, { progress: false, pipeline: pipeline(), ...opts }, c.io);
  return { status, stdout: c.out(), stderr: c.err() };
};
const exporter = (opts: ExportCommandOptions) => {
  const c = capture();
  const status = runExport(opts, c.io);
  return { status, stdout: c.out(), stderr: c.err() };
};
const recode = (opts: RecodeCommandOptions) => {
  const c = capture();
  const status = runRecode({ progress: false, pipeline: pipeline(), ...opts }, c.io);
  return { status, stdout: c.out(), stderr: c.err() };
};
const query = (path: string, sql: string) => {
  const d = new Database(path, { readonly: true });
  try {
    return d.prepare(sql).all();
  } finally {
    d.close();
  }
};
const one = (path: string, sql: string) => Object.values(query(path, sql)[0] as object)[0];

/** What a store holds, without ids: articles with their story and events, to compare two stores. */
const dump = (path: string) =>
  JSON.stringify({
    articles: query(path, "SELECT a.doc_id, a.content_hash, a.cluster_id, a.similarity, (SELECT group_concat(cameo_code || coalesce(source_code, '-') || coalesce(target_code, '-'), ' ') FROM events e WHERE e.article_id = a.id) ev FROM articles a ORDER BY a.id"),
    clusters: query(path, 'SELECT id, articles, sources, first_date, last_date FROM clusters ORDER BY id'),
    actors: query(path, 'SELECT code, entry, mentions, articles FROM actors ORDER BY code, entry'),
  });

test('ingest (the real CLI): files, folders, pages and feeds; bad inputs named with file and line; the rest stored; exit 1', () => {
  const r = dyad(['ingest', FIX, '--db', db('fixtures.db'), '--json']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /broken\.html: malformed or empty HTML: no article text found/);
  assert.match(r.stderr, /feed-malformed\.xml:10: malformed XML \(Expected closing tag 'guid'/);
  assert.match(r.stderr, /feed-truncated\.xml:21: malformed XML: the feed ends before its elements close \(truncated\?\); read the 2 complete/);
  assert.match(r.stderr, /french\.txt: not in English \(detected "fra"\); skipped/);
  assert.match(r.stderr, /passed over files of other kinds \(1 \.png\)/);
  assert.match(r.stderr, /ingest: \d+ articles read: \d+ added/);
  const stats = JSON.parse(r.stdout);
  assert.equal(stats.problems, 3);
  assert.equal(stats.skipped, 1);
  assert.ok(stats.added >= 15 && stats.events > 10, r.stdout);
  assert.equal(stats.store.articles, stats.added);
  const titles = query(db('fixtures.db'), 'SELECT title FROM articles WHERE title IS NOT NULL ORDER BY title').map((x) => (x as { title: string }).title);
  for (const t of ['Russia threatens Latvia with sanctions', 'Border clash', 'Seoul protests missile launch', 'Kenya and Turkey hold talks | East Africa Daily']) assert.ok(titles.includes(t), t);
  assert.equal(one(db('fixtures.db'), "SELECT date FROM articles WHERE title = 'Border clash'"), '2023-03-16');
  assert.equal(one(db('fixtures.db'), "SELECT skipped FROM articles WHERE origin LIKE '%french.txt'"), 'not in English (detected "fra"); skipped');

  // a corrupt database file: reported with its path, exit 2, nothing written to it
  const junk = join(tmp, 'junk.db');
  writeFileSync(junk, 'SQLite format 2\u0000 but not really a database\n'.repeat(200));
  const before = readFileSync(junk);
  const bad = dyad(['ingest', join(FIX, 'syndicated.jsonl'), '--db', junk]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /junk\.db: the database file is corrupt or not a dyad store/);
  assert.deepEqual(readFileSync(junk), before);
});

test('a kill -9 during ingest loses nothing committed and corrupts nothing; the next run resumes to the same store as an uninterrupted run', async () => {
  const corpus = join(tmp, 'corpus.jsonl');
  writeFileSync(corpus, [...generateArticles(250, 7)].map((a) => JSON.stringify(a)).join('\n') + '\n');
  const killed = db('killed.db');
  const whole = db('whole.db');
  const run = (path: string) => spawn(process.execPath, [CLI, 'ingest', corpus, '--db', path, '--batch', '5', '--no-progress'], { cwd: tmp, env, stdio: 'ignore' });
  const uninterrupted = run(whole);
  const wholeDone = new Promise<number | null>((ok) => uninterrupted.on('exit', (code) => ok(code)));
  const victim = run(killed);
  const victimDone = new Promise<NodeJS.Signals | null>((ok) => victim.on('exit', (_c, signal) => ok(signal)));
  // kill it as soon as a few batches are committed
  const deadline = Date.now() + 60_000;
  for (;;) {
    assert.ok(Date.now() < deadline, 'no batch committed within a minute');
    await new Promise((ok) => setTimeout(ok, 15));
    if (!existsSync(killed)) continue;
    let n = 0;
    try {
      n = Number(one(killed, 'SELECT count(*) FROM articles'));
    } catch {
      continue; // the schema is not there yet
    }
    if (n >= 10) break;
  }
  victim.kill('SIGKILL');
  assert.equal(await victimDone, 'SIGKILL');
  const committed = Number(one(killed, 'SELECT count(*) FROM articles'));
  assert.ok(committed >= 10 && committed < 250, `killed mid-run: ${committed} of 250 committed`);
  assert.equal(committed % 5, 0, 'whole batches only');
  assert.deepEqual(query(killed, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  assert.equal(one(killed, 'SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)'), 0);

  const resumed = dyad(['ingest', corpus, '--db', killed, '--batch', '5', '--no-progress', '--json']);
  assert.equal(resumed.status, 0, resumed.stderr);
  const s = JSON.parse(resumed.stdout);
  assert.deepEqual([s.duplicates, s.added], [committed, 250 - committed]);
  assert.equal(await wholeDone, 0);
  const counts = (p: string) => query(p, 'SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM events) e, (SELECT count(*) FROM clusters) c, (SELECT count(*) FROM actors) x');
  assert.deepEqual(counts(killed), counts(whole));
  assert.equal(dump(killed), dump(whole));
});

test('re-ingest is a no-op: nothing added, the store unchanged', async () => {
  const path = db('again.db');
  const inputs = [join(FIX, 'syndicated.jsonl'), join(FIX, 'feed-rss.xml')];
  const first = await ingest(inputs, { db: path, json: true });
  assert.equal(first.status, 0, first.stderr);
  const before = dump(path);
  const second = await ingest(inputs, { db: path, json: true });
  assert.equal(second.status, 0, second.stderr);
  const s = JSON.parse(second.stdout);
  assert.deepEqual([s.read, s.added, s.duplicates, s.events], [8, 0, 8, 0]);
  assert.match(second.stderr, /8 articles read: 0 added, 8 already stored/);
  assert.equal(dump(path), before);
});

test('syndicated copies are one story; --dedup counts the story once, with how many articles and sources reported each event', async () => {
  const path = db('wire.db');
  const r = await ingest([join(FIX, 'syndicated.jsonl')], { db: path, json: true });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).syndicated, 3);
  assert.match(r.stderr, /5 articles read: 5 added \(3 in stories already stored\)/);
  assert.deepEqual(query(path, 'SELECT articles, sources FROM clusters ORDER BY id'), [{ articles: 4, sources: 3 }, { articles: 1, sources: 1 }]);
  const all = exporter({ db: path, format: 'csv' }).stdout.trim().split('\n');
  const dedup = exporter({ db: path, format: 'csv', dedup: 'clusters' }).stdout.trim().split('\n');
  const head = dedup[0].split(',');
  const col = (row: string, name: string) => row.split(',')[head.indexOf(name)];
  assert.ok(dedup.length < all.length, `${dedup.length} < ${all.length}`);
  const keys = dedup.slice(1).map((l) => ['cluster_id', 'source', 'target', 'cameo'].map((c) => col(l, c)).join('|'));
  assert.equal(new Set(keys).size, keys.length, 'one row per story, source, target and code');
  assert.ok(dedup.slice(1).some((l) => col(l, 'num_articles') === '4' && col(l, 'num_sources') === '3'), dedup.join('\n'));
  assert.equal(exporter({ db: path, format: 'csv', dedup: 'words' }).status, 2);
});

test('export: every layout from the store, with filters; Parquet read back; files written whole', async () => {
  const path = db('export.db');
  assert.equal((await ingest([join(PACKAGE_ROOT, 'examples/wire-feed.jsonl'), join(FIX, 'syndicated.jsonl')], { db: path })).status, 0);
  const total = Number(one(path, 'SELECT count(*) FROM events'));
  const withPlover = Number(one(path, 'SELECT count(*) FROM events WHERE plover_type IS NOT NULL'));
  const lines = (format: ExportCommandOptions['format'], more: Partial<ExportCommandOptions> = {}) => {
    const r = exporter({ db: path, format, ...more });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.replace(/\n$/, '').split('\n');
  };
  const gdelt = lines('gdelt');
  assert.equal(gdelt.length, total);
  for (const l of gdelt) assert.equal(l.split('\t').length, 61);
  const icews = lines('icews');
  assert.equal(icews.length, total + 1);
  assert.ok(icews[0].startsWith('Event ID\tEvent Date\tSource Name\t'));
  for (const l of icews) assert.equal(l.split('\t').length, 20);
  for (const l of lines('phoenix')) assert.equal(l.split('\t').length, 26);
  const polecat = lines('polecat');
  assert.equal(polecat.length, withPlover + 1);
  for (const l of polecat) assert.equal(l.split('\t').length, 40);
  const plover = lines('plover-jsonl').map((l) => JSON.parse(l));
  assert.equal(plover.length, withPlover);
  for (const p of plover) for (const k of ['id', 'date', 'actor', 'event']) assert.ok(k in p, k);
  assert.equal(lines('csv').length, total + 1);
  // filters
  const march15 = lines('csv', { from: '2023-03-15', to: '2023-03-15' }).slice(1);
  assert.ok(march15.length > 0 && march15.every((l) => l.split(',')[1] === '2023-03-15'));
  const rus = lines('csv', { actor: ['RUS'] }).slice(1);
  assert.ok(rus.length > 0 && rus.every((l) => /,RUS[A-Z]*,/.test(l)));
  const threats = lines('csv', { code: ['13'] }).slice(1);
  assert.ok(threats.length > 0 && threats.every((l) => l.split(',')[9] === '13'));
  assert.ok(lines('csv', { oneADay: true }).length <= total + 1);
  // Parquet, to a file
  const out = join(tmp, 'events.parquet');
  const r = exporter({ db: path, format: 'parquet', out });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`export: ${total} parquet rows to `));
  const buf = readFileSync(out);
  const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
  assert.equal(rows.length, total);
  assert.deepEqual(new Set(rows.map((x) => typeof x.cameo)), new Set(['string']));
  assert.deepEqual(readdirSync(tmp).filter((f) => f.endsWith('.part')), [], 'no half-written file left');
  // bad arguments, a missing store, a corrupt one
  assert.equal(exporter({ db: path, format: 'csv', from: '15 March' }).status, 2);
  const missing = exporter({ db: join(tmp, 'nope.db'), format: 'csv' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such store/);
  const junk = join(tmp, 'junk2.db');
  writeFileSync(junk, 'not a database\n'.repeat(300));
  assert.equal(exporter({ db: junk, format: 'csv' }).status, 2);
  assert.equal(recode({ db: junk }).status, 2);
});

test('an oversized file, a missing file and an unreachable URL are reported; the rest is stored', async () => {
  const big = join(tmp, 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, 100_000_000);
  // a port nothing listens on
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  const url = `http://127.0.0.1:${port}/feed.xml`;
  const r = await ingest([big, join(tmp, 'missing.jsonl'), url, join(FIX, 'syndicated.jsonl')], { db: db('mixed.db'), allowLoopback: true, timeout: 2000, json: true });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /big\.txt: file is 100\.0 MB, over the 20\.0 MB limit/);
  assert.match(r.stderr, /missing\.jsonl: no such file/);
  assert.ok(r.stderr.includes(`${url}: unreachable (ECONNREFUSED)`), r.stderr);
  assert.equal(JSON.parse(r.stdout).added, 5);
  // without allowLoopback the URL is not even tried
  const refused = await ingest([url], { db: db('mixed.db') });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /127\.0\.0\.1 is on this machine \(loopback\); refused/);
});

test('the store named by DYAD_DB when there is no --db', async () => {
  const path = db('env.db');
  const saved = process.env.DYAD_DB;
  process.env.DYAD_DB = path;
  try {
    const r = await ingest([join(PACKAGE_ROOT, 'examples/wire-feed.jsonl')], {});
    assert.equal(r.status, 0, r.stderr);
  } finally {
    process.env.DYAD_DB = saved;
  }
  assert.ok(Number(one(path, 'SELECT count(*) FROM articles')) > 0);
});

test('recode: after a dictionary change it reports events added and removed per code, and a second recode changes nothing', async () => {
  const path = db('recode.db');
  assert.equal((await ingest([join(PACKAGE_ROOT, 'examples/wire-feed.jsonl')], { db: path })).status, 0);
  const before = query(path, 'SELECT cameo_code, count(*) n FROM events GROUP BY cameo_code ORDER BY n DESC, cameo_code') as { cameo_code: string; n: number }[];
  assert.ok(before.length >= 2);
  // make the store look coded by an older dictionary: one code never found, another found under a code that no longer exists
  const w = new Database(path);
  w.prepare('DELETE FROM events WHERE cameo_code = ?').run(before[0].cameo_code);
  w.prepare("UPDATE events SET cameo_code = '0999' WHERE cameo_code = ?").run(before[1].cameo_code);
  w.close();
  const r = recode({ db: path, json: true });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  const byCode = Object.fromEntries(report.codes.map((c: { code: string }) => [c.code, c]));
  assert.deepEqual(byCode[before[0].cameo_code], { code: before[0].cameo_code, before: 0, after: before[0].n, added: before[0].n, removed: 0 });
  assert.deepEqual(byCode['0999'], { code: '0999', before: before[1].n, after: 0, added: 0, removed: before[1].n });
  assert.deepEqual(byCode[before[1].cameo_code], { code: before[1].cameo_code, before: 0, after: before[1].n, added: before[1].n, removed: 0 });
  assert.deepEqual(query(path, 'SELECT cameo_code, count(*) n FROM events GROUP BY cameo_code ORDER BY n DESC, cameo_code'), before);
  const again = JSON.parse(recode({ db: path, json: true }).stdout);
  assert.deepEqual([again.codes, again.changed], [[], 0]);
  const table = recode({ db: path, dryRun: true });
  assert.match(table.stdout, /^CODE\s+EVENT\s+BEFORE\s+AFTER\s+ADDED\s+REMOVED/);
  assert.match(table.stderr, /dry run: nothing written/);
});
