/**
 * Search over HTTP: words in English (stemmed) and Arabic (normalised: diacritics, alef and ta
 * marbuta forms, tatweel), ranked, over incidents and reports, never past the reader's clearance.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, fileReport, startWorld, urumReport } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('search over HTTP', (db) => {
  const server = useTestServer(db, { start: startWorld });
  const search = async (user: string, q: string) => {
    const res = await server.call(user, { method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ incidents: { id: string }[]; reports: { id: string }[] }>();
  };

  it('finds reports by their words in English and in Arabic typed another way, and incidents by headline', async () => {
    await server.fresh();
    const en = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ narrative: 'The markets of Saraqib were shelled at dawn.', source: 'Local council' }),
    );
    const ar = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ narrative: 'قَصْفٌ على مَدرَسةٍ في إدلب صباحاً', source: 'مراسل محلي' }),
    );
    expect((await search('us-analyst', 'market shelling')).reports.map((r) => r.id)).toEqual([en.id]);
    expect((await search('us-analyst', 'council')).reports.map((r) => r.id)).toEqual([en.id]);
    // Without diacritics, a bare alef for the hamza, ha for the ta marbuta, a tatweel typed in.
    expect((await search('us-analyst', 'مدرسه ادلب')).reports.map((r) => r.id)).toEqual([ar.id]);
    expect((await search('us-analyst', 'قـصف')).reports.map((r) => r.id)).toEqual([ar.id]);
    // Incidents by their headline or place, the best match first.
    const market = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-03-01T10:00:00Z',
      location: { lon: 36.56, lat: 35.53 },
      act: 'shelling',
      headline: 'Shelling of the Kafr Nabl market',
      place: 'Kafr Nabl',
      classification: 'public',
    });
    const near = await createIncident(server, 'us-analyst', {
      occurred_at: '2016-03-02T10:00:00Z',
      location: { lon: 36.56, lat: 35.53 },
      act: 'shelling',
      headline: 'Shelling near Kafr Nabl',
      classification: 'public',
    });
    expect((await search('us-analyst', 'Kafr Nabl market')).incidents.map((i) => i.id)).toEqual([market.id]);
    expect((await search('us-analyst', 'Kafr Nabl')).incidents.map((i) => i.id)).toEqual([market.id, near.id]);
    const empty = await server.call('us-analyst', { method: 'GET', url: '/api/v1/search?q=%20' });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.q' });
  });

  it('never finds what the reader may not see', async () => {
    await server.fresh();
    const secret = await fileReport(
      server,
      'ngo-reporter',
      urumReport({ narrative: 'Convoy unloading schedule for the warehouse', classification: 'org' }),
    );
    expect((await search('ngo-analyst', 'warehouse schedule')).reports.map((r) => r.id)).toEqual([secret.id]);
    expect((await search('us-analyst', 'warehouse schedule')).reports).toEqual([]);
  });
});
