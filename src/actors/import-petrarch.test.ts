import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { importPetrarch } from './import-petrarch.js';
import { loadActorDictionary } from './load-actor-dictionary.js';
import { resolvePhrase } from './resolve-phrase.js';
import { DictionaryError } from './read-yaml.js';

const file = join(PACKAGE_ROOT, 'test/fixtures/actors-petrarch.txt');

test('PETRARCH actors, synonyms, agents and date restrictions are read', () => {
  const dict = loadActorDictionary({ dir: join(PACKAGE_ROOT, 'test/fixtures/actors'), extra: [file] });
  const at = (p: string, d: string) => resolvePhrase(p, d, dict).actor?.code;
  assert.equal(at('Tomas Brenner', '2016-06-01'), 'XYZGOV');
  assert.equal(at('President Brenner', '2018-06-01'), 'XYZGOV');
  assert.equal(at('Tomas Brenner', '2021-06-01'), 'XYZELI');
  assert.equal(at('Mara Osten', '2005-03-01'), 'QATMIL');
  assert.equal(at('Mara Osten', '2015-03-01'), 'QATGOV');
  assert.equal(at('Council of Nine', '2015-03-01'), 'IGOCON');
  assert.equal(at('Russian harbour pilots', '2015-03-01'), 'RUSBUS');
});

test('a malformed PETRARCH line names its file and line', () => {
  assert.throws(() => importPetrarch('GOOD_ [ABC]\nBAD_ [ABC 2020-01-01]\n', 'x.txt'), (e: DictionaryError) => /x\.txt:2: bad date/.test(e.message));
  assert.throws(() => importPetrarch('+ORPHAN_\n', 'y.txt'), /y\.txt:1: synonym/);
});
