import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { eventIncident, invalidations } from './live-invalidation.ts';
import type { LiveEvent } from './live.tsx';
import { queryKeys } from './query-keys.ts';

const event = (e: Partial<LiveEvent> & Pick<LiveEvent, 'type' | 'entity' | 'id'>): LiveEvent => ({
  at: '2026-01-01T00:00:00Z',
  data: {},
  ...e,
});

/** A cache holding one answer for each kind of query the views make. */
function seeded(): QueryClient {
  const client = new QueryClient();
  const keys = [
    queryKeys.incident('i1'),
    queryKeys.incidentAudit('i1'),
    queryKeys.incident('i2'),
    queryKeys.incidentAudit('i2'),
    queryKeys.incidentList({ q: 'Daraya' }),
    queryKeys.report('r1'),
    queryKeys.report('r2'),
    queryKeys.reportList({ linked: 'false' }),
    queryKeys.suggestions('r1'),
    queryKeys.mapExtent,
    queryKeys.mapIncidents({ bbox: '1,2,3,4', zoom: 7, from: null, to: 'x' }),
    queryKeys.zones('2016-09-12T21:00:00Z'),
    queryKeys.zoneDetail('z1'),
    queryKeys.territoryList({ limit: 100 }),
    queryKeys.state({ from: 'a', to: 'b', agreement: null, ready: true }),
    queryKeys.me,
    queryKeys.actors,
    queryKeys.agreements,
    queryKeys.organizations,
    queryKeys.zoneNames,
    queryKeys.settings,
    queryKeys.auditTrail({ user: 'alice' }),
    queryKeys.auditTrail({}),
  ];
  for (const k of keys) client.setQueryData(k, { k });
  return client;
}

/** Which of the seeded queries an event invalidates, at once and after the burst. */
async function invalidated(e: LiveEvent) {
  const client = seeded();
  const { now, later } = invalidations(e);
  const stale = async (keys: (readonly unknown[])[]) => {
    for (const queryKey of keys) await client.invalidateQueries({ queryKey, refetchType: 'none' });
    return client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey))
      .sort();
  };
  const first = await stale(now);
  return { now: first, all: await stale(later) };
}

describe('live events invalidate the queries they change', () => {
  it('finds the incident of an event: itself, a report linked to it, or a finding named after it', () => {
    expect(eventIncident(event({ type: 'incident.updated', entity: 'incident', id: 'i1' }))).toBe('i1');
    expect(
      eventIncident(event({ type: 'report.created', entity: 'report', id: 'r9', data: { incident_id: 'i2' } })),
    ).toBe('i2');
    expect(eventIncident(event({ type: 'finding.changed', entity: 'finding', id: 'incident:i1:rule-3' }))).toBe('i1');
    expect(eventIncident(event({ type: 'report.created', entity: 'report', id: 'r9' }))).toBeNull();
    expect(eventIncident(event({ type: 'alert', entity: 'incident', id: 'i1' }))).toBeNull();
  });

  it('a changed incident: its own detail and audit at once, then lists, map extent and map incidents', async () => {
    const r = await invalidated(event({ type: 'incident.updated', entity: 'incident', id: 'i1' }));
    expect(r.now).toEqual(
      [JSON.stringify(queryKeys.incident('i1')), JSON.stringify(queryKeys.incidentAudit('i1'))].sort(),
    );
    expect(r.all).toEqual(
      [
        queryKeys.incident('i1'),
        queryKeys.incidentAudit('i1'),
        queryKeys.incidentList({ q: 'Daraya' }),
        queryKeys.mapExtent,
        queryKeys.mapIncidents({ bbox: '1,2,3,4', zoom: 7, from: null, to: 'x' }),
        queryKeys.reportList({ linked: 'false' }),
        queryKeys.suggestions('r1'),
      ]
        .map((k) => JSON.stringify(k))
        .sort(),
    );
  });

  it('a changed finding also invalidates the state figures; other incidents, reports and zones stay', async () => {
    const r = await invalidated(event({ type: 'finding.changed', entity: 'finding', id: 'incident:i2:r1' }));
    expect(r.now).toEqual(
      [JSON.stringify(queryKeys.incident('i2')), JSON.stringify(queryKeys.incidentAudit('i2'))].sort(),
    );
    expect(r.all).toContain(JSON.stringify(queryKeys.state({ from: 'a', to: 'b', agreement: null, ready: true })));
    expect(r.all).not.toContain(JSON.stringify(queryKeys.incident('i1')));
    expect(r.all).not.toContain(JSON.stringify(queryKeys.report('r1')));
    expect(r.all).not.toContain(JSON.stringify(queryKeys.report('r2')));
    expect(r.all).not.toContain(JSON.stringify(queryKeys.zones('2016-09-12T21:00:00Z')));
  });

  it("a changed actor or agreement that moved findings reloads the world's actors or agreements, never the session", async () => {
    const actor = await invalidated(event({ type: 'finding.changed', entity: 'actor', id: 'a1' }));
    expect(actor.now).toEqual([]);
    expect(actor.all).toContain(JSON.stringify(queryKeys.actors));
    expect(actor.all).not.toContain(JSON.stringify(queryKeys.agreements));
    const agreement = await invalidated(event({ type: 'finding.changed', entity: 'agreement', id: 'g1' }));
    expect(agreement.all).toContain(JSON.stringify(queryKeys.agreements));
    expect(agreement.all).not.toContain(JSON.stringify(queryKeys.actors));
    for (const r of [actor, agreement]) {
      expect(r.all).toContain(JSON.stringify(queryKeys.state({ from: 'a', to: 'b', agreement: null, ready: true })));
      for (const k of [queryKeys.me, queryKeys.organizations, queryKeys.settings])
        expect(r.all).not.toContain(JSON.stringify(k));
    }
    const incident = await invalidated(event({ type: 'finding.changed', entity: 'incident', id: 'i1' }));
    for (const k of [queryKeys.actors, queryKeys.agreements, queryKeys.settings])
      expect(incident.all).not.toContain(JSON.stringify(k));
  });

  it('a change of the settings reloads them and the state figures at once, and nothing else', async () => {
    for (const e of [
      event({ type: 'settings.changed', entity: 'settings', id: 'world' }),
      event({ type: 'settings.changed', entity: 'calm_setting', id: 'g1' }),
    ]) {
      const r = await invalidated(e);
      expect(r.now).toEqual(
        [
          JSON.stringify(queryKeys.settings),
          JSON.stringify(queryKeys.state({ from: 'a', to: 'b', agreement: null, ready: true })),
        ].sort(),
      );
      expect(r.all).toEqual(r.now);
    }
  });

  it('new entries of the audit trail reload its pages, whatever their filters, after the burst, and nothing else', async () => {
    const r = await invalidated(event({ type: 'audit.appended', entity: 'audit', id: '12-15' }));
    expect(r.now).toEqual([]);
    expect(r.all).toEqual(
      [JSON.stringify(queryKeys.auditTrail({ user: 'alice' })), JSON.stringify(queryKeys.auditTrail({}))].sort(),
    );
    // No other event reloads the trail: it comes with the seal of the entries, not with the record's event.
    for (const e of [
      event({ type: 'report.created', entity: 'report', id: 'r1' }),
      event({ type: 'finding.changed', entity: 'zone', id: 'z1' }),
      event({ type: 'settings.changed', entity: 'settings', id: 'world' }),
    ])
      expect((await invalidated(e)).all).not.toContain(JSON.stringify(queryKeys.auditTrail({})));
  });

  it("a zone redrawn or changing hands reloads the map's zones, the zone's page, the zones' names and the judged changes of control", async () => {
    const zone = await invalidated(event({ type: 'finding.changed', entity: 'zone', id: 'z1' }));
    for (const k of [
      queryKeys.zones('2016-09-12T21:00:00Z'),
      queryKeys.zoneDetail('z1'),
      queryKeys.zoneNames,
      queryKeys.territoryList({ limit: 100 }),
    ])
      expect(zone.all).toContain(JSON.stringify(k));
    const agreement = await invalidated(event({ type: 'finding.changed', entity: 'agreement', id: 'g1' }));
    expect(agreement.all).toContain(JSON.stringify(queryKeys.territoryList({ limit: 100 })));
    const incident = await invalidated(event({ type: 'finding.changed', entity: 'finding', id: 'incident:i2:r1' }));
    expect(incident.all).not.toContain(JSON.stringify(queryKeys.territoryList({ limit: 100 })));
    expect(incident.all).not.toContain(JSON.stringify(queryKeys.zoneDetail('z1')));
    expect(incident.all).not.toContain(JSON.stringify(queryKeys.zoneNames));
  });

  it('a new report without an incident reloads no single incident; an alert reloads nothing', async () => {
    const r = await invalidated(event({ type: 'report.created', entity: 'report', id: 'r2' }));
    expect(r.now).toEqual([]);
    expect(r.all).not.toContain(JSON.stringify(queryKeys.state({ from: 'a', to: 'b', agreement: null, ready: true })));
    expect(r.all).toContain(JSON.stringify(queryKeys.mapExtent));
    expect(await invalidated(event({ type: 'alert', entity: 'zone', id: 'z1' }))).toEqual({ now: [], all: [] });
  });

  it('a report filed or set aside reloads the inbox; one set aside reloads its own page at once', async () => {
    const filed = await invalidated(event({ type: 'report.created', entity: 'report', id: 'r2' }));
    expect(filed.all).toContain(JSON.stringify(queryKeys.reportList({ linked: 'false' })));
    const triaged = await invalidated(event({ type: 'report.updated', entity: 'report', id: 'r2' }));
    expect(triaged.now).toContain(JSON.stringify(queryKeys.report('r2')));
    expect(triaged.all).toContain(JSON.stringify(queryKeys.reportList({ linked: 'false' })));
  });
  it('a hotline thread changed or escalated reloads the hotline and the incidents’ reviews at once, and nothing else', () => {
    for (const type of ['hotline.updated', 'hotline.escalated'] as const)
      expect(invalidations(event({ type, entity: 'hotline_thread', id: 'hotline-1' }))).toEqual({
        now: [queryKeys.hotline, queryKeys.incidentReviews],
        later: [],
      });
  });
  it('reloads an incident’s notified sites struck and its review with a notification, and after a change to the world', async () => {
    expect(invalidations(event({ type: 'notification.changed', entity: 'notification', id: 'n1' })).now).toContainEqual(
      queryKeys.incidentReviews,
    );
    const client = seeded();
    client.setQueryData(queryKeys.struckSites('i1'), {});
    client.setQueryData(queryKeys.incidentReview('i1', { hours: 48, km: 10 }), {});
    const { now, later } = invalidations(event({ type: 'finding.changed', entity: 'protected_site', id: 's1' }));
    expect(now).toEqual([]);
    for (const queryKey of later) await client.invalidateQueries({ queryKey, refetchType: 'none' });
    for (const key of [queryKeys.struckSites('i1'), queryKeys.incidentReview('i1', { hours: 48, km: 10 })])
      expect(client.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
  });

  it('a convoy request changed reloads the convoy requests (lists and pages) at once, and nothing else', async () => {
    expect(invalidations(event({ type: 'convoy_request.changed', entity: 'convoy_request', id: 'cvr-1' }))).toEqual({
      now: [queryKeys.convoyRequests],
      later: [],
    });
    // The prefix holds every list and page of requests.
    const client = new QueryClient();
    for (const key of [
      queryKeys.convoyRequestList('awaiting'),
      queryKeys.convoyRequest('cvr-1'),
      queryKeys.incident('i1'),
    ])
      client.setQueryData(key, {});
    await client.invalidateQueries({ queryKey: queryKeys.convoyRequests });
    const stale = client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey));
    expect(stale).toEqual([
      JSON.stringify(queryKeys.convoyRequestList('awaiting')),
      JSON.stringify(queryKeys.convoyRequest('cvr-1')),
    ]);
  });
});
