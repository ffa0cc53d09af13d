/**
 * Source texts (text intake, migration 034): a text as it came, with its SHA-256 and the reports
 * drafted from it. Reads run as the reader (a draft is seen with its text); writes in the
 * caller's transaction. A draft's fields are stored as the extraction gave them (jsonb).
 */
import type { Classification } from '../contract/access.ts';
import type { SourceChannel } from '../contract/intake.ts';
import type { Instant } from '../domain/time.ts';
import { ms } from './rows.ts';
import type { Sql } from './sql.ts';

export interface SourceTextRecord {
  id: string;
  sha256: string;
  ownerOrg: string;
  classification: Classification;
  filename: string | null;
  mediaType: string;
  content: string;
  language: 'en' | 'ar';
  textDate: string;
  receivedAt: Instant;
  createdBy: string | null;
  /** How it came: pasted, a file uploaded, or an email the mail server posted (migration 039). */
  channel: SourceChannel;
  /** An email's From and Subject, as written. */
  sender: string | null;
  subject: string | null;
}

export type DraftState = 'proposed' | 'confirmed' | 'dropped';

export interface TextDraftRecord {
  id: string;
  sourceTextId: string;
  position: number;
  draft: Record<string, unknown>;
  state: DraftState;
  reportId: string | null;
  decidedAt: Instant | null;
  decidedBy: string | null;
  /** The fields changed before confirming (migration 036); null unless confirmed since. */
  changed: string[] | null;
}

interface SourceRow {
  id: string;
  sha256: string;
  owner_org: string;
  classification: Classification;
  filename: string | null;
  media_type: string;
  content: string;
  language: 'en' | 'ar';
  text_date: string;
  received_at: Date | string;
  created_by: string | null;
  channel: SourceChannel;
  sender: string | null;
  subject: string | null;
}

interface DraftRow {
  id: string;
  source_text_id: string;
  position: number;
  draft: Record<string, unknown> | string;
  state: DraftState;
  report_id: string | null;
  decided_at: Date | string | null;
  decided_by: string | null;
  changed: string[] | null;
}

const SOURCE = `select id, sha256, owner_org, classification, filename, media_type, content, language,
  to_char(text_date, 'YYYY-MM-DD') as text_date, received_at, created_by, channel, sender, subject from source_texts`;
const DRAFT = `select id, source_text_id, position, draft, state, report_id, decided_at, decided_by, changed from text_drafts`;

const toSource = (r: SourceRow): SourceTextRecord => ({
  id: r.id,
  sha256: r.sha256,
  ownerOrg: r.owner_org,
  classification: r.classification,
  filename: r.filename,
  mediaType: r.media_type,
  content: r.content,
  language: r.language,
  textDate: r.text_date,
  receivedAt: ms(r.received_at),
  createdBy: r.created_by,
  channel: r.channel,
  sender: r.sender,
  subject: r.subject,
});

const toDraft = (r: DraftRow): TextDraftRecord => ({
  id: r.id,
  sourceTextId: r.source_text_id,
  position: r.position,
  draft: typeof r.draft === 'string' ? (JSON.parse(r.draft) as Record<string, unknown>) : r.draft,
  state: r.state,
  reportId: r.report_id,
  decidedAt: r.decided_at === null ? null : ms(r.decided_at),
  decidedBy: r.decided_by,
  changed: r.changed,
});

export async function get(sql: Sql, id: string): Promise<SourceTextRecord | null> {
  const [row] = await sql.query<SourceRow>(`${SOURCE} where id = $1`, [id]);
  return row ? toSource(row) : null;
}

/** The earliest text with this hash the connection may see. */
export async function getByHash(sql: Sql, sha256: string): Promise<SourceTextRecord | null> {
  const [row] = await sql.query<SourceRow>(`${SOURCE} where sha256 = $1 order by received_at, id limit 1`, [sha256]);
  return row ? toSource(row) : null;
}

export async function insert(sql: Sql, t: SourceTextRecord, drafts: readonly TextDraftRecord[]): Promise<void> {
  await sql.query(
    `insert into source_texts (id, sha256, owner_org, classification, filename, media_type, content, language, text_date,
       received_at, created_by, channel, sender, subject)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13, $14)`,
    [
      t.id,
      t.sha256,
      t.ownerOrg,
      t.classification,
      t.filename,
      t.mediaType,
      t.content,
      t.language,
      t.textDate,
      new Date(t.receivedAt).toISOString(),
      t.createdBy,
      t.channel,
      t.sender,
      t.subject,
    ],
  );
  if (drafts.length === 0) return;
  await sql.query(
    `insert into text_drafts (id, source_text_id, position, draft, state)
       select d.id, d.source_text_id, d.position, d.draft, 'proposed'
       from jsonb_to_recordset($1::jsonb) as d(id text, source_text_id text, position integer, draft jsonb)`,
    [
      JSON.stringify(
        drafts.map((d) => ({ id: d.id, source_text_id: d.sourceTextId, position: d.position, draft: d.draft })),
      ),
    ],
  );
}

/** A text in a list: what it is and where its drafts stand, without its content. */
export interface SourceTextSummary {
  id: string;
  channel: SourceChannel;
  classification: Classification;
  ownerOrg: string;
  filename: string | null;
  sender: string | null;
  subject: string | null;
  /** Its first line, up to 160 characters: a name for a pasted text. */
  opening: string;
  language: 'en' | 'ar';
  textDate: string;
  receivedAt: Instant;
  createdBy: string | null;
  drafts: Record<DraftState, number>;
}

interface SummaryRow {
  id: string;
  channel: SourceChannel;
  classification: Classification;
  owner_org: string;
  filename: string | null;
  sender: string | null;
  subject: string | null;
  opening: string;
  language: 'en' | 'ar';
  text_date: string;
  received_at: Date | string;
  created_by: string | null;
  proposed: number;
  confirmed: number;
  dropped: number;
}

/**
 * The texts the connection may see, newest first (received before `before`, an id breaking ties),
 * with how many of their drafts are proposed, confirmed and dropped; `waiting` keeps those with a
 * draft still proposed, `only` the one text of that id.
 */
export async function list(
  sql: Sql,
  q: { waiting: boolean; limit: number; before: { receivedAt: Instant; id: string } | null; only?: string },
): Promise<SourceTextSummary[]> {
  const rows = await sql.query<SummaryRow>(
    `select s.id, s.channel, s.classification, s.owner_org, s.filename, s.sender, s.subject,
            left(split_part(btrim(s.content, E' \n\t'), E'\n', 1), 160) as opening, s.language,
            to_char(s.text_date, 'YYYY-MM-DD') as text_date, s.received_at, s.created_by,
            coalesce(d.proposed, 0) as proposed, coalesce(d.confirmed, 0) as confirmed, coalesce(d.dropped, 0) as dropped
       from source_texts s
       left join lateral (
         select count(*) filter (where state = 'proposed')::int as proposed,
                count(*) filter (where state = 'confirmed')::int as confirmed,
                count(*) filter (where state = 'dropped')::int as dropped
           from text_drafts where source_text_id = s.id) d on true
      where ($1::timestamptz is null or (s.received_at, s.id) < ($1::timestamptz, $2::text))
        and (not $3::boolean or d.proposed > 0)
        and ($5::text is null or s.id = $5)
      order by s.received_at desc, s.id desc
      limit $4`,
    [
      q.before ? new Date(q.before.receivedAt).toISOString() : null,
      q.before?.id ?? '',
      q.waiting,
      q.limit,
      q.only ?? null,
    ],
  );
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    classification: r.classification,
    ownerOrg: r.owner_org,
    filename: r.filename,
    sender: r.sender,
    subject: r.subject,
    opening: r.opening,
    language: r.language,
    textDate: r.text_date,
    receivedAt: ms(r.received_at),
    createdBy: r.created_by,
    drafts: { proposed: r.proposed, confirmed: r.confirmed, dropped: r.dropped },
  }));
}

/** A text's drafts, in the order of the text. */
export async function listDrafts(sql: Sql, sourceTextId: string): Promise<TextDraftRecord[]> {
  return (await sql.query<DraftRow>(`${DRAFT} where source_text_id = $1 order by position`, [sourceTextId])).map(
    toDraft,
  );
}

/** A draft, locked until the transaction ends. */
export async function lockDraft(sql: Sql, id: string): Promise<TextDraftRecord | null> {
  const [row] = await sql.query<DraftRow>(`${DRAFT} where id = $1 for update`, [id]);
  return row ? toDraft(row) : null;
}

export async function decideDraft(
  sql: Sql,
  id: string,
  decision: {
    state: Exclude<DraftState, 'proposed'>;
    reportId: string | null;
    at: Instant;
    by: string;
    changed: readonly string[] | null;
  },
): Promise<void> {
  await sql.query(
    `update text_drafts set state = $2, report_id = $3, decided_at = $4, decided_by = $5, changed = $6::text[] where id = $1`,
    [id, decision.state, decision.reportId, new Date(decision.at).toISOString(), decision.by, decision.changed],
  );
}

/** A report's source: the draft it was confirmed from, and its text (both as the reader may see them). */
export async function getOfReport(
  sql: Sql,
  reportId: string,
): Promise<{ draft: TextDraftRecord; source: SourceTextRecord } | null> {
  const [draftRow] = await sql.query<DraftRow>(`${DRAFT} where report_id = $1 limit 1`, [reportId]);
  if (!draftRow) return null;
  const source = await get(sql, draftRow.source_text_id);
  return source ? { draft: toDraft(draftRow), source } : null;
}

export interface DraftCorrections {
  /** Drafts confirmed with what was changed recorded (migration 036). */
  confirmed: number;
  unchanged: number;
  /** How many of those had each field changed. */
  fields: Record<string, number>;
}

/** What people changed in the drafts they confirmed, over the texts the connection may see. */
export async function countCorrections(sql: Sql): Promise<DraftCorrections> {
  const rows = await sql.query<{ field: string; n: number }>(
    `select f.field, count(*)::int as n
       from text_drafts d, unnest(d.changed) as f(field)
      where d.state = 'confirmed'
      group by f.field`,
  );
  const [totals] = await sql.query<{ confirmed: number; unchanged: number }>(
    `select count(*)::int as confirmed, count(*) filter (where cardinality(changed) = 0)::int as unchanged
       from text_drafts where state = 'confirmed' and changed is not null`,
  );
  const fields: Record<string, number> = {};
  for (const r of rows) fields[r.field] = r.n;
  return { confirmed: totals?.confirmed ?? 0, unchanged: totals?.unchanged ?? 0, fields };
}
