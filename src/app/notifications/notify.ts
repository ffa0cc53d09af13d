/**
 * POST /notifications: an organization notifies a static site or a movement to the recipients it
 * names (notification:send). Not a request for permission: the recipients are informed and
 * acknowledge; they do not approve. Every recipient must be a known organization other than the
 * sender; the deadline to acknowledge falls within the period.
 */
import { randomUUID } from 'node:crypto';
import * as accounts from '../../store/account.repository.ts';
import * as notifications from '../../store/notification.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import { queueNotificationEmails } from './queue-notification-emails.ts';
import { announce, auditChange } from './notification-access.ts';
import { requirePeriod } from './period.ts';

/** What a notification says when it is made: its record's own fields, and the organizations it goes to. */
export type NotifyInput = Pick<
  notifications.NotificationRecord,
  'subject' | 'siteKind' | 'name' | 'geometry' | 'bufferM' | 'vehicles' | 'cargo' | 'valid' | 'acknowledgeBy'
> & { recipients: string[] };

export async function notify(
  ctx: AppContext,
  caller: Caller | null,
  input: NotifyInput,
): Promise<notifications.NotificationRecord> {
  const by = requirePermission(caller, 'notification:send');
  requirePeriod(input.valid, input.acknowledgeBy);
  const recipients = [...new Set(input.recipients)].sort();
  const at = ctx.now();
  const n: notifications.NotificationRecord = {
    id: `ntf-${randomUUID()}`,
    ownerOrg: by.orgId,
    subject: input.subject,
    siteKind: input.subject === 'site' ? input.siteKind : null,
    name: input.name,
    geometry: input.geometry,
    bufferM: input.bufferM,
    vehicles: input.vehicles,
    cargo: input.cargo,
    valid: input.valid,
    acknowledgeBy: input.acknowledgeBy,
    period: 1,
    createdAt: at,
    createdBy: by.username,
    withdrawnAt: null,
    withdrawnBy: null,
    recipients: recipients.map((orgId) => ({ orgId, acknowledgedAt: null, acknowledgedBy: null })),
  };
  const { value } = await writeWorld(ctx, by, async (tx) => {
    for (const [i, orgId] of input.recipients.entries()) {
      if (orgId === by.orgId) throw invalid(`recipients[${i}]`, 'your own organization is not a recipient');
      if (!(await accounts.getOrg(tx, orgId))) throw invalid(`recipients[${i}]`, `unknown organization "${orgId}"`);
    }
    await notifications.insert(tx, n);
    await queueNotificationEmails(tx, n, by);
    // Checked at once against the operation notices in force (docs/deconfliction.md).
    const notices = await checkTarget(tx, { kind: 'notification', record: n });
    return { value: { n, notices }, audit: [auditChange('notify', null, n)] };
  });
  announce(ctx, value.n.id);
  announceNotices(ctx, value.notices);
  return value.n;
}
