/**
 * GET /deconfliction/day, the console's read: the sites, movements, positions and operations valid on
 * a day in the world's timezone, the open conflicts and the alerts, each only as its reader may see
 * it. Hidden records (a notification not addressed to the reader, a position not shared with it, a
 * protected site above its clearance, an operation notice classified for its declarer) are in no list
 * and not named anywhere in the answer; the secretariat reads a hidden notice's conflicts with its
 * outline only.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { startWorldServer } from '../../../test/world.ts';

/** A day in the future, in the world's timezone (Asia/Damascus, +03:00 since 2022). */
const DAY = '2030-06-15';
const local = (date: string, hm: string) => `${date}T${hm}:00+03:00`;
/** Near Hasakah, far from the demo world's sites; metres north of it (a degree of latitude is 111 195 m). */
const P: [number, number] = [40.75, 36.5];
const north = (metres: number): [number, number] => [P[0], P[1] + metres / 111_195];
const point = (c: [number, number]) => ({ type: 'Point', coordinates: c });

const site = (name: string, over: Record<string, unknown> = {}) => ({
  subject: 'site',
  site_kind: 'hospital',
  name,
  geometry: point(north(222)),
  buffer_m: 300,
  valid: { from: local('2030-06-14', '00:00'), to: local('2030-06-17', '00:00') },
  acknowledge_by: local('2030-06-14', '12:00'),
  recipients: ['us'],
  ...over,
});
const movement = {
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
  valid: { from: local(DAY, '08:00'), to: local(DAY, '12:00') },
  acknowledge_by: local('2030-06-14', '12:00'),
  recipients: ['ru'],
};
const position = (name: string, metres: number, recipients: string[]) => ({
  name,
  kind: 'troops',
  geometry: point(north(metres)),
  buffer_m: 300,
  valid: { from: local('2030-06-01', '00:00'), to: null },
  recipients,
});

interface Target {
  kind: string;
  id: string;
  name: string | null;
}
interface Day {
  day: string;
  from: string;
  to: string;
  sites: Target[];
  movements: Target[];
  positions: Target[];
  operations: { id: string; declared_by: string | null }[];
  conflicts: { target: Target; operation: string | null; declared_by: string; clearance_m: number }[];
  alerts: { target: Target }[];
}

describeEachDatabase('the deconfliction console’s day, as each reader may see it', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const call = (user: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const made = async (user: string, url: string, payload: unknown) => {
    const res = await call(user, 'POST', url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; operation: { id: string } }>();
  };
  const dayOf = async (user: string, day = DAY) => {
    const res = await call(user, 'GET', `/deconfliction/day?day=${day}`);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, day: res.json<Day>() };
  };

  it('lists what is valid that day, each record only to whoever may see it, and names nothing hidden', async () => {
    const hospital = await made('ngo-humanitarian', '/notifications', site('Hasakah national hospital'));
    const convoy = await made('ngo-humanitarian', '/notifications', movement);
    // Valid only after the day; withdrawn before it: on no one's map that day.
    const later = await made(
      'ngo-humanitarian',
      '/notifications',
      site('Later clinic', { valid: { from: local('2030-06-16', '00:00'), to: local('2030-06-18', '00:00') } }),
    );
    const withdrawn = await made('ngo-humanitarian', '/notifications', site('Withdrawn clinic'));
    expect((await call('ngo-humanitarian', 'POST', `/notifications/${withdrawn.id}/withdraw`)).statusCode).toBe(200);
    const shared = await made('us-analyst', '/positions', position('Troops at the silos', 445, ['ru']));
    const own = await made('us-analyst', '/positions', position('Advisers at the airfield', 556, []));
    // A school of the NGO's own classification: the NGO's alone.
    const school = await made('ngo-analyst', '/protected-sites', {
      kind: 'school',
      owner: 'msf',
      classification: 'org',
      buffer_m: 100,
      geometry: point(north(150)),
      valid: { from: local('2030-06-01', '00:00'), to: null },
      notified_to: [],
    });
    // ru's notice, classified for ru alone, planned that morning: near the hospital, the convoy and both positions.
    const notice = (
      await made('ru-analyst', '/operations', {
        actor: 'ru',
        kind: 'air_strike',
        classification: 'org',
        area: point(P),
        radius_m: 300,
        window: { from: local(DAY, '09:00'), to: local(DAY, '11:00') },
      })
    ).operation.id;
    const everything = [hospital.id, convoy.id, later.id, withdrawn.id, shared.id, own.id, school.id, notice];
    /** The test's records in a list (the demo world's public sites are everyone's). */
    const ids = (list: { id: string }[]) =>
      list
        .map((x) => x.id)
        .filter((id) => everything.includes(id))
        .sort();
    /** Which of the records the answer names anywhere. */
    const named = (body: string) => everything.filter((id) => body.includes(id)).sort();

    // The NGO: its notifications and its school; not ru's notice (hidden), so no conflict; its alerts, without the operation.
    const ngo = await dayOf('ngo-analyst');
    expect(ngo.day.day).toBe(DAY);
    expect(ngo.day.from).toBe('2030-06-14T21:00:00.000Z');
    expect(ngo.day.to).toBe('2030-06-15T21:00:00.000Z');
    expect(ids(ngo.day.sites)).toEqual([hospital.id, school.id].sort());
    expect(ids(ngo.day.movements)).toEqual([convoy.id]);
    expect(ngo.day.positions).toEqual([]);
    expect(ids(ngo.day.operations)).toEqual([]);
    expect(ngo.day.conflicts).toEqual([]);
    expect(ngo.day.alerts.map((a) => a.target.id).sort()).toEqual([hospital.id, convoy.id, school.id].sort());
    expect(named(ngo.body)).toEqual([hospital.id, convoy.id, school.id].sort());

    // us: the hospital (a recipient), both its positions; not the convoy (told to ru), the school or the notice.
    const us = await dayOf('us-analyst');
    expect(ids(us.day.sites)).toEqual([hospital.id]);
    expect(us.day.movements).toEqual([]);
    expect(ids(us.day.positions)).toEqual([shared.id, own.id].sort());
    expect(ids(us.day.operations)).toEqual([]);
    expect(us.day.conflicts).toEqual([]);
    expect(us.day.alerts.map((a) => a.target.id).sort()).toEqual([shared.id, own.id].sort());
    expect(named(us.body)).toEqual([hospital.id, shared.id, own.id].sort());

    // ru: the convoy (a recipient), the position shared with it, its notice and its conflicts with those two only.
    const ru = await dayOf('ru-analyst');
    expect(ids(ru.day.sites)).toEqual([]);
    expect(ids(ru.day.movements)).toEqual([convoy.id]);
    expect(ids(ru.day.positions)).toEqual([shared.id]);
    expect(ids(ru.day.operations)).toEqual([notice]);
    expect(ru.day.operations.find((o) => o.id === notice)?.declared_by).toBe('ru');
    expect(ru.day.conflicts.map((c) => c.target.id).sort()).toEqual([convoy.id, shared.id].sort());
    expect(ru.day.conflicts.every((c) => c.operation === notice)).toBe(true);
    expect(named(ru.body)).toEqual([convoy.id, shared.id, notice].sort());

    // The secretariat: every notification, no position (none shared with it), not the operation: its conflicts by outline.
    const un = await dayOf('un-ose-analyst');
    expect(ids(un.day.sites)).toEqual([hospital.id]);
    expect(ids(un.day.movements)).toEqual([convoy.id]);
    expect(un.day.positions).toEqual([]);
    expect(ids(un.day.operations)).toEqual([]);
    expect(un.day.conflicts.map((c) => c.target.id).sort()).toEqual([hospital.id, convoy.id].sort());
    expect(un.day.conflicts.every((c) => c.operation === null && c.declared_by === 'ru')).toBe(true);
    expect(named(un.body)).toEqual([hospital.id, convoy.id].sort());
    expect(un.body).not.toContain('air_strike');

    // An organization with none of them: nothing.
    const observer = await dayOf('us-observer');
    expect(observer.day.conflicts).toEqual([]);
    // The day before the notice: the hospital, not the convoy, the notice or its conflicts.
    const before = await dayOf('ru-analyst', '2030-06-14');
    expect(before.day.movements).toEqual([]);
    expect(ids(before.day.operations)).toEqual([]);
    expect(before.day.conflicts).toEqual([]);
  });

  it('reads today in the world’s timezone by default, refuses a day that is not one, and asks who is reading', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(Date.now());
    const res = await call('us-analyst', 'GET', '/deconfliction/day');
    expect(res.statusCode, res.body).toBe(200);
    // Around midnight the clock may pass between the two readings.
    expect([today, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(Date.now())]).toContain(
      res.json<Day>().day,
    );
    for (const bad of ['2030-02-30', '15/06/2030', 'today']) {
      const refused = await call('us-analyst', 'GET', `/deconfliction/day?day=${encodeURIComponent(bad)}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json<{ path: string }>().path, bad).toMatch(/day$/);
    }
    expect((await call(null, 'GET', `/deconfliction/day?day=${DAY}`)).statusCode).toBe(401);
  });
});
