/**
 * Builds data/places-sy.json, the populated places the server names incidents by: GeoNames'
 * Syrian places of over 500 people (CC BY 4.0), with their ASCII name, an Arabic name (an
 * alternate name in Arabic script) and population. Coordinates rounded to 4 decimals (about 10 m).
 *
 *   npx tsx scripts/build-places.ts [../shared/data/gazetteer]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/gazetteer');
const target = join(import.meta.dirname, '../data/places-sy.json');

const ARABIC = /^[\u0600-\u06FF\s'-]+$/;
const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** Arabic letters only: not the Persian or Urdu forms GeoNames also lists ("دیرالزور" with a Persian yeh). */
const CORE_ARABIC = /^[\u0621-\u064A\s'-]+$/;

/** An alternate name in Arabic: in Arabic letters and as one word where there is one ("دمشق", not "د مشق"). */
function arabicName(alternates: string[]): string | null {
  const arabic = alternates.filter((n) => ARABIC.test(n));
  const rank = (n: string) => (CORE_ARABIC.test(n) ? 0 : 2) + (n.includes(' ') ? 1 : 0);
  return [...arabic].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

const [header, ...lines] = readFileSync(join(source, 'geonames_cities500_SY.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => l.split('\t'));
const column = (name: string) => header!.indexOf(name);
const places = lines
  .map((cells) => ({
    // The ASCII name reads plainly in English ("Hamah", not "Ḩamāh").
    name_en: cells[column('asciiname')]!,
    name_ar: arabicName(cells[column('alternatenames')]!.split(',')),
    lon: round(Number(cells[column('longitude')])),
    lat: round(Number(cells[column('latitude')])),
    population: Number(cells[column('population')]),
  }))
  .sort((a, b) => b.population - a.population || a.name_en.localeCompare(b.name_en));

writeFileSync(
  target,
  `${JSON.stringify({ source: 'GeoNames cities500, Syria (CC BY 4.0, geonames.org)', places }, null, 0)}\n`,
);
console.log(`${places.length} places (${places.filter((p) => p.name_ar).length} with an Arabic name) -> ${target}`);
