import type { ActorEntry, DatedRole } from './types.js';
import { DictionaryError } from './read-yaml.js';

/**
 * Reads actor and agent dictionaries in the PETRARCH/TABARI text format, so that years of a Phoenix user's
 * dictionary work carry over:
 *
 *   ABDUL_RASHID_DOSTUM_  [AFGMIL 010101-011231] [AFGGOV >020101]     an actor with dated codes
 *   +GENERAL_DOSTUM_                                                  a synonym of the line above
 *   UNITED_NATIONS_ [IGOUNO]                                          an undated code
 *   AMBASSADOR_ [~GOV]                                                an agent (a role noun, "~" = of a country)
 *   # comment
 *
 * Dates are YYMMDD (years below 40 are 20xx) or YYYYMMDD; "<D" means until D, ">D" from D, "A-B" between.
 */
export type ImportedEntry = { names: string[]; entry: ActorEntry };

// PETRARCH phrases are in capitals and match without regard to case
const phrase = (raw: string) => raw.replace(/^\+/, '').replace(/_+$/, '').replace(/_/g, ' ').trim().toLowerCase();
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

export const petrarchDate = (d: string, file: string, line: number): string => {
  let y: number, m: string, day: string;
  if (/^\d{8}$/.test(d)) [y, m, day] = [Number(d.slice(0, 4)), d.slice(4, 6), d.slice(6, 8)];
  else if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    [y, m, day] = [yy < 40 ? 2000 + yy : 1900 + yy, d.slice(2, 4), d.slice(4, 6)];
  } else throw new DictionaryError(file, line, `bad date "${d}" (want YYMMDD or YYYYMMDD)`);
  return `${y}-${m}-${day}`;
};

type Code = { code: string; start?: string; end?: string | null };

const parseCodes = (s: string, file: string, line: number): Code[] => {
  const out: Code[] = [];
  for (const m of s.matchAll(/\[([^\]]*)\]/g)) {
    const [code, range] = m[1].trim().split(/\s+/);
    if (!code || !/^~?[A-Z0-9]{3,}$/.test(code)) throw new DictionaryError(file, line, `bad code "[${m[1]}]"`);
    if (!range) out.push({ code });
    else if (range.startsWith('<')) out.push({ code, start: '1900-01-01', end: petrarchDate(range.slice(1), file, line) });
    else if (range.startsWith('>')) out.push({ code, start: petrarchDate(range.slice(1), file, line), end: null });
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      out.push({ code, start: petrarchDate(a, file, line), end: petrarchDate(b, file, line) });
    } else throw new DictionaryError(file, line, `bad date restriction "${range}"`);
  }
  return out;
};

const toEntry = (names: string[], codes: Code[], dictionary: string, n: number): ActorEntry => {
  const name = titleCase(names[0]);
  const slug = names[0].toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const agent = codes.find((c) => c.code.startsWith('~'));
  if (agent) return { id: `role:${slug}`, kind: 'role', name, sector: agent.code.slice(1, 4), dictionary };
  const dated = codes.filter((c) => c.start);
  if (dated.length) {
    const roles: DatedRole[] = dated.map((c) => ({ title: c.code, sector: c.code.slice(3, 6), start: c.start!, end: c.end ?? null, country: c.code.slice(0, 3) }));
    return { id: `person:${slug}-${n}`, kind: 'person', name, country: dated[dated.length - 1].code.slice(0, 3), roles, dictionary };
  }
  const code = codes[0].code;
  if (code.length === 3) return { id: `country:${code}`, kind: 'country', name, country: code, dictionary };
  return { id: `org:${slug}`, kind: 'org', name, code, country: code.slice(0, 3), sector: code.slice(3, 6), dictionary };
};

/** Entries of one PETRARCH/TABARI dictionary file; a malformed line is an error with its line number. */
export const importPetrarch = (text: string, file: string, dictionary = `petrarch:${file.split('/').pop()}`): ImportedEntry[] => {
  const out: ImportedEntry[] = [];
  let current: { names: string[]; codes: Code[]; line: number } | null = null;
  const flush = () => {
    if (current && current.codes.length) out.push({ names: current.names, entry: toEntry(current.names, current.codes, dictionary, current.line) });
    current = null;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const n = i + 1;
    const at = line.indexOf('[');
    const head = (at < 0 ? line : line.slice(0, at)).trim();
    if (!head) throw new DictionaryError(file, n, 'a code without a phrase');
    if (/[{}<>!]/.test(head.replace(/^\+/, ''))) return; // TABARI patterns with wildcards have no fixed phrase: skipped
    const codes = at < 0 ? [] : parseCodes(line.slice(at), file, n);
    if (head.startsWith('+')) {
      if (!current) throw new DictionaryError(file, n, `synonym "${head}" before any actor`);
      current.names.push(phrase(head));
      return;
    }
    flush();
    current = { names: [phrase(head)], codes, line: n };
  });
  flush();
  return out;
};
