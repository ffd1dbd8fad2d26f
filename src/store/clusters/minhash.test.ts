import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, fmix32, isEmptySignature, minhash, shingleHashes, signatureBytes, signatureFromBytes, similarity, words } from './minhash.js';

const story =
  'Russia threatened Latvia with sanctions on Thursday, after the government in Riga closed two border crossings and expelled a Russian ' +
  'diplomat accused of spying. The Kremlin said the measures were hostile and warned that Moscow would respond in kind. Latvian officials ' +
  'met Polish officials in Warsaw to discuss the crisis, and the two governments said they would keep the border under close watch.';

test('words are lower-cased letters and digits; shingles are runs of words; a short text is one shingle', () => {
  assert.deepEqual(words('NATO’s 2 Allies, the U.S.'), ['nato', 's', '2', 'allies', 'the', 'u', 's']);
  assert.equal(shingleHashes('one two three four five', 4).size, 2);
  assert.equal(shingleHashes('one two', 4).size, 1);
  assert.equal(shingleHashes('', 4).size, 0);
});

test('fmix32 is a bijection on a sample: no two inputs collide', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 100_000; i++) seen.add(fmix32(i));
  assert.equal(seen.size, 100_000);
});

test('signatures estimate Jaccard similarity: a copy is 1, a lightly edited copy is high, another story is near 0', () => {
  const a = minhash(story);
  assert.equal(similarity(a, minhash(story)), 1);
  const edited = minhash(story.replace('hostile', 'openly hostile').replace('Thursday', 'Thursday evening') + ' Officials did not comment.');
  const s = similarity(a, edited);
  assert.ok(s > 0.6 && s < 1, String(s));
  const other = minhash('Kenya held talks with Turkey in Nairobi as the two governments sought to expand trade across the region, officials said on Monday.');
  assert.ok(similarity(a, other) < 0.1);
});

test('near-duplicates share at least one LSH band; the empty text has no signature to index', () => {
  const a = bandKeys(minhash(story));
  const b = bandKeys(minhash(story.replace('two border crossings', 'three border crossings')));
  assert.equal(a.length, 32);
  assert.ok(a.some((k, i) => k === b[i]));
  assert.ok(a.every((k, i) => Math.floor(k / 2 ** 32) === i && Number.isSafeInteger(k)), 'the band number is in the high bits');
  assert.equal(isEmptySignature(minhash('')), true);
});

test('a signature survives its BLOB form', () => {
  const sig = minhash(story);
  const bytes = signatureBytes(sig);
  assert.equal(bytes.length, 512);
  assert.deepEqual(signatureFromBytes(bytes), sig);
});
