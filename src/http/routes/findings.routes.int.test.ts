import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { q, startWorldServer } from '../../../test/world.ts';

const EXPECTED = JSON.parse(
  readFileSync(new URL('../../../examples/syria-2016.expected.json', import.meta.url), 'utf8'),
);

describeEachDatabase('findings API and the state of the truce', (db) => {
  const server = useTestServer(db, { start: startWorldServer, perTest: true });

  const get = async (user: string | null, url: string) => server.call(user, { method: 'GET', url });

  it('filters, sorts and pages the findings', async () => {
    const sept = await get('ngo-observer', '/api/v1/findings?verdict=violation&agreement=coh-sept&limit=500');
    expect(sept.json().items.map((f: { subject_id: string }) => f.subject_id)).toEqual([
      'i18-sept-idlib-air-strike',
      'i19-sept-foah-shelling',
      'i20-sept-castello-access',
      'i21-sept-castello-fire',
      'i22-sept-east-aleppo-night',
      'i25-sept-madaya-air-strike',
    ]);
    expect(sept.json().items[0]).toMatchObject({
      key: 'incident:i18-sept-idlib-air-strike:coh-sept',
      kind: 'incident',
      agreement: 'coh-sept',
      at: '2016-09-12T20:00:00Z',
      verdict: 'violation',
      violators: ['sy-gov'],
      reasons: ['TARGET_CIVILIAN'],
      rules_version: 'truce-rules/2',
    });
    const descending = await get('ngo-observer', '/api/v1/findings?verdict=violation&agreement=coh-sept&sort=-at');
    expect(descending.json().items.map((f: { key: string }) => f.key)).toEqual(
      sept
        .json()
        .items.map((f: { key: string }) => f.key)
        .reverse(),
    );

    // Every finding once, page after page, in time order.
    const all = await get('ngo-observer', '/api/v1/findings?limit=500');
    expect(all.json().items).toHaveLength(EXPECTED.findings.length + EXPECTED.territory.length);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get('ngo-observer', `/api/v1/findings?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.json().items.map((f: { key: string }) => f.key));
      cursor = page.json().next_cursor;
    } while (cursor);
    expect(paged).toEqual(all.json().items.map((f: { key: string }) => f.key));
    const times = all.json().items.map((f: { at: string }) => Date.parse(f.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const byFsa = await get('ngo-observer', '/api/v1/findings?violator=fsa-north&limit=500');
    expect(byFsa.json().items).toHaveLength(6);
    const window = await get(
      'ngo-observer',
      `/api/v1/findings?kind=territory&from=${q('2016-08-01T00:00:00+03:00')}&to=${q('2016-09-01T00:00:00+03:00')}`,
    );
    expect(window.json().items.map((f: { subject_id: string }) => f.subject_id)).toEqual([
      'z-ramouseh',
      'z-al-rai',
      'z-daraya',
      'z-amarnah',
    ]);
    const wrong = await get('ngo-observer', '/api/v1/findings?verdict=guilty');
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.verdict' });
  });

  it('gives the state of the truce for a window and an agreement: the September arrangement, 12-20 Sept', async () => {
    const res = await get('ngo-observer', '/api/v1/state?from=2016-09-12&to=2016-09-20&agreement=coh-sept');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.timezone).toBe('Asia/Damascus');
    // The window's instants are Damascus midnights (+03:00 in September): 12 Sept 00:00 to 21 Sept 00:00.
    expect(s.window).toEqual({
      from: '2016-09-12',
      to: '2016-09-20',
      start: '2016-09-11T21:00:00Z',
      end: '2016-09-20T21:00:00Z',
    });
    expect(s.agreement).toBe('coh-sept');
    expect(s.dates).toEqual(EXPECTED.calm.days.map((d: { date: string }) => d.date));
    // The 11 incidents i16-i26 under coh-sept (examples/README.md): 6 violations, i23 and i24 for review,
    // i26 permitted, i16 and i17 not covered.
    expect(s.verdicts).toEqual({ violation: 6, needs_review: 2, permitted: 1, not_covered: 2 });
    expect(s.needs_review).toBe(2);
    // i18 on the 12th, i19 on the 14th, i20 and i21 on the 15th, i22 (01:30 local) and i25 on the 16th.
    expect(s.violations).toEqual({ total: 6, days: [1, 0, 1, 2, 2, 0, 0, 0, 0] });
    expect(s.violations.days).toEqual(EXPECTED.calm.days.map((d: { violations: number }) => d.violations));
    expect(s.by_agreement).toEqual([{ agreement: 'coh-sept', total: 6, days: [1, 0, 1, 2, 2, 0, 0, 0, 0] }]);
    expect(s.by_violator).toEqual([
      { actor: 'sy-gov', total: 4, days: [1, 0, 0, 1, 2, 0, 0, 0, 0] },
      { actor: 'fsa-north', total: 2, days: [0, 0, 1, 1, 0, 0, 0, 0, 0] },
    ]);
    // Castello (i20, i21) and east Aleppo (i22) in Aleppo; Idlib city (i18) and al-Fu'ah (i19) in Idlib; Madaya (i25) in Rural Damascus.
    expect(s.by_area.map((a: { name_en: string; total: number }) => [a.name_en, a.total])).toEqual([
      ['Aleppo', 3],
      ['Idleb', 2],
      ['Rural Damascus', 1],
    ]);
    expect(s.calm).toMatchObject({
      agreement: 'coh-sept',
      from: '2016-09-12',
      to: '2016-09-20',
      threshold_per_day: 2,
      days_required: 7,
      reduced_violence_on: null,
    });
    expect(s.calm.days).toEqual(
      EXPECTED.calm.days.map((d: object, i: number) => ({ ...d, in_force: i >= 1 && i <= 6 })),
    );
    // Over the window, day by day: not in force on the 12th (from 19:00 only) nor from the 19th.
    expect(
      s.calm.window.map((d: { in_force: boolean; calm: boolean }) =>
        d.in_force ? (d.calm ? 'calm' : 'not calm') : 'not in force',
      ),
    ).toEqual(['not in force', 'calm', 'calm', 'calm', 'calm', 'calm', 'calm', 'not in force', 'not in force']);
  });

  it("judges calm days over the calm agreement's own counts, whichever agreement the figures cover", async () => {
    const s = (await get('ngo-observer', '/api/v1/state?from=2016-09-12&to=2016-09-20&agreement=coh')).json();
    // Under coh the 12th has 3 violations (i16, i17, i18): over these counts a threshold of 2 would call it not calm.
    expect(s.violations.days).toEqual([3, 0, 1, 2, 2, 0, 0, 2, 0]);
    // The calm rule reads coh-sept's violations (1 on the 12th), and the 12th is not in force anyway.
    expect(s.calm.window.map((d: { violations: number }) => d.violations)).toEqual([1, 0, 1, 2, 2, 0, 0, 0, 0]);
    expect(s.calm.window[0]).toEqual({ date: '2016-09-12', violations: 1, in_force: false, calm: false });
  });

  it('counts the days of the window in Damascus time', async () => {
    // i22 at 2016-09-15T22:30Z is 01:30 on the 16th in Damascus: in the window of the 16th, not of the 15th.
    const day = async (date: string) =>
      (await get('ngo-observer', `/api/v1/state?from=${date}&to=${date}&agreement=coh-sept`)).json();
    const sixteenth = await day('2016-09-16');
    expect(sixteenth.window).toMatchObject({ start: '2016-09-15T21:00:00Z', end: '2016-09-16T21:00:00Z' });
    expect(sixteenth.violations.total).toBe(2);
    expect((await day('2016-09-15')).violations.total).toBe(2);
    // Winter: Damascus is UTC+2, so 27 Feb begins at 22:00Z on the 26th, the instant coh comes into force (i02).
    const start = (await get('ngo-observer', '/api/v1/state?from=2016-02-27&to=2016-02-27&agreement=coh')).json();
    expect(start.window).toMatchObject({ start: '2016-02-26T22:00:00Z', end: '2016-02-27T22:00:00Z' });
    expect(start.violations.total).toBe(1);
  });

  it('every figure of the page covers the same window and agreement, and agrees with the findings list', async () => {
    const damascus = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Damascus',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const query of [
      'from=2016-02-20&to=2016-10-01&agreement=coh-sept',
      'from=2016-02-20&to=2016-10-01&agreement=coh',
      'from=2016-02-20&to=2016-10-01',
      'from=2016-09-12&to=2016-09-20',
      'from=2016-07-01&to=2016-09-04&agreement=coh',
      'from=2016-09-19&to=2016-09-19&agreement=coh',
    ]) {
      const s = (await get('ngo-observer', `/api/v1/state?${query}`)).json();
      const agreement = new URLSearchParams(query).get('agreement');
      const list = (
        await get(
          'ngo-observer',
          `/api/v1/findings?limit=500&from=${q(s.window.start)}&to=${q(s.window.end)}${agreement ? `&agreement=${agreement}` : ''}`,
        )
      ).json();
      expect(list.next_cursor, query).toBeNull();
      const findings: { agreement: string | null; verdict: string; at: string; violators: string[] }[] = list.items;
      expect(findings.length, query).toBeGreaterThan(0);
      // Findings by verdict: exactly the list's.
      const byVerdict = { violation: 0, needs_review: 0, permitted: 0, not_covered: 0 } as Record<string, number>;
      for (const f of findings) byVerdict[f.verdict]! += 1;
      expect(s.verdicts, query).toEqual(byVerdict);
      expect(s.needs_review, query).toBe(byVerdict.needs_review);
      // Violations: the list's violation findings, per local day.
      const violations = findings.filter((f) => f.verdict === 'violation');
      expect(s.violations.total, query).toBe(violations.length);
      expect(s.violations.total, query).toBe(s.verdicts.violation);
      expect(s.violations.days, query).toEqual(
        s.dates.map((d: string) => violations.filter((f) => damascus.format(new Date(f.at)) === d).length),
      );
      expect(sum(s.violations.days), query).toBe(s.violations.total);
      // By agreement, by area: each row adds up over its days, and the rows add up to the total, day by day.
      for (const rows of [s.by_agreement, s.by_area]) {
        for (const row of rows) expect(sum(row.days), query).toBe(row.total);
        expect(sum(rows.map((r: { total: number }) => r.total)), query).toBe(s.violations.total);
        expect(
          s.dates.map((_d: string, i: number) => sum(rows.map((r: { days: number[] }) => r.days[i]!))),
          query,
        ).toEqual(s.violations.days);
      }
      expect(
        Object.fromEntries(s.by_agreement.map((r: { agreement: string; total: number }) => [r.agreement, r.total])),
        query,
      ).toEqual(
        Object.fromEntries(
          [...new Set(violations.map((f) => f.agreement))].map((g) => [
            g,
            violations.filter((f) => f.agreement === g).length,
          ]),
        ),
      );
      if (agreement)
        expect(
          s.by_agreement.map((r: { agreement: string }) => r.agreement),
          query,
        ).toEqual([agreement]);
      // By violator: each violation under each of its violators, as the list names them.
      const named = new Map<string, number>();
      for (const f of violations) for (const v of f.violators) named.set(v, (named.get(v) ?? 0) + 1);
      expect(
        Object.fromEntries(s.by_violator.map((r: { actor: string; total: number }) => [r.actor, r.total])),
        query,
      ).toEqual(Object.fromEntries(named));
    }
  });

  it('names the field of a bad window or an unknown agreement', async () => {
    const bad = async (query: string) => (await get('ngo-observer', `/api/v1/state?${query}`)).json();
    expect(await bad('from=2016-09-20&to=2016-09-12')).toMatchObject({ code: 'VALIDATION', path: 'querystring.from' });
    expect(await bad('from=2016-02-30&to=2016-03-02')).toMatchObject({ code: 'VALIDATION', path: 'querystring.from' });
    expect(await bad('from=2015-01-01&to=2016-09-12')).toMatchObject({
      code: 'VALIDATION',
      path: 'querystring.from',
      message: expect.stringMatching(/366 days/),
    });
    expect(await bad('from=2016-09-12&to=2016-09-20&agreement=nothing')).toMatchObject({
      code: 'VALIDATION',
      path: 'querystring.agreement',
      message: 'querystring.agreement: unknown agreement "nothing"',
    });
  });

  it('counts only what the reader may see', async () => {
    // A co-chairs zone whose change of control is a violation of both agreements on 15 September: a third
    // violation of coh-sept that day makes it not calm, for those who may see it.
    const zone = await server.call('us-analyst', {
      method: 'POST',
      url: '/api/v1/zones',
      payload: {
        classification: 'co_chairs',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [38.5, 33.5],
              [38.6, 33.5],
              [38.6, 33.6],
              [38.5, 33.6],
              [38.5, 33.5],
            ],
          ],
        },
        control: [
          { actors: ['fsa-south'], from: '2016-03-01T00:00:00Z', to: '2016-09-15T00:00:00Z' },
          { actors: ['sy-gov'], from: '2016-09-15T00:00:00Z' },
        ],
      },
    });
    expect(zone.json().findings.territory.inserted).toBe(2);
    const secret = zone.json().zone.id as string;
    const counts = async (user: string) => {
      const all = (await get(user, '/api/v1/state?from=2016-09-12&to=2016-09-20')).json();
      const sept = (await get(user, '/api/v1/state?from=2016-09-12&to=2016-09-20&agreement=coh-sept')).json();
      const history = (
        await get(user, `/api/v1/findings/territory:${secret}:${Date.parse('2016-09-15T00:00:00Z')}:coh/history`)
      ).statusCode;
      return {
        violations: all.verdicts.violation,
        areas: all.by_area.reduce((n: number, a: { total: number }) => n + a.total, 0),
        syGov: all.by_violator.find((v: { actor: string }) => v.actor === 'sy-gov').total,
        fifteenth: sept.violations.days[3],
        fifteenthCalm: sept.calm.days[3].calm,
        history,
      };
    };
    // In the window, under both agreements: coh has 10 violations (i16-i22, i25, i27, i29; 7 by sy-gov), coh-sept 6
    // (i18-i22, i25; 4 by sy-gov); the zone's seizure by sy-gov adds one to each.
    for (const user of ['us-analyst', 'ru-observer']) {
      expect(await counts(user), user).toEqual({
        violations: 18,
        areas: 18,
        syGov: 13,
        fifteenth: 3,
        fifteenthCalm: false,
        history: 200,
      });
    }
    for (const user of ['un-ose-analyst', 'ngo-reporter']) {
      expect(await counts(user), user).toEqual({
        violations: 16,
        areas: 16,
        syGov: 11,
        fifteenth: 2,
        fifteenthCalm: true,
        history: 404,
      });
    }
    // A co-chairs agreement is unknown to those who may not see it.
    await server.ctx.db.query(`update agreements set classification = 'co_chairs' where id = 'coh-sept'`);
    expect(
      (await get('un-ose-analyst', '/api/v1/state?from=2016-09-12&to=2016-09-20&agreement=coh-sept')).json(),
    ).toMatchObject({ path: 'querystring.agreement' });
    expect((await get('us-analyst', '/api/v1/state?from=2016-09-12&to=2016-09-20&agreement=coh-sept')).statusCode).toBe(
      200,
    );
  });

  it("shows a finding's history, and refuses strangers", async () => {
    expect((await get('ngo-observer', '/api/v1/findings/incident:nothing:coh/history')).statusCode).toBe(404);
    const current = await get('ngo-observer', '/api/v1/findings/incident:i07-al-tanf-nsa:coh/history');
    expect(current.json()).toMatchObject({
      key: 'incident:i07-al-tanf-nsa:coh',
      current: { verdict: 'violation' },
      history: [],
    });
    for (const url of ['/api/v1/findings', '/api/v1/state', '/api/v1/findings/incident:i07-al-tanf-nsa:coh/history']) {
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
  });
});
