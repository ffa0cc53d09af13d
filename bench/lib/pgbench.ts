/**
 * The anchor of the HTTP benchmark: pgbench's "simple update" load (`-N`: per transaction, an
 * update of one account, a select and an insert into the history; no contended rows) on the same
 * PostgreSQL, in the same minutes, with as many clients as the benchmark's connections. What the
 * server reaches is reported as a share of pgbench's rate, which means the same on any machine:
 * absolute rates differ twofold between two machines of one kind here.
 */
import { spawn } from 'node:child_process';
import { createScratchDatabase } from '../../test/scratch-database.ts';

export interface PgbenchRate {
  /** Transactions per second, without the initial connection time. */
  tps: number;
  /** Average latency per transaction, ms. */
  latencyMs: number;
  command: string;
}

/** Runs `pgbench -N -c clients -j 2 -T seconds` on a fresh scratch database of `baseUrl`'s server. */
export async function pgbenchRate(baseUrl: string, clients: number, seconds: number): Promise<PgbenchRate> {
  const database = await createScratchDatabase(baseUrl, `truce_pgbench_${Date.now()}`);
  try {
    await run(['-i', '-q', '-s', '1', database.url]);
    const args = ['-N', '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), database.url];
    const out = await run(args);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    const latency = /latency average = ([\d.]+) ms/.exec(out);
    if (!tps) throw new Error(`pgbench printed no rate:\n${out}`);
    return {
      tps: Number(tps[1]),
      latencyMs: Number(latency?.[1] ?? NaN),
      command: `pgbench ${args.slice(0, -1).join(' ')}`,
    };
  } finally {
    await database.drop();
  }
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
