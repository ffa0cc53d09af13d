/**
 * Arabic names over HTTP: an actor's, an agreement's (its title), a zone's and an organization's
 * Arabic name is stored beside the English one, read back wherever the record is, changed or
 * removed where the English name is written, and refused naming its field when longer than an
 * English name may be (200 characters).
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

const TOO_LONG = 'ح'.repeat(201);
const LONGEST = 'ح'.repeat(200);

/** A small square near Damascus that passes the checks of a drawn area. */
const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [36.2, 33.5],
      [36.3, 33.5],
      [36.3, 33.6],
      [36.2, 33.6],
      [36.2, 33.5],
    ],
  ],
};

describeEachDatabase('Arabic names over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });
  const get = async (url: string) => (await server.call('ngo-observer', { method: 'GET', url })).json();

  it('reads the demo bundle’s Arabic names back on actors, agreements and zones, in lists and on the map', async () => {
    expect(await get('/api/v1/actors/sy-gov')).toMatchObject({
      name: 'Syrian Arab Army and government forces',
      name_ar: 'الجيش العربي السوري والقوات الحكومية',
    });
    expect((await get('/api/v1/agreements/coh')).title_ar).toMatch(/^وقف الأعمال العدائية في سوريا/);
    expect(await get('/api/v1/zones/z-daraya')).toMatchObject({ name: 'Daraya', name_ar: 'داريا' });
    const listed = (await get('/api/v1/zones?limit=500')).items.find((z: { id: string }) => z.id === 'z-daraya');
    expect(listed).toMatchObject({ name: 'Daraya', name_ar: 'داريا' });
    const mapped = (await get('/api/v1/zones.geojson')).features.find((f: { id: string }) => f.id === 'z-daraya');
    expect(mapped.properties).toMatchObject({ name: 'Daraya', name_ar: 'داريا' });
    // Searching in Arabic finds the actor and the agreement.
    expect(
      (await get(`/api/v1/actors?q=${encodeURIComponent('حزب الله')}`)).items.map((a: { id: string }) => a.id),
    ).toEqual(['hezbollah']);
    expect(
      (await get(`/api/v1/agreements?q=${encodeURIComponent('تجديد')}`)).items.map((g: { id: string }) => g.id),
    ).toEqual(['coh-sept']);
  });

  it('adds an actor with its Arabic name, changes it without judging anything again, and removes it', async () => {
    const created = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/actors',
      payload: { id: 'jaish-al-islam', name: 'Jaysh al-Islam', name_ar: 'جيش الإسلام', kind: 'armed_group' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Jaysh al-Islam', name_ar: 'جيش الإسلام' });
    expect(await get('/api/v1/actors/jaish-al-islam')).toMatchObject({ name_ar: 'جيش الإسلام' });

    const history = await countRows(db(), 'finding_history');
    const renamed = await server.call('un-ose-analyst', {
      method: 'PATCH',
      url: '/api/v1/actors/sdf',
      payload: { name_ar: LONGEST },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      actor: { name: 'Syrian Democratic Forces', name_ar: LONGEST },
      findings: null,
    });
    expect(await countRows(db(), 'finding_history')).toBe(history);
    expect((await get('/api/v1/actors/sdf')).name_ar).toBe(LONGEST);

    const removed = await server.call('un-ose-analyst', {
      method: 'PATCH',
      url: '/api/v1/actors/sdf',
      payload: { name_ar: null },
    });
    expect(removed.json().actor.name_ar).toBeNull();
    expect((await get('/api/v1/actors/sdf')).name_ar).toBeNull();
  });

  it('changes an agreement’s Arabic title with its terms, and a zone is drawn with its Arabic name', async () => {
    const titled = await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/agreements/coh',
      payload: { title_ar: 'وقف الأعمال العدائية' },
    });
    expect(titled.statusCode, titled.body).toBe(200);
    expect(titled.json().agreement).toMatchObject({
      title: 'Cessation of Hostilities in Syria (US-Russia Joint Statement and Terms, 22 Feb 2016)',
      title_ar: 'وقف الأعمال العدائية',
    });
    // No rule reads it: nothing is judged again.
    expect(titled.json().findings).toBeNull();
    expect((await get('/api/v1/agreements/coh')).title_ar).toBe('وقف الأعمال العدائية');
    const untitled = await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/agreements/coh',
      payload: { title_ar: '' },
    });
    expect(untitled.json().agreement.title_ar).toBeNull();

    const drawn = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: { name: 'Jobar', name_ar: 'جوبر', geometry: SQUARE },
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const zone = drawn.json().zone;
    expect(zone).toMatchObject({ name: 'Jobar', name_ar: 'جوبر' });
    expect(await get(`/api/v1/zones/${zone.id}`)).toMatchObject({ name: 'Jobar', name_ar: 'جوبر' });
  });

  it('adds an organization with its Arabic name, which everyone signed in reads', async () => {
    const added = await server.call('us-admin', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { id: 'icrc', name: 'ICRC', name_ar: 'اللجنة الدولية للصليب الأحمر', kind: 'humanitarian' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ id: 'icrc', name_ar: 'اللجنة الدولية للصليب الأحمر' });
    const orgs = (await get('/api/v1/organizations')).items;
    expect(orgs.find((o: { id: string }) => o.id === 'icrc')).toMatchObject({
      name: 'ICRC',
      name_ar: 'اللجنة الدولية للصليب الأحمر',
    });
    expect(orgs.find((o: { id: string }) => o.id === 'ngo')).toMatchObject({ name_ar: null });
  });

  it('refuses an Arabic name longer than an English one may be, naming the field, and writes nothing', async () => {
    // Signed in first: a sign-in is audited too.
    for (const user of ['un-ose-analyst', 'us-analyst', 'us-admin']) await server.as(user);
    const [actors, zones, orgs, audit] = await Promise.all(
      ['actors', 'zones', 'organizations', 'audit_log'].map((t) => countRows(db(), t)),
    );
    const refusals = [
      {
        user: 'un-ose-analyst',
        method: 'POST' as const,
        url: '/api/v1/actors',
        payload: { id: 'long', name_ar: TOO_LONG, kind: 'state' },
        path: 'name_ar',
      },
      {
        user: 'un-ose-analyst',
        method: 'PATCH' as const,
        url: '/api/v1/actors/sdf',
        payload: { name_ar: TOO_LONG },
        path: 'name_ar',
      },
      {
        user: 'un-ose-analyst',
        method: 'PATCH' as const,
        url: '/api/v1/actors/sdf',
        payload: { name: 'S'.repeat(201) },
        path: 'name',
      },
      {
        user: 'us-analyst',
        method: 'PATCH' as const,
        url: '/api/v1/agreements/coh',
        payload: { title_ar: TOO_LONG },
        path: 'title_ar',
      },
      {
        user: 'us-analyst',
        method: 'POST' as const,
        url: '/api/v1/zones',
        payload: { name: 'Jobar', name_ar: TOO_LONG, geometry: SQUARE },
        path: 'name_ar',
      },
      {
        user: 'us-admin',
        method: 'POST' as const,
        url: '/api/v1/organizations',
        payload: { id: 'icrc', name: 'ICRC', name_ar: TOO_LONG, kind: 'humanitarian' },
        path: 'name_ar',
      },
    ];
    for (const { user, path, ...request } of refusals) {
      const res = await server.call(user, request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(400);
      expect(res.json(), `${request.method} ${request.url}`).toMatchObject({ code: 'VALIDATION', path });
    }
    const counts = await Promise.all(['actors', 'zones', 'organizations', 'audit_log'].map((t) => countRows(db(), t)));
    expect(counts).toEqual([actors, zones, orgs, audit]);
    expect(await get('/api/v1/actors/sdf')).toMatchObject({
      name: 'Syrian Democratic Forces',
      name_ar: 'قوات سوريا الديمقراطية',
    });
    expect((await get('/api/v1/agreements/coh')).title_ar).toMatch(/^وقف الأعمال العدائية في سوريا/);
  });
});
