/**
 * PATCH /actors/{id}. A change of name, kind or designation can change any finding (designation
 * excludes an actor from every truce; names are in the explanations), so all are judged again;
 * aliases or the Arabic name alone change none (the explanations are in English; the web app
 * looks the Arabic name up by id).
 */
import type { Actor } from '../../domain/model.ts';
import * as actors from '../../store/actor.repository.ts';
import { sameRecord } from '../../store/rows.ts';
import { AFFECTED_BY_ACTOR, actorChangeJudged } from '../findings/affected-findings.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorChanged } from '../findings/finding-causes.ts';
import type { ActorPatch } from '../shared/inputs.ts';
import { actorView } from '../shared/views.ts';
import { writeWorld, type Written } from '../shared/write-world.ts';

export async function updateActor(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  patch: ActorPatch,
): Promise<Written<Actor>> {
  const by = requirePermission(caller, 'world:manage');
  return writeWorld(ctx, by, async (tx) => {
    const before = await actors.get(tx, id);
    if (!before) throw notFound('actor', id);
    const { nameAr: storedAr, ...rest } = before;
    const nameAr = patch.name_ar === undefined ? storedAr : patch.name_ar;
    const after: Actor = {
      ...rest,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(nameAr ? { nameAr } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.aliases !== undefined ? { aliases: patch.aliases } : {}),
      ...(patch.designated !== undefined ? { designated: patch.designated } : {}),
    };
    if (sameRecord(before, after)) return { value: after, audit: [] };
    await actors.upsert(tx, [after]);
    const judged = actorChangeJudged(before, after);
    return {
      value: after,
      audit: [{ action: 'update', entity: 'actor', entityId: id, before: actorView(before), after: actorView(after) }],
      ...(judged
        ? { recompute: { scope: AFFECTED_BY_ACTOR, cause: actorChanged(after, by), subject: { entity: 'actor', id } } }
        : {}),
    };
  });
}
