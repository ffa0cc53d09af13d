/**
 * One SQL surface over two engines: PGlite (embedded PostgreSQL in a data directory, the
 * default) and PostgreSQL (via `pg`). Repositories take a `Sql`, so the same queries run in or
 * out of a transaction and on either engine.
 */
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { openEmbedded } from './embedded-database.ts';
import { migrate } from './migrate.ts';
import type { Database, QueryOptions, Sql } from './sql.ts';

export type { Database, Sql };
export { DataDirLockedError } from './data-dir-lock.ts';

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
  /**
   * PostgreSQL: prepare each statement once per connection (default true). Off behind a pooler
   * that cannot keep them, such as PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
}

export const DEFAULT_DATA_DIR = './truce-data';

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url
    ? await openPostgres(options.url, options.schema, options.preparedStatements ?? true)
    : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (e) {
      await db.close().catch(() => undefined); // and with it the data directory's lock
      throw e;
    }
  }
  return db;
}

/** Where the CLI and server find their database: a flag, then DATABASE_URL, then ./truce-data. */
export function databaseOptionsFrom(
  flags: { data?: string | undefined; 'database-url'?: string | undefined },
  env = process.env,
): DatabaseOptions {
  const url = flags['database-url'] ?? (flags.data ? undefined : env.DATABASE_URL);
  return url
    ? { url, preparedStatements: env.TRUCE_PG_PREPARED !== 'off' }
    : { dataDir: flags.data ?? DEFAULT_DATA_DIR };
}

/** PGlite, kept alive through a full disk (embedded-database.ts). */
async function openPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  // A data directory is open in one process at a time (data-dir-lock.ts); memory is our own.
  const lock = dataDir === 'memory://' ? null : lockDataDir(dataDir);
  let db: Database;
  try {
    db = await openEmbedded({ dataDir, loadDataDir: options.loadDataDir });
  } catch (e) {
    lock?.release();
    throw e;
  }
  return {
    ...db,
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, schema?: string, prepare = true): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 20,
    // A server that does not answer (a failover to an address not up yet) fails the request
    // with 503 after this, rather than holding it for the kernel's TCP timeout.
    connectionTimeoutMillis: 5_000,
    // A server gone without a word (a machine lost in a failover) shows within seconds, not hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Set on each new connection before it is lent (a session setting, so that a pooler that
    // refuses startup options still passes it); awaited, not queued before the borrower's
    // query, which pg warns is two queries at once on one client. No JIT: compiling a query's
    // expressions took 400 ms to save a few on a 70 ms map query. Random reads cost about what
    // sequential ones do on SSDs and in the page cache (the default of 4 models spinning
    // disks): at 1.1 the planner reads the map's covering index, not the table.
    // (pg awaits the promise, though its types say void.)
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client: pg.ClientBase) => {
      // pg emits 'error' on a connection the server closes (a restart, a failover,
      // pg_terminate_backend). The pool listens only while the client is idle: one lent to a
      // request or a transaction would end the process. The query in flight fails as well
      // (503), and the pool drops the client when it is released; the pool's own listener
      // warns of idle ones, so this one stays quiet.
      client.on('error', () => undefined);
      await client.query('set jit = off; set random_page_cost = 1.1');
    },
  });
  // An idle connection the server closes is dropped from the pool, and the next query opens another.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL closed an idle connection: ${e.message}`));
  const statements = new StatementNames(prepare ? undefined : 0);
  const wrap = (q: pg.Pool | pg.PoolClient, inTransaction: boolean): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[], options?: QueryOptions) => {
      const name = params === undefined || options?.prepare === false ? undefined : statements.nameOf(text);
      const values = params as unknown[] | undefined;
      try {
        return (await q.query(name === undefined ? { text, values } : { name, text, values })).rows as R[];
      } catch (e) {
        // A statement prepared before a migration changed its table, or dropped by the server
        // or a pooler: that text runs unnamed from now on (and now, outside a transaction).
        if (name === undefined || !isStalePreparedStatement(e)) throw e;
        statements.forget(text);
        if (inTransaction) throw e;
        return (await q.query({ text, values })).rows as R[];
      }
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
    ...wrap(pool, false),
    async transaction(fn, options) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // One simple-protocol message carries several statements: one round trip, not two.
        await client.query(options?.setup ? `BEGIN; ${options.setup}` : 'BEGIN');
        const result = await fn(wrap(client, true));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        // A connection that cannot even roll back is closed, not lent again.
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** 0A000 "cached plan must not change result type"; 26000 "prepared statement … does not exist". */
function isStalePreparedStatement(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === '26000' || (code === '0A000' && /cached plan/i.test(String((e as Error).message)));
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
  readonly #names = new Map<string, string | null>();
  #count = 0;

  /** Each server process keeps a plan per name on every connection: 500 is some tens of MB. */
  constructor(readonly cap = 500) {}

  nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.#names.size >= this.cap) return undefined;
    const name = `truce_${this.#count++}`;
    this.#names.set(text, name);
    return name;
  }

  /** This text runs unnamed from now on. */
  forget(text: string): void {
    this.#names.set(text, null);
  }
}
