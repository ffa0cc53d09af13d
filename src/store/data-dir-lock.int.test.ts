/**
 * The lock of an embedded data directory, with real files and real processes: a live holder
 * refuses others, a dead one (or a reused pid) does not, and the lock goes with its process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir, type LockOwner } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

const tmp = mkdtempSync(join(tmpdir(), 'truce-lock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `d${n++}`);
const LOCK_MODULE = new URL('./data-dir-lock.ts', import.meta.url).pathname;

/** A pid that ran and has ended (its process reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(dir: string, owner: Partial<LockOwner>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({
      pid: 1,
      host: hostname(),
      since: '2016-02-27T00:00:00.000Z',
      startTicks: null,
      command: 'serve',
      ...owner,
    }),
  );
}

const owner = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;

describe('the lock of a data directory', () => {
  it('is taken once: a second taker is refused with who holds it, and may take it after release', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir, 'serve --data x');
    expect(owner(dir)).toMatchObject({ pid: process.pid, host: hostname(), command: 'serve --data x' });
    let refusal: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(
      `is open in another truce process (pid ${process.pid}, "serve --data x", since `,
    );
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lock.release(); // twice is harmless
    lockDataDir(dir).release();
  });

  it('is refused while another live process holds it', async () => {
    const dir = freshDir();
    // A process that takes the lock, says so, and waits to be killed.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)}); lockDataDir(${JSON.stringify(dir)}, 'holder'); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('held')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`the holder exited ${code}`)));
      });
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${child.pid}, "holder"`));
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    // Killed without a chance to clean up: the file is there, and stale.
    expect(owner(dir).pid).toBe(child.pid);
    const lock = lockDataDir(dir);
    expect(owner(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('is taken over from a holder that is gone, a pid reused by another process, or an earlier life of our own pid', () => {
    for (const stale of [
      { pid: deadPid() },
      { pid: process.ppid, startTicks: 1 }, // the parent runs, but it did not start at tick 1
      { pid: process.pid },
    ]) {
      const dir = freshDir();
      writeLock(dir, stale);
      const lock = lockDataDir(dir);
      expect(owner(dir).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('is not taken from a live process, nor from another host, which cannot be checked from here', () => {
    const live = freshDir();
    writeLock(live, { pid: process.ppid });
    expect(() => lockDataDir(live)).toThrow(DataDirLockedError);
    const remote = freshDir();
    writeLock(remote, { pid: deadPid(), host: 'elsewhere.example' });
    expect(() => lockDataDir(remote)).toThrow(
      `on host elsewhere.example, "serve", since 2016-02-27T00:00:00.000Z); one directory can be open in only one process. If no truce process runs on elsewhere.example, delete ${join(remote, LOCK_FILE)}`,
    );
  });

  it('is released when its process exits without closing, and on SIGTERM when the process exits on it', () => {
    for (const end of [
      'process.exit(0)',
      "process.on('SIGTERM', () => process.exit(143)); process.kill(process.pid, 'SIGTERM'); setInterval(() => {}, 1000)",
    ]) {
      const dir = freshDir();
      const child = spawnSync(process.execPath, [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)}); lockDataDir(${JSON.stringify(dir)}); ${end}`,
      ]);
      expect(child.stderr.toString()).toBe('');
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
  });

  it('guards openDatabase: a second open of one directory is refused until the first closes', async () => {
    const dir = freshDir();
    const first = await openDatabase({ dataDir: dir, migrate: false });
    try {
      await expect(openDatabase({ dataDir: dir, migrate: false })).rejects.toThrow(DataDirLockedError);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir, migrate: false });
    await again.close();
  });
});
