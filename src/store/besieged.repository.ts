/**
 * Besieged and hard-to-reach areas (migration 028): the area (its own or its zone's), its
 * statuses and besiegers by day, its population estimates (every version; an estimate with no
 * area is an overall count) and the deliveries that reached it. Read as the reader: the policies
 * show an area only with its zone, and what hangs from it only with it.
 */
import type { Classification } from '../contract/access.ts';
import type { Area } from '../domain/geo.ts';
import type { BesiegedStatus } from '../domain/siege.ts';
import type { Sql } from './database.ts';
import { ms, ts } from './rows.ts';

export interface StatusRecord {
  since: string;
  status: BesiegedStatus;
  source: string | null;
}

export interface BesiegerRecord {
  actor: string;
  since: string | null;
}

export interface BesiegedAreaRecord {
  id: string;
  name: string;
  nameAr: string | null;
  /** The zone whose area it is, or null: it has an area of its own (`geometry`). */
  zoneId: string | null;
  /** Its own area; null when it is a zone's. */
  geometry: Area | null;
  classification: Classification;
  ownerOrg: string | null;
  /** By day, earliest first. */
  statuses: StatusRecord[];
  besiegers: BesiegerRecord[];
}

/** An area as read: with the area it covers (its own, or its zone's). */
export interface BesiegedAreaRead extends BesiegedAreaRecord {
  shape: Area;
}

export interface EstimateRecord {
  id: string;
  /** Null: every besieged location together (an overall count). */
  areaId: string | null;
  asOf: string;
  population: number;
  /** An overall count: how many locations it covers. */
  locations: number | null;
  source: string;
  note: string;
  classification: Classification;
  ownerOrg: string | null;
  recordedAt: number;
  recordedBy: string | null;
}

export interface DeliveryRecord {
  id: string;
  areaId: string;
  on: string;
  description: string;
  source: string;
  recordedAt: number;
  recordedBy: string | null;
  /** The convoy request whose delivery this is (convoyDeliveries), or null: recorded on the area. */
  convoy: { id: string; name: string; organizerOrg: string; beneficiariesReached: number | null } | null;
}

interface AreaRow {
  id: string;
  name: string;
  name_ar: string | null;
  zone_id: string | null;
  geometry: Area | null;
  shape: Area;
  classification: Classification;
  owner_org: string | null;
  statuses: StatusRecord[];
  besiegers: BesiegerRecord[];
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SELECT = `
  select a.id, a.name, a.name_ar, a.zone_id, a.geometry, coalesce(a.geometry, z.geometry) as shape,
    a.classification, a.owner_org,
    coalesce((select jsonb_agg(jsonb_build_object('since', ${DAY('s.since')}, 'status', s.status, 'source', s.source)
                order by s.since) from besieged_area_statuses s where s.area_id = a.id), '[]') as statuses,
    coalesce((select jsonb_agg(jsonb_build_object('actor', b.actor_id, 'since', ${DAY('b.since')}) order by b.position)
                from besieged_area_besiegers b where b.area_id = a.id), '[]') as besiegers
  from besieged_areas a left join zones z on z.id = a.zone_id`;

const toArea = (r: AreaRow): BesiegedAreaRead => ({
  id: r.id,
  name: r.name,
  nameAr: r.name_ar,
  zoneId: r.zone_id,
  geometry: r.geometry,
  shape: r.shape,
  classification: r.classification,
  ownerOrg: r.owner_org,
  statuses: r.statuses,
  besiegers: r.besiegers,
});

export async function get(sql: Sql, id: string): Promise<BesiegedAreaRead | null> {
  const [row] = await sql.query<AreaRow>(`${SELECT} where a.id = $1`, [id]);
  return row ? toArea(row) : null;
}

/** Every area the connection may see, by name. */
export async function list(sql: Sql): Promise<BesiegedAreaRead[]> {
  return (await sql.query<AreaRow>(`${SELECT} order by a.name, a.id`)).map(toArea);
}

/** Locks an area for a change (its row, whoever may see it: the caller's sight was checked before). */
export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from besieged_areas where id = $1 for update', [id]);
}

export async function insert(sql: Sql, a: BesiegedAreaRecord): Promise<void> {
  await sql.query(
    `insert into besieged_areas (id, name, name_ar, zone_id, geometry, classification, owner_org)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
    [
      a.id,
      a.name,
      a.nameAr,
      a.zoneId,
      a.geometry === null ? null : JSON.stringify(a.geometry),
      a.classification,
      a.ownerOrg,
    ],
  );
  for (const s of a.statuses) await putStatus(sql, a.id, s);
  await replaceBesiegers(sql, a.id, a.besiegers);
}

export async function rename(sql: Sql, id: string, name: string, nameAr: string | null): Promise<void> {
  await sql.query('update besieged_areas set name = $2, name_ar = $3 where id = $1', [id, name, nameAr]);
}

/** A status from a day; one already given for that day is replaced (the audit trail keeps it). */
export async function putStatus(sql: Sql, areaId: string, s: StatusRecord): Promise<void> {
  await sql.query(
    `insert into besieged_area_statuses (area_id, since, status, source) values ($1, $2, $3, $4)
     on conflict (area_id, since) do update set status = excluded.status, source = excluded.source`,
    [areaId, s.since, s.status, s.source],
  );
}

export async function replaceBesiegers(sql: Sql, areaId: string, besiegers: readonly BesiegerRecord[]): Promise<void> {
  await sql.query('delete from besieged_area_besiegers where area_id = $1', [areaId]);
  for (const [i, b] of besiegers.entries())
    await sql.query(
      'insert into besieged_area_besiegers (area_id, position, actor_id, since) values ($1, $2, $3, $4)',
      [areaId, i, b.actor, b.since],
    );
}

interface EstimateRow {
  id: string;
  area_id: string | null;
  as_of: string;
  population: number;
  locations: number | null;
  source: string;
  note: string;
  classification: Classification;
  owner_org: string | null;
  recorded_at: Date;
  recorded_by: string | null;
}

const toEstimate = (r: EstimateRow): EstimateRecord => ({
  id: r.id,
  areaId: r.area_id,
  asOf: r.as_of,
  population: r.population,
  locations: r.locations,
  source: r.source,
  note: r.note,
  classification: r.classification,
  ownerOrg: r.owner_org,
  recordedAt: ms(r.recorded_at),
  recordedBy: r.recorded_by,
});

const ESTIMATES = `select e.id, e.area_id, ${DAY('e.as_of')} as as_of, e.population, e.locations, e.source, e.note,
  e.classification, e.owner_org, e.recorded_at, e.recorded_by from population_estimates e`;

/** The estimates the connection may see: of one area, of every area (`'all'`), or the overall ones (null). */
export async function estimates(sql: Sql, of: string | null | 'all'): Promise<EstimateRecord[]> {
  const order = 'order by e.as_of, e.recorded_at, e.id';
  const rows =
    of === 'all'
      ? await sql.query<EstimateRow>(`${ESTIMATES} ${order}`)
      : of === null
        ? await sql.query<EstimateRow>(`${ESTIMATES} where e.area_id is null ${order}`)
        : await sql.query<EstimateRow>(`${ESTIMATES} where e.area_id = $1 ${order}`, [of]);
  return rows.map(toEstimate);
}

export async function insertEstimate(sql: Sql, e: EstimateRecord): Promise<void> {
  await sql.query(
    `insert into population_estimates (id, area_id, as_of, population, locations, source, note, classification,
       owner_org, recorded_at, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      e.id,
      e.areaId,
      e.asOf,
      e.population,
      e.locations,
      e.source,
      e.note,
      e.classification,
      e.ownerOrg,
      ts(e.recordedAt),
      e.recordedBy,
    ],
  );
}

interface DeliveryRow {
  id: string;
  area_id: string;
  delivered_on: string;
  description: string;
  source: string;
  recorded_at: Date;
  recorded_by: string | null;
}

const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  id: r.id,
  areaId: r.area_id,
  on: r.delivered_on,
  description: r.description,
  source: r.source,
  recordedAt: ms(r.recorded_at),
  recordedBy: r.recorded_by,
  convoy: null,
});

/** The deliveries the connection may see: to one area, or to every area (`'all'`), by day. */
export async function deliveries(sql: Sql, of: string | 'all'): Promise<DeliveryRecord[]> {
  const select = `select d.id, d.area_id, ${DAY('d.delivered_on')} as delivered_on, d.description, d.source,
    d.recorded_at, d.recorded_by from area_deliveries d`;
  const order = 'order by d.delivered_on, d.recorded_at, d.id';
  const rows =
    of === 'all'
      ? await sql.query<DeliveryRow>(`${select} ${order}`)
      : await sql.query<DeliveryRow>(`${select} where d.area_id = $1 ${order}`, [of]);
  return rows.map(toDelivery);
}

export async function insertDelivery(sql: Sql, d: Omit<DeliveryRecord, 'convoy'>): Promise<void> {
  await sql.query(
    `insert into area_deliveries (id, area_id, delivered_on, description, source, recorded_at, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [d.id, d.areaId, d.on, d.description, d.source, ts(d.recordedAt), d.recordedBy],
  );
}

/** A convoy request delivered, as the connection may see it: the day of its delivery and the places it was to reach. */
export interface ConvoyDelivery {
  id: string;
  name: string;
  /** When the delivery happened. */
  at: number;
  organizer: string;
  organizerOrg: string;
  beneficiariesReached: number | null;
  recordedAt: number;
  recordedBy: string | null;
  /** Its destinations, but those an approver left out. */
  destinations: { lon: number; lat: number }[];
}

/** The convoy requests delivered that the connection may see (RLS: their organizer, the parties asked, the secretariat). */
export async function convoyDeliveries(sql: Sql): Promise<ConvoyDelivery[]> {
  const rows = await sql.query<{
    id: string;
    name: string;
    at: Date;
    organizer: string;
    organizer_org: string;
    beneficiaries_reached: number | null;
    recorded_at: Date;
    recorded_by: string | null;
    destinations: { lon: number; lat: number }[] | null;
  }>(
    `select c.id, c.name, s.at, coalesce(o.name, c.organizer_org) as organizer, c.organizer_org,
       c.beneficiaries_reached, s.recorded_at, s.username as recorded_by,
       (select json_agg(json_build_object('lon', d.lon, 'lat', d.lat) order by d.position)
          from convoy_requests_destinations d
         where d.request_id = c.id
           and not exists (select 1 from convoy_requests_decisions x
                            where x.request_id = c.id and d.position = any(x.excluded_destinations))) as destinations
     from convoy_requests c
     join convoy_requests_steps s on s.request_id = c.id and s.step = 'deliver'
     left join organizations o on o.id = c.organizer_org
     where c.state = 'delivered'
     order by s.at, c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    at: ms(r.at),
    organizer: r.organizer,
    organizerOrg: r.organizer_org,
    beneficiariesReached: r.beneficiaries_reached,
    recordedAt: ms(r.recorded_at),
    recordedBy: r.recorded_by,
    destinations: r.destinations ?? [],
  }));
}

/** The latest day any figure the connection may see speaks of (a status, a besieger, an estimate, a delivery); null: none. */
export async function latestDay(sql: Sql): Promise<string | null> {
  const [row] = await sql.query<{ day: string | null }>(
    `select ${DAY('max(d)')} as day from (
       select max(since) as d from besieged_area_statuses
       union all select max(since) from besieged_area_besiegers
       union all select max(as_of) from population_estimates
       union all select max(delivered_on) from area_deliveries) x`,
  );
  return row?.day ?? null;
}
