import { describe, expect, it } from 'vitest';
import {
  clearanceM,
  deconflictOperation,
  type DeconflictionTarget,
  type PlannedReach,
  reachClearanceM,
  targetConflicts,
} from './deconflict.ts';
import { EARTH_RADIUS_M, type Geometry } from './geo.ts';
import { interval, operation, rect, site } from './test-builders.ts';

/** Metres in one degree of arc on the spec's sphere (111 194.9 m); a meridian is a great circle. */
const DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180;
const pt = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });

/** An operation by ru at (0, 0), 1 June 2016 00:00Z to 2 June 00:00Z. */
const op = operation('o1', { actor: 'ru', area: pt(0, 0), radiusM: 0 });

describe('deconflictOperation: which sites are checked', () => {
  it("skips the operating party's own site, however close", () => {
    const own = site('own', { owner: 'ru', geometry: pt(0, 0) });
    const other = site('other', { owner: 'msf', geometry: pt(0, 0) });
    expect(deconflictOperation(op, [own, other]).conflicts.map((c) => c.site)).toEqual(['other']);
  });

  it.each([
    {
      name: 'valid only before the window, ending exactly at its start',
      valid: interval('2016-01-01T00:00:00Z', '2016-06-01T00:00:00Z'),
      conflict: false,
    },
    { name: 'valid from exactly the end of the window', valid: interval('2016-06-02T00:00:00Z'), conflict: false },
    {
      name: 'valid from the last millisecond of the window',
      valid: interval('2016-06-01T23:59:59.999Z'),
      conflict: true,
    },
    {
      name: 'valid until one millisecond into the window',
      valid: interval('2016-01-01T00:00:00Z', '2016-06-01T00:00:00.001Z'),
      conflict: true,
    },
    { name: 'valid open-ended from before', valid: interval('2015-01-01T00:00:00Z'), conflict: true },
    {
      name: 'valid only within the window',
      valid: interval('2016-06-01T10:00:00Z', '2016-06-01T11:00:00Z'),
      conflict: true,
    },
  ])('site $name -> conflict: $conflict', ({ valid, conflict }) => {
    const s = site('s', { geometry: pt(0, 0), valid });
    expect(deconflictOperation(op, [s]).conflicts.length).toBe(conflict ? 1 : 0);
  });

  it('an open-ended operation window overlaps a site valid later', () => {
    const open = operation('o', { area: pt(0, 0), window: interval('2016-06-01T00:00:00Z') });
    expect(
      deconflictOperation(open, [site('s', { geometry: pt(0, 0), valid: interval('2020-01-01T00:00:00Z') })]).conflicts,
    ).toHaveLength(1);
  });

  it('names the operation and gives an empty list when clear', () => {
    expect(deconflictOperation(op, [site('far', { geometry: pt(1, 1) })])).toEqual({ operation: 'o1', conflicts: [] });
    expect(deconflictOperation(op, [])).toEqual({ operation: 'o1', conflicts: [] });
  });
});

describe('clearance', () => {
  // A site 0.01 degrees north of the operation is 1 111.95 m away.
  it.each([
    {
      name: 'distance less radius, rounded up',
      lat: 0.01,
      radius: 500,
      buffer: 1000,
      clearance: Math.round(0.01 * DEGREE_M - 500),
    },
    {
      name: 'distance less radius, rounded down',
      lat: 0.0101,
      radius: 500,
      buffer: 1000,
      clearance: Math.round(0.0101 * DEGREE_M - 500),
    },
    { name: 'no radius', lat: 0.01, radius: 0, buffer: 2000, clearance: Math.round(0.01 * DEGREE_M) },
    { name: 'radius beyond the site: at least 0', lat: 0.01, radius: 5000, buffer: 0, clearance: 0 },
  ])('$name: $clearance m', ({ lat, radius, buffer, clearance }) => {
    const o = operation('o', { area: pt(0, 0), radiusM: radius });
    const s = site('s', { geometry: pt(0, lat), bufferM: buffer });
    expect(clearance).toBe(Math.round(clearance)); // the expectations are whole metres
    expect(deconflictOperation(o, [s]).conflicts).toEqual([{ site: 's', clearanceM: clearance, notified: false }]);
  });

  it('hand-computed values: 612 m and 623 m', () => {
    const o = operation('o', { area: pt(0, 0), radiusM: 500 });
    expect(deconflictOperation(o, [site('s', { geometry: pt(0, 0.01), bufferM: 1000 })]).conflicts[0]!.clearanceM).toBe(
      612,
    );
    expect(
      deconflictOperation(o, [site('s', { geometry: pt(0, 0.0101), bufferM: 1000 })]).conflicts[0]!.clearanceM,
    ).toBe(623);
  });

  it.each([
    // Unrounded clearance 611.95 m: a buffer of 611 m is too small, 612 m holds it, and a buffer equal to it counts.
    { buffer: 611, conflict: false },
    { buffer: 611.9, conflict: false },
    { buffer: 612, conflict: true },
  ])('in conflict only when the clearance is at most the buffer ($buffer m -> $conflict)', ({ buffer, conflict }) => {
    const o = operation('o', { area: pt(0, 0), radiusM: 500 });
    expect(deconflictOperation(o, [site('s', { geometry: pt(0, 0.01), bufferM: buffer })]).conflicts.length).toBe(
      conflict ? 1 : 0,
    );
  });

  it('a buffer exactly equal to the clearance is a conflict (at most)', () => {
    const o = operation('o', { area: pt(0, 0), radiusM: 500 });
    const exact = clearanceM(o, site('s', { geometry: pt(0, 0.01) }));
    expect(exact).toBeGreaterThan(611);
    expect(deconflictOperation(o, [site('s', { geometry: pt(0, 0.01), bufferM: exact })]).conflicts).toHaveLength(1);
    expect(
      deconflictOperation(o, [site('s', { geometry: pt(0, 0.01), bufferM: exact - 0.001 })]).conflicts,
    ).toHaveLength(0);
  });

  it.each([
    { name: 'a polygon area holding the site', area: rect(-0.01, -0.01, 0.01, 0.01), geometry: pt(0, 0), radius: 0 },
    {
      name: 'a polygon area holding the site, with a radius',
      area: rect(-0.01, -0.01, 0.01, 0.01),
      geometry: pt(0.005, 0.005),
      radius: 300,
    },
    {
      name: 'a polygon site holding the point area',
      area: pt(0, 0),
      geometry: rect(-0.01, -0.01, 0.01, 0.01),
      radius: 0,
    },
    { name: 'overlapping polygons', area: rect(0, 0, 0.02, 0.02), geometry: rect(0.01, 0.01, 0.03, 0.03), radius: 0 },
    {
      name: 'a route site crossing the operation polygon',
      area: rect(0, 0, 0.02, 0.02),
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.01, 0.01],
          [0.03, 0.01],
        ],
      } as Geometry,
      radius: 0,
    },
  ])('$name gives 0', ({ area, geometry, radius }) => {
    const o = operation('o', { area, radiusM: radius });
    const s = site('s', { geometry, bufferM: 0 });
    expect(clearanceM(o, s)).toBe(0);
    expect(deconflictOperation(o, [s]).conflicts).toEqual([{ site: 's', clearanceM: 0, notified: false }]);
  });

  it('a polygon area near but not holding the site is measured to its nearest edge', () => {
    // The operation polygon's east edge is at lon 0; the site is 0.01 degrees east of it on the equator.
    const o = operation('o', { area: rect(-0.05, -0.05, 0, 0.05), radiusM: 100 });
    const c = clearanceM(o, site('s', { geometry: pt(0.01, 0) }));
    expect(Math.abs(c - (0.01 * DEGREE_M - 100))).toBeLessThan(0.005 * 0.01 * DEGREE_M);
  });
});

describe('a route site along a parallel: measured to the straight line, not the great circle', () => {
  // A protected route of 50 km along 36°N (as the map draws it: straight in lon/lat) with a 200 m
  // buffer, and strikes south of its middle. The great circle through the route's ends runs some
  // 36 m north of the parallel there, so measuring to it would add those metres.
  const LAT = 36;
  const metresPerLonDegree = DEGREE_M * Math.cos((LAT * Math.PI) / 180);
  const span = 50_000 / metresPerLonDegree;
  const route: Geometry = {
    type: 'LineString',
    coordinates: [
      [37, LAT],
      [37 + span, LAT],
    ],
  };
  const strikeSouth = (metres: number) =>
    operation('o', { area: pt(37 + span / 2, LAT - metres / DEGREE_M), radiusM: 0 });

  it.each([
    { south: 190, conflict: true },
    { south: 199, conflict: true },
    { south: 201, conflict: false },
  ])('a strike $south m south of the middle: conflict $conflict', ({ south, conflict }) => {
    const s = site('road', { geometry: route, bufferM: 200 });
    const result = deconflictOperation(strikeSouth(south), [s]).conflicts;
    expect(result).toEqual(conflict ? [{ site: 'road', clearanceM: south, notified: false }] : []);
  });

  it('with a radius: 700 m south, 500 m radius, a 200 m clearance', () => {
    const o = operation('o', { area: pt(37 + span / 2, LAT - 700 / DEGREE_M), radiusM: 500 });
    expect(Math.abs(clearanceM(o, site('road', { geometry: route })) - 200)).toBeLessThan(1);
  });
});

describe('order and notification', () => {
  it('sorts conflicts by clearance, then by site id', () => {
    const sites = [
      site('b', { geometry: pt(0, 0.002) }), // 222 m
      site('e', { geometry: pt(0, 0.003) }), // 334 m
      site('a', { geometry: pt(0, -0.002) }), // 222 m, a tie broken by id
      site('z', { geometry: pt(0, 0.001) }), // 111 m: first despite its id
      site('far', { geometry: pt(0, 0.01) }), // 1 112 m, beyond its 500 m buffer
    ];
    const conflicts = deconflictOperation(op, sites).conflicts;
    expect(conflicts.map((c) => [c.site, c.clearanceM])).toEqual([
      ['z', Math.round(0.001 * DEGREE_M)],
      ['a', Math.round(0.002 * DEGREE_M)],
      ['b', Math.round(0.002 * DEGREE_M)],
      ['e', Math.round(0.003 * DEGREE_M)],
    ]);
  });

  it.each([
    { notifiedTo: ['ru'], notified: true },
    { notifiedTo: ['us', 'ru'], notified: true },
    { notifiedTo: ['us'], notified: false },
    { notifiedTo: [], notified: false },
  ])(
    'notified is whether the operating party is in notified_to ($notifiedTo -> $notified)',
    ({ notifiedTo, notified }) => {
      expect(deconflictOperation(op, [site('s', { geometry: pt(0, 0), notifiedTo })]).conflicts).toEqual([
        { site: 's', clearanceM: 0, notified },
      ]);
    },
  );
});

describe('targetConflicts: any target (notified sites, movements, positions)', () => {
  const WINDOW = interval('2016-06-01T00:00:00Z', '2016-06-02T00:00:00Z');
  const reach = (over: Partial<PlannedReach> = {}): PlannedReach => ({
    area: pt(0, 0),
    radiusM: 0,
    window: WINDOW,
    owners: ['actor:ru', 'org:ru'],
    ...over,
  });
  const target = (id: string, over: Partial<DeconflictionTarget> = {}): DeconflictionTarget => ({
    kind: 'notification_site',
    id,
    owner: 'org:ngo',
    geometry: pt(0, 0),
    bufferM: 500,
    valid: interval('2016-01-01T00:00:00Z', '2017-01-01T00:00:00Z'),
    notified: false,
    ...over,
  });

  it('excludes a target owned by any of the operation owners (its actor or its declaring organization)', () => {
    const found = targetConflicts(reach(), [
      target('own-org', { owner: 'org:ru' }),
      target('own-actor', { owner: 'actor:ru', kind: 'protected_site' }),
      target('other', { owner: 'org:us', kind: 'position' }),
      // The same name in the other namespace is someone else.
      target('namesake', { owner: 'actor:ngo', kind: 'protected_site' }),
    ]);
    expect(found.map((c) => c.id)).toEqual(['namesake', 'other']);
  });

  it.each([
    {
      name: 'ends exactly when the window starts',
      valid: interval('2016-05-01T00:00:00Z', '2016-06-01T00:00:00Z'),
      hit: false,
    },
    {
      name: 'starts exactly when the window ends',
      valid: interval('2016-06-02T00:00:00Z', '2016-07-01T00:00:00Z'),
      hit: false,
    },
    {
      name: 'starts in the last millisecond',
      valid: interval('2016-06-01T23:59:59.999Z', '2016-07-01T00:00:00Z'),
      hit: true,
    },
    {
      name: 'ends in the first millisecond',
      valid: interval('2016-05-01T00:00:00Z', '2016-06-01T00:00:00.001Z'),
      hit: true,
    },
    { name: 'open-ended from before', valid: interval('2015-01-01T00:00:00Z'), hit: true },
  ])('a movement whose window $name -> $hit', ({ valid, hit }) => {
    const movement = target('m', {
      kind: 'movement',
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.01, 0],
          [0.01, 0],
        ],
      },
      valid,
    });
    expect(targetConflicts(reach(), [movement]).length).toBe(hit ? 1 : 0);
  });

  it('an open-ended operation window reaches a target valid years later', () => {
    const later = target('later', { valid: interval('2030-01-01T00:00:00Z', '2030-02-01T00:00:00Z') });
    expect(targetConflicts(reach({ window: interval('2016-06-01T00:00:00Z') }), [later])).toHaveLength(1);
  });

  it('a polygon area touching a polygon target gives 0, a conflict even with no buffer', () => {
    const area = rect(0, 0, 0.01, 0.01);
    const touching = target('touch', { geometry: rect(0.01, 0, 0.02, 0.01), bufferM: 0 });
    const apart = target('apart', { geometry: rect(0.011, 0, 0.02, 0.01), bufferM: 0 });
    expect(targetConflicts(reach({ area }), [touching, apart])).toEqual([
      { kind: 'notification_site', id: 'touch', owner: 'org:ngo', clearanceM: 0, notified: false },
    ]);
  });

  it('a buffer exactly equal to the clearance is a conflict; a hair less is not', () => {
    const r = reach({ radiusM: 500 });
    const exact = reachClearanceM(r, pt(0, 0.01));
    expect(exact).toBeCloseTo(0.01 * DEGREE_M - 500, 6);
    expect(targetConflicts(r, [target('p', { kind: 'position', geometry: pt(0, 0.01), bufferM: exact })])).toHaveLength(
      1,
    );
    expect(
      targetConflicts(r, [target('p', { kind: 'position', geometry: pt(0, 0.01), bufferM: exact - 0.001 })]),
    ).toHaveLength(0);
  });

  it('a route crossing the area is 0 m away; notified is the target’s own answer', () => {
    const route = target('route', {
      kind: 'movement',
      notified: true,
      bufferM: 0,
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1, -0.001],
          [1, 0.001],
        ],
      },
    });
    expect(targetConflicts(reach({ area: rect(-0.01, -0.01, 0.01, 0.01) }), [route])).toEqual([
      { kind: 'movement', id: 'route', owner: 'org:ngo', clearanceM: 0, notified: true },
    ]);
  });

  it('sorts every kind together by clearance, then id, then kind', () => {
    const found = targetConflicts(reach(), [
      target('b', { kind: 'position', geometry: pt(0, 0.002) }),
      target('a', {
        kind: 'movement',
        geometry: {
          type: 'LineString',
          coordinates: [
            [-1, 0.002],
            [1, 0.002],
          ],
        },
      }),
      target('a', { kind: 'protected_site', owner: 'actor:msf', geometry: pt(0, 0.002) }),
      target('z', { geometry: pt(0, 0.001) }),
    ]);
    expect(found.map((c) => `${c.kind}:${c.id}`)).toEqual([
      'notification_site:z',
      'movement:a',
      'protected_site:a',
      'position:b',
    ]);
  });

  it('gives the spec’s answer for protected sites (deconflictOperation is it, read for sites)', () => {
    const sites = [site('s1', { geometry: pt(0, 0.002), notifiedTo: ['ru'] }), site('s2', { geometry: pt(0, 0.001) })];
    const spec = deconflictOperation(op, sites).conflicts;
    const generic = targetConflicts(
      { ...op, owners: [op.actor] },
      sites.map((s) => ({
        kind: 'protected_site' as const,
        id: s.id,
        owner: s.owner,
        geometry: s.geometry,
        bufferM: s.bufferM,
        valid: s.valid,
        notified: s.notifiedTo.includes('ru'),
      })),
    );
    expect(generic.map((c) => ({ site: c.id, clearanceM: c.clearanceM, notified: c.notified }))).toEqual(spec);
  });
});
