/**
 * Reading as someone: every query a request makes runs in a transaction as the database role
 * truce_reader, with the reader's organization and clearance in transaction settings. The
 * row-level security policies of migration 002 then hide what the reader may not see, on every
 * path (get, list, search, counts, exports), whether or not the code above remembered to check.
 */
import { CLEARANCES, type Clearance } from '../contract/access.ts';
import type { Database, Sql } from './sql.ts';

export interface Reader {
  /** Null for an anonymous reader. */
  userId: string | null;
  orgId: string | null;
  clearance: Clearance;
}

export const ANONYMOUS: Reader = { userId: null, orgId: null, clearance: 'public' };

export async function asReader<T>(db: Database, reader: Reader, fn: (sql: Sql) => Promise<T>): Promise<T> {
  // The settings travel with BEGIN (one round trip fewer on every read), so as literals. One
  // snapshot for every statement of the read: a page and its count, or a map's counts and its
  // points, agree even while others write.
  const setup =
    'set transaction isolation level repeatable read; ' +
    `select set_config('truce.org', ${literal(reader.orgId ?? '')}, true), ` +
    `set_config('truce.clearance', ${literal(CLEARANCES.includes(reader.clearance) ? reader.clearance : 'public')}, true), ` +
    `set_config('role', 'truce_reader', true)`;
  return db.transaction(fn, { setup });
}

/** A string as an SQL literal: an escape string, read the same whatever standard_conforming_strings says. */
export function literal(text: string): string {
  if (text.includes('\0')) throw new Error('an SQL literal cannot hold NUL');
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
