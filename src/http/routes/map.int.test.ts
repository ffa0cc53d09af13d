import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { TestServer } from '../../../test/server.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { asReader } from '../../store/reader.ts';

/** Incidents around Aleppo and Daraya, a few classified, with findings under two agreements. */
async function seed(server: TestServer): Promise<void> {
  const sql = server.ctx.db;
  await sql.query(`insert into actors (id, name, kind) values ('a', 'A', 'state')`);
  await sql.query(`insert into agreements (id, title) values ('g1', 'One'), ('g2', 'Two')`);
  const rows: string[] = [];
  // 20 public incidents in one spot near Aleppo, on 2016-09-01 .. 2016-09-20.
  for (let k = 0; k < 20; k++) {
    rows.push(
      `('al-${k}', '2016-09-${String(k + 1).padStart(2, '0')}T12:00:00+03:00', ${37.15 + k * 0.001}, ${36.2 + k * 0.001}, 'shelling', 'a', 'public', null)`,
    );
  }
  rows.push(`('da-1', '2016-09-05T12:00:00+03:00', 36.23, 33.46, 'air_strike', null, 'public', null)`);
  rows.push(`('da-2', '2016-09-06T12:00:00+03:00', 36.231, 33.461, 'shelling', null, 'co_chairs', null)`);
  rows.push(`('da-3', '2016-09-07T12:00:00+03:00', 36.232, 33.462, 'shelling', null, 'org', 'ngo')`);
  await sql.query(
    `insert into incidents (id, occurred_at, lon, lat, act, perpetrator, classification, owner_org) values ${rows.join(', ')}`,
  );
  const finding = (id: string, agreement: string, verdict: string, violators = '{}') =>
    `('incident:${id}:${agreement}', 'incident', '${id}', '${agreement}', (select occurred_at from incidents where id = '${id}'), '${verdict}', '${violators}', '{}', 1, 'x', 'r')`;
  await sql.query(`insert into findings (key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule, explanation, rules_version) values
    ${[
      finding('al-0', 'g1', 'permitted'),
      finding('al-0', 'g2', 'violation', '{a}'),
      finding('al-1', 'g1', 'needs_review'),
      finding('da-1', 'g1', 'violation'),
      finding('da-3', 'g1', 'violation', '{a}'),
      finding('da-3', 'g2', 'violation', '{a,b}'),
    ].join(', ')}`);
  await sql.query(`insert into settings (key, value) values ('timezone', '"+03:00"')`);
}

describeEachDatabase('GET /map/incidents', (db) => {
  const server = useTestServer(db, { seed });
  const get = async (user: string | null, query: string) =>
    server.call(user, { method: 'GET', url: `/api/v1/map/incidents?${query}` });

  it('clusters a dense cell with counts by the most serious verdict, and lists a sparse one', async () => {
    await server.fresh();
    const res = await get('ngo-analyst', 'bbox=35,32,42,37.5&zoom=6');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(22);
    expect(body.clusters).toHaveLength(1);
    expect(body.clusters[0]).toMatchObject({
      count: 20,
      verdicts: { violation: 1, needs_review: 1, permitted: 0, not_covered: 0, unjudged: 18 },
    });
    expect(body.clusters[0].bbox[0]).toBeCloseTo(37.15, 6);
    // Daraya: one public incident and the NGO's own; the co-chairs' one is hidden.
    expect(body.points.map((p: { id: string }) => p.id).sort()).toEqual(['da-1', 'da-3']);
    expect(body.points.find((p: { id: string }) => p.id === 'da-1')).toMatchObject({
      verdict: 'violation',
      act: 'air_strike',
      lon: 36.23,
    });
  });

  it('tells the range of the incidents the caller may see', async () => {
    await server.fresh();
    const extent = await server.call('un-ose-analyst', { method: 'GET', url: '/api/v1/map/extent' });
    expect(extent.json()).toEqual({ count: 21, first: '2016-09-01T09:00:00.000Z', last: '2016-09-20T09:00:00.000Z' });
    const range = await server.call('un-ose-analyst', { method: 'GET', url: '/api/v1/map/extent?count=false' });
    expect(range.json()).toEqual({ count: null, first: '2016-09-01T09:00:00.000Z', last: '2016-09-20T09:00:00.000Z' });
    expect(
      (await server.call('un-ose-analyst', { method: 'GET', url: '/api/v1/map/extent?count=maybe' })).json(),
    ).toMatchObject({ path: 'querystring.count' });
    expect((await server.call(null, { method: 'GET', url: '/api/v1/map/extent' })).statusCode).toBe(401);
  });

  it('colours an incident only by the findings the caller may see', async () => {
    await server.fresh();
    // al-0 is permitted under g1 and a violation under g2, which only the co-chairs may now see.
    await server.ctx.db.query(`update agreements set classification = 'co_chairs' where id = 'g2'`);
    const verdicts = async (user: string) => (await get(user, 'bbox=35,32,42,37.5&zoom=6')).json().clusters[0].verdicts;
    expect(await verdicts('us-observer')).toEqual({
      violation: 1,
      needs_review: 1,
      permitted: 0,
      not_covered: 0,
      unjudged: 18,
    });
    expect(await verdicts('un-ose-analyst')).toEqual({
      violation: 0,
      needs_review: 1,
      permitted: 1,
      not_covered: 0,
      unjudged: 18,
    });
    // Up close the same incident is a point, coloured the same way.
    const point = async (user: string) =>
      (await get(user, 'bbox=37.14,36.19,37.16,36.21&zoom=16'))
        .json()
        .points.find((p: { id: string }) => p.id === 'al-0').verdict;
    expect(await point('us-observer')).toBe('violation');
    expect(await point('un-ose-analyst')).toBe('permitted');
  });

  it("keeps each incident's verdict summary in step with its findings, whoever writes them and whatever they may see", async () => {
    await server.fresh();
    const summary = async (id: string) =>
      (
        await server.ctx.db.query<{ worst_rank: number; verdict_agreements: string[] }>(
          'select worst_rank, verdict_agreements from incidents where id = $1',
          [id],
        )
      )[0];
    expect(await summary('al-0')).toEqual({ worst_rank: 1, verdict_agreements: ['g1', 'g2'] });
    expect(await summary('al-5')).toEqual({ worst_rank: 5, verdict_agreements: [] });
    await server.ctx.db.query(`update findings set verdict = 'permitted' where key = 'incident:al-0:g2'`);
    expect(await summary('al-0')).toEqual({ worst_rank: 3, verdict_agreements: ['g1', 'g2'] });
    await server.ctx.db.query(`delete from findings where key = 'incident:al-0:g1'`);
    expect(await summary('al-0')).toEqual({ worst_rank: 3, verdict_agreements: ['g2'] });
    await server.ctx.db.query(`delete from findings where subject_id = 'al-0'`);
    expect(await summary('al-0')).toEqual({ worst_rank: 5, verdict_agreements: [] });

    // Written by a reader who cannot see g2: the summary still counts al-1's finding under it.
    await server.ctx.db.query(`update agreements set classification = 'co_chairs' where id = 'g2'`);
    await server.ctx.db
      .query(`insert into findings (key, kind, subject_id, agreement_id, at, verdict, violators, reasons, rule, explanation, rules_version)
      values ('incident:al-1:g2', 'incident', 'al-1', 'g2', '2016-09-02T09:00:00Z', 'violation', '{a}', '{}', 1, 'x', 'r')`);
    await asReader(server.ctx.db, { userId: null, orgId: 'ngo', clearance: 'public' }, (sql) =>
      sql.query(`update findings set verdict = 'permitted' where key = 'incident:al-1:g1'`),
    );
    expect(await summary('al-1')).toEqual({ worst_rank: 1, verdict_agreements: ['g1', 'g2'] });
  });

  it('lists the points of a cell only as far as the box reaches', async () => {
    await server.fresh();
    // At zoom 6 a cell is 0.703125°: the box ends on the edge lon 36.5625 (cell 52), where one
    // incident lies; another lies further inside cell 52, outside the box.
    await server.ctx.db.query(`insert into incidents (id, occurred_at, lon, lat, act, classification) values
      ('edge', '2016-09-01T00:00:00Z', 36.5625, 33.75, 'shelling', 'public'), ('beyond', '2016-09-01T00:00:00Z', 36.9, 33.8, 'shelling', 'public')`);
    const body = (await get('us-observer', 'bbox=36,33,36.5625,34&zoom=6')).json();
    const ids = body.points.map((p: { id: string }) => p.id);
    expect(ids).toContain('edge');
    expect(ids).not.toContain('beyond');
    expect(body.points.length + body.clusters.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(
      body.total,
    );
  });

  it('counts only what the caller may see', async () => {
    await server.fresh();
    const us = (await get('us-observer', 'bbox=36,33,37,34&zoom=6')).json();
    expect(us.total).toBe(3 - 1);
    expect(us.points.map((p: { id: string }) => p.id).sort()).toEqual(['da-1', 'da-2']);
    const un = (await get('un-ose-analyst', 'bbox=36,33,37,34&zoom=6')).json();
    expect(un.points.map((p: { id: string }) => p.id)).toEqual(['da-1']);
    expect((await get(null, 'bbox=36,33,37,34&zoom=6')).statusCode).toBe(401);
  });

  it('filters by time (as_of), act and actor', async () => {
    await server.fresh();
    const asOf = (
      await get('us-analyst', `bbox=35,32,42,37.5&zoom=6&as_of=${encodeURIComponent('2016-09-03T00:00:00+03:00')}`)
    ).json();
    expect(asOf.total).toBe(2);
    expect(asOf.points.map((p: { id: string }) => p.id)).toEqual(['al-0', 'al-1']);
    const window = (
      await get(
        'us-analyst',
        `bbox=35,32,42,37.5&zoom=6&from=${encodeURIComponent('2016-09-06T00:00:00+03:00')}&to=${encodeURIComponent('2016-09-07T00:00:00+03:00')}`,
      )
    ).json();
    expect(window.points.map((p: { id: string }) => p.id).sort()).toEqual(['al-5', 'da-2']);
    expect((await get('us-analyst', 'bbox=35,32,42,37.5&zoom=6&act=air_strike')).json().total).toBe(1);
    expect((await get('us-analyst', 'bbox=35,32,42,37.5&zoom=6&actor=a')).json().total).toBe(20);
  });

  it('splits clusters as the zoom grows', async () => {
    await server.fresh();
    const near = (await get('us-analyst', 'bbox=37.1,36.15,37.2,36.25&zoom=14')).json();
    expect(near.clusters).toHaveLength(0);
    expect(near.points).toHaveLength(20);
  });

  it('answers a bad box or zoom with 400 and the path', async () => {
    await server.fresh();
    const bad = await get('us-analyst', 'bbox=40,30,35,37&zoom=6');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('the minimum must be below the maximum'),
    });
    expect(bad.json().path).toContain('bbox');
    const zoom = await get('us-analyst', 'bbox=35,32,42,37.5&zoom=99');
    expect(zoom.statusCode).toBe(400);
    expect(zoom.json().path).toContain('zoom');
  });
});
