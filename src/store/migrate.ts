/**
 * Numbered, forward-only SQL migrations (`migrations/NNN_name.sql`), each applied once in its
 * own transaction. An advisory lock keeps two processes starting together from racing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './sql.ts';

// From the bundle too (dist/server/, two folders below the root as this file is: decision 029).
const DIR = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
const LOCK_KEY = 7_416_017; // any constant: "truce migrations"

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(DIR + f, 'utf8') }));
}

/** Applies the migrations not yet applied; returns their versions. */
export async function migrate(db: Database): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  const applied: number[] = [];
  for (const m of listMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (seen.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
