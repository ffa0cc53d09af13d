/**
 * Webhooks delivered to a real receiver on 127.0.0.1: signed so that the receiver can check them,
 * tried again after a failure until the receiver answers (once), failed after the last attempt, under
 * the subscriber's clearance (a record it may not see sends nothing, at fan-out or at the attempt, and
 * the log does not list it), in the subscription's area, on a hotline escalation to its parties only;
 * and durable: an acknowledged write is delivered by a server started after the one that wrote it, and an
 * attempt whose server stopped during it is made again. The dispatcher is run pass by pass
 * (`dispatchWebhooks`), never by the clock; retries are made due at once (`retryBaseMs: 0`).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startTestServer } from '../../../test/server.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.ts';
import { openDatabase } from '../../store/database.ts';
import * as webhooks from '../../store/webhook.repository.ts';
import { createContext } from '../context.ts';
import { sweepEscalations } from '../hotline/sweep-escalations.ts';
import { dispatchWebhooks, fanOut, startWebhookDispatcher } from './dispatch.ts';

const NOW = { retryBaseMs: 0 };

describeEachDatabase('webhooks delivered', (db) => {
  const server = useTestServer(db, { start: (d) => startTestServer(d, { webhooks: { allowPrivateTargets: true } }) });
  let receiver: Receiver;
  beforeEach(async () => {
    await server.fresh();
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await receiver.close();
  });

  const call = async (user: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await server.call(user, {
      method,
      url,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
    return res;
  };
  async function subscribe(user: string, body: Record<string, unknown>, to = receiver.url) {
    const res = await call(user, 'POST', '/api/v1/webhooks', { name: `${user}'s receiver`, url: to, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; secret: string }>();
  }
  async function incident(user: string, over: Record<string, unknown> = {}): Promise<string> {
    const res = await call(user, 'POST', '/api/v1/incidents', {
      occurred_at: '2016-09-19T19:15:00+03:00',
      location: { lon: 36.931, lat: 36.155 },
      act: 'shelling',
      headline: 'Shelling near Urum al-Kubra',
      classification: 'public',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }
  const log = async (user: string, id: string) => {
    const res = await call(user, 'GET', `/api/v1/webhooks/${id}/deliveries`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      items: {
        id: string;
        event: string;
        state: string;
        record: { entity: string; id: string };
        subject: { title: string | null };
        attempts: { attempt: number; status_code: number | null; error: string | null }[];
      }[];
    }>().items;
  };

  it('delivers a new incident signed: the receiver checks the HMAC of the timestamp and the body with the secret', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    const id = await incident('us-analyst');
    const pass = await dispatchWebhooks(server.ctx);
    expect(pass.attempts).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const timestamp = got!.headers['x-truce-timestamp'] as string;
    const expected = createHmac('sha256', hook.secret).update(`${timestamp}.${got!.body}`).digest('hex');
    expect(got!.headers['x-truce-signature']).toBe(`sha256=${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    expect(got!.headers['x-truce-event']).toBe('incident.created');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.json).toMatchObject({
      type: 'incident.created',
      data: { incident: { id, headline: 'Shelling near Urum al-Kubra', classification: 'public' } },
    });
    expect(got!.json.id).toBe(got!.headers['x-truce-delivery']);
    // The log: delivered, at the first attempt, with the receiver's status; named for people by the incident's headline.
    expect(await log('us-analyst', hook.id)).toMatchObject([
      {
        id: got!.json.id,
        event: 'incident.created',
        state: 'delivered',
        record: { entity: 'incident', id },
        subject: { title: 'Shelling near Urum al-Kubra' },
        attempts: [{ attempt: 1, status_code: 200, error: null }],
      },
    ]);
    // Nothing more to send.
    expect((await dispatchWebhooks(server.ctx)).attempts).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('tries again a receiver that fails, until it answers, and then sends it no more', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    receiver.answer(500, 503, 200);
    await incident('us-analyst');
    for (let pass = 0; pass < 5; pass++) await dispatchWebhooks(server.ctx, NOW);
    expect(receiver.received).toHaveLength(3);
    // One delivery, attempted three times: the same id, the attempt numbered, each signed afresh.
    expect(new Set(receiver.received.map((r) => r.headers['x-truce-delivery'])).size).toBe(1);
    expect(receiver.received.map((r) => r.headers['x-truce-attempt'])).toEqual(['1', '2', '3']);
    const [delivery] = await log('us-analyst', hook.id);
    expect(delivery).toMatchObject({
      state: 'delivered',
      attempts: [
        { attempt: 1, status_code: 500 },
        { attempt: 2, status_code: 503 },
        { attempt: 3, status_code: 200 },
      ],
    });
  });

  it('waits between attempts: a failed one is not tried again before its time', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    receiver.answer(500);
    await incident('us-analyst');
    await dispatchWebhooks(server.ctx); // the first wait is ten seconds
    expect((await dispatchWebhooks(server.ctx)).attempts).toBe(0);
    expect(receiver.received).toHaveLength(1);
    expect((await log('us-analyst', hook.id))[0]).toMatchObject({ state: 'pending', attempts: [{ status_code: 500 }] });
  });

  it('marks a delivery failed after its last attempt, and a receiver that never answers as timed out', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    receiver.answer(502, 'hang');
    await incident('us-analyst');
    for (let pass = 0; pass < 4; pass++) await dispatchWebhooks(server.ctx, { ...NOW, maxAttempts: 2, timeoutMs: 200 });
    expect(receiver.received).toHaveLength(2);
    expect((await log('us-analyst', hook.id))[0]).toMatchObject({
      state: 'failed',
      attempts: [
        { attempt: 1, status_code: 502, error: null },
        { attempt: 2, status_code: null, error: 'timeout' },
      ],
    });
  });

  it('a refused connection is an attempt like any other', async () => {
    const closed = await startReceiver();
    await closed.close();
    const hook = await subscribe('us-analyst', { events: ['incident.created'] }, closed.url);
    await incident('us-analyst');
    await dispatchWebhooks(server.ctx);
    expect((await log('us-analyst', hook.id))[0]).toMatchObject({
      state: 'pending',
      attempts: [{ status_code: null, error: 'refused' }],
    });
  });

  it('sends each subscriber only what it may see: a classified incident never reaches one without clearance', async () => {
    const receivers = { ngo: receiver, ru: await startReceiver(), us: await startReceiver() };
    try {
      const hooks = {
        ngo: await subscribe('ngo-analyst', { events: ['incident.created', 'finding.changed'] }, receivers.ngo.url),
        ru: await subscribe('ru-analyst', { events: ['incident.created', 'finding.changed'] }, receivers.ru.url),
        us: await subscribe('us-analyst', { events: ['incident.created', 'finding.changed'] }, receivers.us.url),
      };
      const made = {
        public: await incident('us-analyst', { classification: 'public', headline: 'public' }),
        task_force: await incident('us-analyst', { classification: 'task_force', headline: 'for the task force' }),
        co_chairs: await incident('us-analyst', { classification: 'co_chairs', headline: 'for the co-chairs' }),
        'org-us': await incident('us-analyst', { classification: 'org', headline: 'for us only' }),
      };
      await dispatchWebhooks(server.ctx);
      const sees = {
        ngo: ['public'],
        ru: ['public', 'task_force', 'co_chairs'],
        us: ['public', 'task_force', 'co_chairs', 'org-us'],
      } as const;
      for (const who of ['ngo', 'ru', 'us'] as const) {
        const r = receivers[who];
        const created = r.received
          .filter((x) => x.json.type === 'incident.created')
          .map((x) => x.json.data.incident.id);
        expect(created.sort(), `${who}: incidents created`).toEqual(sees[who].map((c) => made[c]).sort());
        // Findings too: only of the incidents it may see; and no body, header or log names a hidden one.
        const findingsOf = r.received
          .filter((x) => x.json.type === 'finding.changed')
          .map((x) => x.json.data.finding.subject_id);
        expect(findingsOf.length, `${who}: findings`).toBeGreaterThan(0);
        const all = JSON.stringify(r.received.map((x) => [x.headers, x.body]));
        const logged = JSON.stringify(await log(`${who}-analyst`, hooks[who].id));
        for (const [cls, id] of Object.entries(made)) {
          const visible = (sees[who] as readonly string[]).includes(cls);
          expect(findingsOf.includes(id), `${who}: a finding of ${cls}`).toBe(visible);
          if (!visible) {
            expect(all.includes(id), `${who}: a delivery names the ${cls} incident`).toBe(false);
            expect(logged.includes(id), `${who}: the log names the ${cls} incident`).toBe(false);
          }
        }
      }
      // Nothing is waiting to be sent for what was hidden: no delivery was made of it.
      const rows = await db().query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and entity_id in ($2, $3, $4)`,
        [hooks.ngo.id, made.task_force, made.co_chairs, made['org-us']],
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await receivers.ru.close();
      await receivers.us.close();
    }
  });

  it('reads the record again at the attempt: one made secret since the event is not sent, nor listed', async () => {
    const hook = await subscribe('ngo-analyst', { events: ['incident.created'] });
    const id = await incident('us-analyst', { classification: 'public' });
    await fanOut(server.ctx); // the delivery is made while the incident is public
    expect(await log('ngo-analyst', hook.id)).toHaveLength(1);
    const res = await call('us-analyst', 'PATCH', `/api/v1/incidents/${id}`, { classification: 'org' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await log('ngo-analyst', hook.id), 'the log lists what the subscriber may see now').toEqual([]);
    await dispatchWebhooks(server.ctx);
    expect(receiver.received).toEqual([]);
    expect(await db().query('select 1 from webhook_deliveries where subscription_id = $1', [hook.id])).toEqual([]);
  });

  it('sends a new incident only when it falls in the area: a box, or a zone the subscriber sees', async () => {
    const zone = await call('us-analyst', 'POST', '/api/v1/zones', {
      name: 'Urum al-Kubra',
      classification: 'public',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [36.9, 36.1],
            [37.0, 36.1],
            [37.0, 36.2],
            [36.9, 36.2],
            [36.9, 36.1],
          ],
        ],
      },
    });
    expect(zone.statusCode, zone.body).toBe(201);
    const zoneId = zone.json<{ zone: { id: string } }>().zone.id;
    const inBox = await startReceiver();
    try {
      await subscribe('us-analyst', { events: ['incident.created'], area: { zone: zoneId } });
      await subscribe('us-analyst', { events: ['incident.created'], area: { bbox: [40, 35, 41, 36] } }, inBox.url);
      const inZone = await incident('us-analyst', { location: { lon: 36.95, lat: 36.15 } });
      const inBoxId = await incident('us-analyst', { location: { lon: 40.5, lat: 35.5 } });
      await incident('us-analyst', { location: { lon: 38, lat: 34 } }); // in neither
      await dispatchWebhooks(server.ctx);
      expect(receiver.received.map((r) => r.json.data.incident.id)).toEqual([inZone]);
      expect(inBox.received.map((r) => r.json.data.incident.id)).toEqual([inBoxId]);
    } finally {
      await inBox.close();
    }
  });

  it('sends a hotline escalation to the thread’s parties, and not to another organization', async () => {
    const outsider = await startReceiver();
    try {
      await subscribe('us-analyst', { events: ['hotline.escalated'] });
      await subscribe('ngo-analyst', { events: ['hotline.escalated'] }, outsider.url);
      const opened = await call('ru-monitor', 'POST', '/api/v1/hotline', {
        subject: 'Aircraft striking near our position',
        message: 'Strikes 2 km north of our advisers.',
        priority: 'urgent',
        recipients: ['us'],
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const thread = opened.json<{ id: string }>().id;
      await db().query(`update hotline_threads set ack_due_at = now() - interval '1 second' where id = $1`, [thread]);
      await sweepEscalations(server.ctx);
      await dispatchWebhooks(server.ctx);
      expect(receiver.received.map((r) => r.json)).toMatchObject([
        {
          type: 'hotline.escalated',
          data: { level: 1, thread: { id: thread, subject: 'Aircraft striking near our position' } },
        },
      ]);
      expect(outsider.received).toEqual([]);
    } finally {
      await outsider.close();
    }
  });

  it('sends a ruling proposed and put in force to whoever may see it, as one event per change', async () => {
    const outsider = await startReceiver();
    try {
      const hook = await subscribe('us-analyst', { events: ['ruling.changed'] });
      await subscribe('ngo-analyst', { events: ['ruling.changed'] }, outsider.url);
      const id = await incident('us-analyst', { classification: 'task_force' });
      const found = await call('us-analyst', 'GET', `/api/v1/findings?subject=${id}&limit=1`);
      const key = found.json<{ items: { key: string }[] }>().items[0]!.key; // incident:<id>:<agreement or ->
      const proposed = await call('us-analyst', 'POST', `/api/v1/incidents/${id}/rulings`, {
        agreement: key.split(':')[2] === '-' ? null : key.split(':')[2],
        verdict: 'permitted',
        reasoning: 'The shelling answered fire from the position, as both accounts say.',
      });
      expect(proposed.statusCode, proposed.body).toBe(201);
      const ruling = proposed.json<{ id: string }>().id;
      await dispatchWebhooks(server.ctx);
      const approved = await call('ru-analyst', 'POST', `/api/v1/rulings/${ruling}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      await dispatchWebhooks(server.ctx);
      expect(receiver.received.map((r) => [r.json.type, r.json.data.ruling.id, r.json.data.ruling.status])).toEqual([
        ['ruling.changed', ruling, 'pending'],
        ['ruling.changed', ruling, 'in_force'],
      ]);
      expect(receiver.received[1]!.json.data).toMatchObject({ incident: { id }, ruling: { verdict: 'permitted' } });
      expect((await log('us-analyst', hook.id)).map((d) => d.state)).toEqual(['delivered', 'delivered']);
      expect(outsider.received, 'a ruling on an incident for the task force, to an NGO').toEqual([]);
    } finally {
      await outsider.close();
    }
  });

  it('sends nothing while paused, and nothing of what happened meanwhile once resumed', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    expect((await call('us-analyst', 'PATCH', `/api/v1/webhooks/${hook.id}`, { active: false })).statusCode).toBe(200);
    await incident('us-analyst');
    await dispatchWebhooks(server.ctx);
    expect((await call('us-analyst', 'PATCH', `/api/v1/webhooks/${hook.id}`, { active: true })).statusCode).toBe(200);
    await dispatchWebhooks(server.ctx);
    expect(receiver.received).toEqual([]);
    const later = await incident('us-analyst');
    await dispatchWebhooks(server.ctx);
    expect(receiver.received.map((r) => r.json.data.incident.id)).toEqual([later]);
  });

  it('is delivered by the dispatcher each server runs, woken by the write', async () => {
    await subscribe('us-analyst', { events: ['incident.created'] });
    const stop = startWebhookDispatcher(server.ctx, { pollMs: 60_000 });
    try {
      const id = await incident('us-analyst');
      await vi.waitFor(() => expect(receiver.received.map((r) => r.json.data.incident.id)).toEqual([id]), {
        timeout: 20_000,
        interval: 50,
      });
    } finally {
      await stop();
    }
  });

  it('makes again an attempt whose server stopped during it, once its lease has run out', async () => {
    const hook = await subscribe('us-analyst', { events: ['incident.created'] });
    await incident('us-analyst');
    await fanOut(server.ctx);
    // A server claims the delivery and stops before it sends (its lease: none left).
    const claimed = await server.ctx.db.transaction((tx) =>
      webhooks.claimDeliveries(tx, { limit: 10, maxAttempts: 10, leaseMs: 0 }),
    );
    expect(claimed).toHaveLength(1);
    await dispatchWebhooks(server.ctx);
    expect(receiver.received.map((r) => r.headers['x-truce-attempt'])).toEqual(['2']);
    expect((await log('us-analyst', hook.id))[0]).toMatchObject({
      state: 'delivered',
      attempts: [
        { attempt: 1, status_code: null, error: 'interrupted' },
        { attempt: 2, status_code: 200 },
      ],
    });
  });
});

/**
 * Restart durability: the server that acknowledged the write stops and its database is closed (the
 * PGlite data directory, the PostgreSQL pool); a server started afterwards on the same database, with
 * nothing in memory from the first, delivers it. The outbox row was committed with the incident.
 */
const RESTART_TARGETS = [
  { name: 'pglite', url: undefined },
  ...(process.env.TRUCE_TEST_DATABASE_URL ? [{ name: 'postgres', url: process.env.TRUCE_TEST_DATABASE_URL }] : []),
];

describe.each(RESTART_TARGETS)('webhooks after a restart [$name]', ({ url }) => {
  it('delivers what an acknowledged write announced before the server stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-webhooks-'));
    const schema = `webhooks_restart_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    if (url) {
      const admin = await openDatabase({ url, migrate: false });
      await admin.query(`create schema ${schema}`);
      await admin.close();
    }
    // PGlite starts from the tests' migrated dump, written to a data directory of its own.
    let load: Blob | undefined = url ? undefined : new Blob([readFileSync(inject('pgliteDump'))]);
    const open = () => {
      const options = url ? { url, schema } : { dataDir: dir, loadDataDir: load };
      load = undefined;
      return openDatabase(options);
    };
    const receiver = await startReceiver();
    try {
      const first = await open();
      const server = await startTestServer(first, { webhooks: { allowPrivateTargets: true } });
      const made = await server.call('us-analyst', {
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { name: 'ops room', url: receiver.url, events: ['incident.created'] },
      });
      expect(made.statusCode, made.body).toBe(201);
      const created = await server.call('us-analyst', {
        method: 'POST',
        url: '/api/v1/incidents',
        payload: { occurred_at: '2016-09-19T19:15:00+03:00', location: { lon: 36.9, lat: 36.1 }, act: 'shelling' },
      });
      expect(created.statusCode, created.body).toBe(201);
      await server.close();
      await first.close();
      expect(receiver.received).toEqual([]);

      const second = await open();
      try {
        const ctx = createContext(second, { webhooks: { allowPrivateTargets: true } });
        await dispatchWebhooks(ctx);
        await ctx.close();
        expect(receiver.received.map((r) => r.json.data.incident.id)).toEqual([created.json<{ id: string }>().id]);
      } finally {
        if (url) await second.query(`drop schema ${schema} cascade`);
        await second.close();
      }
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * Several servers on one PostgreSQL: two dispatchers, each with its own pool, racing over the same
 * outbox and deliveries, deliver each event once (`for update skip locked`).
 */
describe.skipIf(!process.env.TRUCE_TEST_DATABASE_URL)('webhooks with two servers on one PostgreSQL', () => {
  it('claims each event and each delivery once', async () => {
    const url = process.env.TRUCE_TEST_DATABASE_URL!;
    const schema = `webhooks_race_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openDatabase({ url, migrate: false });
    await admin.query(`create schema ${schema}`);
    await admin.close();
    const a = await openDatabase({ url, schema });
    const b = await openDatabase({ url, schema, migrate: false });
    const receiver = await startReceiver();
    try {
      const server = await startTestServer(a, { webhooks: { allowPrivateTargets: true } });
      for (const user of ['us-analyst', 'us-monitor'])
        expect(
          (
            await server.call(user, {
              method: 'POST',
              url: '/api/v1/webhooks',
              payload: { name: 'ops room', url: receiver.url, events: ['incident.created', 'finding.changed'] },
            })
          ).statusCode,
        ).toBe(201);
      for (let i = 0; i < 12; i++) {
        const res = await server.call('us-analyst', {
          method: 'POST',
          url: '/api/v1/incidents',
          payload: {
            occurred_at: '2016-09-19T19:15:00+03:00',
            location: { lon: 36.9, lat: 36.1 + i / 100 },
            act: 'shelling',
          },
        });
        expect(res.statusCode).toBe(201);
      }
      const ctxA = createContext(a, { webhooks: { allowPrivateTargets: true } });
      const ctxB = createContext(b, { webhooks: { allowPrivateTargets: true } });
      const options = { batch: 4 };
      for (let round = 0; round < 20; round++)
        await Promise.all([dispatchWebhooks(ctxA, options), dispatchWebhooks(ctxB, options), fanOut(ctxB, options)]);
      // Every event once for each of the two subscriptions: the 12 incidents and the findings they made.
      const findings = (await a.query<{ n: number }>('select count(*)::int as n from findings'))[0]!.n;
      expect(findings).toBeGreaterThanOrEqual(12);
      const ids = receiver.received.map((r) => r.json.id);
      expect(ids.length).toBe(2 * (12 + findings));
      expect(new Set(ids).size, 'each delivery sent once').toBe(ids.length);
      expect(await a.query(`select id from webhook_deliveries where state <> 'delivered' or attempts <> 1`)).toEqual(
        [],
      );
      expect(await a.query('select seq from webhook_outbox')).toEqual([]);
      await server.close();
      await ctxA.close();
      await ctxB.close();
    } finally {
      await receiver.close();
      await b.close();
      await a.query(`drop schema ${schema} cascade`);
      await a.close();
    }
  }, 120_000);
});
