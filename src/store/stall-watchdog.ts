/**
 * The last resort against a wedged embedded database. A PANIC inside PGlite's COMMIT (the log
 * cannot be written: the disk filled from outside, faster than the reserve) never returns: the
 * WebAssembly instance spins at 100 % CPU on the main thread, and nothing in this thread can run
 * again, not even a signal handler. A worker thread watches a heartbeat the main thread keeps:
 * stopped for `stallMs` while the disk is (nearly) full, the process is killed (SIGKILL: a
 * SIGTERM would wait for the blocked thread forever), with a message that says why, so that its
 * supervisor starts it again. Committed writes are on disk already (as after kill -9: see
 * src/cli/crash.int.test.ts) and crash recovery replays them. A main thread merely busy (a long
 * query) is left alone while there is room on the disk.
 */
import { Worker } from 'node:worker_threads';

export interface StallWatch {
  /** The data directory whose volume is watched. */
  dir: string;
  /** Free bytes below which the disk counts as full. */
  fullBelow: number;
  /** How long the main thread may be stuck on a full disk (default 30 s). */
  stallMs?: number;
}

/** Runs in the worker: plain JavaScript, no imports of ours. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { statfsSync, writeSync } = require('node:fs');
const beat = new Int32Array(workerData.beat);
let last = Atomics.load(beat, 0);
let since = Date.now();
setInterval(() => {
  const now = Atomics.load(beat, 0);
  if (now !== last) { last = now; since = Date.now(); return; }
  if (Date.now() - since < workerData.stallMs) return;
  let free;
  try { const s = statfsSync(workerData.dir); free = s.bavail * s.bsize; } catch { return; }
  if (free >= workerData.fullBelow) return;
  writeSync(2, 'truce: the embedded database stopped on a full disk (' + workerData.dir + ', '
    + Math.floor(free / 1024) + ' KB free) and does not return; stopping the process so that it can be '
    + 'started again (committed writes are on disk). Free some space first.\\n');
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

/** Starts watching; the function returned stops. */
export function watchForStall(watch: StallWatch): () => void {
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const timer = setInterval(() => Atomics.add(beat, 0, 1), 250);
  timer.unref();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { beat: beat.buffer, dir: watch.dir, fullBelow: watch.fullBelow, stallMs: watch.stallMs ?? 30_000 },
  });
  worker.unref();
  return () => {
    clearInterval(timer);
    void worker.terminate();
  };
}
