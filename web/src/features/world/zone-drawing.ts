/**
 * A zone's area as it is drawn: shapes, each a part (an outer ring) or a hole, drawn one by one.
 * They make one GeoJSON area (each hole goes into the part that holds it; one part is a Polygon,
 * several a MultiPolygon), checked by the server's own checks (src/contract/geometry.ts), each
 * problem pinned to the shape at fault, before anything is sent.
 */
import { type Area, areaContains, areaProblems, openRing, type Position } from '../../../../src/contract/geometry.ts';
import { type Statement, statement } from '../../../../src/contract/statements.ts';

export type ShapeRole = 'part' | 'hole';

export interface Shape {
  id: string;
  role: ShapeRole;
  /** The ring without its closing position. */
  ring: Position[];
}

/** Which part a shape is, or which hole of which part (numbered from 1, as the problems say). */
export type ShapePlace =
  { kind: 'part'; part: number } | { kind: 'hole'; part: number; hole: number } | { kind: 'stray' };

export interface Composed {
  /** Null until a part is drawn. */
  area: Area | null;
  places: Map<string, ShapePlace>;
  /** The shape at each ring of the area: `part.ring` (a Polygon has part 0 only). */
  rings: Map<string, string>;
}

export interface DrawingProblem {
  /** The shape at fault; null for the area as a whole. */
  shape: string | null;
  statement: Statement;
}

/** Degrees to 6 decimals (about 0.1 m): what a click can mean. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const closed = (ring: Position[]): Position[] => {
  const r = ring.map(([lon, lat]) => [round(lon), round(lat)] as Position);
  return r.length === 0 ? r : [...r, r[0]!];
};

/** The shapes as one area: every hole in the first part that holds its first point. */
export function composeArea(shapes: readonly Shape[]): Composed {
  const parts = shapes.filter((s) => s.role === 'part');
  const places = new Map<string, ShapePlace>();
  const rings = new Map<string, string>();
  const polygons: Position[][][] = parts.map((p, i) => {
    places.set(p.id, { kind: 'part', part: i + 1 });
    rings.set(`${i}.0`, p.id);
    return [closed(p.ring)];
  });
  for (const hole of shapes.filter((s) => s.role === 'hole')) {
    const first = hole.ring[0];
    const at = first
      ? polygons.findIndex(
          (rs) => rs[0]!.length >= 4 && areaContains({ type: 'Polygon', coordinates: [rs[0]!] }, first[0], first[1]),
        )
      : -1;
    if (at < 0) {
      places.set(hole.id, { kind: 'stray' });
      continue;
    }
    const rs = polygons[at]!;
    places.set(hole.id, { kind: 'hole', part: at + 1, hole: rs.length });
    rings.set(`${at}.${rs.length}`, hole.id);
    rs.push(closed(hole.ring));
  }
  const area: Area | null =
    polygons.length === 0
      ? null
      : polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
  return { area, places, rings };
}

/** What is wrong with the drawing, shape by shape, in the words the server would use. */
export function drawingProblems(shapes: readonly Shape[]): DrawingProblem[] {
  const { area, places, rings } = composeArea(shapes);
  const problems: DrawingProblem[] = [];
  let stray = 0;
  for (const s of shapes)
    if (places.get(s.id)?.kind === 'stray')
      problems.push({ shape: s.id, statement: statement('problem.hole_outside', { hole: { number: ++stray } }) });
  if (!area) return problems;
  const multi = area.type === 'MultiPolygon';
  for (const p of areaProblems(area)) {
    const [, a, b] = p.path;
    const key = multi ? (typeof b === 'number' ? `${a}.${b}` : `${a}.0`) : typeof a === 'number' ? `0.${a}` : null;
    problems.push({ shape: key === null ? null : (rings.get(key) ?? null), statement: p.statement });
  }
  return problems;
}

/** A stored area as shapes to edit: each polygon's outer ring a part, its other rings holes. */
export function shapesOfArea(area: Area, newId: () => string = () => crypto.randomUUID()): Shape[] {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.flatMap((rings) =>
    rings.map((ring, r) => ({
      id: newId(),
      role: r === 0 ? ('part' as const) : ('hole' as const),
      ring: openRing(ring),
    })),
  );
}
