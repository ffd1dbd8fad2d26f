import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { loadActorDictionary } from './load-actor-dictionary.js';
import { resolvePhrase } from './resolve-phrase.js';
import { DictionaryError } from './read-yaml.js';
import { writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

const dict = loadActorDictionary({ dir: join(PACKAGE_ROOT, 'test/fixtures/actors') });
const code = (phrase: string, date = '2022-01-21') => resolvePhrase(phrase, date, dict).actor?.code ?? null;

const rows: [string, string | null, string?][] = [
  ['Russia', 'RUS'],
  ['Russian troops', 'RUSMIL'],
  ['two Russian warplanes', 'RUSMIL'],
  ["Ukraine's parliament", 'UKRLEG'],
  ["Russia's UN ambassador", 'RUSGOV'],
  ['the Kremlin', 'RUSGOV'],
  ['Moscow', 'RUSGOV'],
  ['Americans', 'USA'],
  ['the U.S.', 'USA'],
  ['NATO', 'IGOWSTNAT'],
  ['Armenian Prime Minister Hakob Sargsyanov', 'ARMGOV'],
  ['former Armenian foreign minister', 'ARMELI'],
  ['puppies', null],
  // a role that changes hands: the same person on three dates
  ['Anna Berg', 'SWEGOV', '2021-05-01'],
  ['Anna Berg', 'SWEELI', '2023-05-01'],
  ['Anna M. Berg', 'SWEGOV', '2025-02-01'],
  // context beats the registry
  ['Finnish minister Anna Berg', 'FINGOV', '2023-05-01'],
];
for (const [phrase, want, date] of rows) {
  test(`actor: ${phrase}${date ? ` on ${date}` : ''} → ${want}`, () => assert.equal(code(phrase, date), want));
}

test('a malformed entry names its file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-dict-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'bad.yml'), 'version: bad.v1\npeople:\n  - id: p1\n    name: P One\n    country: "XYZ"\n    roles:\n      - {title: x, sector: GOV, start: "2020/01/01", end: null}\n');
  assert.throws(() => loadActorDictionary({ dir }), (e: DictionaryError) => /bad\.yml:3: person "p1": role dates must be YYYY-MM-DD/.test(e.message));
  writeFileSync(join(dir, 'a', 'bad.yml'), 'version: bad.v1\nroles:\n  - {sector: GOV, words: [a, b]\n');
  assert.throws(() => loadActorDictionary({ dir }), (e: DictionaryError) => /bad\.yml:\d+:/.test(e.message));
});
