/**
 * Every benchmark `npm run bench` knows, in the order it runs them. To add one: write
 * `bench/<name>.bench.ts` exporting a `Benchmark` (see lib/benchmark.ts), and list it here.
 */
import { adjudicateBenchmark } from './adjudicate.bench.ts';
import { dailyReportBenchmark } from './daily-report.bench.ts';
import { deconflictBenchmark } from './deconflict.bench.ts';
import { deskBenchmark } from './desk.bench.ts';
import { exportsBenchmark } from './exports.bench.ts';
import { httpBenchmark } from './http.bench.ts';
import { importBenchmark } from './import.bench.ts';
import { liveBenchmark } from './live.bench.ts';
import type { Benchmark } from './lib/benchmark.ts';
import { mapBenchmark } from './map.bench.ts';
import { rejudgeBenchmark } from './rejudge.bench.ts';
import { textBenchmark } from './text.bench.ts';

export const BENCHMARKS: readonly Benchmark[] = [
  // Domain: the rules, in memory, on one core.
  adjudicateBenchmark,

  // Import: UCDP rows per second into PGlite and into PostgreSQL, beside COPY. It reads the
  // server's address from TRUCE_BENCH_DATABASE_URL and says in its notes when it skipped it.
  importBenchmark,

  // HTTP: requests per second and latency of the API under load, through `truce serve` in a child
  // process, on PostgreSQL (a new database, dropped after) and on PGlite. See http.bench.ts.
  httpBenchmark,

  // Live: listing and filing latency with 1,000 event streams open beside none, in one server on
  // PGlite. See live.bench.ts.
  liveBenchmark,

  // Map: first render of the map page in Chromium with 100,000 incidents, and the p95 of the map's
  // data requests, on PostgreSQL (a new database, dropped after) and on PGlite. See map.bench.ts.
  mapBenchmark,

  // Desk: the inbox, the review queue and search over HTTP with 1,000,000 incidents and 1,000,000
  // reports on PostgreSQL (a new database, dropped after). See desk.bench.ts.
  deskBenchmark,

  // Re-judgement: an agreement change that judges 1,000,000 incidents again on PostgreSQL (a new
  // database, dropped after), beside the same lookup done by a PostGIS join; its dry run; other
  // requests' p99 meanwhile. See rejudge.bench.ts.
  rejudgeBenchmark,

  // Exports: 1,000,000 incidents as GeoJSON and CSV over HTTP through `truce serve` (its memory),
  // beside ogr2ogr from the same table; ogr2ogr from the OGC API beside from the table, on
  // PostgreSQL (a new database, dropped after). See exports.bench.ts.
  exportsBenchmark,

  // The daily report: its web page and its PDF with 1,000,000 incidents stored, through `truce
  // serve` on PostgreSQL (a new database, dropped after), beside a PostGIS query of its counts.
  // See daily-report.bench.ts.
  dailyReportBenchmark,

  // Deconfliction: an operation notice checked against 100,000 notified sites and 10,000
  // movements, in process and over HTTP (`truce serve` on PostgreSQL, a new database, dropped
  // after), beside PostGIS on the same data; the notices in force checked again after 1,000 new
  // sites. See deconflict.bench.ts.
  deconflictBenchmark,

  // Text intake: precision and recall of dates, places and actors per language on a labelled set,
  // and a 5,000-word text drafted, in memory. See text.bench.ts.
  textBenchmark,
];

export function findBenchmark(name: string): Benchmark | undefined {
  return BENCHMARKS.find((b) => b.name === name);
}
