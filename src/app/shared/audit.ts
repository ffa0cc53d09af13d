/** Writes an audit entry for a change made by a caller, in the same transaction as the change. */
import * as auditLog from '../../store/audit.repository.ts';
import type { Sql } from '../../store/sql.ts';
import type { Caller } from '../caller.ts';

export interface Change {
  action: string;
  entity: string;
  entityId: string;
  classification?: string;
  ownerOrg?: string | null;
  before?: unknown;
  after?: unknown;
}

/** `caller` null means the system itself (the CLI run by an operator, the importer, start-up). */
export async function audit(sql: Sql, caller: Caller | null, at: number, changes: readonly Change[]): Promise<void> {
  await auditLog.insert(sql, auditEntries(caller, at, changes));
}

/** The entries `audit` appends, for a repository that writes them in the same statement as the change. */
export function auditEntries(caller: Caller | null, at: number, changes: readonly Change[]): auditLog.AuditEntry[] {
  return changes.map((c) => ({
    at,
    userId: caller?.userId ?? null,
    orgId: caller?.orgId ?? null,
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    classification: c.classification ?? 'public',
    ownerOrg: c.ownerOrg ?? null,
    before: c.before ?? null,
    after: c.after ?? null,
    mentions: mentionsOf(c),
  }));
}

/**
 * The records an entry names besides its own, as `entity:id`: a report's incident, an incident's
 * report, a duplicate's original, a clause's agreement, a ruling's agreement, zones (a besieged area's, a local
 * agreement's) and accounts. Whoever may not see one of them may not see the entry
 * (docs/confidentiality.md). Migration 007 applies the same reading to the entries before it.
 */
export function mentionsOf(c: Pick<Change, 'entity' | 'entityId' | 'before' | 'after'>): string[] {
  const field = (name: string): unknown =>
    (c.after as Record<string, unknown> | null | undefined)?.[name] ??
    (c.before as Record<string, unknown> | null | undefined)?.[name];
  const mentions: string[] = [];
  if (c.entity === 'agreement_clause') mentions.push(`agreement:${c.entityId.split('#')[0]}`);
  // A hotline thread's entries show only to who may see the thread, and the records it links.
  if (c.entity === 'hotline_thread') {
    mentions.push(`hotline_thread:${c.entityId}`);
    const links = field('links');
    if (Array.isArray(links)) for (const l of links) if (typeof l === 'string') mentions.push(l);
  }
  // A convoy request's entries show only to who may see the request (migration 027).
  if (c.entity === 'convoy_request') mentions.push(`convoy_request:${c.entityId}`);
  // A negotiation room's entries show only to its members (migration 033).
  if (c.entity === 'negotiation_room') mentions.push(`negotiation_room:${c.entityId}`);
  const incident = field('incident_id');
  if (typeof incident === 'string') mentions.push(`incident:${incident}`);
  const report = field('report_id');
  if (typeof report === 'string') mentions.push(`report:${report}`);
  // A besieged area or a local agreement names its zone.
  const zone = field('zone_id');
  if (typeof zone === 'string') mentions.push(`zone:${zone}`);
  // A ruling names its finding's agreement and zones, and the accounts it relied on.
  const agreement = field('agreement_id');
  if (typeof agreement === 'string') mentions.push(`agreement:${agreement}`);
  for (const key of ['rests_on_zones', 'relied_on'] as const) {
    const ids = field(key);
    if (Array.isArray(ids))
      for (const x of ids) if (typeof x === 'string') mentions.push(`${key === 'relied_on' ? 'report' : 'zone'}:${x}`);
  }
  // A duplicate names its original (either side of the change).
  for (const side of [c.before, c.after]) {
    const original = (side as Record<string, unknown> | null | undefined)?.duplicate_of;
    if (typeof original === 'string' && !mentions.includes(`report:${original}`)) mentions.push(`report:${original}`);
  }
  return mentions;
}
