import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { openSse } from '../../test/sse.ts';
import type { DbFlags } from './database.command.ts';
import type { Io } from './io.ts';
import { serve } from './serve.command.ts';
import { captureIo } from '../../test/capture-io.ts';

const POSTGRES_URL = process.env.TRUCE_TEST_DATABASE_URL;

interface Running {
  io: Io & { stdout: string; stderr: string };
  url: string;
  stop(): Promise<number>;
}

/** `truce serve --port 0` in this process, until stop(). */
async function start(flags: DbFlags, options: { empty?: boolean } = {}): Promise<Running> {
  const io = captureIo();
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const exit = serve(io, { port: '0', host: '127.0.0.1', empty: options.empty ?? false }, flags, stopped);
  await Promise.race([
    exit.then((code) => {
      throw new Error(`serve exited ${code}: ${io.stderr}`);
    }),
    expect.poll(() => io.stdout, { timeout: 60_000 }).toMatch(/running at/),
  ]);
  const url = /Truce is running at (\S+)/.exec(io.stdout)![1]!;
  return {
    io,
    url,
    stop: () => {
      stop();
      return exit;
    },
  };
}

async function signIn(url: string, username: string, password: string): Promise<string | null> {
  const res = await fetch(`${url}api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status === 200 ? /truce_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0] : null;
}

const adminPassword = (out: string) => /Admin account: admin, password (\S+)/.exec(out)?.[1];

afterEach(() => {
  delete process.env.TRUCE_ADMIN_PASSWORD;
  delete process.env.TRUCE_TRUST_PROXY;
});

describe('truce serve [pglite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the demo world on the first start, prints the admin password once, serves, and stops cleanly', async () => {
    const server = await start({ data: 'memory://' });
    expect(server.io.stdout).toMatch(
      /^First start on an empty database: .*\n {2}organizations {2}un-ose, us, ru, ocha, sarc, sy-mofa\n {2}demo bundle {4}14 actors, 2 agreements, 13 zones, 30 incidents, .*, 3 convoy requests, a negotiation room .*\n {2}access 2016 {4}5 besieged areas, 9 population estimates, 6 deliveries, 2 local agreements, 3 evacuations\n {2}UCDP 2016 {6}6,170 incidents, [\d,]+ findings, \d+ new actors \([\d.]+ s\)\nFirst start done in [\d.]+ s\.\n/,
    );
    const cookie = await signIn(server.url, 'admin', adminPassword(server.io.stdout)!);
    expect(cookie).not.toBeNull();
    const me = await fetch(`${server.url}api/v1/auth/me`, { headers: { cookie: cookie! } });
    expect(await me.json()).toMatchObject({ username: 'admin', org: 'un-ose', role: 'admin' });
    const stream = await openSse(`${server.url}api/v1/events`, { cookie: cookie! });
    expect(stream.status).toBe(200);
    expect(await server.stop()).toBe(0);
    await stream.ended; // the open stream was ended by the shutdown, not left hanging
    expect(server.io.stdout).toMatch(/Stopping\.\.\.\nStopped\.\n$/);
  });

  it('with --empty and TRUCE_ADMIN_PASSWORD: only the admin; a second start loads nothing; a taken port is refused', async () => {
    process.env.TRUCE_ADMIN_PASSWORD = 'from the environment';
    const first = await start({ data: dir }, { empty: true });
    expect(first.io.stdout).toMatch(
      /^First start: no users yet, creating the admin account\.\.\.\n {2}organizations {2}un-ose\nFirst start done in [\d.]+ s\.\nAdmin account: admin, with the password in TRUCE_ADMIN_PASSWORD\nTruce is running at /,
    );
    expect(first.io.stdout).not.toContain('from the environment');
    const port = new URL(first.url).port;
    const io = {
      stdout: '',
      stderr: '',
      isTty: false,
      out: (t: string) => {
        io.stdout += t;
      },
      err: (t: string) => {
        io.stderr += t;
      },
    };
    expect(
      await serve(io, { port, host: '127.0.0.1', empty: true }, { data: 'memory://' }, new Promise(() => {})),
    ).toBe(1);
    expect(io.stderr).toBe(`truce serve: 127.0.0.1:${port} is in use; choose another port with --port\n`);
    process.env.TRUCE_ADMIN_PASSWORD = 'short';
    io.stderr = '';
    expect(
      await serve(io, { port: '0', host: '127.0.0.1', empty: true }, { data: 'memory://' }, new Promise(() => {})),
    ).toBe(2);
    expect(io.stderr).toBe('truce serve: TRUCE_ADMIN_PASSWORD: must be at least 10 characters\n');
    // A tile setting the map could not use is refused before anything starts.
    await expect(
      serve(
        io,
        { port: '0', host: '127.0.0.1', empty: true, tileUrl: 'tiles.example.org/{z}/{x}/{y}.png' },
        { data: 'memory://' },
        new Promise(() => {}),
      ),
    ).rejects.toThrow(/^--tile-url "tiles.example.org\/\{z\}\/\{x\}\/\{y\}.png" is not a URL/);
    expect(await first.stop()).toBe(0);

    // Behind a TLS-terminating proxy on this host (TRUCE_TRUST_PROXY, or --trust-proxy).
    process.env.TRUCE_TRUST_PROXY = '127.0.0.1';
    const again = await start({ data: dir });
    expect(again.io.stdout).toMatch(/^Truce is running at /);
    expect(await signIn(again.url, 'admin', 'from the environment')).not.toBeNull();
    const proxied = await fetch(`${again.url}api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'admin', password: 'from the environment' }),
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(await again.stop()).toBe(0);
  }, 180_000); // three starts of the server, one on a data directory: over a minute on a loaded machine
});

describe.runIf(POSTGRES_URL)('truce serve [postgres]', () => {
  const schema = `test_serve_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = `${POSTGRES_URL}${POSTGRES_URL?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  beforeAll(async () => {
    const admin = await openDatabase({ url: POSTGRES_URL!, migrate: false });
    await admin.query(`create schema ${schema}`);
    await admin.close();
  });
  afterAll(async () => {
    const admin = await openDatabase({ url: POSTGRES_URL!, migrate: false });
    await admin.query(`drop schema ${schema} cascade`);
    await admin.close();
  });

  it('loads the demo world once; two servers run side by side on one database', async () => {
    const first = await start({ 'database-url': url });
    expect(first.io.stdout).toMatch(/UCDP 2016 {6}6,170 incidents/);
    expect(first.io.stdout).toContain('(PostgreSQL;');
    const password = adminPassword(first.io.stdout)!;
    const second = await start({ 'database-url': url });
    expect(second.io.stdout).toMatch(/^Truce is running at /);
    expect(await signIn(second.url, 'admin', password)).not.toBeNull();
    expect(await second.stop()).toBe(0);
    expect(await first.stop()).toBe(0);
  });
});

if (!POSTGRES_URL) {
  describe.skip('truce serve [postgres]', () => {
    it('is skipped: TRUCE_TEST_DATABASE_URL is not set (.ci/run sets it)', () => {});
  });
}
