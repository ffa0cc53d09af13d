import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, type Geometry } from './geo.ts';
import { noticeCovers, struckDistanceM } from './site-strike.ts';
import { interval } from './test-builders.ts';

/** Metres in one degree of latitude on the spec's sphere. */
const DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180;
const pt = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ],
  ],
};
const AT = Date.parse('2016-04-27T18:45:00Z');
const strikeAt = (lat: number, lon = 0, at = AT) => ({ at, position: [lon, lat] as [number, number] });

describe('struckDistanceM: an incident within the buffer of a site in force at its time', () => {
  const site = (over: Partial<{ geometry: Geometry; bufferM: number; valid: ReturnType<typeof interval> }> = {}) => ({
    geometry: pt(0, 0),
    bufferM: 300,
    valid: interval('2016-01-01T00:00:00Z'),
    ...over,
  });

  it.each([
    { name: 'on the site', lat: 0, expected: 0 },
    { name: '200 m north, buffer 300 m', lat: 200 / DEGREE_M, expected: 200 },
    { name: 'on the edge of the buffer', lat: 300 / DEGREE_M, expected: 300 },
    { name: '301 m north, buffer 300 m', lat: 301 / DEGREE_M, expected: null },
  ])('$name -> $expected', ({ lat, expected }) => {
    const d = struckDistanceM(strikeAt(lat), site());
    if (expected === null) expect(d).toBeNull();
    else expect(d).toBeCloseTo(expected, 3);
  });

  it.each([
    { name: 'valid from exactly the incident', valid: interval('2016-04-27T18:45:00Z'), struck: true },
    { name: 'valid from a millisecond after', valid: interval('2016-04-27T18:45:00.001Z'), struck: false },
    {
      name: 'valid until exactly the incident (half-open)',
      valid: interval('2016-01-01T00:00:00Z', '2016-04-27T18:45:00Z'),
      struck: false,
    },
    {
      name: 'withdrawn a millisecond after',
      valid: interval('2016-01-01T00:00:00Z', '2016-04-27T18:45:00.001Z'),
      struck: true,
    },
  ])('a site $name -> struck: $struck', ({ valid, struck }) => {
    expect(struckDistanceM(strikeAt(0), site({ valid })) !== null).toBe(struck);
  });

  it('measures 0 inside a polygon site and to its edge outside', () => {
    expect(struckDistanceM(strikeAt(0.005, 0.005), site({ geometry: square, bufferM: 0 }))).toBe(0);
    const outside = struckDistanceM(strikeAt(0.01 + 100 / DEGREE_M, 0.005), site({ geometry: square, bufferM: 150 }));
    expect(outside).toBeCloseTo(100, 0);
    expect(
      struckDistanceM(strikeAt(0.01 + 200 / DEGREE_M, 0.005), site({ geometry: square, bufferM: 150 })),
    ).toBeNull();
  });
});

describe('noticeCovers: an operation notice whose area, radius and window held the incident', () => {
  const notice = (over: Partial<{ area: Geometry; radiusM: number; window: ReturnType<typeof interval> }> = {}) => ({
    area: pt(0, 0),
    radiusM: 500,
    window: interval('2016-04-27T15:00:00Z', '2016-04-27T23:00:00Z'),
    ...over,
  });

  it.each([
    { name: 'within the radius, within the window', lat: 400 / DEGREE_M, at: AT, covers: true },
    { name: 'on the edge of the radius', lat: 500 / DEGREE_M, at: AT, covers: true },
    { name: 'beyond the radius', lat: 501 / DEGREE_M, at: AT, covers: false },
    { name: 'at the start of the window', lat: 0, at: Date.parse('2016-04-27T15:00:00Z'), covers: true },
    { name: 'at the end of the window (half-open)', lat: 0, at: Date.parse('2016-04-27T23:00:00Z'), covers: false },
    { name: 'before the window', lat: 0, at: Date.parse('2016-04-27T14:59:59Z'), covers: false },
  ])('$name -> $covers', ({ lat, at, covers }) => {
    expect(noticeCovers(strikeAt(lat, 0, at), notice())).toBe(covers);
  });

  it('a polygon area covers a place inside it with no radius, and one beyond its edge within the radius', () => {
    expect(noticeCovers(strikeAt(0.005, 0.005), notice({ area: square, radiusM: 0 }))).toBe(true);
    expect(noticeCovers(strikeAt(0.01 + 90 / DEGREE_M, 0.005), notice({ area: square, radiusM: 100 }))).toBe(true);
    expect(noticeCovers(strikeAt(0.01 + 110 / DEGREE_M, 0.005), notice({ area: square, radiusM: 100 }))).toBe(false);
  });
});
