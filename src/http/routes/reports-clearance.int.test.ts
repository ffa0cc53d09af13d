/**
 * Clearance on every read path of reports and incidents: list, count, get, attachment,
 * suggestions, an incident's accounts, the audit history, and the writes that must first see
 * what they touch. co_chairs: the two co-chairs; task_force: they and the UN; org: the owner.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import {
  attachment,
  createIncident,
  fileReport,
  recordAuditEntries,
  startWorld,
  urumReport,
} from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('reports and incidents by clearance', (db) => {
  const server = useTestServer(db, { start: startWorld });

  it('shows each report and incident only to whom its classification allows, on every path', async () => {
    await server.fresh();
    const withFile = (classification: string, narrative: string) =>
      urumReport({ classification, narrative, attachments: [attachment(Buffer.from(narrative))] });
    const r = {
      usOrg: await fileReport(server, 'us-reporter', withFile('org', 'US field note')),
      coChairs: await fileReport(server, 'us-analyst', withFile('co_chairs', 'Co-chairs channel')),
      taskForce: await fileReport(server, 'un-ose-reporter', withFile('task_force', 'Task force sitrep')),
      pub: await fileReport(server, 'ngo-reporter', withFile('public', 'Public appeal')),
      ngoOrg: await fileReport(server, 'ngo-reporter', withFile('org', 'NGO internal')),
    };
    // Incidents near Urum, so that each report's suggestions could name them.
    const facts = {
      occurred_at: '2016-09-19T19:20:00+03:00',
      location: { lon: 36.932, lat: 36.156 },
      act: 'air_strike',
    };
    const i = {
      coChairs: await createIncident(server, 'us-analyst', { report_ids: [r.coChairs.id, r.pub.id] }),
      taskForce: await createIncident(server, 'un-ose-analyst', {
        ...facts,
        classification: 'task_force',
        report_ids: [r.taskForce.id],
      }),
      ruOrg: await createIncident(server, 'ru-analyst', { ...facts, classification: 'org' }),
    };
    expect(i.coChairs.classification).toBe('co_chairs'); // the most restricted of its reports'

    // The public report, once an account of the co-chairs' incident, is seen only by who may see that incident,
    // and by its own organization (the NGO, which reads it as linked to nothing).
    const sees: Record<string, { reports: string[]; incidents: string[] }> = {
      'us-analyst': { reports: ['usOrg', 'coChairs', 'taskForce', 'pub'], incidents: ['coChairs', 'taskForce'] },
      'ru-analyst': { reports: ['coChairs', 'taskForce', 'pub'], incidents: ['coChairs', 'taskForce', 'ruOrg'] },
      'un-ose-analyst': { reports: ['taskForce'], incidents: ['taskForce'] },
      'ngo-reporter': { reports: ['pub', 'ngoOrg'], incidents: [] },
    };
    const reportIds = Object.fromEntries(Object.entries(r).map(([k, v]) => [v.id, k]));
    const incidentIds = Object.fromEntries(Object.entries(i).map(([k, v]) => [v.id, k]));
    const names = (items: { id: string }[], byId: Record<string, string>) =>
      items
        .map((x) => byId[x.id])
        .filter((n): n is string => n !== undefined)
        .sort();

    for (const [user, expected] of Object.entries(sees)) {
      const call = (url: string) => server.call(user, { method: 'GET', url });
      const list = (await call('/api/v1/reports?limit=500')).json().items;
      expect(names(list, reportIds), `${user} lists`).toEqual([...expected.reports].sort());
      expect((await call('/api/v1/reports/count')).json().count, `${user} counts`).toBe(expected.reports.length);
      for (const [name, report] of Object.entries(r)) {
        const visible = expected.reports.includes(name);
        const one = await call(`/api/v1/reports/${report.id}`);
        expect(one.statusCode, `${user} reads report ${name}`).toBe(visible ? 200 : 404);
        const file = await call(report.attachments[0].url);
        expect(file.statusCode, `${user} downloads report ${name}'s attachment`).toBe(visible ? 200 : 404);
        if (visible) {
          expect(file.body).toBe(report.narrative);
          // A report names its incident only when the reader may see the incident.
          const linkedTo =
            report.id === r.coChairs.id || report.id === r.pub.id
              ? 'coChairs'
              : report.id === r.taskForce.id
                ? 'taskForce'
                : null;
          const shown =
            linkedTo !== null && expected.incidents.includes(linkedTo) ? i[linkedTo as keyof typeof i].id : null;
          expect(one.json().incident_id, `${user} sees report ${name}'s incident`).toBe(shown);
          const suggested = (await call(`/api/v1/reports/${report.id}/suggestions`))
            .json()
            .items.map((s: { incident: { id: string } }) => s.incident);
          const mine = names(suggested, incidentIds);
          expect(
            mine.every((n) => expected.incidents.includes(n)),
            `${user}'s suggestions for ${name}: ${mine.join()}`,
          ).toBe(true);
        }
      }
      const incidents = (await call('/api/v1/incidents?limit=500')).json().items;
      expect(names(incidents, incidentIds), `${user} lists incidents`).toEqual([...expected.incidents].sort());
      expect((await call('/api/v1/incidents/count')).json().count, `${user} counts incidents`).toBe(
        30 + expected.incidents.length,
      );
      expect((await call('/api/v1/incidents/count?q=appeal')).json().count, `${user} searches accounts`).toBe(
        expected.incidents.includes('coChairs') ? 1 : 0,
      );
      for (const [name, incident] of Object.entries(i)) {
        const one = await call(`/api/v1/incidents/${incident.id}`);
        expect(one.statusCode, `${user} reads incident ${name}`).toBe(expected.incidents.includes(name) ? 200 : 404);
        if (one.statusCode === 200) {
          // Only the accounts the reader may see, and their count.
          const accounts = names(one.json().accounts, reportIds);
          expect(
            accounts.every((a) => expected.reports.includes(a)),
            `${user}: accounts of ${name}`,
          ).toBe(true);
          expect(one.json().report_count).toBe(accounts.length);
        }
      }
      // The linked report's incident appears among the suggestions only for who may see it.
      const suggestions = await call(`/api/v1/reports/${r.pub.id}/suggestions`);
      expect(suggestions.statusCode).toBe(expected.reports.includes('pub') ? 200 : 404);
      if (suggestions.statusCode !== 200) continue;
      const fromPublic = suggestions.json().items.map((s: { incident: { id: string } }) => s.incident);
      expect(names(fromPublic, incidentIds), `${user} suggestions for the public report`).toEqual(
        expected.incidents.filter((n) => n !== 'coChairs').sort(),
      );
    }

    // The co-chairs' incident holds a public account and a co-chairs one: the UN sees neither the incident nor the co-chairs account.
    expect(
      (await server.call('us-analyst', { method: 'GET', url: `/api/v1/incidents/${i.coChairs.id}` })).json().accounts,
    ).toHaveLength(2);
    expect(
      (await server.call('us-analyst', { method: 'GET', url: '/api/v1/reports?linked=true' })).json().items,
    ).toHaveLength(3);
    expect(
      (await server.call('ngo-reporter', { method: 'GET', url: '/api/v1/reports?linked=true' })).json().items,
    ).toEqual([]);
    expect(
      (await server.call('ngo-reporter', { method: 'GET', url: `/api/v1/reports?incident_id=${i.coChairs.id}` })).json()
        .items,
    ).toEqual([]);
    expect(
      (await server.call('us-analyst', { method: 'GET', url: `/api/v1/reports?incident_id=${i.coChairs.id}` })).json()
        .items,
    ).toHaveLength(2);

    // Strangers get nothing at all.
    for (const url of [
      '/api/v1/reports',
      '/api/v1/reports/count',
      `/api/v1/reports/${r.pub.id}`,
      r.pub.attachments[0].url,
      `/api/v1/reports/${r.pub.id}/suggestions`,
      '/api/v1/incidents',
      '/api/v1/incidents/count',
      '/api/v1/incidents/i29-urum-convoy-coi',
      `/api/v1/audit/report/${r.pub.id}`,
    ]) {
      expect((await server.call(null, { method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('writes only what the caller can see, and reads audit history by clearance and role', async () => {
    await server.fresh();
    const coChairs = await fileReport(server, 'ru-analyst', urumReport({ classification: 'co_chairs' }));
    const ngoOrg = await fileReport(server, 'ngo-reporter', urumReport({ classification: 'org' }));
    const pub = await fileReport(server, 'ngo-reporter', urumReport({ classification: 'public' }));
    const incident = await createIncident(server, 'us-analyst', { report_ids: [coChairs.id] });
    const audited = await recordAuditEntries(db());

    // The UN analyst cannot touch what it cannot see: the incident is not found, the report unknown.
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'PATCH',
          url: `/api/v1/incidents/${incident.id}`,
          payload: { status: 'verified' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'POST',
          url: `/api/v1/incidents/${incident.id}/reports`,
          payload: { report_id: pub.id },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await server.call('un-ose-analyst', {
          method: 'POST',
          url: '/api/v1/incidents',
          payload: { report_ids: [coChairs.id] },
        })
      ).json(),
    ).toMatchObject({ code: 'VALIDATION', path: 'report_ids[0]' });
    expect(
      (
        await server.call('us-analyst', {
          method: 'POST',
          url: '/api/v1/incidents',
          payload: { report_ids: [ngoOrg.id] },
        })
      ).json(),
    ).toMatchObject({ code: 'VALIDATION', path: 'report_ids[0]' });
    expect(
      (
        await server.call('un-ose-reporter', {
          method: 'POST',
          url: '/api/v1/reports',
          payload: urumReport({ incident_id: incident.id }),
        })
      ).json(),
    ).toMatchObject({ code: 'VALIDATION', path: 'incident_id' });
    // Nor classify an incident out of its own sight.
    const hide = await server.call('ru-analyst', {
      method: 'PATCH',
      url: `/api/v1/incidents/${incident.id}`,
      payload: { classification: 'org' },
    });
    expect(hide.json()).toMatchObject({ code: 'VALIDATION', path: 'classification' });
    expect(await recordAuditEntries(db())).toBe(audited);
    const mine = await server.call('us-analyst', {
      method: 'PATCH',
      url: `/api/v1/incidents/${incident.id}`,
      payload: { classification: 'org' },
    });
    expect(mine.json()).toMatchObject({ classification: 'org', owner_org: 'us' });
    expect(
      (await server.call('ru-analyst', { method: 'GET', url: `/api/v1/incidents/${incident.id}` })).statusCode,
    ).toBe(404);
    await server.call('us-analyst', {
      method: 'PATCH',
      url: `/api/v1/incidents/${incident.id}`,
      payload: { classification: 'co_chairs' },
    });

    const audit = (user: string, entity: string, id: string) =>
      server.call(user, { method: 'GET', url: `/api/v1/audit/${entity}/${id}` });
    // Analysts read the history of what they may see; others not.
    expect(
      (await audit('us-analyst', 'report', coChairs.id)).json().items.map((e: { action: string }) => e.action),
    ).toEqual(['create', 'link']);
    // The entries that touch the incident while it was for the US only (to it and back) are the US's alone.
    expect(
      (await audit('us-analyst', 'incident', incident.id)).json().items.map((e: { action: string }) => e.action),
    ).toEqual(['create', 'update', 'update']);
    expect(
      (await audit('ru-analyst', 'incident', incident.id))
        .json()
        .items.map((e: { classification: string }) => e.classification),
    ).toEqual(['co_chairs']);
    expect((await audit('un-ose-analyst', 'report', coChairs.id)).statusCode).toBe(404);
    expect((await audit('ngo-admin', 'incident', incident.id)).statusCode).toBe(404);
    expect((await audit('us-analyst', 'report', ngoOrg.id)).statusCode).toBe(404);
    // Other roles read the history of their own organization's records only.
    expect((await audit('ngo-reporter', 'report', ngoOrg.id)).json().items).toHaveLength(1);
    expect((await audit('us-reporter', 'report', pub.id)).statusCode).toBe(403);
    expect((await audit('ngo-humanitarian', 'report', pub.id)).statusCode).toBe(200);
    // Accounts: an admin of the organization only.
    const user = (await server.call('ngo-reporter', { method: 'GET', url: '/api/v1/auth/me' })).json().user_id;
    expect((await audit('ngo-admin', 'user', user)).statusCode).toBe(200);
    expect((await audit('us-admin', 'user', user)).statusCode).toBe(404);
    expect((await audit('ngo-analyst', 'user', user)).statusCode).toBe(403);
    expect((await audit('us-analyst', 'report', 'no-such-report')).statusCode).toBe(404);
    expect((await audit('us-analyst', 'Report', pub.id)).statusCode).toBe(400);
  });
});
