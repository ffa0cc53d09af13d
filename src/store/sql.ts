/**
 * The SQL surface every repository takes: the same queries run in or out of a transaction, on
 * PGlite or PostgreSQL (see database.ts for the two implementations).
 */

export interface QueryOptions {
  /**
   * false: plan this query on each run instead of preparing it (PostgreSQL). For queries whose
   * best plan depends on the values, which a prepared statement's generic plan cannot see.
   */
  prepare?: boolean;
}

export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: all its writes land, or none do. `setup` (statements without
   * parameters) runs first, in the same round trip as BEGIN where the engine allows.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: { setup?: string }): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball, to start other instances from. */
  dumpDataDir?(): Promise<Blob>;
}
