/**
 * A crash during a burst of writes: `truce serve` runs as a child process, concurrent reports are
 * filed, the server is killed with SIGKILL mid-burst and started again on the same database.
 * Every report that got a 201 must be there, and the audit trail must verify once sealed (entries
 * written just before the kill are unsealed: sealing is done in the background, after commit).
 * On PGlite (a fresh data directory) always; on PostgreSQL (a fresh database) when
 * TRUCE_TEST_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../test/scratch-database.ts';
import { createApiToken, runTruce, type ServeProcess, startTruceServe, truceEnv } from '../../test/truce-process.ts';

const POSTGRES_URL = process.env.TRUCE_TEST_DATABASE_URL;
const PASSWORD = 'crash-test-password';
const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: 'crash-admin-password', TRUCE_LOG_LEVEL: 'error' });

const cli = (args: string[], input = '') => runTruce(args, ENV, input);
const start = (flags: string[]) => startTruceServe(flags, ENV);

const body = (n: number) =>
  JSON.stringify({
    claimed_at: new Date(Date.parse('2016-03-01T00:00:00Z') + n * 60_000).toISOString(),
    location: { lon: 36 + (n % 100) / 100, lat: 35 + (n % 37) / 100 },
    act: 'shelling',
    narrative: `crash test report ${n}`,
    casualties: { low: 0, best: n % 5, high: 10 },
  });

/**
 * Files reports from `connections` loops until the server dies; kills it (SIGKILL) once
 * `killAfter` reports were acknowledged. Returns the ids of the acknowledged ones.
 */
async function burstAndKill(
  server: ServeProcess,
  token: string,
  connections: number,
  killAfter: number,
): Promise<string[]> {
  const acknowledged: string[] = [];
  let n = 0;
  let dead = false;
  const loop = async () => {
    while (!dead) {
      try {
        const res = await fetch(`${server.url}/api/v1/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body(n++),
        });
        if (res.status === 201) {
          acknowledged.push(((await res.json()) as { id: string }).id);
          if (acknowledged.length >= killAfter && !dead) {
            dead = true;
            server.child.kill('SIGKILL');
          }
        } else {
          expect.fail(`unexpected ${res.status}: ${await res.text()}`);
        }
      } catch {
        // The connection died with the server: that request was never acknowledged.
        if (dead) return;
        throw new Error('the server stopped answering before it was killed');
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  await server.exited;
  return acknowledged;
}

function crashTest(flags: () => string[]) {
  it('keeps every acknowledged report through a kill -9 mid-burst, and the audit trail verifies after sealing', async () => {
    expect((await cli(['org', 'add', 'crash', '--name', 'Crash monitors', '--kind', 'monitor', ...flags()])).code).toBe(
      0,
    );
    expect(
      (
        await cli(
          ['user', 'add', 'crash-reporter', '--org', 'crash', '--role', 'reporter', '--password-stdin', ...flags()],
          `${PASSWORD}\n`,
        )
      ).code,
    ).toBe(0);

    const first = await start(flags());
    const token = await createApiToken(first.url, 'crash-reporter', PASSWORD, 'crash');
    const acknowledged = await burstAndKill(first, token, 16, 300);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const second = await start(flags());
    try {
      const missing: string[] = [];
      for (const id of acknowledged) {
        const res = await fetch(`${second.url}/api/v1/reports/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 200) missing.push(`${id}: ${res.status}`);
      }
      expect(missing).toEqual([]);
      const count = await fetch(`${second.url}/api/v1/reports/count`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await count.json()) as { count: number }).count).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      expect(await second.stop()).toBe(0);
    }

    const seal = await cli(['audit', 'seal', ...flags()]);
    expect(seal.code, seal.out).toBe(0);
    const verify = await cli(['audit', 'verify', ...flags()]);
    expect(verify.code, verify.out).toBe(0);
  }, 240_000);
}

describe('kill -9 during a burst of writes [pglite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  crashTest(() => ['--data', dir]);
});

describe.skipIf(!POSTGRES_URL)('kill -9 during a burst of writes [postgres]', () => {
  let database: ScratchDatabase | undefined;
  beforeAll(async () => {
    database = await createScratchDatabase(POSTGRES_URL!, `truce_crash_${process.pid}_${Date.now()}`);
  });
  afterAll(() => database?.drop());
  crashTest(() => ['--database-url', database!.url]);
});
