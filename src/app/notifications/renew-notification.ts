/**
 * POST /notifications/{id}/renew: the owner organization gives its notification a new period and
 * a new deadline (notification:send); every recipient is asked to acknowledge again. A withdrawn
 * one cannot be renewed: notify again.
 */
import * as notifications from '../../store/notification.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { queueNotificationEmails } from './queue-notification-emails.ts';
import { announce, auditChange, conflict, lockVisible, refused } from './notification-access.ts';
import { requirePeriod } from './period.ts';

export interface RenewInput {
  valid: { from: number; to: number };
  acknowledgeBy: number;
}

export async function renewNotification(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: RenewInput,
): Promise<notifications.NotificationRead> {
  const by = requirePermission(caller, 'notification:send');
  requirePeriod(input.valid, input.acknowledgeBy);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const { notification: before } = await lockVisible(tx, by, id);
    if (before.ownerOrg !== by.orgId) throw refused('only the organization that notified may renew');
    if (before.withdrawnAt !== null) throw conflict('the notification was withdrawn: notify again');
    await notifications.renew(tx, id, input.valid, input.acknowledgeBy);
    const after = (await notifications.get(tx, id))!;
    await queueNotificationEmails(tx, after.notification, by);
    // Its new period is checked against the operation notices in force.
    const notices = await checkTarget(tx, { kind: 'notification', record: after.notification });
    return { value: { after, notices }, audit: [auditChange('renew', before, after.notification)] };
  });
  announce(ctx, id);
  announceNotices(ctx, value.notices);
  return value.after;
}
