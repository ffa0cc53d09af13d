/**
 * GET /audit: the audit trail across records, newest first, by who made the change, their
 * organization, the kind of record and the time. For the roles that read the trail (`audit:read`:
 * admins and analysts); other roles read the history of their own organization's records, record
 * by record (get-audit-history.ts).
 *
 * It shows exactly the entries the history of each record would show this reader: row-level
 * security on audit_log (the record as classified in the entry, and every record it mentions), the
 * record itself visible now or gone, and accounts (users, API tokens, organizations) for an admin
 * of their own organization only. Every one of these conditions is in the one query that reads the
 * page (audit.repository.ts `listPage`), so that "there is more" is never said of hidden entries.
 * An unknown username lists nothing, as a user whose changes the reader may not see does.
 */
import type { Page, PageRequest } from '../../contract/paging.ts';
import type { Instant } from '../../domain/time.ts';
import * as accounts from '../../store/account.repository.ts';
import * as auditLog from '../../store/audit.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, can, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { ACCOUNT_ENTITIES, type AuditHistoryEntry } from './get-audit-history.ts';

export interface AuditTrailQuery {
  /** A username: the changes that user made. */
  user?: string | undefined;
  /** An organization's id: the changes its users made. */
  org?: string | undefined;
  entity?: string | undefined;
  from?: Instant | undefined;
  to?: Instant | undefined;
}

export interface AuditTrailEntry extends AuditHistoryEntry {
  /** What names the record for people, as the reader may see it now; null when it is gone or has no name. */
  record: auditLog.RecordSummary | null;
}

export async function listAuditTrail(
  ctx: AppContext,
  caller: Caller | null,
  query: AuditTrailQuery,
  page: PageRequest,
): Promise<Page<AuditTrailEntry>> {
  const c = requirePermission(caller, 'audit:read');
  let userId: string | undefined;
  if (query.user !== undefined) {
    const user = await accounts.getUserByName(ctx.db, query.user);
    if (!user) return { items: [], next: null };
    userId = user.id;
  }
  const { found, summaries } = await asReader(ctx.db, readerOf(c), async (sql) => {
    const found = await auditLog.listPage(
      sql,
      { userId, orgId: query.org, entity: query.entity, from: query.from, to: query.to },
      scopeOf(c),
      page,
    );
    const refs = found.items.map((e) => ({ entity: e.entity, id: e.entityId }));
    return { found, summaries: await auditLog.getRecordSummaries(sql, refs) };
  });
  // Who made each change, and the accounts the entries are about (an admin's own organization's only).
  const userIds = found.items.flatMap((e) => [
    ...(e.userId ? [e.userId] : []),
    ...(e.entity === 'user' ? [e.entityId] : []),
  ]);
  const names = await accounts.userNames(ctx.db, [...new Set(userIds)]);
  const orgs = found.items.some((e) => e.entity === 'organization')
    ? new Map((await accounts.listOrgs(ctx.db)).map((o) => [o.id, o.name]))
    : new Map<string, string>();
  const items = found.items.map((e): AuditTrailEntry => ({
    ...e,
    by: e.userId ? (names.get(e.userId) ?? null) : null,
    record: summaries.get(`${e.entity}:${e.entityId}`) ?? accountSummary(e, names, orgs),
  }));
  return { items, next: found.next };
}

/** Accounts (users, API tokens, organizations) only for an admin, of their own organization. */
const scopeOf = (c: Caller): auditLog.AuditScope => ({
  accountEntities: [...ACCOUNT_ENTITIES],
  accountsOf: can(c, 'accounts:manage') ? c.orgId : null,
});

/**
 * Whether GET /audit would list this reader at least one of the entries the filter picks (the
 * live event of a seal asks it of the entries just sealed): the same query, every condition
 * that hides an entry in it.
 */
export async function auditTrailVisible(
  ctx: AppContext,
  caller: Caller,
  filter: auditLog.AuditFilter,
): Promise<boolean> {
  if (!can(caller, 'audit:read')) return false;
  const found = await asReader(ctx.db, readerOf(caller), (sql) =>
    auditLog.listPage(sql, filter, scopeOf(caller), { limit: 1, after: null }),
  );
  return found.items.length > 0;
}

/** An account named for people: a user by their name, an API token by its own, an organization by its name. */
function accountSummary(
  e: auditLog.StoredAuditEntry,
  users: Map<string, { displayName: string }>,
  orgs: Map<string, string>,
): auditLog.RecordSummary | null {
  const field = (side: unknown) => (side as { name?: unknown } | null)?.name;
  const name =
    e.entity === 'user'
      ? (users.get(e.entityId)?.displayName ?? null)
      : e.entity === 'organization'
        ? (orgs.get(e.entityId) ?? null)
        : e.entity === 'api_token' || e.entity === 'webhook'
          ? ([field(e.after), field(e.before)].find((n): n is string => typeof n === 'string') ?? null)
          : null;
  return name === null ? null : { name, act: null, at: null, datePrecision: null, location: null };
}
