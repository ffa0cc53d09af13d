/**
 * A record's audit history, read as the caller (row-level security on audit_log: an entry is
 * seen by whoever may see the record as it was classified in that entry, and by its owner).
 *
 * Who may read it: roles with `audit:read` (admin, analyst) read the history of any record
 * they can see now; other roles read the history of their own organization's records only.
 * A deleted record's history stays readable (by the same rules) from its entries. Accounts
 * (user, api_token, organization) are for an admin of their own organization.
 */
import { auditHistory, type StoredAuditEntry } from '../store/audit.repository.ts';
import { asReader } from '../store/reader.ts';
import { recordVisible } from '../store/record-visibility.ts';
import { type Caller, can, readerOf, requireCaller } from './caller.ts';
import type { AppContext } from './context.ts';
import { forbidden, notFound } from './errors.ts';

const ACCOUNT_ENTITIES = new Set(['user', 'api_token', 'organization']);

export async function getAuditHistory(ctx: AppContext, caller: Caller | null, entity: string, id: string): Promise<StoredAuditEntry[]> {
  const c = requireCaller(caller);
  const { visible, entries } = await asReader(ctx.db, readerOf(c), async (sql) => ({
    visible: await recordVisible(sql, entity, id), entries: await auditHistory(sql, entity, id),
  }));
  const deleted = entries.at(-1)?.action === 'delete';
  const there = visible === true || (entries.length > 0 && (visible === null || deleted));
  if (!there) throw notFound(entity.replace(/_/g, ' '), id);
  if (entries.length === 0) return [];
  const own = entries.filter((e) => e.ownerOrg === c.orgId);
  if (ACCOUNT_ENTITIES.has(entity)) {
    if (!can(c, 'accounts:manage')) throw forbidden('only an admin reads the history of accounts');
    if (own.length === 0) throw notFound(entity.replace(/_/g, ' '), id);
    return own;
  }
  if (can(c, 'audit:read')) return entries;
  if (own.length === 0) throw forbidden(`the ${c.role} role reads the history of its own organization's records only`);
  return own;
}
