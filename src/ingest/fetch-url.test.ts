import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { addressKind, fetchUrl, FetchError } from './fetch-url.js';
import { readInputs, type InputProblem } from './read-inputs.js';

// A server on loopback only. Every test that fetches from it allows loopback explicitly; nothing else is contacted.
let server: Server;
let base = '';
const hits: string[] = [];
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Page</title><meta name="date" content="2023-03-16"></head><body><article><p>${body}</p></article></body></html>`;

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = req.url ?? '/';
    if (url === '/page') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Kenya held talks with Turkey in Nairobi on Tuesday, officials said, as the two governments sought to expand trade.'));
    if (url === '/gz') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      return res.end(gzipSync('Russia threatened Latvia with sanctions on Thursday.'));
    }
    if (url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>One</title><link>${base}/page</link><description>Short teaser.</description><pubDate>Thu, 16 Mar 2023 08:00:00 GMT</pubDate></item>
<item><title>Two</title><link>${base}/missing</link><description>Another teaser.</description></item>
</channel></rss>`);
    }
    if (url === '/bad-gz') return res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end('this is not gzip at all');
    if (url === '/to-private') return res.writeHead(302, { location: 'http://10.1.2.3/secret' }).end();
    if (url === '/to-private-v6') return res.writeHead(301, { location: 'http://[fd00::1]/secret' }).end();
    if (url === '/to-metadata') return res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url === '/to-page') return res.writeHead(302, { location: '/page' }).end();
    if (url === '/to-localhost') return res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/page` }).end();
    if (url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (url === '/slow') return void res.writeHead(200, { 'content-type': 'text/plain' }).write('partial'); // never ends
    if (url === '/big-declared') return res.writeHead(200, { 'content-length': String(50_000_000) }).end();
    if (url === '/big-stream') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk);
      return res.end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const local = { allowLoopback: true, timeoutMs: 3000 };
const rejects = (p: Promise<unknown>, code: FetchError['code'], re: RegExp) =>
  assert.rejects(p, (e: FetchError) => {
    assert.ok(e instanceof FetchError, String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, re);
    return true;
  });

test('address kinds: loopback, private and reserved ranges (IPv4, IPv6, mapped), public', () => {
  const table: [string, string][] = [
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['::1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'], ['0.0.0.0', 'private'], ['224.0.0.1', 'private'], ['fd00::1', 'private'], ['fe80::1', 'private'], ['::ffff:10.0.0.1', 'private'], ['::ffff:127.0.0.1', 'loopback'],
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['2606:4700::1111', 'public'],
  ];
  for (const [ip, kind] of table) assert.equal(addressKind(ip), kind, ip);
});

test('fetches a page from the local server when loopback is allowed, and decompresses gzip', async () => {
  const got = await fetchUrl(`${base}/page`, local);
  assert.equal(got.status, 200);
  assert.match(got.contentType, /text\/html/);
  assert.match(got.bytes.toString('utf8'), /Kenya held talks/);
  const gz = await fetchUrl(`${base}/gz`, local);
  assert.equal(gz.bytes.toString('utf8'), 'Russia threatened Latvia with sanctions on Thursday.');
});

test('loopback is refused unless allowed, before any connection is made', async () => {
  const before = hits.length;
  await rejects(fetchUrl(`${base}/page`), 'private-address', /127\.0\.0\.1 is on this machine/);
  await rejects(fetchUrl(`http://localhost:${(server.address() as AddressInfo).port}/page`), 'private-address', /localhost resolves to .*loopback/);
  assert.equal(hits.length, before, 'the server was never asked');
});

test('a redirect to a private address is refused, and not followed', async () => {
  const before = hits.length;
  await rejects(fetchUrl(`${base}/to-private`, local), 'private-address', /redirect to http:\/\/10\.1\.2\.3\/secret refused: 10\.1\.2\.3 is a private/);
  await rejects(fetchUrl(`${base}/to-private-v6`, local), 'private-address', /redirect to http:\/\/\[fd00::1\]\/secret refused/);
  await rejects(fetchUrl(`${base}/to-metadata`, local), 'private-address', /169\.254\.169\.254/);
  assert.deepEqual(hits.slice(before), ['/to-private', '/to-private-v6', '/to-metadata']);
});

test('redirects within allowed addresses are followed, to a limit', async () => {
  assert.equal((await fetchUrl(`${base}/to-page`, local)).url, `${base}/page`);
  assert.match((await fetchUrl(`${base}/to-localhost`, local)).url, /^http:\/\/localhost:\d+\/page$/);
  await rejects(fetchUrl(`${base}/loop`, { ...local, maxRedirects: 3 }), 'too-many-redirects', /more than 3 redirects/);
});

test('time, size and status limits, and an unreachable port', async () => {
  await rejects(fetchUrl(`${base}/slow`, { ...local, timeoutMs: 300 }), 'timeout', /300 ms/);
  await rejects(fetchUrl(`${base}/big-declared`, { ...local, maxBytes: 1_000_000 }), 'too-large', /50\.0 MB, over the 1\.0 MB limit/);
  await rejects(fetchUrl(`${base}/big-stream`, { ...local, maxBytes: 1_000_000 }), 'too-large', /over the 1\.0 MB limit/);
  await rejects(fetchUrl(`${base}/nothing-here`, local), 'http-status', /HTTP 404/);
  await rejects(fetchUrl(`${base}/bad-gz`, local), 'bad-response', /could not decompress the response \(Z_DATA_ERROR\)/);
  // a port that was just free: nothing listens there
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  await rejects(fetchUrl(`http://127.0.0.1:${port}/`, local), 'unreachable', /ECONNREFUSED/);
  await rejects(fetchUrl('ftp://example.org/x', local), 'bad-url', /only http and https/);
});

test('readInputs reads a feed URL, and with followLinks the pages its items link to; a bad link is reported with the item', async () => {
  const problems: InputProblem[] = [];
  const notes: InputProblem[] = [];
  const plain = [];
  for await (const a of readInputs([`${base}/feed`], { onProblem: (p) => problems.push(p), onNote: (p) => notes.push(p), fetch: local })) plain.push(a);
  assert.deepEqual(plain.map((a) => [a.title, a.text, a.source]), [['One', 'Short teaser.', 'Local Wire'], ['Two', 'Another teaser.', 'Local Wire']]);
  const followed = [];
  for await (const a of readInputs([`${base}/feed`], { onProblem: (p) => problems.push(p), fetch: local, followLinks: true })) followed.push(a);
  assert.equal(followed.length, 1);
  assert.match(followed[0].text, /^Kenya held talks with Turkey in Nairobi/);
  assert.equal(followed[0].date, '2023-03-16');
  assert.equal(followed[0].source, 'Local Wire');
  assert.equal(problems.length, 1);
  assert.match(problems[0].reason, /\/missing: HTTP 404/);
  assert.equal(problems[0].line, 3);
});
