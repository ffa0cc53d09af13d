/**
 * `truce audit verify` and `truce audit head`: walks the sealed chain as the database owner (all
 * entries, whatever their classification) and names the first link that does not hold; with
 * `expectHead`, also where that head is in the chain (null: not in it). It never seals: sealing
 * first would chain an entry edited while it waited, and the verification would bless it.
 */
import * as auditLog from '../../store/audit.repository.ts';
import type { Sql } from '../../store/sql.ts';

export type { AuditVerification } from '../../store/audit.repository.ts';

export async function verifyAuditChain(sql: Sql, expectHead?: string): Promise<auditLog.AuditVerification> {
  return auditLog.verify(sql, expectHead);
}
