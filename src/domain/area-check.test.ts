import { describe, expect, it } from 'vitest';
import { type AreaProblem, areaProblems, MAX_AREA_POSITIONS, SYRIA_EXTENT } from './area-check.ts';
import type { Area, Position } from './geo.ts';
import { rect, ring } from './test-builders.ts';

const polygon = (...rings: Position[][]): Area => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: Position[][][]): Area => ({ type: 'MultiPolygon', coordinates: polygons });
const closed = (...points: Position[]): Position[] => [...points, points[0]!];
const said = (problems: AreaProblem[]) => problems.map((p) => `${p.path.join('/')}: ${p.statement.code}`);

// Around Damascus and Homs: well inside Syria.
const shell = ring(36.0, 33.0, 36.4, 33.4);

describe('areaProblems: an area drawn for a zone', () => {
  it.each([
    { name: 'a square', area: polygon(shell), problems: [] },
    { name: 'a square with a hole', area: polygon(shell, ring(36.1, 33.1, 36.2, 33.2)), problems: [] },
    {
      name: 'two parts apart, one with a hole',
      area: multi([shell, ring(36.1, 33.1, 36.2, 33.2)], [ring(37, 34, 37.2, 34.2)]),
      problems: [],
    },
    {
      name: 'a part inside the hole of another (an island in a lake)',
      area: multi([shell, ring(36.1, 33.1, 36.3, 33.3)], [ring(36.15, 33.15, 36.25, 33.25)]),
      problems: [],
    },
    {
      name: 'a ring of two distinct points',
      area: polygon(closed([36, 33], [36.1, 33], [36, 33], [36.1, 33])),
      problems: ['coordinates/0: problem.ring_points'],
    },
    {
      name: 'a ring whose points lie on one line',
      area: polygon(closed([36, 33], [36.1, 33.1], [36.2, 33.2])),
      problems: ['coordinates/0: problem.ring_flat'],
    },
    {
      name: 'a bow tie (the ring crosses itself)',
      area: polygon(closed([36, 33], [36.2, 33.2], [36.2, 33], [36, 33.2])),
      problems: ['coordinates/0: problem.ring_crosses'],
    },
    {
      name: 'a ring that doubles back along itself',
      area: polygon(closed([36, 33], [36.2, 33], [36.1, 33], [36.1, 33.2])),
      problems: ['coordinates/0: problem.ring_crosses'],
    },
    {
      name: 'a ring that ends elsewhere than it starts',
      area: polygon([
        [36, 33],
        [36.1, 33],
        [36.1, 33.1],
        [36, 33.2],
      ]),
      problems: ['coordinates/0: problem.ring_open'],
    },
    {
      name: 'a hole outside its shell',
      area: polygon(shell, ring(37, 34, 37.1, 34.1)),
      problems: ['coordinates/1: problem.hole_outside'],
    },
    {
      name: 'a hole across its shell',
      area: polygon(shell, ring(36.3, 33.3, 36.5, 33.5)),
      problems: ['coordinates/1: problem.hole_outside'],
    },
    {
      name: 'two holes overlapping',
      area: polygon(shell, ring(36.05, 33.05, 36.2, 33.2), ring(36.15, 33.15, 36.3, 33.3)),
      problems: ['coordinates/2: problem.holes_overlap'],
    },
    {
      name: 'two parts overlapping',
      area: multi([shell], [ring(36.3, 33.3, 36.6, 33.6)]),
      problems: ['coordinates/1: problem.parts_overlap'],
    },
    {
      name: 'a part wholly inside another',
      area: multi([shell], [ring(36.1, 33.1, 36.2, 33.2)]),
      problems: ['coordinates/1: problem.parts_overlap'],
    },
    {
      name: 'two parts sharing an edge',
      area: multi([shell], [ring(36.4, 33.0, 36.6, 33.4)]),
      problems: ['coordinates/1: problem.parts_overlap'],
    },
    {
      name: 'two parts meeting at a corner of both (a bow tie repaired)',
      area: multi([shell], [ring(36.4, 33.4, 36.6, 33.6)]),
      problems: [],
    },
    {
      name: 'a part whose corner touches the middle of another part’s edge',
      area: multi([shell], [closed([36.4, 33.2], [36.6, 33.1], [36.6, 33.3])]),
      problems: ['coordinates/1: problem.parts_overlap'],
    },
    {
      name: 'a point in Turkey',
      area: polygon(closed([36.5, 36.5], [37, 36.5], [37, 38.5])),
      problems: ['coordinates/0/2: problem.outside_syria'],
    },
    {
      name: 'a point beyond the world',
      area: polygon(closed([36, 33], [36.1, 33], [36.1, 95])),
      problems: ['coordinates/0/2: problem.outside_world'],
    },
    {
      name: 'problems in two parts at once',
      area: multi(
        [closed([36, 33], [36.2, 33.2], [36.2, 33], [36, 33.2])],
        [ring(37, 34, 37.2, 34.2), ring(38, 35, 38.1, 35.1)],
      ),
      problems: ['coordinates/0/0: problem.ring_crosses', 'coordinates/1/1: problem.hole_outside'],
    },
  ] as { name: string; area: Area; problems: string[] }[])('$name', ({ area, problems }) => {
    expect(said(areaProblems(area))).toEqual(problems);
  });

  it('says where a ring crosses itself, in English and as a statement', () => {
    const [p] = areaProblems(polygon(closed([36, 33], [36.2, 33.2], [36.2, 33], [36, 33.2])));
    expect(p!.message).toBe('the ring crosses itself near 33.1000° N, 36.1000° E');
    expect(p!.statement).toEqual({
      code: 'problem.ring_crosses',
      params: { point: { point: { lon: 36.1, lat: 33.1 } } },
    });
  });

  it('names a point as far outside the world as a number goes as it was given, a finite number', () => {
    const [p] = areaProblems(polygon(closed([36, 33], [36.1, 33], [36.1, -1.7976931348623143e308])));
    expect(p!.statement.params).toEqual({ point: { point: { lon: 36.1, lat: -1.7976931348623143e308 } } });
    expect(p!.message).toMatch(/^1\.79769\d*e\+308° S/);
  });

  it('names the parts and holes as people count them, from 1', () => {
    const [overlap] = areaProblems(multi([shell], [ring(37, 34, 37.2, 34.2)], [ring(36.3, 33.3, 36.6, 33.6)]));
    expect(overlap!.message).toBe('part 3 overlaps or touches part 1: parts may meet only at a corner of both');
    const [hole] = areaProblems(polygon(shell, ring(37, 34, 37.1, 34.1)));
    expect(hole!.message).toBe('hole 1 must lie inside its outer ring, without touching it');
  });

  it('takes any extent, or the world alone', () => {
    const far = rect(10, 10, 11, 11);
    expect(said(areaProblems(far))).toEqual(['coordinates/0/0: problem.outside_syria']);
    expect(areaProblems(far, { extent: null })).toEqual([]);
    expect(areaProblems(far, { extent: [9, 9, 12, 12] })).toEqual([]);
    expect(SYRIA_EXTENT[0]).toBeLessThan(SYRIA_EXTENT[2]);
  });

  it('refuses more positions than a person draws, and checks a large ring quickly', () => {
    const circle = (n: number): Position[] => {
      const points = Array.from({ length: n }, (_, i): Position => {
        const a = (2 * Math.PI * i) / n;
        return [38 + Math.cos(a), 35 + Math.sin(a) * 0.8];
      });
      return closed(...points);
    };
    expect(said(areaProblems(polygon(circle(MAX_AREA_POSITIONS + 10))))).toEqual([
      'coordinates: problem.area_too_many_points',
    ]);
    const started = performance.now();
    expect(areaProblems(polygon(circle(MAX_AREA_POSITIONS - 10)))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
