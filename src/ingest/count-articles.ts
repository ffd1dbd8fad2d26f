import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { sniffKind } from './sniff-kind.js';
import { walkFolder } from './walk-folder.js';

const countIn = (path: string, count: (chunk: string) => number): number => {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n = 0;
  let carry = '';
  try {
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (!got) break;
      const s = carry + buf.toString('latin1', 0, got);
      n += count(s.slice(0, s.length - 16));
      carry = s.slice(-16);
    }
    return n + count(carry);
  } finally {
    closeSync(fd);
  }
};

/**
 * About how many articles the inputs hold, for a progress bar's time left: JSON Lines rows, feed items, one
 * per other file. Undefined when an input can't be counted ahead (stdin, URLs). Reads each file once, fast.
 */
export const estimateArticles = (paths: string[]): number | undefined => {
  let total = 0;
  const files: string[] = [];
  for (const p of paths.length ? paths : ['-']) {
    if (p === '-' || /^https?:\/\//i.test(p)) return undefined;
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) files.push(...walkFolder(p).files);
    else files.push(p);
  }
  for (const f of files) {
    try {
      const kind = sniffKind({ name: f, head: readStart(f) });
      if (kind === 'jsonl') total += countIn(f, (s) => (s.match(/\n\s*\{/g)?.length ?? 0)) + 1;
      else if (kind === 'feed') total += countIn(f, (s) => s.match(/<(item|entry)[\s>]/g)?.length ?? 0);
      else total += 1;
    } catch {
      total += 1;
    }
  }
  return total;
};

const readStart = (path: string): string => {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(2048);
    return buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
};
