/**
 * Humanitarian notifications: the words shared by the server and the web app. A notification
 * informs; it is not a request for permission. Its state is read against a clock (the
 * database's, on the server), so that an unacknowledged one is flagged once its deadline passes.
 * Who sees one: its owner organization, its recipients, and the secretariat (the UN organizations
 * of the task force; migration 020's policies).
 */
export const NOTIFICATION_SUBJECTS = ['site', 'movement'] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];

export const SITE_KINDS = ['hospital', 'school', 'warehouse', 'office', 'idp_camp', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** From the most to the least final: withdrawn and expired end it; overdue flags a missed deadline. */
export const NOTIFICATION_STATES = ['withdrawn', 'expired', 'overdue', 'acknowledged', 'awaiting'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** Said wherever a notification is made or shown (the API's descriptions, the web app's page). */
export const NOT_A_REQUEST =
  'Notification, not a request for permission: the parties are informed; they do not approve.';

export interface NotificationClock {
  /** Instants in milliseconds. */
  validTo: number;
  acknowledgeBy: number;
  withdrawnAt: number | null;
  recipients: number;
  acknowledged: number;
}

/**
 * The state of a notification at `now`: withdrawn, else expired (valid until passed), else
 * acknowledged by every recipient, else overdue (its deadline passed), else awaiting.
 */
export function notificationState(n: NotificationClock, now: number): NotificationState {
  if (n.withdrawnAt !== null) return 'withdrawn';
  if (now >= n.validTo) return 'expired';
  if (n.acknowledged >= n.recipients) return 'acknowledged';
  if (now >= n.acknowledgeBy) return 'overdue';
  return 'awaiting';
}
