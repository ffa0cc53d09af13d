import { describe, expect, it } from 'vitest';
import { anchorOf, circlePolygon, convoyFeatures, siteFeatures } from './plan-features.ts';

describe('circlePolygon', () => {
  it('closes a ring at the right distance from the centre', () => {
    const ring = circlePolygon([36.2, 33.5], 1000, 8);
    expect(ring).toHaveLength(9);
    expect(ring[0]).toEqual(ring[8]);
    // North: 1000 m is about 0.008993 degrees of latitude.
    expect(ring[0]![1] - 33.5).toBeCloseTo(0.008993, 5);
    expect(ring[0]![0]).toBeCloseTo(36.2, 6);
  });
});

describe('anchorOf', () => {
  it.each([
    [{ type: 'Point', coordinates: [1, 2] }, [1, 2]],
    [
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [2, 2],
        ],
      },
      [1, 1],
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
          ],
        ],
      },
      [1, 1],
    ],
    [{ type: 'LineString', coordinates: [] }, null],
  ] as const)('%j anchors at %j', (g, expected) => expect(anchorOf(g)).toEqual(expected));
});

it('draws a buffer ring for point sites and a line per convoy', () => {
  const sites = siteFeatures([
    { id: 's', kind: 'hospital', owner: 'un', geometry: { type: 'Point', coordinates: [36, 33] }, buffer_m: 500 },
  ]);
  expect(sites.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point']);
  const convoys = convoyFeatures([
    {
      id: 'c',
      organizer: 'un',
      route: {
        type: 'LineString',
        coordinates: [
          [36, 33],
          [36.1, 33.1],
        ],
      },
      window: { from: 'a', to: null },
    },
  ]);
  expect(convoys.features[0]!.properties).toEqual({ id: 'c', organizer: 'un', from: 'a', to: '' });
});
