import { describe, expect, it } from 'vitest';
import { clusterFeatures, clusterRadius, dominantVerdict, pointFeatures, shortCount } from './incident-features.ts';

const counts = (
  v: Partial<Record<'violation' | 'needs_review' | 'permitted' | 'not_covered' | 'unjudged', number>>,
) => ({ violation: 0, needs_review: 0, permitted: 0, not_covered: 0, unjudged: 0, ...v });

describe('dominantVerdict', () => {
  it.each([
    [counts({ permitted: 5, violation: 2 }), 'permitted'],
    [counts({ violation: 3, permitted: 3 }), 'violation'],
    [counts({ not_covered: 1, unjudged: 1 }), 'not_covered'],
    [counts({}), 'violation'],
  ] as const)('%j is drawn as %s', (c, expected) => expect(dominantVerdict(c)).toBe(expected));
});

describe('cluster sizes and labels', () => {
  it('grows with the logarithm of the count, within bounds', () => {
    expect(clusterRadius(1)).toBe(10);
    expect(clusterRadius(10)).toBe(20);
    expect(clusterRadius(100)).toBe(30);
    expect(clusterRadius(1_000_000)).toBe(34);
  });
  it.each([
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [12_600, '13k'],
  ] as const)('%s reads %s', (n, s) => expect(shortCount(n)).toBe(s));
});

it('turns clusters and points into GeoJSON with what the layers style by', () => {
  const fc = clusterFeatures([
    { lon: 37, lat: 36, count: 12, bbox: [36.9, 35.9, 37.1, 36.1], verdicts: counts({ violation: 2, permitted: 10 }) },
  ]);
  expect(fc.features[0]).toMatchObject({
    geometry: { coordinates: [37, 36] },
    properties: { count: 12, label: '12', verdict: 'permitted', violations: 2, index: 0 },
  });
  const pts = pointFeatures([
    { id: 'i1', lon: 36.2, lat: 33.4, occurred_at: '2016-09-19T10:00:00Z', act: 'shelling', verdict: 'violation' },
  ]);
  expect(pts.features[0]!.properties).toEqual({
    id: 'i1',
    verdict: 'violation',
    act: 'shelling',
    occurred_at: '2016-09-19T10:00:00Z',
  });
});
