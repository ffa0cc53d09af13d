/**
 * Dates and numbers for people: instants shown in the truce's timezone (the world setting: an
 * IANA name such as Asia/Damascus, a fixed offset such as +03:00, or Z), in the user's
 * language, with the digits Intl gives for it. Pure: no React, no DOM.
 */
export type Lang = 'en' | 'ar';

export const LOCALES: Record<Lang, string> = { en: 'en-GB', ar: 'ar-SY' };
export const DEFAULT_TIMEZONE = 'Asia/Damascus';

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** A timezone Intl understands for a world setting. */
export function intlTimeZone(setting: string | null | undefined): string {
  if (!setting) return DEFAULT_TIMEZONE;
  if (setting === 'Z' || setting === 'UTC' || setting === '+00:00' || setting === '-00:00') return 'UTC';
  const m = OFFSET.exec(setting);
  if (m) {
    const [, sign, hh, mm] = m;
    // Etc/GMT zones have the sign reversed (Etc/GMT-3 is three hours east of Greenwich).
    if (mm === '00' && Number(hh) <= 14)
      return Number(hh) === 0 ? 'UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${Number(hh)}`;
    return `${sign}${hh}:${mm}`;
  }
  return setting;
}

/** How a timezone is named to a reader: the setting itself, or the IANA name. */
export function timeZoneLabel(setting: string | null | undefined): string {
  if (!setting) return DEFAULT_TIMEZONE;
  if (setting === 'Z') return 'UTC';
  return OFFSET.test(setting) ? `UTC${setting}` : setting;
}

const toMs = (t: string | number | Date): number =>
  typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, tz: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${tz}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: intlTimeZone(tz) });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(t: string | number | Date, lang: Lang, tz: string): string {
  return formatter(lang, tz, DATE_TIME).format(toMs(t));
}

export function formatDate(t: string | number | Date, lang: Lang, tz: string): string {
  return formatter(lang, tz, DATE).format(toMs(t));
}

/** A calendar date (YYYY-MM-DD) as written in the language, without moving it across zones. */
export function formatCalendarDate(date: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const opts: Intl.DateTimeFormatOptions = style === 'long' ? DATE : { month: 'short', day: 'numeric' };
  return formatter(lang, 'UTC', opts).format(Date.parse(`${date}T12:00:00Z`));
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

function parts(t: number, tz: string): Record<string, string> {
  const f = formatter('en', tz, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
}

/** The offset of the timezone from UTC at an instant, in minutes (east positive). */
export function offsetMinutesAt(t: number, tz: string): number {
  const p = parts(t, tz);
  const local = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour) % 24,
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((local - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the timezone. */
export function localDate(t: string | number | Date, tz: string): string {
  const p = parts(toMs(t), tz);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant a local wall-clock time (YYYY-MM-DDTHH:mm) happens in the timezone. */
export function instantOfLocal(local: string, tz: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  // The offset at the guess, then at the corrected instant (right across a DST change).
  let t = wall - offsetMinutesAt(wall, tz) * 60_000;
  t = wall - offsetMinutesAt(t, tz) * 60_000;
  return t;
}

/** The value of a datetime-local input showing the instant in the timezone. */
export function localInputValue(t: number, tz: string): string {
  const p = parts(t, tz);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `{name}` placeholders replaced by values. */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The offsets (minutes east of UTC) a timezone keeps in the winter and the summer of a year. */
export function zoneOffsets(tz: string, year: number): { winter: number; summer: number } {
  // Mid-January and mid-July: far from every change of clock; the southern hemisphere swaps them.
  const jan = offsetMinutesAt(Date.UTC(year, 0, 15, 12), tz);
  const jul = offsetMinutesAt(Date.UTC(year, 6, 15, 12), tz);
  return jan <= jul ? { winter: jan, summer: jul } : { winter: jul, summer: jan };
}

/** An offset as people write it: UTC+2, UTC+5:30, UTC−3, UTC (digits in the language's own). */
export function formatOffset(minutes: number, lang: Lang): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const n = (x: number) => formatNumber(x, lang);
  const hm =
    abs % 60 === 0 ? n(abs / 60) : `${n(Math.floor(abs / 60))}:${n(Math.floor((abs % 60) / 10))}${n(abs % 10)}`;
  return `UTC${minutes > 0 ? '+' : '−'}${hm}`;
}

/** The minutes east of UTC of a fixed-offset setting (`+03:00`, `Z`), or null for an IANA name. */
export function fixedOffsetMinutes(setting: string): number | null {
  if (setting === 'Z' || setting === 'UTC') return 0;
  const m = OFFSET.exec(setting);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** The city of an IANA name (`Asia/Damascus` → `Damascus`), or null for an offset or UTC. */
export function zoneCity(setting: string | null | undefined): string | null {
  const tz = intlTimeZone(setting);
  if (!/^[A-Za-z]+\/[A-Za-z_]+(\/[A-Za-z_]+)?$/.test(tz) || tz.startsWith('Etc/')) return null;
  return tz.split('/').at(-1)!.replace(/_/g, ' ');
}

/** Two instants with their times, the shared date written once ("19 Sept 2016, 19:15 – 19:30"). */
export function formatDateTimeRange(from: string | number, to: string | number, lang: Lang, tz: string): string {
  const a = toMs(from);
  const b = toMs(to);
  return formatter(lang, tz, DATE_TIME).formatRange(Math.min(a, b), Math.max(a, b));
}

/** Two instants as a range of dates in the language ("1–7 Feb 2016"), one date when they fall on the same day. */
export function formatDateRange(from: string | number, to: string | number, lang: Lang, tz: string): string {
  const a = toMs(from);
  const b = toMs(to);
  if (localDate(a, tz) === localDate(b, tz)) return formatDate(a, lang, tz);
  return formatter(lang, tz, DATE).formatRange(Math.min(a, b), Math.max(a, b));
}
