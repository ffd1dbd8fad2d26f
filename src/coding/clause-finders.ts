import type { ClauseFinder } from './clause.js';
import { parserClauseFinder } from './find-clauses-parser.js';
import { posClauseFinder } from './find-clauses-pos.js';

/** The clause finders one can choose by name (`--clauses`, `clauses:` in dyad.config.yml, $DYAD_CLAUSES). */
export const CLAUSE_FINDERS = { pos: posClauseFinder, parser: parserClauseFinder } as const;
export type ClauseFinderName = keyof typeof CLAUSE_FINDERS;
export const DEFAULT_CLAUSE_FINDER: ClauseFinderName = 'pos';

/** The finder of that name; throws on an unknown one, listing the choices. */
export const clauseFinderNamed = (name: string): ClauseFinder => {
  const finder = (CLAUSE_FINDERS as Record<string, ClauseFinder>)[name];
  if (!finder) throw new Error(`unknown clause finder "${name}": use ${Object.keys(CLAUSE_FINDERS).join(' or ')}`);
  return finder;
};
