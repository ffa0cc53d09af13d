import { expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const HOUR = 3_600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

/** A field hospital notified by the NGO to both co-chairs, valid for a week, to be acknowledged within a day. */
const hospital = (over: Record<string, unknown> = {}) => ({
  subject: 'site',
  site_kind: 'hospital',
  name: 'Field hospital, al-Quds',
  geometry: { type: 'Point', coordinates: [37.1525, 36.179] },
  buffer_m: 300,
  valid: { from: iso(-1), to: iso(24 * 7) },
  acknowledge_by: iso(24),
  recipients: ['us', 'ru'],
  ...over,
});
const convoy = {
  subject: 'movement',
  name: 'Convoy to Urum al-Kubra',
  geometry: {
    type: 'LineString',
    coordinates: [
      [37.13, 36.2],
      [36.93, 36.16],
    ],
  },
  vehicles: '31 trucks',
  cargo: 'food, medicine',
  valid: { from: iso(2), to: iso(14) },
  acknowledge_by: iso(1),
  recipients: ['ru'],
};

describeEachDatabase('notifications API: notify, acknowledge, renew, withdraw, who sees', (db) => {
  const server = useTestServer(db, { perTest: true });

  const send = async (user: string, body: unknown) =>
    server.call(user, { method: 'POST', url: '/api/v1/notifications', payload: body as Record<string, unknown> });
  const post = (user: string, url: string, payload?: Record<string, unknown>) =>
    server.call(user, { method: 'POST', url: `/api/v1/notifications/${url}`, ...(payload ? { payload } : {}) });
  const get = (user: string, id: string) => server.call(user, { method: 'GET', url: `/api/v1/notifications/${id}` });
  const listed = async (user: string, box = '') =>
    (await server.call(user, { method: 'GET', url: `/api/v1/notifications${box}` }))
      .json()
      .items.map((n: { id: string }) => n.id);

  it('notifies a site and a movement, says it asks no permission, and each recipient acknowledges', async () => {
    const res = await send('ngo-humanitarian', hospital());
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      owner_org: 'ngo',
      subject: 'site',
      site_kind: 'hospital',
      state: 'awaiting',
      acknowledged: 0,
      period: 1,
      recipients: [
        { org: 'ru', acknowledged_at: null },
        { org: 'us', acknowledged_at: null },
      ],
    });
    expect(n.nature).toMatch(/not a request for permission/);
    const move = await send('ngo-humanitarian', convoy);
    expect(move.statusCode).toBe(201);
    expect(move.json()).toMatchObject({
      subject: 'movement',
      site_kind: null,
      vehicles: '31 trucks',
      cargo: 'food, medicine',
    });

    const us = await post('us-analyst', `${n.id}/acknowledge`);
    expect(us.statusCode).toBe(200);
    expect(us.json()).toMatchObject({ state: 'awaiting', acknowledged: 1 });
    expect(us.json().recipients.find((r: { org: string }) => r.org === 'us')).toMatchObject({
      acknowledged_by: 'us-analyst',
    });
    // Again: nothing more.
    expect((await post('us-monitor', `${n.id}/acknowledge`)).json().acknowledged).toBe(1);
    const ru = await post('ru-analyst', `${n.id}/acknowledge`);
    expect(ru.json()).toMatchObject({ state: 'acknowledged', acknowledged: 2 });
    // The owner and the secretariat see it but are no recipients; an observer may not acknowledge.
    expect((await post('ngo-analyst', `${n.id}/acknowledge`)).statusCode).toBe(403);
    expect((await post('un-ose-analyst', `${n.id}/acknowledge`)).statusCode).toBe(403);
    expect((await post('ru-observer', `${move.json().id}/acknowledge`)).statusCode).toBe(403);

    const trail = await db().query<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_log where entity = 'notification' order by seq",
    );
    expect(trail.map((e) => e.action)).toEqual(['notify', 'notify', 'acknowledge', 'acknowledge']);
  });

  it('flags an unacknowledged notification once its deadline has passed, not one acknowledged', async () => {
    const late = (await send('ngo-humanitarian', hospital({ acknowledge_by: iso(-0.5) }))).json();
    expect(late.state).toBe('overdue');
    await post('us-analyst', `${late.id}/acknowledge`);
    expect((await get('ngo-analyst', late.id)).json().state).toBe('overdue');
    await post('ru-analyst', `${late.id}/acknowledge`);
    expect((await get('ngo-analyst', late.id)).json().state).toBe('acknowledged');
  });

  it('expires, refuses acknowledgement once expired, and renews for a new period asking every recipient again', async () => {
    const old = (
      await send('ngo-humanitarian', hospital({ valid: { from: iso(-48), to: iso(-24) }, acknowledge_by: iso(-30) }))
    ).json();
    expect(old.state).toBe('expired');
    expect((await post('us-analyst', `${old.id}/acknowledge`)).statusCode).toBe(409);

    const fresh = (await send('ngo-humanitarian', hospital())).json();
    await post('us-analyst', `${fresh.id}/acknowledge`);
    const period = { valid: { from: iso(0), to: iso(24 * 14) }, acknowledge_by: iso(12) };
    expect((await post('us-analyst', `${fresh.id}/renew`, period)).statusCode).toBe(403);
    const renewed = await post('ngo-humanitarian', `${fresh.id}/renew`, period);
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).toMatchObject({ period: 2, state: 'awaiting', acknowledged: 0 });
    expect((await post('ngo-humanitarian', `${old.id}/renew`, period)).json().state).toBe('awaiting');
  });

  it('withdraws: kept and shown withdrawn, no longer acknowledged or renewed', async () => {
    const n = (await send('ngo-humanitarian', hospital())).json();
    expect((await post('us-analyst', `${n.id}/withdraw`)).statusCode).toBe(403);
    const w = await post('ngo-analyst', `${n.id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json().state).toBe('withdrawn');
    expect(w.json().withdrawn_at).not.toBeNull();
    expect((await get('us-observer', n.id)).json().state).toBe('withdrawn');
    expect(await listed('ngo-observer', '?box=sent')).toEqual([n.id]);
    expect((await post('us-analyst', `${n.id}/acknowledge`)).statusCode).toBe(409);
    const period = { valid: { from: iso(0), to: iso(24) }, acknowledge_by: iso(12) };
    expect((await post('ngo-analyst', `${n.id}/renew`, period)).statusCode).toBe(409);
    const [row] = await db().query<{ n: number }>("select count(*)::int as n from audit_log where action = 'withdraw'");
    expect(row!.n).toBe(1);
  });

  it('shows a notification to its owner, its recipients and the secretariat only; to anyone else it does not exist', async () => {
    const n = (await send('ngo-humanitarian', hospital({ recipients: ['us'] }))).json();
    for (const user of ['ngo-observer', 'us-observer', 'un-ose-observer']) {
      expect((await get(user, n.id)).statusCode, user).toBe(200);
      expect(await listed(user), user).toEqual([n.id]);
    }
    expect(await listed('us-observer', '?box=received')).toEqual([n.id]);
    expect(await listed('us-observer', '?box=sent')).toEqual([]);
    // ru: a co-chair, but not named.
    const hidden = await get('ru-admin', n.id);
    expect(hidden.statusCode).toBe(404);
    expect(await listed('ru-admin')).toEqual([]);
    expect((await post('ru-analyst', `${n.id}/acknowledge`)).statusCode).toBe(404);
    expect((await post('ru-analyst', `${n.id}/withdraw`)).statusCode).toBe(404);
    expect(
      (await post('ru-analyst', `${n.id}/renew`, { valid: { from: iso(0), to: iso(2) }, acknowledge_by: iso(1) }))
        .statusCode,
    ).toBe(404);
    expect((await get('ru-admin', 'ntf-nothing')).json().code).toEqual(hidden.json().code);
    // Its history: its owner's; to anyone else it does not exist.
    const history = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/notification/${n.id}` });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['notify']);
    expect(
      (await server.call('ru-admin', { method: 'GET', url: `/api/v1/audit/notification/${n.id}` })).statusCode,
    ).toBe(404);
    // Nor does its audit trail show to them.
    const audit = await server.call('ru-admin', { method: 'GET', url: '/api/v1/audit?limit=500' });
    expect(JSON.stringify(audit.json())).not.toContain(n.id);
  });

  it('says live that a notification changed, only to those who see it', async () => {
    const heard: TruceEvent[] = [];
    const stop = server.ctx.events.subscribe((e) => {
      if (e.type === 'notification.changed') heard.push(e);
    });
    const n = (await send('ngo-humanitarian', hospital({ recipients: ['us'] }))).json();
    await post('us-analyst', `${n.id}/acknowledge`);
    stop();
    expect(heard.map((e) => e.id)).toEqual([n.id, n.id]);
    const caller = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
      userId: `${orgId}-observer`,
      username: `${orgId}-observer`,
      orgId,
      orgKind,
      role: 'observer',
      clearance,
    });
    const told = async (c: Caller) => (await visibleMessages(server.ctx, c, heard[1]!)).map((m) => m.data);
    const acknowledged = [
      { name: 'Field hospital, al-Quds', owner_org: 'ngo', state: 'acknowledged', acknowledged: 1 },
    ];
    expect(await told(caller('us', 'co_chair', 'co_chairs'))).toEqual(acknowledged);
    expect(await told(caller('ngo', 'humanitarian', 'public'))).toEqual(acknowledged);
    expect(await told(caller('un-ose', 'un', 'task_force'))).toEqual(acknowledged);
    // A co-chair not named hears nothing, whatever its clearance.
    expect(await told(caller('ru', 'co_chair', 'co_chairs'))).toEqual([]);
  });

  it('refuses bad input naming the field, and a role that may not notify', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await send('ngo-humanitarian', body);
      expect(res.statusCode, path).toBe(400);
      // The field at fault: its path, or (an unknown field) named in the message.
      expect(`${res.json().path} ${res.json().message}`, JSON.stringify(res.json())).toContain(path);
    };
    await bad(hospital({ recipients: [] }), 'recipients');
    await bad(hospital({ recipients: ['us', 'nobody'] }), 'recipients[1]');
    await bad(hospital({ recipients: ['ngo'] }), 'recipients[0]');
    await bad(hospital({ site_kind: 'castle' }), 'site_kind');
    await bad(hospital({ geometry: { type: 'Point', coordinates: [200, 36] } }), 'geometry');
    await bad(hospital({ valid: { from: iso(2), to: iso(1) } }), 'valid.to');
    await bad(hospital({ acknowledge_by: iso(24 * 8) }), 'acknowledge_by');
    await bad({ ...convoy, geometry: { type: 'Point', coordinates: [37, 36] } }, 'geometry');
    await bad(hospital({ approve: true }), 'approve');
    expect((await send('ngo-observer', hospital())).statusCode).toBe(403);
    const [row] = await db().query<{ n: number }>('select count(*)::int as n from notifications');
    expect(row!.n).toBe(0);
  });
});
