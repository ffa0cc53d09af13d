/**
 * The monthly access plan's figures, worked out from the convoy requests of a month (pure: no I/O,
 * no clock). Per location, per approving party, and in all. A location is a populated place of the
 * gazetteer when a destination lies near one (`placeOf`), so that "Daraya", "Darayya" and "داريا"
 * at one town count as one; else the destination's name, without case or runs of spaces. Then:
 * convoys planned (submitted), approved (wholly or partly, the location not left out by a
 * party), denied, awaiting a decision, stopped on the road (turned back or attacked) and
 * delivered; beneficiaries planned and reached; and each party's response times, from the
 * request's submission to its decision. See docs/access.md.
 */
import type { ConvoyState, Decision } from '../../contract/convoy-requests.ts';

/** What the plan reads of a request. */
export interface PlanRequest {
  state: ConvoyState;
  submittedAt: number | null;
  beneficiariesPlanned: number;
  beneficiariesReached: number | null;
  destinations: { name: string; lon: number; lat: number }[];
  requiredApprovals: string[];
  decisions: { actor: string; decision: Decision; decidedAt: number; excludedDestinations: number[] }[];
}

export interface ConvoyCounts {
  planned: number;
  approved: number;
  denied: number;
  awaiting: number;
  stopped: number;
  delivered: number;
  beneficiariesPlanned: number;
  beneficiariesReached: number;
}

export interface LocationFigures extends ConvoyCounts {
  /** The destination's name as first given, and the point of the first request to it. */
  name: string;
  lon: number;
  lat: number;
  /** Every name the requests gave it, as first given, in the order met. */
  names: string[];
  /** Whether it is a place of the gazetteer (the destinations near it) rather than a name. */
  byPlace: boolean;
}

/** The gazetteer's place a destination's point stands for, as a key; null when none is near. */
export type PlaceOf = (lon: number, lat: number) => string | null;

export interface PartyFigures {
  actor: string;
  asked: number;
  approved: number;
  approvedWithConditions: number;
  denied: number;
  /** Asked and not (yet) decided. */
  undecided: number;
  /** From submission to decision, in milliseconds, over the decisions taken; null without any. */
  medianResponseMs: number | null;
  maxResponseMs: number | null;
}

export interface PlanFigures {
  locations: LocationFigures[];
  parties: PartyFigures[];
  total: ConvoyCounts;
}

/** Approved, wholly or in part, and anything that follows an approval. */
const APPROVED: ReadonlySet<ConvoyState> = new Set([
  'approved',
  'partly_approved',
  'letter_issued',
  'dispatched',
  'arrived',
  'turned_back',
  'attacked',
  'delivered',
]);
const STOPPED: ReadonlySet<ConvoyState> = new Set(['turned_back', 'attacked']);

/** A location's key: its name without case or runs of spaces ("Daraya" and "daraya " are one place). */
export const locationKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

const zero = (): ConvoyCounts => ({
  planned: 0,
  approved: 0,
  denied: 0,
  awaiting: 0,
  stopped: 0,
  delivered: 0,
  beneficiariesPlanned: 0,
  beneficiariesReached: 0,
});

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Counts a request in `c`. `left` is whether a party left this destination out: the convoy was
 * then not approved there, whatever became of it elsewhere.
 */
function count(c: ConvoyCounts, r: PlanRequest, left: boolean): void {
  c.planned++;
  c.beneficiariesPlanned += r.beneficiariesPlanned;
  if (r.state === 'submitted') c.awaiting++;
  else if (r.state === 'denied' || left) c.denied++;
  else if (APPROVED.has(r.state)) {
    c.approved++;
    if (STOPPED.has(r.state)) c.stopped++;
    if (r.state === 'delivered') {
      c.delivered++;
      c.beneficiariesReached += r.beneficiariesReached ?? 0;
    }
  }
}

/**
 * The figures of the requests given (the month's, as the reader may see them). A draft asks
 * nobody and is not planned: it is left out. A request to several destinations counts at each
 * location with its whole figures, and once in the total.
 */
export function planFigures(requests: readonly PlanRequest[], placeOf: PlaceOf = () => null): PlanFigures {
  const locations = new Map<string, LocationFigures>();
  const parties = new Map<string, { f: PartyFigures; times: number[] }>();
  const total = zero();
  for (const r of requests) {
    if (r.state === 'draft') continue;
    count(total, r, false);
    const seen = new Set<string>();
    r.destinations.forEach((d, i) => {
      const place = placeOf(d.lon, d.lat);
      const key = place === null ? `name:${locationKey(d.name)}` : `place:${place}`;
      const name = d.name.trim();
      let l = locations.get(key);
      if (!l) locations.set(key, (l = { name, lon: d.lon, lat: d.lat, names: [], byPlace: place !== null, ...zero() }));
      if (!l.names.some((n) => locationKey(n) === locationKey(name))) l.names.push(name);
      if (seen.has(key)) return;
      seen.add(key);
      count(
        l,
        r,
        r.decisions.some((x) => x.excludedDestinations.includes(i)),
      );
    });
    for (const actor of r.requiredApprovals) {
      let p = parties.get(actor);
      if (!p)
        parties.set(
          actor,
          (p = {
            f: {
              actor,
              asked: 0,
              approved: 0,
              approvedWithConditions: 0,
              denied: 0,
              undecided: 0,
              medianResponseMs: null,
              maxResponseMs: null,
            },
            times: [],
          }),
        );
      p.f.asked++;
      const d = r.decisions.find((x) => x.actor === actor);
      if (!d) {
        p.f.undecided++;
        continue;
      }
      if (d.decision === 'approve') p.f.approved++;
      else if (d.decision === 'approve_with_conditions') p.f.approvedWithConditions++;
      else p.f.denied++;
      // A decision told as taken before the request was recorded as submitted took no time.
      if (r.submittedAt !== null) p.times.push(Math.max(0, d.decidedAt - r.submittedAt));
    }
  }
  return {
    locations: [...locations.values()].sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name, 'en')),
    parties: [...parties.values()]
      .map(({ f, times }) => ({
        ...f,
        medianResponseMs: median(times),
        maxResponseMs: times.length ? Math.max(...times) : null,
      }))
      .sort((a, b) => b.asked - a.asked || a.actor.localeCompare(b.actor, 'en')),
    total,
  };
}
