/**
 * Days of calm (spec: "Calm"): violations of one agreement counted per local day; a day is calm
 * at or under the threshold, and the truce has reduced violence on the first day that ends a run
 * of `daysRequired` calm days.
 */
import type { CalmResult } from './findings.ts';
import type { CalmSpec } from './model.ts';
import { datesBetween, type DayZone, type Instant } from './time.ts';

export interface DatedVerdict {
  agreement: string | null;
  verdict: string;
  at: Instant;
}

export function countCalm(spec: CalmSpec, zone: DayZone, verdicts: Iterable<DatedVerdict>): CalmResult {
  const perDay = new Map<string, number>();
  for (const v of verdicts) {
    if (v.agreement !== spec.agreement || v.verdict !== 'violation') continue;
    const date = zone.localDate(v.at);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }
  let streak = 0;
  let reducedViolenceOn: string | null = null;
  const days = datesBetween(spec.from, spec.to).map((date) => {
    const violations = perDay.get(date) ?? 0;
    const calm = violations <= spec.thresholdPerDay;
    streak = calm ? streak + 1 : 0;
    if (reducedViolenceOn === null && streak >= spec.daysRequired) reducedViolenceOn = date;
    return { date, violations, calm, streak };
  });
  return { agreement: spec.agreement, days, reducedViolenceOn };
}
