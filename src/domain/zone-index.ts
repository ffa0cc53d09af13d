/**
 * Which zones hold a point, or touch a line: a packed R-tree (flatbush) over the zones' boxes,
 * then an exact polygon test. `ScanZoneIndex` answers the same questions by testing every zone,
 * as a reference for tests and benchmarks.
 */
import Flatbush from 'flatbush';
import { areaContains, bboxOf, intersects, type BBox, type Geometry } from './geo.ts';
import type { Zone } from './model.ts';
import { overlaps, type Instant, type Interval } from './time.ts';

export interface ZoneLookup {
  /** Zones whose geometry contains the point. */
  containing(lon: number, lat: number): Zone[];
  /** Zones whose geometry crosses, touches or holds the geometry. */
  intersecting(geometry: Geometry): Zone[];
}

export class FlatbushZoneIndex implements ZoneLookup {
  readonly #zones: Zone[];
  readonly #tree: Flatbush | null;

  constructor(zones: Zone[]) {
    this.#zones = zones;
    if (zones.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(zones.length);
    for (const zone of zones) tree.add(...bboxOf(zone.geometry));
    tree.finish();
    this.#tree = tree;
  }

  containing(lon: number, lat: number): Zone[] {
    if (!this.#tree) return [];
    const hits: Zone[] = [];
    for (const i of this.#tree.search(lon, lat, lon, lat)) {
      const zone = this.#zones[i]!;
      if (areaContains(zone.geometry, lon, lat)) hits.push(zone);
    }
    return hits;
  }

  intersecting(geometry: Geometry): Zone[] {
    if (!this.#tree) return [];
    const box = bboxOf(geometry);
    return this.#tree
      .search(...box)
      .map((i) => this.#zones[i]!)
      .filter((z) => intersects(z.geometry, geometry));
  }
}

export class ScanZoneIndex implements ZoneLookup {
  readonly #zones: { zone: Zone; box: BBox }[];

  constructor(zones: Zone[]) {
    this.#zones = zones.map((zone) => ({ zone, box: bboxOf(zone.geometry) }));
  }

  containing(lon: number, lat: number): Zone[] {
    return this.#zones
      .filter(
        ({ zone, box }) =>
          lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && areaContains(zone.geometry, lon, lat),
      )
      .map(({ zone }) => zone);
  }

  intersecting(geometry: Geometry): Zone[] {
    return this.#zones.filter(({ zone }) => intersects(zone.geometry, geometry)).map(({ zone }) => zone);
  }
}

/** The actors controlling any of the zones at instant t, sorted, without repeats. */
/** Who held a place at an instant, and the zones that say so (sorted, distinct). */
export interface Holders {
  actors: string[];
  zones: string[];
}

export function holdersAt(zones: Zone[], t: Instant): Holders {
  const actors = new Set<string>();
  const held: string[] = [];
  for (const zone of zones) {
    let holds = false;
    for (const entry of zone.control) {
      if (entry.from <= t && (entry.to === null || t < entry.to)) {
        for (const a of entry.actors) actors.add(a);
        holds = true;
      }
    }
    if (holds) held.push(zone.id);
  }
  return { actors: actors.size > 1 ? [...actors].sort() : [...actors], zones: held.length > 1 ? held.sort() : held };
}

export function controllersAt(zones: Zone[], t: Instant): string[] {
  const actors = new Set<string>();
  for (const zone of zones) {
    for (const entry of zone.control) {
      if (entry.from <= t && (entry.to === null || t < entry.to)) for (const a of entry.actors) actors.add(a);
    }
  }
  return [...actors].sort();
}

/** The actors controlling any of the zones at some time during the interval. */
export function controllersDuring(zones: Zone[], window: Interval): string[] {
  const actors = new Set<string>();
  for (const zone of zones) {
    for (const entry of zone.control) if (overlaps(entry, window)) for (const a of entry.actors) actors.add(a);
  }
  return [...actors].sort();
}
