/**
 * The API under load: `truce serve` as a child process on a fresh database (PostgreSQL: a new
 * database on the server, dropped after; PGlite: a new data directory), the demo bundle loaded,
 * a reporter with an API token, then wrk (or autocannon) on loopback with a mix of ~80 % report filing
 * (POST /api/v1/reports, varied bodies, bearer token) and ~20 % incident listing
 * (GET /api/v1/incidents?limit=50). Afterwards the server is stopped and every report that got a
 * 201 is looked up in the database: an acknowledged report that is missing fails the run.
 *
 * First, on the same PostgreSQL, its anchor: `pgbench -N` with as many clients (bench/lib/pgbench.ts).
 * The goal is a share of pgbench's transactions/s, so that a figure means the same on any machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/store/database.ts';
import { createScratchDatabase } from '../test/scratch-database.ts';
import { createApiToken, runTruce, type ServeProcess, startTruceServe, truceEnv } from '../test/truce-process.ts';
import { atLeast, type Benchmark, type Cell, type Json } from './lib/benchmark.ts';
import { benchDatabaseUrl, shownUrl } from './lib/bench-databases.ts';
import { type PgbenchRate, pgbenchRate } from './lib/pgbench.ts';
import { withCpu } from './lib/process-cpu.ts';
import { seededRandom } from './lib/prng.ts';
import { round } from './lib/timing.ts';
import { runWrk, wrkAvailable } from './lib/wrk.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = join(ROOT, 'examples/syria-2016.json');
const CONNECTIONS = Number(process.env.TRUCE_BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.TRUCE_BENCH_DURATION ?? 10);
// The load's first seconds on a server just started are its start-up, not its steady state: V8
// compiles the hot paths, PostgreSQL's new backends fill their caches. Measured (8 s rounds on one
// server, 4 servers): the first round's p99 was 94-287 ms, the second's 37-72, the third's 28-48.
const WARMUP_S = Number(process.env.TRUCE_BENCH_WARMUP ?? 15);
// TRUCE_BENCH_TARGETS=postgres or pglite: only that one (while tuning).
// TRUCE_BENCH_PROFILE=dir: the server writes a V8 CPU profile there when it stops.
// TRUCE_BENCH_NODE_ARGS='--trace-gc ...': more flags for the server's Node; TRUCE_BENCH_SERVER_LOG=file: what it printed.
// TRUCE_BENCH_MIX=writes or reads: only filings or only listings (while tuning; the goal needs the mix).
const MIX = process.env.TRUCE_BENCH_MIX;
// TRUCE_BENCH_CLIENT=autocannon: the load from autocannon in this process rather than wrk (bench/lib/wrk.ts).
type Client = 'wrk' | 'autocannon';
/** Report writes/s on PostgreSQL as a share of pgbench's transactions/s. */
const GOAL_SHARE = 0.6;
const GOAL_P99_MS = 50;
const PASSWORD = 'bench-password-123';

interface Target {
  name: 'postgres' | 'pglite';
  /** The CLI's database flags. */
  flags: string[];
  open(): ReturnType<typeof openDatabase>;
  dispose(): Promise<void>;
}

interface Measured {
  target: string;
  requestsPerS: number;
  writesPerS: number;
  readsPerS: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  acknowledged: number;
  missing: number;
  reportsInDb: number;
  /** Writes/s as a share of pgbench's transactions/s (PostgreSQL only). */
  share: number | null;
  /** WAL flushes (fsyncs) and commits per acknowledged report, warm-up included (PostgreSQL only). */
  walSyncsPerReport: number | null;
  /** WAL written per acknowledged report, in bytes, warm-up included (PostgreSQL only). */
  walBytesPerReport: number | null;
  commitsPerReport: number | null;
  /** CPU ms per request (all requests) of the server process, of PostgreSQL's processes, of the load generator. */
  cpuMs: { server: number | null; postgres: number | null; client: number };
}

export const httpBenchmark: Benchmark = {
  name: 'http',
  description: 'the API under load: report filing and incident listing through `truce serve`, wrk on loopback',
  run: async () => {
    const notes: string[] = [];
    const results: Measured[] = [];
    const pgTarget = await postgresTarget(benchDatabaseUrl());
    if ('skipped' in pgTarget) notes.push(pgTarget.skipped);
    const anchor: PgbenchRate | null =
      'skipped' in pgTarget ? null : await pgbenchRate(benchDatabaseUrl(), CONNECTIONS, DURATION_S);
    const only = process.env.TRUCE_BENCH_TARGETS?.split(',');
    const client: Client =
      process.env.TRUCE_BENCH_CLIENT === 'autocannon' || !(await wrkAvailable()) ? 'autocannon' : 'wrk';
    for (const target of [
      'skipped' in pgTarget ? null : pgTarget,
      only && !only.includes('pglite') ? null : await pgliteTarget(),
    ]) {
      if (!target) continue;
      try {
        results.push(await measure(target, target.name === 'postgres' ? anchor : null, client));
      } finally {
        await target.dispose();
      }
    }
    for (const r of results) {
      if (r.missing > 0)
        throw new Error(
          `${r.target}: ${r.missing} of ${r.acknowledged} acknowledged reports are missing from the database`,
        );
    }
    const pgResult = results.find((r) => r.target === 'postgres');
    notes.push(
      `${CONNECTIONS} connections, ${DURATION_S} s measured after a ${WARMUP_S} s warm-up; each connection cycles 4 POST /api/v1/reports` +
        ' (bearer token, varied bodies: act, place, time, target, casualties, classification) and 1 GET /api/v1/incidents?limit=50.',
      'The server is `node bin/truce.js serve --empty` in a child process on a fresh database holding examples/syria-2016.json;' +
        ` latency is the load generator's, over all requests; writes/s counts 201 responses.`,
      'After the run the server is stopped and every report id that got a 201 (warm-up included) is looked up in the database.',
      "Where the time goes: the CPU used during the measured seconds (from /proc) by the server process, by all of PostgreSQL's processes" +
        ' and by the load generator, per request; on two cores, their sum per request bounds the rate.',
      client === 'wrk'
        ? `The load comes from wrk (${CONNECTIONS} connections, 2 threads; bench/lib/wrk.ts), written in C as pgbench's own client is: autocannon, in Node, took a fifth of the machine's CPU from the server it measured.`
        : 'The load comes from autocannon in this process (wrk is not installed, or TRUCE_BENCH_CLIENT=autocannon): it takes CPU from the server it measures, so the share is low.',
      "WAL flushes, bytes and commits per report: PostgreSQL's counters (pg_stat_wal, pg_stat_database) before the warm-up and after the run," +
        ' divided by the reports acknowledged; reports filed at the same moment share one commit (docs/decisions/020).',
    );
    if (anchor) {
      notes.push(
        `The anchor, run first on the same PostgreSQL: \`${anchor.command}\` gave ${anchor.tps.toLocaleString('en-US')} transactions/s` +
          ` (average latency ${anchor.latencyMs} ms, p99 ${anchor.p99Ms} ms); "share of pgbench" is report writes/s divided by that.` +
          ` Each HTTP request's p99 is the time to a committed report or a listing, pgbench's that of one simple transaction.`,
      );
    }
    const share = pgResult?.share ?? 0;
    const p99 = pgResult?.p99 ?? Infinity;
    const clean = pgResult !== undefined && pgResult.errors === 0 && pgResult.non2xx === 0 && pgResult.missing === 0;
    const goal = atLeast(
      `on PostgreSQL, report writes/s at least ${GOAL_SHARE} of pgbench -N's transactions/s, with p99 under ${GOAL_P99_MS} ms, no errors, nothing lost`,
      'of pgbench',
      GOAL_SHARE,
      share,
    );
    goal.met = goal.met && p99 < GOAL_P99_MS && clean;
    if (pgResult && !goal.met) {
      notes.push(
        `PostgreSQL: ${pgResult.writesPerS} writes/s (${share} of pgbench), p99 ${p99} ms, ${pgResult.errors} errors, ${pgResult.non2xx} non-2xx.`,
      );
    }
    return {
      columns: [
        'target',
        'requests/s',
        'report writes/s',
        'share of pgbench',
        'listings/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'non-2xx',
        'acknowledged',
        'missing',
        'reports in db',
        'server CPU ms/req',
        'PostgreSQL CPU ms/req',
        'client CPU ms/req',
        'WAL flushes/report',
        'WAL bytes/report',
        'commits/report',
      ],
      rows: results.map((r): Record<string, Cell> => ({
        target: r.target,
        'requests/s': r.requestsPerS,
        'report writes/s': r.writesPerS,
        'share of pgbench': r.share ?? '',
        'listings/s': r.readsPerS,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        errors: r.errors,
        'non-2xx': r.non2xx,
        acknowledged: r.acknowledged,
        missing: r.missing,
        'reports in db': r.reportsInDb,
        'server CPU ms/req': r.cpuMs.server ?? '',
        'PostgreSQL CPU ms/req': r.cpuMs.postgres ?? '',
        'client CPU ms/req': r.cpuMs.client,
        'WAL flushes/report': r.walSyncsPerReport ?? '',
        'WAL bytes/report': r.walBytesPerReport ?? '',
        'commits/report': r.commitsPerReport ?? '',
      })),
      notes,
      figures: {
        connections: CONNECTIONS,
        durationS: DURATION_S,
        warmupS: WARMUP_S,
        pgbench: anchor as unknown as Json,
        results: results as unknown as Json,
      },
      goal,
    };
  },
};

async function measure(target: Target, anchor: PgbenchRate | null, client: Client): Promise<Measured> {
  await cli(['scenario', 'load', BUNDLE, ...target.flags]);
  await cli(['org', 'add', 'bench', '--name', 'Bench monitors', '--kind', 'monitor', ...target.flags]);
  await cli(
    ['user', 'add', 'bench-reporter', '--org', 'bench', '--role', 'reporter', '--password-stdin', ...target.flags],
    `${PASSWORD}\n`,
  );
  const profile = process.env.TRUCE_BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.TRUCE_BENCH_PROFILE]
    : [];
  const nodeArgs = [...profile, ...(process.env.TRUCE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const server = await startTruceServe(target.flags, ENV, { nodeArgs });
  const acknowledged: string[] = [];
  const wal0 = await walCounters(target);
  let result: Load;
  let writes: number;
  let cpu: Awaited<ReturnType<typeof withCpu>>;
  const load = client === 'wrk' ? wrkLoad : autocannonLoad;
  try {
    const token = await createApiToken(server.url, 'bench-reporter', PASSWORD, 'bench');
    // Warmed up first: the start-up is not the steady state (WARMUP_S).
    await load(server.url, token, WARMUP_S, acknowledged);
    const before = acknowledged.length;
    cpu = await withCpu(server.child.pid, () => load(server.url, token, DURATION_S, acknowledged));
    result = cpu.value as Load;
    writes = acknowledged.length - before;
  } finally {
    await stopCleanly(server);
    if (process.env.TRUCE_BENCH_SERVER_LOG)
      await writeFile(`${process.env.TRUCE_BENCH_SERVER_LOG}.${target.name}`, server.output());
  }
  const wal1 = await walCounters(target);
  const perReport = (n: number | null) => (n === null ? null : round(n / acknowledged.length, 3));
  const db = await target.open();
  try {
    const [present] = await db.query<{ n: number }>('select count(*)::int as n from reports where id = any($1)', [
      acknowledged,
    ]);
    const [total] = await db.query<{ n: number }>('select count(*)::int as n from reports');
    const seconds = result.duration;
    const writesPerS = round(writes / seconds);
    return {
      target: target.name,
      requestsPerS: round(result.requests / seconds),
      writesPerS,
      readsPerS: round(result.reads / seconds),
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      acknowledged: acknowledged.length,
      missing: acknowledged.length - (present?.n ?? 0),
      reportsInDb: total?.n ?? 0,
      share: anchor ? round(writesPerS / anchor.tps, 2) : null,
      walSyncsPerReport: perReport(wal0 && wal1 && wal1.syncs - wal0.syncs),
      walBytesPerReport: perReport(wal0 && wal1 && wal1.bytes - wal0.bytes),
      commitsPerReport: perReport(wal0 && wal1 && wal1.commits - wal0.commits),
      cpuMs: {
        server: perRequest(cpu.serverS, result.requests),
        client: perRequest(result.clientCpuS ?? cpu.clientS, result.requests)!,
        // PGlite runs inside the server: PostgreSQL's processes are then someone else's.
        postgres: target.name === 'postgres' ? perRequest(cpu.postgresS, result.requests) : null,
      },
    };
  } finally {
    await db.close();
  }
}

/**
 * PostgreSQL's WAL flushes (pg_stat_wal, the whole cluster) and the database's commits so far;
 * null on PGlite. Backends report them within a second: the figures per report are close, not exact.
 */
async function walCounters(target: Target): Promise<{ syncs: number; bytes: number; commits: number } | null> {
  if (target.name !== 'postgres') return null;
  const db = await target.open();
  try {
    const [row] = await db.query<{ syncs: string; bytes: string; commits: string }>(
      `select (select wal_sync from pg_stat_wal) as syncs, (select wal_bytes from pg_stat_wal) as bytes,
        (select xact_commit from pg_stat_database where datname = current_database()) as commits`,
    );
    return { syncs: Number(row!.syncs), bytes: Number(row!.bytes), commits: Number(row!.commits) };
  } finally {
    await db.close();
  }
}

const perRequest = (seconds: number | null, requests: number) =>
  seconds === null ? null : round((seconds * 1000) / requests, 3);

const ACTS = ['air_strike', 'shelling', 'missile', 'ground_assault', 'small_arms', 'atgm', 'arrest', 'other'];
const CIVILIAN = ['hospital', 'school', 'market', 'residential', 'civilians'];
const ACTORS = ['sy-gov', 'ru', 'us', 'tr', 'fsa-north', 'fsa-south', 'sdf', 'nusra'];
const CLASSES = ['public', 'task_force', 'org'];

/** What a load generator saw. */
interface Load {
  /** Measured seconds. */
  duration: number;
  requests: number;
  /** Listings answered (200). */
  reads: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  /** The load generator's CPU seconds when it is a process of its own (wrk); else this process's. */
  clientCpuS: number | null;
}

/** A report's body, varied: act, place, time, target, casualties, classification. */
function reportBodies(seed: number): () => string {
  const random = seededRandom(seed);
  return () => {
    const casualties = random.chance(0.5)
      ? null
      : (() => {
          const best = random.int(0, 30);
          return { low: Math.max(0, best - random.int(0, 3)), best, high: best + random.int(0, 5) };
        })();
    const target = random.chance(0.4)
      ? null
      : random.chance(0.5)
        ? { civilian: random.pick(CIVILIAN) }
        : { actor: random.pick(ACTORS) };
    return JSON.stringify({
      claimed_at: new Date(Date.parse('2016-02-27T00:00:00Z') + random.int(0, 300 * 86_400) * 1000).toISOString(),
      time_precision_s: random.int(0, 3600),
      location: { lon: round(random.between(35.8, 42.3), 5), lat: round(random.between(32.4, 37.2), 5) },
      location_precision_m: random.int(0, 5000),
      narrative: `Bench report ${random.int(0, 1e9)}: ${random.pick(ACTS)} reported by a local source.`,
      alleged_perpetrator: random.chance(0.2) ? null : random.pick(ACTORS),
      target,
      act: random.pick(ACTS),
      casualties,
      classification: random.pick(CLASSES),
    });
  };
}

/** Each connection's turn: 4 filings and a listing, or one of them alone (MIX). */
const CYCLE = MIX === 'writes' ? [0] : MIX === 'reads' ? [1] : [0, 0, 0, 0, 1];
const LISTING = '/api/v1/incidents?limit=50';

async function wrkLoad(url: string, token: string, seconds: number, acknowledged: string[]): Promise<Load> {
  const body = reportBodies(seconds * 7919 + acknowledged.length);
  const auth = { Authorization: `Bearer ${token}` };
  const result = await runWrk({
    url,
    connections: CONNECTIONS,
    threads: 2,
    seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/reports',
        headers: { ...auth, 'Content-Type': 'application/json' },
        bodies: Array.from({ length: 4_000 }, body),
      },
      { method: 'GET', path: LISTING, headers: auth },
    ],
    cycle: CYCLE,
  });
  acknowledged.push(...result.created);
  const ok = (result.statuses['200'] ?? 0) + (result.statuses['201'] ?? 0);
  return {
    duration: result.duration,
    requests: result.requests,
    reads: result.statuses['200'] ?? 0,
    non2xx: Object.values(result.statuses).reduce((a, b) => a + b, 0) - ok,
    errors: result.errors,
    p50: round(result.p50, 1),
    p99: round(result.p99, 1),
    clientCpuS: result.cpuS,
  };
}

function autocannonLoad(url: string, token: string, seconds: number, acknowledged: string[]): Promise<Load> {
  const body = reportBodies(seconds * 7919 + acknowledged.length);
  const auth = { authorization: `Bearer ${token}` };
  const post: autocannon.Request = {
    method: 'POST',
    path: '/api/v1/reports',
    headers: { ...auth, 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: body() }),
    onResponse: (status, responseBody) => {
      if (status === 201) acknowledged.push((JSON.parse(responseBody) as { id: string }).id);
    },
  };
  const get: autocannon.Request = { method: 'GET', path: LISTING, headers: auth };
  const requests = [post, get];
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: seconds, requests: CYCLE.map((i) => requests[i]!) },
      (err, result) => {
        if (err) reject(err);
        else
          resolve({
            duration: result.duration,
            requests: result.requests.total,
            reads: result.statusCodeStats?.['200']?.count ?? 0,
            non2xx: result.non2xx,
            errors: result.errors + result.timeouts,
            p50: result.latency.p50,
            p99: result.latency.p99,
            clientCpuS: null,
          });
      },
    );
  });
}

const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: 'bench-admin-password-123', TRUCE_LOG_LEVEL: 'warn' });

async function stopCleanly(server: ServeProcess): Promise<void> {
  const code = await server.stop();
  if (code !== 0) throw new Error(`truce serve stopped with ${code}: ${server.output()}`);
}

/** Runs the CLI; rejects with its output when it exits non-zero. */
async function cli(args: string[], input = ''): Promise<void> {
  const { code, out } = await runTruce(args, ENV, input);
  if (code !== 0) throw new Error(`truce ${args.join(' ')} exited ${code}: ${out}`);
}

async function pgliteTarget(): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-http-bench-'));
  return {
    name: 'pglite',
    flags: ['--data', dir],
    open: () => openDatabase({ dataDir: dir }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(base: string): Promise<Target | { skipped: string }> {
  let database;
  try {
    database = await createScratchDatabase(base, `truce_bench_${Date.now()}`);
  } catch (e) {
    return {
      skipped: `PostgreSQL skipped: ${shownUrl(base)} did not answer (${(e as Error).message})`,
    };
  }
  const url = database.url;
  return {
    name: 'postgres',
    flags: ['--database-url', url],
    open: () => openDatabase({ url }),
    dispose: () => database.drop(),
  };
}
