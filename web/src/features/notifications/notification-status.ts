/**
 * How a notification's state reads on the page: the server judges it against the database's
 * clock (withdrawn, expired, overdue, acknowledged, awaiting); the page adds how many of its
 * recipients acknowledged, and whether the reader's organization still has to.
 */
import type { NotificationState } from '../../../../src/contract/notifications.ts';
import type { MessageKey } from '../../i18n/en.ts';

export interface NotificationFacts {
  state: NotificationState;
  acknowledged: number;
  owner_org: string;
  recipients: readonly { org: string; acknowledged_at: string | null }[];
}

export interface StatusWords {
  key: MessageKey;
  values: { n: number; m: number };
  /** A tone for the badge: done, waiting, late, ended. */
  tone: 'done' | 'waiting' | 'late' | 'ended';
}

export function statusWords(n: NotificationFacts): StatusWords {
  const values = { n: n.acknowledged, m: n.recipients.length };
  switch (n.state) {
    case 'withdrawn':
      return { key: 'notifications.state.withdrawn', values, tone: 'ended' };
    case 'expired':
      return { key: 'notifications.state.expired', values, tone: 'ended' };
    case 'overdue':
      return { key: 'notifications.state.overdue', values, tone: 'late' };
    case 'acknowledged':
      return { key: 'notifications.state.acknowledged', values, tone: 'done' };
    case 'awaiting':
      return n.acknowledged === 0
        ? { key: 'notifications.state.awaiting', values, tone: 'waiting' }
        : { key: 'notifications.state.partly', values, tone: 'waiting' };
  }
}

/** Whether the reader's organization is a recipient that has yet to acknowledge one still in force. */
export function awaitsMe(n: NotificationFacts, orgId: string): boolean {
  if (n.state === 'withdrawn' || n.state === 'expired') return false;
  return n.recipients.some((r) => r.org === orgId && r.acknowledged_at === null);
}

/** Whether the reader's organization owns it and it can still be renewed or withdrawn. */
export const ownedLive = (n: NotificationFacts, orgId: string): boolean =>
  n.owner_org === orgId && n.state !== 'withdrawn';
