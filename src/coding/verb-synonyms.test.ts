import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PACKAGE_ROOT } from '../paths.js';
import { makeDoc } from '../doc/index.js';
import { findMentions, linkMentions, loadActorDictionary, resolveActors } from '../actors/index.js';
import { detectLanguageStage, findDates, readDateline, tokenize } from '../nlp/index.js';
import { createPipeline } from '../pipeline/index.js';
import { DictionaryError } from '../actors/read-yaml.js';
import { codeEvents } from './code-events.js';
import { posClauseFinder } from './find-clauses-pos.js';
import { loadVerbDictionary } from './verb-dictionary.js';

// The built-in dictionary, synonyms.yml included.
const verbs = loadVerbDictionary();
const actors = loadActorDictionary({ dir: join(PACKAGE_ROOT, 'test/fixtures/actors') });
const pipeline = createPipeline([
  detectLanguageStage, readDateline, tokenize, findDates, findMentions(actors), resolveActors, linkMentions,
  codeEvents({ dictionary: verbs, clauseFinder: posClauseFinder }),
]);
const code = (text: string) =>
  pipeline
    .run(makeDoc(text, { id: 's', date: '2022-01-21', dateSource: 'input' }))
    .events!.map((e) => `${e.source?.code ?? '-'} ${e.cameo.code} ${e.target?.code ?? '-'}`)
    .sort();

// [original, synonym]: the synonym codes as its original does.
const pairs: [string, string][] = [
  ['Russia resumed talks with Ukraine on Monday.', 'Russia restarted talks with Ukraine on Monday.'],
  ['Russian troops massacred Ukrainian soldiers near the village.', 'Russian troops mowed down Ukrainian soldiers near the village.'],
  ['Poland dispatched troops to Lithuania.', 'Poland despatched troops to Lithuania.'],
  ['Ukrainian soldiers repelled Russian troops near Kharkiv.', 'Ukrainian soldiers beat back Russian troops near Kharkiv.'],
];
for (const [original, synonym] of pairs)
  test(`synonym codes like its original: ${synonym}`, () => {
    const want = code(original);
    assert.ok(want.length > 0, `the original codes nothing: ${original}`);
    assert.deepEqual(code(synonym), want);
  });

test('synonym copies carry their own id and point at synonyms.yml; the version hashes synonyms.yml', () => {
  const copy = verbs.patterns.find((p) => p.id === 'syn.restart-04.resume-talk-with');
  assert.ok(copy);
  assert.deepEqual([copy.code, copy.lemmas, copy.file.endsWith('synonyms.yml')], ['046', ['restart'], true]);
  const phrasal = verbs.patterns.find((p) => p.id === 'syn.mow-down-20.massacre');
  assert.deepEqual(phrasal?.lemmas, ['mow']);
  assert.deepEqual(phrasal?.elements[0], { kind: 'word', alts: ['down'] });

  const dir = mkdtempSync(join(tmpdir(), 'dyad-syn-'));
  writeFileSync(join(dir, '04-consult.yml'), 'root: "04"\npatterns:\n  - {id: a, code: "040", pattern: meet with TARGET}\n');
  const without = loadVerbDictionary({ dir }).version;
  writeFileSync(join(dir, 'synonyms.yml'), 'synonyms:\n  - {id: syn.x, lemma: confab, of: meet, synset: "00878196", patterns: [a]}\n');
  assert.notEqual(loadVerbDictionary({ dir }).version, without);
});

test('the synonym lint: unknown pattern ids, duplicate ids and replacing a head fail with file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-syn-'));
  writeFileSync(join(dir, '04-consult.yml'), 'root: "04"\npatterns:\n  - {id: a, code: "040", pattern: meet with TARGET}\n  - {id: b, code: "040", pattern: confer with TARGET}\n');
  const write = (body: string) => writeFileSync(join(dir, 'synonyms.yml'), `synonyms:\n${body}`);
  write('  - id: syn.x\n    lemma: huddle\n    of: meet\n    synset: "00878196"\n    patterns: [a, nope]\n');
  assert.throws(
    () => loadVerbDictionary({ dir }),
    (e: DictionaryError) => e instanceof DictionaryError && /synonyms\.yml:6: synonym "syn\.x": unknown pattern id "nope"/.test(e.message),
  );
  write('  - {id: a, lemma: huddle, of: meet, synset: "00878196", patterns: [a]}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /synonyms\.yml:2: duplicate id "a"/);
  write('  - {id: syn.x, lemma: huddle, of: meet, synset: "00878196", patterns: [a]}\n  - {id: syn.x, lemma: gather, of: meet, synset: "00878196", patterns: [a]}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /duplicate id "syn\.x"/);
  write('  - {id: syn.x, lemma: confer, of: meet, synset: "00878196", patterns: [a]}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /"confer" is a head already/);
  write('  - {id: syn.x, lemma: huddle, of: confer, synset: "00878196", patterns: [a]}\n');
  assert.throws(() => loadVerbDictionary({ dir }), /pattern "a" is not headed by "confer"/);
});
