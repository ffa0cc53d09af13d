import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, type Geometry } from './geo.ts';
import { AROUND_DEFAULT, aroundIncident, nearInPlace, nearInTime } from './review-window.ts';

const DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180;
const HOUR = 3_600_000;
const T = Date.parse('2016-09-19T16:30:00Z');
const incident = { occurredAt: T, location: { lon: 36.93, lat: 36.15 } };
const north = (m: number): Geometry => ({ type: 'Point', coordinates: [36.93, 36.15 + m / DEGREE_M] });

describe('aroundIncident: 48 hours and 10 km by default', () => {
  it('spans 48 h either side of an exact time and 10 km', () => {
    const a = aroundIncident(incident);
    expect(AROUND_DEFAULT).toEqual({ hours: 48, km: 10 });
    expect(a.during).toEqual({ from: T - 48 * HOUR, to: T + 48 * HOUR + 1 });
    expect(a.radiusM).toBe(10_000);
  });

  it('counts the hours after from the end of a window the incident is known to fall in', () => {
    const a = aroundIncident({ ...incident, occurredUntil: T + 24 * HOUR }, 12, 5);
    expect(a.during).toEqual({ from: T - 12 * HOUR, to: T + 36 * HOUR + 1 });
    expect(a.radiusM).toBe(5_000);
  });
});

describe('nearInTime', () => {
  const a = aroundIncident(incident);
  it.each([
    { name: 'an instant 48 h before', when: T - 48 * HOUR, margin: 0, near: true },
    { name: 'an instant 48 h and 1 s before', when: T - 48 * HOUR - 1000, margin: 0, near: false },
    { name: 'an instant 48 h after', when: T + 48 * HOUR, margin: 0, near: true },
    { name: 'an instant 49 h after', when: T + 49 * HOUR, margin: 0, near: false },
    { name: 'an instant 49 h after, give or take 2 h', when: T + 49 * HOUR, margin: 2 * HOUR, near: true },
    {
      name: 'an open-ended interval from a year before',
      when: { from: T - 8760 * HOUR, to: null },
      margin: 0,
      near: true,
    },
    {
      name: 'an interval ending 49 h before',
      when: { from: T - 60 * HOUR, to: T - 49 * HOUR },
      margin: 0,
      near: false,
    },
  ])('$name -> $near', ({ when, margin, near }) => {
    expect(nearInTime(a, when, margin)).toBe(near);
  });
});

describe('nearInPlace: within the radius, less the record’s own reach', () => {
  const a = aroundIncident(incident);
  it.each([
    { name: '9 km away', m: 9_000, reach: 0, near: true },
    { name: '10 km away', m: 10_000, reach: 0, near: true },
    { name: '10.1 km away', m: 10_100, reach: 0, near: false },
    { name: '12 km away with a 3 km buffer', m: 12_000, reach: 3_000, near: true },
    { name: '14 km away with a 3 km buffer', m: 14_000, reach: 3_000, near: false },
  ])('$name -> $near', ({ m, reach, near }) => {
    const d = nearInPlace(a, north(m), reach);
    expect(d !== null).toBe(near);
    if (d !== null) expect(d).toBeCloseTo(m, 0);
  });

  it('widened to 20 km, a record 15 km away is near', () => {
    expect(nearInPlace(aroundIncident(incident, 48, 20), north(15_000))).not.toBeNull();
    expect(nearInPlace(aroundIncident(incident, 48, 10), north(15_000))).toBeNull();
  });
});
