/**
 * `truce audit verify` and `truce audit seal`. Verifying does not seal: sealing first would chain
 * an entry edited while it waited, and the verification would bless it. It walks the sealed chain
 * as the database owner (all entries, whatever their classification) and names the first link
 * that does not hold. The walk cannot see the newest entries removed (the chain that is left
 * holds): record the head it prints somewhere else (`truce audit head`, a ticket, an email to
 * the co-chairs) and give it back later with `--expect-head`; it must still be in the chain.
 */
import { sealAuditChain } from '../app/audit/seal-audit-chain.ts';
import { verifyAuditChain } from '../app/audit/verify-audit-chain.ts';
import type { Database } from '../store/database.ts';
import { type DbFlags, withDatabase } from './database.command.ts';
import { EXIT, type Io, UsageError } from './io.ts';

export const auditVerify = (io: Io, flags: DbFlags, expectHead?: string) => {
  if (expectHead !== undefined && !/^[0-9a-f]{64}$/.test(expectHead))
    throw new UsageError('--expect-head must be a head as `truce audit verify` prints it: 64 hexadecimal digits');
  return withDatabase(flags, (db) => verifyAuditTrail(io, db, expectHead));
};
export const auditHead = (io: Io, flags: DbFlags) => withDatabase(flags, (db) => printAuditHead(io, db));
export const auditSeal = (io: Io, flags: DbFlags) => withDatabase(flags, (db) => sealAuditTrail(io, db));

export async function verifyAuditTrail(io: Io, db: Database, expectHead?: string): Promise<number> {
  const v = await verifyAuditChain(db, expectHead);
  const pending = v.unsealed > 0 ? ` (and ${count(v.unsealed)} not sealed yet: \`truce audit seal\` chains them)` : '';
  if (v.broken) {
    io.out(`BROKEN at chain position ${v.broken.chainPos} (audit entry seq ${v.broken.seq}): ${v.broken.problem}\n`);
    io.out(`  the chain holds before it, up to ${v.head}${pending}\n`);
    return EXIT.failure;
  }
  if (v.expectedHeadAt === null) {
    io.out(
      `BROKEN: the expected head ${expectHead} is not in the chain: the entry it ended with, or one before it, was deleted or rewritten\n`,
    );
    io.out(`  the chain that is left holds: ${count(v.sealed)}, head ${v.head}${pending}\n`);
    return EXIT.failure;
  }
  io.out(`OK: ${count(v.sealed)}, head ${v.head}${pending}\n`);
  if (v.expectedHeadAt !== undefined) {
    const since = v.sealed - v.expectedHeadAt;
    io.out(
      `  the expected head is chain position ${v.expectedHeadAt}${since > 0 ? `; ${count(since)} sealed after it` : ': nothing sealed since'}\n`,
    );
  }
  return EXIT.ok;
}

/** The head alone, to record elsewhere; nothing, and exit 1, when the chain does not hold. */
export async function printAuditHead(io: Io, db: Database): Promise<number> {
  const v = await verifyAuditChain(db);
  if (!v.ok) {
    io.err(`truce audit head: the chain is broken: run \`truce audit verify\`\n`);
    return EXIT.failure;
  }
  io.out(`${v.head}\n`);
  return EXIT.ok;
}

export async function sealAuditTrail(io: Io, db: Database): Promise<number> {
  const sealed = await sealAuditChain(db);
  io.out(`Sealed ${count(sealed)}.\n`);
  return EXIT.ok;
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
