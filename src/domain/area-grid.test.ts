import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../store/shipped-data.ts';
import { AreaGrid, type GriddedArea } from './area-grid.ts';
import { areaContains, bboxOf, polygonsOf } from './geo.ts';
import { rect, ring } from './test-builders.ts';

interface Named extends GriddedArea {
  pcode: string;
}

const named = (level: 1 | 2): Named[] =>
  readBoundaries(level).map((f) => ({ pcode: f.properties.pcode, area: f.geometry, bbox: bboxOf(f.geometry) }));

/** What the grid must answer: the first area of the list holding the point, by a scan of them all. */
const scan = (areas: readonly Named[], lon: number, lat: number) =>
  areas.find((a) => areaContains(a.area, lon, lat))?.pcode ?? null;

describe('AreaGrid', () => {
  it('answers as a scan of every district and governorate, wherever the point (Syria and around it)', () => {
    for (const level of [1, 2] as const) {
      const areas = named(level);
      expect(areas.length).toBeGreaterThan(10);
      const grid = new AreaGrid(areas);
      fc.assert(
        fc.property(
          fc.double({ min: 35, max: 43, noNaN: true }),
          fc.double({ min: 32, max: 38, noNaN: true }),
          (lon, lat) => {
            expect(grid.areaOf(lon, lat)?.pcode ?? null).toBe(scan(areas, lon, lat));
          },
        ),
        { numRuns: 5_000 },
      );
    }
  });

  it('answers as a scan on the boundaries themselves: each vertex, and points along and beside each edge', () => {
    const areas = named(2);
    const grid = new AreaGrid(areas);
    let asked = 0;
    for (const a of areas)
      for (const rings of polygonsOf(a.area))
        for (const ring of rings)
          for (let i = 1; i < ring.length; i++) {
            const [ax, ay] = ring[i - 1]!;
            const [bx, by] = ring[i]!;
            for (const [lon, lat] of [
              [ax, ay],
              [(ax + bx) / 2, (ay + by) / 2],
              [(ax + bx) / 2 + 1e-9, (ay + by) / 2],
              [(ax + bx) / 2, (ay + by) / 2 - 1e-9],
            ] as const) {
              expect(grid.areaOf(lon, lat)?.pcode ?? null).toBe(scan(areas, lon, lat));
              asked++;
            }
          }
    expect(asked).toBeGreaterThan(1_000);
  });

  it('gives the first of two overlapping areas, a hole to none, and none far away or without areas', () => {
    const holedArea = rect(0, 0, 1, 1, ring(0.4, 0.4, 0.6, 0.6));
    const holed: Named = { pcode: 'holed', area: holedArea, bbox: bboxOf(holedArea) };
    const overArea = rect(0.8, 0.8, 1.8, 1.8);
    const over: Named = { pcode: 'over', area: overArea, bbox: bboxOf(overArea) };
    const grid = new AreaGrid([holed, over], 0.05);
    // Asked twice: the same answers, whatever was asked before.
    for (let round = 0; round < 2; round++) {
      expect(grid.areaOf(0.1, 0.1)?.pcode).toBe('holed');
      expect(grid.areaOf(0.5, 0.5)).toBeNull();
      expect(grid.areaOf(0.9, 0.9)?.pcode).toBe('holed');
      expect(grid.areaOf(1.5, 1.5)?.pcode).toBe('over');
      expect(grid.areaOf(1.5, 0.1)).toBeNull();
      expect(grid.areaOf(50, 50)).toBeNull();
    }
    expect(new AreaGrid([]).areaOf(0, 0)).toBeNull();
  });
});
