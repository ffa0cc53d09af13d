/**
 * A change of control along a convoy's route after its parties were asked flags the request, in
 * the transaction that changes the zone (save-zone-change.ts calls this for every change to a zone:
 * drawn, redrawn, control appended or rewritten). For each request in force (submitted, not yet
 * back) whose route's box meets the zone's, before or after the change: when the holders of that
 * zone along the route during the window differ (src/domain/convoys.ts, controlChangeAlong), and
 * the organizer may see the zone (the parties were worked out from its sight), the request is
 * marked, its timeline says who held the zone before and after and which parties the route needs
 * now that were not asked, the audit trail keeps it, and its readers hear of it after the commit.
 */
import type { OrgKind } from '../../contract/access.ts';
import { bboxOf } from '../../domain/geo.ts';
import * as accounts from '../../store/account.repository.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import type * as zones from '../../store/zone.repository.ts';
import { clearanceOf } from '../caller.ts';
import { controlChangeAlong } from '../../domain/convoys.ts';
import type { TruceEvent } from '../events.ts';
import type { Change } from '../shared/audit.ts';
import { approvalsFor, auditStep } from './convoy-request-access.ts';

export async function flagRequestsAlong(
  tx: Sql,
  before: zones.ZoneRecord | null,
  after: zones.ZoneRecord,
): Promise<{ audit: Change[]; events: TruceEvent[] }> {
  const boxes = [bboxOf(after.geometry), ...(before ? [bboxOf(before.geometry)] : [])];
  const audit: Change[] = [];
  const events: TruceEvent[] = [];
  const candidates = await requests.lockInForceNear(tx, boxes);
  if (candidates.length === 0) return { audit, events };
  const at = await requests.dbNow(tx);
  for (const r of candidates) {
    const change = controlChangeAlong(before, after, r);
    if (!change) continue;
    const org = await accounts.getOrg(tx, r.organizerOrg);
    if (!org) continue;
    const organizer = {
      userId: null,
      orgId: org.id,
      clearance: clearanceOf(org as { kind: OrgKind; task_force: boolean }),
    };
    const seen = await readWithin(tx, organizer, async (sql) => {
      return (await requests.zonesSeen(sql, [after.id])).has(after.id) ? approvalsFor(sql, r) : null;
    });
    if (!seen) continue;
    const notAsked = seen.requiredApprovals.filter((a) => !r.requiredApprovals.includes(a));
    await requests.markControlChanged(tx, r.id);
    await requests.insertStep(tx, r.id, {
      step: 'control_changed',
      stateAfter: r.state,
      at,
      orgId: null,
      username: null,
      details: {
        zone: after.id,
        zone_name: after.name,
        before: change.before,
        after: change.after,
        required_now: seen.requiredApprovals,
        not_asked: notAsked,
      },
    });
    audit.push(
      auditStep('control_changed', r, (await requests.get(tx, r.id))!, {
        control_changed: { zone: after.id, before: change.before, after: change.after, not_asked: notAsked },
      }),
    );
    events.push({ type: 'convoy_request.changed', entity: 'convoy_request', id: r.id, at });
  }
  return { audit, events };
}
