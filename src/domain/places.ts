/**
 * Naming a place for people: the nearest populated place (within reach) to a point, found
 * through a packed index of the places. Pure: the places come from the caller.
 */
import Flatbush from 'flatbush';
import { distanceM } from './geo.ts';

export interface Place {
  nameEn: string;
  nameAr: string | null;
  lon: number;
  lat: number;
}

export interface NearestPlace {
  place: Place;
  /** Geodesic metres from the point to the place. */
  distanceM: number;
}

/** A degree of latitude in metres, to turn a reach in metres into a search box in degrees. */
const DEGREE_M = 111_195;

export class PlaceIndex {
  readonly #places: readonly Place[];
  readonly #index: Flatbush | null;

  constructor(places: readonly Place[]) {
    this.#places = places;
    if (places.length === 0) {
      this.#index = null;
      return;
    }
    this.#index = new Flatbush(places.length);
    for (const p of places) this.#index.add(p.lon, p.lat, p.lon, p.lat);
    this.#index.finish();
  }

  /** The nearest place within `reachM` metres, or null. */
  nearest(lon: number, lat: number, reachM: number): NearestPlace | null {
    if (!this.#index) return null;
    // Candidates by planar distance in degrees (longitudes shrink towards the poles, so a few are
    // taken and the nearest by geodesic distance wins).
    const reachDeg = reachM / (DEGREE_M * Math.max(0.2, Math.cos((lat * Math.PI) / 180)));
    let best: NearestPlace | null = null;
    for (const i of this.#index.neighbors(lon, lat, 8, reachDeg)) {
      const place = this.#places[i]!;
      const d = distanceM([lon, lat], [place.lon, place.lat]);
      if (d <= reachM && (best === null || d < best.distanceM)) best = { place, distanceM: d };
    }
    return best;
  }
}
