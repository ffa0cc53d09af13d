/**
 * Reading as someone inside a transaction the system holds. A write first looks up what it
 * changes as the caller (row-level security hides what the caller may not see, so it cannot
 * change it either), then acts as the system: judging findings needs the whole world.
 */
import type { Reader } from './reader.ts';
import type { Sql } from './sql.ts';

export async function readWithin<T>(tx: Sql, reader: Reader, fn: (sql: Sql) => Promise<T>): Promise<T> {
  await tx.query(
    `select set_config('truce.org', $1, true), set_config('truce.clearance', $2, true), set_config('role', 'truce_reader', true)`,
    [reader.orgId ?? '', reader.clearance],
  );
  // No finally: when fn fails, the transaction is rolled back and the settings with it.
  const result = await fn(tx);
  await tx.query(
    `select set_config('role', 'none', true), set_config('truce.org', '', true), set_config('truce.clearance', '', true)`,
  );
  return result;
}
