/**
 * Reading as someone: every query a request makes runs in a transaction as the database role
 * truce_reader, with the reader's organization and clearance in transaction settings. The
 * row-level security policies of migration 002 then hide what the reader may not see, on every
 * path (get, list, search, counts, exports), whether or not the code above remembered to check.
 */
import type { Database, Sql } from './sql.ts';

export const CLEARANCES = ['public', 'task_force', 'co_chairs'] as const;
export type Clearance = (typeof CLEARANCES)[number];

export const CLASSIFICATIONS = ['public', 'task_force', 'co_chairs', 'org'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface Reader {
  /** Null for an anonymous reader. */
  userId: string | null;
  orgId: string | null;
  clearance: Clearance;
}

export const ANONYMOUS: Reader = { userId: null, orgId: null, clearance: 'public' };

export async function asReader<T>(db: Database, reader: Reader, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(
      `select set_config('truce.org', $1, true), set_config('truce.clearance', $2, true), set_config('role', 'truce_reader', true)`,
      [reader.orgId ?? '', reader.clearance],
    );
    return fn(tx);
  });
}
