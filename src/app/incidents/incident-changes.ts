/**
 * What the incident use cases share: the incident as the audit trail keeps it, which of its
 * fields are facts the rules read (a change to one is judged again), references checked by the
 * database and named by field, and the events told after a change is committed.
 */
import { formatInstant } from '../../domain/time.ts';
import type * as incidents from '../../store/incident.repository.ts';
import { sameRecord } from '../../store/rows.ts';
import type { AppContext } from '../context.ts';
import { foreignKeyError } from '../shared/foreign-keys.ts';
import type { RecomputeResult } from '../findings/recompute-findings.ts';

export function incidentSnapshot(i: incidents.IncidentWrite): Record<string, unknown> {
  return {
    occurred_at: formatInstant(i.occurredAt),
    occurred_until: i.occurredUntil ? formatInstant(i.occurredUntil) : null,
    location: i.location,
    place: i.place ?? null,
    act: i.act,
    perpetrator: i.perpetrator,
    target: i.target,
    self_defense_claim: i.selfDefenseClaim,
    deaths: i.deaths ? { low: i.deaths.low, best: i.deaths.best, high: i.deaths.high } : null,
    headline: i.headline ?? null,
    ...(i.accessCategory ? { access_category: i.accessCategory } : {}),
    status: i.status,
    grade: i.grade,
    classification: i.classification,
    owner_org: i.ownerOrg,
  };
}

/** The facts the rules judge an incident by. */
const judgedFacts = (i: incidents.IncidentWrite) => ({
  occurredAt: i.occurredAt,
  location: i.location,
  act: i.act,
  perpetrator: i.perpetrator,
  target: i.target,
  selfDefenseClaim: i.selfDefenseClaim,
});

export const factsDiffer = (a: incidents.IncidentWrite, b: incidents.IncidentWrite): boolean =>
  !sameRecord(judgedFacts(a), judgedFacts(b));

/** Runs a write of an incident, naming an unknown perpetrator or target actor by its field. */
export async function checkingActors<T>(incident: incidents.IncidentWrite, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw foreignKeyError(e, {
      incidents_perpetrator_fkey: { path: 'perpetrator', what: 'actor', id: incident.perpetrator },
      incidents_target_actor_fkey: {
        path: 'target.actor',
        what: 'actor',
        id: incident.target !== null && 'actor' in incident.target ? incident.target.actor : null,
      },
    });
  }
}

export const findingsChanged = (r: RecomputeResult): boolean =>
  r.incidents.inserted + r.incidents.updated + r.incidents.withdrawn > 0;

/** After commit: the incident changed; and its findings, when they did. */
export function publishIncidentChange(ctx: AppContext, id: string, at: number, findings: boolean): void {
  ctx.events.publish({ type: 'incident.updated', entity: 'incident', id, at });
  if (findings) ctx.events.publish({ type: 'finding.changed', entity: 'incident', id, at });
}
