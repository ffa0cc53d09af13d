import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { startWorldServer } from '../../../test/world.ts';
import type { Caller } from '../caller.ts';
import { LiveReads } from './live-events.ts';

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
