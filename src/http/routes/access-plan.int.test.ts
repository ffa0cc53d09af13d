/**
 * The monthly access plan through the API, on both databases: the figures per location and per
 * approving party worked out from the convoy requests of the month, each party's response times
 * from submission to decision, a request hidden from the reader not counted (another organization's),
 * a draft and another month's request left out, and the CSV with its row of HXL hashtags.
 */
import { expect, it } from 'vitest';
import { addOrganization } from '../../app/accounts/add-organization.ts';
import { addUser } from '../../app/accounts/add-user.ts';
import type { Caller } from '../../app/caller.ts';
import { setConvoyRepresentative } from '../../app/convoys/convoy-representatives.ts';
import { submitConvoyRequest } from '../../app/convoys/submit-convoy-request.ts';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
import { parseInstant } from '../../domain/time.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { PASSWORD } from '../../../test/server.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const SINCE = '2015-01-01T00:00:00Z';
const rect = (x1: number, x2: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x1, 33],
      [x2, 33],
      [x2, 33.1],
      [x1, 33.1],
      [x1, 33],
    ],
  ],
});

/** The government holds a, rebels b; gov decides for the government, council for the rebels. */
const WORLD = {
  format: 'truce-scenario/1',
  name: 'access plan test world',
  host_state: 'sy-gov',
  timezone: 'Asia/Damascus',
  actors: [
    { id: 'sy-gov', name: 'Government forces', name_ar: 'القوات الحكومية', kind: 'state' },
    { id: 'reb', name: 'Rebel group', kind: 'armed_group' },
  ],
  agreements: [],
  zones: [
    { id: 'a', name: 'Government town', geometry: rect(36.0, 36.1), control: [{ actors: ['sy-gov'], from: SINCE }] },
    { id: 'b', name: 'Rebel town', geometry: rect(36.2, 36.3), control: [{ actors: ['reb'], from: SINCE }] },
  ],
};

const TOWN = { name: 'Rebel town', location: { lon: 36.25, lat: 33.05 } };
const VILLAGE = { name: 'Rebel village', location: { lon: 36.28, lat: 33.08 } };
const draft = (name: string, window: string, over: Record<string, unknown> = {}) => ({
  name,
  route: {
    type: 'LineString',
    coordinates: [
      [36.05, 33.05],
      [36.28, 33.08],
    ],
  },
  destinations: [TOWN],
  // A window's start in Damascus time decides its month: 1 July 00:30 at +03:00 is 30 June in UTC.
  window: { from: window, to: '2016-07-20T18:00:00+03:00' },
  cargo: [{ item: 'Food parcels', quantity: 1000, unit: 'parcels', sector: 'food' }],
  beneficiaries_planned: 5000,
  ...over,
});
const at = (iso: string) => parseInstant(iso)!;
const NGO: Caller = {
  userId: 'u-ngo',
  username: 'ngo-humanitarian',
  orgId: 'ngo',
  orgKind: 'humanitarian',
  role: 'humanitarian',
  clearance: 'public',
};
const OTHER: Caller = { ...NGO, userId: 'u-other', username: 'other-humanitarian', orgId: 'other' };

describeEachDatabase('the monthly access plan: figures per location and party, as the reader may see them', (db) => {
  const server = useTestServer(db, {
    perTest: true,
    seed: async (s) => {
      for (const org of [
        { id: 'gov', name: 'Ministry of Foreign Affairs', kind: 'party' as const },
        { id: 'council', name: 'Local council', kind: 'party' as const },
        { id: 'other', name: 'Another NGO', kind: 'humanitarian' as const },
      ])
        await addOrganization(s.ctx, 'operator', { ...org, taskForce: false });
      for (const [org, role] of [
        ['gov', 'analyst'],
        ['council', 'analyst'],
        ['other', 'humanitarian'],
      ] as const)
        await addUser(s.ctx, 'operator', { username: `${org}-${role}`, orgId: org, role, password: PASSWORD });
      const loaded = await loadScenario(s.ctx.db, JSON.stringify(WORLD));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      await setConvoyRepresentative(s.ctx, 'operator', 'gov', 'sy-gov');
      await setConvoyRepresentative(s.ctx, 'operator', 'council', 'reb');
    },
  });
  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.call(user, {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const ok = async (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await call(user, method, url, payload);
    expect(res.statusCode, `${user} ${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  /** A request drafted by `who`'s organization and submitted at `submitted` (Damascus time). */
  async function submitted(who: Caller, body: Record<string, unknown>, when: string): Promise<string> {
    const r = await ok(who.username, 'POST', '/convoy-requests', body);
    await submitConvoyRequest(server.ctx, who, r.id, { at: at(when) });
    return r.id;
  }
  const decide = (user: string, id: string, actor: string, decision: string, when: string, over = {}) =>
    ok(user, 'POST', `/convoy-requests/${id}/decisions`, { actor, decision, decided_at: when, ...over });

  async function july(): Promise<void> {
    // Delivered: approved by both parties (10 and 30 hours after submission), given its letter, delivered to 4,200.
    const a = await submitted(NGO, draft('Delivered', '2016-07-01T00:30:00+03:00'), '2016-06-20T08:00:00+03:00');
    await decide('gov-analyst', a, 'sy-gov', 'approve', '2016-06-20T18:00:00+03:00');
    await decide('council-analyst', a, 'reb', 'approve', '2016-06-21T14:00:00+03:00');
    await ok('un-ose-analyst', 'POST', `/convoy-requests/${a}/letter`, { reference: 'FL-1' });
    await ok('ngo-humanitarian', 'POST', `/convoy-requests/${a}/dispatch`, { trucks: 4 });
    await ok('ngo-humanitarian', 'POST', `/convoy-requests/${a}/arrive`, {});
    await ok('ngo-humanitarian', 'POST', `/convoy-requests/${a}/deliver`, {
      beneficiaries_reached: 4200,
      lines: [{ delivered: 1000 }],
    });
    // To the town and the village: the government leaves the village out (50 hours), the rebels take 2 hours.
    const b = await submitted(
      NGO,
      draft('Two places', '2016-07-10T06:00:00+03:00', { destinations: [TOWN, VILLAGE], beneficiaries_planned: 3000 }),
      '2016-07-01T08:00:00+03:00',
    );
    await decide('gov-analyst', b, 'sy-gov', 'approve_with_conditions', '2016-07-03T10:00:00+03:00', {
      excluded_destinations: [1],
      conditions: 'Not the village',
    });
    await decide('council-analyst', b, 'reb', 'approve', '2016-07-01T10:00:00+03:00');
    // Denied by the government after 4 hours; the rebels never decided.
    const c = await submitted(NGO, draft('Denied', '2016-07-15T06:00:00+03:00'), '2016-07-05T08:00:00+03:00');
    await decide('gov-analyst', c, 'sy-gov', 'deny', '2016-07-05T12:00:00+03:00', { reason: 'Security' });
    // Another organization's request, awaiting both parties: hidden from the NGO, seen by the parties and the secretariat.
    await submitted(
      OTHER,
      draft('Hidden', '2016-07-12T06:00:00+03:00', { beneficiaries_planned: 900 }),
      '2016-07-02T08:00:00+03:00',
    );
    // Left out: a draft of July, and a request of June (30 June 23:30 in Damascus).
    await ok('ngo-humanitarian', 'POST', '/convoy-requests', draft('Draft', '2016-07-02T06:00:00+03:00'));
    await submitted(NGO, draft('June', '2016-06-30T23:30:00+03:00'), '2016-06-20T08:00:00+03:00');
  }

  it('counts per location and per party, with response times, and leaves out what the reader may not see', async () => {
    await july();
    const plan = await ok('ngo-humanitarian', 'GET', '/access-plan?month=2016-07');
    expect(plan).toMatchObject({
      month: '2016-07',
      from: '2016-06-30T21:00:00.000Z',
      to: '2016-07-31T21:00:00.000Z',
      months: ['2016-06', '2016-07'],
    });
    expect(plan.total).toEqual({
      planned: 3,
      approved: 2,
      denied: 1,
      awaiting: 0,
      stopped: 0,
      delivered: 1,
      beneficiaries_planned: 13_000,
      beneficiaries_reached: 4200,
    });
    expect(
      plan.locations.map((l: Record<string, unknown>) => [l.name, l.planned, l.approved, l.denied, l.delivered]),
    ).toEqual([
      ['Rebel town', 3, 2, 1, 1],
      ['Rebel village', 1, 0, 1, 0],
    ]);
    expect(plan.locations[0].where.governorate).not.toBeUndefined();
    expect(plan.parties).toEqual([
      {
        actor: 'reb',
        asked: 3,
        approved: 2,
        approved_with_conditions: 0,
        denied: 0,
        undecided: 1,
        median_response_hours: 16,
        max_response_hours: 30,
      },
      {
        actor: 'sy-gov',
        asked: 3,
        approved: 1,
        approved_with_conditions: 1,
        denied: 1,
        undecided: 0,
        median_response_hours: 10,
        max_response_hours: 50,
      },
    ]);

    // The secretariat and the government's representative see the other NGO's request too; the other NGO only its own.
    for (const [user, planned, awaiting] of [
      ['un-ose-analyst', 4, 1],
      ['gov-analyst', 4, 1],
      ['other-humanitarian', 1, 1],
    ] as const) {
      const seen = await ok(user, 'GET', '/access-plan?month=2016-07');
      expect([user, seen.total.planned, seen.total.awaiting]).toEqual([user, planned, awaiting]);
    }
    // Someone who sees none of them: an empty month, and no month to pick.
    const none = await ok('us-analyst', 'GET', '/access-plan?month=2016-07');
    expect([none.total.planned, none.locations, none.parties, none.months]).toEqual([0, [], [], []]);
    // By default the latest month with a request the reader sees.
    expect((await ok('ngo-humanitarian', 'GET', '/access-plan')).month).toBe('2016-07');
    // A month that is not one: refused, naming the field.
    const bad = await call('ngo-humanitarian', 'GET', '/access-plan?month=2016-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.month' });
    expect((await server.call(null, { method: 'GET', url: '/api/v1/access-plan' })).statusCode).toBe(401);
  });

  it('counts destinations at one town of the gazetteer as one location, however the requests spell it', async () => {
    // Darayya (GeoNames), typed two ways at points a few hundred metres apart; the test's own town is no place of the gazetteer.
    const daraya = { name: 'Daraya', location: { lon: 36.2279, lat: 33.4598 } };
    const arabic = { name: 'داريا', location: { lon: 36.233, lat: 33.462 } };
    // Their windows start one after the other: the plan meets the names in that order.
    for (const [name, destinations, day] of [
      ['Latin', [daraya], 11],
      ['Arabic', [arabic, TOWN], 12],
      ['Lower case', [{ ...daraya, name: ' daraya ' }], 13],
    ] as const)
      await submitted(NGO, draft(name, `2016-07-${day}T06:00:00+03:00`, { destinations }), '2016-07-01T08:00:00+03:00');
    const plan = await ok('ngo-humanitarian', 'GET', '/access-plan?month=2016-07');
    expect(plan.locations.map((l: Record<string, unknown>) => [l.name, l.names, l.by_place, l.planned])).toEqual([
      ['Daraya', ['Daraya', 'داريا'], true, 3],
      ['Rebel town', ['Rebel town'], false, 1],
    ]);
    expect(plan.locations[0].where.place).toMatchObject({ name_en: 'Darayya', name_ar: 'داريا' });
    // The file names the town in the reader's language, with every spelling beside it.
    const ar = (await call('ngo-humanitarian', 'GET', '/access-plan.csv?month=2016-07&lang=ar')).body.split('\r\n');
    const tags = ar[1]!.split(',');
    const town = ar.find((l) => l.startsWith('2016-07,location,داريا'))!.split(',');
    expect(town[tags.indexOf('#loc+name+requested')]).toBe('Daraya; داريا');
    const en = (await call('ngo-humanitarian', 'GET', '/access-plan.csv?month=2016-07&lang=en')).body;
    expect(en).toContain('2016-07,location,Darayya,');
    expect(en).toContain('2016-07,location,Rebel town,');
  });

  it('exports the plan as CSV with headings in the reader’s language and a row of HXL hashtags', async () => {
    await july();
    const res = await call('ngo-humanitarian', 'GET', '/access-plan.csv?month=2016-07&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="truce-access-plan-2016-07.hxl.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFMonth,Row,Location,As requested,Governorate,')).toBe(true);
    const tags = lines[1]!.split(',');
    expect(tags.every((t) => /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/.test(t))).toBe(true);
    expect(tags.slice(0, 8)).toEqual([
      '#date+month',
      '#meta+type',
      '#loc+name',
      '#loc+name+requested',
      '#adm1+name',
      '#geo+lat',
      '#geo+lon',
      '#group+name+approver',
    ]);
    const rows = lines.slice(2).filter((l) => l !== '');
    expect(rows.map((r) => r.split(',').slice(1, 3).join(','))).toEqual([
      'location,Rebel town',
      'location,Rebel village',
      'party,',
      'party,',
      'total,',
    ]);
    const col = (tag: string) => tags.indexOf(tag);
    const total = rows.at(-1)!.split(',');
    expect([total[col('#output+convoys+planned')], total[col('#reached+ind')], total[col('#targeted+ind')]]).toEqual([
      '3',
      '4200',
      '13000',
    ]);
    const gov = rows.find((r) => r.includes('Government forces'))!.split(',');
    expect([gov[col('#indicator+response_hours+median')], gov[col('#indicator+response_hours+max')]]).toEqual([
      '10',
      '50',
    ]);
    // In Arabic: headings and the party's Arabic name; the hashtags are the same.
    const ar = await call('ngo-humanitarian', 'GET', '/access-plan.csv?month=2016-07&lang=ar');
    const arLines = ar.body.split('\r\n');
    expect(arLines[0]!.startsWith('\uFEFFالشهر,')).toBe(true);
    expect(arLines[1]).toBe(lines[1]);
    expect(ar.body).toContain('القوات الحكومية');
    // The hidden request is in no file of the NGO's: three planned, not four.
    expect(res.body).not.toContain('Hidden');
  });
});
