import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PACKAGE_ROOT } from '../paths.js';
import { readInputs, type InputProblem } from './read-inputs.js';
import { sniffKind } from './sniff-kind.js';
import { walkFolder } from './walk-folder.js';
import { estimateArticles } from './count-articles.js';

const FIX = join(PACKAGE_ROOT, 'test/fixtures/ingest');
const tmp = mkdtempSync(join(tmpdir(), 'dyad-read-'));

const read = async (paths: string[], extra: { stdin?: Readable; maxBytes?: number } = {}) => {
  const problems: InputProblem[] = [];
  const notes: InputProblem[] = [];
  const articles = [];
  for await (const a of readInputs(paths, { onProblem: (p) => problems.push(p), onNote: (p) => notes.push(p), ...extra })) articles.push(a);
  return { articles, problems, notes };
};

test('the kind of an input: media type, then name, then first bytes', () => {
  const rows: [Parameters<typeof sniffKind>[0], string][] = [
    [{ name: 'a.jsonl', head: 'x' }, 'jsonl'],
    [{ name: 'a.txt', head: '{"text": "x"}' }, 'jsonl'],
    [{ name: 'a.htm', head: 'x' }, 'html'],
    [{ name: 'a', head: '  <!DOCTYPE html><html>' }, 'html'],
    [{ name: 'a', head: '<?xml version="1.0"?>\n<rss version="2.0">' }, 'feed'],
    [{ name: 'a', head: '<feed xmlns="http://www.w3.org/2005/Atom">' }, 'feed'],
    [{ name: 'a.rss', head: 'x' }, 'feed'],
    [{ name: 'a', head: 'MOSCOW (Reuters) - Russia said' }, 'text'],
    [{ head: '<html>', contentType: 'application/rss+xml' }, 'feed'],
    [{ head: '<rss>', contentType: 'text/plain' }, 'feed'],
    [{ head: '<?xml version="1.0"?><rss>', contentType: 'application/xml' }, 'feed'],
    [{ head: 'hello', contentType: 'text/html; charset=utf-8' }, 'html'],
  ];
  for (const [input, kind] of rows) assert.equal(sniffKind(input), kind, JSON.stringify(input));
});

test('a folder is walked recursively in name order: pages, JSON Lines and text; hidden files skipped, other kinds passed over with a note', async () => {
  const walk = walkFolder(join(FIX, 'site'));
  assert.deepEqual(walk.files.map((f) => f.slice(FIX.length + 1)), ['site/index.html', 'site/sub/note.txt', 'site/sub/wire.jsonl']);
  assert.deepEqual([...walk.passedOver], [['.png', 1]]);
  const { articles, problems, notes } = await read([join(FIX, 'site')]);
  assert.deepEqual(problems, []);
  assert.deepEqual(articles.map((a) => a.id), ['index', 'note', 'sub-1', 'sub-2']);
  assert.equal(articles[0].title, 'Kenya and Turkey hold talks | East Africa Daily');
  assert.deepEqual(articles[2].origin, { file: join(FIX, 'site/sub/wire.jsonl'), line: 1 });
  assert.match(notes[0].reason, /passed over files of other kinds \(1 \.png\)/);
  assert.equal(estimateArticles([join(FIX, 'site')]), 4);
  assert.equal(estimateArticles([join(FIX, 'feed-rss.xml'), '-']), undefined, 'stdin cannot be counted ahead');
});

test('a 100 MB file read whole is reported with its size and skipped, and reading goes on', async () => {
  const big = join(tmp, 'huge.txt');
  writeFileSync(big, '');
  truncateSync(big, 100_000_000); // sparse: no 100 MB written to disk
  const small = join(tmp, 'small.txt');
  writeFileSync(small, 'Russia threatened Latvia with sanctions on Thursday.');
  const { articles, problems } = await read([big, small]);
  assert.deepEqual(problems, [{ file: big, reason: 'file is 100.0 MB, over the 20.0 MB limit for a file read whole; skipped' }]);
  assert.deepEqual(articles.map((a) => a.id), ['small']);
});

test('stdin is sniffed: JSON Lines are streamed, HTML is extracted, a feed is split into items', async () => {
  const jsonl = await read(['-'], { stdin: Readable.from([Buffer.from('{"id":"s1","text":"one"}\n{"id":'), Buffer.from('"s2","text":"two"}\nnot json\n')]) });
  assert.deepEqual(jsonl.articles.map((a) => a.id), ['s1', 's2']);
  assert.deepEqual(jsonl.problems.map((p) => [p.file, p.line]), [['<stdin>', 3]]);
  const html = await read(['-'], { stdin: Readable.from([Buffer.from('<!doctype html><html><body><p>Kenya held talks with Turkey in Nairobi on Tuesday, officials said in a statement.</p></body></html>')]) });
  assert.match(html.articles[0].text, /^Kenya held talks/);
  const { readFileSync } = await import('node:fs');
  const feed = await read(['-'], { stdin: Readable.from([readFileSync(join(FIX, 'feed-atom.xml'))]) });
  assert.deepEqual(feed.articles.map((a) => a.title), ['Border clash', 'Aid convoy']);
});

test('a JSON array of articles is read like JSON Lines', async () => {
  const f = join(tmp, 'arr.json');
  writeFileSync(f, JSON.stringify([{ id: 'j1', text: 'one', date: '2022-01-01' }, { id: 'j2' }, { id: 'j3', text: 'three' }]));
  const { articles, problems } = await read([f]);
  assert.deepEqual(articles.map((a) => [a.id, a.date]), [['j1', '2022-01-01'], ['j3', undefined]]);
  assert.deepEqual(problems, [{ file: f, reason: 'item 2: no "text" string field' }]);
});

test('saved pages and feeds in a list of inputs; malformed ones are reported with their place', async () => {
  const { articles, problems } = await read(['article.html', 'broken.html', 'feed-truncated.xml', 'missing.xml'].map((f) => join(FIX, f)));
  assert.deepEqual(articles.map((a) => a.title), ['Russia threatens Latvia with sanctions', 'Seoul protests missile launch', 'EU sanctions Iran']);
  assert.deepEqual(
    problems.map((p) => [p.file.slice(FIX.length + 1), p.line]),
    [['broken.html', undefined], ['feed-truncated.xml', 21], ['missing.xml', undefined]],
  );
});
