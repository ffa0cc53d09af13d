import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, fileReport, urumReport } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { startWorldServer } from '../../../test/world.ts';

const HOUR = 3_600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();
/** Metres in a degree of latitude on the spec's sphere. */
const DEGREE_M = (6_371_008.8 * Math.PI) / 180;
/** A place far from every site, notice and convoy of the demo bundle, and a place `m` metres north of it. */
const SPOT = { lon: 38.5, lat: 35.0 };
const north = (m: number) => ({ lon: SPOT.lon, lat: SPOT.lat + m / DEGREE_M });
const point = (p: { lon: number; lat: number }) => ({ type: 'Point', coordinates: [p.lon, p.lat] });

describeEachDatabase('an incident’s notified sites struck, and its post-incident review', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const get = (user: string, url: string) => server.call(user, { method: 'GET', url: `/api/v1${url}` });
  const must = async (user: string, url: string, payload: unknown, method: 'POST' | 'PATCH' = 'POST') => {
    const res = await server.call(user, { method, url: `/api/v1${url}`, payload: payload as Record<string, unknown> });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  /** A public incident an hour ago at a place, made by the UN's analyst. */
  const incidentAt = async (place: { lon: number; lat: number }, over: Record<string, unknown> = {}) =>
    (
      await createIncident(server, 'un-ose-analyst', {
        occurred_at: iso(-1),
        location: place,
        act: 'air_strike',
        perpetrator: 'sy-gov',
        target: { civilian: 'hospital' },
        classification: 'public',
        ...over,
      })
    ).id as string;
  /** A site notified by the NGO to the recipients, valid from a day ago for a week, around SPOT. */
  const notifySite = async (recipients: string[], over: Record<string, unknown> = {}) =>
    (await must('ngo-humanitarian', '/notifications', {
      subject: 'site',
      site_kind: 'hospital',
      name: `Field hospital for ${recipients.join(' and ')}`,
      geometry: point(SPOT),
      buffer_m: 300,
      valid: { from: iso(-24), to: iso(24 * 7) },
      acknowledge_by: iso(12),
      recipients,
      ...over,
    })) as { id: string; name: string };

  it('flags the strike on al-Quds hospital: the notified site, its parties, and the operation notice that covered it', async () => {
    const res = await get('ngo-observer', '/incidents/i04-al-quds-hospital/struck-sites');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      struck: true,
      sites: [
        {
          source: 'protected_site',
          id: 's-quds-hospital',
          name: null,
          kind: 'hospital',
          owner: 'msf',
          owner_org: null,
          distance_m: 0,
          buffer_m: 300,
          valid: { from: '2015-12-31T22:00:00Z', to: null },
          notified_to: ['ru', 'us'],
          perpetrator_notified: null,
          notified_at: null,
          withdrawn_at: null,
          recipients: [],
        },
      ],
      operations: [
        {
          id: 'o-sy-sukkari-0427',
          actor: 'sy-gov',
          kind: 'air_strike',
          window: { from: '2016-04-27T15:00:00Z', to: '2016-04-27T23:00:00Z' },
          radius_m: 100,
          by_perpetrator: null,
        },
      ],
    });

    // Urum al-Kubra at 19:30: the warehouse, not the convoy's notified route (valid until 18:00); the perpetrator
    // was not among those notified; the Russian notice of that evening stopped 1 km short.
    const urum = (await get('ngo-observer', '/incidents/i29-urum-convoy-coi/struck-sites')).json();
    expect(urum.struck).toBe(true);
    expect(urum.sites.map((s: { id: string }) => s.id)).toEqual(['s-urum-warehouse']);
    expect(urum.sites[0]).toMatchObject({ notified_to: ['ru', 'us'], perpetrator_notified: false });
    expect(urum.operations).toEqual([]);

    // Flag absent: the Russian strikes west of Aleppo came near no notified site.
    expect((await get('ngo-observer', '/incidents/i24-sept-russian-strikes/struck-sites')).json()).toEqual({
      struck: false,
      sites: [],
      operations: [],
    });
    expect((await get('ngo-observer', '/incidents/nothing/struck-sites')).statusCode).toBe(404);
  });

  it('names who was notified of a site and when each acknowledged, to those who see the notification only', async () => {
    const n = await notifySite(['ru']);
    await must('ru-analyst', `/notifications/${n.id}/acknowledge`, undefined);
    const inside = await incidentAt(north(200));
    const outside = await incidentAt(north(400));

    const ru = (await get('ru-analyst', `/incidents/${inside}/struck-sites`)).json();
    expect(ru.struck).toBe(true);
    expect(ru.sites).toHaveLength(1);
    expect(ru.sites[0]).toMatchObject({
      source: 'notification',
      id: n.id,
      name: n.name,
      kind: 'hospital',
      owner_org: 'ngo',
      distance_m: 200,
      buffer_m: 300,
      withdrawn_at: null,
      recipients: [{ org: 'ru' }],
    });
    expect(Date.parse(ru.sites[0].notified_at)).toBeLessThan(Date.parse(ru.sites[0].recipients[0].acknowledged_at));
    // The owner and the secretariat see the same; the other co-chair, not party to it, sees nothing of it.
    for (const user of ['ngo-analyst', 'un-ose-observer'])
      expect(
        (await get(user, `/incidents/${inside}/struck-sites`)).json().sites.map((s: { id: string }) => s.id),
      ).toEqual([n.id]);
    const us = await get('us-analyst', `/incidents/${inside}/struck-sites`);
    expect(us.json()).toEqual({ struck: false, sites: [], operations: [] });
    expect(us.body).not.toContain(n.id);
    // Beyond the buffer: no flag.
    expect((await get('ru-analyst', `/incidents/${outside}/struck-sites`)).json().struck).toBe(false);
    // Withdrawn after the incident, it was in force when struck: still flagged, with its withdrawal.
    await must('ngo-humanitarian', `/notifications/${n.id}/withdraw`, undefined);
    const withdrawn = (await get('ru-analyst', `/incidents/${inside}/struck-sites`)).json();
    expect(withdrawn.struck).toBe(true);
    expect(withdrawn.sites[0].withdrawn_at).not.toBeNull();
  });

  it('shows a classified site and operation notice only to those cleared for them, and nothing of them to the others', async () => {
    const site = await must('us-analyst', '/protected-sites', {
      kind: 'troops',
      owner: 'us',
      classification: 'co_chairs',
      buffer_m: 1000,
      geometry: point(SPOT),
      valid: { from: iso(-48), to: null },
      notified_to: ['ru'],
    });
    const op = await must('us-analyst', '/operations', {
      actor: 'us',
      kind: 'air_strike',
      classification: 'co_chairs',
      area: point(north(300)),
      radius_m: 500,
      window: { from: iso(-3), to: iso(1) },
    });
    const opId = op.operation?.id ?? op.id;
    const incident = await incidentAt(north(100));

    const ru = (await get('ru-analyst', `/incidents/${incident}/struck-sites`)).json();
    expect(ru.struck).toBe(true);
    expect(ru.sites.map((s: { id: string }) => s.id)).toEqual([site.id]);
    expect(ru.sites[0]).toMatchObject({ notified_to: ['ru'], perpetrator_notified: false, distance_m: 100 });
    expect(ru.operations).toMatchObject([{ id: opId, actor: 'us', by_perpetrator: false }]);

    for (const user of ['ngo-analyst', 'un-ose-analyst']) {
      const res = await get(user, `/incidents/${incident}/struck-sites`);
      expect(res.json(), user).toEqual({ struck: false, sites: [], operations: [] });
      const review = await get(user, `/incidents/${incident}/review`);
      expect(review.json().entries.map((e: { kind: string }) => e.kind)).toEqual(['incident']);
      for (const body of [res.body, review.body]) {
        expect(body).not.toContain(site.id);
        expect(body).not.toContain(opId);
      }
    }
    const review = (await get('ru-analyst', `/incidents/${incident}/review`)).json();
    expect(review.entries.find((e: { kind: string }) => e.kind === 'site')).toMatchObject({
      record: { type: 'protected_site', id: site.id },
      actor: 'us',
      to_actors: ['ru'],
      struck: true,
    });
    expect(review.entries.find((e: { kind: string }) => e.kind === 'operation')).toMatchObject({
      record: { type: 'operation', id: opId },
      group: 'declared',
      covered: true,
    });
  });

  it('lays out what was notified, declared, said on the hotline and reported, in time order, as each reader may see it', async () => {
    const incident = await incidentAt(SPOT);
    const n = await notifySite(['ru']);
    await must('ru-analyst', `/notifications/${n.id}/acknowledge`, undefined);
    // Threads: ru to us linked to the incident; us to ru opened 5 km away; the NGO to us 30 km away (not near).
    const linked = await must('ru-analyst', '/hotline', {
      subject: 'Strike at the hospital',
      message: 'Aircraft striking near the notified hospital.',
      priority: 'urgent',
      recipients: ['us'],
      links: [`incident:${incident}`],
    });
    await must('us-analyst', `/hotline/${linked.id}/messages`, { body: 'Not ours. Checking with the coalition.' });
    const nearby = await must('us-analyst', '/hotline', {
      subject: 'Smoke east of the town',
      message: 'Smoke seen; anyone operating?',
      priority: 'high',
      recipients: ['ru'],
      location: north(5_000),
    });
    const far = await must('ngo-humanitarian', '/hotline', {
      subject: 'Far away',
      message: 'Elsewhere.',
      priority: 'routine',
      recipients: ['us'],
      location: north(30_000),
    });
    // Reports: an account linked to the incident, one 3 km away, one 40 km away.
    const account = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ claimed_at: iso(-1), location: north(100), narrative: 'Hospital hit.' }),
    );
    await must('un-ose-analyst', `/incidents/${incident}/reports`, { report_id: account.id });
    const near = await fileReport(server, 'ngo-reporter', urumReport({ claimed_at: iso(-2), location: north(3_000) }));
    const distant = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ claimed_at: iso(-2), location: north(40_000) }),
    );
    // A public operation notice 15 km away: in the review only when widened to 20 km.
    const op = await must('us-analyst', '/operations', {
      actor: 'ru',
      kind: 'air_strike',
      classification: 'public',
      area: point(north(15_000)),
      radius_m: 200,
      window: { from: iso(-5), to: iso(-4) },
    });
    const opId = op.operation?.id ?? op.id;

    const review = async (user: string, query = '') => {
      const res = await get(user, `/incidents/${incident}/review${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return { body: res.body, ...res.json() };
    };
    const ids = (r: { entries: { kind: string; record: { id: string } }[] }) =>
      r.entries.map((e) => `${e.kind}:${e.record.id}`);

    const ru = await review('ru-analyst');
    expect(ru.around).toMatchObject({ hours: 48, km: 10 });
    expect(ru.timezone).toBe('Asia/Damascus');
    const times = ru.entries.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(ids(ru))).toEqual(
      new Set([
        `incident:${incident}`,
        `notification:${n.id}`,
        `acknowledgement:${n.id}`,
        `hotline:${linked.id}`,
        `hotline:${nearby.id}`,
        `report:${account.id}`,
        `report:${near.id}`,
      ]),
    );
    expect(ru.entries.find((e: { kind: string }) => e.kind === 'notification')).toMatchObject({
      group: 'notified',
      org: 'ngo',
      to_orgs: ['ru'],
      name: n.name,
      struck: true,
    });
    expect(ru.entries.find((e: { kind: string }) => e.kind === 'acknowledgement')).toMatchObject({ org: 'ru' });
    const said = ru.entries.filter((e: { record: { id: string } }) => e.record.id === linked.id);
    expect(said.map((e: { step: string; org: string }) => [e.step, e.org])).toEqual([
      ['opened', 'ru'],
      ['message', 'us'],
    ]);
    expect(said[0]).toMatchObject({
      linked: true,
      to_orgs: ['us'],
      body: 'Aircraft striking near the notified hospital.',
    });
    expect(ru.entries.find((e: { record: { id: string } }) => e.record.id === nearby.id)).toMatchObject({
      linked: false,
      distance_m: 5000,
    });
    expect(ru.entries.find((e: { record: { id: string } }) => e.record.id === account.id)).toMatchObject({
      group: 'reported',
      linked: true,
      org: 'ngo',
    });
    expect(ru.more).toBe(false);

    // us: party to both threads, not to the notification; nothing of it, not its name.
    const us = await review('us-analyst');
    expect(ids(us)).not.toContain(`notification:${n.id}`);
    expect(us.entries.some((e: { group: string }) => e.group === 'notified')).toBe(false);
    expect(us.body).not.toContain(n.id);
    expect(us.body).not.toContain(n.name);
    expect(ids(us)).toContain(`hotline:${linked.id}`);
    // The NGO: its notification, no thread it is not party to.
    const ngo = await review('ngo-analyst');
    expect(ids(ngo)).toContain(`notification:${n.id}`);
    expect(ngo.entries.some((e: { kind: string }) => e.kind === 'hotline')).toBe(false);
    expect(ngo.body).not.toContain(linked.id);
    // The far thread and the distant report are never near; the secretariat sees every thread but not those.
    const un = await review('un-ose-analyst');
    expect(ids(un)).toContain(`hotline:${nearby.id}`);
    expect(un.body).not.toContain(far.id);
    expect(un.body).not.toContain(distant.id);
    expect(ids(un)).not.toContain(`operation:${opId}`);

    // Widened to 20 km the operation notice comes in, declared, not covering the place.
    const wide = await review('un-ose-analyst', '?km=20&hours=72');
    expect(wide.around).toMatchObject({ hours: 72, km: 20 });
    expect(wide.entries.find((e: { kind: string }) => e.kind === 'operation')).toMatchObject({
      record: { type: 'operation', id: opId },
      actor: 'ru',
      covered: false,
    });
    expect(ids(wide)).not.toContain(`report:${distant.id}`);

    // Bad input names the field; a hidden incident is missing on both paths.
    const bad = await get('un-ose-analyst', `/incidents/${incident}/review?km=0&hours=1000`);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['querystring.hours', 'querystring.km']);
    const secret = await incidentAt(SPOT, { classification: 'org' });
    for (const path of ['review', 'struck-sites']) {
      expect((await get('ngo-analyst', `/incidents/${secret}/${path}`)).statusCode).toBe(404);
      expect((await get('un-ose-analyst', `/incidents/${secret}/${path}`)).statusCode).toBe(200);
    }
  });
});
