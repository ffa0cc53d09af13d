import { expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows } from '../../../test/world.ts';

const HOUR = 3_600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

/** Advisers of us near Hasakah, shared with ru only. */
const advisers = (over: Record<string, unknown> = {}) => ({
  name: 'Advisers, Hasakah',
  kind: 'advisers',
  geometry: { type: 'Point', coordinates: [40.75, 36.5] },
  buffer_m: 1000,
  valid: { from: iso(-24), to: null },
  recipients: ['ru'],
  ...over,
});

const observer = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
  userId: `${orgId}-observer`,
  username: `${orgId}-observer`,
  orgId,
  orgKind,
  role: 'observer',
  clearance,
});

describeEachDatabase('positions API: recorded, shared only with those named, changed, withdrawn', (db) => {
  const server = useTestServer(db, { perTest: true });

  const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const listed = async (user: string, query = '') =>
    (await call(user, 'GET', `/positions${query}`)).json().items.map((p: { id: string }) => p.id);

  it('records a position, shows it to its owner and its recipients, and to no one else', async () => {
    const res = await call('us-analyst', 'POST', '/positions', advisers());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ owner_org: 'us', kind: 'advisers', recipients: ['ru'], withdrawn_at: null });
    expect(p.id).toMatch(/^pos-/);
    for (const user of ['us-observer', 'ru-observer']) {
      expect((await call(user, 'GET', `/positions/${p.id}`)).statusCode, user).toBe(200);
      expect(await listed(user), user).toEqual([p.id]);
    }
    expect(await listed('us-observer', '?box=own')).toEqual([p.id]);
    expect(await listed('ru-observer', '?box=shared')).toEqual([p.id]);
    expect(await listed('ru-observer', '?box=own')).toEqual([]);
    // The secretariat (not named) and the NGO: it does not exist for them, on any path.
    for (const user of ['un-ose-admin', 'ngo-admin']) {
      const hidden = await call(user, 'GET', `/positions/${p.id}`);
      expect(hidden.statusCode, user).toBe(404);
      expect(hidden.json().code).toBe((await call(user, 'GET', '/positions/pos-nothing')).json().code);
      expect(await listed(user), user).toEqual([]);
      expect((await call(user, 'GET', `/audit/position/${p.id}`)).statusCode, user).toBe(404);
      const trail = await call(user, 'GET', '/audit?limit=500');
      expect(JSON.stringify(trail.json())).not.toContain(p.id);
    }
    // A recipient may read it but neither change nor withdraw it.
    expect((await call('ru-analyst', 'PATCH', `/positions/${p.id}`, { buffer_m: 1 })).statusCode).toBe(403);
    expect((await call('ru-analyst', 'POST', `/positions/${p.id}/withdraw`)).statusCode).toBe(403);
    // Its trail is its owner's.
    const history = await call('us-analyst', 'GET', `/audit/position/${p.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['record']);
    // A recipient with audit:read reads none of its entries (they are the owner's).
    const theirs = await call('ru-analyst', 'GET', `/audit/position/${p.id}`);
    expect(theirs.json().items).toEqual([]);
  });

  it('refuses every request of another party reaching for a position: 404, nothing written', async () => {
    const p = (await call('us-analyst', 'POST', '/positions', advisers({ recipients: [] }))).json();
    for (const user of ['ru-analyst', 'un-ose-analyst', 'ngo-analyst']) await server.as(user); // signed in (audited) first
    const before = await countRows(db(), 'audit_log');
    for (const user of ['ru-analyst', 'un-ose-analyst', 'ngo-analyst']) {
      expect((await call(user, 'GET', `/positions/${p.id}`)).statusCode, user).toBe(404);
      expect((await call(user, 'PATCH', `/positions/${p.id}`, { name: 'mine now' })).statusCode, user).toBe(404);
      expect((await call(user, 'POST', `/positions/${p.id}/withdraw`)).statusCode, user).toBe(404);
    }
    expect(await countRows(db(), 'audit_log')).toBe(before);
    expect((await call('us-observer', 'GET', `/positions/${p.id}`)).json().name).toBe('Advisers, Hasakah');
  });

  it('changes a position: a recipient dropped no longer sees it; withdraws it, kept and shown withdrawn', async () => {
    const p = (await call('us-analyst', 'POST', '/positions', advisers())).json();
    const changed = await call('us-admin', 'PATCH', `/positions/${p.id}`, {
      name: 'Advisers, Hasakah (moved)',
      geometry: { type: 'Point', coordinates: [40.76, 36.51] },
      recipients: ['un-ose'],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Advisers, Hasakah (moved)', recipients: ['un-ose'], buffer_m: 1000 });
    expect((await call('ru-observer', 'GET', `/positions/${p.id}`)).statusCode).toBe(404);
    expect((await call('un-ose-observer', 'GET', `/positions/${p.id}`)).statusCode).toBe(200);
    const w = await call('us-analyst', 'POST', `/positions/${p.id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json().withdrawn_at).not.toBeNull();
    expect(await listed('us-observer')).toEqual([p.id]);
    expect((await call('us-analyst', 'POST', `/positions/${p.id}/withdraw`)).statusCode).toBe(409);
    expect((await call('us-analyst', 'PATCH', `/positions/${p.id}`, { buffer_m: 5 })).statusCode).toBe(409);
    const trail = await db().query<{ action: string; classification: string; owner_org: string }>(
      "select action, classification, owner_org from audit_log where entity = 'position' order by seq",
    );
    expect(trail).toEqual([
      { action: 'record', classification: 'org', owner_org: 'us' },
      { action: 'update', classification: 'org', owner_org: 'us' },
      { action: 'withdraw', classification: 'org', owner_org: 'us' },
    ]);
  });

  it('says live that a position changed, only to its owner and its recipients', async () => {
    const heard: TruceEvent[] = [];
    const stop = server.ctx.events.subscribe((e) => {
      if (e.type === 'position.changed') heard.push(e);
    });
    const p = (await call('us-analyst', 'POST', '/positions', advisers())).json();
    stop();
    expect(heard.map((e) => e.id)).toEqual([p.id]);
    const told = async (c: Caller) => (await visibleMessages(server.ctx, c, heard[0]!)).map((m) => m.data);
    const data = [{ name: 'Advisers, Hasakah', kind: 'advisers', owner_org: 'us', withdrawn: false }];
    expect(await told(observer('us', 'co_chair', 'co_chairs'))).toEqual(data);
    expect(await told(observer('ru', 'co_chair', 'co_chairs'))).toEqual(data);
    expect(await told(observer('un-ose', 'un', 'task_force'))).toEqual([]);
    expect(await told(observer('ngo', 'humanitarian', 'public'))).toEqual([]);
  });

  it('refuses bad input naming the field, and a role that may not record positions', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await call('us-analyst', 'POST', '/positions', body);
      expect(res.statusCode, path).toBe(400);
      expect(`${res.json().path} ${res.json().message}`, JSON.stringify(res.json())).toContain(path);
    };
    await bad(advisers({ kind: 'tanks' }), 'kind');
    await bad(advisers({ name: '' }), 'name');
    await bad(advisers({ geometry: { type: 'Point', coordinates: [40, 95] } }), 'geometry');
    await bad(
      advisers({
        geometry: {
          type: 'LineString',
          coordinates: [
            [40, 35],
            [41, 35],
          ],
        },
      }),
      'geometry',
    );
    await bad(advisers({ buffer_m: -1 }), 'buffer_m');
    await bad(advisers({ valid: { from: iso(2), to: iso(1) } }), 'valid.to');
    await bad(advisers({ recipients: ['ru', 'nobody'] }), 'recipients[1]');
    await bad(advisers({ recipients: ['us'] }), 'recipients[0]');
    await bad(advisers({ secret: true }), 'secret');
    for (const user of ['us-observer', 'us-humanitarian', 'us-monitor'])
      expect((await call(user, 'POST', '/positions', advisers())).statusCode, user).toBe(403);
    expect(await countRows(db(), 'positions')).toBe(0);
    const p = (await call('us-analyst', 'POST', '/positions', advisers())).json();
    const empty = await call('us-analyst', 'PATCH', `/positions/${p.id}`, {});
    expect(empty.statusCode).toBe(400);
  });
});
