/**
 * What is wrong with an area drawn for a zone of control, every problem named by where it is
 * (below the geometry: `coordinates[1][0]` is the outer ring of the second part) and said as a
 * statement: too few distinct points, a ring that encloses nothing or crosses itself, a hole
 * outside its outer ring or overlapping another hole, parts that overlap or touch, a point
 * outside the world or outside Syria. The server refuses such an area (400, naming the path); the
 * web app runs the same checks while the area is drawn, before anything is sent.
 *
 * Lines are straight in longitude and latitude (geo.ts), as containment reads them.
 */
import {
  type Area,
  areaContains,
  type BBox,
  pointOnSurface,
  polygonsOf,
  type Position,
  segmentsIntersect,
} from './geo.ts';
import { renderEnglish, type Statement, statement, type Term } from './statements.ts';

/** Syria's box with a margin of about 30 km: a zone of control drawn here lies in or at the edge of the country. */
export const SYRIA_EXTENT: BBox = [35.4, 32.0, 42.7, 37.6];

/** More positions than a person draws; the checks stay quick below it. */
export const MAX_AREA_POSITIONS = 20_000;

export interface AreaProblem {
  /** Below the geometry: `['coordinates', ring]` for a Polygon, `['coordinates', part, ring]` for a MultiPolygon, then a position's index where one is at fault. */
  path: (string | number)[];
  statement: Statement;
  /** The statement in English. */
  message: string;
}

export interface AreaCheckOptions {
  /** Where every position must lie; Syria's box by default, null for the world's extent only. */
  extent?: BBox | null;
}

const NAMES = { actor: (id: string) => id, agreement: (id: string) => id };
const problem = (
  path: (string | number)[],
  code: Statement['code'],
  params: Record<string, Term> = {},
): AreaProblem => {
  const s = statement(code, params);
  return { path, statement: s, message: renderEnglish(s, NAMES) };
};
/** To a micro-degree; a number too large for that (a point far outside the world) is kept as given, never made infinite. */
const round6 = (n: number) => (Math.abs(n) < 1e300 ? Math.round(n * 1e6) / 1e6 : n);
const pointTerm = (p: Position): Term => ({ point: { lon: round6(p[0]), lat: round6(p[1]) } });
const ordinal = (i: number): Term => ({ number: i + 1 });

/** Every problem of the area, in the order of its parts and rings; none for a good one. */
export function areaProblems(area: Area, options: AreaCheckOptions = {}): AreaProblem[] {
  const extent = options.extent === undefined ? SYRIA_EXTENT : options.extent;
  const multi = area.type === 'MultiPolygon';
  const polygons = polygonsOf(area);
  const count = polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
  if (count > MAX_AREA_POSITIONS)
    return [
      problem(['coordinates'], 'problem.area_too_many_points', {
        count: { number: count },
        limit: { number: MAX_AREA_POSITIONS },
      }),
    ];

  const problems: AreaProblem[] = [];
  // The rings that can be reasoned about: enough distinct points, inside the bounds, not crossing themselves.
  const sound: (Position[] | null)[][] = polygons.map(() => []);
  polygons.forEach((rings, p) => {
    const base = multi ? ['coordinates', p] : ['coordinates'];
    rings.forEach((ring, r) => {
      const found = ringProblems(ring, [...base, r], extent);
      problems.push(...found);
      sound[p]![r] = found.length === 0 ? openRing(ring) : null;
    });
  });

  polygons.forEach((_rings, p) => {
    const base = multi ? ['coordinates', p] : ['coordinates'];
    const rings = sound[p]!;
    const outer = rings[0];
    for (let h = 1; h < rings.length; h++) {
      const hole = rings[h];
      if (!outer || !hole) continue;
      if (!inside(hole, outer)) {
        problems.push(problem([...base, h], 'problem.hole_outside', { hole: { number: h } }));
        continue;
      }
      for (let k = 1; k < h; k++) {
        const other = rings[k];
        if (other && inside(other, outer) && overlap(hole, other))
          problems.push(problem([...base, h], 'problem.holes_overlap', { hole: { number: h }, other: { number: k } }));
      }
    }
  });

  if (multi) {
    for (let b = 1; b < polygons.length; b++) {
      for (let a = 0; a < b; a++) {
        const [ra, rb] = [sound[a]!, sound[b]!];
        if (ra.some((r) => r === null) || rb.some((r) => r === null) || ra.length === 0 || rb.length === 0) continue;
        if (partsOverlap(ra as Position[][], rb as Position[][]))
          problems.push(problem(['coordinates', b], 'problem.parts_overlap', { part: ordinal(b), other: ordinal(a) }));
      }
    }
  }
  return problems;
}

/** A ring's own problems: its positions, its closing, its distinct points, its area, its crossings. */
function ringProblems(ring: Position[], path: (string | number)[], extent: BBox | null): AreaProblem[] {
  const out: AreaProblem[] = [];
  const badAt = ring.findIndex(([lon, lat]) => !inWorld(lon, lat));
  if (badAt >= 0) return [problem([...path, badAt], 'problem.outside_world', { point: pointTerm(ring[badAt]!) })];
  if (extent) {
    const outsideAt = ring.findIndex(([lon, lat]) => !inBox(extent, lon, lat));
    if (outsideAt >= 0)
      out.push(problem([...path, outsideAt], 'problem.outside_syria', { point: pointTerm(ring[outsideAt]!) }));
  }
  const open = openRing(ring);
  const distinct = new Set(open.map(([lon, lat]) => `${lon},${lat}`)).size;
  if (distinct < 3) return [...out, problem(path, 'problem.ring_points', { count: { number: distinct } })];
  if (ring.length >= 2 && !samePoint(ring[0]!, ring.at(-1)!)) return [...out, problem(path, 'problem.ring_open')];
  if (onOneLine(open)) return [...out, problem(path, 'problem.ring_flat')];
  const crossing = selfCrossing(open);
  if (crossing) out.push(problem(path, 'problem.ring_crosses', { point: pointTerm(crossing) }));
  return out;
}

const inWorld = (lon: number, lat: number) =>
  Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
const inBox = (b: BBox, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The ring without its closing position and without a position repeating the one before it. */
export function openRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (out.length === 0 || !samePoint(out.at(-1)!, p)) out.push(p);
  if (out.length > 1 && samePoint(out[0]!, out.at(-1)!)) out.pop();
  return out;
}

/** Whether every point lies on the line through the first two (a bow tie's lobes may cancel out, but its points do not lie on a line). */
function onOneLine(open: Position[]): boolean {
  const [a, b] = [open[0]!, open[1]!];
  return open.every((p) => collinear(a, b, p));
}

interface Segment {
  a: Position;
  b: Position;
  /** Its place in its ring. */
  i: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function segmentsOfRing(open: Position[]): Segment[] {
  return open.map((a, i) => {
    const b = open[(i + 1) % open.length]!;
    return {
      a,
      b,
      i,
      minX: Math.min(a[0], b[0]),
      maxX: Math.max(a[0], b[0]),
      minY: Math.min(a[1], b[1]),
      maxY: Math.max(a[1], b[1]),
    };
  });
}

/**
 * Pairs of segments whose boxes meet, found by a sweep along longitude; `test` says whether a
 * pair counts, and the first that does is returned.
 */
function firstMeeting(
  first: Segment[],
  second: Segment[] | null,
  test: (s: Segment, t: Segment) => boolean,
): [Segment, Segment] | null {
  const tagged = [...first.map((s) => ({ s, side: 0 })), ...(second ?? []).map((s) => ({ s, side: 1 }))].sort(
    (x, y) => x.s.minX - y.s.minX,
  );
  for (let i = 0; i < tagged.length; i++) {
    const { s, side } = tagged[i]!;
    for (let j = i + 1; j < tagged.length && tagged[j]!.s.minX <= s.maxX; j++) {
      const { s: t, side: tside } = tagged[j]!;
      if (second !== null && side === tside) continue;
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      if (test(s, t)) return side === 0 ? [s, t] : [t, s];
    }
  }
  return null;
}

/** Where a ring meets itself other than at the shared end of two neighbouring segments, or null. */
function selfCrossing(open: Position[]): Position | null {
  const n = open.length;
  const segments = segmentsOfRing(open);
  const found = firstMeeting(segments, null, (s, t) => {
    const neighbours = (s.i + 1) % n === t.i || (t.i + 1) % n === s.i;
    if (!neighbours) return segmentsIntersect(s.a, s.b, t.a, t.b);
    // Neighbours share one end; they cross only by doubling back along each other.
    const [shared, p, q] = (s.i + 1) % n === t.i ? [s.b, s.a, t.b] : [s.a, s.b, t.a];
    return (
      collinear(shared, p, q) && (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0
    );
  });
  return found ? meetingPoint(found[0], found[1]) : null;
}

const collinear = (a: Position, b: Position, c: Position) =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0;

/** Where two segments that meet do so: their crossing, or an end of one lying on the other. */
function meetingPoint(s: Segment, t: Segment): Position {
  const [x1, y1] = s.a,
    [x2, y2] = s.b,
    [x3, y3] = t.a,
    [x4, y4] = t.b;
  const d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
  if (d !== 0) {
    const u = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d;
    return [x1 + u * (x2 - x1), y1 + u * (y2 - y1)];
  }
  for (const p of [t.a, t.b, s.a, s.b])
    if (segmentsIntersect(p, p, s.a, s.b) && segmentsIntersect(p, p, t.a, t.b)) return p;
  return s.a;
}

/** Whether two rings' lines meet anywhere (cross or touch). */
function ringsMeet(a: Position[], b: Position[]): boolean {
  return firstMeeting(segmentsOfRing(a), segmentsOfRing(b), (s, t) => segmentsIntersect(s.a, s.b, t.a, t.b)) !== null;
}

const asPolygon = (rings: Position[][]): Area => ({
  type: 'Polygon',
  coordinates: rings.map((r) => [...r, r[0]!]),
});

/** A ring wholly inside another: the lines never meet and a point of it lies within. */
function inside(ring: Position[], outer: Position[]): boolean {
  return !ringsMeet(ring, outer) && areaContains(asPolygon([outer]), ring[0]![0], ring[0]![1]);
}

/** Two rings whose insides share some ground, or whose lines meet. */
function overlap(a: Position[], b: Position[]): boolean {
  if (ringsMeet(a, b)) return true;
  return areaContains(asPolygon([a]), b[0]![0], b[0]![1]) || areaContains(asPolygon([b]), a[0]![0], a[0]![1]);
}

/**
 * Two parts (outer ring, then holes) overlap when any of their lines meet other than at a corner
 * of both (parts may touch at a point, as OGC's simple features allow: a bow tie repaired is two
 * triangles meeting at one), or when one lies within the other's area (a part inside another's
 * hole is allowed: an island in a lake).
 */
function partsOverlap(a: Position[][], b: Position[][]): boolean {
  for (const ra of a)
    for (const rb of b) if (firstMeeting(segmentsOfRing(ra), segmentsOfRing(rb), meetBeyondCorner)) return true;
  const [pa, pb] = [asPolygon(a), asPolygon(b)];
  return areaContains(pa, ...pointOnSurface(pb)) || areaContains(pb, ...pointOnSurface(pa));
}

/**
 * Two segments that meet anywhere but at a corner they share: at a point of either's middle, or
 * along a stretch (one running back over the other from the shared corner).
 */
function meetBeyondCorner(s: Segment, t: Segment): boolean {
  if (!segmentsIntersect(s.a, s.b, t.a, t.b)) return false;
  const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];
  const corner = [s.a, s.b].find((p) => same(p, t.a) || same(p, t.b));
  if (!corner) return true;
  const [sEnd, tEnd] = [same(corner, s.a) ? s.b : s.a, same(corner, t.a) ? t.b : t.a];
  const [u, v] = [
    [sEnd[0] - corner[0], sEnd[1] - corner[1]],
    [tEnd[0] - corner[0], tEnd[1] - corner[1]],
  ] as const;
  // On one line and the same way from the corner: they run along each other.
  return u[0] * v[1] - u[1] * v[0] === 0 && u[0] * v[0] + u[1] * v[1] > 0;
}
