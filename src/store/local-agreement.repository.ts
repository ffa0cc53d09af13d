/**
 * Local agreements (reconciliations, surrender and evacuation deals) and their evacuations
 * (migration 028). Read as the reader: the policies show an agreement only with its zone, and its
 * parties and evacuations only with it.
 */
import type { Classification } from '../contract/access.ts';
import type { EvacuationStatus, LocalAgreementRole } from '../domain/siege.ts';
import type { Instant } from '../domain/time.ts';
import type { Sql } from './database.ts';
import { ms, msOrNull, ts } from './rows.ts';

export interface PartyRecord {
  role: LocalAgreementRole;
  /** An actor of the world; null for a mediator or guarantor known by name only. */
  actor: string | null;
  name: string | null;
}

export interface PlaceRecord {
  name: string;
  nameAr: string | null;
}

export interface LocalAgreementRecord {
  id: string;
  name: string;
  nameAr: string | null;
  zoneId: string;
  concludedOn: string;
  terms: string;
  source: string | null;
  /** The change of control that followed: when the zone's new control entry starts; null: none recorded. */
  controlChangeAt: Instant | null;
  classification: Classification;
  ownerOrg: string | null;
  parties: PartyRecord[];
}

export interface EvacuationRecord {
  id: string;
  agreementId: string;
  status: EvacuationStatus;
  startedOn: string;
  endedOn: string | null;
  fighters: number | null;
  civilians: number | null;
  wounded: number | null;
  total: number | null;
  origins: PlaceRecord[];
  destinations: PlaceRecord[];
  source: string | null;
  note: string;
  recordedAt: number;
  recordedBy: string | null;
}

export interface LocalAgreementRead extends LocalAgreementRecord {
  evacuations: EvacuationRecord[];
}

/** What a change of control's page and finding say of the agreement it came by. */
export interface AgreementMention {
  id: string;
  name: string;
  nameAr: string | null;
  concludedOn: string;
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

interface PlaceJson {
  name: string;
  name_ar: string | null;
}

interface EvacuationJson {
  id: string;
  agreement_id: string;
  status: EvacuationStatus;
  started_on: string;
  ended_on: string | null;
  fighters: number | null;
  civilians: number | null;
  wounded: number | null;
  total: number | null;
  origins: PlaceJson[];
  destinations: PlaceJson[];
  source: string | null;
  note: string;
  recorded_at: string;
  recorded_by: string | null;
}

const EVACUATION_JSON = (e: string) => `jsonb_build_object('id', ${e}.id, 'agreement_id', ${e}.agreement_id,
  'status', ${e}.status, 'started_on', ${DAY(`${e}.started_on`)}, 'ended_on', ${DAY(`${e}.ended_on`)},
  'fighters', ${e}.fighters, 'civilians', ${e}.civilians, 'wounded', ${e}.wounded, 'total', ${e}.total,
  'origins', ${e}.origins, 'destinations', ${e}.destinations, 'source', ${e}.source, 'note', ${e}.note,
  'recorded_at', ${e}.recorded_at, 'recorded_by', ${e}.recorded_by)`;

interface Row {
  id: string;
  name: string;
  name_ar: string | null;
  zone_id: string;
  concluded_on: string;
  terms: string;
  source: string | null;
  control_change_at: Date | null;
  classification: Classification;
  owner_org: string | null;
  parties: { role: LocalAgreementRole; actor: string | null; name: string | null }[];
  evacuations: EvacuationJson[];
}

const SELECT = `
  select g.id, g.name, g.name_ar, g.zone_id, ${DAY('g.concluded_on')} as concluded_on, g.terms, g.source,
    g.control_change_at, g.classification, g.owner_org,
    coalesce((select jsonb_agg(jsonb_build_object('role', p.role, 'actor', p.actor_id, 'name', p.name) order by p.position)
                from local_agreement_parties p where p.agreement_id = g.id), '[]') as parties,
    coalesce((select jsonb_agg(${EVACUATION_JSON('e')} order by e.started_on, e.recorded_at, e.id)
                from evacuations e where e.agreement_id = g.id), '[]') as evacuations
  from local_agreements g`;

const place = (p: PlaceJson): PlaceRecord => ({ name: p.name, nameAr: p.name_ar ?? null });

const toEvacuation = (e: EvacuationJson): EvacuationRecord => ({
  id: e.id,
  agreementId: e.agreement_id,
  status: e.status,
  startedOn: e.started_on,
  endedOn: e.ended_on,
  fighters: e.fighters,
  civilians: e.civilians,
  wounded: e.wounded,
  total: e.total,
  origins: e.origins.map(place),
  destinations: e.destinations.map(place),
  source: e.source,
  note: e.note,
  recordedAt: ms(e.recorded_at),
  recordedBy: e.recorded_by,
});

const toRead = (r: Row): LocalAgreementRead => ({
  id: r.id,
  name: r.name,
  nameAr: r.name_ar,
  zoneId: r.zone_id,
  concludedOn: r.concluded_on,
  terms: r.terms,
  source: r.source,
  controlChangeAt: msOrNull(r.control_change_at),
  classification: r.classification,
  ownerOrg: r.owner_org,
  parties: r.parties,
  evacuations: r.evacuations.map(toEvacuation),
});

export async function get(sql: Sql, id: string): Promise<LocalAgreementRead | null> {
  const [row] = await sql.query<Row>(`${SELECT} where g.id = $1`, [id]);
  return row ? toRead(row) : null;
}

/** The agreements the connection may see, by the day they were concluded; of one zone when given. */
export async function list(sql: Sql, filter: { zone?: string | undefined } = {}): Promise<LocalAgreementRead[]> {
  const order = 'order by g.concluded_on, g.id';
  const rows =
    filter.zone === undefined
      ? await sql.query<Row>(`${SELECT} ${order}`)
      : await sql.query<Row>(`${SELECT} where g.zone_id = $1 ${order}`, [filter.zone]);
  return rows.map(toRead);
}

/** The agreements the connection may see that the given changes of control (a zone at an instant) came by, keyed `zone@ms`. */
export async function forChanges(
  sql: Sql,
  changes: readonly { zone: string; at: Instant }[],
): Promise<Map<string, AgreementMention>> {
  const found = new Map<string, AgreementMention>();
  if (changes.length === 0) return found;
  const rows = await sql.query<{
    id: string;
    name: string;
    name_ar: string | null;
    zone_id: string;
    concluded_on: string;
    control_change_at: Date;
  }>(
    `select g.id, g.name, g.name_ar, g.zone_id, ${DAY('g.concluded_on')} as concluded_on, g.control_change_at
     from local_agreements g
     join unnest($1::text[], $2::timestamptz[]) as c(zone_id, at) on g.zone_id = c.zone_id and g.control_change_at = c.at
     order by g.concluded_on desc, g.id`,
    [changes.map((c) => c.zone), changes.map((c) => ts(c.at))],
  );
  for (const r of rows) {
    const key = changeKey(r.zone_id, ms(r.control_change_at));
    if (!found.has(key)) found.set(key, { id: r.id, name: r.name, nameAr: r.name_ar, concludedOn: r.concluded_on });
  }
  return found;
}

export const changeKey = (zone: string, at: Instant): string => `${zone}@${at}`;

/** Locks an agreement for a change (its row, whoever may see it: the caller's sight was checked before). */
export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from local_agreements where id = $1 for update', [id]);
}

export async function insert(sql: Sql, g: LocalAgreementRecord): Promise<void> {
  await sql.query(
    `insert into local_agreements (id, name, name_ar, zone_id, concluded_on, terms, source, control_change_at,
       classification, owner_org)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      g.id,
      g.name,
      g.nameAr,
      g.zoneId,
      g.concludedOn,
      g.terms,
      g.source,
      ts(g.controlChangeAt),
      g.classification,
      g.ownerOrg,
    ],
  );
  await replaceParties(sql, g.id, g.parties);
}

/** Its own fields as given (the zone and the classification stay). */
export async function update(sql: Sql, g: LocalAgreementRecord): Promise<void> {
  await sql.query(
    `update local_agreements set name = $2, name_ar = $3, concluded_on = $4, terms = $5, source = $6,
       control_change_at = $7 where id = $1`,
    [g.id, g.name, g.nameAr, g.concludedOn, g.terms, g.source, ts(g.controlChangeAt)],
  );
  await replaceParties(sql, g.id, g.parties);
}

async function replaceParties(sql: Sql, id: string, parties: readonly PartyRecord[]): Promise<void> {
  await sql.query('delete from local_agreement_parties where agreement_id = $1', [id]);
  for (const [i, p] of parties.entries())
    await sql.query(
      'insert into local_agreement_parties (agreement_id, position, role, actor_id, name) values ($1, $2, $3, $4, $5)',
      [id, i, p.role, p.actor, p.name],
    );
}

const placesJson = (places: readonly PlaceRecord[]): string =>
  JSON.stringify(places.map((p) => ({ name: p.name, name_ar: p.nameAr })));

export async function insertEvacuation(sql: Sql, e: EvacuationRecord): Promise<void> {
  await sql.query(
    `insert into evacuations (id, agreement_id, status, started_on, ended_on, fighters, civilians, wounded, total,
       origins, destinations, source, note, recorded_at, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15)`,
    [
      e.id,
      e.agreementId,
      e.status,
      e.startedOn,
      e.endedOn,
      e.fighters,
      e.civilians,
      e.wounded,
      e.total,
      placesJson(e.origins),
      placesJson(e.destinations),
      e.source,
      e.note,
      ts(e.recordedAt),
      e.recordedBy,
    ],
  );
}

export async function updateEvacuation(sql: Sql, e: EvacuationRecord): Promise<void> {
  await sql.query(
    `update evacuations set status = $2, started_on = $3, ended_on = $4, fighters = $5, civilians = $6, wounded = $7,
       total = $8, origins = $9::jsonb, destinations = $10::jsonb, source = $11, note = $12 where id = $1`,
    [
      e.id,
      e.status,
      e.startedOn,
      e.endedOn,
      e.fighters,
      e.civilians,
      e.wounded,
      e.total,
      placesJson(e.origins),
      placesJson(e.destinations),
      e.source,
      e.note,
    ],
  );
}
