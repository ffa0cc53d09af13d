import { describe, expect, it } from 'vitest';
import { ar } from './ar.ts';
import { en, type MessageKey } from './en.ts';
import { formatOffset, interpolate, zoneCity, zoneOffsets } from './format.ts';
import { describeTimeZone, incidentWhen, reportWhen } from './when.ts';

const tEn = (key: MessageKey, values?: Record<string, string | number>) => interpolate(en[key], values);
const tAr = (key: MessageKey, values?: Record<string, string | number>) => interpolate(ar[key], values);
const TZ = 'Asia/Damascus';

describe('the timezone as the page states it', () => {
  it('knows Damascus kept UTC+2 in the winter of 2016 and UTC+3 in its summer, and +3 all year since 2022', () => {
    expect(zoneOffsets(TZ, 2016)).toEqual({ winter: 120, summer: 180 });
    expect(zoneOffsets(TZ, 2023)).toEqual({ winter: 180, summer: 180 });
  });

  it("names the city, the IANA zone and both offsets of the truce's year", () => {
    expect(describeTimeZone(TZ, 'en', 2016, tEn)).toBe(
      'Damascus time (Asia/Damascus: UTC+2 in winter, UTC+3 in summer)',
    );
    // Latin runs isolated left to right (U+2066 … U+2069), so the signs stay where they belong.
    expect(describeTimeZone(TZ, 'ar', 2016, tAr)).toBe(
      'توقيت دمشق (\u2066Asia/Damascus\u2069: \u2066UTC+٢\u2069 شتاءً و\u2066UTC+٣\u2069 صيفاً)',
    );
    expect(describeTimeZone(TZ, 'en', 2023, tEn)).toBe('Damascus time (Asia/Damascus, UTC+3)');
  });

  it('names a fixed offset or UTC as it is', () => {
    expect(describeTimeZone('+03:00', 'en', 2016, tEn)).toBe('UTC+3');
    expect(describeTimeZone('Z', 'en', 2016, tEn)).toBe('UTC');
    expect(describeTimeZone('+05:30', 'en', 2016, tEn)).toBe('UTC+5:30');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('+03:00')).toBeNull();
    expect(formatOffset(-180, 'en')).toBe('UTC−3');
  });
});

describe("an incident's time", () => {
  it("shows the truce's start (22:00 UTC on 26 February 2016) as midnight of 27 February in Damascus", () => {
    const start = { occurred_at: '2016-02-26T22:00:00Z', occurred_until: null, date_precision: null };
    expect(incidentWhen(start, 'en', TZ)).toBe('27 Feb 2016, 00:00');
    // Not the fixed +03:00 the page once used, which made it 01:00.
    expect(incidentWhen(start, 'en', '+03:00')).toBe('27 Feb 2016, 01:00');
  });

  it('writes the date of a span within one day once', () => {
    const span = { occurred_at: '2016-09-19T16:15:00Z', occurred_until: '2016-09-19T16:30:00Z', date_precision: null };
    // ICU versions differ on the spaces around the dash.
    expect(incidentWhen(span, 'en', TZ)).toMatch(/^19 Sept 2016, 19:15\s*–\s*19:30$/);
  });

  it('shows summer time after the clocks moved on 25 March 2016', () => {
    expect(
      incidentWhen({ occurred_at: '2016-09-19T16:15:00Z', occurred_until: null, date_precision: null }, 'en', TZ),
    ).toBe('19 Sept 2016, 19:15');
  });

  it('shows a day-precise (UCDP) incident as its date, never a clock time', () => {
    // date_start 2016-02-27 → the first instant of that day in Damascus; until is the next day's (exclusive).
    const day = { occurred_at: '2016-02-26T22:00:00Z', occurred_until: '2016-02-27T22:00:00Z', date_precision: 1 };
    expect(incidentWhen(day, 'en', TZ)).toBe('27 Feb 2016');
    expect(incidentWhen(day, 'ar', TZ)).toBe('٢٧ شباط ٢٠١٦');
    expect(incidentWhen({ ...day, occurred_until: null }, 'en', TZ)).not.toMatch(/\d\d:\d\d/);
  });

  it('shows an incident known only to a span of days as a range of dates', () => {
    const week = { occurred_at: '2016-01-31T22:00:00Z', occurred_until: '2016-02-07T22:00:00Z', date_precision: 2 };
    // ICU puts thin spaces around the dash.
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(incidentWhen(week, 'en', TZ))).toBe('1 – 7 Feb 2016');
    const months = { occurred_at: '2016-05-31T21:00:00Z', occurred_until: '2016-07-31T21:00:00Z', date_precision: 4 };
    expect(plain(incidentWhen(months, 'en', TZ))).toBe('1 Jun – 31 Jul 2016');
  });
});

describe("a report's claimed time", () => {
  const at = '2016-09-19T16:15:00Z';
  it.each([
    [0, '19 Sept 2016, 19:15'],
    [900, '19 Sept 2016, 19:15 ± 15 min'],
    [7_200, '19 Sept 2016, 19:15 ± 2 h'],
    [86_400, '19 Sept 2016'],
    [3 * 86_400, '19 Sept 2016 ± 3 days'],
  ])('with a margin of %i s reads "%s"', (precision, text) => {
    expect(reportWhen(at, precision, 'en', TZ, tEn)).toBe(text);
  });
});
