import type { Context } from 'hono';
import { problem } from './problem.js';

/** The request's JSON body: `content-type: application/json` (415 otherwise) and well-formed (400 otherwise). */
export const readJson = async (c: Context): Promise<unknown> => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw problem('unsupported-media-type', `send the body as JSON with content-type: application/json (got ${type ? `"${type}"` : 'none'})`);
  }
  const text = await c.req.text();
  if (!text.trim()) throw problem('invalid-body', 'the body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw problem('invalid-body', `the body is not valid JSON (${(e as Error).message})`);
  }
};

const invalid = (field: string, detail: string) => problem('invalid-body', `${field}: ${detail}`, { field });

/** A plain object, or a 400 naming the field. */
export const objectAt = (v: unknown, field: string): Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalid(field, 'must be a JSON object');
  return v as Record<string, unknown>;
};

/** An optional string field no longer than `max`. */
export const optionalString = (o: Record<string, unknown>, key: string, field: string, max = 2048): string | undefined => {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(`${field}.${key}`, 'must be a string');
  if (v.length > max) throw invalid(`${field}.${key}`, `is longer than ${max} characters`);
  return v;
};

/** A required, non-blank string field. */
export const requiredText = (o: Record<string, unknown>, key: string, field: string): string => {
  const v = o[key];
  if (typeof v !== 'string') throw invalid(`${field}.${key}`, v === undefined ? 'is required' : 'must be a string');
  if (!v.trim()) throw invalid(`${field}.${key}`, 'is empty');
  return v;
};

/** Fails on fields the schema does not name, so a misspelt field is an error, not silently ignored. */
export const onlyKeys = (o: Record<string, unknown>, keys: readonly string[], field: string): void => {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw invalid(`${field}.${k}`, `unknown field; expected ${keys.join(', ')}`);
};

/** An optional http(s) URL (anything else, such as javascript:, is refused). */
export const optionalUrl = (o: Record<string, unknown>, key: string, field: string): string | undefined => {
  const v = optionalString(o, key, field);
  if (v === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw invalid(`${field}.${key}`, `"${v.slice(0, 80)}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid(`${field}.${key}`, 'must be an http or https URL');
  return v;
};
