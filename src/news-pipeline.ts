import { findMentions, linkMentions, loadActorDictionary, resolveActors, type ActorDictionary } from './actors/index.js';
import { clauseFinderNamed, codeEvents, DEFAULT_CLAUSE_FINDER, loadVerbDictionary, type ClauseFinder, type VerbDictionary } from './coding/index.js';
import { detectLanguageStage, findDates, readDateline, tokenize } from './nlp/index.js';
import { createPipeline, type Pipeline } from './pipeline/index.js';
import { loadGazetteer, type Gazetteer } from './geo/index.js';

export type NewsPipelineOptions = {
  /** User actor dictionaries layered over the built-in ones. */
  actorFiles?: string[];
  /** User verb-pattern files added to the built-in ones. */
  verbFiles?: string[];
  /** The clause finder by name: 'pos' (part-of-speech tags, the default) or 'parser' (dyad's dependency parser). */
  clauses?: string;
  /** A clause finder object; wins over `clauses`. */
  clauseFinder?: ClauseFinder;
};

export type NewsPipeline = Pipeline & { actors: ActorDictionary; verbs: VerbDictionary; gazetteer: Gazetteer; clauseFinder: ClauseFinder };

/** The full pipeline from raw article text to coded events, built once and frozen. */
export const createNewsPipeline = ({ actorFiles = [], verbFiles = [], clauses, clauseFinder }: NewsPipelineOptions = {}): NewsPipeline => {
  const finder = clauseFinder ?? clauseFinderNamed(clauses ?? DEFAULT_CLAUSE_FINDER);
  const actors = loadActorDictionary({ extra: actorFiles });
  const verbs = loadVerbDictionary({ extra: verbFiles });
  const gazetteer = loadGazetteer();
  const pipeline = createPipeline([
    detectLanguageStage,
    readDateline,
    tokenize,
    findDates,
    findMentions(actors, gazetteer),
    resolveActors,
    linkMentions,
    codeEvents({ dictionary: verbs, clauseFinder: finder, gazetteer }),
  ]);
  return Object.freeze({ ...pipeline, actors, verbs, gazetteer, clauseFinder: finder });
};
