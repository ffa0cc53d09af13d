import { describe, expect, it } from 'vitest';
import { countdownText, deadlineState, durationParts, localDigits, type ThreadDeadlines } from './countdown.ts';

const DUE = Date.parse('2026-12-06T10:10:00Z');
const thread = (over: Partial<ThreadDeadlines> = {}): ThreadDeadlines => ({
  ack_due_at: new Date(DUE).toISOString(),
  escalated_at: null,
  escalated_again_at: null,
  resolved_at: null,
  recipients: [{ acknowledged_at: null }, { acknowledged_at: '2026-12-06T10:01:00Z' }],
  ...over,
});

describe('deadlineState', () => {
  it.each([
    ['before the deadline', thread(), DUE - 90_000, { kind: 'waiting', remainingMs: 90_000 }],
    ['at the deadline, not yet escalated', thread(), DUE, { kind: 'overdue', escalations: 0 }],
    ['escalated once', thread({ escalated_at: 'x' }), DUE + 1, { kind: 'overdue', escalations: 1 }],
    [
      'escalated twice',
      thread({ escalated_at: 'x', escalated_again_at: 'y' }),
      DUE + 1,
      { kind: 'overdue', escalations: 2 },
    ],
    // The server escalated before this browser's clock says the deadline passed: the server's word counts.
    [
      'escalated early by a skewed clock',
      thread({ escalated_at: 'x' }),
      DUE - 5_000,
      { kind: 'overdue', escalations: 1 },
    ],
    [
      'every recipient acknowledged',
      thread({ recipients: [{ acknowledged_at: 'a' }] }),
      DUE + 1,
      { kind: 'acknowledged' },
    ],
    ['resolved', thread({ resolved_at: 'r', escalated_at: 'x' }), DUE + 1, { kind: 'resolved' }],
  ] as const)('%s', (_name, t, now, expected) => {
    expect(deadlineState(t, now)).toEqual(expected);
  });
});

describe('countdownText', () => {
  it.each([
    [600_000, '10:00'],
    [65_000, '1:05'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [86_399_000, '23:59:59'],
  ])('%i ms → %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});

describe('durationParts', () => {
  it.each([
    [59, { hours: 0, minutes: 1 }],
    [3_600, { hours: 1, minutes: 0 }],
    [5_430, { hours: 1, minutes: 31 }],
  ])('%i s', (s, parts) => {
    expect(durationParts(s)).toEqual(parts);
  });
});

describe('localDigits', () => {
  it('writes a countdown in Arabic-Indic digits in Arabic, and leaves English as it is', () => {
    expect(localDigits('9:05', 'ar')).toBe('٩:٠٥');
    expect(localDigits('23:59:59', 'en')).toBe('23:59:59');
  });
});
