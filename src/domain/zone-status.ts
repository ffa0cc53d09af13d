/**
 * The status of a zone on a given day, for the map: whether those who hold it are bound by an
 * agreement in force then. Each controller stands as a party (bound and protected), excluded
 * (designated, or named excluded by an agreement that applies there), or neither.
 *
 * | controllers                        | status         |
 * |------------------------------------|----------------|
 * | nobody recorded                    | `unknown`      |
 * | every one excluded                 | `excluded`     |
 * | a party, and an excluded group     | `intermingled` |
 * | a party, nobody excluded           | `covered`      |
 * | otherwise (no party)               | `uncovered`    |
 */
import { pointOnSurface } from './geo.ts';
import type { Zone } from './model.ts';
import type { Rulebook } from './rulebook.ts';
import type { Instant } from './time.ts';
import { controllersAt } from './zone-index.ts';

export const ZONE_STATUSES = ['covered', 'excluded', 'intermingled', 'uncovered', 'unknown'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

export interface Standing {
  actor: string;
  /** A party to an agreement that applies at the zone then (and not excluded from it). */
  party: boolean;
  /** Designated, or excluded from an agreement that applies at the zone then. */
  excluded: boolean;
}

export function zoneStatus(standings: readonly Standing[]): ZoneStatus {
  if (standings.length === 0) return 'unknown';
  const excluded = standings.filter((s) => s.excluded).length;
  const party = standings.some((s) => s.party && !s.excluded);
  if (excluded === standings.length) return 'excluded';
  if (party) return excluded > 0 ? 'intermingled' : 'covered';
  return 'uncovered';
}

/** The controllers of a zone at t, each with its standing under the agreements that apply there then. */
export function standingsAt(book: Rulebook, zone: Zone, t: Instant): Standing[] {
  const [lon, lat] = pointOnSurface(zone.geometry);
  const applying = book.agreements.filter((g) => g.appliesAt(lon, lat, t));
  return controllersAt([zone], t).map((actor) => {
    const excluded = book.actors.get(actor)?.designated === true || applying.some((g) => g.isExcluded(actor));
    return { actor, party: applying.some((g) => g.isParty(actor, t) && !g.isExcluded(actor)), excluded };
  });
}
