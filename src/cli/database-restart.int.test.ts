/**
 * PostgreSQL restarting under a running `truce serve` (issue 15, item 13). Two servers run as
 * child processes on a private PostgreSQL 15 (test/private-postgres.ts: restarting the shared
 * one would break other tests), under light load from both. PostgreSQL stops (fast: every
 * connection, idle or in use, is terminated) and starts again. Both processes must live through
 * it, answer 503 `UNAVAILABLE` while it is away and 200 after, on their own; the event bus of the
 * one listening must reconnect (a report filed on the other reaches its stream), an event stream
 * reconnecting with Last-Event-ID gets what it missed, and the audit sealer seals what is written
 * after. Neither may log pg's "already executing a query" warning (two queries at once on one
 * connection).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privatePostgresUnavailable, type PrivatePostgres, startPrivatePostgres } from '../../test/private-postgres.ts';
import { openSse } from '../../test/sse.ts';
import { createApiToken, type ServeProcess, startTruceServe, truceEnv } from '../../test/truce-process.ts';

const unavailable = privatePostgresUnavailable();
const ADMIN_PASSWORD = 'restart-admin-password';
const ENV = truceEnv({ TRUCE_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUCE_LOG_LEVEL: 'warn' });

let n = 0;
const report = () =>
  JSON.stringify({
    claimed_at: new Date(Date.parse('2016-03-01T00:00:00Z') + n * 60_000).toISOString(),
    location: { lon: 36.2, lat: 35.1 },
    act: 'shelling',
    narrative: `restart test report ${n++}`,
  });

if (unavailable) console.warn(`database-restart test skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('PostgreSQL restarting under truce serve', () => {
  let postgres: PrivatePostgres;
  let a: ServeProcess;
  let b: ServeProcess;
  let token: string;
  let url: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database truce');
    await admin.end();
    url = postgres.url.replace(/\/postgres$/, '/truce');
    a = await startTruceServe(['--database-url', url], ENV);
    b = await startTruceServe(['--database-url', url], ENV);
    token = await createApiToken(a.url, 'admin', ADMIN_PASSWORD, 'restart test');
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    postgres?.destroy();
  });

  const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const file = (server: ServeProcess) =>
    fetch(`${server.url}/api/v1/reports`, { method: 'POST', headers: headers(), body: report() });
  const list = (server: ServeProcess) => fetch(`${server.url}/api/v1/reports?limit=5`, { headers: headers() });

  it('answers 503 while PostgreSQL is away and 200 after, events resume from the last id, and the sealer carries on', async () => {
    // Before: a report filed on B reaches a stream on A (LISTEN/NOTIFY).
    const before = await openSse(`${a.url}/api/v1/events`, { authorization: `Bearer ${token}` });
    const first = await file(b);
    expect(first.status).toBe(201);
    const firstId = ((await first.json()) as { id: string }).id;
    const seen = await before.waitFor((m) => m.data.type === 'report.created' && m.data.id === firstId, 10_000);

    // Light load on both servers, through the restart: every answer is counted.
    const statuses = new Map<string, number>();
    const bodies: string[] = [];
    let loading = true;
    const loop = async (server: ServeProcess, write: boolean) => {
      while (loading) {
        try {
          const res = await (write ? file(server) : list(server));
          const key = `${write ? 'write' : 'read'} ${res.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.status !== 200 && res.status !== 201) bodies.push(await res.text());
          else await res.arrayBuffer();
        } catch (e) {
          statuses.set(
            `no answer: ${(e as Error).message}`,
            (statuses.get(`no answer: ${(e as Error).message}`) ?? 0) + 1,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const load = [loop(a, false), loop(a, true), loop(b, false), loop(b, true)];
    await new Promise((r) => setTimeout(r, 300));

    const stoppedAt = Date.now();
    postgres.stop();
    // Away: reads and writes are refused with 503 and a statement, on both servers.
    for (const server of [a, b]) {
      for (const res of [await list(server), await file(server)]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('2');
        const body = (await res.json()) as { code: string; message: string; statement: { code: string } };
        expect(body.code).toBe('UNAVAILABLE');
        expect(body.statement.code).toBe('error.unavailable');
        expect(body.message).toMatch(/database cannot be reached/);
      }
    }
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    before.close();

    postgres.start();
    const startedAt = Date.now();
    // Back: both answer again on their own (the first requests may still meet a dead connection).
    let firstOk = 0;
    for (const server of [a, b]) {
      for (let i = 0; ; i++) {
        const res = await list(server);
        if (res.status === 200) break;
        expect(res.status).toBe(503);
        expect(i).toBeLessThan(100);
        await new Promise((r) => setTimeout(r, 100));
      }
      firstOk ||= Date.now();
    }
    loading = false;
    await Promise.all(load);
    console.log(
      `restart: PostgreSQL stopped for ${startedAt - stoppedAt} ms; the first 200 came ${firstOk - startedAt} ms after it started; ` +
        `answers under load: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    // Under load, nothing but success and 503: no 500, no connection refused (the process lives).
    for (const key of statuses.keys()) expect(key).toMatch(/^(read 200|write 201|read 503|write 503)$/);
    for (const body of bodies) expect(JSON.parse(body)).toMatchObject({ code: 'UNAVAILABLE' });
    expect(statuses.get('read 503') ?? 0).toBeGreaterThan(0);

    // A's LISTEN connection comes back: a report filed on B reaches a new stream on A.
    const after = await openSse(`${a.url}/api/v1/events`, { authorization: `Bearer ${token}` });
    let missedId = '';
    for (let i = 0; !missedId; i++) {
      expect(i).toBeLessThan(40);
      const res = await file(b);
      expect(res.status).toBe(201);
      const id = ((await res.json()) as { id: string }).id;
      const got = await after
        .waitFor((m) => m.data.type === 'report.created' && m.data.id === id, 500)
        .catch(() => null);
      if (got) missedId = id;
    }
    after.close();

    // The stream closed before the outage reconnects with its last id and gets what it missed.
    const resumed = await openSse(`${a.url}/api/v1/events`, {
      authorization: `Bearer ${token}`,
      'last-event-id': seen.id!,
    });
    const replayed = await resumed.waitFor((m) => m.data.type === 'report.created' && m.data.id === missedId, 10_000);
    expect(replayed.id).not.toBe(seen.id);
    expect(resumed.messages.some((m) => m.data.id === firstId)).toBe(false);
    resumed.close();

    // The sealer carries on: what was written after the restart is sealed into the chain.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      for (let i = 0; ; i++) {
        const { rows } = await check.query<{ pending: string }>('select count(*) as pending from audit_unsealed');
        if (rows[0]!.pending === '0') break;
        expect(i).toBeLessThan(100);
        await new Promise((r) => setTimeout(r, 200));
      }
      const { rows } = await check.query<{ n: string }>(
        "select count(*) as n from audit_log join audit_chain using (seq) where entity = 'report'",
      );
      expect(Number(rows[0]!.n)).toBeGreaterThan(1);
    } finally {
      await check.end();
    }

    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    for (const server of [a, b])
      expect(server.output()).not.toMatch(/already executing a query|Connection terminated unexpectedly\n\s+at/);
  }, 120_000);
});
