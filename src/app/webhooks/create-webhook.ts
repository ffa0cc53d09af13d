/**
 * POST /webhooks: a subscription of the caller's own (any signed-in user, or an API token's user) to
 * events, delivered to its URL under the caller's clearance. Its secret is made here and shown this once.
 * Audited.
 */
import { randomUUID } from 'node:crypto';
import * as webhooks from '../../store/webhook.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../shared/audit.ts';
import { newWebhookSecret } from './signature.ts';
import { checkInput, requireRoom, type WebhookInput, webhookChange } from './webhook-input.ts';

export async function createWebhook(
  ctx: AppContext,
  caller: Caller | null,
  input: WebhookInput & { active?: boolean },
): Promise<{ webhook: webhooks.Subscription; secret: string }> {
  const c = requireCaller(caller);
  const checked = await checkInput(ctx, c, input);
  const secret = newWebhookSecret();
  const at = ctx.now();
  const webhook = await ctx.db.transaction(async (tx) => {
    await webhooks.lockOwner(tx, c.userId);
    await requireRoom(tx, c);
    const s = await webhooks.insert(
      tx,
      { id: `whk-${randomUUID()}`, ownerUser: c.userId, ...checked, active: input.active ?? true },
      secret,
    );
    await audit(tx, c, at, [webhookChange('create', c, null, s)]);
    return s;
  });
  ctx.wrote('accounts');
  return { webhook, secret };
}
