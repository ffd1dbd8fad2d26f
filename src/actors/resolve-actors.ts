import { defineStage } from '../pipeline/index.js';
import type { Actor, MentionPiece } from '../doc/index.js';
import type { ActorEntry, DatedRole } from './types.js';

/** The role a person held on a date; null when none was held then. */
export const roleOn = (roles: DatedRole[], date: string): DatedRole | null =>
  roles.find((r) => r.start <= date && (r.end === null || date <= r.end)) ?? null;

/**
 * What a person is on a date: the sector of the office held, ELI after every office, nothing before. An
 * office in an international organisation gives the organisation's code (IGO + UNO → IGOUNO).
 */
export const personOn = (entry: ActorEntry, date: string): { country: string; sector: string; title?: string; code?: string } => {
  const roles = entry.roles ?? [];
  const held = roleOn(roles, date);
  if (held) {
    const country = held.country ?? entry.country ?? '';
    const org = held.org ?? (held.country ? undefined : entry.org);
    if (country === 'IGO' && org) {
      const code = org.startsWith('IGO') ? org : `IGO${org}`;
      return { country: code.startsWith('IGOUNO') ? 'UNO' : 'IGO', sector: '', title: held.title, code };
    }
    return { country, sector: held.sector, title: held.title };
  }
  const wasBefore = roles.some((r) => r.end !== null && r.end < date);
  return { country: entry.country ?? '', sector: wasBefore ? 'ELI' : '' };
};

const pick = (pieces: MentionPiece[], kinds: ActorEntry['kind'][], last = true): { piece: MentionPiece; entry: ActorEntry } | null => {
  const n = pieces.length;
  for (let i = 0; i < n; i++) {
    const piece = pieces[last ? n - 1 - i : i];
    for (const entry of piece.entries) if (kinds.includes(entry.kind)) return { piece, entry };
  }
  return null;
};

/** The person a name stands for on a date: of several people with that name, one in office then. */
const pickPerson = (pieces: MentionPiece[], date: string): { piece: MentionPiece; entry: ActorEntry } | null => {
  for (const piece of [...pieces].reverse()) {
    const people = piece.entries.filter((e) => e.kind === 'person');
    if (people.length) return { piece, entry: people.find((e) => roleOn(e.roles ?? [], date)) ?? people[0] };
  }
  return null;
};

/**
 * Combines the pieces of one mention into an actor, on the article's date. A nationality or country in the
 * mention beats the registry ("Armenian Prime Minister X" is ARMGOV whoever X is); a role noun gives the
 * sector; a person gives both from the office held that day; "former" makes the sector ELI.
 */
export const resolvePieces = (pieces: MentionPiece[], date: string, headless = false): (Actor & { head: MentionPiece }) | null => {
  // a bare surname counts only when exactly one person of that name held an office on the date
  if (pieces.some((p) => p.surname)) {
    const titled = pieces.some((p) => !p.surname && p.entries.some((e) => e.kind === 'role'));
    pieces = pieces.flatMap((p) => {
      if (!p.surname) return [p];
      const held = p.entries.filter((e) => roleOn(e.roles ?? [], date));
      if (held.length === 1) return [{ ...p, entries: held }];
      // "President Bush" when no Bush is in office: a titled surname whose every holder in the registry is of
      // one country is someone of that country
      const countries = new Set(p.entries.map((e) => e.country));
      if (titled && !held.length && countries.size === 1 && p.entries[0].country) return [{ ...p, entries: [p.entries[0]] }];
      return [];
    });
  }
  // a role word that only modifies another noun ("military aid", "press conference") names no one
  if (headless) pieces = pieces.filter((p) => !p.entries.every((e) => e.kind === 'role'));
  const place = pick(pieces, ['country', 'demonym'], false) ?? pick(pieces, ['capital', 'place'], false);
  let role = pick(pieces, ['role']);
  // "army accountant", "intelligence agency officer": a member noun takes the sector of the body before it
  if (role?.entry.member) {
    const body = pieces.filter((p) => p !== role!.piece && p.entries.some((e) => e.kind === 'role' || e.kind === 'org')).pop();
    const bodyRole = body?.entries.find((e) => e.kind === 'role');
    if (bodyRole) role = { piece: body!, entry: bodyRole };
    else if (body) role = null; // the organisation names the actor
  }
  const person = pickPerson(pieces, date);
  const org = pick(pieces, ['org']);
  const former = pick(pieces, ['modifier']);
  const who = person ? personOn(person.entry, date) : null;
  const head = [role, person, org, place].filter((x) => x).sort((a, b) => b!.piece.start - a!.piece.start)[0];
  if (!head) return null;

  let country = place?.entry.country ?? who?.country ?? '';
  let sector = '';
  let code: string | undefined;
  let entry = head.entry;
  const inOffice = !!who?.title && who.sector !== 'ELI';
  // "Russia's UN ambassador" is Russia's: a place before the organisation and a role after it
  const orgModifiesRole = !!place && !!role && place.piece.start < org?.piece.start! && role.piece.start > org!.piece.start;
  if (org && !orgModifiesRole && (!place || org.piece.start > place.piece.start) && (!person || org.piece.start > person.piece.start || !inOffice)) {
    // an organisation names the actor, with or without a role after it: "NATO", "the FSB", "UN envoy";
    // a state's body named after another state's word is that state's ("Peruvian Congress" is PER's)
    const domestic = /^[A-Z]{3}$/.test(org.entry.country ?? '') && !/^(IGO|NGO|IMG|MNC|UNO|EUR)/.test(org.entry.code ?? '');
    if (place && domestic && place.entry.country !== org.entry.country) {
      country = place.entry.country!;
      sector = org.entry.sector ?? '';
    } else {
      code = org.entry.code;
      country = org.entry.country!;
      sector = org.entry.sector ?? '';
    }
    entry = org.entry;
  } else if (inOffice) {
    // a person in office: the office decides, unless the phrase names another country for them
    sector = place && place.entry.country !== who.country ? (role?.entry.sector ?? who.sector) : who.sector;
    if (who.code && !place) {
      code = who.code;
      country = who.country;
    }
    entry = person!.entry;
  } else if (role) {
    sector = role.entry.sector!;
    if (!country && org) country = org.entry.country!;
    entry = role.entry;
  } else if (who) {
    sector = who.sector;
    entry = person!.entry;
  } else if (place?.entry.kind === 'capital' && place === head) {
    sector = place.entry.sector ?? 'GOV';
  }
  if (former) sector = former.entry.sector || 'ELI';
  if (!code) code = country + sector;
  if (!code) return null;
  return {
    code,
    country,
    sector,
    name: person?.entry.name ?? org?.entry.name ?? place?.entry.name,
    entry: person && entry === person.entry ? person.entry.id : entry.id,
    dictionary: entry.dictionary,
    head: head.piece,
  };
};

export const resolveActors = defineStage({
  name: 'resolveActors',
  requires: ['mentions'],
  assigns: ['actors'],
  run: (doc) => {
    // the stage adds to the mentions findMentions made for this doc: it sets their actor and head
    for (const m of doc.mentions!) {
      const last = m.pieces[m.pieces.length - 1];
      // (a possessor is no modifier: "the unions' demand" is the unions')
      const possessor = !!last && (doc.tokens?.[last.tokenEnd]?.norm === "'s" || doc.tokens?.[last.tokenEnd]?.norm === "'");
      const headless = !m.name && (!last || last.tokenEnd < m.tokenEnd) && !possessor;
      const a = resolvePieces(m.pieces, doc.meta.date, headless);
      if (!a) continue;
      const { head, ...actor } = a;
      m.actor = actor;
      m.head = { start: head.start, end: head.end };
    }
    return { ...doc };
  },
});
