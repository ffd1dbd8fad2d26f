/** The dashboard's only way out: JSON from this server's /api. Errors are RFC 9457 problems. */

export type Span = { start: number; end: number };
export type Actor = { code: string; country: string | null; sector: string | null; text: string; name: string | null; entry: string; dictionary: string };
export type EventSpans = { source: Span | null; verb: Span; target: Span | null };

/** An event coded from pasted text (POST /api/code). */
export type CodedEvent = {
  docId: string;
  date: string;
  source: Actor | null;
  target: Actor | null;
  cameo: { code: string; root: string; name: string };
  plover: { type: string; mode: string | null; context: string | null } | null;
  goldstein: number | null;
  quadClass: number;
  modality: string;
  evidence: Span & { text: string };
  spans: EventSpans;
  sentence: { index: number; start: number; end: number; text?: string };
  ruleId: string;
};

/** A stored event (GET /api/events, GET /api/articles/:id). */
export type StoredEvent = CodedEvent & {
  id: number;
  articleId: number;
  article: { title: string | null; url: string | null; source: string | null; publisher: string | null; date: string };
  numArticles: number;
  numSources: number;
};

export type EventPage = { total: number; totalExact?: boolean; limit: number; offset?: number; order: 'asc' | 'desc'; events: StoredEvent[]; nextCursor: string | null };

export type Article = {
  id: number;
  docId: string;
  title: string | null;
  url: string | null;
  source: string | null;
  publisher: string | null;
  date: string;
  language: string | null;
  skipped: string | null;
  text: string;
  events: StoredEvent[];
};

export type SeriesPoint = { period: string; events: number; quad: [number, number, number, number]; goldsteinSum: number; goldsteinMean: number | null; conflictShare: number };
export type Series = { a: string; b: string | null; period: string; points: SeriesPoint[] };

export type Alert = {
  source: string;
  target: string | null;
  period: string;
  score: number;
  current: number;
  conflictEvents: number;
  baseline: { median: number; mad: number; scale: number };
  events?: { id: number; date: string; code: string; evidence: string }[];
};
export type Alerts = { period: string; scope?: { period: string; asOf: string; baseline: string[] } | null; alerts: Alert[] };
export type Top = { pairs: { source: string; target: string; events: number; conflictShare: number }[]; actors: { actor: string; events: number }[] };

export type Stats = { articles: number; events: number; clusters: number; actors: number; firstDate: string | null; lastDate: string | null; writable: boolean };

export type CodeResult = { text: string; date: string; dateSource: string; language: string | null; skipped: string | null; events: CodedEvent[] };

export type Problem = { type: string; title: string; status: number; detail: string };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>;

const qs = (q: Query): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
};

const request = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body && typeof body === 'object' && 'status' in body ? (body as Problem) : { type: 'about:blank', title: res.statusText, status: res.status, detail: '' });
  return body as T;
};

export const api = {
  stats: () => request<Stats>('/api/stats'),
  events: (q: Query) => request<EventPage>(`/api/events${qs(q)}`),
  series: (q: Query) => request<Series>(`/api/series${qs(q)}`),
  alerts: (q: Query) => request<Alerts>(`/api/alerts${qs(q)}`),
  top: (q: Query) => request<Top>(`/api/top${qs(q)}`),
  article: (id: number) => request<Article>(`/api/articles/${encodeURIComponent(String(id))}`),
  code: (text: string, date?: string) => request<CodeResult>('/api/code', { method: 'POST', body: JSON.stringify({ text, ...(date ? { date } : {}) }) }),
};
