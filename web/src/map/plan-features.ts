/**
 * Protected sites (with their buffer drawn as a ring around them) and convoy routes as GeoJSON
 * for the map.
 */
type Position = [number, number];
interface Geometry {
  type: string;
  coordinates: unknown;
}

export interface SiteLike {
  id: string;
  kind: string;
  owner: string;
  geometry: Geometry;
  buffer_m: number;
}
export interface ConvoyLike {
  id: string;
  organizer: string;
  route: Geometry;
  window: { from: string; to: string | null };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** A polygon approximating the circle of `radiusM` metres around a point (`steps` vertices). */
export function circlePolygon([lon, lat]: Position, radiusM: number, steps = 48): Position[] {
  const ring: Position[] = [];
  const d = radiusM / EARTH_RADIUS_M;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  for (let i = 0; i <= steps; i++) {
    const θ = (2 * Math.PI * (i % steps)) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([Math.round(((λ2 * 180) / Math.PI) * 1e6) / 1e6, Math.round(((φ2 * 180) / Math.PI) * 1e6) / 1e6]);
  }
  return ring;
}

/** A representative point of a geometry: the point itself, or the middle of its first ring or line. */
export function anchorOf(g: Geometry): Position | null {
  const c = g.coordinates;
  if (g.type === 'Point') return c as Position;
  const first =
    (g.type === 'Polygon' || g.type === 'MultiLineString'
      ? (c as Position[][])[0]
      : g.type === 'MultiPolygon'
        ? (c as Position[][][])[0]?.[0]
        : (c as Position[])) ?? [];
  if (first.length === 0) return null;
  const [sx, sy] = first.reduce<[number, number]>(([x, y], p) => [x + p[0], y + p[1]], [0, 0]);
  return [sx / first.length, sy / first.length];
}

export function siteFeatures(sites: readonly SiteLike[]) {
  const buffers = sites.flatMap((s) => {
    const at = anchorOf(s.geometry);
    return at && s.buffer_m > 0 && s.geometry.type === 'Point'
      ? [
          {
            type: 'Feature' as const,
            geometry: { type: 'Polygon' as const, coordinates: [circlePolygon(at, s.buffer_m)] },
            properties: { id: s.id, kind: s.kind, owner: s.owner, buffer_m: s.buffer_m },
          },
        ]
      : [];
  });
  const shapes = sites.map((s) => ({
    type: 'Feature' as const,
    geometry: s.geometry,
    properties: { id: s.id, kind: s.kind, owner: s.owner, buffer_m: s.buffer_m },
  }));
  return { type: 'FeatureCollection' as const, features: [...buffers, ...shapes] };
}

export function convoyFeatures(convoys: readonly ConvoyLike[]) {
  return {
    type: 'FeatureCollection' as const,
    features: convoys.map((c) => ({
      type: 'Feature' as const,
      geometry: c.route,
      properties: { id: c.id, organizer: c.organizer, from: c.window.from, to: c.window.to ?? '' },
    })),
  };
}
