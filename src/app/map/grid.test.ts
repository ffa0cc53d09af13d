import { describe, expect, it } from 'vitest';
import { cellSize, MAX_CELLS_PER_SIDE, parseBBox, snapToCells, verdictOfRank } from './grid.ts';

describe('cellSize', () => {
  it.each([
    [0, [-1, -1, 1, 1], 45],
    [6, [35, 32, 42, 37.5], 360 / 64 / 8],
    [6.9, [35, 32, 42, 37.5], 360 / 64 / 8],
    [12, [36, 33, 36.1, 33.1], 360 / 4096 / 8],
    [30, [36, 33, 36.0001, 33.0001], 360 / 2 ** 22 / 8],
  ] as const)('at zoom %s over %j is %s degrees', (zoom, bbox, expected) => {
    expect(cellSize(zoom, bbox)).toBeCloseTo(expected, 12);
  });

  it('grows so a wide box never needs more than the maximum number of cells', () => {
    const bbox = [-180, -80, 180, 80] as const;
    expect(cellSize(10, bbox)).toBe(360 / MAX_CELLS_PER_SIDE);
  });
});

describe('snapToCells', () => {
  it('grows the box to whole cells, within the world', () => {
    expect(snapToCells([36.1, 33.3, 36.9, 33.7], 0.5)).toEqual([36, 33, 37, 34]);
    expect(snapToCells([-179.9, -89.9, 179.9, 89.9], 45)).toEqual([-180, -90, 180, 90]);
  });
});

describe('parseBBox', () => {
  it.each([
    ['35,32,42,37.5', [35, 32, 42, 37.5]],
    [' 35 , 32 , 42 , 37.5 ', [35, 32, 42, 37.5]],
    ['35,32,42', 'must be four numbers: minLon,minLat,maxLon,maxLat'],
    ['35,32,x,37', 'must be four numbers: minLon,minLat,maxLon,maxLat'],
    ['-181,0,10,10', 'longitudes must be within -180..180 and latitudes within -90..90'],
    ['10,10,5,20', 'the minimum must be below the maximum'],
  ] as const)('%s gives %j', (text, expected) => {
    expect(parseBBox(text)).toEqual(expected);
  });
});

describe('verdictOfRank', () => {
  it.each([
    [1, 'violation'],
    [2, 'needs_review'],
    [3, 'permitted'],
    [4, 'not_covered'],
    [5, 'unjudged'],
    [9, 'unjudged'],
  ] as const)('rank %s is %s', (rank, verdict) => expect(verdictOfRank(rank)).toBe(verdict));
});
