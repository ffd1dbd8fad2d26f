import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, EventActor } from '../../src/doc/index.js';
import { contentHash, publisherOf, type ArticleRecord } from '../../src/store/index.js';

/** A fresh temporary folder for a test's databases. */
export const tempDir = (prefix = 'dyad-store-') => mkdtempSync(join(tmpdir(), prefix));

export const actor = (code: string, text: string, start: number, extra: Partial<EventActor> = {}): EventActor => ({
  code,
  country: code.slice(0, 3),
  sector: code.slice(3, 6),
  name: text,
  entry: `test:${code}`,
  dictionary: 'test-actors.v1',
  text,
  span: { start, end: start + text.length },
  ...extra,
});

/** An event built by hand: Russia threatens Latvia (1312) unless told otherwise. */
export const event = (over: Partial<CodedEvent> = {}): CodedEvent => ({
  docId: 'a1',
  sentence: 0,
  source: actor('RUS', 'Russia', 0),
  target: actor('LVA', 'Latvia', 18),
  cameo: { code: '1312', root: '13', name: 'Threaten with sanctions' },
  plover: { type: 'THREATEN', mode: 'restrict', context: null },
  goldstein: -5.8,
  quadClass: 3,
  modality: 'asserted',
  date: '2022-03-03',
  verb: { start: 7, end: 17 },
  evidence: { start: 0, end: 39 },
  ruleId: '13.threaten-with-sanction',
  dictionary: 'cameo-verbs.test',
  ...over,
});

/** An article record built by hand, with its events (by default one: Russia threatened Latvia). */
export const record = (over: Partial<ArticleRecord> & { text?: string } = {}): ArticleRecord => {
  const text = over.text ?? 'Russia threatened Latvia with sanctions on Thursday.';
  const publisher = over.publisher ?? publisherOf(over.source, over.url);
  return {
    docId: 'a1',
    date: '2022-03-03',
    dateSource: 'input',
    leadSentence: 0,
    dictionary: 'cameo-verbs.test',
    events: [event()],
    sentences: [{ start: 0, end: text.length }],
    actors: [],
    ...over,
    text,
    publisher,
    contentHash: over.contentHash ?? contentHash(text, publisher),
  };
};
