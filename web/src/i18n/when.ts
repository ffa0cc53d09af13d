/**
 * When things happened, as a person should read them: the truce's timezone named with its
 * offsets, an incident known only to the day (UCDP `date_prec`) as a date or a range of dates,
 * never a clock time, and a report's claimed time with its margin. Pure: no React, no DOM.
 */
import type { MessageKey } from './en.ts';
import {
  fixedOffsetMinutes,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDateTimeRange,
  formatNumber,
  formatOffset,
  intlTimeZone,
  type Lang,
  zoneCity,
  zoneOffsets,
} from './format.ts';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Cities whose Arabic name the page writes instead of the IANA spelling. */
const CITY_AR: Record<string, string> = {
  Damascus: 'دمشق',
  Beirut: 'بيروت',
  Amman: 'عمّان',
  Baghdad: 'بغداد',
  Istanbul: 'إسطنبول',
  Cairo: 'القاهرة',
  Riyadh: 'الرياض',
};

/**
 * The timezone as the page states it: "Damascus time (Asia/Damascus: UTC+2 in winter, UTC+3 in
 * summer)". The offsets are those of `year` (the truce's), since zones change their rules
 * (Damascus has kept UTC+3 all year since 2022).
 */
export function describeTimeZone(setting: string, lang: Lang, year: number, t: T): string {
  // In Arabic, the Latin zone name and the offsets are isolated left-to-right runs, or the
  // bidi algorithm moves their signs and colons about ("2+Asia/Damascus: UTC").
  const ltr = (s: string) => (lang === 'ar' ? `\u2066${s}\u2069` : s);
  const formatOffsetIn = (m: number) => ltr(formatOffset(m, lang));
  const fixed = fixedOffsetMinutes(setting);
  if (fixed !== null) return formatOffsetIn(fixed);
  const tz = intlTimeZone(setting);
  const city = zoneCity(setting);
  if (!city) return formatOffsetIn(zoneOffsets(tz, year).winter);
  const name = t('time.zone.city', { city: lang === 'ar' ? (CITY_AR[city] ?? city) : city });
  const { winter, summer } = zoneOffsets(tz, year);
  return winter === summer
    ? t('time.zone.fixed', { name, zone: ltr(tz), offset: formatOffsetIn(winter) })
    : t('time.zone.dst', { name, zone: ltr(tz), winter: formatOffsetIn(winter), summer: formatOffsetIn(summer) });
}

export interface IncidentTime {
  occurred_at: string;
  /** Exclusive: for a day-precise incident, the first instant of the day after its last. */
  occurred_until: string | null;
  /** UCDP's date_prec (1 exact day ... 5 year); null when the time of day is known. */
  date_precision: number | null;
}

/** An incident's time: with a clock time when it is known, else its date or its days. */
export function incidentWhen(i: IncidentTime, lang: Lang, tz: string): string {
  if (i.date_precision === null || i.date_precision === undefined) {
    return i.occurred_until
      ? formatDateTimeRange(i.occurred_at, i.occurred_until, lang, tz)
      : formatDateTime(i.occurred_at, lang, tz);
  }
  if (!i.occurred_until) return formatDate(i.occurred_at, lang, tz);
  // The end is exclusive: the last day is the one before it.
  return formatDateRange(i.occurred_at, Date.parse(i.occurred_until) - 1, lang, tz);
}

/** A report's claimed time with its margin: minutes, hours, or (a day or more) the date and days. */
export function reportWhen(claimedAt: string, precisionS: number, lang: Lang, tz: string, t: T): string {
  const n = (x: number) => formatNumber(x, lang);
  if (precisionS >= 86_400) {
    const date = formatDate(claimedAt, lang, tz);
    return precisionS >= 2 * 86_400
      ? `${date} ${t('time.plusMinusDays', { n: n(Math.round(precisionS / 86_400)) })}`
      : date;
  }
  const at = formatDateTime(claimedAt, lang, tz);
  if (precisionS >= 3_600) return `${at} ${t('time.plusMinusHours', { n: n(Math.round(precisionS / 3_600)) })}`;
  if (precisionS >= 60) return `${at} ${t('time.plusMinusMinutes', { n: n(Math.round(precisionS / 60)) })}`;
  return at;
}
