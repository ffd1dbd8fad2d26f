import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { basename } from 'node:path';
import type { RawArticle } from './article-meta.js';
import { domText, type DomDocument, type DomElement, type DomNode } from './html-text.js';

export type HtmlArticleOptions = {
  /** Where the page came from, for messages and the article's origin. */
  file: string;
  /** The page's address, when it was fetched; a canonical link in the page wins. */
  url?: string;
  id?: string;
  /** Least characters of text for a page to count as an article (default 80). */
  minChars?: number;
};

const attr = (doc: DomDocument, selector: string, name: string): string | undefined => {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : undefined;
};

/** Dates and names from JSON-LD blocks (schema.org NewsArticle): datePublished, headline, publisher.name, url. */
const jsonLd = (doc: DomDocument): { date?: string; title?: string; publisher?: string; url?: string } => {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((d) => (d && typeof d === 'object' && Array.isArray((d as { '@graph'?: unknown[] })['@graph']) ? (d as { '@graph': unknown[] })['@graph'] : [d]));
    for (const it of items) {
      if (!it || typeof it !== 'object') continue;
      const o = it as Record<string, unknown>;
      if (typeof o.datePublished !== 'string' && typeof o.headline !== 'string') continue;
      const pub = o.publisher as Record<string, unknown> | undefined;
      return {
        date: typeof o.datePublished === 'string' ? o.datePublished : undefined,
        title: typeof o.headline === 'string' ? o.headline : undefined,
        publisher: pub && typeof pub.name === 'string' ? pub.name : undefined,
        url: typeof o.url === 'string' ? o.url : undefined,
      };
    }
  }
  return {};
};

const absolute = (href: string | undefined, base: string | undefined): string | undefined => {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
};

/** Metadata the page states about itself: title, date, canonical URL, site name, language. */
export const pageMeta = (doc: DomDocument, url?: string) => {
  const ld = jsonLd(doc);
  const date =
    attr(doc, 'meta[property="article:published_time"]', 'content') ??
    attr(doc, 'meta[property="og:published_time"]', 'content') ??
    attr(doc, 'meta[itemprop="datePublished"]', 'content') ??
    ld.date ??
    attr(doc, 'meta[name="pubdate"]', 'content') ??
    attr(doc, 'meta[name="publishdate"]', 'content') ??
    attr(doc, 'meta[name="date"]', 'content') ??
    attr(doc, 'meta[name="dc.date"]', 'content') ??
    attr(doc, 'meta[name="DC.date.issued"]', 'content') ??
    attr(doc, 'time[datetime]', 'datetime');
  const title = attr(doc, 'meta[property="og:title"]', 'content') ?? ld.title ?? (doc.title?.trim() || undefined) ?? doc.querySelector('h1')?.textContent?.trim();
  const canonical = absolute(attr(doc, 'link[rel="canonical"]', 'href') ?? attr(doc, 'meta[property="og:url"]', 'content') ?? ld.url, url);
  const site = attr(doc, 'meta[property="og:site_name"]', 'content') ?? ld.publisher;
  const lang = doc.documentElement?.getAttribute('lang') ?? undefined;
  return { date, title: title || undefined, url: canonical ?? url, source: site, lang };
};

/**
 * The article in a saved or fetched HTML page: its main text by Readability (Firefox's reader view) over a
 * linkedom DOM, with paragraphs kept apart, and its title, date, URL and site from the page's metadata. Where
 * Readability finds no article, the body's text without navigation, headers and footers is used. Returns the
 * reason instead when the page has no text to code.
 */
export const articleFromHtml = (html: string, { file, url, id, minChars = 80 }: HtmlArticleOptions): RawArticle | string => {
  let doc: DomDocument;
  try {
    doc = (parseHTML(html) as unknown as { document: DomDocument }).document;
  } catch (e) {
    return `malformed HTML (${(e as Error).message})`;
  }
  if (!doc?.documentElement) return 'malformed HTML: no document element';
  const meta = pageMeta(doc, url);
  let text = '';
  try {
    const parsed = new Readability<DomNode>(doc as never, { serializer: (n: unknown) => n as DomNode }).parse();
    if (parsed?.content) text = domText(parsed.content);
    if (parsed?.publishedTime && !meta.date) meta.date = parsed.publishedTime;
  } catch {
    // Readability gives up on some pages: fall back to the body text below
  }
  if (text.length < minChars) {
    const again = (parseHTML(html) as unknown as { document: DomDocument }).document;
    for (const sel of ['nav', 'header', 'footer', 'aside', 'form', '[role="navigation"]']) {
      const found = again.querySelectorAll(sel);
      for (let i = found.length - 1; i >= 0; i--) (found[i] as DomElement).remove();
    }
    const body = again.body ?? again.documentElement;
    const fallback = body ? domText(body) : '';
    if (fallback.length > text.length) text = fallback;
  }
  if (!text.trim()) return 'malformed or empty HTML: no article text found in the page';
  if (text.length < minChars && !/[.!?]/.test(text)) return `no article text found in the page (only ${text.length} characters)`;
  return {
    id: id ?? meta.url ?? basename(file).replace(/\.[^.]+$/, ''),
    text,
    date: meta.date,
    url: meta.url,
    title: meta.title,
    source: meta.source,
    origin: { file },
  };
};
