/**
 * PATCH /webhooks/{id}: the owner pauses or resumes a subscription, or changes its name, URL, events or
 * area (the fields given; the others stay). Paused, it is sent nothing: events meanwhile are not kept for
 * it, and deliveries already due wait until it is resumed. Audited when anything changed.
 */
import * as webhooks from '../../store/webhook.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { audit } from '../shared/audit.ts';
import { checkInput, ownWebhook, type WebhookInput, webhookChange } from './webhook-input.ts';

export type WebhookPatch = Partial<WebhookInput> & { active?: boolean | undefined };

export async function changeWebhook(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  patch: WebhookPatch,
): Promise<webhooks.Subscription> {
  const c = requireCaller(caller);
  const before = await ownWebhook(ctx.db, c, id);
  const checked = await checkInput(ctx, c, {
    name: patch.name ?? before.name,
    url: patch.url ?? before.url,
    events: patch.events ?? before.events,
    area: patch.area === undefined ? before.area : patch.area,
  });
  const at = ctx.now();
  const { after, changed } = await ctx.db.transaction(async (tx) => {
    const current = await ownWebhook(tx, c, id, true);
    const next = { ...checked, active: patch.active ?? current.active };
    const same =
      next.name === current.name &&
      next.url === current.url &&
      next.active === current.active &&
      JSON.stringify(next.events) === JSON.stringify(current.events) &&
      JSON.stringify(next.area) === JSON.stringify(current.area);
    if (same) return { after: current, changed: false };
    const after = await webhooks.update(tx, id, next);
    await audit(tx, c, at, [webhookChange('update', c, current, after)]);
    return { after, changed: true };
  });
  if (changed) ctx.wrote('accounts');
  return after;
}
