import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { TestServer } from '../../../test/server.ts';
import { q, startWorldServer } from '../../../test/world.ts';

const EXPECTED = JSON.parse(readFileSync(new URL('../../../examples/syria-2016.expected.json', import.meta.url), 'utf8'));

describeEachDatabase('findings API and the state of the truce', (db) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startWorldServer(db());
  });
  afterEach(() => server.close());

  const get = async (user: string | null, url: string) => server.call(user, { method: 'GET', url });

  it('filters, sorts and pages the findings', async () => {
    const sept = await get('ngo-observer', '/api/v1/findings?verdict=violation&agreement=coh-sept&limit=500');
    expect(sept.json().items.map((f: { subject_id: string }) => f.subject_id)).toEqual([
      'i18-sept-idlib-air-strike', 'i19-sept-foah-shelling', 'i20-sept-castello-access', 'i21-sept-castello-fire', 'i22-sept-east-aleppo-night', 'i25-sept-madaya-air-strike',
    ]);
    expect(sept.json().items[0]).toMatchObject({
      key: 'incident:i18-sept-idlib-air-strike:coh-sept', kind: 'incident', agreement: 'coh-sept', at: '2016-09-12T20:00:00Z',
      verdict: 'violation', violators: ['sy-gov'], reasons: ['TARGET_CIVILIAN'], rules_version: 'truce-rules/2',
    });
    const descending = await get('ngo-observer', '/api/v1/findings?verdict=violation&agreement=coh-sept&sort=-at');
    expect(descending.json().items.map((f: { key: string }) => f.key)).toEqual(sept.json().items.map((f: { key: string }) => f.key).reverse());

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
    const window = await get('ngo-observer', `/api/v1/findings?kind=territory&from=${q('2016-08-01T00:00:00+03:00')}&to=${q('2016-09-01T00:00:00+03:00')}`);
    expect(window.json().items.map((f: { subject_id: string }) => f.subject_id)).toEqual(['z-ramouseh', 'z-al-rai', 'z-daraya', 'z-amarnah']);
    const wrong = await get('ngo-observer', '/api/v1/findings?verdict=guilty');
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.verdict' });
  });

  it('gives the state of the truce: verdicts, the review queue, violations per day, days of calm', async () => {
    const res = await get('ngo-observer', '/api/v1/state?from=2016-09-12&to=2016-09-20');
    expect(res.statusCode).toBe(200);
    const state = res.json();
    expect(state.verdicts).toEqual({ violation: 23, needs_review: 11, permitted: 7, not_covered: 9 });
    expect(state.needs_review).toBe(11);
    expect(state.timezone).toBe('Asia/Damascus');
    expect(state.calm).toEqual({ ...EXPECTED.calm, threshold_per_day: 2, days_required: 7 });
    const sept = state.violations_per_day.find((v: { agreement: string }) => v.agreement === 'coh-sept');
    expect(sept.days).toEqual(EXPECTED.calm.days.map((d: { date: string; violations: number }) => ({ date: d.date, violations: d.violations })));
    expect(state.violations_per_day.map((v: { agreement: string }) => v.agreement)).toEqual(['coh', 'coh-sept']);
    const bad = await get('ngo-observer', '/api/v1/state?from=2016-09-20&to=2016-09-12');
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', path: 'querystring.from' });
  });

  it('counts only what the reader may see', async () => {
    // A co-chairs zone whose change of control is a violation of both agreements on 15 September: a third
    // violation that day breaks the run of calm days, for those who may see it.
    const zone = await server.call('us-analyst', {
      method: 'POST', url: '/api/v1/zones',
      payload: {
        classification: 'co_chairs', geometry: { type: 'Polygon', coordinates: [[[38.5, 33.5], [38.6, 33.5], [38.6, 33.6], [38.5, 33.6], [38.5, 33.5]]] },
        control: [{ actors: ['fsa-south'], from: '2016-03-01T00:00:00Z', to: '2016-09-15T00:00:00Z' }, { actors: ['sy-gov'], from: '2016-09-15T00:00:00Z' }],
      },
    });
    expect(zone.json().findings.territory.inserted).toBe(2);
    const secret = zone.json().zone.id as string;
    const counts = async (user: string) => {
      const state = (await get(user, '/api/v1/state?from=2016-09-12&to=2016-09-20')).json();
      const history = (await get(user, `/api/v1/findings/territory:${secret}:${Date.parse('2016-09-15T00:00:00Z')}:coh/history`)).statusCode;
      return { violations: state.verdicts.violation, reducedOn: state.calm.reduced_violence_on, history };
    };
    expect(await counts('us-analyst')).toEqual({ violations: 25, reducedOn: null, history: 200 });
    expect(await counts('ru-observer')).toEqual({ violations: 25, reducedOn: null, history: 200 });
    for (const user of ['un-ose-analyst', 'ngo-reporter']) {
      expect(await counts(user), user).toEqual({ violations: 23, reducedOn: '2016-09-18', history: 404 });
    }
  });

  it('shows a finding\'s history, and refuses strangers', async () => {
    expect((await get('ngo-observer', '/api/v1/findings/incident:nothing:coh/history')).statusCode).toBe(404);
    const current = await get('ngo-observer', '/api/v1/findings/incident:i07-al-tanf-nsa:coh/history');
    expect(current.json()).toMatchObject({ key: 'incident:i07-al-tanf-nsa:coh', current: { verdict: 'violation' }, history: [] });
    for (const url of ['/api/v1/findings', '/api/v1/state', '/api/v1/findings/incident:i07-al-tanf-nsa:coh/history']) {
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
  });
});
