/** POST /operations/check: the deconfliction of a planned operation, without storing it. */
import { toOperation } from '../../scenario/convert.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { OperationCheck } from '../shared/inputs.ts';
import { type Deconfliction, judgeOperation } from './judge-operation.ts';
import { requireAfter } from '../shared/references.ts';

export async function checkOperation(
  ctx: AppContext,
  caller: Caller | null,
  input: OperationCheck,
): Promise<Deconfliction> {
  const reader = readerOf(requireCaller(caller));
  const operation = toOperation(input);
  requireAfter('window.to', operation.window.from, operation.window.to);
  return ctx.db.transaction((tx) => judgeOperation(tx, reader, operation));
}
