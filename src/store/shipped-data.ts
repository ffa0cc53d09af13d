/**
 * The data Truce ships in data/ (data/README.md), read from disk: the OCHA boundaries and the
 * GeoNames places. Reading files is the store's (or an adapter's) business, not the use cases';
 * app/map turns these documents into areas and a place index. A file that cannot be read gives
 * nothing (no names for places), never a failed request.
 */
import { readFileSync } from 'node:fs';
import type { Area } from '../domain/geo.ts';

export interface BoundaryFeature {
  properties: { pcode: string; name_en: string; name_ar: string };
  geometry: Area;
}

export interface ShippedPlace {
  name_en: string;
  name_ar: string | null;
  lon: number;
  lat: number;
}

/** The governorates (level 1) or districts (level 2) of data/boundaries/admin<level>.geojson. */
export function readBoundaries(level: 1 | 2): BoundaryFeature[] {
  return readJson<{ features: BoundaryFeature[] }>(`boundaries/admin${level}.geojson`)?.features ?? [];
}

/** The populated places of data/places-sy.json. */
export function readPlaces(): ShippedPlace[] {
  return readJson<{ places: ShippedPlace[] }>('places-sy.json')?.places ?? [];
}

/** The names text intake finds places by: data/gazetteer-sy.json (scripts/build-gazetteer.ts). */
export function readGazetteer<T>(): T[] {
  return readJson<{ places: T[] }>('gazetteer-sy.json')?.places ?? [];
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8')) as T;
  } catch {
    return null;
  }
}
