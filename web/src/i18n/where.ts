/**
 * Places and titles for people, from what the server says of a point (`where`: the nearest
 * gazetteer place within 25 km, the district and the governorate, each in English and Arabic)
 * and from an incident's facts. Stored titles that are internal ids (`i29-urum-convoy-coi`, a
 * UUID) are never shown: a title is composed from the act, the place and the date instead.
 * Pure: no React, no DOM.
 */
import type { Lang } from './format.ts';

interface AreaName {
  name_en: string;
  name_ar: string;
}

export interface WhereLike {
  place: { name_en: string; name_ar: string | null; distance_m: number } | null;
  district: AreaName | null;
  governorate: AreaName | null;
}

const SEPARATOR: Record<Lang, string> = { en: ', ', ar: '، ' };

/** "Urum al Kubra, Aleppo": the nearest place (else the district) and the governorate, in the language; null when nothing is known. */
export function whereName(w: WhereLike | null | undefined, lang: Lang): string | null {
  if (!w) return null;
  const name = (a: AreaName | null) => (a ? (lang === 'ar' ? a.name_ar || a.name_en : a.name_en) : null);
  const near = w.place ? (lang === 'ar' ? (w.place.name_ar ?? w.place.name_en) : w.place.name_en) : name(w.district);
  const parts = [near, name(w.governorate)].filter((p): p is string => !!p);
  // A town named like its governorate (Aleppo, Aleppo) is said once.
  const unique = parts.filter((p, n) => parts.indexOf(p) === n);
  return unique.length > 0 ? unique.join(SEPARATOR[lang]) : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Lower-case words joined by hyphens or underscores, with no space: how records are keyed, not named.
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;

/** True for a text that is an internal id rather than words for people (or is the record's own id). */
export function isIdLike(text: string, id?: string): boolean {
  const s = text.trim();
  return s === id || UUID.test(s) || SLUG.test(s);
}

/** A text for people, or null when it is missing or an id. */
export function readable(text: string | null | undefined, id?: string): string | null {
  return text && text.trim() && !isIdLike(text, id) ? text.trim() : null;
}

export interface TitleWords {
  lang: Lang;
  /** The act as a noun ("Air strike"). */
  act: string;
  /** The incident's date as the reader writes it. */
  date: string;
  /** The message that composes a title from {act}, {place} and {date}. */
  compose(values: { act: string; place: string; date: string }): string;
}

export interface TitledIncident {
  id: string;
  headline: string | null;
  place: string | null;
  where?: WhereLike | null;
  location: { lon: number; lat: number };
}

/** An incident's title: its headline when it is words, else the act, the place and the date ("Air strike near Urum al Kubra, Aleppo, 19 Sept 2016"). */
export function incidentTitle(i: TitledIncident, w: TitleWords): string {
  const headline = readable(i.headline, i.id);
  if (headline) return headline;
  return w.compose({ act: w.act, place: incidentPlace(i, w.lang), date: w.date });
}

/** Where an incident was, for people: the gazetteer's place and governorate, else the source's name for it, else coordinates. */
export function incidentPlace(i: Omit<TitledIncident, 'headline'>, lang: Lang): string {
  return (
    whereName(i.where, lang) ?? readable(i.place, i.id) ?? `${i.location.lat.toFixed(3)}, ${i.location.lon.toFixed(3)}`
  );
}
