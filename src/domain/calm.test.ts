import { describe, expect, it } from 'vitest';
import { countCalm, type DatedVerdict } from './calm.ts';
import { evaluate } from './evaluate.ts';
import type { CalmSpec } from './model.ts';
import { actor, agreement, at, control, incident, party, rect, world, zone } from './test-builders.ts';
import { dayZone } from './time.ts';

const spec = (overrides: Partial<CalmSpec> = {}): CalmSpec => ({
  agreement: 'coh', from: '2016-09-12', to: '2016-09-14', thresholdPerDay: 0, daysRequired: 7, ...overrides,
});
const v = (iso: string, verdict = 'violation', agreementId: string | null = 'coh'): DatedVerdict => ({ agreement: agreementId, verdict, at: at(iso) });
const zoneOf = (name: string) => {
  const z = dayZone(name);
  if (!z) throw new Error(`no zone ${name}`);
  return z;
};
const counts = (r: ReturnType<typeof countCalm>) => r.days.map((d) => d.violations);

describe('countCalm: local days', () => {
  // 22:30Z on the 12th: the 13th at +03:00 and in Damascus (UTC+3 in September), the 12th at Z and -05:00.
  it.each([
    { tz: 'Z', counts: [1, 0, 0] },
    { tz: '+03:00', counts: [0, 1, 0] },
    { tz: '-05:00', counts: [1, 0, 0] },
    { tz: 'Asia/Damascus', counts: [0, 1, 0] },
  ])('a violation at 2016-09-12T22:30Z counts in $tz as $counts', ({ tz, counts: expected }) => {
    expect(counts(countCalm(spec(), zoneOf(tz), [v('2016-09-12T22:30:00Z')]))).toEqual(expected);
  });

  it.each([
    { tz: 'Z', counts: [0, 1, 0] },
    { tz: '+03:00', counts: [0, 1, 0] },
    { tz: '-05:00', counts: [1, 0, 0] },
  ])('a violation at 2016-09-13T03:00Z counts in $tz as $counts', ({ tz, counts: expected }) => {
    expect(counts(countCalm(spec(), zoneOf(tz), [v('2016-09-13T03:00:00Z')]))).toEqual(expected);
  });

  it('local midnight belongs to the day it starts', () => {
    const r = countCalm(spec(), zoneOf('+03:00'), [v('2016-09-13T00:00:00+03:00'), v('2016-09-12T23:59:59.999+03:00')]);
    expect(counts(r)).toEqual([1, 1, 0]);
  });

  it('violations on days outside from..to are not counted anywhere', () => {
    const r = countCalm(spec(), zoneOf('Z'), [v('2016-09-11T23:59:59Z'), v('2016-09-15T00:00:00Z')]);
    expect(counts(r)).toEqual([0, 0, 0]);
    expect(r.days.map((d) => d.date)).toEqual(['2016-09-12', '2016-09-13', '2016-09-14']);
  });

  it('counts only violations of the calm agreement', () => {
    const r = countCalm(spec(), zoneOf('Z'), [
      v('2016-09-12T10:00:00Z'),
      v('2016-09-12T11:00:00Z', 'violation', 'other'),
      v('2016-09-12T12:00:00Z', 'violation', null),
      v('2016-09-12T13:00:00Z', 'needs_review'),
      v('2016-09-12T14:00:00Z', 'permitted'),
      v('2016-09-12T15:00:00Z', 'not_covered'),
    ]);
    expect(counts(r)).toEqual([1, 0, 0]);
  });
});

describe('countCalm: threshold, streak and reduced violence', () => {
  const series = (perDay: number[]): DatedVerdict[] => perDay.flatMap((n, k) => {
    const day = `2016-09-${String(12 + k).padStart(2, '0')}`;
    return Array.from({ length: n }, (_, j) => v(`${day}T${String(10 + j).padStart(2, '0')}:00:00Z`));
  });

  it.each([
    { threshold: 2, perDay: [2, 3, 0], calm: [true, false, true] },
    { threshold: 0, perDay: [0, 1, 0], calm: [true, false, true] },
    { threshold: 5, perDay: [5, 6, 4], calm: [true, false, true] },
  ])('a day is calm at or under the threshold ($threshold): $perDay -> $calm', ({ threshold, perDay, calm }) => {
    const r = countCalm(spec({ thresholdPerDay: threshold }), zoneOf('Z'), series(perDay));
    expect(counts(r)).toEqual(perDay);
    expect(r.days.map((d) => d.calm)).toEqual(calm);
  });

  it.each([
    { name: 'all calm: the streak grows; reached on the 3rd day', perDay: [0, 0, 0, 0, 0], required: 3, streaks: [1, 2, 3, 4, 5], reached: '2016-09-14' },
    { name: 'reached on the first day when one day is required', perDay: [0, 0], required: 1, streaks: [1, 2], reached: '2016-09-12' },
    { name: 'a bad day resets the streak; reached after it', perDay: [0, 0, 3, 0, 0, 0], required: 3, streaks: [1, 2, 0, 1, 2, 3], reached: '2016-09-17' },
    { name: 'reached once, the first day stays even after a reset', perDay: [0, 0, 3, 0, 0], required: 2, streaks: [1, 2, 0, 1, 2], reached: '2016-09-13' },
    { name: 'never long enough', perDay: [0, 0, 3, 0, 0, 3, 0], required: 3, streaks: [1, 2, 0, 1, 2, 0, 1], reached: null },
    { name: 'a bad first day', perDay: [3, 0, 0], required: 2, streaks: [0, 1, 2], reached: '2016-09-14' },
  ])('$name', ({ perDay, required, streaks, reached }) => {
    const days = perDay.length;
    const r = countCalm(spec({ to: `2016-09-${11 + days}`, thresholdPerDay: 2, daysRequired: required }), zoneOf('Z'), series(perDay));
    expect(r.days.map((d) => d.streak)).toEqual(streaks);
    expect(r.reducedViolenceOn).toBe(reached);
    expect(r.agreement).toBe('coh');
  });
});

describe('calm through evaluate: incident and territory findings both count', () => {
  const actors = [actor('gov'), actor('reb'), actor('nonparty')];
  const parties = [party('gov', '2016-01-01T00:00:00Z'), party('reb', '2016-01-01T00:00:00Z')];
  const coh = agreement('coh', { parties });
  const other = agreement('other', { parties, scope: rect(10, 10, 11, 11) });
  const base = {
    actors,
    agreements: [coh, other],
    timezone: '+03:00',
    calm: spec({ from: '2016-09-12', to: '2016-09-14', thresholdPerDay: 0, daysRequired: 2 }),
  };

  it('a seizure between parties counts on its local day', () => {
    // The handover at 22:00Z on the 12th is 01:00 on the 13th at +03:00.
    const seized = zone('z', rect(0, 0, 1, 1), control(['reb'], '2015-01-01T00:00:00Z', '2016-09-12T22:00:00Z'), control(['gov'], '2016-09-12T22:00:00Z'));
    const e = evaluate(world({ ...base, zones: [seized] }));
    expect(e.territory).toMatchObject([{ agreement: 'coh', verdict: 'violation' }]);
    expect(e.calm!.days.map((d) => d.violations)).toEqual([0, 1, 0]);
    expect(e.calm!.days.map((d) => d.streak)).toEqual([1, 0, 1]);
    expect(e.calm!.reducedViolenceOn).toBeNull();
  });

  const incidents = [
    incident('i1', { occurredAt: at('2016-09-14T10:00:00+03:00'), perpetrator: 'gov', target: { civilian: 'hospital' } }),
    // Inside `other`'s scope as well: one violation per agreement.
    incident('i2', { occurredAt: at('2016-09-12T10:00:00+03:00'), location: { lon: 10.5, lat: 10.5 }, perpetrator: 'gov', target: { civilian: 'market' } }),
    // Not a violation: a non-party.
    incident('i3', { occurredAt: at('2016-09-13T10:00:00+03:00'), perpetrator: 'nonparty', target: { civilian: 'market' } }),
  ];

  it('incident violations count, each under its own agreement', () => {
    const e = evaluate(world({ ...base, incidents }));
    expect(e.findings.filter((f) => f.verdict === 'violation').map((f) => [f.incident, f.agreement])).toEqual([
      ['i1', 'coh'], ['i2', 'coh'], ['i2', 'other'],
    ]);
    expect(e.calm!.days.map((d) => d.violations)).toEqual([1, 0, 1]);
    expect(e.calm!.reducedViolenceOn).toBeNull();
  });

  it("another agreement's violations are not counted", () => {
    const e = evaluate(world({ ...base, calm: { ...base.calm, agreement: 'other' }, incidents }));
    expect(e.calm!.agreement).toBe('other');
    expect(e.calm!.days.map((d) => d.violations)).toEqual([1, 0, 0]);
    expect(e.calm!.reducedViolenceOn).toBe('2016-09-14');
  });

  it('a violation sent to review by a self-defence claim is not counted', () => {
    const sd = agreement('coh', { parties, selfDefense: true });
    const e = evaluate(world({
      ...base,
      agreements: [sd],
      incidents: [incident('i1', { occurredAt: at('2016-09-12T10:00:00+03:00'), perpetrator: 'gov', target: { actor: 'reb' }, selfDefenseClaim: true })],
    }));
    expect(e.calm!.days.map((d) => d.violations)).toEqual([0, 0, 0]);
    expect(e.calm!.reducedViolenceOn).toBe('2016-09-13');
  });

  it('calm is null when the world has none', () => {
    expect(evaluate(world({ ...base, calm: null })).calm).toBeNull();
  });
});
