/** GET /webhooks and /webhooks/{id}: the caller's own subscriptions (never their secrets); anyone else's is not found. */
import * as webhooks from '../../store/webhook.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { ownWebhook } from './webhook-input.ts';

export type Webhook = webhooks.Subscription;

export async function listWebhooks(ctx: AppContext, caller: Caller | null): Promise<webhooks.Subscription[]> {
  const c = requireCaller(caller);
  return webhooks.listOfOwner(ctx.db, c.userId);
}

export async function getWebhook(ctx: AppContext, caller: Caller | null, id: string): Promise<webhooks.Subscription> {
  const c = requireCaller(caller);
  return ownWebhook(ctx.db, c, id);
}
