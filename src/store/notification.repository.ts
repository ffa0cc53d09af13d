/**
 * Humanitarian notifications and their recipients' acknowledgements. Read as the reader:
 * migration 020's policies show a notification to its owner, its recipients and the secretariat
 * only. Each read also gives the database's clock, against which a deadline is judged.
 */
import type { NotificationSubject, SiteKind } from '../contract/notifications.ts';
import type { Geometry, Position } from '../domain/geo.ts';
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

export interface Recipient {
  orgId: string;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
}

export interface NotificationRecord {
  id: string;
  ownerOrg: string;
  subject: NotificationSubject;
  siteKind: SiteKind | null;
  name: string;
  geometry: Geometry;
  bufferM: number;
  vehicles: string;
  cargo: string;
  valid: { from: number; to: number };
  acknowledgeBy: number;
  period: number;
  createdAt: number;
  createdBy: string | null;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
  recipients: Recipient[];
}

/** A notification as read, with the database's clock at the read. */
export interface NotificationRead {
  notification: NotificationRecord;
  now: number;
}

interface Row {
  id: string;
  owner_org: string;
  subject: NotificationSubject;
  site_kind: SiteKind | null;
  name: string;
  geometry: Geometry;
  buffer_m: number;
  vehicles: string;
  cargo: string;
  valid_from: Date;
  valid_to: Date;
  acknowledge_by: Date;
  period: number;
  created_at: Date;
  created_by: string | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  recipients: { org_id: string; acknowledged_at: string | null; acknowledged_by: string | null }[] | null;
  db_now: Date;
}

const SELECT = `select n.*, now() as db_now,
  (select coalesce(json_agg(json_build_object('org_id', r.org_id, 'acknowledged_at', r.acknowledged_at,
            'acknowledged_by', r.acknowledged_by) order by r.org_id), '[]'::json)
   from notification_recipients r where r.notification_id = n.id) as recipients
  from notifications n`;

const toRecord = (r: Row): NotificationRecord => ({
  id: r.id,
  ownerOrg: r.owner_org,
  subject: r.subject,
  siteKind: r.site_kind,
  name: r.name,
  geometry: r.geometry,
  bufferM: r.buffer_m,
  vehicles: r.vehicles,
  cargo: r.cargo,
  valid: { from: ms(r.valid_from), to: ms(r.valid_to) },
  acknowledgeBy: ms(r.acknowledge_by),
  period: r.period,
  createdAt: ms(r.created_at),
  createdBy: r.created_by,
  withdrawnAt: msOrNull(r.withdrawn_at),
  withdrawnBy: r.withdrawn_by,
  recipients: (r.recipients ?? []).map((x) => ({
    orgId: x.org_id,
    acknowledgedAt: msOrNull(x.acknowledged_at),
    acknowledgedBy: x.acknowledged_by,
  })),
});
/** For a read that gathers notifications with other rows in one statement (conflict.repository.ts, `listTargets`). */
export const notificationsSelect = SELECT;
export const notificationOfRow = toRecord;

export async function get(sql: Sql, id: string): Promise<NotificationRead | null> {
  const [row] = await sql.query<Row>(`${SELECT} where n.id = $1`, [id]);
  return row ? { notification: toRecord(row), now: ms(row.db_now) } : null;
}

export interface NotificationFilter {
  /** sent: the reader's organization's own; received: those it is a recipient of. */
  box?: 'sent' | 'received' | undefined;
  orgId: string;
}

/** The notifications the connection may see, newest first, and the database's clock. */
export async function listPage(
  sql: Sql,
  filter: NotificationFilter,
  page: PageRequest,
): Promise<Page<NotificationRecord> & { now: number }> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.box === 'sent') conditions.push(`n.owner_org = ${params.add(filter.orgId)}`);
  if (filter.box === 'received')
    conditions.push(
      `exists (select 1 from notification_recipients x where x.notification_id = n.id and x.org_id = ${params.add(filter.orgId)})`,
    );
  const { condition, tail } = keyset(params, ['n.created_at', 'n.id'], true, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<Row>(`${SELECT} ${whereAll(conditions)} ${tail}`, params.values);
  const now = rows[0] ? ms(rows[0].db_now) : await dbNow(sql);
  const taken = takePage(rows, page, (r) => [new Date(ms(r.created_at)).toISOString(), r.id]);
  return { items: taken.items.map(toRecord), next: taken.next, now };
}

export async function dbNow(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ now: Date }>('select now() as now');
  return ms(row!.now);
}

export async function insert(sql: Sql, n: NotificationRecord): Promise<void> {
  await sql.query(
    `insert into notifications (id, owner_org, subject, site_kind, name, geometry, buffer_m, vehicles, cargo,
       valid_from, valid_to, acknowledge_by, period, created_at, created_by)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      n.id,
      n.ownerOrg,
      n.subject,
      n.siteKind,
      n.name,
      JSON.stringify(n.geometry),
      n.bufferM,
      n.vehicles,
      n.cargo,
      ts(n.valid.from),
      ts(n.valid.to),
      ts(n.acknowledgeBy),
      n.period,
      ts(n.createdAt),
      n.createdBy,
    ],
  );
  for (const r of n.recipients)
    await sql.query('insert into notification_recipients (notification_id, org_id) values ($1, $2)', [n.id, r.orgId]);
}

/** Locks a notification for a change (its row, whoever may see it: the caller's sight was checked before). */
export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from notifications where id = $1 for update', [id]);
}

export async function acknowledge(sql: Sql, id: string, orgId: string, username: string): Promise<void> {
  await sql.query(
    `update notification_recipients set acknowledged_at = now(), acknowledged_by = $3
     where notification_id = $1 and org_id = $2`,
    [id, orgId, username],
  );
}

/** A new period: valid again from and to, a new deadline, and every recipient asked to acknowledge again. */
export async function renew(
  sql: Sql,
  id: string,
  valid: { from: number; to: number },
  acknowledgeBy: number,
): Promise<void> {
  await sql.query(
    `update notifications set valid_from = $2, valid_to = $3, acknowledge_by = $4, period = period + 1 where id = $1`,
    [id, ts(valid.from), ts(valid.to), ts(acknowledgeBy)],
  );
  await sql.query(
    'update notification_recipients set acknowledged_at = null, acknowledged_by = null where notification_id = $1',
    [id],
  );
}

export async function withdraw(sql: Sql, id: string, username: string): Promise<void> {
  await sql.query('update notifications set withdrawn_at = now(), withdrawn_by = $2 where id = $1', [id, username]);
}

/** The notifications the connection may see in force at some time of `during` (valid then, not withdrawn before it). */
export async function listDuring(sql: Sql, during: During): Promise<NotificationRecord[]> {
  const rows = await sql.query<Row>(
    `${SELECT} where n.valid_from < $2 and n.valid_to > $1 and (n.withdrawn_at is null or n.withdrawn_at > $1)
     order by n.valid_from, n.id`,
    [ts(during.from), ts(during.to)],
  );
  return rows.map(toRecord);
}

/**
 * The notifications the connection may see that were in force at some time of `during` (valid then,
 * and not withdrawn before it) and whose shape, widened by its buffer and `extraM`, may reach the
 * position: a superset, the domain measures. Sites only with `subject`. Oldest first.
 */
export async function listNear(
  sql: Sql,
  during: During,
  position: Position,
  extraM: number,
  subject?: NotificationSubject,
): Promise<NotificationRecord[]> {
  const params = new Params();
  const conditions = [
    `n.valid_from < ${params.add(ts(during.to))}`,
    `n.valid_to > ${params.add(ts(during.from))}`,
    `(n.withdrawn_at is null or n.withdrawn_at > ${params.add(ts(during.from))})`,
    jsonPointMayReach(params, 'n.geometry', position, `n.buffer_m + ${params.add(extraM)}::float8`),
  ];
  if (subject) conditions.push(`n.subject = ${params.add(subject)}`);
  const rows = await sql.query<Row>(`${SELECT} ${whereAll(conditions)} order by n.created_at, n.id`, params.values);
  return rows.map(toRecord);
}
