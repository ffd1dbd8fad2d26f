/**
 * Periods of a time series: a day, an ISO week (Monday to Sunday) or a calendar month, each named by the date
 * it starts on (YYYY-MM-DD). The same rule is written twice, once as SQL over the `date` column and once in
 * JavaScript to list the periods of a range (so that a series has a point for every period, with or without
 * events); the tests check that the two agree.
 */
export type Period = 'day' | 'week' | 'month';

export const PERIODS: readonly Period[] = ['day', 'week', 'month'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_DAY = 86_400_000;

/** Whether `s` is a date as the store keeps them (YYYY-MM-DD) and a real day of the calendar. */
export const isDay = (s: unknown): s is string => typeof s === 'string' && DAY.test(s) && toDay(fromDay(s)) === s;

const fromDay = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The SQL expression of the start of the period that holds `column` (a YYYY-MM-DD text): the day itself, the
 * Monday of its ISO week (`weekday 0` moves to the Sunday on or after it, six days back is its Monday), or the
 * first of its month.
 */
export const periodSql = (period: Period, column: string): string =>
  period === 'day' ? column : period === 'week' ? `date(${column}, 'weekday 0', '-6 days')` : `(substr(${column}, 1, 8) || '01')`;

/** Mondays of the days asked before: a series by week asks for the same thousand days again and again. */
const mondays = new Map<string, string>();

/** The start of the period that holds `date`. */
export const periodStart = (date: string, period: Period): string => {
  if (period === 'day') return date;
  if (period === 'month') return `${date.slice(0, 8)}01`;
  let m = mondays.get(date);
  if (m === undefined) {
    const ms = fromDay(date);
    m = toDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * MS_DAY);
    if (mondays.size >= 100_000) mondays.clear();
    mondays.set(date, m);
  }
  return m;
};

/** The start of the period `n` periods after (or, for negative `n`, before) the period that starts on `start`. */
export const addPeriods = (start: string, period: Period, n: number): string => {
  if (period === 'month') {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7)) - 1 + n;
    return toDay(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, 1));
  }
  return toDay(fromDay(start) + n * (period === 'week' ? 7 : 1) * MS_DAY);
};

/** The last day of the period that starts on `start`. */
export const periodEnd = (start: string, period: Period): string => toDay(fromDay(addPeriods(start, period, 1)) - MS_DAY);

const ranges = new Map<string, readonly string[]>();

/** The starts of every period from the one that holds `from` to the one that holds `to`, in order. */
export const periodsBetween = (from: string, to: string, period: Period): string[] => {
  const key = `${from}|${to}|${period}`;
  const kept = ranges.get(key);
  if (kept) return [...kept];
  const out: string[] = [];
  const last = periodStart(to, period);
  for (let p = periodStart(from, period); p <= last; p = addPeriods(p, period, 1)) out.push(p);
  if (ranges.size >= 1000) ranges.clear();
  ranges.set(key, [...out]);
  return out;
};
