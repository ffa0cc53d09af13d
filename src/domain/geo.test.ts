import { describe, expect, it } from 'vitest';
import {
  type Area, areaContains, bboxOf, distanceM, EARTH_RADIUS_M, type Geometry, geometryDistanceM, intersects,
  type MultiPolygon, type Polygon, pointOnSurface, pointSegmentDistanceM, type Position, segmentsIntersect,
} from './geo.ts';
import { rect, ring } from './test-builders.ts';

const RAD = Math.PI / 180;
/** One degree of arc on the spec's sphere: 111 194.9 m. */
const DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180;

/** Equal within the spec's 0.5 %. */
function expectClose(actual: number, expected: number, relative = 0.005): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

/** An independent reference: the spherical law of cosines, with unit vectors. */
function unit([lon, lat]: Position): [number, number, number] {
  return [Math.cos(lat * RAD) * Math.cos(lon * RAD), Math.cos(lat * RAD) * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}
function centralAngle(a: Position, b: Position): number {
  const [x1, y1, z1] = unit(a), [x2, y2, z2] = unit(b);
  return Math.acos(Math.min(1, x1 * x2 + y1 * y2 + z1 * z2));
}

const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
const line = (...coordinates: Position[]): Geometry => ({ type: 'LineString', coordinates });

/** A 10 x 10 square with a 6 x 6 hole in the middle. */
const donut: Polygon = rect(0, 0, 10, 10, ring(2, 2, 8, 8));

describe('areaContains', () => {
  it.each([
    { name: 'in the ring of the donut', p: [1, 1], inside: true },
    { name: 'in the ring, right side', p: [9, 5], inside: true },
    { name: 'in the hole', p: [5, 5], inside: false },
    { name: 'in the hole near its edge', p: [2.01, 7.99], inside: false },
    { name: 'outside to the west', p: [-1, 5], inside: false },
    { name: 'outside to the north', p: [5, 11], inside: false },
  ])('donut: $name -> $inside', ({ p, inside }) => {
    expect(areaContains(donut, p[0]!, p[1]!)).toBe(inside);
  });

  it('is independent of ring orientation (clockwise outer ring)', () => {
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[...ring(0, 0, 1, 1)].reverse()] };
    expect(areaContains(clockwise, 0.5, 0.5)).toBe(true);
    expect(areaContains(clockwise, 1.5, 0.5)).toBe(false);
  });

  it('handles a concave (L-shaped) polygon', () => {
    const ell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    expect(areaContains(ell, 0.5, 1.5)).toBe(true);
    expect(areaContains(ell, 1.5, 0.5)).toBe(true);
    expect(areaContains(ell, 1.5, 1.5)).toBe(false);
  });

  const multi: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, 5, 9, 9, ring(6, 6, 8, 8)).coordinates],
  };
  it.each([
    { name: 'first polygon', p: [0.5, 0.5], inside: true },
    { name: 'second polygon, outside its hole', p: [5.5, 8.5], inside: true },
    { name: "second polygon's hole", p: [7, 7], inside: false },
    { name: 'between the polygons', p: [3, 3], inside: false },
    { name: 'far away', p: [-30, 40], inside: false },
  ])('MultiPolygon: $name -> $inside', ({ p, inside }) => {
    expect(areaContains(multi, p[0]!, p[1]!)).toBe(inside);
  });

  it('works with real coordinates near Aleppo', () => {
    const eastAleppo = rect(37.15, 36.17, 37.2, 36.23);
    expect(areaContains(eastAleppo, 37.17, 36.2)).toBe(true);
    expect(areaContains(eastAleppo, 37.13, 36.2)).toBe(false);
  });
});

describe('distanceM', () => {
  it.each([
    { name: '1 degree of latitude', a: [0, 0], b: [0, 1], metres: 111_195 },
    { name: '1 degree of latitude near Aleppo', a: [37, 36], b: [37, 37], metres: 111_195 },
    { name: '1 degree of longitude on the equator', a: [10, 0], b: [11, 0], metres: 111_195 },
    { name: 'a quarter of the equator', a: [0, 0], b: [90, 0], metres: 10_007_557 },
    { name: 'pole to equator', a: [0, 90], b: [45, 0], metres: 10_007_557 },
    { name: 'antipodes', a: [0, 0], b: [180, 0], metres: 20_015_115 },
    { name: 'across the antimeridian', a: [179.5, 0], b: [-179.5, 0], metres: 111_195 },
    // 1 degree of longitude at 60N: 2R asin(cos 60 sin 0.5 deg), a little under half a degree of latitude.
    { name: '1 degree of longitude at 60N', a: [0, 60], b: [1, 60], metres: 55_596 },
  ])('$name is about $metres m', ({ a, b, metres }) => {
    expectClose(distanceM(a as Position, b as Position), metres);
  });

  it('agrees with the spherical law of cosines for Damascus to Aleppo (about 310 km)', () => {
    const damascus: Position = [36.2913, 33.5138];
    const aleppo: Position = [37.1343, 36.2021];
    const d = distanceM(damascus, aleppo);
    expectClose(d, centralAngle(damascus, aleppo) * EARTH_RADIUS_M, 1e-6);
    expect(d).toBeGreaterThan(300_000);
    expect(d).toBeLessThan(320_000);
  });

  it('is zero for one point and symmetric', () => {
    expect(distanceM([36.2, 33.5], [36.2, 33.5])).toBe(0);
    expect(distanceM([36.2, 33.5], [37.1, 36.2])).toBe(distanceM([37.1, 36.2], [36.2, 33.5]));
  });
});

describe('pointSegmentDistanceM', () => {
  it('perpendicular to a segment of the equator: one degree north of its middle', () => {
    expectClose(pointSegmentDistanceM([0, 1], [-1, 0], [1, 0]), DEGREE_M, 1e-6);
  });

  it('perpendicular to a meridian segment: the distance to the great circle', () => {
    // The meridian lon = 0 lies in the plane y = 0, so the angle to it is asin(y) of the point.
    const p: Position = [1, 1];
    const expected = Math.asin(unit(p)[1]) * EARTH_RADIUS_M;
    expectClose(pointSegmentDistanceM(p, [0, 0], [0, 2]), expected, 1e-6);
    // ... which is less than to either end.
    expect(pointSegmentDistanceM(p, [0, 0], [0, 2])).toBeLessThan(distanceM(p, [0, 0]));
  });

  it('perpendicular on a short real segment (Aleppo): a point 0.01 degrees off a north-south road', () => {
    const d = pointSegmentDistanceM([37.11, 36.2], [37.1, 36.1], [37.1, 36.3]);
    expectClose(d, 0.01 * DEGREE_M * Math.cos(36.2 * RAD));
  });

  it.each([
    { name: 'beyond the end, on the line', p: [0, 3], expected: 2 * DEGREE_M },
    { name: 'beyond the start, on the line', p: [0, -2], expected: 2 * DEGREE_M },
    { name: 'beyond the end, off the line', p: [1, 2], expected: centralAngle([1, 2], [0, 1]) * EARTH_RADIUS_M },
    { name: 'beyond the start, off the line', p: [-1, -1], expected: centralAngle([-1, -1], [0, 0]) * EARTH_RADIUS_M },
  ])('$name: the distance to the nearer end', ({ p, expected }) => {
    expectClose(pointSegmentDistanceM(p as Position, [0, 0], [0, 1]), expected, 1e-6);
  });

  it('is the distance to the point for a degenerate segment', () => {
    expectClose(pointSegmentDistanceM([0, 1], [0, 0], [0, 0]), DEGREE_M, 1e-9);
  });

  it('is zero for a point on the segment', () => {
    expect(pointSegmentDistanceM([0, 0.5], [0, 0], [0, 1])).toBeLessThan(1e-6);
    expect(pointSegmentDistanceM([0, 0], [0, 0], [0, 1])).toBe(0);
  });
});

describe('segmentsIntersect', () => {
  it.each([
    { name: 'crossing X', a: [0, 0], b: [2, 2], c: [0, 2], d: [2, 0], result: true },
    { name: 'T: an end on the other', a: [0, 0], b: [2, 0], c: [1, 0], d: [1, 5], result: true },
    { name: 'sharing an end', a: [0, 0], b: [1, 1], c: [1, 1], d: [2, 0], result: true },
    { name: 'collinear, overlapping', a: [0, 0], b: [2, 0], c: [1, 0], d: [3, 0], result: true },
    { name: 'collinear, apart', a: [0, 0], b: [1, 0], c: [2, 0], d: [3, 0], result: false },
    { name: 'parallel', a: [0, 0], b: [2, 0], c: [0, 1], d: [2, 1], result: false },
    { name: 'would cross if extended', a: [0, 0], b: [1, 1], c: [3, 0], d: [2, 1], result: false },
  ])('$name -> $result', ({ a, b, c, d, result }) => {
    expect(segmentsIntersect(a as Position, b as Position, c as Position, d as Position)).toBe(result);
  });
});

describe('intersects', () => {
  const square = rect(0, 0, 1, 1);
  it.each([
    { name: 'line crossing the polygon, no vertex inside', a: square, b: line([-1, 0.5], [2, 0.5]), result: true },
    { name: 'line crossing a corner', a: square, b: line([-0.5, 0.5], [0.5, -0.5]), result: true },
    { name: 'line ending on an edge (touching)', a: square, b: line([2, 0.5], [1, 0.5]), result: true },
    { name: 'line running along an edge (touching)', a: square, b: line([-1, 1], [2, 1]), result: true },
    { name: 'line through a vertex only', a: square, b: line([0, 2], [2, 0]), result: true },
    { name: 'line fully inside', a: square, b: line([0.2, 0.2], [0.8, 0.8]), result: true },
    { name: 'line disjoint', a: square, b: line([2, 0], [2, 1]), result: false },
    { name: 'line passing close by', a: square, b: line([1.001, -1], [1.001, 2]), result: false },
    { name: 'line inside the hole of a donut', a: donut, b: line([3, 3], [7, 7]), result: false },
    { name: 'line from the hole across the ring', a: donut, b: line([5, 5], [5, 9]), result: true },
    { name: 'point inside', a: square, b: point(0.5, 0.5), result: true },
    { name: 'point on an edge', a: square, b: point(1, 0.5), result: true },
    { name: 'point outside', a: square, b: point(1.5, 0.5), result: false },
    { name: 'point in a hole', a: donut, b: point(5, 5), result: false },
    { name: 'overlapping polygons', a: square, b: rect(0.5, 0.5, 2, 2), result: true },
    { name: 'polygon inside polygon', a: rect(0, 0, 10, 10), b: rect(4, 4, 5, 5), result: true },
    { name: 'cross-shaped overlap, no vertex inside either', a: rect(0, 2, 10, 3), b: rect(4, 0, 5, 10), result: true },
    { name: 'polygon in the hole', a: donut, b: rect(4, 4, 5, 5), result: false },
    { name: 'disjoint polygons', a: square, b: rect(2, 2, 3, 3), result: false },
    { name: 'point on a line', a: line([0, 0], [2, 2]), b: point(1, 1), result: true },
    { name: 'point off a line', a: line([0, 0], [2, 2]), b: point(1, 1.1), result: false },
    { name: 'same points', a: point(3, 4), b: point(3, 4), result: true },
    { name: 'different points', a: point(3, 4), b: point(3, 4.0001), result: false },
    { name: 'crossing lines', a: line([0, 0], [2, 2]), b: line([0, 2], [2, 0]), result: true },
  ])('$name -> $result', ({ a, b, result }) => {
    expect(intersects(a as Geometry, b as Geometry)).toBe(result);
    expect(intersects(b as Geometry, a as Geometry)).toBe(result);
  });

  it('MultiPolygon against a line that crosses only its second part', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, 0, 6, 1).coordinates] };
    expect(intersects(multi, line([4, 0.5], [7, 0.5]))).toBe(true);
    expect(intersects(multi, line([2, 0.5], [4, 0.5]))).toBe(false);
  });
});

describe('geometryDistanceM', () => {
  it('point to point is the great-circle distance', () => {
    expectClose(geometryDistanceM(point(0, 0), point(0, 1)), DEGREE_M, 1e-9);
  });

  it('point to line is the cross-track distance when the foot falls on the segment', () => {
    expectClose(geometryDistanceM(point(0, 1), line([-1, 0], [1, 0])), DEGREE_M, 1e-6);
    expectClose(geometryDistanceM(line([-1, 0], [1, 0]), point(0, 1)), DEGREE_M, 1e-6);
  });

  it('point to line is the distance to the nearer end beyond the segment', () => {
    expectClose(geometryDistanceM(point(3, 0), line([-1, 0], [1, 0])), 2 * DEGREE_M, 1e-6);
  });

  it('is 0 for a polygon containing the point', () => {
    expect(geometryDistanceM(rect(0, 0, 1, 1), point(0.5, 0.5))).toBe(0);
    expect(geometryDistanceM(point(0.5, 0.5), rect(0, 0, 1, 1))).toBe(0);
  });

  it('is the distance to the hole edge for a point in a hole', () => {
    // A small donut (edges short enough that a great-circle edge and a parallel agree): the hole
    // spans 36.05..36.15; from (36.1, 36.14) the nearest hole edge is lat 36.15, 0.01 degrees north.
    const small = rect(36, 36, 36.2, 36.2, ring(36.05, 36.05, 36.15, 36.15));
    const d = geometryDistanceM(small, point(36.1, 36.14));
    expect(d).toBeGreaterThan(0);
    expectClose(d, 0.01 * DEGREE_M);
  });

  it('point outside a polygon is measured to the nearest edge, not only to vertices', () => {
    // (0.5, 0.02) is 0.02 degrees south of the square's bottom edge; the nearest vertex is ~0.5 degrees away.
    expectClose(geometryDistanceM(rect(0, 0.04, 1, 1), point(0.5, 0.02)), 0.02 * DEGREE_M);
  });

  it('is 0 for a line crossing a polygon and for overlapping polygons', () => {
    expect(geometryDistanceM(rect(0, 0, 1, 1), line([-1, 0.5], [2, 0.5]))).toBe(0);
    expect(geometryDistanceM(rect(0, 0, 1, 1), rect(0.5, 0.5, 2, 2))).toBe(0);
  });

  it('between two parallel lines one degree apart on a meridian', () => {
    expectClose(geometryDistanceM(line([0, 0], [0, 1]), line([1, 0], [1, 1])), DEGREE_M);
  });
});

describe('pointOnSurface', () => {
  const u: Polygon = {
    type: 'Polygon',
    coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
  };
  const bigHole: Polygon = rect(0, 0, 10, 10, ring(0.5, 0.5, 9.5, 9.5));
  const offCentreHole: Polygon = rect(0, 0, 10, 10, ring(1, 4, 9, 6));
  const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [u.coordinates, bigHole.coordinates] };
  const thinDiagonal: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.1, 0], [10, 9.9], [10, 10], [9.9, 10], [0, 0.1], [0, 0]]] };

  function boxCentre(area: Area): Position {
    const [w, s, e, n] = bboxOf(area);
    return [(w + e) / 2, (s + n) / 2];
  }

  it.each([
    { name: 'U-shaped polygon', area: u as Area },
    { name: 'polygon with a big hole', area: bigHole as Area },
    { name: 'polygon with a hole across its middle', area: offCentreHole as Area },
    { name: 'MultiPolygon of both', area: multi as Area },
    { name: 'thin diagonal sliver', area: thinDiagonal as Area },
  ])('lands inside a $name, where the centre of the box does not', ({ area }) => {
    const [lon, lat] = pointOnSurface(area);
    expect(areaContains(area, lon, lat)).toBe(true);
  });

  it('the shapes above are ones where the naive answer (centre of the box) is outside', () => {
    for (const area of [u, bigHole, offCentreHole]) {
      const [lon, lat] = boxCentre(area);
      expect(areaContains(area, lon, lat)).toBe(false);
    }
  });

  it('lands inside a plain rectangle', () => {
    const area = rect(37.15, 36.17, 37.2, 36.23);
    const [lon, lat] = pointOnSurface(area);
    expect(areaContains(area, lon, lat)).toBe(true);
  });

  it('throws on an empty area', () => {
    expect(() => pointOnSurface({ type: 'MultiPolygon', coordinates: [] })).toThrow(/empty/);
  });
});

describe('bboxOf', () => {
  it('spans every position of a MultiPolygon', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, -3, 6, 2).coordinates] };
    expect(bboxOf(multi)).toEqual([0, -3, 6, 2]);
  });
});
