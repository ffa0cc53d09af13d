import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import {
  attachment,
  fileReport,
  recordAuditEntries,
  rows,
  startWorld,
  urumReport,
} from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('reports over HTTP', (db) => {
  // The database is emptied before each test: server.fresh() seeds the accounts and loads the world again.
  const server = useTestServer(db, { start: startWorld });

  it('files a report with an attachment and gives back its bytes and SHA-256', async () => {
    await server.fresh();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0x00]), randomBytes(5_000)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { classification: _default, ...body } = urumReport({ attachments: [attachment(bytes)] });
    const report = await fileReport(server, 'ngo-reporter', body);
    expect(report).toMatchObject({
      org: 'ngo',
      owner_org: 'ngo',
      channel: 'web',
      classification: 'org',
      claimed_at: '2016-09-19T16:15:00Z',
      time_precision_s: 1_800,
      alleged_perpetrator: 'sy-gov',
      target: { civilian: 'convoy' },
      casualties: { low: 10, best: 14, high: 20 },
      incident_id: null,
    });
    expect(report.attachments).toEqual([
      expect.objectContaining({ filename: 'photo.jpg', media_type: 'image/jpeg', size_bytes: bytes.length, sha256 }),
    ]);

    const download = await server.call('ngo-reporter', { method: 'GET', url: report.attachments[0].url });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers.etag).toBe(`"sha256-${sha256}"`);
    expect(download.headers.digest).toBe(`SHA-256=${Buffer.from(sha256, 'hex').toString('base64')}`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="photo.jpg"/);
    const again = await server.call('ngo-reporter', {
      method: 'GET',
      url: report.attachments[0].url,
      headers: { 'if-none-match': download.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);

    const read = await server.call('ngo-reporter', { method: 'GET', url: `/api/v1/reports/${report.id}` });
    expect(read.json()).toEqual(report);

    // The audit trail holds the filing, with the report as it was filed (the owner organization reads it).
    const history = await server.call('ngo-reporter', { method: 'GET', url: `/api/v1/audit/report/${report.id}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'report',
        entity_id: report.id,
        org: 'ngo',
        classification: 'org',
        owner_org: 'ngo',
        before: null,
        after: expect.objectContaining({
          narrative: report.narrative,
          attachments: [expect.objectContaining({ sha256 })],
        }),
      }),
    ]);
  });

  it('says which channel a report came by: web, api (a token) or hotline (analysts)', async () => {
    await server.fresh();
    const token = (
      await server.call('un-ose-monitor', {
        method: 'POST',
        url: '/api/v1/auth/tokens',
        payload: { name: 'field app' },
      })
    ).json().token;
    const viaToken = await server.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { authorization: `Bearer ${token}` },
      payload: urumReport(),
    });
    expect(viaToken.statusCode).toBe(201);
    expect(viaToken.json()).toMatchObject({ channel: 'api', org: 'un-ose' });
    expect((await fileReport(server, 'us-analyst', urumReport({ channel: 'hotline' }))).channel).toBe('hotline');
    const reporterHotline = await server.call('ngo-reporter', {
      method: 'POST',
      url: '/api/v1/reports',
      payload: urumReport({ channel: 'hotline' }),
    });
    expect(reporterHotline.statusCode).toBe(403);
    const pretend = await server.call('ngo-reporter', {
      method: 'POST',
      url: '/api/v1/reports',
      payload: urumReport({ channel: 'api' }),
    });
    expect(pretend.json()).toMatchObject({ code: 'VALIDATION', path: 'channel' });
  });

  it('names the field at fault, refuses strangers and observers, and writes nothing for a refused report', async () => {
    await server.fresh();
    const before = { reports: await rows(db(), 'reports'), audit: await recordAuditEntries(db()) };
    const refused = async (user: string | null, body: Record<string, unknown>) =>
      server.call(user, { method: 'POST', url: '/api/v1/reports', payload: body });
    const cases: [Record<string, unknown>, string][] = [
      [urumReport({ location: { lon: 36.9, lat: 95 } }), 'location.lat'],
      [urumReport({ location: { lon: 181, lat: 36 } }), 'location.lon'],
      [urumReport({ alleged_perpetrator: 'nobody-knows' }), 'alleged_perpetrator'],
      [urumReport({ target: { actor: 'no-such-group' } }), 'target.actor'],
      [urumReport({ target: { building: 'x' } }), 'target'],
      [
        urumReport({
          attachments: [
            attachment(Buffer.from('ok')),
            { filename: 'x.txt', media_type: 'text/plain', content_base64: 'not base64!' },
          ],
        }),
        'attachments[1].content_base64',
      ],
      [
        urumReport({ attachments: [attachment(Buffer.from('ok'), { filename: '../etc/passwd' })] }),
        'attachments[0].filename',
      ],
      [urumReport({ casualties: { low: 5, best: 3, high: 9 } }), 'casualties.low'],
      [urumReport({ casualties: { low: 1, best: 3, high: 2 } }), 'casualties.high'],
      [urumReport({ claimed_at: '2016-09-19 19:15' }), 'claimed_at'],
      [urumReport({ act: 'bombing' }), 'act'],
      [urumReport({ classification: 'secret' }), 'classification'],
      [urumReport({ time_precision_s: -1 }), 'time_precision_s'],
      [urumReport({ incident_id: 'no-such-incident' }), 'incident_id'],
    ];
    for (const [body, path] of cases) {
      const res = await refused('ngo-reporter', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', path });
    }
    const stranger = await refused(null, urumReport());
    expect(stranger.statusCode).toBe(401);
    expect(stranger.json().code).toBe('UNAUTHENTICATED');
    expect((await refused(null, { act: 'bombing' })).statusCode).toBe(401);
    expect((await refused('us-observer', urumReport())).statusCode).toBe(403);
    const malformed = await server.call('ngo-reporter', {
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': 'application/json' },
      payload: '{"act":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await rows(db(), 'reports')).toBe(before.reports);
    expect(await rows(db(), 'report_attachments')).toBe(0);
    expect(await recordAuditEntries(db())).toBe(before.audit);
  });

  it('files reports sent at the same moment together, each with its audit entry; one at fault fails alone', async () => {
    await server.fresh();
    await server.as('ngo-reporter'); // signed in once, not 24 times at once
    const audited = await recordAuditEntries(db());
    const bodies = Array.from({ length: 24 }, (_, i) =>
      urumReport({ narrative: `Account ${i}`, alleged_perpetrator: i === 7 ? 'no-such-actor' : 'sy-gov' }),
    );
    const answers = await Promise.all(
      bodies.map((payload) => server.call('ngo-reporter', { method: 'POST', url: '/api/v1/reports', payload })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(bodies.map((_, i) => (i === 7 ? 400 : 201)));
    expect(answers[7]!.json()).toMatchObject({ code: 'VALIDATION', path: 'alleged_perpetrator' });
    const filed = answers.filter((a) => a.statusCode === 201).map((a) => a.json() as { id: string; narrative: string });
    expect(filed.map((r) => r.narrative)).toEqual(bodies.flatMap((b, i) => (i === 7 ? [] : [b.narrative])));
    const stored = await db().query<{ id: string; entries: number }>(
      `select r.id, (select count(*)::int from audit_log a where a.entity = 'report' and a.entity_id = r.id) as entries
       from reports r where r.narrative like 'Account %'`,
    );
    expect(stored.map((r) => r.id).sort()).toEqual(filed.map((r) => r.id).sort());
    expect(stored.every((r) => r.entries === 1)).toBe(true);
    expect(await recordAuditEntries(db())).toBe(audited + 23);
  });

  it('lists reports by time, place, act, actor, organization, text and link, a page at a time', async () => {
    await server.fresh();
    const filed = [
      await fileReport(server, 'us-analyst', urumReport({ narrative: 'Convoy hit near Urum' })),
      await fileReport(
        server,
        'us-analyst',
        urumReport({
          claimed_at: '2016-09-12T20:00:00+03:00',
          location: { lon: 37.19, lat: 36.2 },
          act: 'shelling',
          narrative: 'Shells on east Aleppo',
          alleged_perpetrator: 'sy-gov',
          target: null,
        }),
      ),
      await fileReport(
        server,
        'ru-analyst',
        urumReport({
          claimed_at: '2016-09-19T19:40:00+03:00',
          alleged_perpetrator: 'us',
          narrative: 'Convoy burned; a drone was seen',
        }),
      ),
      await fileReport(
        server,
        'ru-analyst',
        urumReport({
          claimed_at: '2016-08-26T12:00:00+03:00',
          location: { lon: 36.232, lat: 33.458 },
          act: 'other',
          narrative: 'Evacuation of Daraya',
          alleged_perpetrator: null,
          target: { civilian: 'civilians' },
        }),
      ),
      await fileReport(
        server,
        'un-ose-monitor',
        urumReport({
          claimed_at: '2016-09-16T15:00:00+03:00',
          location: { lon: 36.98, lat: 36.17 },
          narrative: '100% sure: strikes west of Aleppo',
          alleged_perpetrator: 'ru',
          target: { actor: 'fsa-north' },
        }),
      ),
    ];
    const [urum, aleppo, urumRu, daraya, west] = filed.map((r) => r.id as string) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const list = async (query: string, user = 'us-analyst') => {
      const res = await server.call(user, { method: 'GET', url: `/api/v1/reports?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((r) => r.id);
    };
    const ids = (xs: string[]) => [...xs].sort();
    expect(await list('sort=claimed_at')).toEqual([daraya, aleppo, west, urum, urumRu]);
    expect(await list('sort=-received_at')).toEqual([west, daraya, urumRu, aleppo, urum]);
    expect(
      ids(
        await list(
          `from=${encodeURIComponent('2016-09-16T00:00:00+03:00')}&to=${encodeURIComponent('2016-09-19T19:30:00+03:00')}`,
        ),
      ),
    ).toEqual(ids([west, urum]));
    expect(ids(await list('bbox=36.9,36.1,37.0,36.2'))).toEqual(ids([urum, urumRu, west]));
    expect(await list('act=shelling')).toEqual([aleppo]);
    expect(ids(await list('actor=fsa-north'))).toEqual([west]);
    expect(ids(await list('actor=us'))).toEqual([urumRu]);
    expect(ids(await list('org=ru'))).toEqual(ids([urumRu, daraya]));
    expect(ids(await list('q=CONVOY'))).toEqual(ids([urum, urumRu]));
    expect(ids(await list('q=100%25'))).toEqual([west]);
    expect(ids(await list('q=_'))).toEqual([]);
    expect(ids(await list('linked=false'))).toHaveLength(5);
    expect(await list('linked=true')).toEqual([]);
    const counted = await server.call('us-analyst', {
      method: 'GET',
      url: '/api/v1/reports/count?bbox=36.9,36.1,37.0,36.2',
    });
    expect(counted.json()).toEqual({ count: 3, more: false });

    // Two at a time: every report once, in order, whatever the sort.
    for (const sort of ['claimed_at', '-claimed_at', 'received_at', '-received_at']) {
      const all = await list(`sort=${sort}`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await server.call('us-analyst', {
          method: 'GET',
          url: `/api/v1/reports?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        });
        const page = res.json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((r: { id: string }) => r.id));
        cursor = page.next_cursor;
      } while (cursor !== null);
      expect(seen).toEqual(all);
    }

    const badBox = await server.call('us-analyst', { method: 'GET', url: '/api/v1/reports?bbox=37,36,36,37' });
    expect(badBox.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.bbox' });
    const badCursor = await server.call('us-analyst', { method: 'GET', url: '/api/v1/reports?cursor=nonsense' });
    expect(badCursor.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.cursor' });
    const badSort = await server.call('us-analyst', { method: 'GET', url: '/api/v1/reports?sort=narrative' });
    expect(badSort.statusCode).toBe(400);
    expect((await server.call(null, { method: 'GET', url: '/api/v1/reports' })).statusCode).toBe(401);
  });
});
