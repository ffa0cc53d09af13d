import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../http/server.ts';
import type { Database } from '../store/sql.ts';
import { TEST_DATABASES } from '../../test/databases.ts';
import { PASSWORD, seedAccounts } from '../../test/server.ts';
import { openSse } from '../../test/sse.ts';
import { createContext } from '../app/context.ts';
import type { TruceEvent } from '../app/events.ts';
import { PgEventBus } from './pg-event-bus.ts';

const URL = process.env.TRUCE_TEST_DATABASE_URL;
const postgres = TEST_DATABASES.find((t) => t.name === 'postgres');
const AT = Date.parse('2016-09-19T18:00:00Z');
const event = (id: string): TruceEvent => ({ type: 'report.created', entity: 'report', id, at: AT });

/** Collects what a bus delivers. */
function collect(bus: PgEventBus): TruceEvent[] {
  const seen: TruceEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  return seen;
}

describe.runIf(postgres)('PgEventBus: two processes on one PostgreSQL database [postgres]', () => {
  let db: Database;
  let a: PgEventBus;
  let b: PgEventBus;
  // A channel of our own: test files run side by side on one server, and NOTIFY is per database.
  const channel = `truce_events_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    db = await postgres!.open();
    a = await PgEventBus.connect({ url: URL!, sql: db, channel });
    b = await PgEventBus.connect({ url: URL!, sql: db, channel });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.close();
  });

  it('delivers an event published by one bus to the other, and once to its own subscribers', async () => {
    const onA = collect(a);
    const onB = collect(b);
    a.publish(event('r1'));
    b.publish(event('r2'));
    await expect.poll(() => onB.map((e) => e.id)).toEqual(['r2', 'r1']);
    await expect.poll(() => onA.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(onA[0]).toEqual(event('r1'));
    await new Promise((r) => setTimeout(r, 200));
    expect(onA).toHaveLength(2); // its own event was not delivered again by the notification
  });

  it('ignores notifications that are not events', async () => {
    const onB = collect(b);
    await db.query('select pg_notify($1, $2)', [channel, 'not json']);
    await db.query('select pg_notify($1, $2)', [
      channel,
      JSON.stringify({
        origin: 'x',
        events: [
          { type: 'drop.tables', entity: 'report', id: 'r', at: 1 },
          { type: 'alert', entity: 'report', id: 7, at: 1 },
          event('ok'),
        ],
      }),
    ]);
    a.publish(event('r3'));
    await expect.poll(() => onB.map((e) => e.id)).toEqual(['ok', 'r3']);
  });

  it('sends a burst of events in few notifications, all of them, in order', async () => {
    const onB = collect(b);
    const listener = new pg.Client({ connectionString: URL! });
    await listener.connect();
    let notifications = 0;
    listener.on('notification', () => notifications++);
    await listener.query(`listen ${channel}`);
    const ids = Array.from({ length: 500 }, (_, i) => `burst-${i}-${'x'.repeat(40)}`);
    for (const id of ids) a.publish(event(id));
    await expect.poll(() => onB.length).toBe(500);
    expect(onB.map((e) => e.id)).toEqual(ids);
    await expect.poll(() => notifications).toBeGreaterThan(1); // 500 events do not fit in one (8 kB at most)
    expect(notifications).toBeLessThan(20);
    await listener.end();
  });

  it('listens again when its connection is lost', async () => {
    const errors: unknown[] = [];
    const c = await PgEventBus.connect({ url: URL!, sql: db, channel, onError: (e) => errors.push(e) });
    const onC = collect(c);
    a.publish(event('before'));
    await expect.poll(() => onC.map((e) => e.id)).toEqual(['before']);
    // Cut every connection listening on the channel but the other buses': c's is the newest.
    await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
      where query = $1 and backend_start = (select max(backend_start) from pg_stat_activity where query = $1)`,
      [`listen ${channel}`],
    );
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          a.publish(event('after'));
          await new Promise((r) => setTimeout(r, 100));
          return onC.some((e) => e.id === 'after');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await c.close();
  });

  it("streams to a client of the second server what a write on the first published, by the client's clearance", async () => {
    const ctxA = createContext(db, { events: a, sealDelayMs: 5 });
    const ctxB = createContext(db, { events: b, sealDelayMs: 5 });
    await seedAccounts(ctxA);
    const appB = await buildServer({ ctx: ctxB });
    try {
      await appB.listen({ port: 0, host: '127.0.0.1' });
      const { port } = appB.server.address() as { port: number };
      const open = async (username: string) => {
        const login = await appB.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: PASSWORD },
        });
        const cookie = login.cookies.find((c) => c.name === 'truce_session')!;
        return openSse(`http://127.0.0.1:${port}/api/v1/events`, { cookie: `truce_session=${cookie.value}` });
      };
      const analyst = await open('us-analyst');
      const ngo = await open('ngo-reporter');
      for (const [id, classification] of [
        ['r-secret', 'co_chairs'],
        ['r-public', 'public'],
      ]) {
        await db.query(
          `insert into reports (id, org_id, channel, claimed_at, lon, lat, act, classification, owner_org)
           values ($1, 'ru', 'web', $2, 36.5, 35.5, 'shelling', $3, 'ru')`,
          [id, new Date(AT).toISOString(), classification],
        );
        ctxA.events.publish(event(id!));
      }
      await analyst.waitFor((m) => m.data.id === 'r-secret');
      await analyst.waitFor((m) => m.data.id === 'r-public');
      await ngo.waitFor((m) => m.data.id === 'r-public');
      expect(ngo.messages.map((m) => m.data.id)).toEqual(['r-public']);
      analyst.close();
      ngo.close();
    } finally {
      await appB.close();
      await ctxA.close();
      await ctxB.close();
    }
  });
});

if (!postgres) {
  describe.skip('PgEventBus: two processes on one PostgreSQL database [postgres]', () => {
    it('is skipped: TRUCE_TEST_DATABASE_URL is not set (.ci/run sets it)', () => {});
  });
}
