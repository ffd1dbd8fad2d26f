/**
 * Scores coded events against a gold file of articles with expected events, at the two levels of the field:
 * "dyad+type" (source country, target country, event type) and "full" (full actor codes, full type).
 * The event type is the PLOVER type where the gold case gives PLOVER, else the CAMEO code (its root at the
 * dyad+type level). Precision, recall and F1 are micro-averaged; each distinct event counts once per article.
 */
export type GoldEvent = { source: string | null; target: string | null; plover?: string; cameo?: string };
export type GoldCase = { id: string; date?: string; text: string; expected: GoldEvent[]; tags?: Record<string, string> };
export type PredictedEvent = { source: { code: string } | null; target: { code: string } | null; cameo: { code: string }; plover: { type: string } | null };

export type Level = 'dyad+type' | 'full';
export type Scores = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; exact: number; cases: number };
export type CaseResult = { id: string; text: string; expected: string[]; got: string[]; missed: string[]; extra: string[] };
export type ScoreReport = { levels: Record<Level, Scores>; byType: Record<string, Scores>; wrong: CaseResult[] };

const ratio = (a: number, b: number) => (b ? a / b : 0);
const finish = (tp: number, fp: number, fn: number, exact: number, cases: number): Scores => {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), tp, fp, fn, exact, cases };
};

const keyOf = (src: string, tgt: string, type: string, level: Level) =>
  level === 'dyad+type' ? `${src.slice(0, 3)}→${tgt.slice(0, 3)} ${type}` : `${src}→${tgt} ${type}`;

const goldKeys = (g: GoldCase, level: Level, kind: 'plover' | 'cameo') =>
  new Set(g.expected.map((e) => keyOf(e.source ?? '', e.target ?? '', kind === 'plover' ? e.plover ?? '' : level === 'full' ? e.cameo ?? '' : (e.cameo ?? '').slice(0, 2), level)));

const predKeys = (events: PredictedEvent[], level: Level, kind: 'plover' | 'cameo') =>
  new Set(events.map((e) => keyOf(e.source?.code ?? '', e.target?.code ?? '', kind === 'plover' ? e.plover?.type ?? '' : level === 'full' ? e.cameo.code : e.cameo.code.slice(0, 2), level)));

export const scoreEvents = (gold: GoldCase[], predicted: Map<string, PredictedEvent[]>): ScoreReport => {
  const levels = {} as Record<Level, Scores>;
  const typeCounts = new Map<string, { tp: number; fp: number; fn: number }>();
  const wrong: CaseResult[] = [];
  for (const level of ['dyad+type', 'full'] as Level[]) {
    let tp = 0, fp = 0, fn = 0, exact = 0;
    for (const g of gold) {
      const kind = g.expected.some((e) => e.plover) ? 'plover' : 'cameo';
      const want = goldKeys(g, level, kind);
      const got = predKeys(predicted.get(g.id) ?? [], level, kind);
      const hit = [...got].filter((k) => want.has(k));
      tp += hit.length;
      fp += got.size - hit.length;
      fn += want.size - hit.length;
      const same = hit.length === want.size && hit.length === got.size;
      if (same) exact++;
      if (level === 'dyad+type') {
        const bump = (k: string, f: 'tp' | 'fp' | 'fn') => {
          const type = k.split(' ').pop() || '(none)';
          const c = typeCounts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
          c[f]++;
          typeCounts.set(type, c);
        };
        for (const k of got) bump(k, want.has(k) ? 'tp' : 'fp');
        for (const k of want) if (!got.has(k)) bump(k, 'fn');
        if (!same) {
          wrong.push({ id: g.id, text: g.text, expected: [...want], got: [...got], missed: [...want].filter((k) => !got.has(k)), extra: [...got].filter((k) => !want.has(k)) });
        }
      }
    }
    levels[level] = finish(tp, fp, fn, exact, gold.length);
  }
  const byType: Record<string, Scores> = {};
  for (const [t, c] of [...typeCounts].sort()) byType[t] = finish(c.tp, c.fp, c.fn, 0, 0);
  return { levels, byType, wrong };
};
