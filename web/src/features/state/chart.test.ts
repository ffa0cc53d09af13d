import { describe, expect, it } from 'vitest';
import { bars, countAxis, niceMax, ticks } from './chart.ts';

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [51, 100],
    [230, 500],
  ] as const)('%s → %s', (max, nice) => expect(niceMax(max)).toBe(nice));
});

it('lays out bars bottom-up in the box', () => {
  const b = bars([0, 5, 10], 300, 100);
  expect(b.map((x) => x.height)).toEqual([0, 50, 100]);
  expect(b[2]).toMatchObject({ y: 0, x: 201, width: 98 });
  expect(bars([], 100, 100)).toEqual([]);
});

describe('countAxis', () => {
  it.each([
    [0, { top: 1, step: 1 }],
    [3, { top: 3, step: 1 }],
    [5, { top: 6, step: 2 }],
    [12, { top: 15, step: 5 }],
    [230, { top: 300, step: 100 }],
  ] as const)('counts up to %s', (max, axis) => expect(countAxis(max)).toEqual(axis));
  it('ticks in whole steps', () => expect(ticks({ top: 15, step: 5 })).toEqual([0, 5, 10, 15]));
});
