import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc, type NewsDoc } from '../doc/index.js';
import { createNewsPipeline } from '../news-pipeline.js';
import { parserClauseFinder } from './find-clauses-parser.js';
import type { Clause } from './clause.js';

// Sentences written for these tests, simple enough that any reasonable English model parses them alike (the
// shipped model may be replaced). The finder as shipped: the tree, with the part-of-speech finder's reading
// where the tree gives a verb no clause, subject or object.
const withParser = createNewsPipeline({ clauses: 'parser' });
const pipeline = withParser;

const read = (text: string): { doc: NewsDoc; clauses: Clause[] } => {
  const doc = pipeline.run(makeDoc(text, { id: 't', date: '2024-03-04', dateSource: 'input' }));
  return { doc, clauses: doc.clauses! };
};
const said = (doc: NewsDoc, k: number | null) => (k === null ? null : doc.text.slice(doc.mentions![k].start, doc.mentions![k].end));
const clauseOf = (doc: NewsDoc, clauses: Clause[], verb: string): Clause => {
  const c = clauses.find((x) => doc.tokens![x.head].norm === verb);
  assert.ok(c, `no clause headed by "${verb}": ${clauses.map((x) => doc.tokens![x.head].norm).join(', ')}`);
  return c;
};

test('parser finder: passive with a by-agent', () => {
  const { doc, clauses } = read('The embassy was attacked by militants.');
  const c = clauseOf(doc, clauses, 'attacked');
  assert.equal(c.passive, true);
  assert.equal(said(doc, c.agent), 'militants');
  assert.deepEqual(c.subjects.map((k) => said(doc, k)), ['embassy']);
  assert.equal(doc.tokens![c.tokenStart].norm, 'was');
  assert.ok(!c.objects.some((o) => o.mention === c.agent), 'the agent is not an object');
});

test('parser finder: coordinated subjects, an object and its preposition', () => {
  const { doc, clauses } = read('Poland and Lithuania sent aid to Ukraine.');
  const c = clauseOf(doc, clauses, 'sent');
  assert.deepEqual(c.subjects.map((k) => said(doc, k)), ['Poland', 'Lithuania']);
  assert.deepEqual(c.objects.map((o) => [said(doc, o.mention), o.prep]), [['Ukraine', 'to']]);
  assert.equal(c.lemma, 'send');
});

test('parser finder: a relative clause between the subject and its verb', () => {
  const { doc, clauses } = read('The president, who arrived in Kyiv on Monday, met the Ukrainian prime minister.');
  const main = clauseOf(doc, clauses, 'met');
  const rel = clauseOf(doc, clauses, 'arrived');
  assert.deepEqual(main.subjects.map((k) => said(doc, k)), ['president']);
  assert.deepEqual(main.objects.map((o) => said(doc, o.mention)), ['Ukrainian prime minister']);
  assert.equal(main.subordinate, false);
  assert.equal(rel.subordinate, true);
  assert.deepEqual(rel.subjects.map((k) => said(doc, k)), ['president'], 'the relative pronoun stands for its noun');
  assert.deepEqual(rel.objects.map((o) => [said(doc, o.mention), o.prep]), [['Kyiv', 'in']]);
});

test('parser finder: "agreed to meet" is a complement with the subject of its governor', () => {
  const { doc, clauses } = read('Russia agreed to meet Ukraine.');
  const agreed = clauseOf(doc, clauses, 'agreed');
  const meet = clauseOf(doc, clauses, 'meet');
  assert.equal(meet.link, 'xcomp');
  assert.equal(meet.governor, clauses.indexOf(agreed));
  assert.deepEqual(meet.subjects.map((k) => said(doc, k)), ['Russia']);
  assert.ok(agreed.regionEnd >= meet.regionEnd, "the governor's patterns may read its complement");
});

test('parser finder: reported speech, "X said Y would ..."', () => {
  const { doc, clauses } = read('Iran said the United States would attack Syria.');
  const say = clauseOf(doc, clauses, 'said');
  const attack = clauseOf(doc, clauses, 'attack');
  assert.equal(attack.link, 'ccomp');
  assert.equal(attack.governor, clauses.indexOf(say));
  assert.equal(attack.modal, 'would');
  assert.deepEqual(attack.subjects.map((k) => said(doc, k)), ['the United States']);
  assert.deepEqual(say.subjects.map((k) => said(doc, k)), ['Iran']);
  assert.equal(say.objects.length, 0, "the complement's subject is not the speech verb's object");
});

test('parser finder: negation and a condition', () => {
  const { doc, clauses } = read('Russia did not attack Ukraine.');
  assert.equal(clauseOf(doc, clauses, 'attack').negated, true);
  const second = read('Germany will send troops if Russia invades Poland.');
  const send = clauseOf(second.doc, second.clauses, 'send');
  const invades = clauseOf(second.doc, second.clauses, 'invades');
  assert.equal(send.modal, 'will');
  assert.equal(send.conditional, false);
  assert.equal(invades.conditional, true);
  assert.deepEqual(invades.subjects.map((k) => said(second.doc, k)), ['Russia']);
});

test('parser finder: codes a sentence end to end', () => {
  const doc = withParser.run(makeDoc('Ukraine was attacked by Russia on Monday.', { id: 'e', date: '2024-03-04', dateSource: 'input' }));
  assert.equal(withParser.clauseFinder, parserClauseFinder);
  assert.deepEqual(
    doc.events!.map((e) => `${e.source?.code} ${e.cameo.code} ${e.target?.code} ${e.modality}`),
    ['RUS 190 UKR asserted'],
  );
});
