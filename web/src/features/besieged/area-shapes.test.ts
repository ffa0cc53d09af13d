import { describe, expect, it } from 'vitest';
import { boxOf, middle, positions, project } from './area-shapes.ts';

const SQUARE = [
  [
    [36, 33],
    [37, 33],
    [37, 34],
    [36, 34],
    [36, 33],
  ],
];

describe('the small map’s drawing', () => {
  it('finds the positions, box and middle of a polygon and of a multipolygon', () => {
    expect(positions(SQUARE)).toHaveLength(5);
    expect(positions([SQUARE, SQUARE])).toHaveLength(10);
    expect(boxOf(positions(SQUARE))).toEqual([36, 33, 37, 34]);
    expect(middle([36, 33, 37, 34])).toEqual([36.5, 33.5]);
    expect(boxOf([])).toBeNull();
  });

  it('draws north up, west on the left, keeping proportions at the latitude', () => {
    const p = project([36, 33, 37, 34], 400, 0);
    const [nw, se] = [p.point([36, 34]), p.point([37, 33])];
    expect(nw).toEqual([0, 0]);
    expect(se[0]).toBe(400);
    // A degree of latitude is longer than a degree of longitude at 33.5°N.
    expect(se[1]).toBeGreaterThan(400);
    expect(p.viewBox).toBe(`0 0 400 ${p.height}`);
    expect(p.path(SQUARE).startsWith('M0 ')).toBe(true);
    expect(p.path([SQUARE, SQUARE]).match(/M/g)).toHaveLength(2);
  });
});
