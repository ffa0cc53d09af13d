/**
 * The audit trail: every write appends an entry (who, when, what, before and after). Each
 * entry's content is hashed when written; the sealer appends entries to a SHA-256 chain in
 * order, so that an edit, deletion or reordering made directly in the database breaks a link
 * that `verify` names.
 */
import { createHash } from 'node:crypto';
import type { Instant } from '../domain/time.ts';
import { type Page, type PageRequest, Params, keyset, takePage, whereAll } from './query.ts';
import { recordVisibleSql } from './record-visibility.ts';
import { ms, stableStringify, ts } from './rows.ts';
import type { Database, Sql } from './sql.ts';

export interface AuditEntry {
  at: number;
  userId: string | null;
  orgId: string | null;
  action: string;
  entity: string;
  entityId: string;
  classification: string;
  ownerOrg: string | null;
  before: unknown;
  after: unknown;
  /**
   * The other records the entry names (`entity:id`): it is shown only to who may see each
   * (migration 007). An index of the content, not content: the entry's hash does not cover it.
   */
  mentions?: readonly string[];
}

export interface StoredAuditEntry extends AuditEntry {
  seq: number;
  chainPos: number | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const GENESIS = '0'.repeat(64);
/** The sealer's advisory lock: whoever holds it has the chain's head to itself. */
export const SEAL_LOCK = 7_416_018;

/** The hash of an entry's content: every field but its place in the chain. */
export function entryHash(e: AuditEntry): string {
  return sha256(
    stableStringify({
      at: new Date(e.at).toISOString(),
      user: e.userId,
      org: e.orgId,
      action: e.action,
      entity: e.entity,
      id: e.entityId,
      classification: e.classification,
      owner: e.ownerOrg,
      before: e.before ?? null,
      after: e.after ?? null,
    }),
  );
}

/** A link: the previous link, the entry's content, and its place in the write order (seq). */
export const chainHash = (prev: string, entry: string, seq: number) => sha256(`${prev}${entry}:${seq}`);

export async function insert(sql: Sql, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql.query(auditInsert('$1'), [auditRecordset(entries)]);
}

/**
 * The statement appending the entries in the jsonb parameter `param` (from `auditRecordset`):
 * usable as a data-modifying CTE, so that a write and its audit entries go in one statement.
 */
export const auditInsert = (param: string): string =>
  `insert into audit_log (at, user_id, org_id, action, entity, entity_id, classification, owner_org, before, after, entry_hash, mentions)
     select e.at, e.user_id, e.org_id, e.action, e.entity, e.entity_id, e.classification, e.owner_org, e.before, e.after, e.entry_hash,
       array(select jsonb_array_elements_text(e.mentions))
     from jsonb_to_recordset(${param}::jsonb) as e(at timestamptz, user_id text, org_id text, action text, entity text, entity_id text,
       classification text, owner_org text, before jsonb, after jsonb, entry_hash text, mentions jsonb)`;

export function auditRecordset(entries: readonly AuditEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({
      at: new Date(e.at).toISOString(),
      user_id: e.userId,
      org_id: e.orgId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      classification: e.classification,
      owner_org: e.ownerOrg,
      before: e.before ?? null,
      after: e.after ?? null,
      entry_hash: entryHash(e),
      mentions: e.mentions ?? [],
    })),
  );
}

/**
 * Appends every unsealed entry to the chain, in the order they were written. Returns how many;
 * `onSealed` hears the positions each committed batch took in the chain (both included).
 */
export async function seal(
  db: Database,
  batch = 5_000,
  onSealed?: (positions: { from: number; to: number }) => void,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { waited, sealed, from, to } = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [SEAL_LOCK]);
      const [last] = await tx.query<{ chain_pos: string | number; chain_hash: string }>(
        'select chain_pos, chain_hash from audit_chain order by chain_pos desc limit 1',
      );
      // An entry deleted before it was sealed leaves its seq waiting with nothing to seal. Each
      // entry is looked up by its key: a join may walk the whole trail to meet a few hundred.
      const pending = await tx.query<{ seq: string | number; entry_hash: string | null }>(
        `select u.seq, (select a.entry_hash from audit_log a where a.seq = u.seq) as entry_hash
         from audit_unsealed u order by u.seq limit $1`,
        [batch],
      );
      let pos = last ? Number(last.chain_pos) : 0;
      let prev = last?.chain_hash ?? GENESIS;
      const links = pending.flatMap((p) => {
        if (p.entry_hash === null) return [];
        const link = {
          seq: Number(p.seq),
          chain_pos: ++pos,
          prev_hash: prev,
          chain_hash: chainHash(prev, p.entry_hash, Number(p.seq)),
        };
        prev = link.chain_hash;
        return [link];
      });
      if (pending.length > 0) {
        await tx.query(
          `with linked as (
             insert into audit_chain (chain_pos, seq, prev_hash, chain_hash)
             select l.chain_pos, l.seq, l.prev_hash, l.chain_hash
             from jsonb_to_recordset($1::jsonb) as l(seq bigint, chain_pos bigint, prev_hash text, chain_hash text))
           delete from audit_unsealed where seq = any($2::bigint[])`,
          [JSON.stringify(links), pending.map((p) => Number(p.seq))],
        );
      }
      return {
        waited: pending.length,
        sealed: links.length,
        from: links[0]?.chain_pos ?? 0,
        to: links.at(-1)?.chain_pos ?? 0,
      };
    });
    if (sealed > 0) onSealed?.({ from, to });
    total += sealed;
    if (waited < batch) return total;
  }
}

export interface AuditVerification {
  ok: boolean;
  sealed: number;
  unsealed: number;
  /** The last link's hash: publish it, and a later verification proves nothing before it changed. */
  head: string;
  broken: { chainPos: number; seq: number; problem: string } | null;
  /**
   * Where the head recorded elsewhere (`expectHead`) is in the chain that holds: its position, or
   * null when it is not there (the entry it named, or one before it, was deleted or rewritten:
   * the one tampering the walk alone cannot see is the removal of the newest entries). Absent
   * when no head was expected.
   */
  expectedHeadAt?: number | null;
}

interface AuditRow {
  seq: string | number;
  at: Date;
  user_id: string | null;
  org_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  classification: string;
  owner_org: string | null;
  before: unknown;
  after: unknown;
  entry_hash: string;
  /** From the entry's link in `audit_chain`, null until it is sealed. */
  chain_pos: string | number | null;
}

/** A link and the entry it seals (every column null when the entry was deleted). */
type ChainRow = { [K in keyof AuditRow]: AuditRow[K] | null } & {
  link_seq: string | number;
  chain_pos: string | number;
  prev_hash: string;
  chain_hash: string;
};

/** An entry with its place in the chain. */
const SELECT_ENTRY = 'select a.*, c.chain_pos from audit_log a left join audit_chain c on c.seq = a.seq';

const toEntry = (r: AuditRow): StoredAuditEntry => ({
  seq: Number(r.seq),
  chainPos: r.chain_pos === null ? null : Number(r.chain_pos),
  at: ms(r.at),
  userId: r.user_id,
  orgId: r.org_id,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  classification: r.classification,
  ownerOrg: r.owner_org,
  before: r.before,
  after: r.after,
});

/** Walks the chain from its start; names the first link that does not hold, and finds `expectHead` in it. */
export async function verify(sql: Sql, expectHead?: string): Promise<AuditVerification> {
  const rows = await sql.query<ChainRow>(
    `select a.*, c.seq as link_seq, c.chain_pos, c.prev_hash, c.chain_hash
     from audit_chain c left join audit_log a on a.seq = c.seq order by c.chain_pos`,
  );
  const [{ n: unsealed } = { n: 0 }] = await sql.query<{ n: number }>(
    'select count(*)::int as n from audit_unsealed u join audit_log a on a.seq = u.seq',
  );
  let prev = GENESIS;
  // The empty chain's head is the genesis hash, at position 0.
  let foundAt: number | null = expectHead === GENESIS ? 0 : null;
  const withExpected = (v: AuditVerification): AuditVerification =>
    expectHead === undefined ? v : { ...v, expectedHeadAt: foundAt };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const pos = Number(row.chain_pos);
    const broken = (problem: string): AuditVerification =>
      withExpected({
        ok: false,
        sealed: rows.length,
        unsealed,
        head: prev,
        broken: { chainPos: pos, seq: Number(row.link_seq), problem },
      });
    if (pos !== i + 1)
      return broken(
        `expected chain position ${i + 1} here: ${pos > i + 1 ? 'an entry before it was deleted' : 'positions repeat'}`,
      );
    if (row.seq === null) return broken('the entry it seals was deleted');
    if (row.prev_hash !== prev)
      return broken(
        'its link to the previous entry does not match: an entry before it was deleted, inserted or reordered',
      );
    if (entryHash(toEntry(row as AuditRow)) !== row.entry_hash)
      return broken('its content does not match its hash: the entry was edited');
    if (chainHash(prev, row.entry_hash!, Number(row.link_seq)) !== row.chain_hash) {
      return broken('its chain hash does not match: its sequence number was changed, or the chain was rewritten here');
    }
    // No check that seq rises along the chain: concurrent transactions commit out of seq order,
    // so a sealer may chain seq 101 before seq 100 committed. The link hashes seq instead.
    prev = row.chain_hash;
    if (prev === expectHead) foundAt = pos;
  }
  return withExpected({
    ok: expectHead === undefined || foundAt !== null,
    sealed: rows.length,
    unsealed,
    head: prev,
    broken: null,
  });
}

/** A record's history, oldest first, as far as the reader may see it. */
export async function history(sql: Sql, entity: string, entityId: string): Promise<StoredAuditEntry[]> {
  const rows = await sql.query<AuditRow>(`${SELECT_ENTRY} where a.entity = $1 and a.entity_id = $2 order by a.seq`, [
    entity,
    entityId,
  ]);
  return rows.map(toEntry);
}

export interface AuditFilter {
  /** Changes made by this user (its id). */
  userId?: string | undefined;
  /** Changes made by a user of this organization. */
  orgId?: string | undefined;
  /** Entries about this kind of record (`report`, `incident`, `user`, ...). */
  entity?: string | undefined;
  /** Written at or after this instant. */
  from?: Instant | undefined;
  /** Written before this instant. */
  to?: Instant | undefined;
  /** Sealed at these positions of the chain, both included (the live event of a seal). */
  sealed?: { from: number; to: number } | undefined;
}

/**
 * What a reader's trail holds besides what row-level security lets through (the rule of a record's
 * history, `app/audit/get-audit-history.ts`): an entry about a record of a known kind only while
 * the reader may see that record, or when the record is gone (its last entry the reader sees is
 * its deletion); an entry about an account (`accountEntities`) only when it is of the
 * organization `accountsOf` (none when null).
 */
export interface AuditScope {
  accountEntities: readonly string[];
  accountsOf: string | null;
}

/**
 * One page of the trail as the reader may see it, newest first (by the time written, then the
 * write order), after the cursor (the time as ISO and the seq). Run as the reader: every condition
 * that hides an entry is in the query, so that the extra row that says "there is more" is one the
 * reader may see, never a hidden one.
 */
export async function listPage(
  sql: Sql,
  filter: AuditFilter,
  scope: AuditScope,
  page: PageRequest,
): Promise<Page<StoredAuditEntry>> {
  const params = new Params();
  const c: string[] = [];
  if (filter.userId !== undefined) c.push(`a.user_id = ${params.add(filter.userId)}`);
  if (filter.orgId !== undefined) c.push(`a.org_id = ${params.add(filter.orgId)}`);
  if (filter.entity !== undefined) c.push(`a.entity = ${params.add(filter.entity)}`);
  if (filter.from !== undefined) c.push(`a.at >= ${params.add(ts(filter.from))}::timestamptz`);
  if (filter.to !== undefined) c.push(`a.at < ${params.add(ts(filter.to))}::timestamptz`);
  if (filter.sealed !== undefined)
    c.push(`c.chain_pos between ${params.add(filter.sealed.from)} and ${params.add(filter.sealed.to)}`);
  c.push(
    `(a.entity <> all(${params.add(scope.accountEntities)}::text[]) or coalesce(a.owner_org = ${params.add(scope.accountsOf)}::text, false))`,
  );
  c.push(
    `((${recordVisibleSql('a')}) is not false or (select d.action from audit_log d where d.entity = a.entity and d.entity_id = a.entity_id order by d.seq desc limit 1) = 'delete')`,
  );
  const order = keyset(params, ['a.at', 'a.seq'], true, page);
  if (order.condition) c.push(order.condition);
  const rows = await sql.query<AuditRow>(`${SELECT_ENTRY} ${whereAll(c)} ${order.tail}`, params.values);
  return takePage(rows.map(toEntry), page, (e) => [new Date(e.at).toISOString(), e.seq]);
}

/** What names a record for people, as the reader may see it now. */
export interface RecordSummary {
  /** A headline, a zone's or an actor's name, an agreement's title. */
  name: string | null;
  act: string | null;
  /** When an incident occurred, or a report claims it did. */
  at: Instant | null;
  datePrecision: number | null;
  location: { lon: number; lat: number } | null;
}

/**
 * The records named, by `entity:id`, read as the reader (a record it may not see is absent):
 * incidents, reports, zones, agreements, actors and convoy requests, the records the web app has a page or a name for.
 */
export async function getRecordSummaries(
  sql: Sql,
  refs: readonly { entity: string; id: string }[],
): Promise<Map<string, RecordSummary>> {
  const of = (entity: string) => [...new Set(refs.filter((r) => r.entity === entity).map((r) => r.id))];
  if (refs.length === 0) return new Map();
  const rows = await sql.query<{
    entity: string;
    id: string;
    name: string | null;
    act: string | null;
    at: Date | null;
    date_precision: number | null;
    lon: number | null;
    lat: number | null;
  }>(
    `select 'incident' as entity, id, headline as name, act, occurred_at as at, date_precision, lon, lat
       from incidents where id = any($1::text[])
     union all select 'report', id, null, act, claimed_at, null, lon, lat from reports where id = any($2::text[])
     union all select 'zone', id, nullif(name, ''), null, null, null, null, null from zones where id = any($3::text[])
     union all select 'agreement', id, nullif(title, ''), null, null, null, null, null from agreements where id = any($4::text[])
     union all select 'actor', id, name, null, null, null, null, null from actors where id = any($5::text[])
     union all select 'convoy_request', id, name, null, null, null, null, null from convoy_requests where id = any($6::text[])`,
    [of('incident'), of('report'), of('zone'), of('agreement'), of('actor'), of('convoy_request')],
  );
  return new Map(
    rows.map((r) => [
      `${r.entity}:${r.id}`,
      {
        name: r.name,
        act: r.act,
        at: r.at === null ? null : ms(r.at),
        datePrecision: r.date_precision,
        location: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
      },
    ]),
  );
}
