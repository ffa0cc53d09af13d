/** GET /operations/{id}: the operation and its deconfliction against the protected sites. */
import * as plans from '../../store/plan.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type Deconfliction, judgeOperation } from './judge-operation.ts';

export async function getOperation(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<{ operation: plans.OperationRecord; deconfliction: Deconfliction }> {
  const reader = readerOf(requireCaller(caller));
  return ctx.db.transaction(async (tx) => {
    const operation = await readWithin(tx, reader, (sql) => plans.getOperation(sql, id));
    if (!operation) throw notFound('operation', id);
    return { operation, deconfliction: await judgeOperation(tx, reader, operation) };
  });
}
