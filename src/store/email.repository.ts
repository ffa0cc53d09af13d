/**
 * Email (migration 026): a user's address, language and the kinds of email asked for; the outbox, one
 * message per recipient, queued in the transaction of the change that causes it and claimed by the
 * senders with `for update skip locked`, so that each is taken by one sender at a time however many
 * servers share the database. Read and written as the system only (truce_reader has no grant).
 */
import type { EmailKind, Language } from '../contract/email.ts';
import { ms, ts } from './rows.ts';
import type { Sql } from './sql.ts';

export interface EmailSettings {
  email: string | null;
  language: Language;
  kinds: string[];
}

export async function getSettings(sql: Sql, userId: string): Promise<EmailSettings | null> {
  const [row] = await sql.query<{ email: string | null; language: Language; kinds: string[] }>(
    `select u.email, u.language,
            array(select p.kind from email_preferences p where p.user_id = u.id order by p.kind) as kinds
       from users u where u.id = $1`,
    [userId],
  );
  return row ? { email: row.email, language: row.language, kinds: row.kinds } : null;
}

export async function updateSettings(sql: Sql, userId: string, settings: EmailSettings): Promise<void> {
  await sql.query('update users set email = $2, language = $3 where id = $1', [
    userId,
    settings.email,
    settings.language,
  ]);
  await sql.query('delete from email_preferences where user_id = $1 and kind <> all($2::text[])', [
    userId,
    settings.kinds,
  ]);
  await sql.query(
    `insert into email_preferences (user_id, kind) select $1, unnest($2::text[]) on conflict do nothing`,
    [userId, settings.kinds],
  );
}

export interface NewEmail {
  kind: EmailKind;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
  /** The organizations whose users it is for (those who asked for the kind and gave an address). */
  orgs: readonly string[];
  /** Also the secretariat's users (the UN organizations of the task force, as truce_secretariat()). */
  secretariat?: boolean;
  /** Not for this user (the one who made the change). */
  exceptUser?: string | null;
  /** Not before this instant (ms); now by default. */
  dueAt?: number | null;
  /** Only these users (of those above): a schedule's recipients. */
  users?: readonly string[] | null;
}

/** Queues a message for each user it is for, given up `giveUpHours` after it is due; returns how many. */
export async function enqueue(sql: Sql, e: NewEmail, giveUpHours: number): Promise<number> {
  const rows = await sql.query(
    `insert into email_outbox (kind, entity, entity_id, detail, user_id, due_at, give_up_at)
     select $1, $2, $3, $4::jsonb, u.id, coalesce($8::timestamptz, now()),
            coalesce($8::timestamptz, now()) + make_interval(hours => $9)
       from users u
      where u.disabled_at is null and u.email is not null
        and exists (select 1 from email_preferences p where p.user_id = u.id and p.kind = $1)
        and (u.org_id = any($5::text[])
             or ($6::boolean and u.org_id in (select o.id from organizations o where o.kind = 'un' and o.task_force)))
        and u.id is distinct from $7
        and ($10::text[] is null or u.id = any($10::text[]))
     returning id`,
    [
      e.kind,
      e.entity,
      e.entityId,
      JSON.stringify(e.detail ?? {}),
      e.orgs,
      e.secretariat ?? false,
      e.exceptUser ?? null,
      e.dueAt == null ? null : ts(e.dueAt),
      giveUpHours,
      e.users ?? null,
    ],
  );
  return rows.length;
}

/** A message taken to be sent, with what its recipient is now. */
export interface ClaimedEmail {
  id: number;
  kind: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  /** This attempt's number (1 for the first). */
  attempt: number;
  dueAt: number;
  userId: string;
  username: string;
  orgId: string;
  orgKind: string;
  orgTaskForce: boolean;
  role: string;
  email: string | null;
  language: Language;
  disabled: boolean;
  /** Whether the user still asks for the kind. */
  asked: boolean;
  /** Past the time it is given up at. */
  expired: boolean;
}

interface ClaimedRow {
  id: string;
  kind: string;
  entity: string;
  entity_id: string;
  detail: Record<string, unknown>;
  attempts: number;
  due_at: Date;
  user_id: string;
  username: string;
  org_id: string;
  org_kind: string;
  org_task_force: boolean;
  role: string;
  email: string | null;
  language: Language;
  disabled: boolean;
  asked: boolean;
  expired: boolean;
}

/**
 * Takes up to `limit` messages due, for `leaseSeconds`: no other sender takes them meanwhile (those
 * locked by a sender claiming at the same moment are skipped, those claimed are not due again until
 * the lease ends). A sender that dies before it marks them lets them go when the lease ends.
 */
export async function claimDue(sql: Sql, options: { limit: number; leaseSeconds: number }): Promise<ClaimedEmail[]> {
  const rows = await sql.query<ClaimedRow>(
    `with due as (
       select id from email_outbox
        where sent_at is null and dropped_at is null and due_at <= now()
          and (claimed_until is null or claimed_until <= now())
        order by due_at, id limit $1 for update skip locked
     ), claimed as (
       update email_outbox o set claimed_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
         from due where o.id = due.id
       returning o.id, o.kind, o.entity, o.entity_id, o.detail, o.attempts, o.due_at, o.give_up_at, o.user_id
     )
     select c.id, c.kind, c.entity, c.entity_id, c.detail, c.attempts, c.due_at, c.user_id,
            u.username, u.org_id, g.kind as org_kind, g.task_force as org_task_force, u.role, u.email, u.language,
            u.disabled_at is not null as disabled,
            exists (select 1 from email_preferences p where p.user_id = c.user_id and p.kind = c.kind) as asked,
            c.give_up_at <= now() as expired
       from claimed c join users u on u.id = c.user_id join organizations g on g.id = u.org_id
      order by c.due_at, c.id`,
    [options.limit, options.leaseSeconds],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    attempt: r.attempts,
    dueAt: ms(r.due_at),
    userId: r.user_id,
    username: r.username,
    orgId: r.org_id,
    orgKind: r.org_kind,
    orgTaskForce: r.org_task_force,
    role: r.role,
    email: r.email,
    language: r.language,
    disabled: r.disabled,
    asked: r.asked,
    expired: r.expired,
  }));
}

export async function markSent(sql: Sql, id: number, messageId: string): Promise<void> {
  await sql.query(
    `update email_outbox set sent_at = now(), message_id = $2, claimed_until = null, last_error = null where id = $1`,
    [id, messageId],
  );
}

/** A failed attempt: tried again after `retrySeconds`, by the database's clock. */
export async function markFailed(sql: Sql, id: number, error: string, retrySeconds: number): Promise<void> {
  await sql.query(
    `update email_outbox set due_at = now() + make_interval(secs => $3), claimed_until = null, last_error = $2
      where id = $1`,
    [id, error.slice(0, 1_000), retrySeconds],
  );
}

export type DropReason = 'hidden' | 'moot' | 'opted_out' | 'refused' | 'expired';

export async function drop(sql: Sql, id: number, reason: DropReason, error: string | null = null): Promise<void> {
  await sql.query(
    `update email_outbox set dropped_at = now(), dropped_reason = $2, claimed_until = null,
            last_error = coalesce($3, last_error)
      where id = $1`,
    [id, reason, error?.slice(0, 1_000) ?? null],
  );
}

/** Claimed messages not attempted (the SMTP server failed on one before them): free again after `retrySeconds`, not counted as tried. */
export async function release(sql: Sql, ids: readonly number[], retrySeconds: number): Promise<void> {
  await sql.query(
    `update email_outbox set claimed_until = null, attempts = attempts - 1,
            due_at = greatest(due_at, now() + make_interval(secs => $2))
      where id = any($1::bigint[]) and sent_at is null and dropped_at is null`,
    [ids, retrySeconds],
  );
}
