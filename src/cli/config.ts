import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readYaml } from '../actors/read-yaml.js';

/** Settings read from a config file: `--config FILE`, else $DYAD_CONFIG, else ./dyad.config.yml (or .json). */
export type DyadConfig = { actors?: string[]; verbs?: string[]; db?: string; token?: string; clauses?: string };

export const loadConfig = (explicit?: string): DyadConfig => {
  const file = explicit ?? process.env.DYAD_CONFIG ?? ['dyad.config.yml', 'dyad.config.yaml', 'dyad.config.json'].find((f) => existsSync(f));
  if (!file) return {};
  if (!existsSync(file)) throw new Error(`config file ${file} not found`);
  const data = (readYaml(file).data ?? {}) as Record<string, unknown>;
  const base = dirname(resolve(file));
  const paths = (v: unknown) => (Array.isArray(v) ? v : v == null ? [] : [v]).map((p) => resolve(base, String(p)));
  return {
    ...(data.actors != null ? { actors: paths(data.actors) } : {}),
    ...(data.verbs != null ? { verbs: paths(data.verbs) } : {}),
    ...(data.db != null ? { db: resolve(base, String(data.db)) } : {}),
    ...(data.token != null ? { token: String(data.token) } : {}),
    ...(data.clauses != null ? { clauses: String(data.clauses) } : {}),
  };
};

/**
 * Dictionary files from the config file first, then those given on the command line (layered last); the
 * clause finder from --clauses, else $DYAD_CLAUSES, else the config file's `clauses:` (else the default, pos).
 */
export const withConfig = <T extends { actors?: string[]; verbs?: string[]; config?: string; clauses?: string }>(opts: T): T => {
  const cfg = loadConfig(opts.config);
  const clauses = opts.clauses ?? (process.env.DYAD_CLAUSES || cfg.clauses);
  return { ...opts, actors: [...(cfg.actors ?? []), ...(opts.actors ?? [])], verbs: [...(cfg.verbs ?? []), ...(opts.verbs ?? [])], ...(clauses ? { clauses } : {}) };
};
