/**
 * Helpers of the notification use cases: permission, looking one up as the caller (hidden is
 * missing: 404), its audit entry. A notification's audit entries are its owner's (`org`): the
 * trail of a record seen by a list, not a classification, is kept to the organization that made it.
 */
import { NOT_A_REQUEST, type NotificationState, notificationState } from '../../contract/notifications.ts';
import * as notifications from '../../store/notification.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';

export { NOT_A_REQUEST };
export type { NotificationRecord } from '../../store/notification.repository.ts';

/** The notification as the caller sees it, locked for a change; 404 when hidden or missing. */
export async function lockVisible(tx: Sql, caller: Caller, id: string): Promise<notifications.NotificationRead> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => notifications.get(sql, id)))) throw notFound('record', id);
  await notifications.lock(tx, id);
  return (await notifications.get(tx, id))!;
}

/** Its state as of `now` (the database's clock when read), and how many recipients acknowledged. */
export function stateOf(
  n: notifications.NotificationRecord,
  now: number,
): { state: NotificationState; acknowledged: number } {
  const acknowledged = n.recipients.filter((r) => r.acknowledgedAt !== null).length;
  const state = notificationState(
    {
      validTo: n.valid.to,
      acknowledgeBy: n.acknowledgeBy,
      withdrawnAt: n.withdrawnAt,
      recipients: n.recipients.length,
      acknowledged,
    },
    now,
  );
  return { state, acknowledged };
}

/** Says a notification changed: the live stream reads it again as each reader (app/live), so only those who see it hear. */
export function announce(ctx: AppContext, id: string): void {
  ctx.events.publish({ type: 'notification.changed', entity: 'notification', id, at: ctx.now() });
}

export const refused = (message: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

export function notificationView(n: notifications.NotificationRecord) {
  return {
    id: n.id,
    owner_org: n.ownerOrg,
    subject: n.subject,
    site_kind: n.siteKind,
    name: n.name,
    geometry: n.geometry,
    buffer_m: n.bufferM,
    vehicles: n.vehicles,
    cargo: n.cargo,
    valid: { from: new Date(n.valid.from).toISOString(), to: new Date(n.valid.to).toISOString() },
    acknowledge_by: new Date(n.acknowledgeBy).toISOString(),
    period: n.period,
    withdrawn_at: n.withdrawnAt === null ? null : new Date(n.withdrawnAt).toISOString(),
    recipients: n.recipients.map((r) => ({
      org: r.orgId,
      acknowledged_at: r.acknowledgedAt === null ? null : new Date(r.acknowledgedAt).toISOString(),
      acknowledged_by: r.acknowledgedBy,
    })),
  };
}

export function auditChange(
  action: string,
  before: notifications.NotificationRecord | null,
  after: notifications.NotificationRecord,
): Change {
  return {
    action,
    entity: 'notification',
    entityId: after.id,
    classification: 'org',
    ownerOrg: after.ownerOrg,
    before: before ? notificationView(before) : null,
    after: notificationView(after),
  };
}
