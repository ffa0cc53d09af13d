/**
 * Changing an incident the caller can see: its facts, its status and grade, its classification.
 * A change to a fact the rules read judges the incident again in the same transaction; findings
 * that change go to finding_history with the cause. The audit entry keeps before and after.
 */
import type { Classification } from '../../contract/access.ts';
import type { AttributionGrade, IncidentStatus } from '../../domain/assessment.ts';
import * as incidents from '../../store/incident.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { sameRecord } from '../../store/rows.ts';
import { affectedByIncidents } from '../findings/affected-findings.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import { mostRestrictive } from '../classification.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { incidentChanged } from '../findings/finding-causes.ts';
import { recomputeFindings } from '../findings/recompute-findings.ts';
import type { IncidentFacts } from './create-incident.ts';
import { getIncident, type IncidentDetail } from './get-incident.ts';
import {
  checkingActors,
  factsDiffer,
  findingsChanged,
  incidentSnapshot,
  publishIncidentChange,
} from './incident-changes.ts';

export interface IncidentPatch extends IncidentFacts {
  status?: IncidentStatus | undefined;
  grade?: AttributionGrade | null | undefined;
  classification?: Classification | undefined;
}

export async function updateIncident(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  patch: IncidentPatch,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const before = await readWithin(tx, readerOf(c), async (sql) =>
      (await incidents.lock(sql, id)) ? (await incidents.getMany(sql, [id]))[0] : undefined,
    );
    if (!before) throw notFound('incident', id);
    const after = patched(writable(before), patch, c);
    if (sameRecord(writable(before), after)) return { wrote: false, findings: false };
    await checkingActors(after, () => incidents.update(tx, after, at));
    if (after.classification !== before.classification) {
      const stillSeen = await readWithin(
        tx,
        readerOf(c),
        async (sql) => (await incidents.getMany(sql, [id])).length > 0,
      );
      if (!stillSeen)
        throw invalid(
          'classification',
          `"${after.classification}" would hide the incident from you: it belongs to another organization`,
        );
    }
    const findings = factsDiffer(writable(before), after)
      ? findingsChanged(await recomputeFindings(tx, affectedByIncidents([after]), incidentChanged(id, 'update', c)))
      : false;
    // Classified as the more restricted of before and after: declassifying must not show what the record said before.
    await audit(tx, c, at, [
      {
        action: 'update',
        entity: 'incident',
        entityId: id,
        classification: mostRestrictive([before.classification, after.classification], after.classification),
        ownerOrg: after.ownerOrg,
        before: incidentSnapshot(writable(before)),
        after: incidentSnapshot(after),
      },
    ]);
    return { wrote: true, findings };
  });
  if (outcome.wrote) {
    ctx.wrote();
    publishIncidentChange(ctx, id, at, outcome.findings);
  }
  return getIncident(ctx, c, id);
}

/** The stored fields of a view, without what is derived for reading. */
function writable(v: incidents.IncidentView): incidents.IncidentWrite {
  const { reportCount: _count, verdicts: _verdicts, createdAt: _created, updatedAt: _updated, ...rest } = v;
  return rest;
}

function patched(before: incidents.IncidentWrite, p: IncidentPatch, caller: Caller): incidents.IncidentWrite {
  const pick = <K extends keyof incidents.IncidentWrite>(
    key: K,
    value: incidents.IncidentWrite[K] | undefined,
  ): incidents.IncidentWrite[K] => (value === undefined ? before[key] : value);
  const target = pick('target', p.target);
  const perpetrator = pick('perpetrator', p.perpetrator);
  const after: incidents.IncidentWrite = {
    ...before,
    occurredAt: pick('occurredAt', p.occurredAt),
    occurredUntil: pick('occurredUntil', p.occurredUntil),
    location: pick('location', p.location),
    act: pick('act', p.act),
    perpetrator,
    target,
    selfDefenseClaim: pick('selfDefenseClaim', p.selfDefenseClaim),
    place: pick('place', p.place),
    headline: pick('headline', p.headline),
    // An access constraint's kind goes with the act: another act drops it.
    accessCategory:
      p.accessCategory !== undefined
        ? p.accessCategory
        : pick('act', p.act) === 'access_denial'
          ? (before.accessCategory ?? null)
          : null,
    deaths:
      p.deaths === undefined
        ? before.deaths
        : p.deaths === null
          ? null
          : { ...p.deaths, bySide: before.deaths?.bySide ?? {} },
    status: pick('status', p.status),
    grade: pick('grade', p.grade),
    classification: pick('classification', p.classification),
    // An incident nobody owns, classified for one organization only, is the caller's organization's.
    ownerOrg: before.ownerOrg ?? (p.classification === 'org' ? caller.orgId : null),
  };
  if (p.perpetrator !== undefined || p.target !== undefined) {
    const sides = new Set(before.sides ?? []);
    for (const s of [perpetrator, target !== null && 'actor' in target ? target.actor : null])
      if (s !== null) sides.add(s);
    after.sides = [...sides];
  }
  if (after.accessCategory != null && after.act !== 'access_denial')
    throw invalid(
      'access_category',
      'access_category: only an incident of act access_denial records an access constraint',
    );
  if (after.occurredUntil != null && after.occurredUntil < after.occurredAt)
    throw invalid('occurred_until', 'must not be before occurred_at');
  if (after.deaths && (after.deaths.low > after.deaths.best || after.deaths.best > after.deaths.high))
    throw invalid('deaths', 'must have low <= best <= high');
  return after;
}
