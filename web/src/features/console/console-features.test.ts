import { describe, expect, it } from 'vitest';
import { boundsOf, consoleFeatures } from './console-features.ts';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('the console’s map features', () => {
  const layers = {
    site: [{ id: 's1', geometry: point(40.75, 36.502), reachM: 300, label: 'Hospital' }],
    movement: [
      {
        id: 'm1',
        geometry: {
          type: 'LineString',
          coordinates: [
            [40.74, 36.506],
            [40.76, 36.506],
          ],
        },
        reachM: 500,
        label: 'Convoy',
      },
    ],
    position: [{ id: 'p1', geometry: point(40.75, 36.504), reachM: 0, label: 'Troops' }],
    operation: [{ id: 'o1', geometry: point(40.75, 36.5), reachM: 300, label: 'Air strike' }],
  };

  it('draws a point with the ring of its reach, a line alone, and marks what is in a conflict', () => {
    const { features } = consoleFeatures(layers, new Set(['s1', 'o1']));
    const of = (id: string) => features.filter((f) => f.properties.id === id).map((f) => f.properties.role);
    expect(of('s1')).toEqual(['reach', 'shape']);
    // A route's buffer is not drawn as a ring; a point without a buffer has none.
    expect(of('m1')).toEqual(['shape']);
    expect(of('p1')).toEqual(['shape']);
    expect(of('o1')).toEqual(['reach', 'shape']);
    expect(features.filter((f) => f.properties.conflict).map((f) => f.properties.id)).toEqual(['s1', 's1', 'o1', 'o1']);
    expect(features.find((f) => f.properties.id === 'o1')!.properties).toMatchObject({
      layer: 'operation',
      label: 'Air strike',
    });
    // The ring is about 300 m around the point: a degree of latitude is 111 km.
    const ring = (features[0]!.geometry.coordinates as number[][][])[0]!;
    const north = Math.max(...ring.map((p) => p[1]!));
    expect((north - 36.502) * 111_195).toBeCloseTo(300, -1);
  });

  it('bounds every shape drawn, and nothing when nothing is', () => {
    expect(boundsOf(consoleFeatures(layers, new Set()).features)).toEqual([
      expect.closeTo(40.74, 2),
      expect.closeTo(36.497, 2),
      expect.closeTo(40.76, 2),
      expect.closeTo(36.506, 2),
    ]);
    expect(boundsOf(consoleFeatures({ site: [], movement: [], position: [], operation: [] }, new Set()).features)).toBe(
      null,
    );
  });
});
