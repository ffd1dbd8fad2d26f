import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { RawArticle } from './article-meta.js';
import { fetchUrl, FetchError, isUrl, type FetchOptions } from './fetch-url.js';
import type { FeedItem } from './read-feed.js';
import { sniffKind, type InputKind } from './sniff-kind.js';
import { walkFolder } from './walk-folder.js';

export type InputProblem = { file: string; line?: number; reason: string };

export type ReadOptions = {
  /** Articles longer than this many characters are reported and skipped (default 5,000,000). */
  maxChars?: number;
  /** Files and downloads read whole (plain text, HTML, feeds) larger than this are reported and skipped (default 4 × maxChars bytes). */
  maxBytes?: number;
  stdin?: Readable;
  /** Inputs that could not be read: reported, and reading goes on. */
  onProblem: (p: InputProblem) => void;
  /** Things worth saying that are not errors: files of other kinds passed over in a folder, feed items without text. */
  onNote?: (p: InputProblem) => void;
  /** How URLs are fetched (time and size limits, loopback). */
  fetch?: FetchOptions;
  /** Fetch the page each feed item links to and read the article there (default: the item's own text). */
  followLinks?: boolean;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file's bytes, or the reason it is not UTF-8 text. */
export const decodeText = (bytes: Uint8Array): { text: string } | { reason: string } => {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { reason: `binary data (a NUL byte at offset ${nul}), not text` };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
};

/**
 * Text of a page or feed: in the charset its media type, <meta charset> or XML declaration names, else
 * UTF-8, else windows-1252 (what browsers assume for pages that say nothing and are not UTF-8).
 */
export const decodeMarkup = (bytes: Uint8Array, contentType = ''): { text: string } | { reason: string } => {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { reason: `binary data (a NUL byte at offset ${nul}), not text` };
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const label =
    /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /^<\?xml[^>]+encoding=["']([\w.:-]+)/i.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return { text: new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '') };
    } catch {
      // an unknown label: try UTF-8 below
    }
  }
  const d = decodeText(bytes);
  if ('text' in d) return d;
  return { text: new TextDecoder('windows-1252').decode(bytes) };
};

/** One JSON Lines row as an article, or the reason it is not one. */
export const articleFromJson = (line: string, file: string, n: number): RawArticle | string => {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return `invalid JSON (${(e as Error).message})`;
  }
  return articleFromObject(row, file, n);
};

const articleFromObject = (row: unknown, file: string, n: number): RawArticle | string => {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return 'expected a JSON object';
  const r = row as Record<string, unknown>;
  if (typeof r.text !== 'string') return 'no "text" string field';
  const opt = (k: string) => (typeof r[k] === 'string' || typeof r[k] === 'number' ? String(r[k]) : undefined);
  return {
    id: opt('id') ?? `${basename(file)}:${n}`,
    text: r.text,
    date: opt('date'),
    url: opt('url'),
    title: opt('title'),
    source: opt('source'),
    origin: { file, line: n },
  };
};

async function* jsonLines(stream: Readable, file: string, opts: ReadOptions): AsyncGenerator<RawArticle> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    if (line.length > (opts.maxChars ?? 5_000_000) * 1.2) {
      opts.onProblem({ file, line: n, reason: `line is ${(line.length / 1e6).toFixed(1)} MB, over the article size limit; skipped` });
      continue;
    }
    const a = articleFromJson(line, file, n);
    if (typeof a === 'string') opts.onProblem({ file, line: n, reason: a });
    else if (a.text.length > (opts.maxChars ?? 5_000_000)) opts.onProblem({ file, line: n, reason: `article is ${(a.text.length / 1e6).toFixed(1)} MB of text, over the limit; skipped` });
    else yield a;
  }
}

/** A JSON document holding an array of article objects (a .json file rather than JSON Lines). */
function* jsonArray(text: string, file: string, opts: ReadOptions): Generator<RawArticle> {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (e) {
    opts.onProblem({ file, reason: `invalid JSON (${(e as Error).message})` });
    return;
  }
  if (!Array.isArray(rows)) return opts.onProblem({ file, reason: 'expected an array of article objects or JSON Lines' });
  for (let i = 0; i < rows.length; i++) {
    const a = articleFromObject(rows[i], file, i + 1);
    if (typeof a === 'string') opts.onProblem({ file, reason: `item ${i + 1}: ${a}` });
    else yield { ...a, origin: { file } };
  }
}

const readHead = (path: string, n = 4096): string => {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got).toString('latin1');
  } finally {
    closeSync(fd);
  }
};

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** A feed's items as articles; with `followLinks` (or for items with no text of their own), the linked pages. */
async function* feedArticles(text: string, file: string, opts: ReadOptions): AsyncGenerator<RawArticle> {
  const { readFeed } = await import('./read-feed.js');
  const feed = readFeed(text, { file });
  for (const p of feed.problems) opts.onProblem(p);
  for (const item of feed.items) {
    const { link, ...article } = item as FeedItem;
    if (opts.followLinks && link) {
      const page = await fetchPage(link, opts);
      if (typeof page === 'string') {
        opts.onProblem({ ...article.origin!, reason: `item ${article.id}: ${link}: ${page}` });
        continue;
      }
      yield { ...page, id: article.id, date: page.date ?? article.date, title: page.title ?? article.title, source: article.source ?? page.source, origin: article.origin };
      continue;
    }
    if (!article.text.trim()) {
      opts.onNote?.({ ...article.origin!, reason: `item ${article.id} has no text${link ? ' (give --follow-links to read its page)' : ''}; skipped` });
      continue;
    }
    yield article;
  }
}

/** The article of the page at a URL, or why there is none. */
const fetchPage = async (url: string, opts: ReadOptions): Promise<RawArticle | string> => {
  try {
    const got = await fetchUrl(url, { maxBytes: opts.maxBytes ?? (opts.maxChars ?? 5_000_000) * 4, ...opts.fetch });
    const d = decodeMarkup(got.bytes, got.contentType);
    if ('reason' in d) return d.reason;
    const { articleFromHtml } = await import('./read-html.js');
    return articleFromHtml(d.text, { file: url, url: got.url });
  } catch (e) {
    return e instanceof FetchError ? e.message : `could not fetch (${(e as Error).message})`;
  }
};

/** Articles in the bytes of one input whose kind is known. */
async function* fromBytes(bytes: Uint8Array, file: string, kind: InputKind, opts: ReadOptions, { url, contentType, name }: { url?: string; contentType?: string; name?: string } = {}): AsyncGenerator<RawArticle> {
  const maxChars = opts.maxChars ?? 5_000_000;
  const decoded = kind === 'html' || kind === 'feed' ? decodeMarkup(bytes, contentType) : decodeText(bytes);
  if ('reason' in decoded) return opts.onProblem({ file, reason: decoded.reason });
  const text = decoded.text;
  if (!text.trim()) return opts.onProblem({ file, reason: 'empty input' });
  if (kind === 'jsonl') {
    if (/^\s*\[/.test(text)) yield* jsonArray(text, file, opts);
    else yield* jsonLines(Readable.from([text]), file, opts);
    return;
  }
  if (kind === 'feed') return yield* feedArticles(text, file, opts);
  if (kind === 'html') {
    const { articleFromHtml } = await import('./read-html.js');
    const a = articleFromHtml(text, { file, url });
    if (typeof a === 'string') return opts.onProblem({ file, reason: a });
    if (a.text.length > maxChars) return opts.onProblem({ file, reason: `article is ${mb(a.text.length)} of text, over the limit; skipped` });
    return yield a;
  }
  if (text.length > maxChars) return opts.onProblem({ file, reason: `article is ${mb(text.length)} of text, over the limit; skipped` });
  yield { id: name ? basename(name).replace(/\.[^.]+$/, '') : url ?? 'stdin', text, ...(url ? { url } : {}), origin: { file } };
}

async function* fromFile(path: string, opts: ReadOptions): AsyncGenerator<RawArticle> {
  const maxBytes = opts.maxBytes ?? (opts.maxChars ?? 5_000_000) * 4;
  const file = path;
  let size: number;
  let head: string;
  try {
    size = statSync(path).size;
    head = size ? readHead(path) : '';
  } catch (e) {
    return opts.onProblem({ file, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
  }
  if (!size) return opts.onProblem({ file, reason: 'empty input' });
  const kind = sniffKind({ name: path, head });
  // JSON Lines files are streamed line by line: they can be larger than memory would like
  if (kind === 'jsonl' && !/^\s*\[/.test(head.replace(/^\uFEFF/, ''))) {
    const probe = decodeText(Buffer.from(head, 'latin1'));
    if ('reason' in probe && !/UTF-8/.test(probe.reason)) return opts.onProblem({ file, reason: probe.reason });
    return yield* jsonLines(createReadStream(path), file, opts);
  }
  if (size > maxBytes) return opts.onProblem({ file, reason: `file is ${mb(size)}, over the ${mb(maxBytes)} limit for a file read whole; skipped` });
  yield* fromBytes(readFileSync(path), file, kind, opts, { name: path });
}

async function* fromUrl(url: string, opts: ReadOptions): AsyncGenerator<RawArticle> {
  let got;
  try {
    got = await fetchUrl(url, { maxBytes: opts.maxBytes ?? (opts.maxChars ?? 5_000_000) * 4, ...opts.fetch });
  } catch (e) {
    return opts.onProblem({ file: url, reason: e instanceof FetchError ? e.message : `could not fetch (${(e as Error).message})` });
  }
  const head = got.bytes.subarray(0, 4096).toString('latin1');
  const kind = sniffKind({ name: new URL(got.url).pathname, head, contentType: got.contentType });
  yield* fromBytes(got.bytes, url, kind, opts, { url: got.url, contentType: got.contentType });
}

async function* fromStdin(opts: ReadOptions): AsyncGenerator<RawArticle> {
  const stream = opts.stdin ?? process.stdin;
  const it = stream[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < 4096) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const c = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    first.push(c);
    size += c.length;
  }
  const headBuf = Buffer.concat(first);
  const kind = sniffKind({ head: headBuf.toString('latin1') });
  const rest = async function* () {
    yield headBuf;
    if (ended) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
  };
  if (kind === 'jsonl' && !/^\s*\[/.test(headBuf.toString('latin1'))) return yield* jsonLines(Readable.from(rest()), '<stdin>', opts);
  const chunks: Buffer[] = [];
  for await (const c of rest()) chunks.push(c);
  yield* fromBytes(Buffer.concat(chunks), '<stdin>', kind, opts);
}

/**
 * Reads articles from files, folders (every readable file inside, recursively), URLs and stdin ("-"): JSON
 * Lines of {id, date, text, url, title, source}, a JSON array of them, saved or fetched HTML pages (the main
 * text), RSS and Atom feeds (one article per item), or plain text (a whole file is one article). A bad input
 * is reported through `onProblem` with its file and line, and reading goes on with the next.
 */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<RawArticle> {
  for (const path of paths.length ? paths : ['-']) {
    if (path === '-') {
      yield* fromStdin(opts);
      continue;
    }
    if (isUrl(path)) {
      yield* fromUrl(path, opts);
      continue;
    }
    if (!existsSync(path)) {
      opts.onProblem({ file: path, reason: 'no such file' });
      continue;
    }
    if (statSync(path).isDirectory()) {
      const { files, passedOver } = walkFolder(path);
      if (passedOver.size) {
        const what = [...passedOver].map(([ext, n]) => `${n} ${ext}`).join(', ');
        opts.onNote?.({ file: path, reason: `passed over files of other kinds (${what})` });
      }
      if (!files.length) opts.onProblem({ file: path, reason: 'no readable files in the folder (.txt, .jsonl, .json, .html, .xml, .rss, .atom)' });
      for (const f of files) yield* fromFile(f, opts);
      continue;
    }
    yield* fromFile(path, opts);
  }
}
