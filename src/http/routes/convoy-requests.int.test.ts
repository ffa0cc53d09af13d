/**
 * Convoy requests through the API, on both databases: the workflow from draft to delivery with
 * each role and party, the approvals the convoy rule asks for, a step out of order refused naming
 * the state, the wrong party or role refused, hidden requests (404, in no list, no live event, no
 * audit), a convoy turned back or attacked recording its access incident in the same
 * transaction, and a change of control along the route after approval flagging the request.
 */
import { beforeEach, expect, it } from 'vitest';
import { addOrganization } from '../../app/accounts/add-organization.ts';
import { addUser } from '../../app/accounts/add-user.ts';
import type { Caller } from '../../app/caller.ts';
import { setConvoyRepresentative } from '../../app/convoys/convoy-representatives.ts';
import type { TruceEvent } from '../../app/events.ts';
import { visibleMessages } from '../../app/live/live-events.ts';
import { loadScenario } from '../../app/scenario/load-scenario.ts';
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

/**
 * Four zones along a parallel: a held by the government (the host state), b by a rebel group, c by
 * a local council's fighters, n by a group the truce excludes. Organizations: gov decides for the
 * government, council for the rebels; nobody decides for the local fighters (the secretariat does).
 */
const WORLD = {
  format: 'truce-scenario/1',
  name: 'convoy test world',
  timezone: 'Asia/Damascus',
  host_state: 'sy-gov',
  actors: [
    { id: 'sy-gov', name: 'Government forces', kind: 'state' },
    { id: 'reb', name: 'Rebel group', kind: 'armed_group' },
    { id: 'local', name: 'Local fighters', kind: 'armed_group' },
    { id: 'nus', name: 'Excluded group', kind: 'armed_group' },
    { id: 'un', name: 'United Nations', kind: 'un' },
  ],
  agreements: [
    {
      id: 'coh',
      title: 'Cessation of hostilities',
      in_force: [{ from: SINCE, to: null }],
      parties: ['sy-gov', 'reb', 'local'].map((actor) => ({ actor, accepted_at: SINCE })),
      excluded: ['nus'],
      prohibited: ['shelling', 'access_denial'],
      clauses: [{ code: 'T4', text: 'Allow humanitarian access.', acts: ['access_denial'] }],
    },
  ],
  zones: [
    { id: 'a', name: 'Government town', geometry: rect(36.0, 36.1), control: [{ actors: ['sy-gov'], from: SINCE }] },
    { id: 'b', name: 'Rebel town', geometry: rect(36.2, 36.3), control: [{ actors: ['reb'], from: SINCE }] },
    { id: 'c', name: 'Local town', geometry: rect(36.4, 36.5), control: [{ actors: ['local'], from: SINCE }] },
    { id: 'n', name: 'Excluded town', geometry: rect(36.6, 36.7), control: [{ actors: ['nus'], from: SINCE }] },
  ],
};

const WINDOW = { from: '2016-06-01T06:00:00Z', to: '2016-06-01T18:00:00Z' };
const draft = (over: Record<string, unknown> = {}) => ({
  name: 'Convoy to the local town',
  route: {
    type: 'LineString',
    coordinates: [
      [35.95, 33.05],
      [36.65, 33.05],
    ],
  },
  destinations: [{ name: 'Local town', location: { lon: 36.45, lat: 33.05 } }],
  window: WINDOW,
  cargo: [
    { item: 'Food parcels', quantity: 1000, unit: 'parcels', sector: 'food' },
    { item: 'Surgical kits', quantity: 40, unit: 'kits', sector: 'health' },
  ],
  beneficiaries_planned: 5000,
  ...over,
});

describeEachDatabase('convoy requests API: the workflow, its parties and who sees a request', (db) => {
  const server = useTestServer(db, {
    perTest: true,
    seed: async (s) => {
      for (const org of [
        { id: 'gov', name: 'Ministry of Foreign Affairs', kind: 'party' as const },
        { id: 'council', name: 'Local council of the rebel town', kind: 'party' as const },
        { id: 'other', name: 'Another NGO', kind: 'humanitarian' as const },
      ])
        await addOrganization(s.ctx, 'operator', { ...org, taskForce: false });
      for (const [org, role] of [
        ['gov', 'analyst'],
        ['gov', 'humanitarian'],
        ['council', 'analyst'],
        ['other', 'humanitarian'],
        ['other', 'admin'],
      ] as const)
        await addUser(s.ctx, 'operator', { username: `${org}-${role}`, orgId: org, role, password: PASSWORD });
      const loaded = await loadScenario(s.ctx.db, JSON.stringify(WORLD));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      await setConvoyRepresentative(s.ctx, 'operator', 'gov', 'sy-gov');
      await setConvoyRepresentative(s.ctx, 'operator', 'council', 'reb');
    },
  });

  // A dozen users sign in per test: each from an address of its own, under the sign-in rate limit.
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  beforeEach(() => sessions.clear());
  async function as(user: string) {
    const known = sessions.get(user);
    if (known) return known;
    const n = sessions.size + 1;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user, password: PASSWORD },
      remoteAddress: `10.27.0.${n}`,
    });
    if (res.statusCode !== 200) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
    const s = {
      cookie: `truce_session=${res.cookies.find((c) => c.name === 'truce_session')!.value}`,
      csrf: res.json<{ csrf_token: string }>().csrf_token,
    };
    sessions.set(user, s);
    return s;
  }
  const request = async (user: string, options: { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown }) => {
    const s = await as(user);
    return server.app.inject({
      method: options.method,
      url: options.url,
      ...(options.payload === undefined ? {} : { payload: options.payload as Record<string, unknown> }),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    request(user, { method, url: `/api/v1/convoy-requests${url}`, payload });
  const ok = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await call(user, method, url, payload);
    expect(res.statusCode, `${user} ${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const listed = async (user: string, query = '') =>
    (await ok(user, 'GET', `?limit=500${query}`)).items.map((r: { id: string }) => r.id);
  const decide = (user: string, id: string, body: Record<string, unknown>) =>
    call(user, 'POST', `/${id}/decisions`, { reason: '', ...body });

  /** A request submitted by the NGO, the parties asked: local, reb and sy-gov. */
  async function submitted(over: Record<string, unknown> = {}) {
    const r = await ok('ngo-humanitarian', 'POST', '', draft(over));
    return ok('ngo-humanitarian', 'POST', `/${r.id}/submit`);
  }

  /** A request approved by all and given its letter, ready to go. */
  async function readyToGo() {
    const r = await submitted();
    for (const [user, actor] of [
      ['gov-analyst', 'sy-gov'],
      ['council-analyst', 'reb'],
      ['un-ose-analyst', 'local'],
    ])
      expect((await decide(user!, r.id, { actor, decision: 'approve' })).statusCode).toBe(200);
    return ok('un-ose-analyst', 'POST', `/${r.id}/letter`, { reference: 'FL-1' });
  }

  it('runs a request from draft to delivery, each step by its party, with conditions set line by line', async () => {
    const created = await ok('ngo-humanitarian', 'POST', '', draft());
    expect(created).toMatchObject({
      state: 'draft',
      organizer_org: 'ngo',
      required_approvals: [],
      next_steps: ['submit'],
      // As things stand: who holds the zones crossed, the excluded group apart, and the host state.
      preview: {
        required_approvals: ['local', 'reb', 'sy-gov'],
        crosses_excluded: ['nus'],
        zones: ['a', 'b', 'c', 'n'],
      },
    });
    expect(created.route_points[0].where).toBeDefined();
    const r = await ok('ngo-humanitarian', 'POST', `/${created.id}/submit`);
    expect(r).toMatchObject({
      state: 'submitted',
      required_approvals: ['local', 'reb', 'sy-gov'],
      crosses_excluded: ['nus'],
      pending: ['local', 'reb', 'sy-gov'],
      preview: null,
      next_steps: [],
    });

    // Each approver sees it in its queue, may decide for its own party only; the secretariat for the party nobody decides for.
    expect(await listed('gov-analyst', '&box=awaiting')).toEqual([r.id]);
    expect(await listed('council-analyst', '&box=awaiting')).toEqual([r.id]);
    expect(await listed('un-ose-analyst', '&box=awaiting')).toEqual([r.id]);
    expect(await listed('ngo-humanitarian', '&box=awaiting')).toEqual([]);
    expect((await ok('gov-analyst', 'GET', `/${r.id}`)).decides_for).toEqual(['sy-gov']);
    expect((await ok('un-ose-analyst', 'GET', `/${r.id}`)).decides_for).toEqual(['local', 'reb', 'sy-gov']);
    expect((await decide('gov-analyst', r.id, { actor: 'reb', decision: 'approve' })).statusCode).toBe(403);

    const conditioned = await decide('gov-analyst', r.id, {
      actor: 'sy-gov',
      decision: 'approve_with_conditions',
      reason: 'Surgical items are not allowed in.',
      removed: [{ line: 1, quantity: 40 }],
      decided_at: '2016-05-28T10:00:00+03:00',
    });
    expect(conditioned.statusCode, conditioned.body).toBe(200);
    expect(conditioned.json()).toMatchObject({ state: 'submitted', pending: ['local', 'reb'] });
    expect(await listed('gov-analyst', '&box=awaiting')).toEqual([]);
    // A party decides once.
    expect((await decide('un-ose-analyst', r.id, { actor: 'sy-gov', decision: 'approve' })).statusCode).toBe(409);
    await ok('council-analyst', 'POST', `/${r.id}/decisions`, { actor: 'reb', decision: 'approve' });
    const decided = await ok('un-ose-analyst', 'POST', `/${r.id}/decisions`, {
      actor: 'local',
      decision: 'approve',
      reason: 'Told by the local council by telephone.',
    });
    expect(decided).toMatchObject({ state: 'partly_approved', pending: [], next_steps: ['issue_letter'] });
    expect(decided.cargo.map((l: { approved: number }) => l.approved)).toEqual([1000, 0]);
    expect(decided.decisions.find((d: { actor: string }) => d.actor === 'local')).toMatchObject({
      recorded_by_org: 'un-ose',
      recorded_by: 'un-ose-analyst',
    });
    expect(await listed('un-ose-analyst', '&box=awaiting')).toEqual([r.id]);

    const lettered = await ok('un-ose-analyst', 'POST', `/${r.id}/letter`, {
      reference: 'FL/2016/06/01',
      issued_by: 'sy-gov',
    });
    expect(lettered).toMatchObject({ state: 'letter_issued' });
    expect((await ok('ngo-humanitarian', 'GET', `/${r.id}`)).next_steps).toEqual(['dispatch']);
    await ok('ngo-humanitarian', 'POST', `/${r.id}/dispatch`, { trucks: 12 });
    expect((await ok('ngo-analyst', 'GET', `/${r.id}`)).next_steps).toEqual(['arrive', 'turn_back', 'report_attack']);
    await ok('ngo-humanitarian', 'POST', `/${r.id}/arrive`, {});
    const delivered = await ok('ngo-humanitarian', 'POST', `/${r.id}/deliver`, {
      beneficiaries_reached: 4200,
      lines: [
        { delivered: 1000 },
        { delivered: 0, removed: 40, removed_by: 'sy-gov', removal_reason: 'Taken off the trucks at the checkpoint' },
      ],
    });
    expect(delivered).toMatchObject({ state: 'delivered', beneficiaries_reached: 4200, next_steps: [] });
    expect(delivered.cargo[1]).toMatchObject({ delivered: 0, removed: 40, removed_by: 'sy-gov' });
    expect(delivered.steps.map((s: { step: string }) => s.step)).toEqual([
      'create',
      'submit',
      'decide',
      'decide',
      'decide',
      'issue_letter',
      'dispatch',
      'arrive',
      'deliver',
    ]);
    // The decision's time is the party's, not the recording's.
    expect(delivered.steps[2].at).toBe('2016-05-28T07:00:00.000Z');

    // Every step audited, in order, and the trail shown to who sees the request.
    const history = await request('ngo-analyst', { method: 'GET', url: `/api/v1/audit/convoy_request/${r.id}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'decide',
      'decide',
      'decide',
      'issue_letter',
      'dispatch',
      'arrive',
      'deliver',
    ]);
  });

  /** The local town (zone c) recorded as besieged since 2016 by the secretariat. */
  async function besiegedLocalTown(): Promise<{ id: string }> {
    const res = await request('un-ose-analyst', {
      method: 'POST',
      url: '/api/v1/besieged-areas',
      payload: { name: 'Local town', zone_id: 'c', status: { status: 'besieged', since: '2016-01-01' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('counts a delivery to a besieged area for those who see the request, and for nobody else', async () => {
    // The local town besieged; a delivery recorded on it by hand in May, then the convoy's on 1 June.
    const area = await besiegedLocalTown();
    expect(
      (
        await request('un-ose-analyst', {
          method: 'POST',
          url: `/api/v1/besieged-areas/${area.id}/deliveries`,
          payload: { delivered_on: '2016-05-01', source: 'ICRC' },
        })
      ).statusCode,
    ).toBe(201);
    const r = await readyToGo();
    await ok('ngo-humanitarian', 'POST', `/${r.id}/dispatch`, { trucks: 12 });
    await ok('ngo-humanitarian', 'POST', `/${r.id}/arrive`, {});
    await ok('ngo-humanitarian', 'POST', `/${r.id}/deliver`, {
      // 22:30 on 1 June in UTC, past midnight in Damascus.
      at: '2016-06-02T01:30:00+03:00',
      beneficiaries_reached: 4200,
      lines: [{ delivered: 1000 }, { delivered: 40 }],
    });
    const seen = async (user: string) => {
      const dashboard = await request(user, { method: 'GET', url: '/api/v1/besieged-areas?on=2016-06-11' });
      expect(dashboard.statusCode, dashboard.body).toBe(200);
      const row = dashboard.json().items.find((i: { id: string }) => i.id === area.id);
      const detail = (await request(user, { method: 'GET', url: `/api/v1/besieged-areas/${area.id}` })).json();
      return { last: row.last_delivery, days: row.days_without_delivery, deliveries: detail.deliveries };
    };
    // The organizer, the secretariat and a party asked: the convoy's delivery, on its day in the world's time (Damascus).
    for (const user of ['ngo-analyst', 'un-ose-observer', 'gov-analyst']) {
      const s = await seen(user);
      expect(s.last, user).toMatchObject({
        delivered_on: '2016-06-02',
        source: 'A humanitarian NGO',
        convoy: { id: r.id, name: 'Convoy to the local town', organizer_org: 'ngo', beneficiaries_reached: 4200 },
      });
      expect(s.days).toBe(9);
      expect(s.deliveries.map((d: { delivered_on: string }) => d.delivered_on)).toEqual(['2016-05-01', '2016-06-02']);
    }
    // An organization that does not see the request sees the area's own record only, and no sign of the convoy.
    const other = await seen('other-humanitarian');
    expect(other).toMatchObject({ last: { delivered_on: '2016-05-01', convoy: null }, days: 41 });
    expect(JSON.stringify(other)).not.toContain(r.id);
  });

  it('leaves out a destination an approver took off the request', async () => {
    const area = await besiegedLocalTown();
    const r = await submitted({
      destinations: [
        { name: 'Rebel town', location: { lon: 36.25, lat: 33.05 } },
        { name: 'Local town', location: { lon: 36.45, lat: 33.05 } },
      ],
    });
    await decide('gov-analyst', r.id, {
      actor: 'sy-gov',
      decision: 'approve_with_conditions',
      excluded_destinations: [1],
      reason: 'Not the local town.',
    });
    await decide('council-analyst', r.id, { actor: 'reb', decision: 'approve' });
    await decide('un-ose-analyst', r.id, { actor: 'local', decision: 'approve' });
    await ok('un-ose-analyst', 'POST', `/${r.id}/letter`, { reference: 'FL-2' });
    await ok('ngo-humanitarian', 'POST', `/${r.id}/dispatch`, { trucks: 3 });
    await ok('ngo-humanitarian', 'POST', `/${r.id}/arrive`, {});
    await ok('ngo-humanitarian', 'POST', `/${r.id}/deliver`, {
      beneficiaries_reached: 100,
      lines: [{ delivered: 1000 }, { delivered: 40 }],
    });
    const detail = (await request('ngo-analyst', { method: 'GET', url: `/api/v1/besieged-areas/${area.id}` })).json();
    expect(detail.deliveries).toEqual([]);
  });

  it('refuses a step out of order with 409 naming the state, and changes nothing', async () => {
    const d = await ok('ngo-humanitarian', 'POST', '', draft());
    const early = await call('ngo-humanitarian', 'POST', `/${d.id}/dispatch`, { trucks: 3 });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'CONFLICT',
      statement: {
        code: 'error.convoy_out_of_order',
        params: {
          state: { statement: { code: 'convoy.state.draft' } },
          step: { statement: { code: 'convoy.step.dispatch' } },
        },
      },
    });
    expect(early.json().message).toMatch(/is draft/);
    // The secretariat sees the draft: a decision on it is out of order, not hidden.
    expect((await decide('un-ose-analyst', d.id, { actor: 'sy-gov', decision: 'approve' })).statusCode).toBe(409);
    const r = await ok('ngo-humanitarian', 'POST', `/${d.id}/submit`);
    expect(
      (await call('ngo-humanitarian', 'POST', `/${r.id}/submit`)).json().statement.params.state.statement.code,
    ).toBe('convoy.state.submitted');
    expect((await call('ngo-humanitarian', 'PUT', `/${r.id}`, draft({ name: 'Renamed' }))).statusCode).toBe(409);
    expect((await call('un-ose-analyst', 'POST', `/${r.id}/letter`, {})).statusCode).toBe(409);
    expect(
      (await call('ngo-humanitarian', 'POST', `/${r.id}/deliver`, { beneficiaries_reached: 1, lines: [] })).statusCode,
    ).toBe(409);
    const after = await ok('ngo-humanitarian', 'GET', `/${r.id}`);
    expect(after).toMatchObject({ state: 'submitted', name: 'Convoy to the local town' });
    expect(after.steps.map((s: { step: string }) => s.step)).toEqual(['create', 'submit']);

    // Denied by one party: the others' decisions come too late.
    const denied = await decide('gov-analyst', r.id, {
      actor: 'sy-gov',
      decision: 'deny',
      reason: 'Security situation.',
    });
    expect(denied.json()).toMatchObject({ state: 'denied', next_steps: [] });
    const late = await decide('council-analyst', r.id, { actor: 'reb', decision: 'approve' });
    expect(late.statusCode).toBe(409);
    expect(late.json().statement.params.state.statement.code).toBe('convoy.state.denied');
  });

  it('lets each step be taken only by its party and a role that may, refusing the rest with 403', async () => {
    expect((await call('ngo-observer', 'POST', '', draft())).statusCode).toBe(403);
    expect((await call('ngo-reporter', 'POST', '', draft())).statusCode).toBe(403);
    const d = await ok('ngo-analyst', 'POST', '', draft());
    // The secretariat sees the draft but it is not its to submit.
    expect((await call('un-ose-analyst', 'POST', `/${d.id}/submit`)).statusCode).toBe(403);
    const r = await ok('ngo-admin', 'POST', `/${d.id}/submit`);
    // A party's humanitarian may not decide; the organizer decides for nobody.
    expect((await decide('gov-humanitarian', r.id, { actor: 'sy-gov', decision: 'approve' })).statusCode).toBe(403);
    expect((await decide('ngo-analyst', r.id, { actor: 'sy-gov', decision: 'approve' })).statusCode).toBe(403);
    // A party not asked: the secretariat may decide for any party, but not for one the request does not ask.
    expect((await decide('un-ose-analyst', r.id, { actor: 'nus', decision: 'approve' })).statusCode).toBe(400);
    const ready = await readyToGo();
    // The letter was the secretariat's; dispatch is the organizer's.
    expect((await call('gov-analyst', 'POST', `/${ready.id}/dispatch`, { trucks: 3 })).statusCode).toBe(403);
    expect((await call('un-ose-analyst', 'POST', `/${ready.id}/dispatch`, { trucks: 3 })).statusCode).toBe(403);
    expect((await call('ngo-observer', 'POST', `/${ready.id}/dispatch`, { trucks: 3 })).statusCode).toBe(403);
    expect((await call('ngo-humanitarian', 'POST', `/${ready.id}/dispatch`, { trucks: 3 })).statusCode).toBe(200);
    // A letter for an approved request: a humanitarian of the secretariat may not record it.
    const other = await submitted({ name: 'Second convoy' });
    for (const [user, actor] of [
      ['gov-analyst', 'sy-gov'],
      ['council-analyst', 'reb'],
      ['un-ose-admin', 'local'],
    ])
      await ok(user!, 'POST', `/${other.id}/decisions`, { actor, decision: 'approve' });
    expect((await call('un-ose-humanitarian', 'POST', `/${other.id}/letter`, {})).statusCode).toBe(403);
    expect((await call('ngo-analyst', 'POST', `/${other.id}/letter`, {})).statusCode).toBe(403);
  });

  it('refuses bad input naming the field, and a failed step leaves nothing', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await call('ngo-humanitarian', 'POST', '', body);
      expect(res.statusCode, path).toBe(400);
      expect(`${res.json().path} ${res.json().message}`, JSON.stringify(res.json())).toContain(path);
    };
    await bad(draft({ cargo: [] }), 'cargo');
    await bad(draft({ destinations: [] }), 'destinations');
    await bad(draft({ window: { from: WINDOW.to, to: WINDOW.from } }), 'window.to');
    await bad(draft({ route: { type: 'LineString', coordinates: [[36, 33]] } }), 'route');
    await bad(draft({ cargo: [{ item: 'Flour', quantity: 0, unit: 'bags', sector: 'food' }] }), 'cargo[0].quantity');
    await bad(draft({ cargo: [{ item: 'Flour', quantity: 5, unit: 'bags', sector: 'weapons' }] }), 'cargo[0].sector');
    await bad(
      draft({
        destinations: [
          { name: 'Town', location: { lon: 36, lat: 33 } },
          { name: 'town', location: { lon: 36.1, lat: 33 } },
        ],
      }),
      'destinations[1].name',
    );
    const [row] = await db().query<{ n: number }>('select count(*)::int as n from convoy_requests');
    expect(row!.n).toBe(0);

    const r = await submitted();
    const refused = async (body: Record<string, unknown>, path: string) => {
      const res = await decide('gov-analyst', r.id, { actor: 'sy-gov', ...body });
      expect(res.statusCode, path).toBe(400);
      expect(`${res.json().path} ${res.json().message}`).toContain(path);
    };
    await refused({ decision: 'deny' }, 'reason');
    await refused({ decision: 'approve_with_conditions' }, 'conditions');
    await refused({ decision: 'approve_with_conditions', removed: [{ line: 5, quantity: 1 }] }, 'removed[0].line');
    await refused(
      { decision: 'approve_with_conditions', removed: [{ line: 0, quantity: 5000 }] },
      'removed[0].quantity',
    );
    await refused({ decision: 'approve_with_conditions', excluded_destinations: [0] }, 'excluded_destinations');
    await refused({ decision: 'approve', removed: [{ line: 0, quantity: 1 }] }, 'removed');
    expect((await ok('ngo-humanitarian', 'GET', `/${r.id}`)).decisions).toEqual([]);

    const ready = await readyToGo();
    await ok('ngo-humanitarian', 'POST', `/${ready.id}/dispatch`, { trucks: 3 });
    const incidents = async () => (await db().query<{ n: number }>('select count(*)::int as n from incidents'))[0]!.n;
    const before = await incidents();
    const unknown = await call('ngo-humanitarian', 'POST', `/${ready.id}/turn-back`, {
      location: { lon: 36.05, lat: 33.05 },
      by: 'nobody',
      reason: 'Turned back',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().path).toBe('by');
    expect(await incidents()).toBe(before);
    expect((await ok('ngo-humanitarian', 'GET', `/${ready.id}`)).state).toBe('dispatched');
    await ok('ngo-humanitarian', 'POST', `/${ready.id}/arrive`, {});
    const over = await call('ngo-humanitarian', 'POST', `/${ready.id}/deliver`, {
      beneficiaries_reached: 10,
      lines: [{ delivered: 900, removed: 200 }, { delivered: 40 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().path).toBe('lines[0].delivered');
    expect(
      (
        await call('ngo-humanitarian', 'POST', `/${ready.id}/deliver`, {
          beneficiaries_reached: 10,
          lines: [{ delivered: 1 }],
        })
      ).json().path,
    ).toBe('lines');
  });

  it('hides a request from everyone but its organizer, the organizations asked and the secretariat', async () => {
    const d = await ok('ngo-humanitarian', 'POST', '', draft());
    // A draft: the organizer's and the secretariat's only.
    for (const user of ['gov-analyst', 'council-analyst', 'other-admin', 'us-admin', 'ru-analyst'])
      expect((await call(user, 'GET', `/${d.id}`)).statusCode, user).toBe(404);
    expect((await call('un-ose-observer', 'GET', `/${d.id}`)).statusCode).toBe(200);
    await ok('ngo-humanitarian', 'POST', `/${d.id}/submit`);
    for (const user of ['gov-humanitarian', 'council-analyst', 'un-ose-observer', 'ngo-observer'])
      expect((await call(user, 'GET', `/${d.id}`)).statusCode, user).toBe(200);
    const missing = await call('other-admin', 'GET', '/cvr-none');
    for (const user of ['other-admin', 'other-humanitarian', 'us-admin', 'ru-analyst']) {
      const res = await call(user, 'GET', `/${d.id}`);
      expect(res.statusCode, user).toBe(404);
      // Hidden reads as missing: the same code and the same words but the id.
      expect(res.json().code).toBe(missing.json().code);
      expect(await listed(user)).toEqual([]);
      expect(await listed(user, '&box=awaiting')).toEqual([]);
      expect(
        (await call(user, 'POST', `/${d.id}/decisions`, { actor: 'sy-gov', decision: 'approve' })).statusCode,
      ).toBe(user === 'other-humanitarian' ? 403 : 404);
      expect((await request(user, { method: 'GET', url: `/api/v1/audit/convoy_request/${d.id}` })).statusCode).toBe(
        404,
      );
      const trail = await request(user, { method: 'GET', url: '/api/v1/audit?limit=500' });
      expect(trail.body).not.toContain(d.id);
    }
    expect(await listed('gov-analyst')).toEqual([d.id]);
    // The organizations asked see it from now on; one that decides for no party asked does not.
    await request('un-ose-admin', {
      method: 'PUT',
      url: '/api/v1/convoy-requests/representatives/other',
      payload: { actor: 'un' },
    });
    expect((await call('other-admin', 'GET', `/${d.id}`)).statusCode).toBe(404);
  });

  it('says live that a request changed, only to those who see it', async () => {
    const heard: TruceEvent[] = [];
    const stop = server.ctx.events.subscribe((e) => {
      if (e.type === 'convoy_request.changed') heard.push(e);
    });
    const r = await submitted();
    stop();
    expect(heard.map((e) => e.id)).toEqual([r.id, r.id]);
    const caller = (orgId: string, orgKind: Caller['orgKind'], clearance: Caller['clearance']): Caller => ({
      userId: `${orgId}-observer`,
      username: `${orgId}-observer`,
      orgId,
      orgKind,
      role: 'observer',
      clearance,
    });
    const told = async (c: Caller) => (await visibleMessages(server.ctx, c, heard[1]!)).map((m) => m.data);
    const said = [{ name: 'Convoy to the local town', state: 'submitted', organizer_org: 'ngo' }];
    expect(await told(caller('ngo', 'humanitarian', 'public'))).toEqual(said);
    expect(await told(caller('gov', 'party', 'public'))).toEqual(said);
    expect(await told(caller('un-ose', 'un', 'task_force'))).toEqual(said);
    expect(await told(caller('us', 'co_chair', 'co_chairs'))).toEqual([]);
    expect(await told(caller('other', 'humanitarian', 'public'))).toEqual([]);
  });

  it('records an access incident when a convoy is turned back, in the same step, linked and judged', async () => {
    const ready = await readyToGo();
    await ok('ngo-humanitarian', 'POST', `/${ready.id}/dispatch`, { trucks: 12, at: '2016-06-01T06:30:00Z' });
    const back = await ok('ngo-humanitarian', 'POST', `/${ready.id}/turn-back`, {
      at: '2016-06-01T11:00:00Z',
      location: { lon: 36.05, lat: 33.05 },
      by: 'sy-gov',
      reason: 'Stopped at the last checkpoint before the town.',
    });
    expect(back).toMatchObject({ state: 'turned_back', next_steps: [] });
    const step = back.steps.at(-1);
    expect(step).toMatchObject({ step: 'turn_back', details: { by: 'sy-gov', category: 'restriction_of_movement' } });
    const incident = (
      await request('ngo-analyst', { method: 'GET', url: `/api/v1/incidents/${step.incident_id}` })
    ).json();
    expect(incident).toMatchObject({
      act: 'access_denial',
      access_category: 'restriction_of_movement',
      perpetrator: 'sy-gov',
      target: { civilian: 'convoy' },
      classification: 'task_force',
      occurred_at: '2016-06-01T11:00:00Z',
      convoy_request: { id: ready.id, name: 'Convoy to the local town' },
    });
    // Judged as access_denial against the agreement's obligation: the host state, a party, blocked a convoy.
    expect(incident.findings).toMatchObject([
      { agreement: 'coh', verdict: 'violation', violators: ['sy-gov'], obligation: 'T4' },
    ]);
    // A co-chair sees the task force's incident, not the request behind it.
    const us = (await request('us-analyst', { method: 'GET', url: `/api/v1/incidents/${step.incident_id}` })).json();
    expect(us).toMatchObject({ act: 'access_denial', convoy_request: null });
    expect(JSON.stringify(us)).not.toContain(ready.id);
    // The government sees the request, not the task force's incident: the step does not name it.
    const gov = await ok('gov-analyst', 'GET', `/${ready.id}`);
    expect(gov.steps.at(-1)).toMatchObject({ step: 'turn_back', incident_id: null });
  });

  it('records an attack with nobody named as an access incident awaiting attribution', async () => {
    const ready = await readyToGo();
    await ok('ngo-humanitarian', 'POST', `/${ready.id}/dispatch`, { trucks: 31 });
    await ok('ngo-humanitarian', 'POST', `/${ready.id}/arrive`, {});
    const hit = await ok('ngo-humanitarian', 'POST', `/${ready.id}/attack`, {
      location: { lon: 36.45, lat: 33.05 },
      by: null,
      reason: 'Struck from the air while unloading.',
      killed: 10,
      classification: 'public',
    });
    expect(hit.state).toBe('attacked');
    const incident = (
      await request('other-humanitarian', {
        method: 'GET',
        url: `/api/v1/incidents/${hit.steps.at(-1).incident_id}`,
      })
    ).json();
    expect(incident).toMatchObject({
      access_category: 'violence_against_personnel_assets',
      perpetrator: null,
      deaths: { best: 10 },
      convoy_request: null,
    });
    expect(incident.findings.map((f: { verdict: string }) => f.verdict)).toEqual(['needs_review']);
  });

  it('flags a request in force when control changes along its route, in the same transaction', async () => {
    const ready = await readyToGo();
    const far = await submitted({
      name: 'Convoy elsewhere',
      route: {
        type: 'LineString',
        coordinates: [
          [36.25, 33.05],
          [36.45, 33.05],
        ],
      },
    });
    const change = (at: string, dryRun = false) =>
      request('un-ose-analyst', {
        method: 'POST',
        url: `/api/v1/zones/a/control${dryRun ? '?dry_run=true' : ''}`,
        payload: { at, actors: ['reb', 'local'] },
      });
    // A dry run flags nothing.
    expect((await change('2016-06-01T12:00:00Z', true)).statusCode).toBe(200);
    expect((await ok('ngo-humanitarian', 'GET', `/${ready.id}`)).control_changed_at).toBeNull();
    expect((await change('2016-06-01T12:00:00Z')).statusCode).toBe(201);
    const flagged = await ok('gov-analyst', 'GET', `/${ready.id}`);
    expect(flagged.control_changed_at).not.toBeNull();
    expect(flagged.state).toBe('letter_issued');
    expect(flagged.steps.at(-1)).toMatchObject({
      step: 'control_changed',
      details: {
        zone: 'a',
        zone_name: 'Government town',
        before: ['sy-gov'],
        after: ['local', 'reb', 'sy-gov'],
        not_asked: [],
      },
    });
    // A route the zone is not on is not flagged.
    expect((await ok('ngo-humanitarian', 'GET', `/${far.id}`)).control_changed_at).toBeNull();
    const trail = await request('ngo-analyst', { method: 'GET', url: `/api/v1/audit/convoy_request/${ready.id}` });
    expect(trail.json().items.at(-1)).toMatchObject({ action: 'control_changed' });
  });

  it('asks the host state even where no zone is crossed, and never the organizer', async () => {
    const nowhere = await submitted({
      route: {
        type: 'LineString',
        coordinates: [
          [36.12, 33.05],
          [36.18, 33.05],
        ],
      },
    });
    expect(nowhere.required_approvals).toEqual(['sy-gov']);
    // The rebels' council organizes a convoy through its own town: the rebels are not asked.
    await addUser(server.ctx, 'operator', {
      username: 'council-humanitarian',
      orgId: 'council',
      role: 'humanitarian',
      password: PASSWORD,
    });
    const own = await ok('council-humanitarian', 'POST', '', draft({ name: 'Council convoy' }));
    expect(own.organizer_actor).toBe('reb');
    const sent = await ok('council-humanitarian', 'POST', `/${own.id}/submit`);
    expect(sent.required_approvals).toEqual(['local', 'sy-gov']);
  });
});
