/**
 * Sign-in attempts per account name (migration 006): one row per name, counted in one statement
 * so that concurrent attempts, in one process or several, cannot both slip under the limit.
 */
import type { Sql } from './sql.ts';

/**
 * Counts an attempt on `account` at `at`, in a window of `windowMs` that starts at the first
 * attempt after the previous window ended. Returns the attempts in the window, this one included,
 * capped at `max + 1` (an attempt over the limit is refused, and counting further would only
 * overflow), and when the window started.
 */
export async function record(
  sql: Sql,
  account: string,
  at: number,
  windowMs: number,
  max: number,
): Promise<{ attempts: number; since: number }> {
  const [row] = await sql.query<{ attempts: number; since: Date }>(
    `insert into sign_in_attempts as t (account, attempts, since) values ($1, 1, $2)
     on conflict (account) do update set
       attempts = case when t.since <= $2::timestamptz - $3::double precision * interval '1 millisecond' then 1 else least(t.attempts + 1, $4::int + 1) end,
       since = case when t.since <= $2::timestamptz - $3::double precision * interval '1 millisecond' then $2::timestamptz else t.since end
     returning attempts, since`,
    [account, new Date(at), windowMs, max],
  );
  return { attempts: row!.attempts, since: new Date(row!.since).getTime() };
}

/** After a successful sign-in: the name starts afresh. */
export async function removeFor(sql: Sql, account: string): Promise<void> {
  await sql.query('delete from sign_in_attempts where account = $1', [account]);
}

/** Windows that ended before `before`: they hold back nobody any more. */
export async function removeBefore(sql: Sql, before: number): Promise<void> {
  await sql.query('delete from sign_in_attempts where since < $1', [new Date(before)]);
}
