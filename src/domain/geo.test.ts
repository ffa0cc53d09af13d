import { describe, expect, it } from 'vitest';
import {
  type Area,
  areaContains,
  bboxOf,
  distanceM,
  EARTH_RADIUS_M,
  type Geometry,
  geometryDistanceM,
  intersects,
  type MultiPolygon,
  type Polygon,
  pointOnSurface,
  pointSegmentDistanceM,
  type Position,
  segmentsIntersect,
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
  const [x1, y1, z1] = unit(a),
    [x2, y2, z2] = unit(b);
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
    const ell: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
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

/** The distance from p to the great circle through a and b (cross-track), to show what the straight line is not. */
function greatCircleDistanceM(p: Position, a: Position, b: Position): number {
  const [ax, ay, az] = unit(a),
    [bx, by, bz] = unit(b),
    [px, py, pz] = unit(p);
  const n = [ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx];
  const norm = Math.hypot(n[0]!, n[1]!, n[2]!);
  return Math.abs(Math.asin((n[0]! * px + n[1]! * py + n[2]! * pz) / norm)) * EARTH_RADIUS_M;
}

/** 50 km along the parallel 36°N, from lon 37 eastward: the spec's example of a line that is not a great circle. */
const LAT = 36;
const SPAN = 50_000 / (DEGREE_M * Math.cos(LAT * RAD));
const WEST: Position = [37, LAT];
const EAST: Position = [37 + SPAN, LAT];
const MIDDLE_LON = 37 + SPAN / 2;
/** Degrees of latitude for metres north (negative: south). */
const north = (metres: number) => metres / DEGREE_M;
/** Degrees of longitude at 36°N for metres east (negative: west). */
const east = (metres: number) => metres / (DEGREE_M * Math.cos(LAT * RAD));

describe('pointSegmentDistanceM: the segment is straight in lon/lat (RFC 7946), not a great circle', () => {
  it('a point 200 m south of the middle of 50 km along 36°N is 200 m away', () => {
    const p: Position = [MIDDLE_LON, LAT + north(-200)];
    expectClose(pointSegmentDistanceM(p, WEST, EAST), 200);
    // The great circle through the ends bulges about 36 m poleward: measured to it, the point is
    // some 236 m away, and a 200 m buffer would not hold it.
    expect(greatCircleDistanceM(p, WEST, EAST)).toBeGreaterThan(230);
  });

  it('a point 200 m north of the middle is 200 m away too (the great circle would be nearer)', () => {
    const p: Position = [MIDDLE_LON, LAT + north(200)];
    expectClose(pointSegmentDistanceM(p, WEST, EAST), 200);
    expect(greatCircleDistanceM(p, WEST, EAST)).toBeLessThan(170);
    // Either way round.
    expectClose(pointSegmentDistanceM(p, EAST, WEST), 200);
  });

  it.each([
    { name: '150 m south, 1 km in from the west end', p: [37 + east(1_000), LAT + north(-150)], metres: 150 },
    { name: '150 m north, 100 m in from the east end', p: [EAST[0] + east(-100), LAT + north(150)], metres: 150 },
    { name: 'beyond the west end, on the parallel', p: [37 + east(-120), LAT], metres: 120 },
    { name: 'beyond the east end, on the parallel', p: [EAST[0] + east(300), LAT], metres: 300 },
    { name: 'beyond the west end and south: to the end', p: [37 + east(-300), LAT + north(-400)], metres: 500 },
    { name: 'beyond the east end and north: to the end', p: [EAST[0] + east(90), LAT + north(120)], metres: 150 },
    { name: 'just inside the east end, south', p: [EAST[0] + east(-1), LAT + north(-80)], metres: 80 },
    { name: 'on the segment', p: [37 + east(12_345), LAT], metres: 0 },
  ])('near the ends: $name is $metres m', ({ p, metres }) => {
    const d = pointSegmentDistanceM(p as Position, WEST, EAST);
    if (metres === 0) expect(d).toBeLessThan(0.01);
    else expectClose(d, metres);
  });

  it('a diagonal segment: the foot of the perpendicular, then each end beyond it', () => {
    // From (37, 36) to a point 3 km east and 4 km north (5 km long, straight in lon/lat).
    const a: Position = [37, LAT];
    const b: Position = [37 + east(3_000), LAT + north(4_000)];
    // 100 m off the middle, perpendicular to the segment (to the south-east of it).
    const mid: Position = [37 + east(1_500 + 80), LAT + north(2_000 - 60)];
    expectClose(pointSegmentDistanceM(mid, a, b), 100);
    // Past b along the segment's direction: to b.
    expectClose(pointSegmentDistanceM([37 + east(3_000 + 60), LAT + north(4_000 + 80)], a, b), 100);
    // Behind a: to a.
    expectClose(pointSegmentDistanceM([37 + east(-30), LAT + north(-40)], a, b), 50);
  });

  it('a meridian segment is both straight and a great circle: the two agree', () => {
    const p: Position = [1, 1];
    const expected = Math.asin(unit(p)[1]) * EARTH_RADIUS_M;
    expectClose(pointSegmentDistanceM(p, [0, 0], [0, 2]), expected, 1e-5);
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

describe('routes and polygon edges along a parallel: containment, crossing and distance read the same lines', () => {
  /** A route of two legs along 36°N, 50 km in all, with a vertex in its middle. */
  const route: Geometry = line(WEST, [MIDDLE_LON, LAT], EAST);
  /** A 50 km x 10 km block whose southern edge is the route's line (two vertices only on it). */
  const block: Polygon = rect(WEST[0], LAT, EAST[0], LAT + north(10_000));

  it('a LineString route: 200 m south of the middle of its first leg is 200 m', () => {
    const p = point(37 + east(12_500), LAT + north(-200));
    expectClose(geometryDistanceM(p, route), 200);
    expectClose(geometryDistanceM(route, p), 200);
  });

  it('a polygon edge: 200 m south of the middle of the southern edge is 200 m, and outside', () => {
    const p = point(MIDDLE_LON, LAT + north(-200));
    expect(areaContains(block, MIDDLE_LON, LAT + north(-200))).toBe(false);
    expectClose(geometryDistanceM(block, p), 200);
  });

  it('20 m north of the edge is inside (distance 0); 20 m south is outside, 20 m away', () => {
    // A great-circle edge would run some 36 m north of the parallel here: both points would be outside.
    expect(areaContains(block, MIDDLE_LON, LAT + north(20))).toBe(true);
    expect(geometryDistanceM(block, point(MIDDLE_LON, LAT + north(20)))).toBe(0);
    expect(areaContains(block, MIDDLE_LON, LAT + north(-20))).toBe(false);
    expectClose(geometryDistanceM(block, point(MIDDLE_LON, LAT + north(-20))), 20, 0.01);
  });

  it('a route along the parallel does not cross a zone that starts 20 m north of it, and touches one on it', () => {
    const straight = line(WEST, EAST);
    const above = rect(MIDDLE_LON - east(500), LAT + north(20), MIDDLE_LON + east(500), LAT + north(1_000));
    expect(intersects(straight, above)).toBe(false);
    expectClose(geometryDistanceM(straight, above), 20, 0.01);
    const onIt = rect(MIDDLE_LON - east(500), LAT, MIDDLE_LON + east(500), LAT + north(1_000));
    expect(intersects(straight, onIt)).toBe(true);
    expect(geometryDistanceM(straight, onIt)).toBe(0);
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
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, 0, 6, 1).coordinates],
    };
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
    // The hole spans 36.05..36.15; from (36.1, 36.14) the nearest hole edge is lat 36.15, 0.01 degrees north.
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
    coordinates: [
      [
        [0, 0],
        [3, 0],
        [3, 3],
        [2, 3],
        [2, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ],
  };
  const bigHole: Polygon = rect(0, 0, 10, 10, ring(0.5, 0.5, 9.5, 9.5));
  const offCentreHole: Polygon = rect(0, 0, 10, 10, ring(1, 4, 9, 6));
  const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [u.coordinates, bigHole.coordinates] };
  const thinDiagonal: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [0.1, 0],
        [10, 9.9],
        [10, 10],
        [9.9, 10],
        [0, 0.1],
        [0, 0],
      ],
    ],
  };

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
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, -3, 6, 2).coordinates],
    };
    expect(bboxOf(multi)).toEqual([0, -3, 6, 2]);
  });
});
