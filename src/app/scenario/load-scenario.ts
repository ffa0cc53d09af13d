/**
 * `scenario load`: stores a bundle's contents in one transaction. A bundle that fails validation
 * writes nothing; records equal to what is stored are not rewritten; the findings that the
 * changed records can affect are judged again (and only those).
 */
import { bundleToWorld } from '../../scenario/convert.ts';
import { type Problem, validateBundleText } from '../../scenario/validate.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import type { Database } from '../../store/database.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { sameRecord } from '../../store/rows.ts';
import * as settings from '../../store/settings.repository.ts';
import * as zones from '../../store/zone.repository.ts';
import { audit, type Change } from '../shared/audit.ts';
import type { Caller } from '../caller.ts';
import { scenarioLoaded } from '../findings/finding-causes.ts';
import {
  AFFECTED_BY_ACTOR,
  actorChangeJudged,
  affectedByAgreement,
  affectedByIncidents,
  affectedByZone,
  onlyArabicNameChanged,
} from '../findings/affected-findings.ts';
import {
  mergeScopes,
  NOTHING,
  recomputeFindings,
  type RecomputeResult,
  type RecomputeScope,
} from '../findings/recompute-findings.ts';

export interface LoadSummary {
  name: string;
  /** Per kind of record: how many were new, changed, or already stored as they are. */
  records: Record<string, { added: number; changed: number; unchanged: number }>;
  findings: RecomputeResult;
}

export type LoadResult = { ok: true; summary: LoadSummary } | { ok: false; problems: Problem[] };

export interface LoadOptions {
  /** Who loads it, for the audit trail; null (default) is the operator at the command line. */
  caller?: Caller | null;
  now?: number;
}

export async function loadScenario(db: Database, text: string, options: LoadOptions = {}): Promise<LoadResult> {
  const v = validateBundleText(text);
  if (!v.ok) return v;
  const world = bundleToWorld(v.bundle);
  const summary = await db.transaction(async (tx) => {
    const records: LoadSummary['records'] = {};
    const changes: Change[] = [];
    let scope: RecomputeScope = NOTHING;

    /** Splits records into new, changed and unchanged against what is stored, by id. */
    const diff = <T extends { id: string }>(kind: string, next: T[], stored: T[]) => {
      const byId = new Map(stored.map((r) => [r.id, r]));
      const added = next.filter((r) => !byId.has(r.id));
      const changed = next.filter((r) => byId.has(r.id) && !sameRecord(r, byId.get(r.id)));
      records[kind] = {
        added: added.length,
        changed: changed.length,
        unchanged: next.length - added.length - changed.length,
      };
      const entity = kind.replace(/s$/, '');
      for (const r of added) changes.push({ action: 'create', entity, entityId: r.id, after: r });
      for (const r of changed)
        changes.push({ action: 'update', entity, entityId: r.id, before: byId.get(r.id), after: r });
      return { added, changed, touched: [...added, ...changed], before: byId };
    };

    const actorDiff = diff('actors', world.actors, await actors.list(tx));
    await actors.upsert(tx, actorDiff.touched);
    // Aliases or an Arabic name alone judge nothing again (update-actor.ts says why).
    if (actorDiff.changed.some((a) => actorChangeJudged(actorDiff.before.get(a.id)!, a))) scope = AFFECTED_BY_ACTOR;

    const agreementDiff = diff('agreements', world.agreements, await agreements.list(tx));
    for (const g of agreementDiff.touched) {
      await agreements.upsert(tx, g);
      const before = agreementDiff.before.get(g.id);
      if (before && onlyArabicNameChanged(before, g)) continue;
      scope = mergeScopes(scope, await affectedByAgreement(tx, g, before));
    }

    const zoneDiff = diff('zones', world.zones, await zones.list(tx));
    for (const z of zoneDiff.touched) {
      await zones.upsert(tx, z);
      const before = zoneDiff.before.get(z.id);
      if (before && onlyArabicNameChanged(before, z)) continue;
      scope = mergeScopes(scope, await affectedByZone(tx, z, before));
    }

    const incidentDiff = diff(
      'incidents',
      world.incidents,
      await incidents.list(
        tx,
        world.incidents.map((i) => i.id),
      ),
    );
    await incidents.upsert(tx, incidentDiff.touched);
    scope = mergeScopes(scope, affectedByIncidents(incidentDiff.touched));

    // Plans are judged when read (deconfliction, convoys): storing them is enough.
    for (const s of diff('protected_sites', world.protectedSites, await plans.listProtectedSites(tx)).touched)
      await plans.upsertProtectedSite(tx, s);
    for (const o of diff('operations', world.operations, await plans.listOperations(tx)).touched)
      await plans.upsertOperation(tx, o);
    for (const c of diff('convoys', world.convoys, await plans.listConvoys(tx)).touched)
      await plans.upsertConvoy(tx, c);
    await settings.upsert(tx, { name: v.bundle.name, timezone: world.timezone, hostState: world.hostState });
    // The bundle's calm setting is its agreement's, and the default; the other agreements' stay as they are.
    const calm = world.calm;
    if (calm) {
      const { from, to, thresholdPerDay, daysRequired } = calm;
      await settings.upsertCalm(tx, {
        agreement: calm.agreement,
        thresholdPerDay,
        daysRequired,
        period: { from, to },
        isDefault: true,
      });
    } else await settings.updateCalmDefault(tx, null);

    const findings = await recomputeFindings(tx, scope, scenarioLoaded(v.bundle.name));
    await audit(tx, options.caller ?? null, options.now ?? Date.now(), changes);
    return { name: v.bundle.name, records, findings };
  });
  return { ok: true, summary };
}
