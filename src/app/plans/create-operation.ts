/**
 * POST /operations: a planned operation, returned with its deconfliction. Planning operations is
 * for analysts and admins; the humanitarian role plans sites and convoys, not operations.
 */
import { randomUUID } from 'node:crypto';
import { toOperation } from '../../scenario/convert.ts';
import * as plans from '../../store/plan.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists, forbidden } from '../errors.ts';
import type { NewOperation } from '../shared/inputs.ts';
import { type Deconfliction, judgeOperation } from './judge-operation.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { operationView } from '../shared/views.ts';
import { writeWorld } from '../shared/write-world.ts';

export async function createOperation(
  ctx: AppContext,
  caller: Caller | null,
  input: NewOperation,
): Promise<{ operation: plans.OperationRecord; deconfliction: Deconfliction }> {
  const by = requirePermission(caller, 'plan:manage');
  if (by.role === 'humanitarian') throw forbidden('the humanitarian role cannot plan operations');
  const operation: plans.OperationRecord = {
    ...toOperation({ ...input, id: `op-${randomUUID()}` }),
    classification: input.classification,
    ownerOrg: by.orgId,
  };
  requireAfter('window.to', operation.window.from, operation.window.to);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    await requireKnownActors(tx, [{ path: 'actor', id: operation.actor }]);
    if (!(await plans.insertOperation(tx, operation))) throw exists('operation', operation.id, 'id');
    return {
      value: { operation, deconfliction: await judgeOperation(tx, readerOf(by), operation) },
      audit: [
        {
          action: 'create',
          entity: 'operation',
          entityId: operation.id,
          classification: operation.classification,
          ownerOrg: operation.ownerOrg,
          after: operationView(operation),
        },
      ],
    };
  });
  // Whoever may see the operation hears of the protected sites it comes near, those hidden
  // from its planner included (the planner's answer names only the sites it may see).
  ctx.events.publish({ type: 'alert', entity: 'operation', id: operation.id, at: ctx.now() });
  return value;
}
