/**
 * Merging two incidents that are one event: every account of the one merged away becomes an
 * account of the one kept, whose findings stand (its facts do not change); the one merged away
 * is removed, its findings withdrawn into their history, and the audit trail keeps it whole on
 * both incidents. An incident with rulings is not merged away: its rulings are withdrawn first.
 */
import { statement } from '../../domain/statements.ts';
import * as findings from '../../store/finding.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { mostRestrictive } from '../classification.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { incidentChanged } from '../findings/finding-causes.ts';
import { getIncident, type IncidentDetail } from './get-incident.ts';
import { incidentSnapshot, publishIncidentChange } from './incident-changes.ts';

export async function mergeIncidents(
  ctx: AppContext,
  caller: Caller | null,
  intoId: string,
  fromId: string,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  if (intoId === fromId) throw invalid('from', 'must name another incident');
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { into, from } = await readWithin(tx, readerOf(c), async (sql) => {
      // Locked in one order, whichever is named first, so two merges of the pair cannot deadlock.
      for (const id of [intoId, fromId].sort()) await incidents.lock(sql, id);
      const [into] = await incidents.getMany(sql, [intoId]);
      if (!into) throw notFound('incident', intoId);
      const [from] = await incidents.getMany(sql, [fromId]);
      if (!from) throw invalid('from', `unknown incident "${fromId}"`);
      return { into, from };
    });
    // Whoever reads the incident kept must be able to read the one merged into it (its trail names it).
    const kept = into.classification;
    if (
      mostRestrictive([from.classification, kept], kept) !== kept ||
      (from.classification === 'org' && from.ownerOrg !== into.ownerOrg)
    )
      throw invalid(
        'from',
        'is more restricted than the incident kept: merge it the other way, into the more restricted one',
      );
    if ((await rulings.listOfIncident(tx, fromId)).length > 0)
      throw new AppError(
        'CONFLICT',
        'the incident to merge away has rulings: it cannot be removed',
        'from',
        statement('error.merge_ruled'),
      );
    // Every account moves, those the caller may not see too; each says so on its own trail, at its classification.
    const moved = await reports.listOfIncident(tx, fromId);
    await reports.link(
      tx,
      moved.map((r) => r.id),
      intoId,
    );
    await findings.replace(tx, 'incident', [fromId], [], incidentChanged(intoId, 'merge', c));
    await incidents.remove(tx, fromId);
    await audit(tx, c, at, [
      {
        action: 'merge-into',
        entity: 'incident',
        entityId: fromId,
        classification: from.classification,
        ownerOrg: from.ownerOrg,
        before: incidentSnapshot(from),
        after: { incident_id: intoId },
      },
      {
        action: 'absorb',
        entity: 'incident',
        entityId: intoId,
        classification: into.classification,
        ownerOrg: into.ownerOrg,
        after: { merged: fromId },
      },
      ...moved.map((r) => ({
        action: 'link',
        entity: 'report',
        entityId: r.id,
        classification: r.classification,
        ownerOrg: r.ownerOrg,
        before: { incident_id: fromId },
        after: { incident_id: intoId },
      })),
    ]);
  });
  ctx.wrote();
  publishIncidentChange(ctx, intoId, at, true);
  return getIncident(ctx, c, intoId);
}
