/**
 * Where a point is, for people: the nearest populated place within 25 km (GeoNames, in
 * `data/places-sy.json`, built by scripts/build-places.ts), and the district and governorate
 * it lies in (OCHA), each in English and Arabic. Incidents and reports carry it, so that a
 * reader sees "Urum al Kubra, Aleppo" and never an id or bare coordinates.
 */
import { type Place, PlaceIndex } from '../../domain/places.ts';
import { readPlaces } from '../../store/shipped-data.ts';
import { adminAreas, areaOf, districts } from './admin-areas.ts';

export interface AreaName {
  pcode: string;
  nameEn: string;
  nameAr: string;
}

export interface Where {
  place: { nameEn: string; nameAr: string | null; distanceM: number } | null;
  district: AreaName | null;
  governorate: AreaName | null;
}

const REACH_M = 25_000;
let index: PlaceIndex | null = null;

function places(): PlaceIndex {
  if (index) return index;
  index = new PlaceIndex(
    readPlaces().map((p): Place => ({ nameEn: p.name_en, nameAr: p.name_ar, lon: p.lon, lat: p.lat })),
  );
  return index;
}

const named = (a: { pcode: string; nameEn: string; nameAr: string } | null): AreaName | null =>
  a && { pcode: a.pcode, nameEn: a.nameEn, nameAr: a.nameAr };

export function whereIs(lon: number, lat: number): Where {
  const near = places().nearest(lon, lat, REACH_M);
  return {
    place: near && { nameEn: near.place.nameEn, nameAr: near.place.nameAr, distanceM: Math.round(near.distanceM) },
    district: named(areaOf(districts(), lon, lat)),
    governorate: named(areaOf(adminAreas(), lon, lat)),
  };
}

/**
 * The populated place a point stands for, as a key (its English name and position), when one lies
 * within `reachM` (2.5 km by default: a convoy's destination typed at a town of the gazetteer); else
 * null. Two spellings of one town, each placed on it, give one key.
 */
export function placeKeyNear(lon: number, lat: number, reachM = 2_500): string | null {
  const near = places().nearest(lon, lat, reachM);
  return near && `${near.place.nameEn}@${near.place.lon},${near.place.lat}`;
}

export type WhereView = ReturnType<typeof viewOf>;

/**
 * Answers by position, remembered: a listing asks again for the same incidents at every page,
 * and the nearest place and the areas' polygons cost more than the rest of a row. Places and
 * areas never change while the server runs. Views are shared: callers must not change them.
 */
let views = new Map<string, WhereView>();
let older = new Map<string, WhereView>();
const KEEP = 25_000;

/** Where a point is, as the API and the live stream show it (snake_case). */
export function whereView(lon: number, lat: number): WhereView {
  const key = `${lon},${lat}`;
  let view = views.get(key);
  if (!view) {
    view = older.get(key) ?? viewOf(lon, lat);
    // Two generations, each up to KEEP: dropping the older whole costs nothing per answer, where
    // deleting a Map's first key one at a time walks the deleted ones again (an export of a
    // million places spent more time there than finding them).
    if (views.size >= KEEP) {
      older = views;
      views = new Map();
    }
    views.set(key, view);
  }
  return view;
}

/** An area's view, one object per area shared by every view of a point in it. */
const areaViews = new Map<string, { pcode: string; name_en: string; name_ar: string }>();
const area = (a: AreaName | null) => {
  if (!a) return null;
  let view = areaViews.get(a.pcode);
  if (!view) areaViews.set(a.pcode, (view = { pcode: a.pcode, name_en: a.nameEn, name_ar: a.nameAr }));
  return view;
};

function viewOf(lon: number, lat: number) {
  const w = whereIs(lon, lat);
  return {
    place: w.place && { name_en: w.place.nameEn, name_ar: w.place.nameAr, distance_m: w.place.distanceM },
    district: area(w.district),
    governorate: area(w.governorate),
  };
}
