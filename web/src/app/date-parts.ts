/**
 * The date field's logic: a value (YYYY-MM-DD, or YYYY-MM-DDTHH:mm for a date and time) split
 * into the parts a person picks (day, month, year, hour, minute) and joined again, the parts'
 * order and month names in the page's language (not the browser's), and the days of a month.
 * Pure: no React, no DOM.
 */
import { LOCALES, type Lang } from '../i18n/format.ts';

export interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export const EMPTY_PARTS: DateParts = { year: '', month: '', day: '', hour: '', minute: '' };
const VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** The parts of a value; an empty or malformed value has none. */
export function splitValue(value: string): DateParts {
  const m = VALUE.exec(value);
  if (!m) return { ...EMPTY_PARTS };
  return {
    year: m[1]!,
    month: String(Number(m[2])),
    day: String(Number(m[3])),
    hour: m[4] ? String(Number(m[4])) : '',
    minute: m[5] ? String(Number(m[5])) : '',
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (s: string, n = 2) => s.padStart(n, '0');

/** The value of complete parts; '' while any part is missing (an unfinished date is no date). */
export function joinParts(p: DateParts, withTime: boolean): string {
  if (!p.year || !p.month || !p.day || (withTime && (!p.hour || !p.minute))) return '';
  const day = Math.min(Number(p.day), daysInMonth(Number(p.year), Number(p.month)));
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(String(day))}`;
  return withTime ? `${date}T${pad(p.hour)}:${pad(p.minute)}` : date;
}

/** A part changed: a day the new month does not have becomes its last day (31 → 29 February). */
export function setPart(p: DateParts, part: keyof DateParts, value: string): DateParts {
  const next = { ...p, [part]: value };
  if (next.day && next.month) {
    const last = daysInMonth(Number(next.year || 2000), Number(next.month));
    if (Number(next.day) > last) next.day = String(last);
  }
  return next;
}

/** Day, month and year in the order the language writes them. */
export function partOrder(lang: Lang): ('day' | 'month' | 'year')[] {
  const parts = new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2016, 1, 27));
  return parts
    .map((x) => x.type)
    .filter((x): x is 'day' | 'month' | 'year' => x === 'day' || x === 'month' || x === 'year');
}

/** The twelve month names of the language (Arabic as the page writes it: شباط for February). */
export function monthNames(lang: Lang): string[] {
  const f = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2016, i, 15)));
}

/** A number as the language writes it, without grouping (٢٠١٦), padded to `digits`. */
export function localDigits(n: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { useGrouping: false, minimumIntegerDigits: digits }).format(n);
}

/** The years offered between two values (or around a year when one is missing), newest first. */
export function yearChoices(min: string | undefined, max: string | undefined, now: number): number[] {
  const last = max ? Number(max.slice(0, 4)) : new Date(now).getUTCFullYear();
  const first = min ? Number(min.slice(0, 4)) : last - 15;
  const out: number[] = [];
  for (let y = last; y >= first; y--) out.push(y);
  return out;
}
