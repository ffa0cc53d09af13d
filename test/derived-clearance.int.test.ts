/**
 * What is derived from a record carries that record's clearance (docs/confidentiality.md): each
 * way a hidden record leaked through a visible one, as a security probe found them, tried again.
 * The co-chairs (us, ru) may see the records made here; the UN (un-ose) and the NGO may not.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from './databases.ts';
import { openSse } from './sse.ts';
import type { TestServer } from './server.ts';
import { startWorldServer } from './world.ts';

/** Where no zone of the demo world reaches (checked below: the incident's first finding asks who held it, and nobody did). */
const SPOT = { lon: 39.0, lat: 34.2 };
const square = (x: number, y: number, d = 0.02) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x - d, y - d],
      [x + d, y - d],
      [x + d, y + d],
      [x - d, y + d],
      [x - d, y - d],
    ],
  ],
});
const BLIND = ['un-ose-analyst', 'ngo-analyst'] as const;
const CLEARED = ['us-analyst', 'ru-analyst'] as const;

describeEachDatabase("derived records carry their sources' clearance", (db) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startWorldServer(db());
  });
  afterEach(() => server.close());

  const get = async (user: string, url: string) => server.call(user, { method: 'GET', url });
  const post = async (user: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') => {
    const res = await server.call(user, { method, url, payload: payload as Record<string, unknown> });
    if (res.statusCode >= 300) throw new Error(`${user} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('a finding that rests on a hidden zone is hidden; its history says why only to who may see the zone; events and maps agree', async () => {
    // A public incident with no target, where no zone holds the place yet: rule 9, resting on nothing.
    const incident = await post('un-ose-analyst', '/api/v1/incidents', {
      occurred_at: '2016-09-30T10:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      perpetrator: 'sy-gov',
      classification: 'public',
      headline: 'derived probe',
    });
    expect(incident.findings.map((f: { agreement: string; rule: number }) => [f.agreement, f.rule])).toEqual([
      ['coh', 9],
    ]);
    const key = incident.findings[0].key as string;
    // Everyone's live stream is open while the co-chairs draw a zone over the place, then date its control back.
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const streams = new Map(
      await Promise.all(
        [...BLIND, ...CLEARED].map(
          async (u) =>
            [
              u,
              await openSse(`http://127.0.0.1:${port}/api/v1/events`, { cookie: (await server.as(u)).cookie }),
            ] as const,
        ),
      ),
    );
    const zone = (
      await post('us-analyst', '/api/v1/zones', {
        name: 'Separation line (co-chairs)',
        classification: 'co_chairs',
        geometry: square(SPOT.lon, SPOT.lat),
        control: [{ actors: ['nusra'], from: '2016-10-01T00:00:00+03:00' }],
      })
    ).zone;
    await post(
      'us-analyst',
      `/api/v1/zones/${zone.id}/control`,
      { control: [{ actors: ['nusra'], from: '2016-01-01T00:00:00+03:00' }] },
      'PUT',
    );
    const sentinel = await post('ngo-reporter', '/api/v1/reports', {
      claimed_at: '2016-09-30T10:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      narrative: 'sentinel',
      classification: 'public',
    });

    // The co-chairs: the finding now rests on their zone (rule 11: held by an excluded group), with its history and cause.
    for (const user of CLEARED) {
      const now = (await get(user, `/api/v1/findings?subject=${incident.id}`)).json().items;
      expect(
        now.map((f: { rule: number; explanation: string }) => [f.rule, f.explanation.includes('Jabhat Fateh al-Sham')]),
        user,
      ).toEqual([[11, true]]);
      const history = (await get(user, `/api/v1/findings/${encodeURIComponent(key)}/history`)).json();
      expect(history.history, user).toMatchObject([
        {
          rule: 9,
          cause: 'The control of Separation line (co-chairs) was rewritten by us-analyst.',
          cause_statement: { code: 'cause.zone.replace-control', params: { zone: { zone: zone.id } } },
        },
      ]);
    }
    // The others: no finding, and an old one whose cause is withheld. Nothing they read names the zone or who held it.
    for (const user of BLIND) {
      expect((await get(user, `/api/v1/findings?subject=${incident.id}`)).json().items, user).toEqual([]);
      const history = (await get(user, `/api/v1/findings/${encodeURIComponent(key)}/history`)).json();
      expect(history, user).toMatchObject({
        current: null,
        history: [{ rule: 9, cause: null, cause_statement: { code: 'cause.withheld', params: {} } }],
      });
      const detail = await get(user, `/api/v1/incidents/${incident.id}`);
      expect(detail.json(), user).toMatchObject({
        findings: [],
        finding_history: [{ cause: null, cause_statement: { code: 'cause.withheld' } }],
      });
      for (const body of [detail.body, JSON.stringify(history)]) {
        expect(body, user).not.toContain(zone.id);
        expect(body, user).not.toContain('Separation line');
        expect(body, user).not.toContain('nusra');
      }
      // The map ranks the incident by the findings the reader may see (none): not by the co-chairs' verdict.
      const map = (
        await get(
          user,
          `/api/v1/map/incidents?bbox=${SPOT.lon - 0.05},${SPOT.lat - 0.05},${SPOT.lon + 0.05},${SPOT.lat + 0.05}&zoom=14`,
        )
      ).json();
      expect(
        map.points.filter((p: { id: string }) => p.id === incident.id),
        user,
      ).toEqual([expect.objectContaining({ verdict: 'unjudged' })]);
    }
    const cleared = (
      await get(
        'ru-analyst',
        `/api/v1/map/incidents?bbox=${SPOT.lon - 0.05},${SPOT.lat - 0.05},${SPOT.lon + 0.05},${SPOT.lat + 0.05}&zoom=14`,
      )
    ).json();
    expect(cleared.points.find((p: { id: string }) => p.id === incident.id)).toMatchObject({ verdict: 'permitted' });

    // Live events: the zone, its findings and their words reach the co-chairs only.
    for (const [user, stream] of streams) {
      await stream.waitFor((m) => m.data.id === sentinel.id, 10_000);
      stream.close();
      const text = stream.raw();
      if ((BLIND as readonly string[]).includes(user)) {
        expect(text, user).not.toContain(zone.id);
        expect(text, user).not.toContain('Separation line');
        expect(text, user).not.toContain('Jabhat Fateh al-Sham');
      } else {
        expect(text, user).toContain(zone.id);
      }
    }
  });

  it('an obligation code shows only with a clause the reader may see', async () => {
    await post('us-analyst', '/api/v1/agreements/coh/clauses', {
      code: 'T4',
      text: 'No anti-tank missiles near the lines (co-chairs)',
      acts: ['atgm'],
      classification: 'co_chairs',
    });
    const incident = await post('ngo-analyst', '/api/v1/incidents', {
      occurred_at: '2016-09-30T11:00:00+03:00',
      location: SPOT,
      act: 'atgm',
      perpetrator: 'sy-gov',
      target: { civilian: 'school' },
      classification: 'public',
    });
    const obligation = async (user: string) =>
      (await get(user, `/api/v1/incidents/${incident.id}`))
        .json()
        .findings.map((f: { obligation: string | null }) => f.obligation);
    for (const user of CLEARED) expect(await obligation(user), user).toEqual(['T4']);
    for (const user of BLIND) expect(await obligation(user), user).toEqual([null]);
    const listed = (await get('un-ose-analyst', `/api/v1/findings?subject=${incident.id}`)).json().items;
    expect(listed.map((f: { obligation: string | null }) => f.obligation)).toEqual([null]);
  });

  it('a report linked into a hidden incident is hidden with it, but from its own organization; no answer tells the link', async () => {
    const report = await post('ngo-reporter', '/api/v1/reports', {
      claimed_at: '2016-09-30T12:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      narrative: 'NGO account',
      classification: 'public',
    });
    // An NGO stream that saw the report filed, and reconnects after the link: the replay must not name the incident.
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/api/v1/events`;
    const cookie = (await server.as('ngo-analyst')).cookie;
    const first = await openSse(url, { cookie });
    const filed = await post('ngo-reporter', '/api/v1/reports', {
      claimed_at: '2016-09-30T12:05:00+03:00',
      location: SPOT,
      act: 'shelling',
      narrative: 'NGO second account',
      classification: 'public',
    });
    const seen = await first.waitFor((m) => m.data.id === filed.id, 10_000);
    first.close();
    const secret = await post('us-analyst', '/api/v1/incidents', {
      report_ids: [report.id, filed.id],
      classification: 'co_chairs',
    });

    // Who may see the incident sees the reports as its accounts; the UN sees neither; the NGO sees its reports, linked to nothing.
    expect((await get('ru-analyst', `/api/v1/reports/${report.id}`)).json().incident_id).toBe(secret.id);
    expect((await get('un-ose-analyst', `/api/v1/reports/${report.id}`)).statusCode).toBe(404);
    expect(
      (await get('un-ose-analyst', '/api/v1/reports?limit=500')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(report.id);
    expect((await get('ngo-analyst', `/api/v1/reports/${report.id}`)).json()).toMatchObject({
      id: report.id,
      incident_id: null,
    });
    // Linking it elsewhere: the UN gets what it gets for a report that does not exist.
    const visible = await post('un-ose-analyst', '/api/v1/incidents', {
      occurred_at: '2016-09-30T12:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      classification: 'public',
    });
    for (const reportId of [report.id, 'no-such-report']) {
      const link = await server.call('un-ose-analyst', {
        method: 'POST',
        url: `/api/v1/incidents/${visible.id}/reports`,
        payload: { report_id: reportId },
      });
      expect([link.statusCode, link.json().code, link.json().path], reportId).toEqual([400, 'VALIDATION', 'report_id']);
      const create = await server.call('un-ose-analyst', {
        method: 'POST',
        url: '/api/v1/incidents',
        payload: { report_ids: [reportId] },
      });
      expect([create.statusCode, create.json().code, create.json().path], reportId).toEqual([
        400,
        'VALIDATION',
        'report_ids[0]',
      ]);
    }
    // The audit trail of the report: its link names the hidden incident, so only who may see the incident reads that entry.
    const actions = async (user: string) =>
      (await get(user, `/api/v1/audit/report/${report.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(await actions('ngo-analyst')).toEqual(['create']);
    expect(await actions('us-analyst')).toEqual(['create', 'link']);
    // The replay after a reconnect (from the event before the report's) re-reads the report as the NGO sees it now: linked to nothing.
    const before = seen.id!.replace(/-(\d+)$/, (_m, n: string) => `-${Number(n) - 1}`);
    const again = await openSse(url, { cookie, 'last-event-id': before });
    const replayed = await again.waitFor((m) => m.data.id === filed.id, 10_000);
    again.close();
    expect(replayed.data.data).toMatchObject({ id: filed.id, incident_id: null });
    expect(again.raw()).not.toContain(secret.id);
  });

  it("an audit entry of a visible record that names a hidden one is not shown; a hidden agreement's clause has no history", async () => {
    const incident = await post('un-ose-analyst', '/api/v1/incidents', {
      occurred_at: '2016-09-30T13:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      classification: 'public',
    });
    const hidden = await post('us-reporter', '/api/v1/reports', {
      claimed_at: '2016-09-30T13:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      classification: 'org',
    });
    await post('us-analyst', `/api/v1/incidents/${incident.id}/reports`, { report_id: hidden.id });
    const entries = async (user: string) => (await get(user, `/api/v1/audit/incident/${incident.id}`)).json().items;
    expect((await entries('us-analyst')).map((e: { action: string }) => e.action)).toEqual(['create', 'link-report']);
    const blind = await entries('un-ose-analyst');
    expect(blind.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(JSON.stringify(blind)).not.toContain(hidden.id);
    // Who changed it is named, not only the organization.
    expect(blind[0]).toMatchObject({ by: { username: 'un-ose-analyst', org_name: 'Office of the UN Special Envoy' } });

    const agreement = (
      await post('us-analyst', '/api/v1/agreements', {
        title: 'Side arrangement',
        classification: 'co_chairs',
        in_force: [],
        clauses: [{ code: 'T1', text: 'A public-looking clause', classification: 'public' }],
      })
    ).agreement;
    const clause = `${agreement.id}%230`;
    expect((await get('ru-analyst', `/api/v1/audit/agreement_clause/${clause}`)).statusCode).toBe(200);
    const hiddenClause = await get('un-ose-analyst', `/api/v1/audit/agreement_clause/${clause}`);
    const missing = await get('un-ose-analyst', '/api/v1/audit/agreement_clause/no-such-agreement%230');
    expect([hiddenClause.statusCode, hiddenClause.json().code]).toEqual([missing.statusCode, missing.json().code]);
    expect(hiddenClause.json().message).not.toContain('Side arrangement');
  });

  it("a role that may not read a record's history gets the same answer whether the record is hidden or missing", async () => {
    const secret = await post('us-analyst', '/api/v1/incidents', {
      occurred_at: '2016-09-30T14:00:00+03:00',
      location: SPOT,
      act: 'shelling',
      classification: 'co_chairs',
    });
    for (const user of ['un-ose-reporter', 'ngo-observer', 'un-ose-analyst', 'ngo-admin']) {
      const hidden = await get(user, `/api/v1/audit/incident/${secret.id}`);
      const missing = await get(user, '/api/v1/audit/incident/no-such-incident');
      expect([hidden.statusCode, hidden.json().code], user).toEqual([missing.statusCode, missing.json().code]);
      expect(hidden.statusCode, user).toBe(404);
    }
    // Accounts: whoever is not an admin is refused before anything is looked up.
    const ngoUser = (await get('ngo-reporter', '/api/v1/auth/me')).json().user_id;
    for (const id of [ngoUser, 'no-such-user'])
      expect((await get('us-analyst', `/api/v1/audit/user/${id}`)).statusCode, id).toBe(403);
    for (const id of ['ngo', 'no-such-org'])
      expect((await get('ngo-analyst', `/api/v1/audit/organization/${id}`)).statusCode, id).toBe(403);
  });
});
