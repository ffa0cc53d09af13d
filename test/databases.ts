/**
 * Storage tests run on every database we support: PGlite always, PostgreSQL when
 * TRUCE_TEST_DATABASE_URL is set. Each test file gets its own database (a restored PGlite dump,
 * or a fresh PostgreSQL schema), emptied before each test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, inject, it } from 'vitest';
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

/** Every table the migrations create, but the migrations' own record. */
export async function emptyDatabase(db: Database): Promise<void> {
  const tables = await db.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations'`,
  );
  await db.exec(`truncate ${tables.map((t) => t.tablename).join(', ')} restart identity cascade`);
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
