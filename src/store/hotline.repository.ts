/**
 * The hotline's threads, recipients and timelines (migration 021). Reads run as the reader: a thread
 * shows only to its opener, its recipients and the secretariat, and its links only to whoever may see
 * the record linked. Times come from the database clock (now()), never the server's.
 */
import type { HotlineEntryKind, HotlinePriority } from '../contract/hotline.ts';
import type { BBox } from '../domain/geo.ts';
import type { Instant } from '../domain/time.ts';
import { type During, Params, pointInBox } from './query.ts';
import { ms, msOrNull, ts } from './rows.ts';
import type { Sql } from './sql.ts';

export interface HotlineRecipient {
  org: string;
  acknowledgedAt: Instant | null;
  acknowledgedBy: string | null;
}

export interface HotlineEntry {
  seq: number;
  at: Instant;
  kind: HotlineEntryKind;
  org: string | null;
  userId: string | null;
  body: string | null;
  level: number | null;
}

export interface HotlineThread {
  id: string;
  openedByOrg: string;
  subject: string;
  priority: HotlinePriority;
  location: { lon: number; lat: number } | null;
  links: string[];
  openedAt: Instant;
  ackDueAt: Instant;
  secondDueAt: Instant;
  escalatedAt: Instant | null;
  escalatedAgainAt: Instant | null;
  resolvedAt: Instant | null;
  resolvedByOrg: string | null;
  recipients: HotlineRecipient[];
  /** The database's clock when read, so that a countdown starts from the server's time. */
  readAt: Instant;
}

interface ThreadRow {
  id: string;
  opened_by_org: string;
  subject: string;
  priority: HotlinePriority;
  lon: number | null;
  lat: number | null;
  links: string[];
  opened_at: Date;
  ack_due_at: Date;
  second_due_at: Date;
  escalated_at: Date | null;
  escalated_again_at: Date | null;
  resolved_at: Date | null;
  resolved_by_org: string | null;
  recipients: { org: string; acknowledged_at: string | null; acknowledged_by: string | null }[];
  read_at: Date;
}

// Links to records the reader may not see are left out (truce_record_visible runs as the reader).
const THREAD_COLUMNS = `t.id, t.opened_by_org, t.subject, t.priority, t.lon, t.lat,
  array(select l from unnest(t.links) as l where truce_record_visible(split_part(l, ':', 1), substr(l, strpos(l, ':') + 1))) as links,
  t.opened_at, t.ack_due_at, t.second_due_at, t.escalated_at, t.escalated_again_at, t.resolved_at, t.resolved_by_org,
  coalesce((select json_agg(json_build_object('org', r.org_id, 'acknowledged_at', r.acknowledged_at,
                                              'acknowledged_by', r.acknowledged_by) order by r.org_id)
              from hotline_recipients r where r.thread_id = t.id), '[]') as recipients,
  now() as read_at`;

const toThread = (r: ThreadRow): HotlineThread => ({
  id: r.id,
  openedByOrg: r.opened_by_org,
  subject: r.subject,
  priority: r.priority,
  location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
  links: r.links,
  openedAt: ms(r.opened_at),
  ackDueAt: ms(r.ack_due_at),
  secondDueAt: ms(r.second_due_at),
  escalatedAt: msOrNull(r.escalated_at),
  escalatedAgainAt: msOrNull(r.escalated_again_at),
  resolvedAt: msOrNull(r.resolved_at),
  resolvedByOrg: r.resolved_by_org,
  recipients: r.recipients.map((x) => ({
    org: x.org,
    acknowledgedAt: msOrNull(x.acknowledged_at),
    acknowledgedBy: x.acknowledged_by,
  })),
  readAt: ms(r.read_at),
});

export async function get(sql: Sql, id: string): Promise<HotlineThread | null> {
  const [row] = await sql.query<ThreadRow>(`select ${THREAD_COLUMNS} from hotline_threads t where t.id = $1`, [id]);
  return row ? toThread(row) : null;
}

/** Locks a thread for a change; false when there is none (or the reader may not see it). */
export async function lock(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query(`select 1 from hotline_threads where id = $1 for update`, [id])).length > 0;
}

/** The threads the reader may see: open ones first, then the newest. */
export async function list(sql: Sql, options: { open?: boolean; limit: number }): Promise<HotlineThread[]> {
  const rows = await sql.query<ThreadRow>(
    `select ${THREAD_COLUMNS} from hotline_threads t
      where ($1::boolean is null or (t.resolved_at is null) = $1)
      order by (t.resolved_at is null) desc, t.opened_at desc, t.id limit $2`,
    [options.open ?? null, options.limit],
  );
  return rows.map(toThread);
}

interface EntryRow {
  thread_id: string;
  seq: string;
  at: Date;
  kind: HotlineEntryKind;
  org_id: string | null;
  user_id: string | null;
  body: string | null;
  level: number | null;
}

const toEntry = (r: EntryRow): HotlineEntry => ({
  seq: Number(r.seq),
  at: ms(r.at),
  kind: r.kind,
  org: r.org_id,
  userId: r.user_id,
  body: r.body,
  level: r.level,
});

export async function entries(sql: Sql, threadId: string): Promise<HotlineEntry[]> {
  const rows = await sql.query<EntryRow>(
    `select thread_id, seq, at, kind, org_id, user_id, body, level from hotline_entries where thread_id = $1 order by seq`,
    [threadId],
  );
  return rows.map(toEntry);
}

/** The timelines of several threads (those the reader may see), by thread. */
export async function entriesOfThreads(sql: Sql, threadIds: readonly string[]): Promise<Map<string, HotlineEntry[]>> {
  const out = new Map<string, HotlineEntry[]>(threadIds.map((id) => [id, []]));
  if (threadIds.length === 0) return out;
  const rows = await sql.query<EntryRow>(
    `select thread_id, seq, at, kind, org_id, user_id, body, level from hotline_entries
      where thread_id = any($1::text[]) order by seq`,
    [threadIds],
  );
  for (const r of rows) out.get(r.thread_id)?.push(toEntry(r));
  return out;
}

/**
 * The threads the reader may see that are linked to a record (`entity:id`), or that were opened
 * during `during` at a position inside the box (a superset: the caller measures the distance).
 * The linked ones first, then oldest first; at most `limit`.
 */
export async function listNear(
  sql: Sql,
  link: string,
  during: During,
  box: BBox,
  limit: number,
): Promise<HotlineThread[]> {
  const params = new Params();
  const linked = `${params.add(link)} = any(t.links)`;
  const rows = await sql.query<ThreadRow>(
    `select ${THREAD_COLUMNS} from hotline_threads t
      where ${linked}
         or (t.opened_at >= ${params.add(ts(during.from))} and t.opened_at < ${params.add(ts(during.to))}
             and ${pointInBox(params, { lon: 't.lon', lat: 't.lat' }, box)})
      order by (${linked}) desc, t.opened_at, t.id limit ${params.add(limit)}`,
    params.values,
  );
  return rows.map(toThread);
}

export interface NewThread {
  id: string;
  openedByOrg: string;
  openedByUser: string;
  subject: string;
  priority: HotlinePriority;
  location: { lon: number; lat: number } | null;
  links: string[];
  recipients: string[];
  ackMinutes: number;
  secondMinutes: number;
  message: string;
}

/** A new thread, its recipients and its first entry, the deadlines counted from the database's now(). */
export async function insert(sql: Sql, t: NewThread): Promise<void> {
  await sql.query(
    `insert into hotline_threads (id, opened_by_org, opened_by_user, subject, priority, lon, lat, links, ack_due_at, second_due_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(mins => $9), now() + make_interval(mins => $10))`,
    [
      t.id,
      t.openedByOrg,
      t.openedByUser,
      t.subject,
      t.priority,
      t.location?.lon ?? null,
      t.location?.lat ?? null,
      t.links,
      t.ackMinutes,
      t.secondMinutes,
    ],
  );
  await sql.query(`insert into hotline_recipients (thread_id, org_id) select $1, unnest($2::text[])`, [
    t.id,
    t.recipients,
  ]);
  await appendEntry(sql, t.id, 'opened', t.openedByOrg, t.openedByUser, t.message);
}

export async function appendEntry(
  sql: Sql,
  threadId: string,
  kind: HotlineEntryKind,
  org: string | null,
  userId: string | null,
  body: string | null,
  level: number | null = null,
): Promise<void> {
  await sql.query(
    `insert into hotline_entries (thread_id, kind, org_id, user_id, body, level) values ($1, $2, $3, $4, $5, $6)`,
    [threadId, kind, org, userId, body, level],
  );
}

/** A recipient's acknowledgement; false when it had acknowledged already. */
export async function acknowledge(sql: Sql, threadId: string, org: string, userId: string): Promise<boolean> {
  const rows = await sql.query(
    `update hotline_recipients set acknowledged_at = now(), acknowledged_by = $3
      where thread_id = $1 and org_id = $2 and acknowledged_at is null returning 1`,
    [threadId, org, userId],
  );
  return rows.length > 0;
}

export async function resolve(sql: Sql, threadId: string, org: string): Promise<void> {
  await sql.query(`update hotline_threads set resolved_at = now(), resolved_by_org = $2 where id = $1`, [
    threadId,
    org,
  ]);
}

export interface Escalation {
  threadId: string;
  level: 1 | 2;
  /** The recipients still silent. */
  silent: string[];
  links: string[];
}

/**
 * Claims the escalations that have come due by the database's clock: a thread not resolved, past its
 * deadline, with a recipient who has not acknowledged, and not escalated at that level yet. The claim
 * is the update of `escalated_at` (or `escalated_again_at`) where it is still null: when two servers
 * sweep at once, PostgreSQL makes the second wait for the first and then finds the column set, so each
 * escalation is claimed once. Writes its timeline entries in the same transaction.
 */
export async function claimDueEscalations(sql: Sql): Promise<Escalation[]> {
  const out: Escalation[] = [];
  for (const [level, due, done] of [
    [1, 'ack_due_at', 'escalated_at'],
    [2, 'second_due_at', 'escalated_again_at'],
  ] as const) {
    const rows = await sql.query<{ id: string; silent: string[]; links: string[] }>(
      `update hotline_threads t set ${done} = now()
        where t.${done} is null and t.resolved_at is null and t.${due} <= now()
          and exists (select 1 from hotline_recipients r where r.thread_id = t.id and r.acknowledged_at is null)
        returning t.id, t.links, array(select r.org_id from hotline_recipients r
                               where r.thread_id = t.id and r.acknowledged_at is null order by r.org_id) as silent`,
    );
    for (const r of rows) {
      await appendEntry(sql, r.id, 'escalated', null, null, null, level);
      out.push({ threadId: r.id, level, silent: r.silent, links: r.links });
    }
  }
  return out;
}

export interface PartyTimes {
  org: string;
  acknowledged: number;
  ackMedianSeconds: number | null;
  ackSlowestSeconds: number | null;
  resolved: number;
  resolveMedianSeconds: number | null;
  resolveSlowestSeconds: number | null;
}

/**
 * Per recipient organization, over the threads the reader may see: the time from opening to its
 * acknowledgement, and from opening to the resolution of the threads it was sent (median, slowest).
 */
export async function partyTimes(sql: Sql): Promise<PartyTimes[]> {
  const rows = await sql.query<{
    org: string;
    acknowledged: number;
    ack_median: number | null;
    ack_slowest: number | null;
    resolved: number;
    resolve_median: number | null;
    resolve_slowest: number | null;
  }>(
    `select r.org_id as org,
            count(r.acknowledged_at)::int as acknowledged,
            percentile_cont(0.5) within group (order by extract(epoch from r.acknowledged_at - t.opened_at))
              filter (where r.acknowledged_at is not null)::float8 as ack_median,
            max(extract(epoch from r.acknowledged_at - t.opened_at))::float8 as ack_slowest,
            count(t.resolved_at)::int as resolved,
            percentile_cont(0.5) within group (order by extract(epoch from t.resolved_at - t.opened_at))
              filter (where t.resolved_at is not null)::float8 as resolve_median,
            max(extract(epoch from t.resolved_at - t.opened_at))::float8 as resolve_slowest
       from hotline_recipients r join hotline_threads t on t.id = r.thread_id
      group by r.org_id order by r.org_id`,
  );
  return rows.map((r) => ({
    org: r.org,
    acknowledged: r.acknowledged,
    ackMedianSeconds: r.ack_median,
    ackSlowestSeconds: r.ack_slowest,
    resolved: r.resolved,
    resolveMedianSeconds: r.resolve_median,
    resolveSlowestSeconds: r.resolve_slowest,
  }));
}

/** The organizations that exist among these ids (recipients must). */
export async function existingOrgs(sql: Sql, ids: readonly string[]): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(`select id from organizations where id = any($1::text[])`, [ids]);
  return rows.map((r) => r.id);
}

/** Whether the reader may see the record a link names (`entity:id`). */
export async function linkVisible(sql: Sql, link: string): Promise<boolean> {
  const [row] = await sql.query<{ ok: boolean }>(
    `select truce_record_visible(split_part($1, ':', 1), substr($1, strpos($1, ':') + 1)) as ok`,
    [link],
  );
  return row?.ok === true;
}
