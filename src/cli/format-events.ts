import type { CodedEvent, EventActor, NewsDoc } from '../doc/index.js';

const actorJson = (a: EventActor | null) =>
  a ? { code: a.code, country: a.country || null, sector: a.sector || null, text: a.text, name: a.name ?? null, entry: a.entry, dictionary: a.dictionary } : null;

/** An event as one line of the JSON Lines contract (shared by every tool that scores dyad's output). */
export const eventRecord = (doc: NewsDoc, e: CodedEvent) => {
  const s = doc.sentences![e.sentence];
  return {
    docId: e.docId,
    date: e.date,
    source: actorJson(e.source),
    target: actorJson(e.target),
    cameo: e.cameo,
    plover: e.plover ? { type: e.plover.type, mode: e.plover.mode, context: e.plover.context } : null,
    goldstein: e.goldstein,
    quadClass: e.quadClass,
    modality: e.modality,
    place: e.place
      ? { name: e.place.name, text: e.place.text, country: e.place.country || null, region: e.place.region ?? null, lat: e.place.lat ?? null, lon: e.place.lon ?? null, kind: e.place.kind ?? null, from: e.place.from, span: e.place.span ?? null }
      : null,
    evidence: { start: e.evidence.start, end: e.evidence.end, text: doc.text.slice(e.evidence.start, e.evidence.end) },
    spans: { source: e.source?.span ?? null, verb: e.verb, target: e.target?.span ?? null },
    sentence: { index: e.sentence, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
    ruleId: e.ruleId,
    dictionary: e.dictionary,
  };
};

export const CSV_COLUMNS = [
  'docId', 'date', 'source', 'source_country', 'source_sector', 'target', 'target_country', 'target_sector',
  'cameo', 'cameo_root', 'cameo_name', 'plover_type', 'plover_mode', 'goldstein', 'quad_class', 'modality', 'place',
  'place_country', 'place_lat', 'place_lon', 'evidence_start', 'evidence_end', 'evidence', 'rule_id', 'dictionary',
] as const;

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export const csvField = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvRow = (doc: NewsDoc, e: CodedEvent): string =>
  [
    e.docId, e.date, e.source?.code, e.source?.country, e.source?.sector, e.target?.code, e.target?.country, e.target?.sector,
    e.cameo.code, e.cameo.root, e.cameo.name, e.plover?.type, e.plover?.mode, e.goldstein, e.quadClass, e.modality, e.place?.name,
    e.place?.country, e.place?.lat, e.place?.lon, e.evidence.start, e.evidence.end, doc.text.slice(e.evidence.start, e.evidence.end).replace(/\s+/g, ' '), e.ruleId, e.dictionary,
  ]
    .map(csvField)
    .join(',');

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

/** One line per event for a person at a terminal: source, event, target, date, and the words that say so. */
export const tableRow = (doc: NewsDoc, e: CodedEvent): string => {
  const ev = `${e.cameo.code} ${e.cameo.name}`;
  const words = doc.text.slice(e.evidence.start, e.evidence.end).replace(/\s+/g, ' ');
  return `${clip(e.source?.code ?? '-', 10)} ${clip(ev, 34)} ${clip(e.target?.code ?? '-', 10)} ${e.date}  "${words.length > 70 ? words.slice(0, 69) + '…' : words}"`;
};

export const tableHeader = `${'SOURCE'.padEnd(10)} ${'EVENT'.padEnd(34)} ${'TARGET'.padEnd(10)} ${'DATE'.padEnd(10)}  EVIDENCE`;
