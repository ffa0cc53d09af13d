/** GET /actors: actors by text (name or alias), kind and designation, a page at a time. */
import type { ActorFilter, ActorSort } from '../../contract/lists.ts';
import type { Page, PageRequest } from '../../contract/paging.ts';
import type { Actor } from '../../domain/model.ts';
import * as actors from '../../store/actor.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listActors(
  ctx: AppContext,
  caller: Caller | null,
  filter: ActorFilter,
  sort: ActorSort,
  page: PageRequest,
): Promise<Page<Actor>> {
  const reader = readerOf(requireCaller(caller));
  return asReader(ctx.db, reader, (sql) => actors.listPage(sql, filter, sort, page));
}
