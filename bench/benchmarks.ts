/**
 * Every benchmark `npm run bench` knows, in the order it runs them. To add one: write
 * `bench/<name>.bench.ts` exporting a `Benchmark` (see lib/benchmark.ts), and list it here.
 */
import { adjudicateBenchmark } from './adjudicate.bench.ts';
import { importBenchmark } from './import.bench.ts';
import type { Benchmark } from './lib/benchmark.ts';

export const BENCHMARKS: readonly Benchmark[] = [
  // Domain: the rules, in memory, on one core.
  adjudicateBenchmark,

  // Import: UCDP rows per second into PGlite and into PostgreSQL, beside COPY. It reads the
  // server's address from TRUCE_BENCH_DATABASE_URL and says in its notes when it skipped it.
  importBenchmark,

  // HTTP: requests per second and latency of the API under load (http.bench.ts, to come).
];

export function findBenchmark(name: string): Benchmark | undefined {
  return BENCHMARKS.find((b) => b.name === name);
}
