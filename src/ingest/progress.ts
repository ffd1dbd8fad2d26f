export type ProgressCounts = { articles: number; events: number; added?: number; duplicates?: number };

export type ProgressOptions = {
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Draw a bar that redraws in place (default: when the stream is a terminal); else plain lines. */
  tty?: boolean;
  /** Articles expected, when known: gives the bar and the time left. */
  total?: number;
  label?: string;
  /** Least time between two updates: 100 ms on a terminal, 5 s in a pipe by default. */
  intervalMs?: number;
  now?: () => number;
};

const fmt = (n: number) => n.toLocaleString('en-US');

export const formatDuration = (secs: number): string => {
  if (!Number.isFinite(secs) || secs < 0) return '?';
  const s = Math.round(secs);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
};

/**
 * Progress of a long run on stderr: on a terminal a bar redrawn in place (articles, events, rate, time left);
 * in a pipe or a log, a plain line every few seconds. `done()` clears the bar; the caller prints the summary.
 */
export const createProgress = ({ stream = process.stderr, tty, total, label = 'ingest', intervalMs, now = () => performance.now() }: ProgressOptions = {}) => {
  const isTty = tty ?? Boolean(stream.isTTY);
  const every = intervalMs ?? (isTty ? 100 : 5000);
  const start = now();
  let last = isTty ? -Infinity : start;
  let drawn = false;
  let expected = total;

  const line = (c: ProgressCounts): string => {
    const secs = (now() - start) / 1000;
    const rate = secs > 0 ? c.articles / secs : 0;
    const left = expected && rate > 0 ? (expected - c.articles) / rate : NaN;
    const of = expected ? `${fmt(c.articles)}/${fmt(expected)}` : fmt(c.articles);
    const tail = `${fmt(c.events)} events, ${fmt(Math.round(rate))} articles/s${Number.isFinite(left) ? `, ${formatDuration(Math.max(0, left))} left` : ''}`;
    if (!isTty) return `dyad: ${label}: ${of} articles, ${tail}`;
    const width = 20;
    const bar = expected ? (() => {
      const filled = Math.min(width, Math.round((c.articles / expected) * width));
      return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] `;
    })() : '';
    const text = `${label} ${bar}${of} articles · ${tail.replace(/ articles\/s/, '/s').replace(/, /g, ' · ')}`;
    const cols = stream.columns ?? 100;
    return text.length >= cols ? text.slice(0, cols - 1) : text;
  };

  return {
    /** Sets the expected number of articles once it is known. */
    setTotal(n: number | undefined) {
      expected = n;
    },
    update(c: ProgressCounts, force = false) {
      const t = now();
      if (!force && t - last < every) return;
      last = t;
      if (isTty) {
        stream.write(`\r\x1b[K${line(c)}`);
        drawn = true;
      } else stream.write(`${line(c)}\n`);
    },
    done() {
      if (isTty && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
    /** Seconds since the start. */
    elapsed: () => (now() - start) / 1000,
  };
};
