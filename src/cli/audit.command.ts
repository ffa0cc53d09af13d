/**
 * `truce audit verify` and `truce audit seal`. Verifying does not seal: sealing first would chain
 * an entry edited while it waited, and the verification would bless it. It walks the sealed chain
 * as the database owner (all entries, whatever their classification) and names the first link
 * that does not hold.
 */
import { sealAudit, verifyAudit } from '../store/audit.repository.ts';
import type { Database } from '../store/sql.ts';
import { type DbFlags, withDatabase } from './database.command.ts';
import { EXIT, type Io } from './io.ts';

export const auditVerify = (io: Io, flags: DbFlags) => withDatabase(flags, (db) => verifyAuditTrail(io, db));
export const auditSeal = (io: Io, flags: DbFlags) => withDatabase(flags, (db) => sealAuditTrail(io, db));

export async function verifyAuditTrail(io: Io, db: Database): Promise<number> {
  const v = await verifyAudit(db);
  const pending = v.unsealed > 0 ? ` (and ${count(v.unsealed)} not sealed yet: \`truce audit seal\` chains them)` : '';
  if (v.broken) {
    io.out(`BROKEN at chain position ${v.broken.chainPos} (audit entry seq ${v.broken.seq}): ${v.broken.problem}\n`);
    io.out(`  the chain holds before it, up to ${v.head}${pending}\n`);
    return EXIT.failure;
  }
  io.out(`OK: ${count(v.sealed)}, head ${v.head}${pending}\n`);
  return EXIT.ok;
}

export async function sealAuditTrail(io: Io, db: Database): Promise<number> {
  const sealed = await sealAudit(db);
  io.out(`Sealed ${count(sealed)}.\n`);
  return EXIT.ok;
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
