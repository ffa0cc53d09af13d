/**
 * Writes a benchmark's result to bench/results/<name>.json with the machine it ran on, so a
 * figure can be read next to where it came from. Files are committed as measured.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, Benchmark } from './benchmark.ts';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export interface Machine {
  node: string;
  platform: string;
  arch: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** The 1, 5 and 15 minute load averages as the run began: above 1 per core, figures suffer. */
  loadAverage: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: loadAverage(),
  };
}

/** The 1, 5 and 15 minute load averages now, to two decimals. */
export const loadAverage = (): number[] => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** A note of the load average at a run's start (as `loadAverage` gave it) and now, at its end. */
export const loadAverageNote = (start: readonly number[]): string =>
  `Load average ${start.join(' ')} at the start, ${loadAverage().join(' ')} at the end (2 cores shared).`;

/** Returns the path written. Writes a .tmp file first so a crash never leaves half a result. */
export async function writeResult(
  bench: Benchmark,
  result: BenchResult,
  started: { date: Date; machine: Machine },
  dir = RESULTS_DIR,
): Promise<string> {
  const document = {
    benchmark: bench.name,
    description: bench.description,
    date: started.date.toISOString(),
    machine: started.machine,
    goal: result.goal,
    columns: result.columns,
    rows: result.rows,
    notes: result.notes,
    figures: result.figures,
  };
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${bench.name}.json`);
  await writeFile(`${path}.tmp`, `${JSON.stringify(document, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return path;
}
