import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../src/contract/geometry.ts';
import { composeArea, drawingProblems, type Shape, shapesOfArea } from './zone-drawing.ts';

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
];
const part = (id: string, ring: Position[]): Shape => ({ id, role: 'part', ring });
const hole = (id: string, ring: Position[]): Shape => ({ id, role: 'hole', ring });
const codes = (shapes: Shape[]) => drawingProblems(shapes).map((p) => `${p.shape}: ${p.statement.code}`);

describe('a zone drawn shape by shape', () => {
  it('makes a Polygon of one part, its holes inside it, rings closed and rounded to 6 decimals', () => {
    const { area, places } = composeArea([
      part('a', [
        [36.00000012, 33],
        [36.4, 33],
        [36.4, 33.4],
        [36, 33.4],
      ]),
      hole('h', square(36.1, 33.1, 0.1)),
    ]);
    expect(area).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [36, 33],
          [36.4, 33],
          [36.4, 33.4],
          [36, 33.4],
          [36, 33],
        ],
        [...square(36.1, 33.1, 0.1), [36.1, 33.1]],
      ],
    });
    expect(places.get('h')).toEqual({ kind: 'hole', part: 1, hole: 1 });
  });

  it('makes a MultiPolygon of several parts, each hole in the part that holds it', () => {
    const { area, places } = composeArea([
      part('a', square(36, 33, 0.4)),
      part('b', square(37, 34, 0.4)),
      hole('h', square(37.1, 34.1, 0.1)),
    ]);
    expect(area?.type).toBe('MultiPolygon');
    expect(area?.type === 'MultiPolygon' && area.coordinates.map((rings) => rings.length)).toEqual([1, 2]);
    expect(places.get('b')).toEqual({ kind: 'part', part: 2 });
    expect(places.get('h')).toEqual({ kind: 'hole', part: 2, hole: 1 });
  });

  it('has no area until a part is drawn', () => {
    expect(composeArea([hole('h', square(36, 33, 0.1))]).area).toBeNull();
    expect(codes([])).toEqual([]);
  });

  it.each([
    {
      name: 'a good drawing',
      shapes: [part('a', square(36, 33, 0.4)), hole('h', square(36.1, 33.1, 0.1))],
      problems: [],
    },
    {
      name: 'a part of two points',
      shapes: [
        part('a', [
          [36, 33],
          [36.1, 33],
        ]),
      ],
      problems: ['a: problem.ring_points'],
    },
    {
      name: 'a part that crosses itself',
      shapes: [
        part('a', [
          [36, 33],
          [36.2, 33.2],
          [36.2, 33],
          [36, 33.2],
        ]),
      ],
      problems: ['a: problem.ring_crosses'],
    },
    {
      name: 'a hole in no part',
      shapes: [part('a', square(36, 33, 0.4)), hole('h', square(37, 34, 0.1))],
      problems: ['h: problem.hole_outside'],
    },
    {
      name: 'a hole sticking out of its part',
      shapes: [part('a', square(36, 33, 0.4)), hole('h', square(36.3, 33.3, 0.3))],
      problems: ['h: problem.hole_outside'],
    },
    {
      name: 'two holes overlapping',
      shapes: [
        part('a', square(36, 33, 0.4)),
        hole('h1', square(36.05, 33.05, 0.15)),
        hole('h2', square(36.1, 33.1, 0.2)),
      ],
      problems: ['h2: problem.holes_overlap'],
    },
    {
      name: 'two parts overlapping',
      shapes: [part('a', square(36, 33, 0.4)), part('b', square(36.2, 33.2, 0.4))],
      problems: ['b: problem.parts_overlap'],
    },
    {
      name: 'a part reaching into Turkey',
      shapes: [part('a', square(37, 37, 1))],
      problems: ['a: problem.outside_syria'],
    },
  ] as { name: string; shapes: Shape[]; problems: string[] }[])('$name', ({ shapes, problems }) => {
    expect(codes(shapes)).toEqual(problems);
  });

  it('opens a stored area as shapes to edit, and gives the same area back', () => {
    let n = 0;
    const area = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [...square(36, 33, 0.4), [36, 33] as Position],
          [...square(36.1, 33.1, 0.1), [36.1, 33.1] as Position],
        ],
        [[...square(37, 34, 0.4), [37, 34] as Position]],
      ],
    };
    const shapes = shapesOfArea(area, () => `s${n++}`);
    expect(shapes.map((s) => `${s.id} ${s.role} ${s.ring.length}`)).toEqual(['s0 part 4', 's1 hole 4', 's2 part 4']);
    expect(composeArea(shapes).area).toEqual(area);
  });
});
