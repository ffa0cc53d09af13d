/**
 * Instants and half-open intervals. An instant is milliseconds since the Unix epoch; the domain
 * never reads a clock, it only compares the instants it is given.
 */

export type Instant = number;

/** A half-open interval `from <= t < to`; `to: null` is open-ended. */
export interface Interval {
  from: Instant;
  to: Instant | null;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time that carries an offset (`2016-02-27T00:00:00+02:00`).
 * Returns null for anything else, including impossible dates such as 2016-02-30.
 */
export function parseInstant(text: string): Instant | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset = 'Z'] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return null;
  const ms = Math.floor(Number(`0.${frac}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** `Z`, `+03:00` or `-05:30` as minutes east of UTC; null when malformed. */
export function parseOffset(offset: string): number | null {
  if (offset === 'Z') return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]),
    minutes = Number(m[3]);
  if (hours > 18 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An instant as UTC ISO 8601, without milliseconds when they are zero. */
export function formatInstant(t: Instant): string {
  const iso = new Date(t).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function contains(interval: Interval, t: Instant): boolean {
  return interval.from <= t && (interval.to === null || t < interval.to);
}

/**
 * The instants in one set of intervals and not in the other, as intervals in time order: where moving an
 * agreement's periods in force changes whether it is in force.
 */
export function symmetricDifference(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const within = (set: readonly Interval[], t: Instant) => set.some((i) => contains(i, t));
  // Between two bounds of either set, each set holds every instant or none.
  const bounds = [...new Set([...a, ...b].flatMap((i) => (i.to === null ? [i.from] : [i.from, i.to])))].sort(
    (x, y) => x - y,
  );
  const out: Interval[] = [];
  bounds.forEach((from, k) => {
    if (within(a, from) === within(b, from)) return;
    const to = bounds[k + 1] ?? null;
    const last = out.at(-1);
    if (last && last.to === from) last.to = to;
    else out.push({ from, to });
  });
  return out;
}

/** Two half-open intervals overlap when each starts before the other ends. */
export function overlaps(a: Interval, b: Interval): boolean {
  return (b.to === null || a.from < b.to) && (a.to === null || b.from < a.to);
}

/**
 * A timezone for day boundaries: a fixed offset (`Z`, `+03:00`) or an IANA name
 * (`Asia/Damascus`). `localDate` gives the calendar day an instant falls on there; `startOf`
 * the first instant of a calendar day there, so that a local day is the half-open interval
 * [startOf(d), startOf(next day)).
 */
export interface DayZone {
  name: string;
  localDate(t: Instant): string;
  startOf(date: string): Instant;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function dayZone(name: string): DayZone | null {
  const offset = parseOffset(name);
  if (offset !== null) {
    return {
      name,
      localDate: (t) => new Date(t + offset * 60_000).toISOString().slice(0, 10),
      startOf: (date) => Date.parse(`${date}T00:00:00Z`) - offset * 60_000,
    };
  }
  try {
    return ianaZone(name);
  } catch {
    return null;
  }
}

/** The world's day boundaries: its timezone's, or UTC's for a name that is not one (settings are checked when written). */
export function worldDayZone(name: string): DayZone {
  return dayZone(name) ?? dayZone('Z')!;
}

/**
 * Day boundaries in an IANA timezone. Intl is slow (tens of microseconds a call): offsets are
 * read at UTC midnights only, and each day's start is worked out once. Where the clocks jump at
 * midnight (Damascus did, every spring until 2022), the day begins at the jump, not at a
 * midnight that never was.
 */
function ianaZone(name: string): DayZone {
  const dateFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: name,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  const localDate = (t: Instant) => dateFormat.format(t);
  const offsets = new Map<Instant, number>();
  const offsetMs = (t: Instant): number => {
    let off = offsets.get(t);
    if (off === undefined) {
      const text = offsetFormat.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
      off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
      offsets.set(t, off);
    }
    return off;
  };
  const isStart = (t: Instant, date: string) => localDate(t) === date && localDate(t - 1) < date;
  const starts = new Map<string, Instant>();
  const startOf = (date: string): Instant => {
    let t = starts.get(date);
    if (t !== undefined) return t;
    const midnight = Date.parse(`${date}T00:00:00Z`);
    // Local midnight is UTC midnight less the offset in force then. When the offset is the same a
    // day before and a day after, that is all; when it changes around the date, the earliest
    // candidate that falls on the date is the start (the jump itself, if midnight was skipped).
    const before = offsetMs(midnight - DAY_MS),
      after = offsetMs(midnight + DAY_MS);
    t =
      before === after
        ? midnight - before
        : ([before, offsetMs(midnight), after]
            .map((o) => midnight - o)
            .sort((a, b) => a - b)
            .find((c) => localDate(c) === date) ?? midnight - after);
    if (before !== after && !isStart(t, date)) {
      // A change at an odd hour near midnight: the first instant on the date, found by halving.
      let lo = midnight - 15 * HOUR_MS,
        hi = midnight + 15 * HOUR_MS;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (localDate(mid) >= date) hi = mid;
        else lo = mid;
      }
      t = hi;
    }
    starts.set(date, t);
    return t;
  };
  return { name, localDate, startOf };
}

/**
 * An IANA timezone name that Intl knows (`Asia/Damascus`, `UTC`), as a person chooses one; not a
 * fixed offset (`+03:00`), which a bundle may give but a name never is.
 */
export function isTimeZoneName(name: string): boolean {
  if (name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/** The calendar date after `date`. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Whether the intervals together cover [from, to) with no gap (adjacent intervals join). */
export function coversAll(intervals: readonly Interval[], from: Instant, to: Instant): boolean {
  let reached = from;
  for (const i of [...intervals].sort((a, b) => a.from - b.from)) {
    if (i.from > reached) return false;
    if (i.to === null) return true;
    if (i.to > reached) reached = i.to;
    if (reached >= to) return true;
  }
  return reached >= to;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]),
    day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}
