/** Schemas shared by the routes: errors, pagination, ids. They feed both validation and OpenAPI. */
import { z } from 'zod';

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}).meta({ id: 'Error' });

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema,
} as const;

export const idParams = z.object({ id: z.string().min(1).max(200) });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500').default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

/** An opaque cursor: the sort key and id of the last item of a page. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) return values as (string | number | null)[];
  } catch {
    // fall through
  }
  return null;
}
