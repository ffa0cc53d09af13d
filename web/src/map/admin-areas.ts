/** The governorates and districts (OCHA admin 1 and 2) with their names and boxes, for pickers. */
export interface AdminArea {
  pcode: string;
  level: 1 | 2;
  parent: string | null;
  name_en: string;
  name_ar: string;
  bbox: [number, number, number, number];
}

type Ring = [number, number][];
interface Feature {
  properties: { pcode: string; parent?: string; name_en: string; name_ar: string };
  geometry: { type: string; coordinates: unknown };
}

export function bboxOfCoordinates(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else if (Array.isArray(c)) for (const p of c as Ring[]) walk(p);
  };
  walk(coordinates);
  return box;
}

let cache: Promise<AdminArea[]> | null = null;

export function loadAdminAreas(): Promise<AdminArea[]> {
  cache ??= Promise.all(
    [1, 2].map(async (level) => {
      const doc = (await (await fetch(`/boundaries/admin${level}.geojson`)).json()) as { features: Feature[] };
      return doc.features.map((f): AdminArea => ({
        pcode: f.properties.pcode,
        level: level as 1 | 2,
        parent: f.properties.parent ?? null,
        name_en: f.properties.name_en,
        name_ar: f.properties.name_ar,
        bbox: bboxOfCoordinates(f.geometry.coordinates),
      }));
    }),
  )
    .then((levels) => levels.flat())
    .catch((e: unknown) => {
      cache = null;
      throw e;
    });
  return cache;
}
