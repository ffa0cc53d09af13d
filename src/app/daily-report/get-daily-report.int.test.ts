/**
 * The daily report of a drawn area (docs/daily-report.md), the use case itself on PGlite and
 * PostgreSQL, in the Syria 2016 world: an incident inside the polygon is counted and one outside it
 * (though inside its box) is not; an incident classified for the co-chairs is counted for a co-chair
 * and not for an NGO's reader; the area is said in words; bad polygons are refused naming the field.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Polygon, Position } from '../../domain/geo.ts';
import { MAX_DRAWN_POINTS, polygonOfRing } from '../../domain/drawn-area.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { createIncident, startWorld } from '../../../test/report-world.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import type { Caller } from '../caller.ts';
import { getDailyReport } from './get-daily-report.ts';
import { renderDailyReport } from './render-daily-report.ts';

/** A triangle in the desert north of Palmyra: its box holds a corner the triangle does not. */
const TRIANGLE: Position[] = [
  [38.2, 34.6],
  [38.4, 34.6],
  [38.2, 34.8],
];
const INSIDE = { lon: 38.25, lat: 34.65 };
const IN_THE_BOX_ONLY = { lon: 38.38, lat: 34.78 };
const HIDDEN = { lon: 38.22, lat: 34.62 };
const DATE = '2016-09-19';

describeEachDatabase('the daily report of a drawn area', (db) => {
  const server = useTestServer(db, { start: startWorld, perTest: true });
  const ids: Record<string, string> = {};

  const caller = async (username: string): Promise<Caller> => {
    const [u] = await db().query<{ id: string; org_id: string; role: Caller['role'] }>(
      'select id, org_id, role from users where username = $1',
      [username],
    );
    const org = username.startsWith('us-') ? { kind: 'co_chair' as const, clearance: 'co_chairs' as const } : null;
    return {
      userId: u!.id,
      username,
      orgId: u!.org_id,
      orgKind: org?.kind ?? 'humanitarian',
      role: u!.role,
      clearance: org?.clearance ?? 'public',
    };
  };
  const strike = async (at: { lon: number; lat: number }, headline: string, classification = 'public') =>
    (
      (await createIncident(server, 'us-analyst', {
        occurred_at: `${DATE}T10:00:00+03:00`,
        location: at,
        act: 'shelling',
        perpetrator: 'sy-gov',
        headline,
        deaths: { low: 1, best: 2, high: 3 },
        classification,
      })) as { id: string }
    ).id;

  beforeEach(async () => {
    ids.inside = await strike(INSIDE, 'Shelling inside the drawn area');
    ids.boxOnly = await strike(IN_THE_BOX_ONLY, 'Shelling in the box, outside the drawn area');
    ids.hidden = await strike(HIDDEN, 'CLASSIFIED shelling inside the drawn area', 'co_chairs');
  });

  const report = async (username: string, polygon: Polygon | undefined, edition?: 'public' | 'cleared') =>
    getDailyReport(server.ctx, await caller(username), { date: DATE, polygon, edition });

  it('counts what lies inside the polygon, not what lies in its box only, as the reader may see it', async () => {
    const area = polygonOfRing(TRIANGLE);
    const us = await report('us-analyst', area);
    expect(us.incidents.points.map((p) => p.id).sort()).toEqual([ids.inside, ids.hidden].sort());
    expect(us.incidents.total).toBe(2);
    expect(us.incidents.notable.map((i) => i.id)).not.toContain(ids.boxOnly);

    // An NGO's reader, and the public edition: the co-chairs' incident is not there.
    const ngo = await report('ngo-analyst', area);
    expect(ngo.incidents.points.map((p) => p.id)).toEqual([ids.inside]);
    expect(ngo.incidents.total).toBe(1);
    const pub = await report('us-analyst', area, 'public');
    expect(pub.incidents.points.map((p) => p.id)).toEqual([ids.inside]);
    expect(ngo.violations.day).toBeLessThanOrEqual(us.violations.day);

    // Every violation counted lies in the area: the day's violations of all Syria hold those of the Urum convoy too.
    const all = await report('us-analyst', undefined);
    expect(all.incidents.total).toBe(us.incidents.total + 1 + 3);
    expect(us.violations.byArea.every((r) => r.key === 'SY04' || r.key === null)).toBe(true);
    expect(us.violations.day).toBeLessThan(all.violations.day);

    // Said in words, in English and Arabic, never as coordinates alone.
    expect(us.area.drawn?.km2).toBeGreaterThan(200);
    expect(us.area.drawn?.km2).toBeLessThan(230);
    expect(us.area.drawn?.governorate?.en).toBe('Homs');
    for (const lang of ['en', 'ar'] as const) {
      const { body, text } = renderDailyReport(us, { lang, linkBase: '/', at: Date.now() });
      const heading = /data-testid="report-area"[^>]*>([^<]*)</.exec(body)![1]!;
      expect(heading).toBe(
        lang === 'en'
          ? 'A drawn area of about 200 km² around Tadmur, Homs'
          : 'منطقة مرسومة مساحتها نحو ٢٠٠ كم² حول تدمر، حمص',
      );
      expect(heading).not.toMatch(/38[.,]2/);
      expect(body).toContain('data-drawn-area');
      expect(text).toContain(heading);
    }
  });

  it('shows an incident known only to the day without a time of day', async () => {
    const area = polygonOfRing(TRIANGLE);
    const head = async () =>
      renderDailyReport(await report('ngo-analyst', area), { lang: 'en', linkBase: '/', at: 0 }).body;
    // 10:00 in Damascus, summer time.
    expect(await head()).toContain('10:00 · Shelling');
    await db().query('update incidents set date_precision = 1 where id = $1', [ids.inside]);
    const body = await head();
    expect(body).not.toContain('10:00');
    expect(body).toContain('Shelling · ');
  });

  it('refuses a bad polygon, naming the field', async () => {
    const us = await caller('us-analyst');
    const refused = (polygon: Polygon, extra: Record<string, unknown> = {}) =>
      getDailyReport(server.ctx, us, { date: DATE, polygon, ...extra });
    const [a, b, c] = TRIANGLE as [Position, Position, Position];
    const d: Position = [38.4, 34.8];
    // A bow tie.
    await expect(refused(polygonOfRing([a, b, c, d]))).rejects.toMatchObject({
      code: 'VALIDATION',
      path: 'querystring.polygon',
      statement: { code: 'problem.ring_crosses' },
    });
    // Two points only; a point in Cairo.
    await expect(refused(polygonOfRing([a, b]))).rejects.toMatchObject({
      path: 'querystring.polygon',
      statement: { code: 'problem.ring_points' },
    });
    await expect(refused(polygonOfRing([a, b, [31.2, 30.0]]))).rejects.toMatchObject({
      path: 'querystring.polygon',
      statement: { code: 'problem.outside_syria' },
    });
    const circle = Array.from({ length: MAX_DRAWN_POINTS + 1 }, (_, i): Position => {
      const t = (2 * Math.PI * i) / (MAX_DRAWN_POINTS + 1);
      return [38.3 + 0.1 * Math.cos(t), 34.7 + 0.1 * Math.sin(t)];
    });
    await expect(refused(polygonOfRing(circle))).rejects.toMatchObject({
      path: 'querystring.polygon',
      statement: { code: 'problem.area_too_many_points' },
    });
    // With a box besides; and a schedule's field named as the schedule names it.
    await expect(refused(polygonOfRing(TRIANGLE), { bbox: [38, 34, 39, 35] })).rejects.toMatchObject({
      path: 'querystring.polygon',
    });
    await expect(refused(polygonOfRing([a, b, c, d]), { polygonField: 'polygon' })).rejects.toMatchObject({
      path: 'polygon',
      message: expect.stringMatching(/^polygon: the ring crosses itself/),
    });
  });
});
