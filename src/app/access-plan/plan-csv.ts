/**
 * The monthly access plan as HXL-tagged CSV (hxlstandard.org), as the incidents' HXL export is
 * written (docs/exports.md): a byte order mark, a row of headings in the reader's language, the row
 * of hashtags, then one row per location, one per approving party, and the month's total. A
 * location row leaves the party's columns empty and a party row the location's. Pure.
 */
import { BYTE_ORDER_MARK, type CsvValue, csvRecord } from '../../ingest/exports/csv-out.ts';
import type { ConvoyCounts, LocationFigures, PartyFigures, PlanFigures } from './plan-figures.ts';

export type PlanLanguage = 'en' | 'ar';

/** What a row is: a location's figures, an approving party's, or the month's total. */
export type PlanRow =
  | { kind: 'location'; location: LocationFigures; name: string; governorate: string | null }
  | { kind: 'party'; party: PartyFigures; name: string }
  | { kind: 'total'; total: ConvoyCounts };

interface Column {
  en: string;
  ar: string;
  tag: string;
  value: (row: PlanRow, month: string) => CsvValue;
}

const counts = (row: PlanRow): ConvoyCounts | null =>
  row.kind === 'location' ? row.location : row.kind === 'total' ? row.total : null;
const party = (row: PlanRow): PartyFigures | null => (row.kind === 'party' ? row.party : null);
const hours = (ms: number | null | undefined): number | null =>
  ms === null || ms === undefined ? null : Math.round((ms / 3_600_000) * 10) / 10;

export const PLAN_COLUMNS: readonly Column[] = [
  { en: 'Month', ar: 'الشهر', tag: '#date+month', value: (_, month) => month },
  { en: 'Row', ar: 'السطر', tag: '#meta+type', value: (r) => r.kind },
  {
    en: 'Location',
    ar: 'الموقع',
    tag: '#loc+name',
    value: (r) => (r.kind === 'location' ? r.name : null),
  },
  {
    en: 'As requested',
    ar: 'كما ورد في الطلبات',
    tag: '#loc+name+requested',
    value: (r) => (r.kind === 'location' ? r.location.names.join('; ') : null),
  },
  {
    en: 'Governorate',
    ar: 'المحافظة',
    tag: '#adm1+name',
    value: (r) => (r.kind === 'location' ? r.governorate : null),
  },
  { en: 'Latitude', ar: 'خط العرض', tag: '#geo+lat', value: (r) => (r.kind === 'location' ? r.location.lat : null) },
  { en: 'Longitude', ar: 'خط الطول', tag: '#geo+lon', value: (r) => (r.kind === 'location' ? r.location.lon : null) },
  {
    en: 'Approving party',
    ar: 'الطرف المُوافِق',
    tag: '#group+name+approver',
    value: (r) => (r.kind === 'party' ? r.name : null),
  },
  { en: 'Convoys planned', ar: 'القوافل المخططة', tag: '#output+convoys+planned', value: (r) => counts(r)?.planned },
  {
    en: 'Convoys approved',
    ar: 'القوافل الموافق عليها',
    tag: '#output+convoys+approved',
    value: (r) => counts(r)?.approved,
  },
  { en: 'Convoys denied', ar: 'القوافل المرفوضة', tag: '#output+convoys+denied', value: (r) => counts(r)?.denied },
  {
    en: 'Convoys awaiting a decision',
    ar: 'قوافل بانتظار القرار',
    tag: '#output+convoys+pending',
    value: (r) => counts(r)?.awaiting,
  },
  {
    en: 'Convoys stopped on the road',
    ar: 'قوافل أوقفت في الطريق',
    tag: '#output+convoys+stopped',
    value: (r) => counts(r)?.stopped,
  },
  {
    en: 'Convoys delivered',
    ar: 'القوافل التي سلّمت',
    tag: '#output+convoys+delivered',
    value: (r) => counts(r)?.delivered,
  },
  {
    en: 'Beneficiaries planned',
    ar: 'المستفيدون المخططون',
    tag: '#targeted+ind',
    value: (r) => counts(r)?.beneficiariesPlanned,
  },
  {
    en: 'Beneficiaries reached',
    ar: 'المستفيدون الذين وصلتهم المساعدات',
    tag: '#reached+ind',
    value: (r) => counts(r)?.beneficiariesReached,
  },
  { en: 'Requests asked', ar: 'الطلبات المقدمة إليه', tag: '#output+requests+asked', value: (r) => party(r)?.asked },
  { en: 'Approved', ar: 'وافق', tag: '#output+requests+approved', value: (r) => party(r)?.approved },
  {
    en: 'Approved with conditions',
    ar: 'وافق بشروط',
    tag: '#output+requests+approved+conditions',
    value: (r) => party(r)?.approvedWithConditions,
  },
  { en: 'Denied', ar: 'رفض', tag: '#output+requests+denied', value: (r) => party(r)?.denied },
  { en: 'Not decided', ar: 'لم يقرر', tag: '#output+requests+pending', value: (r) => party(r)?.undecided },
  {
    en: 'Median response (hours)',
    ar: 'الوسيط لمدة الرد (ساعات)',
    tag: '#indicator+response_hours+median',
    value: (r) => hours(party(r)?.medianResponseMs),
  },
  {
    en: 'Longest response (hours)',
    ar: 'أطول مدة للرد (ساعات)',
    tag: '#indicator+response_hours+max',
    value: (r) => hours(party(r)?.maxResponseMs),
  },
];

export const planHeadings = (lang: PlanLanguage): string[] => PLAN_COLUMNS.map((c) => c[lang]);
export const planTags = (): string[] => PLAN_COLUMNS.map((c) => c.tag);

/** The rows of a plan, locations first, then the parties, then the total. */
export function planRows(
  figures: PlanFigures,
  names: {
    party(actor: string): string;
    /** A town of the gazetteer in the reader's language; a destination elsewhere as the requests name it. */
    location(l: LocationFigures): string;
    governorate(l: LocationFigures): string | null;
  },
): PlanRow[] {
  return [
    ...figures.locations.map((location): PlanRow => ({
      kind: 'location',
      location,
      name: names.location(location),
      governorate: names.governorate(location),
    })),
    ...figures.parties.map((p): PlanRow => ({ kind: 'party', party: p, name: names.party(p.actor) })),
    { kind: 'total', total: figures.total },
  ];
}

export function planCsv(month: string, rows: readonly PlanRow[], lang: PlanLanguage): string {
  return (
    BYTE_ORDER_MARK +
    csvRecord(planHeadings(lang)) +
    csvRecord(planTags()) +
    rows.map((r) => csvRecord(PLAN_COLUMNS.map((c) => c.value(r, month)))).join('')
  );
}
