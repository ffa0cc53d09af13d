/**
 * The daily report's schedules (migration 029), one per organization; read and written as the system
 * (truce_reader has no grant). `claimDue` takes the schedules due today once, whatever the number of
 * servers sweeping: the rows are locked (`for update skip locked`) and marked sent for the day in the
 * transaction that queues their emails.
 */
import type { Language } from '../contract/email.ts';
import type { Sql } from './sql.ts';

export interface StoredSchedule {
  orgId: string;
  enabled: boolean;
  /** HH:MM */
  sendAt: string;
  language: Language;
  edition: 'public' | 'cleared';
  area: string | null;
  /** An area drawn: its ring encoded as in the report's address (domain/drawn-area.ts); migration 038. */
  polygon: string | null;
  recipients: string[];
  lastSentOn: string | null;
}

interface Row {
  org_id: string;
  enabled: boolean;
  send_at: string;
  language: Language;
  edition: 'public' | 'cleared';
  area: string | null;
  polygon: string | null;
  recipients: string[];
  last_sent_on: string | null;
}

const COLUMNS = `org_id, enabled, to_char(send_at, 'HH24:MI') as send_at, language, edition, area, polygon, recipients,
  to_char(last_sent_on, 'YYYY-MM-DD') as last_sent_on`;

const toSchedule = (r: Row): StoredSchedule => ({
  orgId: r.org_id,
  enabled: r.enabled,
  sendAt: r.send_at,
  language: r.language,
  edition: r.edition,
  area: r.area,
  polygon: r.polygon,
  recipients: r.recipients,
  lastSentOn: r.last_sent_on,
});

export async function get(sql: Sql, orgId: string): Promise<StoredSchedule | null> {
  const [row] = await sql.query<Row>(`select ${COLUMNS} from report_schedules where org_id = $1`, [orgId]);
  return row ? toSchedule(row) : null;
}

export async function upsert(sql: Sql, s: Omit<StoredSchedule, 'lastSentOn'>, by: string): Promise<void> {
  await sql.query(
    `insert into report_schedules (org_id, enabled, send_at, language, edition, area, polygon, recipients, updated_by)
     values ($1, $2, $3::time, $4, $5, $6, $7, $8::text[], $9)
     on conflict (org_id) do update set enabled = excluded.enabled, send_at = excluded.send_at,
       language = excluded.language, edition = excluded.edition, area = excluded.area, polygon = excluded.polygon,
       recipients = excluded.recipients, updated_at = now(), updated_by = excluded.updated_by`,
    [s.orgId, s.enabled, s.sendAt, s.language, s.edition, s.area, s.polygon, s.recipients, by],
  );
}

export interface Candidate {
  id: string;
  username: string;
  displayName: string | null;
  /** Asks for the daily report on the account page, with an address, and is not disabled. */
  asks: boolean;
}

/** The organization's users who are not disabled, and whether each asks for the daily report. */
export async function candidates(sql: Sql, orgId: string): Promise<Candidate[]> {
  const rows = await sql.query<{ id: string; username: string; display_name: string; asks: boolean }>(
    `select u.id, u.username, u.display_name,
            (u.email is not null and exists (select 1 from email_preferences p where p.user_id = u.id and p.kind = 'report.daily')) as asks
       from users u where u.org_id = $1 and u.disabled_at is null order by u.username`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name || null, asks: r.asks }));
}

/**
 * The schedules due on `today` (a local date) at `time` (HH:MM, local) and not yet sent today, locked
 * and marked sent for today in this transaction.
 */
export async function claimDue(sql: Sql, today: string, time: string): Promise<StoredSchedule[]> {
  const rows = await sql.query<Row>(
    `with due as (
       select org_id from report_schedules
        where enabled and send_at <= $2::time and (last_sent_on is null or last_sent_on < $1::date)
        for update skip locked
     )
     update report_schedules s set last_sent_on = $1::date from due where s.org_id = due.org_id
     returning s.org_id, s.enabled, to_char(s.send_at, 'HH24:MI') as send_at, s.language, s.edition, s.area,
               s.polygon, s.recipients, to_char(s.last_sent_on, 'YYYY-MM-DD') as last_sent_on`,
    [today, time],
  );
  return rows.map(toSchedule);
}
