/**
 * Calendar days in a timezone as instants. Sources such as UCDP give dates, not times: an event
 * of 2016-03-25 in Syria happened from the first instant of that day in Damascus until the first
 * instant of the next. The day boundaries are the domain's (`dayZone` in domain/time.ts), the
 * same the state of the truce and the calm count use; where the clocks jump at midnight, the day
 * begins at the jump, not at a midnight that never was.
 */
import { dayZone, type Instant, nextDate } from '../domain/time.ts';

export interface LocalDays {
  readonly timeZone: string;
  /** The first instant of the calendar date `YYYY-MM-DD`. */
  start(date: string): Instant;
  /** The first instant of the day after `date`: the end, exclusive, of `date`. */
  end(date: string): Instant;
}

/** Day boundaries in an IANA timezone; each date is worked out once and remembered. */
export function localDays(timeZone: string): LocalDays {
  const zone = dayZone(timeZone);
  if (!zone) throw new RangeError(`unknown timezone "${timeZone}"`);
  // An import asks for the same few hundred dates thousands of times: answers are kept here.
  const starts = new Map<string, Instant>();
  const start = (date: string): Instant => {
    let t = starts.get(date);
    if (t === undefined) {
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`not a date: "${date}"`);
      t = zone.startOf(date);
      starts.set(date, t);
    }
    return t;
  };
  const ends = new Map<string, Instant>();
  const end = (date: string): Instant => {
    let t = ends.get(date);
    if (t === undefined) {
      t = start(nextDate(date));
      ends.set(date, t);
    }
    return t;
  };
  return { timeZone, start, end };
}
