/**
 * POST /operations: a planned operation declared by the caller's organization (an operation
 * notice), checked at once against every protected site, notified site and movement, and position
 * valid in its window; its conflicts are stored in the same transaction (docs/deconfliction.md)
 * and returned as the declarer may see them, with the spec's deconfliction against the protected
 * sites it may see. Declaring is for analysts and admins (operation:declare).
 */
import { randomUUID } from 'node:crypto';
import { toOperation } from '../../scenario/convert.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists } from '../errors.ts';
import { announceNotices, checkNotice } from '../shared/deconfliction.ts';
import type { NewOperation } from '../shared/inputs.ts';
import { type Deconfliction, judgeOperation } from './judge-operation.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { operationView } from '../shared/views.ts';
import { writeWorld } from '../shared/write-world.ts';

export interface OperationRead {
  operation: plans.OperationRecord;
  deconfliction: Deconfliction;
  /** The notice's stored conflicts the reader may see. */
  conflicts: conflicts.StoredConflict[];
}

export async function createOperation(
  ctx: AppContext,
  caller: Caller | null,
  input: NewOperation,
): Promise<OperationRead> {
  const by = requirePermission(caller, 'operation:declare');
  const operation: plans.OperationRecord = {
    ...toOperation({ ...input, id: `op-${randomUUID()}` }),
    classification: input.classification,
    ownerOrg: by.orgId,
    withdrawnAt: null,
  };
  requireAfter('window.to', operation.window.from, operation.window.to);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    await requireKnownActors(tx, [{ path: 'actor', id: operation.actor }]);
    if (!(await plans.insertOperation(tx, operation))) throw exists('operation', operation.id, 'id');
    await checkNotice(tx, operation, by.userId);
    const reader = readerOf(by);
    return {
      value: {
        operation,
        deconfliction: await judgeOperation(tx, reader, operation),
        conflicts: await readWithin(tx, reader, (sql) => conflicts.listOpen(sql, [operation.id])),
      },
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
  announceNotices(ctx, [operation.id]);
  return value;
}
