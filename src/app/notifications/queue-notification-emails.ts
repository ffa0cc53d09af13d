/**
 * The emails a notification queues when it is made or renewed, in the same transaction: to the
 * recipients' users who asked, that it was received; and, due at its deadline to acknowledge, that it
 * is overdue, to its owner's and its recipients' users who asked. Each names the period: a renewal
 * makes the earlier period's messages moot (app/email/notification-emails.ts writes them out).
 */
import type { NotificationRecord } from '../../store/notification.repository.ts';
import type { Sql } from '../../store/sql.ts';
import type { Caller } from '../caller.ts';
import { queueEmail } from '../email/queue-email.ts';

export async function queueNotificationEmails(tx: Sql, n: NotificationRecord, by: Caller): Promise<void> {
  const recipients = n.recipients.map((r) => r.orgId);
  const about = { entity: 'notification', entityId: n.id, detail: { period: n.period } };
  await queueEmail(tx, { kind: 'notification.received', ...about, orgs: recipients, exceptUser: by.userId });
  await queueEmail(tx, {
    kind: 'notification.overdue',
    ...about,
    orgs: [n.ownerOrg, ...recipients],
    dueAt: n.acknowledgeBy,
  });
}
