/** Months as the plan's picker names and steps them, pure: YYYY-MM, in the reader's language. */
import { LOCALES, type Lang } from '../../i18n/format.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string | null): s is string => s !== null && MONTH.test(s);

/** The month `n` months after `month` (before, when negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** "May 2016", "أيار 2016": a calendar month, never moved across zones. */
export function monthName(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${month}-15T12:00:00Z`),
  );
}
