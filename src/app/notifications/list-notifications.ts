/** GET /notifications: those the caller may see (sent by its organization, received, or all for the secretariat), newest first. */
import type { PageRequest } from '../../contract/paging.ts';
import * as notifications from '../../store/notification.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listNotifications(
  ctx: AppContext,
  caller: Caller | null,
  box: 'sent' | 'received' | undefined,
  page: PageRequest,
): Promise<Awaited<ReturnType<typeof notifications.listPage>>> {
  const by = requireCaller(caller);
  return asReader(ctx.db, readerOf(by), (sql) => notifications.listPage(sql, { box, orgId: by.orgId }, page));
}
