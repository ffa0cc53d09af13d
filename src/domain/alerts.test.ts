import { describe, expect, it } from 'vitest';
import { alertReasons, type AlertSubject } from './alerts.ts';
import type { ProtectedSite } from './model.ts';

const T = Date.parse('2016-05-01T00:00:00Z');
const hospital: ProtectedSite = {
  id: 'quds',
  kind: 'hospital',
  owner: 'un',
  geometry: { type: 'Point', coordinates: [37.15, 36.2] },
  bufferM: 500,
  valid: { from: T - 86_400_000, to: T + 86_400_000 },
  notifiedTo: ['ru', 'us'],
};
const unnotified: ProtectedSite = { ...hospital, id: 'school', notifiedTo: [] };
// About 333 m north of the hospital, and about 1.1 km north.
const near = { lon: 37.15, lat: 36.203, at: T };
const far = { lon: 37.15, lat: 36.21, at: T };

describe('alertReasons', () => {
  const cases: [string, AlertSubject, readonly ProtectedSite[], string[]][] = [
    ['a violation', { verdict: 'violation', agreement: 'coh', violators: ['sy-gov'] }, [], ['violation']],
    ['a permitted finding far from sites', { verdict: 'permitted', where: far }, [hospital], []],
    ["a report inside a notified site's buffer", { where: near }, [hospital], ['protected_site']],
    ['a report outside the buffer', { where: far }, [hospital], []],
    ['a site nobody was told about', { where: near }, [unnotified], []],
    ['a site not valid at the time', { where: { ...near, at: T + 2 * 86_400_000 } }, [hospital], []],
    [
      'a violation at a notified site',
      { verdict: 'violation', where: near },
      [hospital],
      ['violation', 'protected_site'],
    ],
    ['a site the reader cannot see (not passed)', { where: near }, [], []],
  ];
  it.each(cases)('%s', (_name, subject, sites, rules) => {
    expect(alertReasons(subject, sites).map((r) => r.rule)).toEqual(rules);
  });

  it('says why, with the distance and the kind of site, as a statement and in English with names', () => {
    const [reason] = alertReasons({ where: near }, [hospital]);
    expect(reason).toMatchObject({
      site: 'quds',
      statement: { code: 'alert.protected_site', params: { kind: { text: 'hospital' }, buffer: { number: 500 } } },
    });
    expect(reason!.message).toMatch(
      /^33\d m from a protected site \(hospital\) notified to the parties, inside its 500 m buffer\.$/,
    );
    const names = {
      actor: (id: string) => ({ 'sy-gov': 'Syrian Arab Army' })[id] ?? id,
      agreement: () => 'Cessation of Hostilities',
    };
    const [violation] = alertReasons({ verdict: 'violation', agreement: 'coh', violators: ['sy-gov'] }, [], names);
    expect(violation!.message).toBe('A violation of Cessation of Hostilities by Syrian Arab Army.');
    expect(violation!.statement).toEqual({
      code: 'alert.violation',
      params: { agreement: { agreement: 'coh' }, violators: { actors: ['sy-gov'] } },
    });
  });
});
