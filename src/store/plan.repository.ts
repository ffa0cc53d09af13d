/** What the parties are told in advance: protected sites, planned operations, convoys. */
import type { PlanFilter } from '../contract/lists.ts';
import type { Classification } from '../contract/access.ts';
import type { Geometry, Position } from '../domain/geo.ts';
import type { Convoy, Operation, ProtectedSite } from '../domain/model.ts';
import type { Sql } from './database.ts';
import {
  type During,
  jsonPointMayReach,
  keyset,
  type Page,
  type PageRequest,
  Params,
  takePage,
  whereAll,
} from './query.ts';
import { ms, msOrNull, ts } from './rows.ts';

interface Meta {
  classification: Classification;
  owner_org: string | null;
}
interface SiteRow extends Meta {
  id: string;
  kind: string;
  owner: string;
  geometry: Geometry;
  buffer_m: number;
  valid_from: Date;
  valid_to: Date | null;
  notified_to: string[];
}
interface OperationRow extends Meta {
  id: string;
  actor: string;
  kind: string;
  area: Geometry;
  radius_m: number;
  window_from: Date;
  window_to: Date | null;
  created_at: Date;
  withdrawn_at: Date | null;
}
interface ConvoyRow extends Meta {
  id: string;
  organizer: string;
  route: Geometry;
  window_from: Date;
  window_to: Date | null;
}

/** Who may read a plan, and the organization that owns it. */
export interface PlanMeta {
  classification: Classification;
  ownerOrg: string | null;
}
export type SiteRecord = ProtectedSite & PlanMeta;
/** An operation as stored: declared by an organization (`ownerOrg`) it is an operation notice, withdrawn or not. */
export type OperationRecord = Operation & PlanMeta & { withdrawnAt: number | null };
export type ConvoyRecord = Convoy & PlanMeta;

const toSite = (r: SiteRow): ProtectedSite => ({
  id: r.id,
  kind: r.kind,
  owner: r.owner,
  geometry: r.geometry,
  bufferM: r.buffer_m,
  valid: { from: ms(r.valid_from), to: msOrNull(r.valid_to) },
  notifiedTo: r.notified_to,
});
const toOperation = (r: OperationRow): Operation => ({
  id: r.id,
  actor: r.actor,
  kind: r.kind,
  area: r.area,
  radiusM: r.radius_m,
  window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
});
const toConvoy = (r: ConvoyRow): Convoy => ({
  id: r.id,
  organizer: r.organizer,
  route: r.route,
  window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
});
// Records: the meta first, the spread last (a leading spread followed by properties is slow in V8).
const toSiteRecord = (r: SiteRow): SiteRecord => ({
  classification: r.classification,
  ownerOrg: r.owner_org,
  ...toSite(r),
});
/** For a read that gathers protected sites with other rows in one statement (conflict.repository.ts, `listTargets`). */
export const siteRecordOfRow = toSiteRecord;
const toOperationRecord = (r: OperationRow): OperationRecord => ({
  classification: r.classification,
  ownerOrg: r.owner_org,
  withdrawnAt: msOrNull(r.withdrawn_at),
  ...toOperation(r),
});
const toConvoyRecord = (r: ConvoyRow): ConvoyRecord => ({
  classification: r.classification,
  ownerOrg: r.owner_org,
  ...toConvoy(r),
});

export async function listProtectedSites(sql: Sql): Promise<ProtectedSite[]> {
  return (await sql.query<SiteRow>('select * from protected_sites order by id')).map(toSite);
}

export async function listOperations(sql: Sql): Promise<Operation[]> {
  return (await sql.query<OperationRow>('select * from operations order by id')).map(toOperation);
}

export async function listConvoys(sql: Sql): Promise<Convoy[]> {
  return (await sql.query<ConvoyRow>('select * from convoys order by id')).map(toConvoy);
}

export async function upsertProtectedSite(sql: Sql, s: ProtectedSite): Promise<void> {
  await sql.query(
    `insert into protected_sites (id, kind, owner, geometry, buffer_m, valid_from, valid_to, notified_to)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     on conflict (id) do update set kind = excluded.kind, owner = excluded.owner, geometry = excluded.geometry,
       buffer_m = excluded.buffer_m, valid_from = excluded.valid_from, valid_to = excluded.valid_to, notified_to = excluded.notified_to`,
    [s.id, s.kind, s.owner, JSON.stringify(s.geometry), s.bufferM, ts(s.valid.from), ts(s.valid.to), s.notifiedTo],
  );
}

export async function upsertOperation(sql: Sql, o: Operation): Promise<void> {
  await sql.query(
    `insert into operations (id, actor, kind, area, radius_m, window_from, window_to) values ($1, $2, $3, $4::jsonb, $5, $6, $7)
     on conflict (id) do update set actor = excluded.actor, kind = excluded.kind, area = excluded.area,
       radius_m = excluded.radius_m, window_from = excluded.window_from, window_to = excluded.window_to`,
    [o.id, o.actor, o.kind, JSON.stringify(o.area), o.radiusM, ts(o.window.from), ts(o.window.to)],
  );
}

export async function upsertConvoy(sql: Sql, c: Convoy): Promise<void> {
  await sql.query(
    `insert into convoys (id, organizer, route, window_from, window_to) values ($1, $2, $3::jsonb, $4, $5)
     on conflict (id) do update set organizer = excluded.organizer, route = excluded.route,
       window_from = excluded.window_from, window_to = excluded.window_to`,
    [c.id, c.organizer, JSON.stringify(c.route), ts(c.window.from), ts(c.window.to)],
  );
}

interface PlanTable {
  table: string;
  actorColumn: string;
  kindColumn: string | null;
  fromColumn: string;
  toColumn: string;
}

async function searchPlans<Row extends Meta & { id: string }>(
  sql: Sql,
  t: PlanTable,
  filter: PlanFilter,
  page: PageRequest,
): Promise<Page<Row>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.actor) conditions.push(`${t.actorColumn} = ${params.add(filter.actor)}`);
  if (filter.kind && t.kindColumn) conditions.push(`${t.kindColumn} = ${params.add(filter.kind)}`);
  if (filter.to !== undefined) conditions.push(`${t.fromColumn} < ${params.add(ts(filter.to))}`);
  if (filter.from !== undefined)
    conditions.push(`(${t.toColumn} is null or ${t.toColumn} > ${params.add(ts(filter.from))})`);
  const { condition, tail } = keyset(params, ['id'], false, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<Row>(`select * from ${t.table} ${whereAll(conditions)} ${tail}`, params.values);
  return takePage(rows, page, (r) => [r.id]);
}

const SITES: PlanTable = {
  table: 'protected_sites',
  actorColumn: 'owner',
  kindColumn: 'kind',
  fromColumn: 'valid_from',
  toColumn: 'valid_to',
};
const OPERATIONS: PlanTable = {
  table: 'operations',
  actorColumn: 'actor',
  kindColumn: 'kind',
  fromColumn: 'window_from',
  toColumn: 'window_to',
};
const CONVOYS: PlanTable = {
  table: 'convoys',
  actorColumn: 'organizer',
  kindColumn: null,
  fromColumn: 'window_from',
  toColumn: 'window_to',
};

const mapPage = <R, T>(page: Page<R>, fn: (row: R) => T): Page<T> => ({ items: page.items.map(fn), next: page.next });

export async function listProtectedSitePage(
  sql: Sql,
  filter: PlanFilter,
  page: PageRequest,
): Promise<Page<SiteRecord>> {
  return mapPage(await searchPlans<SiteRow>(sql, SITES, filter, page), toSiteRecord);
}

export async function listOperationPage(
  sql: Sql,
  filter: PlanFilter,
  page: PageRequest,
): Promise<Page<OperationRecord>> {
  return mapPage(await searchPlans<OperationRow>(sql, OPERATIONS, filter, page), toOperationRecord);
}

export async function listConvoyPage(sql: Sql, filter: PlanFilter, page: PageRequest): Promise<Page<ConvoyRecord>> {
  return mapPage(await searchPlans<ConvoyRow>(sql, CONVOYS, filter, page), toConvoyRecord);
}

export async function getProtectedSite(sql: Sql, id: string): Promise<SiteRecord | null> {
  const [row] = await sql.query<SiteRow>('select * from protected_sites where id = $1', [id]);
  return row ? toSiteRecord(row) : null;
}

export async function getOperation(sql: Sql, id: string): Promise<OperationRecord | null> {
  const [row] = await sql.query<OperationRow>('select * from operations where id = $1', [id]);
  return row ? toOperationRecord(row) : null;
}

export async function getConvoy(sql: Sql, id: string): Promise<ConvoyRecord | null> {
  const [row] = await sql.query<ConvoyRow>('select * from convoys where id = $1', [id]);
  return row ? toConvoyRecord(row) : null;
}

/** The ids of the protected sites the connection may see. */
export async function protectedSiteIds(sql: Sql): Promise<Set<string>> {
  return new Set((await sql.query<{ id: string }>('select id from protected_sites')).map((r) => r.id));
}

/** Inserts a new site; false when the id is taken. */
export async function insertProtectedSite(sql: Sql, s: SiteRecord): Promise<boolean> {
  const rows = await sql.query(
    `insert into protected_sites (id, kind, owner, geometry, buffer_m, valid_from, valid_to, notified_to, classification, owner_org)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning id`,
    [
      s.id,
      s.kind,
      s.owner,
      JSON.stringify(s.geometry),
      s.bufferM,
      ts(s.valid.from),
      ts(s.valid.to),
      s.notifiedTo,
      s.classification,
      s.ownerOrg,
    ],
  );
  return rows.length > 0;
}

export async function insertOperation(sql: Sql, o: OperationRecord): Promise<boolean> {
  const rows = await sql.query(
    `insert into operations (id, actor, kind, area, radius_m, window_from, window_to, classification, owner_org)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) on conflict (id) do nothing returning id`,
    [
      o.id,
      o.actor,
      o.kind,
      JSON.stringify(o.area),
      o.radiusM,
      ts(o.window.from),
      ts(o.window.to),
      o.classification,
      o.ownerOrg,
    ],
  );
  return rows.length > 0;
}

export async function insertConvoy(sql: Sql, c: ConvoyRecord): Promise<boolean> {
  const rows = await sql.query(
    `insert into convoys (id, organizer, route, window_from, window_to, classification, owner_org)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7) on conflict (id) do nothing returning id`,
    [c.id, c.organizer, JSON.stringify(c.route), ts(c.window.from), ts(c.window.to), c.classification, c.ownerOrg],
  );
  return rows.length > 0;
}

/** Protected sites valid at some time of `during` (half-open). As the connection may see them. */
export async function listSitesDuring(sql: Sql, during: During): Promise<SiteRecord[]> {
  const rows = await sql.query<SiteRow>(
    `select * from protected_sites where valid_from < $2 and (valid_to is null or valid_to > $1) order by id`,
    [ts(during.from), ts(during.to)],
  );
  return rows.map(toSiteRecord);
}

/**
 * Operations planned at some time of `during` and not withdrawn before it starts, as the connection
 * may see them (a notice whose classification hides it is not there, not even as an outline).
 */
export async function listOperationsDuring(sql: Sql, during: During): Promise<OperationRecord[]> {
  const rows = await sql.query<OperationRow>(
    `select * from operations
      where window_from < $2 and (window_to is null or window_to > $1) and (withdrawn_at is null or withdrawn_at > $1)
      order by window_from, id`,
    [ts(during.from), ts(during.to)],
  );
  return rows.map(toOperationRecord);
}

/** Operation notices in force: declared by an organization, not withdrawn, their window not ended (the database's clock). */
export async function listNoticesInForce(sql: Sql): Promise<OperationRecord[]> {
  const rows = await sql.query<OperationRow>(
    `select * from operations where owner_org is not null and withdrawn_at is null and (window_to is null or window_to > now())
     order by id`,
  );
  return rows.map(toOperationRecord);
}

export interface NoticeFilter {
  /** mine: declared by the reader's organization; left out: every notice the reader may see (the secretariat: all). */
  box?: 'mine' | undefined;
  orgId: string;
}

/** What is said of every notice to the secretariat, its operation's detail withheld when its classification hides it. */
export interface NoticeOutline {
  id: string;
  ownerOrg: string;
  window: { from: number; to: number | null };
  withdrawnAt: number | null;
  declaredAt: number;
}

export interface NoticeRow {
  outline: NoticeOutline;
  /** Null: the operation's classification hides it from the reader (the secretariat reads its outline only). */
  operation: OperationRecord | null;
}

interface OutlineRow {
  id: string;
  owner_org: string;
  window_from: Date;
  window_to: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
}
const toOutline = (r: OutlineRow): NoticeOutline => ({
  id: r.id,
  ownerOrg: r.owner_org,
  window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
  withdrawnAt: msOrNull(r.withdrawn_at),
  declaredAt: ms(r.created_at),
});
const OUTLINE = 'id, owner_org, window_from, window_to, withdrawn_at, created_at';

/**
 * Operation notices (operations declared by an organization), newest first: those the connection
 * may see, and for the secretariat the outline of every other (migration 023, truce_notice_outlines).
 */
export async function listNoticePage(sql: Sql, filter: NoticeFilter, page: PageRequest): Promise<Page<NoticeRow>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.box === 'mine') conditions.push(`n.owner_org = ${params.add(filter.orgId)}`);
  const { condition, tail } = keyset(params, ['n.created_at', 'n.id'], true, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<OutlineRow>(
    `select n.* from (select ${OUTLINE} from operations where owner_org is not null
                      union select ${OUTLINE} from truce_notice_outlines(null)) n ${whereAll(conditions)} ${tail}`,
    params.values,
  );
  const taken = takePage(rows, page, (r) => [new Date(ms(r.created_at)).toISOString(), r.id]);
  const ids = taken.items.map((r) => r.id);
  const seen = new Map(
    (await sql.query<OperationRow>('select * from operations where id = any($1::text[])', [ids])).map((r) => [
      r.id,
      toOperationRecord(r),
    ]),
  );
  return {
    items: taken.items.map((r) => ({ outline: toOutline(r), operation: seen.get(r.id) ?? null })),
    next: taken.next,
  };
}

/** The outline of one notice, for the secretariat only (null for anyone else). */
export async function getNoticeOutline(sql: Sql, id: string): Promise<NoticeOutline | null> {
  const [row] = await sql.query<OutlineRow>(`select ${OUTLINE} from truce_notice_outlines($1::text[])`, [[id]]);
  return row ? toOutline(row) : null;
}

/** Locks an operation for a change (its row: the caller's sight was checked before). */
export async function lockOperation(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from operations where id = $1 for update', [id]);
}

/** A notice's reach changed: its area, radius and window. */
export async function updateOperationReach(
  sql: Sql,
  id: string,
  o: Pick<Operation, 'area' | 'radiusM' | 'window'>,
): Promise<void> {
  await sql.query(
    'update operations set area = $2::jsonb, radius_m = $3, window_from = $4, window_to = $5, updated_at = now() where id = $1',
    [id, JSON.stringify(o.area), o.radiusM, ts(o.window.from), ts(o.window.to)],
  );
}

export async function withdrawOperation(sql: Sql, id: string, username: string): Promise<void> {
  await sql.query('update operations set withdrawn_at = now(), withdrawn_by = $2, updated_at = now() where id = $1', [
    id,
    username,
  ]);
}

// ---- Near a place and a time (an incident's notified sites, its post-incident review). Each gives
// a superset, read as the reader: what was in force at some time of `during` and whose shape, widened
// by its own reach and `extraM`, may come near the position; the domain measures the exact distance.

async function listNear<Row extends Meta>(
  sql: Sql,
  t: PlanTable & { shape: string; reach: string },
  during: During,
  position: Position,
  extraM: number,
): Promise<Row[]> {
  const params = new Params();
  const conditions = [
    `${t.fromColumn} < ${params.add(ts(during.to))}`,
    `${t.toColumn} is null or ${t.toColumn} > ${params.add(ts(during.from))}`,
    jsonPointMayReach(params, t.shape, position, `${t.reach} + ${params.add(extraM)}::float8`),
  ].map((c) => `(${c})`);
  return sql.query<Row>(`select * from ${t.table} ${whereAll(conditions)} order by id`, params.values);
}

/** The protected sites in force during `during` whose buffer, widened by `extraM`, may reach the position. */
export async function listSitesNear(
  sql: Sql,
  during: During,
  position: Position,
  extraM: number,
): Promise<SiteRecord[]> {
  const rows = await listNear<SiteRow>(
    sql,
    { ...SITES, shape: 'geometry', reach: 'buffer_m' },
    during,
    position,
    extraM,
  );
  return rows.map(toSiteRecord);
}

/** The operations planned during `during` whose area and radius, widened by `extraM`, may reach the position. */
export async function listOperationsNear(
  sql: Sql,
  during: During,
  position: Position,
  extraM: number,
): Promise<OperationRecord[]> {
  const rows = await listNear<OperationRow>(
    sql,
    { ...OPERATIONS, shape: 'area', reach: 'radius_m' },
    during,
    position,
    extraM,
  );
  return rows.map(toOperationRecord);
}

/** The convoys planned during `during` (their routes are lines: the domain measures each). */
export async function listConvoysNear(
  sql: Sql,
  during: During,
  position: Position,
  extraM: number,
): Promise<ConvoyRecord[]> {
  const rows = await listNear<ConvoyRow>(sql, { ...CONVOYS, shape: 'route', reach: '0' }, during, position, extraM);
  return rows.map(toConvoyRecord);
}
