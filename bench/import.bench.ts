/**
 * UCDP import throughput: the 16,566 rows of the Syria GED file through `importUcdp` (read,
 * check, map actors, store, judge) into an empty database holding the Aleppo agreement, on PGlite
 * and on PostgreSQL; beside it, the floor: a plain COPY of the same CSV into a bare table of text
 * columns on the same engine. Goal: on PostgreSQL, the import runs at 25 % of the COPY rate.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importUcdp, type UcdpImportResult } from '../src/app/imports/import-ucdp.ts';
import { loadScenario } from '../src/app/scenario/load-scenario.ts';
import type { Database } from '../src/store/sql.ts';
import { type BenchTarget, pgliteTarget, postgresTarget } from './lib/bench-databases.ts';
import { atLeast, type Benchmark, type BenchResult, type Cell, type Json } from './lib/benchmark.ts';
import { median, round } from './lib/timing.ts';

const GED = fileURLToPath(new URL('../../shared/data/events/ucdp_ged_syria_20160101-20191130.csv', import.meta.url));
const ALEPPO = fileURLToPath(new URL('../../shared/examples/aleppo-2016.json', import.meta.url));
const ROWS = 16_566;
const RUNS = 3;
/** The import's rate on PostgreSQL, as a percentage of COPY's. */
const GOAL_PERCENT = 25;

export const importBenchmark: Benchmark = {
  name: 'import',
  description:
    'UCDP GED rows/s imported (checked, mapped, stored, judged) into PGlite and PostgreSQL, beside a plain COPY of the same CSV',
  run: runImport,
};

interface Measured {
  runsMs: number[];
  medianMs: number;
  rowsPerSecond: number;
}

const measured = (runsMs: number[], rows = ROWS): Measured => {
  const m = median(runsMs);
  return { runsMs: runsMs.map((ms) => round(ms)), medianMs: round(m), rowsPerSecond: round((rows / m) * 1000) };
};

interface TargetFigures {
  where: string;
  copy: Measured;
  import: Measured;
  reimport: Measured;
  /** Writing the import's output rows into empty copies of its tables, with their indexes. */
  output: Measured & { rows: { incidents: number; findings: number } };
  percentOfCopy: number;
  result: { inserted: number; findings: number; rejected: number; notes: number; actorsAdded: number };
}

async function runImport(): Promise<BenchResult> {
  const columns = readFileSync(GED, 'utf8')
    .slice(0, 2_000)
    .split('\n')[0]!
    .split(',')
    .map((c) => c.replace(/"/g, ''));
  const pgTarget = await postgresTarget();
  const targets: BenchTarget[] = 'skipped' in pgTarget ? [pgliteTarget] : [pgliteTarget, pgTarget];
  const figures: Record<string, TargetFigures> = {};
  for (const target of targets) figures[target.name] = await measureTarget(target, columns);

  const rows: Record<string, Cell>[] = [];
  for (const [name, f] of Object.entries(figures)) {
    const row = (run: string, m: Measured, count = ROWS) => ({
      database: name,
      run,
      rows: count,
      'median ms': m.medianMs,
      'rows/s': m.rowsPerSecond,
      '% of COPY': round((100 * m.rowsPerSecond) / f.copy.rowsPerSecond, 1),
    });
    rows.push(
      row('COPY of the CSV into a bare text table (the floor)', f.copy),
      row('import ucdp: check, map, store, judge', f.import),
      row('import ucdp again: nothing new to store', f.reimport),
      row(
        'only writing its output: insert…select into empty copies of incidents and findings',
        f.output,
        f.output.rows.incidents,
      ),
    );
  }
  const pg = figures.postgres;
  const notes = [
    `File: ${GED.split('/').slice(-3).join('/')}, ${ROWS.toLocaleString('en-US')} rows, ${columns.length} columns. Each figure is the median of ${RUNS} runs; each import run starts from a new, migrated database holding the Aleppo bundle (one agreement, 6 zones).`,
    ...targets.map((t) => `${t.name}: ${t.where}.`),
    'COPY: the whole CSV, header skipped, into a table of text columns with no index, in one statement (PostgreSQL: COPY FROM STDIN via pg-copy-streams; PGlite: COPY FROM /dev/blob, the file read into a Blob inside the timing).',
    'import ucdp: importUcdp() on a file stream: the streaming CSV reader, the Zod row check, actor mapping, act inference, then per batch of 2,000 rows one transaction writing new actors, incidents (21 columns, 4 indexes, one of them GiST) and one finding per incident (14 columns, 4 indexes), plus an audit entry. Reading and judging run ahead while earlier batches are written, two at a time on PostgreSQL.',
    'only writing its output: the incidents and findings the import stored, copied with insert…select into empty tables created LIKE them (same indexes and checks): the cost of the rows the import must write, with no reading, checking or judging. It bounds what any import into this schema can reach.',
    ...Object.entries(figures).map(
      ([name, f]) =>
        `${name}: stored ${f.result.inserted.toLocaleString('en-US')} incidents and ${f.result.findings.toLocaleString('en-US')} findings, rejected ${f.result.rejected} rows, ${f.result.notes} rows with a note (best outside low..high, kept), ${f.result.actorsAdded} actors added.`,
    ),
    ...('skipped' in pgTarget ? [pgTarget.skipped] : []),
  ];
  return {
    columns: ['database', 'run', 'rows', 'median ms', 'rows/s', '% of COPY'],
    rows,
    notes,
    figures: {
      file: { rows: ROWS, columns: columns.length },
      runs: RUNS,
      ...(figures as unknown as Record<string, Json>),
    },
    goal: pg
      ? atLeast(
          `on PostgreSQL, the import at ${GOAL_PERCENT} % of the COPY rate or more`,
          '% of COPY',
          GOAL_PERCENT,
          pg.percentOfCopy,
        )
      : null,
  };
}

async function measureTarget(target: BenchTarget, columns: string[]): Promise<TargetFigures> {
  const copyMs: number[] = [];
  for (let i = 0; i < RUNS; i++) copyMs.push(await target.copyCsv(GED, columns));

  const importMs: number[] = [];
  let last: { result: UcdpImportResult; reimportMs: number; output: TargetFigures['output'] } | null = null;
  for (let i = 0; i < RUNS; i++) {
    const { db, dispose } = await target.fresh();
    try {
      const loaded = await loadScenario(db, readFileSync(ALEPPO, 'utf8'));
      if (!loaded.ok) throw new Error('the Aleppo bundle did not load');
      const start = performance.now();
      const result = await importUcdp(db, createReadStream(GED));
      importMs.push(performance.now() - start);
      if (result.inserted !== ROWS || result.findings !== ROWS || result.stopped) {
        throw new Error(`the import stored ${result.inserted} incidents and ${result.findings} findings, not ${ROWS}`);
      }
      if (i === RUNS - 1) {
        const again = performance.now();
        const second = await importUcdp(db, createReadStream(GED));
        const reimportMs = performance.now() - again;
        if (second.inserted !== 0) throw new Error(`the second import stored ${second.inserted} incidents`);
        last = { result, reimportMs, output: await writeOutputAgain(db) };
      }
    } finally {
      await dispose();
    }
  }
  const copy = measured(copyMs);
  const imported = measured(importMs);
  const { result, reimportMs, output } = last!;
  return {
    where: target.where,
    copy,
    import: imported,
    reimport: measured([reimportMs]),
    output,
    percentOfCopy: round((100 * imported.rowsPerSecond) / copy.rowsPerSecond, 1),
    result: {
      inserted: result.inserted,
      findings: result.findings,
      rejected: result.rejected.length,
      notes: result.notes.length,
      actorsAdded: result.actorsAdded.length,
    },
  };
}

/** Times writing the imported incidents and their findings into empty tables shaped like theirs. */
async function writeOutputAgain(db: Database): Promise<TargetFigures['output']> {
  await db.exec(`create table bench_incidents (like incidents including all);
    create table bench_findings (like findings including all);`);
  const runsMs: number[] = [];
  let counts = { incidents: 0, findings: 0 };
  for (let i = 0; i < RUNS; i++) {
    await db.exec('truncate bench_incidents, bench_findings');
    const start = performance.now();
    counts = await db.transaction(async (tx) => {
      const incidents = await tx.query(
        `insert into bench_incidents select * from incidents where source = 'ucdp' returning 1`,
      );
      const findings = await tx.query(
        `insert into bench_findings select * from findings where subject_id like 'ucdp-%' returning 1`,
      );
      return { incidents: incidents.length, findings: findings.length };
    });
    runsMs.push(performance.now() - start);
  }
  return { ...measured(runsMs, counts.incidents), rows: counts };
}
