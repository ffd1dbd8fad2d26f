import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { basename } from 'node:path';
import type { RawArticle } from './article-meta.js';
import { htmlFragmentText } from './html-text.js';
import type { InputProblem } from './read-inputs.js';

/** One feed item, before its text is fetched or read: `link` is the page the item points to. */
export type FeedItem = RawArticle & { link?: string };

export type FeedResult = { title?: string; items: FeedItem[]; problems: InputProblem[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

type Node = string | number | { [k: string]: Node } | Node[] | undefined | null;

/** Text of a parsed node: a string, or its #text, or (Atom xhtml content) all the text inside it. */
const textOf = (n: Node): string => {
  if (n == null) return '';
  if (typeof n === 'string' || typeof n === 'number') return String(n);
  if (Array.isArray(n)) return n.map(textOf).filter(Boolean).join('\n\n');
  const parts: string[] = [];
  for (const [k, v] of Object.entries(n)) if (!k.startsWith('@_')) parts.push(textOf(v));
  return parts.filter(Boolean).join(hasBlocks(n) ? '\n\n' : ' ');
};
const hasBlocks = (n: Record<string, Node>) => Object.keys(n).some((k) => /^(xhtml:)?(p|div|li|h\d)$/.test(k));

const first = (o: Record<string, Node>, ...keys: string[]): Node => {
  for (const k of keys) if (o[k] != null && textOf(o[k]).trim()) return o[k];
  return undefined;
};

/** The item's page: RSS <link>text</link>, or Atom's rel="alternate" (or first) <link href>. */
const linkOf = (o: Record<string, Node>): string | undefined => {
  const links = (Array.isArray(o.link) ? o.link : o.link != null ? [o.link] : []) as Node[];
  const atom = links.filter((l): l is Record<string, Node> => typeof l === 'object' && l !== null && !Array.isArray(l) && '@_href' in l);
  if (atom.length) {
    const alt = atom.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? atom[0];
    return String(alt['@_href']).trim() || undefined;
  }
  const plain = links.map(textOf).find((s) => s.trim());
  if (plain) return plain.trim();
  const guid = o.guid as Node;
  if (guid && typeof guid === 'object' && !Array.isArray(guid) && guid['@_isPermaLink'] !== 'false' && /^https?:/.test(textOf(guid))) return textOf(guid).trim();
  return undefined;
};

/** Line (from 1) of each <item> or <entry> start tag, in order: where items are reported. */
const itemLines = (xml: string): number[] => {
  const lines: number[] = [];
  const re = /<(item|entry)[\s>]/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
};

const itemArticle = (o: Record<string, Node>, n: number, file: string, channel: string | undefined, line?: number): FeedItem => {
  const title = textOf(first(o, 'title')).trim();
  const body = first(o, 'content:encoded', 'content', 'description', 'summary', 'dc:description');
  let text = '';
  if (body != null) {
    const type = typeof body === 'object' && !Array.isArray(body) ? String((body as Record<string, Node>)['@_type'] ?? '') : '';
    const raw = textOf(body);
    // Atom's type="xhtml" content is parsed as elements already, and type="text" is not markup
    text = type === 'text' || type === 'xhtml' ? raw.trim() : htmlFragmentText(raw);
  }
  const link = linkOf(o);
  const guid = textOf(first(o, 'guid', 'id')).trim();
  const date = textOf(first(o, 'pubDate', 'published', 'dc:date', 'updated', 'a10:updated', 'issued', 'modified')).trim();
  const source = textOf(first(o, 'source')).trim() || channel;
  return {
    id: guid || link || `${basename(file)}#${n}`,
    text,
    ...(date ? { date } : {}),
    ...(link ? { url: link, link } : {}),
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    origin: { file, ...(line ? { line } : {}) },
  };
};

/** Parses a whole, well-formed feed document. */
const parseFeed = (xml: string, file: string): FeedResult | string => {
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml) as Record<string, Node>;
  } catch (e) {
    return `malformed XML (${(e as Error).message})`;
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  let channel: Record<string, Node> | undefined;
  let items: Node[] = [];
  const obj = (n: Node) => (n && typeof n === 'object' && !Array.isArray(n) ? (n as Record<string, Node>) : {});
  if (root === 'rss') {
    channel = obj(obj(doc.rss).channel);
    items = (channel.item as Node[]) ?? [];
  } else if (root === 'rdf:RDF' || root === 'RDF') {
    const r = obj(doc[root]);
    channel = obj(r.channel);
    items = (r.item as Node[]) ?? [];
  } else if (root === 'feed') {
    channel = obj(doc.feed);
    items = (channel.entry as Node[]) ?? [];
  } else {
    return `not an RSS or Atom feed (the root element is <${root ?? 'none'}>)`;
  }
  const title = textOf(first(channel, 'title')).trim() || undefined;
  const lines = itemLines(xml);
  const result: FeedResult = { title, items: [], problems: [] };
  items.forEach((it, i) => result.items.push(itemArticle(obj(it), i + 1, file, title, lines.length === items.length ? lines[i] : undefined)));
  return result;
};

/** Line of the offset in the text, from 1. */
const lineAt = (text: string, offset: number) => {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
};

/**
 * The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed as articles: text from content:encoded, content,
 * description or summary (HTML made plain), date, link, title, and the channel's title as the source. A feed
 * that is not well-formed XML (a truncated download, say) is reported with the line where it breaks, and the
 * complete items before the break are still read.
 */
export const readFeed = (xml: string, { file }: { file: string }): FeedResult => {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid === true) {
    const r = parseFeed(xml, file);
    return typeof r === 'string' ? { items: [], problems: [{ file, reason: r }] } : r;
  }
  const { msg, line } = valid.err;
  // fast-xml-parser reports tags still open at the end as "Invalid '[...]' found" at line 1
  const unclosed = /unclosed|invalid '\[/i.test(msg);
  const where = unclosed ? lineAt(xml, xml.length) : line;
  const reason = unclosed ? `malformed XML: the feed ends before its elements close (truncated?)` : `malformed XML (${msg})`;
  // keep what can be kept: each complete <item>…</item> or <entry>…</entry> that is well-formed on its own
  const complete = [...xml.matchAll(/<(item|entry)[\s>][\s\S]*?<\/\1>/g)];
  const channelTitle = /<title[^>]*>([\s\S]*?)<\/title>/.exec(xml.slice(0, complete[0]?.index ?? xml.length))?.[1];
  const result: FeedResult = { items: [], problems: [] };
  for (const m of complete) {
    const wrapped = m[1] === 'item' ? `<rss><channel>${channelTitle ? `<title>${channelTitle}</title>` : ''}${m[0]}</channel></rss>` : `<feed>${channelTitle ? `<title>${channelTitle}</title>` : ''}${m[0]}</feed>`;
    if (XMLValidator.validate(wrapped) !== true) continue;
    const r = parseFeed(wrapped, file);
    if (typeof r === 'string') continue;
    for (const it of r.items) result.items.push({ ...it, origin: { file, line: lineAt(xml, m.index ?? 0) } });
  }
  const kept = result.items.length;
  result.problems.push({ file, line: where, reason: kept ? `${reason}; read the ${kept} complete, well-formed item${kept === 1 ? '' : 's'}` : reason });
  return result;
};
