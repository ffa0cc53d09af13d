/**
 * A co-chair organization approves a pending ruling; the last approval puts it in force, and the
 * counts (state, map, calm) read its verdict from then on.
 */
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { putInForceIfApproved, rulingChange } from './ruling-changes.ts';

export async function approveRuling(ctx: AppContext, caller: Caller | null, id: string): Promise<rulings.Ruling> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const { inForce, incidentId } = await ctx.db.transaction(async (tx) => {
    const { ruling, incident } = await readWithin(tx, readerOf(c), async (sql) => {
      const ruling = (await rulings.lock(sql, id)) ? (await rulings.getMany(sql, [id]))[0] : undefined;
      if (!ruling) throw notFound('ruling', id);
      const [incident] = await incidents.getMany(sql, [ruling.incidentId]);
      return { ruling, incident: incident! };
    });
    if (!ruling.requiredOrgs.includes(c.orgId)) throw forbidden('only the co-chair organizations approve a ruling');
    if (ruling.status !== 'pending')
      throw new AppError('CONFLICT', `the ruling is ${ruling.status.replace('_', ' ')}, not waiting for approval`);
    if (ruling.approvals.some((a) => a.org === c.orgId))
      throw new AppError('CONFLICT', 'your organization has approved this ruling already');
    await rulings.approve(tx, id, c.orgId, c.userId, at);
    const inForce = await putInForceIfApproved(tx, c, at, id, incident, [
      rulingChange('approve-ruling', ruling, incident, { org: c.orgId }),
    ]);
    return { inForce, incidentId: ruling.incidentId };
  });
  ctx.wrote();
  ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: incidentId, at });
  if (inForce) ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: incidentId, at });
  const [ruling] = await asReader(ctx.db, readerOf(c), (sql) => rulings.getMany(sql, [id]));
  return ruling!;
}
