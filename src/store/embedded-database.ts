/**
 * The embedded database (PGlite in a data directory) made to outlast a full disk.
 *
 * PGlite answers a full disk in two ways. Where PostgreSQL raises an ERROR (a table file cannot
 * grow: "could not extend file") the instance lives on and the statement fails with 53100. Where
 * PostgreSQL would PANIC (the write-ahead log cannot be written) the WebAssembly instance is
 * dead, and the next statement sent to it spins at 100 % CPU forever, blocking the process.
 * Hence, in order of preference:
 *
 * 1. Keep a reserve: before each statement or transaction the free space of the data directory's
 *    volume is read (one statfs, microseconds); below `diskReserve` the session turns read-only
 *    (`default_transaction_read_only`), so reads go on and writes fail at once with 25006, which
 *    is answered as disk_full (507). Above it again, writes resume. A transaction that took the
 *    disk below the reserve is rolled back rather than committed: its COMMIT would write out up
 *    to wal_buffers (4 MB) of log, and a PANIC there never comes back from PGlite. New log
 *    segments are not zero-filled (`wal_init_zero = off`, from the start, as crash recovery
 *    makes one too): a segment then takes disk space as it is written, not 16 MB at once.
 * 2. If a statement PANICs anyway (the disk filled from outside, faster than the reserve), the
 *    instance is never called again, not even for ROLLBACK (so transactions are run here with
 *    BEGIN and COMMIT, not by PGlite's `transaction`, which would roll back on the dead
 *    instance). That statement fails with disk_full, the next ones with unavailable (reads too)
 *    while the data directory is reopened from disk every `reopenMs` once there is room:
 *    PostgreSQL's crash recovery replays the log, so every committed write is there again.
 *
 * One lock serializes statements and transactions, as PGlite's single connection does.
 */
import { statfsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseFaultError } from './faults.ts';
import { watchForStall } from './stall-watchdog.ts';
import type { Database, Sql } from './sql.ts';

export interface EmbeddedOptions {
  /** A directory, or `memory://` (no disk, so no disk checks). */
  dataDir: string;
  loadDataDir?: Blob | File | undefined;
  /** Bytes to keep free on the data directory's volume (default 4 MiB: PGlite's wal_buffers). */
  diskReserve?: number | undefined;
  /** How often a database closed by a fault tries to reopen (default 1 s). */
  reopenMs?: number | undefined;
  /** How long the process may be stuck on a full disk before it is stopped (stall-watchdog.ts; default 30 s). */
  stallMs?: number | undefined;
  /** Where warnings go (default: process warnings). */
  warn?: ((message: string) => void) | undefined;
}

/** What a COMMIT may have to write at most: the log buffers (wal_buffers, 4 MB in PGlite). */
export const DEFAULT_DISK_RESERVE = 4 * 1024 * 1024;

export async function openEmbedded(options: EmbeddedOptions): Promise<Database> {
  const onDisk = options.dataDir !== 'memory://';
  const reserve = options.diskReserve ?? DEFAULT_DISK_RESERVE;
  const warn = options.warn ?? ((m: string) => process.emitWarning(m));
  // From the start, not set later in the session: crash recovery creates a log segment too.
  const startParams = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];
  const open = (load?: Blob | File): Promise<PGlite> =>
    PGlite.create(onDisk ? options.dataDir : undefined, { startParams, ...(load ? { loadDataDir: load } : {}) });

  let live: PGlite | null = await open(options.loadDataDir);
  // A PANIC that never returns (in COMMIT, past the reserve) stops the process rather than spin.
  const unwatch = onDisk
    ? watchForStall({ dir: options.dataDir, fullBelow: Math.max(reserve, 1024 * 1024), stallMs: options.stallMs })
    : () => undefined;
  let closedBy: DatabaseFaultError | null = null;
  let readOnly = false;
  let closing = false;
  let reopening: NodeJS.Timeout | null = null;
  let lock: Promise<unknown> = Promise.resolve();

  const freeBytes = (): number => {
    const s = statfsSync(options.dataDir);
    return s.bavail * s.bsize;
  };
  const diskFull = () =>
    new DatabaseFaultError(
      'disk_full',
      `the disk of the database is full (less than ${Math.round(reserve / 1024 / 1024)} MB free): nothing was written; reading still works`,
    );

  /** Whether the transaction under way has written anything (a read has no transaction id). */
  const wrote = async (lite: PGlite): Promise<boolean> =>
    (await lite.query<{ wrote: boolean }>('select pg_current_xact_id_if_assigned() is not null as wrote')).rows[0]
      ?.wrote ?? true;

  /** Read-only below the reserve, read-write above it. */
  const keepReserve = async (lite: PGlite): Promise<void> => {
    if (!onDisk) return;
    const low = freeBytes() < reserve;
    if (low === readOnly) return;
    await lite.exec(`set default_transaction_read_only = ${low ? 'on' : 'off'}`);
    readOnly = low;
    warn(
      low
        ? `the disk of ${options.dataDir} is nearly full: the database takes no writes until there is room`
        : `there is room on the disk of ${options.dataDir} again: writes resume`,
    );
  };

  const reopenLater = () => {
    reopening = setTimeout(() => {
      reopening = null;
      if (closing) return;
      if (onDisk && freeBytes() < reserve) return reopenLater();
      open().then(
        (lite) => {
          if (closing) return void lite.close();
          live = lite;
          closedBy = null;
          readOnly = false;
          warn(`the embedded database in ${options.dataDir} is open again`);
        },
        (e: unknown) => {
          warn(`the embedded database could not reopen yet: ${(e as Error).message}`);
          reopenLater();
        },
      );
    }, options.reopenMs ?? 1_000);
  };

  /** What `e` thrown by `lite` means: a dead instance is let go and reopened later. */
  const fault = (e: unknown, lite: PGlite): unknown => {
    const { severity, code } = e as { severity?: unknown; code?: unknown };
    if (severity === 'PANIC' || severity === 'FATAL' || (e as Error).name === 'RuntimeError') {
      if (live === lite) {
        live = null;
        // Until it reopens, reads fail too: unavailable, not disk_full (which says reads work).
        closedBy = new DatabaseFaultError(
          'unavailable',
          code === '53100'
            ? 'the embedded database stopped on a full disk: it reopens when there is room'
            : 'the embedded database stopped and is reopening: try again in a moment',
        );
        warn(`the embedded database stopped (${(e as Error).message}); it reopens from its data directory when it can`);
        reopenLater();
      }
      return code === '53100'
        ? new DatabaseFaultError(
            'disk_full',
            `the disk of the database is full: nothing was written (${(e as Error).message})`,
          )
        : (closedBy ?? e);
    }
    if (code === '25006' && readOnly) return diskFull();
    return e;
  };

  /** Runs `work` alone on the live instance. */
  const exclusive = <T>(work: (lite: PGlite) => Promise<T>): Promise<T> => {
    const turn = lock.then(async () => {
      const lite = live;
      if (!lite) throw closedBy ?? new DatabaseFaultError('unavailable', 'the embedded database is closed');
      try {
        await keepReserve(lite);
        return await work(lite);
      } catch (e) {
        throw fault(e, lite);
      }
    });
    lock = turn.catch(() => undefined);
    return turn;
  };

  const on = (lite: PGlite): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) => {
      try {
        return (await lite.query<R>(text, params as unknown[])).rows;
      } catch (e) {
        throw fault(e, lite);
      }
    },
    exec: async (script) => {
      try {
        await lite.exec(script);
      } catch (e) {
        throw fault(e, lite);
      }
    },
  });

  return {
    kind: 'pglite',
    query: (text, params) => exclusive((lite) => on(lite).query(text, params)),
    exec: (script) => exclusive((lite) => on(lite).exec(script)),
    transaction: (fn, options) =>
      exclusive(async (lite) => {
        const tx = on(lite);
        try {
          await tx.exec(options?.setup ? `BEGIN; ${options.setup}` : 'BEGIN');
          const result = await fn(tx);
          // COMMIT writes out the log this transaction left in memory (up to wal_buffers, 4 MB),
          // and where that fails PostgreSQL PANICs inside PGlite, which then never returns (a
          // PANIC in a statement does come back). A transaction that took the disk below the
          // reserve, which is at least wal_buffers, is rolled back instead.
          if (onDisk && freeBytes() < reserve && (await wrote(lite))) throw diskFull();
          const [commit] = await lite.exec('COMMIT').catch((e: unknown) => {
            throw fault(e, lite);
          });
          // COMMIT of a transaction an earlier statement aborted (its error caught) rolls back.
          if (commit?.command === 'ROLLBACK')
            throw new Error('the transaction was rolled back: a statement in it had failed');
          return result;
        } catch (e) {
          // Never a statement to a dead instance: it would spin forever.
          if (live === lite) await lite.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    close: async () => {
      closing = true;
      unwatch();
      if (reopening) clearTimeout(reopening);
      await lock;
      const lite = live;
      live = null;
      await lite?.close();
    },
    dumpDataDir: () => exclusive((lite) => lite.dumpDataDir('gzip')),
  };
}
