/**
 * The governorates and districts (OCHA admin 1 and 2) from data/boundaries (read by
 * store/shipped-data.ts; the web build copies the same files for the map), read once. The state of the truce
 * counts violations by governorate; the incident list filters by either.
 */
import { AreaGrid } from '../../domain/area-grid.ts';
import { type Area, type BBox, bboxOf } from '../../domain/geo.ts';
import { readBoundaries } from '../../store/shipped-data.ts';

export interface AdminArea {
  pcode: string;
  nameEn: string;
  nameAr: string;
  area: Area;
  bbox: BBox;
}

const LEVELS = [1, 2] as const;
const cached = new Map<number, AdminArea[]>();

function level(n: (typeof LEVELS)[number]): AdminArea[] {
  let areas = cached.get(n);
  if (areas) return areas;
  areas = readBoundaries(n).map((f) => ({
    pcode: f.properties.pcode,
    nameEn: f.properties.name_en,
    nameAr: f.properties.name_ar,
    area: f.geometry,
    bbox: bboxOf(f.geometry),
  }));
  cached.set(n, areas);
  return areas;
}

/** The governorates. */
export function adminAreas(): AdminArea[] {
  return level(1);
}

/** The districts. */
export function districts(): AdminArea[] {
  return level(2);
}

/** A governorate or a district by its pcode, or null. */
export function adminAreaByPcode(pcode: string): AdminArea | null {
  for (const n of LEVELS) {
    const found = level(n).find((a) => a.pcode === pcode);
    if (found) return found;
  }
  return null;
}

const grids = new WeakMap<readonly AdminArea[], AreaGrid<AdminArea>>();

/**
 * The area a point lies in (the first of the list, should two hold it), or null outside them all.
 * A grid is built once per list (domain/area-grid.ts): pass the lists `adminAreas()` and
 * `districts()` keep, not copies.
 */
export function areaOf(areas: readonly AdminArea[], lon: number, lat: number): AdminArea | null {
  let grid = grids.get(areas);
  if (!grid) grids.set(areas, (grid = new AreaGrid(areas)));
  return grid.areaOf(lon, lat);
}
