/**
 * The small map's drawing, pure: GeoJSON polygons as SVG paths in a plain projection (longitude
 * across, latitude up, scaled by the cosine of the middle latitude so that shapes keep their
 * proportions at Syria's latitudes), a box around them, and a point to mark each area by.
 */
export type Position = [number, number];
export type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Every position of a Polygon or MultiPolygon (or any nesting of positions). */
export function positions(coordinates: unknown): Position[] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [coordinates as Position];
  return (coordinates as unknown[]).flatMap(positions);
}

export function boxOf(points: readonly Position[]): Box | null {
  if (points.length === 0) return null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/** The middle of a box: where an area too small to see at a country's scale is marked. */
export const middle = (b: Box): Position => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

export interface Projection {
  /** The SVG viewBox: "0 0 width height". */
  viewBox: string;
  width: number;
  height: number;
  point(p: Position): Position;
  /** A path of the polygons' rings. */
  path(coordinates: unknown): string;
}

/** A projection of `box` (with a margin) onto a drawing `width` units wide. */
export function project(box: Box, width = 400, margin = 0.04): Projection {
  const k = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  // A single point (a box of no size) is drawn in a box of a tenth of a degree.
  const padX = (box[2] - box[0] || 0.1) * margin + (box[2] === box[0] ? 0.05 : 0);
  const padY = (box[3] - box[1] || 0.1) * margin + (box[3] === box[1] ? 0.05 : 0);
  const [x0, y0, x1, y1] = [box[0] - padX, box[1] - padY, box[2] + padX, box[3] + padY];
  const scale = width / ((x1 - x0) * k);
  const height = Math.round((y1 - y0) * scale);
  const point = ([x, y]: Position): Position => [
    Math.round((x - x0) * k * scale * 10) / 10,
    Math.round((y1 - y) * scale * 10) / 10,
  ];
  const ring = (r: Position[]) => (r.length === 0 ? '' : `M${r.map((p) => point(p).join(' ')).join('L')}Z`);
  const rings = (c: unknown): Position[][] => {
    if (!Array.isArray(c) || c.length === 0) return [];
    if (Array.isArray(c[0]) && typeof (c[0] as unknown[])[0] === 'number') return [c as Position[]];
    return (c as unknown[]).flatMap(rings);
  };
  return { viewBox: `0 0 ${width} ${height}`, width, height, point, path: (c) => rings(c).map(ring).join('') };
}
