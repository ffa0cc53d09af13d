import { describe, expect, it } from 'vitest';
import type { Act } from './model.ts';
import { distanceM, EARTH_RADIUS_M, type Position } from './geo.ts';
import { actAgreement, boxAround, type Claim, matchClaims, placePrecisionM, rankMatches } from './report-matching.ts';

const H = 3_600_000;
/** Metres per degree of latitude on the spec's sphere. */
const DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180;
const T0 = Date.parse('2016-09-19T16:30:00Z');

/** A claim at T0 + `hours`, `northM` metres north of (37, 36), exact unless told. */
const claim = (
  o: { hours?: number; spanH?: number; northM?: number; precisionM?: number | null; act?: Act } = {},
): Claim => ({
  from: T0 + (o.hours ?? 0) * H - (o.spanH ?? 0) * H,
  to: T0 + (o.hours ?? 0) * H + (o.spanH ?? 0) * H,
  position: [37, 36 + (o.northM ?? 0) / DEGREE_M],
  precisionM: o.precisionM === undefined ? 0 : o.precisionM,
  act: o.act ?? 'air_strike',
});

describe('matchClaims', () => {
  it.each([
    { name: 'the same time, place and act', report: claim(), incident: claim(), agrees: true, score: 1 },
    { name: '5 h apart', report: claim({ hours: 5 }), incident: claim(), agrees: true },
    { name: '7 h apart', report: claim({ hours: 7 }), incident: claim(), agrees: false },
    {
      name: '7 h apart, but the report is +-2 h',
      report: claim({ hours: 7, spanH: 2 }),
      incident: claim(),
      agrees: true,
    },
    {
      name: 'windows overlap after 30 h',
      report: claim({ hours: 30, spanH: 24 }),
      incident: claim({ spanH: 12 }),
      agrees: true,
    },
    { name: '4 km apart', report: claim({ northM: 4_000 }), incident: claim(), agrees: true },
    { name: '6 km apart', report: claim({ northM: 6_000 }), incident: claim(), agrees: false },
    {
      name: '6 km apart, the report within 2 km',
      report: claim({ northM: 6_000, precisionM: 2_000 }),
      incident: claim(),
      agrees: true,
    },
    {
      name: '40 km apart, the incident within 25 km',
      report: claim({ northM: 40_000 }),
      incident: claim({ precisionM: 25_000 }),
      agrees: false,
    },
    {
      name: '28 km apart, the incident within 25 km',
      report: claim({ northM: 28_000 }),
      incident: claim({ precisionM: 25_000 }),
      agrees: true,
    },
    {
      name: 'an incident placed only by province',
      report: claim(),
      incident: claim({ precisionM: null }),
      agrees: false,
    },
    { name: 'shelling and an air strike', report: claim({ act: 'shelling' }), incident: claim(), agrees: true },
    { name: 'small arms and an air strike', report: claim({ act: 'small_arms' }), incident: claim(), agrees: false },
    { name: '"other" and an air strike', report: claim({ act: 'other' }), incident: claim(), agrees: true },
  ])('$name -> $agrees', ({ report, incident, agrees, score }) => {
    const m = matchClaims(report, incident);
    expect(m !== null).toBe(agrees);
    if (m && score !== undefined) expect(m.score).toBe(score);
    if (m) expect(m.score).toBeGreaterThan(0);
  });

  it('measures the gap in time between windows and the distance beyond both precisions', () => {
    const m = matchClaims(claim({ hours: 3, spanH: 1, northM: 4_000, precisionM: 1_000 }), claim({ precisionM: 500 }));
    expect(m).toMatchObject({ timeGapMs: 2 * H, distanceM: 4_000, beyondPrecisionM: 2_500, act: 'same' });
    // 0.4 * (1 - 2/6) + 0.4 * (1 - 2.5/5) + 0.2
    expect(m!.score).toBeCloseTo(0.4 * (2 / 3) + 0.4 * 0.5 + 0.2, 3);
  });
});

describe('actAgreement', () => {
  it.each([
    { a: 'shelling', b: 'shelling', agreement: 'same' },
    { a: 'shelling', b: 'missile', agreement: 'related' },
    { a: 'atgm', b: 'ground_assault', agreement: 'related' },
    { a: 'arrest', b: 'access_denial', agreement: 'related' },
    { a: 'other', b: 'arrest', agreement: 'unspecified' },
    { a: 'air_strike', b: 'arrest', agreement: null },
    { a: 'territory_seizure', b: 'shelling', agreement: null },
  ] as { a: Act; b: Act; agreement: string | null }[])('$a / $b -> $agreement', ({ a, b, agreement }) => {
    expect(actAgreement(a, b)).toBe(agreement);
    expect(actAgreement(b, a)).toBe(agreement);
  });
});

describe('rankMatches', () => {
  it('puts the closest first and leaves out those that disagree', () => {
    const ranked = rankMatches(claim(), [
      { item: 'related-act', claim: claim({ act: 'shelling' }) },
      { item: 'far', claim: claim({ northM: 50_000 }) },
      { item: 'exact', claim: claim() },
      { item: 'later', claim: claim({ hours: 4 }) },
    ]);
    expect(ranked.map((r) => r.item)).toEqual(['exact', 'related-act', 'later']);
  });
});

describe('placePrecisionM', () => {
  it.each([
    { code: null, m: 0 },
    { code: 1, m: 0 },
    { code: 2, m: 25_000 },
    { code: 3, m: null },
    { code: 6, m: null },
  ])('code $code -> $m', ({ code, m }) => {
    expect(placePrecisionM(code)).toBe(m);
  });
});

describe('boxAround', () => {
  it.each([
    { name: 'Aleppo, 30 km', center: [37.16, 36.2] as Position, radiusM: 30_000 },
    { name: 'near the North Pole', center: [10, 89.9] as Position, radiusM: 30_000 },
    { name: 'across the antimeridian', center: [179.9, -16] as Position, radiusM: 30_000 },
    { name: 'at the equator, 1 m', center: [0, 0] as Position, radiusM: 1 },
  ])('$name: holds the circle and no more than it must', ({ center, radiusM }) => {
    const [x1, y1, x2, y2] = boxAround(center, radiusM);
    // Points at the radius in eight directions lie inside the box.
    for (let k = 0; k < 8; k++) {
      const bearing = (k * Math.PI) / 4,
        δ = radiusM / EARTH_RADIUS_M;
      const φ1 = (center[1] * Math.PI) / 180,
        λ1 = (center[0] * Math.PI) / 180;
      const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(bearing));
      let λ2 =
        λ1 + Math.atan2(Math.sin(bearing) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
      λ2 = ((λ2 + 3 * Math.PI) % (2 * Math.PI)) - Math.PI;
      const p: Position = [(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI];
      expect(distanceM(center, p)).toBeCloseTo(radiusM, -1);
      expect(p[0] >= x1 - 1e-9 && p[0] <= x2 + 1e-9 && p[1] >= y1 - 1e-9 && p[1] <= y2 + 1e-9).toBe(true);
    }
    expect(y2 - y1).toBeLessThan((4 * radiusM) / 111_000 + 1e-9);
  });
});
