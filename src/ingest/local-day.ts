/**
 * Calendar days in a timezone as instants. Sources such as UCDP give dates, not times: an event
 * of 2016-03-25 in Syria happened from the first instant of that day in Damascus until the first
 * instant of the next. Where the clocks jump at midnight (Damascus did, every spring until 2022),
 * the day begins at the jump, not at a midnight that never was.
 */
import type { Instant } from '../domain/time.ts';

const DAY = 86_400_000;

export interface LocalDays {
  readonly timeZone: string;
  /** The first instant of the calendar date `YYYY-MM-DD`. */
  start(date: string): Instant;
  /** The first instant of the day after `date`: the end, exclusive, of `date`. */
  end(date: string): Instant;
}

/** Day boundaries in an IANA timezone; each date is worked out once and remembered. */
export function localDays(timeZone: string): LocalDays {
  const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const localDate = (t: Instant) => dateFormat.format(t);
  // Intl is slow (tens of microseconds a call): offsets are read at UTC midnights only, each once.
  const offsets = new Map<Instant, number>();
  const offsetMs = (t: Instant): number => {
    let offset = offsets.get(t);
    if (offset === undefined) {
      const name = offsetFormat.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
      offsets.set(t, offset);
    }
    return offset;
  };
  const starts = new Map<string, Instant>();

  const start = (date: string): Instant => {
    let t = starts.get(date);
    if (t === undefined) {
      const midnightUtc = Date.parse(`${date}T00:00:00Z`);
      if (Number.isNaN(midnightUtc)) throw new RangeError(`not a date: "${date}"`);
      // Local midnight is UTC midnight less the offset in force then. When the offset is the same
      // a day before and a day after, that is all; when it changes around the date, the earliest
      // candidate that falls on the date is the start (the jump itself, if midnight was skipped).
      const before = offsetMs(midnightUtc - DAY), after = offsetMs(midnightUtc + DAY);
      if (before === after) {
        t = midnightUtc - before;
      } else {
        const candidates = [before, offsetMs(midnightUtc), after].map((offset) => midnightUtc - offset).sort((a, b) => a - b);
        t = candidates.find((c) => localDate(c) === date) ?? midnightUtc - after;
      }
      starts.set(date, t);
    }
    return t;
  };
  const ends = new Map<string, Instant>();
  const end = (date: string): Instant => {
    let t = ends.get(date);
    if (t === undefined) {
      t = start(new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10));
      ends.set(date, t);
    }
    return t;
  };

  return {
    timeZone,
    start,
    end,
  };
}
