/**
 * Webhooks (migration 030): a user's subscriptions, the outbox the database's triggers fill in the
 * same transaction as each change, the deliveries made from it and their attempts. The
 * subscriptions and the outbox are read by the server itself (their secrets never as a reader);
 * the delivery log is read as its subscriber (`deliveryPage`, under `asReader`), so that a delivery
 * whose record the subscriber may not see now is not listed.
 */
import type { AttemptError, DeliveryState, WebhookEvent } from '../contract/webhooks.ts';
import type { BBox } from '../domain/geo.ts';
import { keyset, type Page, type PageRequest, Params, takePage } from './query.ts';
import { ms, msOrNull } from './rows.ts';
import type { Sql } from './sql.ts';

/** Where incidents must be created to be sent: everywhere (null), a box, or a zone. */
export type WebhookArea = { bbox: BBox } | { zone: string } | null;

export interface Subscription {
  id: string;
  ownerUser: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  area: WebhookArea;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

interface SubscriptionRow {
  id: string;
  owner_user: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  area: WebhookArea;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, owner_user, name, url, events, area, active, created_at, updated_at';

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  ownerUser: r.owner_user,
  name: r.name,
  url: r.url,
  events: r.events,
  area: r.area,
  active: r.active,
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});

export async function insert(sql: Sql, s: Omit<Subscription, 'createdAt' | 'updatedAt'>, secret: string) {
  const [row] = await sql.query<SubscriptionRow>(
    `insert into webhook_subscriptions (id, owner_user, name, url, secret, events, area, active)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) returning ${COLUMNS}`,
    [s.id, s.ownerUser, s.name, s.url, secret, s.events, JSON.stringify(s.area), s.active],
  );
  return toSubscription(row!);
}

/** A user's subscriptions, oldest first. */
export async function listOfOwner(sql: Sql, userId: string): Promise<Subscription[]> {
  const rows = await sql.query<SubscriptionRow>(
    `select ${COLUMNS} from webhook_subscriptions where owner_user = $1 order by created_at, id`,
    [userId],
  );
  return rows.map(toSubscription);
}

/** Holds the owner's account row until the transaction ends: two creations by one user take turns (the count). */
export async function lockOwner(sql: Sql, userId: string): Promise<void> {
  await sql.query('select 1 from users where id = $1 for update', [userId]);
}

export async function countOfOwner(sql: Sql, userId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    'select count(*)::int as n from webhook_subscriptions where owner_user = $1',
    [userId],
  );
  return row?.n ?? 0;
}

/** One subscription, locked for a change when `lock`; null when there is none. */
export async function get(sql: Sql, id: string, lock = false): Promise<Subscription | null> {
  const [row] = await sql.query<SubscriptionRow>(
    `select ${COLUMNS} from webhook_subscriptions where id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return row ? toSubscription(row) : null;
}

export async function update(
  sql: Sql,
  id: string,
  s: Pick<Subscription, 'name' | 'url' | 'events' | 'area' | 'active'>,
): Promise<Subscription> {
  const [row] = await sql.query<SubscriptionRow>(
    `update webhook_subscriptions set name = $2, url = $3, events = $4, area = $5::jsonb, active = $6, updated_at = now()
      where id = $1 returning ${COLUMNS}`,
    [id, s.name, s.url, s.events, JSON.stringify(s.area), s.active],
  );
  return toSubscription(row!);
}

/** Removes a subscription with its deliveries and their attempts. */
export async function remove(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from webhook_subscriptions where id = $1', [id]);
}

// ---- The dispatcher -------------------------------------------------------------------------

export interface OutboxEvent {
  seq: number;
  type: WebhookEvent;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  at: number;
}

/**
 * The oldest events of the outbox that no other server holds, locked until the transaction ends
 * (`skip locked`: two servers each take their own). The caller deletes them in the same transaction.
 */
export async function claimOutbox(sql: Sql, limit: number): Promise<OutboxEvent[]> {
  const rows = await sql.query<{
    seq: string | number;
    type: WebhookEvent;
    entity: string;
    entity_id: string;
    detail: Record<string, unknown>;
    at: Date;
  }>(
    'select seq, type, entity, entity_id, detail, at from webhook_outbox order by seq limit $1 for update skip locked',
    [limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    at: ms(r.at),
  }));
}

export async function removeOutbox(sql: Sql, seqs: readonly number[]): Promise<void> {
  if (seqs.length > 0) await sql.query('delete from webhook_outbox where seq = any($1::bigint[])', [seqs]);
}

/** A subscriber as the server reads its rights: the owner's account, enabled, and its organization. */
export interface Owner {
  userId: string;
  username: string;
  role: string;
  orgId: string;
  orgKind: string;
  orgTaskForce: boolean;
}

interface OwnerRow {
  user_id: string;
  username: string;
  role: string;
  org_id: string;
  org_kind: string;
  org_task_force: boolean;
}

const OWNER_COLUMNS = `u.id as user_id, u.username, u.role, u.org_id, o.kind as org_kind, o.task_force as org_task_force`;
const toOwner = (r: OwnerRow): Owner => ({
  userId: r.user_id,
  username: r.username,
  role: r.role,
  orgId: r.org_id,
  orgKind: r.org_kind,
  orgTaskForce: r.org_task_force,
});

export interface Listener {
  id: string;
  events: WebhookEvent[];
  area: WebhookArea;
  owner: Owner;
}

/** The active subscriptions to any of these kinds of event whose owner's account is enabled. */
export async function listListeners(sql: Sql, types: readonly string[]): Promise<Listener[]> {
  const rows = await sql.query<OwnerRow & { id: string; events: WebhookEvent[]; area: WebhookArea }>(
    `select s.id, s.events, s.area, ${OWNER_COLUMNS}
       from webhook_subscriptions s join users u on u.id = s.owner_user join organizations o on o.id = u.org_id
      where s.active and u.disabled_at is null and s.events && $1::text[]
      order by s.id`,
    [types],
  );
  return rows.map((r) => ({ id: r.id, events: r.events, area: r.area, owner: toOwner(r) }));
}

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  event: OutboxEvent;
}

/** Deliveries due at once; an event is delivered once per subscription (a second insert does nothing). */
export async function insertDeliveries(sql: Sql, deliveries: readonly NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await sql.query(
    // Created to the millisecond: the log's cursor holds the time as ISO 8601 (milliseconds).
    `insert into webhook_deliveries (id, subscription_id, event_seq, type, entity, entity_id, detail, event_at, state, next_attempt_at,
       created_at)
     select d.id, d.subscription_id, d.event_seq, d.type, d.entity, d.entity_id, d.detail, d.event_at, 'pending', now(),
            date_trunc('milliseconds', now())
       from jsonb_to_recordset($1::jsonb) as d(id text, subscription_id text, event_seq bigint, type text, entity text,
         entity_id text, detail jsonb, event_at timestamptz)
     on conflict (subscription_id, event_seq) do nothing`,
    [
      JSON.stringify(
        deliveries.map((d) => ({
          id: d.id,
          subscription_id: d.subscriptionId,
          event_seq: d.event.seq,
          type: d.event.type,
          entity: d.event.entity,
          entity_id: d.event.entityId,
          detail: d.event.detail,
          event_at: new Date(d.event.at).toISOString(),
        })),
      ),
    ],
  );
}

/**
 * Which of these records whoever runs the query may see, with an incident's place (for an area).
 * Run as a subscriber: row-level security leaves out the others. A finding withdrawn is seen by
 * its last version kept, under the same policy.
 */
export async function visibleRecords(
  sql: Sql,
  entity: string,
  ids: readonly string[],
): Promise<Map<string, { lon: number; lat: number } | null>> {
  const query: Record<string, string> = {
    incident: 'select id, lon, lat from incidents where id = any($1)',
    finding: `select key as id, null::float8 as lon, null::float8 as lat from findings where key = any($1)
              union select key, null, null from finding_history where key = any($1)`,
    ruling: 'select id, null::float8 as lon, null::float8 as lat from rulings where id = any($1)',
    hotline_thread: 'select id, null::float8 as lon, null::float8 as lat from hotline_threads where id = any($1)',
  };
  const text = Object.hasOwn(query, entity) ? query[entity] : undefined;
  if (text === undefined || ids.length === 0) return new Map(); // a kind of record not known is never sent
  const rows = await sql.query<{ id: string; lon: number | null; lat: number | null }>(text, [ids]);
  return new Map(rows.map((r) => [r.id, r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat }]));
}

export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  type: WebhookEvent;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  eventAt: number;
  /** This attempt's number (1 for the first). */
  attempt: number;
  url: string;
  secret: string;
  area: WebhookArea;
  /** Null: the owner's account is disabled. */
  owner: Owner | null;
}

/** What an attempt's row says until the attempt ends: a server that stops during it leaves it so. */
export const INTERRUPTED: AttemptError = 'interrupted';

/**
 * Claims deliveries due (a pending one whose time has come, or one whose attempt's lease ran out:
 * its server stopped during it) of active subscriptions, at most `limit`, skipping those another
 * server holds. Each gets its attempt counted and logged as interrupted until it ends, and a lease
 * of `leaseMs` by the database's clock, in one statement.
 */
export async function claimDeliveries(
  sql: Sql,
  options: { limit: number; maxAttempts: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const rows = await sql.query<
    Partial<OwnerRow> & {
      id: string;
      subscription_id: string;
      type: WebhookEvent;
      entity: string;
      entity_id: string;
      detail: Record<string, unknown>;
      event_at: Date;
      attempts: number;
      url: string;
      secret: string;
      area: WebhookArea;
    }
  >(
    `with claimed as (
       update webhook_deliveries d set state = 'sending', attempts = d.attempts + 1,
              next_attempt_at = now() + $3 * interval '1 millisecond'
        where d.id in (
          select d2.id from webhook_deliveries d2 join webhook_subscriptions s on s.id = d2.subscription_id
           where d2.state in ('pending', 'sending') and d2.next_attempt_at <= now() and d2.attempts < $2 and s.active
           order by d2.next_attempt_at, d2.id limit $1
           for update of d2 skip locked)
       returning d.id, d.subscription_id, d.type, d.entity, d.entity_id, d.detail, d.event_at, d.attempts),
     logged as (
       insert into webhook_attempts (delivery_id, attempt, error) select id, attempts, '${INTERRUPTED}' from claimed)
     select c.*, s.url, s.secret, s.area, ${OWNER_COLUMNS}
       from claimed c join webhook_subscriptions s on s.id = c.subscription_id
       left join users u on u.id = s.owner_user and u.disabled_at is null
       left join organizations o on o.id = u.org_id
      order by c.id`,
    [options.limit, options.maxAttempts, options.leaseMs],
  );
  return rows.map((r) => ({
    id: r.id,
    subscriptionId: r.subscription_id,
    type: r.type,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    eventAt: ms(r.event_at),
    attempt: r.attempts,
    url: r.url,
    secret: r.secret,
    area: r.area,
    owner: r.user_id ? toOwner(r as OwnerRow) : null,
  }));
}

/** Deliveries whose last attempt's server stopped during it, with no attempt left: failed. */
export async function failExhausted(sql: Sql, maxAttempts: number): Promise<number> {
  const rows = await sql.query(
    `update webhook_deliveries set state = 'failed', finished_at = now()
      where state = 'sending' and next_attempt_at <= now() and attempts >= $1 returning id`,
    [maxAttempts],
  );
  return rows.length;
}

export interface AttemptOutcome {
  status: number | null;
  error: string | null;
  detail: string | null;
  durationMs: number;
}

/**
 * Records how an attempt ended and what follows: delivered, failed, or pending again in `retryInMs`.
 * Only the holder of the attempt writes (the same attempt, still sending): a server whose lease ran
 * out while it waited leaves the delivery to the one that claimed it since. True when it wrote.
 */
export async function finishAttempt(
  sql: Sql,
  id: string,
  attempt: number,
  outcome: AttemptOutcome,
  next: { state: 'delivered' | 'failed' } | { state: 'pending'; retryInMs: number },
): Promise<boolean> {
  const rows = await sql.query(
    `with attempt as (
       update webhook_attempts set status_code = $3, error = $4, detail = $5, duration_ms = $6
        where delivery_id = $1 and attempt = $2)
     update webhook_deliveries
        set state = $7,
            next_attempt_at = case when $7 = 'pending' then now() + $8 * interval '1 millisecond' else next_attempt_at end,
            finished_at = case when $7 = 'pending' then null else now() end
      where id = $1 and attempts = $2 and state = 'sending' returning id`,
    [
      id,
      attempt,
      outcome.status,
      outcome.error,
      outcome.detail,
      Math.round(outcome.durationMs),
      next.state,
      next.state === 'pending' ? next.retryInMs : 0,
    ],
  );
  return rows.length > 0;
}

/** A delivery whose record its subscriber may not see (now): it goes, with its attempts, sending nothing. */
export async function removeDelivery(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from webhook_deliveries where id = $1', [id]);
}

// ---- The delivery log -----------------------------------------------------------------------

export interface Attempt {
  attempt: number;
  at: number;
  statusCode: number | null;
  error: string | null;
  detail: string | null;
  durationMs: number | null;
}

/** What a delivery was about, as the reader may see it now: for people, a title, a place and a time. */
export interface DeliverySubject {
  title: string | null;
  place: string | null;
  location: { lon: number; lat: number } | null;
  at: number | null;
  /** A finding's or a ruling's verdict. */
  verdict: string | null;
}

export interface Delivery {
  id: string;
  type: WebhookEvent;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  eventAt: number;
  state: DeliveryState;
  attempts: Attempt[];
  nextAttemptAt: number | null;
  createdAt: number;
  finishedAt: number | null;
  subject: DeliverySubject;
}

interface DeliveryRow {
  id: string;
  type: WebhookEvent;
  entity: string;
  entity_id: string;
  detail: Record<string, unknown>;
  event_at: Date;
  state: DeliveryState;
  next_attempt_at: Date;
  created_at: Date;
  finished_at: Date | null;
  attempts_log: {
    attempt: number;
    at: string;
    status_code: number | null;
    error: string | null;
    detail: string | null;
    duration_ms: number | null;
  }[];
  title: string | null;
  place: string | null;
  lon: number | null;
  lat: number | null;
  subject_at: Date | null;
  verdict: string | null;
}

/**
 * The record each kind of delivery is about, read under the policies of whoever runs the query: no
 * row when the reader may not see it (a finding withdrawn is read from its last version kept).
 */
const SUBJECT = `
  select i.headline as title, i.place, i.lon, i.lat, i.occurred_at as subject_at, null::text as verdict
    from incidents i where d.entity = 'incident' and i.id = d.entity_id
  union all
  select coalesce(i.headline, z.name), i.place, i.lon, i.lat, coalesce(i.occurred_at, f.at), f.verdict
    from (select kind, subject_id, at, coalesce(ruled_verdict, verdict) as verdict from findings where key = d.entity_id
          union all
          (select kind, subject_id, at, coalesce(ruled_verdict, verdict) from finding_history where key = d.entity_id
            order by id desc limit 1)
          limit 1) f
    left join incidents i on f.kind = 'incident' and i.id = f.subject_id
    left join zones z on f.kind = 'territory' and z.id = f.subject_id
   where d.entity = 'finding'
  union all
  select i.headline, i.place, i.lon, i.lat, i.occurred_at, r.verdict
    from rulings r join incidents i on i.id = r.incident_id where d.entity = 'ruling' and r.id = d.entity_id
  union all
  select t.subject, null, t.lon, t.lat, t.opened_at, null
    from hotline_threads t where d.entity = 'hotline_thread' and t.id = d.entity_id`;

/**
 * One page of a subscription's deliveries, newest first, each with its attempts. Run as the
 * subscriber (`asReader`), after checking the subscription is theirs: only that subscription's
 * deliveries are visible (migration 030's policy reads `truce.webhook`), and of those only the ones
 * whose record the subscriber may see now.
 */
export async function deliveryPage(sql: Sql, subscriptionId: string, page: PageRequest): Promise<Page<Delivery>> {
  await sql.query(`select set_config('truce.webhook', $1, true)`, [subscriptionId]);
  const params = new Params();
  const conditions = [`d.subscription_id = ${params.add(subscriptionId)}`];
  const order = keyset(params, ['d.created_at', 'd.id'], true, page);
  if (order.condition) conditions.push(order.condition);
  const rows = await sql.query<DeliveryRow>(
    `select d.id, d.type, d.entity, d.entity_id, d.detail, d.event_at, d.state, d.next_attempt_at, d.created_at, d.finished_at,
            coalesce((select jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code,
                        'error', a.error, 'detail', a.detail, 'duration_ms', a.duration_ms) order by a.attempt)
                        from webhook_attempts a where a.delivery_id = d.id), '[]'::jsonb) as attempts_log,
            s.title, s.place, s.lon, s.lat, s.subject_at, s.verdict
       from webhook_deliveries d
       cross join lateral (${SUBJECT} limit 1) s
      where ${conditions.join(' and ')} ${order.tail}`,
    params.values,
  );
  const items = rows.map((r): Delivery => ({
    id: r.id,
    type: r.type,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    eventAt: ms(r.event_at),
    state: r.state,
    attempts: r.attempts_log.map((a) => ({
      attempt: a.attempt,
      at: Date.parse(a.at),
      statusCode: a.status_code,
      error: a.error,
      detail: a.detail,
      durationMs: a.duration_ms,
    })),
    nextAttemptAt: r.state === 'pending' ? ms(r.next_attempt_at) : null,
    createdAt: ms(r.created_at),
    finishedAt: msOrNull(r.finished_at),
    subject: {
      title: r.title,
      place: r.place,
      location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
      at: msOrNull(r.subject_at),
      verdict: r.verdict,
    },
  }));
  return takePage(items, page, (d) => [new Date(d.createdAt).toISOString(), d.id]);
}
