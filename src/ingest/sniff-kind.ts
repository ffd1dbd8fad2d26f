/** What an input holds, decided by its media type, its name and its first bytes, in that order. */
export type InputKind = 'jsonl' | 'html' | 'feed' | 'text';

const BY_TYPE: [RegExp, InputKind][] = [
  [/^application\/(x-)?(nd)?json|^application\/jsonl/, 'jsonl'],
  [/^text\/html|^application\/xhtml\+xml/, 'html'],
  [/^application\/(rss|atom|rdf)\+xml|^application\/xml|^text\/xml/, 'feed'],
  [/^text\/plain/, 'text'],
];
const BY_NAME: [RegExp, InputKind][] = [
  [/\.(jsonl|ndjson|json)$/i, 'jsonl'],
  [/\.(html?|xhtml)$/i, 'html'],
  [/\.(xml|rss|atom|rdf)$/i, 'feed'],
];

/** File names a folder walk reads; other files in a folder (images, PDFs) are passed over. */
export const READABLE_NAME = /\.(jsonl|ndjson|json|html?|xhtml|xml|rss|atom|rdf|txt|text)$/i;

/** The kind by the content alone: JSON, an HTML page, an XML feed, or plain text. */
export const sniffHead = (head: string): InputKind => {
  const h = head.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  if (h.startsWith('{')) return 'jsonl';
  if (/^(<!--[\s\S]*?-->\s*)*<!doctype html|^<html[\s>]/.test(h)) return 'html';
  if (/^<\?xml|^<rss[\s>]|^<feed[\s>]|^<rdf:rdf[\s>]/.test(h)) {
    if (/<(rss|feed|rdf:rdf)[\s>]/.test(h)) return 'feed';
    if (/<html[\s>]/.test(h)) return 'html';
    return 'feed';
  }
  if (/^<(head|body|article|div|p)[\s>]/.test(h)) return 'html';
  return 'text';
};

export const sniffKind = ({ name, head, contentType }: { name?: string; head: string; contentType?: string }): InputKind => {
  const type = contentType?.toLowerCase().trim();
  if (type) {
    for (const [re, kind] of BY_TYPE) {
      // a server that calls everything text/plain or application/xml is not believed over the content
      if (re.test(type)) return kind === 'text' || (kind === 'feed' && /xml/.test(type) && !/rss|atom|rdf/.test(type)) ? sniffHead(head) : kind;
    }
  }
  if (name) for (const [re, kind] of BY_NAME) if (re.test(name)) return kind;
  return sniffHead(head);
};
