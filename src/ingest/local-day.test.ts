import { describe, expect, it } from 'vitest';
import { localDays } from './local-day.ts';

describe('localDays', () => {
  const damascus = localDays('Asia/Damascus');

  it.each([
    // Winter (UTC+2) and summer (UTC+3).
    { date: '2016-01-01', start: '2015-12-31T22:00:00Z', end: '2016-01-01T22:00:00Z' },
    { date: '2016-07-01', start: '2016-06-30T21:00:00Z', end: '2016-07-01T21:00:00Z' },
    // 25 March 2016: the clocks went from 00:00 to 01:00, so the day began at 01:00 and lasted 23 hours.
    { date: '2016-03-24', start: '2016-03-23T22:00:00Z', end: '2016-03-24T22:00:00Z' },
    { date: '2016-03-25', start: '2016-03-24T22:00:00Z', end: '2016-03-25T21:00:00Z' },
    // 28 October 2016: at 00:00 the clocks went back to 23:00 of the 27th, which lasted 25 hours.
    { date: '2016-10-27', start: '2016-10-26T21:00:00Z', end: '2016-10-27T22:00:00Z' },
    { date: '2016-10-28', start: '2016-10-27T22:00:00Z', end: '2016-10-28T22:00:00Z' },
    // Across a year's end, and a leap day.
    { date: '2016-12-31', start: '2016-12-30T22:00:00Z', end: '2016-12-31T22:00:00Z' },
    { date: '2016-02-29', start: '2016-02-28T22:00:00Z', end: '2016-02-29T22:00:00Z' },
  ])('$date in Damascus: from $start until $end', ({ date, start, end }) => {
    expect(damascus.start(date)).toBe(Date.parse(start));
    expect(damascus.end(date)).toBe(Date.parse(end));
  });

  it('gives the first instant that falls on the date there', () => {
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Damascus',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const date of ['2016-03-25', '2016-10-28', '2017-03-31', '2017-10-27', '2018-03-30', '2019-10-25']) {
      const start = damascus.start(date);
      expect(local.format(start)).toBe(date);
      expect(local.format(start - 1)).not.toBe(date);
    }
  });

  it('works in UTC and west of it', () => {
    expect(localDays('UTC').start('2016-02-27')).toBe(Date.parse('2016-02-27T00:00:00Z'));
    expect(localDays('America/Sao_Paulo').start('2016-10-16')).toBe(Date.parse('2016-10-16T03:00:00Z'));
  });

  it('refuses what is not a date', () => {
    expect(() => damascus.start('yesterday')).toThrow(RangeError);
  });
});
