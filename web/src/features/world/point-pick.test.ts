import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../src/contract/geometry.ts';
import { nearestPoint, stepPoint, stillPicked, withoutPoint } from './point-pick.ts';

const square: Position[] = [
  [36, 33],
  [36.1, 33],
  [36.1, 33.1],
  [36, 33.1],
];

describe('a point chosen to be removed', () => {
  it('is the nearest within reach of the tap, or none', () => {
    const onScreen: [number, number][] = [
      [100, 100],
      [200, 100],
      [200, 200],
      [100, 200],
    ];
    expect(nearestPoint(onScreen, [195, 108], 24)).toBe(1);
    expect(nearestPoint(onScreen, [150, 150], 24)).toBeNull();
    // Two within reach: the nearer.
    expect(
      nearestPoint(
        [
          [0, 0],
          [10, 0],
        ],
        [6, 0],
        24,
      ),
    ).toBe(1);
    expect(nearestPoint([], [0, 0], 24)).toBeNull();
  });

  it('steps round the ring, both ways', () => {
    expect(stepPoint(0, 4, -1)).toBe(3);
    expect(stepPoint(3, 4, 1)).toBe(0);
    expect(stepPoint(1, 4, 1)).toBe(2);
  });

  it('leaves the shape without it, never with fewer than 3 points', () => {
    expect(withoutPoint(square, 1)).toEqual([
      [36, 33],
      [36.1, 33.1],
      [36, 33.1],
    ]);
    expect(withoutPoint(square.slice(0, 3), 0)).toBeNull();
    expect(withoutPoint(square, 4)).toBeNull();
  });

  it('is forgotten when its shape is gone or has gained or lost a point', () => {
    const shapes = [{ id: 's1', ring: square }];
    expect(stillPicked({ shape: 's1', index: 2, count: 4 }, shapes)).toBe(true);
    expect(stillPicked({ shape: 's1', index: 2, count: 5 }, shapes)).toBe(false);
    expect(stillPicked({ shape: 's2', index: 0, count: 4 }, shapes)).toBe(false);
    expect(stillPicked(null, shapes)).toBe(false);
  });
});
