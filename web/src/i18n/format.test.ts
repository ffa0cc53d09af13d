import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDateTime,
  instantOfLocal,
  interpolate,
  intlTimeZone,
  localDate,
  localInputValue,
  offsetMinutesAt,
  timeZoneLabel,
} from './format.ts';

describe('intlTimeZone', () => {
  it.each([
    [undefined, 'Asia/Damascus'],
    ['Z', 'UTC'],
    ['+00:00', 'UTC'],
    ['+03:00', 'Etc/GMT-3'],
    ['-05:00', 'Etc/GMT+5'],
    ['+05:30', '+05:30'],
    ['Asia/Damascus', 'Asia/Damascus'],
  ] as const)('%s is %s', (setting, expected) => expect(intlTimeZone(setting)).toBe(expected));
});

describe('timeZoneLabel', () => {
  it.each([
    ['+03:00', 'UTC+03:00'],
    ['Z', 'UTC'],
    ['Asia/Damascus', 'Asia/Damascus'],
  ] as const)('%s reads %s', (s, label) => {
    expect(timeZoneLabel(s)).toBe(label);
  });
});

describe('instants in the truce timezone', () => {
  const t = Date.parse('2016-09-12T19:00:00+03:00');
  it('finds the local date across midnight UTC', () => {
    expect(localDate(Date.parse('2016-09-12T22:30:00Z'), '+03:00')).toBe('2016-09-13');
    expect(localDate(Date.parse('2016-09-12T22:30:00Z'), 'Z')).toBe('2016-09-12');
  });
  it('knows the offset, with summer time in Damascus', () => {
    expect(offsetMinutesAt(t, '+03:00')).toBe(180);
    expect(offsetMinutesAt(Date.parse('2016-01-15T12:00:00Z'), 'Asia/Damascus')).toBe(120);
    expect(offsetMinutesAt(Date.parse('2016-07-15T12:00:00Z'), 'Asia/Damascus')).toBe(180);
  });
  it('turns a wall-clock time into the instant and back', () => {
    expect(instantOfLocal('2016-09-12T19:00', '+03:00')).toBe(t);
    expect(instantOfLocal('2016-09-12', '+03:00')).toBe(Date.parse('2016-09-12T00:00:00+03:00'));
    expect(instantOfLocal('2016-01-15T12:00', 'Asia/Damascus')).toBe(Date.parse('2016-01-15T12:00:00+02:00'));
    expect(localInputValue(t, '+03:00')).toBe('2016-09-12T19:00');
    expect(Number.isNaN(instantOfLocal('nope', 'Z'))).toBe(true);
  });
  it('formats in the language with the time as it was there', () => {
    expect(formatDateTime(t, 'en', '+03:00')).toBe('12 Sept 2016, 19:00');
    expect(formatDateTime(t, 'en', 'Z')).toBe('12 Sept 2016, 16:00');
    expect(formatDateTime(t, 'ar', '+03:00')).not.toBe(formatDateTime(t, 'en', '+03:00'));
  });
});

describe('calendar days', () => {
  it('adds and counts days', () => {
    expect(addDays('2016-02-28', 2)).toBe('2016-03-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(daysBetween('2016-09-12', '2016-09-20')).toBe(8);
  });
});

it('interpolates placeholders and leaves unknown ones', () => {
  expect(interpolate('{count} of {total} {x}', { count: 3, total: '7' })).toBe('3 of 7 {x}');
});
