/**
 * Operation notices checked and their conflicts stored (docs/deconfliction.md), in the
 * transaction of the write that calls for it, as the system (a notice is checked against every
 * target, those hidden from its declarer included; row-level security decides who reads each
 * conflict): a notice declared or changed is checked against every protected site, notified
 * site and movement, and position valid in its window; a target made, renewed or changed is
 * checked against every notice in force; a withdrawal closes the conflicts. Stored conflicts are
 * closed, never deleted, so their history stays.
 *
 * A conflict found anew (not open before the check) is emailed, for those who asked, in the same
 * transaction: to the declaring organization (`notice.conflict`) and to the organization that owns
 * the target (`deconfliction.alert`, which says nothing of the operation); each message is written
 * out as its recipient may see the conflict (app/email/notice-emails.ts). A check that finds the same
 * conflicts again sends nothing.
 */
import {
  type DeconflictionTarget,
  type PlannedReach,
  type TargetConflict,
  type TargetKind,
  targetConflicts,
} from '../../domain/deconflict.ts';
import { reachBox } from '../../domain/deconflict-index.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import type * as notifications from '../../store/notification.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import type * as positions from '../../store/position.repository.ts';
import type { Sql } from '../../store/sql.ts';
import type { AppContext } from '../context.ts';
import { queueEmail } from '../email/queue-email.ts';

/** Owners in two namespaces: the spec's sites name actors, notifications and positions organizations. */
const actorKey = (id: string) => `actor:${id}`;
const orgKey = (id: string) => `org:${id}`;

/** The operation's reach; its own are its actor and the organization that declared it. */
export const reachOf = (o: plans.OperationRecord): PlannedReach => ({
  area: o.area,
  radiusM: o.radiusM,
  window: o.window,
  owners: o.ownerOrg ? [actorKey(o.actor), orgKey(o.ownerOrg)] : [actorKey(o.actor)],
});

/** A target as a notice sees it, with the organization its conflicts alert. */
export type TargetSource =
  | { kind: 'protected_site'; record: plans.SiteRecord }
  | { kind: 'notification'; record: notifications.NotificationRecord }
  | { kind: 'position'; record: positions.PositionRecord };

export const targetKindOf = (t: TargetSource): TargetKind =>
  t.kind === 'notification' ? (t.record.subject === 'site' ? 'notification_site' : 'movement') : t.kind;

const ownerOrgOf = (t: TargetSource): string | null => t.record.ownerOrg;

/** The target for this operation: `notified` is whether the operation's party was told of it. */
function targetFor(t: TargetSource, o: plans.OperationRecord): DeconflictionTarget {
  switch (t.kind) {
    case 'protected_site': {
      const s = t.record;
      const notified = s.notifiedTo.includes(o.actor);
      return {
        kind: 'protected_site',
        id: s.id,
        owner: actorKey(s.owner),
        geometry: s.geometry,
        bufferM: s.bufferM,
        valid: s.valid,
        notified,
      };
    }
    case 'notification': {
      const n = t.record;
      const notified = n.recipients.some((r) => r.orgId === o.ownerOrg);
      return {
        kind: targetKindOf(t),
        id: n.id,
        owner: orgKey(n.ownerOrg),
        geometry: n.geometry,
        bufferM: n.bufferM,
        valid: n.valid,
        notified,
      };
    }
    case 'position': {
      const p = t.record;
      const notified = o.ownerOrg !== null && p.recipients.includes(o.ownerOrg);
      return {
        kind: 'position',
        id: p.id,
        owner: orgKey(p.ownerOrg),
        geometry: p.geometry,
        bufferM: p.bufferM,
        valid: p.valid,
        notified,
      };
    }
  }
}

/**
 * Every target valid at some time of the reach's window, not withdrawn, that may be within reach:
 * its widened box overlaps the reach's (decision 024, migration 025), a superset of its conflicts
 * that the domain measures. As the system, or as a reader (the targets it may see).
 */
export async function targetsReaching(tx: Sql, reach: PlannedReach): Promise<TargetSource[]> {
  const box = reachBox(reach);
  if (!(box[0] <= box[2] && box[1] <= box[3])) return [];
  const found = await conflicts.listTargets(tx, reach.window, box);
  return [
    ...found.sites.map((record): TargetSource => ({ kind: 'protected_site', record })),
    ...found.notifications.map((record): TargetSource => ({ kind: 'notification', record })),
    ...found.positions.map((record): TargetSource => ({ kind: 'position', record })),
  ];
}

/** The conflicts of a notice with these targets (the rule of domain/deconflict.ts). */
export function noticeConflicts(
  o: plans.OperationRecord,
  reach: PlannedReach,
  sources: readonly TargetSource[],
): TargetConflict[] {
  return targetConflicts(
    reach,
    sources.map((t) => targetFor(t, o)),
  );
}

/**
 * A notice declared or changed: checked against every target, its open conflicts replaced
 * (closed as `rechecked`); a withdrawn one's closed as `withdrawn` and none added.
 */
export async function checkNotice(tx: Sql, o: plans.OperationRecord, declaredBy: string | null = null): Promise<void> {
  await conflicts.lockChecks(tx);
  if (o.withdrawnAt !== null) {
    await conflicts.closeOfOperations(tx, [o.id], 'withdrawn');
    return;
  }
  const before = await conflicts.openPairs(tx, [o.id]);
  await conflicts.closeOfOperations(tx, [o.id], 'rechecked');
  const reach = reachOf(o);
  const sources = await targetsReaching(tx, reach);
  const byKey = new Map(sources.map((t) => [`${targetKindOf(t)}:${t.record.id}`, t]));
  const found = noticeConflicts(o, reach, sources);
  const stored = found.map((c) => ({
    operationId: o.id,
    targetKind: c.kind,
    targetId: c.id,
    targetOwnerOrg: ownerOrgOf(byKey.get(`${c.kind}:${c.id}`)!),
    clearanceM: c.clearanceM,
    notified: c.notified,
  }));
  await conflicts.insert(tx, stored);
  await queueConflictEmails(
    tx,
    o,
    stored.filter((c) => !before.has(conflicts.pairKey(o.id, c.targetKind, c.targetId))),
    declaredBy,
  );
}

/**
 * Emails of conflicts found anew, for those who asked: the declaring organization's users (but the
 * one who declared or changed the notice) hear of the notice's conflicts; each target's organization
 * of its places at risk, without the operation. One message per organization and check.
 */
async function queueConflictEmails(
  tx: Sql,
  o: plans.OperationRecord,
  found: readonly conflicts.NewConflict[],
  declaredBy: string | null,
): Promise<void> {
  if (found.length === 0 || o.ownerOrg === null) return;
  const targets = (list: readonly conflicts.NewConflict[]) => list.map((c) => [c.targetKind, c.targetId]);
  const about = { entity: 'operation', entityId: o.id };
  await queueEmail(tx, {
    kind: 'notice.conflict',
    ...about,
    detail: { targets: targets(found) },
    orgs: [o.ownerOrg],
    exceptUser: declaredBy,
  });
  const owners = new Set(
    found.flatMap((c) => (c.targetOwnerOrg && c.targetOwnerOrg !== o.ownerOrg ? [c.targetOwnerOrg] : [])),
  );
  for (const org of [...owners].sort())
    await queueEmail(tx, {
      kind: 'deconfliction.alert',
      ...about,
      detail: { targets: targets(found.filter((c) => c.targetOwnerOrg === org)) },
      orgs: [org],
    });
}

/**
 * A target made, renewed, changed or withdrawn: its open conflicts closed, then (unless
 * withdrawn) checked against every notice in force (not withdrawn, its window not ended by the
 * database's clock). Returns the notices whose conflicts changed, to announce.
 */
export async function checkTarget(tx: Sql, t: TargetSource, withdrawn = false): Promise<string[]> {
  await conflicts.lockChecks(tx);
  const kind = targetKindOf(t);
  const before = await conflicts.openOfTarget(tx, kind, t.record.id);
  const touched = new Set(
    await conflicts.closeOfTarget(tx, kind, t.record.id, withdrawn ? 'target_withdrawn' : 'target_changed'),
  );
  if (withdrawn) return [...touched];
  const found: conflicts.NewConflict[] = [];
  const inForce = await plans.listNoticesInForce(tx);
  for (const o of inForce) {
    const [c] = targetConflicts(reachOf(o), [targetFor(t, o)]);
    if (!c) continue;
    found.push({
      operationId: o.id,
      targetKind: kind,
      targetId: t.record.id,
      targetOwnerOrg: ownerOrgOf(t),
      clearanceM: c.clearanceM,
      notified: c.notified,
    });
    touched.add(o.id);
  }
  await conflicts.insert(tx, found);
  const notices = new Map(inForce.map((o) => [o.id, o]));
  for (const c of found)
    if (!before.has(c.operationId)) await queueConflictEmails(tx, notices.get(c.operationId)!, [c], null);
  return [...touched].sort();
}

/**
 * Says these notices' conflicts changed: the live stream reads each again as each reader
 * (app/live), so the declaring organization and the secretariat hear of the conflicts they may
 * see, and a target's owner of its alert, without the operation.
 */
export function announceNotices(ctx: AppContext, operationIds: readonly string[]): void {
  const at = ctx.now();
  for (const id of operationIds) ctx.events.publish({ type: 'notice.changed', entity: 'operation', id, at });
}
