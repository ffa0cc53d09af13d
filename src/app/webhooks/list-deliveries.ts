/**
 * GET /webhooks/{id}/deliveries: a subscription's delivery log, newest first, each delivery with its
 * attempts (when, the answer's status or why there was none, how long). Its owner's only; read as the
 * owner, so a delivery whose record the owner may not see now is not listed (and says what it was
 * about by the record's title, place and time, as the owner may see them now).
 */
import type { Page, PageRequest } from '../../contract/paging.ts';
import { asReader } from '../../store/reader.ts';
import * as webhooks from '../../store/webhook.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { ownWebhook } from './webhook-input.ts';

export type Delivery = webhooks.Delivery;

export async function listDeliveries(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  page: PageRequest,
): Promise<Page<webhooks.Delivery>> {
  const c = requireCaller(caller);
  await ownWebhook(ctx.db, c, id);
  return asReader(ctx.db, readerOf(c), (sql) => webhooks.deliveryPage(sql, id, page));
}
