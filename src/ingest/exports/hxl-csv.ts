/**
 * Incidents as HXL-tagged CSV (the Humanitarian Exchange Language, hxlstandard.org): a row of
 * headings for people, in the reader's language, then the row of hashtags that HXL tools read,
 * then one row per incident. Names (actors, governorates, districts, towns) are in the reader's
 * language where the data has them; the date is the day in the world's timezone, beside the
 * instant in UTC. See docs/exports.md for every column.
 */
import { type ExportedIncident, type ExportLanguage, inLanguage, isoOut, verdictsText } from './exported-incident.ts';

export interface HxlContext {
  lang: ExportLanguage;
  /** The local date (YYYY-MM-DD) of an instant, in the world's timezone. */
  localDate(iso: string): string;
}

/** A column: its heading for people in each language, its hashtag, and its value. */
interface Column {
  en: string;
  ar: string;
  tag: string;
  value: (i: ExportedIncident, c: HxlContext) => string | number | null;
}

export const HXL_COLUMNS: readonly Column[] = [
  { en: 'Incident', ar: 'الحادثة', tag: '#event+id', value: (i) => i.id },
  { en: 'Type', ar: 'النوع', tag: '#event+type', value: (i) => i.act },
  { en: 'Date', ar: 'التاريخ', tag: '#date+occurred', value: (i, c) => c.localDate(i.occurred_at) },
  { en: 'Time (UTC)', ar: 'الوقت (UTC)', tag: '#date+occurred+utc', value: (i) => isoOut(i.occurred_at) },
  {
    en: 'Until (UTC)',
    ar: 'حتى (UTC)',
    tag: '#date+occurred+end',
    value: (i) => (i.occurred_until === null ? null : isoOut(i.occurred_until)),
  },
  {
    en: 'Governorate',
    ar: 'المحافظة',
    tag: '#adm1+name',
    value: (i, c) => inLanguage(c.lang, i.where.governorate?.name_en ?? null, i.where.governorate?.name_ar),
  },
  { en: 'Governorate code', ar: 'رمز المحافظة', tag: '#adm1+code', value: (i) => i.where.governorate?.pcode ?? null },
  {
    en: 'District',
    ar: 'المنطقة',
    tag: '#adm2+name',
    value: (i, c) => inLanguage(c.lang, i.where.district?.name_en ?? null, i.where.district?.name_ar),
  },
  { en: 'District code', ar: 'رمز المنطقة', tag: '#adm2+code', value: (i) => i.where.district?.pcode ?? null },
  {
    en: 'Nearest town',
    ar: 'أقرب بلدة',
    tag: '#loc+name',
    value: (i, c) => inLanguage(c.lang, i.where.place?.name_en ?? null, i.where.place?.name_ar),
  },
  { en: 'Place (as reported)', ar: 'المكان (كما ورد)', tag: '#loc+name+reported', value: (i) => i.place },
  { en: 'Latitude', ar: 'خط العرض', tag: '#geo+lat', value: (i) => i.lat },
  { en: 'Longitude', ar: 'خط الطول', tag: '#geo+lon', value: (i) => i.lon },
  {
    en: 'Perpetrator',
    ar: 'الجهة المنفذة',
    tag: '#group+name+perpetrator',
    value: (i, c) => inLanguage(c.lang, i.perpetrator_name ?? i.perpetrator, i.perpetrator_name_ar),
  },
  { en: 'Perpetrator code', ar: 'رمز الجهة المنفذة', tag: '#group+code+perpetrator', value: (i) => i.perpetrator },
  {
    en: 'Target',
    ar: 'الهدف',
    tag: '#group+name+target',
    value: (i, c) => inLanguage(c.lang, i.target_name ?? i.target_actor, i.target_name_ar),
  },
  { en: 'Civilian target', ar: 'هدف مدني', tag: '#description+target+type', value: (i) => i.target_civilian },
  { en: 'Killed', ar: 'القتلى', tag: '#affected+killed', value: (i) => i.deaths_best },
  { en: 'Killed (low)', ar: 'القتلى (أدنى)', tag: '#affected+killed+min', value: (i) => i.deaths_low },
  { en: 'Killed (high)', ar: 'القتلى (أعلى)', tag: '#affected+killed+max', value: (i) => i.deaths_high },
  {
    en: 'Self-defence claimed',
    ar: 'ادعاء الدفاع عن النفس',
    tag: '#indicator+bool+self_defense',
    value: (i) => (i.self_defense_claim ? 1 : 0),
  },
  { en: 'Status', ar: 'الحالة', tag: '#status', value: (i) => i.status },
  { en: 'Attribution', ar: 'الإسناد', tag: '#status+attribution', value: (i) => i.grade },
  { en: 'Findings', ar: 'النتائج', tag: '#status+verdict', value: (i) => verdictsText(i) },
  { en: 'Headline', ar: 'العنوان', tag: '#description', value: (i) => i.headline },
  { en: 'Source', ar: 'المصدر', tag: '#meta+source', value: (i) => i.source },
  { en: 'Source reference', ar: 'مرجع المصدر', tag: '#meta+source+ref', value: (i) => i.source_ref },
  { en: 'Classification', ar: 'التصنيف', tag: '#meta+classification', value: (i) => i.classification },
];

export const hxlHeadings = (lang: ExportLanguage): string[] => HXL_COLUMNS.map((c) => c[lang]);
export const hxlTags = (): string[] => HXL_COLUMNS.map((c) => c.tag);
export const hxlValues = (i: ExportedIncident, c: HxlContext) => HXL_COLUMNS.map((col) => col.value(i, c));
