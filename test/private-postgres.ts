/**
 * A PostgreSQL 15 server of a test's own (initdb into a temporary directory, on a free port), for
 * tests that stop and restart it: the shared server on 5432 serves other tests meanwhile. As
 * root, the server runs as the user postgres (PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** `pg_ctl stop -m fast`: connections are terminated (57P01), new ones refused. */
  stop(): void;
  start(): void;
  /** The server's log, for a failure message. */
  log(): string;
  destroy(): void;
}

/** Why this machine cannot run a private server, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!existsSync(join(BIN, 'initdb'))) return `no PostgreSQL 15 binaries in ${BIN} (Debian's postgresql-15)`;
  const root = process.getuid?.() === 0;
  if (root) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root, and there is no user postgres to run the server as';
    }
  } else {
    try {
      accessSync(join(BIN, 'postgres'), constants.X_OK);
    } catch {
      return `${BIN}/postgres is not executable by this user`;
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'truce-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const run = (command: string, args: string[]) => {
    const [file, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]]
      : [join(BIN, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const options = `-k /tmp -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options]);
  const stop = () => run('pg_ctl', ['stop', '-w', '-t', '60', '-m', 'fast', '-D', data]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    destroy: () => {
      try {
        run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
      } catch {
        // stopped already
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
