/**
 * A record's audit history, read as the caller (row-level security on audit_log: an entry is
 * seen by whoever may see the record as it was classified in that entry, and every record the
 * entry names, and by its owner).
 *
 * Who may read it: roles with `audit:read` (admin, analyst) read the history of any record
 * they can see now; other roles read the history of their own organization's records only.
 * A deleted record's history stays readable (by the same rules) from its entries. Accounts
 * (user, api_token, organization, webhook) are for an admin of their own organization: any other caller
 * is refused before anything is looked up, so that the answer never tells whether one exists.
 * A record the caller may not see is not found, whatever the caller's role.
 */
import { RECORD_KINDS, type RecordKind } from '../../domain/statements.ts';
import * as accounts from '../../store/account.repository.ts';
import * as auditLog from '../../store/audit.repository.ts';
import { asReader } from '../../store/reader.ts';
import { recordVisible } from '../../store/record-visibility.ts';
import { type Caller, can, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';

/** Accounts: their history is for an admin of their own organization. */
export const ACCOUNT_ENTITIES: ReadonlySet<string> = new Set(['user', 'api_token', 'organization', 'webhook']);

/** The audit trail's entity name as the kind of record an error names. */
const recordKind = (entity: string): RecordKind => {
  const kind = entity.replace(/_/g, ' ');
  return (RECORD_KINDS as readonly string[]).includes(kind) ? (kind as RecordKind) : 'record';
};

export interface AuditHistoryEntry extends auditLog.StoredAuditEntry {
  /** Who made the change, for people to read; null for the system. */
  by: { username: string; displayName: string; orgName: string } | null;
}

export async function getAuditHistory(
  ctx: AppContext,
  caller: Caller | null,
  entity: string,
  id: string,
): Promise<AuditHistoryEntry[]> {
  const c = requireCaller(caller);
  const account = ACCOUNT_ENTITIES.has(entity);
  if (account && !can(c, 'accounts:manage')) throw forbidden('only an admin reads the history of accounts');
  const { visible, entries } = await asReader(ctx.db, readerOf(c), async (sql) => ({
    visible: await recordVisible(sql, entity, id),
    entries: await auditLog.history(sql, entity, id),
  }));
  const deleted = entries.at(-1)?.action === 'delete';
  const there = visible === true || (entries.length > 0 && (visible === null || deleted));
  if (!there) throw notFound(recordKind(entity), id);
  const own = entries.filter((e) => e.ownerOrg === c.orgId);
  let shown: auditLog.StoredAuditEntry[];
  if (account) {
    if (own.length === 0) throw notFound(recordKind(entity), id);
    shown = own;
  } else if (can(c, 'audit:read') || entries.length === 0) {
    shown = entries;
  } else {
    if (own.length === 0)
      throw forbidden(`the ${c.role} role reads the history of its own organization's records only`);
    shown = own;
  }
  const names = await accounts.userNames(ctx.db, [...new Set(shown.flatMap((e) => (e.userId ? [e.userId] : [])))]);
  return shown.map((e) => Object.assign(e, { by: e.userId ? (names.get(e.userId) ?? null) : null }));
}
