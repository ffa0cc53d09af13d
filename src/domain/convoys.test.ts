import { describe, expect, it } from 'vitest';
import { controlChangeAlong, convoyApprovals } from './convoys.ts';
import type { Geometry, Position } from './geo.ts';
import type { Zone } from './model.ts';
import { Rulebook } from './rulebook.ts';
import { actor, agreement, control, convoy, interval, rect, ring, rulebook, zone } from './test-builders.ts';

/** nus is excluded by coh, isil is designated, kurd is excluded only by a second agreement. */
const actors = [
  actor('gov'),
  actor('reb'),
  actor('ally'),
  actor('un', { kind: 'un' }),
  actor('nus'),
  actor('isil', { designated: true }),
  actor('kurd'),
];
const agreements = [agreement('coh', { excluded: ['nus'] }), agreement('local', { excluded: ['kurd'] })];
const SINCE = '2015-01-01T00:00:00Z';
const line = (...coordinates: Position[]): Geometry => ({ type: 'LineString', coordinates });

/** Squares along the equator: a at 0..1, b at 2..3, c at 4..5, d at 6..7. */
const zones: Zone[] = [
  zone('a', rect(0, 0, 1, 1), control(['gov'], SINCE)),
  zone('b', rect(2, 0, 3, 1), control(['reb'], SINCE)),
  zone('c', rect(4, 0, 5, 1), control(['nus', 'ally'], SINCE)),
  zone('d', rect(6, 0, 7, 1), control(['isil'], SINCE)),
  zone('k', rect(8, 0, 9, 1), control(['kurd'], SINCE)),
];
const book = rulebook({ actors, agreements, zones });

describe('convoyApprovals', () => {
  it.each([
    {
      name: 'crossing a and b',
      route: line([-1, 0.5], [3.5, 0.5]),
      required: ['gov', 'reb'],
      excluded: [],
      through: ['a', 'b'],
    },
    { name: 'wholly inside a', route: line([0.2, 0.2], [0.8, 0.8]), required: ['gov'], excluded: [], through: ['a'] },
    {
      name: 'between zones, touching none',
      route: line([1.2, 0.5], [1.8, 0.5]),
      required: [],
      excluded: [],
      through: [],
    },
    {
      name: 'crossing b and c: excluded nus reported, ally required',
      route: line([2.5, 0.5], [4.5, 0.5]),
      required: ['ally', 'reb'],
      excluded: ['nus'],
      through: ['b', 'c'],
    },
    {
      name: 'crossing d: a designated group is excluded',
      route: line([5.5, 0.5], [7.5, 0.5]),
      required: [],
      excluded: ['isil'],
      through: ['d'],
    },
    {
      name: 'crossing k: excluded under one agreement only',
      route: line([7.5, 0.5], [9.5, 0.5]),
      required: [],
      excluded: ['kurd'],
      through: ['k'],
    },
    {
      name: 'crossing everything, both lists sorted',
      route: line([9.5, 0.5], [-0.5, 0.5]),
      required: ['ally', 'gov', 'reb'],
      excluded: ['isil', 'kurd', 'nus'],
      through: ['a', 'b', 'c', 'd', 'k'],
    },
    {
      name: 'ending exactly on the edge of b (touching)',
      route: line([1.5, 0.5], [2, 0.5]),
      required: ['reb'],
      excluded: [],
      through: ['b'],
    },
    {
      name: 'running along the top edge of a (touching)',
      route: line([-1, 1], [1.5, 1]),
      required: ['gov'],
      excluded: [],
      through: ['a'],
    },
    {
      name: 'passing through the corner of a',
      route: line([0.5, 1.5], [1.5, 0.5]),
      required: ['gov'],
      excluded: [],
      through: ['a'],
    },
    {
      name: 'passing just clear of the corner of a',
      route: line([0.51, 1.5], [1.51, 0.5]),
      required: [],
      excluded: [],
      through: [],
    },
  ])('route $name', ({ route, required, excluded, through }) => {
    expect(convoyApprovals(book, convoy('c1', { route }), null)).toEqual({
      convoy: 'c1',
      requiredApprovals: required,
      crossesExcluded: excluded,
      zones: through,
    });
  });

  it('removes the organizer from the controllers', () => {
    const r = convoyApprovals(book, convoy('c1', { organizer: 'reb', route: line([-1, 0.5], [3.5, 0.5]) }), null);
    expect(r.requiredApprovals).toEqual(['gov']);
  });

  it('removes an excluded organizer from crosses_excluded too', () => {
    const r = convoyApprovals(book, convoy('c1', { organizer: 'nus', route: line([2.5, 0.5], [4.5, 0.5]) }), null);
    expect(r).toMatchObject({ requiredApprovals: ['ally', 'reb'], crossesExcluded: [] });
  });

  it.each([
    { name: 'no zones crossed', route: line([1.2, 0.5], [1.8, 0.5]), required: ['sy-gov'] },
    {
      name: 'merged with the controllers, sorted',
      route: line([-1, 0.5], [3.5, 0.5]),
      required: ['gov', 'reb', 'sy-gov'],
    },
    { name: 'already a controller: listed once', route: line([-1, 0.5], [0.5, 0.5]), required: ['gov'], host: 'gov' },
  ])('adds the host state: $name', ({ route, required, host }) => {
    expect(convoyApprovals(book, convoy('c1', { route }), host ?? 'sy-gov').requiredApprovals).toEqual(required);
  });

  it('a route inside the hole of a zone does not cross it', () => {
    const donut = zone('donut', rect(0, 0, 10, 10, ring(2, 2, 8, 8)), control(['gov'], SINCE));
    const b = rulebook({ actors, agreements, zones: [donut] });
    expect(convoyApprovals(b, convoy('c1', { route: line([3, 3], [7, 7]) }), null).requiredApprovals).toEqual([]);
    expect(convoyApprovals(b, convoy('c1', { route: line([3, 3], [9, 9]) }), null).requiredApprovals).toEqual(['gov']);
  });

  it('a MultiPolygon zone counts when the route crosses any of its parts', () => {
    const multi = zone(
      'm',
      { type: 'MultiPolygon', coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, 0, 6, 1).coordinates] },
      control(['gov'], SINCE),
    );
    const b = rulebook({ actors, agreements, zones: [multi] });
    expect(convoyApprovals(b, convoy('c1', { route: line([4.5, 0.5], [5.5, 0.5]) }), null).requiredApprovals).toEqual([
      'gov',
    ]);
  });
});

describe('convoyApprovals: a route along a parallel is straight in lon/lat, not a great circle', () => {
  // A route of one segment along 36°N from lon 36 to lon 37 (90 km). The great circle through its
  // ends would run about 120 m north of the parallel at lon 36.5, and cross a zone 40 m north of it.
  const metres = (m: number) => m / ((6_371_008.8 * Math.PI) / 180);
  const route = line([36, 36], [37, 36]);
  const approvals = (z: Zone) =>
    convoyApprovals(rulebook({ actors, agreements, zones: [z] }), convoy('c1', { route }), null);

  it.each([
    { name: 'a zone from 40 m north of the parallel is not crossed', south: 36 + metres(40), required: [] },
    { name: 'a zone whose southern edge is the parallel is touched', south: 36, required: ['gov'] },
    { name: 'a zone reaching 40 m south of the parallel is crossed', south: 36 - metres(40), required: ['gov'] },
  ])('$name', ({ south, required }) => {
    expect(approvals(zone('z', rect(36.45, south, 36.55, 36.2), control(['gov'], SINCE))).requiredApprovals).toEqual(
      required,
    );
  });
});

describe('convoyApprovals: control during the window (06:00Z to 18:00Z, 1 June 2016)', () => {
  const route = line([-1, 0.5], [2, 0.5]);
  const approvals = (z: Zone) =>
    convoyApprovals(rulebook({ actors, agreements, zones: [z] }), convoy('c1', { route }), null);

  it.each([
    {
      name: 'control ended exactly when the window opens',
      entries: [control(['gov'], SINCE, '2016-06-01T06:00:00Z')],
      required: [],
      through: [],
    },
    {
      name: 'control starts exactly when the window closes',
      entries: [control(['gov'], '2016-06-01T18:00:00Z')],
      required: [],
      through: [],
    },
    {
      name: 'control ended long before',
      entries: [control(['gov'], SINCE, '2016-01-01T00:00:00Z')],
      required: [],
      through: [],
    },
    {
      name: 'control ended one millisecond into the window',
      entries: [control(['gov'], SINCE, '2016-06-01T06:00:00.001Z')],
      required: ['gov'],
      through: ['a'],
    },
    {
      name: 'control changes hands during the window: both holders',
      entries: [control(['reb'], SINCE, '2016-06-01T12:00:00Z'), control(['gov'], '2016-06-01T12:00:00Z')],
      required: ['gov', 'reb'],
      through: ['a'],
    },
    {
      name: 'an old holder before the window is not asked',
      entries: [control(['reb'], SINCE, '2016-06-01T06:00:00Z'), control(['gov'], '2016-06-01T06:00:00Z')],
      required: ['gov'],
      through: ['a'],
    },
  ])('$name', ({ entries, required, through }) => {
    const r = approvals(zone('a', rect(0, 0, 1, 1), ...entries));
    expect(r.requiredApprovals).toEqual(required);
    expect(r.zones).toEqual(through);
  });

  it('an open-ended convoy window counts later control', () => {
    const z = zone('a', rect(0, 0, 1, 1), control(['gov'], '2020-01-01T00:00:00Z'));
    const r = convoyApprovals(
      rulebook({ actors, agreements, zones: [z] }),
      convoy('c1', { route, window: interval('2016-06-01T06:00:00Z') }),
      null,
    );
    expect(r.requiredApprovals).toEqual(['gov']);
  });
});

describe('convoys in a world without agreements', () => {
  it('still treats a designated group as excluded, not as someone to ask', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ] as [number, number][][],
    };
    const book = new Rulebook({
      actors: [
        { id: 'isil', name: 'IS', kind: 'armed_group', aliases: [], designated: true },
        { id: 'un', name: 'UN', kind: 'un', aliases: [], designated: false },
      ],
      agreements: [],
      zones: [{ id: 'z', name: 'z', geometry: square, control: [{ actors: ['isil'], from: 0, to: null }] }],
    });
    const result = convoyApprovals(
      book,
      {
        id: 'c',
        organizer: 'un',
        route: {
          type: 'LineString',
          coordinates: [
            [-1, 0.5],
            [2, 0.5],
          ],
        },
        window: { from: 10, to: 20 },
      },
      null,
    );
    expect(result.requiredApprovals).toEqual([]);
    expect(result.crossesExcluded).toEqual(['isil']);
  });
});

describe('controlChangeAlong: a change to one zone, seen from a route in force', () => {
  // The convoy crosses a and b on 1 June 2016, 06:00Z to 18:00Z.
  const c = convoy('c1', {
    route: line([-1, 0.5], [3.5, 0.5]),
    window: interval('2016-06-01T06:00:00Z', '2016-06-01T18:00:00Z'),
  });
  const a = zones[0]!;
  const taken = (at: string) => zone('a', rect(0, 0, 1, 1), control(['gov'], SINCE, at), control(['reb'], at));

  it.each([
    {
      name: 'control changes hands during the window',
      after: taken('2016-06-01T12:00:00Z'),
      change: { before: ['gov'], after: ['gov', 'reb'] },
    },
    {
      name: 'control changes hands before the window',
      after: taken('2016-05-20T00:00:00Z'),
      change: { before: ['gov'], after: ['reb'] },
    },
    { name: 'control changes hands after the window', after: taken('2016-06-02T00:00:00Z'), change: null },
    {
      name: 'the zone is redrawn away from the route',
      after: zone('a', rect(0, 2, 1, 3), control(['gov'], SINCE)),
      change: { before: ['gov'], after: [] },
    },
    {
      name: 'the same holders are written again',
      after: zone('a', rect(0, 0, 1, 1), control(['gov'], '2014-01-01T00:00:00Z')),
      change: null,
    },
  ])('$name', ({ after, change }) => {
    expect(controlChangeAlong(a, after, c)).toEqual(change);
  });

  it('a new zone on the route is a change; one elsewhere is none', () => {
    expect(controlChangeAlong(null, zone('n', rect(1.2, 0, 1.8, 1), control(['ally'], SINCE)), c)).toEqual({
      before: [],
      after: ['ally'],
    });
    expect(controlChangeAlong(null, zone('n', rect(1.2, 5, 1.8, 6), control(['ally'], SINCE)), c)).toBeNull();
  });
});
