import { describe, expect, it } from 'vitest';
import { areaProblems } from './area-check.ts';
import { repairArea } from './area-repair.ts';
import { type Area, polygonsOf, type Position } from './geo.ts';

const polygon = (...rings: Position[][]): Area => ({ type: 'Polygon', coordinates: rings });
const square: Position[] = [
  [36, 33],
  [36.4, 33],
  [36.4, 33.4],
  [36, 33.4],
  [36, 33],
];

describe('repairArea: what an import repairs when asked', () => {
  it.each([
    { name: 'a sound square', area: polygon(square), repairs: [] },
    {
      name: 'an open ring',
      area: polygon(square.slice(0, 4)),
      repairs: ['coordinates/0: problem.import_repaired_closed'],
    },
    {
      name: 'a bow tie',
      area: polygon([
        [36, 33],
        [36.4, 33.4],
        [36.4, 33],
        [36, 33.4],
        [36, 33],
      ]),
      repairs: ['coordinates/0: problem.import_repaired_split'],
    },
    {
      name: 'a figure of eight in a MultiPolygon, open',
      area: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [37, 34],
              [37.2, 34.2],
              [37.4, 34],
              [37.4, 34.2],
              [37.2, 34],
              [37, 34.2],
            ],
          ],
        ],
      } as Area,
      repairs: ['coordinates/0/0: problem.import_repaired_closed', 'coordinates/0/0: problem.import_repaired_split'],
    },
  ])('$name', ({ area, repairs }) => {
    const repaired = repairArea(area);
    expect(repaired.repairs.map((r) => `${r.path.join('/')}: ${r.statement.code}`)).toEqual(repairs);
    expect(areaProblems(repaired.area)).toEqual([]);
    if (repairs.length === 0) expect(repaired.area).toBe(area);
  });

  it('says where the ring crossed itself', () => {
    const { repairs } = repairArea(
      polygon([
        [36, 33],
        [36.4, 33.4],
        [36.4, 33],
        [36, 33.4],
        [36, 33],
      ]),
    );
    expect(repairs[0]!.statement.params).toEqual({ point: { point: { lon: 36.2, lat: 33.2 } }, count: { number: 2 } });
  });

  it('splits a bow tie into its two triangles, as PostGIS and QGIS do: no ground added, every position kept', () => {
    const { area } = repairArea(
      polygon([
        [36, 33],
        [36.4, 33.4],
        [36.4, 33],
        [36, 33.4],
        [36, 33],
      ]),
    );
    expect(area.type).toBe('MultiPolygon');
    const parts = polygonsOf(area);
    expect(parts).toHaveLength(2);
    // Each triangle's area (shoelace): half of 0.4 x 0.2 square degrees; the quadrilateral a reordering draws would be 0.16.
    const size = (ring: Position[]) =>
      Math.abs(ring.slice(0, -1).reduce((sum, a, k) => sum + a[0] * ring[k + 1]![1] - ring[k + 1]![0] * a[1], 0)) / 2;
    expect(parts.map(([outer]) => size(outer!)).map((a) => a.toFixed(6))).toEqual(['0.040000', '0.040000']);
    expect(new Set(parts.flatMap(([outer]) => outer!.map((p) => p.join(','))))).toEqual(
      new Set(['36.2,33.2', '36,33', '36.4,33.4', '36.4,33', '36,33.4']),
    );
  });

  it('keeps a hole with the part that holds it', () => {
    const { area } = repairArea(
      polygon(
        [
          [36, 33],
          [37, 34],
          [37, 33],
          [36, 34],
          [36, 33],
        ],
        [
          [36.8, 33.4],
          [36.9, 33.4],
          [36.9, 33.6],
          [36.8, 33.6],
          [36.8, 33.4],
        ],
      ),
    );
    const parts = polygonsOf(area);
    expect(parts.map((rings) => rings.length).sort()).toEqual([1, 2]);
    expect(parts.find((rings) => rings.length === 2)![0]!.some(([lon]) => lon === 37)).toBe(true);
    expect(areaProblems(area)).toEqual([]);
  });
});
