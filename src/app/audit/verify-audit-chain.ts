/**
 * `truce audit verify` and `truce audit head`: walks the sealed chain as the database owner (all
 * entries, whatever their classification) and names the first link that does not hold; with
 * `expectHead`, also where that head is in the chain (null: not in it). It never seals: sealing
 * first would chain an entry edited while it waited, and the verification would bless it.
 */
import * as auditLog from '../../store/audit.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';

export type { AuditVerification } from '../../store/audit.repository.ts';

export async function verifyAuditChain(sql: Sql, expectHead?: string): Promise<auditLog.AuditVerification> {
  return auditLog.verify(sql, expectHead);
}

/**
 * GET /audit/verify: whether the chain holds, for those who may read the trail. Only that: where
 * it breaks, and how many entries it holds, would tell of entries the reader may not see (the
 * operator learns both from `truce audit verify`).
 */
export async function verifyAuditTrail(ctx: AppContext, caller: Caller | null): Promise<{ ok: boolean }> {
  requirePermission(caller, 'audit:read');
  return { ok: (await auditLog.verify(ctx.db)).ok };
}
