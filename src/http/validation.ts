/** Request validation with our own Zod messages (`is required`, `must be between -90 and 90`). */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { formatPath, type Problem, zodProblems } from '../scenario/validate.ts';
import { RequestValidationError } from './errors.ts';

/** Deeper than any body the API takes (a GeoJSON MultiPolygon is 4 levels inside its field). */
export const MAX_DEPTH = 32;

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const prefix = httpPart === 'body' ? [] : [httpPart ?? 'request'];
    const hostile = hostileInput(data, prefix);
    if (hostile) return { error: new RequestValidationError(httpPart ?? 'body', [hostile]) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', zodProblems(result.error, prefix)) };
  };

/**
 * What no schema can say and the database cannot store, found before the schema runs: a NUL
 * character (PostgreSQL refuses it in text and jsonb: a 500 if it got that far), a lone UTF-16
 * surrogate (it would be stored as U+FFFD: the text changed without a word), in any string or
 * key of a body, a path parameter or a query string; and nesting deeper than MAX_DEPTH (the
 * serializers recurse). The walk is iterative so that hostile nesting cannot exhaust the stack.
 */
export function hostileInput(data: unknown, prefix: readonly PropertyKey[] = []): Problem | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [...prefix] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = badText(value);
      if (bad) return { path: formatPath(path), message: `must not contain ${bad}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length - prefix.length >= MAX_DEPTH)
      return { path: formatPath(path), message: `is nested too deeply (more than ${MAX_DEPTH} levels)` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]!;
      const bad = badText(key);
      if (bad) return { path: formatPath(path), message: `has a field name with ${bad}` };
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(text: string): string | null {
  if (text.includes('\0')) return 'a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not valid Unicode)';
  return null;
}
