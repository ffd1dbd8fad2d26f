import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

/** A data file's problem, with the file and (where known) the line. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'DictionaryError';
  }
}

/** Parses a YAML or JSON data file (YAML core schema: dates stay strings); a syntax error names the file and line. */
export const readYaml = (file: string): { data: unknown; text: string } => {
  const text = readFileSync(file, 'utf8');
  try {
    return { data: file.endsWith('.json') ? JSON.parse(text) : yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA }), text };
  } catch (e) {
    const err = e as { mark?: { line: number }; message: string };
    throw new DictionaryError(file, err.mark ? err.mark.line + 1 : undefined, err.message.split('\n')[0]);
  }
};

/** The 1-based line where `needle` first stands in a file's text, to point at a bad entry. */
export const lineOf = (text: string, needle: string): number | undefined => {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
};
