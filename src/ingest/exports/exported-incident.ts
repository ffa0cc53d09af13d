/**
 * An incident as the exports write it (GeoJSON, HXL CSV, ACLED CSV, OGC API features): its values
 * as the store reads them for the reader, the names of the actors it names in English and Arabic,
 * and where it is for people (the nearest town, the district and governorate, app/map/where.ts).
 */
import type { IncidentExportFields } from '../../contract/incident-export.ts';

interface NamedArea {
  pcode: string;
  name_en: string;
  name_ar: string;
}

export interface ExportWhere {
  place: { name_en: string; name_ar: string | null; distance_m: number } | null;
  district: NamedArea | null;
  governorate: NamedArea | null;
}

export interface ExportedIncident extends IncidentExportFields {
  where: ExportWhere;
}

/** The reader's language: names in Arabic where the data has them, else in English. */
export type ExportLanguage = 'en' | 'ar';

/** `2016-09-19T16:15:00.000Z` as `2016-09-19T16:15:00Z` (the API's form: milliseconds only when there are some). */
export const isoOut = (iso: string): string => (iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso);

/** The verdicts as one readable value: `coh: violation; south: no_violation`. */
export const verdictsText = (i: ExportedIncident): string =>
  i.verdicts.map((v) => `${v.agreement ?? 'none'}: ${v.verdict}`).join('; ');

/** An actor's or a place's name in the reader's language, the English one where there is no Arabic one. */
export const inLanguage = (lang: ExportLanguage, en: string | null, ar: string | null | undefined): string | null =>
  lang === 'ar' && ar ? ar : en;
