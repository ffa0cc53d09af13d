/**
 * Days of calm (spec: "Calm"): violations of one agreement counted per local day. A day is calm
 * when the agreement is in force for the whole of it and its violations are at or under the
 * threshold; a day wholly or partly outside the agreement's periods in force is never calm (no
 * violation of an agreement that is not in force says nothing about calm). The truce has
 * reduced violence on the first day that ends a run of `daysRequired` calm days.
 */
import type { CalmDay, CalmResult } from './findings.ts';
import type { CalmSpec } from './model.ts';
import { coversAll, datesBetween, type DayZone, type Instant, type Interval, nextDate } from './time.ts';

export interface DatedVerdict {
  agreement: string | null;
  verdict: string;
  at: Instant;
}

/** The calm rule of an agreement: its threshold, and the periods it is in force. */
export interface CalmRule {
  thresholdPerDay: number;
  inForce: readonly Interval[];
}

/** Violations of `agreement` per local date. */
export function violationsPerDate(
  agreement: string,
  zone: DayZone,
  verdicts: Iterable<DatedVerdict>,
): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const v of verdicts) {
    if (v.agreement !== agreement || v.verdict !== 'violation') continue;
    const date = zone.localDate(v.at);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }
  return perDay;
}

/** Whether the agreement is in force from the first to the last instant of the local date. */
export function inForceAllDay(inForce: readonly Interval[], zone: DayZone, date: string): boolean {
  return coversAll(inForce, zone.startOf(date), zone.startOf(nextDate(date)));
}

/** Each date judged by the rule, with the run of calm days ending there (counted from the first date). */
export function judgeDays(
  rule: CalmRule,
  zone: DayZone,
  dates: readonly string[],
  perDay: ReadonlyMap<string, number>,
): CalmDay[] {
  let streak = 0;
  return dates.map((date) => {
    const violations = perDay.get(date) ?? 0;
    const inForce = inForceAllDay(rule.inForce, zone, date);
    const calm = inForce && violations <= rule.thresholdPerDay;
    streak = calm ? streak + 1 : 0;
    return { date, violations, inForce, calm, streak };
  });
}

export function countCalm(
  spec: CalmSpec,
  inForce: readonly Interval[],
  zone: DayZone,
  verdicts: Iterable<DatedVerdict>,
): CalmResult {
  const perDay = violationsPerDate(spec.agreement, zone, verdicts);
  const days = judgeDays(
    { thresholdPerDay: spec.thresholdPerDay, inForce },
    zone,
    datesBetween(spec.from, spec.to),
    perDay,
  );
  const reached = days.find((d) => d.streak >= spec.daysRequired);
  return { agreement: spec.agreement, days, reducedViolenceOn: reached?.date ?? null };
}
