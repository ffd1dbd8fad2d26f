import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../doc/index.js';
import { readDateline } from './read-dateline.js';
import { tokenize } from './tokenize.js';

const run = (text: string) => tokenize.run(readDateline.run(makeDoc(text, { id: 't', date: '2022-01-21', dateSource: 'input' })));

const cases: [string, string][] = [
  ['plain', 'Russia rejected the demand.'],
  ['dateline and paragraphs', 'GENEVA (AP) — Blinken met Lavrov.\n\nThe talks   lasted 90 minutes.  Both sides spoke.\n'],
  ['leading space and tabs', '  \tTroops moved\tnear Kharkiv.'],
  ['quotes and dashes', 'He promised “swift and severe” sanctions — if Russia invaded — and said: "No."'],
  ['unicode names', 'Erdoğan met Zelenskyy in İstanbul; Côte d’Ivoire’s envoy attended.'],
  ['contractions and abbreviations', "The U.S. won't back down, Mr. Biden said at 5 p.m. on Jan. 21."],
  ['emoji and URLs', 'Protesters 🚩 gathered (see https://example.org/a?b=1) at 10:00.'],
];

for (const [name, text] of cases) {
  test(`tokenize loses nothing: ${name}`, () => {
    const doc = run(text);
    const tokens = doc.tokens!;
    assert.ok(tokens.length > 0);
    const lead = text.slice(0, tokens[0].start);
    assert.match(lead, /^\s*$/);
    assert.equal(lead + tokens.map((t) => text.slice(t.start, t.end) + t.ws).join(''), text);
    for (const t of tokens) assert.match(t.ws, /^\s*$/, `ws of "${text.slice(t.start, t.end)}" is whitespace`);
    // every token belongs to a sentence whose span contains it
    for (const t of tokens) {
      const s = doc.sentences![t.sentence];
      assert.ok(s.start <= t.start && t.end <= s.end);
    }
  });
}

test('the dateline is a sentence of its own, apart from the first sentence', () => {
  const text = 'KYIV, Ukraine (Reuters) - Russian troops shelled Kharkiv.';
  const doc = run(text);
  assert.equal(doc.dateline?.place, 'Kyiv, Ukraine');
  assert.equal(doc.dateline?.agency, 'Reuters');
  const [first, second] = doc.sentences!;
  assert.equal(first.isDateline, true);
  assert.equal(text.slice(second.start, second.end), 'Russian troops shelled Kharkiv.');
});

test('tokens carry part of speech and lemma', () => {
  const doc = run('Russian troops were massed near the border.');
  const massed = doc.tokens!.find((t) => t.norm === 'massed')!;
  assert.equal(massed.pos, 'VERB');
  assert.equal(massed.lemma, 'mass');
  assert.equal(doc.tokens!.find((t) => t.norm === 'troops')!.lemma, 'troop');
});
