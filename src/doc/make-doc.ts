import type { ArticleMeta, Message, NewsDoc, Span } from './types.js';

/** A new document: the text is fixed here (line endings normalised to \n), and never changes after. */
export const makeDoc = (text: string, meta: ArticleMeta): NewsDoc => ({
  text: text.replace(/\r\n?/g, '\n'),
  meta,
  messages: [],
});

export const quote = (doc: NewsDoc, span: Span): string => doc.text.slice(span.start, span.end);

export const message = (
  doc: NewsDoc,
  source: string,
  ruleId: string,
  reason: string,
  { fatal = false, place }: { fatal?: boolean; place?: Span } = {},
): Message => {
  const m: Message = { reason, ruleId, source, fatal, ...(place ? { place } : {}) };
  doc.messages.push(m);
  return m;
};
