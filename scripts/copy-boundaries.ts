/**
 * Copies the OCHA boundaries (country, governorates, districts) into data/boundaries: data of the
 * server (the state of the truce by governorate, where an incident is), which the web build copies
 * to /boundaries for the map to draw. Names in English and Arabic, the p-code and a label point only, and
 * coordinates rounded to 4 decimals (about 10 m, below the 200 m of the simplification).
 *
 *   npx tsx scripts/copy-boundaries.ts [../shared/data/boundaries]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/boundaries');
const target = join(import.meta.dirname, '../data/boundaries');

type Position = number[];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

const round = (value: unknown): unknown =>
  Array.isArray(value)
    ? typeof value[0] === 'number'
      ? (value as Position).map((n) => Math.round(n * 1e4) / 1e4)
      : value.map(round)
    : value;

mkdirSync(target, { recursive: true });
for (const level of [0, 1, 2]) {
  const input = JSON.parse(readFileSync(join(source, `ocha_syr_admin${level}_v02_simplified.geojson`), 'utf8')) as {
    features: Feature[];
  };
  const features = input.features.map((f) => ({
    type: 'Feature',
    properties: {
      pcode: f.properties[`adm${level}_pcode`],
      name_en: f.properties[`adm${level}_name`],
      name_ar: f.properties[`adm${level}_name1`],
      ...(level > 0 ? { parent: f.properties[`adm${level - 1}_pcode`] } : {}),
      label_lon: f.properties.center_lon,
      label_lat: f.properties.center_lat,
    },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
  writeFileSync(join(target, `admin${level}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
  console.log(`admin${level}: ${features.length} features`);
}
writeFileSync(
  join(target, 'ATTRIBUTION.md'),
  `# Boundaries

Syria administrative boundaries (country, governorates, districts), simplified to about 200 m,
names in English and Arabic: UN OCHA / UNCS Common Operational Dataset (COD-AB), valid on
2020-12-17, licensed CC BY 3.0 IGO. Trimmed to names, p-codes and label points by
scripts/copy-boundaries.ts.
`,
);
