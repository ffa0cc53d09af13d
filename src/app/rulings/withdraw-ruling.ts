/**
 * The proposing organization withdraws its ruling, pending or in force; a ruling in force leaves
 * its finding, and the counts read the rules' verdict again. Kept, not deleted.
 */
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { rulingChange } from './ruling-changes.ts';

export async function withdrawRuling(ctx: AppContext, caller: Caller | null, id: string): Promise<rulings.Ruling> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const { wasInForce, incidentId } = await ctx.db.transaction(async (tx) => {
    const { ruling, incident } = await readWithin(tx, readerOf(c), async (sql) => {
      const ruling = (await rulings.lock(sql, id)) ? (await rulings.getMany(sql, [id]))[0] : undefined;
      if (!ruling) throw notFound('ruling', id);
      const [incident] = await incidents.getMany(sql, [ruling.incidentId]);
      return { ruling, incident: incident! };
    });
    if (ruling.proposedOrg !== c.orgId) throw forbidden('only the organization that proposed a ruling withdraws it');
    if (ruling.status !== 'pending' && ruling.status !== 'in_force')
      throw new AppError('CONFLICT', `the ruling is ${ruling.status} already`);
    await rulings.setStatus(tx, id, 'withdrawn', at);
    if (ruling.status === 'in_force') await rulings.applyToFinding(tx, ruling.findingKey, null);
    await audit(tx, c, at, [rulingChange('withdraw-ruling', ruling, incident)]);
    return { wasInForce: ruling.status === 'in_force', incidentId: ruling.incidentId };
  });
  ctx.wrote();
  ctx.events.publish({ type: 'incident.updated', entity: 'incident', id: incidentId, at });
  if (wasInForce) ctx.events.publish({ type: 'finding.changed', entity: 'incident', id: incidentId, at });
  const [ruling] = await asReader(ctx.db, readerOf(c), (sql) => rulings.getMany(sql, [id]));
  return ruling!;
}
