/**
 * Rulings on incidents' findings and their approvals (migration 009). Reads run as the reader: a
 * ruling shows with its incident, and names only the accounts the reader may see. Writes run in
 * the caller's transaction.
 */
import type { Classification } from '../contract/access.ts';
import type { Verdict } from '../domain/findings.ts';
import type { Instant } from '../domain/time.ts';
import { ms, ts } from './rows.ts';
import type { Sql } from './sql.ts';

export const RULING_STATUSES = ['pending', 'in_force', 'withdrawn', 'superseded'] as const;
export type RulingStatus = (typeof RULING_STATUSES)[number];
export type RuledVerdict = Exclude<Verdict, 'needs_review'>;

export interface Approval {
  org: string;
  userId: string | null;
  at: Instant;
}

export interface Ruling {
  id: string;
  findingKey: string;
  incidentId: string;
  agreement: string | null;
  verdict: RuledVerdict;
  violators: string[];
  reasoning: string;
  /** The accounts relied on (those the reader may see). */
  reliedOn: string[];
  automatic: { verdict: Verdict; violators: string[] };
  /** The zones the finding rested on (whoever may not see one may not see the ruling). */
  restsOnZones: string[];
  requiredOrgs: string[];
  approvals: Approval[];
  status: RulingStatus;
  /** The facts changed the automatic finding since the ruling was proposed. */
  needsAnotherLook: boolean;
  proposedBy: string | null;
  proposedOrg: string;
  proposedAt: Instant;
  inForceAt: Instant | null;
  closedAt: Instant | null;
  classification: Classification;
  ownerOrg: string | null;
}

interface RulingRow {
  id: string;
  finding_key: string;
  incident_id: string;
  agreement_id: string | null;
  verdict: RuledVerdict;
  violators: string[];
  reasoning: string;
  relied_on: string[];
  automatic_verdict: Verdict;
  automatic_violators: string[];
  rests_on_zones: string[];
  required_orgs: string[];
  approvals: { org: string; user_id: string | null; at: string }[];
  status: RulingStatus;
  needs_another_look: boolean;
  proposed_by: string | null;
  proposed_org: string;
  proposed_at: Date;
  in_force_at: Date | null;
  closed_at: Date | null;
  classification: Classification;
  owner_org: string | null;
}

const SELECT = `select r.id, r.finding_key, r.incident_id, r.agreement_id, r.verdict, r.violators, r.reasoning,
    array(select rep.id from reports rep where rep.id = any(r.relied_on) order by rep.received_at, rep.id) as relied_on,
    r.automatic_verdict, r.automatic_violators, r.rests_on_zones, r.required_orgs,
    coalesce((select jsonb_agg(jsonb_build_object('org', a.org_id, 'user_id', a.user_id, 'at', a.at) order by a.at, a.org_id)
      from ruling_approvals a where a.ruling_id = r.id), '[]'::jsonb) as approvals,
    r.status, r.needs_another_look, r.proposed_by, r.proposed_org, r.proposed_at, r.in_force_at, r.closed_at,
    r.classification, r.owner_org
  from rulings r`;

const toRuling = (r: RulingRow): Ruling => ({
  id: r.id,
  findingKey: r.finding_key,
  incidentId: r.incident_id,
  agreement: r.agreement_id,
  verdict: r.verdict,
  violators: r.violators,
  reasoning: r.reasoning,
  reliedOn: r.relied_on,
  automatic: { verdict: r.automatic_verdict, violators: r.automatic_violators },
  restsOnZones: r.rests_on_zones,
  requiredOrgs: r.required_orgs,
  approvals: r.approvals.map((a) => ({ org: a.org, userId: a.user_id, at: Date.parse(a.at) })),
  status: r.status,
  needsAnotherLook: r.needs_another_look,
  proposedBy: r.proposed_by,
  proposedOrg: r.proposed_org,
  proposedAt: ms(r.proposed_at),
  inForceAt: r.in_force_at ? ms(r.in_force_at) : null,
  closedAt: r.closed_at ? ms(r.closed_at) : null,
  classification: r.classification,
  ownerOrg: r.owner_org,
});

export async function insert(sql: Sql, r: Ruling): Promise<void> {
  await sql.query(
    `insert into rulings (id, finding_key, incident_id, agreement_id, verdict, violators, reasoning, relied_on, automatic_verdict,
       automatic_violators, required_orgs, status, needs_another_look, proposed_by, proposed_org, proposed_at, classification, owner_org,
       rests_on_zones)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, $13, $14, $15, $16, $17, $18)`,
    [
      r.id,
      r.findingKey,
      r.incidentId,
      r.agreement,
      r.verdict,
      r.violators,
      r.reasoning,
      r.reliedOn,
      r.automatic.verdict,
      r.automatic.violators,
      r.requiredOrgs,
      r.status,
      r.proposedBy,
      r.proposedOrg,
      ts(r.proposedAt),
      r.classification,
      r.ownerOrg,
      r.restsOnZones,
    ],
  );
}

export async function getMany(sql: Sql, ids: readonly string[]): Promise<Ruling[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<RulingRow>(`${SELECT} where r.id = any($1)`, [ids]);
  return rows.map(toRuling);
}

/** Locks a ruling against a concurrent approval; false when it is not there (or not visible). */
export async function lock(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select id from rulings where id = $1 for update', [id])).length > 0;
}

/** An incident's rulings, newest first. */
export async function listOfIncident(sql: Sql, incidentId: string): Promise<Ruling[]> {
  const rows = await sql.query<RulingRow>(`${SELECT} where r.incident_id = $1 order by r.proposed_at desc, r.id`, [
    incidentId,
  ]);
  return rows.map(toRuling);
}

/** The rulings of a status, oldest first; with `awaiting`, those still waiting for that organization's approval. */
export async function list(
  sql: Sql,
  filter: { status: RulingStatus; awaiting?: string | undefined; limit: number },
): Promise<Ruling[]> {
  const rows = await sql.query<RulingRow>(
    `${SELECT} where r.status = $1
       and ($2::text is null or ($2::text = any(r.required_orgs)
            and not exists (select 1 from ruling_approvals a where a.ruling_id = r.id and a.org_id = $2::text)))
     order by r.proposed_at, r.id limit $3`,
    [filter.status, filter.awaiting ?? null, filter.limit],
  );
  return rows.map(toRuling);
}

/** The pending or in-force ruling of a finding, locked (as the owner). */
export async function lockOpenOfFinding(sql: Sql, findingKey: string): Promise<{ id: string; status: RulingStatus }[]> {
  return sql.query<{ id: string; status: RulingStatus }>(
    `select id, status from rulings where finding_key = $1 and status in ('pending', 'in_force') order by id for update`,
    [findingKey],
  );
}

export async function approve(sql: Sql, id: string, org: string, userId: string | null, at: Instant): Promise<void> {
  await sql.query('insert into ruling_approvals (ruling_id, org_id, user_id, at) values ($1, $2, $3, $4)', [
    id,
    org,
    userId,
    ts(at),
  ]);
}

export async function setStatus(sql: Sql, id: string, status: RulingStatus, at: Instant): Promise<void> {
  await sql.query(
    `update rulings set status = $2,
       in_force_at = case when $2 = 'in_force' then $3::timestamptz else in_force_at end,
       closed_at = case when $2 in ('withdrawn', 'superseded') then $3::timestamptz else closed_at end
     where id = $1`,
    [id, status, ts(at)],
  );
}

/** Puts a ruling in force on its finding (or, with null, none): what the counts read beside the rules' verdict. */
export async function applyToFinding(sql: Sql, findingKey: string, ruling: Ruling | null): Promise<void> {
  await sql.query('update findings set ruled_verdict = $2, ruled_violators = $3, ruling_id = $4 where key = $1', [
    findingKey,
    ruling?.verdict ?? null,
    ruling?.violators ?? null,
    ruling?.id ?? null,
  ]);
}

/**
 * Flags the open rulings on these incidents whose automatic finding is no longer the one they were
 * proposed against (changed or withdrawn by a change of facts); returns their ids. A ruling in
 * force whose finding was withdrawn and judged again is put back on it.
 */
export async function flagChanged(sql: Sql, incidentIds: readonly string[] | 'all'): Promise<string[]> {
  if (incidentIds !== 'all' && incidentIds.length === 0) return [];
  const ids = incidentIds === 'all' ? null : incidentIds;
  await sql.query(
    `update findings f set ruled_verdict = r.verdict, ruled_violators = r.violators, ruling_id = r.id
       from rulings r
      where r.status = 'in_force' and ($1::text[] is null or r.incident_id = any($1)) and f.key = r.finding_key
        and f.ruling_id is null`,
    [ids],
  );
  const rows = await sql.query<{ id: string }>(
    `update rulings r set needs_another_look = true
      where r.status in ('pending', 'in_force') and ($1::text[] is null or r.incident_id = any($1)) and not r.needs_another_look
        and not exists (select 1 from findings f where f.key = r.finding_key and f.verdict = r.automatic_verdict
                         and f.violators = r.automatic_violators)
      returning r.id`,
    [ids],
  );
  return rows.map((r) => r.id);
}
