import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RawArticle } from './article-meta.js';

export type InputProblem = { file: string; line?: number; reason: string };

export type ReadOptions = {
  /** Articles longer than this many characters are reported and skipped (default 5,000,000). */
  maxChars?: number;
  stdin?: Readable;
  onProblem: (p: InputProblem) => void;
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

const isJsonLines = (name: string, head: string) => /\.(jsonl|ndjson)$/i.test(name) || /^\s*\{/.test(head);

/** One JSON Lines row as an article, or the reason it is not one. */
export const articleFromJson = (line: string, file: string, n: number): RawArticle | string => {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return `invalid JSON (${(e as Error).message})`;
  }
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

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Reads articles from files and stdin ("-"): JSON Lines of {id, date, text, url, title, source}, or plain text
 * (a whole file is one article). A bad input is reported through `onProblem` with its file and line, and
 * reading goes on with the next.
 */
export async function* readInputs(paths: string[], opts: ReadOptions): AsyncGenerator<RawArticle> {
  const maxChars = opts.maxChars ?? 5_000_000;
  for (const path of paths.length ? paths : ['-']) {
    const file = path === '-' ? '<stdin>' : path;
    let bytes: Buffer;
    if (path === '-') {
      bytes = await readAll(opts.stdin ?? process.stdin);
    } else {
      if (!existsSync(path)) {
        opts.onProblem({ file, reason: 'no such file' });
        continue;
      }
      const st = statSync(path);
      if (st.isDirectory()) {
        opts.onProblem({ file, reason: 'is a folder; give the files inside it' });
        continue;
      }
      // JSON Lines files are streamed: they can be larger than memory would like
      const head = readFileSync(path, { encoding: 'latin1', flag: 'r' }).slice(0, 64);
      if (isJsonLines(path, head) && st.size > 0) {
        const probe = decodeText(readFileSync(path).subarray(0, 1 << 16));
        if ('reason' in probe && !/UTF-8/.test(probe.reason)) {
          opts.onProblem({ file, reason: probe.reason });
          continue;
        }
        yield* jsonLines(createReadStream(path), file, opts);
        continue;
      }
      if (st.size > maxChars * 4) {
        opts.onProblem({ file, reason: `file is ${(st.size / 1e6).toFixed(1)} MB, over the article size limit; skipped` });
        continue;
      }
      bytes = readFileSync(path);
    }
    const decoded = decodeText(bytes);
    if ('reason' in decoded) {
      opts.onProblem({ file, reason: decoded.reason });
      continue;
    }
    const text = decoded.text;
    if (!text.trim()) {
      opts.onProblem({ file, reason: 'empty input' });
      continue;
    }
    if (isJsonLines(path, text.slice(0, 64))) {
      const { Readable } = await import('node:stream');
      yield* jsonLines(Readable.from([text]), file, opts);
      continue;
    }
    if (text.length > maxChars) {
      opts.onProblem({ file, reason: `article is ${(text.length / 1e6).toFixed(1)} MB of text, over the limit; skipped` });
      continue;
    }
    yield { id: path === '-' ? 'stdin' : basename(path).replace(/\.[^.]+$/, ''), text, origin: { file } };
  }
}
