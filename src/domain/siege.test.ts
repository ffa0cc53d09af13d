import { describe, expect, it } from 'vitest';
import {
  type DatedStatus,
  daysFrom,
  daysWithoutDelivery,
  type Estimate,
  lastDeliveryOn,
  populationOn,
  statusOn,
  statusSince,
} from './siege.ts';

// Daraya in 2016: besieged from November 2012 until the town was handed over on 27 August 2016.
const DARAYA: DatedStatus[] = [
  { since: '2016-08-27', status: 'no_longer_besieged' },
  { since: '2012-11-08', status: 'besieged' },
];

describe('statusOn', () => {
  it.each([
    ['2012-11-07', null, null],
    ['2012-11-08', 'besieged', '2012-11-08'],
    ['2016-08-26', 'besieged', '2012-11-08'],
    ['2016-08-27', 'no_longer_besieged', '2016-08-27'],
    ['2020-01-01', 'no_longer_besieged', '2016-08-27'],
  ])('on %s: %s since %s', (day, status, since) => {
    expect(statusOn(DARAYA, day)).toBe(status);
    expect(statusSince(DARAYA, day)).toBe(since);
  });
});

const est = (asOf: string, population: number, recordedAt: number, source = ''): Estimate & { source: string } => ({
  asOf,
  population,
  recordedAt,
  source,
});

describe('populationOn', () => {
  const ALEPPO = [est('2016-11-21', 275_000, 3, 'OCHA'), est('2016-01-01', 300_000, 1, 'Wikipedia')];
  const DARAYA_JUNE = [est('2016-06-10', 8_000, 1, 'council'), est('2016-06-10', 4_000, 2, 'OCHA')];
  it.each([
    ['before any estimate', ALEPPO, '2015-12-31', null, null, null, 0],
    ['one estimate: no trend', ALEPPO, '2016-06-01', 300_000, null, null, 0],
    ['a later, smaller estimate: down', ALEPPO, '2016-12-01', 275_000, 300_000, 'down', 0],
    ['the later one only counts from its day', ALEPPO, '2016-11-20', 300_000, null, null, 0],
    [
      'two sources of one day: the one recorded last, the other beside it',
      DARAYA_JUNE,
      '2016-07-01',
      4_000,
      null,
      null,
      1,
    ],
    [
      'a larger estimate after two of one day: up, against the latest of those',
      [...DARAYA_JUNE, est('2016-08-01', 5_000, 0)],
      '2016-08-01',
      5_000,
      4_000,
      'up',
      0,
    ],
    [
      'the same figure again: same',
      [est('2016-01-01', 10, 1), est('2016-02-01', 10, 2)],
      '2016-03-01',
      10,
      10,
      'same',
      0,
    ],
  ])('%s', (_what, estimates, day, latest, previous, trend, others) => {
    const p = populationOn(estimates, day);
    expect(p.latest?.population ?? null).toBe(latest);
    expect(p.previous?.population ?? null).toBe(previous);
    expect(p.trend).toBe(trend);
    expect(p.sameDay).toHaveLength(others);
  });

  it('keeps the other estimates of the latest day, latest recorded first', () => {
    const three = [
      est('2016-06-10', 8_000, 1, 'council'),
      est('2016-06-10', 4_000, 3, 'OCHA'),
      est('2016-06-10', 6_000, 2, 'x'),
    ];
    expect(populationOn(three, '2016-06-10').sameDay.map((e) => e.source)).toEqual(['x', 'council']);
  });
});

describe('days without delivery', () => {
  const deliveries = [{ on: '2016-06-01' }, { on: '2016-06-09' }];
  it.each([
    ['before any delivery', '2016-05-31', 'besieged', null, null],
    ['on the day of one', '2016-06-09', 'besieged', '2016-06-09', 0],
    ['53 days later', '2016-08-01', 'besieged', '2016-06-09', 53],
    ['hard to reach counts too', '2016-06-10', 'hard_to_reach', '2016-06-09', 1],
    ['no longer besieged: not counted', '2016-09-01', 'no_longer_besieged', '2016-06-09', null],
    ['no status yet: not counted', '2016-07-01', null, '2016-06-09', null],
  ] as const)('%s', (_what, day, status, last, days) => {
    expect(lastDeliveryOn(deliveries, day)).toBe(last);
    expect(daysWithoutDelivery(status, lastDeliveryOn(deliveries, day), day)).toBe(days);
  });

  it('counts calendar days across a change of offset and a leap day', () => {
    expect(daysFrom('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysFrom('2016-03-20', '2016-04-01')).toBe(12);
    expect(daysFrom('2016-12-31', '2016-12-30')).toBe(-1);
  });
});
