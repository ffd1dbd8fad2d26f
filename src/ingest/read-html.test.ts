import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { domText, htmlFragmentText } from './html-text.js';
import { articleFromHtml } from './read-html.js';
import { decodeMarkup } from './read-inputs.js';
import { parseHTML } from 'linkedom';

const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'test/fixtures/ingest', name), 'utf8');

test('a saved news page gives its main text in paragraphs, without navigation, scripts, asides or footer', () => {
  const a = articleFromHtml(fixture('article.html'), { file: 'article.html' });
  assert.ok(typeof a !== 'string', String(a));
  const paragraphs = a.text.split('\n\n');
  assert.ok(paragraphs.includes('Russia threatened Latvia with sanctions on Thursday, after the government in Riga closed two border crossings and expelled a Russian diplomat accused of spying.'), a.text);
  assert.ok(paragraphs.some((p) => p.startsWith('Latvian Foreign Minister Ilze Ozola met Polish officials in Warsaw')));
  for (const junk of ['Football results', 'Privacy', 'analytics', 'font-family', 'Business', 'All rights reserved']) assert.ok(!a.text.includes(junk), `${junk} left in: ${a.text}`);
});

test("the page's own metadata: og:title, published time, canonical URL, site name", () => {
  const a = articleFromHtml(fixture('article.html'), { file: 'article.html', url: 'https://news.example.org/?utm=x' });
  assert.ok(typeof a !== 'string');
  assert.equal(a.title, 'Russia threatens Latvia with sanctions');
  assert.equal(a.date, '2022-03-03T09:15:00Z');
  assert.equal(a.url, 'https://news.example.org/world/russia-latvia-sanctions');
  assert.equal(a.id, a.url);
  assert.equal(a.source, 'Baltic Courier');
  assert.deepEqual(a.origin, { file: 'article.html' });
});

test('a page with only a <time datetime> and a <title>; the id is the file name', () => {
  const a = articleFromHtml(fixture('time-only.htm'), { file: '/x/time-only.htm' });
  assert.ok(typeof a !== 'string');
  assert.equal(a.date, '2023-03-14');
  assert.equal(a.title, 'Seoul condemns missile launch');
  assert.equal(a.id, 'time-only');
  assert.match(a.text, /South Korea condemned North Korea on Tuesday/);
});

test('JSON-LD NewsArticle metadata is read when there are no meta tags', () => {
  const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Aid arrives","datePublished":"2023-05-02T10:00:00Z","publisher":{"@type":"Organization","name":"Aid Times"},"url":"https://aid.example/x"}]}</script></head>
  <body><article><p>Germany sent humanitarian aid to Ukraine on Friday, the government in Berlin said in a statement on its website.</p></article></body></html>`;
  const a = articleFromHtml(html, { file: 'ld.html' });
  assert.ok(typeof a !== 'string');
  assert.deepEqual([a.title, a.date, a.source, a.url], ['Aid arrives', '2023-05-02T10:00:00Z', 'Aid Times', 'https://aid.example/x']);
});

test('a page with no text (truncated in its head) is reported, not coded', () => {
  assert.match(articleFromHtml(fixture('broken.html'), { file: 'broken.html' }) as string, /no article text/);
  assert.match(articleFromHtml('', { file: 'e.html' }) as string, /no article text|malformed/);
});

test('page text keeps blocks apart and line breaks, and drops scripts', () => {
  const { document } = parseHTML('<html><body><h1>Title</h1><p>One <b>bold</b>\n  word.</p><script>var x</script><ul><li>a</li><li>b<br>c</li></ul></body></html>');
  assert.equal(domText(document.body as never), 'Title\n\nOne bold word.\n\na\n\nb\nc');
  assert.equal(htmlFragmentText('plain &amp; simple'), 'plain & simple');
  assert.equal(htmlFragmentText('no markup here'), 'no markup here');
});

test('pages in another charset are decoded by their <meta charset>, and unlabelled non-UTF-8 as windows-1252', () => {
  const latin = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' de la Paix</p></body></html>')]);
  assert.match((decodeMarkup(latin) as { text: string }).text, /Café de la Paix/);
  const unlabelled = Buffer.concat([Buffer.from('<p>Gen'), Buffer.from([0xe8]), Buffer.from('ve</p>')]);
  assert.match((decodeMarkup(unlabelled) as { text: string }).text, /Genève/);
  assert.match((decodeMarkup(Buffer.from('<p>ok</p>'), 'text/html; charset=utf-8') as { text: string }).text, /ok/);
});
