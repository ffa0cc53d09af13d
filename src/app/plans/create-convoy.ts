/** POST /convoys: a planned convoy (analysts, and humanitarians for their own organization). */
import { randomUUID } from 'node:crypto';
import { toConvoy } from '../../scenario/convert.ts';
import * as plans from '../../store/plan.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists } from '../errors.ts';
import type { NewConvoy } from '../shared/inputs.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { convoyView } from '../shared/views.ts';
import { writeWorld } from '../shared/write-world.ts';

export async function createConvoy(
  ctx: AppContext,
  caller: Caller | null,
  input: NewConvoy,
): Promise<plans.ConvoyRecord> {
  const by = requirePermission(caller, 'plan:manage');
  const convoy: plans.ConvoyRecord = {
    ...toConvoy({ ...input, id: `convoy-${randomUUID()}` }),
    classification: input.classification,
    ownerOrg: by.orgId,
  };
  requireAfter('window.to', convoy.window.from, convoy.window.to);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    await requireKnownActors(tx, [{ path: 'organizer', id: convoy.organizer }]);
    if (!(await plans.insertConvoy(tx, convoy))) throw exists('convoy', convoy.id, 'id');
    return {
      value: convoy,
      audit: [
        {
          action: 'create',
          entity: 'convoy',
          entityId: convoy.id,
          classification: convoy.classification,
          ownerOrg: convoy.ownerOrg,
          after: convoyView(convoy),
        },
      ],
    };
  });
  return value;
}
