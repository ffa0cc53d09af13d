/**
 * POST /notifications/{id}/acknowledge: a recipient organization says it has received the
 * notification (notification:acknowledge), for the current period. Acknowledging is not
 * approving. Again: nothing changes. Only a recipient may; a withdrawn or expired one cannot be.
 */
import * as notifications from '../../store/notification.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditChange, conflict, lockVisible, refused } from './notification-access.ts';

export async function acknowledgeNotification(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<notifications.NotificationRead> {
  const by = requirePermission(caller, 'notification:acknowledge');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const { notification: before, now } = await lockVisible(tx, by, id);
    const mine = before.recipients.find((r) => r.orgId === by.orgId);
    if (!mine) throw refused('your organization is not a recipient of this notification');
    if (before.withdrawnAt !== null) throw conflict('the notification was withdrawn');
    if (now >= before.valid.to) throw conflict('the notification has expired');
    if (mine.acknowledgedAt !== null) return { value: { notification: before, now }, audit: [] };
    await notifications.acknowledge(tx, id, by.orgId, by.username);
    const after = (await notifications.get(tx, id))!;
    return { value: after, audit: [auditChange('acknowledge', before, after.notification)] };
  });
  announce(ctx, id);
  return value;
}
