import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaAt, namedAreas } from './area-at.ts';

const ADMIN1 = namedAreas(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/boundaries/admin1.geojson'), 'utf8')),
);

describe('the governorate of a point, from the boundaries the app ships', () => {
  it.each([
    [36.93, 36.155, 'Aleppo', 'حلب'], // Urum al-Kubra
    [36.2765, 33.5138, 'Damascus', 'دمشق'],
    [40.14, 35.336, 'Deir-ez-Zor', 'دير الزور'],
  ])('%f, %f lies in %s', (lon, lat, en, ar) => {
    const a = areaAt(lon, lat, ADMIN1);
    expect(a?.name_en).toBe(en);
    expect(a?.name_ar).toBe(ar);
  });

  it('finds none outside Syria', () => {
    expect(areaAt(35.5, 33.89, ADMIN1)).toBeNull(); // Beirut
  });

  it('leaves out a hole in a polygon', () => {
    const ring = (x0: number, y0: number, x1: number, y1: number) =>
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ] as [number, number][];
    const donut = [{ pcode: 'X', name_en: 'X', name_ar: 'X', polygons: [[ring(0, 0, 10, 10), ring(4, 4, 6, 6)]] }];
    expect(areaAt(2, 2, donut)?.pcode).toBe('X');
    expect(areaAt(5, 5, donut)).toBeNull();
  });
});
