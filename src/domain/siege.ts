/**
 * Besieged areas read as of a day: the status then, who besieged it, the population as last
 * estimated (and how that compares with the estimate before it), and the days since aid last
 * reached it. Dates are calendar days, `YYYY-MM-DD`, compared as text; every function is pure.
 */

export const BESIEGED_STATUSES = ['besieged', 'hard_to_reach', 'no_longer_besieged'] as const;
export type BesiegedStatus = (typeof BESIEGED_STATUSES)[number];

export const EVACUATION_STATUSES = ['planned', 'under_way', 'completed', 'suspended', 'cancelled'] as const;
export type EvacuationStatus = (typeof EVACUATION_STATUSES)[number];

/** A party signs a local agreement; a mediator brokers it; a guarantor answers for it. */
export const LOCAL_AGREEMENT_ROLES = ['party', 'mediator', 'guarantor'] as const;
export type LocalAgreementRole = (typeof LOCAL_AGREEMENT_ROLES)[number];

/** The people an evacuation moves, by category. */
export const PEOPLE_CATEGORIES = ['fighters', 'civilians', 'wounded'] as const;
export type PeopleCategory = (typeof PEOPLE_CATEGORIES)[number];

export interface DatedStatus {
  since: string;
  status: BesiegedStatus;
}

export interface Estimate {
  asOf: string;
  population: number;
  /** When it was recorded (ms): of two estimates of one day, the one recorded last is the latest. */
  recordedAt: number;
}

export type Trend = 'up' | 'down' | 'same';

export interface PopulationAsOf<E extends Estimate> {
  /** The latest estimate on or before the day. */
  latest: E | null;
  /** The latest estimate of an earlier day than `latest`'s, to compare with. */
  previous: E | null;
  /** The other estimates of `latest`'s day (other sources), latest first. */
  sameDay: E[];
  trend: Trend | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole days from `from` to `to` (dates); negative when `to` is earlier. */
export const daysFrom = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from));

/** The status in force on `day`: the one with the latest `since` on or before it; null before the first. */
export function statusOn(statuses: readonly DatedStatus[], day: string): BesiegedStatus | null {
  let found: DatedStatus | null = null;
  for (const s of statuses) if (s.since <= day && (found === null || s.since > found.since)) found = s;
  return found?.status ?? null;
}

/** When the status in force on `day` began; null before the first. */
export function statusSince(statuses: readonly DatedStatus[], day: string): string | null {
  let found: string | null = null;
  for (const s of statuses) if (s.since <= day && (found === null || s.since > found)) found = s.since;
  return found;
}

const later = (a: Estimate, b: Estimate): boolean =>
  a.asOf > b.asOf || (a.asOf === b.asOf && a.recordedAt > b.recordedAt);

/** The population as estimated on `day`, every version considered; the trend compares `latest` with `previous`. */
export function populationOn<E extends Estimate>(estimates: readonly E[], day: string): PopulationAsOf<E> {
  const known = estimates.filter((e) => e.asOf <= day);
  let latest: E | null = null;
  for (const e of known) if (latest === null || later(e, latest)) latest = e;
  if (latest === null) return { latest: null, previous: null, sameDay: [], trend: null };
  let previous: E | null = null;
  for (const e of known) if (e.asOf < latest.asOf && (previous === null || later(e, previous))) previous = e;
  const sameDay = known
    .filter((e) => e !== latest && e.asOf === latest.asOf)
    .sort((a, b) => b.recordedAt - a.recordedAt);
  const trend: Trend | null =
    previous === null
      ? null
      : latest.population > previous.population
        ? 'up'
        : latest.population < previous.population
          ? 'down'
          : 'same';
  return { latest, previous, sameDay, trend };
}

/** The last delivery on or before `day`; null when none is known. */
export function lastDeliveryOn(deliveries: readonly { on: string }[], day: string): string | null {
  let last: string | null = null;
  for (const d of deliveries) if (d.on <= day && (last === null || d.on > last)) last = d.on;
  return last;
}

/**
 * Days without aid on `day`: from the last delivery to the day, counted while the area is
 * besieged or hard to reach (null when it is not, or no delivery is known).
 */
export function daysWithoutDelivery(
  status: BesiegedStatus | null,
  lastDelivery: string | null,
  day: string,
): number | null {
  if (lastDelivery === null || (status !== 'besieged' && status !== 'hard_to_reach')) return null;
  return daysFrom(lastDelivery, day);
}
