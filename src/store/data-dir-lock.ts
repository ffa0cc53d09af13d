/**
 * One process per embedded data directory. PGlite is PostgreSQL in one process: a second process
 * that opens the same directory keeps its own copy of the pages, and whichever closes last
 * overwrites the other's acknowledged writes (seen: `truce user add` beside `truce serve` printed
 * "Added", the server never saw the user, and a restart lost it). So before PGlite opens a
 * directory, the process takes `truce.lock` in it, created exclusively, holding its pid, host,
 * start time and command; a second process finds the file and refuses.
 *
 * Node has no flock, so a holder that dies without removing the file (SIGKILL, power cut)
 * leaves it behind. On the same host that is detected and the lock taken over: the pid no longer
 * runs, or runs but started at another moment (the pid was reused: Linux's /proc tells when a
 * process started), or is our own pid (a restarted container where the server is pid 1). On
 * another host (a directory on a network share) nothing can be told, and the message names the
 * file to delete. Taking a stale lock over is serialized by a second file, `truce.lock.takeover`,
 * so that two processes starting at once on a stale lock cannot both win.
 *
 * Everything here is synchronous: no other code of this process runs between looking at the
 * file and creating it, and the lock can be released in an `exit` handler.
 */
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export const LOCK_FILE = 'truce.lock';

/** The lock files this process holds: its own pid in one of them is no earlier life's. */
const heldHere = new Set<string>();

/** What the lock file holds: who has the directory open. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the process took the lock (ISO 8601). */
  since: string;
  /** The process's start time in clock ticks since boot (Linux /proc), to tell a reused pid; null elsewhere. */
  startTicks: number | null;
  /** The command line's arguments, for the operator reading the refusal. */
  command: string;
}

/** Another process holds the directory; `owner` says which. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    const who = `pid ${owner.pid}${owner.host === hostname() ? '' : ` on host ${owner.host}`}${owner.command ? `, "${owner.command}"` : ''}, since ${owner.since}`;
    super(
      `the embedded database in ${dataDir} is open in another truce process (${who}); one directory can be open in only one process` +
        (owner.host === hostname() ? '' : `. If no truce process runs on ${owner.host}, delete ${lockFile}`),
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Takes the lock of `dataDir` (creating the directory), or throws DataDirLockedError. */
export function lockDataDir(dataDir: string, command = process.argv.slice(2).join(' ')): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    startTicks: startTicksOf(process.pid),
    command: command.slice(0, 200),
  };
  const text = `${JSON.stringify(me)}\n`;
  // Bounded: each turn either takes the lock, refuses, or saw the file change under it.
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, text)) return held(file, text);
    const owner = readOwner(file);
    if (owner === 'gone') continue; // released between our two looks
    if (owner !== 'unreadable' && (heldHere.has(file) || !isStale(owner)))
      throw new DataDirLockedError(dataDir, file, owner);
    if (takeOver(file, owner, text)) return held(file, text);
  }
  throw new Error(`could not take ${file}: it keeps changing`);
}

function held(file: string, text: string): DataDirLock {
  let released = false;
  heldHere.add(file);
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.off('exit', release);
    // Only our own file: a lock taken over from us (we were thought dead) is not ours to remove.
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // Gone already (the directory was deleted): nothing to release.
    }
  };
  // A command that ends without closing its database (an uncaught error, process.exit on a
  // signal) still leaves the directory free. SIGKILL runs nothing: isStale covers that.
  process.on('exit', release);
  return { file, release };
}

/** Writes the whole text to a file of our own, then links it in place: never a half-written lock. */
function createExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  try {
    linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: create in place, exclusively.
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    unlinkSync(temp);
  }
}

function readOwner(file: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return 'unreadable';
    return {
      pid: o.pid,
      host: o.host,
      since: String(o.since ?? '?'),
      startTicks: typeof o.startTicks === 'number' ? o.startTicks : null,
      command: String(o.command ?? ''),
    };
  } catch {
    return 'unreadable'; // not written by this code (or the fallback's write was cut short): nobody holds it
  }
}

/** Whether the lock's holder is certainly gone. Only decidable on this host. */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return true; // not held here (lockDataDir asks), so an earlier life of this pid
  if (!isRunning(owner.pid)) return true;
  const ticks = startTicksOf(owner.pid);
  return owner.startTicks !== null && ticks !== null && ticks !== owner.startTicks;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
  }
}

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. */
function startTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/**
 * Replaces a stale lock with ours, under `truce.lock.takeover` so that two processes cannot
 * both replace it: the second one to get there finds our live lock. True when our lock is in
 * place; false leaves the state for the caller to look at again.
 */
function takeOver(file: string, stale: LockOwner | 'unreadable', text: string): boolean {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, text)) {
    // Someone is taking over now, or died doing so (a few system calls long: rare). A dead
    // one's guard is removed; a live one's lock will be there when the caller looks again.
    const owner = readOwner(guard);
    if (owner === 'unreadable' || (owner !== 'gone' && isStale(owner))) unlinkQuietly(guard);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // let it finish
    return false;
  }
  try {
    const now = readOwner(file);
    const same =
      now === 'unreadable'
        ? stale === 'unreadable'
        : now !== 'gone' &&
          stale !== 'unreadable' &&
          now.pid === stale.pid &&
          now.since === stale.since &&
          now.host === stale.host;
    if (same) unlinkQuietly(file);
    return createExclusive(file, text);
  } finally {
    unlinkQuietly(guard);
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
