/** Periods as the API names them: by their first day (YYYY-MM-DD); a week starts on Monday. */
export type Period = 'day' | 'week' | 'month';

const DAY = 86_400_000;
const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The last day of the period that starts on `start`. */
export const periodEnd = (start: string, period: Period): string => {
  if (period === 'day') return start;
  if (period === 'week') return day(ms(start) + 6 * DAY);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return day(Date.UTC(y, m, 1) - DAY);
};

/** A period as a reader would say it. */
export const periodLabel = (start: string, period: Period): string =>
  period === 'month' ? new Date(ms(start)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }) : period === 'week' ? `wk ${start}` : start;
