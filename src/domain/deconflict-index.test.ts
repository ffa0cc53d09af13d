import { describe, expect, it } from 'vitest';
import { type DeconflictionTarget, type PlannedReach, type TargetKind, targetConflicts } from './deconflict.ts';
import { reachBox, TargetIndex, widenedBox } from './deconflict-index.ts';
import { type BBox, distanceM, EARTH_RADIUS_M, type Geometry, type Position } from './geo.ts';

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEG = 180 / Math.PI;

/** The point `distance` metres from p along `bearing` (radians), on the spec's sphere. */
function destination([lon, lat]: Position, distance: number, bearing: number): Position {
  const a = distance / EARTH_RADIUS_M,
    φ = lat / DEG,
    λ = lon / DEG;
  const φ2 = Math.asin(Math.sin(φ) * Math.cos(a) + Math.cos(φ) * Math.sin(a) * Math.cos(bearing));
  const λ2 = λ + Math.atan2(Math.sin(bearing) * Math.sin(a) * Math.cos(φ), Math.cos(a) - Math.sin(φ) * Math.sin(φ2));
  return [((((λ2 * DEG + 540) % 360) + 360) % 360) - 180, φ2 * DEG];
}

const inBox = (b: BBox, [lon, lat]: Position) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

describe('widenedBox', () => {
  it('holds every point within the distance of the box, at any latitude and near the antimeridian', () => {
    const rand = prng(7);
    for (let i = 0; i < 20_000; i++) {
      const lat = -89 + 178 * rand(),
        lon = -180 + 360 * rand();
      const box: BBox = [lon, lat, Math.min(180, lon + rand() * rand()), Math.min(90, lat + rand() * rand())];
      const d = [0, 1, 50, 300, 5_000, 80_000, 2_000_000][Math.floor(rand() * 7)]!;
      const p: Position = [box[0] + (box[2] - box[0]) * rand(), box[1] + (box[3] - box[1]) * rand()];
      const q = destination(p, d * rand() ** 0.1, 2 * Math.PI * rand());
      expect(distanceM(p, q)).toBeLessThanOrEqual(d * (1 + 1e-9) + 1e-6);
      expect(inBox(widenedBox(box, d), q), `${JSON.stringify({ box, d, p, q })}`).toBe(true);
    }
  });

  it('spans every longitude when the distance reaches a pole or the box, widened, crosses the antimeridian', () => {
    expect(widenedBox([10, 89.9, 10, 89.9], 20_000)[0]).toBe(-180);
    expect(widenedBox([179.99, 0, 179.99, 0], 2_000)).toEqual([-180, expect.any(Number), 180, expect.any(Number)]);
    const near = widenedBox([36, 36, 36, 36], 1_000);
    expect(near[2] - near[0]).toBeLessThan(0.03);
  });

  it('keeps an empty box empty', () => {
    expect(reachBox({ area: { type: 'MultiPoint', coordinates: [] }, radiusM: 10 })[0]).toBe(Infinity);
  });
});

/** The targets are already as every reach sees them. */
const same = (t: DeconflictionTarget) => t;

const KINDS: TargetKind[] = ['protected_site', 'notification_site', 'movement', 'position'];

/** A random geometry around (cx, cy) of about `size` degrees: point, line, polygon (maybe holed), multipolygon. */
function randomGeometry(rand: () => number, cx: number, cy: number, size: number): Geometry {
  const pt = (): Position => [cx + (rand() - 0.5) * size, cy + (rand() - 0.5) * size];
  const kind = rand();
  if (kind < 0.45) return { type: 'Point', coordinates: [cx, cy] };
  if (kind < 0.65) return { type: 'LineString', coordinates: [pt(), pt(), pt()] };
  if (kind < 0.75) return { type: 'MultiPoint', coordinates: [pt(), pt()] };
  const square = (x: number, y: number, r: number): Position[] => [
    [x - r, y - r],
    [x + r, y - r],
    [x + r, y + r],
    [x - r, y + r],
    [x - r, y - r],
  ];
  if (kind < 0.9)
    return {
      type: 'Polygon',
      coordinates: [square(cx, cy, size), ...(rand() < 0.4 ? [square(cx, cy, size / 3)] : [])],
    };
  return {
    type: 'MultiPolygon',
    coordinates: [[square(cx - size, cy, size / 2)], [square(cx + size, cy, size / 2)]],
  };
}

/**
 * Targets and reaches in a few clusters (Syria, near the antimeridian, near a pole, the
 * equator), with buffers and radii from 0 to 50 km and some set to put a target exactly at its
 * buffer, windows that overlap or not, owners that are the operation's or not.
 */
function world(seed: number, n: number): { targets: DeconflictionTarget[]; reaches: PlannedReach[] } {
  const rand = prng(seed);
  const centres: Position[] = [
    [38, 35],
    [179.95, -17],
    [-179.95, -17.02],
    [20, 86],
    [0, 0],
  ];
  const place = (): Position => {
    const [x, y] = centres[Math.floor(rand() * centres.length)]!;
    return [
      Math.max(-180, Math.min(180, x + (rand() - 0.5) * 0.6)),
      Math.max(-90, Math.min(90, y + (rand() - 0.5) * 0.6)),
    ];
  };
  const day = 86_400_000;
  const window = () => {
    const from = Math.floor(rand() * 20) * day;
    return { from, to: rand() < 0.2 ? null : from + Math.ceil(rand() * 5) * day };
  };
  const distance = () => [0, 10, 200, 1_000, 5_000, 50_000][Math.floor(rand() * 6)]! * rand();
  const targets: DeconflictionTarget[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y] = place();
    targets.push({
      kind: KINDS[Math.floor(rand() * KINDS.length)]!,
      id: `t${i}`,
      owner: `org:${Math.floor(rand() * 4)}`,
      geometry: randomGeometry(rand, x, y, 0.05 * rand()),
      bufferM: distance(),
      valid: window(),
      notified: rand() < 0.5,
    });
  }
  const reaches: PlannedReach[] = [];
  for (let i = 0; i < 200; i++) {
    const [x, y] = place();
    reaches.push({
      area: randomGeometry(rand, x, y, 0.05 * rand()),
      radiusM: distance(),
      window: window(),
      owners: [`org:${Math.floor(rand() * 4)}`],
    });
  }
  // Targets exactly at their buffer from a reach's point (the clearance equal to the buffer conflicts).
  for (let i = 0; i < 100; i++) {
    const r = reaches[i]!;
    if (r.area.type !== 'Point') continue;
    const gap = 100 + 3_000 * rand();
    const q = destination(r.area.coordinates, r.radiusM + gap, 2 * Math.PI * rand());
    targets.push({
      kind: 'notification_site',
      id: `edge${i}`,
      owner: 'org:edge',
      geometry: { type: 'Point', coordinates: q },
      bufferM: Math.max(0, distanceM(r.area.coordinates, q) - r.radiusM),
      valid: { from: 0, to: null },
      notified: false,
    });
  }
  return { targets, reaches };
}

describe('TargetIndex', () => {
  it.each([1, 2, 3])('finds the same conflicts as a scan of every target (seed %i)', (seed) => {
    const { targets, reaches } = world(seed, 1_500);
    const index = new TargetIndex(targets);
    let conflicts = 0;
    for (const reach of reaches) {
      const scanned = targetConflicts(reach, targets);
      expect(index.conflicts(reach, same)).toEqual(scanned);
      conflicts += scanned.length;
    }
    expect(conflicts).toBeGreaterThan(100);
    // The edge targets at exactly their buffer are found by both.
    expect(reaches.some((r) => index.conflicts(r, same).some((c) => c.id.startsWith('edge')))).toBe(true);
  });

  it('with targets added: the same conflicts as a scan of them all, the first index unchanged', () => {
    const { targets, reaches } = world(4, 2_400);
    const first = new TargetIndex(targets.slice(0, 1_200));
    let index = first;
    for (let i = 1_200; i < targets.length; i += 150) index = index.with(targets.slice(i, i + 150));
    expect(index.size).toBe(targets.length);
    expect(first.size).toBe(1_200);
    for (const reach of reaches) {
      expect(index.conflicts(reach, same)).toEqual(targetConflicts(reach, targets));
      expect(first.conflicts(reach, same)).toEqual(targetConflicts(reach, targets.slice(0, 1_200)));
    }
  });

  it('skips the targets whose boxes are out of reach', () => {
    const { targets, reaches } = world(5, 1_500);
    const index = new TargetIndex(targets);
    const candidates = reaches.reduce((n, r) => n + index.candidates(r).length, 0);
    expect(candidates).toBeLessThan((targets.length * reaches.length) / 4);
  });

  it('holds nothing for no targets, or targets with no position', () => {
    const reach: PlannedReach = {
      area: { type: 'Point', coordinates: [0, 0] },
      radiusM: 1e7,
      window: { from: 0, to: null },
      owners: [],
    };
    expect(new TargetIndex().conflicts(reach, same)).toEqual([]);
    const empty: DeconflictionTarget = {
      kind: 'movement',
      id: 'm',
      owner: 'org:x',
      geometry: { type: 'LineString', coordinates: [] },
      bufferM: 10,
      valid: { from: 0, to: null },
      notified: false,
    };
    expect(new TargetIndex([empty]).size).toBe(0);
    expect(targetConflicts(reach, [empty])).toEqual([]);
  });
});
