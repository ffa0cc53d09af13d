/**
 * Helpers of the operation notice use cases: looking a notice up as the caller (hidden is
 * missing: 404), the declaring organization's right to change it, its audit entry (at the
 * operation's own classification, as when it was declared).
 */
import * as plans from '../../store/plan.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';
import { operationView } from '../shared/views.ts';

/** The operation as the caller sees it, locked for a change; 404 when hidden or missing, 403 when not the caller's organization's, 409 once withdrawn. */
export async function lockOwnNotice(tx: Sql, caller: Caller, id: string): Promise<plans.OperationRecord> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => plans.getOperation(sql, id)))) throw notFound('operation', id);
  await plans.lockOperation(tx, id);
  const o = (await plans.getOperation(tx, id))!;
  if (o.ownerOrg !== caller.orgId)
    throw new AppError('FORBIDDEN', 'only the organization that declared the operation may change or withdraw it');
  if (o.withdrawnAt !== null) throw new AppError('CONFLICT', 'the operation notice was withdrawn');
  return o;
}

export function auditNotice(action: string, before: plans.OperationRecord, after: plans.OperationRecord): Change {
  return {
    action,
    entity: 'operation',
    entityId: after.id,
    classification: after.classification,
    ownerOrg: after.ownerOrg,
    before: operationView(before),
    after: operationView(after),
  };
}
