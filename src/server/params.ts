import type { Context } from 'hono';
import { problem } from './problem.js';

/**
 * A query parameter as data: how it reads and checks its value, and how the OpenAPI description shows it.
 * Routes declare theirs in one object, `readQuery` reads them all and refuses unknown ones, and openapi.ts
 * describes them from the same objects, so the description can't drift from what the server accepts.
 */
export type Param<T> = {
  description: string;
  required: boolean;
  /** OpenAPI schema of one value (a list's items for `list`). */
  schema: Record<string, unknown>;
  /** Takes several values: repeated (`?actor=RUS&actor=UKR`) or comma-separated (`?actor=RUS,UKR`). */
  list?: true;
  parse: (values: string[], name: string) => T;
};

export type ParamSpecs = Record<string, Param<unknown>>;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

const invalid = (name: string, detail: string) => problem('invalid-parameter', `${name}: ${detail}`, { parameter: name });

const single = (values: string[], name: string): string | undefined => {
  if (values.length > 1) throw invalid(name, 'give it once');
  const v = values[0]?.trim();
  return v === '' ? undefined : v;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (v: string): boolean => {
  if (!ISO_DAY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** A calendar day, YYYY-MM-DD. */
export const dateParam = (description: string): Param<string | undefined> => ({
  description,
  required: false,
  schema: { type: 'string', format: 'date', example: '2022-01-21' },
  parse: (values, name) => {
    const v = single(values, name);
    if (v !== undefined && !isDay(v)) throw invalid(name, `"${v}" is not a date (YYYY-MM-DD)`);
    return v;
  },
});

/** A whole number in [min, max], with a default. */
export const intParam = (description: string, { min, max, fallback }: { min: number; max: number; fallback: number }): Param<number> => ({
  description,
  required: false,
  schema: { type: 'integer', minimum: min, maximum: max, default: fallback },
  parse: (values, name) => {
    const v = single(values, name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) throw invalid(name, `"${v}" is not a whole number`);
    const n = Number(v);
    if (n < min || n > max) throw invalid(name, `${n} is out of range (${min} to ${max})`);
    return n;
  },
});

/** A number in [min, max]; absent when not given unless there is a fallback. */
export const numberParam = (description: string, { min, max, fallback }: { min: number; max: number; fallback?: number }): Param<number | undefined> => ({
  description,
  required: false,
  schema: { type: 'number', minimum: min, maximum: max, ...(fallback !== undefined ? { default: fallback } : {}) },
  parse: (values, name) => {
    const v = single(values, name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) throw invalid(name, `"${v}" is not a number`);
    if (n < min || n > max) throw invalid(name, `${n} is out of range (${min} to ${max})`);
    return n;
  },
});

/** One of a few words. */
export const enumParam = <V extends string>(description: string, values: readonly V[], fallback: V): Param<V> => ({
  description,
  required: false,
  schema: { type: 'string', enum: [...values], default: fallback },
  parse: (vs, name) => {
    const v = single(vs, name);
    if (v === undefined) return fallback;
    if (!(values as readonly string[]).includes(v)) throw invalid(name, `"${v}" is not one of ${values.join(', ')}`);
    return v as V;
  },
});

/** true / false (also 1 / 0; present without a value is true). */
export const flagParam = (description: string): Param<boolean | undefined> => ({
  description,
  required: false,
  schema: { type: 'boolean' },
  parse: (values, name) => {
    if (values.length > 1) throw invalid(name, 'give it once');
    if (!values.length) return undefined;
    const v = values[0].trim().toLowerCase();
    if (v === '' || v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw invalid(name, `"${values[0]}" is not true or false`);
  },
});

/** Several values matching a pattern (codes, names), repeated or comma-separated; absent when none. */
export const listParam = (description: string, pattern: RegExp, example: string): Param<string[] | undefined> => ({
  description,
  required: false,
  list: true,
  schema: { type: 'string', pattern: pattern.source, example },
  parse: (values, name) => {
    const all = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    for (const v of all) if (!pattern.test(v)) throw invalid(name, `"${v}" is not a valid value (${pattern.source})`);
    return all.length ? all : undefined;
  },
});

/** One string matching a pattern. */
export function textParam(description: string, pattern: RegExp, example: string, required: true): Param<string>;
export function textParam(description: string, pattern: RegExp, example: string, required?: false): Param<string | undefined>;
export function textParam(description: string, pattern: RegExp, example: string, required = false): Param<string | undefined> {
  return {
    description,
    required,
    schema: { type: 'string', pattern: pattern.source, example },
    parse: (values, name) => {
      const v = single(values, name);
      if (v === undefined) {
        if (required) throw invalid(name, 'is required');
        return undefined;
      }
      if (!pattern.test(v)) throw invalid(name, `"${v}" is not a valid value (${pattern.source})`);
      return v;
    },
  };
}

/** Reads the query string against the route's parameters: unknown names, repeats and bad values are 400s. */
export const readQuery = <S extends ParamSpecs>(c: Context, specs: S): ParamValues<S> => {
  const all = c.req.queries();
  for (const name of Object.keys(all)) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      throw invalid(name, `unknown parameter; this route takes ${known.length ? known.join(', ') : 'none'}`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.parse(all[name] ?? [], name);
  return out as ParamValues<S>;
};

/** Actor codes: CAMEO codes are upper-case letters in groups of three (RUS, RUSGOV, IGOUNO). */
export const ACTOR_CODE = /^[A-Za-z]{3,15}$/;
/** CAMEO event codes (digits, 2 to 4) or PLOVER types (letters). */
export const EVENT_CODE = /^(\d{2,4}|[A-Za-z_]{3,30})$/;
export const MODALITIES = ['asserted', 'intent', 'refused', 'negated', 'hypothetical', 'question', 'denied'] as const;
