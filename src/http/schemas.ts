/** Schemas shared by the routes: errors, pagination, ids. They feed both validation and OpenAPI. */
import { z } from 'zod';
import { statementSchema } from './statement-schemas.ts';

export const errorSchema = z
  .object({
    code: z
      .string()
      .describe(
        'the kind of error: VALIDATION, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, CSRF, CONFLICT, RATE_LIMITED, UNAVAILABLE (503: the database is away, try again), DISK_FULL (507: nothing was written, reads work), ...',
      ),
    message: z.string().describe('what went wrong, in English'),
    statement: statementSchema.describe("the same, as a statement to render in the reader's language"),
    path: z.string().optional().describe('the field at fault'),
    problems: z
      .array(z.object({ path: z.string(), message: z.string(), statement: statementSchema.optional() }))
      .optional()
      .describe('every problem of a request that failed validation, field by field'),
  })
  .meta({ id: 'Error' });

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  503: errorSchema,
  507: errorSchema,
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
