import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, q, startWorldServer } from '../../../test/world.ts';

/** A co-chairs site beside the Castello road, inside the reach of the Russian operation of 16 September. */
const SECRET_SITE = {
  kind: 'troops',
  owner: 'us',
  classification: 'co_chairs',
  buffer_m: 500,
  geometry: { type: 'Point', coordinates: [37.156, 36.266] },
  valid: { from: '2016-09-01T00:00:00Z', to: null },
};
const ALEPPO_STRIKE = {
  actor: 'ru',
  kind: 'air_strike',
  area: { type: 'Point', coordinates: [37.155, 36.265] },
  radius_m: 800,
  window: { from: '2016-09-16T12:00:00+03:00', to: '2016-09-16T18:00:00+03:00' },
};

describeEachDatabase('plans API: protected sites, operations, convoys', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const ids = async (user: string, url: string) =>
    (await server.call(user, { method: 'GET', url })).json().items.map((r: { id: string }) => r.id);

  it('lists and shows plans, and judges an operation against the protected sites', async () => {
    expect(await ids('ngo-observer', '/api/v1/protected-sites')).toHaveLength(6);
    expect(await ids('ngo-observer', '/api/v1/protected-sites?owner=sarc')).toEqual([
      's-castello-checkpoint',
      's-urum-warehouse',
    ]);
    expect(
      await ids(
        'ngo-observer',
        `/api/v1/protected-sites?from=${q('2016-09-19T07:00:00+03:00')}&to=${q('2016-09-19T08:00:00+03:00')}&kind=convoy_route`,
      ),
    ).toEqual(['s-castello-route', 's-urum-route']);
    expect(await ids('ngo-observer', '/api/v1/operations?actor=ru')).toEqual(['o-ru-aleppo-0916', 'o-ru-urum-0919']);
    expect(
      await ids(
        'ngo-observer',
        `/api/v1/convoys?from=${q('2016-01-11T00:00:00+02:00')}&to=${q('2016-01-12T00:00:00+02:00')}`,
      ),
    ).toEqual(['c-foah-kafraya-0111', 'c-madaya-0111']);

    const site = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/protected-sites/s-quds-hospital' });
    expect(site.json()).toEqual({
      id: 's-quds-hospital',
      kind: 'hospital',
      owner: 'msf',
      classification: 'public',
      owner_org: null,
      geometry: { type: 'Point', coordinates: [37.1525, 36.179] },
      buffer_m: 300,
      valid: { from: '2015-12-31T22:00:00Z', to: null },
      notified_to: ['ru', 'us'],
    });
    const op = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/operations/o-ru-aleppo-0916' });
    expect(op.json().deconfliction).toEqual({
      conflicts: [
        { site: 's-castello-route', clearance_m: 647, notified: true },
        { site: 's-castello-checkpoint', clearance_m: 927, notified: true },
      ],
    });
    const convoy = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/convoys/c-urum-0919' });
    expect(convoy.json().approvals).toMatchObject({
      required_approvals: ['fsa-north', 'sy-gov'],
      crosses_excluded: ['nusra'],
    });
    const madaya = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/convoys/c-madaya-0111' });
    expect(madaya.json().approvals.required_approvals).toEqual(['fsa-south', 'hezbollah', 'sy-gov']);
    expect((await server.call('ngo-observer', { method: 'GET', url: '/api/v1/operations/nothing' })).statusCode).toBe(
      404,
    );
    for (const url of [
      '/api/v1/protected-sites',
      '/api/v1/operations/o-ru-aleppo-0916',
      '/api/v1/convoys/c-urum-0919',
    ]) {
      expect((await server.call(null, { method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect(
      (await server.call(null, { method: 'POST', url: '/api/v1/operations/check', payload: ALEPPO_STRIKE })).statusCode,
    ).toBe(401);
  });

  it("shows a co-chairs site to the co-chairs only, and says nothing of it in the others' deconfliction", async () => {
    // What the others are told before the site exists is what they are told after: asking cannot locate it.
    const before = new Map<string, unknown>();
    for (const user of ['un-ose-analyst', 'ngo-humanitarian', 'ngo-reporter']) {
      before.set(
        user,
        (await server.call(user, { method: 'POST', url: '/api/v1/operations/check', payload: ALEPPO_STRIKE })).json(),
      );
    }
    const created = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: SECRET_SITE,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: expect.stringMatching(/^site-/),
      classification: 'co_chairs',
      owner_org: 'us',
    });
    const secret = created.json().id as string;
    const mine = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: {
        ...SECRET_SITE,
        owner: 'sarc',
        classification: 'org',
        geometry: { type: 'Point', coordinates: [37.154, 36.264] },
      },
    });
    expect(mine.statusCode).toBe(201);
    const ruSite = mine.json().id as string;

    const view = async (user: string) => {
      const listed = await ids(user, '/api/v1/protected-sites');
      const check = await server.call(user, {
        method: 'POST',
        url: '/api/v1/operations/check',
        payload: ALEPPO_STRIKE,
      });
      const stored = await server.call(user, { method: 'GET', url: '/api/v1/operations/o-ru-aleppo-0916' });
      expect(stored.json().deconfliction, user).toEqual({ conflicts: check.json().conflicts });
      // As a notice, the same protected sites (the spec's rule, read through the index of migration 025).
      expect(
        check
          .json()
          .targets.filter((t: { kind: string }) => t.kind === 'protected_site')
          .map((t: { id: string; clearance_m: number; notified: boolean }) => ({
            site: t.id,
            clearance_m: t.clearance_m,
            notified: t.notified,
          })),
        user,
      ).toEqual(check.json().conflicts);
      if (before.has(user)) expect(check.json(), user).toEqual(before.get(user));
      return {
        secret: listed.includes(secret),
        secretGet: (await server.call(user, { method: 'GET', url: `/api/v1/protected-sites/${secret}` })).statusCode,
        ru: listed.includes(ruSite),
        named: check
          .json()
          .conflicts.map((c: { site: string }) => c.site)
          .filter((s: string) => !s.startsWith('s-castello'))
          .map((s: string) => (s === secret ? 'secret' : s === ruSite ? 'ru' : s))
          .sort(),
      };
    };
    expect(await view('us-analyst')).toEqual({ secret: true, secretGet: 200, ru: false, named: ['secret'] });
    expect(await view('ru-reporter')).toEqual({ secret: true, secretGet: 200, ru: true, named: ['ru', 'secret'] });
    for (const user of ['un-ose-analyst', 'ngo-humanitarian', 'ngo-reporter']) {
      expect(await view(user), user).toEqual({ secret: false, secretGet: 404, ru: false, named: [] });
    }
  });

  it('hides co-chairs operations and convoys from the rest', async () => {
    const op = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/operations',
      payload: { ...ALEPPO_STRIKE, classification: 'co_chairs' },
    });
    expect(op.statusCode).toBe(201);
    const secretOp = op.json().operation.id as string;
    expect(op.json().deconfliction.conflicts.map((c: { site: string }) => c.site)).toEqual([
      's-castello-route',
      's-castello-checkpoint',
    ]);
    const convoy = await server.call('ngo-humanitarian', {
      method: 'POST',
      url: '/api/v1/convoys',
      payload: {
        organizer: 'msf',
        classification: 'org',
        route: {
          type: 'LineString',
          coordinates: [
            [36.205, 33.63],
            [36.103, 33.69],
          ],
        },
        window: { from: '2016-10-01T06:00:00Z', to: '2016-10-01T18:00:00Z' },
      },
    });
    expect(convoy.statusCode).toBe(201);
    const convoyId = convoy.json().id as string;
    expect(convoyId).toMatch(/^convoy-/);
    expect(convoy.json().owner_org).toBe('ngo');

    expect(await ids('us-observer', '/api/v1/operations')).toContain(secretOp);
    expect(
      (await server.call('ngo-observer', { method: 'GET', url: `/api/v1/convoys/${convoyId}` })).json().approvals
        .required_approvals,
    ).toEqual(['fsa-south', 'hezbollah', 'sy-gov']);
    for (const user of ['un-ose-analyst', 'ngo-observer'])
      expect(await ids(user, '/api/v1/operations'), user).not.toContain(secretOp);
    expect(
      (await server.call('un-ose-analyst', { method: 'GET', url: `/api/v1/operations/${secretOp}` })).statusCode,
    ).toBe(404);
    for (const user of ['us-analyst', 'un-ose-analyst']) {
      expect(await ids(user, '/api/v1/convoys'), user).not.toContain(convoyId);
      expect((await server.call(user, { method: 'GET', url: `/api/v1/convoys/${convoyId}` })).statusCode, user).toBe(
        404,
      );
    }
  });

  it('rejects invalid plans with the path of the problem', async () => {
    const latitude = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: { ...SECRET_SITE, geometry: { type: 'Point', coordinates: [37, 91] } },
    });
    expect(latitude.statusCode).toBe(400);
    expect(latitude.json()).toMatchObject({ code: 'VALIDATION', path: 'geometry.coordinates[1]' });
    const owner = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: { ...SECRET_SITE, owner: 'nobody' },
    });
    expect(owner.json()).toMatchObject({ code: 'VALIDATION', path: 'owner' });
    const notified = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: { ...SECRET_SITE, notified_to: ['ru', 'nobody'] },
    });
    expect(notified.json()).toMatchObject({ code: 'VALIDATION', path: 'notified_to[1]' });
    const window = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/operations/check',
      payload: { ...ALEPPO_STRIKE, window: { from: '2016-09-16T12:00:00Z', to: '2016-09-16T11:00:00Z' } },
    });
    expect(window.json()).toMatchObject({ code: 'VALIDATION', path: 'window.to' });
    const radius = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/operations/check',
      payload: { ...ALEPPO_STRIKE, radius_m: -1 },
    });
    expect(radius.json()).toMatchObject({ code: 'VALIDATION', path: 'radius_m' });
    // Ids are the server's to choose (a refused one would tell that a hidden site holds it).
    const chosen = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: { ...SECRET_SITE, id: 's-quds-hospital' },
    });
    expect(chosen.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('unknown field "id"') });
    expect(await countRows(db(), 'protected_sites')).toBe(6);
  });

  it('lets humanitarians add sites and convoys but not operations; observers and reporters nothing', async () => {
    const site = await server.call('ngo-humanitarian', {
      method: 'POST',
      url: '/api/v1/protected-sites',
      payload: { ...SECRET_SITE, owner: 'msf', classification: undefined },
    });
    expect(site.statusCode).toBe(201);
    expect(site.json()).toMatchObject({ classification: 'public', owner_org: 'ngo', owner: 'msf' });
    expect(site.json().id).toMatch(/^site-/);
    const users = ['ngo-observer', 'us-reporter', 'un-ose-monitor', 'ngo-humanitarian'];
    for (const user of users) await server.as(user);
    const counts = async () => [
      await countRows(db(), 'protected_sites'),
      await countRows(db(), 'operations'),
      await countRows(db(), 'convoys'),
      await countRows(db(), 'audit_log'),
    ];
    const before = await counts();
    for (const user of users) {
      expect(
        (await server.call(user, { method: 'POST', url: '/api/v1/operations', payload: ALEPPO_STRIKE })).statusCode,
        user,
      ).toBe(403);
      if (user === 'ngo-humanitarian') continue;
      expect(
        (await server.call(user, { method: 'POST', url: '/api/v1/protected-sites', payload: SECRET_SITE })).statusCode,
        user,
      ).toBe(403);
      expect(
        (
          await server.call(user, {
            method: 'POST',
            url: '/api/v1/convoys',
            payload: {
              organizer: 'un',
              route: { type: 'Point', coordinates: [36, 33] },
              window: { from: '2016-10-01T00:00:00Z' },
            },
          })
        ).statusCode,
        user,
      ).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
