/**
 * Storage tests run on every database we support: PGlite always, PostgreSQL when
 * TRUCE_TEST_DATABASE_URL is set. Each test file gets its own database (a restored PGlite dump,
 * or a fresh PostgreSQL schema), emptied before each test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, inject, it } from 'vitest';
import { SEAL_LOCK } from '../src/store/audit.repository.ts';
import { type Database, openDatabase } from '../src/store/database.ts';

const POSTGRES_URL = process.env.TRUCE_TEST_DATABASE_URL;

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

const pglite: TestDatabase = {
  name: 'pglite',
  open: async () => {
    const dump = new Blob([readFileSync(inject('pgliteDump'))]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: dump });
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  open: async () => {
    const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = await openDatabase({ url: POSTGRES_URL!, migrate: false });
    await admin.query(`create schema ${schema}`);
    await admin.close();
    const db = await openDatabase({ url: POSTGRES_URL!, schema });
    const close = db.close.bind(db);
    return Object.assign(db, {
      close: async () => {
        await db.query(`drop schema ${schema} cascade`);
        await close();
      },
    });
  },
};

export const TEST_DATABASES: TestDatabase[] = POSTGRES_URL ? [pglite, postgres] : [pglite];

/** What emptyDatabase learns of a database once: its tables and sequences, as ready statements. */
interface Emptier {
  /** The tables holding rows, each with how many up to `MANY`. */
  rows: string;
  /** Every sequence back at its start. */
  restart: string;
}
const EMPTIERS = new WeakMap<Database, Emptier>();
/** A table with this many rows is truncated (deleting them would leave as many dead ones to every later test). */
const MANY = 500;

async function emptier(db: Database): Promise<Emptier> {
  const tables = await db.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables
      where schemaname = current_schema() and tablename <> 'schema_migrations'`,
  );
  const sequences = await db.query<{ name: string; start: string }>(
    `select quote_ident(sequencename) as name, start_value::text as start from pg_sequences where schemaname = current_schema()`,
  );
  return {
    rows: `select name, n::int as n from (${tables
      .map((t) => `(select '${t.name}' as name, (select count(*) from (select from ${t.name} limit ${MANY}) f) as n)`)
      .join(' union all ')}) t where n > 0`,
    restart: sequences.length
      ? `select ${sequences.map((q) => `setval('${q.name}', ${q.start}, false)`).join(', ')}`
      : '',
  };
}

/**
 * Every table the migrations create, but the migrations' own record, emptied, and every sequence
 * back at its start. A test fills a few of some ninety tables with a few rows: those rows are
 * deleted, with the foreign keys' and the audit trail's triggers off for the moment (as superuser),
 * in about a millisecond; truncating every table took about 100 ms before each of some thousand
 * tests. A table with many rows is truncated, with all that refer to it.
 */
export async function emptyDatabase(db: Database): Promise<void> {
  let known = EMPTIERS.get(db);
  if (!known) EMPTIERS.set(db, (known = await emptier(db)));
  const full = await db.query<{ name: string; n: number }>(known.rows);
  // A sealer of the test before may still be at work: its links committed after the chain was
  // emptied would be left behind, beside entries that start again at seq 1. Its lock waits for it.
  const sealed = `select pg_advisory_xact_lock(${SEAL_LOCK});`;
  if (full.some((t) => t.n >= MANY))
    await db.exec(`begin; ${sealed} truncate ${full.map((t) => t.name).join(', ')} cascade; commit;`);
  else if (full.length > 0)
    await db.exec(
      `begin; ${sealed} set local session_replication_role = replica; ${full.map((t) => `delete from ${t.name};`).join(' ')} commit;`,
    );
  if (known.restart) await db.query(known.restart);
}

/**
 * `describe` once per database. The body gets a function returning the open database; it is
 * emptied before each test.
 */
export function describeEachDatabase(title: string, body: (db: () => Database) => void): void {
  for (const target of TEST_DATABASES) {
    describe(`${title} [${target.name}]`, () => {
      let db: Database | undefined;
      beforeAll(async () => {
        db = await target.open();
      });
      afterAll(async () => {
        await db?.close();
      });
      beforeEach(async () => {
        await emptyDatabase(db!);
      });
      body(() => db!);
    });
  }
  if (!POSTGRES_URL) {
    describe.skip(`${title} [postgres]`, () => {
      it('is skipped: TRUCE_TEST_DATABASE_URL is not set (.ci/run sets it)', () => {});
    });
  }
}
