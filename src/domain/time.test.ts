import { describe, expect, it } from 'vitest';
import { interval } from './test-builders.ts';
import {
  contains,
  coversAll,
  datesBetween,
  dayZone,
  daysInMonth,
  formatInstant,
  isCalendarDate,
  isTimeZoneName,
  nextDate,
  overlaps,
  parseInstant,
  parseOffset,
  symmetricDifference,
} from './time.ts';

describe('parseInstant', () => {
  it.each([
    { text: '2016-02-27T00:00:00Z', utc: '2016-02-27T00:00:00.000Z' },
    { text: '2016-02-27T00:00:00+02:00', utc: '2016-02-26T22:00:00.000Z' },
    { text: '2016-02-27T00:00:00-05:00', utc: '2016-02-27T05:00:00.000Z' },
    { text: '2016-02-27T00:00:00+05:30', utc: '2016-02-26T18:30:00.000Z' },
    { text: '2016-02-27T00:00:00+00:00', utc: '2016-02-27T00:00:00.000Z' },
    { text: '2016-02-27T23:30:00-01:00', utc: '2016-02-28T00:30:00.000Z' },
    { text: '2016-12-31T23:00:00-02:00', utc: '2017-01-01T01:00:00.000Z' },
    { text: '2016-02-27T10:15Z', utc: '2016-02-27T10:15:00.000Z' },
    { text: '2016-02-27T10:15:30.5Z', utc: '2016-02-27T10:15:30.500Z' },
    { text: '2016-02-27T10:15:30.123+03:00', utc: '2016-02-27T07:15:30.123Z' },
    { text: '2016-02-27T10:15:30.123456789Z', utc: '2016-02-27T10:15:30.123Z' },
    { text: '2016-02-27T10:15:30.007Z', utc: '2016-02-27T10:15:30.007Z' },
    { text: '2016-02-29T12:00:00Z', utc: '2016-02-29T12:00:00.000Z' },
    { text: '2000-02-29T12:00:00Z', utc: '2000-02-29T12:00:00.000Z' },
  ])('reads $text as $utc', ({ text, utc }) => {
    expect(parseInstant(text)).toBe(Date.parse(utc));
  });

  it('gives the same instant for the same moment written with different offsets', () => {
    const a = parseInstant('2016-09-12T19:00:00+03:00');
    expect(a).not.toBeNull();
    expect(parseInstant('2016-09-12T16:00:00Z')).toBe(a);
    expect(parseInstant('2016-09-12T11:00:00-05:00')).toBe(a);
  });

  it.each([
    { why: 'no offset', text: '2016-02-27T00:00:00' },
    { why: 'no offset, fractional seconds', text: '2016-02-27T00:00:00.000' },
    { why: 'date only', text: '2016-02-27' },
    { why: 'February 30', text: '2016-02-30T00:00:00Z' },
    { why: 'February 29 in a common year', text: '2015-02-29T00:00:00Z' },
    { why: 'February 29 in 1900', text: '1900-02-29T00:00:00Z' },
    { why: 'April 31', text: '2016-04-31T00:00:00Z' },
    { why: 'month 13', text: '2016-13-01T00:00:00Z' },
    { why: 'month 0', text: '2016-00-10T00:00:00Z' },
    { why: 'day 0', text: '2016-01-00T00:00:00Z' },
    { why: 'hour 24', text: '2016-01-01T24:00:00Z' },
    { why: 'minute 60', text: '2016-01-01T12:60:00Z' },
    { why: 'second 60', text: '2016-01-01T12:00:60Z' },
    { why: 'offset without colon', text: '2016-01-01T12:00:00+0300' },
    { why: 'offset hours only', text: '2016-01-01T12:00:00+03' },
    { why: 'offset beyond 18 hours', text: '2016-01-01T12:00:00+19:00' },
    { why: 'offset minutes 60', text: '2016-01-01T12:00:00+03:60' },
    { why: 'lower-case z', text: '2016-01-01T12:00:00z' },
    { why: 'space for T', text: '2016-01-01 12:00:00Z' },
    { why: 'trailing text', text: '2016-01-01T12:00:00Z garbage' },
    { why: 'empty', text: '' },
    { why: 'words', text: 'yesterday' },
  ])('rejects $why ($text)', ({ text }) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('parseOffset', () => {
  it.each([
    { text: 'Z', minutes: 0 },
    { text: '+00:00', minutes: 0 },
    { text: '+03:00', minutes: 180 },
    { text: '-05:00', minutes: -300 },
    { text: '+05:45', minutes: 345 },
    { text: '-09:30', minutes: -570 },
    { text: '+14:00', minutes: 840 },
  ])('$text is $minutes minutes east of UTC', ({ text, minutes }) => {
    expect(parseOffset(text)).toBe(minutes);
  });

  it.each(['UTC', '+3', '03:00', '+03:0', '+19:00', 'Asia/Damascus', ''])('rejects %j', (text) => {
    expect(parseOffset(text)).toBeNull();
  });
});

describe('daysInMonth and isCalendarDate', () => {
  it.each([
    { year: 2016, month: 2, days: 29 },
    { year: 2015, month: 2, days: 28 },
    { year: 1900, month: 2, days: 28 },
    { year: 2000, month: 2, days: 29 },
    { year: 2016, month: 4, days: 30 },
    { year: 2016, month: 12, days: 31 },
  ])('$year-$month has $days days', ({ year, month, days }) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    { text: '2016-02-29', ok: true },
    { text: '2016-12-31', ok: true },
    { text: '2016-02-30', ok: false },
    { text: '2015-02-29', ok: false },
    { text: '2016-13-01', ok: false },
    { text: '2016-1-01', ok: false },
    { text: '2016-01-01T00:00:00Z', ok: false },
  ])('isCalendarDate($text) is $ok', ({ text, ok }) => {
    expect(isCalendarDate(text)).toBe(ok);
  });
});

describe('formatInstant', () => {
  it.each([
    { utc: '2016-08-26T21:00:00.000Z', text: '2016-08-26T21:00:00Z' },
    { utc: '2016-08-26T21:00:00.250Z', text: '2016-08-26T21:00:00.250Z' },
  ])('writes $utc as $text', ({ utc, text }) => {
    expect(formatInstant(Date.parse(utc))).toBe(text);
  });

  it('round-trips through parseInstant', () => {
    const t = parseInstant('2016-02-27T00:00:00+02:00')!;
    expect(parseInstant(formatInstant(t))).toBe(t);
  });
});

describe('half-open intervals', () => {
  const T0 = 1_000,
    T1 = 2_000;
  const closed = { from: T0, to: T1 };
  const open = { from: T0, to: null };

  it.each([
    { name: 'before from', interval: closed, t: T0 - 1, inside: false },
    { name: 'exactly from', interval: closed, t: T0, inside: true },
    { name: 'between', interval: closed, t: 1_500, inside: true },
    { name: 'just before to', interval: closed, t: T1 - 1, inside: true },
    { name: 'exactly to', interval: closed, t: T1, inside: false },
    { name: 'after to', interval: closed, t: T1 + 1, inside: false },
    { name: 'open-ended, exactly from', interval: open, t: T0, inside: true },
    { name: 'open-ended, far future', interval: open, t: 8.64e15, inside: true },
    { name: 'open-ended, before from', interval: open, t: T0 - 1, inside: false },
  ])('contains: $name -> $inside', ({ interval, t, inside }) => {
    expect(contains(interval, t)).toBe(inside);
  });

  it.each([
    { name: 'disjoint, a before b', a: { from: 0, to: 10 }, b: { from: 20, to: 30 }, result: false },
    { name: 'adjacent: a ends where b starts', a: { from: 0, to: 10 }, b: { from: 10, to: 20 }, result: false },
    { name: 'adjacent: b ends where a starts', a: { from: 10, to: 20 }, b: { from: 0, to: 10 }, result: false },
    { name: 'overlap by one', a: { from: 0, to: 11 }, b: { from: 10, to: 20 }, result: true },
    { name: 'b inside a', a: { from: 0, to: 100 }, b: { from: 10, to: 20 }, result: true },
    { name: 'identical', a: { from: 0, to: 10 }, b: { from: 0, to: 10 }, result: true },
    { name: 'a open-ended, b after a starts', a: { from: 0, to: null }, b: { from: 50, to: 60 }, result: true },
    { name: 'a open-ended, b ends where a starts', a: { from: 50, to: null }, b: { from: 0, to: 50 }, result: false },
    {
      name: 'a open-ended, b ends just after a starts',
      a: { from: 50, to: null },
      b: { from: 0, to: 51 },
      result: true,
    },
    { name: 'b open-ended, starts at a.to', a: { from: 0, to: 10 }, b: { from: 10, to: null }, result: false },
    { name: 'both open-ended', a: { from: 0, to: null }, b: { from: 1e12, to: null }, result: true },
  ])('overlaps: $name -> $result', ({ a, b, result }) => {
    expect(overlaps(a, b)).toBe(result);
    expect(overlaps(b, a)).toBe(result);
  });
});

describe('symmetricDifference', () => {
  it.each([
    { name: 'the same periods', a: [{ from: 10, to: 20 }], b: [{ from: 10, to: 20 }], out: [] },
    {
      name: 'start moved earlier',
      a: [{ from: 10, to: null }],
      b: [{ from: 5, to: null }],
      out: [{ from: 5, to: 10 }],
    },
    { name: 'end moved later', a: [{ from: 10, to: 20 }], b: [{ from: 10, to: 30 }], out: [{ from: 20, to: 30 }] },
    { name: 'end removed', a: [{ from: 10, to: 20 }], b: [{ from: 10, to: null }], out: [{ from: 20, to: null }] },
    {
      name: 'three periods made one from before them all',
      a: [
        { from: 10, to: 20 },
        { from: 30, to: 40 },
        { from: 50, to: null },
      ],
      b: [{ from: 0, to: null }],
      out: [
        { from: 0, to: 10 },
        { from: 20, to: 30 },
        { from: 40, to: 50 },
      ],
    },
    {
      name: 'disjoint',
      a: [{ from: 0, to: 10 }],
      b: [{ from: 20, to: 30 }],
      out: [
        { from: 0, to: 10 },
        { from: 20, to: 30 },
      ],
    },
    { name: 'adjacent halves joined', a: [{ from: 0, to: 10 }], b: [{ from: 10, to: 20 }], out: [{ from: 0, to: 20 }] },
    {
      name: 'overlapping periods in one set',
      a: [
        { from: 0, to: 15 },
        { from: 10, to: 20 },
      ],
      b: [{ from: 0, to: 20 }],
      out: [],
    },
    { name: 'none before, some after', a: [], b: [{ from: 5, to: 6 }], out: [{ from: 5, to: 6 }] },
  ])('$name', ({ a, b, out }) => {
    expect(symmetricDifference(a, b)).toEqual(out);
    expect(symmetricDifference(b, a)).toEqual(out);
    // Each instant is in the answer exactly when one set holds it and the other does not.
    for (let t = -1; t <= 60; t++) {
      const one = a.some((i) => contains(i, t)) !== b.some((i) => contains(i, t));
      expect(
        out.some((i) => contains(i, t)),
        `t = ${t}`,
      ).toBe(one);
    }
  });
});

describe('isTimeZoneName', () => {
  it.each([
    ['Asia/Damascus', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT-3', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['+03:00', false],
    ['Z', false],
    ['', false],
    ['Asia/Damascus; drop table', false],
  ])('%s: %s', (name, known) => {
    expect(isTimeZoneName(name)).toBe(known);
  });
});

describe('dayZone', () => {
  it.each([
    // 22:30Z on 12 September is already the 13th at +03:00, still the 12th at Z and at -05:00.
    { zone: 'Z', utc: '2016-09-12T22:30:00Z', date: '2016-09-12' },
    { zone: '+03:00', utc: '2016-09-12T22:30:00Z', date: '2016-09-13' },
    { zone: '-05:00', utc: '2016-09-12T22:30:00Z', date: '2016-09-12' },
    // 03:00Z on the 13th is the 12th at -05:00 only.
    { zone: 'Z', utc: '2016-09-13T03:00:00Z', date: '2016-09-13' },
    { zone: '+03:00', utc: '2016-09-13T03:00:00Z', date: '2016-09-13' },
    { zone: '-05:00', utc: '2016-09-13T03:00:00Z', date: '2016-09-12' },
    // Day boundaries are half-open: local midnight belongs to the new day.
    { zone: '+03:00', utc: '2016-09-12T21:00:00Z', date: '2016-09-13' },
    { zone: '+03:00', utc: '2016-09-12T20:59:59.999Z', date: '2016-09-12' },
    { zone: '-05:00', utc: '2016-09-13T05:00:00Z', date: '2016-09-13' },
    { zone: '-05:00', utc: '2016-09-13T04:59:59.999Z', date: '2016-09-12' },
    { zone: '+03:00', utc: '2016-12-31T21:00:00Z', date: '2017-01-01' },
    // Asia/Damascus in 2016: UTC+2 in winter, UTC+3 from 25 March to 28 October.
    { zone: 'Asia/Damascus', utc: '2016-01-15T21:30:00Z', date: '2016-01-15' },
    { zone: 'Asia/Damascus', utc: '2016-01-15T22:30:00Z', date: '2016-01-16' },
    { zone: 'Asia/Damascus', utc: '2016-06-01T20:30:00Z', date: '2016-06-01' },
    { zone: 'Asia/Damascus', utc: '2016-06-01T21:30:00Z', date: '2016-06-02' },
    { zone: 'Asia/Damascus', utc: '2016-09-12T22:30:00Z', date: '2016-09-13' },
    { zone: 'Asia/Damascus', utc: '2016-12-01T21:30:00Z', date: '2016-12-01' },
  ])('$utc falls on $date in $zone', ({ zone, utc, date }) => {
    const z = dayZone(zone);
    expect(z).not.toBeNull();
    expect(z!.name).toBe(zone);
    expect(z!.localDate(Date.parse(utc))).toBe(date);
  });

  it('Asia/Damascus gives different days than a fixed +02:00 once DST starts', () => {
    const damascus = dayZone('Asia/Damascus')!;
    const plus2 = dayZone('+02:00')!;
    const winter = Date.parse('2016-01-15T21:30:00Z');
    const summer = Date.parse('2016-06-01T21:30:00Z');
    expect(damascus.localDate(winter)).toBe(plus2.localDate(winter));
    expect(damascus.localDate(summer)).not.toBe(plus2.localDate(summer));
  });

  it.each(['Mars/Olympus_Mons', '+3', 'not a zone'])('returns null for %j', (name) => {
    expect(dayZone(name)).toBeNull();
  });
});

describe('dayZone.startOf: the first instant of a local day', () => {
  it.each([
    { zone: 'Z', date: '2016-09-12', start: '2016-09-12T00:00:00Z' },
    { zone: '+03:00', date: '2016-09-12', start: '2016-09-11T21:00:00Z' },
    { zone: '-05:30', date: '2016-09-12', start: '2016-09-12T05:30:00Z' },
    { zone: 'Asia/Damascus', date: '2016-01-15', start: '2016-01-14T22:00:00Z' },
    { zone: 'Asia/Damascus', date: '2016-09-12', start: '2016-09-11T21:00:00Z' },
    // 25 March 2016: the clocks went from 00:00 to 01:00, so the day began at 01:00 (+03:00), a 23-hour day.
    { zone: 'Asia/Damascus', date: '2016-03-25', start: '2016-03-24T22:00:00Z' },
    { zone: 'Asia/Damascus', date: '2016-03-26', start: '2016-03-25T21:00:00Z' },
    // 28 October 2016: at 00:00 (+03:00) the clocks went back to 23:00 on the 27th, a 25-hour day.
    { zone: 'Asia/Damascus', date: '2016-10-27', start: '2016-10-26T21:00:00Z' },
    { zone: 'Asia/Damascus', date: '2016-10-28', start: '2016-10-27T22:00:00Z' },
    // Half-hour and 45-minute zones, and one west of UTC with DST.
    { zone: 'Asia/Kathmandu', date: '2016-09-12', start: '2016-09-11T18:15:00Z' },
    { zone: 'America/New_York', date: '2016-03-13', start: '2016-03-13T05:00:00Z' },
    { zone: 'America/New_York', date: '2016-03-14', start: '2016-03-14T04:00:00Z' },
  ])('$date starts at $start in $zone', ({ zone, date, start }) => {
    const z = dayZone(zone)!;
    const t = z.startOf(date);
    expect(new Date(t).toISOString()).toBe(new Date(start).toISOString());
    // It is the first instant of that day: the instant before belongs to the day before.
    expect(z.localDate(t)).toBe(date);
    expect(z.localDate(t - 1) < date).toBe(true);
  });

  it('a date that never was there (Samoa skipped 30 December 2011) is a day of no length', () => {
    const apia = dayZone('Pacific/Apia')!;
    expect(apia.startOf('2011-12-30')).toBe(apia.startOf('2011-12-31'));
    expect(apia.localDate(apia.startOf('2011-12-31'))).toBe('2011-12-31');
    expect(apia.localDate(apia.startOf('2011-12-31') - 1)).toBe('2011-12-29');
  });

  it('the days of 2016 in Damascus follow each other with no gap, 23 to 25 hours long', () => {
    const z = dayZone('Asia/Damascus')!;
    const lengths = datesBetween('2016-01-01', '2016-12-31').map(
      (d) => (z.startOf(nextDate(d)) - z.startOf(d)) / 3_600_000,
    );
    expect(lengths.filter((h) => h === 24)).toHaveLength(364);
    expect(lengths.filter((h) => h !== 24).sort()).toEqual([23, 25]);
  });
});

describe('nextDate', () => {
  it.each([
    ['2016-02-28', '2016-02-29'],
    ['2016-02-29', '2016-03-01'],
    ['2016-12-31', '2017-01-01'],
    ['2016-03-25', '2016-03-26'],
  ])('%s -> %s', (date, next) => {
    expect(nextDate(date)).toBe(next);
  });
});

describe('coversAll', () => {
  const t = (iso: string) => Date.parse(iso);
  const day = { from: t('2016-09-14T00:00:00Z'), to: t('2016-09-15T00:00:00Z') };
  it.each([
    { name: 'one open-ended interval from before', intervals: [interval('2016-01-01T00:00:00Z')], covers: true },
    {
      name: 'one interval ending exactly at the end',
      intervals: [interval('2016-01-01T00:00:00Z', '2016-09-15T00:00:00Z')],
      covers: true,
    },
    {
      name: 'starting exactly at the start',
      intervals: [interval('2016-09-14T00:00:00Z', '2016-09-20T00:00:00Z')],
      covers: true,
    },
    { name: 'starting a millisecond late', intervals: [interval('2016-09-14T00:00:00.001Z')], covers: false },
    {
      name: 'ending a millisecond early',
      intervals: [interval('2016-09-01T00:00:00Z', '2016-09-14T23:59:59.999Z')],
      covers: false,
    },
    {
      name: 'two adjacent intervals joining in the day',
      intervals: [
        interval('2016-09-14T19:00:00Z', '2016-09-20T00:00:00Z'),
        interval('2016-09-01T00:00:00Z', '2016-09-14T19:00:00Z'),
      ],
      covers: true,
    },
    {
      name: 'two intervals with a gap of a millisecond',
      intervals: [interval('2016-09-01T00:00:00Z', '2016-09-14T19:00:00Z'), interval('2016-09-14T19:00:00.001Z')],
      covers: false,
    },
    {
      name: 'overlapping intervals',
      intervals: [
        interval('2016-09-01T00:00:00Z', '2016-09-14T20:00:00Z'),
        interval('2016-09-14T10:00:00Z', '2016-09-16T00:00:00Z'),
      ],
      covers: true,
    },
    {
      name: 'an interval wholly before',
      intervals: [interval('2016-09-01T00:00:00Z', '2016-09-02T00:00:00Z')],
      covers: false,
    },
    {
      name: 'an interval wholly inside only',
      intervals: [interval('2016-09-14T06:00:00Z', '2016-09-14T18:00:00Z')],
      covers: false,
    },
    { name: 'no interval', intervals: [], covers: false },
  ])('$name: $covers', ({ intervals, covers }) => {
    expect(coversAll(intervals, day.from, day.to)).toBe(covers);
  });
});

describe('datesBetween', () => {
  it.each([
    { from: '2016-09-12', to: '2016-09-12', dates: ['2016-09-12'] },
    { from: '2016-09-12', to: '2016-09-14', dates: ['2016-09-12', '2016-09-13', '2016-09-14'] },
    { from: '2016-02-28', to: '2016-03-01', dates: ['2016-02-28', '2016-02-29', '2016-03-01'] },
    { from: '2015-02-28', to: '2015-03-01', dates: ['2015-02-28', '2015-03-01'] },
    { from: '2016-12-31', to: '2017-01-01', dates: ['2016-12-31', '2017-01-01'] },
    { from: '2016-09-14', to: '2016-09-12', dates: [] },
  ])('$from .. $to', ({ from, to, dates }) => {
    expect(datesBetween(from, to)).toEqual(dates);
  });

  it('covers a whole leap year, one entry per day, in order, across DST dates', () => {
    const dates = datesBetween('2016-01-01', '2016-12-31');
    expect(dates).toHaveLength(366);
    expect(dates[0]).toBe('2016-01-01');
    expect(dates.at(-1)).toBe('2016-12-31');
    expect(new Set(dates).size).toBe(366);
    expect([...dates].sort()).toEqual(dates);
    expect(dates).toContain('2016-03-25');
    expect(dates).toContain('2016-10-28');
  });
});
