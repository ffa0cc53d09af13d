/** POST /actors: a new actor. It is named by no finding yet, so none is judged again. */
import type { Actor } from '../../domain/model.ts';
import { toActor } from '../../scenario/convert.ts';
import * as actors from '../../store/actor.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists } from '../errors.ts';
import type { NewActor } from '../shared/inputs.ts';
import { actorView } from '../shared/views.ts';
import { writeWorld } from '../shared/write-world.ts';

export async function createActor(ctx: AppContext, caller: Caller | null, input: NewActor): Promise<Actor> {
  const by = requirePermission(caller, 'world:manage');
  const actor = toActor(input);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    if (!(await actors.insert(tx, actor))) throw exists('actor', actor.id, 'id');
    return {
      value: actor,
      audit: [{ action: 'create', entity: 'actor', entityId: actor.id, after: actorView(actor) }],
    };
  });
  return value;
}
