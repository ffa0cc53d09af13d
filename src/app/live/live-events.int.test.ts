import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startWorldServer } from '../../../test/world.ts';
import { PASSWORD } from '../../../test/server.ts';
import { signIn } from '../accounts/sign-in.ts';
import type { Caller } from '../caller.ts';
import type { TruceEvent } from '../events.ts';
import { LiveReads, visibleMessages } from './live-events.ts';

describeEachDatabase('live events read once per group of readers', (db) => {
  it('reads an event once for every reader of one organization, clearance and role, and again for another group', async () => {
    const server = await startWorldServer(db());
    try {
      const report = (
        await server.call('ngo-reporter', {
          method: 'POST',
          url: '/api/v1/reports',
          payload: {
            claimed_at: '2016-09-30T10:00:00+03:00',
            location: { lon: 39.0, lat: 34.2 },
            act: 'shelling',
            classification: 'org',
          },
        })
      ).json();
      // Count the reads made as a reader as they reach the (real) database (the audit sealer,
      // woken by the report, runs its own transaction as the owner at a time of its choosing).
      let reads = 0;
      const transaction = server.ctx.db.transaction.bind(server.ctx.db);
      server.ctx.db.transaction = ((fn, options) => {
        if (options?.setup?.includes('truce_reader')) reads++;
        return transaction(fn, options);
      }) as typeof server.ctx.db.transaction;
      const caller = (
        username: string,
        orgId: string,
        clearance: Caller['clearance'],
        role: Caller['role'],
      ): Caller => ({ userId: username, username, orgId, orgKind: 'humanitarian', role, clearance });
      const live = new LiveReads(server.ctx);
      const event = { type: 'report.created' as const, entity: 'report', id: report.id, at: Date.now() };
      const ngo = await Promise.all(
        ['a', 'b', 'c'].map((u) => live.messages('e-1', event, caller(u, 'ngo', 'public', 'analyst'))),
      );
      expect(reads).toBe(1);
      expect(ngo.every((m) => m === ngo[0])).toBe(true);
      expect(ngo[0]!.map((m) => m.id)).toEqual([report.id]);
      // Another organization sees otherwise (the report is the NGO's own): read again, and nothing to send.
      expect(await live.messages('e-1', event, caller('d', 'un-ose', 'task_force', 'analyst'))).toEqual([]);
      expect(reads).toBe(2);
      // A later event is read afresh; a replay of the first is not.
      await live.messages('e-2', event, caller('a', 'ngo', 'public', 'analyst'));
      await live.messages('e-1', event, caller('e', 'ngo', 'public', 'analyst'));
      expect(reads).toBe(3);
    } finally {
      await server.close();
    }
  });
});

describeEachDatabase('live events of the audit trail', (db) => {
  it('announces each sealed batch to a reader of the trail exactly when GET /audit would list them one of its entries', async () => {
    const server = await startWorldServer(db());
    try {
      const sealed: TruceEvent[] = [];
      let heard: (() => void) | null = null;
      server.ctx.events.subscribe((e) => {
        if (e.type !== 'audit.appended') return;
        sealed.push(e);
        heard?.();
      });
      /** The next seal announced (set before looking, so that none slips between). */
      const nextSeal = () => new Promise<void>((resolve) => (heard = resolve));
      const covers = (e: TruceEvent, pos: number) => {
        const [from, to] = e.id.split('-').map(Number);
        return e.entity === 'audit' && from! <= pos && pos <= to!;
      };
      const position = async (entity: string, id: string) => {
        const [row] = await db().query<{ chain_pos: string | null }>(
          `select c.chain_pos from audit_log a left join audit_chain c using (seq)
           where a.entity = $1 and a.entity_id = $2 order by a.seq desc limit 1`,
          [entity, id],
        );
        return row?.chain_pos == null ? null : Number(row.chain_pos);
      };
      const users = ['us-analyst', 'us-admin', 'ngo-analyst', 'ngo-admin', 'us-reporter'];
      for (const u of users) await server.as(u); // signing in is audited too
      // A zone the co-chairs alone may see, written by the server: its entry is sealed, and the seal announced.
      const created = await server.call('us-analyst', {
        method: 'POST',
        url: '/api/v1/zones',
        payload: {
          name: 'Co-chairs only',
          classification: 'co_chairs',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [38.5, 33.5],
                [38.51, 33.5],
                [38.51, 33.51],
                [38.5, 33.5],
              ],
            ],
          },
        },
      });
      expect(created.statusCode).toBe(201);
      const zone = created.json().zone.id as string;
      // Waits for the seal that names the zone's entry (the test's time limit bounds it).
      let zonePos: number | null = null;
      for (;;) {
        const next = nextSeal();
        zonePos = await position('zone', zone);
        if (zonePos !== null && sealed.some((e) => covers(e, zonePos!))) break;
        await next;
      }
      const ngoAdminId = (await signIn(server.ctx, 'ngo-admin', PASSWORD)).caller.userId;
      // Entries before the zone's were sealed before it: the NGO admin's first sign-in is.
      const [firstSignIn] = await db().query<{ chain_pos: string }>(
        `select c.chain_pos from audit_log a join audit_chain c using (seq)
         where a.entity = 'user' and a.entity_id = $1 and a.action = 'sign-in' order by a.seq limit 1`,
        [ngoAdminId],
      );
      const signInPos = Number(firstSignIn!.chain_pos);
      expect(signInPos).toBeGreaterThan(0);

      const callers = new Map<string, Caller>();
      for (const u of users) callers.set(u, (await signIn(server.ctx, u, PASSWORD)).caller);
      const told = async (user: string, from: number, to: number) =>
        (
          await visibleMessages(server.ctx, callers.get(user)!, {
            type: 'audit.appended',
            entity: 'audit',
            id: `${from}-${to}`,
            at: Date.now(),
          })
        ).length > 0;
      const listed = async (user: string, entity: string, id: string) =>
        (await server.call(user, { method: 'GET', url: `/api/v1/audit?entity=${entity}&limit=500` }))
          .json()
          .items.some((e: { entity_id: string }) => e.entity_id === id);

      // The hidden zone: the co-chairs' analyst and admin, not the NGO's; never a role without the trail.
      const ngoAdmin = callers.get('ngo-admin')!;
      for (const [user, sees] of [
        ['us-analyst', true],
        ['us-admin', true],
        ['ngo-analyst', false],
        ['ngo-admin', false],
        ['us-reporter', false],
      ] as const) {
        expect(await told(user, zonePos!, zonePos!), user).toBe(sees);
        if (user !== 'us-reporter') expect(await listed(user, 'zone', zone), user).toBe(sees);
        // An account's entry (the NGO admin signing in): to an admin of its organization only.
        const admin = user === 'ngo-admin';
        expect(await told(user, signInPos, signInPos), user).toBe(admin);
        if (user !== 'us-reporter') expect(await listed(user, 'user', ngoAdmin.userId), user).toBe(admin);
      }
      // A batch with one entry the reader sees among hidden ones is announced; nothing is said of the others.
      const [message] = await visibleMessages(server.ctx, callers.get('ngo-admin')!, {
        type: 'audit.appended',
        entity: 'audit',
        id: `${Math.min(zonePos!, signInPos)}-${Math.max(zonePos!, signInPos)}`,
        at: Date.now(),
      });
      expect(message).toMatchObject({ type: 'audit.appended', entity: 'audit', data: {} });
      // A malformed event names nothing.
      expect(
        await visibleMessages(server.ctx, callers.get('us-admin')!, {
          type: 'audit.appended',
          entity: 'zone',
          id: zone,
          at: Date.now(),
        }),
      ).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
