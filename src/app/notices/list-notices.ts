/**
 * GET /operation-notices: the operation notices the caller may see (its organization's with
 * `box=mine`), newest first, each with its open conflicts as the caller may see them (row-level
 * security: a conflict with a target hidden from the caller is not there, and nothing counts it).
 * The secretariat reads every notice: those whose classification hides the operation from it as an
 * outline (who declared it, its window), with their conflicts.
 */
import type { Page, PageRequest } from '../../contract/paging.ts';
import * as conflicts from '../../store/conflict.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface NoticeRead extends plans.NoticeRow {
  conflicts: conflicts.StoredConflict[];
}

export async function listNotices(
  ctx: AppContext,
  caller: Caller | null,
  box: 'mine' | undefined,
  page: PageRequest,
): Promise<Page<NoticeRead>> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), async (sql) => {
    const notices = await plans.listNoticePage(sql, { box, orgId: by.orgId }, page);
    const found = await conflicts.listOpen(
      sql,
      notices.items.map((n) => n.outline.id),
    );
    return {
      items: notices.items.map((n) => ({ ...n, conflicts: found.filter((c) => c.operationId === n.outline.id) })),
      next: notices.next,
    };
  });
}
