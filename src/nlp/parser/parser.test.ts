import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArcHybridState, GoldTree, LEFT, RIGHT, SHIFT, isProjective, projectivize, transitionCosts } from './arc-hybrid.js';
import { readConllu, writeConllu } from './conllu.js';
import { DEFAULT_PARSER_MODEL, loadParser } from './index.js';
import { loadModel, saveModel } from './model-io.js';
import { trainParser, type ParseSentence } from './parser.js';
import { ClusterTable } from './clusters.js';
import { fnv1a } from './hash.js';
import { normalizeForm, trainTagger } from './tagger.js';

// Hand-written sentences (ours, not from any treebank), annotated in the UD English style.
const SNIPPET = `# sent_id = t1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = t2
# text = Russian troops shelled the city.
1	Russian	Russian	ADJ	JJ	_	2	amod	_	_
2	troops	troop	NOUN	NNS	_	3	nsubj	_	_
3	shelled	shell	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	city	city	NOUN	NN	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t3
# text = The president met the envoy on Monday.
1	The	the	DET	DT	_	2	det	_	_
2	president	president	NOUN	NN	_	3	nsubj	_	_
3	met	meet	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	envoy	envoy	NOUN	NN	_	3	obj	_	_
6	on	on	ADP	IN	_	7	case	_	_
7	Monday	Monday	PROPN	NNP	_	3	obl	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t4
# text = Protesters gathered in the capital and police arrested two men.
1	Protesters	protester	NOUN	NNS	_	2	nsubj	_	_
2	gathered	gather	VERB	VBD	_	0	root	_	_
3	in	in	ADP	IN	_	5	case	_	_
4	the	the	DET	DT	_	5	det	_	_
5	capital	capital	NOUN	NN	_	2	obl	_	_
6	and	and	CCONJ	CC	_	8	cc	_	_
7	police	police	NOUN	NNS	_	8	nsubj	_	_
8	arrested	arrest	VERB	VBD	_	2	conj	_	_
9	two	two	NUM	CD	_	10	nummod	_	_
10	men	man	NOUN	NNS	_	8	obj	_	SpaceAfter=No
11	.	.	PUNCT	.	_	2	punct	_	_
`;

const sentences = readConllu(SNIPPET);
const asParse = (i: number): ParseSentence => {
  const s = sentences[i];
  return { words: s.words.map((w) => w.form), tags: s.words.map((w) => w.upos), head: s.words.map((w) => w.head), deprel: s.words.map((w) => w.deprel) };
};

test('readConllu keeps syntactic words only and writeConllu gives them back', () => {
  assert.equal(sentences.length, 4);
  const first = sentences[0];
  assert.deepEqual(first.comments, ['sent_id = t1', "text = I don't know."]);
  assert.deepEqual(
    first.words.map((w) => w.form),
    ['I', 'do', "n't", 'know', '.'],
  );
  assert.deepEqual(
    first.words.map((w) => [w.id, w.upos, w.head, w.deprel]),
    [
      [1, 'PRON', 4, 'nsubj'],
      [2, 'AUX', 4, 'aux'],
      [3, 'PART', 4, 'advmod'],
      [4, 'VERB', 0, 'root'],
      [5, 'PUNCT', 4, 'punct'],
    ],
  );
  assert.equal(first.words[3].misc, 'SpaceAfter=No');
  assert.deepEqual(readConllu(writeConllu(sentences)), sentences);
});

test('following zero-cost transitions rebuilds a projective gold tree exactly', () => {
  for (const s of sentences) {
    const head = Int32Array.from([-1, ...s.words.map((w) => w.head)]);
    assert.ok(isProjective(head));
    const gold = new GoldTree(head);
    const state = new ArcHybridState();
    const cost = new Float64Array(3);
    state.reset(s.words.length);
    let steps = 0;
    while (!state.terminal()) {
      transitionCosts(state, gold, cost);
      const t = [LEFT, RIGHT, SHIFT].find((c) => cost[c] === 0);
      assert.ok(t !== undefined, 'a zero-cost transition exists');
      state.apply(t, 0);
      steps++;
    }
    assert.equal(steps, 2 * s.words.length);
    assert.deepEqual(Array.from(state.head.subarray(1, s.words.length + 1)), Array.from(head.subarray(1)));
  }
});

test('projectivize lifts a crossing arc', () => {
  // 4 → 2 spans word 3, which hangs from 1, not from 4: the arc is lifted to 4's head, 1
  const head = Int32Array.from([-1, 0, 4, 1, 1]);
  assert.equal(isProjective(head), false);
  const p = projectivize(head);
  assert.ok(isProjective(p));
  assert.deepEqual(Array.from(p), [-1, 0, 1, 1, 1]);
});

/** A hand-made cluster table: a few words in two coarse clusters of two fine clusters each. */
const tinyClusters = (): ClusterTable => {
  const byWord: [string, number][] = [['troops', 0], ['police', 0], ['protesters', 1], ['shelled', 2], ['arrested', 2], ['met', 3], ['city', 1], ['capital', 1]];
  const rows = byWord.map(([w, c]) => [fnv1a(normalizeForm(w)) >>> 0, c]).sort((a, b) => a[0] - b[0]);
  return new ClusterTable(Uint32Array.from(rows, (r) => r[0]), Uint16Array.from(rows, (r) => r[1]), 2);
};

test('a cluster table finds its words and nothing else', () => {
  const t = tinyClusters();
  assert.equal(t.lookup(fnv1a('troops')), 1);
  assert.equal(t.lookup(fnv1a('met')), 4);
  assert.equal(t.lookup(fnv1a('unheard-of')), 0);
});

test('a tiny model trained on a few sentences parses one of them right, and survives saving', () => {
  const train = sentences.map((_, i) => asParse(i));
  const clusters = tinyClusters();
  const { tagger } = trainTagger(
    train.map((s) => ({ words: s.words, tags: s.tags })),
    { epochs: 10, clusters, tagDict: { minCount: 1, minShare: 0.1 } },
  );
  assert.ok(tagger.dict && tagger.dict.size > 0, 'the tagger has a tag dictionary');
  const { parser } = trainParser(train, { epochs: 15, exploreFrom: 100, clusters });
  const s = asParse(2);
  const p = parser.parse(s.words, s.tags);
  assert.deepEqual(p.head, s.head);
  assert.deepEqual(p.deprel, s.deprel);
  assert.deepEqual(tagger.tag(s.words), s.tags);

  const dir = mkdtempSync(join(tmpdir(), 'dyad-parser-'));
  try {
    const path = join(dir, 'tiny.bin');
    saveModel(path, tagger, parser, { note: 'test' });
    const loaded = loadModel(path);
    assert.deepEqual(loaded.meta, { note: 'test' });
    assert.equal(loaded.parser.clusters?.size, clusters.size);
    assert.equal(loaded.tagger.dict?.size, tagger.dict!.size);
    for (const t of train) {
      assert.deepEqual(loaded.tagger.tag(t.words), tagger.tag(t.words));
      assert.deepEqual(loaded.parser.parse(t.words, t.tags), parser.parse(t.words, t.tags));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped model finds subject and object in a new sentence', () => {
  assert.ok(existsSync(DEFAULT_PARSER_MODEL), `${DEFAULT_PARSER_MODEL} is shipped`);
  const t0 = performance.now();
  const p = loadParser();
  assert.ok(performance.now() - t0 < 3000, 'loads quickly');
  const words = ['Russian', 'troops', 'shelled', 'the', 'city', 'on', 'Monday', '.'];
  const tags = p.tag(words);
  assert.deepEqual(tags.slice(0, 5), ['ADJ', 'NOUN', 'VERB', 'DET', 'NOUN']);
  const { head, deprel } = p.parse(words, tags);
  assert.equal(head.length, words.length);
  assert.equal(head[2], 0, 'shelled is the root');
  assert.equal(deprel[2], 'root');
  assert.equal(head[1], 3, 'troops depends on shelled');
  assert.equal(deprel[1], 'nsubj');
  assert.equal(head[4], 3, 'city depends on shelled');
  assert.equal(deprel[4], 'obj');
  assert.equal(head.filter((h) => h === 0).length, 1, 'one root');
});
