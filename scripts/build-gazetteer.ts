/**
 * Builds data/gazetteer-sy.json, the names text intake finds places by (docs/text-intake.md):
 * GeoNames' Syrian places of over 500 people (CC BY 4.0) with their alternate names in Latin and
 * Arabic letters, and OCHA's governorates, districts and sub-districts (label points, CC BY 3.0
 * IGO) with their English and Arabic names. Coordinates rounded to 4 decimals (about 10 m).
 *
 *   npx tsx scripts/build-gazetteer.ts [../shared/data/gazetteer]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerPlace, PlaceKind } from '../src/ingest/text/text-places.ts';

const source = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/gazetteer');
const target = join(import.meta.dirname, '../data/gazetteer-sy.json');

/** An entry as text intake reads it (src/ingest/text/text-places.ts). */
type Entry = GazetteerPlace;
type Kind = PlaceKind;

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const ARABIC = /^[\u0621-\u064A\s'-]+$/;
/** Latin alternates that read as names (a capital first), not GeoNames' lowercase transliterations. */
const LATIN = /^[A-Z][A-Za-z' -]+$/;

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function table(file: string, sep: '\t' | ','): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(join(source, file), 'utf8').trimEnd().split(/\r?\n/);
  const header = sep === ',' ? splitCsv(head!) : head!.split('\t');
  return rows.map((r) => {
    const cells = sep === ',' ? splitCsv(r) : r.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

const codes = JSON.parse(readFileSync(join(source, 'geonames_admin_codes_SY.json'), 'utf8')) as {
  admin1: Record<string, string>;
  admin2: Record<string, string>;
};
const cleanAdmin = (n: string | undefined) => (n ? n.replace(/ (Governorate|District)$/, '') : null);
/** GeoNames' governorate names as OCHA writes them, so that both name one governorate. */
const OCHA_GOVERNORATE: Record<string, string> = {
  Idlib: 'Idleb',
  Latakia: 'Lattakia',
  Raqqa: 'Ar-Raqqa',
  'Al-Hasakah': 'Al-Hasakeh',
  Suwayda: 'As-Sweida',
  Daraa: "Dar'a",
  'Deir ez-Zor': 'Deir-ez-Zor',
  'Rif-dimashq': 'Rural Damascus',
  Tartus: 'Tartous',
};
const governorate = (n: string | null) => (n ? (OCHA_GOVERNORATE[n] ?? n) : null);
/** Other spellings of the governorates, as reports write them. */
const GOVERNORATE_NAMES: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(OCHA_GOVERNORATE).map(([gn, ocha]) => [ocha, [gn]])),
  'Ar-Raqqa': ['Raqqa', 'Raqqah'],
  'Al-Hasakeh': ['Al-Hasakah', 'Hasakah', 'Hasaka'],
  'As-Sweida': ['Suwayda', 'As-Suwayda', 'Sweida'],
  "Dar'a": ['Daraa', 'Deraa'],
  'Deir-ez-Zor': ['Deir ez-Zor', 'Deir al-Zor', 'Deir ez Zor', 'Deir al-Zour'],
  'Rural Damascus': ['Rif Dimashq', 'Rif-dimashq', 'Damascus countryside'],
};

const entries: Entry[] = [];
for (const r of table('geonames_cities500_SY.tsv', '\t')) {
  const alternates = r['alternatenames']!.split(',').filter(Boolean);
  const arabic = alternates.filter((n) => ARABIC.test(n) && !n.includes('  '));
  const latin = alternates.filter((n) => LATIN.test(n) && n.length >= 4);
  entries.push({
    name_en: r['asciiname']!,
    name_ar: [...arabic].sort((a, b) => Number(a.includes(' ')) - Number(b.includes(' ')))[0] ?? null,
    names: [...new Set([r['name']!, r['asciiname']!, ...latin, ...arabic])],
    kind: 'town',
    lon: round(Number(r['longitude'])),
    lat: round(Number(r['latitude'])),
    population: Number(r['population']),
    admin1: governorate(cleanAdmin(codes.admin1[`SY.${r['admin1_code']}`])),
    admin1_ar: null,
    admin2: cleanAdmin(codes.admin2[`SY.${r['admin1_code']}.${r['admin2_code']}`]),
  });
}

const LEVEL: Record<string, Kind> = { '1': 'governorate', '2': 'district', '3': 'subdistrict' };
for (const r of table('ocha_syr_adminpoints_v02.csv', ',')) {
  const kind = LEVEL[r['admin_leve']!];
  if (!kind) continue;
  // A sub-district's Arabic name is often "مركز X" (the centre of X): X is the name used.
  const ar = r['name1']!.replace(/^مركز\s+/, '').trim() || null;
  entries.push({
    name_en: r['name']!,
    name_ar: ar,
    names: [r['name']!, ...(ar ? [ar] : []), ...(kind === 'governorate' ? (GOVERNORATE_NAMES[r['name']!] ?? []) : [])],
    kind,
    lon: round(Number(r['X'])),
    lat: round(Number(r['Y'])),
    population: 0,
    admin1: kind === 'governorate' ? null : r['adm1_name'] || null,
    admin1_ar: kind === 'governorate' ? null : r['adm1_name1'] || null,
    admin2: kind === 'subdistrict' ? r['adm2_name'] || null : null,
  });
}

// The governorates' Arabic names, for the towns of GeoNames too.
const governoratesAr = new Map(entries.filter((e) => e.kind === 'governorate').map((e) => [e.name_en, e.name_ar]));
for (const e of entries) if (e.admin1 && !e.admin1_ar) e.admin1_ar = governoratesAr.get(e.admin1) ?? null;

writeFileSync(
  target,
  JSON.stringify({
    source: 'GeoNames cities500, Syria (CC BY 4.0, geonames.org); OCHA Syria admin points v02 (CC BY 3.0 IGO, UN OCHA)',
    places: entries,
  }) + '\n',
);
console.log(`${entries.length} entries written to ${target}`);
