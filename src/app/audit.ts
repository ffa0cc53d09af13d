/** Writes an audit entry for a change made by a caller, in the same transaction as the change. */
import { appendAudit, type AuditEntry } from '../store/audit.repository.ts';
import type { Sql } from '../store/sql.ts';
import type { Caller } from './caller.ts';

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
  await appendAudit(sql, auditEntries(caller, at, changes));
}

/** The entries `audit` appends, for a repository that writes them in the same statement as the change. */
export function auditEntries(caller: Caller | null, at: number, changes: readonly Change[]): AuditEntry[] {
  return changes.map((c) => ({
    at, userId: caller?.userId ?? null, orgId: caller?.orgId ?? null, action: c.action, entity: c.entity, entityId: c.entityId,
    classification: c.classification ?? 'public', ownerOrg: c.ownerOrg ?? null, before: c.before ?? null, after: c.after ?? null,
  }));
}
