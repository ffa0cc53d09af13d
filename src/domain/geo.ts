/**
 * Geometry on WGS 84 coordinates (GeoJSON order: [lon, lat]). A line between two positions is
 * straight in degrees, which is what GeoJSON (RFC 7946) means by a line or a polygon's edge:
 * containment, intersection and the nearest point of a line all use those lines. Distances
 * between points are geodesic on a sphere of the IUGG mean radius, within 0.5 % of the ellipsoid.
 */

export type Position = [number, number];
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type Point = { type: 'Point'; coordinates: Position };
export type MultiPoint = { type: 'MultiPoint'; coordinates: Position[] };
export type LineString = { type: 'LineString'; coordinates: Position[] };
export type MultiLineString = { type: 'MultiLineString'; coordinates: Position[][] };
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };

export type Area = Polygon | MultiPolygon;
export type Geometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** The polygons of an area, each as its rings (outer first, then holes). */
export function polygonsOf(area: Area): Position[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

export function bboxOf(geometry: Geometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positionsOf(geometry)) {
    if (lon < box[0]) box[0] = lon;
    if (lat < box[1]) box[1] = lat;
    if (lon > box[2]) box[2] = lon;
    if (lat > box[3]) box[3] = lat;
  }
  return box;
}

export function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** Segments (pairs of positions) of a geometry's lines and rings; points have none. */
function segmentsOf(geometry: Geometry): Position[][] {
  switch (geometry.type) {
    case 'Point':
    case 'MultiPoint':
      return [];
    case 'LineString':
      return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
  }
}

/** Even-odd test over one polygon's rings: a point inside a hole is outside. */
function inRings(lon: number, lat: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function areaContains(area: Area, lon: number, lat: number): boolean {
  if (area.type === 'Polygon') return inRings(lon, lat, area.coordinates);
  for (const rings of area.coordinates) if (inRings(lon, lat, rings)) return true;
  return false;
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Geodesic distance from p to the segment a-b. The segment is straight in longitude and latitude
 * (RFC 7946 §3.1.1, spec "Conventions"), as the map draws it and as containment and crossing
 * read it: not the great circle through a and b, which bulges poleward (by about 36 m in the
 * middle of 50 km along 36°N, enough to decide a 200 m buffer). The nearest point of the
 * segment is found in an equirectangular projection centred on p, where the segment stays
 * straight (the projection is affine in lon/lat) and lengths near p are true; the distance to
 * that point is then the haversine. Not for segments across the antimeridian.
 */
export function pointSegmentDistanceM(p: Position, a: Position, b: Position): number {
  const k = Math.cos(p[1] * RAD);
  const ax = (a[0] - p[0]) * k,
    ay = a[1] - p[1];
  const dx = (b[0] - a[0]) * k,
    dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  // The projection's parameter along a-b of the foot of the perpendicular from p (the origin), kept on the segment.
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2));
  if (t === 0) return distanceM(p, a);
  if (t === 1) return distanceM(p, b);
  return distanceM(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
}

function orientation(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Whether segments a-b and c-d cross or touch (planar). */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c),
    o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a),
    o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

function isArea(g: Geometry): g is Area {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

/** Whether two geometries share at least one point (crossing, touching or containing). */
export function intersects(a: Geometry, b: Geometry): boolean {
  if (isArea(a) && positionsOf(b).some(([lon, lat]) => areaContains(a, lon, lat))) return true;
  if (isArea(b) && positionsOf(a).some(([lon, lat]) => areaContains(b, lon, lat))) return true;
  const linesA = segmentsOf(a),
    linesB = segmentsOf(b);
  for (const la of linesA)
    for (let i = 1; i < la.length; i++) {
      for (const lb of linesB)
        for (let j = 1; j < lb.length; j++) {
          if (segmentsIntersect(la[i - 1]!, la[i]!, lb[j - 1]!, lb[j]!)) return true;
        }
    }
  // Points against points and points lying on lines.
  const pointsA = linesA.length === 0 ? positionsOf(a) : [];
  const pointsB = linesB.length === 0 ? positionsOf(b) : [];
  for (const p of pointsA) {
    if (pointsB.some((q) => q[0] === p[0] && q[1] === p[1])) return true;
    if (
      linesB.some((line) =>
        line.some((q, j) => j > 0 && orientation(line[j - 1]!, q, p) === 0 && onSegment(line[j - 1]!, q, p)),
      )
    )
      return true;
  }
  for (const p of pointsB) {
    if (
      linesA.some((line) =>
        line.some((q, j) => j > 0 && orientation(line[j - 1]!, q, p) === 0 && onSegment(line[j - 1]!, q, p)),
      )
    )
      return true;
  }
  return false;
}

/** The least geodesic distance from p to any vertex or segment (straight in lon/lat) of g. */
function pointGeometryDistanceM(p: Position, g: Geometry): number {
  let best = Infinity;
  const lines = segmentsOf(g);
  if (lines.length === 0) {
    for (const q of positionsOf(g)) best = Math.min(best, distanceM(p, q));
    return best;
  }
  for (const line of lines) {
    if (line.length === 1) best = Math.min(best, distanceM(p, line[0]!));
    for (let i = 1; i < line.length; i++) best = Math.min(best, pointSegmentDistanceM(p, line[i - 1]!, line[i]!));
  }
  return best;
}

/**
 * The geodesic distance between two geometries in metres: 0 when they intersect, otherwise the
 * least distance from a vertex of one to the other (exact for the shapes used here: points,
 * lines and polygons that do not cross).
 */
export function geometryDistanceM(a: Geometry, b: Geometry): number {
  if (a.type === 'Point' && b.type === 'Point') return distanceM(a.coordinates, b.coordinates);
  if (intersects(a, b)) return 0;
  let best = Infinity;
  for (const p of positionsOf(a)) best = Math.min(best, pointGeometryDistanceM(p, b));
  for (const p of positionsOf(b)) best = Math.min(best, pointGeometryDistanceM(p, a));
  return best;
}

/**
 * A point guaranteed to lie inside the area (not in a hole): the middle of the widest inside
 * stretch of a horizontal line through the middle of the largest polygon's box.
 */
export function pointOnSurface(area: Area): Position {
  let best: Position | null = null;
  let bestWidth = -1;
  for (const rings of polygonsOf(area)) {
    const outer = rings[0];
    if (!outer || outer.length === 0) continue;
    const [, minLat, , maxLat] = bboxOf({ type: 'LineString', coordinates: outer });
    // Try a few scan lines: the middle one nearly always works; the others guard against a
    // scan line that runs exactly through vertices.
    for (const f of [0.5, 0.37, 0.63, 0.21, 0.79]) {
      const lat = minLat + (maxLat - minLat) * f;
      const xs: number[] = [];
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          if (yi > lat !== yj > lat) xs.push(((xj - xi) * (lat - yi)) / (yj - yi) + xi);
        }
      }
      xs.sort((x, y) => x - y);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const width = xs[k + 1]! - xs[k]!;
        if (width > bestWidth) {
          bestWidth = width;
          best = [(xs[k]! + xs[k + 1]!) / 2, lat];
        }
      }
      if (best) break;
    }
  }
  if (!best) throw new Error('pointOnSurface: empty area');
  return best;
}
