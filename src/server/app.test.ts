import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverCorpus, ESCALATION_WEEK } from '../../test/helpers/server-corpus.js';
import { tempDir } from '../../test/helpers/store-fixtures.js';
import { ingestArticles } from '../ingest/ingest-corpus.js';
import { createNewsPipeline } from '../news-pipeline.js';
import { openStore, storeCounts } from '../store/index.js';
import * as server from './index.js';
import { createApp, ROUTES } from './index.js';

const dir = tempDir('dyad-server-');
const pipeline = createNewsPipeline();
const store = openStore({ path: join(dir, 'api.db') });
await ingestArticles(store, pipeline, serverCorpus(), { dictionary: pipeline.verbs.version });
const TOKEN = 'test-token-0123456789';
const app = createApp({ store, token: TOKEN, pipeline, webDir: false, log: () => {} });

type Json = Record<string, any>;
const get = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init);
  return { res, body: (await res.json()) as Json };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  get(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const auth = { authorization: `Bearer ${TOKEN}` };

/** An RFC 9457 problem with this status, as problem+json. */
const isProblem = (r: { res: Response; body: Json }, status: number, type?: string) => {
  assert.equal(r.res.status, status, JSON.stringify(r.body));
  assert.match(r.res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  for (const k of ['type', 'title', 'status', 'detail']) assert.ok(k in r.body, `problem has ${k}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.detail, 'string');
  if (type) assert.equal(r.body.type, `/api/problems/${type}`);
};

test('server: the public surface', () => {
  for (const name of ['createApp', 'startServer', 'ROUTES', 'openApiDocument', 'problem', 'ProblemError', 'storedEventJson', 'pageEvents', 'countEvents']) assert.ok(name in server, name);
});

test('server: GET /api/openapi.json describes every route, and every $ref resolves', async () => {
  const { res, body } = await get('/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(body.openapi, '3.1.0');
  for (const r of ROUTES) {
    const op = body.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
    assert.ok(op, `${r.method} ${r.path} described`);
    assert.ok(op.responses['500'], 'every route can fail');
    for (const name of Object.keys(r.query ?? {})) assert.ok(op.parameters.some((p: Json) => p.name === name && p.in === 'query'), `${r.path} ?${name}`);
    if (r.auth) assert.ok(op.responses['401'] && op.responses['403']);
    if (r.body) assert.ok(op.requestBody && op.responses['413']);
  }
  const refs = JSON.stringify(body).match(/"\$ref":"#\/components\/schemas\/(\w+)"/g) ?? [];
  assert.ok(refs.length > 10);
  for (const r of refs) assert.ok(body.components.schemas[r.split('/').pop()!.replace('"', '')], r);
});

test('server: GET /api/stats counts the store', async () => {
  const { body } = await get('/api/stats');
  const c = storeCounts(store);
  assert.equal(body.events, c.events);
  assert.equal(body.articles, serverCorpus().length);
  assert.equal(body.firstDate, '2023-01-03');
  assert.equal(body.writable, true);
});

test('server: GET /api/events pages through every event with a cursor, newest first, no repeats', async () => {
  const total = storeCounts(store).events;
  const seen: Json[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { body }: { body: Json } = await get(`/api/events?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(body.total, total);
    seen.push(...body.events);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  assert.equal(seen.length, total);
  assert.equal(new Set(seen.map((e) => e.id)).size, total);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1].date > seen[i].date || (seen[i - 1].date === seen[i].date && seen[i - 1].id > seen[i].id));
  // offset paging gives the same order
  const { body: page2 } = await get('/api/events?limit=7&offset=7');
  assert.deepEqual(page2.events.map((e: Json) => e.id), seen.slice(7, 14).map((e) => e.id));
  const { body: asc } = await get('/api/events?limit=3&order=asc');
  assert.equal(asc.events[0].date, '2023-01-03');
});

test('server: an event carries its spans, evidence and article', async () => {
  const { body } = await get('/api/events?source=RUSMIL&code=194&limit=1');
  const e = body.events[0];
  assert.equal(e.source.code, 'RUSMIL');
  assert.equal(e.cameo.code, '194');
  assert.equal(e.article.source, body.events[0].article.source);
  const { body: a } = await get(`/api/articles/${e.articleId}`);
  assert.equal(a.text.slice(e.spans.source.start, e.spans.source.end), e.source.text);
  assert.equal(a.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
  assert.match(a.text.slice(e.spans.verb.start, e.spans.verb.end), /shell/);
});

test('server: GET /api/events filters as the store does', async () => {
  const count = async (q: string) => (await get(`/api/events?${q}`)).body.total as number;
  const all = await count('');
  assert.ok(all > 50);
  const rus = await count('actor=RUS');
  const chn = await count('actor=CHN');
  assert.ok(rus > 0 && chn > 0 && rus + chn <= all);
  assert.equal(await count('actor=RUS,CHN'), await count('actor=RUS&actor=CHN'));
  assert.equal(await count('pair=RUS,UKR'), (await count('source=RUS&target=UKR')) + (await count('source=UKR&target=RUS')));
  const q1 = await count(`from=${ESCALATION_WEEK}`);
  const q2 = await count(`to=2023-03-19`);
  assert.equal(q1 + q2, all);
  assert.equal(await count('code=19'), (await count('code=190')) + (await count('code=194')) + (await count('code=196')) + (await count('code=191,192,193,195')));
  const everything = (await get('/api/events?limit=500')).body.events as Json[];
  assert.equal(await count('code=ACCUSE'), everything.filter((e) => e.plover?.type === 'ACCUSE').length);
  assert.equal(await count('modality=asserted'), all - (await count('modality=intent,refused,negated,hypothetical,question,denied')));
  const { body } = await get('/api/events?source=CHN&target=TWN&limit=500');
  assert.ok(body.events.every((e: Json) => e.source.country === 'CHN' && e.target.country === 'TWN'));
  // a country matches its actors (RUS: RUSMIL), a full code only itself
  const mil = await count('source=RUSMIL');
  assert.ok(mil > 0 && mil < (await count('source=RUS')));
  assert.equal(await count('source=RUSM'), 0);
  assert.equal(await count('actor=RUS'), (await count('source=RUS')) + (await count('target=RUS')) - (await count('source=RUS&target=RUS')));
  assert.equal(await count('actor=RUS&pair=RUS,UKR'), await count('pair=RUS,UKR'));
  const page = (await get('/api/events?actor=RUSMIL,UKR&limit=500')).body;
  assert.equal(page.total, page.events.length);
  assert.ok(page.events.every((e: Json) => [e.source?.code, e.target?.code].includes('RUSMIL') || [e.source?.country, e.target?.country].includes('UKR')));
});

test('server: bad event parameters are 400 problems that name the parameter', async () => {
  for (const [q, parameter] of [
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['from=2023-02-30', 'from'],
    ['from=yesterday', 'from'],
    ['from=2023-03-01&to=2023-02-01', 'from'],
    ['actor=R<script>', 'actor'],
    ['code=1;DROP', 'code'],
    ['modality=sure', 'modality'],
    ['order=up', 'order'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['cursor=abc&offset=5', 'offset'],
    ['pair=RUS', 'pair'],
    ['colour=red', 'colour'],
    ['limit=5&limit=6', 'limit'],
  ] as const) {
    const r = await get(`/api/events?${q}`);
    isProblem(r, 400, 'invalid-parameter');
    assert.equal(r.body.parameter, parameter, q);
  }
});

test('server: GET /api/series is the pair series, zero-filled, with the escalation', async () => {
  const { res, body } = await get('/api/series?a=RUS&b=UKR&period=week');
  assert.equal(res.status, 200);
  assert.equal(body.a, 'RUS');
  assert.equal(body.b, 'UKR');
  assert.equal(body.points.length, 12);
  const peak = body.points.reduce((m: Json, p: Json) => (p.quad[2] + p.quad[3] > m.quad[2] + m.quad[3] ? p : m));
  assert.equal(peak.period, ESCALATION_WEEK);
  const events = body.points.reduce((n: number, p: Json) => n + p.events, 0);
  assert.equal(events, (await get('/api/events?pair=RUS,UKR')).body.total);
  const month = await get('/api/series?a=rus&period=month&code=19');
  assert.equal(month.body.a, 'RUS');
  assert.ok(month.body.points.every((p: Json) => p.period.endsWith('-01')));
  isProblem(await get('/api/series?b=UKR'), 400, 'invalid-parameter');
  isProblem(await get('/api/series?a=RUS&period=year'), 400, 'invalid-parameter');
  // an option the analysis refuses is a 400 with the API's name for it
  const r = await get('/api/series?a=RUS&sector=ZZZZ');
  isProblem(r, 400);
});

test('server: GET /api/alerts scans the last week, and marks a pair\'s series', async () => {
  const { body } = await get('/api/alerts');
  assert.equal(body.scope.period, ESCALATION_WEEK);
  const top = body.alerts[0];
  assert.deepEqual([top.source, top.target, top.period], ['RUS', 'UKR', ESCALATION_WEEK]);
  assert.ok(top.score >= 3.5 && top.events.length > 0 && top.events[0].evidence);
  const pair = await get('/api/alerts?a=RUS&b=UKR&period=week');
  assert.deepEqual(pair.body.alerts.map((a: Json) => a.period), [ESCALATION_WEEK]);
  isProblem(await get('/api/alerts?b=UKR'), 400, 'invalid-parameter');
  isProblem(await get('/api/alerts?window=0'), 400, 'invalid-parameter');
});

test('server: GET /api/top lists pairs and actors, GET /api/movers the changes', async () => {
  const { body } = await get('/api/top?limit=3');
  assert.equal(body.pairs.length, 3);
  // the busiest pair is Russia and Ukraine, in one direction or the other (as the coder reads the corpus)
  assert.deepEqual([body.pairs[0].source, body.pairs[0].target].sort(), ['RUS', 'UKR']);
  assert.ok(['RUS', 'UKR'].includes(body.actors[0].actor));
  const m = await get('/api/movers?limit=2');
  assert.ok(['RUS', 'UKR'].includes(m.body.movers[0].source), JSON.stringify(m.body.movers[0]));
});

test('server: GET /api/articles/:id is the text and every event; 404 and 400 otherwise', async () => {
  const id = (await get('/api/events?limit=1')).body.events[0].articleId;
  const { body } = await get(`/api/articles/${id}`);
  assert.equal(body.id, id);
  assert.ok(body.text.length > 20 && body.events.length > 0);
  for (const e of body.events) {
    assert.equal(e.articleId, id);
    if (e.source) assert.equal(body.text.slice(e.spans.source.start, e.spans.source.end), e.source.text);
    if (e.target) assert.equal(body.text.slice(e.spans.target.start, e.spans.target.end), e.target.text);
  }
  isProblem(await get('/api/articles/99999'), 404, 'not-found');
  isProblem(await get('/api/articles/abc'), 400, 'invalid-parameter');
  isProblem(await get('/api/articles/0'), 400, 'invalid-parameter');
});

test('server: POST /api/code codes pasted text with spans and stores nothing', async () => {
  const before = storeCounts(store);
  const text = 'GENEVA, Jan. 21 (AP) — Russia demanded that NATO halt its expansion. Britain accused Russia of plotting a coup.';
  const { res, body } = await post('/api/code', { text, date: '2022-01-21' });
  assert.equal(res.status, 200);
  assert.equal(body.date, '2022-01-21');
  assert.ok(body.events.length >= 2);
  const accuse = body.events.find((e: Json) => e.cameo.code === '112');
  assert.equal(accuse.source.code, 'GBR');
  assert.equal(body.text.slice(accuse.spans.verb.start, accuse.spans.verb.end), 'accused');
  assert.equal(body.text.slice(accuse.spans.target.start, accuse.spans.target.end), 'Russia');
  assert.deepEqual(storeCounts(store), before);
  // no date given: the dateline's
  assert.equal((await post('/api/code', { text })).body.dateSource, 'dateline');
});

test('server: bad bodies are 400, 415 and 413 problems', async () => {
  isProblem(await post('/api/code', '{"text": '), 400, 'invalid-body');
  isProblem(await post('/api/code', {}), 400, 'invalid-body');
  isProblem(await post('/api/code', { text: '   ' }), 400, 'invalid-body');
  isProblem(await post('/api/code', { text: 'x', date: 'soon' }), 400, 'invalid-body');
  isProblem(await post('/api/code', { text: 'x', colour: 'red' }), 400, 'invalid-body');
  isProblem(await post('/api/code', ['x']), 400, 'invalid-body');
  isProblem(await get('/api/code', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Russia accused Ukraine.' }), 415, 'unsupported-media-type');
  const big = JSON.stringify({ text: 'Russia accused Ukraine. '.repeat(50_000) });
  isProblem(await post('/api/code', big), 413, 'payload-too-large');
  // without content-length (a stream), the limit holds as the body arrives
  const stream = new ReadableStream({
    start(c) {
      for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
      c.close();
    },
  });
  isProblem(await get('/api/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit), 413, 'payload-too-large');
});

test('server: POST /api/articles needs the token: 401 without, 403 wrong, 403 when the server has none', async () => {
  const article = { text: 'Russia accused Ukraine of shelling Kherson on Monday.', date: '2023-03-27', id: 'post-1' };
  const none = await post('/api/articles', article);
  isProblem(none, 401, 'unauthorized');
  assert.match(none.res.headers.get('www-authenticate') ?? '', /^Bearer/);
  isProblem(await post('/api/articles', article, { authorization: 'Bearer wrong' }), 403, 'forbidden');
  isProblem(await post('/api/articles', article, { authorization: `Basic ${TOKEN}` }), 403, 'forbidden');
  isProblem(await post('/api/articles', article, { authorization: `Bearer ${TOKEN}x` }), 403, 'forbidden');
  // the token is checked before the body is read: a large body without one is still 401
  isProblem(await post('/api/articles', 'x'.repeat(2_000_000)), 401, 'unauthorized');
  const readOnly = createApp({ store, pipeline, webDir: false, log: () => {} });
  const r = await readOnly.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(article) });
  assert.equal(r.status, 403);
  assert.equal(((await r.json()) as Json).type, '/api/problems/writes-disabled');
  assert.equal(storeCounts(store).articles, serverCorpus().length);
  assert.equal((await get('/api/stats')).body.articles, serverCorpus().length);
});

test('server: POST /api/articles ingests, once', async () => {
  const articles = [
    { id: 'post-1', text: 'Russia accused Ukraine of shelling Kherson on Monday.', date: '2023-03-27', source: 'Test Wire', url: 'https://example.org/a' },
    { id: 'post-2', text: 'Ukraine condemned Russia over the strikes on Tuesday.', date: '2023-03-28', title: 'Strikes' },
  ];
  const first = await post('/api/articles', { articles }, auth);
  assert.equal(first.res.status, 201);
  assert.equal(first.body.added, 2);
  assert.ok(first.body.events >= 2);
  assert.deepEqual(first.body.articles.map((a: Json) => a.docId), ['post-1', 'post-2']);
  const { body: stored } = await get(`/api/articles/${first.body.articles[0].id}`);
  assert.equal(stored.docId, 'post-1');
  assert.equal(stored.url, 'https://example.org/a');
  assert.ok(stored.events.some((e: Json) => e.cameo.code === '112'));
  const again = await post('/api/articles', articles, auth);
  assert.equal(again.res.status, 200);
  assert.equal(again.body.duplicates, 2);
  assert.deepEqual(again.body.articles, first.body.articles);
  // one article alone is fine too
  assert.equal((await post('/api/articles', { text: 'China warned Taiwan on Wednesday.', date: '2023-03-29' }, auth)).res.status, 201);
  isProblem(await post('/api/articles', { articles: [] }, auth), 400, 'invalid-body');
  isProblem(await post('/api/articles', { articles: [{ text: 'x', url: 'javascript:alert(1)' }] }, auth), 400, 'invalid-body');
  isProblem(await post('/api/articles', { articles: [{ title: 'no text' }] }, auth), 400, 'invalid-body');
});

test('server: GET answers are kept until the store changes', async () => {
  const first = await app.request('/api/top?limit=2');
  assert.equal(first.headers.get('x-cache'), 'miss');
  const again = await app.request('/api/top?limit=2');
  assert.equal(again.headers.get('x-cache'), 'hit');
  assert.equal(again.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(await again.json(), await first.json());
  const before = (await get('/api/stats')).body.articles;
  // a write from another connection (as `dyad ingest` beside the server) is seen at once
  const other = openStore({ path: store.path });
  await ingestArticles(other, pipeline, [{ id: 'other-1', text: 'Japan condemned North Korea on Monday.', date: '2023-03-27' }]);
  other.close();
  const after = await app.request('/api/stats');
  assert.notEqual(after.headers.get('x-cache'), 'hit');
  assert.equal(((await after.json()) as Json).articles, before + 1);
});

test('server: routes answer problems for unknown paths, other methods, other hosts and failures', async () => {
  isProblem(await get('/api/nothing'), 404, 'not-found');
  const r = await get('/api/events', { method: 'DELETE' });
  isProblem(r, 405, 'method-not-allowed');
  assert.equal(r.res.headers.get('allow'), 'GET, HEAD');
  isProblem(await get('http://evil.example/api/stats'), 400, 'bad-request');
  assert.equal((await app.request('http://127.0.0.1/api/stats')).status, 200);
  assert.equal((await app.request('/api/stats')).headers.get('x-content-type-options'), 'nosniff');
  // a store that fails: 500, with nothing of the error in the answer
  const broken = openStore({ path: join(dir, 'broken.db') });
  const lines: string[] = [];
  const bad = createApp({ store: broken, webDir: false, log: (l) => lines.push(l) });
  broken.close();
  const b = await bad.request('/api/events');
  const body = (await b.json()) as Json;
  assert.equal(b.status, 500);
  assert.equal(body.type, '/api/problems/internal');
  assert.doesNotMatch(JSON.stringify(body), /database|sqlite|at /i);
  assert.equal(lines.length, 1);
});

test('server: the dashboard files, with a Content-Security-Policy on the page', async () => {
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(web, 'assets', 'index-abc.js'), 'console.log(1)');
  const withWeb = createApp({ store, webDir: web, log: () => {} });
  const page = await withWeb.request('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const js = await withWeb.request('/assets/index-abc.js');
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await withWeb.request('/assets/../../etc/passwd')).status, 404);
  assert.equal((await withWeb.request('/nothing.js')).status, 404);
  const unbuilt = createApp({ store, webDir: join(dir, 'no-web'), log: () => {} });
  const r = await unbuilt.request('/');
  assert.equal(r.status, 404);
  assert.match(((await r.json()) as Json).detail, /npm run build/);
});
