/**
 * `truce` commands run while `truce serve` runs, as an operator would, both as child processes.
 * On the embedded database only one process may open the data directory: every command that
 * opens it is refused with what to do instead, writes nothing, and leaves the server working;
 * a second server is refused the same way, and so is a server when a command holds the
 * directory. On PostgreSQL the commands run beside the server and it sees what they wrote.
 * One server per database: starting one costs seconds. Most commands run through `main` in this
 * process (the lock and the database do not care which process asks; a Node process costs seconds
 * on two busy cores); those that read a password from stdin, and one more, run as processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../test/scratch-database.ts';
import { createApiToken, runTruce, type ServeProcess, startTruceServe, truceEnv } from '../../test/truce-process.ts';
import { captureOutput } from '../../test/capture-io.ts';
import { LOCK_FILE, lockDataDir } from '../store/data-dir-lock.ts';
import { main } from './main.ts';

const POSTGRES_URL = process.env.TRUCE_TEST_DATABASE_URL;
const ROOT = new URL('../../', import.meta.url).pathname;
const ALEPPO = join(ROOT, '../shared/examples/aleppo-2016.json');
const UCDP_SAMPLE = join(ROOT, 'test/fixtures/ucdp-sample.csv');
const ADMIN_PASSWORD = 'beside-admin-password';
const PASSWORD = 'beside-monitor-password';
const NEW_PASSWORD = 'beside-monitor-new-password';
const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUCE_LOG_LEVEL: 'error' });

const signIn = async (url: string, username: string, password: string) =>
  (
    await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
  ).status;

const get = async (url: string, token: string, path: string) =>
  fetch(`${url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

/**
 * Every command of the table that opens the database, with arguments (and stdin) it could run with;
 * `process`: run as an operator runs it (stdin, exit code), the others through `main`.
 */
const DATABASE_COMMANDS: { args: string[]; input?: string; process?: true }[] = [
  { args: ['scenario', 'load', ALEPPO] },
  { args: ['import', 'ucdp', UCDP_SAMPLE] },
  { args: ['org', 'add', 'beside', '--name', 'Beside monitors', '--kind', 'monitor'] },
  {
    args: ['user', 'add', 'beside-monitor', '--org', 'beside', '--role', 'monitor', '--password-stdin'],
    input: PASSWORD,
    process: true,
  },
  { args: ['user', 'passwd', 'admin', '--password-stdin'], input: NEW_PASSWORD, process: true },
  { args: ['user', 'disable', 'admin'] },
  { args: ['user', 'enable', 'admin'] },
  { args: ['token', 'revoke', 'some-token-id'] },
  { args: ['audit', 'seal'] },
  { args: ['settings', 'set', '--timezone', 'UTC'] },
  { args: ['settings'] },
  { args: ['findings'], process: true },
  { args: ['user', 'list'] },
  { args: ['token', 'list', 'admin'] },
  { args: ['audit', 'verify'] },
  { args: ['audit', 'head'] },
];

/** A command through `main` in this process: its exit code and everything it printed. */
async function runHere(args: string[]): Promise<{ code: number; out: string }> {
  const io = captureOutput();
  const code = await main(args, io);
  return { code, out: io.stdout };
}

/** Runs the commands, those run as processes side by side. */
async function runAll(flags: string[]): Promise<{ args: string[]; code: number | null; out: string }[]> {
  const inProcess = DATABASE_COMMANDS.filter((c) => !c.process);
  const processes = DATABASE_COMMANDS.filter((c) => c.process);
  const started = processes.map(async (c) => ({
    args: c.args,
    ...(await runTruce([...c.args, ...flags], ENV, c.input)),
  }));
  const results: { args: string[]; code: number | null; out: string }[] = [];
  for (const c of inProcess) results.push({ args: c.args, ...(await runHere([...c.args, ...flags])) });
  return [...results, ...(await Promise.all(started))];
}

describe('truce commands beside a running server [pglite]', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'truce-beside-'));
  const dir = join(tmp, 'data');
  let server: ServeProcess | undefined;
  beforeAll(async () => {
    server = await startTruceServe(['--data', dir], ENV);
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses every command that opens the directory, saying what to do instead; nothing is written and the server works on', async () => {
    const url = server!.url;
    for (const r of await runAll(['--data', dir])) {
      const name = r.args.slice(0, r.args[0] === 'findings' ? 1 : 2).join(' ');
      expect(r.code, r.args.join(' ')).toBe(1);
      expect(r.out).toMatch(
        new RegExp(
          `^truce ${name}: the embedded database in ${dir} is open in another truce process \\(pid ${server!.child.pid}, "serve --empty --port 0 --data ${dir}", since \\S+\\); one directory can be open in only one process\\.\\n` +
            'Stop the server, or use the API, or set DATABASE_URL to work on PostgreSQL, where the server and commands can run together\\.\\n$',
        ),
      );
    }
    // The refused password change and disabling did nothing: the admin signs in as before.
    expect(await signIn(url, 'admin', ADMIN_PASSWORD)).toBe(200);

    // A second server on the same directory is refused too (and exits rather than serving).
    const second = await runTruce(['serve', '--empty', '--port', '0', '--data', dir], ENV);
    expect(second.code).toBe(1);
    expect(second.out).toMatch(
      /^truce serve: the embedded database in .* is open in another truce process \(pid \d+, "serve --empty --port 0 --data [^"]+", since \S+\); one directory can be open in only one process\.\nStop the other process first, or give this server another directory with --data DIR, or run the servers on PostgreSQL \(DATABASE_URL\), where several can share one database\.\n$/,
    );
    expect(await signIn(url, 'admin', ADMIN_PASSWORD)).toBe(200);

    // Stopped, the server leaves the directory free, and the commands find nothing of the refused ones.
    expect(await server!.stop()).toBe(0);
    const users = await runTruce(['user', 'list', '--data', dir], ENV);
    expect(users.code, users.out).toBe(0);
    expect(users.out).toMatch(/^admin +\S+ +admin +\S+ +active$/m);
    expect(users.out).not.toContain('beside-monitor');
    const findings = await runTruce(['findings', '--json', '--data', dir], ENV);
    expect(findings.code, findings.out).toBe(0);
    expect(JSON.parse(findings.out)).toMatchObject({ findings: [] });
    // Had the refused `org add` written, adding it now would be a conflict.
    expect(
      await runTruce(['org', 'add', 'beside', '--name', 'Beside monitors', '--kind', 'monitor', '--data', dir], ENV),
    ).toMatchObject({ code: 0 });
  }, 240_000);

  it('refuses a server when a command holds the directory: whichever opens first keeps it', async () => {
    const other = join(tmp, 'held');
    const lock = lockDataDir(other, 'import ucdp big.csv');
    try {
      const refused = await runTruce(['serve', '--empty', '--port', '0', '--data', other], ENV);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(
        `truce serve: the embedded database in ${other} is open in another truce process (pid ${process.pid}, "import ucdp big.csv", since `,
      );
    } finally {
      lock.release();
    }
  }, 60_000);
});

describe('a truce command stopped with Ctrl-C [pglite]', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'truce-sigint-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('releases the data directory as it exits', async () => {
    const dir = join(tmp, 'data');
    // `user add --password-stdin` opens the database, then waits for the password: stopped there.
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/truce.js'),
        'user',
        'add',
        'someone',
        '--org',
        'un-ose',
        '--role',
        'monitor',
        '--password-stdin',
        '--data',
        dir,
      ],
      { cwd: ROOT, env: ENV, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lock = join(dir, LOCK_FILE);
    // The lock is taken before PGlite creates the directory's files (initdb: seconds).
    for (let i = 0; i < 600 && !existsSync(join(dir, 'PG_VERSION')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(lock)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(lock)).toBe(false);
  }, 120_000);
});

describe.skipIf(!POSTGRES_URL)('truce commands beside a running server [postgres]', () => {
  let database: ScratchDatabase | undefined;
  let server: ServeProcess | undefined;
  beforeAll(async () => {
    database = await createScratchDatabase(POSTGRES_URL!, `truce_beside_${process.pid}_${Date.now()}`);
    server = await startTruceServe(['--database-url', database.url], ENV);
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await database?.drop();
  });

  it('runs every command beside the server, which sees what they wrote', async () => {
    const url = server!.url;
    const flags = ['--database-url', database!.url];
    // A password on stdin needs a process of its own; the rest run through `main` here.
    const cli = async (args: string[], input?: string) => {
      const r =
        input === undefined ? await runHere([...args, ...flags]) : await runTruce([...args, ...flags], ENV, input);
      expect(r.code, `${args.join(' ')}: ${r.out}`).toBe(0);
      return r.out;
    };
    const admin = await createApiToken(url, 'admin', ADMIN_PASSWORD, 'beside');

    await cli(['org', 'add', 'beside', '--name', 'Beside monitors', '--kind', 'monitor']);
    expect(await (await get(url, admin, '/organizations')).text()).toContain('Beside monitors');
    await cli(['user', 'add', 'beside-monitor', '--org', 'beside', '--role', 'monitor', '--password-stdin'], PASSWORD);
    expect(await signIn(url, 'beside-monitor', PASSWORD)).toBe(200);
    expect(await cli(['user', 'list'])).toMatch(/^beside-monitor +beside +monitor +\S+ +active$/m);

    await cli(['user', 'passwd', 'beside-monitor', '--password-stdin'], NEW_PASSWORD);
    expect(await signIn(url, 'beside-monitor', NEW_PASSWORD)).toBe(200);
    expect(await signIn(url, 'beside-monitor', PASSWORD)).toBe(401);
    await cli(['user', 'disable', 'beside-monitor']);
    expect(await signIn(url, 'beside-monitor', NEW_PASSWORD)).not.toBe(200);
    await cli(['user', 'enable', 'beside-monitor']);
    expect(await signIn(url, 'beside-monitor', NEW_PASSWORD)).toBe(200);

    // A token the server has not seen used yet (so not cached): revoked by the command, refused by the server.
    const token = await createApiToken(url, 'beside-monitor', NEW_PASSWORD, 'to revoke');
    const id = /^(\S+) +to revoke +.* active$/m.exec(await cli(['token', 'list', 'beside-monitor']))?.[1];
    expect(id).toBeDefined();
    await cli(['token', 'revoke', id!]);
    expect((await get(url, token, '/incidents/count')).status).toBe(401);

    await cli(['scenario', 'load', ALEPPO]);
    expect((await get(url, admin, '/incidents/i01')).status).toBe(200);
    await cli(['import', 'ucdp', UCDP_SAMPLE]);
    expect((await get(url, admin, '/incidents/ucdp-214797')).status).toBe(200);
    expect(await cli(['findings'])).toMatch(/i01 /);

    expect(await cli(['audit', 'seal'])).toMatch(/^Sealed [\d,]+ entr(y|ies)\.\n$/);
    expect(await cli(['audit', 'verify'])).toMatch(/^OK: /);
    expect(await cli(['audit', 'head'])).toMatch(/^[0-9a-f]{64}\n$/);
  }, 240_000);
});
