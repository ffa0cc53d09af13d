/**
 * Negotiation rooms, their members, clauses with every version, positions with their history, and
 * publication proposals with their approvals (migration 033). Read as the reader: a room shows to
 * its member organizations only, and everything in it with it only.
 */
import type { Stance, PublicationState } from '../contract/negotiation.ts';
import type { Area } from '../domain/geo.ts';
import type { Act, ObligationCode } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Sql } from './sql.ts';
import { ms, msOrNull, ts } from './rows.ts';

export interface MemberRecord {
  orgId: string;
  orgName: string;
  orgKind: string;
  addedAt: Instant;
  addedBy: string | null;
}

export interface RoomRecord {
  id: string;
  title: string;
  agreementId: string;
  createdOrg: string;
  createdBy: string | null;
  createdAt: Instant;
  revision: number;
  members: MemberRecord[];
}

export interface VersionRecord {
  clauseId: string;
  version: number;
  revision: number;
  number: string;
  title: string;
  text: string;
  code: ObligationCode | null;
  acts: Act[];
  authorOrg: string;
  author: string | null;
  at: Instant;
}

export interface ClauseRecord {
  id: string;
  position: number;
  current: VersionRecord;
}

export interface PositionRecord {
  id: number;
  clauseId: string;
  orgId: string;
  stance: Stance;
  comment: string;
  proposedWording: string | null;
  clauseVersion: number;
  takenBy: string | null;
  at: Instant;
}

export interface ApprovalRecord {
  orgId: string;
  approvedBy: string | null;
  approvedAt: Instant;
  voidedAt: Instant | null;
}

export interface PublicationRecord {
  id: string;
  roomId: string;
  versions: { clause: string; version: number }[];
  inForce: { from: Instant; to: Instant | null }[] | null;
  prohibited: Act[] | null;
  /** The scope once published (`area` null: everywhere); null keeps the agreement's. */
  scope: { area: Area | null } | null;
  /** The governorates and districts (OCHA pcodes) the scope was given as; null when given otherwise or kept. */
  scopeAreas: string[] | null;
  /** The excluded groups once published (actor ids); null keeps the agreement's. */
  excluded: string[] | null;
  requiredOrgs: string[];
  state: PublicationState;
  proposedOrg: string;
  proposedBy: string | null;
  proposedAt: Instant;
  voidedAt: Instant | null;
  voidedByClause: string | null;
  /** Voided by a change to the agreement's scope or excluded groups after it was proposed. */
  voidedByTerms: boolean;
  publishedAt: Instant | null;
  publishedBy: string | null;
  approvals: ApprovalRecord[];
}

const ROOM = `
  select r.id, r.title, r.agreement_id, r.created_org, r.created_by, r.created_at, r.revision,
    coalesce((select json_agg(json_build_object('org_id', m.org_id, 'org_name', o.name, 'org_kind', o.kind,
        'added_at', m.added_at, 'added_by', m.added_by) order by m.added_at, m.org_id)
      from negotiation_room_members m join organizations o on o.id = m.org_id where m.room_id = r.id), '[]') as members
  from negotiation_rooms r`;

interface RoomRow {
  id: string;
  title: string;
  agreement_id: string;
  created_org: string;
  created_by: string | null;
  created_at: Date;
  revision: number;
  members: { org_id: string; org_name: string; org_kind: string; added_at: string; added_by: string | null }[];
}

const toRoom = (r: RoomRow): RoomRecord => ({
  id: r.id,
  title: r.title,
  agreementId: r.agreement_id,
  createdOrg: r.created_org,
  createdBy: r.created_by,
  createdAt: ms(r.created_at),
  revision: r.revision,
  members: r.members.map((m) => ({
    orgId: m.org_id,
    orgName: m.org_name,
    orgKind: m.org_kind,
    addedAt: ms(m.added_at),
    addedBy: m.added_by,
  })),
});

export async function get(sql: Sql, id: string): Promise<RoomRecord | null> {
  const [row] = await sql.query<RoomRow>(`${ROOM} where r.id = $1`, [id]);
  return row ? toRoom(row) : null;
}

/** The rooms the reader is a member of, newest first. */
export async function list(sql: Sql): Promise<RoomRecord[]> {
  return (await sql.query<RoomRow>(`${ROOM} order by r.created_at desc, r.id`)).map(toRoom);
}

export async function lock(sql: Sql, id: string): Promise<void> {
  await sql.query('select id from negotiation_rooms where id = $1 for update', [id]);
}

export async function insert(
  sql: Sql,
  r: { id: string; title: string; agreementId: string; createdOrg: string; createdBy: string; at: Instant },
): Promise<void> {
  await sql.query(
    `insert into negotiation_rooms (id, title, agreement_id, created_org, created_by, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [r.id, r.title, r.agreementId, r.createdOrg, r.createdBy, ts(r.at)],
  );
}

export async function insertMember(sql: Sql, roomId: string, orgId: string, by: string, at: Instant): Promise<void> {
  await sql.query(
    `insert into negotiation_room_members (room_id, org_id, added_by, added_at) values ($1, $2, $3, $4) on conflict do nothing`,
    [roomId, orgId, by, ts(at)],
  );
}

/** The room's next revision of its draft (the room must be locked). */
export async function nextRevision(sql: Sql, roomId: string): Promise<number> {
  const [row] = await sql.query<{ revision: number }>(
    'update negotiation_rooms set revision = revision + 1 where id = $1 returning revision',
    [roomId],
  );
  return row!.revision;
}

export async function insertClause(sql: Sql, roomId: string, id: string, at: Instant): Promise<void> {
  await sql.query(
    `insert into negotiation_clauses (id, room_id, position, created_at)
     values ($1, $2, (select coalesce(max(position), 0) + 1 from negotiation_clauses where room_id = $2), $3)`,
    [id, roomId, ts(at)],
  );
}

export async function insertVersion(sql: Sql, v: VersionRecord): Promise<void> {
  await sql.query(
    `insert into negotiation_clause_versions (clause_id, version, revision, number, title, body, code, acts, author_org, author, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [v.clauseId, v.version, v.revision, v.number, v.title, v.text, v.code, v.acts, v.authorOrg, v.author, ts(v.at)],
  );
}

const VERSION = `select v.clause_id, v.version, v.revision, v.number, v.title, v.body, v.code, v.acts, v.author_org, v.author, v.at
  from negotiation_clause_versions v join negotiation_clauses c on c.id = v.clause_id`;

interface VersionRow {
  clause_id: string;
  version: number;
  revision: number;
  number: string;
  title: string;
  body: string;
  code: ObligationCode | null;
  acts: Act[];
  author_org: string;
  author: string | null;
  at: Date;
}

const toVersion = (v: VersionRow): VersionRecord => ({
  clauseId: v.clause_id,
  version: v.version,
  revision: v.revision,
  number: v.number,
  title: v.title,
  text: v.body,
  code: v.code,
  acts: v.acts,
  authorOrg: v.author_org,
  author: v.author,
  at: ms(v.at),
});

/** Every version of the room's clauses (of one clause when named), by clause then version. */
export async function listVersions(sql: Sql, roomId: string, clauseId?: string): Promise<VersionRecord[]> {
  const rows = await sql.query<VersionRow>(
    `${VERSION} where c.room_id = $1 and ($2::text is null or c.id = $2) order by c.position, v.version`,
    [roomId, clauseId ?? null],
  );
  return rows.map(toVersion);
}

/** The room's clauses in order, each with its newest version. */
export async function listClauses(sql: Sql, roomId: string): Promise<ClauseRecord[]> {
  const rows = await sql.query<VersionRow & { position: number }>(
    `select distinct on (c.position) c.position, v.clause_id, v.version, v.revision, v.number, v.title, v.body, v.code,
       v.acts, v.author_org, v.author, v.at
     from negotiation_clauses c join negotiation_clause_versions v on v.clause_id = c.id
     where c.room_id = $1 order by c.position, v.version desc`,
    [roomId],
  );
  return rows.map((r) => ({ id: r.clause_id, position: r.position, current: toVersion(r) }));
}

export async function getClause(sql: Sql, roomId: string, clauseId: string): Promise<ClauseRecord | null> {
  return (await listClauses(sql, roomId)).find((c) => c.id === clauseId) ?? null;
}

export async function insertPosition(sql: Sql, p: Omit<PositionRecord, 'id'>): Promise<void> {
  await sql.query(
    `insert into negotiation_positions (clause_id, org_id, stance, comment, proposed_wording, clause_version, taken_by, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [p.clauseId, p.orgId, p.stance, p.comment, p.proposedWording, p.clauseVersion, p.takenBy, ts(p.at)],
  );
}

interface PositionRow {
  id: string | number;
  clause_id: string;
  org_id: string;
  stance: Stance;
  comment: string;
  proposed_wording: string | null;
  clause_version: number;
  taken_by: string | null;
  at: Date;
}

/** Every position taken in the room (on one clause when named), oldest first. */
export async function listPositions(sql: Sql, roomId: string, clauseId?: string): Promise<PositionRecord[]> {
  const rows = await sql.query<PositionRow>(
    `select p.id, p.clause_id, p.org_id, p.stance, p.comment, p.proposed_wording, p.clause_version, p.taken_by, p.at
     from negotiation_positions p join negotiation_clauses c on c.id = p.clause_id
     where c.room_id = $1 and ($2::text is null or c.id = $2) order by p.id`,
    [roomId, clauseId ?? null],
  );
  return rows.map((p) => ({
    id: Number(p.id),
    clauseId: p.clause_id,
    orgId: p.org_id,
    stance: p.stance,
    comment: p.comment,
    proposedWording: p.proposed_wording,
    clauseVersion: p.clause_version,
    takenBy: p.taken_by,
    at: ms(p.at),
  }));
}

interface PublicationRow {
  id: string;
  room_id: string;
  versions: { clause: string; version: number }[];
  in_force: { from: string; to: string | null }[] | null;
  prohibited: Act[] | null;
  scope: { area: Area | null } | null;
  scope_areas: string[] | null;
  excluded: string[] | null;
  voided_by_terms: boolean;
  required_orgs: string[];
  state: PublicationState;
  proposed_org: string;
  proposed_by: string | null;
  proposed_at: Date;
  voided_at: Date | null;
  voided_by_clause: string | null;
  published_at: Date | null;
  published_by: string | null;
  approvals: { org_id: string; approved_by: string | null; approved_at: string; voided_at: string | null }[];
}

const PUBLICATION = `
  select p.*, coalesce((select json_agg(json_build_object('org_id', a.org_id, 'approved_by', a.approved_by,
      'approved_at', a.approved_at, 'voided_at', a.voided_at) order by a.approved_at, a.org_id)
    from negotiation_approvals a where a.publication_id = p.id), '[]') as approvals
  from negotiation_publications p`;

const toPublication = (p: PublicationRow): PublicationRecord => ({
  id: p.id,
  roomId: p.room_id,
  versions: p.versions,
  inForce: p.in_force?.map((f) => ({ from: Date.parse(f.from), to: f.to === null ? null : Date.parse(f.to) })) ?? null,
  prohibited: p.prohibited,
  scope: p.scope,
  scopeAreas: p.scope_areas,
  excluded: p.excluded,
  requiredOrgs: p.required_orgs,
  state: p.state,
  proposedOrg: p.proposed_org,
  proposedBy: p.proposed_by,
  proposedAt: ms(p.proposed_at),
  voidedAt: msOrNull(p.voided_at),
  voidedByClause: p.voided_by_clause,
  voidedByTerms: p.voided_by_terms,
  publishedAt: msOrNull(p.published_at),
  publishedBy: p.published_by,
  approvals: p.approvals.map((a) => ({
    orgId: a.org_id,
    approvedBy: a.approved_by,
    approvedAt: Date.parse(a.approved_at),
    voidedAt: a.voided_at === null ? null : Date.parse(a.voided_at),
  })),
});

export async function listPublications(sql: Sql, roomId: string): Promise<PublicationRecord[]> {
  return (
    await sql.query<PublicationRow>(`${PUBLICATION} where p.room_id = $1 order by p.proposed_at, p.id`, [roomId])
  ).map(toPublication);
}

export async function getPublication(sql: Sql, roomId: string, id: string): Promise<PublicationRecord | null> {
  const [row] = await sql.query<PublicationRow>(`${PUBLICATION} where p.room_id = $1 and p.id = $2`, [roomId, id]);
  return row ? toPublication(row) : null;
}

export async function insertPublication(
  sql: Sql,
  p: Pick<
    PublicationRecord,
    | 'id'
    | 'roomId'
    | 'versions'
    | 'inForce'
    | 'prohibited'
    | 'scope'
    | 'scopeAreas'
    | 'excluded'
    | 'requiredOrgs'
    | 'proposedOrg'
  > & {
    proposedBy: string;
    at: Instant;
  },
): Promise<void> {
  await sql.query(
    `insert into negotiation_publications (id, room_id, versions, in_force, prohibited, scope, scope_areas, excluded,
       required_orgs, state, proposed_org, proposed_by, proposed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'proposed', $10, $11, $12)`,
    [
      p.id,
      p.roomId,
      JSON.stringify(p.versions),
      p.inForce === null ? null : JSON.stringify(p.inForce.map((f) => ({ from: ts(f.from), to: ts(f.to) }))),
      p.prohibited,
      p.scope === null ? null : JSON.stringify(p.scope),
      p.scopeAreas,
      p.excluded,
      p.requiredOrgs,
      p.proposedOrg,
      p.proposedBy,
      ts(p.at),
    ],
  );
}

export async function insertApproval(
  sql: Sql,
  publicationId: string,
  orgId: string,
  by: string,
  at: Instant,
): Promise<void> {
  await sql.query(
    `insert into negotiation_approvals (publication_id, org_id, approved_by, approved_at) values ($1, $2, $3, $4)`,
    [publicationId, orgId, by, ts(at)],
  );
}

/**
 * A change to a clause voids every proposal still waiting that includes it, and the approvals
 * given to them; returns the proposals voided.
 */
export async function voidIncluding(sql: Sql, roomId: string, clauseId: string, at: Instant): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `update negotiation_publications set state = 'voided', voided_at = $3, voided_by_clause = $2
     where room_id = $1 and state = 'proposed' and versions @> jsonb_build_array(jsonb_build_object('clause', $2::text))
     returning id`,
    [roomId, clauseId, ts(at)],
  );
  const ids = rows.map((r) => r.id);
  if (ids.length > 0)
    await sql.query(
      'update negotiation_approvals set voided_at = $2 where publication_id = any($1) and voided_at is null',
      [ids, ts(at)],
    );
  return ids;
}

/**
 * A change to the agreement's scope (`scope`) or excluded groups (`excluded`) voids every proposal
 * still waiting, in any room drafting it, that sets that term: its approvers approved replacing the
 * terms as they stood. Returns the proposals voided, each with its room.
 */
export async function voidSettingTerms(
  sql: Sql,
  agreementId: string,
  changed: { scope: boolean; excluded: boolean },
  at: Instant,
): Promise<{ id: string; roomId: string }[]> {
  if (!changed.scope && !changed.excluded) return [];
  const rows = await sql.query<{ id: string; room_id: string }>(
    `update negotiation_publications p set state = 'voided', voided_at = $4, voided_by_terms = true
     from negotiation_rooms r
     where r.id = p.room_id and r.agreement_id = $1 and p.state = 'proposed'
       and (($2 and p.scope is not null) or ($3 and p.excluded is not null))
     returning p.id, p.room_id`,
    [agreementId, changed.scope, changed.excluded, ts(at)],
  );
  const ids = rows.map((r) => r.id);
  if (ids.length > 0)
    await sql.query(
      'update negotiation_approvals set voided_at = $2 where publication_id = any($1) and voided_at is null',
      [ids, ts(at)],
    );
  return rows.map((r) => ({ id: r.id, roomId: r.room_id }));
}

export async function setPublished(sql: Sql, id: string, by: string, at: Instant): Promise<void> {
  await sql.query(
    `update negotiation_publications set state = 'published', published_at = $3, published_by = $2 where id = $1`,
    [id, by, ts(at)],
  );
}
