/** GET /notifications/{id}: one notification, for its owner, its recipients and the secretariat; anyone else: 404. */
import * as notifications from '../../store/notification.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getNotification(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<notifications.NotificationRead> {
  const reader = readerOf(requireCaller(caller));
  const found = await asReader(ctx.db, reader, (sql) => notifications.get(sql, id));
  if (!found) throw notFound('record', id);
  return found;
}
