import { expect, it } from 'vitest';
import type { TruceEvent } from '../../app/events.ts';
import { countOf } from '../../contract/paging.ts';
import * as incidents from '../../store/incident.repository.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import {
  createIncident,
  fileReport,
  recordAuditEntries,
  rows,
  startWorld,
  urumReport,
} from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('incidents over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const get = async (user: string, url: string) => {
    const res = await server.call(user, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** A record's audit history, less what loading the bundle wrote. */
  const history = async (entity: string, id: string) =>
    (await get('us-analyst', `/api/v1/audit/${entity}/${id}`)).items.filter(
      (e: { user_id: string | null }) => e.user_id !== null,
    );

  it('keeps contradictory accounts side by side in one incident', async () => {
    await server.fresh();
    const a = await fileReport(
      server,
      'us-analyst',
      urumReport({ narrative: 'Syrian helicopters dropped barrel bombs on the convoy' }),
    );
    const b = await fileReport(
      server,
      'ru-analyst',
      urumReport({
        alleged_perpetrator: 'nusra',
        act: 'shelling',
        narrative: 'Militants shelled the convoy from the west',
      }),
    );
    const created = await createIncident(server, 'us-analyst', { report_ids: [a.id, b.id], place: 'Urum al-Kubra' });
    // The facts come from the first account; the second contradicts it on perpetrator and act.
    expect(created).toMatchObject({
      perpetrator: 'sy-gov',
      act: 'air_strike',
      target: { civilian: 'convoy' },
      occurred_at: '2016-09-19T16:15:00Z',
      occurred_until: '2016-09-19T16:45:00Z',
      deaths: { low: 10, best: 14, high: 20 },
      classification: 'public',
      owner_org: 'us',
      status: 'reported',
      grade: null,
      report_count: 2,
      disputed: ['perpetrator', 'act'],
    });
    expect(created.accounts.map((r: { id: string }) => r.id)).toEqual([a.id, b.id]);
    // Where, for people: the nearest town (GeoNames) and the OCHA district and governorate, in English and Arabic.
    expect(created.where).toEqual({
      place: { name_en: 'Al Atarib', name_ar: 'اتارب', distance_m: expect.any(Number) },
      district: { pcode: 'SY0200', name_en: 'Jebel Saman', name_ar: 'جبل سمعان' },
      governorate: { pcode: 'SY02', name_en: 'Aleppo', name_ar: 'حلب' },
    });
    expect(created.where.place.distance_m).toBeGreaterThan(9_000);
    expect(created.accounts[0].where).toEqual(created.where);
    expect(created.accounts.map((r: { alleged_perpetrator: string }) => r.alleged_perpetrator)).toEqual([
      'sy-gov',
      'nusra',
    ]);
    expect(created.findings).toEqual([
      expect.objectContaining({
        agreement: 'coh',
        verdict: 'violation',
        violators: ['sy-gov'],
        rules_version: 'truce-rules/2',
      }),
    ]);
    expect(created.findings[0].explanation.length).toBeGreaterThan(0);
    expect(created.verdicts).toEqual([{ agreement: 'coh', verdict: 'violation' }]);

    // The other co-chair reads both accounts; each report now names its incident.
    const read = await get('ru-analyst', `/api/v1/incidents/${created.id}`);
    expect(read.accounts).toHaveLength(2);
    expect((await get('ru-analyst', `/api/v1/reports/${b.id}`)).incident_id).toBe(created.id);
    // The audit trail: the incident created, each report linked.
    expect(await history('incident', created.id)).toEqual([
      expect.objectContaining({
        action: 'create',
        before: null,
        after: expect.objectContaining({ perpetrator: 'sy-gov', place: 'Urum al-Kubra' }),
      }),
    ]);
    expect((await history('report', b.id)).map((e: { action: string }) => e.action)).toEqual(['create', 'link']);
    expect((await history('report', b.id))[1]).toMatchObject({
      before: { incident_id: null },
      after: { incident_id: created.id },
    });

    // From facts alone: required facts are named; classification defaults to the organization's own.
    const missing = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { act: 'shelling', location: { lon: 37, lat: 36 } },
    });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION', path: 'occurred_at' });
    const own = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-09-20T10:00:00+03:00',
      location: { lon: 37.1, lat: 36.2 },
      act: 'shelling',
    });
    expect(own).toMatchObject({ classification: 'org', owner_org: 'us', accounts: [], perpetrator: null });
    expect(
      (
        await server.call('ngo-humanitarian', {
          method: 'POST',
          url: '/api/v1/incidents',
          payload: { report_ids: [a.id] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await server.call('us-reporter', { method: 'POST', url: '/api/v1/incidents', payload: { report_ids: [a.id] } }))
        .statusCode,
    ).toBe(403);
  });

  it('suggests the incidents a report agrees with, best first, and not far ones', async () => {
    await server.fresh();
    const near = await fileReport(server, 'us-analyst', urumReport());
    const suggestions = (await get('us-analyst', `/api/v1/reports/${near.id}/suggestions`)).items;
    const ids = suggestions.map((s: { incident: { id: string } }) => s.incident.id);
    // The two accounts of the Urum convoy strike in the bundle; the strikes near Aleppo hours apart are not.
    expect(ids.sort()).toEqual(['i28-urum-convoy-boi', 'i29-urum-convoy-coi']);
    expect(suggestions[0]).toMatchObject({ act: 'same', time_gap_s: 0 });
    expect(suggestions[0].score).toBeGreaterThan(0.9);
    expect(suggestions[0].distance_m).toBeLessThan(100);

    const far = await fileReport(server, 'us-analyst', urumReport({ location: { lon: 36.232, lat: 33.458 } }));
    expect((await get('us-analyst', `/api/v1/reports/${far.id}/suggestions`)).items).toEqual([]);
    const otherAct = await fileReport(server, 'us-analyst', urumReport({ act: 'arrest' }));
    expect((await get('us-analyst', `/api/v1/reports/${otherAct.id}/suggestions`)).items).toEqual([]);
    // Linked to one of them, the report is no longer suggested that one.
    const linked = await fileReport(server, 'us-analyst', urumReport({ incident_id: 'i29-urum-convoy-coi' }));
    expect(linked.incident_id).toBe('i29-urum-convoy-coi');
    expect(
      (await get('us-analyst', `/api/v1/reports/${linked.id}/suggestions`)).items.map(
        (s: { incident: { id: string } }) => s.incident.id,
      ),
    ).toEqual(['i28-urum-convoy-boi']);
    expect(
      (await server.call('us-analyst', { method: 'GET', url: '/api/v1/reports/nope/suggestions' })).statusCode,
    ).toBe(404);
  });

  it('judges an incident again when its perpetrator changes, keeping the old finding in history', async () => {
    await server.fresh();
    const events: TruceEvent[] = [];
    // (The audit trail's seals come when they come: not what is tested here.)
    server.ctx.events.subscribe((e) => e.type !== 'audit.appended' && events.push(e));
    const url = '/api/v1/incidents/i28-urum-convoy-boi';
    const before = await get('us-analyst', url);
    expect(before.findings).toEqual([
      expect.objectContaining({ verdict: 'needs_review', reasons: ['PERPETRATOR_UNKNOWN'] }),
    ]);
    expect(before.finding_history).toEqual([]);

    const res = await server.call('us-analyst', {
      method: 'PATCH',
      url,
      payload: { perpetrator: 'ru', status: 'under_review', grade: 'fair' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ perpetrator: 'ru', status: 'under_review', grade: 'fair' });
    expect(after.findings).toEqual([
      expect.objectContaining({
        agreement: 'coh',
        verdict: 'violation',
        violators: ['ru'],
        reasons: ['TARGET_CIVILIAN'],
      }),
    ]);
    expect(after.finding_history).toEqual([
      expect.objectContaining({
        agreement: 'coh',
        verdict: 'needs_review',
        reasons: ['PERPETRATOR_UNKNOWN'],
        superseded_by_verdict: 'violation',
        cause: expect.stringContaining('us-analyst'),
      }),
    ]);
    expect((await get('us-analyst', `${url}/findings/history`)).items).toEqual(after.finding_history);
    expect(events.map((e) => [e.type, e.entity, e.id])).toEqual([
      ['incident.updated', 'incident', 'i28-urum-convoy-boi'],
      ['finding.changed', 'incident', 'i28-urum-convoy-boi'],
    ]);
    expect(await history('incident', 'i28-urum-convoy-boi')).toEqual([
      expect.objectContaining({
        action: 'update',
        user_id: expect.any(String),
        org: 'us',
        before: expect.objectContaining({ perpetrator: null, status: 'reported', grade: null }),
        after: expect.objectContaining({ perpetrator: 'ru', status: 'under_review', grade: 'fair' }),
      }),
    ]);

    // Status alone: no judging, no new history; an unknown actor: nothing changes at all.
    events.length = 0;
    const status = await server.call('us-analyst', { method: 'PATCH', url, payload: { status: 'verified' } });
    expect(status.json().finding_history).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['incident.updated']);
    const audited = await recordAuditEntries(db());
    const unknown = await server.call('us-analyst', {
      method: 'PATCH',
      url,
      payload: { perpetrator: 'martians', status: 'disputed' },
    });
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION', path: 'perpetrator' });
    const badTarget = await server.call('us-analyst', {
      method: 'PATCH',
      url,
      payload: { target: { actor: 'martians' } },
    });
    expect(badTarget.json()).toMatchObject({ code: 'VALIDATION', path: 'target.actor' });
    const badPlace = await server.call('us-analyst', {
      method: 'PATCH',
      url,
      payload: { location: { lon: 37, lat: -91 } },
    });
    expect(badPlace.json()).toMatchObject({ code: 'VALIDATION', path: 'location.lat' });
    expect(await recordAuditEntries(db())).toBe(audited);
    expect(await get('us-analyst', url)).toMatchObject({ perpetrator: 'ru', status: 'verified' });

    expect(
      (await server.call('us-monitor', { method: 'PATCH', url, payload: { status: 'verified' } })).statusCode,
    ).toBe(403);
    expect(
      (
        await server.call('us-analyst', {
          method: 'PATCH',
          url: '/api/v1/incidents/nope',
          payload: { status: 'verified' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await server.call(null, { method: 'PATCH', url, payload: { status: 'verified' } })).statusCode).toBe(401);
  });

  it('links and unlinks reports by hand, with audit entries; a failed write leaves nothing', async () => {
    await server.fresh();
    const r = await fileReport(server, 'ngo-reporter', urumReport({ classification: 'public' }));
    const audited = await recordAuditEntries(db());
    const link = (incident: string, reportId: string, user = 'us-analyst') =>
      server.call(user, {
        method: 'POST',
        url: `/api/v1/incidents/${incident}/reports`,
        payload: { report_id: reportId },
      });

    // Failures: an unknown incident, an unknown report, a reporter's role. Nothing is written.
    expect((await link('no-such-incident', r.id)).statusCode).toBe(404);
    expect((await link('i29-urum-convoy-coi', 'no-such-report')).json()).toMatchObject({
      code: 'VALIDATION',
      path: 'report_id',
    });
    expect((await link('i29-urum-convoy-coi', r.id, 'ngo-reporter')).statusCode).toBe(403);
    const unknownInCreate = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { report_ids: [r.id, 'no-such-report'] },
    });
    expect(unknownInCreate.json()).toMatchObject({ code: 'VALIDATION', path: 'report_ids[1]' });
    expect(await recordAuditEntries(db())).toBe(audited);
    expect(await rows(db(), 'incidents')).toBe(30);
    expect((await get('us-analyst', `/api/v1/reports/${r.id}`)).incident_id).toBeNull();

    const linked = await link('i29-urum-convoy-coi', r.id);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().accounts.map((a: { id: string }) => a.id)).toEqual([r.id]);
    expect((await link('i29-urum-convoy-coi', r.id)).statusCode).toBe(200); // again: nothing to do
    const elsewhere = await link('i28-urum-convoy-boi', r.id);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({ code: 'CONFLICT', path: 'report_id' });
    const taken = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/incidents',
      payload: { report_ids: [r.id] },
    });
    expect(taken.json()).toMatchObject({ code: 'CONFLICT', path: 'report_ids[0]' });

    const unlinked = await server.call('us-analyst', {
      method: 'DELETE',
      url: `/api/v1/incidents/i29-urum-convoy-coi/reports/${r.id}`,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().accounts).toEqual([]);
    expect(
      (
        await server.call('us-analyst', {
          method: 'DELETE',
          url: `/api/v1/incidents/i29-urum-convoy-coi/reports/${r.id}`,
        })
      ).statusCode,
    ).toBe(404);

    expect(
      (await history('report', r.id)).map((e: { action: string; before: unknown; after: unknown }) => [
        e.action,
        e.before,
        e.after,
      ]),
    ).toEqual([
      ['create', null, expect.objectContaining({ incident_id: null })],
      ['link', { incident_id: null }, { incident_id: 'i29-urum-convoy-coi' }],
      ['unlink', { incident_id: 'i29-urum-convoy-coi' }, { incident_id: null }],
    ]);
    expect((await history('incident', 'i29-urum-convoy-coi')).map((e: { action: string }) => e.action)).toEqual([
      'link-report',
      'unlink-report',
    ]);
  });

  it("answers a listing from what it kept for the reader's group only, and never after a write that changes it", async () => {
    await server.fresh();
    const url = '/api/v1/incidents?from=2016-09-19T00:00:00Z&to=2016-09-20T00:00:00Z';
    const ids = async (user: string, at = url) =>
      (await get(user, at)).items.map((i: { id: string }) => i.id).sort() as string[];
    const count = async (user: string) =>
      (await get(user, '/api/v1/incidents/count?from=2016-09-19T00:00:00Z&to=2016-09-20T00:00:00Z')).count as number;
    const before = await ids('ngo-reporter');
    expect(before).toEqual(await ids('us-analyst'));
    const counted = await count('ngo-reporter');
    expect(counted).toBe(before.length);

    // For the co-chairs only: its creator lists it at once; the NGO (another group) does not, then or later.
    const r = await fileReport(server, 'us-analyst', urumReport({ classification: 'co_chairs' }));
    const secret = await createIncident(server, 'us-analyst', { report_ids: [r.id], classification: 'co_chairs' });
    expect(await ids('us-analyst')).toEqual([...before, secret.id].sort());
    expect(await ids('ru-observer')).toEqual([...before, secret.id].sort());
    expect(await ids('ngo-reporter')).toEqual(before);
    expect(await count('ngo-reporter')).toBe(counted);
    // A stranger is refused, whatever is kept for that address.
    expect((await server.call(null, { method: 'GET', url })).statusCode).toBe(401);

    const classify = async (classification: string) => {
      const res = await server.call('us-analyst', {
        method: 'PATCH',
        url: `/api/v1/incidents/${secret.id}`,
        payload: { classification },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await classify('public');
    expect(await ids('ngo-reporter')).toEqual([...before, secret.id].sort());
    expect(await count('ngo-reporter')).toBe(counted + 1);
    // Made secret again: gone from the NGO's next listing, not served from what was kept.
    await classify('co_chairs');
    expect(await ids('ngo-reporter')).toEqual(before);
    expect(await count('ngo-reporter')).toBe(counted);

    // Another process writes (as a second server on PostgreSQL would) and says so on the event bus.
    await db().query(`update incidents set classification = 'public' where id = $1`, [secret.id]);
    server.ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: secret.id, at: Date.now() });
    expect(await ids('ngo-reporter')).toEqual([...before, secret.id].sort());
  });

  it('lists the incidents inside a governorate or a district by its boundary, not its box', async () => {
    await server.fresh();
    // The second lies inside Aleppo governorate's box, but in Idleb.
    await server.ctx.db.query(`insert into incidents (id, occurred_at, lon, lat, act, classification) values
      ('x-aleppo', '2016-05-01T00:00:00Z', 37.16, 36.2, 'shelling', 'public'),
      ('x-idleb-in-aleppo-box', '2016-05-01T00:00:00Z', 36.6, 35.9, 'shelling', 'public')`);
    const ids = async (query: string) =>
      (await get('us-analyst', `/api/v1/incidents?limit=500&${query}`)).items.map(
        (i: { id: string }) => i.id,
      ) as string[];
    const aleppo = await ids('admin=SY02');
    expect(aleppo).toContain('x-aleppo');
    expect(aleppo).not.toContain('x-idleb-in-aleppo-box');
    expect(await ids('admin=SY07')).toContain('x-idleb-in-aleppo-box');
    expect(await ids('admin=SY0200')).toContain('x-aleppo'); // Jebel Saman district
    expect((await get('us-analyst', '/api/v1/incidents/count?admin=SY02')).count).toBe(aleppo.length);
    const unknown = await server.call('us-analyst', { method: 'GET', url: '/api/v1/incidents?admin=SY99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.admin' });
  });

  it('lists incidents by time, place, actor, act, verdict, status and text, a page at a time', async () => {
    await server.fresh();
    const list = async (query: string, user = 'us-analyst') =>
      (await get(user, `/api/v1/incidents?limit=500&${query}`)).items.map((i: { id: string }) => i.id) as string[];
    const all = await list('sort=occurred_at');
    expect(all).toHaveLength(30);
    expect(all.slice(0, 2)).toEqual(['i01-daraya-pre-start', 'i02-daraya-start']);
    expect(all.indexOf('i28-urum-convoy-boi')).toBe(all.indexOf('i29-urum-convoy-coi') - 1); // same time: by id

    const sept = await list(
      `from=${encodeURIComponent('2016-09-12T00:00:00+03:00')}&to=${encodeURIComponent('2016-09-16T02:00:00+03:00')}`,
    );
    expect(sept.sort()).toEqual([
      'i16-sept-d-day-shelling',
      'i17-sept-ramouseh-fire',
      'i18-sept-idlib-air-strike',
      'i19-sept-foah-shelling',
      'i20-sept-castello-access',
      'i21-sept-castello-fire',
      'i22-sept-east-aleppo-night',
    ]);
    expect((await list('bbox=36.9,36.15,36.95,36.16')).sort()).toEqual(['i28-urum-convoy-boi', 'i29-urum-convoy-coi']);
    expect(await list('act=missile')).toEqual(['i30-kilis-rockets']);
    expect(await list('actor=tr')).toEqual(['i13-jarablus-turkey']);
    expect(await list('actor=nsa')).toEqual(['i07-al-tanf-nsa']);
    const violations = await list('verdict=violation');
    expect(violations).toContain('i29-urum-convoy-coi');
    expect(violations).not.toContain('i28-urum-convoy-boi');
    expect(violations).not.toContain('i30-kilis-rockets');
    expect(await list('verdict=not_covered&act=missile')).toEqual(['i30-kilis-rockets']);

    await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/incidents/i04-al-quds-hospital',
      payload: {
        status: 'verified',
        grade: 'confirmed',
        headline: 'Al-Quds hospital destroyed',
        deaths: { low: 50, best: 55, high: 60 },
      },
    });
    await server.call('us-analyst', {
      method: 'PATCH',
      url: '/api/v1/incidents/i08-castello-shelling',
      payload: { status: 'verified', deaths: { low: 3, best: 3, high: 4 } },
    });
    await fileReport(
      server,
      'us-analyst',
      urumReport({ narrative: 'Barrel bombs fell near the Castello road', incident_id: 'i20-sept-castello-access' }),
    );
    expect((await list('status=verified')).sort()).toEqual(['i04-al-quds-hospital', 'i08-castello-shelling']);
    expect(await list('grade=confirmed')).toEqual(['i04-al-quds-hospital']);
    expect(await list('q=hospital')).toEqual(['i04-al-quds-hospital']);
    expect(await list('q=barrel%20BOMBS')).toEqual(['i20-sept-castello-access']);
    expect((await list('sort=-deaths')).slice(0, 2)).toEqual(['i04-al-quds-hospital', 'i08-castello-shelling']);
    expect(await get('us-analyst', '/api/v1/incidents/count?status=verified')).toEqual({ count: 2, more: false });
    expect(await get('us-analyst', '/api/v1/incidents/count')).toEqual({ count: 30, more: false });
    // A count stops at its bound (COUNT_UP_TO for the API), and says there are more.
    expect(await incidents.count(db(), {}, 11)).toBe(11);
    expect(await incidents.count(db(), { status: 'verified' }, 11)).toBe(2);
    expect([countOf(11, 10), countOf(10, 10)]).toEqual([
      { count: 10, more: true },
      { count: 10, more: false },
    ]);

    // Seven at a time, every sort: each incident once, in the order of a single page.
    for (const sort of ['occurred_at', '-occurred_at', 'deaths', '-deaths']) {
      const whole = await list(`sort=${sort}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await get(
          'us-analyst',
          `/api/v1/incidents?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((i: { id: string }) => i.id));
        cursor = page.next_cursor;
        pages++;
      } while (cursor !== null);
      expect(pages).toBe(5);
      expect(seen).toEqual(whole);
    }
    const first = await get('us-analyst', '/api/v1/incidents?sort=deaths&limit=2');
    const mixed = await server.call('us-analyst', {
      method: 'GET',
      url: `/api/v1/incidents?sort=occurred_at&cursor=${first.next_cursor}`,
    });
    expect(mixed.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.cursor' });
    const badVerdict = await server.call('us-analyst', { method: 'GET', url: '/api/v1/incidents?verdict=guilty' });
    expect(badVerdict.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.verdict' });
  });
});
