/**
 * A small disk for tests of a full one: a 48 MB tmpfs of the test's own (mounting needs root),
 * and a ballast file that fills it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MB = 1024 * 1024;

export interface Volume {
  dir: string;
  unmount(): void;
}

/** A fresh 48 MB tmpfs, or why there cannot be one. */
export function mountVolume(): Volume | string {
  if (process.platform !== 'linux') return 'tmpfs volumes need Linux';
  const dir = mkdtempSync(join(tmpdir(), 'truce-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return `mounting a 48 MB tmpfs is not permitted here (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Fills the volume of `dir` with a file until `leave` bytes are free (0: until it is full). */
export function ballast(dir: string, leave: number): string {
  const file = join(dir, 'ballast');
  const fd = openSync(file, 'a');
  const chunk = Buffer.alloc(MB, 1);
  try {
    for (let left = free(dir) - leave; left > 0; left = free(dir) - leave)
      writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
}
