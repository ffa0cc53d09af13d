/** GET /actors/{id}. */
import type { Actor } from '../../domain/model.ts';
import * as actors from '../../store/actor.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getActor(ctx: AppContext, caller: Caller | null, id: string): Promise<Actor> {
  const actor = await asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => actors.get(sql, id));
  if (!actor) throw notFound('actor', id);
  return actor;
}
