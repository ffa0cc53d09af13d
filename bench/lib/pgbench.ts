/**
 * The anchor of the HTTP benchmark: pgbench's "simple update" load (`-N`: per transaction, an
 * update of one account, a select and an insert into the history; no contended rows) on the same
 * PostgreSQL, in the same minutes, with as many clients as the benchmark's connections. What the
 * server reaches is reported as a share of pgbench's rate, which means the same on any machine:
 * absolute rates differ twofold between two machines of one kind here.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../../test/scratch-database.ts';

export interface PgbenchRate {
  /** Transactions per second, without the initial connection time. */
  tps: number;
  /** Average latency per transaction, ms. */
  latencyMs: number;
  /** The 99th percentile of the transactions' latencies (pgbench's per-transaction log), ms. */
  p99Ms: number;
  command: string;
}

/** Runs `pgbench -N -c clients -j 2 -T seconds` on a fresh scratch database of `baseUrl`'s server. */
export async function pgbenchRate(baseUrl: string, clients: number, seconds: number): Promise<PgbenchRate> {
  const database = await createScratchDatabase(baseUrl, `truce_pgbench_${Date.now()}`);
  const logs = await mkdtemp(join(tmpdir(), 'truce-pgbench-'));
  try {
    await run(['-i', '-q', '-s', '1', database.url]);
    const args = ['-N', '-n', '-c', String(clients), '-j', '2', '-T', String(seconds)];
    const out = await run([...args, '-l', `--log-prefix=${join(logs, 'tx')}`, database.url]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    const latency = /latency average = ([\d.]+) ms/.exec(out);
    if (!tps) throw new Error(`pgbench printed no rate:\n${out}`);
    return {
      tps: Number(tps[1]),
      latencyMs: Number(latency?.[1] ?? NaN),
      p99Ms: await p99Of(logs),
      command: `pgbench ${args.join(' ')}`,
    };
  } finally {
    await database.drop();
    await rm(logs, { recursive: true, force: true });
  }
}

/** The 99th percentile of the latencies in pgbench's per-transaction logs (third field, in µs), ms. */
async function p99Of(dir: string): Promise<number> {
  const latencies: number[] = [];
  for (const file of await readdir(dir)) {
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (line && Number.isFinite(us)) latencies.push(us);
    }
  }
  if (latencies.length === 0) return NaN;
  latencies.sort((a, b) => a - b);
  return Math.round(latencies[Math.floor(latencies.length * 0.99)]! / 100) / 10;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', (e) =>
      reject(new Error(`pgbench could not run (apt-get install postgresql-client): ${e.message}`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pgbench ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}
