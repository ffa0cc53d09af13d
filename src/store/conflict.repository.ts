/**
 * The stored conflicts of operation notices (migration 023). Written as the system, in the
 * transaction of the write that checked them; read as the reader, whose row-level security shows
 * a conflict only with an operation and a target it may see. A target owner's alerts come from a
 * security-definer function that gives the target, the clearance and the window, never the operation.
 */
import { randomUUID } from 'node:crypto';
import type { ConflictClosedReason } from '../contract/notices.ts';
import type { TargetKind } from '../domain/deconflict.ts';
import type { BBox, Geometry } from '../domain/geo.ts';
import type { Sql } from './database.ts';
import { type NotificationRecord, notificationOfRow, notificationsSelect } from './notification.repository.ts';
import { type SiteRecord, siteRecordOfRow } from './plan.repository.ts';
import { type PositionRecord, positionOfRow, positionsSelect } from './position.repository.ts';
import { ms, msOrNull, ts } from './rows.ts';

export interface NewConflict {
  operationId: string;
  targetKind: TargetKind;
  targetId: string;
  targetOwnerOrg: string | null;
  clearanceM: number;
  notified: boolean;
}

/** What a reader is shown of a target: it may see it (row-level security joined it). */
export interface TargetView {
  kind: TargetKind;
  id: string;
  name: string | null;
  /** A site's kind (hospital...), a position's kind (troops...); null for a movement. */
  subkind: string | null;
  /** An organization (notification, position) or an actor (protected site). */
  owner: string;
  geometry: Geometry;
  valid: { from: number; to: number | null };
}

export interface StoredConflict {
  id: string;
  operationId: string;
  target: TargetView;
  clearanceM: number;
  notified: boolean;
  computedAt: number;
}

export interface Alert {
  id: string;
  target: TargetView;
  clearanceM: number;
  window: { from: number; to: number | null };
  computedAt: number;
  closed: boolean;
}

/** The targets an operation may come near, by table. */
export interface Targets {
  sites: SiteRecord[];
  notifications: NotificationRecord[];
  positions: PositionRecord[];
}

/**
 * The protected sites, notifications and positions (not withdrawn) valid at some time of the
 * window whose widened box overlaps `reach` (migration 025): a superset of those within reach,
 * which the domain measures. One statement (one round trip): each table's rows as JSON, by id. As
 * the system, or as a reader (row-level security decides which it sees; the index answers through
 * the security-definer `truce_*_reaching`, whose ids the reader's query then reads).
 */
export async function listTargets(
  sql: Sql,
  window: { from: number; to: number | null },
  reach: BBox,
): Promise<Targets> {
  const inWindow = (alias: string) =>
    `(${alias}.valid_to is null or ${alias}.valid_to > $1) and ($2::timestamptz is null or ${alias}.valid_from < $2)`;
  const box = 'box(point($3::float8, $4::float8), point($5::float8, $6::float8))';
  const [row] = await sql.query<{ sites: unknown[]; notifications: unknown[]; positions: unknown[] }>(
    `select
       (select coalesce(json_agg(s order by s.id), '[]') from protected_sites s
          where ${inWindow('s')} and s.id in (select truce_sites_reaching(${box}))) as sites,
       (select coalesce(json_agg(x order by x.id), '[]') from (${notificationsSelect}
          where n.withdrawn_at is null and ${inWindow('n')} and n.id in (select truce_notifications_reaching(${box}))) x)
         as notifications,
       (select coalesce(json_agg(x order by x.id), '[]') from (${positionsSelect}
          where p.withdrawn_at is null and ${inWindow('p')} and p.id in (select truce_positions_reaching(${box}))) x)
         as positions`,
    [ts(window.from), ts(window.to), ...reach],
  );
  return {
    sites: (row?.sites ?? []).map((r) => siteRecordOfRow(r as Parameters<typeof siteRecordOfRow>[0])),
    notifications: (row?.notifications ?? []).map((r) =>
      notificationOfRow(r as Parameters<typeof notificationOfRow>[0]),
    ),
    positions: (row?.positions ?? []).map((r) => positionOfRow(r as Parameters<typeof positionOfRow>[0])),
  };
}

const CHECK_LOCK = 7_416_023; // any constant: "truce deconfliction checks"

/**
 * Serializes the checks until the transaction ends: a notice and a target written at the same time
 * (neither yet committed) would otherwise each miss the other. The second to take the lock reads
 * (read committed) what the first committed.
 */
export async function lockChecks(sql: Sql): Promise<void> {
  await sql.query('select pg_advisory_xact_lock($1)', [CHECK_LOCK]);
}

/** Closes the open conflicts of these operations (checked again, or withdrawn). */
export async function closeOfOperations(
  sql: Sql,
  operationIds: readonly string[],
  reason: ConflictClosedReason,
): Promise<void> {
  if (operationIds.length === 0) return;
  await sql.query(
    `update operation_conflicts set closed_at = now(), closed_reason = $2 where operation_id = any($1::text[]) and closed_at is null`,
    [operationIds, reason],
  );
}

/** Closes the open conflicts with a target; returns the operations they were of. */
export async function closeOfTarget(
  sql: Sql,
  kind: TargetKind,
  id: string,
  reason: ConflictClosedReason,
): Promise<string[]> {
  const rows = await sql.query<{ operation_id: string }>(
    `update operation_conflicts set closed_at = now(), closed_reason = $3
     where target_kind = $1 and target_id = $2 and closed_at is null returning operation_id`,
    [kind, id, reason],
  );
  return rows.map((r) => r.operation_id);
}

export async function insert(sql: Sql, conflicts: readonly NewConflict[]): Promise<void> {
  if (conflicts.length === 0) return;
  await sql.query(
    `insert into operation_conflicts (id, operation_id, target_kind, target_id, target_owner_org, clearance_m, notified)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::boolean[])`,
    [
      conflicts.map(() => `cfl-${randomUUID()}`),
      conflicts.map((c) => c.operationId),
      conflicts.map((c) => c.targetKind),
      conflicts.map((c) => c.targetId),
      conflicts.map((c) => c.targetOwnerOrg),
      conflicts.map((c) => c.clearanceM),
      conflicts.map((c) => c.notified),
    ],
  );
}

interface TargetColumns {
  target_kind: TargetKind;
  target_id: string;
  target_name: string | null;
  target_subkind: string | null;
  target_owner: string;
  target_geometry: Geometry;
  target_valid_from: Date;
  target_valid_to: Date | null;
}

/** The target's own record, joined as whoever runs the query may see it. */
const TARGET_COLUMNS = `coalesce(n.name, p.name) as target_name,
  coalesce(n.site_kind, p.kind, s.kind) as target_subkind,
  coalesce(n.owner_org, p.owner_org, s.owner) as target_owner,
  coalesce(n.geometry, p.geometry, s.geometry) as target_geometry,
  coalesce(n.valid_from, p.valid_from, s.valid_from) as target_valid_from,
  case when n.id is not null then n.valid_to when p.id is not null then p.valid_to else s.valid_to end as target_valid_to`;
const TARGET_JOINS = (alias: string) => `
  left join notifications n on ${alias}.target_kind in ('notification_site', 'movement') and n.id = ${alias}.target_id
  left join positions p on ${alias}.target_kind = 'position' and p.id = ${alias}.target_id
  left join protected_sites s on ${alias}.target_kind = 'protected_site' and s.id = ${alias}.target_id`;

const targetOf = (r: TargetColumns): TargetView => ({
  kind: r.target_kind,
  id: r.target_id,
  name: r.target_name,
  subkind: r.target_subkind,
  owner: r.target_owner,
  geometry: r.target_geometry,
  valid: { from: ms(r.target_valid_from), to: msOrNull(r.target_valid_to) },
});

/** The open conflicts of these operations that the connection may see, by clearance then target. */
export async function listOpen(sql: Sql, operationIds: readonly string[]): Promise<StoredConflict[]> {
  if (operationIds.length === 0) return [];
  const rows = await sql.query<
    TargetColumns & { id: string; operation_id: string; clearance_m: number; notified: boolean; computed_at: Date }
  >(
    `select c.id, c.operation_id, c.target_kind, c.target_id, c.clearance_m, c.notified, c.computed_at, ${TARGET_COLUMNS}
     from operation_conflicts c ${TARGET_JOINS('c')}
     where c.closed_at is null and c.operation_id = any($1::text[])
     order by c.operation_id, c.clearance_m, c.target_id, c.target_kind`,
    [operationIds],
  );
  // A target the connection may not see has no conflict it may see (the policy), so every join found its row.
  return rows
    .filter((r) => r.target_owner !== null)
    .map((r) => ({
      id: r.id,
      operationId: r.operation_id,
      target: targetOf(r),
      clearanceM: r.clearance_m,
      notified: r.notified,
      computedAt: ms(r.computed_at),
    }));
}

/** An open conflict of a notice planned during a time: the notice's outline beside it, its operation only if seen. */
export interface ConflictDuring extends StoredConflict {
  declaredBy: string;
  window: { from: number; to: number | null };
  /** Whether the connection may see the operation itself (else only its outline: the secretariat). */
  operationSeen: boolean;
}

/**
 * The open conflicts the connection may see of the notices planned at some time of `during`, nearest
 * first. The window and the declaring organization come from the operation when the connection may see
 * it, else from its outline (migration 023: the secretariat's only), never more of it.
 */
export async function listOpenDuring(sql: Sql, during: { from: number; to: number }): Promise<ConflictDuring[]> {
  const rows = await sql.query<
    TargetColumns & {
      id: string;
      operation_id: string;
      clearance_m: number;
      notified: boolean;
      computed_at: Date;
      declared_by: string;
      window_from: Date;
      window_to: Date | null;
      operation_seen: boolean;
    }
  >(
    `select c.id, c.operation_id, c.target_kind, c.target_id, c.clearance_m, c.notified, c.computed_at, ${TARGET_COLUMNS},
            x.owner_org as declared_by, x.window_from, x.window_to,
            exists (select 1 from operations o where o.id = c.operation_id) as operation_seen
     from operation_conflicts c ${TARGET_JOINS('c')}
     join (select id, owner_org, window_from, window_to from operations where owner_org is not null
           union select id, owner_org, window_from, window_to from truce_notice_outlines(null)) x on x.id = c.operation_id
     where c.closed_at is null and x.window_from < $2 and (x.window_to is null or x.window_to > $1)
     order by c.clearance_m, x.window_from, c.target_id, c.id`,
    [ts(during.from), ts(during.to)],
  );
  return rows
    .filter((r) => r.target_owner !== null)
    .map((r) => ({
      id: r.id,
      operationId: r.operation_id,
      target: targetOf(r),
      clearanceM: r.clearance_m,
      notified: r.notified,
      computedAt: ms(r.computed_at),
      declaredBy: r.declared_by,
      window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
      operationSeen: r.operation_seen,
    }));
}

/** The open conflicts (operation and target) of these operations, as the system: to tell which a check found anew. */
export async function openPairs(sql: Sql, operationIds: readonly string[]): Promise<Set<string>> {
  if (operationIds.length === 0) return new Set();
  const rows = await sql.query<{ operation_id: string; target_kind: string; target_id: string }>(
    `select operation_id, target_kind, target_id from operation_conflicts
      where closed_at is null and operation_id = any($1::text[])`,
    [operationIds],
  );
  return new Set(rows.map((r) => pairKey(r.operation_id, r.target_kind, r.target_id)));
}

/** The open conflicts of one target, as the system (operation ids). */
export async function openOfTarget(sql: Sql, kind: TargetKind, id: string): Promise<Set<string>> {
  const rows = await sql.query<{ operation_id: string }>(
    `select operation_id from operation_conflicts where closed_at is null and target_kind = $1 and target_id = $2`,
    [kind, id],
  );
  return new Set(rows.map((r) => r.operation_id));
}

export const pairKey = (operationId: string, kind: string, targetId: string) =>
  `${operationId}\u0000${kind}\u0000${targetId}`;

interface AlertRow extends TargetColumns {
  id: string;
  clearance_m: number;
  window_from: Date;
  window_to: Date | null;
  computed_at: Date;
  closed_at: Date | null;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  target: targetOf(r),
  clearanceM: r.clearance_m,
  window: { from: ms(r.window_from), to: msOrNull(r.window_to) },
  computedAt: ms(r.computed_at),
  closed: r.closed_at !== null,
});

/** The reader's organization's targets that an operation in force comes near: no operation named. */
export async function listAlerts(sql: Sql): Promise<Alert[]> {
  const rows = await sql.query<AlertRow>(
    `select a.*, ${TARGET_COLUMNS} from truce_deconfliction_alerts() a ${TARGET_JOINS('a')}
     order by a.window_from, a.clearance_m, a.target_id`,
  );
  return rows.filter((r) => r.target_owner !== null).map(toAlert);
}

/** The reader's organization's alerts from one operation (the latest of each target, open or closed). */
export async function listAlertsOf(sql: Sql, operationId: string): Promise<Alert[]> {
  const rows = await sql.query<AlertRow>(
    `select a.*, ${TARGET_COLUMNS} from truce_deconfliction_alerts_of($1) a ${TARGET_JOINS('a')} order by a.target_id`,
    [operationId],
  );
  return rows.filter((r) => r.target_owner !== null).map(toAlert);
}
