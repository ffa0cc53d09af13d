/**
 * One SQL surface over two engines: PGlite (embedded PostgreSQL in a data directory, the
 * default) and PostgreSQL (via `pg`). Repositories take a `Sql`, so the same queries run in or
 * out of a transaction and on either engine.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrate.ts';
import type { Database, Sql } from './sql.ts';

export type { Database, Sql };

export interface DatabaseOptions {
  /** postgres://... selects PostgreSQL; otherwise PGlite in `dataDir`. */
  url?: string | undefined;
  /** The PGlite data directory; `memory://` keeps it in memory. Default ./truce-data. */
  dataDir?: string | undefined;
  /** A PGlite data directory dump (from `dumpDataDir`) to start from. */
  loadDataDir?: Blob | File | undefined;
  /** PostgreSQL schema to work in (tests use one schema each). */
  schema?: string | undefined;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export const DEFAULT_DATA_DIR = './truce-data';

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url ? await openPostgres(options.url, options.schema) : await openPglite(options);
  if (options.migrate !== false) await migrate(db);
  return db;
}

/** Where the CLI and server find their database: a flag, then DATABASE_URL, then ./truce-data. */
export function databaseOptionsFrom(flags: { data?: string | undefined; 'database-url'?: string | undefined }, env = process.env): DatabaseOptions {
  const url = flags['database-url'] ?? (flags.data ? undefined : env.DATABASE_URL);
  return url ? { url } : { dataDir: flags.data ?? DEFAULT_DATA_DIR };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const lite = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) => (await q.query<R>(text, params as unknown[])).rows,
    exec: async (script) => {
      await q.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn, options) => lite.transaction(async (tx) => {
      if (options?.setup) await tx.exec(options.setup);
      return fn(wrap(tx));
    }),
    close: () => lite.close(),
    dumpDataDir: () => lite.dumpDataDir('gzip'),
  };
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 20,
    // No JIT: compiling a query's expressions took 400 ms to save a few on a 70 ms map query.
    // Random reads cost about what sequential ones do on SSDs and in the page cache (the default
    // of 4 models spinning disks); at 1.1 the planner reads the map's covering index, not the table.
    options: `-c jit=off -c random_page_cost=1.1${schema ? ` -c search_path=${schema}` : ''}`,
  });
  // An idle connection the server closes (a restart, pg_terminate_backend) is dropped from the
  // pool, and the next query opens another; without a listener the error would end the process.
  pool.on('error', () => undefined);
  const statements = new StatementNames();
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const name = params === undefined ? undefined : statements.nameOf(text);
      return (await q.query(name === undefined ? { text, values: params as unknown[] } : { name, text, values: params as unknown[] })).rows as R[];
    },
    exec: async (script) => {
      await q.query(script);
    },
  });
  // Fail now, with the server's own words, rather than at the first query.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        // One simple-protocol message carries several statements: one round trip, not two.
        await client.query(options?.setup ? `BEGIN; ${options.setup}` : 'BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Names for prepared statements. A query with parameters is prepared once per connection under
 * the name of its text and then only bound and executed: PostgreSQL skips parsing and, once it
 * settles on a generic plan, planning, which for the row-level-security queries costs more than
 * running them (pgbench: 2.5x the incident listings, 2x the report inserts per second). The
 * server re-plans by itself when a table or policy changes, or when the role reading differs.
 * Texts are few (the repositories build them from a handful of parts); past the cap a text runs
 * unnamed, so a query built with values in its text cannot fill every connection's memory.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(readonly cap = 2_000) {}

  nameOf(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < this.cap) {
      name = `truce_${this.#names.size}`;
      this.#names.set(text, name);
    }
    return name;
  }
}
