import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, q, startWorldServer } from '../../../test/world.ts';

const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

describeEachDatabase('zones API', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const zonesAt = async (user: string, asOf: string) => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/zones?limit=500&as_of=${q(asOf)}` });
    expect(res.statusCode).toBe(200);
    return new Map(res.json().items.map((z: { id: string }) => [z.id, z])) as Map<
      string,
      { controllers: string[]; status: string }
    >;
  };

  it('answers as-of queries with control as it stood: Daraya before and after 27 August 2016', async () => {
    const before = await zonesAt('ngo-observer', '2016-08-26T23:59:00+03:00');
    expect(before.get('z-daraya')).toMatchObject({ controllers: ['fsa-south'], status: 'covered' });
    const after = await zonesAt('ngo-observer', '2016-08-27T00:00:00+03:00');
    expect(after.get('z-daraya')).toMatchObject({ controllers: ['sy-gov'], status: 'covered' });
    expect(after.get('z-east-aleppo')).toMatchObject({ controllers: ['fsa-north', 'nusra'], status: 'intermingled' });
    expect(after.get('z-dez-south')).toMatchObject({ controllers: ['isil'], status: 'excluded' });
    expect(after.get('z-hasakah')).toMatchObject({ controllers: ['sdf'], status: 'uncovered' });
    // Before the truce, nobody is a party: only designated groups stand out.
    expect((await zonesAt('ngo-observer', '2016-01-01T00:00:00Z')).get('z-daraya')).toMatchObject({
      status: 'uncovered',
    });
    // Between two entries of al-Hasakah, nobody is recorded.
    expect((await zonesAt('ngo-observer', '2016-08-20T00:00:00+03:00')).get('z-hasakah')).toMatchObject({
      controllers: [],
      status: 'unknown',
    });

    const filtered = await server.call('ngo-observer', {
      method: 'GET',
      url: `/api/v1/zones?as_of=${q('2016-08-28T00:00:00Z')}&controller=sy-gov&status=covered`,
    });
    expect(filtered.json().items.map((z: { id: string }) => z.id)).toContain('z-daraya');
    expect(filtered.json().items.every((z: { controllers: string[] }) => z.controllers.includes('sy-gov'))).toBe(true);

    const map = await server.call('ngo-observer', {
      method: 'GET',
      url: `/api/v1/zones.geojson?as_of=${q('2016-08-26T12:00:00+03:00')}&bbox=36.1,33.4,36.3,33.5`,
    });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(map.json().type).toBe('FeatureCollection');
    expect(map.json().features.map((f: { id: string }) => f.id)).toEqual(['z-daraya']);
    expect(map.json().features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Polygon' },
      properties: { id: 'z-daraya', status: 'covered', controllers: ['fsa-south'] },
    });

    const daraya = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones/z-daraya' });
    expect(daraya.json().control).toEqual([
      {
        actors: ['fsa-south'],
        from: '2012-11-07T22:00:00Z',
        to: '2016-08-26T21:00:00Z',
        source: null,
        confidence: null,
      },
      { actors: ['sy-gov'], from: '2016-08-26T21:00:00Z', to: null, source: null, confidence: null },
    ]);
  });

  it('pages the zones with a cursor', async () => {
    const first = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones?limit=5' });
    expect(first.json().items).toHaveLength(5);
    const second = await server.call('ngo-observer', {
      method: 'GET',
      url: `/api/v1/zones?limit=500&cursor=${first.json().next_cursor}`,
    });
    expect(second.json().items).toHaveLength(8);
    expect(second.json().next_cursor).toBeNull();
    expect(second.json().items[0].id > first.json().items[4].id).toBe(true);
    const bad = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.cursor' });
  });

  it('appending a change of control judges again exactly the affected findings, with history and a territory finding', async () => {
    const historyBefore = await countRows(db(), 'finding_history');
    const events: unknown[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const res = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones/z-madaya-zabadani/control',
      payload: { at: '2016-09-01T00:00:00+03:00', actors: ['sy-gov'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().zone.control).toEqual([
      {
        actors: ['fsa-south'],
        from: '2015-07-03T21:00:00Z',
        to: '2016-08-31T21:00:00Z',
        source: null,
        confidence: null,
      },
      { actors: ['sy-gov'], from: '2016-08-31T21:00:00Z', to: null, source: null, confidence: null },
    ]);
    // i25 (a government air strike on Madaya, 16 Sept) is now in the government's own area, under both agreements.
    expect(res.json().findings).toEqual({
      incidents: { inserted: 0, updated: 2, withdrawn: 0, unchanged: 0, verdicts_changed: 2 },
      territory: { inserted: 1, updated: 0, withdrawn: 0, unchanged: 0, verdicts_changed: 1 },
    });
    expect(await countRows(db(), 'finding_history')).toBe(historyBefore + 2);
    unsubscribe();
    expect(events).toEqual([
      expect.objectContaining({ type: 'finding.changed', entity: 'zone', id: 'z-madaya-zabadani' }),
    ]);

    const history = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings/incident:i25-sept-madaya-air-strike:coh/history',
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().current).toMatchObject({ verdict: 'needs_review', reasons: ['TARGET_OWN_AREA'] });
    expect(history.json().history).toEqual([
      expect.objectContaining({
        verdict: 'violation',
        superseded_by_verdict: 'needs_review',
        cause: expect.stringMatching(/^The control of .+ changed, entered by us-analyst\.$/),
        cause_statement: {
          code: 'cause.zone.change-control',
          params: { zone: { zone: 'z-madaya-zabadani', name: expect.any(String) }, by: { user: 'us-analyst' } },
        },
      }),
    ]);

    const territory = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings?kind=territory&subject=z-madaya-zabadani',
    });
    expect(territory.json().items).toEqual([
      expect.objectContaining({
        kind: 'territory',
        subject_id: 'z-madaya-zabadani',
        agreement: 'coh',
        at: '2016-08-31T21:00:00Z',
        verdict: 'violation',
        violators: ['sy-gov'],
        reasons: ['TERRITORY_SEIZURE'],
        facts: { gainers: ['sy-gov'], losers: ['fsa-south'] },
      }),
    ]);

    // A change is appended after what is recorded; the history is corrected with PUT.
    const early = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones/z-madaya-zabadani/control',
      payload: { at: '2016-08-01T00:00:00+03:00', actors: ['fsa-south'] },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'VALIDATION', path: 'at' });
  });

  it('replaces a control history, and names the field at fault when it cannot', async () => {
    const unknown = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: '/api/v1/zones/z-daraya/control',
      payload: { control: [{ actors: ['fsa-south', 'nobody'], from: '2012-11-08T00:00:00+02:00' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION',
      path: 'control[0].actors[1]',
      message: 'control[0].actors[1]: unknown actor "nobody"',
    });
    const backwards = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: '/api/v1/zones/z-daraya/control',
      payload: { control: [{ actors: ['sy-gov'], from: '2016-08-27T00:00:00+03:00', to: '2016-01-01T00:00:00Z' }] },
    });
    expect(backwards.json()).toMatchObject({ code: 'VALIDATION', path: 'control[0].to' });

    // Daraya never changing hands: its territory finding is withdrawn and kept in history.
    const res = await server.call('un-ose-analyst', {
      method: 'PUT',
      url: '/api/v1/zones/z-daraya/control',
      payload: { control: [{ actors: ['fsa-south'], from: '2012-11-08T00:00:00+02:00' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.territory).toMatchObject({ withdrawn: 1 });
    const key = `territory:z-daraya:${Date.parse('2016-08-27T00:00:00+03:00')}:coh`;
    const history = await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` });
    expect(history.json()).toMatchObject({
      current: null,
      history: [{ verdict: 'violation', superseded_by_verdict: null }],
    });
  });

  it('rejects invalid zones with the path of the problem, and writes nothing', async () => {
    const zones = await countRows(db(), 'zones');
    const openRing = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [36, 33],
              [36.1, 33],
              [36.1, 33.1],
              [36, 33.2],
            ],
          ],
        },
      },
    });
    expect(openRing.statusCode).toBe(400);
    expect(openRing.json()).toMatchObject({ code: 'VALIDATION', path: 'geometry.coordinates[0]' });
    const latitude = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [36, 33],
              [36.1, 95],
              [36.1, 33.1],
              [36, 33],
            ],
          ],
        },
      },
    });
    expect(latitude.json()).toMatchObject({
      code: 'VALIDATION',
      path: 'geometry.coordinates[0][1][1]',
      message: expect.stringContaining('between -90 and 90'),
    });
    const point = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: { geometry: { type: 'Point', coordinates: [36, 33] } },
    });
    expect(point.json()).toMatchObject({ code: 'VALIDATION', path: 'geometry.type' });
    // Ids are the server's to choose: a client that chose them would learn, from a refusal, that a hidden zone holds one.
    const chosen = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: { id: 'z-daraya', geometry: square(36, 33) },
    });
    expect(chosen.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('unknown field "id"') });
    expect(await countRows(db(), 'zones')).toBe(zones);
  });

  it('lets only analysts and admins change zones: observers and reporters get 403 and write nothing', async () => {
    const users = ['us-observer', 'ngo-reporter', 'un-ose-monitor', 'ngo-humanitarian'];
    for (const user of users) await server.as(user); // signing in is audited too
    const [zones, audit] = [await countRows(db(), 'zones'), await countRows(db(), 'audit_log')];
    for (const user of users) {
      const post = await server.call(user, {
        method: 'POST',
        url: '/api/v1/zones',
        payload: { name: `z-${user}`, geometry: square(36, 33) },
      });
      expect(post.statusCode, user).toBe(403);
      const change = await server.call(user, {
        method: 'POST',
        url: '/api/v1/zones/z-daraya/control',
        payload: { at: '2017-01-01T00:00:00Z', actors: ['fsa-south'] },
      });
      expect(change.statusCode, user).toBe(403);
    }
    expect(await countRows(db(), 'zones')).toBe(zones);
    expect(await countRows(db(), 'audit_log')).toBe(audit);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/zones' })).statusCode).toBe(401);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/zones.geojson' })).statusCode).toBe(401);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/zones/z-daraya' })).statusCode).toBe(401);
  });

  it('shows a co-chairs zone, its control and its findings to the co-chairs only; an org zone to its owner only', async () => {
    const created = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        name: 'Secret',
        classification: 'co_chairs',
        geometry: square(38.5, 33.5),
        control: [
          { actors: ['fsa-south'], from: '2016-03-01T00:00:00Z', to: '2016-05-01T00:00:00Z' },
          { actors: ['sy-gov'], from: '2016-05-01T00:00:00Z' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().zone).toMatchObject({
      id: expect.stringMatching(/^zone-/),
      classification: 'co_chairs',
      owner_org: 'us',
    });
    const secret = created.json().zone.id as string;
    expect(created.json().findings.territory.inserted).toBe(1);
    const mine = await server.call('ru-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        classification: 'org',
        geometry: square(39.5, 33.5),
        control: [{ actors: ['ru'], from: '2016-03-01T00:00:00Z' }],
      },
    });
    expect(mine.statusCode).toBe(201);
    const ruOnly = mine.json().zone.id as string;

    const sees = async (user: string) => {
      const list = (await server.call(user, { method: 'GET', url: '/api/v1/zones?limit=500' }))
        .json()
        .items.map((z: { id: string }) => z.id);
      const map = (await server.call(user, { method: 'GET', url: '/api/v1/zones.geojson' }))
        .json()
        .features.map((f: { id: string }) => f.id);
      const get = (await server.call(user, { method: 'GET', url: `/api/v1/zones/${secret}` })).statusCode;
      const findings = (await server.call(user, { method: 'GET', url: `/api/v1/findings?subject=${secret}` })).json()
        .items.length;
      const orgGet = (await server.call(user, { method: 'GET', url: `/api/v1/zones/${ruOnly}` })).statusCode;
      return {
        secretListed: list.includes(secret),
        secretMapped: map.includes(secret),
        get,
        findings,
        orgListed: list.includes(ruOnly),
        orgGet,
      };
    };
    expect(await sees('us-analyst')).toEqual({
      secretListed: true,
      secretMapped: true,
      get: 200,
      findings: 1,
      orgListed: false,
      orgGet: 404,
    });
    expect(await sees('ru-observer')).toEqual({
      secretListed: true,
      secretMapped: true,
      get: 200,
      findings: 1,
      orgListed: true,
      orgGet: 200,
    });
    for (const user of ['un-ose-analyst', 'ngo-reporter', 'ngo-humanitarian']) {
      expect(await sees(user), user).toEqual({
        secretListed: false,
        secretMapped: false,
        get: 404,
        findings: 0,
        orgListed: false,
        orgGet: 404,
      });
    }
    // A zone the caller may not see cannot be changed by it either.
    const blind = await server.call('un-ose-analyst', {
      method: 'POST',
      url: `/api/v1/zones/${secret}/control`,
      payload: { at: '2017-01-01T00:00:00Z', actors: ['fsa-south'] },
    });
    expect(blind.statusCode).toBe(404);
  });
  it("redraws a zone's area: a dry run writes nothing and says what would change; the change is audited, judges again and is announced", async () => {
    // Madaya and Zabadani without Madaya: the air strike on Madaya (i25) falls outside every zone.
    const zabadani = {
      type: 'Polygon',
      coordinates: [
        [
          [36.085, 33.712],
          [36.115, 33.712],
          [36.115, 33.735],
          [36.085, 33.735],
          [36.085, 33.712],
        ],
      ],
    };
    const counts = async () =>
      Promise.all(['audit_log', 'finding_history', 'zones'].map((table) => countRows(db(), table)));
    await server.as('us-analyst'); // signing in is audited too
    const before = await counts();
    const events: unknown[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const dry = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/zones/z-madaya-zabadani/geometry?dry_run=true',
      payload: { geometry: zabadani },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dry_run: true, zone: { geometry: zabadani } });
    expect(dry.json().findings.incidents.verdicts_changed).toBeGreaterThanOrEqual(1);
    expect(await counts()).toEqual(before);
    expect(events).toEqual([]);
    const stored = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones/z-madaya-zabadani' });
    expect(stored.json().geometry.type).toBe('MultiPolygon');

    const res = await server.call('us-analyst', {
      method: 'PUT',
      url: '/api/v1/zones/z-madaya-zabadani/geometry',
      payload: { geometry: zabadani },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dry_run: false, findings: dry.json().findings });
    unsubscribe();
    expect(events).toEqual([
      expect.objectContaining({ type: 'finding.changed', entity: 'zone', id: 'z-madaya-zabadani' }),
    ]);
    const history = await server.call('ngo-observer', {
      method: 'GET',
      url: '/api/v1/findings/incident:i25-sept-madaya-air-strike:coh/history',
    });
    expect(history.json().current).toMatchObject({ reasons: ['TARGET_UNKNOWN'] });
    expect(history.json().history.at(-1).cause_statement).toMatchObject({ code: 'cause.zone.change-geometry' });
    const [audit] = await db().query<{
      action: string;
      before: { geometry: { type: string } };
      after: { geometry: unknown };
    }>(
      `select action, before, after from audit_log where entity = 'zone' and entity_id = 'z-madaya-zabadani' order by seq desc limit 1`,
    );
    expect(audit).toMatchObject({
      action: 'change-geometry',
      before: { geometry: { type: 'MultiPolygon' } },
      after: { geometry: zabadani },
    });
  });

  it('renames a zone: previewed, audited, its changes of control say the new name; refused naming the field, or as not found when hidden', async () => {
    const key = `territory:z-daraya:${Date.parse('2016-08-27T00:00:00+03:00')}:coh`;
    const finding = async () =>
      (await server.call('ngo-observer', { method: 'GET', url: `/api/v1/findings/${key}/history` })).json();
    const was = await finding();
    const oldName = (await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones/z-daraya' })).json()
      .name as string;
    const change = (f: { current: { statements: { code: string; params: { zone?: unknown } }[] } }) =>
      f.current.statements.find((st) => st.code === 'territory.change')?.params.zone;
    expect(change(was)).toEqual({ zone: 'z-daraya', name: oldName });
    const rename = (user: string, payload: object, query = '', id = 'z-daraya') =>
      server.call(user, { method: 'PATCH', url: `/api/v1/zones/${id}${query}`, payload });
    const counts = async () => Promise.all(['audit_log', 'finding_history'].map((table) => countRows(db(), table)));
    await server.as('us-analyst'); // signing in is audited too
    const before = await counts();

    for (const [payload, path] of [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{}, 'name'],
      [{ name: 'Darayya', geometry: square(36, 33) }, '(document)'],
    ] as const) {
      const refused = await rename('us-analyst', payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json(), JSON.stringify(payload)).toMatchObject({ code: 'VALIDATION', path });
    }
    expect((await rename('ngo-observer', { name: 'Darayya' })).statusCode).toBe(403);
    const dry = await rename('us-analyst', { name: ' Darayya ' }, '?dry_run=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dry_run: true, zone: { id: 'z-daraya', name: 'Darayya' } });
    // No verdict moves; the zone's own changes of control are judged again.
    expect(dry.json().findings.territory).toMatchObject({ verdicts_changed: 0 });
    expect(dry.json().findings.incidents).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0, unchanged: 0 });
    expect(await counts()).toEqual(before);

    const events: unknown[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    const unsubscribe = server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const res = await rename('us-analyst', { name: 'Darayya' });
    unsubscribe();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dry_run: false, zone: { name: 'Darayya' }, findings: dry.json().findings });
    expect(events).toContainEqual(expect.objectContaining({ type: 'finding.changed', entity: 'zone', id: 'z-daraya' }));
    const now = await finding();
    expect(now.current).toMatchObject({ verdict: was.current.verdict });
    expect(change(now)).toEqual({ zone: 'z-daraya', name: 'Darayya' });
    expect(now.history.at(-1)).toMatchObject({
      cause_statement: {
        code: 'cause.zone.rename',
        params: { zone: { name: 'Darayya' }, before: { name: oldName }, by: { user: 'us-analyst' } },
      },
    });
    const [audit] = await db().query<{ action: string; before: { name: string }; after: { name: string } }>(
      `select action, before, after from audit_log where entity = 'zone' and entity_id = 'z-daraya' order by seq desc limit 1`,
    );
    expect(audit).toMatchObject({ action: 'rename', before: { name: oldName }, after: { name: 'Darayya' } });
    // The same name again: nothing written.
    const after = await counts();
    expect((await rename('us-analyst', { name: 'Darayya' })).json()).toMatchObject({ findings: null });
    expect(await counts()).toEqual(after);
    // The Arabic name alone: audited, and nothing judged again (no rule and no explanation reads it).
    const tooLong = await rename('us-analyst', { name: 'Darayya', name_ar: 'د'.repeat(201) });
    expect(tooLong.json()).toMatchObject({ code: 'VALIDATION', path: 'name_ar' });
    const arabic = await rename('us-analyst', { name: 'Darayya', name_ar: 'داريا' });
    expect(arabic.json()).toMatchObject({ zone: { name: 'Darayya', name_ar: 'داريا' }, findings: null });
    expect(await countRows(db(), 'finding_history')).toBe(after[1]);
    // Left out, it stays; empty, it goes.
    expect((await rename('us-analyst', { name: 'Daraya' })).json()).toMatchObject({ zone: { name_ar: 'داريا' } });
    expect((await rename('us-analyst', { name: 'Daraya', name_ar: '' })).json()).toMatchObject({
      zone: { name: 'Daraya', name_ar: null },
    });

    // A zone the caller may not see is not found, as one that does not exist.
    const secret = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: { name: 'Secret', classification: 'co_chairs', geometry: square(38.5, 33.5) },
    });
    const id = secret.json().zone.id as string;
    const hidden = await rename('ngo-analyst', { name: 'Found' }, '', id);
    expect(hidden.statusCode).toBe(404);
    const missing = await rename('ngo-analyst', { name: 'Found' }, '', 'z-nowhere');
    expect(JSON.parse(hidden.body.replaceAll(id, 'z-nowhere'))).toEqual(missing.json());
  });

  it('refuses an area it cannot judge, naming each problem and its path, and writes nothing', async () => {
    const counts = async () =>
      Promise.all(['audit_log', 'zones', 'zone_control'].map((table) => countRows(db(), table)));
    await server.as('us-analyst'); // signing in is audited too
    const before = await counts();
    const ring = (...points: number[][]) => [...points, points[0]!];
    const refused = async (geometry: unknown, method: 'PUT' | 'POST' = 'PUT') => {
      const res = await server.call('us-analyst', {
        method,
        url: method === 'PUT' ? '/api/v1/zones/z-daraya/geometry' : '/api/v1/zones',
        payload: method === 'PUT' ? { geometry } : { name: 'Refused', geometry },
      });
      expect(res.statusCode).toBe(400);
      return res.json();
    };
    expect(
      await refused({ type: 'Polygon', coordinates: [ring([36, 33], [36.2, 33.2], [36.2, 33], [36, 33.2])] }),
    ).toMatchObject({
      code: 'VALIDATION',
      path: 'geometry.coordinates[0]',
      message: 'geometry.coordinates[0]: the ring crosses itself near 33.1000° N, 36.1000° E',
      statement: { code: 'problem.ring_crosses', params: { point: { point: { lon: 36.1, lat: 33.1 } } } },
    });
    expect(
      await refused({ type: 'Polygon', coordinates: [ring([36, 33], [36.1, 33], [36, 33], [36.1, 33])] }, 'POST'),
    ).toMatchObject({
      path: 'geometry.coordinates[0]',
      message: expect.stringContaining('at least 3 distinct points'),
    });
    expect(
      await refused({
        type: 'Polygon',
        coordinates: [square(36, 33, 0.4).coordinates[0], square(37, 34).coordinates[0]],
      }),
    ).toMatchObject({ path: 'geometry.coordinates[1]', statement: { code: 'problem.hole_outside' } });
    expect(
      await refused({
        type: 'MultiPolygon',
        coordinates: [square(36, 33, 0.4).coordinates, square(36.2, 33.2, 0.4).coordinates],
      }),
    ).toMatchObject({
      path: 'geometry.coordinates[1]',
      message: expect.stringContaining('part 2 overlaps or touches part 1'),
    });
    expect(await refused({ type: 'Polygon', coordinates: [ring([36.5, 36.5], [37, 36.5], [37, 38.5])] })).toMatchObject(
      {
        path: 'geometry.coordinates[0][2]',
        message: expect.stringContaining('lies outside Syria'),
      },
    );
    // Every problem, not only the first.
    const both = await refused({
      type: 'MultiPolygon',
      coordinates: [
        [ring([36, 33], [36.2, 33.2], [36.2, 33], [36, 33.2])],
        [square(37, 34, 0.2).coordinates[0], square(38, 35).coordinates[0]],
      ],
    });
    expect(both.problems.map((p: { path: string }) => p.path)).toEqual([
      'geometry.coordinates[0][0]',
      'geometry.coordinates[1][1]',
    ]);
    expect(await counts()).toEqual(before);

    // A new zone can be tried too: a dry run answers 200 and keeps nothing.
    const dry = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones?dry_run=true',
      payload: { name: 'Tried', geometry: square(36.5, 33.5) },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dry_run: true, zone: { name: 'Tried' } });
    expect(await counts()).toEqual(before);
  });

  it('keeps a control entry with its end, source and confidence, and finds changes of control by the actors in them', async () => {
    const entry = await server.call('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/zones/z-palmyra/control',
      payload: {
        at: '2016-12-11T12:00:00+02:00',
        actors: ['isil'],
        to: '2017-03-02T00:00:00+02:00',
        source: 'UN OSE situation report',
        confidence: 'moderate',
      },
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json().zone.control.at(-1)).toEqual({
      actors: ['isil'],
      from: '2016-12-11T10:00:00Z',
      to: '2017-03-01T22:00:00Z',
      source: 'UN OSE situation report',
      confidence: 'moderate',
    });
    const zone = await server.call('ngo-observer', { method: 'GET', url: '/api/v1/zones/z-palmyra' });
    expect(zone.json().control.at(-1)).toMatchObject({ source: 'UN OSE situation report', confidence: 'moderate' });
    // The earlier entries keep what they had: nothing, from the bundle.
    expect(zone.json().control[0]).toMatchObject({ source: null, confidence: null });

    const problems = [
      [{ at: '2018-01-01T00:00:00Z', actors: ['isil'], to: '2017-01-01T00:00:00Z' }, 'to'],
      [{ at: '2018-01-01T00:00:00Z', actors: ['nobody'] }, 'actors[0]'],
      [{ at: '2018-01-01T00:00:00Z', actors: ['isil'], confidence: 'certain' }, 'confidence'],
    ] as const;
    for (const [payload, path] of problems) {
      const res = await server.call('un-ose-analyst', {
        method: 'POST',
        url: '/api/v1/zones/z-palmyra/control',
        payload,
      });
      expect(res.statusCode, path).toBe(400);
      expect(res.json(), path).toMatchObject({ code: 'VALIDATION', path });
    }

    // Changes of control by an actor that gained or lost control: Daraya, lost by the southern front.
    const hidden = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        name: 'Hidden',
        classification: 'co_chairs',
        geometry: square(38.5, 33.5),
        control: [
          { actors: ['fsa-south'], from: '2016-03-01T00:00:00Z', to: '2016-05-01T00:00:00Z' },
          { actors: ['sy-gov'], from: '2016-05-01T00:00:00Z', source: 'co-chairs cable', confidence: 'high' },
        ],
      },
    });
    expect(hidden.statusCode).toBe(201);
    const secret = hidden.json().zone.id as string;
    const subjects = async (user: string, actor: string) =>
      (await server.call(user, { method: 'GET', url: `/api/v1/findings?kind=territory&actor=${actor}&limit=500` }))
        .json()
        .items.map((f: { subject_id: string }) => f.subject_id);
    expect(await subjects('ngo-observer', 'fsa-south')).toContain('z-daraya');
    expect(await subjects('ngo-observer', 'fsa-south')).not.toContain(secret);
    expect(await subjects('us-observer', 'fsa-south')).toContain(secret);
    expect(await subjects('ngo-observer', 'msf')).toEqual([]);
    // Hidden as the zone is: 404 for its redrawing, as for a zone that does not exist.
    for (const id of [secret, 'zone-none']) {
      const res = await server.call('un-ose-analyst', {
        method: 'PUT',
        url: `/api/v1/zones/${id}/geometry?dry_run=true`,
        payload: { geometry: square(38.5, 33.5, 0.02) },
      });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().statement.code).toBe('error.not_found');
    }
  });
});
