/** What the ruling use cases share: their audit entries, and a ruling put in force once every co-chair approved it. */
import type { Sql } from '../../store/sql.ts';
import type * as incidents from '../../store/incident.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { audit, type Change } from '../shared/audit.ts';
import type { Caller } from '../caller.ts';

/** An entry on the incident's trail (its classification), naming the ruling and what it rules. */
export function rulingChange(
  action: 'propose-ruling' | 'approve-ruling' | 'ruling-in-force' | 'withdraw-ruling',
  r: rulings.Ruling,
  incident: Pick<incidents.IncidentView, 'id' | 'classification' | 'ownerOrg'>,
  extra: Record<string, unknown> = {},
): Change {
  return {
    action,
    entity: 'incident',
    entityId: incident.id,
    classification: incident.classification,
    ownerOrg: incident.ownerOrg,
    after: {
      ruling_id: r.id,
      // Named so that the entry shows only to who may see them (app/shared/audit.ts, mentionsOf).
      agreement_id: r.agreement,
      rests_on_zones: r.restsOnZones,
      verdict: r.verdict,
      violators: r.violators,
      ...(action === 'propose-ruling' ? { reasoning: r.reasoning, relied_on: r.reliedOn, automatic: r.automatic } : {}),
      ...extra,
    },
  };
}

/**
 * Writes the changes' audit entries; when every required organization has approved the ruling,
 * puts it in force (the one before it on the finding superseded) and says so.
 */
export async function putInForceIfApproved(
  tx: Sql,
  caller: Caller,
  at: number,
  id: string,
  incident: Pick<incidents.IncidentView, 'id' | 'classification' | 'ownerOrg'>,
  changes: Change[],
): Promise<boolean> {
  // Read as the owner: every approval counts, whoever may see it.
  const [ruling] = await rulings.getMany(tx, [id]);
  const approved = new Set(ruling!.approvals.map((a) => a.org));
  const complete = ruling!.requiredOrgs.every((o) => approved.has(o));
  if (complete) {
    for (const previous of await rulings.lockOpenOfFinding(tx, ruling!.findingKey))
      if (previous.status === 'in_force') await rulings.setStatus(tx, previous.id, 'superseded', at);
    await rulings.setStatus(tx, id, 'in_force', at);
    await rulings.applyToFinding(tx, ruling!.findingKey, ruling!);
    changes.push(rulingChange('ruling-in-force', ruling!, incident));
  }
  await audit(tx, caller, at, changes);
  return complete;
}
