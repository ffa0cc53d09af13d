/**
 * A reference to something that does not exist, named by the field that made it. The database
 * checks references (foreign keys) as it writes; this turns its complaint about a constraint
 * into a validation error on the request's field, so the check costs no extra query.
 */
import { AppError, invalid } from '../errors.ts';

/** `paths` maps a constraint name to the field at fault and what it should name. */
export function foreignKeyError(
  error: unknown,
  paths: Record<string, { path: string; what: string; id: string | null }>,
): unknown {
  const e = error as { code?: unknown; constraint?: unknown };
  if (error instanceof AppError || e.code !== '23503' || typeof e.constraint !== 'string') return error;
  const at = paths[e.constraint];
  return at ? invalid(at.path, `unknown ${at.what} "${at.id ?? ''}"`) : error;
}
