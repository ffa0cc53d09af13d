/**
 * The governorates (OCHA admin 1) the state of the truce counts violations by: the boundaries
 * the web map draws (web/public/boundaries, see scripts/copy-boundaries.ts), read once.
 */
import { readFileSync } from 'node:fs';
import { type Area, areaContains, type BBox, bboxOf } from '../../domain/geo.ts';

export interface AdminArea {
  pcode: string;
  nameEn: string;
  nameAr: string;
  area: Area;
  bbox: BBox;
}

const ADMIN1 = new URL('../../../web/public/boundaries/admin1.geojson', import.meta.url);
let cached: AdminArea[] | null = null;

export function adminAreas(): AdminArea[] {
  if (cached) return cached;
  try {
    const doc = JSON.parse(readFileSync(ADMIN1, 'utf8')) as { features: { properties: { pcode: string; name_en: string; name_ar: string }; geometry: Area }[] };
    cached = doc.features.map((f) => ({ pcode: f.properties.pcode, nameEn: f.properties.name_en, nameAr: f.properties.name_ar, area: f.geometry, bbox: bboxOf(f.geometry) }));
  } catch {
    cached = [];
  }
  return cached;
}

/** The area a point lies in, or null outside them all. */
export function areaOf(areas: readonly AdminArea[], lon: number, lat: number): AdminArea | null {
  for (const a of areas) {
    const [x1, y1, x2, y2] = a.bbox;
    if (lon >= x1 && lon <= x2 && lat >= y1 && lat <= y2 && areaContains(a.area, lon, lat)) return a;
  }
  return null;
}
