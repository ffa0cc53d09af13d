/**
 * Helpers of the local-agreement use cases: looking one up as the caller (hidden is missing:
 * 404), the checks of what it names (its zone, its parties, the change of control that followed),
 * and how an agreement and an evacuation read in the audit trail and the API.
 */
import { formatInstant, type Instant } from '../../domain/time.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf } from '../caller.ts';
import { invalid, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { requireKnownActors } from '../shared/references.ts';

export type {
  EvacuationRecord,
  LocalAgreementRead,
  LocalAgreementRecord,
  PartyRecord,
  PlaceRecord,
} from '../../store/local-agreement.repository.ts';

/** The agreement as the caller sees it, locked for a change; 404 when hidden or missing. */
export async function lockVisibleAgreement(
  tx: Sql,
  caller: Caller,
  id: string,
): Promise<localAgreements.LocalAgreementRead> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => localAgreements.get(sql, id))))
    throw notFound('local agreement', id);
  await localAgreements.lock(tx, id);
  return (await localAgreements.get(tx, id))!;
}

/** Parties: at least one, each an actor of the world; mediators and guarantors an actor or a name. */
export async function requireParties(tx: Sql, parties: readonly localAgreements.PartyRecord[]): Promise<void> {
  if (!parties.some((p) => p.role === 'party')) throw invalid('parties', 'parties: name at least one party');
  parties.forEach((p, i) => {
    if (p.role === 'party' && p.actor === null)
      throw invalid(`parties[${i}].actor`, `parties[${i}].actor: a party is an actor of the world`);
  });
  const named = parties.flatMap((p) => (p.actor === null ? [] : [`${p.role}:${p.actor}`]));
  named.forEach((key, i) => {
    if (named.indexOf(key) !== i) throw invalid('parties', `parties: ${key.replace(':', ' ')} is named twice`);
  });
  await requireKnownActors(
    tx,
    parties.flatMap((p, i) => (p.actor === null ? [] : [{ path: `parties[${i}].actor`, id: p.actor }])),
  );
}

/**
 * The change of control that followed the agreement: the zone's control entry that starts at `at`
 * right where another ends (a change of control, as the rules define one), no earlier than the
 * day the agreement was concluded (in any timezone: from 00:00 at UTC+14).
 */
export async function requireChangeOfControl(tx: Sql, zoneId: string, at: Instant, concludedOn: string): Promise<void> {
  const zone = await zones.getRecord(tx, zoneId);
  const starts = zone?.control.some((e) => e.from === at) ?? false;
  const follows = zone?.control.some((p) => p.to === at) ?? false;
  if (!starts || !follows)
    throw invalid(
      'control_change_at',
      `control_change_at: the zone's control does not change hands at ${formatInstant(at)}`,
    );
  if (at < Date.parse(`${concludedOn}T00:00:00+14:00`))
    throw invalid('control_change_at', 'control_change_at: the change of control must follow the agreement');
}

/** A zone the caller may see; one it may not see is as unknown as a missing one. */
export async function requireVisibleZone(tx: Sql, caller: Caller, id: string): Promise<void> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => zones.getRecord(sql, id))))
    throw invalid('zone_id', `zone_id: unknown zone "${id}"`);
}

const placeView = (p: localAgreements.PlaceRecord) => ({ name: p.name, name_ar: p.nameAr });

/** `local_agreement_id`, not `agreement_id`: in an audit entry that names an agreement of the truce (shared/audit.ts). */
export const evacuationView = (e: localAgreements.EvacuationRecord) => ({
  id: e.id,
  local_agreement_id: e.agreementId,
  status: e.status,
  started_on: e.startedOn,
  ended_on: e.endedOn,
  people: { fighters: e.fighters, civilians: e.civilians, wounded: e.wounded, total: e.total },
  origins: e.origins.map(placeView),
  destinations: e.destinations.map(placeView),
  source: e.source,
  note: e.note,
  recorded_at: new Date(e.recordedAt).toISOString(),
  recorded_by: e.recordedBy,
});

export const agreementView = (g: localAgreements.LocalAgreementRecord) => ({
  id: g.id,
  name: g.name,
  name_ar: g.nameAr,
  zone_id: g.zoneId,
  concluded_on: g.concludedOn,
  terms: g.terms,
  source: g.source,
  control_change_at: g.controlChangeAt === null ? null : formatInstant(g.controlChangeAt),
  classification: g.classification,
  owner_org: g.ownerOrg,
  parties: g.parties.map((p) => ({ role: p.role, actor: p.actor, name: p.name })),
});

/** An entry of the agreement's trail, under its classification (it names its zone: whoever may not see that does not see it). */
export function agreementChange(
  action: string,
  g: localAgreements.LocalAgreementRecord,
  before: unknown,
  after: Record<string, unknown>,
): Change {
  return {
    action,
    entity: 'local_agreement',
    entityId: g.id,
    classification: g.classification,
    ownerOrg: g.ownerOrg,
    before,
    after: { ...after, zone_id: g.zoneId },
  };
}
