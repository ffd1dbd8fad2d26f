import { eventRecord } from '../../cli/format-events.js';
import { makeDoc } from '../../doc/index.js';
import { articleMeta } from '../../ingest/index.js';
import { objectAt, onlyKeys, optionalString, optionalUrl, readJson, requiredText } from '../body.js';
import { isDay } from '../params.js';
import { problem } from '../problem.js';
import { defineRoute } from '../route.js';
import { ref } from '../schemas.js';

export const codeRoute = defineRoute({
  method: 'post',
  path: '/api/code',
  operationId: 'codeText',
  tag: 'coding',
  summary: 'Code pasted text into events, without storing anything',
  description:
    "The events `dyad code` would give for the text, each with the spans of its source, verb and target and its evidence, as offsets into the returned `text`. The date is the body's `date`, else the text's dateline, else today.",
  body: {
    description: 'the text and, optionally, its date and metadata',
    schema: ref('CodeRequest'),
    example: { text: 'GENEVA, Jan. 21 (AP) — Russia demanded that NATO halt its expansion.', date: '2022-01-21' },
  },
  responses: { 200: { description: 'the coded events', schema: ref('CodeResult') } },
  handler: async (c, { pipeline }) => {
    const o = objectAt(await readJson(c), 'body');
    onlyKeys(o, ['text', 'date', 'title', 'source', 'url'], 'body');
    const text = requiredText(o, 'text', 'body');
    const date = optionalString(o, 'date', 'body', 64);
    if (date !== undefined && !isDay(date)) throw problem('invalid-body', `body.date: "${date}" is not a date (YYYY-MM-DD)`, { field: 'body.date' });
    const title = optionalString(o, 'title', 'body', 1000);
    const source = optionalString(o, 'source', 'body', 200);
    const url = optionalUrl(o, 'url', 'body');
    const { meta, warning } = articleMeta({ id: 'pasted', text, ...(date ? { date } : {}), ...(title ? { title } : {}), ...(source ? { source } : {}), ...(url ? { url } : {}) });
    const doc = pipeline().run(makeDoc(text, meta));
    return c.json({
      text: doc.text,
      date: meta.date,
      dateSource: meta.dateSource,
      language: doc.language ?? null,
      skipped: doc.skipped ?? null,
      events: (doc.events ?? []).map((e) => eventRecord(doc, e)),
      messages: [...(warning ? [{ reason: warning, source: 'date', ruleId: 'date-today', fatal: false }] : []), ...doc.messages],
    });
  },
});
