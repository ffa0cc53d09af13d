/**
 * `truce audit seal`: appends the audit entries that wait, in order, to the SHA-256 chain, as the
 * database owner. The server seals by itself after each write (`ctx.wrote()`); this is for the
 * operator who wants it done now. Returns how many entries it sealed.
 */
import * as auditLog from '../../store/audit.repository.ts';
import type { Database } from '../../store/sql.ts';

export async function sealAuditChain(db: Database): Promise<number> {
  return auditLog.seal(db);
}
