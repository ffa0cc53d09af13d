/**
 * Places named in a text, from the gazetteer (data/gazetteer-sy.json: GeoNames towns with their
 * alternate spellings and Arabic names, OCHA governorates, districts and sub-districts). A name
 * that several entries share is one place when they lie within 25 km of each other (a town and
 * the district named after it): the words around it choose the level ("Idlib province", "ريف
 * حلب"), else the town. Places far apart under one name are ambiguous: the one in a governorate
 * the text names elsewhere wins, else the most populous, and the others are listed with their
 * governorate. Pure.
 */
import { distanceM } from '../../domain/geo.ts';
import { PhraseDictionary, type PhraseMatch, type Span, spanOf, type Token } from './text-tokens.ts';

export type PlaceKind = 'governorate' | 'district' | 'subdistrict' | 'town';
/** How closely the words place the event. */
export type PlacePrecision = 'exact' | 'town' | 'district' | 'governorate';

/** An entry of data/gazetteer-sy.json. */
export interface GazetteerPlace {
  name_en: string;
  name_ar: string | null;
  names: string[];
  kind: PlaceKind;
  lon: number;
  lat: number;
  population: number;
  admin1: string | null;
  admin1_ar: string | null;
  admin2: string | null;
}

export interface FoundPlace {
  name: string;
  nameAr: string | null;
  lon: number;
  lat: number;
  kind: PlaceKind;
  precision: PlacePrecision;
  /** The radius, in metres, the place may be off by at that precision. */
  precisionM: number;
  /** The governorate (none for a governorate itself). */
  admin1: string | null;
  admin1Ar: string | null;
  admin2: string | null;
  /** Other places of the same name, far from this one, as "name (governorate)". */
  alternatives: string[];
  span: Span;
}

export const PRECISION_M: Readonly<Record<PlacePrecision, number>> = {
  exact: 1_000,
  town: 5_000,
  district: 20_000,
  governorate: 60_000,
};

const PRECISION_OF: Readonly<Record<PlaceKind, PlacePrecision>> = {
  town: 'town',
  subdistrict: 'district',
  district: 'district',
  governorate: 'governorate',
};

const PREFERENCE: readonly PlaceKind[] = ['town', 'subdistrict', 'district', 'governorate'];

/** Words beside a name that say its level: after it in English, before it in Arabic (folded). */
const AFTER_EN: Readonly<Record<string, PlaceKind>> = {
  province: 'governorate',
  governorate: 'governorate',
  countryside: 'governorate',
  district: 'district',
  subdistrict: 'subdistrict',
};
const BEFORE_EN: Readonly<Record<string, PlaceKind>> = {
  rural: 'governorate',
  town: 'town',
  city: 'town',
  village: 'town',
};
const BEFORE_AR: Readonly<Record<string, PlaceKind>> = {
  محافظه: 'governorate',
  ريف: 'governorate',
  منطقه: 'district',
  ناحيه: 'subdistrict',
  مدينه: 'town',
  بلده: 'town',
  قريه: 'town',
};

/** Names that are also common English words at the start of a sentence, or too short to tell. */
const REFUSED_EN = new Set([
  'mare',
  'tel',
  'tal',
  'tell',
  'sham',
  'al sham',
  'khan',
  'adra',
  'sabaa',
  'homs city',
  'jordan',
  'iraq',
  'turkey',
  'lebanon',
  'rural',
]);
/** Arabic names that are also common words. */
const REFUSED_AR = new Set(['الشام', 'عين', 'تل', 'جسر', 'المدينه', 'الجبل']);

const SAME_PLACE_M = 25_000;

export class TextGazetteer {
  readonly #dictionary = new PhraseDictionary<GazetteerPlace>();

  constructor(places: readonly GazetteerPlace[]) {
    for (const p of places) {
      for (const n of new Set([p.name_en, ...(p.name_ar ? [p.name_ar] : []), ...p.names])) {
        this.#dictionary.add(n, p);
        // "Ar Raqqah" is also written "Raqqa"; "Al-Bab" stays whole ("Bab" alone is a word).
        const bare = /^(?:al|el|ad|ar|as|at|az|an|ash|ed|er|es|et|ez|en)[\s-]+(.{5,})$/i.exec(n);
        if (bare && !bare[1]!.includes(' ')) this.#dictionary.add(bare[1]!, p);
        if (n.startsWith('ال') && n.length >= 6 && !n.includes(' ')) this.#dictionary.add(n.slice(2), p);
      }
    }
  }

  /** The places named in `text` (its tokens given), in order. */
  find(text: string, tokens: readonly Token[]): FoundPlace[] {
    const matches = this.#dictionary.match(tokens, (m) => acceptable(tokens, m));
    // Governorates the text names without doubt, to choose among places far apart.
    const named = new Set<string>();
    for (const m of matches) {
      const clusters = clustersOf(m.value);
      if (clusters.length === 1)
        for (const p of clusters[0]!) named.add(key(p.kind === 'governorate' ? p.name_en : p.admin1));
    }
    return matches.map((m) => this.#place(text, tokens, m, named));
  }

  #place(text: string, tokens: readonly Token[], m: PhraseMatch<GazetteerPlace[]>, named: Set<string>): FoundPlace {
    const clusters = clustersOf(m.value);
    const score = (c: GazetteerPlace[]) =>
      (c.some((p) => named.has(key(p.admin1)) || (p.kind === 'governorate' && named.has(key(p.name_en)))) ? 1e9 : 0) +
      Math.max(...c.map((p) => p.population));
    const ranked = [...clusters].sort((a, b) => score(b) - score(a));
    const chosen = ranked[0]!;
    const hint = kindHint(tokens, m);
    const entry =
      (hint && chosen.find((p) => p.kind === hint)) ??
      [...chosen].sort((a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind))[0]!;
    const admin1 = entry.admin1 ?? chosen.find((p) => p.admin1)?.admin1 ?? null;
    return {
      name: entry.name_en,
      nameAr: entry.name_ar ?? chosen.find((p) => p.name_ar)?.name_ar ?? null,
      lon: entry.lon,
      lat: entry.lat,
      kind: entry.kind,
      precision: PRECISION_OF[entry.kind],
      precisionM: PRECISION_M[PRECISION_OF[entry.kind]],
      admin1: entry.kind === 'governorate' ? null : admin1,
      admin1Ar:
        entry.kind === 'governorate' ? null : (entry.admin1_ar ?? chosen.find((p) => p.admin1_ar)?.admin1_ar ?? null),
      admin2: entry.admin2,
      alternatives: ranked.slice(1).map((c) => {
        const p = c[0]!;
        return p.admin1 ? `${p.name_en} (${p.admin1})` : p.name_en;
      }),
      span: spanOf(text, m.start, m.end),
    };
  }
}

const key = (s: string | null): string =>
  (s ?? '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/governorate$/, '');

/** Entries grouped by place: those within 25 km of the group's first are one place. */
function clustersOf(entries: readonly GazetteerPlace[]): GazetteerPlace[][] {
  const clusters: GazetteerPlace[][] = [];
  for (const e of entries) {
    // A governorate is one place with the towns in it of its name, a district with those near.
    const near = clusters.find(
      (c) =>
        distanceM([c[0]!.lon, c[0]!.lat], [e.lon, e.lat]) <=
          (e.kind === 'district' ? 2 * SAME_PLACE_M : SAME_PLACE_M) ||
        (e.kind === 'governorate' && c.some((p) => key(p.admin1) === key(e.name_en))),
    );
    if (near) near.push(e);
    else clusters.push([e]);
  }
  return clusters;
}

function kindHint(tokens: readonly Token[], m: PhraseMatch<GazetteerPlace[]>): PlaceKind | undefined {
  const before = tokens[m.from - 1];
  const after = tokens[m.to];
  if (tokens[m.from]!.arabic) {
    // "ريف حلب", "بريف حلب": the word before, its own prefix letter left.
    const k = before?.key.replace(/^(?:وب|و|ب|ف|ل)(?=ريف|محافظه|منطقه|ناحيه|مدينه|بلده|قريه)/, '');
    return k === undefined ? undefined : BEFORE_AR[k];
  }
  return (after && AFTER_EN[after.key]) ?? (before && BEFORE_EN[before.key]);
}

function acceptable(tokens: readonly Token[], m: PhraseMatch<GazetteerPlace[]>): boolean {
  const words = tokens.slice(m.from, m.to);
  const phrase = words.map((t) => t.key).join(' ');
  if (words[0]!.arabic) return !REFUSED_AR.has(phrase) && phrase.length >= 3;
  // In English a name is written with a capital ("al-Bab": a capital after the article).
  if (!words.some((t) => /^\p{Lu}/u.test(t.raw))) return false;
  if (REFUSED_EN.has(phrase)) return false;
  return phrase.replace(/ /g, '').length >= 4;
}
