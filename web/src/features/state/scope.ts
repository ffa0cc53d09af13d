/**
 * What the state page covers: its window of days and its agreement, from the page's address.
 * `agreement=<id>` picks one agreement, `agreement=*` every agreement; without it the page shows
 * the agreement whose days of calm are counted (or every agreement when none is).
 */
export const ALL_AGREEMENTS = '*';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The agreement the figures cover, or null for every agreement. */
export function chosenAgreement(query: URLSearchParams, calmAgreement: string | null): string | null {
  const value = query.get('agreement');
  if (value === ALL_AGREEMENTS) return null;
  if (value) return value;
  return calmAgreement;
}

/** The window's first and last local days: `to` by default the given last day, `from` 29 days before it. */
export function chosenWindow(
  query: URLSearchParams,
  lastDay: string,
  addDays: (date: string, days: number) => string,
): { from: string; to: string } {
  const to = DAY_RE.test(query.get('to') ?? '') ? query.get('to')! : lastDay;
  const from = DAY_RE.test(query.get('from') ?? '') && query.get('from')! <= to ? query.get('from')! : addDays(to, -29);
  return { from, to };
}

/** The page's address for a window and an agreement (null: every agreement). */
export function statePath(from: string, to: string, agreement: string | null): string {
  return `/state?from=${from}&to=${to}&agreement=${encodeURIComponent(agreement ?? ALL_AGREEMENTS)}`;
}

export type CalmState = 'calm' | 'not_calm' | 'not_in_force';

/** A day under the calm rule: a day the agreement is not in force all day is never calm, and says so. */
export function calmState(day: { in_force: boolean; calm: boolean }): CalmState {
  return !day.in_force ? 'not_in_force' : day.calm ? 'calm' : 'not_calm';
}
