/**
 * POST /notifications/{id}/withdraw: the owner organization withdraws its notification
 * (notification:send). It is kept, marked withdrawn, with who withdrew it and when; again: nothing changes.
 */
import * as notifications from '../../store/notification.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, auditChange, lockVisible, refused } from './notification-access.ts';

export async function withdrawNotification(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<notifications.NotificationRead> {
  const by = requirePermission(caller, 'notification:send');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const read = await lockVisible(tx, by, id);
    const before = read.notification;
    if (before.ownerOrg !== by.orgId) throw refused('only the organization that notified may withdraw');
    if (before.withdrawnAt !== null) return { value: { after: read, notices: [] as string[] }, audit: [] };
    await notifications.withdraw(tx, id, by.username);
    const after = (await notifications.get(tx, id))!;
    // Its conflicts with operation notices are closed.
    const notices = await checkTarget(tx, { kind: 'notification', record: after.notification }, true);
    return { value: { after, notices }, audit: [auditChange('withdraw', before, after.notification)] };
  });
  announce(ctx, id);
  announceNotices(ctx, value.notices);
  return value.after;
}
