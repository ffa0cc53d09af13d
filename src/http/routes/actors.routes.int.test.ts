import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

describeEachDatabase('actors API', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const ids = async (url: string) =>
    (await server.call('ngo-observer', { method: 'GET', url })).json().items.map((a: { id: string }) => a.id);

  it('finds actors by name or alias, kind and designation, a page at a time', async () => {
    expect(await ids('/api/v1/actors?q=daesh')).toEqual(['isil']);
    expect(await ids('/api/v1/actors?q=saa')).toEqual(['sy-gov']);
    expect(await ids('/api/v1/actors?q=100%25')).toEqual([]);
    expect(await ids('/api/v1/actors?kind=humanitarian')).toEqual(['msf', 'sarc']);
    expect(await ids('/api/v1/actors?designated=true')).toEqual(['isil', 'nusra']);
    expect(await ids('/api/v1/actors?designated=false&limit=500')).toHaveLength(12);

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await server.call('ngo-observer', {
        method: 'GET',
        url: `/api/v1/actors?sort=name&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      });
      names.push(...page.json().items.map((a: { name: string }) => a.name));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(names).toHaveLength(14);
    expect(names[0]).toBe('Hezbollah');

    const one = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/actors/nusra' });
    expect(one.json()).toEqual({
      id: 'nusra',
      name: 'Jabhat Fateh al-Sham',
      name_ar: 'جبهة فتح الشام (جبهة النصرة سابقًا)',
      kind: 'armed_group',
      aliases: expect.arrayContaining(['JFS']),
      designated: true,
    });
    expect((await server.call('ngo-observer', { method: 'GET', url: '/api/v1/actors/nobody' })).statusCode).toBe(404);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/actors' })).statusCode).toBe(401);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/actors/nusra' })).statusCode).toBe(401);
    expect(
      (await server.call('ngo-observer', { method: 'GET', url: '/api/v1/actors?designated=maybe' })).json(),
    ).toMatchObject({ path: 'querystring.designated' });
  });

  it('adds actors (analysts and admins only), naming the field at fault', async () => {
    const created = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/actors',
      payload: { id: 'jaish-al-islam', name: 'Jaysh al-Islam', kind: 'armed_group', aliases: ['JaI'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: 'jaish-al-islam',
      name: 'Jaysh al-Islam',
      name_ar: null,
      kind: 'armed_group',
      aliases: ['JaI'],
      designated: false,
    });
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'POST',
          url: '/api/v1/actors',
          payload: { id: 'isil', kind: 'armed_group' },
        })
      ).statusCode,
    ).toBe(409);
    const kind = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/actors',
      payload: { id: 'x', kind: 'militia' },
    });
    expect(kind.json()).toMatchObject({ code: 'VALIDATION', path: 'kind' });
    for (const user of ['us-observer', 'ngo-reporter', 'ru-monitor', 'ngo-humanitarian']) await server.as(user);
    const [actors, audit] = [await countRows(db(), 'actors'), await countRows(db(), 'audit_log')];
    for (const user of ['us-observer', 'ngo-reporter', 'ru-monitor', 'ngo-humanitarian']) {
      expect(
        (
          await server.call(user, {
            method: 'POST',
            url: '/api/v1/actors',
            payload: { id: `a-${user}`, kind: 'state' },
          })
        ).statusCode,
        user,
      ).toBe(403);
      expect(
        (await server.call(user, { method: 'PATCH', url: '/api/v1/actors/sdf', payload: { designated: true } }))
          .statusCode,
        user,
      ).toBe(403);
    }
    expect([await countRows(db(), 'actors'), await countRows(db(), 'audit_log')]).toEqual([actors, audit]);
  });

  it('judges every finding again when a designation changes, and none for aliases', async () => {
    // i11: a government air strike on the SDF (not a party): not covered. Designated, the SDF is excluded: permitted.
    const res = await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/actors/sdf',
      payload: { designated: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().actor).toMatchObject({
      id: 'sdf',
      designated: true,
      aliases: ['SDF', 'YPG', 'Asayish', 'Jarablus Military Council'],
    });
    expect(res.json().findings.incidents.updated).toBeGreaterThan(0);
    const i11 = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings/incident:i11-hasakah-air-strike:coh/history',
    });
    expect(i11.json()).toMatchObject({
      current: { verdict: 'permitted', reasons: ['TARGET_EXCLUDED'] },
      history: [
        {
          verdict: 'not_covered',
          superseded_by_verdict: 'permitted',
          cause: 'Syrian Democratic Forces was changed by us-analyst.',
          cause_statement: {
            code: 'cause.actor.update',
            params: { actor: { actor: 'sdf' }, by: { user: 'us-analyst' } },
          },
        },
      ],
    });
    const zones = (
      await server.call('ngo-observer', {
        method: 'GET',
        url: '/api/v1/zones?status=excluded&as_of=2016-09-01T00:00:00Z&limit=500',
      })
    ).json().items;
    expect(zones.map((z: { id: string }) => z.id)).toContain('z-hasakah');

    const aliases = await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/actors/sdf',
      payload: { aliases: ['SDF'] },
    });
    expect(aliases.json()).toMatchObject({ actor: { aliases: ['SDF'], designated: true }, findings: null });
    const unknown = await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/actors/sdf',
      payload: { id: 'other' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(
      (
        await server.call('us-analyst', {
          method: 'PATCH',
          url: '/api/v1/actors/nobody',
          payload: { designated: true },
        })
      ).statusCode,
    ).toBe(404);
  });
});
