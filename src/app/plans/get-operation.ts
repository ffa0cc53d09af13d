/** GET /operations/{id}: the operation, its deconfliction against the protected sites, and (a notice) its stored conflicts the reader may see. */
import * as conflicts from '../../store/conflict.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { OperationRead } from './create-operation.ts';
import { judgeOperation } from './judge-operation.ts';

export async function getOperation(ctx: AppContext, caller: Caller | null, id: string): Promise<OperationRead> {
  const reader = readerOf(requireCaller(caller));
  return ctx.db.transaction(async (tx) => {
    const found = await readWithin(tx, reader, async (sql) => {
      const operation = await plans.getOperation(sql, id);
      return operation && { operation, conflicts: await conflicts.listOpen(sql, [id]) };
    });
    if (!found) throw notFound('operation', id);
    return { ...found, deconfliction: await judgeOperation(tx, reader, found.operation) };
  });
}
