/**
 * Which incidents a report may be an account of. A report and an incident agree when their
 * times agree (the claimed window, time plus or minus its precision, and the incident's window
 * overlap or come within a slack), their places agree (the distance between them, less both
 * precisions, is within a limit) and their acts agree (the same act, one of the same family, or
 * one of them unspecified). Each match is scored from 0 to 1: closer in time, closer in place
 * and the same act score higher. Pure: the caller brings the candidates.
 */
import { type BBox, distanceM, EARTH_RADIUS_M, type Position } from './geo.ts';
import type { Act } from './model.ts';
import type { Instant } from './time.ts';

/** What an account or an incident says: when (a window), where (with a radius), what. */
export interface Claim {
  from: Instant;
  to: Instant;
  position: Position;
  /** Metres the place may be off by; null when it is too vague to place (a province, a country). */
  precisionM: number | null;
  act: Act;
}

export interface MatchRules {
  /** How far apart two windows may be and still agree. */
  timeSlackMs: number;
  /** How far apart two places may be, beyond both precisions, and still agree. */
  distanceM: number;
}

export const MATCH_RULES: MatchRules = { timeSlackMs: 6 * 3_600_000, distanceM: 5_000 };

/**
 * Acts a witness can mistake for one another: fire from afar (a shell, a rocket and a bomb
 * sound alike on the ground), fighting at close range, and acts against people and passage.
 */
export const ACT_FAMILIES: readonly (readonly Act[])[] = [
  ['air_strike', 'shelling', 'missile'],
  ['ground_assault', 'small_arms', 'atgm', 'territory_seizure'],
  ['access_denial', 'arrest'],
];

export type ActAgreement = 'same' | 'related' | 'unspecified';

const ACT_WEIGHT: Record<ActAgreement, number> = { same: 1, related: 0.5, unspecified: 0.25 };

export function actAgreement(a: Act, b: Act): ActAgreement | null {
  if (a === b) return 'same';
  if (a === 'other' || b === 'other') return 'unspecified';
  return ACT_FAMILIES.some((family) => family.includes(a) && family.includes(b)) ? 'related' : null;
}

export interface Match {
  /** 0 when the windows overlap. */
  timeGapMs: number;
  distanceM: number;
  /** The distance less both precisions (0 when the circles touch). */
  beyondPrecisionM: number;
  act: ActAgreement;
  /** 0..1, three decimals: 0.4 time + 0.4 place + 0.2 act. */
  score: number;
}

/** How a report's claim agrees with an incident's, or null when it does not. */
export function matchClaims(report: Claim, incident: Claim, rules: MatchRules = MATCH_RULES): Match | null {
  const act = actAgreement(report.act, incident.act);
  if (act === null || report.precisionM === null || incident.precisionM === null) return null;
  const timeGapMs = Math.max(0, Math.max(report.from, incident.from) - Math.min(report.to, incident.to));
  if (timeGapMs > rules.timeSlackMs) return null;
  const d = distanceM(report.position, incident.position);
  const beyondPrecisionM = Math.max(0, d - report.precisionM - incident.precisionM);
  if (beyondPrecisionM > rules.distanceM) return null;
  const closeness = (gap: number, limit: number) => (limit <= 0 ? 1 : 1 - gap / limit);
  const score =
    0.4 * closeness(timeGapMs, rules.timeSlackMs) +
    0.4 * closeness(beyondPrecisionM, rules.distanceM) +
    0.2 * ACT_WEIGHT[act];
  return {
    timeGapMs,
    distanceM: Math.round(d),
    beyondPrecisionM: Math.round(beyondPrecisionM),
    act,
    score: Math.round(score * 1000) / 1000,
  };
}

/** The candidates that agree with the report, best first (then nearest in time, then in place). */
export function rankMatches<T>(
  report: Claim,
  candidates: readonly { item: T; claim: Claim }[],
  rules: MatchRules = MATCH_RULES,
): { item: T; match: Match }[] {
  return candidates
    .map((c) => ({ item: c.item, match: matchClaims(report, c.claim, rules) }))
    .filter((c): c is { item: T; match: Match } => c.match !== null)
    .sort(
      (a, b) =>
        b.match.score - a.match.score || a.match.timeGapMs - b.match.timeGapMs || a.match.distanceM - b.match.distanceM,
    );
}

/**
 * A UCDP-style place precision code as metres: 1 the exact place, 2 within 25 km; 3 and above
 * (a district, a province, a country, the sea) are too vague to place an account by. No code
 * means the place was given exactly.
 */
export function placePrecisionM(code: number | null): number | null {
  if (code === null || code <= 1) return 0;
  return code === 2 ? 25_000 : null;
}

/** The most a stored incident's place may be off by and still be matched: see placePrecisionM. */
export const MAX_INCIDENT_PRECISION_M = 25_000;

/**
 * A box that holds every point within `radiusM` of `center` (for a database to look in before
 * the exact distance is measured). Near a pole or across the antimeridian it spans all longitudes.
 */
export function boxAround([lon, lat]: Position, radiusM: number): BBox {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const minLat = Math.max(-90, lat - dLat),
    maxLat = Math.min(90, lat + dLat);
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const dLon = widest >= 90 ? 180 : dLat / Math.cos((widest * Math.PI) / 180);
  if (dLon >= 180 || lon - dLon < -180 || lon + dLon > 180) return [-180, minLat, 180, maxLat];
  return [lon - dLon, minLat, lon + dLon, maxLat];
}
