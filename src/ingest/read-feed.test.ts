import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { readFeed } from './read-feed.js';

const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'test/fixtures/ingest', name), 'utf8');

test('RSS 2.0: one article per item, with text from content:encoded or description (HTML made plain), date, link, and the channel as source', () => {
  const r = readFeed(fixture('feed-rss.xml'), { file: 'feed-rss.xml' });
  assert.deepEqual(r.problems, []);
  assert.equal(r.title, 'Example World Wire');
  assert.deepEqual(
    r.items.map((i) => [i.id, i.date, i.url, i.title, i.source, i.origin?.line]),
    [
      ['wire-2023-0314-001', 'Tue, 14 Mar 2023 08:00:00 GMT', 'https://wire.example.net/2023/03/14/seoul', 'Seoul protests missile launch', 'Example World Wire', 7],
      ['https://wire.example.net/2023/03/15/eu-iran', 'Wed, 15 Mar 2023 10:30:00 GMT', 'https://wire.example.net/2023/03/15/eu-iran', 'EU sanctions Iran', 'Example World Wire', 14],
      ['https://wire.example.net/2022/03/03/warsaw', '2022-03-03', 'https://wire.example.net/2022/03/03/warsaw', 'Talks in Warsaw', 'Example World Wire', 20],
    ],
  );
  assert.equal(r.items[0].text, 'South Korea condemned North Korea on Tuesday after Pyongyang fired two ballistic missiles into the sea.\n\nJapan and South Korea agreed to share intelligence on the launches.');
  assert.match(r.items[1].text, /protesters & journalists\. Tehran/);
  assert.equal(r.items[2].text, 'Latvian Foreign Minister Ilze Ozola met Polish officials in Warsaw on Thursday.');
});

test('Atom: entries with their alternate link, published date, HTML or text content', () => {
  const r = readFeed(fixture('feed-atom.xml'), { file: 'feed-atom.xml' });
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.items.map((i) => [i.id, i.url, i.date, i.source, i.origin?.line]),
    [
      ['urn:example:border-monitor:1', 'https://monitor.example.com/clash', '2023-03-16T07:00:00Z', 'Border Monitor', 6],
      ['urn:example:border-monitor:2', 'https://monitor.example.com/aid', '2023-03-17T08:00:00Z', 'Border Monitor', 14],
    ],
  );
  assert.equal(r.items[0].text, 'Indian and Chinese soldiers clashed along the disputed border, officials said.\n\nChina denied that its troops had crossed the line of control.');
  assert.equal(r.items[1].text, 'Germany sent humanitarian aid to Ukraine on Friday, the government in Berlin said.');
});

test('a truncated feed is reported at its last line, and its complete items are still read', () => {
  const r = readFeed(fixture('feed-truncated.xml'), { file: 'feed-truncated.xml' });
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].line, 21);
  assert.match(r.problems[0].reason, /truncated.*read the 2 complete/);
  assert.deepEqual(r.items.map((i) => i.origin?.line), [7, 14]);
  assert.equal(r.items[0].source, 'Example World Wire');
});

test('a feed with a mismatched tag is reported at that line; the well-formed items around it are read', () => {
  const r = readFeed(fixture('feed-malformed.xml'), { file: 'feed-malformed.xml' });
  assert.equal(r.problems[0].line, 10);
  assert.match(r.problems[0].reason, /malformed XML \(.*'gid'/);
  assert.deepEqual(r.items.map((i) => i.title), ['EU sanctions Iran', 'Talks in Warsaw']);
});

test('XML that is not a feed is said to be so', () => {
  const r = readFeed('<?xml version="1.0"?><catalog><book>x</book></catalog>', { file: 'c.xml' });
  assert.deepEqual(r.items, []);
  assert.match(r.problems[0].reason, /not an RSS or Atom feed \(the root element is <catalog>\)/);
});

test('RSS 1.0 (RDF) items are read too', () => {
  const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>RDF Wire</title></channel>
<item><title>One</title><link>https://rdf.example/1</link><description>Kenya held talks with Turkey.</description><dc:date>2021-06-08</dc:date></item>
</rdf:RDF>`;
  const r = readFeed(xml, { file: 'r.rdf' });
  assert.deepEqual(r.items.map((i) => [i.title, i.url, i.date, i.source, i.text]), [['One', 'https://rdf.example/1', '2021-06-08', 'RDF Wire', 'Kenya held talks with Turkey.']]);
});
