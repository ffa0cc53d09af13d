import { describe, expect, it } from 'vitest';
import { type Area, areaContains, type Geometry, intersects, type Position } from './geo.ts';
import type { Zone } from './model.ts';
import { at, control, rect, ring, zone } from './test-builders.ts';
import { controllersAt, controllersDuring, FlatbushZoneIndex, ScanZoneIndex, type ZoneLookup } from './zone-index.ts';

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

/** A star-shaped ring (closed) around a centre: concave, with `n` vertices at random radii. */
function starRing(rand: () => number, cx: number, cy: number, rMax: number, n: number): Position[] {
  const ringPositions: Position[] = [];
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n;
    const r = rMax * (0.35 + 0.65 * rand());
    ringPositions.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ringPositions.push([...ringPositions[0]!]);
  return ringPositions;
}

/** A random area in [34, 43] x [32, 38]: a star, a star with a hole, or a MultiPolygon of two stars. */
function randomArea(rand: () => number): { area: Area; hasHole: boolean } {
  const cx = 34 + 9 * rand(),
    cy = 32 + 6 * rand(),
    r = 0.2 + 1.3 * rand();
  const n = 5 + Math.floor(rand() * 10);
  const kind = rand();
  if (kind < 0.3) {
    // The hole's radius stays under the outer ring's least radius (0.35 rMax).
    return {
      area: {
        type: 'Polygon',
        coordinates: [starRing(rand, cx, cy, r, n), ring(cx - r * 0.2, cy - r * 0.2, cx + r * 0.2, cy + r * 0.2)],
      },
      hasHole: true,
    };
  }
  if (kind < 0.5) {
    const dx = 2 * r + 0.1;
    return {
      area: {
        type: 'MultiPolygon',
        coordinates: [
          [starRing(rand, cx, cy, r, n)],
          [starRing(rand, cx + dx, cy, r, n), ring(cx + dx - r * 0.2, cy - r * 0.2, cx + dx + r * 0.2, cy + r * 0.2)],
        ],
      },
      hasHole: true,
    };
  }
  return { area: { type: 'Polygon', coordinates: [starRing(rand, cx, cy, r, n)] }, hasHole: false };
}

const ids = (zones: Zone[]) => zones.map((z) => z.id).sort();

describe('FlatbushZoneIndex and ScanZoneIndex', () => {
  const rand = prng(20160227);
  const generated = Array.from({ length: 200 }, (_, i) => ({
    id: `z${String(i).padStart(3, '0')}`,
    ...randomArea(rand),
  }));
  const zones = generated.map(({ id, area }) => zone(id, area, control([id], '2016-01-01T00:00:00Z')));
  const flat = new FlatbushZoneIndex(zones);
  const scan = new ScanZoneIndex(zones);
  const points: Position[] = Array.from({ length: 2000 }, () => [33.5 + 12 * rand(), 31.5 + 8 * rand()]);

  it('the random world is a fair test: holes and MultiPolygons exist, and points hit zones, overlaps and holes', () => {
    expect(generated.filter((g) => g.area.type === 'MultiPolygon').length).toBeGreaterThan(20);
    expect(generated.filter((g) => g.hasHole).length).toBeGreaterThan(50);
    const hits = points.map(([lon, lat]) => zones.filter((z) => areaContains(z.geometry, lon, lat)).length);
    expect(hits.filter((h) => h > 0).length).toBeGreaterThan(300);
    expect(hits.filter((h) => h > 1).length).toBeGreaterThan(20);
    expect(hits.filter((h) => h === 0).length).toBeGreaterThan(100);
    // Points in a hole: inside some zone's outer ring but outside that zone.
    const inHole = points.filter(([lon, lat]) =>
      generated.some((g) => {
        const outer: Area = {
          type: 'Polygon',
          coordinates: [g.area.type === 'Polygon' ? g.area.coordinates[0]! : g.area.coordinates[1]![0]!],
        };
        return g.hasHole && areaContains(outer, lon, lat) && !areaContains(g.area, lon, lat);
      }),
    );
    expect(inHole.length).toBeGreaterThan(5);
  });

  it('containing: both indexes give the zones that a direct test over every zone gives, for 2,000 points', () => {
    let mismatches = 0;
    for (const [lon, lat] of points) {
      const expected = zones
        .filter((z) => areaContains(z.geometry, lon, lat))
        .map((z) => z.id)
        .sort();
      const a = ids(flat.containing(lon, lat));
      const b = ids(scan.containing(lon, lat));
      if (JSON.stringify(a) !== JSON.stringify(expected) || JSON.stringify(b) !== JSON.stringify(expected))
        mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('intersecting: both indexes agree with a direct test for 300 random routes', () => {
    let mismatches = 0;
    let nonEmpty = 0;
    for (let k = 0; k < 300; k++) {
      const start: Position = [33.5 + 12 * rand(), 31.5 + 8 * rand()];
      const route: Geometry = {
        type: 'LineString',
        coordinates: [
          start,
          [start[0] + 2 * rand() - 1, start[1] + 2 * rand() - 1],
          [start[0] + 2 * rand() - 1, start[1] + 2 * rand() - 1],
        ],
      };
      const expected = zones
        .filter((z) => intersects(z.geometry, route))
        .map((z) => z.id)
        .sort();
      if (expected.length > 0) nonEmpty++;
      if (
        JSON.stringify(ids(flat.intersecting(route))) !== JSON.stringify(expected) ||
        JSON.stringify(ids(scan.intersecting(route))) !== JSON.stringify(expected)
      )
        mismatches++;
    }
    expect(nonEmpty).toBeGreaterThan(50);
    expect(mismatches).toBe(0);
  });

  it.each<[string, (zones: Zone[]) => ZoneLookup]>([
    ['FlatbushZoneIndex', (z) => new FlatbushZoneIndex(z)],
    ['ScanZoneIndex', (z) => new ScanZoneIndex(z)],
  ])('%s: an empty index finds nothing; a point in a hole is in no zone', (_, make) => {
    expect(make([]).containing(0, 0)).toEqual([]);
    expect(make([]).intersecting({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
    const index = make([zone('donut', rect(0, 0, 10, 10, ring(2, 2, 8, 8)))]);
    expect(ids(index.containing(5, 5))).toEqual([]);
    expect(ids(index.containing(1, 5))).toEqual(['donut']);
    expect(
      ids(
        index.intersecting({
          type: 'LineString',
          coordinates: [
            [3, 3],
            [7, 7],
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      ids(
        index.intersecting({
          type: 'LineString',
          coordinates: [
            [5, 5],
            [5, 9],
          ],
        }),
      ),
    ).toEqual(['donut']);
  });
});

describe('controllersAt', () => {
  const a = zone(
    'a',
    rect(0, 0, 1, 1),
    control(['reb'], '2016-01-01T00:00:00Z', '2016-06-01T00:00:00Z'),
    control(['gov'], '2016-06-01T00:00:00Z'),
  );
  const b = zone('b', rect(0, 0, 1, 1), control(['gov', 'ally'], '2016-03-01T00:00:00Z', '2016-04-01T00:00:00Z'));

  it.each([
    { name: 'before any control', t: '2015-12-31T23:59:59.999Z', actors: [] },
    { name: 'exactly at the first entry start', t: '2016-01-01T00:00:00Z', actors: ['reb'] },
    { name: 'during both zones, sorted and unique', t: '2016-03-15T00:00:00Z', actors: ['ally', 'gov', 'reb'] },
    { name: 'exactly at the end of b (excluded)', t: '2016-04-01T00:00:00Z', actors: ['reb'] },
    { name: 'just before the handover', t: '2016-05-31T23:59:59.999Z', actors: ['reb'] },
    { name: 'exactly at the handover: the new holder only', t: '2016-06-01T00:00:00Z', actors: ['gov'] },
    { name: 'open-ended, years later', t: '2030-01-01T00:00:00Z', actors: ['gov'] },
  ])('$name -> $actors', ({ t, actors }) => {
    expect(controllersAt([a, b], at(t))).toEqual(actors);
  });

  it('is empty for no zones', () => {
    expect(controllersAt([], at('2016-03-15T00:00:00Z'))).toEqual([]);
  });
});

describe('controllersDuring', () => {
  const a = zone(
    'a',
    rect(0, 0, 1, 1),
    control(['reb'], '2016-01-01T00:00:00Z', '2016-06-01T00:00:00Z'),
    control(['gov'], '2016-06-01T00:00:00Z'),
  );

  it.each([
    { name: 'a window before the handover', from: '2016-05-01T00:00:00Z', to: '2016-06-01T00:00:00Z', actors: ['reb'] },
    {
      name: 'a window across the handover',
      from: '2016-05-31T00:00:00Z',
      to: '2016-06-02T00:00:00Z',
      actors: ['gov', 'reb'],
    },
    {
      name: 'a window starting at the handover',
      from: '2016-06-01T00:00:00Z',
      to: '2016-06-02T00:00:00Z',
      actors: ['gov'],
    },
    { name: 'a window before any control', from: '2015-01-01T00:00:00Z', to: '2016-01-01T00:00:00Z', actors: [] },
  ])('$name -> $actors', ({ from, to, actors }) => {
    expect(controllersDuring([a], { from: at(from), to: at(to) })).toEqual(actors);
  });
});
