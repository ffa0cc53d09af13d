/**
 * The access constraint a convoy's end makes: an incident of act `access_denial` against a
 * humanitarian convoy, in one of OCHA's access categories, where and when it happened and by
 * whom (or nobody named), written in the step's transaction and judged at once like any incident
 * (the agreement's obligation for `access_denial`: src/domain/adjudicate.ts). Its headline is left
 * empty, so that people read it composed from the act, the place and the date in their language.
 * Its classification is the organizer's choice (the task force by default): the incident says
 * what happened on the road, not what the request holds.
 */
import type { Classification } from '../../contract/access.ts';
import type { AccessCategory } from '../../contract/access-constraints.ts';
import type { Sql } from '../../store/sql.ts';
import { newId } from '../accounts/secrets.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { insertIncident } from '../incidents/create-incident.ts';
import { incidentSnapshot, publishIncidentChange } from '../incidents/incident-changes.ts';
import * as incidents from '../../store/incident.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { readerOf } from '../caller.ts';
import { invalid } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { requireKnownActors } from '../shared/references.ts';

export interface AccessIncidentInput {
  at: number;
  location: { lon: number; lat: number };
  /** Who stopped or attacked the convoy; null when nobody is named. */
  by: string | null;
  category: AccessCategory;
  classification: Classification;
  killed?: number | null | undefined;
}

export interface WrittenIncident {
  id: string;
  at: number;
  findingsChanged: boolean;
}

export async function writeAccessIncident(
  tx: Sql,
  caller: Caller,
  now: number,
  input: AccessIncidentInput,
): Promise<WrittenIncident> {
  if (input.by !== null) await requireKnownActors(tx, [{ path: 'by', id: input.by }]);
  const id = newId();
  const changed = await insertIncident(tx, caller, id, now, {
    reportIds: [],
    occurredAt: input.at,
    location: input.location,
    act: 'access_denial',
    accessCategory: input.category,
    perpetrator: input.by,
    target: { civilian: 'convoy' },
    deaths: input.killed == null ? null : { low: input.killed, best: input.killed, high: input.killed },
    classification: input.classification,
  });
  return { id, at: now, findingsChanged: changed };
}

/**
 * An access incident already recorded (by the desk, from a report) linked instead of a new one:
 * the caller must see it, and it must be an access denial; a category it lacks is set, audited.
 * Its facts do not change, so its findings stand.
 */
export async function linkAccessIncident(
  tx: Sql,
  caller: Caller,
  now: number,
  id: string,
  category: AccessCategory,
): Promise<WrittenIncident> {
  const [found] = await readWithin(tx, readerOf(caller), (sql) => incidents.getMany(sql, [id]));
  if (!found) throw invalid('incident', `incident: unknown incident "${id}"`);
  if (found.act !== 'access_denial')
    throw invalid('incident', 'incident: only an incident of act access_denial records an access constraint');
  if (found.accessCategory === null) {
    await incidents.lock(tx, id);
    const { reportCount: _r, verdicts: _v, createdAt: _c, updatedAt: _u, ...stored } = found;
    const after = { ...stored, accessCategory: category };
    await incidents.update(tx, after, now);
    await audit(tx, caller, now, [
      {
        action: 'update',
        entity: 'incident',
        entityId: id,
        classification: found.classification,
        ownerOrg: found.ownerOrg,
        before: incidentSnapshot(stored),
        after: incidentSnapshot(after),
      },
    ]);
  }
  return { id, at: now, findingsChanged: false };
}

/** After the commit: the incident is told like any new one. */
export function publishAccessIncident(ctx: AppContext, written: WrittenIncident | null): void {
  if (written) publishIncidentChange(ctx, written.id, written.at, written.findingsChanged);
}
