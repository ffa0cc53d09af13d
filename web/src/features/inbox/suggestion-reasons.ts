/**
 * Why an incident is suggested for a report, in words an analyst checks at a glance: how far
 * apart in time and place, whether the acts agree, and whether the perpetrators named agree.
 */
import type { MessageKey } from '../../i18n/en.ts';

export interface SuggestionFacts {
  time_gap_s: number;
  distance_m: number;
  act: 'same' | 'related' | 'unspecified';
  /** The perpetrator the report alleges, and the incident's. */
  reportPerpetrator: string | null;
  incidentPerpetrator: string | null;
}

export interface Reason {
  key: MessageKey;
  values?: Record<string, number | string>;
  /** A reason against the match (shown as a caution), not for it. */
  against?: boolean;
}

/** Rounded for reading: minutes under two hours, hours beyond; metres under a kilometre, kilometres beyond. */
export function suggestionReasons(s: SuggestionFacts): Reason[] {
  const reasons: Reason[] = [];
  if (s.time_gap_s === 0) reasons.push({ key: 'inbox.why.timeOverlap' });
  else if (s.time_gap_s < 7_200)
    reasons.push({ key: 'inbox.why.timeMinutes', values: { n: Math.max(1, Math.round(s.time_gap_s / 60)) } });
  else reasons.push({ key: 'inbox.why.timeHours', values: { n: Math.round(s.time_gap_s / 3_600) } });
  if (s.distance_m < 1_000)
    reasons.push({ key: 'inbox.why.metres', values: { n: Math.round(s.distance_m / 10) * 10 } });
  else reasons.push({ key: 'inbox.why.km', values: { n: Math.round(s.distance_m / 100) / 10 } });
  reasons.push({
    key: s.act === 'same' ? 'inbox.why.actSame' : s.act === 'related' ? 'inbox.why.actRelated' : 'inbox.why.actOther',
  });
  if (s.reportPerpetrator && s.incidentPerpetrator)
    reasons.push(
      s.reportPerpetrator === s.incidentPerpetrator
        ? { key: 'inbox.why.perpetratorSame' }
        : { key: 'inbox.why.perpetratorOther', against: true },
    );
  return reasons;
}
