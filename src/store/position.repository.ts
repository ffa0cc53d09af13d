/**
 * The parties' own positions and the organizations each is shared with. Read as the reader:
 * migration 022's policies show a position to its owner organization and its recipients only.
 */
import type { PositionKind } from '../contract/notices.ts';
import type { Point } from '../domain/geo.ts';
import type { Sql } from './database.ts';
import { type During, keyset, type Page, type PageRequest, Params, takePage, whereAll } from './query.ts';
import { ms, msOrNull, ts } from './rows.ts';

export interface PositionRecord {
  id: string;
  ownerOrg: string;
  name: string;
  kind: PositionKind;
  geometry: Point;
  bufferM: number;
  /** `to` null: until withdrawn. */
  valid: { from: number; to: number | null };
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
  /** The organizations it is shared with, sorted. */
  recipients: string[];
}

interface Row {
  id: string;
  owner_org: string;
  name: string;
  kind: PositionKind;
  geometry: Point;
  buffer_m: number;
  valid_from: Date;
  valid_to: Date | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  recipients: string[] | null;
}

const SELECT = `select p.*,
  (select coalesce(array_agg(r.org_id order by r.org_id), '{}') from position_recipients r where r.position_id = p.id) as recipients
  from positions p`;

const toRecord = (r: Row): PositionRecord => ({
  id: r.id,
  ownerOrg: r.owner_org,
  name: r.name,
  kind: r.kind,
  geometry: r.geometry,
  bufferM: r.buffer_m,
  valid: { from: ms(r.valid_from), to: msOrNull(r.valid_to) },
  createdAt: ms(r.created_at),
  createdBy: r.created_by,
  updatedAt: ms(r.updated_at),
  withdrawnAt: msOrNull(r.withdrawn_at),
  withdrawnBy: r.withdrawn_by,
  recipients: r.recipients ?? [],
});
/** For a read that gathers positions with other rows in one statement (conflict.repository.ts, `listTargets`). */
export const positionsSelect = SELECT;
export const positionOfRow = toRecord;

export async function get(sql: Sql, id: string): Promise<PositionRecord | null> {
  const [row] = await sql.query<Row>(`${SELECT} where p.id = $1`, [id]);
  return row ? toRecord(row) : null;
}

export interface PositionFilter {
  /** own: the reader's organization's; shared: those shared with it. */
  box?: 'own' | 'shared' | undefined;
  orgId: string;
}

/** The positions the connection may see, newest first. */
export async function listPage(sql: Sql, filter: PositionFilter, page: PageRequest): Promise<Page<PositionRecord>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.box === 'own') conditions.push(`p.owner_org = ${params.add(filter.orgId)}`);
  if (filter.box === 'shared')
    conditions.push(
      `exists (select 1 from position_recipients x where x.position_id = p.id and x.org_id = ${params.add(filter.orgId)})`,
    );
  const { condition, tail } = keyset(params, ['p.created_at', 'p.id'], true, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<Row>(`${SELECT} ${whereAll(conditions)} ${tail}`, params.values);
  const taken = takePage(rows, page, (r) => [new Date(ms(r.created_at)).toISOString(), r.id]);
  return { items: taken.items.map(toRecord), next: taken.next };
}

/** The positions the connection may see held at some time of `during` (valid then, not withdrawn before it). */
export async function listDuring(sql: Sql, during: During): Promise<PositionRecord[]> {
  const rows = await sql.query<Row>(
    `${SELECT} where p.valid_from < $2 and (p.valid_to is null or p.valid_to > $1)
       and (p.withdrawn_at is null or p.withdrawn_at > $1) order by p.valid_from, p.id`,
    [ts(during.from), ts(during.to)],
  );
  return rows.map(toRecord);
}

export async function insert(sql: Sql, p: PositionRecord): Promise<void> {
  await sql.query(
    `insert into positions (id, owner_org, name, kind, geometry, buffer_m, valid_from, valid_to, created_at, created_by, updated_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $9)`,
    [
      p.id,
      p.ownerOrg,
      p.name,
      p.kind,
      JSON.stringify(p.geometry),
      p.bufferM,
      ts(p.valid.from),
      ts(p.valid.to),
      ts(p.createdAt),
      p.createdBy,
    ],
  );
  await setRecipients(sql, p.id, p.recipients);
}

/** Locks a position for a change (its row, whoever may see it: the caller's sight was checked before). */
export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from positions where id = $1 for update', [id]);
}

export type PositionChange = Pick<PositionRecord, 'name' | 'kind' | 'geometry' | 'bufferM' | 'valid' | 'recipients'>;

export async function update(sql: Sql, id: string, p: PositionChange, at: number): Promise<void> {
  await sql.query(
    `update positions set name = $2, kind = $3, geometry = $4::jsonb, buffer_m = $5, valid_from = $6, valid_to = $7, updated_at = $8
     where id = $1`,
    [id, p.name, p.kind, JSON.stringify(p.geometry), p.bufferM, ts(p.valid.from), ts(p.valid.to), ts(at)],
  );
  await setRecipients(sql, id, p.recipients);
}

async function setRecipients(sql: Sql, id: string, recipients: readonly string[]): Promise<void> {
  await sql.query('delete from position_recipients where position_id = $1 and not (org_id = any($2::text[]))', [
    id,
    recipients,
  ]);
  await sql.query(
    `insert into position_recipients (position_id, org_id) select $1, unnest($2::text[]) on conflict do nothing`,
    [id, recipients],
  );
}

export async function withdraw(sql: Sql, id: string, username: string): Promise<void> {
  await sql.query('update positions set withdrawn_at = now(), withdrawn_by = $2, updated_at = now() where id = $1', [
    id,
    username,
  ]);
}
