import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './dispatch.ts';
import { newWebhookSecret, signature, verifySignature } from './signature.ts';

describe('a delivery’s signature', () => {
  const secret = 'whsec_test';
  const body = '{"id":"d1","type":"incident.created"}';

  it('is the hex HMAC-SHA256 of "<timestamp>.<body>", keyed by the secret', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signature(secret, 1_700_000_000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies for the receiver: the same body, secret and a timestamp within five minutes', () => {
    const sig = signature(secret, 1_700_000_000, body);
    const header = { signature: sig, timestamp: '1700000000' };
    expect(verifySignature(secret, header, body, 1_700_000_100)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 1_700_000_100), 'a body changed').toBe(false);
    expect(verifySignature('whsec_other', header, body, 1_700_000_100), 'another secret').toBe(false);
    expect(verifySignature(secret, header, body, 1_700_000_301), 'a replay after five minutes').toBe(false);
    expect(verifySignature(secret, { ...header, timestamp: '1700000001' }, body, 1_700_000_001), 'another time').toBe(
      false,
    );
    expect(verifySignature(secret, { signature: undefined, timestamp: '1700000000' }, body, 1_700_000_000)).toBe(false);
    expect(verifySignature(secret, { ...header, timestamp: '17e8' }, body, 1_700_000_000)).toBe(false);
  });

  it('is keyed by a new random secret for each subscription', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('the wait before the next attempt', () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [9, 2_560_000],
    [10, 3_600_000],
    [20, 3_600_000],
  ])('after attempt %i: %i ms', (attempt, ms) => {
    expect(retryDelayMs(attempt, { retryBaseMs: 10_000, retryCapMs: 3_600_000 })).toBe(ms);
  });
});
