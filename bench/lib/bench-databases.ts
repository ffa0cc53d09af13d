/**
 * The databases a benchmark writes to: PGlite in a fresh data directory under the system's temp
 * folder, and PostgreSQL in a fresh schema of the server named by TRUCE_BENCH_DATABASE_URL (or
 * DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test), when it answers. Each also loads a
 * CSV file into a bare table with COPY, the fastest way the engine has to take rows in.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../../src/store/database.ts';
import type { Database } from '../../src/store/sql.ts';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface Fresh {
  db: Database;
  dispose(): Promise<void>;
}

export interface BenchTarget {
  name: 'pglite' | 'postgres';
  /** Where it runs, for the notes. */
  where: string;
  /** A new, migrated, empty database. */
  fresh(): Promise<Fresh>;
  /** COPY of a CSV file with a header into a new table of text columns; returns the ms it took. */
  copyCsv(file: string, columns: readonly string[]): Promise<number>;
}

export function benchDatabaseUrl(env = process.env): string {
  return env.TRUCE_BENCH_DATABASE_URL ?? env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
}

const bareTable = (name: string, columns: readonly string[]) =>
  `create table ${name} (${columns.map((c) => `"${c.replace(/"/g, '""')}" text`).join(', ')})`;

export const pgliteTarget: BenchTarget = {
  name: 'pglite',
  where: `PGlite, a fresh data directory under ${tmpdir()}`,
  fresh: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-bench-'));
    const db = await openDatabase({ dataDir: dir });
    return {
      db,
      dispose: async () => {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
  copyCsv: async (file, columns) => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-bench-'));
    const lite = await PGlite.create(dir);
    try {
      await lite.exec(bareTable('floor', columns));
      const start = performance.now();
      const blob = new Blob([await readFile(file)]);
      await lite.query(`copy floor from '/dev/blob' with (format csv, header true)`, [], { blob });
      return performance.now() - start;
    } finally {
      await lite.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** A database's address for a note: without its user and password. */
export const shownUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//…@');

/** The PostgreSQL target, or the reason it cannot be used. */
export async function postgresTarget(url = benchDatabaseUrl()): Promise<BenchTarget | { skipped: string }> {
  const shown = shownUrl(url);
  try {
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    await probe.connect();
    await probe.end();
  } catch (e) {
    return {
      skipped: `PostgreSQL skipped: ${shown} did not answer (${(e as Error).message}); set TRUCE_BENCH_DATABASE_URL`,
    };
  }
  const schema = () => `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    where: `PostgreSQL at ${shown}, a fresh schema`,
    fresh: async () => {
      const name = schema();
      await admin((c) => c.query(`create schema ${name}`));
      const db = await openDatabase({ url, schema: name });
      return {
        db,
        dispose: async () => {
          await db.close();
          await admin((c) => c.query(`drop schema ${name} cascade`));
        },
      };
    },
    copyCsv: async (file, columns) => {
      const name = schema();
      return admin(async (c) => {
        await c.query(`create schema ${name}`);
        try {
          await c.query(bareTable(`${name}.floor`, columns));
          const start = performance.now();
          await pipeline(
            createReadStream(file),
            c.query(copyFrom(`copy ${name}.floor from stdin with (format csv, header true)`)),
          );
          return performance.now() - start;
        } finally {
          await c.query(`drop schema ${name} cascade`);
        }
      });
    },
  };
}
