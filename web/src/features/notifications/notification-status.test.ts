import { describe, expect, it } from 'vitest';
import { notificationState } from '../../../../src/contract/notifications.ts';
import { awaitsMe, type NotificationFacts, ownedLive, statusWords } from './notification-status.ts';

const recipients = [
  { org: 'ru', acknowledged_at: null },
  { org: 'us', acknowledged_at: '2016-09-19T10:00:00Z' },
];
const facts = (over: Partial<NotificationFacts> = {}): NotificationFacts => ({
  state: 'awaiting',
  acknowledged: 1,
  owner_org: 'sarc',
  recipients,
  ...over,
});

describe('notificationState', () => {
  const base = { validTo: 100, acknowledgeBy: 50, withdrawnAt: null, recipients: 2, acknowledged: 1 };
  it.each([
    ['awaiting before the deadline', base, 10, 'awaiting'],
    ['overdue at the deadline', base, 50, 'overdue'],
    ['acknowledged by all, past the deadline', { ...base, acknowledged: 2 }, 60, 'acknowledged'],
    ['expired at valid until, acknowledged or not', { ...base, acknowledged: 2 }, 100, 'expired'],
    ['withdrawn before anything else', { ...base, withdrawnAt: 5 }, 200, 'withdrawn'],
  ] as const)('%s', (_name, n, now, state) => {
    expect(notificationState(n, now)).toBe(state);
  });
});

describe('statusWords', () => {
  it.each([
    [facts({ acknowledged: 0, recipients: [recipients[0]!] }), 'notifications.state.awaiting', 'waiting'],
    [facts(), 'notifications.state.partly', 'waiting'],
    [facts({ state: 'acknowledged', acknowledged: 2 }), 'notifications.state.acknowledged', 'done'],
    [facts({ state: 'overdue' }), 'notifications.state.overdue', 'late'],
    [facts({ state: 'expired' }), 'notifications.state.expired', 'ended'],
    [facts({ state: 'withdrawn' }), 'notifications.state.withdrawn', 'ended'],
  ] as const)('%#: %s', (n, key, tone) => {
    expect(statusWords(n)).toEqual({ key, values: { n: n.acknowledged, m: n.recipients.length }, tone });
  });
});

describe('who acts', () => {
  it('asks a recipient that has not acknowledged, while it is in force', () => {
    expect(awaitsMe(facts(), 'ru')).toBe(true);
    expect(awaitsMe(facts(), 'us')).toBe(false);
    expect(awaitsMe(facts(), 'sarc')).toBe(false);
    expect(awaitsMe(facts({ state: 'overdue' }), 'ru')).toBe(true);
    expect(awaitsMe(facts({ state: 'expired' }), 'ru')).toBe(false);
  });
  it('lets the owner renew or withdraw until it is withdrawn', () => {
    expect(ownedLive(facts({ state: 'expired' }), 'sarc')).toBe(true);
    expect(ownedLive(facts({ state: 'withdrawn' }), 'sarc')).toBe(false);
    expect(ownedLive(facts(), 'ru')).toBe(false);
  });
});
