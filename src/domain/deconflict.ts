/**
 * Deconfliction (spec: "Deconfliction"): a planned operation is checked against every protected
 * site valid during its window and owned by someone else. A site is in conflict when the
 * operation's reach comes within the site's buffer.
 */
import type { DeconflictionResult, SiteConflict } from './findings.ts';
import { geometryDistanceM } from './geo.ts';
import type { Operation, ProtectedSite } from './model.ts';
import { compareIds } from './rulebook.ts';
import { overlaps } from './time.ts';

/** The gap between the operation's reach and the site, in metres (0 when they touch). */
export function clearanceM(operation: Operation, site: ProtectedSite): number {
  return Math.max(0, geometryDistanceM(operation.area, site.geometry) - operation.radiusM);
}

export function deconflictOperation(operation: Operation, sites: ProtectedSite[]): DeconflictionResult {
  const conflicts: SiteConflict[] = [];
  for (const site of sites) {
    if (site.owner === operation.actor || !overlaps(site.valid, operation.window)) continue;
    const clearance = clearanceM(operation, site);
    if (clearance > site.bufferM) continue;
    conflicts.push({
      site: site.id,
      clearanceM: Math.round(clearance),
      notified: site.notifiedTo.includes(operation.actor),
    });
  }
  conflicts.sort((a, b) => a.clearanceM - b.clearanceM || compareIds(a.site, b.site));
  return { operation: operation.id, conflicts };
}
