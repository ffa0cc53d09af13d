/**
 * The hotline over HTTP and its sweeper: a thread is opened, written in, acknowledged and resolved,
 * with a complete timeline; past a deadline with a recipient silent it escalates once at each
 * deadline, even with two sweepers racing on one PostgreSQL, and after a restart; a third
 * organization finds nothing (404, not in lists, no live event); bad input names its field.
 * Deadlines are moved into the past in SQL: the clock the server keeps them by is the database's.
 */
import { expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import { createContext } from '../../app/context.ts';
import type { TruceEvent } from '../../app/events.ts';
import { startHotlineSweeper, sweepEscalations } from '../../app/hotline/sweep-escalations.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { openDatabase } from '../../store/database.ts';
import { asReader } from '../../store/reader.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const caller = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
  userId: `${orgId}-analyst`,
  username: `${orgId}-analyst`,
  orgId,
  orgKind,
  role: 'analyst',
  clearance,
});
const US = caller('us', 'co_chair', 'co_chairs');
const RU = caller('ru', 'co_chair', 'co_chairs');
const OSE = caller('un-ose', 'un', 'task_force');
const NGO = caller('ngo', 'humanitarian', 'public');

describeEachDatabase('the hotline', (db) => {
  const server = useTestServer(db);

  const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
    server.call(user, { method: 'POST', url, payload });
  const get = (user: string, url: string) => server.call(user, { method: 'GET', url });

  /** ru opens an urgent thread to us; returns its id. */
  async function openUrgent(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await post('ru-monitor', '/api/v1/hotline', {
      subject: 'Aircraft striking near our position',
      message: 'Strikes 2 km north of our advisers at these coordinates; stop now.',
      priority: 'urgent',
      recipients: ['us'],
      location: { lon: 40.75, lat: 36.5 },
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  const pastDue = (id: string, column: 'ack_due_at' | 'second_due_at') =>
    db().query(`update hotline_threads set ${column} = now() - interval '1 second' where id = $1`, [id]);

  const timeline = async (id: string) =>
    (await get('un-ose-analyst', `/api/v1/hotline/${id}`)).json<{
      timeline: { kind: string; org: string | null; level: number | null }[];
    }>().timeline;

  it('opens, writes, acknowledges and resolves, keeping every step in the timeline', async () => {
    await server.fresh();
    const opened = await post('ru-monitor', '/api/v1/hotline', {
      subject: 'Aircraft striking near our position',
      message: 'Strikes 2 km north of our advisers.',
      priority: 'urgent',
      recipients: ['us'],
      location: { lon: 40.75, lat: 36.5 },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const thread = opened.json();
    expect(thread).toMatchObject({
      priority: 'urgent',
      opened_by_org: 'ru',
      recipients: [{ org: 'us', acknowledged_at: null }],
    });
    // The deadline is ten minutes after opening, by the database's clock.
    expect(Date.parse(thread.ack_due_at) - Date.parse(thread.opened_at)).toBe(10 * 60_000);
    expect(Date.parse(thread.second_due_at) - Date.parse(thread.opened_at)).toBe(30 * 60_000);

    expect(
      (await post('us-analyst', `/api/v1/hotline/${thread.id}/messages`, { body: 'Checking with the air cell.' }))
        .statusCode,
    ).toBe(200);
    // Only a recipient acknowledges, once.
    expect((await post('ru-monitor', `/api/v1/hotline/${thread.id}/acknowledge`)).statusCode).toBe(403);
    const acked = await post('us-analyst', `/api/v1/hotline/${thread.id}/acknowledge`);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json().recipients[0].acknowledged_at).not.toBeNull();
    expect((await post('us-admin', `/api/v1/hotline/${thread.id}/acknowledge`)).statusCode).toBe(409);
    const resolved = await post('us-analyst', `/api/v1/hotline/${thread.id}/resolve`, { note: 'Strikes stopped.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().resolved_by_org).toBe('us');
    expect((await post('ru-monitor', `/api/v1/hotline/${thread.id}/messages`, { body: 'late' })).statusCode).toBe(409);
    expect((await timeline(thread.id)).map((e) => [e.kind, e.org])).toEqual([
      ['opened', 'ru'],
      ['message', 'us'],
      ['acknowledged', 'us'],
      ['resolved', 'us'],
    ]);
    // Audited, and the times per party count it.
    const audited = await db().query<{ action: string }>(
      `select action from audit_log where entity = 'hotline_thread' and entity_id = $1 order by seq`,
      [thread.id],
    );
    expect(audited.map((a) => a.action)).toEqual([
      'open-hotline-thread',
      'hotline-message',
      'acknowledge-hotline-thread',
      'resolve-hotline-thread',
    ]);
    const times = (await get('ru-monitor', '/api/v1/hotline/times')).json().items;
    expect(times).toEqual([expect.objectContaining({ org: 'us', acknowledged: 1, resolved: 1 })]);
    expect(times[0].ack_median_seconds).toBeGreaterThanOrEqual(0);
    expect(times[0].ack_slowest_seconds).toBe(times[0].ack_median_seconds);
  });

  it('escalates once at the first deadline and once at the second, and not once acknowledged or resolved', async () => {
    await server.fresh();
    const id = await openUrgent();
    const quiet = await openUrgent();
    expect(await sweepEscalations(server.ctx)).toEqual([]); // nothing due yet

    const heard: TruceEvent[] = [];
    const off = server.ctx.events.subscribe((e) => heard.push(e));
    await pastDue(id, 'ack_due_at');
    expect(await sweepEscalations(server.ctx)).toEqual([{ threadId: id, level: 1, silent: ['us'], links: [] }]);
    expect(await sweepEscalations(server.ctx)).toEqual([]);
    expect(heard).toContainEqual(expect.objectContaining({ type: 'hotline.escalated', entity: 'hotline_thread', id }));
    off();
    // The secretariat hears of it live; a third organization does not.
    const event = heard.find((e) => e.type === 'hotline.escalated')!;
    expect((await visibleMessages(server.ctx, OSE, event)).map((m) => m.id)).toEqual([id]);
    expect(await visibleMessages(server.ctx, NGO, event)).toEqual([]);

    await pastDue(id, 'second_due_at');
    expect(await sweepEscalations(server.ctx)).toEqual([{ threadId: id, level: 2, silent: ['us'], links: [] }]);
    expect(await sweepEscalations(server.ctx)).toEqual([]);
    expect((await timeline(id)).filter((e) => e.kind === 'escalated').map((e) => [e.level, e.org])).toEqual([
      [1, null],
      [2, null],
    ]);
    const shown = (await get('us-analyst', `/api/v1/hotline/${id}`)).json();
    expect(shown.escalated_at).not.toBeNull();
    expect(shown.escalated_again_at).not.toBeNull();

    // Acknowledged in time, or resolved: no escalation.
    expect((await post('us-analyst', `/api/v1/hotline/${quiet}/acknowledge`)).statusCode).toBe(200);
    const resolved = await openUrgent();
    expect((await post('ru-monitor', `/api/v1/hotline/${resolved}/resolve`, {})).statusCode).toBe(200);
    for (const t of [quiet, resolved]) {
      await pastDue(t, 'ack_due_at');
      await pastDue(t, 'second_due_at');
    }
    expect(await sweepEscalations(server.ctx)).toEqual([]);
  });

  it('picks up escalations that came due while it was down: a new context on the same database', async () => {
    await server.fresh();
    const id = await openUrgent();
    await pastDue(id, 'ack_due_at');
    const restarted = createContext(db(), { sealDelayMs: 5 });
    const stop = startHotlineSweeper(restarted, 60_000); // sweeps once on start
    await stop();
    await restarted.close();
    expect((await timeline(id)).filter((e) => e.kind === 'escalated').map((e) => e.level)).toEqual([1]);
    expect(await sweepEscalations(server.ctx)).toEqual([]);
  });

  it('claims an escalation once with two servers sweeping one PostgreSQL at the same moment', async () => {
    await server.fresh();
    const ids = [await openUrgent(), await openUrgent(), await openUrgent()];
    for (const id of ids) await pastDue(id, 'ack_due_at');
    const url = process.env.TRUCE_TEST_DATABASE_URL;
    const other =
      db().kind === 'postgres' && url
        ? await openDatabase({
            url,
            schema: (await db().query<{ s: string }>('select current_schema() as s'))[0]!.s,
            migrate: false,
          })
        : null;
    const second = createContext(other ?? db(), { sealDelayMs: 5 });
    try {
      const [a, b] = await Promise.all([sweepEscalations(server.ctx), sweepEscalations(second)]);
      expect([...a, ...b].map((e) => e.threadId).sort()).toEqual([...ids].sort());
      for (const id of ids) expect((await timeline(id)).filter((e) => e.kind === 'escalated')).toHaveLength(1);
    } finally {
      await second.close();
      await other?.close();
    }
  });

  it('hides a thread from a third organization: 404, not listed, no live event; the secretariat sees it', async () => {
    await server.fresh();
    const id = await openUrgent();
    for (const user of ['ngo-analyst', 'ngo-admin']) {
      expect((await get(user, `/api/v1/hotline/${id}`)).statusCode).toBe(404);
      expect((await post(user, `/api/v1/hotline/${id}/messages`, { body: 'hello' })).statusCode).toBe(404);
      expect((await post(user, `/api/v1/hotline/${id}/acknowledge`)).statusCode).toBe(404);
      expect((await post(user, `/api/v1/hotline/${id}/resolve`, {})).statusCode).toBe(404);
      expect((await get(user, '/api/v1/hotline')).json().items).toEqual([]);
      expect((await get(user, '/api/v1/hotline/times')).json().items).toEqual([]);
    }
    const event: TruceEvent = { type: 'hotline.updated', entity: 'hotline_thread', id, at: Date.now() };
    expect(await visibleMessages(server.ctx, NGO, event)).toEqual([]);
    for (const c of [US, RU, OSE]) expect((await visibleMessages(server.ctx, c, event)).map((m) => m.id)).toEqual([id]);
    expect((await get('un-ose-observer', '/api/v1/hotline')).json().items.map((t: { id: string }) => t.id)).toEqual([
      id,
    ]);
    // The audit trail's entries of the thread are hidden with it (row-level security on the trail).
    const auditedFor = (orgId: string, clearance: Caller['clearance']) =>
      asReader(db(), { userId: null, orgId, clearance }, (sql) =>
        sql.query<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = $1`, [id]),
      );
    expect(await auditedFor('ngo', 'public')).toEqual([{ n: 0 }]);
    expect(await auditedFor('us', 'co_chairs')).toEqual([{ n: 1 }]);
    expect(await auditedFor('un-ose', 'task_force')).toEqual([{ n: 1 }]);
    // An observer sees, but does not write.
    expect((await post('un-ose-observer', `/api/v1/hotline/${id}/messages`, { body: 'x' })).statusCode).toBe(403);
  });

  it('refuses bad input naming the field', async () => {
    await server.fresh();
    const base = { subject: 'S', message: 'M', priority: 'urgent', recipients: ['us'] };
    const refused = async (payload: Record<string, unknown>) => {
      const res = await post('ru-monitor', '/api/v1/hotline', payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ path: string }>().path;
    };
    expect(await refused({ ...base, priority: 'now' })).toBe('priority');
    expect(await refused({ ...base, subject: ' ' })).toBe('subject');
    expect(await refused({ ...base, recipients: [] })).toBe('recipients');
    expect(await refused({ ...base, recipients: ['us', 'ru'] })).toBe('recipients[1]');
    expect(await refused({ ...base, recipients: ['nobody'] })).toBe('recipients[0]');
    expect(await refused({ ...base, location: { lon: 200, lat: 0 } })).toBe('location.lon');
    expect(await refused({ ...base, links: ['incident:none'] })).toBe('links[0]');
    const id = await openUrgent();
    const empty = await post('us-analyst', `/api/v1/hotline/${id}/messages`, { body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().path).toBe('body');
    expect((await db().query(`select count(*)::int as n from hotline_threads`))[0]).toEqual({ n: 1 });
  });
});
