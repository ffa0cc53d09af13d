/** DELETE /webhooks/{id}: the owner removes a subscription, with its delivery log; nothing more is sent. Audited. */
import * as webhooks from '../../store/webhook.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../shared/audit.ts';
import { ownWebhook, webhookChange } from './webhook-input.ts';

export async function deleteWebhook(ctx: AppContext, caller: Caller | null, id: string): Promise<void> {
  const c = requireCaller(caller);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const s = await ownWebhook(tx, c, id, true);
    await webhooks.remove(tx, id);
    await audit(tx, c, at, [webhookChange('delete', c, s, null)]);
  });
  ctx.wrote('accounts');
}
