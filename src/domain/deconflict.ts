/**
 * Deconfliction (spec: "Deconfliction"): a planned operation is checked against every target valid
 * during its window and owned by someone else: protected sites, and (operation notices, issue 10)
 * the sites and movements notified by humanitarian organizations and the parties' own positions.
 * A target is in conflict when the operation's reach comes within the target's buffer.
 *
 * `targetConflicts` is the rule over any list of targets; `deconflictOperation` is the spec's
 * reading of it for protected sites (the scenario bundle's result).
 */
import type { DeconflictionResult, SiteConflict } from './findings.ts';
import { type Geometry, geometryDistanceM } from './geo.ts';
import type { Operation, ProtectedSite } from './model.ts';
import { compareIds } from './rulebook.ts';
import { type Interval, overlaps } from './time.ts';

/** What an operation can come near: a protected site, a notified site, a notified movement (its route), a party's position. */
export const TARGET_KINDS = ['protected_site', 'notification_site', 'movement', 'position'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * One thing an operation must keep clear of. `owner` is compared with the operation's `owners`
 * (the caller chooses the namespace: the spec's sites name actors, notifications and positions
 * organizations); `notified` says whether the operation's party was told of the target.
 */
export interface DeconflictionTarget {
  kind: TargetKind;
  id: string;
  owner: string;
  geometry: Geometry;
  bufferM: number;
  valid: Interval;
  notified: boolean;
}

/** The reach of a planned operation: its area widened by its radius, during its window; `owners` are its own (never checked). */
export interface PlannedReach {
  area: Geometry;
  radiusM: number;
  window: Interval;
  owners: readonly string[];
}

export interface TargetConflict {
  kind: TargetKind;
  id: string;
  owner: string;
  /** Rounded to the metre. */
  clearanceM: number;
  notified: boolean;
}

/** The gap between the operation's reach and a geometry, in metres (0 when they touch). */
export function reachClearanceM(reach: Pick<PlannedReach, 'area' | 'radiusM'>, geometry: Geometry): number {
  return Math.max(0, geometryDistanceM(reach.area, geometry) - reach.radiusM);
}

/** The gap between the operation's reach and the site, in metres (0 when they touch). */
export function clearanceM(operation: Operation, site: ProtectedSite): number {
  return reachClearanceM(operation, site.geometry);
}

/**
 * The targets an operation comes within the buffer of: valid during its window (half-open
 * intervals), not its own, the clearance (unrounded) at most the buffer. Sorted by clearance (in
 * whole metres), then id, then kind.
 */
export function targetConflicts(operation: PlannedReach, targets: readonly DeconflictionTarget[]): TargetConflict[] {
  const conflicts: TargetConflict[] = [];
  for (const t of targets) {
    if (operation.owners.includes(t.owner) || !overlaps(t.valid, operation.window)) continue;
    const clearance = reachClearanceM(operation, t.geometry);
    if (clearance > t.bufferM) continue;
    conflicts.push({ kind: t.kind, id: t.id, owner: t.owner, clearanceM: Math.round(clearance), notified: t.notified });
  }
  return conflicts.sort((a, b) => a.clearanceM - b.clearanceM || compareIds(a.id, b.id) || compareIds(a.kind, b.kind));
}

/** The spec's deconfliction: the protected sites, each owned by an actor, notified when the operating actor is in `notified_to`. */
export function deconflictOperation(operation: Operation, sites: ProtectedSite[]): DeconflictionResult {
  const conflicts: SiteConflict[] = targetConflicts(
    { ...operation, owners: [operation.actor] },
    sites.map((s) => ({
      kind: 'protected_site',
      id: s.id,
      owner: s.owner,
      geometry: s.geometry,
      bufferM: s.bufferM,
      valid: s.valid,
      notified: s.notifiedTo.includes(operation.actor),
    })),
  ).map((c) => ({ site: c.id, clearanceM: c.clearanceM, notified: c.notified }));
  return { operation: operation.id, conflicts };
}
