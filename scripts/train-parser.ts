/**
 * Trains dyad's UPOS tagger and dependency parser on a UD treebank and writes the binary model.
 *   node dist/scripts/train-parser.js --treebank DIR [--epochs 15] [--tagger-epochs 10] [--folds 10]
 *     [--out models/parser-ewt.bin] [--bits 8|16] [--explore-from 2] [--explore-p 0.9] [--limit N]
 * DIR must hold one *-train.conllu and one *-dev.conllu. The tagger keeps its best epoch on dev; the parser
 * is trained on jackknifed (predicted) tags and keeps its best epoch by dev LAS with predicted tags.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu, treebankFile, type ConlluSentence } from '../src/nlp/parser/conllu.js';
import { saveModel } from '../src/nlp/parser/model-io.js';
import { trainParser, type ParseSentence } from '../src/nlp/parser/parser.js';
import { trainTagger, type TaggedSentence } from '../src/nlp/parser/tagger.js';
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
const out = resolve(arg('--out', join(PACKAGE_ROOT, 'models', 'parser-ewt.bin'))!);
const limit = Number(arg('--limit', '0'));

const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0) + 's';
const log = (line: string) => console.log(`[${secs()}] ${line}`);
const read = (split: string): ConlluSentence[] => readConllu(readFileSync(treebankFile(treebank, split), 'utf8'));
let trainSet = read('train');
if (limit > 0) trainSet = trainSet.slice(0, limit);
const devSet = read('dev');
log(`read ${trainSet.length} training and ${devSet.length} dev sentences`);

const tagged = (s: ConlluSentence): TaggedSentence => ({ words: s.words.map((w) => w.form), tags: s.words.map((w) => w.upos) });
const taggerTrain = trainSet.map(tagged);
const taggerDev = devSet.map(tagged);
const tg = trainTagger(taggerTrain, { epochs: taggerEpochs, dev: taggerDev, log });
log(`tagger: best epoch ${tg.epoch}, dev UPOS ${tg.devAccuracy.toFixed(4)}`);

// jackknifing: tag each fold of the training data with a tagger trained on the other folds, so the parser
// learns from tags as noisy as those it will see
const predicted: string[][] = new Array(trainSet.length);
for (let f = 0; f < folds; f++) {
  const rest = taggerTrain.filter((_, i) => i % folds !== f);
  const { tagger } = trainTagger(rest, { epochs: tg.epoch, seed: f + 11 });
  let right = 0;
  let all = 0;
  taggerTrain.forEach((s, i) => {
    if (i % folds !== f) return;
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
const pr = trainParser(parserTrain, { epochs, dev: parserDev, bits, log, ...explore });
log(`parser: best epoch ${pr.epoch}, dev UAS ${pr.dev!.uas.toFixed(4)} LAS ${pr.dev!.las.toFixed(4)}`);

const bytes = saveModel(out, tg.tagger, pr.parser, {
  treebank: 'UD English EWT (CC BY-SA 4.0)',
  trainSentences: trainSet.length,
  taggerEpoch: tg.epoch,
  taggerDevUpos: Number(tg.devAccuracy.toFixed(4)),
  parserEpoch: pr.epoch,
  parserDevUas: Number(pr.dev!.uas.toFixed(4)),
  parserDevLas: Number(pr.dev!.las.toFixed(4)),
  folds,
  bits,
  ...explore,
});
log(`wrote ${out} (${(bytes / 1e6).toFixed(2)} MB; tagger ${tg.tagger.model.rows} features, parser ${pr.parser.model.rows} features)`);
