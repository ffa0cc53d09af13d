/**
 * Operation notices: declared and checked at once against notified sites and movements, positions
 * and protected sites, the conflicts stored; changed and checked again; withdrawn; a target made or
 * renewed later checked against the notices in force; who sees which conflict, and a target's owner
 * alerted without the operation.
 */
import { expect, it } from 'vitest';
import type { Caller } from '../../app/caller.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

const HOUR = 3_600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();
/** Near Hasakah, far from the demo world's sites. Metres north of it: a degree of latitude is 111 195 m. */
const P: [number, number] = [40.75, 36.5];
const north = (metres: number): [number, number] => [P[0], P[1] + metres / 111_195];
const point = (c: [number, number]) => ({ type: 'Point', coordinates: c });

const hospital = (over: Record<string, unknown> = {}) => ({
  subject: 'site',
  site_kind: 'hospital',
  name: 'Hasakah national hospital',
  geometry: point(north(222)),
  buffer_m: 300,
  valid: { from: iso(-1), to: iso(24 * 7) },
  acknowledge_by: iso(24),
  recipients: ['us'],
  ...over,
});
const convoy = {
  subject: 'movement',
  name: 'Convoy to Tal Tamr',
  geometry: {
    type: 'LineString',
    coordinates: [
      [P[0] - 0.01, north(667)[1]],
      [P[0] + 0.01, north(667)[1]],
    ],
  },
  buffer_m: 500,
  vehicles: '12 trucks',
  cargo: 'food',
  valid: { from: iso(2), to: iso(4) },
  acknowledge_by: iso(1),
  recipients: ['ru'],
};
const position = (name: string, metres: number, buffer: number, recipients: string[]) => ({
  name,
  kind: 'troops',
  geometry: point(north(metres)),
  buffer_m: buffer,
  valid: { from: iso(-24), to: null },
  recipients,
});
const strike = (over: Record<string, unknown> = {}) => ({
  actor: 'ru',
  kind: 'air_strike',
  classification: 'org',
  area: point(P),
  radius_m: 300,
  window: { from: iso(1), to: iso(6) },
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

interface Conflict {
  target: { kind: string; id: string; name: string | null };
  clearance_m: number;
  notified: boolean;
}

describeEachDatabase('operation notices: checked at once, stored, changed, withdrawn, seen by whom', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const made = async (user: string, url: string, payload: unknown) => {
    const res = await call(user, 'POST', url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const names = (conflicts: Conflict[]) => conflicts.map((c) => c.target.name ?? c.target.kind);
  /** Every stored conflict, as the system: the kind, id, open or closed and why. */
  const stored = (op: string) =>
    db().query<{ target_kind: string; target_id: string; notified: boolean; closed_reason: string | null }>(
      'select target_kind, target_id, notified, closed_reason from operation_conflicts where operation_id = $1 order by computed_at, clearance_m, target_id',
      [op],
    );

  /** The NGO's hospital (told to us, not ru) and convoy (told to ru), us's two positions (one shared with ru), the NGO's own secret site. */
  async function targets() {
    const h = await made('ngo-humanitarian', '/notifications', hospital());
    const m = await made('ngo-humanitarian', '/notifications', convoy);
    const x = await made('us-analyst', '/positions', position('Troops at the silos', 445, 200, ['ru']));
    const y = await made('us-analyst', '/positions', position('Advisers at the airfield', 556, 300, []));
    const far = await made(
      'ngo-humanitarian',
      '/notifications',
      hospital({ name: 'Far clinic', geometry: point(north(20_000)) }),
    );
    const site = await made('ngo-analyst', '/protected-sites', {
      kind: 'school',
      owner: 'msf',
      classification: 'org',
      buffer_m: 100,
      geometry: point(north(111)),
      valid: { from: iso(-24), to: null },
      notified_to: ['ru'],
    });
    // ru's own site, however close, is no conflict of ru's.
    const own = await made('ru-analyst', '/protected-sites', {
      kind: 'headquarters',
      owner: 'ru',
      buffer_m: 1000,
      geometry: point(P),
      valid: { from: iso(-24), to: null },
    });
    return { h: h.id, m: m.id, x: x.id, y: y.id, far: far.id, site: site.id, own: own.id };
  }

  it('checks a declared notice at once and stores its conflicts; each sees only those with targets it may see', async () => {
    const t = await targets();
    const res = await call('ru-analyst', 'POST', '/operations', strike());
    expect(res.statusCode, res.body).toBe(201);
    const op = res.json().operation.id as string;
    // Stored, as the system: every target in reach, by clearance; the site hidden from ru and those ru was never told of included.
    const all = await stored(op);
    expect(all.map((c) => [c.target_kind, c.target_id, c.notified, c.closed_reason])).toEqual([
      ['notification_site', t.h, false, null],
      ['protected_site', t.site, true, null],
      ['position', t.x, true, null],
      ['position', t.y, false, null],
      ['movement', t.m, true, null],
    ]);
    // The declarer: the convoy and the troops it was told of, nothing of the others, not even a count.
    const declared = res.json().conflicts as Conflict[];
    expect(names(declared)).toEqual(['Troops at the silos', 'Convoy to Tal Tamr']);
    expect(declared.map((c) => c.notified)).toEqual([true, true]);
    expect(declared[0]!.clearance_m).toBeGreaterThanOrEqual(144);
    expect(declared[0]!.clearance_m).toBeLessThanOrEqual(146);
    for (const hidden of [t.h, t.y, t.site]) expect(res.body).not.toContain(hidden);
    expect((await call('ru-observer', 'GET', `/operations/${op}`)).json().conflicts).toEqual(declared);
    // Checked without storing (POST /operations/check, through the index of migration 025): the same
    // conflicts as ru may see them, nothing of the others.
    const checked = await call('ru-analyst', 'POST', '/operations/check', strike());
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().targets).toEqual(
      declared.map((c) => ({
        kind: c.target.kind,
        id: c.target.id,
        name: c.target.name,
        clearance_m: c.clearance_m,
        notified: c.notified,
      })),
    );
    for (const hidden of [t.h, t.y, t.site]) expect(checked.body).not.toContain(hidden);
    const mine = (await call('ru-observer', 'GET', '/operation-notices?box=mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].operation.id).toBe(op);
    expect(mine[0].conflicts).toEqual(declared);

    // The secretariat: every notice, this one as an outline (its classification hides the operation), with every conflict
    // with a target it may see, the hospital ru was never told of marked so; not the positions (not shared with it).
    const seen = (await call('un-ose-analyst', 'GET', '/operation-notices')).json().items;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ operation: null, declared_by: 'ru', where: null, withdrawn_at: null });
    expect(seen[0].conflicts.map((c: Conflict) => [c.target.name, c.notified])).toEqual([
      ['Hasakah national hospital', false],
      ['Convoy to Tal Tamr', true],
    ]);
    expect(JSON.stringify(seen)).not.toContain(op);
    expect((await call('un-ose-analyst', 'GET', `/operations/${op}`)).statusCode).toBe(404);

    // The owners of targets at risk: alerted with their target, the clearance and the window; not the operation.
    const ngo = await call('ngo-observer', 'GET', '/deconfliction-alerts');
    expect(
      ngo
        .json()
        .items.map((a: { target: { id: string } }) => a.target.id)
        .sort(),
    ).toEqual([t.h, t.m, t.site].sort());
    const hospitalAlert = ngo.json().items.find((a: { target: { id: string } }) => a.target.id === t.h);
    expect(hospitalAlert).toMatchObject({
      clearance_m: 0,
      closed: false,
      target: { name: 'Hasakah national hospital' },
    });
    expect(Date.parse(hospitalAlert.window.from)).toBe(Date.parse(res.json().operation.window.from));
    for (const detail of [op, 'air_strike', 'radius', '"actor"', 'area'])
      expect(ngo.body, `the alert names ${detail}`).not.toContain(detail);
    // Reaching for the notice's detail from the alert: none of it is there for the NGO.
    expect((await call('ngo-admin', 'GET', `/operations/${op}`)).statusCode).toBe(404);
    expect((await call('ngo-admin', 'GET', '/operation-notices')).json().items).toEqual([]);
    expect((await call('ngo-admin', 'GET', `/audit/operation/${op}`)).statusCode).toBe(404);
    const us = await call('us-observer', 'GET', '/deconfliction-alerts');
    expect(
      us
        .json()
        .items.map((a: { target: { name: string } }) => a.target.name)
        .sort(),
    ).toEqual(['Advisers at the airfield', 'Troops at the silos']);
    expect(us.body).not.toContain(op);
    // ru has no target at risk; the far clinic and ru's own headquarters are in no conflict.
    expect((await call('ru-observer', 'GET', '/deconfliction-alerts')).json().items).toEqual([]);
    expect(all.map((c) => c.target_id)).not.toContain(t.far);
    expect(all.map((c) => c.target_id)).not.toContain(t.own);
  });

  it('checks a changed notice again and replaces its conflicts, keeping the replaced ones; refuses others', async () => {
    const t = await targets();
    const op = (await made('ru-analyst', '/operations', strike())).operation.id as string;
    // After the convoy's window: the convoy is no longer in reach.
    const later = await call('ru-analyst', 'PATCH', `/operations/${op}`, { window: { from: iso(5), to: iso(6) } });
    expect(later.statusCode, later.body).toBe(200);
    expect(names(later.json().conflicts)).toEqual(['Troops at the silos']);
    expect((await stored(op)).filter((c) => c.closed_reason === null).map((c) => c.target_id)).toEqual([
      t.h,
      t.site,
      t.x,
      t.y,
    ]);
    // A wider radius brings nothing new; a point 20 km away leaves only the far clinic.
    const moved = await call('ru-analyst', 'PATCH', `/operations/${op}`, { area: point(north(20_000)), radius_m: 0 });
    expect(moved.json().conflicts).toEqual([]);
    const rows = await stored(op);
    expect(rows.filter((c) => c.closed_reason === null).map((c) => c.target_id)).toEqual([t.far]);
    expect(rows.filter((c) => c.closed_reason === 'rechecked')).toHaveLength(9);
    expect(
      (await call('ngo-observer', 'GET', '/deconfliction-alerts'))
        .json()
        .items.map((a: { target: { name: string } }) => a.target.name),
    ).toEqual(['Far clinic']);
    const trail = await db().query<{ action: string }>(
      "select action from audit_log where entity = 'operation' and entity_id = $1 order by seq",
      [op],
    );
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    // Only the declaring organization changes it: hidden from the others (404), refused when seen (403).
    for (const user of ['us-analyst', 'ngo-analyst', 'un-ose-analyst'])
      expect((await call(user, 'PATCH', `/operations/${op}`, { radius_m: 5 })).statusCode, user).toBe(404);
    const open = (await made('ru-analyst', '/operations', strike({ classification: 'public' }))).operation.id;
    expect((await call('us-analyst', 'PATCH', `/operations/${open}`, { radius_m: 5 })).statusCode).toBe(403);
    expect((await call('us-analyst', 'POST', `/operations/${open}/withdraw`)).statusCode).toBe(403);
    expect((await call('ru-humanitarian', 'PATCH', `/operations/${open}`, { radius_m: 5 })).statusCode).toBe(403);
    // An operation of the bundle was declared by no organization: nobody's to change.
    expect((await call('ru-analyst', 'PATCH', '/operations/o-ru-aleppo-0916', { radius_m: 5 })).statusCode).toBe(403);
  });

  it('withdraws a notice: kept, its conflicts closed, no owner alerted any longer', async () => {
    await targets();
    const op = (await made('ru-analyst', '/operations', strike())).operation.id as string;
    expect((await call('ngo-observer', 'GET', '/deconfliction-alerts')).json().items).toHaveLength(3);
    const w = await call('ru-analyst', 'POST', `/operations/${op}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().operation.withdrawn_at).not.toBeNull();
    expect(w.json().conflicts).toEqual([]);
    expect((await stored(op)).every((c) => c.closed_reason === 'withdrawn')).toBe(true);
    expect((await call('ngo-observer', 'GET', '/deconfliction-alerts')).json().items).toEqual([]);
    expect((await call('us-observer', 'GET', '/deconfliction-alerts')).json().items).toEqual([]);
    const listed = (await call('ru-observer', 'GET', '/operation-notices?box=mine')).json().items;
    expect(listed[0]).toMatchObject({ conflicts: [], operation: { id: op } });
    expect(listed[0].withdrawn_at).not.toBeNull();
    expect((await call('ru-analyst', 'POST', `/operations/${op}/withdraw`)).statusCode).toBe(409);
    expect((await call('ru-analyst', 'PATCH', `/operations/${op}`, { radius_m: 1 })).statusCode).toBe(409);
    // A notification made later is not checked against it.
    await made('ngo-humanitarian', '/notifications', hospital({ name: 'New clinic', geometry: point(P) }));
    expect(await countRows(db(), 'operation_conflicts')).toBe((await stored(op)).length);
  });

  it('checks a target made, renewed, changed or withdrawn after a notice against the notices in force', async () => {
    const op = (await made('ru-analyst', '/operations', strike())).operation.id as string;
    const past = (await made('ru-analyst', '/operations', strike({ window: { from: iso(-10), to: iso(-5) } })))
      .operation.id as string;
    expect(await stored(op)).toEqual([]);
    // A clinic notified to ru after the notice: a conflict of the notice in force, not of the one whose window ended.
    const clinic = await made(
      'ngo-humanitarian',
      '/notifications',
      hospital({ name: 'Late clinic', recipients: ['ru'] }),
    );
    expect((await stored(op)).map((c) => [c.target_id, c.notified])).toEqual([[clinic.id, true]]);
    expect(await stored(past)).toEqual([]);
    expect(names((await call('ru-observer', 'GET', `/operations/${op}`)).json().conflicts)).toEqual(['Late clinic']);
    expect((await call('ngo-observer', 'GET', '/deconfliction-alerts')).json().items).toHaveLength(1);
    // Renewed for a period after the window: no longer in conflict.
    const renewed = await call('ngo-humanitarian', 'POST', `/notifications/${clinic.id}/renew`, {
      valid: { from: iso(10), to: iso(20) },
      acknowledge_by: iso(12),
    });
    expect(renewed.statusCode).toBe(200);
    expect((await stored(op)).map((c) => c.closed_reason)).toEqual(['target_changed']);
    expect((await call('ngo-observer', 'GET', '/deconfliction-alerts')).json().items).toEqual([]);
    // A position recorded, then moved into reach, then withdrawn.
    const pos = await made('us-analyst', '/positions', position('Observation post', 5_000, 100, ['ru']));
    expect((await stored(op)).filter((c) => c.closed_reason === null)).toEqual([]);
    await call('us-analyst', 'PATCH', `/positions/${pos.id}`, { geometry: point(north(300)) });
    expect((await stored(op)).filter((c) => c.closed_reason === null).map((c) => c.target_id)).toEqual([pos.id]);
    expect(names((await call('ru-observer', 'GET', `/operations/${op}`)).json().conflicts)).toEqual([
      'Observation post',
    ]);
    await call('us-analyst', 'POST', `/positions/${pos.id}/withdraw`);
    expect((await stored(op)).filter((c) => c.closed_reason === null)).toEqual([]);
    expect((await stored(op)).at(-1)!.closed_reason).toBe('target_withdrawn');
    // A protected site added later, and a notification withdrawn.
    const site = await made('us-analyst', '/protected-sites', {
      kind: 'school',
      owner: 'msf',
      buffer_m: 50,
      geometry: point(north(100)),
      valid: { from: iso(-1), to: null },
    });
    const school = await made('ngo-humanitarian', '/notifications', hospital({ name: 'School', recipients: ['ru'] }));
    expect(
      (await stored(op))
        .filter((c) => c.closed_reason === null)
        .map((c) => c.target_id)
        .sort(),
    ).toEqual([site.id, school.id].sort());
    await call('ngo-humanitarian', 'POST', `/notifications/${school.id}/withdraw`);
    expect((await stored(op)).filter((c) => c.closed_reason === null).map((c) => c.target_id)).toEqual([site.id]);
  });

  it('finds the conflict of a notice and a notification written at the same time', async () => {
    // On PostgreSQL the two writes run side by side: neither sees the other uncommitted, so the checks are serialized.
    for (let i = 0; i < 4; i++) {
      const [declared, notified] = await Promise.all([
        call('ru-analyst', 'POST', '/operations', strike()),
        call('ngo-humanitarian', 'POST', '/notifications', hospital({ name: `Clinic ${i}`, recipients: ['ru'] })),
      ]);
      expect(declared.statusCode, declared.body).toBe(201);
      expect(notified.statusCode, notified.body).toBe(201);
      expect((await stored(declared.json().operation.id)).map((c) => c.target_id)).toContain(notified.json().id);
    }
  });

  it('tells live: the declarer and the secretariat of the conflicts they may see, owners of their alerts, without the operation', async () => {
    const t = await targets();
    const heard: TruceEvent[] = [];
    const stop = server.ctx.events.subscribe((e) => {
      if (e.type === 'notice.changed') heard.push(e);
    });
    const op = (await made('ru-analyst', '/operations', strike())).operation.id as string;
    stop();
    expect(heard.map((e) => e.id)).toEqual([op]);
    const told = (c: Caller) => visibleMessages(server.ctx, c, heard[0]!);
    const ru = await told(observer('ru', 'co_chair', 'co_chairs'));
    expect(ru.map((m) => m.entity)).toEqual(['operation']);
    expect(names(ru[0]!.data.conflicts as Conflict[])).toEqual(['Troops at the silos', 'Convoy to Tal Tamr']);
    const secretariat = await told(observer('un-ose', 'un', 'task_force'));
    expect(secretariat.map((m) => [m.entity, (m.data.target as { id: string }).id, m.data.notified])).toEqual([
      ['notice_conflict', t.h, false],
      ['notice_conflict', t.m, true],
    ]);
    const ngo = await told(observer('ngo', 'humanitarian', 'public'));
    expect(ngo.map((m) => m.entity)).toEqual(['deconfliction_alert', 'deconfliction_alert', 'deconfliction_alert']);
    const us = await told(observer('us', 'co_chair', 'co_chairs'));
    expect(us.map((m) => (m.data.target as { name: string }).name).sort()).toEqual([
      'Advisers at the airfield',
      'Troops at the silos',
    ]);
    for (const [who, messages] of [
      ['un-ose', secretariat],
      ['ngo', ngo],
      ['us', us],
    ] as const) {
      const raw = JSON.stringify(messages);
      expect(raw, who).not.toContain(op);
      expect(raw, who).not.toContain('air_strike');
    }
  });

  it('refuses a bad change naming the field, and a role that may not declare', async () => {
    const op = (await made('ru-analyst', '/operations', strike())).operation.id as string;
    const bad = async (body: unknown, path: string) => {
      const res = await call('ru-analyst', 'PATCH', `/operations/${op}`, body);
      expect(res.statusCode, path).toBe(400);
      expect(`${res.json().path} ${res.json().message}`, JSON.stringify(res.json())).toContain(path);
    };
    await bad({ window: { from: iso(5), to: iso(4) } }, 'window.to');
    await bad({ radius_m: -1 }, 'radius_m');
    await bad({ area: { type: 'LineString', coordinates: [P, north(10)] } }, 'area');
    await bad({ actor: 'us' }, 'actor');
    expect((await call('ru-analyst', 'PATCH', `/operations/${op}`, {})).statusCode).toBe(400);
    expect((await call('ru-humanitarian', 'POST', '/operations', strike())).statusCode).toBe(403);
    expect((await call('ru-observer', 'POST', `/operations/${op}/withdraw`)).statusCode).toBe(403);
    const trail = await db().query<{ action: string }>(
      "select action from audit_log where entity = 'operation' and entity_id = $1",
      [op],
    );
    expect(trail.map((e) => e.action)).toEqual(['create']);
  });
});
