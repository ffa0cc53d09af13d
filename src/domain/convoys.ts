/**
 * Convoy approvals (spec: "Convoys"): everyone who controls a zone the route crosses during the
 * convoy's window must approve it, the organizer aside, and the host state always; excluded
 * groups cannot be asked and are reported instead.
 */
import type { ConvoyResult } from './findings.ts';
import type { Convoy } from './model.ts';
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
