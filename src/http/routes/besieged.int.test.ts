import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { countRows, startWorldServer } from '../../../test/world.ts';

/** Deir ez-Zor's government-held districts, roughly: an area of its own. */
const DEIR_EZ_ZOR = {
  type: 'Polygon',
  coordinates: [
    [
      [40.07, 35.27],
      [40.19, 35.27],
      [40.19, 35.35],
      [40.07, 35.35],
      [40.07, 35.27],
    ],
  ],
};
const square = (x: number, y: number, d = 0.02) => ({
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

const daraya = (over: Record<string, unknown> = {}) => ({
  name: 'Daraya',
  name_ar: 'داريا',
  zone_id: 'z-daraya',
  status: { status: 'besieged', since: '2012-11-08', source: 'OCHA' },
  besiegers: [{ actor: 'sy-gov', since: '2012-11-08' }],
  ...over,
});

describeEachDatabase('besieged areas API: the dashboard, figures by day and source, who may write, who sees', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });
  const call = (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const must = async (user: string, method: 'POST' | 'PATCH', url: string, payload: unknown) => {
    const res = await call(user, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  it('records an area on a zone and one of its own, keeps every estimate, and reads them as of a day', async () => {
    const area = await must('un-ose-analyst', 'POST', '/besieged-areas', daraya());
    expect(area).toMatchObject({
      name: 'Daraya',
      name_ar: 'داريا',
      zone_id: 'z-daraya',
      owner_org: 'un-ose',
      classification: 'public',
      besiegers: [{ actor: 'sy-gov', since: '2012-11-08' }],
      statuses: [{ since: '2012-11-08', status: 'besieged', source: 'OCHA' }],
    });
    // The zone's area is the area's.
    expect(area.geometry.type).toBe('Polygon');
    const dez = await must('un-ose-analyst', 'POST', '/besieged-areas', {
      name: 'Deir ez-Zor, government-held districts',
      geometry: DEIR_EZ_ZOR,
      status: { status: 'besieged', since: '2015-01-05' },
      besiegers: [{ actor: 'isil' }],
    });
    expect([dez.zone_id, dez.geometry, dez.besiegers]).toEqual([null, DEIR_EZ_ZOR, [{ actor: 'isil', since: null }]]);

    // Two sources of one day, a humanitarian's estimate among them; then a correction, a new version beside them.
    await must('ngo-humanitarian', 'POST', `/besieged-areas/${area.id}/estimates`, {
      as_of: '2016-06-10',
      population: 8000,
      source: 'Local Council of Daraya',
    });
    const ocha = await must('un-ose-analyst', 'POST', `/besieged-areas/${area.id}/estimates`, {
      as_of: '2016-06-10',
      population: 4000,
      source: 'OCHA, 10 June 2016',
      note: 'the UN figure',
    });
    expect(ocha).toMatchObject({ area_id: area.id, classification: 'public', recorded_by: 'un-ose-analyst' });
    await must('ngo-humanitarian', 'POST', `/besieged-areas/${area.id}/deliveries`, {
      delivered_on: '2016-06-01',
      description: 'medicines, no food',
      source: 'ICRC',
    });
    await must('un-ose-analyst', 'POST', `/besieged-areas/${area.id}/deliveries`, {
      delivered_on: '2016-06-09',
      source: 'WFP',
    });
    await must('un-ose-analyst', 'POST', `/besieged-areas/${area.id}/estimates`, {
      as_of: '2016-08-01',
      population: 5000,
      source: 'OCHA, August',
    });

    const on = async (day: string) => {
      const res = await call('ngo-observer', 'GET', `/besieged-areas?on=${day}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const july = await on('2016-07-31');
    expect(july.on).toBe('2016-07-31');
    const d = july.items.find((i: { id: string }) => i.id === area.id);
    expect(d).toMatchObject({
      status: { status: 'besieged', since: '2012-11-08' },
      population: { latest: { population: 4000, source: 'OCHA, 10 June 2016' }, previous: null, trend: null },
      last_delivery: { delivered_on: '2016-06-09', source: 'WFP' },
      days_without_delivery: 52,
    });
    expect(d.population.same_day.map((e: { population: number }) => e.population)).toEqual([8000]);
    const august = (await on('2016-08-02')).items.find((i: { id: string }) => i.id === area.id);
    expect(august.population).toMatchObject({
      latest: { population: 5000 },
      previous: { population: 4000 },
      trend: 'up',
    });
    // Before the siege began, the area is not on the dashboard.
    expect((await on('2012-01-01')).items).toEqual([]);

    // The town handed over: no longer besieged, and the days without aid are no longer counted.
    await must('un-ose-admin', 'PATCH', `/besieged-areas/${area.id}`, {
      status: { status: 'no_longer_besieged', since: '2016-08-27', source: 'local agreement' },
    });
    const september = (await on('2016-09-01')).items.find((i: { id: string }) => i.id === area.id);
    expect(september).toMatchObject({
      status: { status: 'no_longer_besieged', since: '2016-08-27', source: 'local agreement' },
      last_delivery: { delivered_on: '2016-06-09' },
      days_without_delivery: null,
    });
    // Read without a day: the latest day a figure speaks of.
    expect((await call('ngo-observer', 'GET', '/besieged-areas')).json().on).toBe('2016-08-27');

    // Every version, by day, on the area's page.
    const detail = (await call('ngo-observer', 'GET', `/besieged-areas/${area.id}`)).json();
    expect(detail.estimates.map((e: { population: number }) => e.population)).toEqual([8000, 4000, 5000]);
    expect(detail.deliveries.map((e: { delivered_on: string }) => e.delivered_on)).toEqual([
      '2016-06-01',
      '2016-06-09',
    ]);
    expect(detail.statuses.map((s: { status: string }) => s.status)).toEqual(['besieged', 'no_longer_besieged']);

    // The overall count, every location together, versioned too.
    for (const [as_of, population] of [
      ['2016-01-27', 486700],
      ['2016-11-21', 974080],
    ] as const)
      await must('ngo-humanitarian', 'POST', '/population-estimates', {
        as_of,
        population,
        locations: 18,
        source: 'OCHA',
      });
    expect((await on('2016-12-01')).overall).toMatchObject({
      latest: { population: 974080, area_id: null, locations: 18 },
      previous: { population: 486700 },
      trend: 'up',
    });
    // Each write is on the area's trail.
    const trail = (await call('un-ose-analyst', 'GET', `/audit/besieged_area/${area.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'add-estimate',
      'add-estimate',
      'add-delivery',
      'add-delivery',
      'add-estimate',
      'update',
    ]);
  });

  it('changes the names and the besiegers; a humanitarian counts and delivers but does not record areas', async () => {
    const area = await must('us-analyst', 'POST', '/besieged-areas', daraya());
    const changed = await must('us-analyst', 'PATCH', `/besieged-areas/${area.id}`, {
      name: 'Darayya',
      name_ar: '',
      besiegers: [
        { actor: 'sy-gov', since: '2012-11-08' },
        { actor: 'hezbollah', since: '2013-01-01' },
      ],
    });
    expect(changed).toMatchObject({ name: 'Darayya', name_ar: null });
    expect(changed.besiegers.map((b: { actor: string }) => b.actor)).toEqual(['sy-gov', 'hezbollah']);
    for (const [user, method, url, body] of [
      ['ngo-humanitarian', 'POST', '/besieged-areas', daraya()],
      ['ngo-humanitarian', 'PATCH', `/besieged-areas/${area.id}`, { name: 'x' }],
      [
        'us-observer',
        'POST',
        `/besieged-areas/${area.id}/estimates`,
        { as_of: '2016-01-01', population: 1, source: 's' },
      ],
      ['us-monitor', 'POST', `/besieged-areas/${area.id}/deliveries`, { delivered_on: '2016-01-01', source: 's' }],
      ['us-reporter', 'POST', '/population-estimates', { as_of: '2016-01-01', population: 1, source: 's' }],
    ] as const) {
      const res = await call(user, method, url, body);
      expect(res.statusCode, `${user} ${method} ${url}`).toBe(403);
    }
  });

  it('refuses bad input naming the field, and a refused write leaves nothing', async () => {
    await call('us-analyst', 'GET', '/besieged-areas'); // signed in (an audit entry of its own)
    const before = await Promise.all(
      ['besieged_areas', 'population_estimates', 'audit_log'].map((t) => countRows(db(), t)),
    );
    const area = await must('us-analyst', 'POST', '/besieged-areas', daraya());
    const cases: [string, unknown, string][] = [
      ['/besieged-areas', daraya({ geometry: DEIR_EZ_ZOR }), 'zone_id'],
      ['/besieged-areas', { ...daraya(), zone_id: undefined }, 'zone_id'],
      ['/besieged-areas', daraya({ zone_id: 'z-nowhere' }), 'zone_id'],
      ['/besieged-areas', daraya({ besiegers: [{ actor: 'nobody' }] }), 'besiegers[0].actor'],
      ['/besieged-areas', daraya({ besiegers: [{ actor: 'sy-gov' }, { actor: 'sy-gov' }] }), 'besiegers[1].actor'],
      ['/besieged-areas', daraya({ status: { status: 'besieged', since: '2016-02-30' } }), 'status.since'],
      ['/besieged-areas', daraya({ status: { status: 'encircled', since: '2016-02-01' } }), 'status.status'],
      ['/besieged-areas', { ...daraya(), zone_id: undefined, geometry: square(10, 10) }, 'geometry'],
      [`/besieged-areas/${area.id}/estimates`, { as_of: '2016-06-10', population: -1, source: 'x' }, 'population'],
      [`/besieged-areas/${area.id}/estimates`, { as_of: '10 June 2016', population: 1, source: 'x' }, 'as_of'],
      [`/besieged-areas/${area.id}/estimates`, { as_of: '2016-06-10', population: 1, source: ' ' }, 'source'],
      [
        `/besieged-areas/${area.id}/estimates`,
        { as_of: '2016-06-10', population: 1, source: 'x', locations: 3 },
        'locations',
      ],
      [`/besieged-areas/${area.id}/deliveries`, { delivered_on: '2016-06-10' }, 'source'],
      ['/population-estimates', { as_of: '2016-06-10', population: 1.5, source: 'x' }, 'population'],
    ];
    for (const [url, body, path] of cases) {
      const res = await call('us-analyst', 'POST', url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 80)}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json()), url).toContain(path);
    }
    const patched = await call('us-analyst', 'PATCH', `/besieged-areas/${area.id}`, {
      besiegers: [{ actor: 'sy-gov' }, { actor: 'nobody' }],
      name: 'renamed then refused',
    });
    expect([patched.statusCode, patched.json().path]).toEqual([400, 'besiegers[1].actor']);
    const after = (await call('us-analyst', 'GET', `/besieged-areas/${area.id}`)).json();
    expect([after.name, after.besiegers, after.estimates]).toEqual([
      'Daraya',
      [{ actor: 'sy-gov', since: '2012-11-08' }],
      [],
    ]);
    // Only the one area and its audit entry were written.
    expect(await countRows(db(), 'besieged_areas')).toBe(before[0]! + 1);
    expect(await countRows(db(), 'population_estimates')).toBe(before[1]!);
    expect(await countRows(db(), 'audit_log')).toBe(before[2]! + 1);
  });

  it('hides an area from who may not see it, or its zone: 404, in no list, no figure, no trail', async () => {
    // us's own area (org), a co-chairs' one, and a public area on a zone only us may see.
    const secret = await must(
      'us-analyst',
      'POST',
      '/besieged-areas',
      daraya({ name: 'Secret siege', classification: 'org' }),
    );
    const chairs = await must(
      'us-analyst',
      'POST',
      '/besieged-areas',
      daraya({ name: 'Chairs siege', classification: 'co_chairs' }),
    );
    const zone = await must('us-analyst', 'POST', '/zones', {
      name: 'A hidden town',
      classification: 'org',
      geometry: square(38, 34.7),
    });
    const onHidden = await must('us-analyst', 'POST', '/besieged-areas', {
      ...daraya({ name: 'Town of a hidden zone', zone_id: zone.zone.id }),
    });
    expect(onHidden.classification).toBe('public');
    for (const a of [secret, chairs, onHidden])
      await must('us-analyst', 'POST', `/besieged-areas/${a.id}/estimates`, {
        as_of: '2016-06-10',
        population: 123457,
        source: 'us',
      });
    await must('us-analyst', 'POST', '/population-estimates', {
      as_of: '2016-06-10',
      population: 765433,
      source: 'co-chairs only',
      classification: 'co_chairs',
    });
    const sees = {
      'us-observer': [secret, chairs, onHidden],
      'ru-observer': [chairs],
      'un-ose-analyst': [],
      'ngo-humanitarian': [],
    } as const;
    for (const [user, visible] of Object.entries(sees)) {
      const board = await call(user, 'GET', '/besieged-areas?on=2016-07-01');
      expect(board.statusCode).toBe(200);
      const listed = board.json().items.map((i: { id: string }) => i.id);
      for (const a of [secret, chairs, onHidden]) {
        const shown = (visible as readonly { id: string }[]).includes(a);
        expect(listed.includes(a.id), `${user} lists ${a.name}`).toBe(shown);
        expect((await call(user, 'GET', `/besieged-areas/${a.id}`)).statusCode, `${user} GET ${a.name}`).toBe(
          shown ? 200 : 404,
        );
        if (!shown) {
          expect(board.body).not.toContain(a.id);
          expect(board.body).not.toContain(a.name);
          // Writing to it is as to a missing one, whatever the role may do.
          const w = await call(user, 'POST', `/besieged-areas/${a.id}/estimates`, {
            as_of: '2016-06-11',
            population: 1,
            source: 's',
          });
          expect(w.statusCode, `${user} estimates ${a.name}`).toBe(
            user === 'us-observer' || user === 'ru-observer' ? 403 : 404,
          );
        }
      }
      // A hidden estimate counts nowhere: not the hidden areas', not the co-chairs' overall one.
      expect(board.body.includes('123457'), `${user} sees a hidden figure`).toBe(visible.length > 0);
      expect(board.body.includes('765433'), `${user} sees the co-chairs' count`).toBe(
        user !== 'un-ose-analyst' && user !== 'ngo-humanitarian',
      );
    }
    // The hidden zone cannot be named by whoever may not see it.
    const named = await call('un-ose-analyst', 'POST', '/besieged-areas', daraya({ zone_id: zone.zone.id }));
    expect([named.statusCode, named.json().path]).toEqual([400, 'zone_id']);
    // Nor can its area be changed or found through the audit trail.
    expect((await call('un-ose-analyst', 'PATCH', `/besieged-areas/${secret.id}`, { name: 'x' })).statusCode).toBe(404);
    const trail = await call('un-ose-analyst', 'GET', '/audit?limit=500');
    expect(trail.body).not.toContain(secret.id);
    expect(trail.body).not.toContain(onHidden.id);
    expect((await call('un-ose-analyst', 'GET', `/audit/besieged_area/${secret.id}`)).statusCode).toBe(404);
  });
});
