/**
 * Convoy approvals (spec: "Convoys"): everyone who controls a zone the route crosses during the
 * convoy's window must approve it, the organizer aside, and the host state always; excluded
 * groups cannot be asked and are reported instead.
 */
import type { ConvoyResult } from './findings.ts';
import { intersects } from './geo.ts';
import type { Convoy, Zone } from './model.ts';
import { compareIds, type Rulebook } from './rulebook.ts';
import { overlaps } from './time.ts';
import { controllersDuring } from './zone-index.ts';

export function convoyApprovals(book: Rulebook, convoy: Convoy, hostState: string | null): ConvoyResult {
  const zones = book.zones.intersecting(convoy.route).filter((z) => z.control.some((e) => overlaps(e, convoy.window)));
  const controllers = controllersDuring(zones, convoy.window).filter((a) => a !== convoy.organizer);
  const required = new Set(controllers.filter((a) => !book.isExcludedAnywhere(a)));
  if (hostState !== null) required.add(hostState);
  return {
    convoy: convoy.id,
    requiredApprovals: [...required].sort(compareIds),
    crossesExcluded: controllers.filter((a) => book.isExcludedAnywhere(a)).sort(compareIds),
    zones: zones.map((z) => z.id).sort(compareIds),
  };
}

/**
 * Who held one zone along a route during a window: its controllers during the window when its
 * geometry crosses or touches the route (as `convoyApprovals` reads the zones), else nobody.
 */
export function holdersAlong(zone: Zone | null, convoy: Pick<Convoy, 'route' | 'window'>): string[] {
  if (!zone || !intersects(zone.geometry, convoy.route)) return [];
  return controllersDuring([zone], convoy.window);
}

/**
 * A change to one zone seen from a convoy's route: who held it along the route during the
 * window before and after, or null when the change moves nobody there (the zone is elsewhere,
 * or its control changed outside the window). A new zone has no before; a removed one no after.
 */
export function controlChangeAlong(
  before: Zone | null,
  after: Zone | null,
  convoy: Pick<Convoy, 'route' | 'window'>,
): { before: string[]; after: string[] } | null {
  const was = holdersAlong(before, convoy);
  const now = holdersAlong(after, convoy);
  return was.length === now.length && was.every((a, i) => a === now[i]) ? null : { before: was, after: now };
}
