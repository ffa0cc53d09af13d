/**
 * The audit trail across records over HTTP (GET /audit): newest first, a page at a time, by user,
 * organization, kind of record and time; each entry named for people; and exactly the entries each
 * record's own history shows the reader: an entry about a record the reader may not see (hidden
 * from the start, made secret later, or named by a link) is not listed, and no "more" says it exists.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, fileReport, startWorld, urumReport } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

interface Entry {
  seq: number;
  at: string;
  action: string;
  entity: string;
  entity_id: string;
  owner_org: string | null;
  by: { username: string; display_name: string; org_name: string } | null;
  record: { name: string | null; act: string | null; where: unknown; location: unknown } | null;
}
interface TrailPage {
  items: Entry[];
  next_cursor: string | null;
}

const incidentBody = (headline: string, classification = 'public') => ({
  occurred_at: '2016-09-19T19:15:00+03:00',
  location: { lon: 36.931, lat: 36.155 },
  act: 'air_strike',
  perpetrator: 'sy-gov',
  headline,
  classification,
});

describeEachDatabase('the audit trail over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const trail = async (user: string, query: string): Promise<TrailPage> => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/audit?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TrailPage>();
  };

  it('lists changes newest first, a page at a time, by user, organization, kind and time, named for people', async () => {
    await server.fresh();
    const report = await fileReport(server, 'us-analyst', urumReport({ narrative: 'trail report' }));
    const theirs = await fileReport(server, 'ngo-reporter', urumReport({ narrative: 'their report' }));
    const incident = await createIncident(server, 'us-analyst', incidentBody('Strike on the trail convoy'));

    const mine = await trail('us-analyst', 'user=us-analyst');
    // Signing in is an account's entry: not for an analyst.
    expect(mine.items.map((e) => [e.action, e.entity, e.entity_id])).toEqual([
      ['create', 'incident', incident.id],
      ['create', 'report', report.id],
    ]);
    expect(mine.next_cursor).toBeNull();
    expect(mine.items[0]!.by).toMatchObject({ username: 'us-analyst', org_name: 'United States (co-chair)' });
    expect(mine.items[0]!.record).toMatchObject({ name: 'Strike on the trail convoy', act: 'air_strike' });
    expect(mine.items[1]!.record).toMatchObject({ name: null, act: 'air_strike' });
    expect(mine.items[1]!.record?.where).toBeTruthy();

    // A page at a time: the cursor leads on, and the last page says there is no more.
    const first = await trail('us-analyst', 'user=us-analyst&limit=1');
    expect(first.items.map((e) => e.entity_id)).toEqual([incident.id]);
    expect(first.next_cursor).not.toBeNull();
    const second = await trail('us-analyst', `user=us-analyst&limit=1&cursor=${first.next_cursor}`);
    expect(second.items.map((e) => e.entity_id)).toEqual([report.id]);
    expect(second.next_cursor).toBeNull();

    expect((await trail('us-analyst', 'org=ngo')).items.map((e) => e.entity_id)).toEqual([theirs.id]);
    expect((await trail('us-analyst', 'user=us-analyst&entity=report')).items.map((e) => e.entity_id)).toEqual([
      report.id,
    ]);
    const at = encodeURIComponent(mine.items[0]!.at);
    expect((await trail('us-analyst', `user=us-analyst&from=${at}`)).items.map((e) => e.entity_id)).toEqual([
      incident.id,
    ]);
    expect((await trail('us-analyst', `user=us-analyst&to=${at}`)).items.map((e) => e.entity_id)).toEqual([report.id]);
    // The bundle loaded at start-up is the system's: no one made it.
    const system = await trail('us-analyst', 'entity=zone&limit=1');
    expect(system.items[0]?.by).toBeNull();

    // An unknown username lists nothing, as a user whose changes you may not see.
    expect(await trail('us-analyst', 'user=nobody-at-all')).toEqual({ items: [], next_cursor: null });
    // Roles that do not read the trail are refused before anything is looked up; strangers first of all.
    expect((await server.call('us-reporter', { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    const forged = await server.call('us-analyst', { method: 'GET', url: '/api/v1/audit?cursor=WzEsMl0' });
    expect(forged.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.cursor' });
  });

  it('never lists, nor hints at, an entry about a record the reader may not see: exactly what each history shows', async () => {
    await server.fresh();
    // Oldest first: an incident of the US's own; a public one made the US's own later; an NGO account linked to the first.
    const secret = await createIncident(server, 'us-analyst', incidentBody('US eyes only', 'org'));
    const later = await createIncident(server, 'us-analyst', incidentBody('Public, then not'));
    const patched = await server.call('us-analyst', {
      method: 'PATCH',
      url: `/api/v1/incidents/${later.id}`,
      payload: { classification: 'org' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const account = await fileReport(server, 'ngo-reporter', urumReport({ narrative: 'an NGO account' }));
    const linked = await server.call('us-analyst', {
      method: 'POST',
      url: `/api/v1/incidents/${secret.id}/reports`,
      payload: { report_id: account.id },
    });
    expect(linked.statusCode, linked.body).toBeLessThan(300);
    const open = await fileReport(server, 'us-analyst', urumReport({ narrative: 'a public US report' }));

    // The US sees its own: the probe's hidden entries exist.
    const usSees = await trail('us-analyst', 'user=us-analyst&limit=500');
    for (const id of [secret.id, later.id, account.id, open.id])
      expect(usSees.items.some((e) => e.entity_id === id)).toBe(true);

    const ngoSees = await trail('ngo-analyst', 'user=us-analyst&limit=500');
    expect(ngoSees.items.map((e) => [e.action, e.entity_id])).toEqual([['create', open.id]]);
    const body = JSON.stringify(await trail('ngo-analyst', 'limit=500'));
    expect(body).not.toContain(secret.id);
    expect(body).not.toContain(later.id);
    expect(body).not.toContain('US eyes only');
    // The NGO's account is listed as filed, not as linked to an incident the NGO may not see.
    const aboutAccount = (await trail('ngo-analyst', 'entity=report&limit=500')).items.filter(
      (e) => e.entity_id === account.id,
    );
    expect(aboutAccount.map((e) => e.action)).toEqual(['create']);
    // No "more" for hidden entries: the one visible change is the last page.
    const one = await trail('ngo-analyst', 'user=us-analyst&limit=1');
    expect(one.items.map((e) => e.entity_id)).toEqual([open.id]);
    expect(one.next_cursor).toBeNull();
    const after = await trail(
      'ngo-analyst',
      `user=us-analyst&limit=1&cursor=${(await trail('us-analyst', 'user=us-analyst&limit=1')).next_cursor}`,
    );
    expect(after).toEqual({ items: [], next_cursor: null });

    // The same rule as each record's history, entry by entry.
    for (const [entity, id] of [
      ['incident', secret.id],
      ['incident', later.id],
      ['report', account.id],
      ['report', open.id],
    ] as const) {
      const history = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/${entity}/${id}` });
      const shown = history.statusCode === 200 ? history.json<{ items: Entry[] }>().items.map((e) => e.seq) : [];
      const listed = (await trail('ngo-analyst', `entity=${entity}&limit=500`)).items
        .filter((e) => e.entity_id === id)
        .map((e) => e.seq)
        .reverse();
      expect(listed, `${entity} ${id}`).toEqual(shown);
    }
  });

  it('shows an admin the account changes of their own organization only, and no one else', async () => {
    await server.fresh();
    const create = async (user: string, name: string) =>
      (await server.call(user, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name } })).json<{
        id: string;
      }>();
    const ours = await create('ngo-reporter', 'nightly import');
    await create('us-reporter', 'their script');
    const revoked = await server.call('ngo-admin', { method: 'DELETE', url: `/api/v1/auth/tokens/${ours.id}` });
    expect(revoked.statusCode).toBe(204);

    const tokens = await trail('ngo-admin', 'entity=api_token');
    expect(tokens.items.map((e) => [e.action, e.by?.username, e.record?.name])).toEqual([
      ['revoke', 'ngo-admin', 'nightly import'],
      ['create', 'ngo-reporter', 'nightly import'],
    ]);
    const users = await trail('ngo-admin', 'entity=user&limit=500');
    expect(users.items.length).toBeGreaterThan(0);
    expect(users.items.every((e) => e.owner_org === 'ngo')).toBe(true);
    // Signing in, by user: the admin's own organization's.
    expect((await trail('ngo-admin', 'user=ngo-reporter&entity=user')).items[0]?.action).toBe('sign-in');
    expect((await trail('ngo-admin', 'user=us-reporter')).items).toEqual([]);
    // An analyst reads the trail of records, not of accounts.
    expect((await trail('ngo-analyst', 'entity=api_token')).items).toEqual([]);
    expect((await trail('ngo-analyst', 'user=ngo-reporter')).items).toEqual([]);
  });
});
