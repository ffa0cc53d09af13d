/**
 * The repairs an import makes to an area when its caller asks (`repair=true`, docs/imports.md),
 * each said as a statement naming where: a ring that does not end where it starts is closed, and
 * a ring that crosses itself is split at each crossing into the loops it draws, as GIS tools
 * repair it (PostGIS's ST_MakeValid, QGIS's "Fix geometries"): a bow tie becomes its two
 * triangles, each part keeps the positions drawn and nothing is added to the area. What else is
 * wrong (too few points, a hole outside its ring, loops that overlap) is not guessed at:
 * area-check.ts still names it and the area is refused.
 */
import { type Area, areaContains, polygonsOf, type Position } from './geo.ts';
import { renderEnglish, type Statement, statement } from './statements.ts';

/** A ring longer than this is not split (finding a crossing compares every pair of its segments). */
export const MAX_SPLIT_POSITIONS = 5_000;
/** Loops one ring may be split into at most; a ring crossing itself more is left to be refused. */
const MAX_LOOPS = 1_000;

export interface AreaRepair {
  /** Below the geometry, as area-check.ts names it: `['coordinates', ring]` or `['coordinates', part, ring]`. */
  path: (string | number)[];
  statement: Statement;
  /** The statement in English. */
  message: string;
}

const NAMES = { actor: (id: string) => id, agreement: (id: string) => id };
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const repair = (path: (string | number)[], s: Statement): AreaRepair => ({
  path,
  statement: s,
  message: renderEnglish(s, NAMES),
});

/**
 * The area with its rings closed and split at their crossings, and what was done; the area as it
 * was when nothing was. An outer ring split in loops makes a part of each (a MultiPolygon); each
 * hole goes with the part that holds it.
 */
export function repairArea(area: Area): { area: Area; repairs: AreaRepair[] } {
  const multi = area.type === 'MultiPolygon';
  const repairs: AreaRepair[] = [];
  const parts = polygonsOf(area).flatMap((rings, p) => {
    const path = (r: number) => (multi ? ['coordinates', p, r] : ['coordinates', r]);
    const [outer, ...holes] = rings.map((ring, r) => repairRing(ring, path(r), repairs));
    const shells: Position[][][] = outer!.map((loop) => [loop]);
    for (const hole of holes.flat()) {
      const shell = shells.find(([loop]) => areaContains({ type: 'Polygon', coordinates: [loop!] }, ...hole[0]!));
      (shell ?? shells[0]!).push(hole);
    }
    return shells;
  });
  if (repairs.length === 0) return { area, repairs };
  return {
    area:
      parts.length === 1 && !multi
        ? { type: 'Polygon', coordinates: parts[0]! }
        : { type: 'MultiPolygon', coordinates: parts },
    repairs,
  };
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
const finite = (p: Position) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const closed = (open: Position[]): Position[] => [...open, open[0]!];

/** The ring closed, and split in the loops it draws when it crosses itself: one ring or more. */
function repairRing(ring: Position[], path: (string | number)[], repairs: AreaRepair[]): Position[][] {
  if (ring.length < 3 || !ring.every(finite)) return [ring];
  let out = ring;
  if (!same(ring[0]!, ring.at(-1)!)) {
    out = closed(ring);
    repairs.push(repair(path, statement('problem.import_repaired_closed')));
  }
  const open = out.slice(0, -1);
  if (open.length < 4 || open.length > MAX_SPLIT_POSITIONS) return [out];
  const first = properCrossing(open);
  if (!first) return [out];
  const loops = splitLoops(open);
  if (!loops) return [out];
  repairs.push(
    repair(
      path,
      statement('problem.import_repaired_split', {
        point: { point: { lon: round6(first.at[0]), lat: round6(first.at[1]) } },
        count: { number: loops.length },
      }),
    ),
  );
  return loops.map(closed);
}

/**
 * The loops of a ring (open: no closing position) that crosses itself: cut where two of its
 * segments cross, it is two rings, each starting at the crossing and each with fewer positions,
 * cut again until none crosses. Loops that enclose nothing are dropped; null past MAX_LOOPS.
 */
function splitLoops(open: Position[]): Position[][] | null {
  const loops: Position[][] = [];
  const todo = [open];
  for (let ring = todo.pop(); ring; ring = todo.pop()) {
    const crossing = properCrossing(ring);
    if (!crossing) {
      if (ring.length >= 3 && doubleArea(ring) !== 0) loops.push(ring);
      if (loops.length > MAX_LOOPS) return null;
      continue;
    }
    // Segments i (ring[i] → ring[i+1]) and j (ring[j] → ring[j+1]) cross at `at`: one loop runs from
    // `at` along ring[i+1..j] back to `at`, the other along the rest of the ring.
    const { i, j, at } = crossing;
    todo.push([at, ...ring.slice(i + 1, j + 1)], [at, ...ring.slice(j + 1), ...ring.slice(0, i + 1)]);
  }
  return loops;
}

/** Twice the ring's signed area (shoelace), in square degrees. */
function doubleArea(ring: Position[]): number {
  let sum = 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k]!,
      b = ring[(k + 1) % ring.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

const orient = (a: Position, b: Position, c: Position) =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** The first two segments of the ring that cross each other at a point inside both (not touching, not along each other). */
function properCrossing(ring: Position[]): { i: number; j: number; at: Position } | null {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!,
      b = ring[(i + 1) % n]!;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing position
      const c = ring[j]!,
        d = ring[(j + 1) % n]!;
      if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) continue;
      if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) continue;
      const o1 = orient(a, b, c),
        o2 = orient(a, b, d),
        o3 = orient(c, d, a),
        o4 = orient(c, d, b);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        const den = (a[0] - b[0]) * (c[1] - d[1]) - (a[1] - b[1]) * (c[0] - d[0]);
        const u = ((a[0] - c[0]) * (c[1] - d[1]) - (a[1] - c[1]) * (c[0] - d[0])) / den;
        return { i, j, at: [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])] };
      }
    }
  }
  return null;
}
