import { describe, expect, it } from 'vitest';
import { countCalm, type DatedVerdict } from './calm.ts';
import { evaluate } from './evaluate.ts';
import type { CalmSpec } from './model.ts';
import { actor, agreement, at, control, incident, interval, party, rect, world, zone } from './test-builders.ts';
import { dayZone } from './time.ts';

const spec = (overrides: Partial<CalmSpec> = {}): CalmSpec => ({
  agreement: 'coh',
  from: '2016-09-12',
  to: '2016-09-14',
  thresholdPerDay: 0,
  daysRequired: 7,
  ...overrides,
});
const v = (iso: string, verdict = 'violation', agreementId: string | null = 'coh'): DatedVerdict => ({
  agreement: agreementId,
  verdict,
  at: at(iso),
});
const zoneOf = (name: string) => {
  const z = dayZone(name);
  if (!z) throw new Error(`no zone ${name}`);
  return z;
};
const counts = (r: ReturnType<typeof countCalm>) => r.days.map((d) => d.violations);
/** In force since before the days counted, with no end. */
const ALWAYS = [interval('2016-01-01T00:00:00Z')];

describe('countCalm: local days', () => {
  // 22:30Z on the 12th: the 13th at +03:00 and in Damascus (UTC+3 in September), the 12th at Z and -05:00.
  it.each([
    { tz: 'Z', counts: [1, 0, 0] },
    { tz: '+03:00', counts: [0, 1, 0] },
    { tz: '-05:00', counts: [1, 0, 0] },
    { tz: 'Asia/Damascus', counts: [0, 1, 0] },
  ])('a violation at 2016-09-12T22:30Z counts in $tz as $counts', ({ tz, counts: expected }) => {
    expect(counts(countCalm(spec(), ALWAYS, zoneOf(tz), [v('2016-09-12T22:30:00Z')]))).toEqual(expected);
  });

  it.each([
    { tz: 'Z', counts: [0, 1, 0] },
    { tz: '+03:00', counts: [0, 1, 0] },
    { tz: '-05:00', counts: [1, 0, 0] },
  ])('a violation at 2016-09-13T03:00Z counts in $tz as $counts', ({ tz, counts: expected }) => {
    expect(counts(countCalm(spec(), ALWAYS, zoneOf(tz), [v('2016-09-13T03:00:00Z')]))).toEqual(expected);
  });

  it('local midnight belongs to the day it starts', () => {
    const r = countCalm(spec(), ALWAYS, zoneOf('+03:00'), [
      v('2016-09-13T00:00:00+03:00'),
      v('2016-09-12T23:59:59.999+03:00'),
    ]);
    expect(counts(r)).toEqual([1, 1, 0]);
  });

  it('violations on days outside from..to are not counted anywhere', () => {
    const r = countCalm(spec(), ALWAYS, zoneOf('Z'), [v('2016-09-11T23:59:59Z'), v('2016-09-15T00:00:00Z')]);
    expect(counts(r)).toEqual([0, 0, 0]);
    expect(r.days.map((d) => d.date)).toEqual(['2016-09-12', '2016-09-13', '2016-09-14']);
  });

  it('counts only violations of the calm agreement', () => {
    const r = countCalm(spec(), ALWAYS, zoneOf('Z'), [
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
  const series = (perDay: number[]): DatedVerdict[] =>
    perDay.flatMap((n, k) => {
      const day = `2016-09-${String(12 + k).padStart(2, '0')}`;
      return Array.from({ length: n }, (_, j) => v(`${day}T${String(10 + j).padStart(2, '0')}:00:00Z`));
    });

  it.each([
    { threshold: 2, perDay: [2, 3, 0], calm: [true, false, true] },
    { threshold: 0, perDay: [0, 1, 0], calm: [true, false, true] },
    { threshold: 5, perDay: [5, 6, 4], calm: [true, false, true] },
  ])('a day is calm at or under the threshold ($threshold): $perDay -> $calm', ({ threshold, perDay, calm }) => {
    const r = countCalm(spec({ thresholdPerDay: threshold }), ALWAYS, zoneOf('Z'), series(perDay));
    expect(counts(r)).toEqual(perDay);
    expect(r.days.map((d) => d.calm)).toEqual(calm);
  });

  it.each([
    {
      name: 'all calm: the streak grows; reached on the 3rd day',
      perDay: [0, 0, 0, 0, 0],
      required: 3,
      streaks: [1, 2, 3, 4, 5],
      reached: '2016-09-14',
    },
    {
      name: 'reached on the first day when one day is required',
      perDay: [0, 0],
      required: 1,
      streaks: [1, 2],
      reached: '2016-09-12',
    },
    {
      name: 'a bad day resets the streak; reached after it',
      perDay: [0, 0, 3, 0, 0, 0],
      required: 3,
      streaks: [1, 2, 0, 1, 2, 3],
      reached: '2016-09-17',
    },
    {
      name: 'reached once, the first day stays even after a reset',
      perDay: [0, 0, 3, 0, 0],
      required: 2,
      streaks: [1, 2, 0, 1, 2],
      reached: '2016-09-13',
    },
    {
      name: 'never long enough',
      perDay: [0, 0, 3, 0, 0, 3, 0],
      required: 3,
      streaks: [1, 2, 0, 1, 2, 0, 1],
      reached: null,
    },
    { name: 'a bad first day', perDay: [3, 0, 0], required: 2, streaks: [0, 1, 2], reached: '2016-09-14' },
  ])('$name', ({ perDay, required, streaks, reached }) => {
    const days = perDay.length;
    const r = countCalm(
      spec({ to: `2016-09-${11 + days}`, thresholdPerDay: 2, daysRequired: required }),
      ALWAYS,
      zoneOf('Z'),
      series(perDay),
    );
    expect(r.days.map((d) => d.streak)).toEqual(streaks);
    expect(r.reducedViolenceOn).toBe(reached);
    expect(r.agreement).toBe('coh');
  });
});

describe('countCalm: a day outside the periods in force is never calm', () => {
  // Two adjacent periods, as the demo's September arrangement: 12 Sept 19:00 to 14 Sept 19:00 and
  // on to 19 Sept 00:00, at +03:00. Days 12-20 Sept; threshold 2, 3 days required.
  const sept = [
    interval('2016-09-12T19:00:00+03:00', '2016-09-14T19:00:00+03:00'),
    interval('2016-09-14T19:00:00+03:00', '2016-09-19T00:00:00+03:00'),
  ];
  const nine = spec({ from: '2016-09-12', to: '2016-09-20', thresholdPerDay: 2, daysRequired: 3 });
  const run = (inForce: ReturnType<typeof interval>[], tz = '+03:00', verdicts: DatedVerdict[] = []) =>
    countCalm(nine, inForce, zoneOf(tz), verdicts);

  it('the first day (from 19:00 only) and the days after the end are not in force, so not calm, even with no violation', () => {
    const r = run(sept);
    expect(r.days.map((d) => [d.date, d.inForce, d.calm, d.streak])).toEqual([
      ['2016-09-12', false, false, 0],
      ['2016-09-13', true, true, 1],
      ['2016-09-14', true, true, 2],
      ['2016-09-15', true, true, 3],
      ['2016-09-16', true, true, 4],
      ['2016-09-17', true, true, 5],
      ['2016-09-18', true, true, 6],
      ['2016-09-19', false, false, 0],
      ['2016-09-20', false, false, 0],
    ]);
    expect(r.reducedViolenceOn).toBe('2016-09-15');
  });

  it('the end at 19 Sept 00:00 local is exclusive: the 18th is wholly in force, the 19th not at all', () => {
    const r = run(sept);
    expect(r.days.find((d) => d.date === '2016-09-18')!.inForce).toBe(true);
    expect(r.days.find((d) => d.date === '2016-09-19')!.inForce).toBe(false);
  });

  it("days are in force by the world's timezone: at Z the periods end 18 Sept 21:00, so the 18th is only partly in force", () => {
    const r = run(sept, 'Z');
    expect(r.days.filter((d) => d.inForce).map((d) => d.date)).toEqual([
      '2016-09-13',
      '2016-09-14',
      '2016-09-15',
      '2016-09-16',
      '2016-09-17',
    ]);
  });

  it('a gap of one millisecond between two periods takes the day it falls in out of force', () => {
    const gap = [
      interval('2016-09-12T19:00:00+03:00', '2016-09-14T19:00:00+03:00'),
      interval('2016-09-14T19:00:00.001+03:00', '2016-09-19T00:00:00+03:00'),
    ];
    const r = run(gap);
    expect(r.days.find((d) => d.date === '2016-09-14')).toMatchObject({ inForce: false, calm: false, streak: 0 });
    expect(r.days.find((d) => d.date === '2016-09-15')).toMatchObject({ inForce: true, calm: true, streak: 1 });
  });

  it('violations on a day out of force are still counted, and the day is not calm', () => {
    const r = run(sept, '+03:00', [v('2016-09-19T10:00:00+03:00')]);
    expect(r.days.find((d) => d.date === '2016-09-19')).toMatchObject({ violations: 1, inForce: false, calm: false });
  });

  it('a day in force with too many violations is not calm either; the two reasons are told apart', () => {
    const r = run(sept, '+03:00', [
      v('2016-09-15T10:00:00+03:00'),
      v('2016-09-15T11:00:00+03:00'),
      v('2016-09-15T12:00:00+03:00'),
    ]);
    expect(r.days.find((d) => d.date === '2016-09-15')).toMatchObject({
      violations: 3,
      inForce: true,
      calm: false,
      streak: 0,
    });
  });

  it('an agreement that is never in force has no calm day', () => {
    const r = run([]);
    expect(r.days.every((d) => !d.inForce && !d.calm && d.streak === 0)).toBe(true);
    expect(r.reducedViolenceOn).toBeNull();
  });

  it('in Damascus time, the 23-hour day when the clocks went forward is in force when the agreement covers it', () => {
    const march = spec({ from: '2016-03-24', to: '2016-03-26', thresholdPerDay: 0, daysRequired: 1 });
    // In force from 25 March 01:00 local (22:00Z on the 24th), the first instant of the 25th there.
    const r = countCalm(march, [interval('2016-03-24T22:00:00Z')], zoneOf('Asia/Damascus'), []);
    expect(r.days.map((d) => d.inForce)).toEqual([false, true, true]);
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
    const seized = zone(
      'z',
      rect(0, 0, 1, 1),
      control(['reb'], '2015-01-01T00:00:00Z', '2016-09-12T22:00:00Z'),
      control(['gov'], '2016-09-12T22:00:00Z'),
    );
    const e = evaluate(world({ ...base, zones: [seized] }));
    expect(e.territory).toMatchObject([{ agreement: 'coh', verdict: 'violation' }]);
    expect(e.calm!.days.map((d) => d.violations)).toEqual([0, 1, 0]);
    expect(e.calm!.days.map((d) => d.streak)).toEqual([1, 0, 1]);
    expect(e.calm!.reducedViolenceOn).toBeNull();
  });

  const incidents = [
    incident('i1', {
      occurredAt: at('2016-09-14T10:00:00+03:00'),
      perpetrator: 'gov',
      target: { civilian: 'hospital' },
    }),
    // Inside `other`'s scope as well: one violation per agreement.
    incident('i2', {
      occurredAt: at('2016-09-12T10:00:00+03:00'),
      location: { lon: 10.5, lat: 10.5 },
      perpetrator: 'gov',
      target: { civilian: 'market' },
    }),
    // Not a violation: a non-party.
    incident('i3', {
      occurredAt: at('2016-09-13T10:00:00+03:00'),
      perpetrator: 'nonparty',
      target: { civilian: 'market' },
    }),
  ];

  it('incident violations count, each under its own agreement', () => {
    const e = evaluate(world({ ...base, incidents }));
    expect(e.findings.filter((f) => f.verdict === 'violation').map((f) => [f.incident, f.agreement])).toEqual([
      ['i1', 'coh'],
      ['i2', 'coh'],
      ['i2', 'other'],
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
    const e = evaluate(
      world({
        ...base,
        agreements: [sd],
        incidents: [
          incident('i1', {
            occurredAt: at('2016-09-12T10:00:00+03:00'),
            perpetrator: 'gov',
            target: { actor: 'reb' },
            selfDefenseClaim: true,
          }),
        ],
      }),
    );
    expect(e.calm!.days.map((d) => d.violations)).toEqual([0, 0, 0]);
    expect(e.calm!.reducedViolenceOn).toBe('2016-09-13');
  });

  it('calm is null when the world has none', () => {
    expect(evaluate(world({ ...base, calm: null })).calm).toBeNull();
  });
});
