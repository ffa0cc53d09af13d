/**
 * Which governorate a point lies in, from the OCHA boundaries the app already ships
 * (data/boundaries/admin1.geojson, copied to /boundaries by the web build): for naming where a report was placed when it has no
 * place name. Planar even-odd test over every ring (holes work), as the server does.
 */
type Position = [number, number];
type Polygon = Position[][];

export interface NamedArea {
  pcode: string;
  name_en: string;
  name_ar: string;
  /** One or more polygons, each its rings. */
  polygons: Polygon[];
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function areaAt(lon: number, lat: number, areas: readonly NamedArea[]): NamedArea | null {
  for (const a of areas) {
    // Even-odd over all the rings of a polygon: a point in a hole crosses two rings.
    if (a.polygons.some((rings) => rings.reduce((n, r) => n + (inRing(lon, lat, r) ? 1 : 0), 0) % 2 === 1)) return a;
  }
  return null;
}

interface Feature {
  properties: { pcode: string; name_en: string; name_ar: string };
  geometry: { type: string; coordinates: unknown };
}

export function namedAreas(doc: { features: Feature[] }): NamedArea[] {
  return doc.features.map((f) => ({
    pcode: f.properties.pcode,
    name_en: f.properties.name_en,
    name_ar: f.properties.name_ar,
    polygons:
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Polygon]
        : f.geometry.type === 'MultiPolygon'
          ? (f.geometry.coordinates as Polygon[])
          : [],
  }));
}

let governorates: Promise<NamedArea[]> | null = null;

/** The governorates with their outlines, fetched once. */
export function loadGovernorates(): Promise<NamedArea[]> {
  governorates ??= fetch('/boundaries/admin1.geojson')
    .then((r) => r.json() as Promise<{ features: Feature[] }>)
    .then(namedAreas)
    .catch((e: unknown) => {
      governorates = null;
      throw e;
    });
  return governorates;
}
