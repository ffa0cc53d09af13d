/**
 * Helpers of the besieged-area use cases: looking an area up as the caller (hidden is missing:
 * 404), the zone it is tied to (a zone the caller may not see is unknown: 400), and how an area,
 * an estimate and a delivery read in the audit trail and the API.
 */
import * as besieged from '../../store/besieged.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf } from '../caller.ts';
import { invalid, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { requireKnownActors } from '../shared/references.ts';

export type {
  BesiegedAreaRead,
  BesiegedAreaRecord,
  DeliveryRecord,
  EstimateRecord,
} from '../../store/besieged.repository.ts';

/** The area as the caller sees it, locked for a change; 404 when hidden or missing. */
export async function lockVisibleArea(tx: Sql, caller: Caller, id: string): Promise<besieged.BesiegedAreaRead> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => besieged.get(sql, id)))) throw notFound('besieged area', id);
  await besieged.lock(tx, id);
  return (await besieged.get(tx, id))!;
}

/** A zone the caller may see (its area is the area's); one it may not see is as unknown as a missing one. */
export async function requireVisibleZone(tx: Sql, caller: Caller, path: string, id: string): Promise<void> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => zones.getRecord(sql, id))))
    throw invalid(path, `${path}: unknown zone "${id}"`);
}

/** Besiegers: known actors, each once. */
export async function requireBesiegers(tx: Sql, besiegers: readonly besieged.BesiegerRecord[]): Promise<void> {
  const seen = new Set<string>();
  besiegers.forEach((b, i) => {
    if (seen.has(b.actor)) throw invalid(`besiegers[${i}].actor`, `besiegers[${i}].actor: "${b.actor}" is named twice`);
    seen.add(b.actor);
  });
  await requireKnownActors(
    tx,
    besiegers.map((b, i) => ({ path: `besiegers[${i}].actor`, id: b.actor })),
  );
}

export function areaView(a: besieged.BesiegedAreaRecord) {
  return {
    id: a.id,
    name: a.name,
    name_ar: a.nameAr,
    zone_id: a.zoneId,
    classification: a.classification,
    owner_org: a.ownerOrg,
    statuses: a.statuses.map((s) => ({ since: s.since, status: s.status, source: s.source })),
    besiegers: a.besiegers.map((b) => ({ actor: b.actor, since: b.since })),
  };
}

export const estimateView = (e: besieged.EstimateRecord) => ({
  id: e.id,
  area_id: e.areaId,
  as_of: e.asOf,
  population: e.population,
  locations: e.locations,
  source: e.source,
  note: e.note,
  classification: e.classification,
  owner_org: e.ownerOrg,
  recorded_at: new Date(e.recordedAt).toISOString(),
  recorded_by: e.recordedBy,
});

export const deliveryView = (d: besieged.DeliveryRecord) => ({
  id: d.id,
  area_id: d.areaId,
  delivered_on: d.on,
  description: d.description,
  source: d.source,
  recorded_at: new Date(d.recordedAt).toISOString(),
  recorded_by: d.recordedBy,
  convoy: d.convoy && {
    id: d.convoy.id,
    name: d.convoy.name,
    organizer_org: d.convoy.organizerOrg,
    beneficiaries_reached: d.convoy.beneficiariesReached,
  },
});

/** An entry of the area's trail, under its classification (it names its zone: whoever may not see that does not see it). */
export function areaChange(
  action: string,
  area: besieged.BesiegedAreaRecord,
  before: unknown,
  after: Record<string, unknown>,
): Change {
  return {
    action,
    entity: 'besieged_area',
    entityId: area.id,
    classification: area.classification,
    ownerOrg: area.ownerOrg,
    before,
    after: { ...after, zone_id: area.zoneId },
  };
}
