/**
 * The analysts' desk over HTTP: the inbox (reports in no incident, not set aside), triage
 * (discard with a reason, mark a duplicate, put back), and a report's source and evaluation on
 * the NATO/Admiralty scale. Each is audited, each honours the reader's clearance.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, fileReport, startWorld, urumReport } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

const INBOX = '/api/v1/reports?linked=false&triage=none';

describeEachDatabase('the analysts desk over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });

  const ids = async (user: string, url: string): Promise<string[]> => {
    const res = await server.call(user, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: string }[] }>().items.map((r) => r.id);
  };
  const triage = (user: string, id: string, payload: Record<string, unknown>) =>
    server.call(user, { method: 'PUT', url: `/api/v1/reports/${id}/triage`, payload });

  it('keeps the inbox: reports in no incident and not set aside, newest first, filtered', async () => {
    await server.fresh();
    const first = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ narrative: 'first', source: 'Field office Idlib' }),
    );
    const second = await fileReport(
      server,
      'us-analyst',
      urumReport({ narrative: 'second', act: 'shelling', location: { lon: 36.29, lat: 33.51 }, channel: 'hotline' }),
    );
    const linked = await fileReport(server, 'ngo-reporter', urumReport({ narrative: 'linked' }));
    await createIncident(server, 'ngo-analyst', { report_ids: [linked.id] });

    const inbox = await ids('ngo-analyst', `${INBOX}&sort=-received_at`);
    expect(inbox.indexOf(second.id)).toBeLessThan(inbox.indexOf(first.id));
    expect(inbox).not.toContain(linked.id);
    // By act, channel, organization, area (Damascus governorate, SY01) and source text.
    expect(await ids('ngo-analyst', `${INBOX}&act=shelling`)).toEqual([second.id]);
    expect(await ids('ngo-analyst', `${INBOX}&channel=hotline`)).toEqual([second.id]);
    expect(await ids('ngo-analyst', `${INBOX}&org=ngo`)).toEqual([first.id]);
    expect(await ids('ngo-analyst', `${INBOX}&admin=SY01`)).toEqual([second.id]);
    expect(await ids('ngo-analyst', `${INBOX}&q=field%20office`)).toEqual([first.id]);
    const bad = await server.call('ngo-analyst', { method: 'GET', url: `${INBOX}&reliability=A,G` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().path).toBe('querystring.reliability');
  });

  it('discards a report with its reason and puts it back, each audited; a reason is required', async () => {
    await server.fresh();
    const r = await fileReport(server, 'ngo-reporter', urumReport());
    const noReason = await triage('ngo-analyst', r.id, { state: 'discarded' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION', path: 'reason' });

    const discarded = await triage('ngo-analyst', r.id, {
      state: 'discarded',
      reason: 'A test message from the field office',
    });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json().triage).toMatchObject({
      state: 'discarded',
      reason: 'A test message from the field office',
    });
    expect(await ids('ngo-analyst', INBOX)).not.toContain(r.id);
    expect(await ids('ngo-analyst', '/api/v1/reports?triage=discarded')).toEqual([r.id]);
    // Kept, not deleted: the reporter still reads it, set aside.
    const read = await server.call('ngo-reporter', { method: 'GET', url: `/api/v1/reports/${r.id}` });
    expect(read.json().triage.state).toBe('discarded');

    const back = await triage('ngo-analyst', r.id, { state: 'inbox' });
    expect(back.json().triage).toBeNull();
    expect(await ids('ngo-analyst', INBOX)).toContain(r.id);
    const history = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/report/${r.id}` });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['create', 'discard', 'restore']);
  });

  it('marks a duplicate of a report the analyst may see, never of itself, of a duplicate or of a hidden one', async () => {
    await server.fresh();
    const original = await fileReport(server, 'ngo-reporter', urumReport());
    const copy = await fileReport(server, 'ngo-reporter', urumReport());
    const third = await fileReport(server, 'ngo-reporter', urumReport());
    // us's own report, classified for us alone: hidden from ngo.
    const hidden = await fileReport(server, 'us-reporter', urumReport({ classification: 'org' }));

    expect((await triage('ngo-analyst', copy.id, { state: 'duplicate', duplicate_of: copy.id })).json()).toMatchObject({
      path: 'duplicate_of',
    });
    const unknown = await triage('ngo-analyst', copy.id, { state: 'duplicate', duplicate_of: hidden.id });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe(`unknown report "${hidden.id}"`);

    const marked = await triage('ngo-analyst', copy.id, { state: 'duplicate', duplicate_of: original.id });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().triage).toMatchObject({ state: 'duplicate', duplicate_of: original.id });
    const chained = await triage('ngo-analyst', third.id, { state: 'duplicate', duplicate_of: copy.id });
    expect(chained.json()).toMatchObject({ code: 'VALIDATION', path: 'duplicate_of' });
    expect(await ids('ngo-analyst', '/api/v1/reports?triage=duplicate')).toEqual([copy.id]);

    // us marks its hidden report a duplicate of ngo's public one: ngo sees the original, not the entry naming the hidden copy.
    expect((await triage('us-analyst', hidden.id, { state: 'duplicate', duplicate_of: original.id })).statusCode).toBe(
      200,
    );
    const trail = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/report/${original.id}` });
    expect(JSON.stringify(trail.json())).not.toContain(hidden.id);
  });

  it('refuses to set aside a report that is an account of an incident, and lets only analysts triage', async () => {
    await server.fresh();
    const r = await fileReport(server, 'ngo-reporter', urumReport());
    await createIncident(server, 'ngo-analyst', { report_ids: [r.id] });
    const linked = await triage('ngo-analyst', r.id, { state: 'discarded', reason: 'noise' });
    expect(linked.statusCode).toBe(409);
    expect(linked.json().statement.code).toBe('error.report_in_incident');
    const other = await fileReport(server, 'ngo-reporter', urumReport());
    const reporter = await triage('ngo-reporter', other.id, { state: 'discarded', reason: 'noise' });
    expect(reporter.statusCode).toBe(403);
    // Another organization's analyst cannot reach a report it may not see.
    const own = await fileReport(server, 'ngo-reporter', urumReport({ classification: 'org' }));
    expect((await triage('ru-analyst', own.id, { state: 'discarded', reason: 'noise' })).statusCode).toBe(404);
  });

  it('splits a report out of an incident into a new one of its own, judged at once, each trail kept', async () => {
    await server.fresh();
    const a = await fileReport(server, 'ngo-reporter', urumReport());
    const b = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ act: 'shelling', location: { lon: 36.2, lat: 33.5 } }),
    );
    const incident = await createIncident(server, 'ngo-analyst', { report_ids: [a.id, b.id] });
    const split = await server.call('ngo-analyst', {
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/reports/${b.id}/split`,
    });
    expect(split.statusCode, split.body).toBe(201);
    const created = split.json();
    expect(created).toMatchObject({ act: 'shelling', accounts: [expect.objectContaining({ id: b.id })] });
    expect(created.findings.length).toBeGreaterThan(0);
    const left = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/incidents/${incident.id}` });
    expect(left.json().accounts.map((r: { id: string }) => r.id)).toEqual([a.id]);
    const trail = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/report/${b.id}` });
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['create', 'link', 'unlink', 'link']);
    // Not an account of that incident (any more): not found.
    const again = await server.call('ngo-analyst', {
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/reports/${b.id}/split`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('merges two incidents that are one event: the accounts move, the other is removed, its trail kept', async () => {
    await server.fresh();
    const a = await fileReport(server, 'ngo-reporter', urumReport());
    const b = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ narrative: 'The same strike, seen from the road' }),
    );
    const kept = await createIncident(server, 'ngo-analyst', { report_ids: [a.id], classification: 'public' });
    const gone = await createIncident(server, 'ngo-analyst', { report_ids: [b.id], classification: 'public' });
    const merge = (user: string, into: string, from: string) =>
      server.call(user, { method: 'POST', url: `/api/v1/incidents/${into}/merge`, payload: { from } });
    const merged = await merge('ngo-analyst', kept.id, gone.id);
    expect(merged.statusCode, merged.body).toBe(200);
    expect(
      merged
        .json()
        .accounts.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect((await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/incidents/${gone.id}` })).statusCode).toBe(
      404,
    );
    const trail = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/incident/${kept.id}` });
    expect(trail.json().items.find((e: { action: string }) => e.action === 'absorb').after).toEqual({
      merged: gone.id,
    });
    const moved = await server.call('ngo-analyst', { method: 'GET', url: `/api/v1/audit/report/${b.id}` });
    expect(moved.json().items.at(-1)).toMatchObject({
      action: 'link',
      before: { incident_id: gone.id },
      after: { incident_id: kept.id },
    });
    expect((await merge('ngo-analyst', kept.id, kept.id)).json()).toMatchObject({ path: 'from' });
    expect((await merge('ngo-analyst', kept.id, gone.id)).json()).toMatchObject({ path: 'from' });
    // A more restricted incident is not merged into a more open one: its readers would learn of it.
    const secret = await createIncident(server, 'ngo-analyst', {
      occurred_at: '2016-09-19T16:30:00Z',
      location: { lon: 36.93, lat: 36.15 },
      act: 'air_strike',
      classification: 'org',
    });
    expect((await merge('ngo-analyst', kept.id, secret.id)).json()).toMatchObject({ code: 'VALIDATION', path: 'from' });
    expect((await merge('ngo-analyst', secret.id, kept.id)).statusCode).toBe(200);
  });

  it("keeps a report's source and its NATO/Admiralty evaluation, filterable, audited, cleared with null", async () => {
    await server.fresh();
    const r = await fileReport(server, 'ngo-reporter', urumReport({ source: '  SARC volunteer, Urum al-Kubra ' }));
    expect(r.source).toBe('SARC volunteer, Urum al-Kubra');
    expect(r.evaluation).toBeNull();
    const other = await fileReport(server, 'ngo-reporter', urumReport());
    const put = (payload: Record<string, unknown>) =>
      server.call('us-analyst', { method: 'PUT', url: `/api/v1/reports/${r.id}/evaluation`, payload });

    expect((await put({ source: r.source, reliability: 'G' })).json().path).toBe('reliability');
    expect((await put({ source: r.source, credibility: 7 })).json().path).toBe('credibility');
    const graded = await put({ source: r.source, reliability: 'B', credibility: 2 });
    expect(graded.statusCode, graded.body).toBe(200);
    expect(graded.json().evaluation).toMatchObject({ reliability: 'B', credibility: 2 });
    expect(await ids('us-analyst', '/api/v1/reports?reliability=A,B')).toEqual([r.id]);
    expect(await ids('us-analyst', '/api/v1/reports?credibility=1,2&reliability=B')).toEqual([r.id]);
    expect(await ids('us-analyst', '/api/v1/reports?credibility=3')).toEqual([]);
    expect(await ids('us-analyst', '/api/v1/reports?reliability=A')).not.toContain(other.id);

    const cleared = await put({ source: null, reliability: null, credibility: null });
    expect(cleared.json()).toMatchObject({ source: null, evaluation: null });
    const history = await server.call('us-analyst', { method: 'GET', url: `/api/v1/audit/report/${r.id}` });
    expect(history.json().items.filter((e: { action: string }) => e.action === 'evaluate')).toEqual([
      expect.objectContaining({
        before: { source: 'SARC volunteer, Urum al-Kubra', reliability: null, credibility: null },
        after: { source: 'SARC volunteer, Urum al-Kubra', reliability: 'B', credibility: 2 },
      }),
      expect.objectContaining({ after: { source: null, reliability: null, credibility: null } }),
    ]);
  });
});
