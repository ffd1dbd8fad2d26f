import * as chrono from 'chrono-node';
import { defineStage } from '../pipeline/index.js';
import type { DateMention, Token } from '../doc/index.js';

// Only sentences with one of these words go to chrono: it is the costly part of the stage.
const CUE =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|\byesterday\b|\btoday\b|\btomorrow\b|\b(?:last|next|this|previous)\s+(?:week|month|year)\b|\bago\b|\b\d{4}-\d{2}-\d{2}\b/i;
// chrono also reads durations ("for 90 minutes") and times as dates; a date mention must name a day or month.
const DATE_WORD = /day|yesterday|today|tomorrow|week|month|year|ago|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{4}-\d{2}/i;

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** A sentence reads as past when one of its verbs is in a past form ("met", "rejected", "was"). */
export const isPastSentence = (tokens: Token[], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if ((t.pos === 'VERB' || t.pos === 'AUX') && t.norm !== t.lemma && !t.norm.endsWith('s') && !t.norm.endsWith('ing')) {
      return true;
    }
    if (t.norm === 'last' || t.norm === 'ago' || t.norm === 'yesterday') return true;
  }
  return false;
};

type Parsed = { index: number; text: string; start: chrono.ParsedComponents };
const cache = new Map<string, Parsed[]>();
/** chrono's reading of a window on an article date; the same words on the same date read the same (news repeats "on Monday"). */
const parseCached = (window: string, articleDate: string): Parsed[] => {
  const key = `${articleDate}|${window}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = chrono.en.casual.parse(window, { instant: new Date(`${articleDate}T12:00:00Z`), timezone: 0 }).map((r) => ({ index: r.index, text: r.text, start: r.start }));
    if (cache.size > 20_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
};

/**
 * Resolves the dates named in one sentence against the article date. With a past-tense verb, a weekday or a
 * month that chrono placed after the article date is moved back: "on Monday" in a Friday story that says
 * "met" is four days before, not three after.
 */
export const resolveDates = (sentence: string, offset: number, articleDate: string, past: boolean, index: number): DateMention[] => {
  const cue = CUE.exec(sentence);
  if (!cue) return [];
  // chrono reads only a window around the first cue (and any later ones in it): it is costly on long text
  const from = cue.index < 20 ? 0 : sentence.lastIndexOf(' ', cue.index - 20) + 1;
  const to = sentence.indexOf(' ', cue.index + 40);
  const window = sentence.slice(from, to < 0 ? sentence.length : to);
  const out: DateMention[] = [];
  for (const r of parseCached(window, articleDate)) {
    if (!DATE_WORD.test(r.text)) continue;
    const c = r.start;
    const ref = new Date(`${articleDate}T12:00:00Z`);
    let d = c.date();
    const dayKnown = c.isCertain('day') || c.isCertain('weekday') || /day|week|ago/i.test(r.text);
    if (past && d.getTime() > ref.getTime() + 43_200_000) {
      if (c.isCertain('weekday') && !c.isCertain('day')) d = new Date(d.getTime() - 7 * 86_400_000);
      else if (!c.isCertain('year')) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), 12));
    }
    const grain = dayKnown ? 'day' : c.isCertain('month') ? 'month' : 'year';
    const full = iso(d);
    out.push({
      start: offset + from + r.index,
      end: offset + from + r.index + r.text.length,
      sentence: index,
      date: grain === 'day' ? full : grain === 'month' ? full.slice(0, 7) : full.slice(0, 4),
      grain,
    });
  }
  return out;
};

export const findDates = defineStage({
  name: 'findDates',
  requires: ['sentences', 'tokens'],
  assigns: ['dates'],
  run: (doc) => {
    const dates: DateMention[] = [];
    for (const s of doc.sentences!) {
      if (s.isDateline) continue;
      const past = isPastSentence(doc.tokens!, s.tokenStart, s.tokenEnd);
      dates.push(...resolveDates(doc.text.slice(s.start, s.end), s.start, doc.meta.date, past, s.index));
    }
    return { ...doc, dates };
  },
});
